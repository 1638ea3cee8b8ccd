import { describe, expect, it } from 'vitest';
import { delimitedRows } from '../src/lib/decode/delimited.ts';
import {
  FULL_WIDTH_SEPARATORS,
  fullWidthDataRow,
  fullWidthHeaderRow,
  fullWidthSeparators,
} from '../src/lib/decode/fullwidth.ts';
import { textToLines } from '../src/lib/decode/lines.ts';
import type { CellOut } from '../src/lib/tables/emit.ts';
import { readActive, readRequests } from '../src/lib/tables/sections.ts';
import { activeRows2019, activeRows2021, requestRows2019, requestRows2021 } from '../src/lib/template/definitions.ts';
import { buildReport } from './fixtures/build.ts';
import { ok, parseText, rowOf } from './helpers.ts';

/** A tab-separated report with every tab made `sep` (labels written as the template writes them). */
const withSep = (text: string, sep: string) => text.replace(/\t/g, sep);

const review = ['1', '2', '0', '0', '3', '0', '0', '0', '1', '1', '0', '0', '0', '0', '0'];
const spec = {
  style: 'tabs' as const,
  layoutActive: '2021' as const,
  layoutRequests: '2021' as const,
  title: '测试市测试局2023年政府信息公开工作年度报告',
  active: { rules: ['2', '1', '17'], licensing: ['98950'] },
  requests: {
    new_received: ['318', '147', '0', '0', '1', '0', '466'],
    other_no_correction: ['13', '0', '1', '2', '5', '2', '23'],
    total: ['318', '147', '0', '0', '1', '0', '466'],
  },
  review,
};

describe('rows joined by full-width separators', () => {
  for (const sep of FULL_WIDTH_SEPARATORS) {
    it(`reads "${sep}" rows, their headers and section 四's line of values`, () => {
      const text = withSep(buildReport(spec), sep);
      expect(text).toContain(`规章${sep}2${sep}1${sep}17`);
      expect(text).toContain(`逾期不补正、行政机关不再处理其政府信息公开申请${sep}13${sep}`);
      const p = ok(parseText(text));
      expect(rowOf(p.cells, 'active', 'rules')).toBe('2 1 17');
      expect(rowOf(p.cells, 'active', 'licensing')).toBe('98950');
      expect(rowOf(p.cells, 'requests', 'new_received')).toBe('318 147 0 0 1 0 466');
      expect(rowOf(p.cells, 'requests', 'other_no_correction')).toBe('13 0 1 2 5 2 23');
      expect(rowOf(p.cells, 'review', 'review')).toBe('1 2 0 0 3');
      expect(rowOf(p.cells, 'review', 'suit_after_review')).toBe('0 0 0 0 0');
      expect(p.report.status).toBe('complete');
    });
  }

  it('a label holding the separator itself is one cell, never cut (、 in 一、 and in （六）1., ，in （二）)', () => {
    const rows = [
      ['一、本年新收政府信息公开申请数量、318、147、70、67、68、66、736', '、'],
      ['（二）部分公开（区分处理的，只计这一情形，不计其他情形），37，6，0，1，2，1，47', '，'],
      [
        '（六）其他处理、1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请、13、11、0、2、5、3、34',
        '、',
      ],
      ['三、本年度办理结果；（一）予以公开；286；15；3；3；8；9；324', '；'],
      ['（三）不予公开、1、属于国家秘密、7、13、5、7、2、5、39', '、'],
    ] as const;
    const cells = rows.map(([l, s]) => fullWidthDataRow(l, s)?.cells);
    expect(cells[0]!.slice(0, 2)).toEqual(['一、本年新收政府信息公开申请数量', '318']);
    expect(cells[1]!.slice(0, 2)).toEqual(['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '37']);
    expect(cells[2]!.slice(0, 3)).toEqual([
      '（六）其他处理',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '13',
    ]);
    expect(cells[3]!.slice(0, 3)).toEqual(['三、本年度办理结果', '（一）予以公开', '286']);
    expect(cells[4]!.slice(0, 3)).toEqual(['（三）不予公开', '1、属于国家秘密', '7']);
    expect(cells.map((c) => c!.length)).toEqual([8, 8, 9, 9, 9]);
  });

  it('every template label, with each separator, stays whole before its values', () => {
    const labels = [...activeRows2019, ...activeRows2021, ...requestRows2019, ...requestRows2021].map((d) => d.label);
    for (const sep of FULL_WIDTH_SEPARATORS)
      for (const label of [...labels, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）'])
        for (const values of [['3'], ['0', '12', '', '7']]) {
          const row = fullWidthDataRow([label, ...values].join(sep), sep);
          expect(row?.cells, `${label} ${sep}`).toEqual([label, ...values]);
        }
  });

  it('prose is never a row, whatever its commas, enumeration commas and semicolons', () => {
    const prose = [
      '本年共收到申请318件，办结147件，按时办结率100%。',
      '本年共收到申请318件，办结147件，结转下年度办理6件',
      '本年度，我局认真贯彻落实政府信息公开条例。',
      '一、总体情况',
      '规章，行政许可，总计。',
      '其中，予以公开，12件',
      '予以公开的，共12件；部分公开的，共3件',
      '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
      '一是公开质量有待提高，二是解读形式单一，三是回应不及时',
      '2023年，全年主动公开政府信息1，234条',
      '行政许可、行政处罚、行政强制等信息',
      '四、政府信息公开行政复议、行政诉讼情况',
    ];
    for (const l of prose)
      for (const sep of FULL_WIDTH_SEPARATORS) {
        expect(fullWidthDataRow(l, sep), `${l} ${sep}`).toBeNull();
        expect(fullWidthHeaderRow(l, sep), `${l} ${sep}`).toBeNull();
      }
    // A report of such prose with a full-width table: the prose lines stay as written.
    const text = withSep(buildReport(spec), '，').replace('一、总体情况\n', `一、总体情况\n${prose.join('\n')}\n`);
    const lines = delimitedRows(textToLines(text));
    for (const l of lines.filter((x) => prose.includes(x.raw))) expect(l.cells).toBeUndefined();
    expect(lines.filter((l) => l.cells).length).toBeGreaterThan(30);
  });

  it('a header line is cut only when every cell is a column label or a bracketed note', () => {
    expect(fullWidthHeaderRow('信息内容；本年制发件数；本年废止件数；现行有效件数', '；')).toHaveLength(4);
    expect(
      fullWidthHeaderRow('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和），申请人情况', '，'),
    ).toHaveLength(2);
    expect(fullWidthHeaderRow('信息内容、本年收费金额（单位：万元）', '、')).toHaveLength(2);
    expect(fullWidthHeaderRow('自然人、法人及其他组织的申请', '、')).toBeNull();
    // Under another first cell, in the form's words shortened (the readers compare its places:
    // 类别，有效件数，制发件数，废止件数 over rows in the form's order was read so).
    expect(fullWidthHeaderRow('类别，有效件数，制发件数，废止件数', '，')).toHaveLength(4);
    expect(fullWidthHeaderRow('全年，有效件数', '，')).toBeNull();
  });

  it('a full-width comma between digits with an invisible character inside them is one too', () => {
    // Synthetic seed 2026: 5，1\u200d30 was read as two cells 5 and 130, where it may be 5,130.
    expect(fullWidthDataRow('行政规范性文件，6，5，1\u200d30', '，')?.pairs).toBe(true);
  });

  it('the header is handed over in cells: a column named twice leaves 三 unplaced', () => {
    const text = withSep(buildReport(spec), '、').replace('科研机构、社会公益组织', '科研机构、科研机构');
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('R R R R R R R');
    expect(rowOf(p.cells, 'active', 'rules')).toBe('2 1 17');
  });

  it('two such lines make no table: the document needs three labelled rows', () => {
    const lines = textToLines('规章；2；1；17\n行政许可；5\n本年度，我局；共计；3');
    expect(fullWidthSeparators(lines)).toEqual([]);
    expect(delimitedRows(lines)).toBe(lines);
  });

  it('a mixed document: 二 with full-width rows, 三 with `|` rows, both read', () => {
    const semi = withSep(buildReport(spec), '；');
    const pipes = buildReport({ ...spec, style: 'pipes' });
    const cut = (t: string, from: string, to: string) => t.slice(t.indexOf(from), t.indexOf(to));
    const text = semi.replace(
      cut(semi, '三、收到和处理', '四、政府信息公开'),
      cut(pipes, '三、收到和处理', '四、政府信息公开'),
    );
    expect(text).toContain('规章；2；1；17');
    expect(text).toContain('（七）总计 | 318 | 147');
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'active', 'rules')).toBe('2 1 17');
    expect(rowOf(p.cells, 'requests', 'total')).toBe('318 147 0 0 1 0 466');
    expect(p.report.status).toBe('complete');
  });

  it('blank fields are blank cells; a separator closing every row is no cell', () => {
    const text = withSep(buildReport({ ...spec, active: { rules: ['', '1', '17'] } }), '；');
    expect(text).toContain('规章；；1；17');
    expect(rowOf(ok(parseText(text)).cells, 'active', 'rules')).toBe('B 1 17');
    const closed = text.replace(/^(.*；.*)$/gm, '$1；');
    expect(closed).toContain('规章；；1；17；\n');
    const p = ok(parseText(closed));
    expect(rowOf(p.cells, 'active', 'rules')).toBe('B 1 17');
    expect(rowOf(p.cells, 'requests', 'total')).toBe('318 147 0 0 1 0 466');
    expect(rowOf(p.cells, 'review', 'review')).toBe('1 2 0 0 3');
  });

  describe('a full-width comma between digits: a thousands separator or a cell boundary', () => {
    // No number of four digits or more written plainly: the document does not show how it
    // writes thousands.
    const small = withSep(buildReport({ ...spec, active: { ...spec.active, licensing: ['950'] } }), '，');
    const plain = withSep(buildReport(spec), '，');
    const total = '（七）总计，318，147，0，0，1，0，466';
    it('between cells of a `，` row, in a document that writes no large number plainly: the row is NULL', () => {
      expect(small).toContain(total);
      expect(fullWidthDataRow(total, '，')?.pairs).toBe(true);
      // Full-width digits are digits (the cell style writes them).
      expect(fullWidthDataRow('行政许可，６０，０３６', '，')?.pairs).toBe(true);
      const p = ok(parseText(small.replace('行政许可，950', '行政许可，60，036')));
      expect(rowOf(p.cells, 'active', 'licensing')).toBe('A');
      expect(p.diagnostics.find((d) => d.at?.row === 'licensing')?.message).toContain('one stands between digits');
      // Even with the row's count of cells: a cell lost or two glued would give it too.
      expect(rowOf(p.cells, 'requests', 'total')).toBe('A A A A A A A');
      expect(p.diagnostics.find((d) => d.at?.row === 'total')?.message).toContain('thousands separator');
      // Rows without such a pair are read.
      expect(rowOf(p.cells, 'active', 'rules')).toBe('2 1 17');
      expect(rowOf(p.cells, 'requests', 'granted')).toBe('0 0 0 0 0 0 0');
    });
    it('in a document that writes its large numbers plainly (行政许可，98950), a cell boundary', () => {
      const p = ok(parseText(plain));
      expect(rowOf(p.cells, 'requests', 'total')).toBe('318 147 0 0 1 0 466');
      // So 60，036 is two cells: one too many for the row.
      const q = ok(parseText(plain.replace('行政处罚，0', '行政处罚，60，036')));
      expect(rowOf(q.cells, 'active', 'penalty')).toBe('A');
      expect(rowOf(q.cells, 'active', 'licensing')).toBe('98950');
    });
    it('inside a cell of a `；` row (行政许可；60，036) it is one number when the count says so', () => {
      const semi = withSep(buildReport(spec), '；');
      expect(
        rowOf(ok(parseText(semi.replace('行政许可；98950', '行政许可；60，036'))).cells, 'active', 'licensing'),
      ).toBe('60036');
      // Two cells with the separator between them written as a comma: one cell short.
      const p = ok(parseText(semi.replace('规章；2；1；17', '规章；2；1，100')));
      expect(rowOf(p.cells, 'active', 'rules')).toBe('A A A');
      expect(p.diagnostics.find((d) => d.at?.row === 'rules')?.message).toContain('in a cell of this row');
    });
  });
});

/** Section 二's lines read as the ingest reads them (full-width rows cut first). */
const active = (lines: string[], year = 2020) => readActive(delimitedRows(textToLines(lines.join('\n'))), year).read!;
const requests = (lines: string[]) => readRequests(delimitedRows(textToLines(lines.join('\n'))), 2022).read!;
const row = (r: { cells: CellOut[] }, key: string, table = 'active') => rowOf(r.cells, table, key);

describe('full-width rows damaged as the property test damages them (its seeds 1–30)', () => {
  const HEAD = '信息内容，本年新制作数量，本年新公开数量，对外公开总数量';

  it('an amount with decimals written plainly (2683.02万元) does not show how the counts are written: 1，090 stays NULL', () => {
    // Seed 1, table 1140: 109 and 0 glued (1090), then written with a thousands comma.
    const r = active([
      HEAD,
      '规章，17，17，17',
      '行政许可，0，2，191',
      '其他对外管理服务事项，1，090，41',
      '行政事业性收费，234，0',
      '政府集中采购，0，2683.02万元',
    ]);
    expect(row(r, 'other_services')).toBe('A A A');
    expect(row(r, 'rules')).toBe('17 17 17');
    // A whole number written plainly does show it: 60，036 is two cells there (one too many).
    // That row of four cells for three columns, under the one header, shows the table may be a
    // column wider than the form (columns.ts, widerRows: too few other rows to call it a stray),
    // so 规章's three values are no proof of its columns either.
    const plain = active([HEAD, '规章，17，17，1700', '行政许可，0，60，036，191', '行政事业性收费，234，0']);
    expect(row(plain, 'rules')).toBe('A A A');
    expect(row(plain, 'licensing')).toBe('A A A');
  });

  it('a thousands comma before three digits and a unit (1，790万元), or before a miswritten separator (4，619、6): NULL', () => {
    expect(fullWidthDataRow('政府集中采购，1，790万元', '，')?.pairs).toBe(true);
    expect(fullWidthDataRow('行政事业性收费，4，619、6', '，')?.pairs).toBe(true);
    expect(fullWidthDataRow('行政事业性收费，5.4，619', '，')?.pairs).toBe(false);
    const r = active([
      HEAD,
      '规章，0，0，34',
      '规范性文件，5，5，34',
      '行政许可，0，0，0',
      '其他对外管理服务事项，0，5，12',
      '行政处罚，0，0，0',
      '行政强制，0，-2，9',
      '行政事业性收费，4，619、6',
      '政府集中采购，1，790万元',
    ]);
    expect(row(r, 'procurement')).toBe('A A');
    expect(row(r, 'fees')).toBe('A A');
    expect(row(r, 'other_services')).toBe('0 5 12');
  });

  it('a copy of a row whose cells are digits with another mark between them (270、4) is a copy: both NULL', () => {
    for (const sep of ['；', '、'])
      for (const copy of ['270、4', '270，4', '270；4'].filter((c) => !c.includes(sep))) {
        const r = active(
          [HEAD, '规章，0，0，21', '行政许可，0，0，204', `行政事业性收费，${copy}`, '行政事业性收费，270，3'].map(
            (l) => l.replace(/，(?=\d)|(?<=[^\d])，/g, sep),
          ),
        );
        expect(row(r, 'fees'), `${sep} ${copy}`).toBe('R R');
        expect(row(r, 'licensing')).toBe('0 0 204');
      }
  });

  it('a label with the separator put inside it where the label holds the mark itself is still that label', () => {
    const six = '（六）1.申请人无正当理、由逾期不补正、行政机关不再处理其政府信息公开申请、0、0、0、0、0、1、1';
    expect(fullWidthDataRow(six, '、')?.rows.map((d) => d.key)).toEqual(['other_no_correction']);
    expect(
      fullWidthDataRow('二、、上年结转政府信息公开申请数量、0、0、0、0、0、0、0', '、')?.rows.map((d) => d.key),
    ).toContain('carried_over');
    // Seed 26, table 640: the row printed twice, the copy's label with a 、 too many.
    const r = requests([
      '自然人、法人或其他组织、总计',
      '商业企业、科研机构、社会公益组织、法律服务机构、其他',
      '一、本年新收政府信息公开申请数量、1、0、0、0、0、0、1',
      '二、上年结转政府信息公开申请数量、0、0、0、6、0、0、0',
      '二、、上年结转政府信息公开申请数量、0、0、0、0、0、0、0',
      '（一）予以公开、0、0、0、0、0、0、0',
      '（二）部分公开、1、0、0、0、0、0、1',
    ]);
    expect(row(r, 'carried_over', 'requests')).toBe('R R R R R R R');
    expect(row(r, 'new_received', 'requests')).toBe('1 0 0 0 0 0 1');
  });
});
