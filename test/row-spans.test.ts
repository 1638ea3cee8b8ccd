import { describe, expect, it } from 'vitest';
import { textToLines, withSpannedCells } from '../src/lib/decode/lines.ts';
import type { TableBlock } from '../src/lib/decode/pdf-layout.ts';
import { blocksToLines, locatedToLines } from '../src/lib/decode/pdf-lines.ts';
import { rtfToText } from '../src/lib/decode/rtf.ts';
import { readRow } from '../src/lib/tables/rows.ts';
import { tokenize } from '../src/lib/tables/tokens.ts';

/**
 * A number in a cell merged down over two rows (HTML rowspan printed to PDF, RTF's \clvmgf)
 * is no one row's own: it is marked on its first row and keeps its place in the row below, so
 * that neither row publishes it and both keep their other cells in their columns. A synthetic
 * eval of the row-spanned-numbers quirk printed to PDF and written as RTF published it under
 * the upper row (17 wrong numbers in 3,000 reports).
 */

const ascii = (s: string) => new TextEncoder().encode(s);

/** Each line's cells as read: the number, S for spanned (no row's), . for blank. */
function read(lines: ReturnType<typeof textToLines>, grid: boolean): string[] {
  const toks = tokenize(lines);
  const labels = toks.flatMap((t, i) => (t.t === 'text' && /公开/.test(t.text) ? [i] : []));
  return labels.map((at, k) => {
    const rc = readRow(toks, at, labels[k + 1] ?? toks.length, 3, false, 0, false, grid);
    if (rc.kind !== 'cells') return rc.kind;
    return rc.cells.map((c, j) => (rc.spanned?.has(j) ? 'S' : c ? c.text : '.')).join(' ');
  });
}

describe('a number merged over rows', () => {
  it('RTF \\clvmgf/\\clvmrg: marked on its row and the row below, read in neither', () => {
    // 公开 as \\uN escapes: the label the reader looks for.
    const label = '\\u20844?\\u24320?';
    const rtf =
      `{\\rtf1\\ansi\\trowd\\cellx1000\\cellx2000\\clvmgf\\cellx3000\\cellx4000\\pard\\intbl ${label}\\cell 1\\cell 0\\cell 1\\cell\\row` +
      `\\trowd\\cellx1000\\cellx2000\\clvmrg\\cellx3000\\cellx4000\\pard\\intbl ${label}\\cell 2\\cell\\cell 2\\cell\\row}`;
    const r = rtfToText(ascii(rtf));
    expect(r.spans).toEqual([
      { line: 0, cells: [], spansRows: [2] },
      { line: 1, cells: [], above: [{ cell: 2, raw: '0' }] },
    ]);
    const lines = withSpannedCells(textToLines(r.text), r.spans);
    for (const grid of [true, false]) expect(read(lines, grid)).toEqual(['1 S 1', '2 S 2']);
  });

  it('PDF: a grid cell spanning two rows with a number', () => {
    const cell = (r0: number, r1: number, c0: number, text: string) => ({
      r0,
      r1,
      c0,
      c1: c0,
      text,
      box: [c0 * 100, 700 - (r1 + 1) * 20, c0 * 100 + 100, 700 - r0 * 20] as [number, number, number, number],
      page: 1,
    });
    const t: TableBlock = {
      kind: 'table',
      page: 1,
      box: [0, 660, 400, 700],
      xs: [0, 100, 200, 300, 400],
      rows: 2,
      cells: [
        cell(0, 0, 0, '（一）予以公开'),
        cell(0, 0, 1, '1'),
        cell(0, 1, 2, '0'),
        cell(0, 0, 3, '1'),
        cell(1, 1, 0, '（二）部分公开'),
        cell(1, 1, 1, '2'),
        cell(1, 1, 3, '2'),
      ],
      top: 700,
      bottom: 660,
      endPage: 1,
    };
    const located = blocksToLines([t]);
    // The row below shows no copy of the number in its text.
    expect(located.map((l) => l.raw)).toEqual(['（一）予以公开 | 1 | 0 | 1', '（二）部分公开 | 2 |  | 2']);
    for (const grid of [true, false]) expect(read(locatedToLines(located), grid)).toEqual(['1 S 1', '2 S 2']);
  });
});
