/**
 * Whose table an appendix (附件) table is, by the names around it: a county government's report
 * may print 附件2：县教育局政府信息公开申请情况统计表, 附件：各乡镇政府信息公开工作年度报告数据汇总 or
 * a 填报单位 line naming a subordinate unit, and those numbers are not the report's own.
 *
 * The proof runs one way: a table is the report's only when whatever names it is proven the
 * report's own. A title names an issuer in what stands before its subject (政府信息公开…, 主动公开…,
 * 收到和处理…, a year): 附件1：滨湖区教育局2023年政府信息公开情况统计表 names 滨湖区教育局. That is
 * the report's own when it is empty (附件：政府信息公开情况统计表; words that name nobody, 本年度,
 * 有关, 全年, 相关, are nothing), the report's agency written in full, shorter (滨湖区教育局, 区教育局
 * for 无锡市滨湖区教育局) or longer (江苏省无锡市滨湖区教育局), the place alone for the place's
 * government or committee (某县 for 某县人民政府), or 本机关 / 本单位 / 我局 / 本县. Any other text
 * there, whatever its ending (测试市环境卫生管理处, 档案馆, 第一中学, 供水公司), and words of several
 * units (下属, 所属, 各乡镇, 县直单位, 汇总, 合计), are not proven the report's.
 *
 * A line before a table's rows is a name when what stands before its subject ends as a
 * unit's or a place's name does (局, 处, 馆, 中学, 公司 …) or it is a 填报单位 field; other lines there are pieces of the
 * table's header (法人或其他 / 组织) and name nobody.
 */

/** Words of several units, or of units under the report's agency. */
export const MANY =
  /下属|所属|直属|[省市县区]直(?:单位|部门|机关)|各(?:乡镇|乡|镇|街道|社区|村|部门|单位|县|区|市|级|局|委|办|科室|处室|站所|成员单位)|汇总|合计/;

/**
 * How a unit's or a place's name ends, for a line standing alone before a table's rows (a title's
 * issuer needs none: any name there is read as one).
 */
export const NAME_END =
  /(?:局|委员会|管委会|委|协会|联合会|商会|工会|办公室|办公厅|研究室|办|政府|乡|镇|街道|办事处|处|厅|院|中心|所|署|站|队|省|市|区|县|旗|州|盟|馆|中学|小学|大学|学校|幼儿园|公司|集团|厂|农场|林场|合作社|报社|出版社|电视台|电台|武装部|社区|村|监狱|银行)$/;
/** A place's name alone (the place's government or committee by convention). */
const PLACE_END = /(?:省|市|区|县|旗|州|盟|乡|镇|街道)$/;
/** The report's agency spoken of as itself: 本机关, 本单位, 我局, 本县. */
const SELF =
  /^(?:本|我)(?:机关|单位|部门|局|委|办|厅|院|中心|所|署|站|府|省|市|区|县|旗|州|盟|乡|镇|街道|街道办|街道办事处|级)?$|^本级$/;

/** Where a title's subject starts: what stands before it is the issuer's name. */
const SUBJECT =
  /(?:19|20)\d{2}\s*年|关于|政府信息|政务公开|信息公开|主动公开|收到和处理|依申请|公开申请|申请公开|行政复议|行政诉讼|复议|年度报告|工作年度|年度|年报|统计表|统计(?![局所站队])|情况|数据|表格|图表|图解|报表|一览|[(（]/;
/** Words that may stand before a title's subject and name nobody: 本年度, 有关, 全年, 相关. */
// (更正后的, 修正后: a correction's title names nobody: t116, the corrected table read as a unit's.)
const NO_NAME_WORDS =
  '本年度|本年|全年|本期|有关|相关|各项|主要|具体|基本|以下|下列|上述|附|全部|总体|详细|工作|(?:更正|修正|订正|勘误|修订)(?:后|前)?的?';
const NO_NAME = new RegExp(`^(?:${NO_NAME_WORDS})+$`);
const NO_NAME_LEAD = new RegExp(`^(?:${NO_NAME_WORDS})+`);
/** A title's prefix: 附件2：, 附表1, 表一, 附件1 表3, 二、, 1., （一）. */
const PREFIX =
  /^(?:(?:附件|附表)\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})?|表\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3}))(?![0-9])\s*[:：.、．]?\s*(?:(?:附表|表)\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})(?![0-9])\s*[:：.、．]?)?|^[一二三四五六七八九十]{1,2}[、.．]|^[0-9]{1,2}[、.．](?![0-9])|^[(（](?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[)）]/;
/** A line naming who filled the table in: 填报单位：某县教育局 (not a unit of measure: 统计单位：件、万元). */
const UNIT_FIELD =
  /(?:填报|报送|统计|编制|制表)单位(?:名称)?\s*[:：]\s*(?![件个项次元万亿千百%‰]|人民币)([^|:：\s]{2,30})/;

const squash = (s: string) => s.replace(/[\s|\u3000]+/g, '');

/** The name a title gives before its subject ('' when none): 附件2：县教育局政府信息… → 县教育局. */
export function titleIssuer(title: string): string {
  let t = squash(title).replace(PREFIX, '');
  // The year first: 2023年某县教育局政府信息公开….
  t = t.replace(/^(?:关于)?[(（]?(?:19|20)\d{2}年度?[)）]?(?:的)?/, '');
  // Words that name nobody before the subject (本年度政府信息公开…, 有关数据).
  t = t.replace(NO_NAME_LEAD, '');
  const cut = t.search(SUBJECT);
  let name = (cut < 0 ? t : t.slice(0, cut)).replace(/[的:：,，、.．]+$/, '');
  // Words that name nobody, alone or after the name (某县教育局有关…).
  if (NO_NAME.test(name)) return '';
  name = name.replace(/(?:有关|相关|全年|本年度|本年|工作)+$/, '').replace(/[的:：,，、.．]+$/, '');
  // 某县人民政府信息公开…: the subject took 政府 of the name with it.
  if (/人民$/.test(name)) name += '政府';
  return name;
}

/** A name as compared: spacing and brackets gone, the usual long and short forms made one. */
function canon(name: string): string {
  return squash(name)
    .replace(/[()（）]/g, '')
    .replace(/人民政府办公室|人民政府办公厅|政府办公室|政府办公厅|政府办/g, '政府办')
    .replace(/人民政府/g, '政府')
    .replace(/街道办事处|街道办/g, '街道')
    .replace(/管理委员会/g, '管委会');
}

/** `name` is the report's agency (one of `own`) in full, shorter, longer, or as its place. */
export function isOwnName(name: string, own: readonly string[]): boolean {
  if (SELF.test(name)) return true;
  const n = canon(name);
  if (n.length < 2) return false;
  const place = PLACE_END.test(n);
  return own.some((o) => {
    const c = canon(o);
    if (!c) return false;
    if (n === c || c.endsWith(n) || n.endsWith(c)) return true;
    return place && (c.endsWith(`${n}政府`) || c.endsWith(`${n}管委会`));
  });
}

/** Text in brackets in a title (（县教育局）), but a unit (（单位：件）). */
function bracketed(title: string): string[] {
  return [...squash(title).matchAll(/[(（]([^()（）]{2,30})[)）]/g)]
    .map((m) => m[1]!)
    .filter((s) => !/单位|^注/.test(s));
}

/** A line naming who filled the table in (填报单位：某县教育局), wherever it stands in the table. */
export const isUnitField = (text: string): boolean => UNIT_FIELD.test(text);

/**
 * A line that names a unit (某县教育局, 测试市档案馆2023年度, （各乡镇汇总）), or a 填报单位 field:
 * the name; else null. 合计 alone is a row's label (（七）合计), not units summed.
 */
export function lineName(text: string): string | null {
  const field = UNIT_FIELD.exec(text);
  if (field) return field[1]!;
  const s = squash(text);
  if (/^(?:[(（][一二三四五六七八九十]{1,2}[)）])?(?:总计|合计)$/.test(s)) return null;
  if (!s || s.length > 40 || /[，。,;；:：、！？]/.test(s.replace(/^[一二三四五六七八九十]{1,2}、/, ''))) return null;
  const bare = s.replace(/^[(（]|[)）]$/g, '');
  if (MANY.test(bare)) return bare;
  const name = titleIssuer(bare);
  return name && NAME_END.test(name) ? name : null;
}

/** A line that names a unit, or a 填报单位 field (its scope is its part of the appendix). */
export const isNameLine = (text: string): boolean => lineName(text) !== null;

/** What names an issuer in a title: its issuer part, a name in brackets, words of several units. */
function titleNames(title: string): string[] {
  const many = MANY.exec(squash(title));
  if (many) return [many[0]];
  const names = bracketed(title).filter((b) => MANY.test(b) || NAME_END.test(b));
  const issuer = titleIssuer(title);
  return issuer ? [issuer, ...names] : names;
}

/** A title names an issuer (that may be the report's own): 附件：县教育局…统计表, not 附件：统计表. */
export const namesIssuer = (title: string): boolean => titleNames(title).length > 0;

/**
 * The name in `titles` (table titles: the appendix's 附件 line and the table's own) or `lines`
 * (other lines before the table's rows: a name on a line of its own, 填报单位：…) that is not
 * proven the report's (`own`: its agency's names; none known: no name is proven), or null when
 * every name there is its own, or there is none.
 */
export function otherIssuer(
  titles: readonly string[],
  lines: readonly string[],
  own: readonly string[],
): string | null {
  const names: string[] = titles.flatMap(titleNames);
  for (const l of lines) {
    const n = lineName(l);
    if (n) names.push(n);
  }
  for (const n of names) {
    const many = MANY.exec(n);
    if (many) return many[0];
    if (!isOwnName(n, own)) return n;
  }
  return null;
}

/** A sentence announcing the appendix: 现将…一并附后, 特将…附后, 把…作为附件. */
const ANNOUNCES =
  /(?:现将|特将|兹将|今将|将|把)(.{1,60}?)(?:一并|一起|同时|随文|另)?(?:附后|后附|附上|列后|附在|作为附件)/;

/**
 * The name a sentence before the appendix gives for its tables (现将局属某小学本年度数据一并附后 →
 * 局属某小学; 现将本局2023年数据附后 → 本局), or null when no line announces the appendix or the
 * words name nobody (现将有关数据附后). `lines`: the last lines before the appendix's first.
 */
export function announcedIssuer(lines: readonly string[]): string | null {
  for (const l of lines) {
    const m = ANNOUNCES.exec(squash(l));
    if (!m) continue;
    // 本年度 before the subject: 本 + 年度 would end the name with 本.
    const name = titleIssuer(m[1]!.replace(/本年度|本年|全年|今年|当年/g, ''));
    if (name) return name;
  }
  return null;
}
