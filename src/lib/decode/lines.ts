import { normalizeLine, rawIndex } from './normalize.ts';

/** One cell of an explicit table row (from HTML), with its own source line. */
export interface LineCell {
  raw: string;
  text: string;
  no: number;
  /** A position covered by a colspan: an empty cell, not text of its own. */
  covered?: boolean;
  /**
   * Covered by a cell that has text (`<td colspan="2">0</td>`): which of the positions the text
   * belongs to, or whether it stands for all of them, the source does not say.
   */
  spanned?: boolean;
  /**
   * A number cell spanning rows (`<td rowspan="2">0</td>`, Word's vMerge): `spansRows` on the
   * cell itself, `above` on the position it covers in each row below (whose `raw` is the
   * number's). Which row the number belongs to, or whether it stands for all of them, the
   * source does not say.
   */
  spansRows?: boolean;
  above?: boolean;
  /**
   * A drawn table's cell (HTML, Word): the grid column it starts at (0-based, rowspans from above
   * counted) and, for a label spanning columns (one cell for them all), how many it spans.
   */
  col?: number;
  span?: number;
}

/** A line of the document: raw text as published, its normalised copy and 1-based line number. */
export interface Line {
  no: number;
  raw: string;
  text: string;
  map: number[] | null;
  /** Exact cell boundaries, when the line is a table row whose cells are known (HTML). */
  cells?: LineCell[];
  /**
   * The empty cells at the end of `cells` may be no cells at all (a PDF's ruled grid draws the
   * void beside a row shorter than the others like a blank cell): read like the padding of a
   * `|` row, where only the arithmetic tells a blank cell from a missing one.
   */
  padded?: boolean;
  /**
   * The cells are a comma- or semicolon-separated text's fields (CSV: `规章,2,,11`), its empty
   * fields kept in place: each cell's position is its field's (tokens.ts, `piece`).
   */
  pieces?: boolean;
  /**
   * The cells are a drawn table's (an HTML or Word table, a PDF's ruled table, a pandoc grid
   * table): each is a position of the table's grid, none a flattening's own (no closing `|`, no
   * field a scrape or an export adds), so an empty last cell is a blank cell of the table.
   */
  grid?: boolean;
  /**
   * Which drawn table of the document the row is in (HTML, Word: the `<table>`'s place in the
   * source): a header's grid positions place the rows of its own table only. A table cut in two by
   * hand (a CMS, a page break) has a grid of its own after the cut (a fresh tester's t95: the
   * rows of the second part, one grid column left of the first's, read by the first's header).
   */
  table?: number;
  /**
   * The cells were placed by the column positions of `pdftotext -layout` text (layout-cells.ts):
   * the label cell may be the first piece of a wrapped label (wrapped.ts joins the pieces into it).
   */
  layoutCells?: boolean;
  /**
   * The line was put together from several (wrapped.ts: a wrapped label's pieces joined before
   * its numbers): its raw text is no source line, so its characters' places are not the
   * source's (layout-cells.ts valueColumns).
   */
  rebuilt?: true;
  /**
   * A piece of a one-line page dump, cut at a row label (oneline.ts): a space in its digit runs
   * is a scrape's &nbsp; (a cell's edge), not a delimiter of values written apart.
   */
  relined?: boolean;
  /**
   * A bare number beside a page break that pdftotext's form feed shows (markPageNumbers):
   * `footer`, the page's last line, its number — no text of the report; `edge`, a bare number
   * first on a page, or last on one whose next page also starts with one: the page's number or
   * a table's cell, which is not known.
   */
  pageNumber?: 'footer' | 'edge';
  /**
   * A row cut out of a `|`-delimited one-line dump (oneline.ts) whose cells run up to the next
   * row label found: nothing but that label ends it, so a row between the two whose label was
   * lost would have lent it its values (as a row read from the lines after its label).
   */
  endsAtLabel?: boolean;
  /**
   * A row cut at full-width separators (fullwidth.ts) with a full-width comma between digits: a
   * thousands separator or a cell boundary. `count`: inside a cell of a `；` or `、` row
   * (`60，036`); the row's cells are proven only when they match its columns in number, a row
   * short of cells or with too many is not read. `always`: the separator of a `，` row between
   * digit cells (`60，036`) in a document that does not show how it writes thousands; no value
   * of the row is proven (rows.ts).
   */
  digitCommas?: 'count' | 'always';
  /**
   * Where an HTML line stood, for the metadata: the page's `<title>` (a site template's, often
   * wrong about the year), the document's `<h1>` (the report's own heading), or a line whose
   * text is all link text (`<a href>`: a pointer to another page, such as a list of the
   * agency's other reports). Unset for plain text and for any other element.
   */
  role?: 'page-title' | 'heading' | 'link';
}

/**
 * A cell's text that, spanning columns, is one label (a heading over them), not a value that
 * stands for each column it covers (`<td colspan="2">0</td>`): Chinese text other than 无.
 */
export function spansAsOne(text: string): boolean {
  return /[\u4e00-\u9fff]/.test(text) && !/^\s*无\s*$/.test(text);
}

/**
 * Tab-separated rows (RTF) whose merged cells cover columns: each such row with its exact cells,
 * the covered positions `spanned` as an HTML colspan's are (html.ts), so that the table reader
 * does not take a number over two columns for the first column's; a number merged down over rows
 * (\clvmgf) marked `spansRows`, and the positions it covers below `above`, as a rowspan's are.
 * `spans`: 0-based line index and the 0-based cells covered.
 */
export function withSpannedCells(
  lines: Line[],
  spans: ReadonlyArray<{
    line: number;
    cells: number[];
    spansRows?: number[];
    above?: ReadonlyArray<{ cell: number; raw: string }>;
  }>,
): Line[] {
  if (!spans.length) return lines;
  const out = lines.slice();
  for (const { line, cells, spansRows = [], above = [] } of spans) {
    const l = out[line];
    if (!l) continue;
    const covered = new Set(cells);
    const down = new Set(spansRows);
    const from = new Map(above.map((a) => [a.cell, a.raw]));
    const parts: LineCell[] = l.raw.split('\t').map((raw, k): LineCell => {
      if (covered.has(k)) return { raw: '', text: '', no: l.no, covered: true, spanned: true };
      const up = from.get(k);
      if (up !== undefined) return { raw: up, text: '', no: l.no, covered: true, above: true };
      return { raw, text: makeLine(l.no, raw).text.trim(), no: l.no, ...(down.has(k) ? { spansRows: true } : {}) };
    });
    out[line] = makeLine(l.no, l.raw, parts);
  }
  return out;
}

const OTHER_BREAK = /[\r\v\u0085\u2028\u2029]/;
const INNER_BREAK = /[\v\u0085\u2028\u2029]/g;

export function makeLine(no: number, raw: string, cells?: LineCell[]): Line {
  const n = normalizeLine(raw);
  return cells ? { no, raw, text: n.text, map: n.map, cells } : { no, raw, text: n.text, map: n.map };
}

/**
 * Plain text → lines (CRLF, CR or LF; and a vertical tab, NEL, U+2028 or U+2029: Word's manual
 * line break in its text export, a Latin-1 round trip's NEL, the Unicode separators — a fresh
 * tester's t105: the issuer block read as one line, an index number published as the agency).
 */
export function textToLines(text: string): Line[] {
  // Without one of them (most files) the pattern's pieces are the LF-separated ones: a plain split.
  // (Inside a tab-separated row they are a break inside a cell, Word's text export of a cell of
  // two lines: a space, so that the row stays one — a fresh tester's t106.)
  const parts = OTHER_BREAK.test(text)
    ? text
        .split(/\r\n|[\r\n]/)
        .flatMap((l) => (l.includes('\t') ? [l.replace(INNER_BREAK, ' ')] : l.split(INNER_BREAK)))
    : text.split('\n');
  // The newline that ends the last line starts no line of its own: as an empty line it would read
  // as a blank cell after a table's last value, where one cell a line shows blanks so.
  if (parts.length > 1 && parts.at(-1) === '') parts.pop();
  return markPageNumbers(parts.map((raw, i) => makeLine(i + 1, raw)));
}

/**
 * One to three digits alone on a line (its form feed and spaces aside), from 1: a page is never
 * numbered 0 (a `0` last on a page is a cell, the rest of a number wrapped in its cell: 10 as
 * `1` over `0`, t45's `-raw` text published 1).
 */
const BARE_NUMBER = /^[\s\f]*[1-9]\d{0,2}[\s\f]*$/;

/**
 * The bare numbers beside the page breaks of pdftotext's text, which writes a form feed first on
 * each page's first line: the line before a break, when the page after it does not also start
 * with one, is the page's number (`footer`); a bare number first on a page, or one on each side
 * of a break, may be the page's number (in a header) or a table's cell (`edge`). Marked on the
 * whole text before it is cut into sections: a page number before the next section's heading
 * (`2` / `\f三、…`) is seen as well as one inside a table. Text without form feeds is returned as
 * it is.
 */
export function markPageNumbers(lines: Line[]): Line[] {
  if (!lines.some((l) => l.raw.includes('\f'))) return lines;
  const bare = (i: number) => i >= 0 && BARE_NUMBER.test(lines[i]!.text.replace(/\f/g, ''));
  let last = -1; // the last line with text
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!.raw;
    // A page's last line that carries the form feed after it (`4\f`, some converters' way).
    if (/\S/.test(raw.replace(/\f/g, '')) && /\f\s*$/.test(raw) && !/^\s*\f/.test(raw)) {
      let first = i + 1;
      while (first < lines.length && !lines[first]!.raw.trim()) first++;
      const after = first < lines.length && bare(first);
      if (bare(i)) lines[i] = { ...lines[i]!, pageNumber: after ? 'edge' : 'footer' };
      if (after) lines[first] = { ...lines[first]!, pageNumber: 'edge' };
    } else if (/^\s*\f/.test(raw)) {
      // The page's first line: this one, or the next with text when the break stands alone.
      let first = i;
      if (!raw.replace(/\f/g, '').trim())
        for (first = i + 1; first < lines.length && !lines[first]!.raw.trim(); first++);
      const after = first < lines.length && bare(first);
      if (bare(last)) lines[last] = { ...lines[last]!, pageNumber: after ? 'edge' : 'footer' };
      if (after) lines[first] = { ...lines[first]!, pageNumber: 'edge' };
    }
    if (raw.replace(/\f/g, '').trim()) last = i;
  }
  return lines;
}

/**
 * A copy of `line` holding only normalised [start, end), e.g. to split a glued heading off.
 * The normalised text is sliced, not re-normalised, so a fold made after `makeLine` (traditional
 * script, decode/script.ts) survives the cut.
 */
export function sliceLine(line: Line, start: number, end: number = line.text.length): Line {
  const rawStart = rawIndex(line, start, line.raw.length);
  const rawEnd = rawIndex(line, end, line.raw.length);
  const raw = line.raw.slice(rawStart, rawEnd);
  const text = line.text.slice(start, end);
  const map = line.map ? [...line.map.slice(start, end).map((x) => x - rawStart), rawEnd - rawStart] : null;
  return { no: line.no, raw, text, map };
}
