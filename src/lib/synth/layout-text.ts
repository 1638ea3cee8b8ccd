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
 *
 * `numbersAt`: the numbers on the middle piece's line (a cell centred vertically) or the last
 * piece's (aligned to the bottom), the label's other pieces above and below them:
 *
 *     （六）2.申请人逾
 *     期未按收费通知要      0       0       1       0       0       3       4
 *     求缴纳费用、行政
 */
export function layoutRows(rows: string[][], rng: Random, numbersAt: 'first' | 'middle' | 'last' = 'first'): string[] {
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
    const at =
      numbersAt === 'first' ? 0 : numbersAt === 'last' ? pieces.length - 1 : Math.round((pieces.length - 1) / 2);
    // Display width: a CJK character takes two columns, as in pdftotext's output.
    const shown = [...pieces[at]!].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);
    const numbers = cells.map((c) => c.padStart(col)).join('');
    out.push(
      ...pieces.slice(0, at),
      `${pieces[at]}${' '.repeat(Math.max(2, width * 2 + 2 - shown))}${numbers}`,
      ...pieces.slice(at + 1),
      '',
    );
  }
  return out;
}
