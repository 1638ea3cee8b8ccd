import type { Slot, ValTok } from './rows.ts';

/**
 * A row with fewer cells than columns, and nothing to say where the missing ones were, has
 * several possible readings: digits glued together (`640020470` → 640 0 20 4 70 …, no leading
 * zeros: "05" is never a cell) or one cell dropped at some position (its value unknown). This
 * module enumerates the readings and keeps those that satisfy the table's identities
 * (`template/identities.ts`), jointly across rows. A cell is read only where every surviving
 * reading agrees on it; otherwise it is `ambiguous`, or `unreadable` when no reading survives.
 * It never picks one of several.
 */

/** Digit groups with spaces or separator marks between them, and the marks. */
const GROUP_MARK = /\s*[、;；,，]\s*|\s+/;
const GROUPS = new RegExp(`^\\d+(?:(?:${GROUP_MARK.source})\\d+)+$`);
/** A number with ASCII thousands commas (1,234): one number, as the readers take it. */
const THOUSANDS = /^\d{1,3}(?:,\d{3})+$/;

/** One cell of a reading: a piece of a value token, a marked empty cell, or a dropped cell. */
export type ReadingCell =
  { kind: 'piece'; tok: ValTok; start: number; length: number } | { kind: 'empty'; no: number } | { kind: 'dropped' };

/**
 * Every reading of `slots` as exactly `n` cells: each digit token split into one or more
 * numbers; empty slots stay one empty cell; and, when the row is short of at most `maxDropped`
 * cells, the row as written with that many cells dropped at every choice of positions (one, by
 * default; a row whose cells the source separates may have lost several, see `ShortRow`).
 * `only`: which readings to keep (given one it must not hold on to); the others do not count
 * against the cap. Null when there are more than `cap`.
 */
export function readings(
  slots: Slot[],
  n: number,
  cap = 20_000,
  maxDropped = 1,
  only?: (rd: readonly ReadingCell[]) => boolean,
): ReadingCell[][] | null {
  const out: ReadingCell[][] = [];
  const digits = slots.map((s) => s !== null && /^\d+$/.test(s.text));
  // Digit groups written apart in one cell (`0  14`, `1 234`), or with another mark between them
  // (`0；0`, `5、74`: a separator written as another): one number written with a space, or
  // several cells whose separator was lost or miswritten. Such a cell is not read either way,
  // but it may stand for as many cells as it has groups (the others' values unknown, as a
  // dropped cell's): counted as one cell only, it would make a split elsewhere look proven.
  const groups = slots.map((s) =>
    s !== null && GROUPS.test(s.text) && !THOUSANDS.test(s.text) ? s.text.split(GROUP_MARK).length : 1,
  );
  // Most cells the slots from i on can still give: a digit per cell, one cell per other slot.
  const capacity = Array<number>(slots.length + 1).fill(0);
  for (let i = slots.length - 1; i >= 0; i--)
    capacity[i] = capacity[i + 1]! + (digits[i] ? slots[i]!.text.length : groups[i]!);
  let steps = 0;
  let overflow = false;
  const acc: ReadingCell[] = [];
  const rec = (i: number, left: number) => {
    if (overflow) return;
    if (++steps > cap * 50) {
      overflow = true;
      return;
    }
    if (i === slots.length) {
      if (left === 0 && (!only || only(acc))) out.push(acc.slice());
      if (out.length > cap) overflow = true;
      return;
    }
    if (left < slots.length - i || left > capacity[i]!) return;
    const slot = slots[i]!;
    if (!digits[i]) {
      acc.push(
        slot === null ? { kind: 'empty', no: 0 } : { kind: 'piece', tok: slot, start: 0, length: slot.text.length },
      );
      rec(i + 1, left - 1);
      // The same cell standing for more cells (groups written apart), the others unknown.
      for (let extra = 1; extra < groups[i]!; extra++) {
        acc.push({ kind: 'dropped' });
        rec(i + 1, left - 1 - extra);
      }
      acc.length -= groups[i]!;
      return;
    }
    // Cut the digit run into pieces, one at a time; no piece has a leading zero.
    const text = slot.text;
    const rest = slots.length - i - 1;
    const cut = (start: number, l: number) => {
      if (overflow) return;
      if (start === text.length) return rec(i + 1, l);
      if (l - 1 < rest || l > text.length - start + capacity[i + 1]!) return;
      const maxLen = text[start] === '0' ? 1 : text.length - start;
      for (let len = 1; len <= maxLen && !overflow; len++) {
        acc.push({ kind: 'piece', tok: slot, start, length: len });
        cut(start + len, l - 1);
        acc.pop();
      }
    };
    cut(0, left);
  };
  rec(0, n);
  if (overflow) return null;
  const k = n - slots.length;
  if (k >= 1 && k <= maxDropped) {
    const whole = slots.map((s): ReadingCell =>
      s === null ? { kind: 'empty', no: 0 } : { kind: 'piece', tok: s, start: 0, length: s.text.length },
    );
    // Every choice of the k dropped positions, in order (first positions varying last).
    const pick = (from: number, left: number, row: ReadingCell[], used: number): boolean => {
      if (out.length > cap) return false;
      if (left === 0) {
        out.push([...row, ...whole.slice(used)]);
        return true;
      }
      for (let p = from; p <= n - left; p++) {
        const before = whole.slice(used, used + (p - row.length));
        if (!pick(p + 1, left - 1, [...row, ...before, { kind: 'dropped' }], used + before.length)) return false;
      }
      return true;
    };
    if (!pick(0, k, [], 0)) return null;
  }
  return out;
}

// ── Joint resolution ────────────────────────────────────────────────────────────────────────

/** A cell's value for the arithmetic: a number, null (blank, n/a, not a number) or dropped. */
export type Val = number | null | 'dropped';

/** A source row whose cells are not certain: its template cells and its candidate readings. */
export interface Unit {
  /** Template cell keys (`row.col`) the reading's positions fill, in order. */
  cells: string[];
  /** One array of values per reading, aligned with `cells`. */
  values: Val[][];
}

/** sum(lhs) = sum(rhs) over cell keys (`row.col`). */
export interface Rule {
  lhs: string[];
  rhs: string[];
}

/** A rule's term: a unit's cell (unit ≥ 0, pos) or a known value (unit −1). */
interface Term {
  sign: 1 | -1;
  unit: number;
  pos: number;
  value: Val;
}

/**
 * Which readings of each unit survive the rules. `known` holds the values of certain cells; a
 * rule with a cell that is neither known nor in a unit (a row the report lacks) decides
 * nothing. A rule with one dropped cell holds when the value it implies is a whole number ≥ 0;
 * with more, it decides nothing; the rules a dropped cell is the one unknown of must imply one
 * value for it. First each unit is filtered against the certain cells
 * (repeatedly, as units with one reading left become certain); the units still open are then
 * searched jointly within `budget` steps. Past the budget the local result stands: it can only
 * keep more readings, never fewer, so the cells left undecided are NULL, not guessed.
 */
// The joint search's budget: in a 10,000-report corpus one search in 3,000 needs more than 20,000
// steps (the most, 87,000), and the few that need more than 50,000 rarely finish at all (seven
// ran out at 200,000, about 0.5 s each): past it they keep the local result, NULL where undecided.
// `incremental`: false checks every term of every rule at each step (the test that compares the
// two searches sets it); true, where every value is a whole number, adds only the picked unit's.
export function survivors(
  known: Map<string, Val>,
  units: Unit[],
  rules: Rule[],
  budget = 50_000,
  incremental = true,
): boolean[][] {
  return surviveOnce(known, units, rules, budget, incremental);
}

function surviveOnce(
  known: Map<string, Val>,
  units: Unit[],
  rules: Rule[],
  budget: number,
  incremental: boolean,
): boolean[][] {
  const owner = new Map<string, [number, number]>();
  units.forEach((u, i) => u.cells.forEach((c, j) => owner.set(c, [i, j])));
  const alive = units.map((u) => u.values.map(() => true));
  const compiled: Array<{ terms: Term[]; units: number[] }> = [];
  for (const r of rules) {
    const terms: Term[] = [];
    let decides = true;
    for (const [side, sign] of [
      [r.lhs, 1],
      [r.rhs, -1],
    ] as const) {
      for (const c of side) {
        const o = owner.get(c);
        if (o) terms.push({ sign, unit: o[0], pos: o[1], value: null });
        else if (known.has(c) && known.get(c) !== null) terms.push({ sign, unit: -1, pos: -1, value: known.get(c)! });
        else decides = false;
      }
    }
    const us = [...new Set(terms.filter((t) => t.unit >= 0).map((t) => t.unit))];
    if (decides && us.length) compiled.push({ terms, units: us });
  }
  if (!compiled.length) return alive;

  // Evaluate a rule with a reading chosen for each of its units.
  const holds = (terms: Term[], pick: (unit: number) => number): boolean => {
    let sum = 0;
    let dropped = 0;
    let droppedSign = 1;
    for (const t of terms) {
      const v = t.unit < 0 ? t.value : units[t.unit]!.values[pick(t.unit)]![t.pos]!;
      if (v === null) return true;
      if (v === 'dropped') {
        dropped++;
        droppedSign = t.sign;
      } else sum += t.sign * v;
    }
    if (dropped === 0) return Math.abs(sum) < 1e-9;
    if (dropped > 1) return true;
    const implied = -sum * droppedSign;
    return implied > -1e-9 && Math.abs(implied - Math.round(implied)) < 1e-9;
  };

  // A dropped cell is one unknown, however many rules it is in: each rule in which it is the
  // only unknown implies its value, and they must all imply the same one. Checked rule by rule,
  // a lost cell would absorb a different difference in each (a dropped cell in a column whose
  // sum the source got wrong "fixes" that column while the row sum says otherwise).
  const rulesAt: number[][][] = units.map((un) => un.cells.map(() => []));
  compiled.forEach((rule, k) => {
    for (const t of rule.terms) if (t.unit >= 0) rulesAt[t.unit]![t.pos]!.push(k);
  });
  /** Whether the reading `pick(u)` of unit u gives each of its dropped cells one value (rules whose other units `pick` leaves open are skipped). */
  const oneValue = (u: number, pick: (unit: number) => number | undefined): boolean => {
    const vals = units[u]!.values[pick(u)!]!;
    for (let p = 0; p < vals.length; p++) {
      if (vals[p] !== 'dropped') continue;
      let value: number | null = null;
      for (const k of rulesAt[u]![p]!) {
        const implied = impliedBy(compiled[k]!.terms, pick);
        if (implied === null) continue;
        if (value === null) value = implied;
        else if (Math.abs(value - implied) > 1e-9) return false;
      }
    }
    return true;
  };
  /** The value a rule implies for its one dropped cell, or null when it implies none. */
  const impliedBy = (terms: Term[], pick: (unit: number) => number | undefined): number | null => {
    let sum = 0;
    let dropped = 0;
    let droppedSign = 1;
    for (const t of terms) {
      const r = t.unit < 0 ? -1 : pick(t.unit);
      // Open, or a unit with no reading left (only() is −1): the rule implies nothing.
      if (r === undefined || (t.unit >= 0 && r < 0)) return null;
      const v = t.unit < 0 ? t.value : units[t.unit]!.values[r]![t.pos]!;
      if (v === null) return null;
      if (v === 'dropped') {
        dropped++;
        droppedSign = t.sign;
      } else sum += t.sign * v;
    }
    return dropped === 1 ? -sum * droppedSign : null;
  };
  const hasDropped = units.map((un) => un.values.map((vs) => vs.includes('dropped')));
  /** Rules that give the dropped cell at (u, p) of reading r a value, the other units taken at their one reading. */
  const givers = (u: number, r: number, p: number) =>
    rulesAt[u]![p]!.filter(
      (k) => impliedBy(compiled[k]!.terms, (x) => (x === u ? r : single(x) ? only(x) : undefined)) !== null,
    ).length;
  /**
   * A reading whose dropped cell only one rule gives a value has used that rule up: the rule
   * cannot also tell it from the other readings, which a slip in the source's own arithmetic
   * may have ruled out (a lost block total "fixes" a block whose cells do not add up). A reading
   * ruled out only by such rules stays; units decided with a reading that stays again are open.
   */
  const reviveWeak = (): boolean[][] => {
    const weakAt = new Set<string>();
    units.forEach((un, u) =>
      alive[u]!.forEach((a, r) => {
        if (a && hasDropped[u]![r])
          un.values[r]!.forEach((v, p) => {
            if (v === 'dropped' && givers(u, r, p) < 2) weakAt.add(`${u}:${p}`);
          });
      }),
    );
    if (!weakAt.size) return alive;
    const usedUp = compiled.map((rule) => rule.terms.some((t) => t.unit >= 0 && weakAt.has(`${t.unit}:${t.pos}`)));
    const one = units.map((_, x) => (single(x) ? only(x) : undefined));
    const revived = new Set<number>();
    units.forEach((un, u) =>
      un.values.forEach((_, r) => {
        if (alive[u]![r]) return;
        const pick = (x: number) => (x === u ? r : one[x]);
        if (hasDropped[u]![r] && !oneValue(u, pick)) return;
        const ruledOut = compiled.some(
          (rule, k) =>
            !usedUp[k] &&
            rule.units.includes(u) &&
            rule.units.every((x) => pick(x) !== undefined) &&
            !holds(rule.terms, (x) => pick(x)!),
        );
        if (ruledOut) return;
        alive[u]![r] = true;
        revived.add(u);
      }),
    );
    for (const rule of compiled)
      if (rule.units.some((x) => revived.has(x))) for (const x of rule.units) if (!revived.has(x)) alive[x]!.fill(true);
    return alive;
  };

  // Local: a unit against the certain cells and the units down to one reading.
  // `alive[u].filter(Boolean).length === 1`, without an array per call (it runs in every loop).
  const single = (u: number) => {
    let n = 0;
    for (const a of alive[u]!) if (a && ++n > 1) return false;
    return n === 1;
  };
  const only = (u: number) => alive[u]!.indexOf(true);
  for (let changed = true; changed;) {
    changed = false;
    for (const rule of compiled) {
      // A unit with no reading left is unreadable: the rule decides nothing for the others.
      if (rule.units.some((u) => !alive[u]!.includes(true))) continue;
      const open = rule.units.filter((u) => !single(u));
      if (open.length !== 1) {
        if (open.length === 0 && !holds(rule.terms, only)) {
          // Certain units that break a rule together: none of their readings is proven.
          for (const u of rule.units) alive[u]!.fill(false);
          changed = true;
        }
        continue;
      }
      const u = open[0]!;
      alive[u]!.forEach((a, r) => {
        if (a && !holds(rule.terms, (x) => (x === u ? r : only(x)))) {
          alive[u]![r] = false;
          changed = true;
        }
      });
    }
    units.forEach((_, u) =>
      alive[u]!.forEach((a, r) => {
        if (!a || !hasDropped[u]![r]) return;
        if (!oneValue(u, (x) => (x === u ? r : single(x) ? only(x) : undefined))) {
          alive[u]![r] = false;
          changed = true;
        }
      }),
    );
  }

  // Joint: the units still open, searched together. Readings are fixed during the search, so
  // each unit's only reading is looked up once; picks live in an array, not a map.
  const open = units.map((_, i) => i).filter((u) => alive[u]!.filter(Boolean).length > 1);
  if (open.length < 2) return reviveWeak();
  open.sort((a, b) => alive[a]!.filter(Boolean).length - alive[b]!.filter(Boolean).length);
  const depth = new Map(open.map((u, d) => [u, d]));
  const checkAt: Array<Array<Term[]>> = open.map(() => []);
  for (const rule of compiled) {
    if (rule.units.some((u) => !alive[u]!.includes(true))) continue;
    const ds = rule.units.filter((u) => depth.has(u)).map((u) => depth.get(u)!);
    if (ds.length) checkAt[Math.max(...ds)]!.push(rule.terms);
  }
  const fixed = units.map((_, u) => only(u));
  const cur = new Int32Array(units.length).fill(-1);
  const pickOf = (u: number) => (cur[u]! >= 0 ? cur[u]! : fixed[u]!);
  // `holds` over flat arrays, for the hot loop: the same terms in the same order, so the same sums.
  const DROPPED = 2;
  const NULL = 1;
  const kindOf = (v: Val) => (v === null ? NULL : v === 'dropped' ? DROPPED : 0);
  const numOf = units.map((un) => un.values.map((vs) => Float64Array.from(vs, (v) => (typeof v === 'number' ? v : 0))));
  const kindsOf = units.map((un) => un.values.map((vs) => Uint8Array.from(vs, kindOf)));
  // Each rule's terms over flat arrays, once: the checks of the search and the leaf's
  // dropped-cell values read the same ones.
  const ruleFlat = compiled.map((rule) => ({
    unit: Int32Array.from(rule.terms, (t) => t.unit),
    pos: Int32Array.from(rule.terms, (t) => t.pos),
    sign: Float64Array.from(rule.terms, (t) => t.sign),
    value: Float64Array.from(rule.terms, (t) => (typeof t.value === 'number' ? t.value : 0)),
    kind: Uint8Array.from(rule.terms, (t) => kindOf(t.value)),
  }));
  type Flat = (typeof ruleFlat)[number];
  const flatOf = new Map(compiled.map((rule, k) => [rule.terms, ruleFlat[k]!]));
  const flat = checkAt.map((rs) => rs.map((terms) => flatOf.get(terms)!));
  // sumFlat's result, in variables rather than an object (it runs at every step of the search).
  let accSum = 0;
  let accDropped = 0;
  let accSign = 1;
  /** Sums a rule's terms at the current picks, in term order; false when a term is NULL. */
  const sumFlat = (f: Flat): boolean => {
    let sum = 0;
    let dropped = 0;
    let droppedSign = 1;
    for (let i = 0; i < f.unit.length; i++) {
      const u = f.unit[i]!;
      let kind: number;
      let v: number;
      if (u < 0) {
        kind = f.kind[i]!;
        v = f.value[i]!;
      } else {
        const r = cur[u]! >= 0 ? cur[u]! : fixed[u]!;
        kind = kindsOf[u]![r]![f.pos[i]!]!;
        v = numOf[u]![r]![f.pos[i]!]!;
      }
      if (kind === NULL) return false;
      if (kind === DROPPED) {
        dropped++;
        droppedSign = f.sign[i]!;
      } else sum += f.sign[i]! * v;
    }
    accSum = sum;
    accDropped = dropped;
    accSign = droppedSign;
    return true;
  };
  const holdsFlat = (f: Flat): boolean => {
    if (!sumFlat(f)) return true;
    if (accDropped === 0) return Math.abs(accSum) < 1e-9;
    if (accDropped > 1) return true;
    const implied = -accSum * accSign;
    return implied > -1e-9 && Math.abs(implied - Math.round(implied)) < 1e-9;
  };
  // Whole numbers (below 2^40) add up exactly in any order, so a check's terms fixed above its
  // depth can be summed once per pick above, and each step adds only the picked unit's terms:
  // the same sums, so the same results, in a fraction of the work (a search that runs out of
  // budget takes 50,000 steps of up to 15 rules of 22 terms). Other values keep the plain loop.
  const whole = (v: number) => Number.isInteger(v) && Math.abs(v) < 2 ** 40;
  const split =
    incremental &&
    numOf.every((rs) => rs.every((vs) => vs.every(whole))) &&
    flat.every((rs) => rs.every((f) => f.value.every(whole)));
  // Per depth and check: the positions of the picked unit's terms and their signs; the terms of
  // the units picked above it (`above`); and the state of the rest, certain cells and units of
  // one reading, which no pick changes (a null seen, their sum, dropped cells, a dropped sign):
  // summed once here rather than at every step. The same sums in another order (whole numbers),
  // and a lone dropped cell's sign is its own wherever it is summed.
  const termState = (f: Flat, i: number): { kind: number; v: number } => {
    const u = f.unit[i]!;
    if (u < 0) return { kind: f.kind[i]!, v: f.value[i]! };
    const r = cur[u]! >= 0 ? cur[u]! : fixed[u]!;
    return { kind: kindsOf[u]![r]![f.pos[i]!]!, v: numOf[u]![r]![f.pos[i]!]! };
  };
  const own = flat.map((rs, d) =>
    rs.map((f) => {
      const ix: number[] = [];
      for (let i = 0; i < f.unit.length; i++) if (f.unit[i] === open[d]) ix.push(i);
      const above: number[] = [];
      let isNull = 0;
      let sum = 0;
      let dropped = 0;
      let droppedSign = 1;
      for (let i = 0; i < f.unit.length; i++) {
        const u = f.unit[i]!;
        if (u === open[d]) continue;
        if (u >= 0 && depth.has(u)) {
          above.push(i);
          continue;
        }
        const { kind, v } = termState(f, i);
        if (kind === NULL) isNull = 1;
        else if (kind === DROPPED) {
          dropped++;
          droppedSign = f.sign[i]!;
        } else sum += f.sign[i]! * v;
      }
      return {
        pos: Int32Array.from(ix, (i) => f.pos[i]!),
        sign: Float64Array.from(ix, (i) => f.sign[i]!),
        above: Int32Array.from(above),
        isNull,
        sum,
        dropped,
        droppedSign,
      };
    }),
  );
  const baseNull = flat.map((rs) => new Uint8Array(rs.length));
  const baseSum = flat.map((rs) => new Float64Array(rs.length));
  const baseDropped = flat.map((rs) => new Int32Array(rs.length));
  const baseSign = flat.map((rs) => new Float64Array(rs.length));
  /** The other terms' state of every check at depth d (the picks above d are set). */
  const prepare = (d: number) => {
    const rs = flat[d]!;
    for (let k = 0; k < rs.length; k++) {
      const f = rs[k]!;
      const mine = own[d]![k]!;
      const above = mine.above;
      let isNull = mine.isNull;
      let sum = mine.sum;
      let dropped = mine.dropped;
      let droppedSign = mine.droppedSign;
      for (let j = 0; j < above.length && !isNull; j++) {
        const i = above[j]!;
        const u = f.unit[i]!;
        const r = cur[u]!;
        const kind = kindsOf[u]![r]![f.pos[i]!]!;
        if (kind === NULL) isNull = 1;
        else if (kind === DROPPED) {
          dropped++;
          droppedSign = f.sign[i]!;
        } else sum += f.sign[i]! * numOf[u]![r]![f.pos[i]!]!;
      }
      baseNull[d]![k] = isNull;
      baseSum[d]![k] = sum;
      baseDropped[d]![k] = dropped;
      baseSign[d]![k] = droppedSign;
    }
  };
  /**
   * Whether every check at depth d holds with reading r of open[d], from the state `prepare`
   * left: holdsFlat of each check in order, up to the first that fails. One call per step, the
   * depth's arrays looked up once rather than once per check (this is the search's inner loop).
   */
  const holdsSplit = (d: number, r: number): boolean => {
    const n = flat[d]!.length;
    if (n === 0) return true;
    const isNull = baseNull[d]!;
    const sums = baseSum[d]!;
    const drops = baseDropped[d]!;
    const signs = baseSign[d]!;
    const mineAt = own[d]!;
    const u = open[d]!;
    const kinds = kindsOf[u]![r]!;
    const nums = numOf[u]![r]!;
    for (let k = 0; k < n; k++) {
      if (isNull[k]) continue;
      const mine = mineAt[k]!;
      let sum = sums[k]!;
      let dropped = drops[k]!;
      let droppedSign = signs[k]!;
      let blank = false;
      for (let j = 0; j < mine.pos.length; j++) {
        const p = mine.pos[j]!;
        const kind = kinds[p]!;
        if (kind === NULL) {
          blank = true;
          break;
        }
        if (kind === DROPPED) {
          dropped++;
          droppedSign = mine.sign[j]!;
        } else sum += mine.sign[j]! * nums[p]!;
      }
      // A NULL term, or two dropped cells: the check decides nothing.
      if (blank || dropped > 1) continue;
      if (dropped === 0) {
        if (!(Math.abs(sum) < 1e-9)) return false;
        continue;
      }
      const implied = -sum * droppedSign;
      if (!(implied > -1e-9 && Math.abs(implied - Math.round(implied)) < 1e-9)) return false;
    }
    return true;
  };
  // used[i][r]: reading r of open[i] is part of a whole reading found so far (count: usedN[i]).
  const used = open.map((u) => new Uint8Array(alive[u]!.length));
  const usedN = open.map(() => 0);
  // A subtree is searched only while it can still mark a reading used: a pick above it, or an
  // alive reading at or below its depth, is not used yet. Skipping the others changes nothing
  // but the steps taken.
  const size = open.map((u) => alive[u]!.filter(Boolean).length);
  // Its two questions are kept up to date rather than asked by a loop at every step (the plain
  // form: some i < d with !used[i][its pick], or some i >= d with usedN[i] < size[i]): how many
  // picks made above are not used yet (`freshN`; `freshAt` marks their depths), and the deepest
  // depth with an alive reading not used yet (`lastOpen`; usedN only grows).
  const freshAt = new Uint8Array(open.length);
  let freshN = 0;
  let lastOpen = open.length - 1;
  const settle = () => {
    while (lastOpen >= 0 && usedN[lastOpen]! >= size[lastOpen]!) lastOpen--;
  };
  settle();
  // `incremental` false keeps the plain form: the test comparing both searches (small budgets
  // too, so the steps taken must agree) then checks this bookkeeping, and the leaves skipped.
  const canGain = incremental
    ? (d: number) => freshN > 0 || lastOpen >= d
    : (d: number) => {
        for (let i = 0; i < d; i++) if (!used[i]![cur[open[i]!]!]) return true;
        for (let i = d; i < open.length; i++) if (usedN[i]! < size[i]!) return true;
        return false;
      };
  // `oneValue` at a leaf, where every unit has its pick: the same terms in the same order over
  // flat arrays (so the same sums), without a closure per term. Only when every unit has a
  // reading to pick (a unit left with none keeps the plain code and whatever it does).
  const impliedFlat = (k: number): number | null =>
    sumFlat(ruleFlat[k]!) && accDropped === 1 ? -accSum * accSign : null;
  const oneValueFlat = (u: number, r: number): boolean => {
    const kinds = kindsOf[u]![r]!;
    for (let p = 0; p < kinds.length; p++) {
      if (kinds[p] !== DROPPED) continue;
      let value: number | null = null;
      for (const k of rulesAt[u]![p]!) {
        const implied = impliedFlat(k);
        if (implied === null) continue;
        if (value === null) value = implied;
        else if (Math.abs(value - implied) > 1e-9) return false;
      }
    }
    return true;
  };
  const flatLeaf = incremental && fixed.every((r) => r >= 0);
  const leaf = () => {
    // A leaf only marks its picks used: when they all are already, its checks cannot change
    // anything, and are skipped (most leaves of a long search; the steps are counted in dfs).
    if (incremental && freshN === 0) return;
    if (flatLeaf) {
      for (const u of open) if (hasDropped[u]![cur[u]!] && !oneValueFlat(u, cur[u]!)) return;
    } else for (const u of open) if (hasDropped[u]![cur[u]!] && !oneValue(u, pickOf)) return;
    for (let i = 0; i < open.length; i++) {
      const r = cur[open[i]!]!;
      if (!used[i]![r]) {
        used[i]![r] = 1;
        usedN[i]!++;
      }
      if (freshAt[i]) {
        freshAt[i] = 0;
        freshN--;
      }
    }
    settle();
  };
  let steps = 0;
  let over = false;
  const dfs = (d: number) => {
    if (over) return;
    if (d === open.length) return leaf();
    const u = open[d]!;
    const checks = flat[d]!;
    const usedD = used[d]!;
    if (split) prepare(d);
    for (let r = 0; r < alive[u]!.length; r++) {
      if (!alive[u]![r]) continue;
      if (!canGain(d)) break;
      if (++steps > budget) {
        over = true;
        return;
      }
      cur[u] = r;
      if (!usedD[r]) {
        freshAt[d] = 1;
        freshN++;
      }
      let ok = true;
      if (split) ok = holdsSplit(d, r);
      else for (let k = 0; k < checks.length && ok; k++) ok = holdsFlat(checks[k]!);
      if (ok) dfs(d + 1);
      cur[u] = -1;
      if (freshAt[d]) {
        freshAt[d] = 0;
        freshN--;
      }
      if (over) return;
    }
  };
  dfs(0);
  if (over) return reviveWeak();
  open.forEach((u, i) => alive[u]!.forEach((_, r) => (alive[u]![r] = used[i]![r] === 1)));
  return reviveWeak();
}
