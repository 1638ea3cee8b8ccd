import { toSimplified } from '../decode/script.ts';
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

/**
 * Words of several units or of subordinates (issuer.ts MANY, SUBORDINATE), but not 汇总 or 合计 alone:
 * a sum says nothing of whose (注：以上是去年结转与本年新收申请合计后的办理情况: t109's innocent note).
 */
function severalUnits(name: string): boolean {
  const many = MANY.exec(name.replace(/汇总|合计/g, ''));
  return !!many || SUBORDINATE.test(name);
}

/** Subordinate units named as such: 局属, 委属, 派出机构, 事业单位 (beside issuer.ts MANY's 下属, 所属). */
const SUBORDINATE = /[局委厅办处]属|派出(?:机构|单位)|事业单位|二级单位|下级/;
/** The whole place or body, spoken of as the report's own: 全县, 全市, 全局, 全系统. */
const WHOLE = /^全(?:省|市|区|县|旗|州|盟|乡|镇|街道|局|委|系统|部门)/;
/** What a bracket says is included or left out: （含下属单位）, （不含…）. */
const INCLUDED = /[（(]\s*(?:含|包含|包括|不含|不包括)[^（）()]*[）)]/g;
/** Words that lead an introducing clause and name nobody: 现将, 以下为, 下表为, 其中. */
const LEAD = /^(?:现将|特将|兹将|今将|将|下面|以下|下表|其中|另外|此外|附|关于|对)+(?:为|是|系)?/;
/** A clause introducing what follows: it ends in 如下, a colon, or 见下表. */
const INTRODUCES = /(?:如下|如下表所示|如表所示|见下表所示)\s*[。.]?$|[:：]\s*$|(?:列于|列在|见)下表\s*[。.]?$/;

/**
 * The agency itself with its offices or its units (局机关各科室, 本局及所属单位, 本机关和下属单位): the
 * report's own scope, as a bracket saying what is included is (a fresh tester's t112: tables lost).
 */
const SELF_WITH =
  /^(?:本|我)(?:局|委|办|厅|院|中心|机关|单位|部门|府|街道|镇|乡|县|区|市|旗)(?:机关)?(?:及|和|与|以及|连同)|^(?:本|我)?(?:局|委|厅)?机关(?:各|内设)?(?:科室|处室|股室|部门)|^(?:本|我)(?:局|委|厅|办|单位|机关)(?:各|内设)(?:科室|处室|股室|部门|科|处)/;
/** An office inside the agency, named after it (某县水利局办公室, …局政策法规科): its own. */
const OFFICE = /^(?:机关)?(?:[\u4e00-\u9fff]{0,6}办公室|[\u4e00-\u9fff]{0,8}(?:科|股|处室|科室))$/;
/** An office's name at the end of a name (…局政务公开办公室, …局办公室), for the agency before it. */
const OFFICE_END = /(?:机关)?(?:[\u4e00-\u9fff]{0,6}办公室|[\u4e00-\u9fff]{0,8}?(?:科|股|处室|科室))$/;
/** A stamp in brackets (填报单位：某局（盖章）): no part of the name. */
const STAMP = /[（(]\s*(?:盖章|公章|签章|章)\s*[）)]/g;
/**
 * Words of how a table was made or who asked for it (按照…要求, 根据…印发的格式, 在…指导下, 由…汇总,
 * 系统导出): the name in them is no owner of the figures (a fresh tester's t115: the agency's tables lost).
 */
const NOT_WHOSE = /^(?:按照|根据|依据|依照|按|经|由|在)|格式|口径|制定|印发|要求|指导|部署|导出|审核|审定|统一/;

/** The agency itself as a sentence's subject (本局通过…门户网站…: the portal is no unit, t114). */
const SELF_START = /^(?:本|我)(?:机关|单位|部门|局|委|办|厅|院|中心|府|县|区|市|镇|乡|街道)/;
/** The agency with others it reports for (县政府及各部门, 某街道及所辖社区): its own scope. */
const OWN_WITH = /^(.{2,24}?)(?:及|和|与|以及|连同)(?:其)?(?:所辖|所属|下属|各|工作)/;

/**
 * Words naming the agency's own scope: the whole place (全县), the agency with its offices or units
 * (本局及所属单位, 局机关各科室), or the agency and the units it reports for (县政府及各部门, 本街道及所辖社区).
 */
function ownScope(words: string, own: readonly string[]): boolean {
  if (WHOLE.test(words) || SELF_WITH.test(words)) return true;
  const withOthers = OWN_WITH.exec(words.replace(LEAD, ''));
  return !!withOthers && (isOwnName(withOthers[1]!, own) || SELF_START.test(withOthers[1]!));
}

/** Whether `name` is the report's own: isOwnName, or one of its offices (`own` + 办公室, 科, 股). */
function ownOrOffice(name: string, own: readonly string[]): boolean {
  if (isOwnName(name, own) || SELF_WITH.test(name) || SELF_START.test(name)) return true;
  const withOthers = OWN_WITH.exec(name);
  if (withOthers && isOwnName(withOthers[1]!, own)) return true;
  if (own.some((o) => name.startsWith(o) && OFFICE.test(name.slice(o.length)))) return true;
  // An office named after the agency's short form (县水利局办公室, 局办公室): the agency's.
  const base = name.replace(OFFICE_END, '');
  return base !== name && (base === '' || base === '局' || base === '本局' || isOwnName(base, own));
}

/** The unit a phrase names as the table's, when it is not proven the report's (`own`); else null. */
function otherUnit(phrase: string, own: readonly string[], sentence = false): string | null {
  const words = phrase
    .replace(INCLUDED, '')
    .replace(STAMP, '')
    .replace(/[\s|\u3000]+/g, '');
  if (!words || ownScope(words, own)) return null;
  // (In a sentence, words of how the table was made name no owner; a unit's name proves an owner
  // only where the figures' words follow it: 某处收到和处理…情况如下, not 某办公室统计如下.)
  if (sentence && NOT_WHOSE.test(words.replace(LEAD, ''))) return null;
  const lead = words.replace(LEAD, '');
  const name = titleIssuer(lead);
  if (!name || WHOLE.test(name) || SELF_WITH.test(name)) return null;
  if (severalUnits(name)) return name;
  if (ownOrOffice(name, own)) return null;
  if (sentence && !(lead.startsWith(name) && FIGURES_AFTER.test(lead.slice(name.length)))) return null;
  return own.length && NAME_END.test(name) && name.length >= 3 ? name : null;
}

/** The figures' words right after a unit's name in a sentence (收到和处理…, 政府信息公开…, 2023年度…, 的情况). */
const FIGURES_AFTER =
  /^(?:的)?(?:(?:19|20)\d{2}年度?)?(?:的)?(?:收到和处理|政府信息公开|信息公开|依申请|主动公开|行政复议|行政诉讼|情况|数据|申请)/;

/** Words that are a unit's name and nothing else (区教师发展中心), not words of how a table was made. */
function bareName(words: string): boolean {
  const w = words.replace(/[\s|\u3000]+/g, '');
  return lineName(w) === w && NAME_END.test(w) && !NOT_WHOSE.test(w);
}

/** A line standing alone over the table (a name, a title, 填报单位): the unit it names, unless own. */
function lineUnit(text: string, own: readonly string[]): string | null {
  if (ownScope(text.replace(INCLUDED, '').replace(/[\s|\u3000]+/g, ''), own)) return null;
  const name = lineName(text.replace(INCLUDED, '').replace(STAMP, ''));
  if (!name || WHOLE.test(name) || SELF_WITH.test(name)) return null;
  if (severalUnits(name)) return name;
  return own.length && !ownOrOffice(name, own) ? name : null;
}

/** The agency naming a unit it manages (我街道代管的, 本局归口管理的): the unit is a subordinate one. */
const MANAGED = /(?:本|我)(?:机关|单位|部门|局|委|办|厅|院|中心|街道|镇|乡|区|县|市)?(?:代管|归口管理|主管|托管)的?/g;
/** A bracket after a unit's name saying how it stands to the agency (（二级机构）, （代报）): not part of the name. */
const UNIT_NOTE = /[（(]\s*(?:二级机构|二级单位|下属单位|直属单位|代报|代管|托管)\s*[）)]/g;
/** A sentence saying what follows is (下表为…的情况。, 以下是…数据。): its predicate. */
const FOLLOWING_IS = /^(?:下表|以下|下面|下列)(?:数据|表格|情况)?(?:为|是|系|反映的是|列出的是)(.+?)[。.]?$/;
/** A note after the table saying what it is (注：上表为局属某处数据。): its predicate. */
const NOTE_IS =
  /^\s*[*＊※]?\s*[（(]?\s*(?:(?:注|说明|备注|附注)\s*[\d①-⑩]?\s*[:：]\s*)?(?:上表|本表|该表|此表|以上|上述)(?:中的|中|所列|的)?(?:数据|数字|情况|内容)?(?:均|皆|全部|仅|只|仅仅)?(?:为|是|系|反映的是|统计的是|所列为|列的是)(.+?)[。.]?[）)]?[。.]?$/;

/**
 * The words over a section's table naming another unit than the report's (`own`: the agency's
 * names, empty when unknown): its line, words and the unit; null when nothing over it names one.
 * Read: the heading, each line before the table's first header or value line (a name or title
 * alone; a sentence by its last clause, when that introduces what follows), and a 填报单位 field
 * anywhere in the section.
 */
export function otherUnitCaption(
  heading: { no: number; text: string } | null,
  section: ReadonlyArray<{ no: number; text: string }>,
  own: readonly string[],
): { line: number; words: string; unit: string } | null {
  // (Traditional script read as simplified: 所屬各單位…彙總如下：.)
  // (A unit the agency manages is another unit: 我街道代管的某中心, 我局归口管理的某中心, 某站（二级机构）:
  // t124.)
  const simple = (l: { no: number; text: string }) => ({
    no: l.no,
    text: toSimplified(l.text).replace(MANAGED, '下属').replace(UNIT_NOTE, ''),
  });
  const body = section.map(simple);
  heading = heading && simple(heading);
  for (const l of body)
    if (isUnitField(l.text)) {
      const unit = lineUnit(l.text, own);
      if (unit) return { line: l.no, words: l.text.trim(), unit };
    }
  const { lines, first, end } = tableStart(heading, body);
  if (end >= lines.length) return null;
  const before = lines.slice(0, end);
  const alone = (text: string) => !/[，,。；;！!？?:：]/.test(text.replace(/[:：]\s*$/, ''));
  if (first === 1) {
    const text = before[0]!.text.trim();
    const unit = otherUnit(text.replace(/^\s*[一二三四五六七八九十]+\s*[、.．]/, ''), own);
    if (unit) return { line: before[0]!.no, words: text, unit };
  }
  // A name or a title on a line of its own, as printed (its words may hold 、: 表3 某处政府信息公开行政
  // 复议、行政诉讼情况; not joined to the header line after it).
  for (const l of before.slice(first)) {
    const text = l.text.trim();
    if (!text || !alone(text)) continue;
    const words = text.replace(/(?:如下)?\s*[:：]\s*$/, '');
    // (A line introducing what follows, 按照…要求填报如下：, is read as a sentence; a name alone before a
    // colon, 区教师发展中心：, is a name: t116.)
    const unit =
      INTRODUCES.test(text) && !bareName(words)
        ? otherUnit(words, own, true)
        : (lineUnit(words, own) ?? otherUnit(words, own));
    if (unit) return { line: l.no, words: text, unit };
  }
  // A sentence (wrapped lines joined), by its last clause when that introduces what follows, or
  // saying what follows is (下表为…的情况。).
  for (const l of introLines(before, first).slice(first)) {
    const text = l.text.trim();
    if (alone(text)) continue;
    const sentence = text.split(/[。；;！!？?](?!\s*$)/).at(-1) ?? '';
    const clause = sentence.split(/[，,]/).at(-1) ?? '';
    const following = FOLLOWING_IS.exec(sentence);
    const unit = INTRODUCES.test(clause)
      ? otherUnit(clause.replace(INTRODUCES, ''), own, true)
      : following
        ? otherUnit(following[1]!, own, true)
        : null;
    if (unit) return { line: l.no, words: text, unit };
  }
  // A note after the table saying whose it is (注：上表为局属某处数据。).
  for (const l of lines.slice(end)) {
    const m = NOTE_IS.exec(l.text);
    const unit = m ? otherUnit(m[1]!, own, true) : null;
    if (unit) return { line: l.no, words: l.text.trim(), unit };
  }
  return null;
}

/** `read` with its values NULL: the words over it name another unit (otherUnitCaption). */
export function otherUnitTable(read: TableRead, caption: { line: number; words: string; unit: string }): TableRead {
  return notOwnTable(
    read,
    caption.line,
    'other_unit',
    (n) =>
      `the table is introduced as another unit's ("${caption.words}": ${caption.unit}), not proven the report's agency's own: its ${n} value(s) left NULL`,
  );
}
