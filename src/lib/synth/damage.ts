import type { Random } from './random.ts';

/**
 * Damage real tables show, applied to a table's rows of cell texts: two cells glued together
 * (`30 | 5` → `305`), a cell dropped (the rest of the row shifted left), a row written twice
 * with different numbers, a number cell holding text that is no number (`约12`, `12*`,
 * `五十六`), and — for the property test — rows swapped and a row label lost. Each returns
 * which cells a correct reader may leave NULL (`lenient`: their number is still the one
 * written) and which it must leave NULL (`mustNull`: nothing proves them).
 */

export type DamageKind =
  'glued-cells' | 'short-row' | 'duplicated-row' | 'cell-text' | 'reordered-rows' | 'label-missing';

export interface DRow {
  /** The template row, or null for a row that is none (a header). */
  key: string | null;
  label: string;
  cells: string[];
  /** Set on a row once damaged: cell indices no longer match columns, so it is left alone. */
  damaged?: boolean;
}

export interface Damaged {
  rows: DRow[];
  /** `rowKey.colIndex` of cells that may be NULL. */
  lenient: string[];
  /** `rowKey.colIndex` of cells that must be NULL. */
  mustNull: string[];
  /** Rows a reader may not find any more (their cells may be absent). */
  lost: string[];
}

const DIGITS = /^\d+$/;
const CN = '零一二三四五六七八九';
/** Chinese numerals for 10…99 (五十六). */
const chinese = (v: number) => `${v >= 20 ? CN[Math.floor(v / 10)] : ''}十${v % 10 ? CN[v % 10] : ''}`;

/** Non-numeric texts for a cell holding v. */
export function cellTexts(v: string): string[] {
  const n = Number(v);
  const out = [`约${v}`, `${v}*`, `${v}（注1）`, `${v}%`];
  if (v.length > 1) out.push(`${v[0]} ${v.slice(1)}`);
  if (n >= 10 && n <= 99) out.push(chinese(n));
  if (n >= 10000) out.push(`${(n / 10000).toFixed(1)}万`);
  return out;
}

/**
 * Applies one damage of `kind` to a random eligible row; null when no row is eligible.
 * `rows` is not changed.
 */
export function damage(rng: Random, rows: DRow[], kind: DamageKind): Damaged | null {
  const rowsOf = (pred: (r: DRow) => boolean) =>
    rows.map((r, i) => [r, i] as const).filter(([r]) => r.key !== null && !r.damaged && pred(r));
  const all = (r: DRow) => r.cells.map((_, j) => `${r.key}.${j}`);
  const out = rows.map((r) => ({ ...r, cells: r.cells.slice() }));
  const mark = (i: number) => (out[i]!.damaged = true);
  switch (kind) {
    case 'glued-cells': {
      const ok = rowsOf((r) => r.cells.length >= 2 && r.cells.every((c) => DIGITS.test(c)));
      if (!ok.length) return null;
      const [r, i] = rng.pick(ok);
      const j = rng.int(0, r.cells.length - 2);
      out[i]!.cells.splice(j, 2, r.cells[j]! + r.cells[j + 1]!);
      mark(i);
      return { rows: out, lenient: all(r), mustNull: [], lost: [] };
    }
    case 'short-row': {
      const ok = rowsOf((r) => r.cells.length >= 2 && r.cells.every((c) => c !== ''));
      if (!ok.length) return null;
      const [r, i] = rng.pick(ok);
      out[i]!.cells.splice(rng.int(0, r.cells.length - 1), 1);
      mark(i);
      return { rows: out, lenient: all(r), mustNull: [], lost: [] };
    }
    case 'duplicated-row': {
      const ok = rowsOf((r) => r.cells.every((c) => DIGITS.test(c)));
      if (!ok.length) return null;
      const [r, i] = rng.pick(ok);
      // The copy differs in one cell (else either copy would be right).
      const copy = r.cells.slice();
      const j = rng.int(0, copy.length - 1);
      copy[j] = String(Number(copy[j]) + rng.int(1, 9));
      mark(i);
      out.splice(rng.chance(0.5) ? i + 1 : i, 0, { key: null, label: r.label, cells: copy });
      return { rows: out, lenient: [], mustNull: all(r), lost: [] };
    }
    case 'cell-text': {
      const ok = rowsOf((r) => r.cells.some((c) => DIGITS.test(c)));
      if (!ok.length) return null;
      const [r, i] = rng.pick(ok);
      const js = r.cells.map((c, j) => (DIGITS.test(c) ? j : -1)).filter((j) => j >= 0);
      const j = rng.pick(js);
      out[i]!.cells[j] = rng.pick(cellTexts(r.cells[j]!));
      mark(i);
      return { rows: out, lenient: [], mustNull: [`${r.key}.${j}`], lost: [] };
    }
    case 'reordered-rows': {
      const ok = rowsOf(() => true).filter(([, i]) => i + 1 < rows.length && rows[i + 1]!.key !== null);
      if (!ok.length) return null;
      const [r, i] = rng.pick(ok);
      [out[i], out[i + 1]] = [out[i + 1]!, out[i]!];
      mark(i);
      mark(i + 1);
      return { rows: out, lenient: [], mustNull: [], lost: [r.key!, rows[i + 1]!.key!] };
    }
    case 'label-missing': {
      const ok = rowsOf(() => true);
      if (!ok.length) return null;
      const [r, i] = rng.pick(ok);
      out[i] = { ...out[i]!, label: '', damaged: true };
      return { rows: out, lenient: [], mustNull: [], lost: [r.key!] };
    }
  }
}

/**
 * A row with a blank cell the conversion lost and a number that is none of its cells (a page
 * number, a note's) after its values: the count is the row's, every value after the lost cell a
 * column to the left (a fresh tester's t14). The cell lost is one of the row's but its last, as
 * `short-row` loses one; `rows` is not changed. Its cells may be NULL (`lenient`, the lost one's
 * number too, as `short-row` has it). Null when no row has every cell a number.
 */
export function strayNumber(rng: Random, rows: DRow[]): Damaged | null {
  const ok = rows
    .map((r, i) => [r, i] as const)
    .filter(([r]) => r.key !== null && !r.damaged && r.cells.length >= 3 && r.cells.every((c) => DIGITS.test(c)));
  if (!ok.length) return null;
  const [r, i] = rng.pick(ok);
  const j = rng.int(0, r.cells.length - 2);
  const out = rows.map((x) => ({ ...x, cells: x.cells.slice() }));
  out[i]!.cells.splice(j, 1);
  out[i]!.cells.push(String(rng.int(1, 30)));
  out[i]!.damaged = true;
  return { rows: out, lenient: r.cells.map((_, k) => `${r.key}.${k}`), mustNull: [], lost: [] };
}

/**
 * One row of 三 with a value (not 0) lost and a stray number after its values, as `strayNumber`
 * has a blank lost, and another row a cell short (a cell dropped, the rest of it shifted left:
 * `short-row`): the column sums through the first pass through a row not placed (a fresh
 * tester's t34: `7 | 6 | 0 | 0 | 0 | 105 | 118` for 92 7 6 0 0 0 105, its own sum holding by
 * chance, under 予以公开 written `6 | 0 | 0 | 0 | 0 | 9`). Both rows' cells may be NULL. Null
 * when no two rows have every cell a number.
 */
const OUTSIDE_RESULTS = new Set(['new_received', 'carried_over', 'carried_forward']);

export function strayBesideShort(rng: Random, rows: DRow[]): Damaged | null {
  // Both among 三's results and their 总计, whose column sums pass through both (not 一, 二 or 四).
  const numbers = ([r]: readonly [DRow, number]) =>
    r.key !== null &&
    !OUTSIDE_RESULTS.has(r.key) &&
    !r.damaged &&
    r.cells.length >= 3 &&
    r.cells.every((c) => DIGITS.test(c));
  // The value lost is not 0 (a 0 lost reads as a blank lost, which the row's own sum tells).
  const ok = rows
    .map((r, i) => [r, i] as const)
    .filter((x) => numbers(x) && x[0].cells.slice(0, -1).some((c) => c !== '0'));
  if (!ok.length) return null;
  const [r, i] = rng.pick(ok);
  const j = rng.pick(r.cells.map((c, k) => (k < r.cells.length - 1 && c !== '0' ? k : -1)).filter((k) => k >= 0));
  const out = rows.map((x) => ({ ...x, cells: x.cells.slice() }));
  const cells = out[i]!.cells;
  cells.splice(j, 1);
  // The stray number: one the row's own sum then holds by chance (its values but the last add up
  // to it), a 0, or a page's or note's number.
  const sum = cells.slice(0, -1).reduce((a, c) => a + Number(c), 0);
  const how = rng.int(0, 2);
  cells.push(String(how === 0 ? sum : how === 1 ? 0 : rng.int(1, 30)));
  // Two cells or more other than the row's: one alone is what a source's own wrong number reads as
  // (0 0 0 0 0 1 0 for 0 0 0 0 0 1 1), which no reader may take for damage.
  if (cells.filter((c, k) => c !== r.cells[k]).length < 2) return null;
  out[i]!.damaged = true;
  const others = out.map((x, k) => [x, k] as const).filter((x) => numbers(x) && x[0].cells.some((c) => c !== '0'));
  if (!others.length) return null;
  const [o, k] = rng.pick(others);
  out[k]!.cells.splice(rng.int(0, o.cells.length - 1), 1);
  out[k]!.damaged = true;
  const all = (x: DRow) => x.cells.map((_, m) => `${x.key}.${m}`);
  return { rows: out, lenient: [...all(r), ...all(o)], mustNull: [], lost: [] };
}

/**
 * A count ending in 0 written with a stray dot before a trailing zero (`42.0` for 420, `1.00` for
 * 100: OCR, a smudge; a fresh tester's t33): 42 or 420 cannot be told from the cell, and the
 * table's other counts have no point. Only that cell may be NULL (`lenient`). Null when no row has such a count.
 */
export function strayDot(rng: Random, rows: DRow[]): Damaged | null {
  const ok: Array<[number, number]> = [];
  rows.forEach((r, i) => {
    if (r.key !== null && !r.damaged) r.cells.forEach((c, j) => /^[1-9]\d*0$/.test(c) && ok.push([i, j]));
  });
  if (!ok.length) return null;
  const [i, j] = rng.pick(ok);
  const out = rows.map((x) => ({ ...x, cells: x.cells.slice() }));
  const text = out[i]!.cells[j]!;
  // Before any of its trailing zeros: 100 as 10.0 or 1.00.
  const at = text.length - rng.int(1, text.length - text.replace(/0+$/, '').length);
  out[i]!.cells[j] = `${text.slice(0, at)}.${text.slice(at)}`;
  out[i]!.damaged = true;
  return { rows: out, lenient: [`${rows[i]!.key}.${j}`], mustNull: [], lost: [] };
}

/**
 * A row whose two neighbouring cells OCR glued into one (`30 | 5` as `305`) and whose table rule
 * it read as a `1` after the values (a fresh tester's t33): the count is the row's, every value
 * after the glued one a column off. The cells glued are two of the row's but its last; `rows`
 * is not changed. Its cells may be NULL (`lenient`). Null when no row has every cell a number
 * of at most two digits (a glued cell then reads as one number a row could hold).
 */
export function gluedRule(rng: Random, rows: DRow[]): Damaged | null {
  const ok = rows
    .map((r, i) => [r, i] as const)
    .filter(
      ([r]) => r.key !== null && !r.damaged && r.cells.length >= 3 && r.cells.every((c) => /^[1-9]\d?$|^0$/.test(c)),
    );
  if (!ok.length) return null;
  const [r, i] = rng.pick(ok);
  const j = rng.int(0, r.cells.length - 3);
  const out = rows.map((x) => ({ ...x, cells: x.cells.slice() }));
  const cells = out[i]!.cells;
  cells.splice(j, 2, `${cells[j]}${cells[j + 1]}`);
  cells.push('1');
  out[i]!.damaged = true;
  return { rows: out, lenient: r.cells.map((_, k) => `${r.key}.${k}`), mustNull: [], lost: [] };
}
