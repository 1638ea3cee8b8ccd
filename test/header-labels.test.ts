import { describe, expect, it } from 'vitest';
import { ok, parseText, rowOf } from './helpers.ts';

/**
 * A header that names the columns is read as a statement of which column each number is under
 * (header.ts, headerFormProblem): with as many cells as the rows have values, each must name the
 * form's column at its place. A label the form does not have in place of one of the form's
 * (上一年项目数量 | 本年项目数量 | 处理决定数量; 个体工商户 for 其他) leaves that column NULL
 * (`unnamed_column`, W_CELLS_AMBIGUOUS) in rows whose cells are one to one under the header's,
 * the columns named by the form's labels read; any other row under it NULL. The form's labels in
 * another order (结果纠正 | 结果维持) leave the rows under it NULL, never placed by their count. Variants of the form's own labels (维持, 本年处理决定数量 for 处理决定数量, 其它, a
 * word broken over lines) read as before. From a fresh tester's minimal files (causes A, B, C).
 */

const head = (year: number) => `测试县一局${year}年政府信息公开工作年度报告
发布机构：测试县一局  发布日期：${year + 1}年1月20日
一、总体情况
本年度工作平稳有序。
`;
const tail = `五、存在的主要问题及改进情况
无。
六、其他需要报告的事项
无。
`;

/** Section 二 of a 2020 report (2019 form), its （五） and （六） headers given. */
const active2019 = (five: string, six: string) => `${head(2020)}二、主动公开政府信息情况
第二十条第（五）项 |
信息内容 | ${five} |
行政许可 | 63 | 66 | 1200 |
其他对外管理服务事项 | 10 | 12 | 30 |
第二十条第（六）项 |
信息内容 | ${six} |
行政处罚 | 45 | 2 | 800 |
行政强制 | 7 | -1 | 9 |
${tail}`;

const ITEMS = '上一年项目数量 | 本年增/减 | 处理决定数量';

/** Section 二 of a 2022 report (2021 form). */
const active2021 = (
  first: string,
  five = '本年处理决定数量',
  eight = '本年收费金额（单位：万元）',
) => `${head(2022)}二、主动公开政府信息情况
第二十条第（一）项 |
信息内容 | ${first} |
规章 | 3 | 1 | 25 |
行政规范性文件 | 12 | 4 | 88 |
第二十条第（五）项 |
信息内容 | ${five} |
行政许可 | 17 |
第二十条第（八）项 |
信息内容 | ${eight} |
行政事业性收费 | 6 |
${tail}`;

const FIRST = '本年制发件数 | 本年废止件数 | 现行有效件数';

const ROWS = [
  ['一、本年新收政府信息公开申请数量', '80 | 12 | 6 | 18 | 13 | 18 | 147'],
  ['二、上年结转政府信息公开申请数量', '2 | 1 | 1 | 0 | 0 | 1 | 5'],
  ['（一）予以公开', '35 | 1 | 3 | 2 | 2 | 3 | 46'],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '27 | 2 | 2 | 3 | 2 | 2 | 38'],
  ['（三）1.属于国家秘密', '0 | 0 | 0 | 3 | 3 | 0 | 6'],
  ['（三）2.其他法律行政法规禁止公开', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['（三）3.危及“三安全一稳定”', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['（三）4.保护第三方合法权益', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['（三）5.属于三类内部事务信息', '0 | 0 | 0 | 0 | 0 | 3 | 3'],
  ['（三）6.属于四类过程性信息', '5 | 0 | 0 | 0 | 0 | 0 | 5'],
  ['（三）7.属于行政执法案卷', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['（三）8.属于行政查询事项', '0 | 0 | 0 | 0 | 1 | 3 | 4'],
  ['（四）1.本机关不掌握相关政府信息', '11 | 2 | 2 | 3 | 3 | 2 | 23'],
  ['（四）2.没有现成信息需要另行制作', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['（四）3.补正后申请内容仍不明确', '0 | 3 | 0 | 0 | 0 | 0 | 3'],
  ['（五）1.信访举报投诉类申请', '0 | 0 | 0 | 0 | 1 | 0 | 1'],
  ['（五）2.重复申请', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['（五）3.要求提供公开出版物', '0 | 0 | 0 | 1 | 1 | 0 | 2'],
  ['（五）4.无正当理由大量反复申请', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['（五）5.要求行政机关确认或重新出具已获取信息', '0 | 0 | 0 | 0 | 0 | 0 | 0'],
  ['（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', '0 | 2 | 0 | 0 | 0 | 0 | 2'],
  ['（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', '0 | 0 | 0 | 2 | 0 | 3 | 5'],
  ['（六）3.其他', '0 | 3 | 0 | 3 | 0 | 2 | 8'],
  ['（七）总计', '78 | 13 | 7 | 17 | 13 | 18 | 146'],
  ['四、结转下年度继续办理', '4 | 0 | 0 | 1 | 0 | 1 | 6'],
];

const ORGS = '商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他';

/** Section 三 of a 2022 report, the 法人或其他组织 sub-header given. */
const requests = (orgs: string) => `${head(2022)}三、收到和处理政府信息公开申请情况
（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和） | 申请人情况 |
自然人 | 法人或其他组织 | 总计 |
${orgs} |
${ROWS.map(([l, v]) => `${l} | ${v} |`).join('\n')}
${tail}`;

const RESULTS = '结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计';

/** Section 四, the two suits' sub-header given (and the first block's). */
const review = (suits: string, first = RESULTS) => `${head(2022)}四、政府信息公开行政复议、行政诉讼情况
行政复议 | 行政诉讼 |
${first} | 未经复议直接起诉 | 复议后起诉 |
${suits} |
1 | 2 | 3 | 1 | 7 | 3 | 2 | 3 | 3 | 11 | 0 | 8 | 2 | 4 | 14 |
${tail}`;

/** The same report as a web page: each `a | b |` line a table row (a caption row spanning four columns). */
function asHtml(text: string): string {
  const lines = text.split('\n').filter((l) => l);
  const body = lines
    .map((l) => {
      if (!l.includes('|')) return `</table><p>${l}</p><table>`;
      const cells = l
        .split('|')
        .map((c) => c.trim())
        .filter((c) => c);
      if (/^第二十条/.test(cells[0]!)) return `<tr><td colspan="4">${cells[0]}</td></tr>`;
      return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${lines[0]}</title></head><body><h1>${lines[0]}</h1><table>${body}</table></body></html>`;
}

/** The same report with the request table's header drawn as the form draws it (merged cells). */
function requestsHtml(orgs: string[]): string {
  const td = (c: string) => `<td>${c}</td>`;
  const rows = ROWS.map(([l, v]) => `<tr><td colspan="3">${l}</td>${v!.split(' | ').map(td).join('')}</tr>`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>测试县一局2022年政府信息公开工作年度报告</title></head><body>
<h1>测试县一局2022年政府信息公开工作年度报告</h1>
<p>发布机构：测试县一局  发布日期：2023年1月20日</p>
<p>一、总体情况</p><p>本年度工作平稳有序。</p>
<p>三、收到和处理政府信息公开申请情况</p>
<table>
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr>
<tr>${orgs.map(td).join('')}</tr>
${rows.join('\n')}
</table>
<p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>`;
}

const ambiguous = (p: ReturnType<typeof ok>, re: RegExp) =>
  p.diagnostics.some((d) => d.code === 'W_CELLS_AMBIGUOUS' && re.test(d.message));

for (const kind of ['text', 'html'] as const) {
  const parse = (t: string) => ok(kind === 'text' ? parseText(t) : parseText(asHtml(t), 'test.html'));

  describe(`${kind}: section 二, a header label the form does not have in place of one of its own`, () => {
    it('2019 form: 本年项目数量 in place of 本年增/减, or of 上一年项目数量: that column NULL, the named ones read', () => {
      const p = parse(
        active2019('上一年项目数量 | 本年项目数量 | 处理决定数量', '本年项目数量 | 本年增/减 | 处理决定数量'),
      );
      // Not licensing.change = 66 (this year's count), nor penalty.prev_items = 45; the columns
      // the header names by the form's labels, one to one over the rows' cells, are read.
      expect(rowOf(p.cells, 'active', 'licensing')).toBe('63 U 1200');
      expect(rowOf(p.cells, 'active', 'other_services')).toBe('10 U 30');
      expect(rowOf(p.cells, 'active', 'penalty')).toBe('U 2 800');
      expect(rowOf(p.cells, 'active', 'coercion')).toBe('U -1 9');
      const change = p.cells.find((c) => c.row_key === 'licensing' && c.col_key === 'change')!;
      expect([change.state, change.value, change.raw]).toEqual(['unnamed_column', null, '66']);
      expect(ambiguous(p, /active\.licensing: .*本年项目数量.*本年增/)).toBe(true);
    });

    it('2021 form: 本年修订件数 and 上年现行有效件数 in place of 本年废止件数 and 现行有效件数: those NULL', () => {
      const p = parse(active2021('本年制发件数 | 本年修订件数 | 上年现行有效件数'));
      expect(rowOf(p.cells, 'active', 'rules')).toBe('3 U U');
      expect(rowOf(p.cells, 'active', 'normative_docs')).toBe('12 U U');
      // The other sub-tables name their own columns: read.
      expect(rowOf(p.cells, 'active', 'licensing')).toBe('17');
      expect(rowOf(p.cells, 'active', 'fees')).toBe('6');
    });

    it('2021 form: a one-column sub-table naming another column (a count of fees, not their amount): NULL', () => {
      const p = parse(active2021(FIRST, '本年新增事项数量', '本年收费项目数量'));
      expect(rowOf(p.cells, 'active', 'rules')).toBe('3 1 25');
      // Not 6 万元 from a count of fee items.
      expect(rowOf(p.cells, 'active', 'fees')).toBe('U');
      expect(rowOf(p.cells, 'active', 'licensing')).toBe('U');
      expect(ambiguous(p, /active\.fees: .*本年收费项目数量/)).toBe(true);
    });

    it('2021 form: another form’s label, or a column no form has, in place of one of its own: that column NULL', () => {
      // A fresh tester's t5: 上年项目数量 (a part of 2019's 上一年项目数量), 处理决定数量 (2019's own) and
      // 上年数量 (last year's figures) over 本年制发件数 were read as the issued count.
      for (const other of ['上年项目数量', '处理决定数量', '上年数量', '项目数量']) {
        const p = parse(active2021(`${other} | 本年废止件数 | 现行有效件数`));
        expect(rowOf(p.cells, 'active', 'rules'), other).toBe('U 1 25');
        expect(rowOf(p.cells, 'active', 'normative_docs'), other).toBe('U 4 88');
      }
      // A one-column sub-table, its lead (信息内容) tying the header to its rows.
      for (const other of ['上年项目数量', '上年数量'])
        expect(rowOf(parse(active2021(FIRST, other)).cells, 'active', 'licensing'), other).toBe('U');
    });

    it('a row short of the header’s cells under a header with an unknown label: that row NULL', () => {
      const p = parse(
        active2019('上一年项目数量 | 本年项目数量 | 处理决定数量', ITEMS).replace(
          '其他对外管理服务事项 | 10 | 12 | 30 |',
          '其他对外管理服务事项 | 10 | 30 |',
        ),
      );
      expect(rowOf(p.cells, 'active', 'licensing')).toBe('63 U 1200');
      // Two values for three columns: which is which is not proven by the header.
      expect(rowOf(p.cells, 'active', 'other_services')).not.toMatch(/\d/);
      expect(rowOf(p.cells, 'active', 'penalty')).toBe('45 2 800');
    });

    it('an unknown label and another place’s label (swapped): the sub-table NULL', () => {
      const p = parse(active2019('本年增/减 | 上一年项目数量 | 本年项目数量', ITEMS));
      expect(rowOf(p.cells, 'active', 'licensing')).toBe('A A A');
      expect(rowOf(p.cells, 'active', 'other_services')).toBe('A A A');
    });

    it("the form's own labels, and their variants, read as before", () => {
      const a = parse(active2019(ITEMS, '上一年项目数 | 本年增减 | 本年处理决定数量（件）'));
      expect(rowOf(a.cells, 'active', 'licensing')).toBe('63 66 1200');
      expect(rowOf(a.cells, 'active', 'penalty')).toBe('45 2 800');
      const b = parse(active2021('本年度制发件数 | 废止件数 | 现行有效件数（件）', '处理决定数量', '收费金额（万元）'));
      expect(rowOf(b.cells, 'active', 'rules')).toBe('3 1 25');
      expect(rowOf(b.cells, 'active', 'licensing')).toBe('17');
      expect(rowOf(b.cells, 'active', 'fees')).toBe('6');
      for (const p of [a, b]) expect(p.report.cells_ambiguous).toBe(0);
    });
  });

  describe(`${kind}: section 四, the suits' sub-header`, () => {
    it('结果纠正 before 结果维持 in the suits: not placed in the form’s order (NULL)', () => {
      const p = parse(
        review(`结果纠正 | 结果维持 | 其他结果 | 尚未审结 | 总计 | 结果纠正 | 结果维持 | 其他结果 | 尚未审结 | 总计`),
      );
      // Not suit_direct.upheld 3 / corrected 2 (swapped).
      expect(rowOf(p.cells, 'review', 'suit_direct')).toBe('A A A A A');
      expect(rowOf(p.cells, 'review', 'suit_after_review')).toBe('A A A A A');
      expect(ambiguous(p, /review\..*结果纠正/)).toBe(true);
    });

    it('驳回 in place of the first suit block’s 结果维持: that column NULL, the others read', () => {
      const p = parse(review(`驳回 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | ${RESULTS}`));
      // A header row of ten result labels is taken as either pair of blocks side by side: its
      // first place may be over 行政复议's 结果维持 too, which is left NULL with it.
      expect(rowOf(p.cells, 'review', 'review')).toBe('U 2 3 1 7');
      expect(rowOf(p.cells, 'review', 'suit_direct')).toBe('U 2 3 3 11');
      expect(rowOf(p.cells, 'review', 'suit_after_review')).toBe('0 8 2 4 14');
      expect(ambiguous(p, /驳回/)).toBe(true);
      // The block's total over the NULL cell: not assessable.
      const direct = p.checks.filter((c) => c.check_id.includes('suit_direct'));
      expect(direct.length).toBeGreaterThan(0);
      for (const c of direct) expect(c.status).toBe('not_assessable');
    });

    it('an unknown label and a row of fourteen values: not one to one, all NULL', () => {
      const p = parse(
        review(`驳回 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | ${RESULTS}`).replace(
          '1 | 2 | 3 | 1 | 7 | 3 | 2 | 3 | 3 | 11 | 0 | 8 | 2 | 4 | 14 |',
          '1 | 2 | 3 | 1 | 7 | 3 | 2 | 3 | 3 | 11 | 0 | 8 | 2 | 4 |',
        ),
      );
      for (const row of ['review', 'suit_direct', 'suit_after_review'])
        expect(rowOf(p.cells, 'review', row)).not.toMatch(/\d/);
    });

    it('the form’s order, abbreviated (维持 | 纠正 | 其他 | 未审结 | 合计): read', () => {
      const short = '维持 | 纠正 | 其他 | 未审结 | 合计';
      const p = parse(review(`${short} | ${short}`, short));
      expect(rowOf(p.cells, 'review', 'review')).toBe('1 2 3 1 7');
      expect(rowOf(p.cells, 'review', 'suit_direct')).toBe('3 2 3 3 11');
      expect(rowOf(p.cells, 'review', 'suit_after_review')).toBe('0 8 2 4 14');
    });
  });

  describe(`${kind}: section 三, the 法人或其他组织 sub-columns`, () => {
    it('个体工商户 in place of 其他: that column NULL, the others read; its row sums not assessable', () => {
      const p = parse(requests('商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 个体工商户'));
      expect(rowOf(p.cells, 'requests', 'new_received')).toBe('80 12 6 18 13 U 147');
      expect(rowOf(p.cells, 'requests', 'carried_forward')).toBe('4 0 0 1 0 U 6');
      expect(ambiguous(p, /个体工商户/)).toBe(true);
      // A check over the NULL cell is not assessable, never passed or "fixed".
      const sums = p.checks.filter((c) => c.check_id.startsWith('requests.row_sum.'));
      expect(sums.length).toBeGreaterThan(0);
      for (const c of sums) expect(c.status).toBe('not_assessable');
    });

    it('a label the form does not have and a swapped pair: the whole matrix NULL', () => {
      const p = parse(requests('科研机构 | 商业企业 | 社会公益组织 | 法律服务机构 | 个体工商户'));
      expect(rowOf(p.cells, 'requests', 'new_received')).toBe('A A A A A A A');
    });

    it('the form’s labels (其它 for 其他) read as before', () => {
      const p = parse(requests(ORGS.replace('其他', '其它')));
      expect(rowOf(p.cells, 'requests', 'new_received')).toBe('80 12 6 18 13 18 147');
      expect(rowOf(p.cells, 'requests', 'carried_forward')).toBe('4 0 0 1 0 1 6');
    });
  });
}

describe('html: section 三 drawn with merged header cells', () => {
  it('个体工商户 under 法人或其他组织 in place of 其他: that column NULL', () => {
    const p = ok(
      parseText(requestsHtml(['商业企业', '科研机构', '社会公益组织', '法律服务机构', '个体工商户']), 't.html'),
    );
    expect(rowOf(p.cells, 'requests', 'total')).toBe('78 13 7 17 13 U 146');
  });
  it('the form’s header: read', () => {
    const p = ok(parseText(requestsHtml(ORGS.split(' | ')), 't.html'));
    expect(rowOf(p.cells, 'requests', 'total')).toBe('78 13 7 17 13 18 146');
  });
});
