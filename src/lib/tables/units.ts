import type { Line } from '../decode/lines.ts';
import { MONEY_UNITS, type MoneyUnit } from './cell.ts';

/**
 * The money unit section 二 states for an amount column. The form prints it in the column's
 * header (本年收费金额（单位：万元）), but reports also state it elsewhere in the section: a line
 * 单位：元 above a sub-table, the first header cell (信息内容（单位：元）), a sub-table's caption
 * (第二十条第（八）项（单位：元）) or the section heading (二、主动公开政府信息情况（金额单位：元）).
 * Every such statement applies to the column (元 and 万元 differ ten-thousandfold, so one missed
 * is a wrong number); a statement written against the other amount column (采购总金额 beside
 * 收费金额) applies to that column only. Units of count (件, 条, 个) state nothing about money.
 * When the statements name different money units, the caller reads no amount (never a pick).
 */

export type AmountColumn = '收费金额' | '采购总金额';

const MONEY = Object.keys(MONEY_UNITS)
  .sort((a, b) => b.length - a.length)
  .join('|');
const COUNT = '人次|件|个|条|项|次|份|人';
const UNIT = `(?:${MONEY}|${COUNT})`;

/**
 * 单位：元 / 金额单位：万元 / （单位：件、万元）. 单位 stands at the start of a phrase (not 发布单位,
 * 本单位), possibly after the caption or heading it is glued to in a one-line dump; 元 is not
 * the start of a word (元旦, 元月, 元氏县). A statement right after 金额（ belongs to that
 * column (ATTACHED).
 */
const STATED = new RegExp(
  `(?<!金额\\s*[（(]?\\s*)(?<=^|[^\\u4e00-\\u9fff]|项|表|况|额)(?:金额|计量|货币)?单位\\s*[:：]\\s*(${UNIT}(?:\\s*[、，,/／和及]\\s*${UNIT})*)(?![旦月宵素氏首年])`,
  'g',
);
/** A money unit alone in brackets: 行政事业性收费（万元）, not right after an amount header. */
const BRACKETED = new RegExp(`(?<!金额\\s*)[（(]\\s*(${MONEY})\\s*[)）]`, 'g');
/** The unit written against an amount column's header: 本年收费金额（单位：万元）, 采购总金额(元). */
const ATTACHED = new RegExp(`(采购总金额|收费金额)[^\\d]{0,8}?(${MONEY})`, 'g');
/**
 * The unit in brackets after a header that says only 金额 (金额（元）, 金额(单位：千元)): the form
 * has one amount column a layout (收费金额 in 2021's, 采购总金额 in 2019's), so it is that one's (a
 * fresh tester's t26: 34899 under 金额（单位：元） published as 万元). Only a cell's own word (after
 * a separator or at a line's start, or glued to the first header cell's 信息内容, 项目, 名称 or 类别:
 * not 采购金额, 罚没金额), and only in
 * brackets: prose (金额共计五千元) states no unit.
 */
const BARE_AMOUNT = new RegExp(
  `(?:(?<![\\u4e00-\\u9fff])|(?<=信息内容|项目|名称|类别))金额\\s*[（(]\\s*(?:(?:金额)?单位\\s*[:：]\\s*)?(${MONEY})\\s*[)）]`,
  'g',
);

const isMoney = (u: string): u is MoneyUnit => u in MONEY_UNITS;

/** The distinct money units section 二 (`lines`) states for `column`, in order of appearance. */
export function statedMoneyUnits(lines: Line[], column: AmountColumn): MoneyUnit[] {
  const found: MoneyUnit[] = [];
  const add = (u: string) => isMoney(u) && !found.includes(u) && found.push(u);
  // Cheap tests first (most lines state no unit): STATED needs 单位, BRACKETED a money unit,
  // and every money unit ends in 元.
  for (const l of lines) {
    if (l.text.includes('金额')) for (const m of l.text.matchAll(BARE_AMOUNT)) add(m[1]!);
    if (l.text.includes('单位'))
      for (const m of l.text.matchAll(STATED)) for (const u of m[1]!.split(/\s*[、，,/／和及]\s*/)) add(u);
    if (l.text.includes('元')) for (const m of l.text.matchAll(BRACKETED)) add(m[1]!);
    // A unit alone in its cell or line (a grid table's amount cell wrapped, `| 12645600 |` over
    // `| 元 |`, the second line's bar lost: a fresh tester's fuzzer, read in 万元, 10,000 times).
    if (l.text.includes('元')) {
      const alone = UNIT_ALONE.exec(l.text.replace(/[\s|*_]/g, ''));
      if (alone) add(alone[1]!);
    }
    // A unit cut after its prefix at a line's end (`金额（单` / `位：万`, then a page's footer and
    // running header, then `元）`: a fresh tester's t66, read in 元 from the `元）` alone, 6250 万元
    // published as 0.625): the prefix's unit is stated too, so the two disagree and no amount is read.
    const cut = CUT_PREFIX.exec(l.text.replace(/[\s|*_]/g, ''));
    if (cut) add(`${cut[1]}元`);
  }
  // Header words broken across lines (本年收费 / 金额（万元）) join when squashed.
  const squashed = lines
    .map((l) => l.text)
    .join('')
    // Markdown's emphasis marks too (`（单位：` over `**千元）**`).
    .replace(/[\s|*_]/g, '');
  for (const m of squashed.matchAll(ATTACHED)) if (m[1] === column) add(m[2]!);
  for (const m of squashed.matchAll(BARE_AMOUNT)) add(m[1]!);
  // A statement broken across lines (a spreadsheet cell's 信息内容（单 / 位：元）): 单位 read whole.
  if (squashed.includes('单位'))
    for (const m of squashed.matchAll(STATED)) for (const u of m[1]!.split(/\s*[、，,/／和及]\s*/)) add(u);
  return found;
}

/** A money unit's prefix ending a line after 单位： or a bracket: `位：万`, `（千`. */
const CUT_PREFIX = /(?:位[:：]|[（(])(百|千|万|十万|百万|千万|亿)$/;

/** A money unit standing alone: `元`, `（千元）`, `单位：万元`. */
const UNIT_ALONE = /^[（(]?(?:单位[:：])?((?:百|千|万|十万|百万|千万|亿)?元)[)）]?$/;

/**
 * A unit stated for money that is none of 元 … 亿元 (RMB): 美元 (US dollars), 万美元, 港元, 欧元,
 * 日元, 角 (a tenth of a yuan), 分 (a hundredth). ATTACHED would take the 元 in 美元 for 元, and an
 * amount in another currency or unit has no 万元 value here: the caller reads no amount. The
 * units found, in order; none in most sections.
 */
const OTHER_MONEY =
  /(?:单位|金额)\s*[:：（(]?\s*(?:单位\s*[:：]\s*)?([\u4e00-\u9fff]{0,3}?(?:元|角|分))(?![\u4e00-\u9fff]*[旦月宵素氏首])/g;

/**
 * What an amount header names as its unit, in brackets after it: 收费金额（单位：万港币）,
 * 采购总金额（USD）. Any unit of it that is not one of 元 … 亿元 is another (万港币, 美金, 英镑, USD,
 * HK$): a currency whose name has no 元 is no less another.
 */
const AMOUNT_UNIT = /(?:收费金额|采购总金额)[（(](?:(?:金额)?单位[:：])?([^（()）\d,，;；、]{1,8})[^（()）]*[)）]/g;

export function otherMoneyUnits(lines: Line[]): string[] {
  const found: string[] = [];
  const add = (u: string) => !isMoney(u) && !found.includes(u) && found.push(u);
  for (const l of lines) {
    if (!l.text.includes('单位') && !l.text.includes('金额')) continue;
    for (const m of l.text.replace(/[\s|]/g, '').matchAll(OTHER_MONEY)) add(m[1]!);
  }
  const squashed = lines
    .map((l) => l.text)
    .join('')
    // Markdown's emphasis marks too (`（单位：` over `**千元）**`).
    .replace(/[\s|*_]/g, '');
  for (const m of squashed.matchAll(AMOUNT_UNIT)) add(m[1]!);
  return found;
}
