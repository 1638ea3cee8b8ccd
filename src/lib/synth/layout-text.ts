import type { Random } from './random.ts';

/**
 * Rows of a table as `pdftotext -layout` writes them from a PDF whose label column is narrow:
 *
 *     （三）2.其他法      0       2       0       0       1       0       3
 *     律行政法规禁止
 *     公开
 *
 * The label wraps every `width` characters; the numbers stand on the first piece's line, each
 * right-aligned in a column of its own; an empty line follows each row. A row of one cell (a
 * label glued to its digits) is written as it is.
 */
export function layoutRows(rows: string[][], rng: Random): string[] {
  const width = rng.int(5, 8);
  const col = rng.int(6, 9);
  const out: string[] = [];
  for (const [label = '', ...cells] of rows) {
    if (!cells.length) {
      out.push(label, '');
      continue;
    }
    const pieces: string[] = [];
    for (let k = 0; k < label.length; k += width) pieces.push(label.slice(k, k + width));
    // Display width: a CJK character takes two columns, as in pdftotext's output.
    const shown = [...pieces[0]!].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
    const numbers = cells.map((c) => c.padStart(col)).join('');
    out.push(`${pieces[0]}${' '.repeat(Math.max(2, width * 2 + 2 - shown))}${numbers}`, ...pieces.slice(1), '');
  }
  return out;
}
