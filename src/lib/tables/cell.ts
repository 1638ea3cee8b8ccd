import type { ValueKind } from '../template/definitions.ts';
import type { CellRow } from '../schema/datasets.ts';

export type CellState = CellRow['state'];
export interface ParsedCell {
  state: CellState;
  value: number | null;
  /** Why the value is NULL, for diagnostics; null for numbers and plain blanks. */
  note: string | null;
}

const NA = /^(?:\/|-{1,2}|—{1,2}|无|\\|×)$/;
const NUM =
  /^([+-])?\s*((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(亿元|千万元|百万元|十万元|万元|千元|百元|元|件|个|条|项|次)?$/;

/** A money unit, and how many places its amounts move to read as 万元 (10,000 yuan). */
export type MoneyUnit = '元' | '百元' | '千元' | '万元' | '十万元' | '百万元' | '千万元' | '亿元';
export const MONEY_UNITS: Record<MoneyUnit, number> = {
  元: -4,
  百元: -2,
  千元: -1,
  万元: 0,
  十万元: 1,
  百万元: 2,
  千万元: 3,
  亿元: 4,
};
const isMoneyUnit = (u: string | null): u is MoneyUnit => u !== null && u in MONEY_UNITS;
/** Significant digits a double keeps exactly (DBL_DIG): a cell with more is not read as a number. */
const MAX_DIGITS = 15;

/**
 * One cell's text → state and value. Counts must be whole, non-negative numbers (本年增/减 may
 * be signed); money is converted to 万元 (10,000 yuan) exactly, by moving the decimal point.
 * `defaultUnit` is the money unit the section states (tables/units.ts); with neither a unit in
 * the cell nor one stated a non-zero amount is ambiguous (元 and 万元 differ ten-thousandfold),
 * and `noUnit` says why.
 */
export function parseCell(
  text: string,
  kind: ValueKind,
  defaultUnit: MoneyUnit | null = null,
  noUnit = 'amount without a unit (元 or 万元?)',
): ParsedCell {
  // Fast path for most cells: a count of plain ASCII digits with no leading zero reads as the
  // number, what `readCell`'s regexes give it (`test/fastpaths.test.ts` compares the two).
  if (kind !== 'money' && text.length <= MAX_DIGITS && plainDigits(text))
    return { state: 'number', value: Number(text), note: null };
  return readCell(text, kind, defaultUnit, noUnit);
}

/** `parseCell` without its fast path: the plain form, for every text. */
export function readCell(
  text: string,
  kind: ValueKind,
  defaultUnit: MoneyUnit | null = null,
  noUnit = 'amount without a unit (元 or 万元?)',
): ParsedCell {
  const t = text.trim();
  if (!t) return { state: 'blank', value: null, note: null };
  if (NA.test(t)) return { state: 'na', value: null, note: null };
  const m = NUM.exec(t);
  if (!m) {
    // U+FFFC: the decoders' OBJECT_MARK (decode/shown.ts), where the source shows an image, an
    // object or content its reader does not read as text.
    if (t.includes('\ufffc'))
      return { state: 'unreadable', value: null, note: `shows an image or content not read as text: "${t}"` };
    return { state: 'unreadable', value: null, note: `not a number: "${t}"` };
  }
  const sign = m[1] === '-' ? -1 : 1;
  const digits = m[2]!.replace(/,/g, '');
  const unit = m[3] ?? null;
  // No number is written with a leading zero: 02 is two cells glued (0|2, a dropped separator)
  // as often as a 2 padded, and which it is cannot be told from the cell alone.
  if (/^0\d/.test(digits))
    return { state: 'ambiguous', value: null, note: `leading zero "${t}": one number or cells glued?` };
  // A double holds 15 significant digits exactly; more would publish a rounded number
  // (9007199254740993 as …992). No count or amount in these reports has that many: such a run
  // is cells glued together far more often than one number.
  const [whole, fraction = ''] = digits.split('.');
  const significant = (whole! + fraction.replace(/0+$/, '')).replace(/^0+/, '').length;
  if (significant > MAX_DIGITS)
    return {
      state: 'ambiguous',
      value: null,
      note: `${significant} digits "${t}": more than a number here holds exactly; one number or cells glued?`,
    };
  if (kind === 'money') {
    if (unit !== null && !isMoneyUnit(unit))
      return { state: 'unreadable', value: null, note: `unit ${unit} in a money cell` };
    if (sign < 0) return { state: 'unreadable', value: null, note: 'negative amount' };
    // Yuan to the thousandth (125.000元) is a sum no fee is charged in: 125,000 grouped with a dot
    // as likely (a fresh tester's t100: published as 0.0125 万元).
    if (unit === '元' && /^\d{1,3}\.\d{3}$/.test(digits))
      return {
        state: 'ambiguous',
        value: null,
        note: `"${t}": ${digits} yuan, or ${digits.replace('.', '')} with a dot between thousands?`,
      };
    const u = unit ?? defaultUnit;
    const n = Number(digits);
    if (u === null) {
      return n === 0 ? { state: 'number', value: 0, note: null } : { state: 'ambiguous', value: null, note: noUnit };
    }
    return { state: 'number', value: u === '万元' ? n : shiftDecimal(digits, MONEY_UNITS[u]), note: null };
  }
  if (isMoneyUnit(unit)) return { state: 'unreadable', value: null, note: `money unit in a count cell` };
  // A spreadsheet's export writes whole numbers as 12.0: the same count, exactly. Any other
  // fraction is no count.
  if (digits.includes('.') && !/\.0+$/.test(digits))
    return { state: 'unreadable', value: null, note: `fractional count "${t}"` };
  if (sign < 0 && kind !== 'signed') return { state: 'unreadable', value: null, note: `negative count "${t}"` };
  return { state: 'number', value: sign * Number(digits), note: null };
}

/** `^(?:0|[1-9]\d*)$` as a character test. */
function plainDigits(s: string): boolean {
  const n = s.length;
  if (n === 0 || (n > 1 && s.charCodeAt(0) === 48)) return false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Exact decimal shift of a digit string (no binary rounding): shiftDecimal("226700", -4) = 22.67,
 * shiftDecimal("1.2", 4) = 12000 (亿元 → 万元: zeros are added past the last digit).
 */
export function shiftDecimal(digits: string, places: number): number {
  const [int, frac = ''] = digits.split('.');
  const all = int! + frac;
  const point = int!.length + places;
  const padded =
    point <= 0 ? '0'.repeat(1 - point) + all : point > all.length ? all + '0'.repeat(point - all.length) : all;
  const p = Math.max(point, 1);
  return Number(`${padded.slice(0, p)}.${padded.slice(p) || '0'}`);
}

/**
 * Text in a value position that is meant as a number but cannot be read as one: 五十六, 约1234,
 * 2.5万, 100%, 88*, 1 234, 1234（注1）, and a change written in words, 减少21 or 增加5 (本年增/减,
 * "increase/decrease this year": −21 is a reading, not what is written). Such a token is a cell
 * whose text is kept and whose state says it was not read; it is never a blank and never ends a
 * row, so the row's other cells keep their columns.
 */
const CELL_START = /^[约近逾超共计合增减\d零〇一二三四五六七八九十百千万两]/;
const CELL_END = /[\d)）*＊※%％元件个条项次余多万千零〇一二三四五六七八九十百两]$/;
export function isCellText(text: string): boolean {
  const t = text.trim();
  // Cheap rejection first (this sees every text cell): labels start and end otherwise.
  if (!t || t.length > 24 || !CELL_START.test(t) || !CELL_END.test(t) || /^[一二三四五六七八九十]+[、.]/.test(t))
    return false;
  // Strip what may decorate a number: 约/近…, a trailing note (注1), marks, %, a unit, 万/余.
  const core = t
    .replace(/^(?:[约近逾超共计合]+|增加|减少|增|减)/, '')
    .replace(/[（(][^（()）]{0,10}[)）]$/, '')
    .replace(/[*＊※%％]+$/, '')
    .replace(/(?:万元|元|件|个|条|项|次)$/, '')
    .replace(/[余多万千]$/, '')
    .trim();
  return /^(?:\d|\d[\d,，.\s]*\d)$/.test(core) || /^[零〇一二三四五六七八九十百千万两]{2,}$/.test(core);
}
