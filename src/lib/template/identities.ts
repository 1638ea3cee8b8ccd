import type { CellRow } from '../schema/datasets.ts';
import {
  applicantColumns,
  requestColumns,
  requestLeafRows,
  requestRows,
  reviewColumns,
  reviewRows,
} from './definitions.ts';

/**
 * The arithmetic a correct report satisfies, as data: sum(lhs) = sum(rhs) over template cells.
 * Written once and used twice: the table readers use it to decide between the possible
 * readings of damaged rows (glued digits, a missing cell), and `checks/checks.ts` reports it.
 * A check never changes a number; a reader only uses it to rule readings out.
 */

type TableId = CellRow['table_id'];

export interface CellAddress {
  table: TableId;
  row: string;
  col: string;
}

export interface Identity {
  /** The check id in `checks` (`requests.row_sum.granted`, …). */
  id: string;
  table: TableId;
  /** The side holding the total(s): the check's `expected`. */
  lhs: CellAddress[];
  /** The side holding the parts: the check's `actual`. */
  rhs: CellAddress[];
  /** What the identity says, in Chinese, for the checks' `detail`. */
  label_zh: string;
}

const colLabel = new Map(requestColumns.map((c) => [c.key, c.label]));
const rq = (row: string, col: string): CellAddress => ({ table: 'requests', row, col });

/** The identities of section 三 under one layout of its rows, in the order checks report them. */
export function requestIdentities(layout: '2019' | '2021'): Identity[] {
  return (cache[layout] ??= buildRequestIdentities(layout));
}
const cache: Partial<Record<'2019' | '2021', Identity[]>> = {};

function buildRequestIdentities(layout: '2019' | '2021'): Identity[] {
  const out: Identity[] = [];
  // Each row: the six applicant columns add up to 总计.
  for (const row of requestRows[layout]) {
    out.push({
      id: `requests.row_sum.${row.key}`,
      table: 'requests',
      lhs: [rq(row.key, 'total')],
      rhs: applicantColumns.map((c) => rq(row.key, c)),
      label_zh: `三「${row.label}」各类申请人之和应等于总计`,
    });
  }
  // Each column: the leaves of 三、本年度办理结果 add up to （七）总计.
  const leaves = requestLeafRows(layout);
  for (const col of requestColumns) {
    out.push({
      id: `requests.leaf_sum.${col.key}`,
      table: 'requests',
      lhs: [rq('total', col.key)],
      rhs: leaves.map((r) => rq(r, col.key)),
      label_zh: `三「${colLabel.get(col.key)}」列：各项办理结果之和应等于（七）总计`,
    });
  }
  // Each column: 一 + 二 = 三 + 四 (new + carried over = handled + carried forward).
  for (const col of requestColumns) {
    out.push({
      id: `requests.identity.${col.key}`,
      table: 'requests',
      lhs: [rq('new_received', col.key), rq('carried_over', col.key)],
      rhs: [rq('total', col.key), rq('carried_forward', col.key)],
      label_zh: `三「${colLabel.get(col.key)}」列：本年新收 + 上年结转 应等于 （七）总计 + 结转下年度`,
    });
  }
  return out;
}

/** Section 四: in each block, 维持 + 纠正 + 其他 + 尚未审结 = 总计. */
export const reviewIdentities: Identity[] = reviewRows.map((row) => ({
  id: `review.block_sum.${row.key}`,
  table: 'review',
  lhs: [{ table: 'review', row: row.key, col: 'total' }],
  rhs: reviewColumns.slice(0, 4).map((c) => ({ table: 'review' as const, row: row.key, col: c.key })),
  label_zh: `四「${row.label}」：维持、纠正、其他、尚未审结之和应等于总计`,
}));

/** Key of a cell inside one table: `row.col`. */
export const cellIn = (a: CellAddress): string => `${a.row}.${a.col}`;
