import { describe, expect, it } from 'vitest';
import { convertSync, failedInThisRun, timedOut } from '../src/lib/decode/convert-sync.ts';

/**
 * A conversion that fails in this run rather than because of the file (a timeout on a loaded
 * machine, a converting thread that cannot start) is told apart, so that the analysis cache does
 * not keep the rejection (ingest/worker.ts): a fresh tester's incremental runs rejected a Word
 * file for good after one run under the wrong Node.js.
 */
describe('failedInThisRun', () => {
  it("is true of a timed-out conversion's reason, false of a broken file's", () => {
    expect(failedInThisRun(timedOut(120_000))).toBe(true);
    expect(failedInThisRun('PDF 文件已损坏，无法解析')).toBe(false);
    expect(failedInThisRun('Word 文件没有文字（可能只有图片）')).toBe(false);
  });

  it('converts once its thread has started, and a broken file is the file’s failure', () => {
    const r = convertSync('a.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46]));
    expect(r.ok).toBe(false);
    expect(!r.ok && failedInThisRun(r.reason)).toBe(false);
  });
});
