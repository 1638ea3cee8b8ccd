import { convertSync } from './convert-sync.ts';
import type { Converted, DocumentCode } from './document.ts';
import { htmlToLines } from './html.ts';
import { textToLines, withSpannedCells, type Line } from './lines.ts';
import { locatedToLines, type Located } from './pdf-lines.ts';

/**
 * A document file → the pipeline's lines, and for PDF a way to give each read cell its page and
 * box. Kept apart from analyze.ts so the ingest's own edits stay one call.
 */

export type Prepared =
  | { ok: false; code: DocumentCode; reason: string }
  | {
      ok: true;
      lines: Line[];
      format: string;
      /**
       * The lines (numbers) of a PDF's pages whose digits are a scan's OCR text layer: their numbers
       * are kept only where the arithmetic vouches for them (checks/ocr.ts).
       */
      ocrLines?: ReadonlySet<number>;
      /** A saved page's address as the browser recorded it (MHTML), for the report's 原网址. */
      url?: string;
      /** What the reading itself found that a reader of the data should know (a warning each). */
      warnings?: Array<{ code: 'W_CELL_UNREADABLE'; message: string; line: number | null }>;
      locate: <C extends { line: number; raw: string }>(
        cells: C[],
      ) => Array<C & { page: number | null; bbox: string | null }>;
    };

export function prepareDocument(
  path: string,
  bytes: Uint8Array,
  convert: (path: string, bytes: Uint8Array) => Converted = convertSync,
): Prepared {
  const c = convert(path, bytes);
  if (!c.ok) return c;
  const none = <C>(cells: C[]) => cells.map((x) => ({ ...x, page: null, bbox: null }));
  // A file whose extension said something else says what it really was (sniff.ts).
  const named = c.named ? ` (named .${c.named})` : '';
  if (c.format === 'docx' || c.format === 'mht')
    return {
      ok: true,
      lines: htmlToLines(c.html),
      format: `${c.format}${named}`,
      locate: none,
      ...(c.format === 'mht' && c.url ? { url: c.url } : {}),
    };
  if (c.format !== 'pdf')
    return {
      ok: true,
      lines: withSpannedCells(textToLines(c.text), c.spans ?? []),
      format: c.format + named,
      locate: none,
    };
  const contradicted = c.contradictedPages ?? [];
  const pages = [
    c.ocrPages ? `, OCR text layer on page ${c.ocrPages.join(', ')}` : '',
    contradicted.length ? `, digits whose text is not what the font draws on page ${contradicted.join(', ')}` : '',
  ].join('');
  return {
    ok: true,
    lines: locatedToLines(c.located),
    format: `pdf (${c.pages} pages${pages})${named}`,
    ...(c.ocrPages ? { ocrLines: ocrLinesOf(c.located, c.ocrPages) } : {}),
    ...(contradicted.length
      ? {
          warnings: [
            {
              code: 'W_CELL_UNREADABLE' as const,
              message: contradictedZh(contradicted),
              line: firstLineOn(c.located, contradicted),
            },
          ],
        }
      : {}),
    locate: (cells) => locateCells(c.located, cells),
  };
}

/**
 * Page and box of each cell: the line's cells hold the boxes; a read cell is matched to the
 * k-th cell of its line with the same raw text, k counting the read cells of that line and raw
 * text in order (the readers emit cells in column order). Unmatched: the line's box.
 */
export function locateCells<C extends { line: number; raw: string }>(
  located: Located[],
  cells: C[],
): Array<C & { page: number | null; bbox: string | null }> {
  const seen = new Map<string, number>();
  return cells.map((cell) => {
    const line = located[cell.line - 1];
    if (!line) return { ...cell, page: null, bbox: null };
    const key = `${cell.line}\u0000${cell.raw}`;
    const k = seen.get(key) ?? 0;
    seen.set(key, k + 1);
    const same = (line.cells ?? []).filter((x) => !x.covered && x.raw.trim() === cell.raw.trim());
    const hit = same[k] ?? (same.length === 1 ? same[0] : undefined);
    const box = hit?.box ?? line.box;
    return { ...cell, page: hit?.page ?? line.page, bbox: box.join(',') };
  });
}

/**
 * Why a PDF's digits are left NULL when its font's text map (ToUnicode) names other digits than
 * the glyphs its encoding draws (pdf-ink.ts namedDigit): the page shows one digit, the text
 * another, and which one a reader sees the file does not prove.
 */
export const contradictedZh = (pages: number[]) =>
  `PDF 第 ${pages.join('、')} 页：字体的文字映射（ToUnicode）与页面所画的数字不一致（页面显示的数字与文字层的不同），这些数字无法确定，留空不发布`;

const firstLineOn = (located: Located[], pages: number[]): number | null => {
  const i = located.findIndex((l) => pages.includes(l.page));
  return i < 0 ? null : i + 1;
};

/** The line numbers (1-based, as locatedToLines numbers them) of the located lines on `pages`. */
function ocrLinesOf(located: Located[], pages: number[]): Set<number> {
  const on = new Set(pages);
  const out = new Set<number>();
  located.forEach((l, i) => on.has(l.page) && out.add(i + 1));
  return out;
}
