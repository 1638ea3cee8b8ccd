import { MONEY_UNITS, shiftDecimal, type MoneyUnit } from '../tables/cell.ts';
import type { CellOut } from '../tables/read.ts';

/**
 * A report's own sentence giving its fee with a unit — 本年度共收取行政事业性收费7547.5元 — states
 * the unit of the fee cell holding the same digits. Read in another unit (the form's 万元 where
 * the header names none, or a header's 万元 that the sentence contradicts: a clerk's 元 under the
 * form's 万元 is a common error), the cell's value in 万元 is not the sentence's, and which is
 * right is not certain: the cell is left NULL (a fresh tester's t82: 7547.5 元 published as
 * 7547.5 万元). Only a sentence naming the amount (NAMES_AMOUNT), only the cell's digits exactly,
 * not part of a longer number; a 0 is 0 in any unit.
 */

/**
 * A sentence about the form's amount: 行政事业性收费 (2021's row), 收费金额, 政府集中采购 (2019's).
 * Not any fee: 收取信息处理费12元 is the disclosure regulation's own fee, another amount (t83).
 */
const NAMES_AMOUNT = /行政事业性收费|收费金额|政府集中采购|采购总金额/;

/** The amount cells (2021's 收费金额, 2019's 采购总金额): table, row and column keys. */
const AMOUNTS = new Set(['active.fees.amount', 'active.procurement.amount']);

const MONEY = Object.keys(MONEY_UNITS)
  .sort((a, b) => b.length - a.length)
  .join('|');

/** The keys (`table.row.col`) of the amount cells the report's prose contradicts, with why. */
export function proseUnitConflicts(cells: readonly CellOut[], text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const c of cells) {
    const key = `${c.table_id}.${c.row_key}.${c.col_key}`;
    if (!AMOUNTS.has(key) || c.state !== 'number' || !c.value) continue;
    const digits = /\d[\d,，]*(?:\.\d+)?/.exec(c.raw)?.[0]?.replace(/[,，]/g, '');
    if (!digits) continue;
    for (const { unit, at } of statedAmounts(text, digits)) {
      const value = shiftDecimal(digits, MONEY_UNITS[unit]);
      if (value === c.value) continue;
      out.set(
        key,
        `the report's text gives the amount ${digits} in ${unit} (${at}), not the unit it was read in: the amount's unit is not certain`,
      );
      break;
    }
  }
  return out;
}

/** Each place the text writes `digits` (thousands separators allowed) then a money unit, in a sentence about fees. */
function statedAmounts(text: string, digits: string): Array<{ unit: MoneyUnit; at: string }> {
  const [int, frac] = digits.split('.');
  // 7547.5 as written: 7547.5, 7,547.5, 7，547.5.
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, '[,，]?');
  const number = `${grouped}${frac ? `\\.${frac}` : ''}`;
  const re = new RegExp(`(?<![\\d.,，])${number}(?![\\d]|\\.\\d)\\s*(${MONEY})`, 'g');
  const found: Array<{ unit: MoneyUnit; at: string }> = [];
  for (const m of text.matchAll(re)) {
    const start = Math.max(text.lastIndexOf('。', m.index), text.lastIndexOf('\n', m.index)) + 1;
    const ends = [text.indexOf('。', m.index), text.indexOf('\n', m.index)].filter((i) => i >= 0);
    const sentence = text.slice(start, ends.length ? Math.min(...ends) : text.length);
    if (NAMES_AMOUNT.test(sentence)) found.push({ unit: m[1] as MoneyUnit, at: sentence.trim().slice(0, 40) });
  }
  return found;
}
