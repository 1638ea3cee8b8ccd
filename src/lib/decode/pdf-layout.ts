import { charEm } from './pdf-glyphs.ts';

/**
 * Page geometry → reading-order blocks: paragraphs of running text and tables rebuilt as a grid
 * of cells. Pure: the caller (pdf.ts) extracts text runs and ruling segments with pdf.js.
 *
 * Coordinates are PDF user space of the page (points, origin bottom-left, y up).
 * Tables come from the ruling lines Word and WPS draw around cells: the distinct x of the
 * vertical rules and y of the horizontal rules give a grid, and a missing rule between two grid
 * cells merges them (colspan/rowspan). Text is assigned to cells by position, so reading order in
 * the file (which scrambles labels and numbers) does not matter.
 */

export interface TextRun {
  str: string;
  /** Left edge and baseline. */
  x: number;
  y: number;
  w: number;
  /** Font size (height of the em square). */
  size: number;
}

export interface Segment {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** [x0, y0, x1, y1] with y up (PDF user space). */
export type Box = [number, number, number, number];

export interface GridCell {
  /** Grid rows [r0, r1] and columns [c0, c1], inclusive. */
  r0: number;
  r1: number;
  c0: number;
  c1: number;
  text: string;
  box: Box;
  page: number;
  /**
   * Empty, and drawn over several rows of its page or as a piece of a region that is no
   * rectangle: the void beside rows shorter than the others (an HTML table printed with its
   * frame), no cell of any row, as in the HTML. Were it a merged blank, no single row would own
   * its positions either.
   */
  void?: boolean;
  /**
   * Drawn as a box of its own (a browser's separate borders), so a cell for sure. A cell found
   * only from the rules around it may, when empty at the end of its row, be the void beside a
   * row shorter than the others: its rules are the same as a blank cell's.
   */
  drawn?: boolean;
}

export interface TableBlock {
  kind: 'table';
  page: number;
  box: Box;
  /** Column boundaries (x, ascending). */
  xs: number[];
  rows: number;
  cells: GridCell[];
  /** The table ends within a few points of the last text on its page / starts at the top. */
  top: number;
  bottom: number;
  /** Last page the table runs on (after joining its continuations). */
  endPage: number;
}

export interface TextBlock {
  kind: 'text';
  page: number;
  box: Box;
  text: string;
  size: number;
  /** The first line is indented; the last line runs to the right margin (the paragraph goes on). */
  indented: boolean;
  open: boolean;
  /** A single line in the page's top or bottom margin: a running header or footer if it recurs. */
  margin: boolean;
  /** Where the block stands in reading order when not at its top (a row's numbers read after its label: valuesAfterOwnLabel). */
  order?: number;
}

export type Block = TableBlock | TextBlock;

const TOL = 2;

// ---------------------------------------------------------------- ruling lines → tables

interface Rule {
  /** Horizontal: y, and x range; vertical: x, and y range. */
  at: number;
  from: number;
  to: number;
}

function splitRules(segs: Segment[]): { h: Rule[]; v: Rule[] } {
  const h: Rule[] = [];
  const v: Rule[] = [];
  for (const s of segs) {
    const dx = Math.abs(s.x1 - s.x0);
    const dy = Math.abs(s.y1 - s.y0);
    if (dy <= 1 && dx > TOL) h.push({ at: (s.y0 + s.y1) / 2, from: Math.min(s.x0, s.x1), to: Math.max(s.x0, s.x1) });
    else if (dx <= 1 && dy > TOL)
      v.push({ at: (s.x0 + s.x1) / 2, from: Math.min(s.y0, s.y1), to: Math.max(s.y0, s.y1) });
  }
  return { h, v };
}

function cluster(values: number[], tol = TOL): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[][] = [];
  for (const v of sorted) {
    const last = out[out.length - 1];
    if (last && v - last[last.length - 1]! <= tol) last.push(v);
    else out.push([v]);
  }
  return out.map((g) => g.reduce((a, b) => a + b, 0) / g.length);
}

function dropSlivers(sorted: number[], min: number): number[] {
  const out: number[] = [];
  for (const x of sorted) if (!out.length || x - out[out.length - 1]! >= min) out.push(x);
  // Keep the outer edge where it is.
  if (sorted.length && out[out.length - 1] !== sorted[sorted.length - 1])
    out[out.length - 1] = sorted[sorted.length - 1]!;
  return out;
}

/** Groups of rules that touch each other: one group per table. */
function groupRules(h: Rule[], v: Rule[]): Array<{ h: Rule[]; v: Rule[] }> {
  const all = [...h.map((r) => ({ r, hor: true })), ...v.map((r) => ({ r, hor: false }))];
  const parent = all.map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  // Browsers draw each cell as its own box, a few points from its neighbours (cell spacing).
  const T = 3.5;
  const touches = (a: Rule, b: Rule) =>
    a.at >= b.from - T && a.at <= b.to + T && b.at >= a.from - T && b.at <= a.to + T;
  for (let i = 0; i < all.length; i++) {
    for (let j = i + 1; j < all.length; j++) {
      const a = all[i]!;
      const b = all[j]!;
      let join = false;
      if (a.hor !== b.hor) join = touches(a.r, b.r);
      else join = Math.abs(a.r.at - b.r.at) <= T && a.r.from <= b.r.to + T && b.r.from <= a.r.to + T;
      if (join) parent[find(i)] = find(j);
    }
  }
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  all.forEach((x, i) => {
    const g = groups.get(find(i)) ?? { h: [], v: [] };
    (x.hor ? g.h : g.v).push(x.r);
    groups.set(find(i), g);
  });
  return [...groups.values()].filter((g) => g.h.length >= 2 && g.v.length >= 2);
}

const covers = (rules: Rule[], at: number, from: number, to: number) => {
  const need = (to - from) * 0.6;
  let got = 0;
  for (const r of rules)
    if (Math.abs(r.at - at) <= TOL * 2) got += Math.max(0, Math.min(r.to, to) - Math.max(r.from, from));
  return got >= need;
};

interface Grid {
  xs: number[];
  /** Row boundaries, descending (top of the page first). */
  ys: number[];
  /**
   * Merged cells; `part`: a row's piece of a region that is no rectangle (see buildGrid);
   * `drawn`: a box of its own is drawn around it.
   */
  cells: Array<{ r0: number; r1: number; c0: number; c1: number; part?: boolean; drawn?: boolean }>;
}

function buildGrid(g: { h: Rule[]; v: Rule[] }, allBoxes: Box[]): Grid | null {
  // A table cut by a page break may lack its rule on the cut side (browsers draw none): the
  // vertical rules' ends close the frame there.
  if (g.h.length && g.v.length) {
    const hy = g.h.map((r) => r.at);
    const from = Math.min(...g.v.map((r) => r.at));
    const to = Math.max(...g.v.map((r) => r.at));
    const top = Math.max(...g.v.map((r) => r.to));
    const bottom = Math.min(...g.v.map((r) => r.from));
    if (top > Math.max(...hy) + 3) g = { ...g, h: [...g.h, { at: top, from, to }] };
    if (bottom < Math.min(...hy) - 3) g = { ...g, h: [...g.h, { at: bottom, from, to }] };
  }
  // Rules a few points apart are one rule drawn twice or slightly off (adjacent cells' borders):
  // a sliver column would split a number's cell into two positions.
  const xs = dropSlivers(cluster(g.v.map((r) => r.at)), 4);
  const ys = dropSlivers(cluster(g.h.map((r) => r.at)), 3.5).reverse();
  if (xs.length < 2 || ys.length < 2) return null;
  const R = ys.length - 1;
  const C = xs.length - 1;
  const inside = (b: Box, x: number, y: number) => x > b[0] && x < b[2] && y > b[1] && y < b[3];
  const frame: Box = [xs[0]! - TOL, ys[R]! - TOL, xs[C]! + TOL, ys[0]! + TOL];
  const boxes = allBoxes.filter((b) => b[0] >= frame[0] && b[1] >= frame[1] && b[2] <= frame[2] && b[3] <= frame[3]);
  if (boxes.length >= 2) return boxGrid(xs, ys, boxes, inside);
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      // Right neighbour: merged when no vertical rule separates them over this row.
      if (c + 1 < C && !covers(g.v, xs[c + 1]!, ys[r + 1]!, ys[r]!)) parent[find(r * C + c)] = find(r * C + c + 1);
      // Neighbour below: merged when no horizontal rule separates them over this column.
      if (r + 1 < R && !covers(g.h, ys[r + 1]!, xs[c]!, xs[c + 1]!)) parent[find(r * C + c)] = find((r + 1) * C + c);
    }
  }
  const spans = new Map<number, { r0: number; r1: number; c0: number; c1: number; n: number }>();
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const k = find(r * C + c);
      const b = spans.get(k);
      if (!b) spans.set(k, { r0: r, r1: r, c0: c, c1: c, n: 1 });
      else {
        b.r0 = Math.min(b.r0, r);
        b.r1 = Math.max(b.r1, r);
        b.c0 = Math.min(b.c0, c);
        b.c1 = Math.max(b.c1, c);
        b.n++;
      }
    }
  }
  const cells: Grid['cells'] = [];
  for (const [k, b] of spans) {
    if (b.n === (b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1)) {
      cells.push({ r0: b.r0, r1: b.r1, c0: b.c0, c1: b.c1 });
      continue;
    }
    // Not a rectangle: no cell is drawn so. Rows of different lengths leave the end of the
    // shorter ones open (an HTML table whose rows have fewer cells than others, printed with
    // collapsed borders), and the open ends join around the cells of the rows between them.
    // Each row's run of positions is a cell of its own: never one cell over other cells.
    for (let r = b.r0; r <= b.r1; r++) {
      let c0 = -1;
      for (let c = b.c0; c <= b.c1 + 1; c++) {
        const mine = c <= b.c1 && find(r * C + c) === k;
        if (mine && c0 < 0) c0 = c;
        else if (!mine && c0 >= 0) {
          cells.push({ r0: r, r1: r, c0, c1: c - 1, part: true });
          c0 = -1;
        }
      }
    }
  }
  cells.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
  return { xs, ys, cells };
}

/**
 * Cells drawn as boxes of their own: a box is a cell, spanning the grid positions it covers.
 * Positions no box covers (the empty end of a short row) are no cell at all, as in the HTML.
 */
function boxGrid(xs: number[], ys: number[], boxes: Box[], inside: (b: Box, x: number, y: number) => boolean): Grid {
  const cells: Grid['cells'] = [];
  const used = new Set<Box>();
  for (let r = 0; r < ys.length - 1; r++) {
    for (let c = 0; c < xs.length - 1; c++) {
      const cx = (xs[c]! + xs[c + 1]!) / 2;
      const cy = (ys[r]! + ys[r + 1]!) / 2;
      // The smallest box holding the position (a table's frame holds every cell).
      const b = boxes
        .filter((b) => inside(b, cx, cy))
        .sort((p, q) => (p[2] - p[0]) * (p[3] - p[1]) - (q[2] - q[0]) * (q[3] - q[1]))[0];
      if (!b || used.has(b)) continue;
      used.add(b);
      const cols = xs.map((x, i) => i).filter((i) => i < xs.length - 1 && inside(b, (xs[i]! + xs[i + 1]!) / 2, cy));
      const rows = ys.map((y, i) => i).filter((i) => i < ys.length - 1 && inside(b, cx, (ys[i]! + ys[i + 1]!) / 2));
      cells.push({
        r0: Math.min(...rows),
        r1: Math.max(...rows),
        c0: Math.min(...cols),
        c1: Math.max(...cols),
        drawn: true,
      });
    }
  }
  return { xs, ys, cells: cells.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0) };
}

// ---------------------------------------------------------------- text runs

/**
 * A run that crosses a column rule (rare: producers write each cell apart) is cut into its
 * whitespace-separated words, placed by estimated widths (CJK and full-width characters one em,
 * others half an em, scaled to the run's width). A word is never cut: a number stays whole in
 * the cell of its middle, or, when it sits across a rule, unread (never split into two numbers).
 */
function splitRun(run: TextRun, xs: number[]): TextRun[] {
  const inside = xs.filter((x) => x > run.x + 1 && x < run.x + run.w - 1);
  if (!inside.length || run.str.length < 2) return [run];
  const em = charEm;
  const chars = [...run.str];
  const scale = run.w / chars.reduce((a, ch) => a + em(ch), 0);
  const out: TextRun[] = [];
  let x = run.x;
  let word: { str: string; x: number; w: number } | null = null;
  const flush = () => {
    if (!word) return;
    const cut = inside.find((r) => r > word!.x + 1 && r < word!.x + word!.w - 1);
    // A word across a rule that is not text (digits): left out rather than misplaced.
    if (!(cut !== undefined && /\d/.test(word.str)))
      out.push({ str: word.str, x: word.x, y: run.y, w: word.w, size: run.size });
    word = null;
  };
  for (const ch of chars) {
    const w = em(ch) * scale;
    if (/\s/.test(ch)) flush();
    else if (word) {
      word.str += ch;
      word.w += w;
    } else word = { str: ch, x, w };
    x += w;
  }
  flush();
  return out;
}

interface Line {
  runs: TextRun[];
  y: number;
  x0: number;
  x1: number;
  size: number;
}

/** Runs → lines by baseline (top first), runs in a line left to right. */
function toLines(runs: TextRun[]): Line[] {
  const sorted = [...runs].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Line[] = [];
  for (const r of sorted) {
    // Same line when baselines are within a third of the font size (numbers are often set a
    // little lower than the labels beside them), wherever the run stands across: the runs come
    // top first, so a line begun by a run set a little higher far to the right (the last cells
    // of a row, 0.75 pt up) is still the line of the cells at its left (t40's bP_f027: 1 0 of
    // 1 0 1 0 2 … were cut off and printed after the rest of the row).
    const line = lines.find((l) => Math.abs(l.y - r.y) <= Math.max(l.size, r.size) * 0.4);
    if (line) {
      line.runs.push(r);
      line.x0 = Math.min(line.x0, r.x);
      line.x1 = Math.max(line.x1, r.x + r.w);
      line.size = Math.max(line.size, r.size);
    } else lines.push({ runs: [r], y: r.y, x0: r.x, x1: r.x + r.w, size: r.size });
  }
  for (const l of lines) l.runs.sort((a, b) => a.x - b.x);
  return lines.sort((a, b) => b.y - a.y);
}

const isCjk = (ch: string) => /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef\u2018-\u201d]/.test(ch);

/**
 * The runs of a line set as superscript or subscript (a footnote mark after a number: 87¹),
 * measured against the line's main text, the run with most characters among the largest: raised
 * or lowered off its baseline by three tenths of its size, or by a tenth when also smaller
 * (Word sets a superscript at 0.65 of the size, LibreOffice 0.58, a browser 0.83). A number in
 * another font than the label beside it sits up to about a sixth higher or lower at about the
 * same size; a unit in a smaller font stands on the same baseline.
 */
export function scriptRuns(runs: TextRun[]): Set<TextRun> {
  const out = new Set<TextRun>();
  if (runs.length < 2) return out;
  const ref = Math.max(...runs.map((r) => r.size));
  const chars = (r: TextRun) => r.str.replace(/\s/g, '').length;
  const main = runs.filter((r) => r.size >= ref * 0.9).reduce((a, r) => (chars(r) > chars(a) ? r : a));
  for (const r of runs) {
    const off = Math.abs(r.y - main.y) / ref;
    if (off >= 0.3 || (off >= 0.1 && (r.size <= ref * 0.95 || touchesDigits(r, runs)))) out.add(r);
  }
  return out;
}

/**
 * A run of digits set right against other digits on another baseline (no space between): one
 * number is never printed on two baselines, so a digit lowered or raised beside another at the
 * same size is a mark (Chromium prints a CSS subscript at full size, only lowered: 25 and ₁,
 * never 251). Digits drawn one by one on one baseline are one number, set higher or lower than
 * its label as a whole (a cell's value aligned to the top): read as the same number drawn as one
 * run is.
 */
function touchesDigits(r: TextRun, runs: TextRun[]): boolean {
  const gap = r.size * 0.25;
  return runs.some(
    (o) =>
      o !== r &&
      Math.abs(o.y - r.y) >= Math.max(o.size, r.size) * 0.1 &&
      ((/^\d/.test(r.str) && /\d$/.test(o.str) && Math.abs(r.x - (o.x + o.w)) <= gap) ||
        (/\d$/.test(r.str) && /^\d/.test(o.str) && Math.abs(o.x - (r.x + r.w)) <= gap)),
  );
}

/**
 * One line's text: runs joined, a space where the gap is wide and not between CJK characters.
 * A superscript or subscript is marked with `^`, as the HTML reader marks `<sup>`: a footnote
 * mark is no digit of the number before it, and the cell is then text that is no number.
 */
function lineText(l: Line, wide = Infinity): string {
  let s = '';
  let end = -Infinity;
  const script = scriptRuns(l.runs);
  for (const r of l.runs) {
    const gap = r.x - end;
    if (s && gap > r.size * wide) s += '  ';
    else if (s && gap > r.size * 0.25 && !(isCjk(s.slice(-1)) && isCjk(r.str[0] ?? ''))) s += ' ';
    if (script.has(r)) s += '^';
    s += r.str;
    end = Math.max(end, r.x + r.w);
  }
  return s.replace(/\s+$/, '');
}

/** Lines of one cell joined: a wrapped label is one label; two numbers stay apart. */
function joinCellLines(parts: string[]): string {
  let s = '';
  for (const p of parts.map((x) => x.trim()).filter(Boolean)) {
    if (!s) s = p;
    // Full-width digits too (０ over 7 is two values, never 07).
    else if (/[0-9.,%０-９．，％]$/.test(s) && /^[0-9.,%０-９．，％]/.test(p)) s += ' ' + p;
    else if (/[A-Za-z0-9]$/.test(s) && /^[A-Za-z0-9]/.test(p) && !isCjk(s.slice(-1))) s += ' ' + p;
    else s += p;
  }
  return s;
}

const boxOf = (runs: TextRun[]): Box => [
  Math.min(...runs.map((r) => r.x)),
  Math.min(...runs.map((r) => r.y - r.size * 0.2)),
  Math.max(...runs.map((r) => r.x + r.w)),
  Math.max(...runs.map((r) => r.y + r.size * 0.8)),
];

// ---------------------------------------------------------------- page → blocks

export interface PageInput {
  page: number;
  width: number;
  height: number;
  runs: TextRun[];
  segments: Segment[];
  /** Stroked rectangles: each a cell's box where the producer draws cells one by one. */
  boxes?: Box[];
}

/** Page numbers and the like, in the page's top or bottom margin. */
const PAGE_NUMBER =
  /^(?:[-－—–‐]\s*\d{1,4}\s*[-－—–‐]|第\s*\d{1,4}\s*页(?:\s*[，,/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4}|\d{1,4})$/;

/**
 * A line of bare numbers with a digit right above or below one of its own numbers, within a
 * line height and a half: a table's values (a number wrapped one digit a line, a row cut by the page
 * break), never a page number or a running header, however near the page's edge it sits.
 */
function inNumberColumn(l: Line, lines: Line[]): boolean {
  if (!BARE_NUMBERS.test(lineText(l).trim())) return false;
  const digits = (x: Line) => x.runs.filter((r) => /^\d/.test(r.str.trim()));
  return lines.some(
    (o) =>
      o !== l &&
      Math.abs(o.y - l.y) <= Math.max(o.size, l.size) * 1.6 &&
      digits(o).some((a) => digits(l).some((b) => Math.abs(a.x - b.x) <= Math.min(a.size, b.size) * 0.5)),
  );
}
const BARE_NUMBERS = /^\d+(?:\s+\d+)*$/;

/**
 * Lines (top first) with each line of bare numbers that stands just above a row label and far
 * below the label before it, in the labels' column, moved after that label: an unruled table
 * whose cells hold a number and an empty paragraph sets each row's numbers on the upper half of
 * the row and its label, centred, half a line lower (a fresh tester's t99: in text order each
 * label took the next row's numbers, 154 cells in 10 of 24 files). Nearer the label below by
 * less than half the distance to the one above, and within a line and a half of it; else the
 * order stays, and the readers judge it as before.
 */
function valuesAfterOwnLabel(lines: Line[]): { lines: Line[]; order: Map<Line, number> } {
  const bare = (l: Line) => BARE_NUMBERS.test(lineText(l).trim());
  const out = [...lines];
  const order = new Map<Line, number>();
  for (let i = 1; i < out.length - 1; i++) {
    const v = out[i]!;
    const next = out[i + 1]!;
    if (!bare(v) || bare(next) || !/[\u4e00-\u9fff]/.test(lineText(next))) continue;
    const below = v.y - next.y;
    if (below > Math.max(v.size, next.size) * 1.5) continue;
    // Only the row's numbers all on that one line: a label with numbers of its own after its
    // numbering, or a line of numbers right under it, is a row whose cells stand at several
    // heights (some cells of two lines, some of one), and which numbers go where is not known
    // (t99's mixed cells: moved, the upper numbers were read first, a column off).
    if (/\d/.test(lineText(next).replace(/^[\s\d（(一二三四五六七八九十）)、.．]+/, ''))) continue;
    const under = out[i + 2];
    if (under && bare(under) && next.y - under.y <= Math.max(v.size, next.size) * 1.5) continue;
    // Nor a label wrapped onto a line below it in its column (a group label set in two lines,
    // 三、本年度 / 办理结果, a long row label): the numbers would come between its lines (t103).
    if (
      under &&
      !bare(under) &&
      Math.abs(under.x0 - next.x0) <= next.size &&
      next.y - under.y <= Math.max(under.size, next.size) * 1.5
    )
      continue;
    // The row before: the nearest line above that is another row's numbers or a label in this
    // label's column (a group label set in a column of its own, centred over its rows, is none).
    let k = i - 1;
    while (k >= 0 && !bare(out[k]!) && Math.abs(out[k]!.x0 - next.x0) > next.size) k--;
    if (k < 0 || out[k]!.y - v.y < below * 2) continue;
    out[i] = next;
    out[i + 1] = v;
    // Read right after the label: its place in the page's order just below the label's top.
    order.set(v, boxOf(next.runs)[3] - 0.001);
    i++;
  }
  return { lines: out, order };
}

export function pageBlocks(p: PageInput): Block[] {
  const runs = p.runs.filter((r) => r.str.trim() !== '');
  const { h, v } = splitRules(p.segments);
  const tables: Array<{ grid: Grid; box: Box; runs: TextRun[]; v: Rule[] }> = [];
  for (const g of groupRules(h, v)) {
    let grid = buildGrid(g, p.boxes ?? []);
    if (!grid) continue;
    const box: Box = [grid.xs[0]!, grid.ys[grid.ys.length - 1]!, grid.xs[grid.xs.length - 1]!, grid.ys[0]!];
    // Text where no drawn box is (a cell whose box was cut open by a page break): the boxes do
    // not describe the table; its rules do.
    if (p.boxes?.length && runs.some((r) => inFrame(r, box) && cellAt(grid!, r) < 0)) {
      const ruled = buildGrid(g, []);
      // The cells that do have a box of their own are still known to be cells.
      if (ruled) grid = { ...ruled, cells: ruled.cells.map((c) => ({ ...c, drawn: hasBox(ruled, c, p.boxes!) })) };
    }
    // A frame around the page or a single box is not a table.
    if (grid.cells.length < 2) continue;
    tables.push({ grid, box, runs: [], v: g.v });
  }
  const loose: TextRun[] = [];
  for (const r of runs) {
    const cx = r.x + Math.min(r.w, r.size) / 2;
    const cy = r.y + r.size * 0.3;
    const t = tables.find((t) => cx >= t.box[0] - 1 && cx <= t.box[2] + 1 && cy >= t.box[1] - 1 && cy <= t.box[3] + 1);
    if (t) t.runs.push(r);
    else loose.push(r);
  }

  const blocks: Block[] = [];
  for (const t of tables) blocks.push(tableBlock(p.page, t.grid, t.box, t.runs, t.v));
  blocks.push(...textBlocks(p, loose));
  // Reading order: top of the block first.
  const top = (b: Block) => (b.kind === 'text' && b.order !== undefined ? b.order : b.box[3]);
  return blocks.sort((a, b) => top(b) - top(a));
}

/** A drawn box matches the cell's extent (within the spacing between separate borders). */
function hasBox(grid: Grid, c: Grid['cells'][number], boxes: Box[]): boolean {
  const e: Box = [grid.xs[c.c0]!, grid.ys[c.r1 + 1]!, grid.xs[c.c1 + 1]!, grid.ys[c.r0]!];
  return boxes.some((b) => b.every((v, i) => Math.abs(v - e[i]!) <= 4));
}

const centre = (r: TextRun): [number, number] => [r.x + Math.min(r.w, r.size) / 2, r.y + r.size * 0.3];
function inFrame(r: TextRun, box: Box): boolean {
  const [cx, cy] = centre(r);
  return cx >= box[0] - 1 && cx <= box[2] + 1 && cy >= box[1] - 1 && cy <= box[3] + 1;
}
/** Index of the grid cell holding the run's first character, or -1 where no cell is. */
function cellAt(grid: Grid, r: TextRun): number {
  const { xs, ys } = grid;
  const [cx, cy] = centre(r);
  const c = xs.findIndex((x, i) => i < xs.length - 1 && cx >= x && cx < xs[i + 1]!);
  const row = ys.findIndex((y, i) => i < ys.length - 1 && cy <= y && cy > ys[i + 1]!);
  const col = c < 0 ? (cx < xs[0]! ? 0 : xs.length - 2) : c;
  const rr = row < 0 ? (cy > ys[0]! ? 0 : ys.length - 2) : row;
  return grid.cells.findIndex((g) => rr >= g.r0 && rr <= g.r1 && col >= g.c0 && col <= g.c1);
}

function tableBlock(page: number, grid: Grid, box: Box, runs: TextRun[], v: Rule[]): TableBlock {
  const { xs, ys } = grid;
  // Only a rule drawn beside the run cuts it: not one that another row (or a table drawn
  // against this one) has at that x.
  const pieces = runs.flatMap((r) => {
    const y = r.y + r.size * 0.3;
    return splitRun(
      r,
      v.filter((x) => x.from - TOL <= y && x.to + TOL >= y).map((x) => x.at),
    );
  });
  const byCell = new Map<number, TextRun[]>();
  for (const r of pieces) {
    const k = cellAt(grid, r);
    if (k < 0) continue;
    // Text far taller than the cell it starts in is drawn across the table (a watermark), not
    // in the cell: a cell's own text fits between its rules.
    const g = grid.cells[k]!;
    if (r.size > (ys[g.r0]! - ys[g.r1 + 1]!) * 1.5) continue;
    byCell.set(k, [...(byCell.get(k) ?? []), r]);
  }
  const cells: GridCell[] = grid.cells.map(({ part, ...g }, k) => {
    const rs = byCell.get(k) ?? [];
    // Word and WPS justify short labels with spaces (商 业 企 / 业): not part of the label.
    const text = joinCellLines(toLines(rs).map((l) => lineText(l))).replace(
      /(?<=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])\s+(?=[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef])/g,
      '',
    );
    const cellBox: Box = [xs[g.c0]!, ys[g.r1 + 1]!, xs[g.c1 + 1]!, ys[g.r0]!];
    return { ...g, text, box: cellBox, page, ...(!text.trim() && (g.r1 > g.r0 || part) ? { void: true } : {}) };
  });
  return { kind: 'table', page, box, xs, rows: ys.length - 1, cells, top: box[3], bottom: box[1], endPage: page };
}

function textBlocks(p: PageInput, runs: TextRun[]): TextBlock[] {
  const { lines, order } = valuesAfterOwnLabel(toLines(runs));
  // Values in a column of numbers are no page number and no running header (see inNumberColumn).
  const values = new Set(lines.filter((l) => inNumberColumn(l, lines)));
  const kept = lines.filter((l) => {
    const t = lineText(l).replace(/\s+/g, ' ').trim();
    const margin = l.y < p.height * 0.1 || l.y > p.height * 0.9;
    return !(margin && PAGE_NUMBER.test(t) && !values.has(l));
  });
  if (!kept.length) return [];
  // Paragraphs: a line continues the one above when it starts at the left margin, the one above
  // ran to the right margin, the font is the same and the gap is a normal line gap.
  const left = Math.min(...kept.map((l) => l.x0));
  // The right margin: the longest line, but no further in than the left margin mirrored (a page
  // with a few short lines has no line that reaches the margin).
  const right = Math.max(...kept.map((l) => l.x1), p.width - left - kept[0]!.size);
  const out: TextBlock[] = [];
  let cur: { lines: Line[] } | null = null;
  const flush = () => {
    if (!cur) return;
    const text = cur.lines
      .map((l) => lineText(l, 1.5))
      .reduce((a, b) => (a && /[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b), '');
    const first = cur.lines[0]!;
    const last = cur.lines[cur.lines.length - 1]!;
    out.push({
      kind: 'text',
      page: p.page,
      box: boxOf(cur.lines.flatMap((l) => l.runs)),
      text,
      size: first.size,
      indented: first.x0 - left >= first.size * 0.8,
      open: right - last.x1 < last.size * 1.5 && cur.lines.length > 1,
      margin: cur.lines.length === 1 && !values.has(first) && (first.y < p.height * 0.08 || first.y > p.height * 0.92),
      ...(order.has(first) ? { order: order.get(first)! } : {}),
    });
    cur = null;
  };
  let prev: Line | null = null;
  for (const l of kept) {
    // A line with wide gaps is a row of an unruled table: never part of a paragraph.
    const cont =
      prev &&
      !/ {2}/.test(lineText(l, 1.5)) &&
      !/ {2}/.test(lineText(prev, 1.5)) &&
      cur &&
      l.x0 - left < l.size * 0.8 &&
      right - prev.x1 < prev.size * 1.5 &&
      Math.abs(l.size - prev.size) < 0.6 &&
      prev.y - l.y < prev.size * 2.2;
    if (!cont) {
      flush();
      cur = { lines: [] };
    }
    cur!.lines.push(l);
    prev = l;
  }
  flush();
  return out;
}

// ---------------------------------------------------------------- across pages

const numeric = (s: string) => /^[\s\d０-９.,，．%+\-－—/／]*$/.test(s);

/**
 * A table that goes on at the top of the next page, with the same columns, is one table: its
 * parts are stacked, and a row-spanning label cut by the page break (（四）无 / 法提供, or the
 * empty rest of 三、本年度办理结果) becomes one cell again. Only cells that span several rows
 * on at least one side and hold no number are joined; an ordinary row cut in two is left as two
 * rows (its label is then incomplete and the row goes unread, never misread).
 */
export function joinPages(input: Block[][]): Block[] {
  // Running headers and footers: the same margin line (numbers aside) on two pages or more.
  const key = (b: TextBlock) => b.text.replace(/\d+/g, '#').replace(/\s+/g, '');
  const seen = new Map<string, Set<number>>();
  for (const b of input.flat())
    if (b.kind === 'text' && b.margin) seen.set(key(b), (seen.get(key(b)) ?? new Set()).add(b.page));
  const pages = input.map((blocks) =>
    blocks.filter((b) => !(b.kind === 'text' && b.margin && seen.get(key(b))!.size >= 2)),
  );
  const out: Block[] = [];
  for (const blocks of pages) {
    blocks.forEach((b, i) => {
      const prev = out[out.length - 1];
      // The previous block is the last one of the page before (its footer was dropped).
      const stacked =
        i === 0 &&
        b.kind === 'table' &&
        prev?.kind === 'table' &&
        prev.endPage === b.page - 1 &&
        sameColumns(prev.xs, b.xs)
          ? stack(prev, b)
          : null;
      if (stacked) {
        out[out.length - 1] = stacked;
      } else if (
        i === 0 &&
        b.kind === 'text' &&
        prev?.kind === 'text' &&
        prev.page === b.page - 1 &&
        prev.open &&
        !b.indented &&
        Math.abs(prev.size - b.size) < 0.6
      ) {
        // A paragraph that runs on over the page break.
        out[out.length - 1] = { ...prev, text: prev.text + b.text };
      } else out.push(b);
    });
  }
  return out;
}

/**
 * The same table when one part's column rules are a subset of the other's: a part may lack a
 * boundary that only some rows draw (a group label's column), or a whole column whose only cell
 * started on an earlier page (browsers draw no box for the rest of a row-spanning cell). At
 * least three rules must agree, and the right edges.
 */
function sameColumns(a: number[], b: number[]): boolean {
  const near = (x: number, xs: number[]) => xs.some((y) => Math.abs(x - y) <= TOL * 1.5);
  if (Math.abs(a[a.length - 1]! - b[b.length - 1]!) > TOL * 1.5 || Math.min(a.length, b.length) < 3) return false;
  return a.every((x) => near(x, b)) || b.every((x) => near(x, a));
}

/** A row label's numbering: 一、 （三） 1. 2、 — the start of a row, never the rest of one. */
const NUMBERED = /^\s*(?:[（(][一二三四五六七八九十]+[）)]|[一二三四五六七八九十]+[、.．]|\d+\s*[.、．])/;

/** How many of the given column rules lie strictly inside the cell (0: one column). */
const spanIn = (c: GridCell, xs: number[]) => xs.filter((x) => x > c.box[0] + TOL && x < c.box[2] - TOL).length;

/**
 * The header rows a table repeats at the top of each page (Word's and WPS's 标题行重复, a
 * browser's <thead>): the continuation's first rows, when they hold the same texts as the
 * table's first rows and a label among them, are dropped.
 */
export function dropRepeatedHeader(a: TableBlock, b: TableBlock): TableBlock {
  const texts = (t: TableBlock, r: number) =>
    t.cells
      .filter((c) => c.r0 === r)
      .sort((p, q) => p.c0 - q.c0)
      .map((c) => c.text.replace(/\s+/g, ''));
  // A header's row numbering its columns (1 2 3 … 7 under an empty label cell, as statistical
  // forms print one): repeated too, after a label row. Left in, it was joined to a row the page
  // break cut and published as its values (a fresh tester's t66).
  const counting = (xs: string[]) => {
    const ns = xs.filter((x) => x);
    return (
      ns.length >= 5 && ns.every((x, j) => /^\d+$/.test(x) && Number(x) === Number(ns[0]) + j) && Number(ns[0]) <= 1
    );
  };
  let k = 0;
  while (k < a.rows && k < b.rows - 1) {
    const ta = texts(a, k);
    const tb = texts(b, k);
    if (!(tb.some((x) => x && !numeric(x)) || (k > 0 && counting(tb))) || ta.join('|') !== tb.join('|')) break;
    k++;
  }
  // A cell from the repeated rows reaching into the body: not a plain header; keep all.
  if (k === 0 || b.cells.some((c) => c.r0 < k && c.r1 >= k)) return b;
  const cells = b.cells.filter((c) => c.r0 >= k).map((c) => ({ ...c, r0: c.r0 - k, r1: c.r1 - k }));
  return { ...b, rows: b.rows - k, cells };
}

function stack(a: TableBlock, b: TableBlock): TableBlock | null {
  b = dropRepeatedHeader(a, b);
  // One column grid for both parts; each cell's span re-found from its box.
  const xs = dropSlivers(cluster([...a.xs, ...b.xs]), 4);
  const col = (x: number) => xs.reduce((best, y, i) => (Math.abs(y - x) < Math.abs(xs[best]! - x) ? i : best), 0);
  const regrid = (c: GridCell): GridCell => ({
    ...c,
    c0: col(c.box[0]),
    c1: Math.max(col(c.box[0]), col(c.box[2]) - 1),
  });
  const aCells = a.cells.map(regrid);
  const bCells = b.cells.map(regrid);
  // A number whose cell would now cover more columns would stand for more positions: the parts
  // do not share their columns after all.
  const widened = (part: TableBlock) =>
    part.cells.some((c) => c.text.trim() !== '' && numeric(c.text) && spanIn(c, xs) > spanIn(c, part.xs));
  if (widened(a) || widened(b)) return null;
  const cells = [...aCells];
  const last = aCells.filter((c) => c.r1 === a.rows - 1);
  const first = bCells.filter((c) => c.r0 === 0);
  const filled = (c: GridCell) => c.text.trim() !== '';
  // A number, or a number with a short unit or note (0件, 12*): a value, never a label's rest.
  const isNum = (c: GridCell) =>
    filled(c) && (numeric(c.text) || (/^\s*\d[\d.,]*\s*\S{0,3}$/.test(c.text) && !NUMBERED.test(c.text)));
  const overlaps = (p: GridCell, q: GridCell) => p.c0 <= q.c1 && q.c0 <= p.c1;
  // One row cut by the page break: no column holds text on both sides with a number on either
  // (two numbers are two rows; a header's label over a number is a header row and a data row),
  // and the lower part starts no new numbered row. Then cells with the same columns are one cell.
  // Nor numbers on both sides in any columns: a cut row's cells are aligned alike, so its numbers
  // stand all above the break or all below it; numbers on both are two rows, the lower one's label
  // not read (a narrow group cell's characters interleaved with it, a row drawn a column off: a
  // fresh tester's t95, the next row's values filled the last row's blank cells).
  const rowCut =
    !first.some((q) => filled(q) && NUMBERED.test(q.text)) &&
    !(last.some(isNum) && first.some(isNum)) &&
    !last.some((p) => filled(p) && first.some((q) => filled(q) && (isNum(p) || isNum(q)) && overlaps(p, q)));
  const joined = new Set<GridCell>();
  for (const cb of bCells) {
    const shifted: GridCell = { ...cb, r0: cb.r0 + a.rows, r1: cb.r1 + a.rows };
    if (cb.r0 === 0) {
      const ca = last.find((c) => c.c0 === cb.c0 && c.c1 === cb.c1);
      // A label spanning rows cut by the break (（四）无 / 法提供; the empty rest of a vertical
      // label) is one cell whatever the rows beside it hold.
      const spans = ca && (ca.r1 > ca.r0 || cb.r1 > cb.r0) && !NUMBERED.test(cb.text);
      const clash = filled(ca ?? cb) && filled(cb) && (isNum(ca ?? cb) || isNum(cb));
      if (ca && (spans || rowCut) && !joined.has(ca) && !clash) {
        const k = cells.indexOf(ca);
        cells[k] = { ...ca, r1: shifted.r1, text: ca.text + cb.text };
        joined.add(ca);
        continue;
      }
    }
    cells.push(shifted);
  }
  return { ...a, xs, rows: a.rows + b.rows, cells, bottom: b.bottom, endPage: b.page };
}
