import { describe, expect, it } from 'vitest';
import { analyzeFile } from '../src/lib/ingest/analyze.ts';
import { gaz, sha } from './helpers.ts';

/**
 * A file read while it is written (a crawler writing into raw/): what is read is not the file
 * the walk listed, so it is rejected with that reason, never analysed (a fresh tester's t29: the
 * listed size beside the new file's SHA-256, and a half-rewritten report read as an empty file).
 */
describe('a file that changes while it is read', () => {
  const ctx = { gazetteer: gaz(), maxYear: 2026, maxBytes: 2 ** 20 };
  const text = new TextEncoder().encode('某局2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n');

  it('is rejected, saying so, when the size read is not the size listed', () => {
    for (const read of [text.slice(0, 10), new Uint8Array(0)]) {
      const r = analyzeFile({ path: 'a.txt', size: text.length }, () => read, sha, ctx);
      expect(r.rejected?.reason).toMatch(/changed while it was read/);
    }
  });

  it('is read when the sizes agree', () => {
    const r = analyzeFile({ path: 'a.txt', size: text.length }, () => text, sha, ctx);
    expect(r.rejected).toBeFalsy();
  });
});
