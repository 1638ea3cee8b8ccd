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

/**
 * A money unit named in a line that speaks of units or amounts (单位, 金额) in any wording the
 * grammar above does not know — （统计单位：元）, 单位/元, （单位：件；元）, （金额：元）, 单位 元 (a
 * fresh tester's t82: each left the form's 万元 in force, 7547.5 元 published as 7547.5 万元). A
 * unit is named, not an amount's: not after a digit (收费7547.5元 is an amount), nor inside a word
 * (元旦, 美元: another currency, otherMoneyUnits) but after 人民币, 以, 为 or 按 (以元为单位,
 * 单位：人民币千元, 金额均以人民币元为单位: t83), nor in brackets after a header's 金额 (采购金额
 * （元）: that column's; the amount column's own is ATTACHED's or BARE_AMOUNT's). Whatever such a line names is stated, so
 * that a wording no rule knows can only make the unit uncertain, never leave the default.
 */
const NAMED = new RegExp(
  `(?<![\\d.,，０-９]\\s*)(?<!金额\\s*[（(]\\s*(?:(?:金额)?单位\\s*[:：]\\s*)?)(?:(?<![\\u4e00-\\u9fff])|(?<=单位|金额|單位|金額|人民币|人民幣|以|为|為|按))(${MONEY})(?![旦月宵素氏首年])`,
  'g',
);
const namedIn = (text: string): string[] => [...text.matchAll(NAMED)].map((m) => m[1]!);

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
    // Any other wording naming a unit on a line of units or amounts (the other column's header
    // apart: its unit is its own, ATTACHED).
    // (Also in traditional script inside a simplified report, not folded: 單位, 金額: t83.)
    if (/单位|金额|單位|金額/.test(l.text) && l.text.includes('元') && !l.text.includes(OTHER[column]))
      for (const u of namedIn(l.text)) add(u);
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

/**
 * A count stated in multiples — 本年处理决定数量（万件）, （单位：千件）, 百条 — named as a unit (in
 * brackets, after 单位 or 数量: not 1.2万件, an amount in prose, nor 受理千件, a word): the form's
 * counts are whole 件, and the cells hold multiples of them (a fresh tester's t82: 3 published
 * for 30,000). Counts are not scaled here: the caller reads none of the table (never a bare 3).
 * Null when none is stated.
 */
const MULTIPLIED_COUNT = new RegExp(
  `(?<![\\d.,，０-９]\\s*)(?:(?<![\\u4e00-\\u9fff])|(?<=单位|数量|單位|數量))(十万|百万|千万|万|千|百|萬)\\s*(人次|件|个|条|项|次|份|個|條|項)`,
);
export function multipliedCountUnit(lines: Line[]): string | null {
  for (const l of lines) {
    const m = MULTIPLIED_COUNT.exec(l.text);
    if (m)
      return `line ${l.no} states counts in ${m[0]} (multiples of the form's whole counts): no count is read as it stands`;
  }
  return null;
}

/** The other amount column's name: a unit written against it is not this column's. */
const OTHER: Record<AmountColumn, string> = { 收费金额: '采购总金额', 采购总金额: '收费金额' };

/**
 * A money unit stated above another table of the section, not the form's amount column's: the
 * next header naming an amount after the statement is not that column's (an agency's own 财政
 * 预决算 table under 单位：元, before the form's tables: a fresh tester's t82, the fee read in 元,
 * 7547.5 万元 published as 0.75475). Which table the statement is for is then not known: the
 * amount is not read. Null when every statement is followed by the column's own header, or by
 * none (a note under the table).
 */
export function unitForAnotherTable(lines: Line[], column: AmountColumn): string | null {
  for (let i = 0; i < lines.length; i++) {
    const t = lines[i]!.text;
    if (
      !t.includes('元') ||
      !(t.includes('单位') || t.includes('金额')) ||
      t.includes('收费金额') ||
      t.includes('采购总金额')
    )
      continue;
    // A header of a bare 金额 with its unit (项目 | 金额（单位：元）): the amount column's when the
    // section names that column nowhere else (t26), another table's when the column's own header
    // follows (t82: an agency's 财政预决算 table).
    BARE_AMOUNT.lastIndex = 0;
    if (BARE_AMOUNT.test(t)) {
      const own = lines.slice(i + 1).find((l) => l.text.includes(column));
      if (own)
        return `a money unit is stated on line ${lines[i]!.no} for an amount column of another table, not the ${column} column (line ${own.no}): which unit that column has is not certain`;
      continue;
    }
    if (!namedIn(t).some(isMoney)) continue;
    // The statement's own line naming an amount (采购金额（元）) is a header itself.
    if (/金额\s*[（(]/.test(t)) continue;
    // The next amount header is another column's (an agency's own table's 金额, or the old form's
    // 采购总金额 kept beside the fee: t83), or a row of another table stands before the column's
    // own header (项目 | 预算数 | 决算数 / 部门预算 | 12345678: t83), or after a statement below
    // the column's table: the statement may be for that table.
    const rest = lines.slice(i + 1);
    const next = rest.find((l) => /金额/.test(l.text));
    if (next && !next.text.includes(column))
      return `a money unit is stated on line ${lines[i]!.no} above another table (line ${next.no}: ${next.text.slice(0, 40)}), not the ${column} column: which table it is for is not certain`;
    const own = rest.findIndex((l) => l.text.includes(column));
    const foreign = (own < 0 ? rest : rest.slice(0, own)).find(foreignRow);
    if (foreign)
      return `a money unit is stated on line ${lines[i]!.no} above a table that is not the form's (line ${foreign.no}: ${foreign.text.slice(0, 40)}): which table it is for is not certain`;
  }
  return null;
}

/** The words of section 二's rows and headers, either form's. */
const FORM_WORDS =
  /规章|规范性文件|许可|处罚|强制|收费|采购|对外管理|服务事项|信息内容|件数|数量|金额|第二十条|合计|总计/;

/**
 * A row of a table that is not the form's: a line of cells (`|`, tabs or wide spaces between)
 * with a number, whose label names none of the form's rows or headers (部门预算 | 12345678).
 */
function foreignRow(l: Line): boolean {
  const t = l.text;
  if (!/\d/.test(t) || !(/[|\t]/.test(t) || /\S\s{2,}\d/.test(t) || (l.cells?.length ?? 0) > 1)) return false;
  const label = /^[\s|]*([^\d|\t]*?)[\s|]*\d/.exec(t)?.[1]?.trim() ?? '';
  return /[\u4e00-\u9fff]{2}/.test(label) && !FORM_WORDS.test(label);
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
  // 人民币元, 人民币千元: yuan, named by the currency's name (t83).
  const add = (u: string) => !isMoney(u.replace(/^人民币/, '')) && !found.includes(u) && found.push(u);
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
