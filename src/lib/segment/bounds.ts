import type { Line } from '../decode/lines.ts';
import { findHeading, findOtherNumbered, findUnnumbered } from './headings.ts';
import { yearNumber } from './sections.ts';

/**
 * Where another report begins in a file, told by its title alone, before any heading is
 * trusted: a report title of its own after the first report's body, with that report's
 * 一、总体情况 (overview, in any numbering) below it (overviewBelow).
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
  const body = new Body();
  // Sections 二, 三 and 四 seen as headings under the report's own title (bit k-1 for section k).
  let sections = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (!text.trim()) continue;
    const title = titleAt(lines, i);
    if (title) {
      // A title after the body when the report's own was not seen (wrapped over two lines:
      // 慈溪市教育局 / 2020年政府信息公开工作年 / 度报告) is another report's too.
      // From the agency's line when the title took its agency from the line before (a fresh
      // tester's t96: that line left with the first report, the second's agency was not read).
      // Also the same agency's title of the same year after a whole report (二, 三 and 四 seen):
      // a page whose <title> names last year, then this year's report, then last year's under
      // that title: its 第N部分 headings were no headings beside the other's 一、, and the other's
      // numbers were read (seed 147). A copy of the same report is told apart later (reports.ts).
      const whole = sections === 0b111;
      if (body.begun && (!first || whole || another(first, title)) && overviewBelow(lines, i) !== null)
        return title.from ?? i;
      // The report's own title is the last before its body: titles above it may be a page's
      // links to other years' reports (相关文章: its 2019 and 2018 reports over the 2020 one,
      // and then the 2019 report after the body was taken for the same report).
      if (!body.begun) {
        first = title;
        sections = 0;
      }
      continue;
    }
    for (const k of [1, 2, 3]) if (headingAt(text, [k])) sections |= 1 << (k - 1);
    body.see(text);
  }
  return null;
}

interface Title {
  squashed: string;
  year: number | null;
  /** The title without its year and the words every title has: the agency's part. */
  agency: string;
  /** The index of the line before the title that gave its agency (titleAt). */
  from?: number;
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
  const year = YEAR.exec(squashed);
  const agency = squashed
    .replace(new RegExp(`[(（]?${YEAR.source}度?[)）]?`, 'g'), '')
    .replace(/(?:政府信息公开|信息公开)(?:工作)?(?:年度报告|年报)$/, '');
  return { squashed, year: year ? yearNumber(year[1]!) : null, agency };
}

/** A year in a title, in digits or in Chinese numerals (二〇二二年). */
const YEAR = /((?:19|20)\d{2}|(?:二[〇○零]|一九)[〇○零一二三四五六七八九]{2})\s*年/;

/** A title's year on the line after it: （2022年度）. */
const YEAR_SUBTITLE = /^[(（]\s*((?:19|20)\d{2})\s*年度?\s*[)）]$/;

/**
 * The title on line `i`, with the year of a subtitle on the next non-empty line when it has none,
 * and the agency of the line before when it names none (a title wrapped after its agency:
 * 某某县人民政府 / 2023年政府信息公开工作年度报告; a fresh tester's t89 F2, where another agency's
 * report of the same year after it was read as this one's).
 */
function titleAt(lines: Line[], i: number): Title | null {
  let title = titleOf(lines[i]!.text);
  if (!title) return null;
  if (!title.agency) {
    const at = lines.slice(0, i).findLastIndex((l, k) => k >= i - 2 && l.text.trim());
    const before = at >= 0 ? lines[at]!.text.replace(/[\s|\u3000]+/g, '') : '';
    if (before && AGENCY_LINE.test(before)) title = { ...title, agency: before, from: at };
  }
  if (title.year !== null) return title;
  const next = lines.slice(i + 1, i + 3).find((l) => l.text.trim());
  const sub = next && YEAR_SUBTITLE.exec(next.text.replace(/[\s|\u3000]+/g, ''));
  return sub ? { ...title, year: Number(sub[1]) } : title;
}

/** A line that is an agency's name alone: Chinese words ending in an organ's or a place's unit. */
const AGENCY_LINE =
  /^[\u4e00-\u9fff（）()]{2,30}(?:政府|局|委员会|委|办公室|办|厅|院|中心|所|站|队|镇|乡|街道|街道办事处|管委会|公司)$/;

/** Another report's title: other text, and not the same agency's of the same year. */
function another(a: Title, b: Title): boolean {
  if (a.squashed === b.squashed) return false;
  // A title naming no agency (its first line, 某某县人民政府2023年度, wrapped above it): only
  // another year tells (a page's running header names the agency the title's first line did).
  if (!a.agency || !b.agency) return a.year !== null && b.year !== null && a.year !== b.year;
  if (!sameAgency(a.agency, b.agency)) return true;
  // The same agency's: another year's (a first title with no year, then one with a year: the
  // other's, as the first's would stand at its top).
  return b.year !== null && a.year !== b.year;
}

/**
 * The same agency's name: the one within the other (某某局, 某某局办公室), or the shorter an
 * abbreviation of the longer, its characters in the same order (某某县政府 for 某某县人民政府,
 * 卫健委 for 卫生健康委员会).
 */
function sameAgency(a: string, b: string): boolean {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  let i = 0;
  for (const c of long) if (c === short[i]) i++;
  if (i < short.length) return false;
  // Not a place or an organ within it (某某县 and 某某县某某镇, 某某县人民政府 and 某某县某某镇人民
  // 政府, 某某市 and 某某市教育局: a county's and a township's, a city's and a bureau's): the
  // longer's words the shorter has not (but for the characters it has: 卫健委 for 卫生健康委员会)
  // name none.
  let head = 0;
  while (head < short.length && short[head] === long[head]) head++;
  let tail = 0;
  while (tail < short.length - head && short[short.length - 1 - tail] === long[long.length - 1 - tail]) tail++;
  const own = new Set(short);
  const extra = [...long.slice(head, long.length - tail)].filter((c) => !own.has(c)).join('');
  return !UNIT.test(extra);
}

/** A place's or an organ's unit: 镇, 乡, 街道, 县, 市 …; 局, 委, 办, 厅, 院, 中心 …. */
const UNIT = /[镇乡村县区市州盟旗局委办厅院所站队]|街道|社区|中心/;

/**
 * Whether the report's body has begun: two section headings, each with a line of its own text
 * under it, or a line of the template's tables (第二十条第（一）项, 本年新收政府信息公开申请数量:
 * headings numbered off as parts, 第三部分 主动公开…, are none). A cover's contents page (headings
 * one under another) and a preface after it are no body, whatever title or date follows them.
 */
class Body {
  private pending = false;
  private headed = 0;
  /** Feed each non-empty line in order; true once the body has begun. */
  see(text: string): boolean {
    if (this.headed >= 2) return true;
    if (TABLE_WORDS.test(text)) this.headed = 2;
    else if (headingAt(text)) this.pending = true;
    else if (this.pending) {
      this.pending = false;
      this.headed++;
    }
    return this.headed >= 2;
  }
  get begun(): boolean {
    return this.headed >= 2;
  }
}

/** Words only the template's tables have. */
const TABLE_WORDS = /第二十条第|本年新收政府信息公开申请|本年制发件数|本年新制作数量/;

/** A section heading of any numbering standing at the start of the line. */
function headingAt(text: string, ks = [0, 1, 2, 3, 4, 5]): boolean {
  return ks.some((k) => {
    const usual = findHeading(k, text);
    if (usual && !text.slice(0, usual.col).replace(/[\s|]/g, '')) return true;
    return findOtherNumbered(k, text) !== null || findUnnumbered(k, text) !== null;
  });
}

/**
 * The index of 一、总体情况 (any numbering) among the forty non-empty lines below line `at`,
 * before another title or section or a table's row, with 二 or 三 (any numbering) after it: a
 * report begins there. A page's running header over a sub-item （一）总体情况 in the middle of a
 * section is none (a fresh tester's t89). Null when there is none.
 */
export function overviewBelow(lines: Line[], at: number): number | null {
  for (let i = at + 1, seen = 0; i < lines.length && seen < 40; i++) {
    const text = lines[i]!.text;
    if (!text.trim()) continue;
    seen++;
    if (titleOf(text) || TABLE_ROW.test(text)) return null;
    if (headingAt(text, [0])) return sectionAfter(lines, i) ? i : null;
    // Another section first: the overview is not what follows.
    if (headingAt(text, [1, 2, 3, 4, 5])) return null;
  }
  return null;
}

/** A table's row: numbers between cell borders, or three numbers apart. */
const TABLE_ROW = /\d\s*\|\s*\d|(?:^|\s)\d+\s+\d+\s+\d+(?:\s|$)/;

/** 二 or 三 (any numbering) among the 80 non-empty lines after line `at`, before another title. */
function sectionAfter(lines: Line[], at: number): boolean {
  for (let i = at + 1, seen = 0; i < lines.length && seen < 80; i++) {
    const text = lines[i]!.text;
    if (!text.trim()) continue;
    seen++;
    if (titleOf(text)) return false;
    // Numbered as parts, and numbered on by a part of its own (第三部分 主动公开… after 第二部分
    // 工作措施) too.
    const bare = text.replace(/^\s*第\s*[一二三四五六七八九十\d]{1,3}\s*(?:部分|章|节)\s*[、.:：]?\s*/, '');
    if (headingAt(text, [1, 2]) || headingAt(bare, [1, 2])) return true;
  }
  return false;
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
  const body = new Body();
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
    if (!body.begun) {
      year ??= titleOf(text)?.year ?? null;
      body.see(text);
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
  /(?<![《“\d])(?:(?:19|20)\d{2}|二[〇○零][〇○零一二三四五六七八九]{2})年度?[\u4e00-\u9fff（）()]{2,40}?信息公开(?:工作)?(?:年度报告|年报)(?![》”])/g;
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
    const titles = [...text.matchAll(TITLE_FROM_YEAR)].map((m) => m.index);
    if (first?.agency) {
      const own = new RegExp(
        `(?<![《“])${escape(first.agency)}(?:19|20)\\d{2}年度?(?:政府)?信息公开(?:工作)?(?:年度报告|年报)(?![》”])`,
        'g',
      );
      titles.push(...[...text.matchAll(own)].map((m) => m.index));
    }
    // The report's date, then an appendix's line, a title of tables or a heading (as
    // endedAppendixAt); not a period's end (…至2023年12月31日二、…: a fresh tester's t89).
    const dated = [...text.matchAll(/(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*/g)].flatMap((m) => {
      const col = m.index + m[0].length;
      const next = text.slice(col, col + 60);
      if (/[至到~～\-—－]\s*$/.test(text.slice(Math.max(0, m.index - 2), m.index))) return [];
      const opens = /^附\s*[件表]/.test(next) || /^[^。；，,:：]{4,50}?(?:统计表|情况表)/.test(next);
      return opens || [1, 2, 3, 4, 5].some((k) => findHeading(k, next)?.col === 0) ? [col] : [];
    });
    // The body read from: the dump's own title (the first one in it, where none came before).
    let from = 0;
    const cuts = [...titles.map((col) => ({ col, title: true })), ...dated.map((col) => ({ col, title: false }))];
    for (const { col, title } of cuts.sort((a, b) => a.col - b.col)) {
      // Where the part begins: a title's agency before its year is the title's.
      let at = col;
      if (title) {
        let t = titleOf(TITLE_AT.exec(text.slice(col))?.[0] ?? '');
        if (!t) continue;
        // Found from its year, the title's agency stands before it (…处理费。某某县某某镇人民政府
        // 2023年…: a fresh tester's t89 F7, a township's report after its county's, both of 2023,
        // read as one and the township's numbers published as the county's).
        const named = t.agency ? null : agencyBefore(text, col);
        if (named) {
          // A title named in a sentence (…参见XX局2023年…年度报告。), or one of a list of links
          // (相关阅读 XX局2023年…年度报告 YY局2023年…年度报告): no report begins there (a fresh
          // tester's t97: the report cut at the mention, 200 cells lost).
          const end = col + (TITLE_AT.exec(text.slice(col))?.[0].length ?? 0);
          if (MENTION_END.test(text.slice(end, end + 2)) || LISTED_AFTER.test(text.slice(end, end + 90))) continue;
          if (/(?:年度报告|年报)\s*$/.test(text.slice(Math.max(0, col - named.length - 20), col - named.length)))
            continue;
          t = { ...t, agency: named };
          at = col - named.length;
        }
        if (!first) {
          first = t;
          from = at;
          continue;
        }
        if (!another(first, t) || !overviewAfter(text, col)) continue;
      }
      if (headed || headingIn(text.slice(from, at))) return { li, col: at };
    }
  }
  return null;
}

/**
 * The agency's name just before a title found from its year in a dump: the Chinese run from the
 * last sentence's end (。；！？, a space, a bar, a date's 日) to the year, when it is a name alone:
 * it ends as an agency's name does and holds no word of a sentence (现将本局2023年…, 编制本机关
 * 2023年… are sentences naming the report). Null otherwise.
 */
function agencyBefore(text: string, col: number): string | null {
  const run = /[\u4e00-\u9fff（）()]{2,40}$/.exec(text.slice(Math.max(0, col - 40), col))?.[0];
  if (!run) return null;
  const at = col - run.length;
  // After a date (…1月20日某某镇人民政府2023年…), its 日 is the date's.
  const name = /\d$/.test(text.slice(0, at)) && run.startsWith('日') ? run.slice(1) : run;
  if (at > 0 && name === run && !/[。；！？;!?\s|]$/.test(text.slice(0, at))) return null;
  if (!AGENCY_NAME_END.test(name) || /^[本我该省市区县镇乡]/.test(name) || SENTENCE_WORD.test(name)) return null;
  return name;
}
/** After a title named in a sentence: its punctuation (。，；、》）”). */
const MENTION_END = /^\s*[。，,；;、》）)”]/;
/** Right after a title, another title: a list of links. */
const LISTED_AFTER =
  /^\s*[\u4e00-\u9fff（）()]{0,40}?(?:(?:19|20)\d{2})年度?[\u4e00-\u9fff（）()]{0,40}?信息公开(?:工作)?(?:年度报告|年报)/;
/** How an agency's name ends (metadata/agency.ts AGENCY_END, the words of a dump's titles). */
const AGENCY_NAME_END = /(?:人民政府|办公室|办公厅|办事处|委员会|管委会|局|厅|委|办|中心|院|所|署|会)$/;
/** Words of a sentence, never of a name. */
const SENTENCE_WORD =
  /现将|根据|按照|依据|编制|发布|公布|印发|特此|如下|关于|本机关|本单位|参见|详见|参阅|查阅|阅读|查看|点击|下载|链接/;

/** The title at the start of a text (the shortest run to 年度报告/年报). */
const TITLE_AT = /^[^。；，,]{4,60}?信息公开(?:工作)?(?:年度报告|年报)/;

/**
 * A report's body in a text: a section heading anywhere (a dump's headings are not at a line's
 * start), or the template's tables' words (a dump's unnumbered headings glued to their text are
 * no headings).
 */
function headingIn(text: string): boolean {
  return /第二十条|本年新收/.test(text) || [0, 1, 2, 3, 4, 5].some((k) => findHeading(k, text) !== null);
}

/** 一、总体情况 (or 第一部分 总体情况, （一）总体情况) within 300 characters after a title at `col`. */
function overviewAfter(text: string, col: number): boolean {
  const after = text.slice(col, col + 300);
  return findHeading(0, after) !== null || /(?:第一部分|[(（]一[)）])\s*总体情况/.test(after);
}
