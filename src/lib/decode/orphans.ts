import { requestLayoutMarkers, requestRows2019, requestRows2021 } from '../template/definitions.ts';
import { isValueLike, labelKey } from '../tables/tokens.ts';
import { makeLine, type Line } from './lines.ts';

/**
 * Row labels with no room for numbers. `pdftotext` in reading order (one cell per line) can
 * emit a label far from its numbers: （一）予以公开 and （二）部分公开 come out after the rows
 * below them, right before the next label, with no value between. Rows are found in template
 * order, so such a label would make every later row in the template unfindable; and its
 * numbers, elsewhere, cannot be proven to be its own.
 *
 * A label line followed (after at most one empty line) by another line of text, with no value
 * in between, holds no cells here: its text is masked for matching (the raw text is kept), so
 * the row is reported missing and the rows after it can still be found. Masking only ever
 * loses a row; a value never moves to another row, because the masked line still ends the
 * region of the row above. Words that tell the layout (逾期不补正 …) are kept at the section's
 * head.
 */

const ROWS = [...requestRows2019, ...requestRows2021];
const OTHER_2019 = requestRows2019.find((d) => d.key === 'other')!;
const FIRST_OTHER_2021 = requestRows2021.find((d) => d.key === 'other_no_correction')!;
const FOOTER = /^\s*(?:-\s*\d{1,3}\s*-|—\s*\d{1,3}\s*—)\s*$/;

export function maskOrphanLabels(lines: Line[]): Line[] {
  let out: Line[] | null = null;
  const markers: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.cells || l.text.includes('|') || l.text.includes('\t') || !l.text.trim() || endsInValue(l.text)) continue;
    const key = labelKey(l.text.trim());
    if (!ROWS.some((d) => d.match.test(key))) continue;
    let blanks = 0;
    let next: Line | null = null;
    for (let j = i + 1; j < lines.length; j++) {
      const t = lines[j]!.text;
      if (!t.trim()) {
        blanks++;
        continue;
      }
      if (FOOTER.test(t)) continue;
      next = lines[j]!;
      break;
    }
    // The section ends, or text follows, with no room for cells in between.
    if (next ? blanks > 1 || next.cells || endsInValue(next.text) : blanks > 2) continue;
    // 2019's row （六）其他处理 as the 2021 form's group over its first item (1.申请人无正当理由逾期不补正…):
    // a heading, no row. Masked, it made that item's values another row's maybe (a fresh tester's
    // t94: 7 cells NULL in 44 of 49 one-cell-a-line reports).
    if (next && OTHER_2019.match.test(key) && FIRST_OTHER_2021.match.test(labelKey(next.text.trim()))) continue;
    out ??= lines.slice();
    out[i] = { ...l, text: l.text.replace(/\S/g, '·') };
    const marker = new RegExp(requestLayoutMarkers['2021'].source).exec(key);
    if (marker) markers.push(marker[0]);
  }
  if (!out) return lines;
  // The words that tell the 2021 layout stay, at the head of the section, where no row is
  // looked for after the rows above it.
  return markers.length ? [makeLine(lines[0]!.no, markers.join(' ')), ...out] : out;
}

/** The line is, or ends in, a value (规章 1 0 11, 0件, 1,234, 3001). */
function endsInValue(text: string): boolean {
  const t = text.trim();
  return isValueLike(t) || isValueLike(t.split(/\s+/).pop() ?? '') || /\d\s*(?:万元|元|件)?$/.test(t);
}
