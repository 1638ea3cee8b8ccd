import type { Line } from '../decode/lines.ts';
import { yearInName } from './agency.ts';
import { arabicDates } from './dates.ts';

/**
 * The year a report covers. A wrong year files every number of the report under another year,
 * so the year is published only when the report states it or it follows from what the report
 * states; when the statements disagree and nothing settles it, it is NULL, with the sources
 * that disagree (`YearDecision.conflict`) for the reader.
 *
 * What counts, strongest first:
 * 1. the report's own title (a crawler's 标题:, the `<h1>`, a title line in no list of other
 *    articles — see titles.ts);
 * 2. the page's `<title>`, only when no own title names a year;
 * 3. the body: its first "2023年度", else a statistical period of one whole year (before section
 *    一 or in the body), else the most frequent "2023年" that is no date. A 2023年度 and a period
 *    of another year disagree: NULL.
 * A year the body compares with (与2022年相比, 比2022年, 较2022年同期, 同比2022年) is not the
 * report's year: it only says the report's year is later. A labelled publication date says the
 * report's year has ended (a report is published after its year; signatures are held to the same
 * rule in dates.ts). These two bounds settle a disagreement, veto a weaker source, and give the
 * year when the comparison year and the date leave a single one (与2022年相比 and 发布日期
 * 2024-01-18: 2023).
 * A year of next year's plans in sections 五 and 六 (2023年，我馆将…, 2023年工作计划) is not the
 * report's year either: it is left out of the body's years, and a year that no one own title
 * states must lie before it (else NULL, the plans named). It never gives a year nor settles a
 * disagreement by itself: a year before 将 may be a past year's deed.
 */

export const YEAR_MIN = 1990;

export type YearSource =
  'title' | 'page-title' | 'body' | 'body-report' | 'body-count' | 'period' | 'comparison' | 'published' | 'plans';

export interface YearClaim {
  source: YearSource;
  /**
   * The year the source names; for `comparison` the year compared with, for `published` the
   * date's year, for `plans` the earliest year of next year's plans.
   */
  year: number;
}

export interface YearDecision {
  year: number | null;
  /** Set when sources disagree and nothing settles it (the year is then NULL). */
  conflict: YearClaim[] | null;
}

export interface BodyYears {
  /** The body's own statement: the first "2023年度" or a whole-year statistical period. */
  own: number | null;
  /** The most frequent "2023年" that is no date (null on a tie). */
  count: number | null;
  /** Years the body compares with. */
  comparisons: number[];
  /** Years of next year's plans in sections 五 and 六 (2023年，我馆将…); absent: none. */
  plans?: number[];
  /** The statistical period's year when the first "2023年度" names another: the body disagrees with itself. */
  period?: number;
  /**
   * Other years the body gives itself when the first "2023年度" names another: the report it says
   * it publishes (现公布…2023年政府信息公开工作年度报告), a year it names as often or more. The body disagrees
   * with itself: its first 年度 may be a past year's award or last year's report (t57).
   */
  against?: YearClaim[];
  /** The year of the report the body says it publishes (现公布…2023年政府信息公开工作年度报告), if it says. */
  report?: number;
}

export interface YearEvidence {
  /** Years of the report's own title lines (labelled or heading), in order. */
  titles: number[];
  /** Years of the page's `<title>`. */
  pageTitles: number[];
  body: BodyYears;
  /** The labelled publication date (ISO), if any. */
  published: string | null;
}

/** The first "YYYY年" of a title, within range. */
export function titleYear(text: string | null, maxYear: number): number | null {
  if (!text) return null;
  // A leading year of publishing (2023年公布北京市西城区人民政府2022年…: a fresh tester's t28) is
  // not the report's.
  // The year the report's words follow (…2021年政府信息公开…) is the report's, where one is: an
  // earlier year may be part of the agency's name (北京2022年冬奥会…组织委员会2021年…: t28).
  const t = text.replace(PUBLISHED_FIRST, '');
  // Nor one inside the agency's name, where no year of the report's is written (t30).
  const own = REPORT_YEAR.exec(t);
  if (!own && yearInName(t) >= 0) return null;
  const m = own ?? /((?:19|20)\d{2})\s*年/.exec(t);
  const y = m ? Number(m[1] ?? m[2]) : null;
  return y !== null && y >= YEAR_MIN && y <= maxYear ? y : null;
}

/**
 * A year the report's own words follow: 2021年政府信息公开, 2023年度政务公开, 2022年年度报告, or in
 * brackets after a name holding a year, with 年 or without (北京2022年冬奥会…组织委员会（2021年）政府…,
 * （2021）政府…: fresh testers' t30, t34).
 */
export const REPORT_YEAR =
  /(?:((?:19|20)\d{2})\s*年|[(（]((?:19|20)\d{2})[)）])(?=\s*度?\s*[)）]?\s*(?:(?:政府)?信息公开|政务公开|工作年度报告|年度报告|年报))/;

/** A title's leading year of publishing, with its verb: 2023年公布, 2024年1月转发. */
const PUBLISHED_FIRST =
  /^\s*(?:关于)?\s*(?:19|20)\d{2}\s*年\s*(?:\d{1,2}\s*月\s*(?:\d{1,2}\s*日)?)?\s*(?:公布|发布|印发|转发)/;

/** Two years joined as one title's subject: 2022年、2023年 / 2022和2023年度 / 2022—2023年. */
const TWO_YEARS = /((?:19|20)\d{2})\s*年?度?\s*(?:、|，|,|和|及|与|至|到|-|—|–|~|～)\s*((?:19|20)\d{2})\s*年/;

/**
 * The years a title names as its subject: its first "YYYY年", or both years when it names two
 * joined (a report for 2022年、2023年 is no one year's: the caller leaves the year NULL).
 */
export function titleYears(text: string | null, maxYear: number): number[] {
  const first = titleYear(text, maxYear);
  if (first === null) return [];
  const two = TWO_YEARS.exec(text!);
  const [a, b] = two ? [Number(two[1]), Number(two[2])] : [first, first];
  // The pair is the title's subject when it holds the first year (2022和2023年: the first "YYYY年" is 2023).
  if (a === b || (a !== first && b !== first)) return [first];
  return [a, b].every((y) => y >= YEAR_MIN && y <= maxYear) ? [a, b] : [first];
}

const Y = '((?:19|20)\\d{2})';
/**
 * A year named as the other side of a comparison: 与/同/和/跟 2022年(度)(同期) 相比/比较/对比/
 * 相较/同比/比; 比/较/较之/相较于/相比/对比/同比/高于/低于/多于/少于 2022年; 2022年同期.
 */
const COMPARED = [
  new RegExp(`(?:与|同|和|跟)\\s*${Y}\\s*年度?(?:同期|全年|底|末)?\\s*(?:相比|比较|对比|相较|同比|比)`, 'g'),
  new RegExp(`(?:比|较|高于|低于|多于|少于)(?:之|于)?\\s*${Y}\\s*年`, 'g'),
  new RegExp(`${Y}\\s*年度?同期`, 'g'),
];

/** The years `text` compares with, and the text with those years masked (so that nothing counts them). */
export function comparisonYears(text: string): { years: number[]; masked: string } {
  const years: number[] = [];
  let masked = text;
  for (const re of COMPARED)
    masked = masked.replace(re, (m: string, y: string) => {
      years.push(Number(y));
      return m.replace(y, '····');
    });
  return { years, masked };
}

/** A statistical period of one whole calendar year: 2023年1月1日(起)至(2023年)12月31日. */
const PERIOD =
  /((?:19|20)\d{2})\s*年\s*0?1\s*月\s*0?1\s*日\s*(?:起\s*)?(?:至|到|—|－|-|~|～)\s*(?:((?:19|20)\d{2})\s*年\s*)?12\s*月\s*31\s*日/;

/**
 * The same period in digits and dots, slashes or dashes: 2019.1.1-2019.12.31,
 * 2019/1/1至2019/12/31, 2019-01-01至12-31 (one separator throughout the dates).
 */
const PERIOD_NUMERIC =
  /(?<!\d)((?:19|20)\d{2})\s*([./／．-])\s*0?1\s*\2\s*0?1\s*日?\s*(?:起\s*)?(?:至|到|—|－|-|~|～)\s*(?:((?:19|20)\d{2})\s*\2\s*)?12\s*\2\s*31(?!\d)/;

/** Words before a period that make it another report's: 上一年度报告, 上年度, 去年. */
const OTHER_REPORT = /上一?年度?|去年|往年/;

/** A whole-year period in `t` (Arabic digits): its year, where it starts; null when none or two years. */
function wholeYear(t: string): { year: number; index: number } | null {
  const m = PERIOD.exec(t);
  if (m && (!m[2] || m[2] === m[1])) return { year: Number(m[1]), index: m.index };
  const d = PERIOD_NUMERIC.exec(t);
  if (d && (!d[3] || d[3] === d[1])) return { year: Number(d[1]), index: d.index };
  return null;
}

/**
 * The year of the body's statistical period (统计期限), when it states one whole year: the
 * body's own, explicit statement of what its numbers cover. Written 2023年1月1日至12月31日,
 * 2023.1.1-2023.12.31, 2023/1/1至2023/12/31 or in Chinese numerals (二〇二三年一月一日至二〇二三年
 * 十二月三十一日). Cheap (only lines naming 12 and 31, or 三十一, are matched), so that it can be
 * checked against a title's year in every report.
 */
export function periodYear(body: Line[], maxYear: number): { year: number; line: number } | null {
  const n = Math.min(body.length, 400);
  for (let i = 0; i < n; i++) {
    const text = body[i]!.text;
    const cn = text.includes('三十一');
    if (!cn && (!text.includes('31') || !text.includes('12'))) continue;
    const t = cn ? arabicDates(text) : text;
    const m = wholeYear(t);
    if (!m) continue;
    // Another report's period (上一年度报告中所列数据的统计期限…) says nothing of this one's.
    const before = t.slice(0, m.index);
    if (OTHER_REPORT.test(before.slice(Math.max(before.lastIndexOf('。'), before.lastIndexOf('；')) + 1))) continue;
    if (m.year >= YEAR_MIN && m.year <= maxYear) return { year: m.year, line: body[i]!.no };
  }
  return null;
}

/**
 * A year of next year's plans, as sections 五 and 六 write them: 2023年，我馆将继续…, 2023年将
 * 加强…, 2023年拟…, 2023年度工作计划. Not when the clause puts something into something
 * (2023年将政务公开纳入考核: 将 then marks the object, and the deed may be the report's year's).
 */
const PLAN = new RegExp(
  `${Y}\\s*年度?(?:\\s*[，,]?\\s*[^，,、。；;：:！!？?\\d\\s]{0,8}?(?:将|拟|计划(?!生育)|准备|打算|力争)(?![^。；;！!？?]*(?:纳入|列入|列为|作为|融入))|的?工作(?:计划|打算|安排|思路))`,
  'g',
);

/** The years of next year's plans in `text` (a line of 五 or 六), and the text with them masked. */
export function planYears(text: string): { years: number[]; masked: string } {
  const years: number[] = [];
  const masked = text.replace(PLAN, (m: string, y: string) => {
    years.push(Number(y));
    return m.replace(y, '····');
  });
  return { years, masked };
}

const OTHER_DOCUMENTS = /《[^》]*》|〔[^〕]*〕|\[[^\]]*\]|【[^】]*】/g;

/**
 * The report the body says it publishes, in its opening words (现公布测试县交通运输局2023年政府信息
 * 公开工作年度报告, 特发布…): its year.
 */
const PUBLISHES =
  /(?:公布|发布)[^。；;!！?？\n]{0,40}?((?:19|20)\d{2})\s*年度?\s*(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)/;

/** A report named with its year: 2022年度政府信息公开工作年度报告, 2022年政府信息公开年报. */
const REPORT_NAMED = /(?:19|20)\d{2}\s*年(度?\s*(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报))/g;

export interface BodyYearsOptions {
  /** The year of the statistical period (`periodYear`, before section 一 or in the body), if stated. */
  period?: number | null;
  /** The lines of sections 五 and 六, where a year may be next year's plans (`planYears`). */
  outlook?: ReadonlySet<Line>;
  /** The lines before the body (the opening paragraph may be there), for the report it publishes. */
  head?: Line[];
}

/**
 * What the body says about its year (the first 400 lines; titles of documents in 《》 and
 * document numbers in 〔〕 left out: they name other years; in sections 五 and 六, the years of
 * next year's plans left out and returned as `plans`).
 */
export function bodyYears(body: Line[], maxYear: number, opts: BodyYearsOptions = {}): BodyYears {
  const ok = (y: number) => y >= YEAR_MIN && y <= maxYear;
  const planned: number[] = [];
  const raw = body
    .slice(0, 400)
    .map((l) => {
      // A report named by its year in the body is not proven this one (针对2022年度政府信息公开工作
      // 年度报告中提出的问题 in 五, 在2022年度…年度报告基础上 in 一: fresh testers' t28 and t30, the
      // year taken from it): it counts for no year.
      const text = l.text.replace(REPORT_NAMED, '····年$1');
      if (!opts.outlook?.has(l)) return text;
      const p = planYears(text.replace(OTHER_DOCUMENTS, ''));
      planned.push(...p.years);
      return p.masked;
    })
    .join('\n')
    .replace(OTHER_DOCUMENTS, '');
  const { years, masked: text } = comparisonYears(raw);
  const comparisons = years.filter(ok);
  const plans = planned.filter(ok);
  let own: number | null = null;
  const ndu = /((?:19|20)\d{2})\s*年度/.exec(text);
  if (ndu && ok(Number(ndu[1]))) own = Number(ndu[1]);
  const du = own;
  // The statistical period (统计期限), a whole calendar year: 自2023年1月1日起至2023年12月31日止,
  // 2023年1月1日至12月31日 (the caller's periodYear, which reads the opening paragraph before
  // section 一 too). Its dates are dates, so the count below would skip them.
  const period = opts.period != null && ok(opts.period) ? opts.period : null;
  const split = own !== null && period !== null && own !== period;
  own ??= period;
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/g)) {
    const y = Number(m[1]);
    if (ok(y)) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let count: number | null = null;
  let bestN = 0;
  for (const [y, n] of counts) {
    if (n > bestN) [count, bestN] = [y, n];
    else if (n === bestN) count = null; // a tie is no answer
  }
  // The first 2023年度 against the body's other statements of its own year (a fresh tester's t57:
  // 2022年度，我局获评政务公开先进单位 — a past award — or 2022年度报告中提出的问题, before
  // 现公布…2023年…年度报告 and 2023年，我局…, published as 2022's). Not a period's year: that
  // disagreement is `period`'s.
  const against: YearClaim[] = [];
  const published = [...(opts.head ?? []), ...body.slice(0, 400)]
    .map((l) => PUBLISHES.exec(l.text.replace(OTHER_DOCUMENTS, '')))
    .find((m) => m !== null);
  const p = published && ok(Number(published[1])) ? Number(published[1]) : null;
  if (du !== null) {
    if (p !== null && p !== du) against.push({ source: 'body-report', year: p });
    // Another year the body names as often as the first 年度's, or more (自2021年以来…2023年度，我镇
    // 获评…2024年，我镇…: each once).
    const duN = counts.get(du) ?? 0;
    const rival = [...counts].filter(([y, n]) => y !== du && n >= duN).sort((a, b) => b[1] - a[1] || b[0] - a[0])[0];
    if (rival) against.push({ source: 'body-count', year: rival[0] });
  }
  return {
    own,
    count,
    comparisons,
    ...(plans.length ? { plans } : {}),
    ...(split ? { period } : {}),
    ...(against.length ? { against } : {}),
    ...(p !== null ? { report: p } : {}),
  };
}

const uniq = (ys: number[]) => [...new Set(ys)];

export function decideYear(e: YearEvidence): YearDecision {
  const titles = uniq(e.titles);
  // The report's own title is its statement of the year: it stands. Decided before anything
  // reads `e.body`, which the caller may compute only when it is read (extractMetadata).
  // Unless the labelled publication date rules it out: a report is published after its year
  // (a 2023 title published on 2023-01-18 is not sure to be 2023's report), or in its last
  // month (a 2023 report published on 2023-12-29: its year all but over; a fresh tester's t37).
  const published = e.published ? Number(e.published.slice(0, 4)) : null;
  const december = e.published?.slice(5, 7) === '12';
  if (titles.length === 1)
    return published === null || titles[0]! < published || (titles[0] === published && december)
      ? { year: titles[0]!, conflict: null }
      : {
          year: null,
          conflict: [
            { source: 'title', year: titles[0]! },
            { source: 'published', year: published },
          ],
        };
  return weigh(e);
}

/** decideYear when no one own title states the year. */
function weigh(e: YearEvidence): YearDecision {
  const titles = uniq(e.titles);
  const lo = e.body.comparisons.length ? Math.max(...e.body.comparisons) + 1 : -Infinity;
  const hi = e.published ? Number(e.published.slice(0, 4)) - 1 : Infinity;
  const fits = (y: number) => y >= lo && y <= hi;
  // Next year's plans (2023年，我馆将…): the year lies before them. They only veto (see the top).
  const plans = e.body.plans?.length ? Math.min(...e.body.plans) : null;
  const bodyYear = e.body.own ?? e.body.count;
  // What else was said, for the reader when the year stays NULL.
  const context = (): YearClaim[] => [
    ...(bodyYear !== null ? [{ source: 'body' as const, year: bodyYear }] : []),
    ...(lo > -Infinity ? [{ source: 'comparison' as const, year: lo - 1 }] : []),
    ...(hi < Infinity ? [{ source: 'published' as const, year: hi + 1 }] : []),
    ...(plans !== null ? [{ source: 'plans' as const, year: plans }] : []),
  ];
  const unknown = (claims: YearClaim[]): YearDecision => ({ year: null, conflict: [...claims, ...context()] });
  /** `year`, unless next year's plans rule it out (`claims`: the sources that gave it). */
  const found = (year: number, claims: YearClaim[]): YearDecision =>
    plans === null || year < plans ? { year, conflict: null } : unknown(claims);
  // Titles that disagree: the one the body and the bounds leave, if exactly one.
  const settle = (years: number[], source: YearSource): YearDecision => {
    const left = years.filter((y) => fits(y) && (bodyYear === null || y === bodyYear));
    const claims = years.map((year) => ({ source, year }));
    return left.length === 1 ? found(left[0]!, claims) : unknown(claims);
  };

  // A body that names one year (2023年度) and a period of another: nothing but an own title
  // would settle it.
  if (e.body.period !== undefined) return unknown([{ source: 'period', year: e.body.period }]);
  if (e.body.against) return unknown(e.body.against);
  if (titles.length > 1) return settle(titles, 'title');
  // The page's <title> is the site's: it stands only when the body and the bounds agree.
  const pages = uniq(e.pageTitles);
  if (pages.length === 1) {
    const p = pages[0]!;
    const claims = [{ source: 'page-title' as const, year: p }];
    // Nor when the body says it publishes another year's report (a stale CMS <title>: a fresh
    // tester's t57, 2022 in the <title> over 现公布…2023年…年度报告, published as 2022's).
    const body = e.body.report === undefined || e.body.report === p;
    return fits(p) && (e.body.own === null || e.body.own === p) && body
      ? found(p, claims)
      : unknown(
          e.body.report !== undefined && e.body.report !== p
            ? [...claims, { source: 'body-report', year: e.body.report }]
            : claims,
        );
  }
  if (pages.length > 1) return settle(pages, 'page-title');
  if (bodyYear !== null) return fits(bodyYear) ? found(bodyYear, []) : unknown([]);
  // Nothing names the year: the comparison and the date may leave exactly one.
  if (lo === hi) return found(lo, []);
  return { year: null, conflict: null };
}

/** The sources of a conflict, for a diagnostic: "title 2022, title 2023, published 2024". */
export function describeConflict(claims: YearClaim[]): string {
  return claims.map((c) => `${c.source} ${c.year}`).join(', ');
}
