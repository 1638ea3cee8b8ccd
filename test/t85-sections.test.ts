import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';
import { ok, parseText } from './helpers.ts';

/**
 * A fresh tester's t85 (test/fixtures/tester/t85, README.txt its notes): a report numbered off
 * whose short heading let the search run on into an appendix; remarks beside full rows; the read
 * report cut above its own signature.
 */
const dir = new URL('./fixtures/tester/t85/', import.meta.url);

describe('t85: every number is its own report’s, section’s and column’s', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(7));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
  it('a remark beside a full row takes none of it away (h_fujian1, hr_remark2)', async () => {
    expect(await missingInFile(dir, 'h_fujian1.html')).toEqual([]);
    expect(await missingInFile(dir, 'hr_remark2.html')).toEqual([]);
  });
  it('the read report keeps its signature’s date above the other report’s yearless title (k4)', () => {
    const file = 'k4_header_then_yearless_prev.txt';
    expect(ok(parseText(readFileSync(new URL(file, dir)), file)).report.published_on).toBe('2024-01-20');
  });
});
