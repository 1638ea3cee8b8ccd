import { BLOCK, SKIP } from '../decode/html.ts';
import { BLOCK_BOX, DROP, sheetOf, shown, UNSURE, UNSURE_MARK } from '../decode/shown.ts';
import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import type { Random } from './random.ts';

/**
 * A rendered HTML report → the documents agencies publish: PDF (printed by Chromium, with
 * varied page sizes, fonts, borders and page breaks inside tables) and DOCX (built with the
 * `docx` package, with real merged cells). For the synthetic corpus and the test fixtures; the
 * HTML keeps the truth, so the document's truth is the HTML's.
 */

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

export interface DocCell {
  text: string;
  rowspan: number;
  colspan: number;
}
export type DocBlock = { kind: 'p'; text: string } | { kind: 'table'; rows: DocCell[][] };

// The same elements the ingest skips and breaks lines at (decode/html.ts), and the same text
// left out, marked or kept apart (decode/shown.ts), so that a DOCX holds the text the HTML path
// would read.

/** Paragraphs and tables of an HTML page, in order (the page chrome left out). */
export function htmlBlocks(html: string): DocBlock[] {
  const doc = parse(html);
  const sheet = sheetOf(doc, html);
  const out: DocBlock[] = [];
  let buf = '';
  const flush = () => {
    const t = buf.replace(/\s+/g, ' ').trim();
    if (t) out.push({ kind: 'p', text: t });
    buf = '';
  };
  const text = (n: Node): string => {
    if (n.nodeName === '#text') return (n as DefaultTreeAdapterMap['textNode']).value;
    if ('tagName' in n && n.tagName === 'br') return '\n';
    if ('tagName' in n && SKIP.has(n.tagName)) return '';
    if (!('tagName' in n)) return 'childNodes' in n ? n.childNodes.map(text).join('') : '';
    const f = shown(n, sheet);
    if (f & DROP) return '';
    const inner = (f & UNSURE ? UNSURE_MARK : '') + n.childNodes.map(text).join('');
    // A block box inside a cell: a line of its own in the DOCX cell.
    return f & BLOCK_BOX ? `\n${inner}\n` : inner;
  };
  const walk = (n: Node): void => {
    if (n.nodeName === '#text') {
      buf += (n as DefaultTreeAdapterMap['textNode']).value;
      return;
    }
    if (!('tagName' in n)) {
      if ('childNodes' in n) n.childNodes.forEach(walk);
      return;
    }
    const el = n;
    if (SKIP.has(el.tagName)) return;
    if (el.tagName === 'br') return flush();
    const f = shown(el, sheet);
    if (f & DROP) return;
    if (el.tagName === 'table') {
      flush();
      const rows: DocCell[][] = [];
      const visit = (e: Element) => {
        for (const c of e.childNodes) {
          if (!('tagName' in c)) continue;
          if (c.tagName === 'tr') {
            rows.push(
              c.childNodes
                .filter(
                  (td): td is Element =>
                    'tagName' in td && (td.tagName === 'td' || td.tagName === 'th') && !(shown(td, sheet) & DROP),
                )
                .map((td) => {
                  const span = (name: string) =>
                    Math.max(1, parseInt(td.attrs.find((a) => a.name === name)?.value ?? '1', 10) || 1);
                  return {
                    text: text(td)
                      .replace(/[ \t\r\f]+/g, ' ')
                      .replace(/ *\n[\s]*/g, '\n')
                      .trim(),
                    rowspan: span('rowspan'),
                    colspan: span('colspan'),
                  };
                }),
            );
          } else if (['thead', 'tbody', 'tfoot'].includes(c.tagName)) visit(c);
        }
      };
      visit(el);
      out.push({ kind: 'table', rows });
      return;
    }
    const block = BLOCK.has(el.tagName);
    if (block) flush();
    else if (f & BLOCK_BOX) buf += ' ';
    if (f & UNSURE) buf += UNSURE_MARK;
    el.childNodes.forEach(walk);
    if (block) flush();
    else if (f & BLOCK_BOX) buf += ' ';
  };
  walk(doc);
  flush();
  return out;
}

/** DOCX bytes with real merged cells (w:gridSpan, w:vMerge). */
export async function blocksToDocx(blocks: DocBlock[]): Promise<Uint8Array> {
  const { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await import('docx');
  const para = (t: string) =>
    new Paragraph({ children: t.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })) });
  const children = blocks.map((b) =>
    b.kind === 'p'
      ? para(b.text)
      : new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: b.rows
            .filter((r) => r.length)
            .map(
              (r) =>
                new TableRow({
                  children: r.map(
                    (c) => new TableCell({ children: [para(c.text)], rowSpan: c.rowspan, columnSpan: c.colspan }),
                  ),
                }),
            ),
        }),
  );
  const doc = new Document({ creator: 'nianbao synth', sections: [{ children }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

export interface PrintStyle {
  page: 'A4' | 'A5' | 'Letter';
  font: string;
  fontPt: number;
  /** Shared rules (Word-like) or one box per cell (a browser's default `border=1`). */
  borders: 'collapse' | 'separate';
  borderPt: number;
  /** Force a page break before this row of the biggest table (null: only where the page ends). */
  breakRow: number | null;
}

export function pickPrintStyle(rng: Random): PrintStyle {
  return {
    page: rng.pick(['A4', 'A4', 'A5', 'Letter'] as const),
    font: rng.pick(['Noto Sans CJK SC', 'Noto Serif CJK SC', 'Noto Sans Mono CJK SC']),
    fontPt: rng.pick([9, 10.5, 12, 14]),
    borders: rng.pick(['collapse', 'separate'] as const),
    borderPt: rng.pick([0.5, 0.75, 1, 1.5]),
    breakRow: rng.chance(0.5) ? rng.int(3, 20) : null,
  };
}

/** The HTML with print CSS for a style (page size, font, borders, a page break inside a table). */
export function printable(html: string, s: PrintStyle): string {
  const css = `<style>
@page { size: ${s.page}; margin: 18mm 15mm; }
body { font-family: '${s.font}', sans-serif; font-size: ${s.fontPt}pt; }
table { border-collapse: ${s.borders}; ${s.borders === 'separate' ? 'border-spacing: 2px;' : ''} }
td, th { border: ${s.borderPt}pt solid #000; padding: 2pt 4pt; }
${s.breakRow !== null ? `table:has(tr:nth-child(${s.breakRow + 8})) tr:nth-child(${s.breakRow}) { break-before: page; }` : ''}
</style>`;
  return /<\/head>/i.test(html) ? html.replace(/<\/head>/i, `${css}</head>`) : css + html;
}

/** Prints HTML to PDF in a Chromium page (playwright-core). */
export async function printPdf(
  page: { setContent(html: string): Promise<unknown>; pdf(o: object): Promise<Uint8Array> },
  html: string,
  s: PrintStyle,
): Promise<Uint8Array> {
  await page.setContent(printable(html, s));
  return new Uint8Array(await page.pdf({ format: s.page, printBackground: false, preferCSSPageSize: true }));
}
