/**
 * The source view wraps long lines between characters, so Chinese text still wraps, but a line
 * must never wrap inside a number (a reader would take `1` / `2` for two numbers). CSS alone
 * cannot promise that: full-width digits (１２) may break between any two of them like Chinese
 * characters. So the page marks each run of digits (ASCII or full-width, with the separators
 * inside it: 1,234 / 12.5 / １２３) as a piece that does not wrap (`white-space: nowrap`).
 * Runs longer than `MAX_RUN` characters are left to wrap: no screen line may be too narrow
 * for a kept run (20 full-width digits fit in 320 px), and a longer run is glued digits from a
 * flattened table, not a number a reader looks up.
 */

export const MAX_RUN = 20;

export interface Piece {
  text: string;
  /** A run of digits that must not be broken across lines. */
  digits: boolean;
}

const RUN = /[0-9０-９]+(?:[.,，．][0-9０-９]+)*/g;

/** The text cut into pieces, digit runs (2 to MAX_RUN characters) apart; joined they give the text back. */
export function digitPieces(text: string, max = MAX_RUN): Piece[] {
  const out: Piece[] = [];
  let at = 0;
  for (const m of text.matchAll(RUN)) {
    if (m[0].length < 2 || m[0].length > max) continue;
    if (m.index > at) out.push({ text: text.slice(at, m.index), digits: false });
    out.push({ text: m[0], digits: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) out.push({ text: text.slice(at), digits: false });
  return out;
}
