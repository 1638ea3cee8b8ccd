import type { Line } from '../decode/lines.ts';
import { toSimplified } from '../decode/script.ts';
import { titleAgency } from '../metadata/agency.ts';
import { joinedText, runsOf, shareWithin } from './shingles.ts';
import { HEADING_START as HEADING, TITLE_YEAR, YEAR_LABEL, segment, yearNumber, type Segmented } from './sections.ts';

/**
 * Several reports saved as one file — a workbook's sheets of two years saved as one CSV, a page
 * with another year's report below its own — and which one of them is read. Only one report of
 * a file is read (the others' numbers are in no dataset; `second_report_line` says where one
 * begins). Where every report has a title with a year of its own, and the years differ, the one
 * read is the year the file's name gives; else the year a title above the first report's own
 * gives (a crawler's 标题:, the page's title: a fresh tester's t37); else the only one whose
 * publication date, the first
 * date under its title, fits its year (published the next year, or in its December): a
 * workbook's sheets saved as one CSV carry the workbook's date in each sheet, which fits this
 * year's sheet and not last year's (a fresh tester's t33: last year's sheet first). Otherwise —
 * each report dated for its own year, or none — the first, as documented.
 */

export interface ChosenReport {
  /** The lines of the report read (all the file's when it is the first). */
  lines: Line[];
  /** Its sections; `duplicateFrom` is the line where a report not read begins. */
  segmented: Segmented;
  /** The years of the reports in the file, in order, where each has its own; else null (the first is read). */
  years: number[] | null;
  /**
   * Why it was chosen, with `years`: the year in the file's name, or in a title above the first
   * report's own (a crawler's 标题:, the page's), its date, or the first.
   */
  by: 'file-name' | 'page-title' | 'date' | 'body' | 'first' | null;
  /** The year of the report read, with `years`. */
  year: number | null;
  /**
   * The later parts of the file that are the report read again, with other text (repeatsOf): a
   * page saved twice, its copies differing in some numbers. Their tables are further copies of the
   * report's (parse.ts): a cell the copies read differently is not known. Empty for most files.
   */
  repeats: Line[][];
  /**
   * Beside repeats, the line where another report in the file begins (the first part that is no
   * repeat), for its note (W_SECOND_REPORT, second_report_line); null when every part is a repeat.
   */
  otherAt: number | null;
}

/** At most this many reports are looked for in one file. */
const MAX_REPORTS = 8;

export function chooseReport(lines: Line[], path: string): ChosenReport {
  const segmented = segment(lines);
  const alone: ChosenReport = { lines, segmented, years: null, by: null, year: null, repeats: [], otherAt: null };
  if (segmented.repeat !== 'other' || segmented.otherAt === null) return alone;
  // Where each report begins (index into `lines`), and each one's segmentation.
  const starts = [0];
  for (let seg = segmented; seg.repeat === 'other' && seg.otherAt && starts.length < MAX_REPORTS;) {
    const at = starts[starts.length - 1]! + seg.otherAt;
    starts.push(at);
    seg = segment(lines.slice(at));
  }
  // Each part's repeats (a part that is an earlier one again is no report of its own: 2022's
  // report, 2023's, and 2023's again read as three reports, two of 2023, gave 2022's: a fresh
  // tester's t72). `kept`: the parts that are no earlier part's repeat, in order.
  const repeatsByPart = new Map<number, ReturnType<typeof repeatsOf>>();
  const again = new Set<number>();
  for (let j = 0; j < starts.length; j++) {
    if (again.has(j)) continue;
    const r = repeatsOf(lines, starts, j);
    repeatsByPart.set(j, r);
    for (const i of r.parts) again.add(i);
  }
  const kept = starts.flatMap((_, j) => (again.has(j) ? [] : [j]));
  const parts = repeatsByPart.get(0)!;
  const first: ChosenReport = {
    ...alone,
    repeats: parts.repeats,
    otherAt: parts.other === null ? null : lines[parts.other]!.no,
  };
  if (kept.length === 1) return first;
  const heads = kept.map((j) => titleYear(lines, starts[j]!, starts[j + 1] ?? lines.length));
  if (heads.some((h) => h === null)) return first;
  const ys = heads.map((h) => h!.year);
  if (new Set(ys).size !== heads.length) {
    // Titles naming the same year (a page's info box over another year's untitled body, then this
    // year's own report: a fresh tester's t64, last year's numbers published under this year):
    // the one report whose body states its title's year, where every other body states another.
    const body = kept.map((j) => bodyYear(lines, starts[j]!, starts[j + 1] ?? lines.length));
    const agree = body.flatMap((y, i) => (y === ys[i] ? [i] : []));
    if (agree.length !== 1 || body.some((y, i) => i !== agree[0] && (y === null || y === ys[i]))) return first;
    return chosen(lines, starts, heads, kept, agree[0]!, ys, 'body', first, repeatsByPart);
  }
  // A year the file's name gives, else one a title above the first report's own gives (a
  // crawler's 标题:), when it gives one and it is one report's.
  const once = (years: number[]) => {
    const set = [...new Set(years)];
    return set.length === 1 ? ys.indexOf(set[0]!) : -1;
  };
  const byFile = once((baseName(path).match(/(?:19|20)\d{2}/g) ?? []).map(Number));
  // The report's own title a page's field too (标题：…, no title in its body): the page's other
  // titles are no more the page's than it is, so they must name its year (seed 147: a <title> of
  // last year over 标题：this year's report, then last year's report, and last year's was read).
  const page = heads[0]!.field ? [...heads[0]!.above, ys[0]!] : heads[0]!.above;
  const byPage = byFile < 0 ? once(page) : -1;
  const fits = heads.flatMap((h, i) => (h!.fits ? [i] : []));
  const pick = byFile >= 0 ? byFile : byPage >= 0 ? byPage : fits.length === 1 ? fits[0]! : 0;
  const by =
    byFile >= 0
      ? ('file-name' as const)
      : byPage >= 0
        ? ('page-title' as const)
        : fits.length === 1
          ? ('date' as const)
          : ('first' as const);
  return chosen(lines, starts, heads, kept, pick, ys, by, first, repeatsByPart);
}

/**
 * The `pick`-th report of the parts `kept` (indexes into `starts`; `heads` theirs), with its own
 * repeats (`first`: the whole file's reading).
 */
function chosen(
  lines: Line[],
  starts: number[],
  heads: Array<{ head: number } | null>,
  kept: number[],
  pick: number,
  ys: number[],
  by: NonNullable<ChosenReport['by']>,
  first: ChosenReport,
  repeatsByPart: Map<number, { repeats: Line[][] }>,
): ChosenReport {
  if (pick === 0) return { ...first, years: ys, by, year: ys[0]! };
  // From its first title (head), a few lines above where it was found by its title named again.
  const j = kept[pick]!;
  const at = heads[pick]!.head;
  const own = lines.slice(at, starts[j + 1] ?? lines.length);
  const seg = segment(own);
  // The report not read that is named: the first one in the file.
  const other = lines.slice(0, at).find((l) => l.text.trim()) ?? lines[0]!;
  return {
    lines: own,
    segmented: { ...seg, duplicateFrom: other.no, repeat: 'other', otherAt: 0 },
    years: ys,
    by,
    year: ys[pick]!,
    repeats: repeatsByPart.get(j)?.repeats ?? [],
    otherAt: other.no,
  };
}

/**
 * A part's title as compared with another's (repeatsOf): the last line before its first heading,
 * among its first lines, that names a 年度报告 or 年报 and is no sentence — with the spacing gone, traditional script
 * folded, what follows the last 年度报告/年报 cut off (（全文）, a crawler's `_XX市人民政府`) and
 * 2023年度 written 2023年. Null when no line before its heading names one (no title).
 */
function titleOf(lines: Line[], from: number, to: number): string | null {
  let title: string | null = null;
  // A part found at its heading (its title not one the segmenter takes for one: `…年度报告_南京市人民
  // 政府`, a fresh tester's t71) has it just above: a few lines back, no heading between.
  let back = from;
  while (back > 0 && from - back < 6 && !HEADING.test(lines[back - 1]!.text)) back--;
  for (let i = back; i < Math.min(to, from + 40); i++) {
    if (i >= from && HEADING.test(lines[i]!.text)) break;
    const t = toSimplified(lines[i]!.text.replace(/[\s|]+/g, '')).replace(/^标题[:：]/, '');
    const m = /^(.*(?:年度报告|年报))/.exec(t);
    // A sentence naming the report (现公布XX局2023年…年度报告。) is no title, nor a page's field
    // (索引号：… 分类：政府信息公开年报, its number and the words run together: seed 128).
    if (m && !/[，。；,;:：/]|\d{5}/.test(m[1]!)) title = m[1]!.replace(/((?:19|20)\d{2})年度/g, '$1年');
  }
  return title;
}

/**
 * Which parts of a file after the first (beginning at `starts[1]`, …) are the first report again,
 * with other text: a crawl saving a page twice, or its article and a print copy, whose numbers
 * differ here and there (a fresh tester's t69: the first copy's published, the second's ignored
 * as another report). A part is the first report again when neither its title nor its body
 * (statistics period, 一's opening) states another year than the first's, and its text is the
 * first's but for a few numbers: 85 % of its runs of 12 characters are the first's, or of the
 * first's its (either way round: a footer after one copy), where its title (titleOf) is the
 * first's, the first's without its agency (2023年度政府信息公开工作年度报告 under XX局2023年…) or
 * absent; 90 % where its title is written another way (年报, 《》), unless both titles name an
 * agency and the names differ; and 60 % of its runs holding a digit are the first's (another
 * year's tables share the form's words, not its numbers), and no year's label (`上一年度情况`,
 * `2023年度`) stands at its start. Each part is decided on its own (t72: A, A′, B), `other` the index
 * of the first that is another report. A part taken for a repeat may still be another unit's
 * (its prose copied): its tables only ever take values away from the report's
 * (tables/copies.ts checkedByRepeats; a fresh tester's t71).
 */
/**
 * Whether two titles name two agencies: each names one (titleAgency), neither name is the other's
 * end, and neither is the other's abbreviation (abbreviates).
 */
function otherAgency(t: string, t0: string | null): boolean {
  const [x, y] = [titleAgency(t)?.name, t0 === null ? undefined : titleAgency(t0)?.name];
  return !!x && !!y && !x.endsWith(y) && !y.endsWith(x) && !abbreviates(x, y) && !abbreviates(y, x);
}

/** An agency's kind written short: 委员会 as 委, 人民政府 as 政府, 办公室 as 办. */
const KIND_SHORT: Array<[RegExp, string]> = [
  [/委员会$/, '委'],
  [/人民政府$/, '政府'],
  [/办公室$/, '办'],
];

/**
 * Whether `short` is `long` abbreviated (南京市鼓楼区卫健委 for 南京市鼓楼区卫生健康委员会, a fresh
 * tester's t72): its characters are `long`'s in order, with the same kind at the end (委 for
 * 委员会), and none of the characters left out ends a place's name (省, 市, 区, 县, 州, 旗, 镇,
 * 乡, 街; 城乡 is a word of names: 住建局 leaves it out) or an agency's (局, 委, 厅, 办, 府, 院,
 * 所, 站, 队, 处, 科, 部, 室, 中心): 南京市卫健委 is the city's, not 鼓楼区's; 南京市公安局 is not
 * 南京市公安局交通管理局, nor 江宁区人民政府 淳化镇's (a fresh tester's t75: a sub-unit's report
 * taken for a copy). 某局办公室 is no 某局 (its end is another kind).
 */
export function abbreviates(short: string, long: string): boolean {
  const kind = (s: string) => KIND_SHORT.reduce((r, [re, to]) => r.replace(re, to), s);
  const [a, b] = [kind(short), kind(long)];
  if (a.length >= b.length || a.at(-1) !== b.at(-1)) return false;
  let k = 0;
  let left = '';
  for (const c of b) {
    if (k < a.length && c === a[k]) k++;
    else left += c;
  }
  return k === a.length && !/[省市区县州旗镇乡街局委厅办府院所站队处科部室]|中心/.test(left.replace(/城乡/g, ''));
}

function repeatsOf(
  lines: Line[],
  starts: number[],
  base = 0,
): { repeats: Line[][]; parts: number[]; other: number | null } {
  const end = (i: number) => starts[i + 1] ?? lines.length;
  const t0 = titleOf(lines, starts[base]!, end(base));
  const textOf = (from: number, to: number) => joinedText(lines.slice(from, to));
  const within = shareWithin;
  const first = textOf(starts[base]!, end(base));
  const own = runsOf(first);
  // A title's year only where the title compared (titleOf) states one, or none was found to
  // compare (a title line the comparison passes over, a field's `8/14/23` before it): a yearless title under a
  // page's list of the agency's other reports (相关文章: 2020年…, 2019年…) has none of theirs
  // (synthetic seed 139: 2019 taken for the report's, its copy's 2021 another year's).
  const yearOf = (title: string | null, from: number, to: number) =>
    (title === null || /(?:19|20)\d{2}年/.test(title) ? titleYear(lines, from, to)?.year : undefined) ??
    bodyYear(lines, from, to);
  const y0 = yearOf(t0, starts[base]!, end(base));
  const repeats: Line[][] = [];
  const parts: number[] = [];
  let other: number | null = null;
  for (let i = base + 1; i < starts.length; i++) {
    const t = titleOf(lines, starts[i]!, end(i));
    const body = bodyYear(lines, starts[i]!, end(i));
    const short = t !== null && /^(?:19|20)\d{2}年/.test(t) && t0 !== null && t0.endsWith(t);
    const sameTitle = t === null || t === t0 || short;
    // Its text the first's but for a few numbers: of a report saved twice, 94–100 % of the runs of
    // SHINGLE characters (every sixth) are runs of the first copy (t69's, t71's), of another
    // unit's or another year's report of the same form at most 55 % (the form's words and the
    // template's; 74 % for A, B, A again). Either way round: a site's footer after the copy, or
    // the first copy cut short, is text the other has not (t72).
    // A year's label just above or at its start (`上一年度情况`, `2023年度`: another year's sections
    // after the report, seed 129; their form's words alone are 85 % of the first's) makes it
    // another year's.
    let labelled = false;
    for (let k = Math.max(0, starts[i]! - 4); k < Math.min(end(i), starts[i]! + 4); k++)
      if (YEAR_LABEL.test(lines[k]!.text.replace(/[\s|]+/g, ''))) labelled = true;
    const text = textOf(starts[i]!, end(i));
    const a = within(text, own);
    const b = within(first, runsOf(text));
    const share = Math.max(a ?? 0, b ?? 0);
    const numbers = within(text, own, true);
    const years = [
      t === null || /(?:19|20)\d{2}年/.test(t) ? (titleYear(lines, starts[i]!, end(i))?.year ?? null) : null,
      body,
    ].filter((y): y is number => y !== null);
    // A title written another way (卫健委 for 卫生健康委员会, 年报 for 年度报告, the agency without its
    // city, 《》 or a date around it: t72) over text the first's but for its numbers is the report's.
    // Not where both titles name an agency and the names are not one's end of the other's (测试局
    // and 另一局: a sub-unit copying its department's prose, or a template's two users).
    // (Neither stating a year, the text alone tells: seed 128, a title without one and 2021年 glued
    // to 一's heading.)
    const repeat =
      !labelled &&
      !years.some((y) => y !== y0) &&
      (sameTitle ? share >= 0.85 : share >= 0.9 && !otherAgency(t, t0)) &&
      (numbers === null || numbers >= 0.6) &&
      a !== null;
    if (repeat) {
      repeats.push(lines.slice(starts[i], end(i)));
      parts.push(i);
    } else other ??= i;
  }
  return { repeats, parts, other: other === null ? null : starts[other]! };
}

/**
 * The year a report's body states for itself, between line indexes `from` and `to`: its
 * statistics period (统计期限自2023年1月1日), else the year opening 一's first line (2023年，…);
 * null when it states neither.
 */
function bodyYear(lines: Line[], from: number, to: number): number | null {
  let opening: number | null = null;
  for (let i = from; i < to; i++) {
    const t = lines[i]!.text.replace(/\s+/g, '');
    const period = /统计期限(?:为|是|自|从)?((?:19|20)\d{2})年/.exec(t);
    if (period) return Number(period[1]);
    if (opening === null && /^一[、.．]总体情况/.test(t)) {
      const next = lines.slice(i + 1, to).find((l) => l.text.trim());
      const m = next && /^((?:19|20)\d{2})年(?!度报告)/.exec(next.text.trim());
      opening = m ? Number(m[1]) : 0;
    }
  }
  return opening || null;
}

/**
 * The year of a report's title — the last title line before its first section heading, among its
 * first lines (a crawler's header may name a title above it) — and whether the first date on the
 * lines after its first title line, up to that heading, fits that year; null with no title.
 */
function titleYear(
  lines: Line[],
  from: number,
  to: number,
): { year: number; fits: boolean; above: number[]; head: number; field: boolean } | null {
  let end = Math.min(to, from + 40);
  let title = -1;
  let firstTitle = -1;
  let year = 0;
  // The years of the title lines above the last (a crawler's header, the page's title).
  const above: number[] = [];
  const titles: Array<{ i: number; year: number }> = [];
  for (let i = from; i < end; i++) {
    if (HEADING.test(lines[i]!.text)) {
      end = i;
      break;
    }
    const m = TITLE_YEAR.exec(lines[i]!.text.replace(/[\s|]+/g, ''));
    if (m) titles.push({ i, year: yearNumber(m[1]!) });
  }
  // Titles of other years one right under another are a page's links to the agency's other
  // reports (相关文章: its 2021 and 2020 reports over this one's yearless title), neither its
  // title nor the page's (synthetic seed 143: the link's 2021 taken for the page's, and the 2021
  // report after the body published for this one).
  // (On consecutive lines: the report's own title a blank line below such a list is not of it.)
  const listed = new Set<number>();
  for (let t = 0; t + 1 < titles.length; t++)
    if (titles[t]!.i + 1 === titles[t + 1]!.i && titles[t]!.year !== titles[t + 1]!.year) listed.add(t).add(t + 1);
  titles.forEach((x, t) => {
    if (listed.has(t)) return;
    if (title >= 0) above.push(year);
    [title, year] = [x.i, x.year];
    if (firstTitle < 0) firstTitle = x.i;
  });
  if (title < 0) return null;
  const field = FIELD.test(lines[title]!.text);
  // A report found from its title named again in the page's info box (`标　　题： | …`) has its
  // first title a few lines above, its date between (a new seed: last year's report first, this
  // year's date read as no one's, and last year's published): the date is looked for from there.
  let head = from;
  for (let k = from - 1; k >= Math.max(0, from - 5); k--) {
    const m = TITLE_YEAR.exec(lines[k]!.text.replace(/[\s|]+/g, ''));
    if (m && yearNumber(m[1]!) === year) {
      firstTitle = head = k;
      break;
    }
  }
  // The date under its first title line: the page's info box may name the title again below its
  // date (`标　　题： | …`, meta-title-cell).
  for (let j = firstTitle + 1; j < end; j++) {
    const d = DATE.exec(lines[j]!.text);
    if (d)
      return {
        year,
        fits: Number(d[1]) === year + 1 || (Number(d[1]) === year && Number(d[2]) === 12),
        above,
        head,
        field,
      };
  }
  return { year, fits: false, above, head, field };
}

/** A page's field naming the title (标题：…, 标　　题 | …): the page's, not a title in the body. */
const FIELD = /^[\s|]*标\s*题\s*[:：|]/;

/** A date: 2024-01-20, 2024年1月20日, 2024/1/20, 2024.1.20 (year and month). */
const DATE = /((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*\d{1,2}/;

const baseName = (path: string) => path.slice(path.lastIndexOf('/') + 1);
