import type { Rule } from './glue.ts';

/**
 * Whether a row read by the count of its values could be those values a column off.
 *
 * A count proves the columns only when no value is extra and none is missing; a number before or
 * after the row's own (a row number such as 1, a page number) together with a blank cell the text
 * does not show (a lost blank, a blank 总计 "total" at the end) gives the same count with every
 * value after the lost cell a column off. Only the row's own sums can tell the two readings
 * apart: when the count's reading fails an identity of the row while the same values with their
 * first or their last left out and a blank put back at some place hold every identity they
 * check, the text cannot tell a shifted row from a source whose own sum is wrong, so neither
 * reading is proven and the caller leaves the row NULL. A row whose sums fail under every other
 * reading too is the source's own error: published, its check failed.
 *
 * Where a blank can go unseen depends on the text: in space-separated text or one value a line
 * anywhere (`lost` 'anywhere': the number may be before or after the values, a row number or a
 * page number); in delimited text (`|`, tab, comma) a blank shows as an empty piece, but the last
 * one may be dropped as the row's padding and the first taken for the label's cell, as may a
 * drawn table's (HTML, Word, a ruled PDF) (`lost` 'edges': a number before the values with the
 * blank last, or after them, a column the header does not name, with the blank first).
 *
 * `values`: the row's cells in column order (a number, or null for a blank or no number);
 * `keys`: their `row.col` keys; `rules`: the table's identities (those naming only these keys are
 * used). Returns the reason in English for the diagnostic, or null when the count's reading
 * stands (no identity fails, or no other reading holds: the source's own error, shown as a
 * failed check).
 */
export function shiftedReading(
  values: ReadonlyArray<number | null>,
  keys: string[],
  rules: Rule[],
  lost: 'anywhere' | 'edges',
): string | null {
  const index = new Map(keys.map((k, j) => [k, j]));
  const own = rules.filter((r) => [...r.lhs, ...r.rhs].every((t) => index.has(t)));
  const failing = failures(values, own, index);
  if (failing.failed.size === 0) return null;
  const n = values.length;
  for (const drop of ['first', 'last'] as const) {
    // A row number or a page number is a whole number from 1: a 0 or a blank is no such number.
    const extra = drop === 'first' ? values[0] : values[n - 1];
    if (typeof extra !== 'number' || !Number.isInteger(extra) || extra < 1) continue;
    const rest = drop === 'first' ? values.slice(1) : values.slice(0, -1);
    // At the edges: a number before the values with the blank last, or after them with the blank first.
    const places = lost === 'anywhere' ? [...Array(n).keys()] : [drop === 'first' ? n - 1 : 0];
    for (const blank of places) {
      const other = [...rest.slice(0, blank), null, ...rest.slice(blank)];
      const f = failures(other, own, index);
      if (f.failed.size === 0)
        return `its values fail the row's own sum (${describe(failing.first!, values, index)}), while the same values with the ${drop} left out and a blank cell at column ${blank + 1} add up: a number before or after the row's values (a row number, a page number) with a blank cell not shown reads so, as does the source's own error — which, the text does not show`;
    }
  }
  return null;
}

/** The identities a reading checks and fails, and those it checks and holds (a blank leaves one unchecked). */
function failures(values: ReadonlyArray<number | null>, rules: Rule[], index: Map<string, number>) {
  const failed = new Set<Rule>();
  const held = new Set<Rule>();
  let first: Rule | undefined;
  for (const r of rules) {
    const terms = [...r.lhs, ...r.rhs].map((t) => values[index.get(t)!]);
    if (terms.some((v) => v === null || v === undefined)) continue;
    const sum = (ts: string[]) => ts.reduce((a, t) => a + values[index.get(t)!]!, 0);
    if (Math.abs(sum(r.lhs) - sum(r.rhs)) > 1e-9) {
      failed.add(r);
      first ??= r;
    } else held.add(r);
  }
  return { failed, held, first };
}

function describe(r: Rule, values: ReadonlyArray<number | null>, index: Map<string, number>): string {
  const sum = (ts: string[]) => ts.reduce((a, t) => a + values[index.get(t)!]!, 0);
  return `${r.lhs.join(' + ')} = ${sum(r.lhs)}, ${r.rhs.join(' + ')} = ${sum(r.rhs)}`;
}
