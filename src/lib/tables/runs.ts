import type { RowDef } from '../template/definitions.ts';
import { parseCell, type MoneyUnit } from './cell.ts';
import type { Rule } from './glue.ts';
import { termsOf } from './rule-index.ts';
import { holds } from './shift.ts';
import type { FoundRow, RowCells, ValTok } from './rows.ts';

/**
 * Rows whose values follow another row's, their own labels printed elsewhere.
 *
 * Plain `pdftotext` of a ruled table prints a tall merged label cell (三、本年度办理结果 down the
 * side of its rows) and the labels beside it where the cell's middle falls, not beside their
 * rows' numbers: the text runs `二、上年结转… 34 0 0 0 0 0 34 1288 21 0 0 50 3 1362 447 7 0 0 0 0 454
 * 1.属于国家秘密 …`, the labels of （一）予以公开 and （二）部分公开 far below (the real report of
 * `../shared/real`, 71 cells NULL). The values are still in the table's row order.
 *
 * A found row's run of values is read as it and the form's rows after it when all of this holds:
 * - the run stands on lines of its own (readRow's line mode, `run`), every value a number, and
 *   it holds exactly m × n values (n the row's columns, m ≥ 2);
 * - the m − 1 rows after it in the form have the same columns and were found nowhere, and the
 *   next row found is the form's row after them;
 * - each of the m rows holds the identities within it (三's applicants adding up to 总计), and
 *   there is at least one;
 * - with every such run read so, every identity of the table is checked — each of its cells a
 *   number of a row read by its count or of such a run — and holds.
 * The arithmetic cannot tell two of the rows apart (a column's sum does not change when two of
 * its terms swap): the order is the text's, as for every row read.
 *
 * `found`, `rcs`: the table's rows as located and read (after every other test); `counted`: the
 * numbers of the rows read by their count (`row.col` → number or null). Returns, for each found
 * row index whose run is read so, the form's rows its values are, in order (its own first).
 */
export function splitRuns(
  defs: readonly RowDef[],
  found: readonly FoundRow[],
  rcs: readonly RowCells[],
  counted: ReadonlyMap<string, number | null>,
  rules: Rule[],
  unit: MoneyUnit | null,
): Map<number, RowDef[]> {
  const out = new Map<number, RowDef[]>();
  if (rules.length === 0) return out;
  const foundDefs = new Set(found.map((f) => f.def));
  const values = new Map(counted);
  for (let k = 0; k + 1 < found.length; k++) {
    const rc = rcs[k]!;
    const def = found[k]!.def;
    const n = def.columns.length;
    if (rc.kind !== 'unknown' || !rc.run || rc.vals.length % n !== 0) continue;
    const m = rc.vals.length / n;
    const at = defs.indexOf(def);
    const rows = defs.slice(at, at + m);
    if (
      m < 2 ||
      rows.length !== m ||
      defs[at + m] !== found[k + 1]!.def ||
      rows.slice(1).some((d) => foundDefs.has(d) || d.columns.length !== n)
    )
      continue;
    const nums = rc.vals.map((v, i) => parseCell(v.text, rows[Math.floor(i / n)]!.columns[i % n]!.kind, unit).value);
    if (!nums.every((v) => typeof v === 'number')) continue;
    const mine = new Map<string, number>();
    rows.forEach((d, r) => d.columns.forEach((c, j) => mine.set(`${d.key}.${c.key}`, nums[r * n + j] as number)));
    // Each row's own identities: one at least, every one holding.
    const own = rows.map((d) => rules.filter((x) => termsOf(x).every((t) => t.startsWith(`${d.key}.`))));
    if (own.some((rs) => rs.length === 0 || rs.some((x) => !holds(x, (t) => mine.get(t))))) continue;
    out.set(k, rows);
    for (const [key, v] of mine) values.set(key, v);
  }
  // The table's every identity, with the runs read so: checked and holding, or no run is read.
  if (out.size && !rules.every((x) => holds(x, (t) => values.get(t)))) out.clear();
  return out;
}

/** The values of the `r`-th row of a run (`n` a row). */
export function runRow(vals: readonly ValTok[], n: number, r: number): ValTok[] {
  return vals.slice(r * n, (r + 1) * n);
}
