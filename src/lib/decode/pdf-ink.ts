import {
  FAINT_CONTRAST,
  HIDDEN_CONTRAST,
  HIDDEN_PT,
  contrast,
  hexColour,
  over,
  WHITE,
  worse,
  type Ink,
  type Rgba,
} from './ink.ts';

/**
 * Which characters drawn on a PDF page a reader sees, from pdf.js's operator list: the one walk
 * over the page's drawing that pdf.ts already makes (no second parse). The rule is ink.ts's, as
 * for web pages and Word files: a character nobody sees is not text of the page (`hidden`: left
 * out); one that may or may not be seen is `unsure` (kept behind UNSURE_MARK, never a digit of a
 * number). A character is
 *
 * - hidden when drawn in an invisible text render mode (Tr 3, 7), unless it lies on an image
 *   drawn before it: that is a scan's text layer, the image being what the reader sees;
 * - hidden or unsure by its colour against what is behind it (the topmost opaque filled area
 *   drawn before it, else the white page), by ink.ts's contrast thresholds: white or #f4f4f4 on
 *   white is hidden, #e0e0e0 unsure, #999 shown; a colour not known (a pattern) is unsure;
 * - hidden when tiny: at most HIDDEN_PT, or at most an eighth of the page's usual size; unsure
 *   under a quarter of it (a 1-pixel digit before a 12-point number);
 * - hidden when wholly outside the clipping area, unsure when partly;
 * - hidden when an opaque filled shape drawn after it covers the whole of it (a white box laid
 *   over a digit), unsure when it covers part of its body, or when the shape or the clip is not
 *   known exactly (a curve, a pattern, a soft mask, a blend mode).
 *
 * Positions are pdf.js's own (text matrix, font size and matrix, glyph widths, spacing,
 * horizontal scale, rise, the transformation matrix), so a glyph's box is where it is drawn.
 * Text in optional content (a layer) switched off is hidden. Images drawn over text are not
 * looked at.
 */

export type Matrix = [number, number, number, number, number, number];
export const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2],
  m[0] * n[1] + m[1] * n[3],
  m[2] * n[0] + m[3] * n[2],
  m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4],
  m[4] * n[1] + m[5] * n[3] + n[5],
];
export const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/**
 * What pdf.ts knows of a font (pdf.js's font object): its matrix, whether it is vertical, and
 * (pdf.js's `fontExtraProperties`) how a simple font's codes name its glyphs: `differences`
 * over `defaultEncoding`, code → glyph name; `composite` (Type0: codes are CIDs, no names) and
 * `isSymbolicFont` (a symbolic TrueType draws by code, its encoding names nothing).
 */
export interface FontInfo {
  fontMatrix?: ArrayLike<number>;
  vertical?: boolean;
  defaultEncoding?: ArrayLike<string | undefined>;
  differences?: Record<number, string | undefined> | ArrayLike<string | undefined>;
  composite?: boolean;
  isSymbolicFont?: boolean;
}

const DIGIT_NAMES = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/**
 * The digit a simple font's encoding names for a code ('one', 'one.tf', 'uni0031' → '1'), or
 * null: no font, a composite font, a symbolic one without its own Differences for the code, or a
 * name that is no digit. What a viewer draws is that glyph, whatever the text's ToUnicode says.
 */
export function namedDigit(font: FontInfo | null, code: unknown): string | null {
  if (!font || font.composite || typeof code !== 'number') return null;
  const own = font.differences?.[code];
  const name = own ?? (font.isSymbolicFont ? undefined : font.defaultEncoding?.[code]);
  if (typeof name !== 'string') return null;
  const base = name.replace(/\..*$/, '');
  const k = DIGIT_NAMES.indexOf(base);
  if (k >= 0) return String(k);
  const uni = /^(?:uni|u)003([0-9])$/i.exec(base);
  return uni ? uni[1]! : null;
}

/** The characters drawn on a page, in drawing order, with their opacity and ink. */
export interface Drawn {
  text: string[];
  alpha: number[];
  ink: Ink[];
  /** Digits a reader may see, and of them those of a scan's text layer (invisible text on an image). */
  digits?: { all: number; layer: number };
  /** Digits whose text contradicts the glyph the font's encoding names (namedDigit). */
  contradicted?: number;
}

/** Opacity from which a filled shape hides what is under it; under SEE_THROUGH it hides nothing. */
const OPAQUE = 0.95;
const SEE_THROUGH = 0.5;
/** Size against the page's usual size at or under which a glyph is hidden, under which unsure. */
const TINY_HIDDEN = 1 / 8;
const TINY_UNSURE = 1 / 4;

type Box = [number, number, number, number];
interface Paint {
  /** Subpaths as polygons in page space; exact: no curves. */
  polys: Array<Array<[number, number]>>;
  box: Box;
  evenOdd: boolean;
  /** The shape is known where it paints: no curve, an exact clip, plain opaque colour. */
  exact: boolean;
  /** Its colour; null: not known (a pattern). */
  colour: Rgba | null;
  clip: Clip;
  /** Characters drawn before it. */
  after: number;
}
interface Clip {
  box: Box;
  exact: boolean;
}
interface Glyph {
  /** Index into Drawn.text of its first character, and how many. */
  at: number;
  n: number;
  /** Where it is (placeGlyph); null: not known (a vertical font's). */
  place: Place | null;
  ink: Ink;
  /** Drawn in an invisible render mode (a scan's text layer, when on an image): its size is an OCR's estimate. */
  layer?: true;
}
/** A glyph's place: glyph space (thousandths, up as `up`) → page space, its advance and ink span. */
interface Place {
  m: Matrix;
  up: number;
  w: number;
  lo: number;
  hi: number;
  /** Bounds of where its ink may be, the centre of its body, its size: in page space. */
  box: Box;
  centre: [number, number];
  size: number;
}

interface State {
  ctm: Matrix;
  ca: number;
  CA: number;
  group: number;
  fill: Rgba | null;
  stroke: Rgba | null;
  /** Normal blending (`BM`), no soft mask: a fill is plain paint. */
  normal: boolean;
  smask: boolean;
  clip: Clip | null;
  font: FontInfo | null;
  size: number;
  charSpacing: number;
  wordSpacing: number;
  hScale: number;
  leading: number;
  rise: number;
  mode: number;
}

const colourOf = (v: unknown): Rgba | null => (typeof v === 'string' ? hexColour(v) : null);

/**
 * The characters each `showText` draws (pdf.js turns every text-showing operator into one, its
 * glyphs carrying `unicode`), with the fill opacity they are drawn with — the graphics state's
 * `ca`; a transparency group is composited with the `ca` in force where it is painted, and its
 * content starts again from 1 (PDF 32000, 11.6.6) — and whether a reader sees them (see above).
 * Annotations' appearances are skipped (pdf.js's text content leaves them out too). Whitespace
 * and invisible format marks are left out (the text content's spaces are its own). `fontOf`:
 * pdf.js's font object by its name (the page's commonObjs); without it glyph widths are taken
 * in thousandths of the size.
 */
export function drawnAlphas(
  ol: { fnArray: number[]; argsArray: unknown[][] },
  OPS: Record<string, number>,
  fontOf: (name: string) => FontInfo | null = () => null,
  view: readonly [number, number, number, number] | null = null,
  contentVisible: (properties: unknown) => boolean = () => true,
): Drawn {
  const text: string[] = [];
  const alpha: number[] = [];
  const ink: Ink[] = [];
  const glyphs: Glyph[] = [];
  const areas: Paint[] = [];
  const images: Box[] = [];
  const pictures: Picture[] = [];
  let st: State = {
    ctm: [1, 0, 0, 1, 0, 0],
    ca: 1,
    CA: 1,
    group: 1,
    fill: { r: 0, g: 0, b: 0, a: 1 },
    stroke: { r: 0, g: 0, b: 0, a: 1 },
    normal: true,
    smask: false,
    clip: null,
    font: null,
    size: 0,
    charSpacing: 0,
    wordSpacing: 0,
    hScale: 1,
    leading: 0,
    rise: 0,
    mode: 0,
  };
  const stack: State[] = [];
  let tm: Matrix = [1, 0, 0, 1, 0, 0];
  let tx = 0;
  let ty = 0;
  let lineX = 0;
  let lineY = 0;
  let pendingClip = false;
  let annotation = 0;
  let fontSet = false;
  let contradicted = 0;
  // Marked content, each level shown or not: optional content (a layer, `/OC … BDC`, or a form
  // XObject's /OC) switched off in the document's default view is drawn by no viewer (pdf.js's
  // canvas keeps the same stack). What it draws is hidden, and paints nothing over other text.
  const marked: boolean[] = [];
  let off = 0;
  const FILLS = new Set([
    OPS.fill,
    OPS.eoFill,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const EO = new Set([OPS.eoFill, OPS.eoFillStroke, OPS.closeEOFillStroke]);
  const IMAGES = new Set([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintImageMaskXObject,
    OPS.paintSolidColorImageMask,
  ]);
  const setClip = (box: Box, exact: boolean) => {
    const c = st.clip;
    st = {
      ...st,
      clip: c
        ? {
            box: [
              Math.max(c.box[0], box[0]),
              Math.max(c.box[1], box[1]),
              Math.min(c.box[2], box[2]),
              Math.min(c.box[3], box[3]),
            ],
            exact: c.exact && exact,
          }
        : { box, exact },
    };
  };

  for (let i = 0; i < ol.fnArray.length; i++) {
    const fn = ol.fnArray[i];
    const args = ol.argsArray[i] ?? [];
    if (fn === OPS.beginAnnotation) annotation++;
    else if (fn === OPS.endAnnotation) annotation = Math.max(0, annotation - 1);
    if (annotation) continue;
    if (fn === OPS.beginMarkedContent || fn === OPS.beginMarkedContentProps) {
      const shown = fn === OPS.beginMarkedContent || args[0] !== 'OC' || contentVisible(args[1]);
      marked.push(shown);
      if (!shown) off++;
      continue;
    }
    if (fn === OPS.endMarkedContent) {
      if (marked.length && !marked.pop()) off--;
      continue;
    }
    if (fn === OPS.save) stack.push(st);
    else if (fn === OPS.restore) st = stack.pop() ?? st;
    else if (fn === OPS.transform) st = { ...st, ctm: mul(args as Matrix, st.ctm) };
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(st);
      const m = args[0] as ArrayLike<number> | null;
      if (m) st = { ...st, ctm: mul(Array.from(m) as Matrix, st.ctm) };
      const b = args[1] as ArrayLike<number> | null;
      if (b && b.length === 4) {
        const q = quad(st.ctm, b[0]!, b[1]!, b[2]!, b[3]!);
        setClip(bbox(q), isAxisRect(q));
      }
    } else if (fn === OPS.paintFormXObjectEnd || fn === OPS.endGroup) st = stack.pop() ?? st;
    else if (fn === OPS.beginGroup) {
      stack.push(st);
      st = { ...st, ca: 1, CA: 1, group: st.group * st.ca };
    } else if (fn === OPS.setGState) {
      for (const kv of (args[0] ?? []) as Array<[string, unknown]>) {
        if (!Array.isArray(kv)) continue;
        const [k, v] = kv;
        if (k === 'ca' && typeof v === 'number') st = { ...st, ca: v };
        else if (k === 'CA' && typeof v === 'number') st = { ...st, CA: v };
        else if (k === 'BM') st = { ...st, normal: v === 'source-over' };
        else if (k === 'SMask') st = { ...st, smask: !!v };
        else if (k === 'Font' && Array.isArray(v)) {
          st = { ...st, font: fontOf(String(v[0])), size: Number(v[1]) || 0 };
          fontSet = true;
        }
      }
    } else if (fn === OPS.setFillRGBColor) st = { ...st, fill: colourOf(args[0]) };
    else if (fn === OPS.setStrokeRGBColor) st = { ...st, stroke: colourOf(args[0]) };
    else if (fn === OPS.setFillColorN || fn === OPS.setFillTransparent) st = { ...st, fill: null };
    else if (fn === OPS.setStrokeColorN || fn === OPS.setStrokeTransparent) st = { ...st, stroke: null };
    else if (fn === OPS.clip || fn === OPS.eoClip) pendingClip = true;
    else if (fn === OPS.constructPath) {
      const op = args[0] as number;
      const buf = (args[1] as Array<ArrayLike<number> | null> | undefined)?.[0];
      const shape = buf ? polygons(buf, st.ctm) : null;
      if (shape && FILLS.has(op) && st.group * st.ca >= SEE_THROUGH && off === 0) {
        const box = bbox(shape.polys.flat());
        // A filled shape that is no rectangle may be a picture of a digit (see Picture).
        if (!(shape.polys.length === 1 && isAxisRect(shape.polys[0]!)))
          pictures.push({ box, after: glyphs.length, image: false });
        // Only areas: a rule is no background and hides no glyph (a struck one is pdf-glyphs').
        if (box[2] - box[0] >= 1.5 && box[3] - box[1] >= 1.5)
          areas.push({
            polys: shape.polys,
            box,
            evenOdd: EO.has(op),
            exact:
              shape.exact &&
              st.normal &&
              !st.smask &&
              st.group * st.ca >= OPAQUE &&
              !!st.fill &&
              (st.clip?.exact ?? true),
            colour: st.fill,
            clip: st.clip ?? { box: [-Infinity, -Infinity, Infinity, Infinity], exact: true },
            after: glyphs.length,
          });
      }
      if (pendingClip && shape) {
        const pts = shape.polys.flat();
        setClip(bbox(pts), shape.exact && shape.polys.length === 1 && isAxisRect(shape.polys[0]!));
      }
      pendingClip = false;
    } else if (IMAGES.has(fn)) {
      if (off > 0) continue;
      images.push(bbox(quad(st.ctm, 0, 0, 1, 1)));
      pictures.push({ box: images[images.length - 1]!, after: glyphs.length, image: true });
    } else if (fn === OPS.shadingFill && st.clip && off === 0)
      // A shading paints the whole clipping area, in colours not known here.
      areas.push({
        polys: [corners(st.clip.box)],
        box: st.clip.box,
        evenOdd: false,
        exact: false,
        colour: null,
        clip: st.clip,
        after: glyphs.length,
      });
    else if (fn === OPS.beginText) {
      tm = [1, 0, 0, 1, 0, 0];
      tx = ty = lineX = lineY = 0;
    } else if (fn === OPS.setFont) {
      st = { ...st, font: fontOf(String(args[0])), size: Number(args[1]) || 0 };
      fontSet = true;
    } else if (fn === OPS.setTextMatrix) {
      const m = (args.length === 1 ? args[0] : args) as ArrayLike<number>;
      tm = Array.from(m).slice(0, 6) as Matrix;
      tx = ty = lineX = lineY = 0;
    } else if (fn === OPS.moveText || fn === OPS.setLeadingMoveText) {
      const [x, y] = args as [number, number];
      if (fn === OPS.setLeadingMoveText) st = { ...st, leading: -y };
      tx = lineX += x;
      ty = lineY += y;
    } else if (fn === OPS.nextLine) {
      tx = lineX;
      ty = lineY += -st.leading;
    } else if (fn === OPS.setLeading) st = { ...st, leading: args[0] as number };
    else if (fn === OPS.setCharSpacing) st = { ...st, charSpacing: args[0] as number };
    else if (fn === OPS.setWordSpacing) st = { ...st, wordSpacing: args[0] as number };
    else if (fn === OPS.setHScale) st = { ...st, hScale: (args[0] as number) / 100 };
    else if (fn === OPS.setTextRise) st = { ...st, rise: args[0] as number };
    else if (fn === OPS.setTextRenderingMode) st = { ...st, mode: args[0] as number };
    else if (fn === OPS.showText) {
      const fm = st.font?.fontMatrix ? Array.from(st.font.fontMatrix) : [0.001, 0, 0, 0.001, 0, 0];
      const fontSize = Math.abs(st.size);
      const dir = st.size < 0 ? -1 : 1;
      const hs = st.hScale * dir;
      const vertical = !!st.font?.vertical;
      const trm = mul(tm, st.ctm);
      let x = 0;
      for (const g of (args[0] ?? []) as unknown[]) {
        if (typeof g === 'number') {
          x += ((vertical ? 1 : -1) * g * fontSize) / 1000;
          continue;
        }
        if (!g || typeof g !== 'object') continue;
        const gl = g as { unicode?: unknown; width?: unknown; isSpace?: unknown; originalCharCode?: unknown };
        const width = typeof gl.width === 'number' ? gl.width : 0;
        const spacing = (gl.isSpace ? st.wordSpacing : 0) + st.charSpacing;
        const advance = width * fm[0]! * fontSize;
        const chars = typeof gl.unicode === 'string' ? visibleChars(gl.unicode) : [];
        // pdf.js's text content leaves out a glyph whose origin is outside the page's view box
        // (its evaluator's compareWithLastPosition, the same test): so is it here, that the
        // characters of both still agree one to one (pdf-glyphs.ts alignDrawn). A page with one
        // run below its edge (a crop mark's slug) lost the ink of every character on it.
        const outside =
          view !== null && chars.length > 0 && outsideView(trm, tx + x * hs, ty + st.rise, advance, vertical, view);
        if (chars.length && !outside) {
          const a = st.ca * st.group;
          // A vertical font's glyphs are placed otherwise: taken at their origin, size unknown;
          // so are glyphs shown with no font set (pdf.js always sets one first).
          const place =
            vertical || !fontSet
              ? null
              : placeGlyph(trm, fm, fontSize, st.hScale * dir, tx + x * hs, ty + st.rise, width, chars.join(''));
          const centre = place ? place.centre : apply(trm, tx, ty + x);
          // A digit whose text (the font's ToUnicode map) is not the digit its glyph is named
          // (the encoding): the page shows one, the text says another — which a reader sees the
          // text does not prove, so it is unsure, never a number (a fresh tester's t78: a map
          // shifted by one published 3 2 29 for 2 1 18).
          const named =
            chars.length === 1 && /^[0-9]$/.test(chars[0]!) ? namedDigit(st.font, gl.originalCharCode) : null;
          const drawnAs = off > 0 ? 'hidden' : drawnInk(st, centre, place, areas, images);
          if (named !== null && named !== chars[0] && drawnAs !== 'hidden') contradicted++;
          glyphs.push({
            at: text.length,
            n: chars.length,
            place,
            ink: named !== null && named !== chars[0] ? worse(drawnAs, 'unsure') : drawnAs,
            ...((st.mode & 3) === 3 ? { layer: true as const } : {}),
          });
          for (const ch of chars) {
            text.push(ch);
            alpha.push(a);
            ink.push('shown');
          }
        }
        x += vertical ? advance - spacing * dir : advance + spacing * dir;
      }
      if (vertical) ty -= x;
      else tx += x * hs;
    }
  }

  // Size against the page's usual size; then shapes drawn over each glyph.
  const sizes: number[] = [];
  const digits = { all: 0, layer: 0 };
  for (const g of glyphs) if (g.place) sizes.push(g.place.size);
  const usual = median(sizes);
  for (let gi = 0; gi < glyphs.length; gi++) {
    const g = glyphs[gi]!;
    let v = g.ink;
    const p = g.place;
    if (p && v !== 'hidden') {
      // A scan's text layer is drawn by no one: a tiny digit there is an OCR's odd estimate of a
      // word the image shows, not a digit hidden from the reader — unsure, never dropped (dropped,
      // 15836 was read 5836: a fresh tester's t78). A tiny mark that is no digit (a speck read as
      // ' or ,) is dropped as before (unsure, it left its row NULL: t79).
      if (p.size <= HIDDEN_PT || (usual > 0 && p.size <= usual * TINY_HIDDEN))
        v = g.layer && /\d/.test(text.slice(g.at, g.at + g.n).join('')) ? worse(v, 'unsure') : 'hidden';
      else if (usual > 0 && p.size < usual * TINY_UNSURE) v = worse(v, 'unsure');
      if (v !== 'hidden') v = worse(v, coveredLater(p, gi, areas));
      if (v === 'shown' && pictures.length && /^[0-9]+$/.test(text.slice(g.at, g.at + g.n).join('')))
        v = besidePicture(p, gi, pictures);
    }
    if (v !== 'shown') for (let k = 0; k < g.n; k++) ink[g.at + k] = v;
    if (v !== 'hidden')
      for (let k = 0; k < g.n; k++)
        if (/\d/.test(text[g.at + k]!)) {
          digits.all++;
          if (g.layer) digits.layer++;
        }
  }
  return { text, alpha, ink, digits, contradicted };
}

/**
 * Whether a glyph lies outside the page's view box as pdf.js's text content decides it: its
 * origin (the text rendering matrix at the glyph, its rise included) beyond an edge, the glyph's
 * scaled width allowed on the side it extends to.
 */
function outsideView(
  trm: Matrix,
  x: number,
  y: number,
  width: number,
  vertical: boolean,
  view: readonly [number, number, number, number],
): boolean {
  const [px, py] = apply(trm, x, y);
  const [x0, y0, x1, y1] = view;
  return vertical ? px < x0 || px > x1 || py + width < y0 || py > y1 : px + width < x0 || px > x1 || py < y0 || py > y1;
}

/** Characters that draw something, normalised alike on both sides of the alignment. */
export const visibleChars = (s: string): string[] => [...s.normalize('NFKC')].filter((c) => !/[\s\p{Cf}]/u.test(c));

function median(xs: number[]): number {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Where a character's ink may be, in thousandths of the size above the baseline: a digit's from
 * its overshoot under the baseline to above any font's figure height, a CJK character's within
 * its em box, anything else's from a descender's depth to an accent's height.
 */
const inkSpan = (ch: string): [number, number] =>
  /^[0-9]$/.test(ch)
    ? [-12, 800]
    : /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch)
      ? [-150, 900]
      : [-250, 950];

/** A glyph's place on the page (see Place). */
function placeGlyph(
  trm: Matrix,
  fm: number[],
  fontSize: number,
  hs: number,
  x: number,
  y: number,
  width: number,
  ch: string,
): Place {
  // Glyph space (thousandths) → text space → page space.
  const m = mul(mul(fm.slice(0, 6) as Matrix, [fontSize * hs, 0, 0, fontSize, x, y]), trm);
  // Up in glyph space follows the font matrix's sign (a browser's Type3 fonts are drawn upside
  // down in a flipped text space).
  const up = fm[3]! < 0 ? -1 : 1;
  const w = width > 0 ? width : 500;
  const [lo, hi] = inkSpan(ch);
  const [ux, uy] = apply(m, 0, 1000 * up);
  const [ox, oy] = apply(m, 0, 0);
  return {
    m,
    up,
    w,
    lo,
    hi,
    box: bbox(quad(m, 0, lo * up, w, hi * up)),
    centre: apply(m, w / 2, 350 * up),
    size: Math.hypot(ux - ox, uy - oy),
  };
}

/**
 * Sample points in page space over the whole of where a glyph's ink may be: its advance wide
 * but for the side bearings (a digit's ink leaves some 7 % of its advance free on each side),
 * inkSpan high, closer together at the edges (a box over the first fifth of a 0 leaves another
 * mark than a 0). Made only for the few glyphs that need them.
 */
const ACROSS = [0.07, 0.13, 0.25, 0.4, 0.6, 0.75, 0.87, 0.93];
const UP = [0.03, 0.1, 0.25, 0.4, 0.6, 0.75, 0.9, 0.97];
function samples(p: Place): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const fx of ACROSS) for (const fy of UP) out.push(apply(p.m, p.w * fx, (p.lo + (p.hi - p.lo) * fy) * p.up));
  return out;
}

/** What is known of a glyph when it is drawn: render mode, colour on its background, clip. */
function drawnInk(st: State, centre: [number, number], place: Place | null, areas: Paint[], images: Box[]): Ink {
  // Text render modes: 0 fill, 1 stroke, 2 both, 3 neither; 4–7 the same, also clipping.
  const paint = st.mode & 3;
  if (paint === 3) {
    for (const b of images) if (inBox(centre, b)) return 'shown';
    return 'hidden';
  }
  let v: Ink = colourInk(paint, st, centre, areas);
  const clip = st.clip;
  if (clip && place && !within(place.box, clip.box)) {
    // Outside the clipping area: not drawn; partly outside: unsure. A clip known only by its
    // bounds (not a rectangle) is taken as its bounds.
    const pts = samples(place);
    let seen = 0;
    for (const p of pts) if (inBox(p, clip.box)) seen++;
    if (!seen) return 'hidden';
    if (seen < pts.length) v = worse(v, 'unsure');
  }
  return v;
}

/** Text of colour `c` (opacity `alpha`) on `bg`; either not known: unsure. */
function inkOn(c: Rgba | null, alpha: number, bg: Rgba | null): Ink {
  if (!c || !bg) return 'unsure';
  // Glyph after glyph is drawn alike: the last answer is kept.
  if (c === last.c && alpha === last.alpha && bg === last.bg) return last.ink;
  const seen = contrast(over({ r: c.r, g: c.g, b: c.b, a: alpha }, bg), bg);
  const ink = seen < HIDDEN_CONTRAST ? 'hidden' : seen < FAINT_CONTRAST ? 'unsure' : 'shown';
  last = { c, alpha, bg, ink };
  return ink;
}
let last: { c: Rgba | null; alpha: number; bg: Rgba | null; ink: Ink } = { c: null, alpha: 0, bg: null, ink: 'unsure' };

/** The glyph's colour against the topmost opaque area drawn before it under its body's centre. */
function colourInk(paint: number, st: State, centre: [number, number], areas: Paint[]): Ink {
  let bg: Rgba | null = WHITE;
  for (let k = areas.length - 1; k >= 0; k--) {
    const a = areas[k]!;
    if (!inBox(centre, a.box) || !inBox(centre, a.clip.box) || !inside(centre, a)) continue;
    bg = a.exact ? a.colour : null;
    break;
  }
  const fill = paint === 1 ? 'hidden' : inkOn(st.fill, st.ca * st.group, bg);
  const stroke = paint === 0 ? 'hidden' : inkOn(st.stroke, st.CA * st.group, bg);
  // Filled and stroked: seen if either is.
  return fill === 'shown' || stroke === 'shown'
    ? 'shown'
    : fill === 'unsure' || stroke === 'unsure'
      ? 'unsure'
      : 'hidden';
}

/** Areas painted after the glyph: covering all of it hides it, covering part makes it unsure. */
function coveredLater(p: Place, gi: number, areas: Paint[]): Ink {
  let v: Ink = 'shown';
  const gb = p.box;
  let pts: Array<[number, number]> | null = null;
  // Areas are in drawing order: those drawn after the glyph are at the end.
  for (let k = areas.length - 1; k >= 0 && areas[k]!.after > gi; k--) {
    const a = areas[k]!;
    if (a.box[0] > gb[2] || a.box[2] < gb[0] || a.box[1] > gb[3] || a.box[3] < gb[1]) continue;
    // A shape much thinner than the glyph hides none of it.
    if (Math.min(a.box[2] - a.box[0], a.box[3] - a.box[1]) < p.size * 0.3) continue;
    pts ??= samples(p);
    let hits = 0;
    for (const q of pts) if (inBox(q, a.clip.box) && inside(q, a)) hits++;
    if (!hits) continue;
    if (a.exact && hits === pts.length) return 'hidden';
    v = 'unsure';
  }
  return v;
}

const within = (b: Box, c: Box) => b[0] >= c[0] && b[1] >= c[1] && b[2] <= c[2] && b[3] <= c[3];
/**
 * An image, or a filled shape that is no rectangle, drawn on the page: what it shows is not read
 * as text. A picture of a 2 before the text 5 shows 25, a vector-drawn 1 before 5 shows 15, and
 * a white picture over the 2 of 24 shows 4 (a fresh tester's t25: 69 cells published as the
 * text alone). `after`: glyphs drawn before it.
 */
interface Picture {
  box: Box;
  after: number;
  image: boolean;
}

/**
 * A digit's ink with the pictures near it: 'unsure' when a picture of about a character's size
 * stands beside it on its line (within 0.3 of its size) or over or under part of it, or when a
 * larger image drawn after it covers its centre; else 'shown'. Only a digit is judged (a
 * number's cell is what a picture beside it makes wrong; a bullet before a heading is none),
 * and a shape that holds the whole digit is its cell's shading or frame, an image holding it
 * drawn before it its background (a letterhead under the text): not beside it.
 */
function besidePicture(p: Place, gi: number, pictures: Picture[]): Ink {
  const g = p.box;
  const gh = g[3] - g[1];
  for (const pic of pictures) {
    const b = pic.box;
    const w = b[2] - b[0];
    const h = b[3] - b[1];
    const holds = b[0] <= g[0] && b[1] <= g[1] && b[2] >= g[2] && b[3] >= g[3];
    if (pic.image && pic.after > gi && inBox(p.centre, b)) return 'unsure';
    // A shape round the digit is its cell's shading or frame (drawn after it, what it covers is
    // coveredLater's); an image under all of it, its background.
    if (holds && (!pic.image || pic.after <= gi)) continue;
    // About a character's size: a mark as high as a glyph, not a rule (thin) nor a table.
    if (h < 0.4 * p.size || h > 2.5 * p.size || w > 4 * p.size) continue;
    // On the digit's line: overlapping most of the lower of the two heights.
    const over = Math.min(b[3], g[3]) - Math.max(b[1], g[1]);
    if (over < 0.5 * Math.min(h, gh)) continue;
    const gap = Math.max(b[0] - g[2], g[0] - b[2], 0);
    if (gap <= 0.3 * p.size) return 'unsure';
  }
  return 'shown';
}

const inBox = (p: [number, number], b: Box) => p[0] >= b[0] && p[0] <= b[2] && p[1] >= b[1] && p[1] <= b[3];

/** Whether a point is inside a filled shape (non-zero winding, or even-odd). */
function inside(p: [number, number], a: Paint): boolean {
  let wind = 0;
  let crossings = 0;
  for (const poly of a.polys) {
    for (let i = 0; i < poly.length; i++) {
      const [x0, y0] = poly[i]!;
      const [x1, y1] = poly[(i + 1) % poly.length]!;
      if (y0 <= p[1] ? y1 > p[1] : y1 <= p[1]) {
        const x = x0 + ((p[1] - y0) / (y1 - y0)) * (x1 - x0);
        if (x > p[0]) {
          crossings++;
          wind += y1 > y0 ? 1 : -1;
        }
      }
    }
  }
  return a.evenOdd ? crossings % 2 === 1 : wind !== 0;
}

const corners = (b: Box): Array<[number, number]> => [
  [b[0], b[1]],
  [b[2], b[1]],
  [b[2], b[3]],
  [b[0], b[3]],
];
const quad = (m: Matrix, x0: number, y0: number, x1: number, y1: number): Array<[number, number]> => [
  apply(m, x0, y0),
  apply(m, x1, y0),
  apply(m, x1, y1),
  apply(m, x0, y1),
];
function bbox(pts: Array<[number, number]>): Box {
  let x0 = Infinity,
    y0 = Infinity,
    x1 = -Infinity,
    y1 = -Infinity;
  for (const [x, y] of pts) {
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return [x0, y0, x1, y1];
}
function isAxisRect(pts: Array<[number, number]>): boolean {
  const q = pts.length === 5 && near(pts[0]!, pts[4]!) ? pts.slice(0, 4) : pts;
  if (q.length !== 4) return false;
  return q.every((p, i) => {
    const n = q[(i + 1) % 4]!;
    return Math.abs(p[0] - n[0]) < 0.01 || Math.abs(p[1] - n[1]) < 0.01;
  });
}
const near = (a: [number, number], b: [number, number]) => Math.abs(a[0] - b[0]) < 0.01 && Math.abs(a[1] - b[1]) < 0.01;

/**
 * A path buffer (DrawOPS: 0 moveTo, 1 lineTo, 2 curveTo, 3 quadraticCurveTo, 4 closePath) → its
 * subpaths as polygons in page space; not exact when it has curves (their control points are
 * taken as corners).
 */
function polygons(buf: ArrayLike<number>, m: Matrix): { polys: Array<Array<[number, number]>>; exact: boolean } | null {
  const polys: Array<Array<[number, number]>> = [];
  let pts: Array<[number, number]> = [];
  let exact = true;
  for (let i = 0; i < buf.length;) {
    const op = buf[i++];
    if (op === 0) {
      if (pts.length) polys.push(pts);
      pts = [apply(m, buf[i]!, buf[i + 1]!)];
      i += 2;
    } else if (op === 1) {
      pts.push(apply(m, buf[i]!, buf[i + 1]!));
      i += 2;
    } else if (op === 2) {
      exact = false;
      for (let k = 0; k < 6; k += 2) pts.push(apply(m, buf[i + k]!, buf[i + k + 1]!));
      i += 6;
    } else if (op === 3) {
      exact = false;
      for (let k = 0; k < 4; k += 2) pts.push(apply(m, buf[i + k]!, buf[i + k + 1]!));
      i += 4;
    } else if (op === 4) continue;
    else return null;
  }
  if (pts.length) polys.push(pts);
  return polys.length ? { polys, exact } : null;
}
