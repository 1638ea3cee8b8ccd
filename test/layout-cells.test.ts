import { describe, expect, it } from 'vitest';
import { textToLines } from '../src/lib/decode/lines.ts';
import { layoutBlankCells } from '../src/lib/decode/layout-cells.ts';
import { requestColumns, requestRows2021 } from '../src/lib/template/definitions.ts';
import { Random } from '../src/lib/synth/random.ts';
import { minimalReport, ok, parseText, rowOf } from './helpers.ts';

/**
 * Blank cells of 三 in `pdftotext -layout` text (decode/layout-cells.ts): a row short of values
 * is read by its values' positions only where the table's full rows prove the columns.
 */

const wideChar = (ch: string) => /[\u2e80-\ua4cf\uff00-\uff60]/.test(ch);
const shown = (s: string, cjk: 1 | 2) => [...s].reduce((n, ch) => n + (wideChar(ch) ? cjk : 1), 0);

interface Table {
  /** Display columns a CJK character takes (pdftotext's count, or one a code unit). */
  cjk?: 1 | 2;
  align?: 'left' | 'right';
  start?: number;
  pitch?: number;
}

/** One row: the label padded to the value columns, each value in a column of its own. */
function line(label: string, cells: string[], t: Table): string {
  const { cjk = 2, align = 'left', start = 40, pitch = 8 } = t;
  let s = label + ' '.repeat(Math.max(1, start - shown(label, cjk)));
  cells.forEach((c, k) => {
    const col = start + k * pitch;
    const at = align === 'left' ? col : col + 4 - c.length;
    const now = shown(s, cjk);
    s += ' '.repeat(Math.max(c ? 1 : 0, at - now)) + c;
  });
  return s;
}

const header = [
  '                                        申请人情况',
  '                                        自然人  法人或其他组织                          总计',
];

function report(rows: string[]): string {
  return minimalReport([
    '三、收到和处理政府信息公开申请情况',
    ...header,
    ...rows,
    '四、政府信息公开行政复议、行政诉讼情况',
    '无。',
  ]);
}

/** Values of row k: six applicants and their total. */
/** Row k's values, the columns left blank (`blank`) none of its cases: its 总计 adds them as 0. */
function values(k: number, blank: readonly number[] = []): number[] {
  const v = [k % 9, (k * 3) % 4, 0, k % 2, (k * 5) % 3, 1].map((x, j) => (blank.includes(j) ? 0 : x));
  return [...v, v.reduce((a, b) => a + b, 0)];
}

const labels = requestRows2021.map((d) => d.label);

function table(blanks: Map<number, number[]>, t: Table = {}): string[] {
  return labels.map((label, k) =>
    line(
      label,
      values(k, blanks.get(k)).map((v, j) => (blanks.get(k)?.includes(j) ? '' : String(v))),
      t,
    ),
  );
}

const want = (k: number, blank: number[]) =>
  values(k, blank)
    .map((v, j) => (blank.includes(j) ? 'B' : String(v)))
    .join(' ');

describe('blank cells of pdftotext -layout text, placed by position', () => {
  it('reads a left-aligned row with blank cells in the middle, first and last column', () => {
    const blanks = new Map([
      [5, [1, 2]],
      [8, [0]],
      [11, [6]],
    ]);
    const p = ok(parseText(report(table(blanks))));
    for (const [k, b] of blanks) expect(rowOf(p.cells, 'requests', requestRows2021[k]!.key)).toBe(want(k, b));
    expect(rowOf(p.cells, 'requests', requestRows2021[3]!.key)).toBe(want(3, []));
  });

  it('places no row whose blanks leave it not adding up (a value glued to its neighbour where they stood)', () => {
    // A fresh tester's fuzzer: 5 and 2 as 52 under 自然人, 商业企业's place empty, 总计 8.
    const rows = table(new Map());
    const total = labels.indexOf('（七）总计');
    rows[total] = line('（七）总计', ['52', '', '0', '0', '1', '0', '8'], {});
    const p = ok(parseText(report(rows)));
    expect(p.cells.find((c) => c.row_key === 'total' && c.col_key === 'natural_person')?.value ?? null).not.toBe(52);
  });

  it('reads right-aligned numbers, and CJK counted one column a character', () => {
    const blanks = new Map([[6, [0, 3]]]);
    for (const t of [{ align: 'right' as const }, { cjk: 1 as const }, { cjk: 1 as const, align: 'right' as const }]) {
      const p = ok(parseText(report(table(blanks, t))));
      expect(rowOf(p.cells, 'requests', requestRows2021[6]!.key), JSON.stringify(t)).toBe(want(6, [0, 3]));
    }
  });

  it('leaves a row NULL whose number’s first digit stands above it beside the rest of a label', () => {
    // Synthetic seed 81: （六）3.其他's 他 on the line above （七）总计, beside the 1 of its 19 (a
    // cell set to its bottom); the line `他  1` placed by position as a row short of values,
    // which a delimited row is not, and 他 one character: 9 was published.
    const rows = table(new Map());
    const k = labels.indexOf('（六）3.其他');
    const total = labels.indexOf('（七）总计');
    const v = values(total);
    rows[k] = [line('（六）3.其', values(k).map(String), {}), line('他', ['1', '', '', '', '', '', ''], {})].join('\n');
    rows[total] = line('（七）总计', ['9', ...v.slice(1).map(String)], {});
    const p = ok(parseText(report(rows)));
    expect(rowOf(p.cells, 'requests', 'total')).toBe('A A A A A A A');
    // （六）3.其他 itself, its label cut as `其` / `他`, is not found (no cell of it published).
    expect(rowOf(p.cells, 'requests', requestRows2021[k]!.key)).not.toMatch(/\d/);
  });

  it('keeps the cells of a wrapped label’s numbers line when its pieces are joined', () => {
    const rows = table(new Map());
    // （六）2's label over three lines, its numbers with two blanks on the middle one.
    rows[21] = [
      '（六）2.申请人逾期未按收费',
      line('通知要求缴纳费用、行政机关', ['4', '', '1', '0', '', '3', '8'], {}),
      '不再处理其政府信息公开申请',
    ].join('\n');
    const p = ok(parseText(report(rows)));
    expect(rowOf(p.cells, 'requests', 'other_unpaid_fee')).toBe('4 B 1 0 B 3 8');
  });

  it('leaves a row whose long label pushed its numbers, and a row set at another offset', () => {
    // Pushed by exactly one column: its numbers stand where the next columns' do.
    const pushed = table(new Map());
    const long = `${labels[5]!}（含依申请公开事项${'说明'.repeat(20)}`.slice(0, 24);
    // (Its cells 3 0 1 0 2 6 and a blank total, each written a column on: as a blank first cell.)
    pushed[5] = line(long, ['', '3', '0', '1', '0', '2', '6'], {});
    expect(shown(long, 2)).toBe(46);
    const p = ok(parseText(report(pushed)));
    expect(rowOf(p.cells, 'requests', requestRows2021[5]!.key)).not.toMatch(/\d/);
    // A row indented by a column's width, its last cell blank: its values would stand one column on.
    const moved = table(new Map([[7, [6]]]));
    moved[7] = ' '.repeat(8) + moved[7]!;
    const q = ok(parseText(report(moved)));
    expect(rowOf(q.cells, 'requests', requestRows2021[7]!.key)).not.toMatch(/\d/);
  });

  it('leaves values off their column, glued across a gap, or with too few full rows', () => {
    const lines = (rows: string[]) => textToLines(rows.join('\n'));
    const rows = table(new Map([[5, [2]]]));
    // One space off its column.
    rows[5] = rows[5]!.replace(/ 3( +)/, (_, sp: string) => `  3${sp.slice(1)}`);
    const off = layoutBlankCells(lines(rows), requestColumns.length);
    expect(off.filter((l) => l.cells)).toHaveLength(0);
    // Two full rows only.
    const few = table(new Map(labels.flatMap((_, k) => (k >= 2 ? [[k, [1]]] : []))));
    expect(layoutBlankCells(lines(few), requestColumns.length).filter((l) => l.cells)).toHaveLength(0);
    // Enough full rows: the short ones become rows of cells, blanks empty.
    const fine = layoutBlankCells(lines(table(new Map([[5, [2]]]))), requestColumns.length);
    const cells = fine.filter((l) => l.cells);
    expect(cells).toHaveLength(1);
    expect(cells[0]!.cells!.map((c) => c.text)).toEqual([
      labels[5]!.replace(/（/g, '(').replace(/）/g, ')'),
      ...values(5).map((v, j) => (j === 2 ? '' : String(v))),
    ]);
  });
});

/**
 * Random damage of -layout tables: blank cells, a value moved a space or two, values glued, long
 * labels pushing their numbers, a page set at another offset (one column on, or a few spaces),
 * tabs, either count of CJK width, either alignment. No number may come out under another column
 * or row than its own. Seed: LAYOUT_SEED (default 11).
 */
describe('property: random damage to -layout blank cells never yields a wrong number', () => {
  it('publishes each number only where it belongs', () => {
    const rng = new Random(Number(process.env.LAYOUT_SEED ?? 11));
    let published = 0;
    let wrong = 0;
    for (let n = 0; n < 80; n++) {
      const t: Table = {
        cjk: rng.chance(0.5) ? 2 : 1,
        align: rng.chance(0.5) ? 'left' : 'right',
        start: rng.int(36, 48),
        pitch: rng.int(6, 10),
      };
      const truth = labels.map((_, k) => values(k + n).map((v) => (rng.chance(0.15) ? null : v)));
      const offsetFrom = rng.chance(0.3) ? rng.int(5, labels.length - 1) : Infinity;
      const offset = rng.chance(0.5) ? (t.pitch ?? 8) : rng.int(1, 5);
      const pitch = t.pitch ?? 8;
      const start = t.start ?? 40;
      const rows = labels.map((label, k) => {
        let cells = truth[k]!.map((v) => (v === null ? '' : String(v)));
        let long = label;
        if (rng.chance(0.06)) {
          // A label long enough to push its numbers by exactly one column, its total blank: its
          // cells look like a row whose first cell is blank.
          truth[k]![6] = null;
          cells = ['', ...cells.slice(0, 6)];
          long = `${label}补充说明补充说明补充说明补充说明补充说明补充说明`;
          while (shown(long, t.cjk ?? 2) > start + pitch - 2) long = long.slice(0, -1);
          while (shown(long, t.cjk ?? 2) < start + pitch - 2) long += '.';
        } else if (rng.chance(0.08)) long = `${label}（含补充说明事项）`;
        let s = line(long, cells, t);
        if (k >= offsetFrom) s = ' '.repeat(offset) + s;
        else if (rng.chance(0.06)) {
          // One row indented by exactly one column, its last cell blank: its values stand under
          // the next columns.
          truth[k]![6] = null;
          s = ' '.repeat(pitch) + line(long, [...cells.slice(0, 6), ''], t);
        }
        if (rng.chance(0.05)) s = s.replace(/(\d) {1,3}(\d)/, '$1$2');
        if (rng.chance(0.05)) s = s.replace(/ (\d+)/, (m, d: string) => (rng.chance(0.5) ? `  ${d}` : d));
        if (rng.chance(0.03)) s = s.replace(/ {4}/, '\t');
        return s;
      });
      const p = ok(parseText(report(rows)));
      for (const c of p.cells) {
        if (c.table_id !== 'requests' || c.state !== 'number') continue;
        published++;
        const k = requestRows2021.findIndex((d) => d.key === c.row_key);
        const j = requestColumns.findIndex((col) => col.key === c.col_key);
        if (truth[k]![j] !== c.value) wrong++;
      }
    }
    expect(wrong).toBe(0);
    expect(published).toBeGreaterThan(1000);
  });
});
