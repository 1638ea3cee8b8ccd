import type { Rule } from './glue.ts';
import { rulesNaming, termsOf } from './rule-index.ts';

/**
 * Whether a row read by the count of its values could be those values a column off.
 *
 * A count proves the columns only when no value is extra and none is missing; a number among the
 * row's that is none of its cells (a row number such as 1 before them, a page number after or
 * inside them, a note's number) together with a blank cell the text does not show (a lost blank,
 * a blank 总计 "total" dropped as the row's padding) gives the same count with the values between
 * the two a column off. Only the row's own sums can tell the readings apart: when the count's
 * reading fails an identity of the row while the same values without such a number and with a
 * blank put back somewhere add up (or hold a sum the count's fails and fail fewer: a source's
 * own wrong sum elsewhere in the row fails under both), the text cannot tell a shifted row from a
 * source whose own sum is wrong, so neither reading is proven and the caller leaves the row NULL. A row whose sums fail
 * under every other reading too is the source's own error: published, its check failed.
 *
 * Where the two may stand (`how`, Shift) is the caller's: a blank goes unseen anywhere in
 * space-separated text or one value a line, but shows as an empty piece in delimited text and a
 * drawn table, except the last (taken for padding).
 * Readings that only leave a failing sum unchecked (its blank in it) are weak: with `mend` the
 * other reading must check and hold a sum the count's fails, its blank adding nothing (a row with
 * one sum, 三's, always has a reading with its 总计 blank).
 *
 * `values`: the row's cells in column order (a number, or null for a blank or no number);
 * `keys`: their `row.col` keys; `rules`: the table's identities (those naming only these keys are
 * used). Returns the reason in English for the diagnostic, or null when the count's reading
 * stands (no identity fails, or no other reading holds).
 */
export function shiftedReading(
  values: ReadonlyArray<number | null>,
  keys: string[],
  rules: Rule[],
  how: Shift,
  known: ReadonlyMap<string, number | null> = new Map(),
  short?: CellShort,
): string | null {
  const index = new Map(keys.map((k, j) => [k, j]));
  const shortAt = new Map(short?.keys.map((k, j) => [k, j]));
  // The row's own sums, and the table's that name it and rows already read (`known`: 三's 总计
  // against the rows above it, column by column; a row a cell short, `short`), in the table's order.
  const own = rulesNaming(rules, keys).filter((r) =>
    termsOf(r).every((t) => index.has(t) || known.has(t) || shortAt.has(t)),
  );
  const placements = short ? shortPlacements(short, rules, known, index) : [];
  const failures = (v: ReadonlyArray<number | null>): Verdict => {
    const at = (s?: ReadonlyArray<number | null>) => (t: string) =>
      index.has(t) ? v[index.get(t)!] : s && shortAt.has(t) ? s[shortAt.get(t)!] : known.get(t);
    if (!placements.length) {
      const f = failed(own, at());
      const clean = f.failed.size === 0;
      return { ...f, each: [f.failed], eachHeld: [f.held], cleanAt: clean ? [0] : [], clean, at: at() };
    }
    return jointly(
      placements.map((s) => failed(own, at(s))),
      at(),
    );
  };
  const failing = failures(values);
  if (failing.clean) return null;
  // The sums over the row's own cells alone.
  const ownRows = own.filter((r) => termsOf(r).every((t) => index.has(t)));
  const n = values.length;
  const drops = how.extra === 'edges' ? [0, n - 1] : [...Array(n).keys()];
  for (const d of drops) {
    // A row number, a page number or a note's number is a whole number from 1: not a 0 nor a blank.
    const extra = values[d];
    // With a value lost, a stray 0 too (a fresh tester's t34: `8 | 0 | 27 | 1 | 0 | 36 | 0`): the
    // column sums, two or more mended, tell.
    if (typeof extra !== 'number' || !Number.isInteger(extra) || extra < (how.lostValue ? 0 : 1)) continue;
    const rest = [...values.slice(0, d), ...values.slice(d + 1)];
    // At the edges: a number before the values with the blank last (dropped as padding). Not one
    // after them with the blank first: an empty first cell is as well the label's.
    const places = how.lost === 'anywhere' ? [...Array(n).keys()] : d === 0 ? [n - 1] : [];
    for (const blank of places) {
      // Mending, the blank adds nothing to a sum (the source's total counted it as none); a value
      // lost is what the row's own sum makes it, a whole number from 0 (else no reading).
      const other = [...rest.slice(0, blank), how.mend && !how.lostValue ? 0 : null, ...rest.slice(blank)];
      if (how.lostValue) {
        const x = solved(ownRows, index, other, blank);
        if (x === null) continue;
        other[blank] = x;
        // A reading that differs from the count's in one cell only rewrites that number (lost
        // where the stray stood, or beside a cell of the same value: 5 2 0 … read as 2 2 0 …),
        // as the source's own error in it reads: no column is shown moved.
        if (other.filter((v, j) => v !== values[j]).length < 2) continue;
      }
      const f = failures(other);
      // It holds a sum the count's fails (not only leaves it unchecked), or, without mending,
      // fails none. Fewer failures suffice: a source's own wrong sum elsewhere fails both.
      // A value lost: none may fail, and two sums of other rows' must hold that the count's
      // fails (the row's own holds by the value's making; blank cells leave the column sums few
      // to tell, and a source's own wrong number in a sparse table, read a column off, held one).
      // With a row a cell short: what the count's reading fails that this one holds, the short
      // row read the same way for both (where this one fails none), and read any way for the count's.
      const count = (fails: Set<Rule>, holding: Set<Rule>) =>
        [...holding].filter((r) => fails.has(r) && !(how.lostValue && ownRows.includes(r))).length;
      const mended = Math.max(0, ...f.cleanAt.map((p) => count(failing.each[p]!, f.eachHeld[p]!)));
      const anyway = Math.min(...failing.each.map((fails) => count(fails, f.held)));
      const mends = how.lostValue ? mended >= 2 && anyway >= 1 : anyway >= 1;
      // A value lost where the source's own error elsewhere (a blank 一 in a column) fails a sum
      // under every reading: this one failing nothing the count's does not, and mending two the
      // count's fails, where the count's fails the row's own sum too (seed 17: 总计 `11 1 0 0 0 21
      // 0` for 11 9 1 0 0 0 21, 新收's 自然人 blank). With a row a cell short, a sum held under
      // every way of reading it, or this reading failing nothing the count's does not under each
      // (seed 41: `0 0 0 0 0 3 0` for 0 3 0 0 0 0 3 beside `1 0 0 0 0 1`, whose 1 read under
      // 商业企业 fails that column either way). Not where the row adds up: a blank row of the
      // table (四 结转下年度 left empty, t27) fails every column's sum, and a row read right then
      // mends some by chance when shifted.
      const within =
        how.lostValue && ownRows.some((r) => failing.failed.has(r))
          ? f.each.flatMap((fails, p) => ([...fails].every((r) => failing.each[p]!.has(r)) ? [p] : []))
          : [];
      const mendedWithin = Math.max(0, ...within.map((p) => count(failing.each[p]!, f.eachHeld[p]!)));
      if (
        (f.clean && (!(how.mend || how.lostValue) || mends)) ||
        (how.lostValue && !f.clean && mendedWithin >= 2 && (anyway >= 1 || within.length === f.each.length)) ||
        (mends && !how.lostValue && f.failed.size < failing.failed.size)
      )
        return how.lostValue
          ? `its values fail ${failing.first && ownRows.includes(failing.first) ? "the row's own sum" : 'a column sum'} (${describe(failing.first!, failing.at)}), while the same values without the one at column ${d + 1} and with a cell not shown at column ${blank + 1} hold the column sums the row's reading fails: a number among the row's values that is none of its cells with one of them lost reads so, as does the source's own error — which, the text does not show`
          : `its values fail the row's own sum (${describe(failing.first!, failing.at)}), while the same values without the one at column ${d + 1} and with a blank cell at column ${blank + 1} add up: a number among the row's values that is none of its cells (a row number, a page number, a note's) with a blank cell not shown reads so, as does the source's own error — which, the text does not show`;
    }
  }
  return null;
}

/**
 * Whether a row whose last cell is empty where the text may show no cell (a PDF's ruled row:
 * the void beside a row drawn a cell short, Tok `voidEnd`) could be a row a cell short, its
 * values in the columns before: read with that cell lost at another place (its value what a sum
 * of the row's makes it, a whole number from 0, or blank) and no last cell, the row's sums hold
 * (none fails, one the reading as shown fails holds). Then which is not proven (a source's own
 * error reads as shown too). Returns the reason in English, or null. `values`: the row's cells
 * as shown (the last null), `keys`, `rules`: as shiftedReading's.
 */
export function voidEndReading(values: ReadonlyArray<number | null>, keys: string[], rules: Rule[]): string | null {
  const n = values.length;
  if (n < 3 || values[n - 1] !== null) return null;
  const index = new Map(keys.map((k, j) => [k, j]));
  const own = rulesNaming(rules, keys).filter((r) => termsOf(r).every((t) => index.has(t)));
  const at = (v: ReadonlyArray<number | null>) => (t: string) => v[index.get(t)!];
  const failing = failed(own, at(values));
  // The sums the empty last cell leaves unchecked: a reading that checks and holds one is as
  // good as the one shown (t27: `… 0 0 0 0 | 1 0 1 2 |` and the void, a 0 of the block before lost).
  const unchecked = own.filter((r) => termsOf(r).includes(keys[n - 1]!));
  if (failing.failed.size === 0 && unchecked.length === 0) return null;
  const rest = values.slice(0, -1);
  for (let lost = 0; lost < n - 1; lost++) {
    const other = [...rest.slice(0, lost), null, ...rest.slice(lost)];
    other[lost] = solved(own, index, other, lost);
    const f = failed(own, at(other));
    if (f.failed.size === 0 && [...f.held].some((r) => failing.failed.has(r) || unchecked.includes(r)))
      return `${failing.first ? `its values fail a sum (${describe(failing.first, at(values))})` : 'its empty last cell leaves a sum unchecked'}, while read with a cell lost at column ${lost + 1} and the empty last cell the void beside a row drawn a cell short, they add up: which, the drawing does not show`;
  }
  return null;
}

/**
 * The value at `at` that makes the first of `rules` naming it (once, the row's own sum) hold,
 * the row's other cells numbers: a whole number from 0, or null.
 */
function solved(
  rules: Rule[],
  index: ReadonlyMap<string, number>,
  values: ReadonlyArray<number | null>,
  at: number,
): number | null {
  const r = rules.find((x) => termsOf(x).filter((t) => index.get(t) === at).length === 1);
  if (!r) return null;
  let other = 0;
  let sign = 0;
  for (const [side, s] of [
    [r.lhs, 1],
    [r.rhs, -1],
  ] as const)
    for (const t of side) {
      const j = index.get(t)!;
      const v = values[j];
      if (j === at) sign = s;
      else if (typeof v === 'number') other += s * v;
      else return null;
    }
  // sign·x + other = 0
  const x = -other / sign;
  return Number.isInteger(x) && x >= 0 ? x : null;
}

/**
 * The other readings shiftedReading tries: `extra`, where the number that is no cell may stand
 * (before or after the values, or anywhere among them); `lost`, where the blank not shown may
 * (anywhere, or at the other edge); `mend`, whether the reading must check and hold a sum the
 * count's fails, its blank adding nothing (else leaving it unchecked is enough).
 */
export interface Shift {
  extra: 'edges' | 'anywhere';
  lost: 'edges' | 'anywhere';
  mend: boolean;
  /**
   * The cell not shown held a value, not known: the reading must hold a sum the count's fails
   * (the other rows' column sums, through `known`), as a mending one must.
   */
  lostValue?: boolean;
}

/** A cell's value in a reading: a number, or null/undefined when blank or not known. */
type Lookup = (key: string) => number | null | undefined;

/**
 * Another row of the table read a cell short (its values fewer than its columns by one, so not
 * placed): `keys`, its `row.col` keys; `values`, its numbers in order, one fewer. The column sums
 * through it are checked with it read each way it can be (the cell not shown at each place, its
 * value what its own sum makes it), so that a row a value lost beside it is still told by them
 * (a fresh tester's t34: `7 | 6 | 0 | 0 | 0 | 105 | 118` for 92 7 6 0 0 0 105, its own sum holding
 * by chance, while 予以公开 above it was `6 | 0 | 0 | 0 | 0 | 9`).
 */
export interface CellShort {
  keys: string[];
  values: number[];
}

/** A reading's identities: those it fails and holds; `clean`, whether one way of reading it fails none. */
interface Verdict {
  /** What it fails: under every way of reading the short row, if any. */
  failed: Set<Rule>;
  /** What it fails under each way of reading the short row (one set without one). */
  each: Array<Set<Rule>>;
  /** What it holds under each way; the ways under which it fails none. */
  eachHeld: Array<Set<Rule>>;
  cleanAt: number[];
  held: Set<Rule>;
  first: Rule | undefined;
  clean: boolean;
  /** The reading's values, for the message (a short row's cells: not known, undefined). */
  at: Lookup;
}

/**
 * The short row's readings: its cell not shown at each place, valued by its own sum (else none);
 * of them, those failing the fewest sums through it that do not pass through the row being read
 * (`row`; `known`, the other rows: 三's 一 + 二 = 总计 + 四 for its 总计).
 */
function shortPlacements(
  short: CellShort,
  rules: Rule[],
  known: ReadonlyMap<string, number | null>,
  row: ReadonlyMap<string, number>,
): Array<Array<number | null>> {
  const at = new Map(short.keys.map((k, j) => [k, j]));
  const named = rulesNaming(rules, short.keys);
  const own = named.filter((r) => termsOf(r).every((t) => at.has(t)));
  const apart = named.filter(
    (r) => !own.includes(r) && termsOf(r).every((t) => at.has(t) || (known.has(t) && !row.has(t))),
  );
  const each: Array<{ v: Array<number | null>; fails: number }> = [];
  for (let p = 0; p < short.keys.length; p++) {
    const v: Array<number | null> = [...short.values.slice(0, p), null, ...short.values.slice(p)];
    v[p] = solved(own, at, v, p);
    if (v[p] === null) continue;
    each.push({ v, fails: failed(apart, (t) => (at.has(t) ? v[at.get(t)!] : known.get(t))).failed.size });
  }
  const fewest = Math.min(...each.map((e) => e.fails));
  return each.filter((e) => e.fails === fewest).map((e) => e.v);
}

/**
 * A reading judged with each of the short row's: it fails what fails under every one (a sum
 * failing under one only may be the short row's place, not this row's values), and `each` what
 * each fails; it is clean when one fails none, and holds what every clean one (or, none clean,
 * every one) holds.
 */
function jointly(each: Array<ReturnType<typeof failed>>, at: Lookup): Verdict {
  const all = <T>(sets: Array<Set<T>>): Set<T> =>
    sets.length ? new Set([...sets[0]!].filter((x) => sets.every((s) => s.has(x)))) : new Set();
  const clean = each.filter((f) => f.failed.size === 0);
  const failedAll = all(each.map((f) => f.failed));
  const first = each[0] ? ([...each[0].failed].find((r) => failedAll.has(r)) ?? each[0].first) : undefined;
  return {
    failed: failedAll,
    each: each.map((f) => f.failed),
    eachHeld: each.map((f) => f.held),
    cleanAt: each.flatMap((f, p) => (f.failed.size === 0 ? [p] : [])),
    held: all((clean.length ? clean : each).map((f) => f.held)),
    first,
    clean: clean.length > 0,
    at,
  };
}

/** The identities a reading checks and fails, and those it checks and holds (a blank leaves one unchecked). */
function failed(rules: Rule[], value: Lookup) {
  const out = new Set<Rule>();
  const held = new Set<Rule>();
  let first: Rule | undefined;
  for (const r of rules) {
    // A rule with a term blank or not known is not checked.
    const lhs = sumOf(r.lhs, value);
    const rhs = lhs === null ? null : sumOf(r.rhs, value);
    if (lhs === null || rhs === null) continue;
    if (Math.abs(lhs - rhs) > 1e-9) {
      out.add(r);
      first ??= r;
    } else held.add(r);
  }
  return { failed: out, held, first };
}

/** Whether an identity is checked (every term a number) and holds. */
export function holds(r: Rule, value: Lookup): boolean {
  return failed([r], value).held.size === 1;
}

/** The sum of the terms' values, one lookup a term; null when one is blank or not known. */
function sumOf(terms: readonly string[], value: Lookup): number | null {
  let sum = 0;
  for (const t of terms) {
    const v = value(t);
    if (typeof v !== 'number') return null;
    sum += v;
  }
  return sum;
}

function describe(r: Rule, value: Lookup): string {
  // A short row's cells differ from one way of reading it to the other.
  if (termsOf(r).some((t) => typeof value(t) !== 'number'))
    return `${r.lhs.join(' + ')} ≠ ${r.rhs.join(' + ')}, a row a cell short read every way`;
  const sum = (ts: string[]) => ts.reduce((a, t) => a + (value(t) as number), 0);
  return `${r.lhs.join(' + ')} = ${sum(r.lhs)}, ${r.rhs.join(' + ')} = ${sum(r.rhs)}`;
}

/**
 * Whether a row read by its count could be its values a column off by two cells glued and a
 * number that is none of its cells: OCR joining `30 | 5` into `305` and reading a table rule as
 * a `1` after the values (`305 | 1 | 2 | 1 | 3 | 42 | 1` for 30 5 1 2 1 3 42), or a row number
 * before them (`1 | 30 | … | 342`): a fresh tester's t33. The count is the row's, every value
 * between the glued cell and the stray number a column off. Only the sums tell: where the count's
 * reading fails the row's own sum, and a reading with one cell's digits split in two and the
 * number at one edge dropped holds it and two or more of the column sums the count's fails, the
 * row is not proven (NULL). A source's own wrong numbers mend under no such reading: published,
 * their checks failed. `texts`: the cells as written; `values`, `keys`, `known`: as
 * shiftedReading's. Returns the reason in English, or null.
 */
/** A table's rule read as a character: l, I, 丨, a bar, their full-width forms, a 1. */
const RULE_MARK = /^(?:[lI|丨｜ｌＩ1１])$/;

export function gluedReading(
  texts: ReadonlyArray<string | null>,
  values: ReadonlyArray<number | null>,
  keys: string[],
  rules: Rule[],
  known: ReadonlyMap<string, number | null>,
): string | null {
  const index = new Map(keys.map((k, j) => [k, j]));
  const named = rulesNaming(rules, keys);
  const own = named.filter((r) => termsOf(r).every((t) => index.has(t)));
  const at = (v: ReadonlyArray<number | null>) => (t: string) => (index.has(t) ? v[index.get(t)!] : known.get(t));
  const failing = failed(named, at(values));
  // Its own sum fails, or is not checked for a cell of digits that reads as no number (00, 05: a
  // leading zero, cell.ts — two cells glued, or one number).
  const n = values.length;
  // Or a table rule read as a letter at an edge (l, I, 丨: no number, so no sum is checked).
  const rule = (j: number) => RULE_MARK.test(texts[j]?.trim() ?? '');
  const blocked =
    texts.some((t, j) => values[j] === null && /^\d{2,}$/.test(t?.trim() ?? '')) || rule(0) || rule(n - 1);
  if (![...failing.failed].some((r) => own.includes(r)) && !blocked) return null;
  // A row with no column sums through it (四's one row): its own sums tell, two or more, every
  // one holding where the count's reading fails one or leaves one unchecked.
  const alone = named.length === own.length;
  for (let g = 0; g < n; g++) {
    const digits = texts[g]?.trim() ?? '';
    if (!/^\d{2,}$/.test(digits)) continue;
    for (let p = 1; p < digits.length; p++) {
      const [a, b] = [digits.slice(0, p), digits.slice(p)];
      if (/^0\d/.test(a) || /^0\d/.test(b)) continue;
      const split = [...values.slice(0, g), Number(a), Number(b), ...values.slice(g + 1)];
      for (const other of [split.slice(1), split.slice(0, n)]) {
        const f = failed(named, at(other));
        const mended = [...f.held].filter((r) => failing.failed.has(r) && !own.includes(r)).length;
        // A cell of digits that is no number (00) is itself a sign of cells glued: one column
        // sum mended then suffices (a row of zeros, `0 | 00 | … | 1`, fails only 总计's).
        const enough = alone
          ? own.length >= 2 && own.some((r) => !failing.held.has(r))
          : mended >= (values[g] === null || blocked ? 1 : 2);
        if (own.every((r) => f.held.has(r)) && enough && f.failed.size === 0)
          return `its values ${failing.first ? `fail the row's own sum (${describe(failing.first, at(values))})` : `hold "${digits}", a number or two cells`}, while read with "${digits}" as two cells (${a} and ${b}) and the number at its ${other === split.slice(1) ? 'start' : 'end'} dropped, the row's and the columns' sums hold: two cells glued and a number that is none of its cells (a table rule read as a 1) read so, as does the source's own error — which, the text does not show`;
      }
    }
  }
  return null;
}
