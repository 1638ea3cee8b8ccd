/**
 * What one report may put on a page and into the search index. A single accepted report can be
 * 10 MB of text on one line; shown whole it makes a 10 MB page and stalls Pagefind for minutes.
 * So the report page shows the start of each long section (the full text stays in the
 * `sections` dataset and in the page's source view), and the source view (the page's #source
 * section) truncates very long lines and stops after a total, each time with a note. Build
 * time then stays linear in the input, and a page at most about 1 MB.
 */

export const CAP = {
  /** Characters of one section on the report page (and so in the search index). */
  section: 6_000,
  /** Characters of all sections of one report on its page. */
  report: 15_000,
  /** Characters of one line on the source view. */
  line: 2_000,
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
export const lineNote = (total: number) =>
  `…（此行共 ${total.toLocaleString('zh-CN')} 字，只显示前 ${CAP.line.toLocaleString('zh-CN')} 字）`;
export const sourceNote = (shown: number, total: number) =>
  `原文共 ${total.toLocaleString('zh-CN')} 行，页面过长，只显示前 ${shown.toLocaleString('zh-CN')} 行；完整原文见 sections 数据集或原始文件。`;

/** Lines of the source view: long lines cut, and no more lines once `source` characters are shown. */
export function capLines(
  lines: string[],
  cap = CAP,
): { lines: Array<{ text: string; cutFrom: number | null }>; total: number } {
  const out: Array<{ text: string; cutFrom: number | null }> = [];
  let used = 0;
  for (const l of lines) {
    if (used >= cap.source) break;
    const cut = l.length > cap.line;
    const text = cut ? l.slice(0, cap.line) : l;
    used += text.length + 1;
    out.push({ text, cutFrom: cut ? l.length : null });
  }
  return { lines: out, total: lines.length };
}
