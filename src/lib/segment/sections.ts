import { markPageNumbers, sliceLine, type Line } from '../decode/lines.ts';
import { isChrome, stripChrome } from './chrome.ts';
import { findHeading, findOtherNumbered, findUnnumbered, type HeadingHit } from './headings.ts';
import { closesReport, dumpedPartAt, endedAppendixAt, nextReportAt, overviewBelow } from './bounds.ts';
import { joinedText, runsOf, shareWithin } from './shingles.ts';

/**
 * Finds the six sections (一 总体情况 overview … 六 其他需要报告的事项 other matters), in order,
 * then any printed out of order (placeOutOfOrder).
 * Headings are matched with their numeral (so a heading word inside body text does not count),
 * may be glued to text before or after them on one line, and vary in wording. A line holding
 * a heading is split so that each section is a whole range of lines.
 */

export interface Section {
  /** 0 = text before 一, then 1–6. */
  index: number;
  heading: string | null;
  /** Heading's source line, or the first line of section 0. */
  line: number;
  lines: Line[];
}

export interface Segmented {
  sections: Section[];
  /** Lines after a second copy of the report began (duplicated page text), if any. */
  duplicateFrom: number | null;
  /**
   * Whether what follows `duplicateFrom` is the same report again (a page that prints its text
   * twice) or another report (two reports saved in one file). Either way only the first is read.
   */
  repeat: 'same' | 'other' | null;
  /**
   * With `repeat` 'other': the index (into the lines given) where the other report begins, its
   * own title line when it has one, else its first heading.
   */
  otherAt: number | null;
}

type Hit = { li: number; col: number; len: number };
/** Heading k on line `li` (index into the segmenter's lines), at or after column `from`. */
type Finder = (k: number, li: number, from?: number) => HeadingHit | null;

/**
 * findHeading; and for a heading the report never numbers the usual way (no line has it), the
 * same wording numbered like an item, （二）主动公开政府信息情况 or 2.主动公开政府信息情况, at the
 * start of a line: some reports number their headings so.
 *
 * Whether the report numbers heading k the usual way (a scan of its lines) is asked only when
 * such an item-numbered line is there to take or leave: asked first, as it once was, it made a
 * scan up to the heading for every heading, and its answer is the same whenever it is asked.
 * The report's lines are those before `limit`, where an appendix begins after its end
 * (bounds.ts endedAppendixAt): no heading but 一 is found from there on.
 */
function headingFinder(all: Line[], limit: number): Finder {
  const usual: boolean[] = [];
  let several: boolean | undefined;
  const lines = all.slice(0, limit);
  return (k, li, from = 0) => {
    // Past the appendix of a signed-off report, only 一 (another report's, or this one again).
    if (li >= limit && k > 0) return null;
    const text = all[li]!.text;
    const hit = findHeading(k, text, from);
    if (hit) return hit;
    const other = findOtherNumbered(k, text, from) ?? findUnnumbered(k, text, from);
    if (!other) return null;
    usual[k] ??= lines.some((l) => findHeading(k, l.text) !== null);
    if (usual[k]) return null;
    // A heading numbered off only in a file of one report: with two (第一部分 总体情况 over
    // another report's 一、总体情况 and its headings numbered off), whose own numbering a heading
    // continues is not known (a fresh tester's t86: the other report's numbers published under
    // the first's title).
    if (other.shifted !== undefined) several ??= overviewCount(lines) > 1;
    return other.shifted !== undefined && several ? null : other;
  };
}

/**
 * How many 一、总体情况 a file holds, in any numbering (一、, 第一部分, none), but for a contents
 * page's entries (leader dots and a page number, or another heading on the next line with text).
 */
function overviewCount(lines: Line[]): number {
  let n = 0;
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!.text;
    const hit = findHeading(0, text) ?? findOtherNumbered(0, text) ?? findUnnumbered(0, text);
    if (!hit || (hit.col > 0 && text.slice(0, hit.col).trim())) continue;
    if (/(?:[.…·．]{2,}|…)\s*\d{1,3}\s*$/.test(text)) continue;
    const next = lines.slice(i + 1).find((l) => l.text.trim());
    if (next && [1, 2, 3, 4, 5].some((j) => findHeading(j, next.text) ?? findUnnumbered(j, next.text))) continue;
    n++;
  }
  return n;
}

/** Each heading's first occurrence after the previous one, from line `start` on. */
function findAll(find: Finder, lines: Line[], start: number): { found: Array<Hit | null>; li0: number; col0: number } {
  const found: Array<Hit | null> = [];
  let li0 = start;
  let col0 = 0;
  for (let k = 0; k < 6; k++) {
    const hit = search(find, lines, k, li0, col0);
    found.push(hit);
    if (hit) {
      li0 = hit.li;
      col0 = hit.col + hit.len;
    }
  }
  return { found, li0, col0 };
}

/**
 * A table of contents: a run of section headings with nothing under them that a report's body
 * has. Each heading stands alone on its line (but for leader dots and a page number:
 * 一、总体情况……1); between them may stand blank lines, sub-entries (（一）主动公开情况……1),
 * page footers and site chrome, and lines of anything else that is neither prose nor table
 * (an image placeholder, a line of bytes that did not decode; up to six in a row, twenty in
 * all, as a contents page is a page or two) — see `tocLine`. The run
 * counts when it lists at least three headings (two, when page numbers or a 目录 line say what it is) and
 * the report itself follows it (一、 again). Its headings are not the sections: they stay in the
 * head, and the sections are found after it. Returns the line index after its last heading.
 */
function tocEnd(find: Finder, lines: Line[], found: Array<Hit | null>): number | null {
  const hits = found.filter((f): f is Hit => f !== null);
  // The longest run of headings from the first on with no body text between them.
  let last = -1;
  let paged = 0;
  let run = 0;
  let filler = 0;
  scan: for (let i = 0; i < hits.length; i++) {
    const h = hits[i]!;
    const text = lines[h.li]!.text;
    // Alone on its line, but for a page number and leader dots (一、总体情况……1).
    const rest = text.slice(h.col + h.len);
    const bare = rest.replace(/[.…·．\s\d\-|]+$/, '');
    if (text.slice(0, h.col).replace(/[\s|]/g, '') || bare.trim().length > 2) break;
    if (i) {
      let afterEntry = true;
      for (let li = hits[i - 1]!.li + 1; li < h.li; li++) {
        const kind = tocLine(lines[li]!.text, afterEntry);
        if (kind === 'body') break scan;
        if (kind === 'blank') continue;
        afterEntry = kind === 'entry';
        if (kind === 'filler' && (++run > 6 || ++filler > 20)) break scan;
        if (kind === 'entry') run = 0;
      }
    }
    run = 0;
    last = i;
    if (PAGED.test(rest)) paged++;
  }
  const n = last + 1;
  // Three headings; two when page numbers or a 目录 line above them say what they are.
  if (n < 3 && (n < 2 || (paged < 2 && !titled(lines, hits[0]!.li)))) return null;
  const end = hits[last]!.li + 1;
  // The report itself follows: its 一 again.
  return search(find, lines, 0, end, 0) ? end : null;
}

/** A 目录 (contents) line among the two non-empty lines before line index `li`. */
function titled(lines: Line[], li: number): boolean {
  for (let i = li - 1, seen = 0; i >= 0 && seen < 2; i--) {
    const t = lines[i]!.text.replace(/[\s|]+/g, '');
    if (!t) continue;
    seen++;
    if (/^(?:目录|CONTENTS)$/i.test(t)) return true;
  }
  return false;
}

/** A page number after a heading: leader dots or a tab (or wide spaces) before it. */
const PAGED = /^\s*(?:[.…·．]{2,}|…|\t|\s{2,})\s*\d{1,3}\s*[|\s]*$/;
/**
 * Sentence punctuation: a line of prose. Full-width only: an ASCII `?` is what a conversion
 * leaves for a character it could not write (锟斤拷??), not a question.
 */
const SENTENCE = /[。；！？]/;
/** What a line of undecodable bytes is made of: U+FFFD, private-use characters, `?`. */
const GARBAGE = /[\ufffd\ue000-\uf8ff?]/g;
/** An item numbering at the start of a sub-entry: （一） (1) 1. 1、 一、 第一部分 第1章. */
const ITEM =
  /^(?:[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|\d{1,2}\s*[.、．](?!\d)|[一二三四五六七八九十]{1,3}\s*[、.．]|第[一二三四五六七八九十\d]{1,3}[部分章节])/;
/** Leader dots (or a tab, or spaces) and a page number at the end of an entry. */
const PAGE_TAIL = /(?:\s*(?:[.…·．]{2,}|…)\s*|\s+)\d{1,3}$/;

/**
 * What one line between two headings of a table of contents is: `blank` (empty, a page footer,
 * site chrome), `entry` (a sub-entry: short, no sentence, numbered like an item or ending in
 * leader dots and a page number), `filler` (short, no sentence, no number: an image
 * placeholder, a line of undecodable bytes, a stray word — or a page number on a line of its
 * own after an entry), or `body` (prose, a table row, a number: what a report's section holds
 * and a table of contents never does).
 */
export function tocLine(text: string, afterEntry = true): 'blank' | 'entry' | 'filler' | 'body' {
  const t = text.replace(/\|/g, ' ').trim();
  if (!t || isChrome(text)) return 'blank';
  // Mostly bytes that did not decode, however long: no text of the report's.
  if ((t.match(GARBAGE)?.length ?? 0) * 3 >= t.length) return 'filler';
  if (SENTENCE.test(t)) return 'body';
  // A page number alone on its line, right after its entry.
  if (/^\d{1,3}$/.test(t)) return afterEntry ? 'filler' : 'body';
  const paged = PAGE_TAIL.test(t);
  const e = (paged ? t.replace(PAGE_TAIL, '') : t).replace(/[.…·．\s]+$/, '');
  if (e.length > 50) return 'body';
  const item = ITEM.exec(e);
  const words = item ? e.slice(item[0].length) : e;
  // A number standing alone (规章 2 1 17, 行政许可 46304) is a table's, not a title's (2023年).
  if (/(?:^|[\s|])[-+]?\d[\d,，.]*(?:[\s|%]|$)/.test(words)) return 'body';
  return item || paged ? 'entry' : 'filler';
}

/**
 * The sections of the first report in `input`, and where another report or a repeat begins.
 * Another report's title (bounds.ts nextReportAt; inside a page dumped as one line,
 * dumpedPartAt) ends the first report before any of its headings is looked for.
 */
export function segment(input: Line[]): Segmented {
  // Page numbers beside form feeds, on the whole text: one before the next section's heading
  // (`2` / `\f三、…`) is seen too (decode/lines.ts).
  const lines = markPageNumbers([...input]);
  // Another report's title first: each report is segmented on its own lines (bounds.ts).
  const next = nextReportAt(lines);
  if (next === null) {
    // In a page dumped as one line: the report up to where the other part begins in the line.
    const dumped = dumpedPartAt(lines);
    if (dumped === null) return segmentLines(lines);
    const { li, col } = dumped;
    const own = segmentLines([...lines.slice(0, li), sliceLine(lines[li]!, 0, col)]);
    return own.repeat !== null ? own : { ...own, duplicateFrom: lines[li]!.no, repeat: 'other', otherAt: null };
  }
  const own = segmentLines(lines.slice(0, next));
  if (own.repeat !== null) return own;
  // Where it begins, as for another report found by its headings: its 一 (its title: otherAt).
  const from = lines[overviewBelow(lines, next) ?? next]!.no;
  return { ...own, duplicateFrom: from, repeat: 'other', otherAt: next };
}

function segmentLines(lines: Line[]): Segmented {
  // Find each heading's first occurrence after the previous one: (line index, column).
  const find = headingFinder(lines, endedAppendixAt(lines) ?? lines.length);
  let { found, li0, col0 } = findAll(find, lines, 0);
  let again = search(find, lines, 0, li0, col0);
  const toc = tocEnd(find, lines, found);
  if (toc !== null) {
    ({ found, li0, col0 } = findAll(find, lines, toc));
    again = search(find, lines, 0, li0, col0);
  }
  const early = repeatBeforeLast(find, lines, found);
  if (early) {
    // Out of order and repeated: the in-order pass ran on into the repeat. Only the first copy
    // is read; placeOutOfOrder finds its early sections before the repeat begins.
    found = found.map((f) => (f && !before(f, early) ? null : f));
    again = early;
  }
  // A second 一、总体情况 after the last heading means the page repeats the report. A report that
  // prints no 一 (a sheet of its tables: 二, 三, 四) repeats from its first heading; that heading
  // again counts only under a report title, as a sheet saved beside another year's does (a
  // heading's words alone may stand again in an appendix's copy of the tables).
  const first = found.find((f) => f);
  if (!again && first && first !== found[0]) {
    const k = found.indexOf(first);
    const hit = search(find, lines, k, li0, col0);
    const t2 = hit && titleAbove(lines, hit.li, li0);
    const t1 = titleAbove(lines, first.li, -1);
    // Under the first's own title too when the text from there is the report's again: the page
    // saved twice, its copies differing in some numbers (a fresh tester's t71: the second copy
    // read as the last section's text, its numbers never compared). Not its tables in an appendix
    // under its title (附表: its 二 三 四 prose, 详见附表; t75: read as another report, lost).
    if (
      hit &&
      t2 !== null &&
      (t1 === null || squash(lines[t2]!) !== squash(lines[t1]!) || nearCopy(lines, first.li, hit.li))
    )
      again = hit;
  }
  // A heading found again before a later section's found heading: the in-order pass ran on into
  // another report's sections, one that prints no 一 or whose report has none of a section (2024's
  // 一 二 三 五 六, then `2023年度` and 二 三 四: that 四 was read as 2024's; a fresh tester's t64).
  // It counts under a report title of its own, other than the first's, or a year's label
  // (`2023年度`, `上一年度情况`) between it and the headings found before it; a heading's words
  // again with neither (an appendix's copy of the tables) are the same report's. Before a repeat
  // found above too: a page printed twice, each copy with another year's sections after it (the
  // generator's other-year-sections with duplicate-text, seed 129: the other year's 四 read).
  if (first) {
    const t1 = titleAbove(lines, first.li, -1);
    let best: Hit | null = null;
    found.forEach((f, j) => {
      if (!f) return;
      const hit = search(find, lines, j, f.li, f.col + f.len);
      if (!hit || (again && !before(hit, again)) || !found.some((g, m) => m > j && g && before(hit, g))) return;
      const floor = found.reduce((mx, g) => (g && before(g, hit) ? Math.max(mx, g.li) : mx), -1);
      const t2 = titleAbove(lines, hit.li, floor);
      const titled = t2 !== null && (t1 === null || squash(lines[t2]!) !== squash(lines[t1]!));
      const labelled = lines.slice(floor + 1, hit.li).some((l) => YEAR_LABEL.test(squash(l)));
      if ((titled || labelled) && (!best || before(hit, best))) best = hit;
    });
    if (best) {
      const at = best;
      again = at;
      found = found.map((f) => (f && !before(f, at) ? null : f));
    }
  }
  let duplicateFrom: number | null = null;
  let end = lines.length;
  let repeat: Segmented['repeat'] = null;
  let otherAt: number | null = null;
  if (again && first) {
    duplicateFrom = lines[again.li]!.no;
    end = again.li;
    // A title of its own just before the repeat (another year's report of the same agency may
    // have the very same text) or different text makes it another report.
    const t2 = titleBefore(lines, again.li);
    const other = t2 !== null && t2 !== titleBefore(lines, first.li);
    repeat = !other && sameText(lines.slice(first.li, end), lines.slice(again.li)) ? 'same' : 'other';
    // Its title is looked for above it down to the first report's last heading: a repeat found
    // before the in-order pass's end (`early`, the first report without 二 and the pass run on
    // into the second's) is looked above down to the last heading found before it (seed 7).
    const floor = found.reduce((m, f) => (f && f.li < again.li ? Math.max(m, f.li) : m), -1);
    if (repeat === 'other') {
      otherAt = titleAbove(lines, again.li, Math.min(li0, floor)) ?? titleLineBefore(lines, again.li) ?? again.li;
      // The other report's title is its own, not the last section's text (a fresh tester's t84:
      // its 2023年… title read as this yearless report's year, 2022's numbers published as 2023's).
      // Its title right above it first: a yearless one is passed over by titleAbove, which may
      // climb to the read report's own title repeated as a page's header, above its signature
      // (t85: the read report's date lost).
      end = Math.min(end, titleLineBefore(lines, again.li) ?? otherAt);
    }
  }

  placeOutOfOrder(find, lines, found, end);
  dropAppendixHeadings(lines, found);

  // Split lines at heading boundaries so that every heading starts a line of its own.
  const cuts = new Map<number, Array<{ col: number; len: number; k: number }>>();
  found.forEach((f, k) => {
    if (!f || f.li >= end) return;
    const list = cuts.get(f.li) ?? [];
    list.push({ col: f.col, len: f.len, k });
    // Headings found out of order (placeOutOfOrder) may share a line: cut left to right.
    list.sort((a, b) => a.col - b.col);
    cuts.set(f.li, list);
  });

  const sections: Section[] = [{ index: 0, heading: null, line: lines[0]?.no ?? 1, lines: [] }];
  let current = sections[0]!;
  for (let li = 0; li < end; li++) {
    const line = lines[li]!;
    const here = cuts.get(li);
    if (!here) {
      current.lines.push(line);
      continue;
    }
    let pos = 0;
    for (const c of here) {
      if (c.col > pos) {
        const before = sliceLine(line, pos, c.col);
        if (before.text.trim()) current.lines.push(before);
      }
      const head = sliceLine(line, c.col, c.col + c.len);
      current = { index: c.k + 1, heading: head.raw.trim(), line: line.no, lines: [] };
      sections.push(current);
      pos = c.col + c.len;
    }
    if (pos < line.text.length) {
      const after = sliceLine(line, pos);
      if (after.text.replace(/[|\s。.]/g, '')) current.lines.push(after);
    }
  }
  // Sections in template order, whatever order the report printed them in.
  sections.sort((a, b) => a.index - b.index);
  return { sections, duplicateFrom, repeat, otherAt };
}

/**
 * Headings of 二–五 found after the last section's heading (六) and an appendix line below it
 * (附件：…统计表 / 二、主动公开政府信息情况 / its table), or the report's date, or a title of tables
 * (bounds.ts closesReport), are the appendix's, not the report's:
 * the report's own heading was not recognised (2、主动公开…), and the in-order pass ran on into
 * the appendix, whose tables may be another unit's (县卫生健康委员会…统计表). They are dropped,
 * so the appendix is read as one (appendix.ts: its title's unit, year and section checked).
 * Fills `found` in place.
 */
function dropAppendixHeadings(lines: Line[], found: Array<Hit | null>): void {
  const last = found[found.length - 1];
  if (!last) return;
  let appendix = -1;
  for (let li = last.li + 1; li < lines.length; li++)
    if (closesReport(lines[li]!.text)) {
      appendix = li;
      break;
    }
  if (appendix < 0) return;
  for (let k = 1; k < found.length - 1; k++) if (found[k] && found[k]!.li > appendix) found[k] = null;
}

const before = (a: Hit, b: Hit) => a.li < b.li || (a.li === b.li && a.col < b.col);

/**
 * A second 一 before the last heading found, when a heading found after it also stands between
 * the first 一 and it: a report printed out of order (三 before 二) and then repeated, whose
 * in-order pass took 三 from the repeat. Null otherwise; a 一-like line inside a section of an
 * in-order report (whose later headings stand only after it) is left alone, as before.
 */
function repeatBeforeLast(find: Finder, lines: Line[], found: Array<Hit | null>): Hit | null {
  const first = found[0];
  if (!first) return null;
  const one = search(find, lines, 0, first.li, first.col + first.len);
  if (!one) return null;
  const inFirstCopy = (k: number) => {
    for (let li = first.li; li <= one.li; li++) {
      const hit = find(k, li, li === first.li ? first.col + first.len : 0);
      if (hit && hit.shifted === undefined && before({ li, ...hit }, one)) return true;
    }
    return false;
  };
  return found.some((f, k) => f && !before(f, one) && inFirstCopy(k)) ? one : null;
}

/**
 * A report may print its sections in another order (三 before 二). The in-order pass then
 * misses the headings that came early; each is looked for again by its own heading anywhere
 * between the first heading found and `end` (where a repeated report begins), outside the
 * headings already found, so every section is read once. Fills `found` in place.
 */
function placeOutOfOrder(find: Finder, lines: Line[], found: Array<Hit | null>, end: number): void {
  const first = found.find((f) => f);
  if (!first) return;
  const overlaps = (h: Hit) => found.some((f) => f && f.li === h.li && f.col < h.col + h.len && h.col < f.col + f.len);
  found.forEach((f, k) => {
    if (f) return;
    for (let li = first.li, col = first.col; li < end; li++, col = 0) {
      let hit = find(k, li, col);
      while (hit && overlaps({ li, ...hit })) hit = find(k, li, hit.col + hit.len);
      // A heading numbered off counts only in the report's own order (search, shiftFits).
      if (hit && hit.shifted === undefined) {
        found[k] = { li, ...hit };
        return;
      }
    }
  });
}

/**
 * Whether the lines from `at` are those from `from` to `at` again but for a few numbers: 85 % of
 * either's runs of characters are the other's (shingles.ts; reports.ts repeatsOf decides further).
 */
function nearCopy(lines: Line[], from: number, at: number): boolean {
  const a = joinedText(lines.slice(from, at));
  const b = joinedText(lines.slice(at));
  return Math.max(shareWithin(b, runsOf(a)) ?? 0, shareWithin(a, runsOf(b)) ?? 0) >= 0.85;
}

/**
 * Two runs of lines hold the same text, ignoring spacing and table borders; a repeat cut short
 * (the page ends mid-copy) counts as the same when the shorter is the start of the longer.
 */
function sameText(a: Line[], b: Line[]): boolean {
  const squash = (ls: Line[]) => ls.map((l) => l.text.replace(/[\s|]+/g, '')).join('');
  const x = squash(a);
  const y = squash(b);
  const n = Math.min(x.length, y.length);
  return n > 0 && x.slice(0, n) === y.slice(0, n);
}

/**
 * A report title with its year, spacing and table borders removed: 2023年…年度报告, or the year in
 * Chinese numerals (二〇二二年…: a title the segmenter did not see, a list of other years' titles
 * above it taken for the page's title; generator seed 130). `yearNumber` reads the year.
 */
export const TITLE_YEAR = /((?:19|20)\d{2}|(?:二[〇○零]|一九)[〇○零一二三四五六七八九]{2})\s*年.*(?:年度报告|年报)$/;

const CN_DIGITS = '〇一二三四五六七八九';
/** TITLE_YEAR's year as a number: 2022 for `2022` and for `二〇二二` (○ and 零 for 〇). */
export function yearNumber(text: string): number {
  return /^\d+$/.test(text)
    ? Number(text)
    : Number([...text.replace(/[○零]/g, '〇')].map((c) => CN_DIGITS.indexOf(c)).join(''));
}
/** A section's heading at a line's start (一、 … 六、): a report's head ends there. */
export const HEADING_START = /^[\s|]*[一二三四五六][、.．]/;
const squash = (l: Line) => l.text.replace(/[\s|]+/g, '');

/** A line naming another year's part of a page: `2023年度`, `上一年度情况`, `2023年数据`. */
export const YEAR_LABEL = /^(?:上一?年度?|(?:19|20)\d{2}年度?)(?:情况|数据)?[:：]?$/;

/**
 * The index of a report's title, with its year, among the eight non-empty lines above line index
 * `li` and after `floor`, not past a section heading: a page's fields (索引号, 发布机构, 成文日期,
 * 文号, each on a row of its own in a sheet) may stand between a title and its first heading.
 */
export function titleAbove(lines: Line[], li: number, floor: number): number | null {
  for (let i = li - 1, seen = 0; i > floor && seen < 8; i--) {
    const t = squash(lines[i]!);
    if (!t) continue;
    seen++;
    // With its year: a 索引号 line may end in 分类 年报 too.
    if (TITLE_YEAR.test(t)) return topTitle(lines, i, floor);
    if (HEADING_START.test(lines[i]!.text)) return null;
  }
  return null;
}

/**
 * The report's own title line above a title line `at` that a page's info box repeats below it
 * (`标　　题： | 2023年…` under the title and the box's other fields, meta-title-cell): the topmost
 * title of the same year over field lines only (a `|` or a colon on each). Else `at`.
 */
function topTitle(lines: Line[], at: number, floor: number): number {
  const year = TITLE_YEAR.exec(squash(lines[at]!))?.[1];
  let top = at;
  for (let i = at - 1, seen = 0; i > floor && seen < 6; i--) {
    const t = squash(lines[i]!);
    if (!t) continue;
    seen++;
    if (HEADING_START.test(lines[i]!.text)) break;
    const m = TITLE_YEAR.exec(t);
    if (m && m[1] === year && !/[:：|]/.test(lines[i]!.text)) top = i;
    else if (!/[:：|]/.test(lines[i]!.text)) break;
  }
  return top;
}

/** The report title on one of the three non-empty lines before line index `li`, spacing removed. */
function titleBefore(lines: Line[], li: number): string | null {
  const at = titleLineBefore(lines, li);
  return at === null ? null : lines[at]!.text.replace(/[\s|]+/g, '');
}

/** The index of the report title's line among the three non-empty lines before line index `li`. */
function titleLineBefore(lines: Line[], li: number): number | null {
  for (let i = li - 1, seen = 0; i >= 0 && seen < 3; i--) {
    const t = lines[i]!.text.replace(/[\s|]+/g, '');
    if (!t) continue;
    seen++;
    // A page's fields end in 年报 too (索引号 … 分类 政府信息公开年报): no title.
    if (/(?:年度报告|年报)$/.test(t) && !/索引号|分类/.test(t)) return i;
  }
  return null;
}

function search(find: Finder, lines: Line[], k: number, li0: number, col0: number): Hit | null {
  for (let li = li0; li < lines.length; li++) {
    const hit = find(k, li, li === li0 ? col0 : 0);
    if (hit && (hit.shifted === undefined || shiftFits(lines, k, li0, col0, li, hit.shifted))) return { li, ...hit };
  }
  return null;
}

/**
 * Whether heading k numbered off (`n`, on line `li`; the search from `li0`, `col0`) continues the report's
 * own numbering: numbered on, never back (a section added before it pushes the numbers up: 三、主动
 * 公开 for 二), and no later section's heading numbered the usual way, nor 一 again (another
 * report), between the search's start and it. An appendix's tables numbered 一、二、三, last
 * year's report numbered off after this one's usual headings, a plan item in 六 (一、主动公开…)
 * are none of the report's (a fresh tester's t84: 508 cells of them published).
 */
function shiftFits(lines: Line[], k: number, li0: number, col0: number, li: number, n: number): boolean {
  if (n < k + 2) return false;
  for (let i = li0; i < li; i++) {
    // (The search's first line from where it starts: the heading before it is no other.)
    const text = i === li0 ? lines[i]!.text.slice(col0) : lines[i]!.text;
    // 一 again, a later section's heading numbered the usual way or off (a report numbered off
    // numbers its later headings off too: t85, 995 cells of an appendix's tables published), a
    // report's title or an appendix's line: the report has ended or moved on.
    if (findHeading(0, text) !== null || findUnnumbered(0, text) !== null) return false;
    for (let j = k + 1; j < 6; j++) if (findHeading(j, text) !== null || findUnnumbered(j, text) !== null) return false;
    const squashed = text.replace(/[\s|]+/g, '');
    if (/(?:年度报告|年报)$/.test(squashed) || /^(?:附件|附表)/.test(squashed)) return false;
  }
  return true;
}

/** The readable text of a section: chrome and table-border noise dropped, blank runs collapsed. */
export function sectionText(lines: Line[]): string {
  const out: string[] = [];
  for (const l of lines) {
    if (isChrome(l.text)) continue;
    const t = stripChrome(trimBorders(l.raw)).trim();
    if (!t) {
      if (out.length && out[out.length - 1] !== '') out.push('');
      continue;
    }
    out.push(t);
  }
  while (out.length && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

const SPACE = /\s/;
const isEdge = (c: string) => c === '|' || SPACE.test(c);

/**
 * `s` without its leading and trailing table borders: each end's run of spaces and `|`, when
 * the run holds a `|`. The same as s.replace(/(?:\s*\|)+\s*$/, '').replace(/^\s*(?:\|\s*)+/, '')
 * (test/segment.test.ts compares them), without the first pattern's retries at every space and
 * `|` of a long row.
 */
export function trimBorders(s: string): string {
  let end = s.length;
  let pipe = false;
  for (; end > 0 && isEdge(s[end - 1]!); end--) if (s[end - 1] === '|') pipe = true;
  if (!pipe) end = s.length;
  let start = 0;
  pipe = false;
  for (; start < end && isEdge(s[start]!); start++) if (s[start] === '|') pipe = true;
  if (!pipe) start = 0;
  return start === 0 && end === s.length ? s : s.slice(start, end);
}
