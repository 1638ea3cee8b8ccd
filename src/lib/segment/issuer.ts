/**
 * Whose table an appendix (附件) table is, by the names around it: a county government's report
 * may print 附件2：县教育局政府信息公开申请情况统计表, 附件：各乡镇政府信息公开工作年度报告数据汇总 or
 * a 填报单位 line naming a subordinate unit, and those numbers are not the report's own.
 *
 * A title names an issuer in what stands before its subject (政府信息公开…, 主动公开…, 收到和
 * 处理…, a year): 附件1：滨湖区教育局2023年政府信息公开情况统计表 names 滨湖区教育局. That is the
 * report's own when it is the report's agency written in full, shorter (滨湖区教育局, 区教育局 for
 * 无锡市滨湖区教育局) or longer (江苏省无锡市滨湖区教育局), the place alone for the place's
 * government or committee (某县 for 某县人民政府), or 本机关 / 本单位 / 我局 / 本县. Any other name
 * that reads as an agency's or a place's, or words of several units (下属, 所属, 各乡镇, 县直单位,
 * 汇总, 合计), is not proven the report's.
 */

/** Words of several units, or of units under the report's agency. */
const MANY =
  /下属|所属|直属|[省市县区]直(?:单位|部门|机关)|各(?:乡镇|乡|镇|街道|社区|村|部门|单位|县|区|市|级|局|委|办|科室|处室|站所|成员单位)|汇总|合计/;

/** How an agency's or a place's name ends. */
const NAME_END =
  /(?:局|委员会|管委会|委|办公室|办公厅|办|政府|乡|镇|街道|办事处|厅|院|中心|所|署|站|队|省|市|区|县|旗|州|盟)$/;
/** A place's name alone (the place's government or committee by convention). */
const PLACE_END = /(?:省|市|区|县|旗|州|盟|乡|镇|街道)$/;
/** The report's agency spoken of as itself: 本机关, 本单位, 我局, 本县. */
const SELF =
  /^(?:本|我)(?:机关|单位|部门|局|委|办|厅|院|中心|所|署|站|府|省|市|区|县|旗|州|盟|乡|镇|街道|街道办|街道办事处|级)?$|^本级$/;

/** Where a title's subject starts: what stands before it is the issuer's name. */
const SUBJECT =
  /(?:19|20)\d{2}\s*年|关于|政府信息|政务公开|信息公开|主动公开|收到和处理|依申请|公开申请|申请公开|行政复议|行政诉讼|复议|年度报告|工作年度|年度|统计表|情况|数据|[(（]/;
/** A title's prefix: 附件2：, 附表1, 表一, 附件1 表3, 二、. */
const PREFIX =
  /^(?:(?:附件|附表)\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})?|表\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3}))(?![0-9])\s*[:：.、．]?\s*(?:(?:附表|表)\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})(?![0-9])\s*[:：.、．]?)?|^[一二三四五六七八九十]{1,2}[、.．]/;
/** A line naming who filled the table in: 填报单位：某县教育局. */
const UNIT_FIELD = /(?:填报|报送|统计|编制|制表)单位(?:名称)?\s*[:：]\s*([^|:：\s]{2,30})/;

const squash = (s: string) => s.replace(/[\s|\u3000]+/g, '');

/** The name a title gives before its subject ('' when none): 附件2：县教育局政府信息… → 县教育局. */
export function titleIssuer(title: string): string {
  let t = squash(title).replace(PREFIX, '');
  // The year first: 2023年某县教育局政府信息公开….
  t = t.replace(/^(?:关于)?[(（]?(?:19|20)\d{2}年度?[)）]?(?:的)?/, '');
  const cut = t.search(SUBJECT);
  let name = (cut < 0 ? t : t.slice(0, cut)).replace(/[的:：,，、.．]+$/, '');
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
 * A line that is only a name (某县教育局, （各乡镇汇总）), or a 填报单位 field: the name; else null.
 * 合计 alone is a row's label (（七）合计), not units summed.
 */
function lineName(text: string): string | null {
  const field = UNIT_FIELD.exec(text);
  if (field) return field[1]!;
  if (/^(?:[(（][一二三四五六七八九十]{1,2}[)）])?(?:总计|合计)$/.test(squash(text))) return null;
  const s = squash(text).replace(/^[(（]|[)）]$/g, '');
  if (!s || s.length > 30 || /\d|[，。,;；:：、！？]/.test(s)) return null;
  return MANY.test(s) || NAME_END.test(s) ? s : null;
}

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
  const names: string[] = [];
  for (const t of titles) {
    const many = MANY.exec(squash(t));
    if (many) return many[0];
    names.push(titleIssuer(t), ...bracketed(t));
  }
  for (const l of lines) {
    const n = lineName(l);
    if (n) names.push(n);
  }
  for (const n of names) {
    if (!n) continue;
    const many = MANY.exec(n);
    if (many) return many[0];
    if (SELF.test(n)) continue;
    // A word that is no agency's or place's name (本年度, 年报) names nobody.
    if (!NAME_END.test(n)) continue;
    if (!isOwnName(n, own)) return n;
  }
  return null;
}
