/**
 * What one report may put on a page and into the search index. A single accepted report can be
 * 10 MB of text on one line; shown whole it makes a 10 MB page and stalls Pagefind for minutes.
 * So the report page shows the start of each long section (the full text stays in the
 * `sections` dataset and in the page's source view), and the source view (the page's #source
 * section) stops after a total number of characters, with a note. Build time then stays linear
 * in the input, and a page at most about 1 MB.
 */

export const CAP = {
  /** Characters of one section on the report page (and so in the search index). */
  section: 6_000,
  /** Characters of all sections of one report on its page. */
  report: 15_000,
  /** Characters of the whole source view. */
  source: 300_000,
};

export interface CappedText {
  text: string;
  /** Length of the full text when it was cut, else null. */
  cutFrom: number | null;
}

/** Sections in order, each cut to its share: at most `section` characters, and `report` in all. */
export function capSections<T extends { text: string }>(sections: T[], cap = CAP): Array<T & CappedText> {
  let left = cap.report;
  return sections.map((s) => {
    const room = Math.max(0, Math.min(cap.section, left));
    const cut = s.text.length > room;
    const text = cut ? s.text.slice(0, room) : s.text;
    left -= text.length;
    return { ...s, text, cutFrom: cut ? s.text.length : null };
  });
}

/** Notes in Chinese for a cut text. */
export const sectionNote = (shown: number, total: number) =>
  `（本部分共 ${total.toLocaleString('zh-CN')} 字，页面只显示前 ${shown.toLocaleString('zh-CN')} 字；全文见本页的原文（逐行）和 sections 数据集。）`;
export const lineNote = (shown: number, total: number) =>
  `…（此行共 ${total.toLocaleString('zh-CN')} 字，原文过长，只显示前 ${shown.toLocaleString('zh-CN')} 字）`;
export const sourceNote = (shown: number, total: number) =>
  `原文共 ${total.toLocaleString('zh-CN')} 行，页面过长，只显示前 ${shown.toLocaleString('zh-CN')} 行；完整原文见 sections 数据集或原始文件。`;

export interface CappedLines {
  lines: Array<{ text: string; cutFrom: number | null }>;
  /** Lines of the source. */
  total: number;
  /** The first `whole` lines are shown whole: a link to one of them lands on its text. */
  whole: number;
}

/**
 * Lines of the source view: every line whole until `source` characters are shown; the line that
 * crosses it is cut there (never inside a UTF-16 pair), and the lines after it are left out.
 * Lines are not cut at a length of their own: a crawler's dump of a whole report on one line is
 * its numbers' line, and a number's link (#L1) must land on text the page shows (a fresh
 * tester's: lines cut at 2,000 characters hid the numbers read after them).
 */
export function capLines(lines: string[], cap = CAP): CappedLines {
  const out: CappedLines['lines'] = [];
  let used = 0;
  for (const l of lines) {
    if (used >= cap.source) break;
    let room = cap.source - used;
    const cut = l.length > room;
    if (cut && room > 0 && isHighSurrogate(l.charCodeAt(room - 1))) room--;
    const text = cut ? l.slice(0, room) : l;
    used += text.length + 1;
    out.push({ text, cutFrom: cut ? l.length : null });
  }
  const whole = out.length > 0 && out.at(-1)!.cutFrom !== null ? out.length - 1 : out.length;
  return { lines: out, total: lines.length, whole };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

/**
 * Why the source view does not show line `line` whole, for the number that would link to it
 * (no link then: it would land on nothing, or on text before the number); null when it does.
 * `capped` is null when the source file is not in the build: then the reason is '' (no link,
 * and nothing said on the cell: the page says it once).
 */
export function hiddenLine(capped: Pick<CappedLines, 'whole'> | null, line: number): string | null {
  // Said once, in the source view (SourceView.astro), not on each of the page's ~200 numbers: at
  // 100,000 reports built without their raw files that tooltip made the pages 38 % larger.
  if (capped === null) return '';
  if (line >= 1 && line <= capped.whole) return null;
  return `原文过长，本页的原文（逐行）未完整显示第 ${line.toLocaleString('zh-CN')} 行，请见原始文件`;
}
