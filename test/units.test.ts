import { describe, expect, it } from 'vitest';
import { textToLines } from '../src/lib/decode/lines.ts';
import { multipliedCountUnit, statedMoneyUnits, unitForAnotherTable } from '../src/lib/tables/units.ts';
import { proseUnitConflicts } from '../src/lib/checks/prose-units.ts';
import { parseCell, shiftDecimal } from '../src/lib/tables/cell.ts';
import { Random } from '../src/lib/synth/random.ts';
import { buildReport } from './fixtures/build.ts';
import { ok, parseText } from './helpers.ts';

const fees = (text: string) => statedMoneyUnits(textToLines(text), '收费金额');

describe('the money unit section 二 states', () => {
  it('reads a statement broken across lines (a spreadsheet cell 信息内容（单 / 位：元）)', () => {
    expect(fees('信息内容（单\n位：元） | 本年制发件数 |\n本年收费\n金额（单位：万元） |')).toEqual(['万元', '元']);
  });
  it('wherever it is written: a unit line, a header cell, a caption, the heading, a row label, the header', () => {
    expect(fees('第二十条第（八）项\n单位：元\n信息内容 | 本年收费金额 |')).toEqual(['元']);
    expect(fees('信息内容（单位：元） | 本年收费金额 |')).toEqual(['元']);
    expect(fees('第二十条第（八）项（单位：千元）')).toEqual(['千元']);
    expect(fees('（金额单位：元）\n第二十条第（八）项')).toEqual(['元']);
    expect(fees('行政事业性收费（万元） | 3.2 |')).toEqual(['万元']);
    expect(fees('信息内容 | 本年收费\n金额（单位：亿元） |')).toEqual(['亿元']);
    // Glued in a one-line dump.
    expect(fees('第二十条第（八）项单位：元信息内容本年收费金额行政事业性收费32000')).toEqual(['元']);
  });

  it('units of count, other phrases with 单位 or 元, and the other amount column state nothing here', () => {
    expect(fees('单位：件\n信息内容 | 本年收费金额 |')).toEqual([]);
    expect(fees('单位：件、万元')).toEqual(['万元']);
    expect(fees('发布单位：元氏县人民政府')).toEqual([]);
    expect(fees('本单位：元旦前完成')).toEqual([]);
    expect(fees('采购总金额（单位：元） | 本年收费金额（单位：万元） |')).toEqual(['万元']);
    expect(statedMoneyUnits(textToLines('采购总金额（单位：元）'), '采购总金额')).toEqual(['元']);
  });

  it('a header that says only 金额, its unit in brackets: the one amount column’s (t26)', () => {
    // A fresh tester's t26: 34899 under 金额（单位：元） was published as 34899 万元.
    expect(fees('信息内容          金额（单位：元）\n行政事业性收费    34899')).toEqual(['元']);
    expect(fees('项目 | 金额（元） |')).toEqual(['元']);
    expect(fees('名称,金额(单位：千元)')).toEqual(['千元']);
    expect(fees('                  金额（单位：元）')).toEqual(['元']);
    expect(fees('信息内容金额（元）行政事业性收费32000')).toEqual(['元']);
    // Another column's amount, and prose, state nothing for it.
    expect(fees('采购金额（元） | 罚没金额（元） |')).toEqual([]);
    expect(fees('收取费用金额共计五千元。')).toEqual([]);
  });

  it('any wording naming a unit on a line of units or amounts (t82: each left the form’s 万元 in force)', () => {
    for (const line of [
      '（统计单位：元）',
      '（单位：件；元）',
      '单位/元',
      '（金额：元）',
      '单位 元',
      '（统计单位：件，金额：元）',
      '（统计单位：件、元）',
    ])
      expect(fees(`二、主动公开政府信息情况${line}\n信息内容 | 本年收费金额 |`), line).toEqual(['元']);
    expect(fees('注：金额单位 万元')).toEqual(['万元']);
    // An amount is no unit statement (收费7547.5元, 7547.5 元), nor a word (元旦), nor another currency.
    expect(fees('本年收费金额共计7547.5元。')).toEqual([]);
    expect(fees('收费金额为 7,547.5 元')).toEqual([]);
    expect(fees('单位：件（元旦假期除外）')).toEqual([]);
  });

  it('a unit stated above another table of the section is for which table not certain (t82)', () => {
    const other =
      '（一）财政预决算信息公开情况\n单位：元\n项目 | 金额 |\n部门预算 | 12345678 |\n第二十条第（八）项\n信息内容 | 本年收费金额 |';
    expect(unitForAnotherTable(textToLines(other), '收费金额')).toContain('another table');
    const bare = '项目 | 金额（单位：元） |\n部门预算 | 12345678 |\n信息内容 | 本年收费金额 |';
    expect(unitForAnotherTable(textToLines(bare), '收费金额')).toContain('another table');
    // A bare 金额 header with no column header after it is the column's own (t26).
    expect(
      unitForAnotherTable(textToLines('信息内容 | 金额（单位：元） |\n行政事业性收费 | 34899 |'), '收费金额'),
    ).toBeNull();
    // Above the fee's own header, or under the table (no header after it): the column's.
    expect(
      unitForAnotherTable(textToLines('单位：元\n信息内容 | 本年收费金额 |\n行政事业性收费 | 3 |'), '收费金额'),
    ).toBeNull();
    expect(
      unitForAnotherTable(textToLines('信息内容 | 本年收费金额 |\n行政事业性收费 | 3 |\n（单位：元）'), '收费金额'),
    ).toBeNull();
  });

  it('counts stated in multiples (万件, 千件) are named; amounts and words are not (t82)', () => {
    const named = (t: string) => multipliedCountUnit(textToLines(t));
    expect(named('信息内容 | 本年处理决定数量（万件） |')).toContain('万件');
    expect(named('（单位：千件）')).toContain('千件');
    expect(named('数量百件')).toContain('百件');
    expect(named('全年办理行政许可1.2万件。')).toBeNull();
    expect(named('受理千件以上')).toBeNull();
    expect(named('信息内容 | 本年处理决定数量 |')).toBeNull();
  });

  it('statements that disagree are all returned (the caller reads no amount)', () => {
    expect(fees('单位：元\n信息内容 | 本年收费金额（单位：万元） |')).toEqual(['元', '万元']);
  });
});

describe('a fee amount under a unit stated outside its header', () => {
  const report = (fee: string, edit: (t: string) => string) =>
    ok(
      parseText(
        edit(
          buildReport({
            title: '测试市测试局2022年政府信息公开工作年度报告',
            layoutActive: '2021',
            layoutRequests: '2021',
            active: { fees: [fee] },
          }),
        ),
      ),
    );
  const amount = (p: ReturnType<typeof report>) => p.cells.find((c) => c.row_key === 'fees' && c.col_key === 'amount')!;
  const above = (unitLine: string) => (t: string) =>
    t.replace('行政事业性收费 |', `${unitLine}\n信息内容 | 本年收费金额 |\n行政事业性收费 |`);

  it('is converted exactly to 万元', () => {
    expect(amount(report('32000', above('单位：元')))).toMatchObject({ value: 3.2, state: 'number' });
    expect(amount(report('32000', above('第二十条第（八）项（单位：千元）')))).toMatchObject({ value: 3200 });
    expect(
      amount(report('32000', (t) => t.replace('二、主动公开政府信息情况', '二、主动公开政府信息情况（金额单位：元）'))),
    ).toMatchObject({ value: 3.2 });
    expect(amount(report('32000', (t) => t.replace('信息内容 |', '信息内容（单位：元） |')))).toMatchObject({
      value: 3.2,
    });
    // A unit of count is no money unit: the form's 万元 stands.
    expect(amount(report('32000', above('单位：件')))).toMatchObject({ value: 32000 });
  });

  it('statements that disagree leave a non-zero amount NULL, with a note naming them', () => {
    const conflict = (t: string) =>
      t.replace('行政事业性收费 |', '单位：元\n信息内容 | 本年收费金额（单位：万元） |\n行政事业性收费 |');
    const p = report('32000', conflict);
    expect(amount(p)).toMatchObject({ value: null, state: 'ambiguous', raw: '32000' });
    expect(p.diagnostics.find((d) => d.code === 'W_UNIT_UNKNOWN')?.message).toContain('元, 万元');
    // Nothing in any unit is 0.
    expect(amount(report('0', conflict))).toMatchObject({ value: 0, state: 'number' });
    // The cell's own unit says it.
    expect(amount(report('32000元', conflict))).toMatchObject({ value: 3.2, state: 'number' });
  });
});

describe('a fee amount the report’s own sentence gives in another unit (t82)', () => {
  const fee = (raw: string, value: number) =>
    ({ table_id: 'active', row_key: 'fees', col_key: 'amount', raw, value, state: 'number', line: 9 }) as const;
  it('read in 万元, given in 元 by the text: not certain; the same value in both: kept', () => {
    expect(proseUnitConflicts([fee('7547.5', 7547.5)], '本年度共收取行政事业性收费7547.5元。').size).toBe(1);
    expect(proseUnitConflicts([fee('7547.5', 0.75475)], '本年度共收取行政事业性收费7547.5元。').size).toBe(0);
    expect(proseUnitConflicts([fee('1.2', 1.2)], '全年行政事业性收费1.2万元。').size).toBe(0);
    expect(proseUnitConflicts([fee('12000', 12000)], '全年收费金额为12,000元。').size).toBe(1);
  });
  it('only the cell’s digits, whole, in a sentence about fees; a 0 is 0 in any unit', () => {
    expect(proseUnitConflicts([fee('7547.5', 7547.5)], '本年度共收取行政事业性收费17547.5元。').size).toBe(0);
    expect(proseUnitConflicts([fee('7547.5', 7547.5)], '全年采购7547.5元。').size).toBe(0);
    expect(proseUnitConflicts([fee('0', 0)], '本年度收费0元。').size).toBe(0);
  });
  it('in a report: the amount NULL with the reason', () => {
    const text = buildReport({
      title: '测试市测试局2022年政府信息公开工作年度报告',
      layoutActive: '2021',
      layoutRequests: '2021',
      active: { fees: ['7547.5'] },
    }).replace('二、主动公开政府信息情况', '二、主动公开政府信息情况\n本年度共收取行政事业性收费7547.5元。');
    const p = ok(parseText(text));
    expect(p.cells.find((c) => c.row_key === 'fees' && c.col_key === 'amount')).toMatchObject({
      value: null,
      state: 'ambiguous',
    });
    expect(p.diagnostics.some((d) => d.code === 'W_UNIT_UNKNOWN' && d.message.includes('7547.5'))).toBe(true);
  });
});

describe('money units above 万元 (百万元, 千万元, 亿元)', () => {
  it('shiftDecimal adds zeros past the last digit: 1.2亿元 is 12000万元, 5亿元 50000, 0.1亿元 1000', () => {
    expect(shiftDecimal('1.2', 4)).toBe(12000);
    expect(shiftDecimal('5', 4)).toBe(50000);
    expect(shiftDecimal('0.1', 4)).toBe(1000);
    expect(shiftDecimal('2.5', 2)).toBe(250);
    expect(shiftDecimal('226700', -4)).toBe(22.67);
  });
  it('shiftDecimal is the decimal shift, over random digit strings and places', () => {
    const rng = new Random(71);
    for (let i = 0; i < 5000; i++) {
      const int = String(rng.int(0, 99999));
      const frac = rng.chance(0.5) ? '' : String(rng.int(0, 999)).padStart(rng.int(1, 3), '0');
      const d = frac ? `${int}.${frac}` : int;
      const p = rng.int(-6, 6);
      const want = Number(d) * 10 ** p;
      expect(Math.abs(shiftDecimal(d, p) - want), `${d} ${p}`).toBeLessThanOrEqual(Math.abs(want) * 1e-12 + 1e-12);
    }
  });
  it('a cell in 亿元 is read in 万元', () => {
    expect(parseCell('1.2亿元', 'money', null).value).toBe(12000);
    expect(parseCell('0.1', 'money', '亿元').value).toBe(1000);
    expect(parseCell('1.5', 'money', '千万元').value).toBe(1500);
  });
});

describe('a number written with a leading zero', () => {
  it('is no proven number: 02 may be 0 and 2 glued (a lost separator) as well as a padded 2', () => {
    for (const t of ['02', '007', '00', '0,123', '01.5万元']) {
      const c = parseCell(t, t.endsWith('元') ? 'money' : 'count');
      expect([c.state, c.value], t).toEqual(['ambiguous', null]);
      expect(c.note).toContain('leading zero');
    }
    for (const [t, v] of [
      ['0', 0],
      ['0.5万元', 0.5],
      ['20', 20],
      ['1,020', 1020],
    ] as const)
      expect(parseCell(t, t.endsWith('元') ? 'money' : 'count').value, t).toBe(v);
  });
});
