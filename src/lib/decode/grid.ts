import stringWidth from 'string-width';
import { makeLine, type Line, type LineCell } from './lines.ts';

/**
 * Grid tables (pandoc's `--to markdown` and `--to plain` output for tables that do not fit a
 * pipe table): `+----+----+` borders, and each row's cells drawn between `|` on one or more
 * lines, a long cell's text wrapped inside its column:
 *
 *     +------------------------+--------+
 *     | 一、本年新收政府信息公 | 21     |
 *     | 开申请数量             |        |
 *     +------------------------+--------+
 *
 * Read line by line, the wrapped label is two rows of which neither is a template label. Here
 * each row (the lines between two borders) becomes one line with exact cells, like an HTML row:
 * the column boundaries are the border's `+` positions, and each cell's text is its pieces
 * joined. Positions are display columns, as the table was drawn: a CJK character is two columns
 * wide in pandoc's layout (string-width counts the same way). A row whose `|` do not stand at
 * the boundaries (a cell overflowing its width) is cut at its `|` when it has exactly one per
 * boundary; a row that fits neither (a spanning cell) keeps its lines as they are.
 */

const BORDER = /^\s*\+(?:[-=:]+\+)+\s*$/;
const ROW = /^\s*\|.*\|\s*$/;

/** Lines with grid-table rows turned into rows with exact cells (others unchanged). */
export function gridRows(lines: Line[]): Line[] {
  if (!lines.some((l) => BORDER.test(l.raw))) return lines;
  const out: Line[] = [];
  let bounds: number[] | null = null;
  let block: Line[] = [];
  const flush = () => {
    if (block.length) out.push(...(bounds ? (joinRow(block, bounds) ?? block) : block));
    block = [];
  };
  for (const line of lines) {
    if (BORDER.test(line.raw)) {
      flush();
      bounds = plusColumns(line.raw);
      continue;
    }
    if (bounds && ROW.test(line.raw)) {
      // A wrapped cell's line whose first cell is empty and its first bar lost: spaces, then the
      // next boundary's `|` (`                      |         | 件数 |`), a row's line by its look,
      // not by its bars' places (a new seed: the header's `信息内容（单位：千` / `元）` never joined,
      // so the unit 千元 was not read and the fee was published in 万元).
      const mended = cutAtColumns(line.raw, bounds) ? null : outerBarsMended(line.raw, bounds);
      block.push(mended === null ? line : { ...line, raw: mended });
      continue;
    }
    // A row's line whose outer bar was lost (a space where the first `|` stood, or the last
    // missing), every inner boundary's `|` in place: its cells are still the columns' (a fresh
    // tester's fuzzer: a wrapped amount's `元` on such a line was dropped, the fee read in 万元).
    const mended = bounds ? outerBarsMended(line.raw, bounds) : null;
    if (mended !== null) {
      block.push({ ...line, raw: mended });
      continue;
    }
    flush();
    bounds = null;
    out.push(line);
  }
  flush();
  return out;
}

/**
 * `raw` with a bar put back at the first or last boundary where it has a space or ends short,
 * when every other boundary's column holds a `|` (display columns, as cutAtColumns counts them);
 * null when it is not such a line, or has both bars.
 */
function outerBarsMended(raw: string, bounds: number[]): string | null {
  if (bounds.length < 2 || !raw.includes('|')) return null;
  const chars: string[] = [];
  const at: number[] = []; // display column of each character
  let col = 0;
  for (const ch of raw.replace(/\s+$/, '')) {
    chars.push(ch);
    at.push(col);
    col += widthOf(ch);
  }
  let mended = false;
  for (let b = 0; b < bounds.length; b++) {
    const i = at.indexOf(bounds[b]!);
    const outer = b === 0 || b === bounds.length - 1;
    if (i >= 0 && chars[i] === '|') continue;
    if (!outer) return null;
    if (i >= 0 && chars[i] === ' ') chars[i] = '|';
    else if (i < 0 && b === bounds.length - 1 && col <= bounds[b]!) {
      chars.push(' '.repeat(bounds[b]! - col), '|');
    } else return null;
    mended = true;
  }
  return mended ? chars.join('') : null;
}

/** Display columns of a border's `+` (the border is ASCII: one column per character). */
function plusColumns(border: string): number[] {
  const cols: number[] = [];
  for (let i = border.indexOf('+'); i >= 0; i = border.indexOf('+', i + 1)) cols.push(i);
  return cols;
}

/** One row's lines → one line with its cells, or null when the lines cannot be cut. */
function joinRow(block: Line[], bounds: number[]): Line[] | null {
  const n = bounds.length - 1;
  const pieces: string[][] = Array.from({ length: n }, () => []);
  for (const line of block) {
    const cells = cutAtColumns(line.raw, bounds) ?? cutAtBars(line.raw, n);
    if (!cells) return null;
    cells.forEach((c, j) => {
      if (c.trim()) pieces[j]!.push(c.trim());
    });
  }
  const raws = pieces.map(joinPieces);
  const no = block[0]!.no;
  const cells: LineCell[] = raws.map((raw) => ({ raw, text: makeLine(no, raw).text.trim(), no }));
  return [makeLine(no, raws.join(' | '), cells)];
}

/** The cells between the boundaries, when the line has a `|` at every boundary's column. */
function cutAtColumns(raw: string, bounds: number[]): string[] | null {
  const cuts: number[] = []; // string indices of the `|` at each boundary
  let col = 0;
  let b = 0;
  for (let i = 0; i < raw.length && b < bounds.length;) {
    const ch = String.fromCodePoint(raw.codePointAt(i)!);
    if (col === bounds[b]) {
      if (ch !== '|') return null;
      cuts.push(i);
      b++;
    } else if (col > bounds[b]!) return null; // a wide character straddles the boundary
    col += widthOf(ch);
    i += ch.length;
  }
  if (cuts.length !== bounds.length) return null;
  return cuts.slice(1).map((end, j) => raw.slice(cuts[j]! + 1, end));
}

/** The cells between the line's `|`, when there is exactly one per boundary. */
function cutAtBars(raw: string, n: number): string[] | null {
  const parts = raw.trim().split('|');
  // "| a | b |" splits into '', a, b, '': the outer two are no cells.
  return parts.length === n + 2 ? parts.slice(1, -1) : null;
}

/**
 * A cell's wrapped pieces as one text. Chinese wraps between any two characters, so pieces
 * meeting at a CJK character join directly (开 + 申请 → 开申请); others were cut at a space.
 * Two digit pieces stay apart ("12 34"): pandoc never breaks inside a word, so they were two.
 */
function joinPieces(ps: string[]): string {
  let s = '';
  for (const p of ps) {
    if (!s) s = p;
    else s += wide([...s].pop()!) || wide([...p][0]!) ? p : ` ${p}`;
  }
  return s;
}

function wide(ch: string): boolean {
  return widthOf(ch) === 2;
}

/**
 * `stringWidth` of one character, looked up once per character: the package segments its input
 * with Intl.Segmenter on every call, which cost more than the rest of reading a grid table.
 */
const WIDTHS = new Map<string, number>();
export function widthOf(ch: string): number {
  let w = WIDTHS.get(ch);
  if (w === undefined) {
    w = stringWidth(ch);
    if (WIDTHS.size >= 100_000) WIDTHS.clear();
    WIDTHS.set(ch, w);
  }
  return w;
}
