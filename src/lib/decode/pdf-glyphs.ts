import type { Segment, TextRun } from './pdf-layout.ts';
import { UNSURE_MARK } from './shown.ts';

/**
 * Text that is drawn on a PDF page but is no text of the page's own: a watermark or stamp set at
 * an angle, text drawn faint (semi-transparent) over the page, and the second copy of a glyph
 * drawn twice to look bold ("fake bold": the same string again 0.2–0.5 pt to the side). Each
 * would put digits where the page has none: a watermark's 2024 in a blank cell, 5959 for a bold
 * 59. Pure functions; pdf.ts gives them what pdf.js reports.
 */

/** Estimated advance of a character in ems: CJK and full-width characters one, others half. */
export const charEm = (ch: string): number =>
  /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/.test(ch) ? 1 : 0.5;

// ---------------------------------------------------------------- a page's runs

/** A text item as pdf.js's text content gives it. */
export interface PdfTextItem {
  str: string;
  /** [a, b, c, d, e, f]: the text space of the item's first glyph on the page. */
  transform: number[];
  width: number;
  height: number;
}

/** The page's view box [x0, y0, x1, y1]. */
export type View = [number, number, number, number];
export type Turn = 0 | 90 | 180 | 270;

/**
 * A page's text items → its runs, in page space turned so that the page's text runs left to
 * right (`up` maps any point of the page the same way, for its ruling lines). Text set at an
 * angle to the page (a watermark, a stamp) is none of its lines or cells; faint characters and
 * the second copy of a glyph drawn twice are dropped. `drawn`: the characters as drawn, with
 * their opacity (drawnAlphas); null when not known.
 */
export function pageRuns(
  items: PdfTextItem[],
  drawn: { text: string[]; alpha: number[] } | null,
  view: View,
): { runs: TextRun[]; turn: Turn; up: (x: number, y: number) => [number, number] } {
  const alphas = drawn
    ? itemAlphas(
        items.map((it) => it.str),
        drawn,
      )
    : null;
  const placed = items.map((it, i) => {
    const [a, b] = it.transform as [number, number];
    return { str: it.str, a, b, it, alpha: alphas?.[i] };
  });
  // A landscape table set on a portrait page (or any page drawn turned): the whole page is
  // turned back so that the text runs left to right. Faint text (a watermark) has no say.
  const turn = dominantTurn(placed.filter((p) => !isFaint(p.str, p.alpha)));
  const [vx0, vy0, vx1, vy1] = view;
  const W = vx1 - vx0;
  const H = vy1 - vy0;
  const up = (px: number, py: number): [number, number] => {
    const x = px - vx0;
    const y = py - vy0;
    return turn === 90 ? [y, W - x] : turn === 180 ? [W - x, H - y] : turn === 270 ? [H - y, x] : [x, y];
  };
  const runs = dropOverdrawn(
    placed
      .filter((p) => runsWithPage(p, turn))
      .map(({ it, a, b, alpha }) => {
        const [x, y] = up(it.transform[4]!, it.transform[5]!);
        return { str: it.str, x, y, w: it.width, size: Math.hypot(a, b) || it.height, ...(alpha ? { alpha } : {}) };
      }),
  );
  return { runs, turn, up };
}

/** The direction most text on the page runs in: 0 (left to right), 90, 180 or 270 degrees. */
export function dominantTurn(items: Array<{ str: string; a: number; b: number }>): Turn {
  const weight = [0, 0, 0, 0];
  for (const it of items) {
    const deg = (Math.round((Math.atan2(it.b, it.a) * 180) / Math.PI / 90) * 90 + 360) % 360;
    weight[deg / 90] = (weight[deg / 90] ?? 0) + it.str.replace(/\s/g, '').length;
  }
  const best = weight.indexOf(Math.max(...weight));
  return (best * 90) as Turn;
}

/** Every character that draws something is faint. */
const isFaint = (str: string, alpha: number[] | undefined): boolean =>
  !!alpha && [...str].every((ch, i) => /\s/.test(ch) || (alpha[i] ?? 1) < FAINT);

// ---------------------------------------------------------------- direction

/** Degrees (0–360) of a text matrix's baseline: pdf.js's `transform` [a, b, c, d, e, f]. */
export const baselineAngle = (a: number, b: number): number => ((Math.atan2(b, a) * 180) / Math.PI + 360) % 360;

/**
 * The baseline may deviate this much from the page's direction: a real line of text runs with
 * the page (or with the page turned a quarter, which pdf.ts turns back); a watermark or stamp is
 * set at 30°, 45° or 90° to it.
 */
const MAX_SKEW = 3;

/**
 * Whether a run of text runs in the page's direction (`turn`, from dominantTurn). Only the
 * baseline counts: an oblique (fake italic) font shears the glyphs' vertical axis, not the line.
 * Text of no size has no direction and is not drawn: not upright either.
 */
export function runsWithPage(t: { a: number; b: number }, turn: number): boolean {
  if (Math.hypot(t.a, t.b) < 1e-6) return false;
  const off = Math.abs(((baselineAngle(t.a, t.b) - turn + 540) % 360) - 180);
  return off <= MAX_SKEW;
}

// ---------------------------------------------------------------- transparency

/**
 * Fill opacity below which text is faint: drawn through (a watermark's 50 %, a stamp's 30 %).
 * Office suites and browsers draw a report's own text opaque.
 */
export const FAINT = 0.75;

/**
 * The fill opacity each drawn character was shown with, in drawing order, from pdf.js's operator
 * list (where every text-showing operator is `showText`, its glyphs carrying `unicode`). The
 * opacity is the graphics state's `ca`; a transparency group is composited with the `ca` in force
 * where it is painted, and its content starts again from 1 (PDF 32000, 11.6.6). Annotations'
 * appearances are skipped: pdf.js's text content leaves them out too. Whitespace and invisible
 * format marks are left out (the text content's spaces are its own).
 */
export function drawnAlphas(
  ol: { fnArray: number[]; argsArray: unknown[][] },
  OPS: Record<string, number>,
): { text: string[]; alpha: number[] } {
  const text: string[] = [];
  const alpha: number[] = [];
  let st = { ca: 1, group: 1 };
  const stack: Array<typeof st> = [];
  let annotation = 0;
  for (let i = 0; i < ol.fnArray.length; i++) {
    const fn = ol.fnArray[i];
    const args = ol.argsArray[i] as unknown[] | null;
    if (fn === OPS.beginAnnotation) annotation++;
    else if (fn === OPS.endAnnotation) annotation = Math.max(0, annotation - 1);
    else if (fn === OPS.save || fn === OPS.paintFormXObjectBegin) stack.push(st);
    else if (fn === OPS.restore || fn === OPS.paintFormXObjectEnd || fn === OPS.endGroup) st = stack.pop() ?? st;
    else if (fn === OPS.beginGroup) {
      stack.push(st);
      st = { ca: 1, group: st.group * st.ca };
    } else if (fn === OPS.setGState) {
      for (const kv of (args?.[0] ?? []) as Array<[string, unknown]>)
        if (Array.isArray(kv) && kv[0] === 'ca' && typeof kv[1] === 'number') st = { ...st, ca: kv[1] };
    } else if (fn === OPS.showText && !annotation) {
      const a = st.ca * st.group;
      for (const g of (args?.[0] ?? []) as unknown[]) {
        const u = g && typeof g === 'object' && 'unicode' in g ? g.unicode : null;
        if (typeof u !== 'string') continue;
        for (const ch of visibleChars(u)) {
          text.push(ch);
          alpha.push(a);
        }
      }
    }
  }
  return { text, alpha };
}

/** Characters that draw something, normalised alike on both sides of the alignment. */
const visibleChars = (s: string): string[] => [...s.normalize('NFKC')].filter((c) => !/[\s\p{Cf}]/u.test(c));

/**
 * Each text item's characters → the opacity they were drawn with. pdf.js builds its text items
 * from the same operators in the same order, so the visible characters of both agree one to
 * one; where they do not (text outside the page, which the text content leaves out), nothing is
 * known and null is returned: no character is then taken for faint.
 */
export function itemAlphas(items: string[], drawn: { text: string[]; alpha: number[] }): number[][] | null {
  const out: number[][] = [];
  let k = 0;
  for (const str of items) {
    const per: number[] = [];
    for (const ch of str) {
      const v = visibleChars(ch);
      if (!v.length) {
        per.push(1);
        continue;
      }
      let a = 1;
      for (const c of v) {
        if (drawn.text[k] !== c) return null;
        a = Math.min(a, drawn.alpha[k++]!);
      }
      per.push(a);
    }
    out.push(per);
  }
  return k === drawn.text.length ? out : null;
}

// ---------------------------------------------------------------- glyphs drawn twice

/** A run on the page with the opacity of each of its characters (1 when not known). */
export interface DrawnRun extends TextRun {
  alpha?: number[];
}

interface Glyph {
  ch: string;
  x: number;
  w: number;
}

/** A run's characters placed along it by their estimated advance, scaled to the run's width. */
function glyphsOf(run: TextRun): Glyph[] {
  const chars = [...run.str];
  const ems = chars.map(charEm);
  const scale =
    run.w /
    Math.max(
      ems.reduce((a, b) => a + b, 0),
      1e-9,
    );
  let x = run.x;
  return chars.map((ch, i) => {
    const w = ems[i]! * scale;
    const g = { ch, x, w };
    x += w;
    return g;
  });
}

/**
 * Drops faint characters, and a character that repeats one already drawn at almost the same
 * place: the same character, the same size, less than a third of its advance away across and a
 * third of its size up or down. Fake bold draws every glyph again 0.2–0.5 pt off; a digit
 * written twice (55) stands a whole advance further on and stays. The runs come in drawing
 * order; a run that loses nothing is returned as it was, one that loses characters is cut into
 * the pieces between them.
 */
export function dropOverdrawn(runs: DrawnRun[]): TextRun[] {
  const seen = new Map<string, Array<{ x: number; y: number; w: number; size: number }>>();
  const out: TextRun[] = [];
  for (const run of runs) {
    const glyphs = glyphsOf(run);
    const keep = glyphs.map((g, i) => {
      if ((run.alpha?.[i] ?? 1) < FAINT) return false;
      if (/\s/.test(g.ch)) return true;
      let prior = seen.get(g.ch);
      if (!prior) seen.set(g.ch, (prior = []));
      const again = prior.some(
        (p) =>
          Math.abs(p.size - run.size) <= 0.2 * Math.max(p.size, run.size) &&
          Math.abs(p.y - run.y) < run.size / 3 &&
          Math.abs(p.x - g.x) < Math.min(p.w, g.w) / 3,
      );
      if (!again) prior.push({ x: g.x, y: run.y, w: g.w, size: run.size });
      return !again;
    });
    if (keep.every(Boolean)) {
      const { alpha: _alpha, ...plain } = run;
      out.push(plain);
      continue;
    }
    let piece: Glyph[] = [];
    const flush = () => {
      const str = piece.map((g) => g.ch).join('');
      if (str.trim())
        out.push({ str, x: piece[0]!.x, y: run.y, w: piece.reduce((a, g) => a + g.w, 0), size: run.size });
      piece = [];
    };
    glyphs.forEach((g, i) => (keep[i] ? piece.push(g) : flush()));
    flush();
  }
  return out;
}

// ---------------------------------------------------------------- struck text

/**
 * Runs struck through: a correction printed as it was marked (a browser's `<del>9</del>658`, a
 * Word strikethrough) is a horizontal rule across the run between a fifth and three fifths of
 * its size above the baseline, no longer than the run (a table's border runs past its text; an
 * underline lies below the baseline). The struck characters are no text of the page as it reads,
 * like struck text in HTML, but where they end within the run is only estimated: the run is
 * marked ⁇ (shown.ts), so that a number in it is never read — 9658 for a struck 9 and 658.
 */
export function markStruck(runs: TextRun[], segments: Segment[]): TextRun[] {
  const flat = segments.filter((s) => Math.abs(s.y1 - s.y0) < 0.5 && Math.abs(s.x1 - s.x0) > 0.5);
  if (!flat.length) return runs;
  return runs.map((r) => {
    const struck = flat.some((s) => {
      const x0 = Math.min(s.x0, s.x1);
      const x1 = Math.max(s.x0, s.x1);
      const up = (s.y0 + s.y1) / 2 - r.y;
      return (
        up >= r.size * 0.2 &&
        up <= r.size * 0.6 &&
        x0 >= r.x - 1 &&
        x1 <= r.x + r.w + 1 &&
        x1 - x0 >= Math.min(r.w, r.size) * 0.3
      );
    });
    return struck && !r.str.startsWith(UNSURE_MARK) ? { ...r, str: UNSURE_MARK + r.str } : r;
  });
}
