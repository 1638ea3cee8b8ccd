import { isSpaceCode } from './space.ts';

/**
 * Section headings matched by meaning, not one exact wording. A heading is found by, in order:
 *  1. a known wording (the template's and its common variants);
 *  2. a keyword rule: the numeral, a separator (、 . : or a space), then the section's keywords
 *     within a short clause with no sentence punctuation (五、存在问题及改进情况,
 *     五、工作中存在的不足和改进措施);
 *  3. an edit-distance rule against the template's wording, for typos
 *     (四、政府信息公开行政法复议、行政诉讼情况: one inserted character).
 * The numeral must not follow another numeral, 第, an opening bracket, 表 or 附件, so （五） items,
 * 第三 ordinals and an appendix's table titles (表二 主动公开政府信息情况, 附件二 …) never count.
 */

const NOT_AFTER = '(?<![一二三四五六七八九十第(（表])(?<!附件)';
const SEP = '\\s*[、.,:]?\\s*';
/** A mandatory separator for the looser rules: 五存在问题 glued to prose stays prose. */
const HARD_SEP = '(?:\\s*[、.,:]\\s*|\\s+)';
/** A short clause: no sentence punctuation, no line break. */
const CLAUSE = (n: number, extra = '') => `[^\\n\\d。;；,，:：!?！？${extra}]{0,${n}}?`;

const NUMERALS = ['一', '二', '三', '四', '五', '六'] as const;

/** The template's wording of each heading (after the numeral). */
export const CANONICAL = [
  '总体情况',
  '主动公开政府信息情况',
  '收到和处理政府信息公开申请情况',
  '政府信息公开行政复议、行政诉讼情况',
  '存在的主要问题及改进情况',
  '其他需要报告的事项',
] as const;

/** The known wordings of each heading, after its numeral and separator. */
const WORDING = [
  '(?:总体情况|概述|概况)',
  '主动公开(?:政府)?信息(?:的|工作)?(?:情况)?',
  // 情况 ("the situation") is often left off: 三、收到和处理政府信息公开申请.
  '(?:收到和处理政府信息公开申请(?:的)?(?:情况)?|依申请公开(?:政府信息)?(?:的|工作)?情况)',
  '[^\\n\\d、。]{0,24}?行政复议[^\\n\\d。]{0,8}?行政诉讼(?:的)?(?:情况)?',
  '(?:政府信息公开(?:工作)?)?存在(?:的)?主要问题(?:及|和)?(?:改进情况|改进措施)?',
  '其他需要报告的事项',
];

/**
 * A period before the wording (三、2022年收到和处理…, 二、本年度主动公开…): still the section's
 * heading, whose period tables/periods.ts then reads (a fresh tester's t101: 三's heading
 * naming last year was not taken for one, and last year's table was published as the year's).
 */
const YEAR_WORDS = '(?:(?:19|20)?\\d{2}|[〇零○一二三四五六七八九]{4})\\s*年度?(?:全年)?';
const PERIOD = `(?:[（(]\\s*${YEAR_WORDS}\\s*[）)]|${YEAR_WORDS}|本年度?|上一?年度?|去年|今年)?\\s*`;

const EXACT: RegExp[] = WORDING.map((w, k) => new RegExp(`${NOT_AFTER}${NUMERALS[k]}${SEP}${PERIOD}${w}`));

const KEYWORD: RegExp[] = [
  new RegExp(`${NOT_AFTER}一${HARD_SEP}${CLAUSE(8)}(?:总体|基本)情况`),
  new RegExp(`${NOT_AFTER}二${HARD_SEP}${CLAUSE(8)}主动公开${CLAUSE(8)}情况`),
  new RegExp(`${NOT_AFTER}三${HARD_SEP}${CLAUSE(10)}(?:依申请公开|公开申请|申请公开)${CLAUSE(8)}情况`),
  new RegExp(`${NOT_AFTER}四${HARD_SEP}${CLAUSE(24, '、')}复议${CLAUSE(10)}诉讼(?:的)?(?:情况)?`),
  new RegExp(
    `${NOT_AFTER}五${HARD_SEP}${CLAUSE(16)}(?:问题|不足)(?:${CLAUSE(2)}(?:改进|整改)(?:情况|措施|计划|方向)?)?`,
  ),
  new RegExp(`${NOT_AFTER}六${HARD_SEP}其他${CLAUSE(6)}事项`),
];

/**
 * A heading numbered another way: （二）主动公开政府信息情况, (2)…, 2.主动公开…, 2、主动公开….
 * Those are the numberings of items inside sections (（二）部分公开, 2.重复申请), so only a known
 * wording counts, at the start of its line, ending there or before a space, a colon, a bracket
 * (（金额单位：元）) or a contents page's leader dots; and only for a heading the report never
 * numbers the usual way (the segmenter decides that).
 */
const OTHER_NUMBERED: RegExp[] = WORDING.map(
  (w, k) =>
    new RegExp(`^([\\s|]*)(?:\\(\\s*(?:${NUMERALS[k]}|${k + 1})\\s*\\)|${k + 1}\\s*[、.])\\s*${w}(?=$|[\\s|:(.…·])`),
);

/**
 * A heading numbered as a part (第二部分 主动公开政府信息情况, 第二章…), not numbered at all
 * (主动公开政府信息情况 on a line of its own), or numbered off by the report's own sections (三、主动
 * 公开政府信息情况 after an added 二、工作措施: a fresh tester's t82, the whole report read as
 * text only): a known wording, the whole line but for a colon, leader dots and a page number;
 * no table border in it (行政复议 | 行政诉讼 is 四's table header). Like OTHER_NUMBERED, only
 * for a heading the report never numbers the usual way.
 */
const UNNUMBERED: RegExp[] = WORDING.map(
  (w, k) =>
    new RegExp(
      `^(\\s*)(?:第\\s*(?:${NUMERALS[k]}|${k + 1})\\s*(?:部分|章|节)\\s*[、.,:：]?\\s*|([一二三四五六七八九十]{1,2})\\s*[、.．]\\s*)?${w}(?=\\s*[:：]?\\s*(?:(?:[.…·．]{2,}|…|\\s)\\s*\\d{1,3})?\\s*$)`,
    ),
);

/** Heading k as a part (第二部分…) or with no numbering (UNNUMBERED), the whole of `text`. */
export function findUnnumbered(k: number, text: string, from = 0): HeadingHit | null {
  if (from > 0 || text.length > 60 || text.includes('|')) return null;
  const m = UNNUMBERED[k]!.exec(text);
  if (!m) return null;
  const hit = { col: m[1]!.length, len: m[0].length - m[1]!.length };
  return m[2] ? { ...hit, shifted: numeralValue(m[2]) } : hit;
}

/** 一 … 九十九 as a number (十 10, 十一 11, 二十 20). */
function numeralValue(n: string): number {
  const d = (c: string) => '一二三四五六七八九'.indexOf(c) + 1;
  if (n.length === 1) return n === '十' ? 10 : d(n);
  return n[0] === '十' ? 10 + d(n[1]!) : d(n[0]!) * 10 + (n[1] === '十' ? 0 : d(n[1]!));
}

/** Heading k numbered another way (OTHER_NUMBERED) at the start of `text`, if `from` is 0. */
export function findOtherNumbered(k: number, text: string, from = 0): HeadingHit | null {
  if (from > 0 || startsWithIdeograph(text)) return null;
  const m = OTHER_NUMBERED[k]!.exec(text);
  if (!m) return null;
  return { col: m[1]!.length, len: m[0].length - m[1]!.length };
}

/**
 * The first character that is no space, tab or `|` is a CJK ideograph: no OTHER_NUMBERED can
 * match, as it needs `(` or a digit after its leading spaces and borders. Most lines start so,
 * and skip the pattern (test/segment.test.ts compares findOtherNumbered with the patterns).
 */
function startsWithIdeograph(text: string): boolean {
  let i = 0;
  for (let c = text.charCodeAt(0); c === 0x20 || c === 0x09 || c === 0x7c; c = text.charCodeAt(++i));
  const c = text.charCodeAt(i);
  return c >= 0x4e00 && c <= 0x9fff;
}

/** findOtherNumbered without the quick test (exported for the test that compares the two). */
export function otherNumberedByPattern(k: number, text: string, from = 0): HeadingHit | null {
  if (from > 0) return null;
  const m = OTHER_NUMBERED[k]!.exec(text);
  if (!m) return null;
  return { col: m[1]!.length, len: m[0].length - m[1]!.length };
}

export interface HeadingHit {
  col: number;
  len: number;
  /**
   * The numeral of a heading numbered off (UNNUMBERED: 三、主动公开… for 二): the segmenter takes
   * it only where it continues the report's own numbering (sections.ts shiftFits).
   */
  shifted?: number;
}

/** The first heading k (0-based) in `text` at or after `from`, by any of the three rules. */
export function findHeading(k: number, text: string, from = 0): HeadingHit | null {
  // Every rule needs the numeral where a heading's numeral can stand: most lines are done here.
  return numeralMayStart(k, text, from) || (text.length > DUMP_LINE && text.includes('部分', from))
    ? byRules(k, text, from)
    : null;
}

/** A line this long is a page dumped as one line (segment/bounds.ts DUMP). */
const DUMP_LINE = 300;
/**
 * A heading numbered as a part inside a page dumped as one line (…条例。第二部分 主动公开政府信息
 * 情况本年度…): a known wording right after 第N部分. On a line of its own it is UNNUMBERED's; in a
 * dump nothing else finds it, and a report of such headings was text only (fresh testers' t89
 * and t92: 200 cells a file).
 */
const PART_INLINE: RegExp[] = WORDING.map(
  (w, k) => new RegExp(`(?<![《“])第\\s*(?:${NUMERALS[k]}|${k + 1})\\s*部分\\s*[、.,:：]?\\s*${w}`),
);

/** findHeading without the quick test (exported for the test that compares the two). */
export function byRules(k: number, text: string, from = 0): HeadingHit | null {
  const part = from ? text.slice(from) : text;
  let best: HeadingHit | null = null;
  for (const re of text.length > DUMP_LINE ? [EXACT[k]!, KEYWORD[k]!, PART_INLINE[k]!] : [EXACT[k]!, KEYWORD[k]!]) {
    const m = re.exec(part);
    if (m && (!best || m.index < best.col)) best = { col: m.index, len: m[0].length };
  }
  const fuzzy = fuzzyHeading(k, part, best ? best.col : part.length);
  if (fuzzy) best = fuzzy;
  return best ? { col: best.col + from, len: best.len } : null;
}

/**
 * Typos: the numeral and a separator, then text within edit distance ⌊len/8⌋ (at least 1) of
 * the template's wording. Only before `limit` (an earlier exact or keyword hit wins).
 */
function fuzzyHeading(k: number, text: string, limit: number): HeadingHit | null {
  const want = CANONICAL[k]!;
  const maxD = Math.max(1, Math.floor(want.length / 8));
  const re = NUMBERED[k]!;
  re.lastIndex = 0;
  for (let m = re.exec(text); m && m.index < limit; m = re.exec(text)) {
    const start = m.index + m[0].length;
    const { d: bestD, len: bestLen } = bestPrefix(text.slice(start, start + want.length + maxD), want, maxD);
    if (bestD <= maxD) return { col: m.index, len: start + bestLen - m.index };
  }
  return null;
}

/** First characters of the known wordings (EXACT), which may follow the numeral directly. */
const FIRST = ['总概', '主', '收依', '', '政存', '其'].map((s) => [...s].map((c) => c.charCodeAt(0)));
// 附件 is left to the rules (a count's 件 may end the text a heading is glued to: 12件三、…).
const BLOCKED_BEFORE = new Set([...'一二三四五六七八九十第(（表'].map((c) => c.charCodeAt(0)));
/** 、 . , : — the separators a rule allows after the numeral (besides a space). */
const SEPARATORS = new Set([...'、.,:'].map((c) => c.charCodeAt(0)));
/**
 * Whether any rule could match: an occurrence of the numeral (at or after `from`, not after
 * another numeral, 第 or a bracket) followed by a space or a separator (KEYWORD and fuzzy need
 * one; EXACT allows one) or by the first character of a known wording. Heading 四's wording may
 * start with anything (EXACT allows 24 characters before 行政复议), so there 行政复议 must follow.
 * A cheap test that rules nothing out which a rule could match (test/segment.test.ts compares
 * it with the rules alone on random lines): lines with 一 in 统一 or 一是 skip three regexes.
 * Characters are compared by code (text[i] of a CJK character is a new string each time).
 */
function numeralMayStart(k: number, text: string, from: number): boolean {
  const n = NUMERALS[k]!;
  const first = FIRST[k]!;
  for (let i = text.indexOf(n, from); i >= 0; i = text.indexOf(n, i + 1)) {
    if (i > from && BLOCKED_BEFORE.has(text.charCodeAt(i - 1))) continue;
    if (i + 1 >= text.length) continue;
    const next = text.charCodeAt(i + 1);
    if (isSpaceCode(next) || SEPARATORS.has(next) || first.includes(next)) return true;
    if (k === 3 && text.includes('行政复议', i)) return true;
  }
  return false;
}

/** The numeral of heading k with a separator, not after another numeral, 第, a bracket, 表 or 附件. */
const NUMBERED = NUMERALS.map((n) => new RegExp(`${NOT_AFTER}${n}\\s*[、.,:]\\s*`, 'g'));

/**
 * The prefix of `text` closest to `want` by Levenshtein distance, in one pass: row i of the
 * table holds the distances of text[0, i) to every prefix of `want`. Stops early once no prefix
 * can come within `cap`.
 */
function bestPrefix(text: string, want: string, cap: number): { d: number; len: number } {
  let prev: number[] = [];
  for (let j = 0; j <= want.length; j++) prev.push(j);
  let best = { d: cap + 1, len: 0 };
  for (let i = 1; i <= text.length; i++) {
    const cur = [i];
    let rowMin = i;
    // Character codes, not text[i]: a CJK character read as a string is a new string each time.
    const c = text.charCodeAt(i - 1);
    for (let j = 1; j <= want.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (c === want.charCodeAt(j - 1) ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (cur[want.length]! < best.d) best = { d: cur[want.length]!, len: i };
    if (rowMin > cap) break;
    prev = cur;
  }
  return best;
}

/** Levenshtein distance, cut off above `cap` (returns cap + 1). */
export function editDistance(a: string, b: string, cap = Infinity): number {
  if (Math.abs(a.length - b.length) > cap) return cap + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      cur.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > cap) return cap + 1;
    prev = cur;
  }
  return prev[b.length]!;
}
