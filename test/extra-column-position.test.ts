import { describe, expect, it } from 'vitest';
import { requestRows2021 } from '../src/lib/template/definitions.ts';
import { ok, parseText, rowOf, minimalReport } from './helpers.ts';

/**
 * Rows of `|`, tab or comma-separated text read by the positions of their header's columns
 * (columns.ts, columnsByPosition and byPosition): the header's lines rebuilt into the columns'
 * order (法人或其他组织 over the five on the line below, 自然人 and 总计 over both lines, an extra
 * column's label of its own), every row with exactly that many pieces after its label, blanks kept
 * as empty pieces. On the code before, a table with a column the form does not have was NULL in
 * every row, and a 总计 column blank in every row (`| 24 |  |`) NULL too. Anything less than the
 * proof leaves the table as before.
 */

/** Row k of 三: six applicants' counts and the total (the form's seven). */
function form(k: number): number[] {
  const v = [(k % 4) + 1, 1, (k % 3) + 1, 2, 2, (k % 2) + 1];
  return [...v, v.reduce((a, b) => a + b, 0)];
}

type Extra = 'subtotal' | 'previous' | 'none';

/** The printed cells of row k: the form's, with the extra column's. */
function printed(k: number, extra: Extra): string[] {
  const v = form(k).map(String);
  if (extra === 'subtotal')
    return [
      ...v.slice(0, 6),
      String(
        form(k)
          .slice(1, 6)
          .reduce((a, b) => a + b, 0),
      ),
      v[6]!,
    ];
  if (extra === 'previous') return [...v, String(k * 3 + 7)];
  return v;
}

interface Opts {
  sep: string;
  /** Each line closed with the separator (` |` at the end). */
  closed?: boolean;
  extra: Extra;
  /** The row's cells as printed (k: the row's index). */
  cells?: (k: number, cells: string[]) => string[];
  /** The header's lines (三's three by default). */
  header?: (h: string[][]) => string[][];
}

function requests(o: Opts): string {
  const h = [
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
    ['自然人', '法人或其他组织', '总计', ...(o.extra === 'previous' ? ['上年总计'] : [])],
    ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', ...(o.extra === 'subtotal' ? ['小计'] : [])],
  ];
  const line = (cells: string[]) => cells.join(o.sep) + (o.closed ? o.sep.trimEnd() : '');
  return [
    '三、收到和处理政府信息公开申请情况',
    ...(o.header ?? ((x) => x))(h).map(line),
    ...requestRows2021.map((d, k) => line([d.label, ...(o.cells ?? ((_, c) => c))(k, printed(k, o.extra))])),
  ].join('\n');
}

const report = minimalReport;

/** 三's rows as rowOf writes them, by the form (blank columns `B`). */
function expected(k: number, blank: number[] = []): string {
  return form(k)
    .map((v, j) => (blank.includes(j) ? 'B' : String(v)))
    .join(' ');
}

/** No cell of 三 published as a number other than the form's. */
function noWrong(text: string): void {
  const p = ok(parseText(text));
  requestRows2021.forEach((d, k) => {
    const cells = p.cells.filter((c) => c.table_id === 'requests' && c.row_key === d.key);
    cells.forEach((c, j) => {
      if (c.state === 'number') expect(c.value, `${d.key}.${c.col_key}`).toBe(form(k)[j]);
    });
  });
}

const SEPS = [
  ['|', ' | ', true],
  ['| (no spaces)', '|', false],
  ['tab', '\t', false],
  ['CSV', ',', false],
] as const;

describe('三 read by its header’s positions in delimited text', () => {
  for (const [name, sep, closed] of SEPS)
    for (const extra of ['subtotal', 'previous'] as const)
      it(`${name} text with ${extra}: every row read, blanks blank (NULL before)`, () => {
        const text = report([
          requests({
            sep,
            closed,
            extra,
            cells: (k, c) => (k === 2 ? c.map((x, j) => (j === 1 ? '' : x)) : c),
          }),
        ]);
        const p = ok(parseText(text));
        expect(rowOf(p.cells, 'requests', 'new_received')).toBe(expected(0));
        expect(rowOf(p.cells, 'requests', 'granted')).toBe(expected(2, [1]));
        expect(rowOf(p.cells, 'requests', 'carried_forward')).toBe(expected(requestRows2021.length - 1));
      });

  for (const [name, sep, closed] of SEPS)
    it(`${name} text whose 总计 column is blank in every row: 总计 blank, the rest read (NULL before)`, () => {
      const text = report([requests({ sep, closed, extra: 'none', cells: (_, c) => [...c.slice(0, 6), ''] })]);
      const p = ok(parseText(text));
      expect(rowOf(p.cells, 'requests', 'new_received')).toBe(expected(0, [6]));
      expect(rowOf(p.cells, 'requests', 'total')).toBe(
        expected(
          requestRows2021.findIndex((d) => d.key === 'total'),
          [6],
        ),
      );
    });

  it('a flat header on one line (申请人情况 | 自然人 | … | 小计 | 总计) is rebuilt too', () => {
    const text = report([
      requests({
        sep: '\t',
        extra: 'subtotal',
        header: (h) => [['申请人情况', '自然人', ...h[2]!, '总计']],
      }),
    ]);
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'requests', 'granted')).toBe(expected(2));
  });
});

describe('what a position reader could be fooled by stays as before (NULL, never a wrong number)', () => {
  const damages: Array<[string, Partial<Opts>]> = [
    ['a lost separator in one row', { cells: (k, c) => (k === 3 ? [c[0]! + c[1]!, ...c.slice(2)] : c) }],
    ['two pieces glued with a space', { cells: (k, c) => (k === 3 ? [`${c[0]} ${c[1]}`, ...c.slice(2)] : c) }],
    [
      'a blank piece dropped in one row only',
      { cells: (k, c) => (k === 3 ? [c[0]!, ...c.slice(2)] : k === 2 ? c.map((x, j) => (j === 1 ? '' : x)) : c) },
    ],
    ['the header’s extra column label missing', { header: (h) => [h[0]!, h[1]!, h[2]!.slice(0, 5)] }],
    ['a header label unknown', { header: (h) => [h[0]!, h[1]!, [...h[2]!.slice(0, 5), '本年小计数']] }],
    ['the 法人 columns’ line lost', { header: (h) => [h[0]!, h[1]!] }],
  ];
  for (const [what, o] of damages)
    for (const [name, sep] of SEPS)
      it(`${what}, ${name}: no row read by position`, () => {
        const text = report([requests({ sep, extra: 'subtotal', ...o })]);
        noWrong(text);
        // The rows have a value more than the form's columns: not read by their count either.
        expect(rowOf(ok(parseText(text)).cells, 'requests', 'new_received')).not.toMatch(/\d/);
      });

  it('a closed header over a row not closed: that 总计 blank is not proven, the table read by count', () => {
    const text = report([
      requests({ sep: ' | ', closed: true, extra: 'none', cells: (_, c) => [...c.slice(0, 6), ''] })
        .split('\n')
        .map((l) => (l.startsWith(`${requestRows2021[4]!.label} |`) ? l.replace(/ \|$/, '') : l))
        .join('\n'),
    ]);
    noWrong(text);
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'requests', 'new_received')).not.toMatch(/B$/);
  });

  it('a value glued to its row label: no row read by position', () => {
    const text = report([requests({ sep: ' | ', extra: 'previous' }).replace(/（一）予以公开 \| /, '（一）予以公开 ')]);
    noWrong(text);
    expect(rowOf(ok(parseText(text)).cells, 'requests', 'new_received')).not.toMatch(/\d/);
  });
});

describe('二 and 四 read by their header’s positions', () => {
  for (const [name, sep, closed] of SEPS)
    it(`二 with 上年数量 and 四 with a 合计, ${name} text (NULL before)`, () => {
      const line = (cells: string[]) => cells.join(sep) + (closed ? sep.trimEnd() : '');
      const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
      const review = [3, 0, 2, 9, 14, 0, 5, 6, 3, 14, 3, 9, 1, 5, 18, 46];
      const text = report([
        '二、主动公开政府信息情况',
        '第二十条第（一）项',
        line(['信息内容', '本年制发件数', '本年废止件数', '现行有效件数']),
        line(['规章', '3', '2', '11']),
        line(['行政规范性文件', '51', '17', '164']),
        '第二十条第（五）项',
        line(['信息内容', '本年处理决定数量', '上年数量']),
        line(['行政许可', '', '1692']),
        '第二十条第（六）项',
        line(['信息内容', '本年处理决定数量', '上年数量']),
        line(['行政处罚', '12', '10']),
        line(['行政强制', '', '7']),
        '第二十条第（八）项',
        line(['信息内容', '本年收费金额（单位：万元）']),
        line(['行政事业性收费', '0']),
        '四、政府信息公开行政复议、行政诉讼情况',
        line(['行政复议', '行政诉讼', '合计']),
        line(['未经复议直接起诉', '复议后起诉']),
        line([...results, ...results, ...results]),
        line(review.map((v, j) => (j === 6 ? '' : String(v)))),
      ]);
      const p = ok(parseText(text));
      expect(rowOf(p.cells, 'active', 'licensing')).toBe('B');
      expect(rowOf(p.cells, 'active', 'penalty')).toBe('12');
      expect(rowOf(p.cells, 'active', 'coercion')).toBe('B');
      expect(rowOf(p.cells, 'review', 'review')).toBe('3 0 2 9 14');
      expect(rowOf(p.cells, 'review', 'suit_direct')).toBe('0 B 6 3 14');
      expect(rowOf(p.cells, 'review', 'suit_after_review')).toBe('3 9 1 5 18');
    });

  it('a sub-table of `|` text whose row ends in an empty piece: padding, or a separator lost, not told apart', () => {
    // 行政许可's 66 may be 6 | 6 with a separator lost and the row padded to the header's width.
    const text = report([
      '二、主动公开政府信息情况',
      '第二十条第（一）项 |',
      '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '规章 | 3 | 2 | 11 |',
      '行政规范性文件 | 51 | 17 | 164 |',
      '第二十条第（五）项 |',
      '信息内容 | 本年处理决定数量 | 上年数量 |',
      '行政许可 | 66 |  |',
      '第二十条第（八）项 |',
      '信息内容 | 本年收费金额（单位：万元） |',
      '行政事业性收费 | 0 |',
    ]);
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'active', 'licensing')).not.toMatch(/\d/);
    // In tab text alike: the empty last piece may be a blank 上年数量 or padding after a lost cell
    // (a fresh tester's t60: comma and tab rows a cell short, padded to the sheet's width).
    const tabs = ok(parseText(text.replace(/ \| ?/g, '\t').replace(/\t$/gm, '')));
    expect(rowOf(tabs.cells, 'active', 'licensing')).not.toMatch(/\d/);
  });

  it('四 whose row lost a blank piece (15 pieces for the header’s 16): not read by position', () => {
    const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const text = report([
      '四、政府信息公开行政复议、行政诉讼情况',
      ['行政复议', '行政诉讼', '合计'].join(' | '),
      ['未经复议直接起诉', '复议后起诉'].join(' | '),
      [...results, ...results, ...results].join(' | '),
      [3, 0, 2, 9, 14, 0, 6, 3, 14, 3, 9, 1, 5, 18, 46].join(' | '),
    ]);
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'review', 'suit_after_review')).not.toMatch(/\d/);
  });
});
