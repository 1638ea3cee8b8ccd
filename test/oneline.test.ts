import { describe, expect, it } from 'vitest';
import { textToLines } from '../src/lib/decode/lines.ts';
import { relineTable } from '../src/lib/decode/oneline.ts';
import { stripChrome } from '../src/lib/segment/chrome.ts';
import { tokenize } from '../src/lib/tables/tokens.ts';
import { ok, parseText, rowOf } from './helpers.ts';

const HEAD =
  '标题: 测试市测试局2020年政府信息公开工作年度报告\n发布时间: 2021-01-26 16:40\n原文链接: https://www.example.gov.cn/a.htm\n==================== 正文 ====================\n';
const REQ =
  '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计 商业企业科研机构社会公益组织法律服务机构其他' +
  '一、本年新收政府信息公开申请数量152000017二、上年结转政府信息公开申请数量2000002三、本年度办理结果（一）予以公开3200005（二）部分公开（区分处理的，只计这一情形，不计其他情形）5000005' +
  '（三）不予公开1.属于国家秘密10000012.其他法律行政法规禁止公开20000023.危及“三安全一稳定”00000004.保护第三方合法权益00000005.属于三类内部事务信息00000006.属于四类过程性信息10000017.属于行政执法案卷00000008.属于行政查询事项0000000' +
  '（四）无法提供1.本机关不掌握相关政府信息10000012.没有现成信息需要另行制作00000003.补正后申请内容仍不明确2000002' +
  '（五）不予处理1.信访举报投诉类申请00000002.重复申请00000003.要求提供公开出版物00000004.无正当理由大量反复申请00000005.要求行政机关确认或重新出具已获取信息1000001' +
  '（六）其他处理0000000（七）总计162000018四、结转下年度继续办理1000001';
const dump = (req: string) =>
  `${HEAD}当前位置： 首页 > 政务公开 > 年报 一、总体情况2020年，本局全年主动公开政府信息1207条。二、主动公开政府信息情况 第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量规章005规范性文件3030113第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量行政许可370-1949031其他对外管理服务事项117091第二十条第（六）项信息内容上一年项目数量本年增/减处理决定数量行政处罚77404704行政强制26-140第二十条第（八）项信息内容上一年项目数量本年增/减行政事业性收费70第二十条第（九）项信息内容采购项目数量采购总金额政府集中采购5433.05三、收到和处理政府信息公开申请情况${req} 四、政府信息公开行政复议、行政诉讼情况 行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉结果维持结果纠正其他结果尚未审结总计结果维持结果纠正其他结果尚未审结总计133072002400112五、存在的主要问题及改进情况一是政策解读形式较为单一。六、其他需要报告的事项本年度未收取信息处理费。 打印 关闭 附件下载\n`;

describe('one-line page dumps', () => {
  it('re-lines a glued table before each row label; item numbers leave the digit runs', () => {
    const lines = relineTable('requests', textToLines(REQ)).map((l) => l.text);
    expect(lines).toContain('一、本年新收政府信息公开申请数量152000017');
    expect(lines).toContain('1.属于国家秘密1000001');
    expect(lines).toContain('2.其他法律行政法规禁止公开2000002');
    expect(lines).toContain('6.属于四类过程性信息1000001');
    expect(lines).toContain('(七)总计162000018');
    // the raw text is kept, piece by piece
    expect(
      relineTable('requests', textToLines(REQ))
        .map((l) => l.raw)
        .join(''),
    ).toBe(REQ);
  });

  it('reads the tables: glued runs split by the arithmetic, the rest NULL', () => {
    const p = ok(parseText(dump(REQ)));
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('15 2 0 0 0 0 17');
    expect(rowOf(p.cells, 'requests', 'withheld_state_secret')).toBe('1 0 0 0 0 0 1');
    expect(rowOf(p.cells, 'requests', 'total')).toBe('16 2 0 0 0 0 18');
    expect(rowOf(p.cells, 'review', 'review')).toBe('1 3 3 0 7');
    expect(rowOf(p.cells, 'active', 'rules')).toBe('0 0 5');
    expect(p.report.layout_active).toBe('2019');
    // 行政许可370-1949031: no rule decides where the digits split, so nothing is published
    for (const c of p.cells.filter((c) => c.row_key === 'licensing')) expect(c.value).toBeNull();
    const six = p.sections.find((s) => s.section === 6)!;
    expect(six.text).toBe('本年度未收取信息处理费。');
  });

  it('a unit of yuan after the last number stays with it (a synthetic seed-5 dump published 39410400元 as 万元)', () => {
    const active =
      '二、主动公开政府信息情况 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 10 行政规范性文件 0 0 5 行政许可 0 行政处罚 0 行政强制 1 行政事业性收费 39410400元 本年收费金额';
    expect(relineTable('active', textToLines(active)).map((l) => l.text)).toContain(' 行政事业性收费 39410400元');
    const p = ok(parseText(`某局2023年政府信息公开工作年度报告\n${active} 三、收到和处理政府信息公开申请情况\n`));
    expect(p.cells.find((c) => c.table_id === 'active' && c.row_key === 'fees')?.value).toBe(3941.04);
  });

  it('digits run into a date are no value: where the amount ends and the year begins is not shown (t18)', () => {
    for (const fee of ['72023年，本机关严格执行收费标准。', '4991.952024年1月10日']) {
      const active = `二、主动公开政府信息情况 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 0 0 10 行政规范性文件 0 0 5 行政许可 0 行政处罚 0 行政强制 1 本年收费金额（单位：万元） 行政事业性收费${fee}`;
      const p = ok(parseText(`某局2023年政府信息公开工作年度报告\n${active}三、收到和处理政府信息公开申请情况\n`));
      expect(p.cells.find((c) => c.table_id === 'active' && c.row_key === 'fees')?.value ?? null).toBeNull();
    }
  });

  it('a row label that is not found never lends its numbers to another row', () => {
    const p = ok(parseText(dump(REQ.replace('2.其他法律行政法规禁止公开', '2.其他法律法规不让公开'))));
    expect(rowOf(p.cells, 'requests', 'withheld_prohibited')).toBe('');
    expect(rowOf(p.cells, 'requests', 'withheld_state_secret')).toBe('1 0 0 0 0 0 1');
    expect(rowOf(p.cells, 'requests', 'withheld_three_safeties')).toBe('0 0 0 0 0 0 0');
    expect(p.report.status).toBe('partial');
  });

  it('a run that no split makes add up stays NULL', () => {
    const p = ok(parseText(dump(REQ.replace('申请数量152000017', '申请数量152000019'))));
    for (const c of p.cells.filter((c) => c.row_key === 'new_received')) expect(c.value).toBeNull();
  });
});

describe('a text of several rows run together', () => {
  it('does not hand its last digits to its first label', () => {
    const toks = tokenize(
      textToLines('一、本年新收申请数量1300015二、上年结转申请数量0000000四、结转下年度继续办理0000000'),
    );
    expect(toks.filter((t) => t.t === 'val')).toEqual([]);
    // a dash inside digits is a sign only after a row with a signed column
    expect(tokenize(textToLines('统计期限为2020-2021')).filter((t) => t.t === 'val')).toEqual([]);
    expect(
      tokenize(textToLines('行政许可370-1949031'))
        .filter((t) => t.t === 'val')
        .map((t) => (t.t === 'val' ? t.text : '')),
    ).toEqual(['370', '-1949031']);
    const one = tokenize(textToLines('（三）1.属于国家秘密 1000001'));
    expect(one.filter((t) => t.t === 'val').map((t) => (t.t === 'val' ? t.text : ''))).toEqual(['1000001']);
  });
});

describe('page chrome glued to the text', () => {
  it('is taken off the narrative', () => {
    expect(stripChrome('本年度未收取信息处理费。 打印 关闭 附件下载')).toBe('本年度未收取信息处理费。');
    expect(stripChrome('当前位置： 首页 > 政务公开 > 年报 一、总体情况')).toBe('一、总体情况');
    expect(stripChrome('正文。【打印】【关闭】')).toBe('正文。');
    expect(stripChrome('信息公开后予以关闭')).toBe('信息公开后予以关闭');
    expect(stripChrome('请点击打印')).toBe('请点击打印');
  });
});

describe("a fresh tester's t110: a dump's last value damaged", () => {
  const ACTIVE =
    '二、主动公开政府信息情况 第二十条第（一）项 信息内容 本年制发件数 本年废止件数 现行有效件数 规章 2 0 18 行政规范性文件 51 20 162 第二十条第（五）项 信息内容 本年处理决定数量 行政许可 633 第二十条第（六）项 信息内容 本年处理决定数量 行政处罚 10714 行政强制 640 第二十条第（八）项 信息内容 本年收费金额（单位：万元） 行政事业性收费 7547.5 ';
  const read = (active: string) =>
    ok(
      parseText(
        `某局2023年政府信息公开工作年度报告\n一、总体情况\n本年度工作平稳。\n${active}三、收到和处理政府信息公开申请情况\n`,
      ),
    );
  const value = (p: ReturnType<typeof read>, row: string, col: string) =>
    p.cells.find((c) => c.table_id === 'active' && c.row_key === row && c.col_key === col)?.value ?? null;

  it('reads the undamaged dump', () => {
    const p = read(ACTIVE);
    expect(value(p, 'licensing', 'decisions')).toBe(633);
    expect(value(p, 'fees', 'amount')).toBe(7547.5);
  });

  it('a Latin letter glued to the last value (OCR: 63S, 7547.S, 1l) leaves it unread, never its digits', () => {
    for (const [from, to, row, col] of [
      ['行政许可 633', '行政许可 63S', 'licensing', 'decisions'],
      ['行政事业性收费 7547.5', '行政事业性收费 7547.S', 'fees', 'amount'],
      ['规章 2 0 18', '规章 2 0 1l', 'rules', 'in_force'],
    ] as const)
      expect(value(read(ACTIVE.replace(from, to)), row, col)).toBeNull();
  });

  it('a hard wrap inside a number (63⏎3) leaves it unread: two values or one, the text does not show', () => {
    const p = read(ACTIVE.replace('行政许可 633 ', '行政许可 63\n3 '));
    expect(value(p, 'licensing', 'decisions')).toBeNull();
    expect(value(p, 'penalty', 'decisions')).toBe(10714);
    // A wrap at a space is a space: 行政许可 633 then a new line.
    expect(value(read(ACTIVE.replace('行政许可 633 ', '行政许可 633 \n')), 'licensing', 'decisions')).toBe(633);
  });
});
