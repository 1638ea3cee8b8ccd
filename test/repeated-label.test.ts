import { describe, expect, it } from 'vitest';
import { cellView } from '../src/lib/site/present.ts';
import { readFileSync } from 'node:fs';
import { delimitedRows } from '../src/lib/decode/delimited.ts';
import { textToLines } from '../src/lib/decode/lines.ts';
import { readRequests } from '../src/lib/tables/sections.ts';
import {
  repeatedColumnLabel,
  repeatedHeaderLabel,
  REQUEST_COLUMN_LABELS,
  REVIEW_HEADER_FORM,
} from '../src/lib/tables/header.ts';
import { buildReport, type Style } from './fixtures/build.ts';
import { ok, parseText, rowOf } from './helpers.ts';

/**
 * A label that appears twice in a table (c10): the numbers are NULL, and the reason given is
 * that one — not "the raw text has more than one reading" (state `ambiguous`).
 */

const HEAD = `测试局2022年政府信息公开工作年度报告
三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |
自然人 | 法人或其他组织 | 总计 |
`;
const COLUMNS = '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |\n';
const ROWS = `一、本年新收政府信息公开申请数量 | 30 | 5 | 1 | 2 | 1 | 3 | 42 |
二、上年结转政府信息公开申请数量 | 4 | 1 | 0 | 0 | 0 | 0 | 5 |
（一）予以公开 | 20 | 3 | 1 | 1 | 0 | 2 | 27 |
（二）部分公开 | 5 | 1 | 0 | 0 | 1 | 0 | 7 |
`;
const TAIL = '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n';

describe('a label that appears twice', () => {
  it('a copy of a row whose first cell is no number (6、0, 见附件) is still a copy: both NULL', () => {
    for (const first of ['6、0', '见附件']) {
      const text =
        HEAD +
        COLUMNS +
        ROWS.replace(/(（一）予以公开[^\n]*\n)/, `$1（一）予以公开 | ${first} | 3 | 1 | 1 | 0 | 2 | 27 |\n`) +
        TAIL;
      const p = ok(parseText(text));
      expect(rowOf(p.cells, 'requests', 'granted'), first).toBe('R R R R R R R');
      expect(rowOf(p.cells, 'requests', 'partly_granted')).toBe('5 1 0 0 1 0 7');
    }
  });

  it('a row label twice with different numbers: repeated_row, W_LABEL_REPEATED, and the site says so', () => {
    const text =
      HEAD +
      COLUMNS +
      ROWS.replace(/(（一）予以公开[^\n]*\n)/, '$1（一）予以公开 | 99 | 0 | 0 | 0 | 0 | 0 | 99 |\n') +
      TAIL;
    const p = ok(parseText(text));
    const granted = p.cells.filter((c) => c.table_id === 'requests' && c.row_key === 'granted');
    expect(granted).toHaveLength(7);
    expect(granted.every((c) => c.state === 'repeated_row' && c.value === null)).toBe(true);
    // The rows around it are read.
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('30 5 1 2 1 3 42');
    expect(rowOf(p.cells, 'requests', 'partly_granted')).toBe('5 1 0 0 1 0 7');
    const d = p.diagnostics.filter((x) => x.code === 'W_LABEL_REPEATED');
    expect(d).toHaveLength(1);
    expect(d[0]!.message).toMatch(/requests\.granted: the row label appears twice \(lines 8 and 9\)/);
    expect(p.diagnostics.some((x) => x.code === 'W_CELLS_AMBIGUOUS')).toBe(false);
    expect(p.report.cells_ambiguous).toBe(7);
    const v = cellView({ report_id: p.report.report_id, ...granted[0]! });
    expect(v.kind).toBe('repeated_row');
    expect(v.title).toBe('无法确定：表中“（一）予以公开”一行出现两次，无法确定数字属于哪一行，数值留空');
    expect(v.title).not.toMatch(/多种读法/);
  });

  it('the same row printed twice with the same numbers is read once, with no warning', () => {
    const p = ok(parseText(HEAD + COLUMNS + ROWS.replace(/(（一）予以公开[^\n]*\n)/, '$1$1') + TAIL));
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('20 3 1 1 0 2 27');
    expect(p.diagnostics.some((x) => x.code === 'W_LABEL_REPEATED')).toBe(false);
  });

  it('a column label twice in the header: every row of the table repeated_column, and the site says so', () => {
    const text = HEAD + '商业企业 | 科研机构 | 科研机构 | 法律服务机构 | 其他 |\n' + ROWS + TAIL;
    const p = ok(parseText(text));
    const req = p.cells.filter((c) => c.table_id === 'requests');
    expect(req.length).toBeGreaterThan(0);
    expect(req.every((c) => c.state === 'repeated_column' && c.value === null)).toBe(true);
    const d = p.diagnostics.filter((x) => x.code === 'W_LABEL_REPEATED');
    expect(d.length).toBeGreaterThan(0);
    expect(d[0]!.message).toMatch(/the column label 科研机构 appears twice in the header \(line 5\)/);
    const v = cellView({ report_id: p.report.report_id, ...req[0]! });
    expect(v.kind).toBe('repeated_column');
    expect(v.title).toBe('无法确定：表头中有一列的名称出现两次，无法确定数字属于哪一列，数值留空');
  });

  it('a column label only counts as a header cell of its own, not in prose', () => {
    expect(repeatedColumnLabel('商业企业 | 科研机构 | 科研机构 | 法律服务机构', REQUEST_COLUMN_LABELS)).toBe(
      '科研机构',
    );
    expect(repeatedColumnLabel('商业企业\t科研机构\t社会公益组织\t法律服务机构', REQUEST_COLUMN_LABELS)).toBeNull();
    expect(
      repeatedColumnLabel('其中自然人申请20件，自然人申请较上年增加，商业企业5件', REQUEST_COLUMN_LABELS),
    ).toBeNull();
    // Two labels are no header line: nothing is said.
    expect(repeatedColumnLabel('自然人 | 自然人', REQUEST_COLUMN_LABELS)).toBeNull();
  });

  // Any table whose header names a column twice, on one line or several, in every flattening.
  const STYLES: Style[] = ['lines', 'blank-lines', 'pipes', 'markdown', 'tabs', 'spaces', 'html'];
  const stateOf = (p: ReturnType<typeof ok>, table: string) =>
    new Set(p.cells.filter((c) => c.table_id === table).map((c) => c.state));
  const numbers = (p: ReturnType<typeof ok>, table: string) =>
    p.cells.filter((c) => c.table_id === table && c.value !== null);

  for (const style of STYLES)
    it(`三: a column label twice in a header of several lines (${style}): every cell repeated_column`, () => {
      const rows = { new_received: ['30', '5', '1', '2', '1', '3', '42'] };
      const good = ok(parseText(buildReport({ style, requests: rows }), style === 'html' ? 't.html' : 't.txt'));
      expect(rowOf(good.cells, 'requests', 'new_received')).toBe('30 5 1 2 1 3 42');
      const text = buildReport({ style, requests: rows }).replace('社会公益组织', '科研机构');
      const p = ok(parseText(text, style === 'html' ? 't.html' : 't.txt'));
      expect(stateOf(p, 'requests')).toEqual(new Set(['repeated_column']));
      expect(numbers(p, 'requests')).toEqual([]);
      expect(p.diagnostics.some((d) => d.code === 'W_LABEL_REPEATED' && /科研机构 appears twice/.test(d.message))).toBe(
        true,
      );
      // The other tables are read.
      expect(stateOf(p, 'review')).toEqual(new Set(['number']));
    });

  it('三: with the first row’s label lost, a line of prose with a number before the header does not end the header', () => {
    // The full-width property test's seed 14, table 865: 予以公开，12件 above the header (a row
    // by its shape), 一's label lost, 法律服务机构 twice. The header was taken to end at that
    // line's 12件, before its own lines, and rows were read under an unproven header.
    const text = [
      '予以公开；12件',
      '自然人；法人或其他组织；总计',
      '商业企业；科研机构；法律服务机构；法律服务机构；其他',
      '1484；1150；66；427；241；1029；4397',
      '二、上年结转政府信息公开申请数量；481；140；3；0；0；19；643',
      '（三）1.属于国家秘密；0；28；0；19；0；9；56',
      '（三）2.其他法律行政法规禁止公开；214；203；14；8；9；0；448',
    ].join('\n');
    const r = readRequests(delimitedRows(textToLines(text)), 2019).read!;
    const states = new Set(
      r.cells.filter((c) => c.row_key.startsWith('withheld') || c.row_key === 'carried_over').map((c) => c.state),
    );
    expect(states).toEqual(new Set(['repeated_column']));
  });

  it('三: the header printed whole twice names no column twice: the table is read', () => {
    const text = buildReport({ requests: { new_received: ['30', '5', '1', '2', '1', '3', '42'] } }).replace(
      /(自然人[^\n]*\n商业企业[^\n]*\n)/,
      '$1$1',
    );
    const p = ok(parseText(text));
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('30 5 1 2 1 3 42');
    expect(p.diagnostics.some((d) => d.code === 'W_LABEL_REPEATED')).toBe(false);
  });

  const ACTIVE_2021 = `二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 3
行政规范性文件 | 2 | 1 | 10
第二十条第（五）项
信息内容 | 本年处理决定数量
行政许可 | 15
第二十条第（六）项
信息内容 | 本年处理决定数量
行政处罚 | 7
行政强制 | 0
第二十条第（八）项
信息内容 | 本年收费金额（单位：万元）
行政事业性收费 | 0
`;
  const withActive = (active: string, style: 'pipes' | 'lines' = 'pipes') => {
    const base = buildReport({
      layoutActive: '2021',
      layoutRequests: '2021',
      title: '测试局2022年政府信息公开工作年度报告',
    });
    const block = style === 'pipes' ? active : active.replace(/ \| /g, '\n');
    return base.replace(/二、主动公开政府信息情况\n[\s\S]*?(?=三、收到)/, block);
  };

  for (const style of ['pipes', 'lines'] as const)
    it(`二: a sub-table header naming a column twice (${style}): its rows repeated_column, the other sub-tables read`, () => {
      const good = ok(parseText(withActive(ACTIVE_2021, style)));
      expect(rowOf(good.cells, 'active', 'normative_docs')).toBe('2 1 10');
      expect(good.diagnostics.some((d) => d.code === 'W_LABEL_REPEATED')).toBe(false);
      const p = ok(parseText(withActive(ACTIVE_2021.replace('本年废止件数', '本年制发件数'), style)));
      for (const row of ['rules', 'normative_docs'])
        expect(
          p.cells.filter((c) => c.row_key === row && c.table_id === 'active').map((c) => [c.state, c.value]),
          row,
        ).toEqual(Array.from({ length: 3 }, () => ['repeated_column', null]));
      expect(rowOf(p.cells, 'active', 'licensing')).toBe('15');
      expect(rowOf(p.cells, 'active', 'penalty')).toBe('7');
      expect(p.diagnostics.filter((d) => d.code === 'W_LABEL_REPEATED')).toHaveLength(2);
      // A one-column sub-table naming its column twice.
      const q = ok(
        parseText(
          withActive(
            ACTIVE_2021.replace(
              '信息内容 | 本年处理决定数量\n行政许可',
              '信息内容 | 本年处理决定数量 | 本年处理决定数量\n行政许可',
            ),
            style,
          ),
        ),
      );
      expect(rowOf(q.cells, 'active', 'licensing')).toBe('R');
      expect(rowOf(q.cells, 'active', 'penalty')).toBe('7');
    });

  const FULL_REVIEW_HEAD = `行政复议 | 行政诉讼
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉
结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计
`;
  const withReview = (head: string) =>
    buildReport({ review: ['1', '0', '0', '0', '1', '2', '0', '0', '0', '2', '0', '0', '0', '0', '0'] }).replace(
      /(四、政府信息公开行政复议、行政诉讼情况\n)[\s\S]*?(?=1 \| 0 \| 0 \| 0 \| 1)/,
      `$1${head}`,
    );

  it('四: a column label named more often than the form does: all 15 cells repeated_column', () => {
    const good = ok(parseText(withReview(FULL_REVIEW_HEAD)));
    expect(rowOf(good.cells, 'review', 'review')).toBe('1 0 0 0 1');
    expect(good.diagnostics.some((d) => d.code === 'W_LABEL_REPEATED')).toBe(false);
    // 其他结果 of the second block written 结果纠正: 结果纠正 four times.
    const p = ok(
      parseText(
        withReview(
          FULL_REVIEW_HEAD.replace(
            '结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 其他结果',
            '结果纠正 | 其他结果 | 尚未审结 | 总计 | 结果维持 | 结果纠正 | 结果纠正',
          ),
        ),
      ),
    );
    expect(stateOf(p, 'review')).toEqual(new Set(['repeated_column']));
    expect(numbers(p, 'review')).toEqual([]);
    expect(p.diagnostics.find((d) => d.code === 'W_LABEL_REPEATED')?.message).toMatch(/结果纠正 appears twice/);
    // A header naming the five columns once, one of them twice in that block.
    const short = ok(
      parseText(
        withReview(
          '行政复议 | 行政诉讼\n结果维持 | 结果纠正 | 结果纠正 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉\n',
        ),
      ),
    );
    expect(stateOf(short, 'review')).toEqual(new Set(['repeated_column']));
    // The header printed whole twice: read.
    const twice = ok(parseText(withReview(FULL_REVIEW_HEAD + FULL_REVIEW_HEAD)));
    expect(rowOf(twice.cells, 'review', 'review')).toBe('1 0 0 0 1');
  });
});

describe('四: a label twice in one block, only where the header shows the block', () => {
  const BLOCK = { first: '结果维持', last: '总计' };
  /** Header cells: one string per line, cells split at |. */
  const cellsOf = (...lines: string[]) =>
    lines.flatMap((l, i) => l.split('|').map((text) => ({ text: text.trim(), no: i + 1 })));
  const check = (...lines: string[]) => repeatedHeaderLabel(cellsOf(...lines), REVIEW_HEADER_FORM, 3, BLOCK);

  it('one line: a label twice between 结果维持 and 总计 is repeated', () => {
    expect(check('行政复议 | 行政诉讼', '结果维持 | 结果纠正 | 结果纠正 | 尚未审结 | 总计')?.label).toBe('结果纠正');
  });

  it('a space-aligned header (two blocks’ 总计 on one line, the result labels broken over lines) is no repeat', () => {
    // The real 淮安 2024 report's pdftotext -layout header: the order of labels across lines is
    // not the columns' order.
    expect(
      check(
        '行政复议 | 行政诉讼',
        '未经复议直接起诉 | 复议后起诉',
        '结果 | 结果 | 其他结 | 尚未',
        '总计',
        '结 果 | 结果 | 其他 | 尚未 | 结果 | 结果 | 其他 | 尚未审',
        '维持 | 纠正 | 果 | 审结',
        '总计 | 总计',
      ),
    ).toBeNull();
  });

  it('every block’s 总计 on one line, the result labels broken over two lines, is no repeat', () => {
    // A fresh tester's t23 (-layout): no 结果维持 whole shows where a block starts, so the three
    // 总计 were all "in one block" and every 四 of its files NULL.
    expect(
      check(
        '行政复议 | 行政诉讼',
        '未经复议直接起诉 | 复议后起诉',
        '结果 | 结果 | 其他 | 尚未 | 总计 | 结果 | 结果 | 其他 | 尚未 | 总计 | 结果 | 结果 | 其他 | 尚未 | 总计',
        '维持 | 纠正 | 结果 | 审结 | 维持 | 纠正 | 结果 | 审结 | 维持 | 纠正 | 结果 | 审结',
      ),
    ).toBeNull();
    // A 总计 twice between two 总计 (the blocks' ends shown): still repeated.
    expect(check('行政复议 | 行政诉讼', '结果维持 | 结果纠正 | 总计 | 总计 | 结果维持 | 总计')?.label).toBe('总计');
    // No 结果维持 either, but a 总计 written over its place: the blocks read to their 总计 differ
    // (总计 alone, then 结果纠正 … 总计), so the header's start begins a block and 总计 is in it
    // twice (the HTML property test's damage: 6 0 0 0 6 published under those five places).
    expect(
      check('行政复议 | 行政诉讼', '总计 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉')
        ?.label,
    ).toBe('总计');
  });

  it('the real 淮安 2024 report as pdftotext -layout text: section 四 read whole', () => {
    const text = readFileSync(new URL('./fixtures/documents/huaian2024.layout.txt', import.meta.url));
    const truth = JSON.parse(
      readFileSync(new URL('./fixtures/documents/huaian2024.truth.json', import.meta.url), 'utf8'),
    ) as { cells: Array<{ table_id: string; row_key: string; col_key: string; value: number }> };
    const p = ok(parseText(text, '001_huaian2024.layout.txt'));
    expect(p.diagnostics.some((d) => d.code === 'W_LABEL_REPEATED')).toBe(false);
    const review = truth.cells.filter((c) => c.table_id === 'review');
    expect(review).toHaveLength(15);
    for (const t of review)
      expect(
        p.cells.find((c) => c.table_id === 'review' && c.row_key === t.row_key && c.col_key === t.col_key)?.value,
      ).toBe(t.value);
  });
});
