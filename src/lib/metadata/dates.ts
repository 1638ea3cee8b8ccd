import type { Line } from '../decode/lines.ts';
import { isChrome } from '../segment/chrome.ts';
import { AGENCY_END } from './agency.ts';

/**
 * Publication dates: from a labelled field of the page header (发布日期 "date published",
 * 发文日期 "date issued", 成文日期 "date written", 公开日期 "date made public", 发布时间, 时间, 日期
 * — also spaced out as `发 布 日 期`, with `:`, `：`, `|`, `【…】` or nothing between label and
 * date), or else from the
 * signature at the end of the report or before its appendix (the agency's name, then a line
 * `2024年1月20日` or `二〇二四年一月二十日`).
 */

export type DateBasis = 'label' | 'signature';

/** Labels in order of preference: the page's own publication date first. */
export const DATE_LABELS = [
  '发布日期',
  '发布时间',
  '发文日期',
  '成文日期',
  '公开日期',
  '生成日期',
  '时间',
  '日期',
] as const;

const spaced = (label: string) => label.split('').join('\\s*');
const DATE = '((?:19|20)\\d{2}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2})';
// 时间 and 日期 alone are only labels at the start of a field, never the end of another word
// (统计时间, 截止日期 are no publication dates); the longer labels may be glued to the text
// before them (…发布机构：某局发布日期：…, as one-line dumps have it).
const BARE = new Set(['时间', '日期']);
const LABELLED = DATE_LABELS.map((l) => ({
  label: l,
  // Global, for matchAll (which copies it, so the one object serves every line).
  re: new RegExp(
    `${BARE.has(l) ? '(?<![\\u4e00-\\u9fff])' : ''}${spaced(l)}\\s*(?:[:：]|\\||】)?\\s*(?:\\|\\s*)?${DATE}`,
    'g',
  ),
}));
const OTHER_PREFIX = /(?:统计|截止|截至|更新|访问|办理|受理|答复|生效|施行|有效|采集|抓取|爬取|下载|保存)\s*$/;

/**
 * What follows a date that makes it a period's start, no date of publication: a dash or 至 and
 * another date (`时间：2023年1月1日—12月31日`, `日期：2023.01.01-2023.12.31`; a fresh tester's t28).
 */
const PERIOD_AFTER = /^\s*(?:[—–~～－-]+|至|到)\s*(?:(?:19|20)\d{2}|\d{1,2}\s*[月./-]|\d{1,2}\s*日)/;
const DATE_AT = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?/;

/** Whether a field's value is a period (its first date followed by another: 2023年1月1日—12月31日). */
export function isPeriod(text: string): boolean {
  const s = arabic(text);
  const m = DATE_AT.exec(s);
  return !!m && PERIOD_AFTER.test(s.slice(m.index + m[0].length));
}

/** `2024-01-22`, `2024/1/18 11:34:01`, `2024年1月22日` → ISO date; null when not a real date. */
export function isoDate(text: string | null | undefined): string | null {
  if (!text) return null;
  const s = arabic(text);
  const m =
    /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(s) ??
    // Compact, as some CMSs print a labelled date: 20240120 (eight digits alone).
    /(?<!\d)((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?!\d)/.exec(s);
  if (!m) return null;
  return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
}

function ymd(y: number, mo: number, d: number): string | null {
  if (mo < 1 || mo > 12 || d < 1) return null;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > days) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The first labelled date in the header lines, by label preference. */
export function labelledDate(lines: Line[]): string | null {
  for (const { label, re } of LABELLED) {
    for (const l of lines) {
      // Every match starts with the label's first character: a line without it (most) is not
      // run through the pattern (matchAll copies it for each line).
      if (!l.text.includes(label[0]!)) continue;
      const text = arabic(l.text);
      for (const m of text.matchAll(re)) {
        if (BARE.has(label) && OTHER_PREFIX.test(text.slice(0, m.index))) continue;
        if (PERIOD_AFTER.test(text.slice(m.index + m[0].length).replace(/^\s*日/, ''))) continue;
        const d = isoDate(m[1]);
        if (d) return d;
      }
    }
  }
  return null;
}

const CN_DIGIT: Record<string, number> = {
  〇: 0,
  '○': 0,
  零: 0,
  O: 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 二〇二四 → 2024 (digit by digit). */
function cnYear(s: string): number | null {
  let n = 0;
  for (const c of s) {
    const d = CN_DIGIT[c];
    if (d === undefined) return null;
    n = n * 10 + d;
  }
  return n;
}

/**
 * A year written in Chinese numerals before 年 (二〇二五年, 二○二四年度) in Arabic digits, for
 * matching only (the title as published keeps the source's writing): titles are written so on
 * many sites, and the year and the agency are read from the title.
 */
export function arabicYears(text: string): string {
  return text.replace(/([一二][〇○零OＯ一二三四五六七八九]{3})(?=\s*年)/g, (m) => {
    const y = cnYear(m);
    return y !== null && y >= 1900 && y <= 2099 ? String(y) : m;
  });
}

/** 一 → 1, 十 → 10, 十二 → 12, 二十 → 20, 三十一 → 31. */
function cnSmall(s: string): number | null {
  if (/^\d{1,2}$/.test(s)) return Number(s);
  // 元月: the first month.
  if (s === '元') return 1;
  if (s.length === 1 && CN_DIGIT[s]) return CN_DIGIT[s];
  const m = /^([二三])?十([一二三四五六七八九])?$/.exec(s);
  return m ? (m[1] ? CN_DIGIT[m[1]]! : 1) * 10 + (m[2] ? CN_DIGIT[m[2]]! : 0) : null;
}

/**
 * Dates written in Chinese numerals in Arabic digits, for matching only: 二〇一九年一月一日 →
 * 2019年1月1日, 十二月三十一日 → 12月31日 (years as `arabicYears`; a month or day before 月 or 日).
 */
export function arabicDates(text: string): string {
  return arabicYears(text).replace(
    /(元|[一二三四五六七八九十]{1,3})(?=\s*([月日]))/g,
    (m, _n: string, unit: string) => {
      const v = m === '元' ? (unit === '月' ? 1 : null) : cnSmall(m);
      return v !== null && v >= 1 && v <= (unit === '月' ? 12 : 31) ? String(v) : m;
    },
  );
}

/**
 * `arabicDates` for a text with a Chinese numeral in it (a labelled date written so,
 * `成文日期：二〇二三年二月二十八日`: a fresh tester's, read as no date), else the text itself.
 */
function arabic(text: string): string {
  return /[〇○零一二三四五六七八九十元]/.test(text) ? arabicDates(text) : text;
}

const SIG_DATE =
  /((?:19|20)\d{2}|[二][〇○零O][一二三四五六七八九〇○零O]{2})\s*年\s*(\d{1,2}|元|[一二三四五六七八九十]{1,3})\s*月\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日$/;

/** A signature date line: only a date, or the agency's name then the date. */
export function signatureDateOf(text: string): string | null {
  return signatureOf(text)?.date ?? null;
}

/** A signature date line's date and the name written before it on the line ('' when none). */
export function signatureOf(text: string): { date: string; name: string } | null {
  const t = text.replace(/[|\s]+/g, ' ').trim();
  if (t.length > 40) return null;
  const m = SIG_DATE.exec(t);
  if (!m) return null;
  const before = t.slice(0, m.index).trim();
  // Anything before the date must be a name (no sentence: no punctuation, no digits).
  if (before && (before.length > 30 || /[，。,;；:：、\d]/.test(before))) return null;
  const y = /^\d/.test(m[1]!) ? Number(m[1]) : cnYear(m[1]!);
  const mo = cnSmall(m[2]!);
  const d = cnSmall(m[3]!);
  const date = y && mo && d ? ymd(y, mo, d) : null;
  return date ? { date, name: before.replace(/\s+/g, '') } : null;
}

/**
 * Where the signature (落款) may stand: among the last lines of the report, and — when the report
 * has an appendix (附件, segment/appendix.ts), its line number `appendixAt` — among the last lines
 * before it: a report signed before its appendix, whose tables then end the text. That place
 * comes first: a date at the end of an appendix is its own (a document's, a table's) when the
 * report was signed before it.
 */
function signatureTails(body: Line[], appendixAt?: number | null): Line[][] {
  const tail = (lines: Line[]) =>
    lines
      .slice(-40)
      .filter((l) => l.text.trim() && !isChrome(l.text))
      .slice(-8);
  const at = appendixAt === undefined || appendixAt === null ? -1 : body.findIndex((l) => l.no === appendixAt);
  return at > 0 ? [tail(body.slice(0, at)), tail(body)] : [tail(body)];
}

/**
 * The agency's name in the signature (落款) at the end of the report (or before its appendix):
 * the name before the signature date on its line, or the line just above it when that line is
 * only a name (at most 30 characters ending as an agency's name does, no punctuation or digits).
 * Null when none.
 */
export function signatureName(body: Line[], isName: (s: string) => boolean, appendixAt?: number | null): string | null {
  for (const tail of signatureTails(body, appendixAt))
    for (let i = tail.length - 1; i >= 0; i--) {
      const sig = signatureOf(tail[i]!.text);
      if (!sig) continue;
      const above = (tail[i - 1]?.text ?? '').replace(/[|\s]+/g, '');
      for (const name of [sig.name, above])
        if (name && name.length <= 30 && !/[，。,;；:：、！!？?\d]/.test(name) && isName(name)) return name;
      return null;
    }
  return null;
}

/**
 * The signature date: among the last lines of the report (or before its appendix: `appendixAt`,
 * signatureTails), a line that is only a date. It must lie after the year the report covers (a
 * report is signed after its year ends) and not in the far future.
 */
export function signatureDate(
  body: Line[],
  year: number | null,
  maxYear: number,
  appendixAt?: number | null,
): string | null {
  const tails = signatureTails(body, appendixAt);
  for (const [k, tail] of tails.entries()) {
    for (let i = tail.length - 1; i >= 0; i--) {
      const d = signatureDateOf(tail[i]!.text);
      if (!d) continue;
      const y = Number(d.slice(0, 4));
      if (year !== null && (y <= year || y > year + 2)) return null;
      if (y > maxYear + 1) return null;
      return d;
    }
    // Signed before the appendix without a date (the agency's name its last line): a date that
    // ends the appendix is the appendix's own, not the report's (a fresh tester's t57: 2024-03-05
    // after the tables of 附件, published as the report's date).
    if (k < tails.length - 1 && undatedSignature(tail.at(-1)?.text ?? '')) return null;
  }
  return null;
}

/** A line that is only an agency's name (测试县民政局): a signature without its date. */
export function undatedSignature(text: string): boolean {
  const t = text.replace(/[|\s]+/g, '');
  return /^[\u4e00-\u9fff（）()]{2,30}$/.test(t) && AGENCY_END.test(t);
}
