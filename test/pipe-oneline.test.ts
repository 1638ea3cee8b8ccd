import { describe, expect, it } from 'vitest';
import { textToLines } from '../src/lib/decode/lines.ts';
import { relineTable } from '../src/lib/decode/oneline.ts';
import { toTraditional } from '../src/lib/synth/layouts.ts';
import { readActive } from '../src/lib/tables/sections.ts';
import { ok, parseText, rowOf } from './helpers.ts';

/**
 * A page of `|` tables pasted as one line (a web page's text copied, a crawler that keeps cell
 * separators): every row's cells, then the next row's label, on the same line.
 */

const ACTIVE =
  '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 | 规章 | 3 | 1 | 25 | 行政规范性文件 | 12 | 4 | 88 | ' +
  '行政许可 | 1234 | 行政处罚 | 56 | 行政强制 | 7 | 行政事业性收费 | 2.5 | 本年收费金额（单位：万元） |';
const ROWS: Array<[string, string]> = [
  ['一、本年新收政府信息公开申请数量', '30 | 5 | 1 | 2 | 1 | 3 | 42'],
  ['二、上年结转政府信息公开申请数量', '4 | 1 | 0 | 0 | 0 | 0 | 5'],
  ['三、本年度办理结果 | （一）予以公开', '20 | 3 | 1 | 1 | 0 | 2 | 27'],
  ['（二）部分公开', '5 | 1 | 0 | 0 | 1 | 0 | 7'],
  ['（三）不予公开 | 1.属于国家秘密', '1 | 0 | 0 | 0 | 0 | 0 | 1'],
  ['2.其他法律行政法规禁止公开', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['3.危及“三安全一稳定”', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['4.保护第三方合法权益', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['5.属于三类内部事务信息', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['6.属于四类过程性信息', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['7.属于行政执法案卷', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['8.属于行政查询事项', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['（四）无法提供 | 1.本机关不掌握相关政府信息', '4 | 1 | 0 | 1 | 0 | 1 | 7'],
  ['2.没有现成信息需要另行制作', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['3.补正后申请内容仍不明确', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['（五）不予处理 | 1.信访举报投诉类申请', '2 | 0 | 0 | 0 | 0 | 0 | 2'],
  ['2.重复申请', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['3.要求提供公开出版物', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['4.无正当理由大量反复申请', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['5.要求行政机关确认或重新出具已获取信息', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['（六）其他处理 | 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['3.其他', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['（七）总计', '32 | 5 | 1 | 2 | 1 | 3 | 44'],
  ['四、结转下年度继续办理', '2 | 1 | 0 | 0 | 0 | 0 | 3'],
];
const HEADER =
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 | 自然人 | 法人或其他组织 | 总计 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 |';
const requests = (rows = ROWS) => `${HEADER} ${rows.map(([l, v]) => `${l} | ${v} |`).join(' ')}`;
const REVIEW =
  '行政复议 | 行政诉讼 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 | 3 | 1 | 0 | 1 | 5 | 2 | 0 | 1 | 0 | 3 | 1 | 1 | 0 | 0 | 2 |';
const doc = (req = requests(), active = ACTIVE) =>
  `测试局2022年政府信息公开工作年度报告 发布机构：测试局 发布日期：2023年2月28日 一、总体情况 本年度工作平稳有序。 ` +
  `二、主动公开政府信息情况 ${active} 三、收到和处理政府信息公开申请情况 ${req} ` +
  `四、政府信息公开行政复议、行政诉讼情况 ${REVIEW} 五、存在的主要问题及改进情况 无。 六、其他需要报告的事项 无。\n`;

const ALL_ACTIVE = {
  rules: '3 1 25',
  normative_docs: '12 4 88',
  licensing: '1234',
  penalty: '56',
  coercion: '7',
  fees: '2.5',
};

describe('a `|` table page pasted as one line', () => {
  it('is cut into rows at the label cells; other text between rows is a line of its own', () => {
    const lines = relineTable('requests', textToLines(requests()));
    const texts = lines.map((l) => l.text.trim());
    expect(texts[0]).toMatch(/^\(本列数据.*其他 \|$/);
    expect(texts).toContain('一、本年新收政府信息公开申请数量 | 30 | 5 | 1 | 2 | 1 | 3 | 42 |');
    // A group label in a cell of its own stands on its own line, never after the row above's values.
    expect(texts).toContain('(二)部分公开 | 5 | 1 | 0 | 0 | 1 | 0 | 7 |');
    expect(texts).toContain('(三)不予公开 |');
    expect(texts).toContain('1.属于国家秘密 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |');
    expect(texts).toContain('3.其他 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |');
    // Cells are a `|` row's, not a glued dump's (no relined mark), and the raw text is kept.
    expect(lines.some((l) => l.relined)).toBe(false);
    expect(lines.map((l) => l.raw).join('')).toBe(requests());
    const active = relineTable('active', textToLines(ACTIVE)).map((l) => l.text.trim());
    expect(active).toEqual([
      '信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |',
      '规章 | 3 | 1 | 25 |',
      '行政规范性文件 | 12 | 4 | 88 |',
      '行政许可 | 1234 |',
      '行政处罚 | 56 |',
      '行政强制 | 7 |',
      '行政事业性收费 | 2.5 |',
      '本年收费金额(单位:万元) |',
    ]);
  });

  it('reads every table: `|` with or without spaces, full-width ｜, runs of empty cells, traditional script', () => {
    const variants = [
      doc(),
      doc().replace(/ \| /g, '|'),
      doc().replace(/ \| /g, ' ｜ '),
      // Merged cells left as runs of empty ones, after labels and after rows.
      doc(requests(ROWS.map(([l, v]) => [l.replace(/^([一二四]、.*)$/, '$1 ||'), `${v} ||`]))),
      toTraditional(doc()),
    ];
    for (const text of variants) {
      const p = ok(parseText(text));
      for (const [row, want] of Object.entries(ALL_ACTIVE)) expect(rowOf(p.cells, 'active', row)).toBe(want);
      expect(rowOf(p.cells, 'requests', 'new_received')).toBe('30 5 1 2 1 3 42');
      expect(rowOf(p.cells, 'requests', 'withheld_state_secret')).toBe('1 0 0 0 0 0 1');
      expect(rowOf(p.cells, 'requests', 'unable_not_held')).toBe('4 1 0 1 0 1 7');
      expect(rowOf(p.cells, 'requests', 'other_misc')).toBe('0 0 0 0 0 0 0');
      expect(rowOf(p.cells, 'requests', 'total')).toBe('32 5 1 2 1 3 44');
      expect(rowOf(p.cells, 'requests', 'carried_forward')).toBe('2 1 0 0 0 0 3');
      expect(rowOf(p.cells, 'review', 'suit_after_review')).toBe('1 1 0 0 2');
      expect(p.report.layout_requests).toBe('2021');
      expect(p.report.status).toBe('complete');
    }
  });

  it('row labels written with their group (（三）1.属于国家秘密) or its numbering in a cell of its own', () => {
    const joined = requests(ROWS.map(([l, v]) => [l.replace(/^（(.)）(.{2,4}) \| (\d\.)/, '（$1）$3'), v]));
    expect(joined).toContain('| （三）1.属于国家秘密 | 1 |');
    const numbering = requests(ROWS.map(([l, v]) => [l.replace(/^(\d\.)/, '$1 | '), v]));
    expect(numbering).toContain('| 2. | 其他法律行政法规禁止公开 |');
    for (const req of [joined, numbering]) {
      const p = ok(parseText(doc(req)));
      expect(rowOf(p.cells, 'requests', 'withheld_state_secret')).toBe('1 0 0 0 0 0 1');
      expect(rowOf(p.cells, 'requests', 'withheld_prohibited')).toBe('0 0 0 0 0 0 0');
      expect(rowOf(p.cells, 'requests', 'unable_not_held')).toBe('4 1 0 1 0 1 7');
      expect(rowOf(p.cells, 'requests', 'total')).toBe('32 5 1 2 1 3 44');
    }
  });

  it('headers split over several cells, and empty cells, are read as such', () => {
    const active = ACTIVE.replace('本年制发件数', '本年制发 | 件数').replace('| 3 | 1 | 25 |', '| 3 |  | 25 |');
    const p = ok(parseText(doc(requests(), active)));
    expect(rowOf(p.cells, 'active', 'rules')).toBe('3 B 25');
    expect(rowOf(p.cells, 'active', 'normative_docs')).toBe('12 4 88');
    expect(p.report.layout_active).toBe('2021');
  });

  it('a row with a value missing is NULL, never shifted; its neighbours are read', () => {
    // No arithmetic covers section 二: 3 | 25 for three columns is NULL.
    const p = ok(parseText(doc(requests(), ACTIVE.replace('| 3 | 1 | 25 |', '| 3 | 25 |'))));
    expect(rowOf(p.cells, 'active', 'rules')).toBe('A A A');
    expect(rowOf(p.cells, 'active', 'normative_docs')).toBe('12 4 88');
    // Section 三: 0 0 0 0 0 0 less one — the arithmetic cannot place the rest.
    const rows = ROWS.map(([l, v]): [string, string] => [l, l.startsWith('2.其他法律') ? '0 | 0 | 0 | 0 | 0 | 0' : v]);
    const q = ok(parseText(doc(requests(rows))));
    expect(rowOf(q.cells, 'requests', 'withheld_prohibited')).toBe('A A A A A A A');
    expect(rowOf(q.cells, 'requests', 'withheld_state_secret')).toBe('1 0 0 0 0 0 1');
    expect(rowOf(q.cells, 'requests', 'withheld_three_safeties')).toBe('0 0 0 0 0 0 0');
  });

  it('two numbers glued in one cell: split only where the arithmetic proves it', () => {
    // 30 | 5 glued as 305: only 30 + 5 + 1 + 2 + 1 + 3 = 42 fits the row sum.
    const proven = ROWS.map(([l, v]): [string, string] => [l, l.startsWith('一、') ? v.replace('30 | 5', '305') : v]);
    expect(rowOf(ok(parseText(doc(requests(proven)))).cells, 'requests', 'new_received')).toBe('30 5 1 2 1 3 42');
    // 0 | 0 glued as 00 among zeros: which cells they are is not known.
    const open = ROWS.map(([l, v]): [string, string] => [l, l.startsWith('2.重复') ? '00 | 0 | 0 | 0 | 0 | 0' : v]);
    const p = ok(parseText(doc(requests(open))));
    expect(rowOf(p.cells, 'requests', 'declined_repeat')).not.toMatch(/\d/);
    expect(rowOf(p.cells, 'requests', 'declined_publication')).toBe('0 0 0 0 0 0 0');
  });

  it('a separator lost between a value and the next label leaves the value in its own row', () => {
    const p = ok(parseText(doc(requests(), ACTIVE.replace('| 25 | 行政规范性文件', '| 25 行政规范性文件'))));
    expect(rowOf(p.cells, 'active', 'rules')).toBe('3 1 25');
    expect(rowOf(p.cells, 'active', 'normative_docs')).toBe('12 4 88');
  });

  it('a row out of template order glued to a value by a lost separator still counts as that row, twice when it is there twice', () => {
    // The property test's seed 99: 行政许可|3 行政强制|0| … 行政强制|3|: the first 行政强制 row sat in
    // the text after 行政许可's cells, unseen, and the second was published as the only one.
    const active =
      '信息内容|本年制发件数|本年废止件数|现行有效件数| 规章|6|2|29| 行政规范性文件|0|4|58| 行政许可|3 行政强制|0| 行政处罚|3| 行政强制|3| 行政事业性收费|481.92万元| 本年收费金额（单位：万元）|';
    const p = ok(parseText(doc(requests(), active)));
    const coercion = p.cells.find((c) => c.table_id === 'active' && c.row_key === 'coercion');
    expect(coercion?.state === 'number' ? coercion.value : null).toBeNull();
    expect(rowOf(p.cells, 'active', 'rules')).toBe('6 2 29');
    expect(rowOf(p.cells, 'active', 'penalty')).toBe('3');
  });

  it('a row glued to the header’s last cell by a lost separator, before the first row in template order, is still that row, twice when it is there twice', () => {
    // The property test's seed 5, table 2952: 规范性文件 printed twice, first before 规章 and
    // glued to 对外公开总数量; only the second copy was seen, and published.
    const active =
      '信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量  规范性文件 | 420 | 420 | 420 | 规章 | 380 | 380 | 1073 | ' +
      '规范性文件 | 420 | 420 | 424 | 行政许可 | 44 | 0 | 0 | 其他对外管理服务事项 | 139 | 8 | 95 | 行政处罚 | 175 | 0 | 0 | ' +
      '行政强制 | 88 | 3 | 0 | 行政事业性收费 | 96 | 0 | 政府集中采购 | 0 | 0万元 | 采购总金额（万元） |';
    const lines = relineTable('active', textToLines(active));
    expect(lines.some((l) => l.text.trim().startsWith('规范性文件 | 420 | 420 | 420'))).toBe(true);
    const r = readActive(lines, 2020).read!;
    expect(rowOf(r.cells, 'active', 'normative_docs')).not.toMatch(/\d/);
    expect(rowOf(r.cells, 'active', 'rules')).toBe('380 380 1073');
    // A header's own 总计 followed by header words is no row.
    const head = relineTable('requests', textToLines(requests()));
    expect(head[0]!.text).toContain('总计 | 商业企业');
  });

  it('a cell of two numbers in a full row (a separator lost inside it): no value of the row is placed', () => {
    // The property test's seed 1: 规章 | 0 | 0  5 | 993 — four values for three columns (the
    // next row's label was lost too); 993 was published as 现行有效件数.
    const active = ACTIVE.replace('规章 | 3 | 1 | 25 | 行政规范性文件', '规章 | 0 | 0  5 | 993 | 行政规范性文件');
    const p = ok(parseText(doc(requests(), active)));
    expect(rowOf(p.cells, 'active', 'rules')).not.toMatch(/\d/);
    expect(rowOf(p.cells, 'active', 'licensing')).toBe('1234');
    // On lines of their own too.
    const lines = `信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n规章 | 0 | 0  5 | 993\n行政规范性文件 | 12 | 4 | 88\n行政许可 | 1234\n行政处罚 | 56\n行政强制 | 7\n行政事业性收费 | 2.5`;
    const q = ok(parseText(doc(requests(), lines)));
    expect(rowOf(q.cells, 'active', 'rules')).not.toMatch(/\d/);
    expect(rowOf(q.cells, 'active', 'normative_docs')).toBe('12 4 88');
  });

  it('a separator lost between a label and an approximate number (约0): no number for it, never 0', () => {
    // The property test's seed 99: 8.属于行政查询事项约0 read as the label 8.属于行政查询事项约 and 0.
    const glued = requests().replace('8.属于行政查询事项 | 0 |', '8.属于行政查询事项约0 |');
    expect(glued).toContain('事项约0 | 0 |');
    const p = ok(parseText(doc(glued)));
    const cell = p.cells.find((c) => c.row_key === 'withheld_query' && c.col_key === 'natural_person');
    expect(cell?.value ?? null).toBeNull();
    expect(rowOf(p.cells, 'requests', 'withheld_enforcement')).toBe('0 0 0 0 0 0 0');
    expect(rowOf(p.cells, 'requests', 'unable_not_held')).toBe('4 1 0 1 0 1 7');
  });

  it('text among a row’s values: the row is NULL and the note says so (no page break on one line)', () => {
    const p = ok(parseText(doc(requests(), ACTIVE.replace('| 3 | 1 | 25 |', '| 3 | 无数据 | 25 |'))));
    expect(rowOf(p.cells, 'active', 'rules')).toBe('A A A');
    expect(rowOf(p.cells, 'active', 'normative_docs')).toBe('12 4 88');
    const note = p.diagnostics.find((d) => d.at?.row === 'rules')!;
    expect(note.message).toContain('same source line');
    expect(note.message).not.toContain('page break');
  });
});
