import { escapeHtml } from './render.ts';
import type { Random } from './random.ts';

/**
 * Other years written around a report, as real pages have them (a fifth tester's files): the
 * agency's reports of earlier years listed above the title (相关文章 …, or links), a year the
 * opening text compares with (与2022年相比), and an HTML `<title>` naming another year than the
 * report's heading. None of them is the report's year; the truth keeps the year the report
 * covers. Each is a quirk of its own in `npm run eval`.
 */

const LABELS = ['相关文章：', '相关阅读', '往年年报：', '历年年报'];

/**
 * Titles of the agency's two previous reports before the title. Text: a label, the titles, a
 * blank line — or, when the title names the year, the titles alone (nothing marks them as a
 * list; the body's year settles which title is the report's). HTML: a label and a list of links.
 */
export function otherYearTitles(
  rng: Random,
  agency: string,
  year: number,
  html: boolean,
  yearInTitle: boolean,
): string[] {
  const titles = [year - 1, year - 2].map((y) => `${agency}${y}年政府信息公开工作年度报告`);
  if (html)
    return [
      rng.pick(LABELS),
      `<ul>${titles.map((t, i) => `<li><a href="/ndbg/${year - 1 - i}.html">${escapeHtml(t)}</a></li>`).join('')}</ul>`,
    ];
  return [...(!yearInTitle || rng.chance(0.7) ? [rng.pick(LABELS)] : []), ...titles, ''];
}

/** A sentence of the opening text comparing with the previous year. */
export function comparisonSentence(rng: Random, year: number): string {
  const prev = year - 1;
  const n = rng.int(2, 40);
  return rng.pick([
    `与${prev}年相比，本年度依申请公开数量有所${rng.pick(['上升', '下降'])}。`,
    `与${prev}年度相比，主动公开信息数量增长${n}%。`,
    `本年度主动公开政府信息较${prev}年同期增加${n}条。`,
    `全年受理申请比${prev}年减少${n}件。`,
  ]);
}

/**
 * The body with every statement of its own year removed (the overview's "2023年，" and the
 * "2023年度，" line of reports whose title has no year): only a comparison and the
 * publication date then say which year it is.
 */
export function withoutOwnYear(body: string[], year: number): string[] {
  return body.map((l) => l.replace(`${year}年度，`, '本年度，').replace(`${year}年，`, '本年，'));
}

/** The `<title>` with another year than the report's (a site template's). */
export function otherYearPageTitle(htmlTitle: string, year: number): string {
  return htmlTitle.replace(`${year}年`, `${year - 1}年`);
}
