import type { Line } from '../decode/lines.ts';

/**
 * How much of one text is another's: the measure by which a part of a file is the report again
 * (reports.ts repeatsOf, sections.ts). Texts are compared run together, spacing and table rules
 * gone (a table's rows and a <pre> copy of them alike), a unit after a number dropped (9件 and 9:
 * one copy's cells written with units, a fresh tester's t72), by their runs of SHINGLE characters.
 */
export const SHINGLE = 12;

/** A unit written after a number in a table's cell (件, 个, 条, 次, 项, 人次, 万元, 元). */
const UNIT_AFTER = /(\d)(?:件|个|条|人?次|项|万?元)/g;

/** Lines' texts run together as they are compared. */
export function joinedText(lines: readonly Line[]): string {
  return lines.map((l) => l.text.replace(/[\s|]+/g, '').replace(UNIT_AFTER, '$1')).join('');
}

/** Every run of SHINGLE characters of a text. */
export function runsOf(text: string): Set<string> {
  const set = new Set<string>();
  for (let k = 0; k + SHINGLE <= text.length; k++) set.add(text.slice(k, k + SHINGLE));
  return set;
}

/**
 * The share of a text's runs (every sixth) that are runs of the other (`of`); null when it has
 * fewer than five. With `digits`, of its runs holding a digit only: the numbers, which another
 * year's or unit's tables of the same form do not share though their words are all the form's.
 */
export function shareWithin(text: string, of: ReadonlySet<string>, digits = false): number | null {
  let runs = 0;
  let shared = 0;
  for (let k = 0; k + SHINGLE <= text.length; k += 6) {
    const run = text.slice(k, k + SHINGLE);
    if (digits && !/\d/.test(run)) continue;
    runs++;
    if (of.has(run)) shared++;
  }
  return runs < 5 ? null : shared / runs;
}
