import { activeRows, applicantColumns, requestLeafRows, requestRows } from '../template/definitions.ts';
import type { Random } from './random.ts';

/**
 * Plausible numbers whose arithmetic holds (applicants add up to 总计, leaf rows to （七）总计,
 * 一 + 二 = （七） + 四, review blocks to their totals), and the checks a planted source error
 * makes fail — computed here from the grid, independently of the parser's checks.
 */

export type Grid = Record<string, number[]>;

export interface Tables {
  layoutActive: '2019' | '2021';
  layoutRequests: '2019' | '2021';
  active: Grid;
  requests: Grid;
  review: number[];
}

const leafWeight = (key: string) =>
  key === 'granted'
    ? 1
    : key === 'partly_granted'
      ? 0.3
      : key === 'unable_not_held'
        ? 0.5
        : key.startsWith('withheld')
          ? 0.06
          : 0.1;
const columnWeight = [1, 0.5, 0.05, 0.05, 0.08, 0.15];

export function makeTables(
  rng: Random,
  scale: number,
  layoutActive: '2019' | '2021',
  layoutRequests: '2019' | '2021',
  carriedOver?: number[],
): Tables {
  const requests: Grid = {};
  const leaves = requestLeafRows(layoutRequests);
  for (const leaf of leaves)
    requests[leaf] = applicantColumns.map((_, j) => rng.count(scale * leafWeight(leaf) * columnWeight[j]!));
  const total = applicantColumns.map((_, j) => leaves.reduce((a, l) => a + requests[l]![j]!, 0));
  const co = carriedOver
    ? carriedOver.slice(0, 6)
    : applicantColumns.map((_, j) => rng.count(scale * 0.05 * columnWeight[j]!));
  const cf = total.map((t, j) => Math.max(co[j]! - t, rng.count(scale * 0.05 * columnWeight[j]!)));
  requests.total = total;
  requests.carried_over = co;
  requests.carried_forward = cf;
  requests.new_received = total.map((t, j) => t + cf[j]! - co[j]!);
  for (const row of requestRows[layoutRequests]) {
    const r = requests[row.key]!;
    requests[row.key] = [...r, r.reduce((a, b) => a + b, 0)];
  }

  const active: Grid = {};
  for (const row of activeRows[layoutActive]) {
    active[row.key] = row.columns.map((c) => {
      if (c.kind === 'money') return rng.chance(0.4) ? 0 : rng.int(1, 500000) / 100;
      if (c.kind === 'signed') return rng.chance(0.7) ? 0 : rng.int(-5, 8);
      return rng.count(scale * 3);
    });
  }
  if (layoutActive === '2019') {
    for (const key of ['rules', 'normative_docs']) {
      const [made] = active[key]!;
      active[key] = [made!, made!, made! + rng.count(scale * 10)];
    }
  } else {
    for (const key of ['rules', 'normative_docs']) {
      const [issued, repealed] = active[key]!;
      active[key] = [issued!, Math.min(repealed!, 5), issued! + rng.count(scale * 10) + 5];
    }
  }
  const review: number[] = [];
  for (let b = 0; b < 3; b++) {
    const four = [0, 1, 2, 3].map(() => rng.count(scale * 0.03));
    review.push(
      ...four,
      four.reduce((a, x) => a + x, 0),
    );
  }
  return { layoutActive, layoutRequests, active, requests, review };
}

/** Plants a source error: a 总计 that disagrees with its parts. Returns what it did. */
export function plantError(rng: Random, t: Tables): string {
  if (rng.chance(0.7)) {
    const j = rng.int(0, 6);
    t.requests.total![j]! += rng.int(1, 3);
    return `requests.total.${j}`;
  }
  const b = rng.int(0, 2);
  t.review[b * 5 + 4]! += 1;
  return `review.${b}`;
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Check ids that fail on these numbers (only checks whose inputs are all numbers). */
export function failingChecks(t: Tables, blanks: Set<string>): string[] {
  const out: string[] = [];
  const known = (table: string, row: string, j: number) => !blanks.has(`${table}.${row}.${j}`);
  const cols = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'];
  for (const row of requestRows[t.layoutRequests]) {
    const r = t.requests[row.key]!;
    if (r.every((_, j) => known('requests', row.key, j)) && sum(r.slice(0, 6)) !== r[6])
      out.push(`requests.row_sum.${row.key}`);
  }
  const leaves = requestLeafRows(t.layoutRequests);
  cols.forEach((c, j) => {
    const ok = (rows: string[]) => rows.every((r) => known('requests', r, j));
    const v = (r: string) => t.requests[r]![j]!;
    if (ok([...leaves, 'total']) && sum(leaves.map(v)) !== v('total')) out.push(`requests.leaf_sum.${c}`);
    if (
      ok(['new_received', 'carried_over', 'total', 'carried_forward']) &&
      v('new_received') + v('carried_over') !== v('total') + v('carried_forward')
    )
      out.push(`requests.identity.${c}`);
  });
  ['review', 'suit_direct', 'suit_after_review'].forEach((row, b) => {
    const block = t.review.slice(b * 5, b * 5 + 5);
    if (block.every((_, k) => known('review', row, k)) && sum(block.slice(0, 4)) !== block[4])
      out.push(`review.block_sum.${row}`);
  });
  return out.sort();
}
