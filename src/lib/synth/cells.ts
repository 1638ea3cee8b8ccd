import type { TruthCell } from './truth.ts';
import { Random } from './random.ts';

/**
 * How one cell is written, and what a correct parser must read from it. Glued runs and their
 * truth (which positions every valid split agrees on) are worked out here with a brute-force
 * enumeration of its own, not the parser's.
 */

export interface Written {
  text: string;
  truth: Pick<TruthCell, 'value' | 'state'>;
}

const FULL = '０１２３４５６７８９';
export const fullWidth = (s: string) => s.replace(/\d/g, (d) => FULL[Number(d)]!);
const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

export interface CellStyle {
  fullwidth: boolean;
  thousands: boolean;
  units: boolean;
  /** The money unit the table header states ('万元'), or null when each amount carries its own. */
  headerUnit: '万元' | null;
  /** Counts written as a spreadsheet export writes them: 12.0. */
  floats?: boolean;
  /** The money unit stated outside the amount header (a fifth tester's files); amounts are bare. */
  stated?: StatedUnit;
}

/**
 * Where section 二 states its money unit when not in the amount header: a line 单位：元 above
 * the table, the first header cell (信息内容（单位：元）), a caption (第二十条第（八）项（单位：元）)
 * or the section heading (（金额单位：元）). `conflict`: the amount header still says 万元, so the
 * unit of a non-zero amount is not certain (the truth is then ambiguous).
 */
export interface StatedUnit {
  unit: '元' | '千元' | '万元';
  /** `bare-header`: the amount header says only 金额 with the unit (金额（单位：元）: a fresh tester's t26). */
  at: 'line' | 'header-cell' | 'caption' | 'heading' | 'bare-header';
  conflict: boolean;
  /**
   * How a line, caption or heading words it (UNIT_WORDINGS; 0 or absent: 单位：元, （单位：元）,
   * （金额单位：元） as before): the wordings real reports use that a grammar of 单位：U misses
   * (a fresh tester's t82: （统计单位：元） left the form's 万元 in force).
   */
  wording?: number;
}

/** Other wordings of a unit statement (StatedUnit.wording 1…): U is the unit. */
export const UNIT_WORDINGS: ReadonlyArray<(u: string) => string> = [
  (u) => `（单位：${u}）`,
  (u) => `（统计单位：${u}）`,
  (u) => `（单位：件；${u}）`,
  (u) => `单位/${u}`,
  (u) => `（金额：${u}）`,
  (u) => `单位 ${u}`,
  (u) => `（统计单位：件，金额：${u}）`,
  (u) => `（统计单位：件、${u}）`,
];

/** The statement of `s` at a line, a caption's end or a heading's end, in its wording. */
export function unitStatement(s: StatedUnit, at: 'line' | 'caption' | 'heading'): string {
  if (s.wording) return UNIT_WORDINGS[s.wording % UNIT_WORDINGS.length]!(s.unit);
  return at === 'line' ? `单位：${s.unit}` : at === 'caption' ? `（单位：${s.unit}）` : `（金额单位：${s.unit}）`;
}

/** v in 万元, written bare in the stated unit (exactly: v has at most 2 decimals). */
export function writeStatedMoney(v: number, s: StatedUnit): Written {
  const wan = Number(v.toFixed(2));
  if (wan === 0) return { text: '0', truth: { value: 0, state: 'number' } };
  const cents = Math.round(wan * 100);
  const text =
    s.unit === '元'
      ? String(cents * 100)
      : s.unit === '千元'
        ? `${Math.floor(cents / 10)}${cents % 10 ? `.${cents % 10}` : ''}`
        : String(wan);
  return { text, truth: s.conflict ? { value: null, state: 'ambiguous' } : { value: wan, state: 'number' } };
}

export function writeCount(v: number, s: CellStyle, rng: Random, signed = false): Written {
  let text = s.thousands && Math.abs(v) >= 1000 ? thousands(Math.abs(v)) : String(Math.abs(v));
  if (v < 0) text = `-${text}`;
  else if (signed && v > 0 && rng.chance(0.3)) text = `+${text}`;
  if (s.floats) text += '.0';
  else if (s.units && !signed && rng.chance(0.3)) text += '件';
  if (s.fullwidth && rng.chance(0.5)) text = fullWidth(text);
  return { text, truth: { value: v, state: 'number' } };
}

/** v in 万元 with at most 2 decimals: as 万元, as 元, or bare under a header unit. */
export function writeMoney(v: number, s: CellStyle, rng: Random): Written {
  const wan = Number(v.toFixed(2));
  if (wan === 0 && rng.chance(0.5)) return { text: '0', truth: { value: 0, state: 'number' } };
  if (s.headerUnit && rng.chance(0.6)) return { text: String(wan), truth: { value: wan, state: 'number' } };
  if (rng.chance(0.5)) {
    // Sometimes in a bigger unit (亿元, 千万元, 百万元), decided by the value alone so that the
    // main stream stays the same: 1.2亿元 is 12000万元.
    const big = new Random(Math.round(wan * 100) * 31 + 5);
    if (wan > 0 && big.chance(0.15)) {
      const [unit, places] = big.pick([
        ['亿元', 4],
        ['千万元', 3],
        ['百万元', 2],
      ] as const);
      const text = (Math.round(wan * 100) / 10 ** (places + 2)).toFixed(places + 2).replace(/\.?0+$/, '');
      return { text: `${text}${unit}`, truth: { value: wan, state: 'number' } };
    }
    return { text: `${wan}万元`, truth: { value: wan, state: 'number' } };
  }
  const yuan = Math.round(wan * 10000);
  return { text: `${s.thousands ? thousands(yuan) : yuan}元`, truth: { value: yuan / 10000, state: 'number' } };
}

export const NA_MARKS = ['/', '-', '—', '无'];

/** All splits of `digits` into `k` numbers without leading zeros. */
export function splits(digits: string, k: number): number[][] {
  if (k === 1) return digits.length > 1 && digits[0] === '0' ? [] : [[Number(digits)]];
  const out: number[][] = [];
  for (let cut = 1; cut <= digits.length - k + 1; cut++) {
    const head = digits.slice(0, cut);
    if (head.length > 1 && head[0] === '0') break;
    for (const rest of splits(digits.slice(cut), k - 1)) out.push([Number(head), ...rest]);
  }
  return out;
}

/**
 * Truth of a glued run: the values every split satisfying `rule` agrees on; others ambiguous.
 * Returns null when no split satisfies the rule (the generator then does not glue that row).
 */
export function gluedTruth(
  values: number[],
  rule: (v: number[]) => boolean,
  /** Offsets in the run where a cell must end (a scrape's &nbsp; between two cells). */
  cuts: number[] = [],
): Array<Pick<TruthCell, 'value' | 'state'>> | null {
  const edges = (s: number[]) => {
    const out = new Set<number>();
    let at = 0;
    for (const v of s) out.add((at += String(v).length));
    return out;
  };
  const ok = splits(values.join(''), values.length)
    .filter(rule)
    .filter((s) => !cuts.length || cuts.every((c) => edges(s).has(c)));
  if (ok.length === 0) return null;
  // `value` stays the number actually written: a parser that decides a cell by other rules
  // (column sums) is right when it finds that number.
  return values.map((v, j) =>
    ok.every((s) => s[j] === ok[0]![j]) ? { value: v, state: 'number' } : { value: v, state: 'ambiguous' },
  );
}
