import { describe, expect, it } from 'vitest';
import { ok, parseText, rowOf } from './helpers.ts';

/**
 * Section 二's rows shaped like the other form than the one the table is read with (rows-form.ts).
 * 规章 and 规范性文件 have three columns in both forms, so their numbers never say which; 行政许可,
 * 行政处罚 and 行政强制 have three values in the 2019 form and one in the 2021 form, 行政事业性收费
 * two and one. When the rows' counts are the other form's, which column each number is under is
 * not proven: no cell of the table is published, W_CELLS_AMBIGUOUS says why.
 */

const report = (year: number, table: string) => `测试九号局${year}年政府信息公开工作年度报告
一、总体情况
本年度，我局认真贯彻落实政府信息公开条例。
二、主动公开政府信息情况
${table}
三、收到和处理政府信息公开申请情况
`;

/**
 * A 2019 table under a header in the 2021 form's words, its 2019-only labels (其他对外管理服务事项,
 * 政府集中采购) lost: their values are lines of numbers. Nothing but the rows says 2019.
 */
const TABLE_2019_UNDER_2021 = `信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 1 | 1 | 9
规范性文件 | 12 | 12 | 88
行政许可 | 120 | -3 | 4567
40 | 5 | 321
行政处罚 | 300 | -12 | 88
行政强制 | 20 | 0 | 6
行政事业性收费 | 8 | -2
15 | 123.45万元`;

/** A 2021 table under a header in the 2019 form's words, without its 行政强制 row. */
const TABLE_2021_UNDER_2019 = `信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量
规章 | 2 | 1 | 17
行政规范性文件 | 23 | 6 | 145
行政许可 | 84587
行政处罚 | 7012
行政事业性收费 | 95.21`;

/** The table with its ` | ` written as another flattening's separator. */
const FLATTENINGS: Record<string, (t: string) => string> = {
  '|': (t) => t,
  tab: (t) => t.replace(/ \| /g, '\t'),
  '、': (t) => t.replace(/ \| /g, '、'),
  '；': (t) => t.replace(/ \| /g, '；'),
  spaces: (t) => t.replace(/ \| /g, ' '),
};

const active = (p: ReturnType<typeof ok>) => p.cells.filter((c) => c.table_id === 'active');
const why = (p: ReturnType<typeof ok>, rows: string, read: string) =>
  p.diagnostics.some(
    (d) =>
      d.code === 'W_CELLS_AMBIGUOUS' &&
      /^active\.rules: the rows' value counts \(.*\) are the \d{4} form's/.test(d.message) &&
      d.message.includes(`are the ${rows} form's, but the table is read with the ${read} form's`),
  );

describe("section 二's rows shaped like the other form", () => {
  for (const [name, flatten] of Object.entries(FLATTENINGS)) {
    it(`${name}: a 2019 table (its 2019-only labels lost) under a 2021 header publishes no number`, () => {
      const p = ok(parseText(report(2020, flatten(TABLE_2019_UNDER_2021))));
      // Not 本年制发 1, 本年废止 1, 现行有效 9: the 2019 table's 1 was newly published, not repealed.
      expect(rowOf(p.cells, 'active', 'rules')).toBe('A A A');
      expect(rowOf(p.cells, 'active', 'normative_docs')).toBe('A A A');
      expect(active(p).filter((c) => c.state === 'number')).toEqual([]);
      expect(active(p).length).toBeGreaterThan(0);
      expect(why(p, '2019', '2021')).toBe(true);
    });

    it(`${name}: a 2021 table under a 2019 header (a row not printed) publishes no number`, () => {
      const p = ok(parseText(report(2022, flatten(TABLE_2021_UNDER_2019))));
      // Not 本年新制作 2, 本年新公开 1, 对外公开总 17.
      expect(rowOf(p.cells, 'active', 'rules')).toBe('A A A');
      expect(rowOf(p.cells, 'active', 'normative_docs')).toBe('A A A');
      expect(active(p).filter((c) => c.state === 'number')).toEqual([]);
      expect(why(p, '2021', '2019')).toBe(true);
    });
  }

  it('a 2019 table with its own labels under a 2021 header, in a 2022 report (the year picks 2021): no number', () => {
    const table = TABLE_2019_UNDER_2021.replace('\n40 |', '\n其他对外管理服务事项 | 40 |').replace(
      '\n15 |',
      '\n政府集中采购 | 15 |',
    );
    const p = ok(parseText(report(2022, table)));
    expect(rowOf(p.cells, 'active', 'rules')).toBe('A A A');
    expect(active(p).filter((c) => c.state === 'number')).toEqual([]);
    expect(why(p, '2019', '2021')).toBe(true);
  });

  it('one stray value in one row of a good table leaves that row NULL, the rest read (both forms)', () => {
    // 2021: 行政事业性收费 with two values, the 2019 form's count for that row.
    const a = ok(
      parseText(
        report(
          2022,
          `信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 2 | 1 | 17
行政规范性文件 | 23 | 6 | 145
行政许可 | 84587
行政处罚 | 7012
行政强制 | 15
行政事业性收费 | 95.21 | 3`,
        ),
      ),
    );
    expect(rowOf(a.cells, 'active', 'rules')).toBe('2 1 17');
    expect(rowOf(a.cells, 'active', 'licensing')).toBe('84587');
    expect(rowOf(a.cells, 'active', 'fees')).toBe('A');
    expect(a.diagnostics.some((d) => /value counts/.test(d.message))).toBe(false);
    // 2019: 行政处罚 with one value (two cells lost), the 2021 form's count.
    const b = ok(
      parseText(
        report(
          2020,
          TABLE_2019_UNDER_2021.replace(
            '本年制发件数 | 本年废止件数 | 现行有效件数',
            '本年新制作数量 | 本年新公开数量 | 对外公开总数量',
          )
            .replace('\n40 |', '\n其他对外管理服务事项 | 40 |')
            .replace('\n15 |', '\n政府集中采购 | 15 |')
            .replace('行政处罚 | 300 | -12 | 88', '行政处罚 | 300'),
        ),
      ),
    );
    expect(rowOf(b.cells, 'active', 'rules')).toBe('1 1 9');
    expect(rowOf(b.cells, 'active', 'licensing')).toBe('120 -3 4567');
    expect(b.diagnostics.some((d) => /value counts/.test(d.message))).toBe(false);
  });

  it('blank cells are cells: a 2019 table whose rows hold one number each and blanks is no 2021 table', () => {
    const p = ok(
      parseText(
        report(
          2020,
          `信息内容 | 本年新制作数量 | 本年新公开数量 | 对外公开总数量 |
规章 | 1 | 1 | 9 |
规范性文件 | 12 | 12 | 88 |
行政许可 | | | 4567 |
其他对外管理服务事项 | 40 | 5 | 321 |
行政处罚 | 300 | | |
行政强制 | | 0 | |
行政事业性收费 | | -2 |`,
        ),
      ),
    );
    expect(rowOf(p.cells, 'active', 'rules')).toBe('1 1 9');
    expect(rowOf(p.cells, 'active', 'licensing')).toBe('B B 4567');
    expect(p.diagnostics.some((d) => /value counts/.test(d.message))).toBe(false);
  });

  it('a page dump whose values are glued (规章 181818) is no evidence of the 2021 form: read as before', () => {
    // The whole page on one line: every row one run of digits, which the glue resolver may split
    // into as many cells as it has digits (Tok.glued), so one run is not one value.
    const p = ok(
      parseText(
        '标题: 测试十二号局2020年度政府信息公开工作年度报告\n==================== 正文 ====================\n' +
          '一、总体情况2020年，我局认真贯彻落实政府信息公开条例。二、主动公开政府信息的情况第二十条第（一）项' +
          '信息内容本年新制作数量本年新公开数量对外公开总数量规章 181818规范性文件333第二十条第（五）项' +
          '信息内容上一年项目数量本年增/减处理决定数量行政许可000其他对外管理服务事项700行政处罚 3020' +
          '行政强制1114行政事业性收费20政府集中采购00三、收到和处理政府信息公开申请的情况',
      ),
    );
    expect(p.report.layout_active).toBe('2019');
    // 000 can only be 0 | 0 | 0 (no number has a leading zero); 333 could be fewer cells too.
    expect(rowOf(p.cells, 'active', 'licensing')).toBe('0 0 0');
    expect(p.diagnostics.some((d) => /value counts/.test(d.message))).toBe(false);
  });

  it('a 2021 report keeping the 2019 sub-tables （五）–（九） under their 2019 headers: （一） read by its own header', () => {
    const p = ok(
      parseText(
        report(
          2022,
          `第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 2 | 1 | 17
行政规范性文件 | 23 | 6 | 145
第二十条第（五）项
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量
行政许可 | 120 | -3 | 4567
第二十条第（六）项
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量
行政处罚 | 300 | -12 | 88
行政强制 | 20 | 0 | 6
第二十条第（八）项
信息内容 | 上一年项目数量 | 本年增/减
行政事业性收费 | 8 | -2`,
        ),
      ),
    );
    expect(rowOf(p.cells, 'active', 'rules')).toBe('2 1 17');
    expect(rowOf(p.cells, 'active', 'licensing')).toBe('A');
    expect(p.diagnostics.some((d) => /value counts/.test(d.message))).toBe(false);
  });
});
