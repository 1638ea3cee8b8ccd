import { activeRows, requestRows, reviewColumns, reviewRows } from '../template/definitions.ts';
import type { Written } from './cells.ts';
import {
  damage,
  gluedRule,
  strayBesideShort,
  strayDot,
  strayNumber,
  type DamageKind,
  type Damaged,
  type DRow,
} from './damage.ts';
import type { Random } from './random.ts';
import type { TruthCell } from './truth.ts';

/**
 * The damage of `damage.ts` applied to a rendered report's tables, with the truth kept right:
 * cells a reader may leave NULL become `ambiguous` (their value is still the one written, so
 * publishing it is right), cells nothing proves become NULL (`unreadable`: publishing any
 * number there is wrong). Damaged cells are also `unknown` to the expected checks.
 */

export interface DamageTarget {
  layoutActive: '2019' | '2021';
  layoutRequests: '2019' | '2021';
  active: Array<{ label: string; cells: Written[]; glued?: boolean }>;
  requests: Array<{ label: string; cells: Written[]; glued?: boolean }>;
  /** Section 四's 15 cells, as one row. */
  review: Written[][];
}

/** The damage kinds a flattening can show (text in a space-separated row would make the whole line text). */
export function damageKinds(style: string): DamageKind[] {
  return style === 'spaces'
    ? ['glued-cells', 'short-row', 'duplicated-row']
    : ['glued-cells', 'short-row', 'duplicated-row', 'cell-text'];
}

export function damageTables(
  rng: Random,
  kinds: DamageKind[],
  t: DamageTarget,
  cells: TruthCell[],
  unknown: Set<string>,
): void {
  // One damage per table: a second would address rows by template position after the first
  // moved them (a duplicated row shifts every row below it).
  const done = new Set<string>();
  for (const kind of kinds) {
    const table = rng.weighted({ requests: 3, review: 1, active: 1 });
    if (done.has(table)) continue;
    done.add(table);
    if (table === 'review') {
      const d = damage(rng, [{ key: 'review', label: '', cells: t.review[0]!.map((w) => w.text) }], kind);
      if (!d) continue;
      t.review = d.rows.map((r) => r.cells.map((text) => ({ text, truth: { value: null, state: 'ambiguous' } })));
      const cellOf = (j: number) => ({
        row: reviewRows[Math.floor(j / 5)]!.key,
        col: reviewColumns[j % 5]!.key,
        j: j % 5,
      });
      mark(
        cells,
        unknown,
        'review',
        d.lenient.map((k) => cellOf(Number(k.split('.')[1]))),
        d.mustNull.map((k) => cellOf(Number(k.split('.')[1]))),
      );
      continue;
    }
    const defs = table === 'active' ? activeRows[t.layoutActive] : requestRows[t.layoutRequests];
    const rows = t[table];
    const drows: DRow[] = rows.map((r, i) => ({
      key: defs[i]!.key,
      label: r.label,
      cells: r.cells.map((w) => w.text),
      damaged: !!r.glued || r.cells.some((w) => w.truth.state !== 'number'),
    }));
    const d = damage(rng, drows, kind);
    if (!d) continue;
    t[table] = d.rows.map((r) => {
      const orig = r.key === null ? undefined : rows[defs.findIndex((x) => x.key === r.key)];
      return {
        label: r.label,
        cells: r.cells.map((text) => ({ text, truth: { value: null, state: 'ambiguous' as const } })),
        ...(orig?.glued ? { glued: true } : {}),
      };
    });
    const cellOf = (k: string) => {
      const [row, j] = k.split('.') as [string, string];
      return { row, col: defs.find((x) => x.key === row)!.columns[Number(j)]!.key, j: Number(j) };
    };
    mark(cells, unknown, table, d.lenient.map(cellOf), d.mustNull.map(cellOf));
  }
}

function mark(
  cells: TruthCell[],
  unknown: Set<string>,
  table: TruthCell['table_id'],
  lenient: Array<{ row: string; col: string; j: number }>,
  mustNull: Array<{ row: string; col: string; j: number }>,
): void {
  for (const [list, must] of [
    [lenient, false],
    [mustNull, true],
  ] as const) {
    for (const a of list) {
      const c = cells.find((x) => x.table_id === table && x.row_key === a.row && x.col_key === a.col);
      if (!c) continue;
      if (must) {
        c.value = null;
        c.state = 'unreadable';
      } else if (c.state === 'number') c.state = 'ambiguous';
      unknown.add(`${table}.${a.row}.${a.j}`);
    }
  }
}

/** A table's rendered rows as damage.ts takes them: each with its form key, its cells' text, and whether it is damaged already. */
function damageRows(rows: DamageTarget['requests'], defs: ReadonlyArray<{ key: string }>): DRow[] {
  return rows.map((r, i) => ({
    key: defs[i]?.key ?? null,
    label: r.label,
    cells: r.cells.map((w) => w.text),
    damaged: !!r.glued || r.cells.some((w) => w.truth.state !== 'number'),
  }));
}

/**
 * 三 with one row's blank cell lost and a stray number after its values (damage.ts, strayNumber),
 * drawn from `rng` (a side generator: the main stream stays the same). The row's truth is kept
 * right as damageTables keeps it.
 */
export function strayTable(
  rng: Random,
  t: DamageTarget,
  cells: TruthCell[],
  unknown: Set<string>,
  kind: (rng: Random, rows: DRow[]) => Damaged | null = strayNumber,
): void {
  const defs = requestRows[t.layoutRequests];
  const rows = t.requests;
  const drows = damageRows(rows, defs);
  const d = kind(rng, drows);
  if (!d) return;
  const hit = new Set(d.lenient.map((k) => k.split('.')[0]));
  t.requests = d.rows.map((r, i) => ({
    label: r.label,
    cells:
      r.key !== null && hit.has(r.key)
        ? r.cells.map((text) => ({ text, truth: { value: null, state: 'ambiguous' as const } }))
        : rows[i]!.cells,
    ...(rows[i]?.glued ? { glued: true } : {}),
  }));
  const cellOf = (k: string) => {
    const [row, j] = k.split('.') as [string, string];
    return { row, col: defs.find((x) => x.key === row)!.columns[Number(j)]!.key, j: Number(j) };
  };
  mark(cells, unknown, 'requests', d.lenient.map(cellOf), d.mustNull.map(cellOf));
}

/** 三 with a stray number and a value lost in one row, and another row a cell short (damage.ts, strayBesideShort). */
export const strayShortTable = (rng: Random, t: DamageTarget, cells: TruthCell[], unknown: Set<string>): void =>
  strayTable(rng, t, cells, unknown, strayBesideShort);

/** 三 with two cells glued and a table rule read as a 1 after the values (damage.ts, gluedRule). */
export const gluedTable = (rng: Random, t: DamageTarget, cells: TruthCell[], unknown: Set<string>): void =>
  strayTable(rng, t, cells, unknown, gluedRule);

/** 三 with a count ending in 0 written with a stray dot (`42.0` for 420; damage.ts, strayDot). */
export const strayDotTable = (rng: Random, t: DamageTarget, cells: TruthCell[], unknown: Set<string>): void =>
  strayTable(rng, t, cells, unknown, strayDot);

/**
 * 二 with two cells of a row glued and its closing rule read as a 1 after its values (OCR, a
 * fresh tester's t33; damage.ts, gluedRule), or as l, I or 丨 (`marks`, t37): the row's count
 * then holds, every value a column off, and no sum of 二 tells. Returns the damaged row's label, whose line the writer leaves
 * open (the `1` stands where its closing `|` was); null when no row has every cell a number of
 * at most two digits.
 */
export function gluedActiveTable(
  rng: Random,
  t: DamageTarget,
  cells: TruthCell[],
  unknown: Set<string>,
  /** What the rule is read as: a 1, or l, I, 丨 (a fresh tester's t37). */
  marks: readonly string[] = ['1'],
): string | null {
  const defs = activeRows[t.layoutActive];
  const rows = t.active;
  const drows = damageRows(rows, defs);
  const d = gluedRule(rng, drows);
  if (!d) return null;
  const hit = d.lenient[0]!.split('.')[0];
  const damaged = d.rows.find((r) => r.key === hit)!;
  damaged.cells[damaged.cells.length - 1] = rng.pick(marks);
  t.active = d.rows.map((r, i) => ({
    label: r.label,
    cells:
      r.key === hit
        ? r.cells.map((text) => ({ text, truth: { value: null, state: 'ambiguous' as const } }))
        : rows[i]!.cells,
    ...(rows[i]?.glued ? { glued: true } : {}),
  }));
  const cellOf = (k: string) => {
    const [row, j] = k.split('.') as [string, string];
    return { row, col: defs.find((x) => x.key === row)!.columns[Number(j)]!.key, j: Number(j) };
  };
  mark(cells, unknown, 'active', d.lenient.map(cellOf), []);
  return rows[drows.findIndex((r) => r.key === hit)]!.label;
}
