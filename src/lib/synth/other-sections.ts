import type { Random } from './random.ts';

/**
 * Another year's sections 二–四 saved after a report, without an 一 of their own (a fresh
 * tester's t64): a page that shows last year's tables below this year's report, under a line
 * naming the year (上一年度情况, 2023年度) or last year's title. Their numbers are not the
 * report's: where the report prints no 四 of its own, the file's only 四 is the other year's,
 * and the report's 四 must stay NULL (segment/sections.ts).
 *
 * The other year's numbers are this report's doubled, so that sums still hold (a reader taking
 * them would not be stopped by a failed check) and every non-zero value differs.
 */

/** Numbers as the tables print them: 1,610 and 2003.86, not an item's 1. nor a label's 1、. */
const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d.．、,])|\d+(?:\.\d+)?(?![\d.．、,])/g;

function doubled(text: string): string {
  const decimals = text.includes('.') ? (text.split('.')[1]?.length ?? 0) : 0;
  const v = Number(text.replace(/,/g, '')) * 2;
  const s = v.toFixed(decimals);
  return text.includes(',') ? Number(s).toLocaleString('en-US', { minimumFractionDigits: decimals }) : s;
}

/** A line of a table with every number doubled (labels' item numbers kept). */
export function doubledNumbers(line: string): string {
  return line.replace(NUMBER, doubled);
}

/**
 * The lines that introduce the other year's sections and the sections themselves.
 * `sections`: this report's 二, 三 and 四 lines (headings first).
 */
export function otherYearSections(
  rng: Random,
  agency: string,
  year: number,
  sections: readonly (readonly string[])[],
): string[] {
  const prev = year - 1;
  const intro = rng.pick([
    ['上一年度情况', `${prev}年度`],
    [`${prev}年度`],
    [`${agency}${prev}年政府信息公开工作年度报告`],
  ]);
  return [...intro, ...sections.flatMap((s) => [s[0]!, ...s.slice(1).map(doubledNumbers)])];
}
