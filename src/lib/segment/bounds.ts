import type { Line } from '../decode/lines.ts';
import { findHeading, findOtherNumbered, findUnnumbered } from './headings.ts';

/**
 * Where another report begins in a file, told by its title alone, before any heading is
 * trusted: a report title of its own after the first report's body, with that report's
 * 一、总体情况 (overview, in any numbering) just below it.
 *
 * Why before the headings: which numbering a report uses (一、 / 第一部分 / none) is decided over
 * the lines it may hold. Over the whole file, another report's usual 一、总体情况 made this
 * report's 第一部分 总体情况 no heading, and the sections found were the other report's: its
 * numbers published under this report's title (a fresh tester's t86: 127 of 600 files, some
 * under this report's year). Cut at the other's title, each report is segmented on its own.
 *
 * The title is another report's when its text differs from the file's first title and it is not
 * the same agency's title of the same year (a running header worded another way, a page's own
 * field block, are not). An appendix's line (附件：…) is no report here: appendix.ts reads it.
 * Returns the title's index into `lines`, or null.
 */
export function nextReportAt(lines: Line[]): number | null {
  let first: Title | null = null;
  let headed = false;
  let body = false;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    const title = titleOf(text);
    if (title) {
      // A title after the body when the report's own was not seen (wrapped over two lines:
      // 慈溪市教育局 / 2020年政府信息公开工作年 / 度报告) is another report's too.
      if (body && (!first || another(first, title)) && overviewBelow(lines, i) !== null) return i;
      first ??= title;
      continue;
    }
    // The report's body: a heading, then a sentence under it (a contents page has none).
    if (!headed) headed = headingAt(text);
    else if (!body && /[。；]/.test(text)) body = true;
  }
  return null;
}

interface Title {
  squashed: string;
  year: number | null;
  /** The title without its year and the words every title has: the agency's part. */
  agency: string;
}

/** A line that is a report's title and nothing else: 2023年某某局政府信息公开工作年度报告. */
function titleOf(text: string): Title | null {
  const squashed = text.replace(/[\s|\u3000]+/g, '');
  if (squashed.length < 8 || squashed.length > 60) return null;
  if (!/(?:年度报告|年报)$/.test(squashed) || !/信息公开/.test(squashed)) return null;
  // A sentence (按要求编制本机关2023年…年度报告), a page's field (标题：…, 索引号 … 年报), a
  // breadcrumb (首页 > 信息公开 > 政府信息公开年报), an appendix.
  if (/[。；，,！？《》“”:：>＞›»/]|索引号|分类|标题|名称|首页|位置/.test(squashed) || /^附[件表]/.test(squashed))
    return null;
  const year = /((?:19|20)\d{2})\s*年/.exec(squashed);
  const agency = squashed
    .replace(/[(（]?(?:19|20)\d{2}\s*年度?[)）]?/g, '')
    .replace(/(?:政府信息公开|信息公开)(?:工作)?(?:年度报告|年报)$/, '');
  return { squashed, year: year ? Number(year[1]) : null, agency };
}

/** Another report's title: other text, and not the same agency's of the same year. */
function another(a: Title, b: Title): boolean {
  if (a.squashed === b.squashed) return false;
  const sameAgency = a.agency === b.agency || a.agency.includes(b.agency) || b.agency.includes(a.agency);
  if (!sameAgency) return true;
  // The same agency's: another year's (a first title with no year, then one with a year: the
  // other's, as the first's would stand at its top).
  return b.year !== null && a.year !== b.year;
}

/** A section heading of any numbering standing at the start of the line. */
function headingAt(text: string, ks = [0, 1, 2, 3, 4, 5]): boolean {
  return ks.some((k) => {
    const usual = findHeading(k, text);
    if (usual && !text.slice(0, usual.col).replace(/[\s|]/g, '')) return true;
    return findOtherNumbered(k, text) !== null || findUnnumbered(k, text) !== null;
  });
}

/**
 * The index of 一、总体情况 (any numbering) among the twenty non-empty lines below line `at`,
 * before another title or section; null when there is none.
 */
export function overviewBelow(lines: Line[], at: number): number | null {
  for (let i = at + 1, seen = 0; i < lines.length && seen < 20; i++) {
    const text = lines[i]!.text;
    if (!text.trim()) continue;
    seen++;
    if (titleOf(text)) return null;
    if (headingAt(text, [0])) return i;
    // Another section first: the overview is not what follows.
    if (headingAt(text, [1, 2, 3, 4, 5])) return null;
  }
  return null;
}

/** An appendix's own line (附件, 附件1：, 附件二 …, 附表…, alone or before its title). */
const APPENDIX_LINE = /^\s*附\s*[件表]\s*[\d一二三四五六七八九十]*\s*[:：]?/;
/** A title of tables with no 附件 before it: 某某局2020年政府信息公开情况统计表. */
const TABLES_TITLE = /(?:统计表|情况表|数据表|一览表|报表)[)）]?$/;

/**
 * A line that opens an appendix: its 附件 line; or a title of tables standing alone that names
 * a year other than the report's title (`year`): the report's own tables may stand under a title
 * of their own after its date, and appendix.ts opens no appendix there.
 */
function opensAppendix(text: string, squashed: string, year: number | null): boolean {
  if (APPENDIX_LINE.test(text)) return true;
  if (squashed.length > 60 || !TABLES_TITLE.test(squashed) || /[。；，,:：]/.test(squashed)) return false;
  const named = /((?:19|20)\d{2})\s*年/.exec(squashed);
  return named !== null && year !== null && Number(named[1]) !== year;
}

/** A date standing alone, as a report is signed off: 2024年1月20日, 2024-01-20, 二〇二四年一月二十日. */
const SIGN_OFF_DATE =
  /^(?:(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?|[二一][〇○零一二三四五六七八九]{3}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日)$/;

/**
 * Where an appendix begins after the report has ended: an 附件 line (or a title of tables of
 * another year: …2021年…统计表) after the text of its last section (六 其他需要报告的事项, in any
 * numbering); or an 附件 line, a title of tables or a section's heading among the four non-empty
 * lines after a date standing alone (the report's date under its issuer) below its first
 * heading, but for the page again under its title (a fresh tester's t71).
 *
 * What follows is the appendix, never the report's own sections: its tables, headed as the
 * template's (二、主动公开… / （二）主动公开…) or numbered 一二三, are another unit's or another
 * year's as often as the report's own, and appendix.ts reads them as an appendix (title, unit and
 * year checked). Taken for the report's sections, they were published as the report's (a fresh
 * tester's t86: a sub-unit's and last year's tables, 193 cells a file). The search for 一 is
 * not held back there: another report, or the report again, begins with it.
 * Returns the line's index into `lines`, or null.
 */
export function endedAppendixAt(lines: Line[]): number | null {
  let body = false;
  let last = false;
  let ended = false;
  let dated = -1;
  let seen = 0;
  let year: number | null = null;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    const squashed = text.replace(/[\s|\u3000]+/g, '');
    if (!squashed) continue;
    seen++;
    if (!body) {
      year ??= titleOf(text)?.year ?? null;
      body = headingAt(text);
      last = body && headingAt(text, [5]);
      continue;
    }
    if (ended && opensAppendix(text, squashed, year)) return i;
    // Signed off: a heading or an appendix's line just below the date is none of the report's.
    // A title there with no 一 below it is the page again (a report printing no 一, saved twice:
    // t71), whose copies are compared as the segmenter finds them; with its 一, another report
    // or the same again, which the search for 一 (never held back) finds.
    if (dated >= 0 && titleOf(text) && overviewBelow(lines, i) === null) dated = -1;
    if (dated >= 0 && seen - dated <= 4 && (closesReport(text) || headingAt(text))) return i;
    if (SIGN_OFF_DATE.test(squashed)) dated = seen;
    else if (headingAt(text, [5])) last = true;
    // Text of 六 (a sentence): the report has ended; a contents page's 六 has none after it.
    else if (last && /[。；]/.test(squashed)) ended = true;
  }
  return null;
}

/**
 * A line that closes a report's text: its date standing alone, an appendix's line (附件…), or a
 * title of tables (…统计表). A heading of 二–五 after it and after 六 is not the report's.
 */
export function closesReport(text: string): boolean {
  const squashed = text.replace(/[\s|\u3000]+/g, '');
  if (SIGN_OFF_DATE.test(squashed) || APPENDIX_LINE.test(text)) return true;
  return squashed.length <= 60 && TABLES_TITLE.test(squashed) && !/[。；，,:：]/.test(squashed);
}

/** A line this long is a page dumped as one line (a crawler's): its parts are found inside it. */
const DUMP = 300;
/** A report's title inside running text, from its year: 2021年某某局政府信息公开工作年度报告. */
const TITLE_FROM_YEAR =
  /(?<![《“\d])(?:19|20)\d{2}年度?[\u4e00-\u9fff（）()]{2,40}?信息公开工作(?:年度报告|年报)(?![》”])/g;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * In a page dumped as one line, where another report (its title, with its 一、总体情况 just after
 * it) or an appendix after the report's date (…2024年1月20日附件：…, …日某局2022年…统计表) begins: the line's index
 * and the column to cut at. Null when none. nextReportAt and endedAppendixAt work on lines, and a
 * dump has one: the other report's numbers were published as this one's (t86, 21 files).
 *
 * A title is another report's as in nextReportAt (the first title: the dump's own, or a
 * crawler's 标题 field above it). It is found from its year, or from the first title's agency
 * (某某局2021年…), never inside 《》 (a sentence naming a report).
 */
export function dumpedPartAt(lines: Line[]): { li: number; col: number } | null {
  let first: Title | null = null;
  let headed = false;
  for (let li = 0; li < lines.length; li++) {
    const text = lines[li]!.text;
    if (text.length <= DUMP) {
      const field = text.replace(/^[\s|]*(?:标\s*题|title)\s*[:：]\s*/i, '');
      first ??= titleOf(field);
      headed ||= headingAt(text);
      continue;
    }
    const starts = [...text.matchAll(TITLE_FROM_YEAR)].map((m) => m.index);
    if (first?.agency) {
      const own = new RegExp(
        `(?<![《“])${escape(first.agency)}(?:19|20)\\d{2}年度?(?:政府)?信息公开工作(?:年度报告|年报)(?![》”])`,
        'g',
      );
      starts.push(...[...text.matchAll(own)].map((m) => m.index));
    }
    // The report's date, then an appendix's line, a title of tables or a heading (as
    // endedAppendixAt).
    const dates = [...text.matchAll(/(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*/g)];
    const cuts = [
      ...starts.flatMap((col) => {
        const title = titleOf(TITLE_AT.exec(text.slice(col))?.[0] ?? '');
        return title && (!first || another(first, title)) && overviewAfter(text, col) ? [col] : [];
      }),
      ...dates.flatMap((m) => {
        const col = m.index + m[0].length;
        const next = text.slice(col, col + 60);
        const opens = /^附\s*[件表]/.test(next) || /^[^。；，,:：]{4,50}?(?:统计表|情况表)/.test(next);
        return opens || [1, 2, 3, 4, 5].some((k) => findHeading(k, next)?.col === 0) ? [col] : [];
      }),
    ].sort((a, b) => a - b);
    for (const col of cuts) if (headed || headingIn(text.slice(0, col))) return { li, col };
  }
  return null;
}

/** The title at the start of a text (the shortest run to 年度报告/年报). */
const TITLE_AT = /^[^。；，,]{4,60}?信息公开工作(?:年度报告|年报)/;

/**
 * A report's body in a text: a section heading anywhere (a dump's headings are not at a line's
 * start), or the template's tables' words (a dump's unnumbered headings glued to their text are
 * no headings).
 */
function headingIn(text: string): boolean {
  return /第二十条|本年新收|行政复议/.test(text) || [0, 1, 2, 3, 4, 5].some((k) => findHeading(k, text) !== null);
}

/** 一、总体情况 (or 第一部分 总体情况, （一）总体情况) within 300 characters after a title at `col`. */
function overviewAfter(text: string, col: number): boolean {
  const after = text.slice(col, col + 300);
  return findHeading(0, after) !== null || /(?:第一部分|[(（]一[)）])\s*总体情况/.test(after);
}
