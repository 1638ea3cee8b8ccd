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

let bridge: { worker: Worker; port: MessagePort } | null = null;

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

function start(): { worker: Worker; port: MessagePort } | null {
  const file = workerFile();
  if (!file) return null;
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(file, {
    execArgv: ['--import', 'tsx'],
    workerData: { port: port2 },
    transferList: [port2],
  });
  worker.unref();
  port1.unref();
  return { worker, port: port1 };
}

/** The start of the reasons for failures of the converting thread, not of the file. */
const TIMED_OUT = '文件转换超时';
const NO_MODULE = '文档转换模块缺失';

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
      reason: `${TIMED_OUT}（${Math.round(timeoutMs / 1000)} 秒），已跳过`,
    };
  }
  return msg.message as Converted;
}
