import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { Converted } from './document.ts';

/**
 * `convertDocument` called synchronously: the conversion runs in a helper thread while this
 * one waits on a shared flag. The ingest (and its worker threads) stays synchronous and
 * deterministic; only PDF and Word files pay for the hop. One helper thread per thread that
 * needs it, started on first use and not keeping the process alive.
 */

type Bridge = { worker: Worker; port: MessagePort };

/** The helper thread; `failed`: it could not start in this thread, and is not tried again. */
let bridge: Bridge | 'failed' | null = null;

/** How long a helper thread may take to load its modules (pdf.js, mammoth) before it is given up. */
const START_MS = 60_000;

/**
 * The helper's source: beside this module, or — when this module was bundled elsewhere (the
 * site build) — in the project's source tree.
 */
function workerFile(): URL | string | null {
  const here = new URL('./convert-worker.ts', import.meta.url);
  if (here.protocol === 'file:' && existsSync(fileURLToPath(here))) return here;
  const fromRoot = resolve('src/lib/decode/convert-worker.ts');
  return existsSync(fromRoot) ? fromRoot : null;
}

/**
 * Starts the helper and waits until it has loaded its modules: null when its source is missing,
 * `failed` when it did not load in START_MS. Under another Node.js than the project's (Node 20
 * cannot load the helper's TypeScript in a thread: ERR_UNKNOWN_FILE_EXTENSION) every document
 * waited for the conversion's whole timeout, and the thread's error, which nothing listened
 * to, then stopped the process (a fresh tester).
 */
function start(): Bridge | 'failed' | null {
  const file = workerFile();
  if (!file) return null;
  const { port1, port2 } = new MessageChannel();
  const ready = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(file, {
    execArgv: ['--import', 'tsx'],
    workerData: { port: port2, ready },
    transferList: [port2],
  });
  // The thread's own failure (it could not load) is told by `ready`; it must not stop the process.
  worker.on('error', () => {});
  worker.unref();
  port1.unref();
  if (Atomics.wait(ready, 0, 0, START_MS) === 'timed-out') {
    void worker.terminate();
    return 'failed';
  }
  return { worker, port: port1 };
}

/** The start of the reasons for failures of the converting thread, not of the file. */
const TIMED_OUT = '文件转换超时';
const NO_MODULE = '文档转换模块缺失';
const NO_START = '文档转换模块无法启动';

/** The reason of a conversion that took longer than `ms`. */
export const timedOut = (ms: number): string => `${TIMED_OUT}（${Math.round(ms / 1000)} 秒），已跳过`;

/**
 * Whether a rejection's reason is a failure of this run rather than of the file: the conversion
 * timed out (a loaded machine) or its thread could not start (a fresh tester ran the ingest
 * under another Node.js, where it cannot load its modules). Such a rejection is not remembered
 * (the analysis cache, ingest/worker.ts): an incremental run kept rejecting the file for good.
 */
export const failedInThisRun = (reason: string): boolean =>
  reason.startsWith(TIMED_OUT) || reason.startsWith(NO_MODULE);

export function convertSync(path: string, bytes: Uint8Array, timeoutMs = 120_000): Converted {
  bridge ??= start();
  if (!bridge)
    return {
      ok: false,
      code: 'E_DOCUMENT_BROKEN',
      reason: `${NO_MODULE}（convert-worker.ts），无法读取 PDF/Word 文件`,
    };
  if (bridge === 'failed')
    return {
      ok: false,
      code: 'E_DOCUMENT_BROKEN',
      reason: `${NO_START}（Node.js ${process.versions.node}；npm run ingest 使用项目自带的 Node.js），无法读取 PDF/Word 文件`,
    };
  const flag = new Int32Array(new SharedArrayBuffer(4));
  bridge.worker.postMessage({ flag, path, bytes });
  const waited = Atomics.wait(flag, 0, 0, timeoutMs);
  const msg = receiveMessageOnPort(bridge.port);
  if (waited === 'timed-out' || !msg) {
    void bridge.worker.terminate();
    bridge = null;
    return {
      ok: false,
      code: 'E_DOCUMENT_BROKEN',
      reason: timedOut(timeoutMs),
    };
  }
  return msg.message as Converted;
}
