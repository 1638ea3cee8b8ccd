import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pageBlocks, joinPages, type Box, type Segment, type Block } from './pdf-layout.ts';
import { blocksToLines, type Located } from './pdf-lines.ts';
import { drawnAlphas, markStruck, pageRuns, type PdfTextItem, type View } from './pdf-glyphs.ts';
import { apply, mul, type FontInfo, type Matrix } from './pdf-ink.ts';

export { dominantTurn } from './pdf-glyphs.ts';

/**
 * PDF bytes → located lines (text with page and box), read with pdf.js (the legacy build, which
 * runs in Node and in worker threads). Text runs carry their positions; ruling lines come from
 * the page's operator list (path construction), with the transformation matrix tracked here
 * because pdf.js gives path points in the user space of the moment they were drawn.
 */

export type PdfRead =
  /**
   * `ocrPages`: the pages most of whose digits a reader may see are a scan's OCR text layer;
   * `contradictedPages`: pages with digits whose text is not the glyph the font draws (pdf-ink.ts).
   */
  | { ok: true; lines: Located[]; pages: number; ocrPages: number[]; contradictedPages: number[] }
  | { ok: false; code: 'E_PDF_NO_TEXT' | 'E_PDF_ENCRYPTED' | 'E_PDF_BROKEN'; reason: string };

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let lib: Promise<PdfJs> | null = null;
const load = () => (lib ??= import('pdfjs-dist/legacy/build/pdf.mjs'));

const require = createRequire(import.meta.url);
const pdfjsDir = dirname(require.resolve('pdfjs-dist/package.json'));

/** Fewer visible characters than this in the whole file: a scan with no text layer. */
const MIN_TEXT = 20;

export async function readPdf(bytes: Uint8Array): Promise<PdfRead> {
  const pdfjs = await load();
  let doc: Awaited<ReturnType<PdfJs['getDocument']>['promise']>;
  let task: ReturnType<PdfJs['getDocument']> | null = null;
  try {
    task = pdfjs.getDocument({
      // pdf.js takes ownership of (detaches) the buffer it is given.
      data: new Uint8Array(bytes),
      disableFontFace: true,
      // Simple fonts' encodings (glyph names), to compare with the text's digits (pdf-ink.ts namedDigit).
      fontExtraProperties: true,
      useSystemFonts: false,
      verbosity: 0,
      // Chinese PDFs often use the predefined CJK character maps shipped with pdf.js.
      cMapUrl: join(pdfjsDir, 'cmaps') + '/',
      cMapPacked: true,
      standardFontDataUrl: join(pdfjsDir, 'standard_fonts') + '/',
    });
    doc = await task.promise;
  } catch (e) {
    await task?.destroy();
    const name = (e as Error)?.name ?? '';
    if (name === 'PasswordException')
      return { ok: false, code: 'E_PDF_ENCRYPTED', reason: 'PDF 文件已加密（需要密码才能打开），无法读取' };
    return {
      ok: false,
      code: 'E_PDF_BROKEN',
      reason: `PDF 文件已损坏或不是有效的 PDF：${(e as Error)?.message ?? String(e)}`,
    };
  }
  try {
    const pages: Block[][] = [];
    let visible = 0;
    const ocrPages: number[] = [];
    const contradictedPages: number[] = [];
    // Layers (optional content) as the document's default view shows them (pdf-ink.ts).
    const layers = await doc.getOptionalContentConfig();
    const isVisible = layers.isVisible.bind(layers) as (group: unknown) => boolean;
    const contentVisible = (properties: unknown): boolean => isVisible(properties);
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const [vx0, vy0, vx1, vy1] = page.view as View;
      const W = vx1 - vx0;
      const H = vy1 - vy0;
      const content = await page.getTextContent();
      const ol = await page.getOperatorList();
      const items: PdfTextItem[] = [];
      for (const it of content.items)
        if ('str' in it && it.str)
          items.push({ str: it.str, transform: it.transform as number[], width: it.width, height: it.height });
      // pdf.js's font objects (their matrix), by the names the operator list gives them.
      const fontOf = (name: string): FontInfo | null =>
        page.commonObjs.has(name) ? (page.commonObjs.get(name) as FontInfo | null) : null;
      const drawn = drawnAlphas(ol, pdfjs.OPS, fontOf, page.view as View, contentVisible);
      // More than half of its digits an OCR layer's: a scanned page (a typed page beside it is not).
      if (drawn.digits && drawn.digits.layer * 2 > drawn.digits.all) ocrPages.push(n);
      if (drawn.contradicted) contradictedPages.push(n);
      const { runs, turn, up } = pageRuns(items, drawn, page.view as View);
      for (const r of runs) {
        r.str = unifyRadicals(r.str);
        visible += r.str.replace(/\s/g, '').length;
      }
      // Paths are turned as the text is (a tilted page's rules level again) before a filled
      // rectangle is judged thin enough to be a rule or a stroked one a cell's box.
      const { segments, boxes } = pathSegments(ol, pdfjs.OPS, up);
      const turned = turn === 90 || turn === 270;
      pages.push(
        pageBlocks({
          page: n,
          width: turned ? H : W,
          height: turned ? W : H,
          runs: markStruck(runs, segments),
          segments,
          boxes,
        }),
      );
      page.cleanup();
    }
    if (visible < MIN_TEXT)
      return {
        ok: false,
        code: 'E_PDF_NO_TEXT',
        reason: 'PDF 没有文字层（扫描件或图片），无法读取文字；暂不支持文字识别（OCR）',
      };
    return {
      ok: true,
      lines: blocksToLines(joinPages(pages)),
      pages: doc.numPages,
      ocrPages,
      contradictedPages,
    };
  } catch (e) {
    return { ok: false, code: 'E_PDF_BROKEN', reason: `PDF 文件无法解析：${(e as Error)?.message ?? String(e)}` };
  } finally {
    await task.destroy();
  }
}

/**
 * Fonts subset by browsers and some office suites map common characters to the Kangxi radicals
 * (⼀ U+2F00 for 一) and the CJK radicals supplement (⻚ for 页): NFKC folds the first; the
 * second, which NFKC leaves alone, by a table of the simplified forms that occur in reports.
 */
const SUPPLEMENT: Record<string, string> = Object.fromEntries(
  [
    ...'⺁厂⺄乙⺅亻⺆冂⺇几⺉刂⺊卜⺌小⺍小⺎兀⺐尢⺒巳⺓幺⺔彑⺕彐⺖忄⺗心⺘扌⺙攵⺛旡⺜日⺝月⺞歺⺟母⺠民⺡氵⺢氺⺣灬⺤爫⺦丬⺧牛⺨犭⺩王⺪疋⺫目⺬示⺭礻⺮竹⺯糸⺰纟⺱罓⺲罒⺳网⺶羊⺷羊⺹耂⺺肀⺻聿⺼肉⺽臼⺾艹⺿艹⻀艹⻁虎⻂衤⻃覀⻄西⻅见⻆角⻈讠⻉贝⻊足⻋车⻌辶⻍辶⻎辶⻏阝⻐钅⻑長⻒镸⻓长⻔门⻖阝⻗雨⻘青⻙韦⻚页⻛风⻜飞⻝食⻟飠⻠饣⻢马⻣骨⻤鬼⻥鱼⻦鸟⻧卤⻨麦⻩黄⻪黾⻫斉⻬齐⻭歯⻮齿⻯竜⻰龙⻱龜⻲亀⻳龟',
  ].flatMap((c, i, all) => (i % 2 ? [] : [[c, all[i + 1]!]])),
);
export function unifyRadicals(s: string): string {
  if (!/[\u2e80-\u2fdf]/.test(s)) return s;
  return s.replace(/[\u2e80-\u2fdf]/g, (c) => SUPPLEMENT[c] ?? c.normalize('NFKC'));
}

/**
 * Stroked lines, and filled rectangles thin enough to be a rule (Word and browsers draw borders
 * either way), in page space, or in the space `map` takes a page point to (pageRuns's `up`: the
 * page turned so its text runs left to right and level). Clipping paths and cell shading are
 * not rules.
 */
export function pathSegments(
  ol: { fnArray: number[]; argsArray: unknown[][] },
  OPS: Record<string, number>,
  map: (x: number, y: number) => [number, number] = (x, y) => [x, y],
): { segments: Segment[]; boxes: Box[] } {
  const out: Segment[] = [];
  const boxes: Box[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const stack: Matrix[] = [];
  const STROKE = new Set([
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const FILL = new Set([OPS.fill, OPS.eoFill]);
  const at =
    (m: Matrix) =>
    (x: number, y: number): [number, number] => {
      const [px, py] = apply(m, x, y);
      return map(px, py);
    };
  for (let i = 0; i < ol.fnArray.length; i++) {
    const fn = ol.fnArray[i];
    const args = ol.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = mul(args as Matrix, ctm);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      const m = args[0] as Matrix | null;
      if (m) ctm = mul([...m] as Matrix, ctm);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.constructPath) {
      const op = args[0] as number;
      const buf = (args[1] as Array<Float32Array | null>)[0];
      if (!buf) continue;
      if (STROKE.has(op)) {
        out.push(...strokeSegments(buf, at(ctm)));
        // A stroked rectangle is one cell's box (browsers draw every cell so).
        for (const pts of subpaths(buf, at(ctm))) {
          const b = asRect(pts);
          if (b) boxes.push(b);
        }
      } else if (FILL.has(op)) {
        // One fill may hold many rectangles (one per border): each subpath on its own.
        for (const pts of subpaths(buf, at(ctm))) {
          if (!pts.length) continue;
          const xs = pts.map((p) => p[0]);
          const ys = pts.map((p) => p[1]);
          const x0 = Math.min(...xs),
            x1 = Math.max(...xs),
            y0 = Math.min(...ys),
            y1 = Math.max(...ys);
          // Up to 2 points thick, or a thick border (up to 4.5 points, as Word's and a browser's
          // heavy frames) that is much longer than thick; cell shading is neither.
          const rule = (thick: number, long: number) => (thick <= 2 ? long > 2 : thick <= 4.5 && long > thick * 3);
          if (rule(y1 - y0, x1 - x0)) out.push({ x0, y0: (y0 + y1) / 2, x1, y1: (y0 + y1) / 2 });
          else if (rule(x1 - x0, y1 - y0)) out.push({ x0: (x0 + x1) / 2, y0, x1: (x0 + x1) / 2, y1 });
        }
      }
    }
  }
  return { segments: out, boxes };
}

function asRect(pts: Array<[number, number]>): Box | null {
  if (pts.length < 4 || pts.length > 5) return null;
  // Two sides each way, a quarter point apart at most (a page turned back level leaves its
  // corners a hair off, on either side of a rounding step).
  const sides = (vs: number[]): [number, number] | null => {
    const lo = Math.min(...vs);
    const hi = Math.max(...vs);
    return vs.every((v) => v - lo <= 0.25 || hi - v <= 0.25) && hi - lo > 0.25 ? [lo, hi] : null;
  };
  const xs = sides(pts.map((p) => p[0]));
  const ys = sides(pts.map((p) => p[1]));
  if (!xs || !ys) return null;
  const b: Box = [xs[0], ys[0], xs[1], ys[1]];
  return b[2] - b[0] > 4 && b[3] - b[1] > 4 ? b : null;
}

/**
 * Path buffer (DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath) → points,
 * each placed by `m`.
 */
function subpaths(buf: Float32Array, m: (x: number, y: number) => [number, number]): Array<Array<[number, number]>> {
  const out: Array<Array<[number, number]>> = [];
  let pts: Array<[number, number]> = [];
  for (let i = 0; i < buf.length;) {
    const op = buf[i++];
    if (op === 0) {
      if (pts.length) out.push(pts);
      pts = [m(buf[i]!, buf[i + 1]!)];
      i += 2;
    } else if (op === 1) {
      pts.push(m(buf[i]!, buf[i + 1]!));
      i += 2;
    } else if (op === 2) {
      pts.push(m(buf[i + 4]!, buf[i + 5]!));
      i += 6;
    } else if (op === 3) {
      pts.push(m(buf[i + 2]!, buf[i + 3]!));
      i += 4;
    } else if (op === 4) continue;
    else break;
  }
  if (pts.length) out.push(pts);
  return out;
}

function strokeSegments(buf: Float32Array, m: (x: number, y: number) => [number, number]): Segment[] {
  const out: Segment[] = [];
  let start: [number, number] | null = null;
  let cur: [number, number] | null = null;
  for (let i = 0; i < buf.length;) {
    const op = buf[i++];
    if (op === 0) {
      cur = start = m(buf[i]!, buf[i + 1]!);
      i += 2;
    } else if (op === 1) {
      const p = m(buf[i]!, buf[i + 1]!);
      if (cur) out.push({ x0: cur[0], y0: cur[1], x1: p[0], y1: p[1] });
      cur = p;
      i += 2;
    } else if (op === 2) {
      cur = m(buf[i + 4]!, buf[i + 5]!);
      i += 6;
    } else if (op === 3) {
      cur = m(buf[i + 2]!, buf[i + 3]!);
      i += 4;
    } else if (op === 4) {
      if (cur && start) out.push({ x0: cur[0], y0: cur[1], x1: start[0], y1: start[1] });
      cur = start;
    } else break;
  }
  return out;
}

export type { Box };
