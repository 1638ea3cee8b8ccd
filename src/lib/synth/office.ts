import { BLOCK, isMark, SKIP } from '../decode/html.ts';
import { BLOCK_BOX, DROP, INK_HIDDEN, INK_UNSURE, sheetOf, shown, UNSURE, UNSURE_MARK } from '../decode/shown.ts';
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
  /**
   * The cell's text in pieces, when the page does not show some of it (hidden or struck) or sets
   * some off the baseline as a mark (<sup>, a raising style, a footnote link): for writers that
   * can say so in the document's own formatting (RTF). `text` is what the HTML reader reads of it
   * without the dropped pieces; a writer that cannot say so writes `text`.
   */
  runs?: DocRun[];
}

/** A piece of a cell's text: shown plainly, not shown, or shown as a mark off the baseline. */
export interface DocRun {
  text: string;
  as: 'plain' | 'dropped' | 'raised';
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
    // Its own text drawn unseen (white, 1px) is left out, maybe unseen is marked (html.ts).
    const own = (c: Node) =>
      c.nodeName === '#text' && f & INK_HIDDEN
        ? ''
        : (c.nodeName === '#text' && f & INK_UNSURE ? UNSURE_MARK : '') + text(c);
    const inner = (f & UNSURE ? UNSURE_MARK : '') + n.childNodes.map(own).join('');
    // A block box inside a cell: a line of its own in the DOCX cell.
    return f & BLOCK_BOX ? `\n${inner}\n` : inner;
  };
  // The same text in runs (DocCell.runs): what text() leaves out is `dropped` here.
  const runs = (n: Node, as: DocRun['as'], out: DocRun[]): void => {
    const push = (t: string, a: DocRun['as']) => {
      const last = out[out.length - 1];
      if (last?.as === a) last.text += t;
      else if (t) out.push({ text: t, as: a });
    };
    if (n.nodeName === '#text') return push((n as DefaultTreeAdapterMap['textNode']).value, as);
    if ('tagName' in n && n.tagName === 'br') return push('\n', as);
    if ('tagName' in n && SKIP.has(n.tagName)) return;
    if (!('tagName' in n)) {
      if ('childNodes' in n) for (const c of n.childNodes) runs(c, as, out);
      return;
    }
    const f = shown(n, sheet);
    const here = f & DROP || as === 'dropped' ? 'dropped' : as === 'raised' || isMark(n, f) ? 'raised' : 'plain';
    if (f & UNSURE) push(UNSURE_MARK, here);
    if (f & BLOCK_BOX) push('\n', here);
    for (const c of n.childNodes) {
      if (c.nodeName === '#text' && f & INK_UNSURE) push(UNSURE_MARK, here);
      runs(c, c.nodeName === '#text' && f & INK_HIDDEN ? 'dropped' : here, out);
    }
    if (f & BLOCK_BOX) push('\n', here);
  };
  const cellRuns = (td: Element): DocRun[] | null => {
    const out: DocRun[] = [];
    runs(td, 'plain', out);
    if (out.every((r) => r.as === 'plain')) return null;
    const tidy = out.map((r) => ({ ...r, text: r.text.replace(/[ \t\r\f]+/g, ' ').replace(/ *\n\s*/g, '\n') }));
    tidy[0]!.text = tidy[0]!.text.trimStart();
    tidy[tidy.length - 1]!.text = tidy[tidy.length - 1]!.text.trimEnd();
    return tidy.filter((r) => r.text);
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
                  const pieces = cellRuns(td);
                  return {
                    text: text(td)
                      .replace(/[ \t\r\f]+/g, ' ')
                      .replace(/ *\n[\s]*/g, '\n')
                      .trim(),
                    rowspan: span('rowspan'),
                    colspan: span('colspan'),
                    ...(pieces ? { runs: pieces } : {}),
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
  // A cell with text the page does not show (DocCell.runs) keeps it, drawn so that no reader
  // sees it — white, or 1pt (w:sz 2) — in turn; text set off the baseline as a superscript.
  let unseen = 0;
  const cellPara = (c: DocCell) =>
    c.runs?.some((r) => r.as === 'dropped')
      ? new Paragraph({
          children: c.runs.flatMap((r) =>
            r.text.split('\n').map(
              (line, i) =>
                new TextRun({
                  text: line,
                  break: i > 0 ? 1 : 0,
                  ...(r.as === 'raised' ? { superScript: true } : {}),
                  ...(r.as === 'dropped' ? (unseen++ % 2 === 0 ? { color: 'FFFFFF' } : { size: 2 }) : {}),
                }),
            ),
          ),
        })
      : para(c.text);
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
                    (c) => new TableCell({ children: [cellPara(c)], rowSpan: c.rowspan, columnSpan: c.colspan }),
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
  /** Text drawn on the page that is none of its cells (see PdfQuirks); none when absent. */
  quirks?: PdfQuirks;
}

/**
 * What publishers draw over or into a report's text: a watermark across every page (set at an
 * angle, or upright and faint, always much larger than the text, with digits: 2024年1月),
 * footnote marks set as superscripts after numbers (87¹), and fake bold (the text of some cells
 * drawn again a fraction of a point to the side, as a browser's text-shadow does). The truth
 * stays the report's: the watermark and the second copy are no text of it, and a number with
 * a footnote mark is read as the number or not at all.
 */
export interface PdfQuirks {
  watermark: { text: string; deg: number; opacity: number; pt: number } | null;
  /** Every n-th value cell that holds a plain number gets a superscript mark (0: none). */
  superscriptEvery: number;
  /** The offset of the second copy of the last column's and the header rows' text (0: none). */
  fakeBoldPt: number;
}

/** Quirks for one printed report: each of the three in about one report in six. */
export function pickPdfQuirks(rng: Random, year: number): PdfQuirks {
  const watermark = rng.chance(0.17)
    ? {
        text: rng.pick([`${year + 1}年1月`, `内部资料 ${year + 1}`, `${year}年度`, '仅供参考 001']),
        // Upright only when faint: an opaque upright watermark is not told from text by its look.
        deg: rng.pick([-45, 45, 90, -30, 30, 0]),
        opacity: rng.pick([0.15, 0.3, 0.5]),
        pt: rng.pick([48, 72, 100, 140]),
      }
    : null;
  const superscriptEvery = rng.chance(0.17) ? rng.int(3, 9) : 0;
  const fakeBoldPt = rng.chance(0.17) ? rng.pick([0.25, 0.4, 0.5]) : 0;
  return { watermark, superscriptEvery, fakeBoldPt };
}

export function quirkNames(q: PdfQuirks | undefined): string[] {
  if (!q) return [];
  return [
    ...(q.watermark ? [`pdf-watermark-${q.watermark.deg ? 'angled' : 'faint'}`] : []),
    ...(q.superscriptEvery ? ['pdf-superscript'] : []),
    ...(q.fakeBoldPt ? ['pdf-fake-bold'] : []),
  ];
}

/** The HTML with the quirks drawn in: a fixed watermark over every page, marks, a shadow. */
function withQuirks(html: string, q: PdfQuirks | undefined): string {
  if (!q) return html;
  let out = html;
  if (q.superscriptEvery) {
    let n = 0;
    out = out.replace(/(<td[^>]*>\s*)(\d+)(\s*<\/td>)/g, (m, a: string, d: string, b: string) =>
      ++n % q.superscriptEvery ? m : `${a}${d}<sup>${(n % 3) + 1}</sup>${b}`,
    );
  }
  const css: string[] = [];
  if (q.fakeBoldPt)
    css.push(
      `tr:first-child td, tr:first-child th, td:last-child { text-shadow: ${q.fakeBoldPt}pt 0 0 currentColor; }`,
    );
  if (q.watermark) {
    const w = q.watermark;
    css.push(
      `.nb-watermark { position: fixed; left: 50%; top: 50%; transform: translate(-50%, -50%) rotate(${w.deg}deg); font-size: ${w.pt}pt; color: #888; opacity: ${w.opacity}; white-space: nowrap; z-index: 10; }`,
    );
    const mark = `<div class="nb-watermark">${w.text}</div>`;
    out = /<body[^>]*>/i.test(out) ? out.replace(/<body[^>]*>/i, (b) => b + mark) : mark + out;
  }
  if (!css.length) return out;
  const style = `<style>${css.join('\n')}</style>`;
  return /<\/head>/i.test(out) ? out.replace(/<\/head>/i, `${style}</head>`) : style + out;
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
  html = withQuirks(html, s.quirks);
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
