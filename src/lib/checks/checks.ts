import type { CheckRow } from '../schema/datasets.ts';
import { requestColumns } from '../template/definitions.ts';
import { requestIdentities, reviewIdentities, type CellAddress, type Identity } from '../template/identities.ts';
import type { CellOut } from '../tables/read.ts';

/**
 * The arithmetic a correct report satisfies, checked, never enforced: a failing check is
 * reported and changes no number. A check whose inputs are not all numbers is
 * `not_assessable`.
 */

export type CheckOut = Omit<CheckRow, 'report_id'>;

/** Cell lookup: table → row → col → value (null when not a number); undefined when absent. */
export type CellIndex = Map<string, Array<number | null> | undefined> & {
  value(table: string, row: string, col: string): number | null | undefined;
  /** Whether any cell of the row is present. */
  hasRow(table: string, row: string): boolean;
};

export function indexCells(cells: CellOut[]): CellIndex {
  // table → row → the row's cells: no string keys built per lookup, and an array per row rather
  // than a map (cheaper to make for every report; a row has at most seven columns to look through).
  const m = new Map<string, Map<string, CellOut[]>>();
  for (const c of cells) {
    let t = m.get(c.table_id);
    if (!t) m.set(c.table_id, (t = new Map<string, CellOut[]>()));
    const r = t.get(c.row_key);
    if (r) r.push(c);
    else t.set(c.row_key, [c]);
  }
  const idx = new Map() as CellIndex;
  idx.value = (t, r, col) => {
    const row = m.get(t)?.get(r);
    if (!row) return undefined;
    // The last cell of that column, as a map set cell by cell would keep.
    for (let i = row.length - 1; i >= 0; i--) if (row[i]!.col_key === col) return row[i]!.value;
    return undefined;
  };
  idx.hasRow = (t, r) => m.get(t)?.has(r) ?? false;
  return idx;
}

/**
 * One check: `expected`, the value the report states (a total); `parts`, the cells whose sum
 * must equal it (`actual`). `sides` names the two values in the detail of a failure where
 * "合计 a ≠ b" would read the wrong way round (across years: this year's value, last year's).
 */
function check(
  check_id: string,
  expected: number | null | undefined,
  parts: Array<number | null | undefined>,
  detail: string,
  sides?: { expected: string; actual: string },
): CheckOut {
  const assessable = typeof expected === 'number' && parts.every((p) => typeof p === 'number');
  const actual = parts.every((p) => typeof p === 'number') ? round(parts.reduce((a, b) => a + b, 0)) : null;
  if (!assessable) {
    return {
      check_id,
      status: 'not_assessable',
      expected: expected ?? null,
      actual,
      detail: `${detail}：有空白、无法识别或缺失的数值，无法核对`,
    };
  }
  const ok = Math.abs(expected - (actual as number)) < 1e-9;
  return {
    check_id,
    status: ok ? 'pass' : 'fail',
    expected,
    actual,
    detail: ok
      ? `${detail}：${actual} = ${expected}`
      : sides
        ? `${detail}：${sides.expected} ${expected}，${sides.actual} ${actual}（相差 ${round(expected - (actual as number))}）`
        : `${detail}：合计 ${actual} ≠ ${expected}（相差 ${round((actual as number) - expected)}）`,
  };
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;

const colLabel = new Map(requestColumns.map((c) => [c.key, c.label]));

/** The rows whose own sum an identity is (`requests.row_sum.*`), by identity; null for the others. */
const ROW_SUM = new WeakMap<Identity, string | null>();
const rowSumOf = (i: Identity): string | null => {
  let r = ROW_SUM.get(i);
  if (r === undefined) ROW_SUM.set(i, (r = i.id.startsWith('requests.row_sum.') ? i.lhs[0]!.row : null));
  return r;
};

/**
 * Every identity of `template/identities.ts` that applies, checked on the report's cells.
 * `ix`: the cells' index, when the caller has it (the summary row reads the same one).
 */
export function reportChecks(
  cells: CellOut[],
  layoutRequests: '2019' | '2021' | null,
  hasReview: boolean,
  ix: CellIndex = indexCells(cells),
): CheckOut[] {
  const out: CheckOut[] = [];
  const v = (a: CellAddress) => ix.value(a.table, a.row, a.col);
  // An identity of sums on both sides (本年新收 + 上年结转 = （七）总计 + 结转下年度) names its sides,
  // left first, as its label reads: "合计 a ≠ b" put the right side's sum first (a fresh tester's
  // t107: 111 ≠ 110 where 新收 + 结转 was 110).
  const run = (i: Identity) =>
    out.push(
      i.lhs.length === 1
        ? check(i.id, v(i.lhs[0]!), i.rhs.map(v), i.label_zh)
        : check(i.id, sum(i.lhs.map(v)), i.rhs.map(v), i.label_zh, { expected: '等号左边', actual: '右边' }),
    );
  if (layoutRequests)
    for (const i of requestIdentities(layoutRequests)) {
      // A row's own sum is checked only for rows the report has (2019 and 2021 differ in （六）).
      const row = rowSumOf(i);
      if (row === null || ix.hasRow('requests', row)) run(i);
    }
  if (hasReview) for (const i of reviewIdentities) run(i);
  return out;
}

function sum(xs: Array<number | null | undefined>): number | null {
  return xs.every((x) => typeof x === 'number') ? xs.reduce((a, b) => a + b, 0) : null;
}

/**
 * Across consecutive years of one agency: this year's 上年结转 equals last year's 结转下年度;
 * under the 2021 layout of 二, 现行有效 equals last year's + 本年制发 − 本年废止.
 */
export function crossYearChecks(
  prev: CellOut[],
  cur: CellOut[],
  prevYear: number,
  curLayoutActive: string | null,
  prevLayoutActive: string | null,
): CheckOut[] {
  const p = indexCells(prev);
  const c = indexCells(cur);
  const out: CheckOut[] = [];
  const hasRow = (ix: CellIndex, t: string, r: string) =>
    ix.value(t, r, 'total') !== undefined || ix.value(t, r, 'in_force') !== undefined;
  if (hasRow(p, 'requests', 'carried_forward') && hasRow(c, 'requests', 'carried_over')) {
    for (const col of requestColumns) {
      out.push(
        check(
          `cross_year.carryover.${col.key}`,
          c.value('requests', 'carried_over', col.key),
          [p.value('requests', 'carried_forward', col.key)],
          `三「${colLabel.get(col.key)}」列：本年「上年结转」应等于 ${prevYear} 年报告的「结转下年度继续办理」`,
          { expected: '本年', actual: `${prevYear} 年` },
        ),
      );
    }
  }
  if (curLayoutActive === '2021' && prevLayoutActive === '2021') {
    for (const row of ['rules', 'normative_docs']) {
      if (!hasRow(p, 'active', row) || !hasRow(c, 'active', row)) continue;
      const repealed = c.value('active', row, 'repealed');
      out.push(
        check(
          `cross_year.in_force.${row}`,
          c.value('active', row, 'in_force'),
          [
            p.value('active', row, 'in_force'),
            c.value('active', row, 'issued'),
            typeof repealed === 'number' ? -repealed : repealed,
          ],
          `二「${row === 'rules' ? '规章' : '行政规范性文件'}」：现行有效件数应等于 ${prevYear} 年的现行有效件数 + 本年制发 − 本年废止`,
          { expected: '本年所填', actual: '按上式应为' },
        ),
      );
    }
  }
  return out;
}
