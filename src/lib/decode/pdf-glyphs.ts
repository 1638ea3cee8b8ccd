import { worse, type Ink } from './ink.ts';
import { visibleChars, type Drawn } from './pdf-ink.ts';
import type { Segment, TextRun } from './pdf-layout.ts';
import { UNSURE_MARK } from './shown.ts';

export { drawnAlphas } from './pdf-ink.ts';

/**
 * Text that is drawn on a PDF page but is no text of the page's own: a watermark or stamp set at
 * an angle, text drawn faint (semi-transparent) over the page, text a reader does not see
 * (pdf-ink.ts: white on white, tiny, invisible, covered), and the second copy of a glyph drawn
 * twice to look bold ("fake bold": the same string again 0.2–0.5 pt to the side). Each would put
 * digits where the page has none: a watermark's 2024 in a blank cell, 5959 for a bold 59, 93 for
 * a white 9 before a 3. Pure functions; pdf.ts gives them what pdf.js reports.
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
 * right and level (`skew`: the small angle it was turned back by, dominantSkew; `up` maps any
 * point of the page the same way, for its ruling lines). Text set at an
 * angle to the page (a watermark, a stamp) is none of its lines or cells; faint and hidden
 * characters and the second copy of a glyph drawn twice are dropped, characters a reader may or
 * may not see are kept behind UNSURE_MARK. `drawn`: the characters as drawn, with their opacity
 * and ink (pdf-ink.ts drawnAlphas); null when not known.
 */
export function pageRuns(
  items: PdfTextItem[],
  drawn: Drawn | { text: string[]; alpha: number[] } | null,
  view: View,
): { runs: TextRun[]; turn: Turn; skew: number; up: (x: number, y: number) => [number, number] } {
  const known = drawn
    ? alignDrawn(
        items.map((it) => it.str),
        drawn,
      )
    : null;
  const placed = items.map((it, i) => {
    const [a, b] = it.transform as [number, number];
    return { str: it.str, a, b, it, alpha: known?.alpha[i], ink: known?.ink[i] };
  });
  // A landscape table set on a portrait page (or any page drawn turned): the whole page is
  // turned back so that the text runs left to right. Faint or hidden text (a watermark) has no say.
  const own = placed.filter((p) => !isFaint(p.str, p.alpha, p.ink));
  const turn = dominantTurn(own);
  // A page drawn a little turned (a scan's text layer that was never deskewed): each run is
  // placed by its first glyph, so along a tilted row the later cells drift by up to a line's
  // height (0.3° over 500 pt is 2.6 pt) into the neighbouring row's band, and a value would be
  // read under the wrong row. The page is turned back by the angle its text shares, points and
  // ruling lines alike, so that rows are level again before any layout is done.
  const skew = dominantSkew(own, turn);
  const [vx0, vy0, vx1, vy1] = view;
  const W = vx1 - vx0;
  const H = vy1 - vy0;
  const turned = turn === 90 || turn === 270;
  // Turned back about the page's centre, so that the page's text stays on the page.
  const cx = (turned ? H : W) / 2;
  const cy = (turned ? W : H) / 2;
  const cos = Math.cos((-skew * Math.PI) / 180);
  const sin = Math.sin((-skew * Math.PI) / 180);
  const up = (px: number, py: number): [number, number] => {
    const x = px - vx0;
    const y = py - vy0;
    const [tx, ty] = turn === 90 ? [y, W - x] : turn === 180 ? [W - x, H - y] : turn === 270 ? [H - y, x] : [x, y];
    if (!skew) return [tx, ty];
    const dx = tx - cx;
    const dy = ty - cy;
    return [cx + dx * cos - dy * sin, cy + dx * sin + dy * cos];
  };
  const runs = dropOverdrawn(
    placed
      .filter((p) => runsWithPage(p, turn, skew))
      .map(({ it, a, b, alpha, ink: drawnInk }) => {
        const [x, y] = up(it.transform[4]!, it.transform[5]!);
        // A run turned otherwise than the page (text set at its own small angle among level text,
        // or level text on a page turned back): where the cells along its line stand is not
        // known, so its digits are kept only as unsure, never a number read under a row.
        const ink = offSkew(a, b, turn, skew)
          ? [...it.str].map((ch, i) =>
              /[0-9０-９]/.test(ch) ? worse(drawnInk?.[i] ?? 'shown', 'unsure') : (drawnInk?.[i] ?? 'shown'),
            )
          : drawnInk;
        return {
          str: it.str,
          x,
          y,
          w: it.width,
          size: Math.hypot(a, b) || it.height,
          ...(alpha ? { alpha } : {}),
          ...(ink && ink.some((v) => v !== 'shown') ? { ink } : {}),
        };
      }),
  );
  return { runs, turn, skew, up };
}

/** A page's text turned less than this (degrees) is level: its rows drift under 0.1 pt a page. */
const MIN_SKEW = 0.01;

/**
 * A run whose baseline is off the page's own (its turn and skew) by more than this many degrees
 * is set at an angle of its own: along a row of 500 points, 0.1° is under a point.
 */
const OWN_ANGLE = 0.1;

const offSkew = (a: number, b: number, turn: number, skew: number): boolean =>
  Math.abs(((baselineAngle(a, b) - turn - skew + 540) % 360) - 180) > OWN_ANGLE;

/**
 * The small angle (degrees, counter-clockwise; 0 when level) by which the page's text is turned
 * from `turn`: the median baseline of the runs that run with the page, each weighted by its
 * characters. A page drawn tilted shares one angle across all its text; a watermark at 30° or
 * 45° is no run with the page and has no say.
 */
export function dominantSkew(items: Array<{ str: string; a: number; b: number }>, turn: number): number {
  const offs: Array<[number, number]> = [];
  for (const it of items) {
    if (!runsWithPage(it, turn)) continue;
    const n = it.str.replace(/\s/g, '').length;
    if (n) offs.push([((baselineAngle(it.a, it.b) - turn + 540) % 360) - 180, n]);
  }
  if (!offs.length) return 0;
  offs.sort((p, q) => p[0] - q[0]);
  const half = offs.reduce((s, p) => s + p[1], 0) / 2;
  let acc = 0;
  for (const [deg, n] of offs) {
    acc += n;
    if (acc >= half) return Math.abs(deg) < MIN_SKEW ? 0 : deg;
  }
  return 0;
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

/** Every character that draws something is faint or hidden. */
const isFaint = (str: string, alpha: number[] | undefined, ink: Ink[] | undefined): boolean =>
  (!!alpha || !!ink) && [...str].every((ch, i) => /\s/.test(ch) || (alpha?.[i] ?? 1) < FAINT || ink?.[i] === 'hidden');

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
 * Whether a run of text runs in the page's direction (`turn`, from dominantTurn, and the page's
 * small tilt `skew`, from dominantSkew). Only the baseline counts: an oblique (fake italic) font
 * shears the glyphs' vertical axis, not the line. Text of no size has no direction and is not
 * drawn: not upright either.
 */
export function runsWithPage(t: { a: number; b: number }, turn: number, skew = 0): boolean {
  if (Math.hypot(t.a, t.b) < 1e-6) return false;
  const off = Math.abs(((baselineAngle(t.a, t.b) - turn - skew + 540) % 360) - 180);
  return off <= MAX_SKEW;
}

// ---------------------------------------------------------------- transparency

/**
 * Fill opacity below which text is faint: drawn through (a watermark's 50 %, a stamp's 30 %).
 * Office suites and browsers draw a report's own text opaque.
 */
export const FAINT = 0.75;

/**
 * Each text item's characters → the opacity and ink they were drawn with (pdf-ink.ts). pdf.js
 * builds its text items from the same operators in the same order, so the visible characters of
 * both agree one to one; where they do not (text outside the page, which the text content leaves
 * out), nothing is known and null is returned.
 */
export function alignDrawn(
  items: string[],
  drawn: { text: string[]; alpha: number[]; ink?: Ink[] },
): { alpha: number[][]; ink: Ink[][] } | null {
  const alpha: number[][] = [];
  const ink: Ink[][] = [];
  let k = 0;
  for (const str of items) {
    const per: number[] = [];
    const inks: Ink[] = [];
    for (const ch of str) {
      let a = 1;
      let v: Ink = 'shown';
      for (const c of visibleChars(ch)) {
        if (drawn.text[k] !== c) return null;
        a = Math.min(a, drawn.alpha[k]!);
        const d = drawn.ink?.[k] ?? 'shown';
        v = v === 'hidden' || d === 'hidden' ? 'hidden' : v === 'unsure' || d === 'unsure' ? 'unsure' : 'shown';
        k++;
      }
      per.push(a);
      inks.push(v);
    }
    alpha.push(per);
    ink.push(inks);
  }
  return k === drawn.text.length ? { alpha, ink } : null;
}

/** Each text item's characters → the opacity they were drawn with (alignDrawn); null: not known. */
export const itemAlphas = (items: string[], drawn: { text: string[]; alpha: number[] }): number[][] | null =>
  alignDrawn(items, drawn)?.alpha ?? null;

// ---------------------------------------------------------------- glyphs drawn twice

/** A run on the page with the opacity and ink of each of its characters (1, shown when not known). */
export interface DrawnRun extends TextRun {
  alpha?: number[];
  ink?: Ink[];
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
 * the pieces between them. Hidden characters (pdf-ink.ts) are dropped as faint ones are; a
 * stretch of unsure ones is kept behind UNSURE_MARK.
 */
export function dropOverdrawn(all: DrawnRun[]): TextRun[] {
  const runs = dropCopies(all);
  const touching = faintTouching(runs);
  for (const k of overstruck(runs)) touching.add(k);
  const seen = new Map<string, Array<{ x: number; y: number; w: number; size: number }>>();
  const out: TextRun[] = [];
  for (const [r, run] of runs.entries()) {
    const glyphs = glyphsOf(run);
    const keep = glyphs.map((g, i) => {
      if (run.ink?.[i] === 'hidden') return false;
      if ((run.alpha?.[i] ?? 1) < FAINT) return touching.has(`${r}.${i}`);
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
    const unsure = (i: number) => (run.ink?.[i] === 'unsure' || touching.has(`${r}.${i}`)) && !/\s/.test(glyphs[i]!.ch);
    if (keep.every(Boolean) && !glyphs.some((_, i) => unsure(i))) {
      const { alpha: _alpha, ink: _ink, ...plain } = run;
      out.push(plain);
      continue;
    }
    // Cut at the characters dropped; a stretch of characters that may not be seen is kept
    // behind UNSURE_MARK (a number holding one is never read).
    let piece: Array<Glyph & { unsure: boolean }> = [];
    const flush = () => {
      const str = piece.map((g, k) => (g.unsure && !piece[k - 1]?.unsure ? UNSURE_MARK : '') + g.ch).join('');
      if (str.trim())
        out.push({ str, x: piece[0]!.x, y: run.y, w: piece.reduce((a, g) => a + g.w, 0), size: run.size });
      piece = [];
    };
    glyphs.forEach((g, i) => (keep[i] ? piece.push({ ...g, unsure: unsure(i) }) : flush()));
    flush();
  }
  return out;
}

/**
 * The characters (`run.glyph` keys) drawn where another character, not the same, is drawn: the
 * same size within a fifth, the same baseline within a third of it, less than a third of their
 * advance apart. Text of a page never overlaps itself; two text layers that disagree do (a scan
 * with two OCR layers, or a born-digital page with an OCR layer over it: 128 and 123 at one
 * place, whose shared 1 and 2 the glyph rule below drops once, read as 1283 — a fresh tester's
 * t78). Which one the page shows the drawing does not tell: both are kept unsure (UNSURE_MARK),
 * so the number is never read. Hidden and faint characters are no ink of the page's: not counted.
 */
function overstruck(runs: readonly DrawnRun[]): Set<string> {
  const out = new Set<string>();
  const lines = new Map<number, Array<{ key: string; ch: string; x: number; w: number; y: number; size: number }>>();
  const at = (y: number) => Math.round(y / 2);
  runs.forEach((run, r) =>
    glyphsOf(run).forEach((g, i) => {
      if (/\s/.test(g.ch) || (run.alpha?.[i] ?? 1) < FAINT || run.ink?.[i] === 'hidden') return;
      const reach = Math.ceil(run.size / 6) + 1;
      for (let k = at(run.y) - reach; k <= at(run.y) + reach; k++)
        for (const p of lines.get(k) ?? [])
          if (
            p.ch !== g.ch &&
            Math.abs(p.size - run.size) <= 0.2 * Math.max(p.size, run.size) &&
            Math.abs(p.y - run.y) < run.size / 3 &&
            Math.abs(p.x - g.x) < Math.min(p.w, g.w) / 3
          ) {
            out.add(p.key);
            out.add(`${r}.${i}`);
          }
      const key = at(run.y);
      const line = lines.get(key) ?? [];
      line.push({ key: `${r}.${i}`, ch: g.ch, x: g.x, w: g.w, y: run.y, size: run.size });
      lines.set(key, line);
    }),
  );
  return out;
}

/**
 * The faint characters (`run.glyph` keys) that touch a plainly drawn one on their line: the same
 * size within a fifth, the same baseline within a third of it, under a third of it apart. A
 * watermark stands apart from the text it lies on (another size, another line, a gap); a faint
 * digit beside an opaque one is part of the number a reader sees (a fresh tester's t31:
 * `1<span style="opacity:.5">5</span>` printed by Chromium read as 1): it is kept, unsure.
 */
function faintTouching(runs: readonly DrawnRun[]): Set<string> {
  const out = new Set<string>();
  if (!runs.some((r) => r.alpha?.some((a) => a < FAINT))) return out;
  // Plain characters by line (a bucket of the baseline), for the faint ones' lookups.
  const lines = new Map<number, Array<{ x: number; w: number; y: number; size: number }>>();
  const glyphs = runs.map(glyphsOf);
  const at = (y: number) => Math.round(y / 2);
  runs.forEach((run, r) =>
    glyphs[r]!.forEach((g, i) => {
      if (/\s/.test(g.ch) || (run.alpha?.[i] ?? 1) < FAINT || run.ink?.[i] === 'hidden') return;
      const key = at(run.y);
      const line = lines.get(key) ?? [];
      line.push({ x: g.x, w: g.w, y: run.y, size: run.size });
      lines.set(key, line);
    }),
  );
  runs.forEach((run, r) =>
    glyphs[r]!.forEach((g, i) => {
      if (/\s/.test(g.ch) || (run.alpha?.[i] ?? 1) >= FAINT || run.ink?.[i] === 'hidden') return;
      const reach = Math.ceil(run.size / 6) + 1;
      for (let k = at(run.y) - reach; k <= at(run.y) + reach; k++)
        for (const p of lines.get(k) ?? [])
          if (
            Math.abs(p.size - run.size) <= 0.2 * Math.max(p.size, run.size) &&
            Math.abs(p.y - run.y) < run.size / 3 &&
            Math.min(Math.abs(p.x + p.w - g.x), Math.abs(g.x + g.w - p.x)) < run.size / 3
          ) {
            out.add(`${r}.${i}`);
            return;
          }
    }),
  );
  return out;
}

/**
 * How plainly a reader sees a run: 2 for each character drawn plainly, 1 for each one unsure, 0
 * for a faint or hidden one.
 */
const plainness = (r: DrawnRun): number =>
  [...r.str].reduce((sum, ch, i) => {
    if (/\s/.test(ch) || (r.alpha?.[i] ?? 1) < FAINT) return sum;
    const ink = r.ink?.[i] ?? 'shown';
    return sum + (ink === 'shown' ? 2 : ink === 'unsure' ? 1 : 0);
  }, 0);

/**
 * Drops a run that is a copy of another drawn over it: the same text at the same size, less than
 * half its size up or down and less than three quarters of its width across, so that the two
 * overlap — a shadow (CSS text-shadow 3px: every number read twice, 38 as 3838), an embossed or
 * cloned copy. Text of a page never overlaps itself; a number written twice (55) stands about a
 * whole width further on (nine tenths of it when tightly tracked). Of the two, the one a reader
 * sees more plainly stays (a light shadow would make it unsure), else the first drawn. Fake bold
 * (a copy a fraction of a glyph off) is left to dropOverdrawn's glyph rule, which it meets too.
 */
export function dropCopies(runs: DrawnRun[]): DrawnRun[] {
  const dropped = new Set<number>();
  const unsure = new Set<number>();
  const byText = new Map<string, number[]>();
  runs.forEach((r, i) => {
    const key = r.str.trim();
    if (!key) return;
    const prior = byText.get(key) ?? [];
    const j = prior.find((k) => {
      const p = runs[k]!;
      return (
        !dropped.has(k) &&
        Math.abs(p.size - r.size) <= 0.2 * Math.max(p.size, r.size) &&
        Math.abs(p.y - r.y) < Math.max(p.size, r.size) / 2 &&
        Math.abs(p.x - r.x) < 0.75 * Math.min(p.w, r.w)
      );
    });
    if (j === undefined) {
      byText.set(key, [...prior, i]);
      return;
    }
    // One character on the same baseline, more than a third of its width on: a shadow set
    // straight across, or the next character of a number tracked tight (digits drawn each on
    // its own at 0.62 of their advance: 3001's second 0 was dropped as a copy, 301 published).
    // The drawing does not tell which: both are kept, the later one unsure (UNSURE_MARK), so
    // that the number is never read.
    const p = runs[j]!;
    if ([...key].length === 1 && Math.abs(p.y - r.y) < 0.05 * r.size && Math.abs(p.x - r.x) >= Math.min(p.w, r.w) / 3) {
      unsure.add(i);
      byText.set(key, [...prior, i]);
      return;
    }
    if (plainness(r) > plainness(runs[j]!)) {
      dropped.add(j);
      byText.set(key, [...prior.filter((k) => k !== j), i]);
    } else dropped.add(i);
  });
  if (!dropped.size && !unsure.size) return runs;
  return runs.flatMap((r, i) =>
    dropped.has(i)
      ? []
      : unsure.has(i)
        ? [
            {
              ...r,
              ink: [...r.str].map((ch, k) =>
                /\s/.test(ch) ? (r.ink?.[k] ?? 'shown') : worse(r.ink?.[k] ?? 'shown', 'unsure'),
              ),
            },
          ]
        : [r],
  );
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
