/** Helper thread of convert-sync.ts: converts one document per message. */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { convertDocument, type Converted } from './document.ts';

const { port, ready } = workerData as { port: MessagePort; ready: Int32Array };

async function convert(msg: { flag: Int32Array; path: string; bytes: Uint8Array }): Promise<void> {
  let out: Converted;
  try {
    out = await convertDocument(msg.path, msg.bytes);
  } catch (e) {
    out = { ok: false, code: 'E_DOCUMENT_BROKEN', reason: `文件无法解析：${(e as Error)?.message ?? String(e)}` };
  }
  port.postMessage(out);
  Atomics.store(msg.flag, 0, 1);
  Atomics.notify(msg.flag, 0);
}

// convert() catches every failure itself, so the promise never rejects.
parentPort!.on('message', (msg: Parameters<typeof convert>[0]) => void convert(msg));

// Loaded: the thread that started this one waits for it before its first document (convert-sync.ts).
Atomics.store(ready, 0, 1);
Atomics.notify(ready, 0);
