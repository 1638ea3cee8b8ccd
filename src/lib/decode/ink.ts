/**
 * Whether text is drawn so that a reader can see it: its colour against what is behind it, and
 * its size. One rule for every format that has the properties (shown.ts for web pages,
 * docx-hidden.ts, doc-text.ts and rtf.ts for Word and RTF):
 *
 * - colour: the text's colour composited over its background (a run's or cell's shading, the
 *   page; a web page's background colours, white by default) — a contrast ratio (WCAG 2) below
 *   HIDDEN_CONTRAST (white on white, #fefefe on white, black on black, transparent text) is
 *   text no reader sees: left out, like hidden text. Below FAINT_CONTRAST (#e0e0e0 on white) it
 *   may or may not be seen: unsure (kept behind UNSURE_MARK, never a digit of a number).
 * - size: text at or under HIDDEN_PT (Word's w:sz 2 half-points, font-size 1px or 0) is not
 *   seen; under FAINT_PT it is unsure.
 * - a colour or size that cannot be known (a CSS variable, an unknown colour name, a shading
 *   pattern) is unsure: its text never joins a number, either way.
 */

/** Red, green, blue 0–255 and alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

export const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };
export const BLACK: Rgba = { r: 0, g: 0, b: 0, a: 1 };

/** Contrast ratio under which text is not seen / may not be seen. */
export const HIDDEN_CONTRAST = 1.1;
export const FAINT_CONTRAST = 1.5;
/** Font size (points) at or under which text is not seen / under which it may not be seen. */
export const HIDDEN_PT = 1;
export const FAINT_PT = 4;

export type Ink = 'shown' | 'hidden' | 'unsure';

/** `top` drawn over `bottom` (opaque): the colour seen. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a;
  return {
    r: top.r * a + bottom.r * (1 - a),
    g: top.g * a + bottom.g * (1 - a),
    b: top.b * a + bottom.b * (1 - a),
    a: 1,
  };
}

function luminance(c: Rgba): number {
  const ch = (v: number) => {
    const s = v / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * ch(c.r) + 0.7152 * ch(c.g) + 0.0722 * ch(c.b);
}

/** WCAG 2 contrast ratio of two opaque colours: 1 (the same) to 21 (black on white). */
export function contrast(x: Rgba, y: Rgba): number {
  const [a, b] = [luminance(x), luminance(y)];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}

/** Text of colour `fg` over an opaque background `bg`; null for either: not known. */
export function inkOfColour(fg: Rgba | null, bg: Rgba | null): Ink {
  if (!fg || !bg) return 'unsure';
  const seen = contrast(over(fg, bg), bg);
  return seen < HIDDEN_CONTRAST ? 'hidden' : seen < FAINT_CONTRAST ? 'unsure' : 'shown';
}

/** Text of `pt` points; null: not known. */
export function inkOfSize(pt: number | null): Ink {
  if (pt === null || !Number.isFinite(pt)) return 'unsure';
  return pt <= HIDDEN_PT ? 'hidden' : pt < FAINT_PT ? 'unsure' : 'shown';
}

/** The stronger of two verdicts: hidden over unsure over shown. */
export function worse(a: Ink, b: Ink): Ink {
  return a === 'hidden' || b === 'hidden' ? 'hidden' : a === 'unsure' || b === 'unsure' ? 'unsure' : 'shown';
}

/** `RRGGBB` (Word, RTF, a .doc's COLORREF written so) → a colour; null if it is none. */
export function hexColour(hex: string): Rgba | null {
  const m = /^#?([0-9a-f]{6})$/i.exec(hex.trim());
  if (!m) return null;
  const n = parseInt(m[1]!, 16);
  return { r: n >> 16, g: (n >> 8) & 255, b: n & 255, a: 1 };
}

/** Mixed: `p` (0–1) of `x` and the rest of `y` (a shading pattern's dots over its fill). */
export function mix(x: Rgba, y: Rgba, p: number): Rgba {
  return { r: x.r * p + y.r * (1 - p), g: x.g * p + y.g * (1 - p), b: x.b * p + y.b * (1 - p), a: 1 };
}
