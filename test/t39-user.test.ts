import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leadingNoise } from '../src/lib/segment/chrome.ts';
import { ok, parseText } from './helpers.ts';

/**
 * A fresh user's t39, trying the bundled reports in shapes of their own: a title line opened by a
 * page's chrome words or markup lost its title and agency (the report then counted under 未知机关,
 * its region only the province), or kept the markup in the agency's name (an agency page of its
 * own); a report's text saved under a `.html` name was read as one paragraph of a web page.
 */
const text = readFileSync(new URL('../data/raw/000_c118c1f3c5e39f04.txt', import.meta.url), 'utf8');
const [first, ...rest] = text.split('\n') as [string, ...string[]];
const withTitle = (title: string) => [title, ...rest].join('\n');
const TITLE = '无锡市滨湖区行政审批局2020年政府信息公开工作年度报告';

describe('a title line opened by chrome words or markup (t39)', () => {
  it('the fixture opens with the title', () => expect(first.trim()).toBe(TITLE));

  for (const title of [
    `【 打印 】 ${TITLE}`,
    `[ 大 中 小 ] ${TITLE}`,
    `<img src="logo.png"> ${TITLE}`,
    `<b>无锡市滨湖区行政审批局</b>2020年政府信息公开工作年度报告`,
  ])
    it(title, () => {
      const p = ok(parseText(withTitle(title), 'a.txt'));
      expect(p.report.title).toBe(TITLE);
      expect(p.report.agency).toBe('无锡市滨湖区行政审批局');
      expect(p.report.region_code).toBe('320211');
    });

  it('leadingNoise: only chrome words and tags at the start', () => {
    expect(leadingNoise('【 打印 】 【关闭】 XX局')).toBe('【 打印 】 【关闭】 '.length);
    expect(leadingNoise('<p class="t"><b>XX局')).toBe('<p class="t"><b>'.length);
    expect(leadingNoise('XX局 打印')).toBe(0);
    expect(leadingNoise('《条例》')).toBe(0);
  });
});

describe('a report’s text saved under a .html name (t39)', () => {
  it('is read as text where it has no markup, cell for cell as the .txt', () => {
    const asText = ok(parseText(text, 'a.txt'));
    const asHtml = ok(parseText(text, 'a.html'));
    const cells = (p: typeof asText) =>
      p.cells.map((c) => `${c.table_id}.${c.row_key}.${c.col_key}=${c.value}@${c.line}`);
    expect(asHtml.report.status).toBe(asText.report.status);
    expect(cells(asHtml)).toEqual(cells(asText));
    expect(cells(asText).length).toBeGreaterThan(100);
  });

  it('a page with markup is still read as HTML', () => {
    const p = ok(parseText(`<p>${TITLE}</p>\n<table><tr><td>x</td></tr></table>`, 'a.html'));
    expect(p.report.title).toBe(TITLE);
  });
});
