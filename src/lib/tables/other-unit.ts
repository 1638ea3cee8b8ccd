import { MANY, NAME_END, isOwnName, isUnitField, lineName, titleIssuer } from '../segment/issuer.ts';
import { notOwnTable } from './not-own.ts';
import { introLines, tableStart } from './periods.ts';
import type { TableRead } from './read.ts';

/**
 * Whose table a section's own table is, by the words over it. A report's section may print, as
 * its only table, a subordinate unit's (下属单位某管理处收到和处理…情况如下：, 表3 某管理处…统计表,
 * 填报单位：某站, the unit's name on a line of its own, a heading 三、局属某处收到…) or its townships'
 * summed (各乡镇（街道）…汇总如下：): a fresh tester's t111, 5,550 cells published as the agency's own.
 * The appendix has had this rule (segment/issuer.ts); this is the same proof for a section: a
 * name over the table that is not the report's agency (isOwnName), or words of several units
 * (下属, 所属, 各乡镇, 汇总), make the table no proof of the report's own numbers.
 *
 * Own names are never doubted: 本局, 本机关, the agency in full or short, its place alone for a
 * government, 全县 (the whole county: a county government's summed table is its report's), and
 * anything in brackets saying what is included (本局（含下属单位）). With the agency unknown only
 * words of several units or of subordinates count: a name alone cannot be compared.
 */

/** Subordinate units named as such: 局属, 委属, 派出机构, 事业单位 (beside issuer.ts MANY's 下属, 所属). */
const SUBORDINATE = /[局委厅办处]属|派出(?:机构|单位)|事业单位|二级单位|下级/;
/** The whole place or body, spoken of as the report's own: 全县, 全市, 全局, 全系统. */
const WHOLE = /^全(?:省|市|区|县|旗|州|盟|乡|镇|街道|局|委|系统|部门)/;
/** What a bracket says is included or left out: （含下属单位）, （不含…）. */
const INCLUDED = /[（(]\s*(?:含|包含|包括|不含|不包括)[^（）()]*[）)]/g;
/** Words that lead an introducing clause and name nobody: 现将, 以下为, 下表为, 其中. */
const LEAD = /^(?:现将|特将|兹将|今将|将|下面|以下|下表|其中|另外|此外|附|关于|对)+(?:为|是|系)?/;
/** A clause introducing what follows: it ends in 如下, a colon, or 见下表. */
const INTRODUCES = /如下\s*[。.]?$|[:：]\s*$|(?:列于|列在|见)下表\s*[。.]?$/;

/** The unit a phrase names as the table's, when it is not proven the report's (`own`); else null. */
function otherUnit(phrase: string, own: readonly string[]): string | null {
  const words = phrase.replace(INCLUDED, '').replace(/[\s|\u3000]+/g, '');
  if (!words || WHOLE.test(words)) return null;
  const name = titleIssuer(words.replace(LEAD, ''));
  if (!name || WHOLE.test(name)) return null;
  const many = MANY.exec(name) ?? SUBORDINATE.exec(name);
  if (many) return name;
  return own.length && NAME_END.test(name) && name.length >= 3 && !isOwnName(name, own) ? name : null;
}

/** A line standing alone over the table (a name, a title, 填报单位): the unit it names, unless own. */
function lineUnit(text: string, own: readonly string[]): string | null {
  const name = lineName(text.replace(INCLUDED, ''));
  if (!name || WHOLE.test(name)) return null;
  if (MANY.test(name) || SUBORDINATE.test(name)) return name;
  return own.length && !isOwnName(name, own) ? name : null;
}

/**
 * The words over a section's table naming another unit than the report's (`own`: the agency's
 * names, empty when unknown): its line, words and the unit; null when nothing over it names one.
 * Read: the heading, each line before the table's first header or value line (a name or title
 * alone; a sentence by its last clause, when that introduces what follows), and a 填报单位 field
 * anywhere in the section.
 */
export function otherUnitCaption(
  heading: { no: number; text: string } | null,
  body: ReadonlyArray<{ no: number; text: string }>,
  own: readonly string[],
): { line: number; words: string; unit: string } | null {
  for (const l of body)
    if (isUnitField(l.text)) {
      const unit = lineUnit(l.text, own);
      if (unit) return { line: l.no, words: l.text.trim(), unit };
    }
  const { lines, first, end } = tableStart(heading, body);
  if (end >= lines.length) return null;
  for (const [k, l] of introLines(lines.slice(0, end), first).entries()) {
    const text = l.text.trim();
    let unit: string | null = null;
    if (k === 0 && first === 1) unit = otherUnit(text.replace(/^\s*[一二三四五六七八九十]+\s*[、.．]/, ''), own);
    else if (!/[，,。；;！!？?:：]/.test(text.replace(/[:：]\s*$/, '')))
      unit = lineUnit(text.replace(/(?:如下)?\s*[:：]\s*$/, ''), own);
    else {
      const sentence = text.split(/[。；;！!？?](?!\s*$)/).at(-1) ?? '';
      const clause = sentence.split(/[，,]/).at(-1) ?? '';
      if (INTRODUCES.test(clause)) unit = otherUnit(clause.replace(INTRODUCES, ''), own);
    }
    if (unit) return { line: l.no, words: text, unit };
  }
  return null;
}

/** `read` with its values NULL: the words over it name another unit (otherUnitCaption). */
export function otherUnitTable(read: TableRead, caption: { line: number; words: string; unit: string }): TableRead {
  return notOwnTable(
    read,
    caption.line,
    (n) =>
      `the table is introduced as another unit's ("${caption.words}": ${caption.unit}), not proven the report's agency's own: its ${n} value(s) left NULL`,
  );
}
