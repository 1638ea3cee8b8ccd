import type { ValTok } from './rows.ts';

/**
 * Digits glued together with no separator (`640020470`) can only be split with the table's own
 * arithmetic. This module enumerates every split into the wanted number of cells (no leading
 * zeros: "05" is never a cell) and keeps those that satisfy every rule. One survivor: the cells
 * are read. Several: `ambiguous`. None: `unreadable`. It never picks one of several.
 */

export interface Piece {
  text: string;
  tok: ValTok;
  /** Offset of the piece inside its token's text. */
  start: number;
}

/**
 * The raw source text of one piece of a glued run. Digits fold one for one, so the piece's
 * offsets in the normalised token are its offsets in the raw token when the lengths agree.
 */
export function pieceRaw(piece: Piece): string {
  return piece.tok.raw.length === piece.tok.text.length ? piece.tok.raw.slice(piece.start, piece.start + piece.text.length) : piece.text;
}

/** Every way to read `vals` as exactly `n` cells; null when there are more than `cap`. */
export function enumerateSplits(vals: ValTok[], n: number, cap = 20_000): Piece[][] | null {
  const out: Piece[][] = [];
  let overflow = false;
  const rec = (i: number, left: number, acc: Piece[]) => {
    if (overflow) return;
    if (i === vals.length) {
      if (left === 0) out.push(acc.slice());
      if (out.length > cap) overflow = true;
      return;
    }
    const tok = vals[i]!;
    const remainingToks = vals.length - i - 1;
    if (!/^\d+$/.test(tok.text)) {
      if (left >= 1) rec(i + 1, left - 1, [...acc, { text: tok.text, tok, start: 0 }]);
      return;
    }
    const digits = tok.text;
    const maxParts = Math.min(digits.length, left - remainingToks);
    for (let k = 1; k <= maxParts; k++) {
      for (const parts of splitDigits(digits, k)) {
        let start = 0;
        const pieces = parts.map((p) => {
          const piece = { text: p, tok, start };
          start += p.length;
          return piece;
        });
        rec(i + 1, left - k, [...acc, ...pieces]);
        if (overflow) return;
      }
    }
  };
  rec(0, n, []);
  return overflow ? null : out;
}

/** All ways to cut a digit string into k numbers without leading zeros. */
export function splitDigits(digits: string, k: number): string[][] {
  if (k === 1) return validPart(digits) ? [[digits]] : [];
  const out: string[][] = [];
  for (let cut = 1; cut <= digits.length - (k - 1); cut++) {
    const head = digits.slice(0, cut);
    if (!validPart(head)) {
      if (head.length > 1) break;
      continue;
    }
    for (const rest of splitDigits(digits.slice(cut), k - 1)) out.push([head, ...rest]);
  }
  return out;
}

function validPart(p: string): boolean {
  return p.length > 0 && (p === '0' || p[0] !== '0');
}

/** Rows whose cells are candidates, resolved jointly against table-wide rules. */
export interface GluedRow {
  key: string;
  candidates: number[][];
}

/**
 * Joint resolution: the cartesian product of the rows' candidates, filtered by `tableOk`
 * (which sees every row's values, known or candidate). A cell is decided when all surviving
 * combinations agree on it; otherwise it stays undecided (null). When the product is too large
 * or nothing survives, rows keep only what their own candidates agree on.
 */
export function resolveJointly(
  rows: GluedRow[],
  tableOk: (assign: Map<string, number[]>) => boolean,
  cap = 50_000,
): Map<string, Array<number | null>> {
  const agreed = (cands: number[][]): Array<number | null> =>
    cands.length === 0 ? [] : cands[0]!.map((v, j) => (cands.every((c) => c[j] === v) ? v : null));
  const result = new Map<string, Array<number | null>>();
  const product = rows.reduce((p, r) => p * Math.max(1, r.candidates.length), 1);
  if (rows.some((r) => r.candidates.length === 0) || product > cap) {
    for (const r of rows) result.set(r.key, agreed(r.candidates));
    return result;
  }
  const survivors: number[][][] = [];
  const assign = new Map<string, number[]>();
  const rec = (i: number, pick: number[][]) => {
    if (i === rows.length) {
      if (tableOk(assign)) survivors.push(pick.slice());
      return;
    }
    for (const c of rows[i]!.candidates) {
      assign.set(rows[i]!.key, c);
      pick.push(c);
      rec(i + 1, pick);
      pick.pop();
    }
  };
  rec(0, []);
  if (survivors.length === 0) {
    for (const r of rows) result.set(r.key, agreed(r.candidates));
    return result;
  }
  rows.forEach((r, i) => result.set(r.key, agreed(survivors.map((s) => s[i]!))));
  return result;
}
