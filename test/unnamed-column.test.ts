import { describe, expect, it } from 'vitest';
import { makeLine, type LineCell } from '../src/lib/decode/lines.ts';
import { readActive } from '../src/lib/tables/sections.ts';
import { requestRows2021 } from '../src/lib/template/definitions.ts';
import { ok, parseText, rowOf, minimalReport } from './helpers.ts';

/**
 * A column the form does not have that the header does not name (its label lost, or no header
 * line), in a table with blank cells: one row showing a column more than the form — all its
 * values and the extra one, or its cells from its first value to its last with a blank cell's
 * empty piece among them — proves the rows under that header wider, and none is read by its
 * count (a row with a blank has the form's count again, its values after the blank a column
 * off). A number beside one row of a table whose other rows (five or more) all have exactly
 * their values and no blank is a stray, and the table is read as before (columns.ts, widerRows).
 */

const report = minimalReport;

/** 三's rows after the header `head`, each row's cells from `cells(k)`, joined by ` | `. */
function requests(head: string[], cells: (k: number) => string[]): string {
  return report([
    '三、收到和处理政府信息公开申请情况',
    ...head,
    ...requestRows2021.map((d, k) => [d.label, ...cells(k)].join(' | ')),
  ]);
}

const HEAD = ['申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计'];

/** Row k: six applicants' counts and the total (the form's seven), and last year's total after them. */
function row(k: number): string[] {
  const v = [(k % 4) + 1, 1, (k % 3) + 1, 2, 2, (k % 2) + 1];
  return [...v, v.reduce((a, b) => a + b, 0), 10 + k].map(String);
}

describe('a column the header does not name', () => {
  it('三: one full row (上年总计 after 总计) and the others each with a blank (its piece kept or lost): no row read by its count', () => {
    const text = requests(HEAD, (k) => {
      const r = row(k);
      if (k === 3) return r;
      // A blank 科研机构: its piece kept in even rows, lost in odd ones (the form's count again).
      return k % 2 ? [...r.slice(0, 2), ...r.slice(3)] : [...r.slice(0, 2), '', ...r.slice(3)];
    });
    const p = ok(parseText(text));
    for (const d of requestRows2021) expect(rowOf(p.cells, 'requests', d.key)).not.toMatch(/\d/);
    const note = p.cells.find((c) => c.table_id === 'requests' && c.row_key === 'carried_over')!;
    expect(note.state).toBe('ambiguous');
  });

  it('三: a number beside one row (a percentage after （七）总计) of a table whose rows all have their seven values is a stray: read as before', () => {
    const text = requests(HEAD, (k) => {
      const r = row(k).slice(0, 7);
      return requestRows2021[k]!.key === 'total' ? [...r, '100'] : r;
    });
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe(row(0).slice(0, 7).join(' '));
    expect(rowOf(p.cells, 'requests', 'total')).toBe('A A A A A A A');
  });

  it('三: a row of seven values with an empty piece among them, in a table whose other rows have their seven: that row alone is NULL', () => {
    const text = requests(HEAD, (k) => {
      const r = row(k).slice(0, 7);
      return requestRows2021[k]!.key === 'total' ? [...r.slice(0, 3), '', ...r.slice(3)] : r;
    });
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe(row(0).slice(0, 7).join(' '));
    expect(rowOf(p.cells, 'requests', 'total')).toBe('A A A A A A A');
  });

  it('三: a 小计 the header does not name, 总计 blank in every row but one (its piece kept at the end): the rows read by count fail their sum, so no stray — none read', () => {
    const text = requests(HEAD, (k) => {
      const v = row(k).slice(0, 6);
      const sub = v.slice(1).reduce((a, b) => a + Number(b), 0);
      const total = v.reduce((a, b) => a + Number(b), 0);
      return k === 3 ? [...v, String(sub), String(total)] : [...v, String(sub), ''];
    });
    const p = ok(parseText(text));
    for (const d of requestRows2021) expect(rowOf(p.cells, 'requests', d.key)).not.toMatch(/\d/);
  });

  it('三: the same stray in a table with a blank cell elsewhere is no stray: no row read by its count', () => {
    const text = requests(HEAD, (k) => {
      const r = row(k).slice(0, 7);
      if (requestRows2021[k]!.key === 'total') return [...r, '100'];
      return k === 5 ? [...r.slice(0, 2), ...r.slice(3)] : r;
    });
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'requests', 'new_received')).not.toMatch(/\d/);
  });

  it('二: a sub-table of two rows, one with 上年数量 after its count, the other a blank count and its piece lost: neither read', () => {
    const text = report([
      '二、主动公开政府信息情况',
      '第二十条第（一）项',
      '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数',
      '规章 | 2 | 1 | 17',
      '行政规范性文件 | 23 | 6 | 145',
      '第二十条第（六）项',
      '信息内容 | 本年处理决定数量',
      '行政处罚 | 7 | 5',
      '行政强制 | 4',
    ]);
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'active', 'rules')).toBe('2 1 17');
    expect(rowOf(p.cells, 'active', 'penalty')).toBe('A');
    expect(rowOf(p.cells, 'active', 'coercion')).toBe('A');
  });

  it('四: its row with a blank cell between its values and a 合计 after the fifteen (sixteen cells): not read by its count', () => {
    const cells = ['1', '0', '', '1', '2', '0', '0', '0', '4', '4', '1', '0', '0', '1', '2', '8'];
    const text = report([
      '四、政府信息公开行政复议、行政诉讼情况',
      '行政复议 | 行政诉讼',
      '未经复议直接起诉 | 复议后起诉',
      Array<string[]>(3).fill(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']).flat().join(' | '),
      cells.join(' | '),
    ]);
    const p = ok(parseText(text));
    expect(p.cells.filter((c) => c.table_id === 'review' && c.state === 'number')).toEqual([]);
  });

  it("二 from a PDF's ruled table: a number over two ruled columns leaves a covered position, no blank cell — read as before", () => {
    // 规章 | 1 | (covered) | 0 | 25, as pdf-lines.ts gives a cell over two of the grid's columns.
    const cell = (raw: string, no: number, covered = false): LineCell =>
      covered ? { raw: '', text: '', no, covered: true } : { raw, text: raw, no };
    const row = (no: number, label: string, vals: string[]) => ({
      ...makeLine(no, [label, ...vals].join(' | '), [
        cell(label, no),
        cell(vals[0]!, no),
        cell('', no, true),
        ...vals.slice(1).map((v) => cell(v, no)),
      ]),
      grid: true,
    });
    const lines = [
      makeLine(1, '二、主动公开政府信息情况'),
      makeLine(2, '第二十条第（一）项'),
      makeLine(3, '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数'),
      row(4, '规章', ['1', '0', '25']),
      row(5, '行政规范性文件', ['51', '18', '336']),
    ];
    const r = readActive(lines, 2023).read!;
    const got = (key: string) =>
      r.cells.filter((c) => c.row_key === key).map((c) => (c.state === 'number' ? c.value : c.state));
    expect(got('rules')).toEqual([1, 0, 25]);
    expect(got('normative_docs')).toEqual([51, 18, 336]);
  });
});
