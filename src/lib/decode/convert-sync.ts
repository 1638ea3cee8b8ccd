import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Converted } from './document.ts';

/**
 * `convertDocument` called synchronously: the conversion runs in a helper thread while this
 * one waits on a shared flag. The ingest (and its worker threads) stays synchronous and
 * deterministic; only PDF and Word files pay for the hop. One helper thread per thread that
 * needs it, started on first use and not keeping the process alive.
 */

let bridge: { worker: Worker; port: MessagePort } | null = null;

function start(): { worker: Worker; port: MessagePort } {
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./convert-worker.ts', import.meta.url), {
    execArgv: ['--import', 'tsx'],
    workerData: { port: port2 },
    transferList: [port2],
  });
  worker.unref();
  port1.unref();
  return { worker, port: port1 };
}

export function convertSync(path: string, bytes: Uint8Array, timeoutMs = 120_000): Converted {
  bridge ??= start();
  const flag = new Int32Array(new SharedArrayBuffer(4));
  bridge.worker.postMessage({ flag, path, bytes });
  const waited = Atomics.wait(flag, 0, 0, timeoutMs);
  const msg = receiveMessageOnPort(bridge.port);
  if (waited === 'timed-out' || !msg) {
    void bridge.worker.terminate();
    bridge = null;
    return { ok: false, code: 'E_DOCUMENT_BROKEN', reason: `文件转换超时（${Math.round(timeoutMs / 1000)} 秒），已跳过` };
  }
  return msg.message as Converted;
}
