import type { Block, Box, GridCell, TableBlock } from './pdf-layout.ts';
import { makeLine, type Line, type LineCell } from './lines.ts';

/**
 * Blocks → located lines: running text as one line per paragraph, and each table row as one line
 * of exact cells, flattened exactly as the HTML path flattens a table (html.ts): a cell that
 * spans rows sits on its first row and the rows below leave its position out; a label spanning
 * columns is one label; an empty or numeric cell spanning columns stands for that many positions.
 * The same table readers then read PDF, HTML and text alike.
 */

export interface LocatedCell {
  raw: string;
  covered?: boolean;
  /** A position under a value drawn over several value columns (an HTML colspan's). */
  spanned?: boolean;
  /** A number cell spanning rows, and the positions it covers below (as html.ts marks them). */
  spansRows?: boolean;
  above?: boolean;
  page: number;
  box: Box;
}

export interface Located {
  raw: string;
  page: number;
  box: Box;
  cells?: LocatedCell[];
  /** The row ends in empty cells that may be no cells (see Line.padded). */
  padded?: boolean;
}

const round = (b: Box): Box => b.map((v) => Math.round(v * 10) / 10) as Box;

export function blocksToLines(blocks: Block[]): Located[] {
  const out: Located[] = [];
  for (const b of blocks) {
    if (b.kind === 'text') out.push({ raw: b.text, page: b.page, box: round(b.box) });
    else out.push(...tableLines(b));
  }
  return out;
}

const isLabel = (s: string) => /[\u4e00-\u9fff]/.test(s) && !/^\s*无\s*$/.test(s);

function tableLines(t: TableBlock): Located[] {
  const out: Located[] = [];
  // A PDF's grid has every x where any row draws a rule; a number's cell may cover several grid
  // columns only because another row (a header, a table drawn against this one) has a rule
  // there. A cell stands for several positions only across rules that edge a value in some
  // row: those are the table's value columns. Otherwise it is one position, as drawn.
  const valueEdges = new Set<number>();
  for (const c of t.cells) {
    if (isLabel(c.text) || !c.text.trim()) continue;
    valueEdges.add(c.c0);
    valueEdges.add(c.c1 + 1);
  }
  const byRow = new Map<number, GridCell[]>();
  for (const c of t.cells) byRow.set(c.r0, [...(byRow.get(c.r0) ?? []), c]);
  // A number in a cell spanning rows (a merged cell, HTML's rowspan printed) is no one row's
  // own: it is marked on its first row and keeps its position in the rows below, as the HTML
  // reader marks a rowspan, so that neither row reads it and both keep their width.
  // Only over rows of their own: a row cut by a page break is joined back into cells that span
  // its two grid rows, none of which starts another row with text.
  const spansRows = (c: GridCell) =>
    c.r1 > c.r0 &&
    !isLabel(c.text) &&
    /\d/.test(c.text) &&
    t.cells.some((o) => o.r0 > c.r0 && o.r0 <= c.r1 && o.text.trim() !== '');
  const below = new Map<number, GridCell[]>();
  for (const c of t.cells)
    if (spansRows(c)) for (let r = c.r0 + 1; r <= c.r1; r++) below.set(r, [...(below.get(r) ?? []), c]);
  for (let r = 0; r < t.rows; r++) {
    const row = (byRow.get(r) ?? []).sort((a, b) => a.c0 - b.c0);
    // An empty row holds nothing to read (the rest of a row cut by a page break).
    if (!row.some((c) => c.text.trim())) continue;
    const covering = below.get(r) ?? [];
    const cells: LocatedCell[] = [];
    let last: GridCell | null = null;
    const coverBefore = (c0: number) => {
      while (covering.length && covering[0]!.c0 < c0) {
        const a = covering.shift()!;
        cells.push({ raw: a.text, covered: true, above: true, page: a.page, box: round(a.box) });
      }
    };
    covering.sort((a, b) => a.c0 - b.c0);
    for (const c of row) {
      coverBefore(c.c0);
      if (c.void && !c.text.trim()) continue;
      last = c;
      const box = round(c.box);
      cells.push({ raw: c.text, page: c.page, box, ...(spansRows(c) ? { spansRows: true } : {}) });
      // A value drawn over several value columns belongs to no proven one of them, as an HTML
      // colspan's (`spanned`): a fresh tester's t9 read a 3 over two columns as the first's.
      const spanned = c.text.trim() !== '';
      if (!isLabel(c.text))
        for (let k = c.c0 + 1; k <= c.c1; k++)
          if (valueEdges.has(k))
            cells.push(
              spanned
                ? { raw: '', covered: true, spanned, page: c.page, box }
                : { raw: '', covered: true, page: c.page, box },
            );
    }
    coverBefore(Infinity);
    // The row's box: the cells that start on it, on the page of its first cell.
    const page = row[0]!.page;
    const on = row.filter((c) => c.page === page);
    const box: Box = round([
      Math.min(...on.map((c) => c.box[0])),
      Math.min(...on.map((c) => c.box[1])),
      Math.max(...on.map((c) => c.box[2])),
      Math.max(...on.map((c) => c.box[3])),
    ]);
    // An empty last cell found only from the rules around it may be the void beside a row
    // shorter than the others (GridCell.drawn).
    const padded = last !== null && !last.text.trim() && !last.drawn;
    out.push({
      raw: cells.map((c) => (c.above ? '' : c.raw)).join(' | '),
      page,
      box,
      cells,
      ...(padded ? { padded } : {}),
    });
  }
  return out;
}

/** Located lines → the pipeline's lines; line numbers count lines of the extracted text. */
export function locatedToLines(located: Located[]): Line[] {
  return located.map((l, i) => {
    const no = i + 1;
    if (!l.cells) return makeLine(no, l.raw);
    const cells: LineCell[] = l.cells.map((c) => {
      const n = makeLine(no, c.raw);
      if (c.above) return { raw: c.raw, text: '', no, covered: true, above: true };
      if (c.covered)
        return c.spanned
          ? { raw: '', text: '', no, covered: true, spanned: true }
          : { raw: '', text: '', no, covered: true };
      return { raw: c.raw, text: n.text.trim(), no, ...(c.spansRows ? { spansRows: true } : {}) };
    });
    const line = makeLine(no, l.raw, cells);
    // A ruled row's cells are drawn, each a position of the grid; one ending in a cell that may
    // be the void beside it is read as padded.
    return l.padded ? { ...line, padded: true } : { ...line, grid: true };
  });
}

/** The extracted text as the source view shows it: one line per located line. */
export const locatedText = (located: Located[]): string => located.map((l) => l.raw).join('\n');
