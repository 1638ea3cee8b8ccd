import type { Line } from './lines.ts';
import { UNSURE_MARK } from './shown.ts';

/**
 * A page's running header or footer with a number in it (`政务公开 2024` on every page of a
 * printed report), which `pdftotext -layout` may write into a table's row where it overlaps one:
 * `3.危及“三安全一稳定”政务公开 20246 0 3` (the mark's 2024 glued to the cell's 6: a fresh
 * tester's Chromium-printed reports published 20246). A mark is a line's whole text, with a CJK
 * character and a year or a page's number (MARK_NUMBER), no cell bar, at most 30 characters,
 * standing alone on three lines or more. Where it
 * stands inside another line, it is blanked and the text after it marked unsure (UNSURE_MARK): the
 * cell it touches is no number. Lengths are kept (each line's `map` stays right).
 */
/**
 * The number a running header carries: a year or a page's (第 3 页). A line of a table's (行政许可 0)
 * recurring in copies of a table is no mark: blanking it inside another line would take a label.
 */
const MARK_NUMBER = /(?:19|20)\d{2}(?!\d)|第\s*\d+\s*页/;

export function gluedPageMarks(lines: Line[]): Line[] {
  const counts = new Map<string, number>();
  for (const l of lines) {
    const t = l.text.trim();
    if (t.length <= 30 && MARK_NUMBER.test(t) && /[\u4e00-\u9fff]/.test(t) && !t.includes('|'))
      counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const marks = [...counts].filter(([, n]) => n >= 3).map(([t]) => t);
  if (!marks.length) return lines;
  return lines.map((l) => {
    const t = l.text.trim();
    let text = l.text;
    for (const m of marks) {
      if (t === m || !text.includes(m)) continue;
      text = text.split(m).join(`${' '.repeat(m.length - 1)}${UNSURE_MARK}`);
    }
    return text === l.text ? l : { ...l, text };
  });
}
