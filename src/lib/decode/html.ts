import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { makeLine, type Line, type LineCell } from './lines.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * HTML → lines. Parsed with parse5 (the WHATWG parser, with source positions) so that every
 * line and every table cell keeps the line it came from. Scripts, styles and page chrome
 * (nav, header, footer, forms) are dropped; each table row becomes one line whose cells are
 * exact, with colspan expanded and rowspan-covered positions left out.
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
  'svg',
  'head',
  'object',
]);
/** Elements that end a line of text. */
export const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'hr',
  'center',
  'body',
  'html',
  'title',
  'caption',
  'address',
  'figure',
  'figcaption',
]);

export function htmlToLines(html: string): Line[] {
  const doc = parse(html, { sourceCodeLocationInfo: true });
  const out: Line[] = [];
  let buf = '';
  let bufLine = 0;
  // The role of the block being read (<title>, <h1>), and whether the buffer's text came from
  // inside links only (see Line.role).
  let role: Line['role'] | undefined;
  let linkDepth = 0;
  let linkText = false;
  let plainText = false;

  const flush = () => {
    const t = buf.replace(/[ \t\r\n\f]+/g, ' ').trim();
    if (t) {
      const line = makeLine(bufLine || 1, t);
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
    if (SKIP.has(tag) && tag !== 'head') return;
    if (isHidden(el)) return;
    if (tag === 'head') {
      const title = el.childNodes.find((c) => 'tagName' in c && c.tagName === 'title');
      if (title) walk(title);
      return;
    }
    if (tag === 'br') {
      flush();
      return;
    }
    if (tag === 'table') {
      flush();
      tableToLines(el, out);
      return;
    }
    const block = BLOCK.has(tag);
    if (block) flush();
    const outer = role;
    if (tag === 'title') role = 'page-title';
    else if (tag === 'h1') role = 'heading';
    const link = tag === 'a' && el.attrs.some((a) => a.name === 'href');
    if (link) linkDepth++;
    const content = tag === 'template' ? [] : el.childNodes;
    for (const c of content) walk(c);
    if (link) linkDepth--;
    if (block) flush();
    role = outer;
  };

  walk(doc);
  flush();
  return out;
}

/** An element the page does not show (`hidden`, `display:none`, `visibility:hidden`): its text is no cell. */
function isHidden(el: Element): boolean {
  for (const a of el.attrs) {
    if (a.name === 'hidden') return true;
    if (a.name === 'style' && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(a.value)) return true;
  }
  return false;
}

function cellText(el: Element): string {
  const parts: string[] = [];
  visitText(el, parts);
  return parts
    .join('')
    .replace(/[ \t\r\n\f\u00a0]+/g, ' ')
    .trim();
}

// Module-level, not a closure per cell: the TypeScript loader names every closure it creates
// (Object.defineProperty), which for a few hundred cells per file showed in the profile.
function visitText(n: Node, s: string[]): void {
  if (n.nodeName === '#text') s.push((n as DefaultTreeAdapterMap['textNode']).value);
  else if ('tagName' in n && n.tagName === 'br') s.push(' ');
  else if ('tagName' in n && (SKIP.has(n.tagName) || isHidden(n))) return;
  else if ('tagName' in n && (n.tagName === 'sup' || n.tagName === 'sub')) {
    // A footnote mark (166<sup>1</sup>) is no digit of the number: kept apart, the cell is
    // then text that is no number (unreadable), never 1661.
    s.push('^');
    for (const c of n.childNodes) visitText(c, s);
  } else if ('childNodes' in n) for (const c of n.childNodes) visitText(c, s);
}

function rowsOf(table: Element): Element[] {
  const rows: Element[] = [];
  const visit = (el: Element) => {
    for (const c of el.childNodes) {
      if (!('tagName' in c)) continue;
      if (c.tagName === 'tr') rows.push(c);
      else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') visit(c);
    }
  };
  visit(table);
  return rows;
}

function tableToLines(table: Element, out: Line[]): void {
  const caption = table.childNodes.find((c) => 'tagName' in c && c.tagName === 'caption') as Element | undefined;
  if (caption) {
    const t = cellText(caption);
    if (t) out.push(makeLine(caption.sourceCodeLocation?.startLine ?? 1, t));
  }
  // Columns still covered by a rowspan from a row above: column → rows left.
  const covered = new Map<number, number>();
  for (const tr of rowsOf(table)) {
    const cells: LineCell[] = [];
    let col = 0;
    for (const td of tr.childNodes) {
      if (!('tagName' in td) || (td.tagName !== 'td' && td.tagName !== 'th')) continue;
      col = skipCovered(covered, col);
      const colspan = span(td, 'colspan');
      const rowspan = span(td, 'rowspan');
      const raw = cellText(td);
      const no = td.sourceCodeLocation?.startLine ?? tr.sourceCodeLocation?.startLine ?? 1;
      const line = makeLine(no, raw);
      cells.push({ raw, text: line.text.trim(), no });
      // A label spanning columns is one label; an empty or numeric cell spanning columns stands
      // for that many positions of the grid.
      const isLabel = /[\u4e00-\u9fff]/.test(line.text) && !/^\s*无\s*$/.test(line.text);
      const spanned = raw.trim() !== '';
      for (let k = 1; k < colspan; k++)
        if (!isLabel) cells.push({ raw: '', text: '', no, covered: true, ...(spanned ? { spanned } : {}) });
      for (let k = 0; k < colspan; k++) if (rowspan > 1) covered.set(col + k, rowspan - 1);
      col += colspan;
    }
    col = skipCovered(covered, col);
    if (cells.length === 0) continue;
    const no = cells[0]!.no;
    const rawRow = cells.map((c) => c.raw).join(' | ');
    out.push(makeLine(no, rawRow, cells));
  }
}

/** The first column at or after `col` that no rowspan from above still covers (counting those down). */
function skipCovered(covered: Map<number, number>, col: number): number {
  while ((covered.get(col) ?? 0) > 0) {
    covered.set(col, covered.get(col)! - 1);
    col++;
  }
  return col;
}

/** A cell's colspan or rowspan, 1 to 100. */
function span(td: Element, name: string): number {
  return Math.max(1, Math.min(100, parseInt(td.attrs.find((a) => a.name === name)?.value ?? '1', 10) || 1));
}
