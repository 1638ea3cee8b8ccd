import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInMemory, type SourceFile } from '../src/lib/ingest/run.ts';
import { gaz, sha } from './helpers.ts';

/**
 * Shapes a first tester made by hand to break the reader (test/fixtures/shapes, with the right
 * values in truth/ in the format of ../shared/cases): columns named in another order than the
 * official form, money in 千元 and 亿元, footnote marks (78①, 166<sup>1</sup>, hidden text),
 * text in number cells (三, 3/5, 334人次), two reports in one file, and others. Each published
 * number must be the file's; a truth value of null must come out NULL; `lenient` allows NULL.
 */
const DIR = 'test/fixtures/shapes';
interface TruthCell {
  table_id: string;
  row_key: string;
  col_key: string;
  value: number | null;
  lenient?: boolean;
}

describe('hand-made shapes from a first tester', () => {
  const names = readdirSync(join(DIR, 'raw')).sort();
  const files: SourceFile[] = names.map((n) => {
    const bytes = readFileSync(join(DIR, 'raw', n));
    return { path: n, size: bytes.length, read: () => bytes, sha256: sha };
  });
  const data = runInMemory(files, { rawDir: DIR, maxBytes: 20 * 1024 * 1024, gazetteer: gaz(), maxYear: 2026 });
  const byFile = new Map(data.reports.map((r) => [r.source_file, r.report_id]));
  const cells = new Map(data.cells.map((c) => [`${c.report_id}|${c.table_id}.${c.row_key}.${c.col_key}`, c]));

  it('publishes no wrong number on any of them', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const n of names) {
      const truth = JSON.parse(readFileSync(join(DIR, 'truth', `${n}.json`), 'utf8')) as { cells: TruthCell[] };
      const id = byFile.get(n);
      if (!id) continue;
      for (const t of truth.cells) {
        const c = cells.get(`${id}|${t.table_id}.${t.row_key}.${t.col_key}`);
        const v = c?.value ?? null;
        checked++;
        if (v !== null && (t.value === null || Math.abs(v - t.value) > 1e-9))
          wrong.push(`${n} ${t.table_id}.${t.row_key}.${t.col_key}: ${v} (file: ${t.value})`);
      }
    }
    expect(checked).toBeGreaterThan(3000);
    expect(wrong).toEqual([]);
  });

  const cell = (file: string, key: string) => cells.get(`${byFile.get(file)}|${key}`);
  it('columns in another order than the form: no value placed, with a note', () => {
    expect(cell('x06_req_subcols_reordered.txt', 'requests.new_received.commercial')?.state).toBe('ambiguous');
    expect(cell('x05_review_suits_first.txt', 'review.review.total')?.state).toBe('ambiguous');
    expect(cell('w01_active_cols_reordered.txt', 'active.rules.issued')?.state).toBe('ambiguous');
  });
  it('千元 and 亿元 are converted exactly to 万元, never taken for 元', () => {
    expect(cell('x04_fee_qianyuan.txt', 'active.fees.amount')?.value).toBe(12.75);
    expect(cell('y03_fee_yiyuan.txt', 'active.fees.amount')?.value).toBe(1275);
  });
  it('footnote marks and text in a number cell: unreadable with the raw text, never a digit and never blank', () => {
    expect(cell('x03_footnotes.txt', 'requests.granted.commercial')).toMatchObject({
      state: 'unreadable',
      raw: '78①',
      value: null,
    });
    expect(cell('w11_cn_numerals.txt', 'requests.declined_repeat.natural_person')).toMatchObject({
      state: 'unreadable',
      raw: '三',
    });
    for (const c of data.cells)
      if (c.state === 'blank') expect(c.raw, `${c.table_id}.${c.row_key}.${c.col_key}`).toBe('');
  });
});
