import { describe, expect, it } from 'vitest';
import { ok, parseText, rowOf } from './helpers.ts';

/**
 * A sub-table of section 二 whose header names the other form's columns (docs/template.md: "a
 * 2019 header above 2021 rows: the row or column is then unproven, never guessed"). 规章 and
 * 规范性文件 are rows of both forms, so the rows do not say which columns their numbers are in;
 * the header does, and when it names the other form's columns its rows are NULL (ambiguous, with
 * the reason), never placed by the form the rest of the report has.
 */

const H2019 = '本年新制作数量 | 本年新公开数量 | 对外公开总数量';
const H2021 = '本年制发件数 | 本年废止件数 | 现行有效件数';

/** A 2023 report (2021 form) whose （一） header is `first`. */
const text2021 = (first: string) => `测试八号局2023年政府信息公开工作年度报告
一、总体情况
本年度，我局认真贯彻落实政府信息公开条例。
二、主动公开政府信息情况
第二十条第（一）项
信息内容 | ${first} |
规章 | 2 | 1 | 17 |
行政规范性文件 | 23 | 6 | 145 |
第二十条第（五）项
信息内容 | 本年处理决定数量 |
行政许可 | 84587 |
第二十条第（六）项
信息内容 | 本年处理决定数量 |
行政处罚 | 7012 |
行政强制 | 15 |
第二十条第（八）项
信息内容 | 本年收费金额（单位：万元） |
行政事业性收费 | 95.21 |
三、收到和处理政府信息公开申请情况
`;

/** A 2020 report (2019 form) whose （一） header is `first`. */
const text2019 = (first: string) => `测试十号局2020年政府信息公开工作年度报告
一、总体情况
本年度，我局认真贯彻落实政府信息公开条例。
二、主动公开政府信息情况
第二十条第（一）项
信息内容 | ${first} |
规章 | 1 | 1 | 9 |
规范性文件 | 12 | 12 | 88 |
第二十条第（五）项
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
行政许可 | 120 | -3 | 4567 |
其他对外管理服务事项 | 40 | 5 | 321 |
第二十条第（六）项
信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量 |
行政处罚 | 300 | -12 | 88 |
行政强制 | 20 | 0 | 6 |
第二十条第（八）项
信息内容 | 上一年项目数量 | 本年增/减 |
行政事业性收费 | 8 | -2 |
第二十条第（九）项
信息内容 | 采购项目数量 | 采购总金额 |
政府集中采购 | 15 | 123.45万元 |
三、收到和处理政府信息公开申请情况
`;

/** The same report as a web page: each `a | b |` line a table row. */
function asHtml(text: string): string {
  const lines = text.split('\n').filter((l) => l);
  const body = lines
    .map((l) => {
      if (!l.includes('|'))
        return /^第二十条/.test(l) ? `<tr><td colspan="4">${l}</td></tr>` : `</table><p>${l}</p><table>`;
      const cells = l
        .split('|')
        .map((c) => c.trim())
        .filter((c) => c);
      return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
    })
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${lines[0]}</title></head><body><h1>${lines[0]}</h1><table>${body}</table></body></html>`;
}

const why = (p: ReturnType<typeof ok>, from: string, to: string) =>
  p.diagnostics.some(
    (d) =>
      d.code === 'W_CELLS_AMBIGUOUS' &&
      new RegExp(
        `active\\.rules: the header names the ${from} form's columns .* but the table is read with the ${to} form's`,
      ).test(d.message),
  );

describe('a sub-table header of the other form', () => {
  for (const kind of ['text', 'html'] as const) {
    const parse = (t: string) => ok(kind === 'text' ? parseText(t) : parseText(asHtml(t), 'test.html'));

    it(`${kind}: a 2019 header over the rows of a 2021 report leaves those rows NULL, the rest read`, () => {
      const p = parse(text2021(H2019));
      expect(p.report.era).toBe('2021');
      // Not 本年制发 2, 本年废止 1, 现行有效 17: the header says 1 was newly published, not repealed.
      expect(rowOf(p.cells, 'active', 'rules')).toBe('A A A');
      expect(rowOf(p.cells, 'active', 'normative_docs')).toBe('A A A');
      expect(rowOf(p.cells, 'active', 'licensing')).toBe('84587');
      expect(rowOf(p.cells, 'active', 'coercion')).toBe('15');
      expect(rowOf(p.cells, 'active', 'fees')).toBe('95.21');
      expect(why(p, '2019', '2021')).toBe(true);
      expect(p.report.cells_ambiguous).toBe(6);
    });

    it(`${kind}: a 2021 header over the rows of a 2020 report (2019 form) leaves those rows NULL, the rest read`, () => {
      const p = parse(text2019(H2021));
      // Not made 1, published 1 (本年废止件数 read as 本年新公开数量), total 9.
      expect(rowOf(p.cells, 'active', 'rules')).toBe('A A A');
      expect(rowOf(p.cells, 'active', 'normative_docs')).toBe('A A A');
      expect(rowOf(p.cells, 'active', 'licensing')).toBe('120 -3 4567');
      expect(rowOf(p.cells, 'active', 'fees')).toBe('8 -2');
      expect(rowOf(p.cells, 'active', 'procurement')).toBe('15 123.45');
      expect(why(p, '2021', '2019')).toBe(true);
    });

    it(`${kind}: a header of the rows' own form reads every number as before`, () => {
      const a = parse(text2021(H2021));
      expect(rowOf(a.cells, 'active', 'rules')).toBe('2 1 17');
      expect(rowOf(a.cells, 'active', 'normative_docs')).toBe('23 6 145');
      const b = parse(text2019(H2019));
      expect(rowOf(b.cells, 'active', 'rules')).toBe('1 1 9');
      expect(rowOf(b.cells, 'active', 'normative_docs')).toBe('12 12 88');
      for (const p of [a, b]) expect(p.diagnostics.some((d) => /form's columns/.test(d.message))).toBe(false);
    });
  }

  it('a 2019 header word broken over two lines is still the 2019 form’s', () => {
    const p = ok(
      parseText(
        text2021(H2019).replace(
          `信息内容 | ${H2019} |`,
          '信息内容 |\n本年新\n制作数量 |\n本年新\n公开数量 |\n对外公开\n总数量 |',
        ),
      ),
    );
    expect(rowOf(p.cells, 'active', 'rules')).toBe('A A A');
    expect(rowOf(p.cells, 'active', 'licensing')).toBe('84587');
  });

  it('a 2019 header of （八） over the 2021 fee row: that row NULL, （一） read', () => {
    const p = ok(
      parseText(
        text2021(H2021).replace('信息内容 | 本年收费金额（单位：万元） |', '信息内容 | 上一年项目数量 | 本年增/减 |'),
      ),
    );
    expect(rowOf(p.cells, 'active', 'fees')).toBe('A');
    expect(rowOf(p.cells, 'active', 'rules')).toBe('2 1 17');
  });

  it('a header naming columns of both forms: its rows NULL', () => {
    const p = ok(parseText(text2021('本年制发件数 | 本年新公开数量 | 现行有效件数')));
    expect(rowOf(p.cells, 'active', 'rules')).toBe('A A A');
    expect(rowOf(p.cells, 'active', 'normative_docs')).toBe('A A A');
    expect(rowOf(p.cells, 'active', 'licensing')).toBe('84587');
  });

  it('no header over （一）: read as before (the rows’ form)', () => {
    const p = ok(parseText(text2021(H2021).replace(`信息内容 | ${H2021} |\n`, '')));
    expect(rowOf(p.cells, 'active', 'rules')).toBe('2 1 17');
    expect(p.diagnostics.some((d) => /form's columns/.test(d.message))).toBe(false);
  });
});
