import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, parseText, wrongCells, type TruthCell } from './helpers.ts';
import { Random } from '../src/lib/synth/random.ts';

/**
 * Rows whose values follow another row's, their labels printed elsewhere (tables/runs.ts): plain
 * pdftotext of the real report of ../shared/real (test/fixtures/documents), whose 三 prints the
 * tall 三、本年度办理结果 cell and the labels beside it below the rows' numbers, so that 二's label
 * is followed by its own, 予以公开's and 部分公开's values, and 4.无正当理由大量反复申请's by five rows'.
 */

const text = readFileSync(new URL('./fixtures/documents/huaian2024.txt', import.meta.url), 'utf8');
const truthUrl = new URL('./fixtures/documents/huaian2024.truth.json', import.meta.url);
const truth = (JSON.parse(readFileSync(truthUrl, 'utf8')) as { cells: TruthCell[] }).cells;
const requests = truth.filter((c) => c.table_id === 'requests');
const published = (t: string) =>
  ok(parseText(t, '001_huaian2024.txt')).cells.filter((c) => c.table_id === 'requests' && c.state === 'number');
const lines = text.split('\n');
/** The text with line `no` (1-based, the file's) replaced by `to`, or removed (null). */
const edit = (no: number, to: string | null) =>
  [...lines.slice(0, no - 1), ...(to === null ? [] : [to]), ...lines.slice(no)].join('\n');
// The run after 二's label: the file's line numbers of its 21 values, one a line.
const runLines = lines
  .map((l, i) => [l, i + 1] as const)
  .filter(([l, no]) => no > lines.indexOf('二、上年结转政府信息公开申请数量') + 1 && l.trim() !== '')
  .slice(0, 21)
  .map(([, no]) => no);

describe('a run of values after a row label, the next rows’ labels printed elsewhere', () => {
  it('reads every cell of 三 as the report has it', () => {
    const cells = published(text);
    expect(cells).toHaveLength(requests.length);
    expect(wrongCells(cells, truthUrl)).toEqual([]);
  });

  it('has the run where the test edits it', () => {
    expect(runLines.map((no) => lines[no - 1])).toEqual(
      '34 0 0 0 0 0 34 1288 21 0 0 50 3 1362 447 7 0 0 0 0 454'.split(' '),
    );
  });

  it('is not read where one of its rows does not add up', () => {
    // 予以公开's 1288 → 1289: its own sum fails.
    const cells = published(edit(runLines[7]!, '1289'));
    for (const row of ['carried_over', 'granted', 'partly_granted'])
      expect(cells.filter((c) => c.row_key === row)).toEqual([]);
  });

  it('is not read where its rows add up but a column of the table does not', () => {
    // 1288 → 1289 and 1362 → 1363: the row holds, 自然人's and 总计's column sums fail.
    const t = edit(runLines[7]!, '1289').split('\n');
    t[runLines[13]! - 1] = '1363';
    const cells = published(t.join('\n'));
    for (const row of ['carried_over', 'granted', 'partly_granted', 'declined_confirmation', 'other_misc'])
      expect(cells.filter((c) => c.row_key === row)).toEqual([]);
  });

  it('takes in a row whose label is lost after it, where that row adds up too', () => {
    // 1.属于国家秘密 gone: its seven values join the run, 28 for four rows.
    const cells = published(edit(lines.indexOf('1.属于国家秘密') + 1, null));
    expect(wrongCells(cells, truthUrl)).toEqual([]);
    expect(cells.filter((c) => c.row_key === 'withheld_state_secret')).toHaveLength(7);
  });

  it('is not read where the row found after it is not the form’s next', () => {
    // 1.属于国家秘密 read as 2.其他法律行政法规禁止公开's label: the run is then a row short.
    const at = lines.indexOf('1.属于国家秘密') + 1;
    const t = edit(at, '2.其他法律行政法规禁止公开');
    const cells = published(t);
    expect(wrongCells(cells, truthUrl).filter((w) => !w.includes('withheld_'))).toEqual([]);
    for (const row of ['granted', 'partly_granted']) expect(cells.filter((c) => c.row_key === row)).toEqual([]);
  });

  it('random damage to the run never yields a wrong number', () => {
    // A value dropped, doubled, two neighbours swapped or a digit changed: every cell published
    // is the file's — the changed one as the damaged text has it, or NULL.
    const rng = new Random(20261204);
    for (let i = 0; i < 40; i++) {
      const t = lines.slice();
      const at = rng.int(0, runLines.length - 1);
      const no = runLines[at]! - 1;
      const kind = (['drop', 'double', 'swap', 'digit'] as const)[rng.int(0, 3)]!;
      let changed: number | null = null;
      if (kind === 'drop') t.splice(no, 2);
      else if (kind === 'double') t.splice(no, 0, t[no]!, '');
      else if (kind === 'swap' && at + 1 < runLines.length) {
        const other = runLines[at + 1]! - 1;
        [t[no], t[other]] = [t[other]!, t[no]!];
        if (t[no] !== t[other]) changed = at;
      } else if (kind === 'digit') {
        t[no] = String(Number(t[no]) + rng.int(1, 9));
        changed = at;
      }
      const cells = published(t.join('\n'));
      const runRows = new Set(['carried_over', 'granted', 'partly_granted']);
      const wrong = cells.filter((c) => {
        const want = requests.find((x) => x.row_key === c.row_key && x.col_key === c.col_key);
        // Damage inside the run: its rows are the file's or NULL; a changed value makes its
        // rows' sums or the columns' fail, so none of the run is read.
        if (runRows.has(c.row_key) && (kind === 'drop' || kind === 'double' || changed !== null)) return true;
        return want?.value !== c.value;
      });
      expect(wrong, `${kind} at ${at}`).toEqual([]);
    }
  });
});
