import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { makeLine, spansAsOne, type Line, type LineCell } from './lines.ts';
import { normalizeLine } from './normalize.ts';
import {
  BLOCK,
  BLOCK_BOX,
  DROP,
  INK_HIDDEN,
  INK_UNSURE,
  NO_BOX,
  RAISED,
  sheetOf,
  shown,
  collapsesColumn,
  UNSURE,
  UNSURE_MARK,
  OBJECT_MARK,
  type Sheet,
} from './shown.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * HTML → lines. Parsed with parse5 (the WHATWG parser, with source positions) so that every
 * line and every table cell keeps the line it came from. Scripts, styles and page chrome
 * (nav, header, footer, forms) are dropped; each table row becomes one line whose cells are
 * exact, with colspan expanded and rowspan-covered positions left out.
 *
 * Text the page does not show (hidden, or struck through) is left out, text it may not show is
 * marked, and the boxes of block elements keep their text apart — see shown.ts.
 */

/** Elements whose text is never report text (also used by the synthetic DOCX writer). */
export const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'nav',
  'header',
  'footer',
  'aside',
  'iframe',
  'form',
  'button',
  'select',
  // A form field's text (its value, not the page's), and ruby's annotation over the base text
  // (<rt>, the pronunciation, and the <rp> parentheses shown without ruby support).
  'textarea',
  'rt',
  'rp',
  'svg',
  'head',
  'object',
  // Never drawn by a browser that has frames, embeds and media (every browser now): their
  // fallback text, and a datalist's options (suggestions of an input, not page text).
  'noframes',
  'noembed',
  'audio',
  'datalist',
]);
export { BLOCK };

export function htmlToLines(html: string): Line[] {
  const doc = parse(html, { sourceCodeLocationInfo: true });
  return linesOf(doc, sheetOf(doc, html), false);
}

/** The lines of `root`'s content; `inUnsure`: inside an element that may be hidden. */
function linesOf(root: Node, sheet: Sheet | null, inUnsure: boolean): Line[] {
  const out: Line[] = [];
  let buf = '';
  let bufLine = 0;
  // The role of the block being read (<title>, <h1>), and whether the buffer's text came from
  // inside links only (see Line.role).
  let role: Line['role'] | undefined;
  let linkDepth = 0;
  let linkText = false;
  let plainText = false;
  // Inside how many elements that may be hidden: their every line and table is marked.
  let unsure = inUnsure ? 1 : 0;

  const flush = () => {
    const t = buf.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (t) {
      const line = makeLine(bufLine || 1, unsure > 0 && !t.startsWith(UNSURE_MARK) ? UNSURE_MARK + t : t);
      const r = role ?? (linkText && !plainText ? 'link' : undefined);
      out.push(r ? { ...line, role: r } : line);
    }
    buf = '';
    bufLine = 0;
    linkText = plainText = false;
  };

  const walk = (node: Node): void => {
    if (node.nodeName === '#text') {
      const value = (node as DefaultTreeAdapterMap['textNode']).value;
      if (value.trim()) {
        if (!bufLine) bufLine = node.sourceCodeLocation?.startLine ?? 1;
        if (linkDepth > 0) linkText = true;
        else plainText = true;
      }
      buf += value;
      return;
    }
    if (!('tagName' in node)) {
      if ('childNodes' in node) for (const c of node.childNodes) walk(c);
      return;
    }
    const el = node;
    const tag = el.tagName;
    // A ruby annotation holding a digit over a number (<ruby>47<rt>9</rt></ruby>): a note, or a
    // digit of it? Not shown which (a fresh tester's t32): marked, so that the number is no number
    // (here and in visitText, a cell's text).
    if (tag === 'rt' && hasDigit(el)) {
      buf += UNSURE_MARK;
      return;
    }
    if ((SKIP.has(tag) && tag !== 'head') || (noteReference(el) && afterWords(buf))) return;
    if (tag === 'head') {
      const title = el.childNodes.find((c) => 'tagName' in c && c.tagName === 'title');
      if (title) walk(title);
      return;
    }
    if (tag === 'br') {
      flush();
      return;
    }
    const f = shown(el, sheet);
    if (f & DROP) return;
    // Preformatted text (`pdftotext -layout -htmlmeta`, a plain-text report put in a page) keeps
    // its spaces and line breaks: a table laid out by spaces read with them collapsed loses its
    // columns (a fresh tester's t105: 三 lost, the same text as .txt read whole).
    if (tag === 'pre' && !(f & UNSURE) && unsure === 0) {
      flush();
      const text: string[] = [];
      preText(el, text, sheet);
      // (The parser drops the line break right after <pre>: the first text's own line numbers them.)
      const firstText = firstTextNode(el);
      const first = firstText?.sourceCodeLocation?.startLine ?? el.sourceCodeLocation?.startLine ?? 1;
      text
        .join('')
        .split(/\r\n|\r|\n/)
        .forEach((raw, k) => out.push(makeLine(first + k, raw.replace(/\s+$/, ''))));
      return;
    }
    if (tag === 'table') {
      flush();
      const unsureTable = unsure > 0 || (f & UNSURE) !== 0;
      tableToLines(el, out, sheet, unsureTable, (cell, unsureCell) => linesOf(cell, sheet, unsureCell));
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    // A box made by a style (span{display:block}) keeps its text apart, on the same line.
    else if (f & BLOCK_BOX) buf += ' ';
    if (f & UNSURE) {
      unsure++;
      if (!block) buf += UNSURE_MARK;
    }
    const outer = role;
    if (tag === 'title') role = 'page-title';
    else if (tag === 'h1') role = 'heading';
    const link = tag === 'a' && el.attrs.some((a) => a.name === 'href');
    if (link) linkDepth++;
    const closed = isClosedDetails(el);
    for (const c of el.childNodes)
      if (!closed || isSummary(c)) {
        // Text drawn so that no reader sees it (white on white, 1px): left out; maybe: marked.
        if (c.nodeName === '#text' && f & (INK_HIDDEN | INK_UNSURE)) {
          if (f & INK_HIDDEN) continue;
          buf += UNSURE_MARK;
        }
        walk(c);
      }
    if (link) linkDepth--;
    if (block) flush();
    else if (f & BLOCK_BOX) buf += ' ';
    if (f & UNSURE) unsure--;
    role = outer;
  };

  walk(root);
  flush();
  return out;
}

function firstTextNode(node: Node): DefaultTreeAdapterMap['textNode'] | null {
  if (node.nodeName === '#text') return node as DefaultTreeAdapterMap['textNode'];
  if ('childNodes' in node)
    for (const c of node.childNodes) {
      const t = firstTextNode(c);
      if (t) return t;
    }
  return null;
}

/** The text of a <pre> as written: its text nodes, a <br> as a line break; scripts, styles and hidden elements left out. */
function preText(node: Node, out: string[], sheet: Sheet | null): void {
  if (node.nodeName === '#text') {
    out.push((node as DefaultTreeAdapterMap['textNode']).value);
    return;
  }
  if ('tagName' in node) {
    if (node.tagName === 'br') return void out.push('\n');
    // Hidden inside the block (display:none, hidden): left out, as elsewhere; one that may be
    // hidden marks its text, which is then no number.
    if (SKIP.has(node.tagName)) return;
    const f = shown(node, sheet);
    if (f & DROP) return;
    if (f & UNSURE) out.push(UNSURE_MARK);
  }
  if ('childNodes' in node) for (const c of node.childNodes) preText(c, out, sheet);
}

/** A link to a footnote or endnote in the page (Word's #_ftn1 / #_edn1, #fn1, #footnote-1…). */
/**
 * An element whose text the reader keeps apart as a mark (^): <sup>, <sub>, text a style raises
 * off the baseline (`f`: its shown.ts flags), a link to an in-page footnote.
 */
export function isMark(el: Element, f: number): boolean {
  return el.tagName === 'sup' || el.tagName === 'sub' || (f & RAISED) !== 0 || (el.tagName === 'a' && isNoteLink(el));
}

function isNoteLink(el: Element): boolean {
  const href = el.attrs.find((a) => a.name === 'href')?.value.trim() ?? '';
  return /^#(?:_?ftn|_?edn|fn|en|footnote|endnote|note)(?:ref)?[-_:]?\w*\d/i.test(href);
}

/** A <details> without `open` shows only its <summary>. */
function isClosedDetails(el: Element): boolean {
  return el.tagName === 'details' && !el.attrs.some(isOpen);
}
const isOpen = (a: { name: string }) => a.name === 'open';
const isSummary = (n: Node) => 'tagName' in n && n.tagName === 'summary';

function cellText(el: Element, sheet: Sheet | null): string {
  const parts: string[] = [];
  visitText(el, parts, sheet);
  const text = parts
    .join('')
    .replace(/[ \t\r\n\f\u00a0]+/g, ' ')
    .trim();
  // A label's cell (a bullet image before （一）予以公开) is no number with or without the
  // image: the mark is left out there, so that the label is still found.
  return text.includes(OBJECT_MARK) && labelLike(text) ? text.replaceAll(OBJECT_MARK, '').trim() : text;
}

/** Characters a number cell may hold beside its digits: units (件, 万元…). */
const UNIT_CHARS = new Set('件个条项次元万千百十亿');

/** Whether a cell's text holds two or more ideographs that are no unit: a label, never a number. */
function labelLike(text: string): boolean {
  let n = 0;
  for (const c of text) if (c >= '\u4e00' && c <= '\u9fff' && !UNIT_CHARS.has(c) && ++n >= 2) return true;
  return false;
}

// Module-level, not a closure per cell: the TypeScript loader names every closure it creates
// (Object.defineProperty), which for a few hundred cells per file showed in the profile.
function visitText(n: Node, s: string[], sheet: Sheet | null): void {
  if (n.nodeName === '#text') {
    s.push((n as DefaultTreeAdapterMap['textNode']).value);
    return;
  }
  if (!('tagName' in n)) {
    if ('childNodes' in n) for (const c of n.childNodes) visitText(c, s, sheet);
    return;
  }
  const tag = n.tagName;
  if (tag === 'br') {
    s.push(' ');
    return;
  }
  // A script that writes into the page where it stands (document.write) shows text this reader
  // does not run: 2<script>document.write("1")</script> shows 21, never the 2 alone (a fresh
  // tester's t25). Other scripts show nothing here.
  if (tag === 'script' && writesHere(n)) {
    s.push(OBJECT_MARK);
    return;
  }
  // A ruby annotation with a digit (walk's rule).
  if (tag === 'rt' && hasDigit(n)) {
    s.push(UNSURE_MARK);
    return;
  }
  if ((SKIP.has(tag) && !SHOWN_UNREAD.has(tag)) || (noteReference(n) && afterWords(s.join('').replace(/[\s^]+$/, ''))))
    return;
  const f = shown(n, sheet);
  if (f & DROP) return;
  // An image, an embedded object, a form control or an equation with structure in a cell: what
  // it shows is not read as text, so the cell is never a number (<img alt="2">20 is not 20).
  if (SHOWN_UNREAD.has(tag) || (tag === 'math' && !plainMath(n))) {
    if (!(tag === 'input' && /^hidden$/i.test(attrOf(n, 'type') ?? ''))) s.push(OBJECT_MARK);
    return;
  }
  // The box of a block element (<p>3</p><p>1</p>) separates its text as a line break does:
  // "3 1" is two values in one cell, never 31.
  if (f & BLOCK_BOX) s.push(' ');
  if (f & UNSURE || rtlOverride(n)) s.push(UNSURE_MARK);
  // A footnote mark (166<sup>1</sup>) is no digit of the number: kept apart, the cell is then
  // text that is no number (unreadable), never 1661. The same for text a style raises off the
  // baseline (shown.ts RAISED) and for a link to an in-page footnote (36<a href="#fn1">1</a>).
  if (isMark(n, f) && s[s.length - 1] !== '^') s.push('^');
  const closed = isClosedDetails(n);
  for (const c of n.childNodes)
    if (!closed || isSummary(c)) {
      // Its own text drawn so that no reader sees it (white on white, 1px): left out, never a
      // digit of the number beside it; maybe seen: marked, the cell is no number.
      if (c.nodeName === '#text' && f & (INK_HIDDEN | INK_UNSURE)) {
        if (f & INK_HIDDEN) continue;
        s.push(UNSURE_MARK);
      }
      visitText(c, s, sheet);
    }
  if (f & BLOCK_BOX) s.push(' ');
}

/**
 * A right-to-left override (<bdo dir="rtl">, or an inline style's unicode-bidi: bidi-override or
 * isolate-override): the browser draws its digits reversed (1234 as 4321), so its text is not the
 * number shown, and the cell is none (UNSURE_MARK). An override a style sheet's rule sets is not
 * seen here.
 */
function rtlOverride(n: Element): boolean {
  if (n.tagName === 'bdo') return /^\s*rtl\s*$/i.test(attrOf(n, 'dir') ?? '');
  const style = attrOf(n, 'style');
  return style !== null && /(?:bidi|isolate)-override/i.test(style);
}

/**
 * Elements that show something in a cell (when not hidden) whose text the reader does not read:
 * replaced content (images, embedded objects, canvases, frames, media) and form controls.
 */
const SHOWN_UNREAD = new Set([
  'img',
  'svg',
  'object',
  'embed',
  'canvas',
  'iframe',
  'video',
  'input',
  'button',
  'select',
  'textarea',
]);
/** MathML tokens read as text (a row of numbers, names and operators: <math><mn>1</mn></math>). */
const MATH_TOKENS = new Set(['math', 'mrow', 'mn', 'mi', 'mo', 'mtext', 'mstyle']);

/** Whether an equation is a plain row of tokens: no fraction, script, root, table or annotation. */
function plainMath(el: Element): boolean {
  if (!MATH_TOKENS.has(el.tagName)) return false;
  for (const c of el.childNodes) if ('tagName' in c && !plainMath(c)) return false;
  return true;
}

/** Whether a script writes into the document where it stands (document.write, writeln). */
function writesHere(el: Element): boolean {
  return el.childNodes.some(
    (c) => c.nodeName === '#text' && /\bdocument\s*\.\s*write(?:ln)?\s*\(/.test((c as { value: string }).value),
  );
}

function attrOf(el: Element, name: string): string | null {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return null;
}

/**
 * The rows a table shows, in the order the browser draws them: the first header group
 * (<thead>) first and the first footer group (<tfoot>) last wherever they stand in the source
 * (HTML 4 wrote <tfoot> before <tbody>; CSS 2.1 17.2), the other rows and groups in source order.
 * A hidden row (or row group) is left out as the browser leaves it out. `unsure` when a row, row
 * group or cell may be hidden: the browser may then draw the other cells in other columns than
 * the source's order, so no cell of the table is sure.
 */
function rowsOf(table: Element, sheet: Sheet | null, rows: Element[]): boolean {
  let unsure = false;
  const shownParts: Element[] = [];
  for (const c of table.childNodes) {
    if (!('tagName' in c)) continue;
    // A column collapsed by its <col> or <colgroup>: which cells the browser draws is not read.
    if (c.tagName === 'colgroup')
      unsure ||=
        collapsesColumn(c, sheet) ||
        c.childNodes.some((col) => 'tagName' in col && col.tagName === 'col' && collapsesColumn(col, sheet));
    if (c.tagName !== 'tr' && c.tagName !== 'thead' && c.tagName !== 'tbody' && c.tagName !== 'tfoot') continue;
    const f = shown(c, sheet);
    if (f & DROP) continue;
    if (f & UNSURE) unsure = true;
    shownParts.push(c);
  }
  const head = shownParts.find((c) => c.tagName === 'thead');
  const foot = shownParts.find((c) => c.tagName === 'tfoot');
  const ordered = [
    ...(head ? [head] : []),
    ...shownParts.filter((c) => c !== head && c !== foot),
    ...(foot ? [foot] : []),
  ];
  for (const c of ordered) {
    if (c.tagName === 'tr') {
      rows.push(c);
      continue;
    }
    for (const tr of c.childNodes) {
      if (!('tagName' in tr) || tr.tagName !== 'tr') continue;
      const f = shown(tr, sheet);
      if (f & DROP) continue;
      if (f & UNSURE) unsure = true;
      rows.push(tr);
    }
  }
  return unsure;
}

/** Whether `el` holds a table inside it. */
function holdsTable(el: Element): boolean {
  for (const c of el.childNodes) if ('tagName' in c && (c.tagName === 'table' || holdsTable(c))) return true;
  return false;
}

/**
 * Whether `el` holds a page without tables: a heading (h1–h6) or PAGE_BLOCKS paragraphs or more,
 * and PAGE_CHARS characters of text — a report without statistics tables (before 2019) in one
 * cell of a layout table, a menu beside it. Read as one row of a data table, the report was one
 * line, and its stale <title> gave the year (synthetic seed 2026: 2014 for 2015, 3 reports).
 */
function holdsPage(el: Element, sheet: Sheet | null): boolean {
  let blocks = 0;
  let heading = false;
  const walk = (e: Element) => {
    for (const c of e.childNodes) {
      if (!('tagName' in c) || SKIP.has(c.tagName)) continue;
      if (/^h[1-6]$/.test(c.tagName)) heading = true;
      else if (c.tagName === 'p' || c.tagName === 'div' || c.tagName === 'li') blocks++;
      walk(c);
    }
  };
  walk(el);
  // (A cell of short headings or paragraphs, <h4>3</h4><h4>1</h4>, is a data cell.)
  return (heading || blocks >= PAGE_BLOCKS) && cellText(el, sheet).length >= PAGE_CHARS;
}
const PAGE_BLOCKS = 3;
const PAGE_CHARS = 200;

/** Whether `el` has text of its own outside the tables inside it (a page's headings, paragraphs). */
function textBesideTables(el: Element): boolean {
  for (const c of el.childNodes) {
    if (c.nodeName === '#text') {
      if ((c as DefaultTreeAdapterMap['textNode']).value.trim()) return true;
    } else if ('tagName' in c && c.tagName !== 'table' && !SKIP.has(c.tagName) && textBesideTables(c)) return true;
  }
  return false;
}

/**
 * A row that lays out the page rather than holding data: a cell of it holds a table, and the
 * row's other cells are empty, or hold no number while the table's cell holds a page (text beside
 * its tables: the report in one cell, a menu beside it). A row whose label stands beside a cell
 * holding only a table (（一）予以公开 | <table>1 2</table>) is data: read as a page, the inner
 * table's numbers would stand apart from the label they are the values of, as a row of their own.
 */
function laysOut(tr: Element, sheet: Sheet | null): boolean {
  const cells = tr.childNodes.filter(
    (td): td is Element =>
      'tagName' in td && (td.tagName === 'td' || td.tagName === 'th') && !(shown(td, sheet) & DROP),
  );
  const holders = cells.filter((td) => holdsTable(td) || holdsPage(td, sheet));
  if (!holders.length) return false;
  const others = cells.filter((td) => !holders.includes(td)).map((td) => cellText(td, sheet));
  if (others.every((t) => !t)) return true;
  return holders.some(textBesideTables) && others.every((t) => !NUMBER_CELL.test(t));
}

/**
 * A cell that is a number (with its unit, marks and blanks): beside a table it is data. A menu's
 * text with digits in it (机构概况 政策文件 2019年年报, a fresh tester's t19) is not: read as
 * a data row, the report beside it was flattened into one cell and its numbers cut apart.
 */
const NUMBER_CELL = /^[\s\d,.，。、+\-−—–－/／()（）件个项万元%]*\d[\s\d,.，。、+\-−—–－/／()（）件个项万元%]*$/;

/**
 * A footnote's or an endnote's reference mark (mammoth's `<a href="#footnote-1">[1]</a>`, Word's
 * HTML `<a href="#_ftn1">[1]</a>`) right after words: none of them. After a row label it made the
 * label no label (一、本年新收政府信息公开申请数量[1]: a fresh tester's t95, 7 cells lost). Beside
 * a number, its unit too (36^1, ^10, 0件^1), it stays and marks the number (shown.ts: no number). The note itself, at
 * the document's end, is read as text.
 */
const afterWords = (before: string): boolean =>
  /[\u4e00-\u9fff\p{L}）)」”]\s*$/u.test(before) &&
  !/[\d０-９][\d０-９,.，．]*\s*(?:件|个|条|项|次|人次|万元|元)\s*$/.test(before);
function noteReference(el: Element): boolean {
  if (el.tagName !== 'a') return false;
  const href = el.attrs.find((a) => a.name === 'href')?.value ?? '';
  return /^#(?:footnote-|endnote-|_ftn|_edn)\w*$/i.test(href);
}

function tableToLines(
  table: Element,
  out: Line[],
  sheet: Sheet | null,
  unsureTable: boolean,
  contentLines: (cell: Element, unsure: boolean) => Line[],
): void {
  const tableId = table.sourceCodeLocation?.startOffset ?? out.length;
  const caption = table.childNodes.find((c) => 'tagName' in c && c.tagName === 'caption') as Element | undefined;
  if (caption) {
    const t = cellText(caption, sheet);
    if (t) out.push(makeLine(caption.sourceCodeLocation?.startLine ?? 1, unsureTable ? UNSURE_MARK + t : t));
  }
  const rows: Element[] = [];
  let unsure = rowsOf(table, sheet, rows) || unsureTable;
  // Columns still covered by a rowspan from a row above: column → rows left, and the raw text
  // of the number covering it ('' for an empty cell, null for a label, which leaves no cell below),
  // or the mark (`/`, `—`) that covers it.
  const covered = new Map<number, Covering>();
  // The blank positions an empty cell spanning rows leaves in the rows below (skipCovered).
  const blanks = new Set<LineCell>();
  const lines: Array<{ no: number; cells: LineCell[] } | { layout: Line[] }> = [];
  for (const tr of rows) {
    // A row that lays out the page (laysOut: a report inside a one-cell table, a menu beside
    // it): its cells are read as blocks of text, each inner table as a table of its own, never
    // flattened into one cell's text (marked when any part of the table may be hidden). The row
    // takes its place in the grid all the same, so a rowspan over it is counted down.
    if (laysOut(tr, sheet)) {
      for (const c of covered.values()) if (c.left > 0) c.left--;
      const layout: Line[] = [];
      for (const td of tr.childNodes)
        if ('tagName' in td && (td.tagName === 'td' || td.tagName === 'th') && !(shown(td, sheet) & DROP))
          layout.push(...contentLines(td, unsure));
      lines.push({ layout });
      continue;
    }
    const cells: LineCell[] = [];
    let col = 0;
    for (const td of tr.childNodes) {
      if (!('tagName' in td) || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
      // A cell with no box (display:none) takes no place in the browser's grid: the next cell is
      // drawn where it would have been. A cell drawn but not seen (visibility:hidden, opacity:0,
      // struck, white on white) keeps its place: its text is left out (cellText).
      const f = shown(td, sheet);
      if (f & NO_BOX) continue;
      if (f & UNSURE) unsure = true;
      col = skipCovered(covered, col, cells, tr.sourceCodeLocation?.startLine ?? 1, blanks);
      const colspan = span(td, 'colspan');
      const rowspan = span(td, 'rowspan');
      const raw = cellText(td, sheet);
      const no = td.sourceCodeLocation?.startLine ?? tr.sourceCodeLocation?.startLine ?? 1;
      // The cell's normalised text, as makeLine(no, raw).text, without a Line object per cell.
      const text = normalizeLine(raw).text;
      // A label spanning columns is one label; an empty or numeric cell spanning columns stands
      // for that many positions of the grid.
      const isLabel = colspan > 1 || rowspan > 1 ? spansAsOne(text) : false;
      // An empty cell merged over rows (Word's vMerge of two blank cells) is blank in each: the
      // rows below keep its position, or their values move one column left (a fresh tester's
      // t88: a table whose grid has one column more than the form, 0 published for 1).
      // So is a mark for none merged over rows (`/` over two rows, t88: 法律服务机构's position lost
      // in the row below, its 0 published under 其他).
      const number = rowspan > 1 && !isLabel ? (/\d/.test(text) ? raw : text.trim() === '' ? '' : null) : null;
      const mark = rowspan > 1 && !isLabel && number === null ? text.trim() : undefined;
      // Objects written out rather than spread: the same keys in the same order.
      const at = isLabel && colspan > 1 ? { col, span: colspan } : { col };
      cells.push(
        number ? { raw, text: text.trim(), no, spansRows: true, ...at } : { raw, text: text.trim(), no, ...at },
      );
      if (colspan > 1 && !isLabel) {
        const spanned = raw.trim() !== '';
        for (let k = 1; k < colspan; k++)
          cells.push(
            spanned
              ? { raw: '', text: '', no, covered: true, spanned, col: col + k }
              : { raw: '', text: '', no, covered: true, col: col + k },
          );
      }
      if (rowspan > 1)
        for (let k = 0; k < colspan; k++)
          covered.set(
            col + k,
            mark ? { left: rowspan - 1, number, mark, from: col } : { left: rowspan - 1, number, from: col },
          );
      col += colspan;
    }
    col = skipCovered(covered, col, cells, tr.sourceCodeLocation?.startLine ?? 1, blanks);
    // A row with no number (a header's) keeps its shape of before: no blank positions added.
    const row = cells.some((c) => /\d/.test(c.text)) ? cells : cells.filter((c) => !blanks.has(c));
    if (row.length === 0) continue;
    lines.push({ no: row[0]!.no, cells: row });
  }
  for (const line of lines) {
    if ('layout' in line) {
      out.push(...line.layout);
      continue;
    }
    const { no, cells } = line;
    // A table whose grid is not sure: every cell is marked, none is read as a number.
    if (unsure)
      for (const c of cells) {
        if (c.covered) continue;
        c.raw = UNSURE_MARK + c.raw;
        c.text = normalizeLine(c.raw).text.trim();
      }
    const rawRow = cells.map((c) => c.raw).join(' | ');
    out.push({ ...makeLine(no, rawRow, cells), grid: true, table: tableId });
  }
}

/** A rowspan's cell over the rows below: rows left, the number's raw text or '' (null: none), a mark's text. */
interface Covering {
  left: number;
  number: string | null;
  mark?: string;
  /** The grid column the cell starts at (a cell spanning columns covers several). */
  from: number;
}

/**
 * The first column at or after `col` that no rowspan from above still covers (counting those
 * down). A position covered by a number gets a cell of its own in `cells`, marked `above`: the
 * row keeps its width, and that cell is no number of this row's. A position covered by an empty
 * cell, or by a mark for none, gets an empty cell or that mark (added to `blanks`): the row keeps
 * its width there too.
 */
function skipCovered(
  covered: Map<number, Covering>,
  col: number,
  cells: LineCell[],
  no: number,
  blanks: Set<LineCell>,
): number {
  for (let c = covered.get(col); c && c.left > 0; c = covered.get(col)) {
    c.left--;
    if (c.number === '' || c.mark) {
      // Past the first column of a cell spanning columns: a covered position, as in its own row.
      const blank: LineCell =
        col !== c.from
          ? c.mark
            ? { raw: '', text: '', no, covered: true, spanned: true, col }
            : { raw: '', text: '', no, covered: true, col }
          : { raw: c.mark ?? '', text: c.mark ?? '', no, col };
      blanks.add(blank);
      cells.push(blank);
    } else if (c.number !== null)
      // Past the first column of a number spanning columns too: a covered position, as in its own
      // row (synthetic seed 144: a 0 over two grid columns and two rows, the row below read a
      // column off, its 其他 published as 总计).
      cells.push(
        col !== c.from
          ? { raw: '', text: '', no, covered: true, spanned: true, col }
          : { raw: c.number, text: '', no, covered: true, above: true, col },
      );
    col++;
  }
  return col;
}

/** A cell's colspan or rowspan, 1 to 100. */
function span(td: Element, name: string): number {
  // A loop, not attrs.find with a new closure for each of two calls per cell.
  let value: string | undefined;
  for (const a of td.attrs)
    if (a.name === name) {
      value = a.value;
      break;
    }
  // Most cells have no span: the same 1 that parseInt('1') gives, without it.
  if (value === undefined) return 1;
  return Math.max(1, Math.min(100, parseInt(value, 10) || 1));
}

/** Whether any text under `n` holds a digit. */
function hasDigit(n: Node): boolean {
  if (n.nodeName === '#text') return /[0-9０-９]/.test((n as DefaultTreeAdapterMap['textNode']).value);
  return 'childNodes' in n && n.childNodes.some(hasDigit);
}
