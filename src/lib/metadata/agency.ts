/**
 * Title and agency names. A report's title usually starts with the publishing agency's full
 * name (`泰州市人民政府2023年…`) or with the year (`2023年上海市人民政府参事室…`); web pages
 * add site suffixes to it (`…年度报告_政府信息公开年报`, `…年度报告-泰州市人民政府网`) and
 * crawlers a label (`标题: …`). The 发布机构 ("publishing body") field is often an abbreviation
 * (`市政府办`), which never replaces a full name.
 */

export const TITLE = /政府信息公开.{0,12}(?:年度报告|年报|工作报告|报告|情况)|年度报告/;

/** A crawler's or a page's label before the title. */
export const TITLE_LABEL =
  /^\s*(?:[【\[]\s*(?:文章标题|标\s*题|题\s*目)\s*[】\]]\s*[:：]?|(?:文章标题|标\s*题|题\s*目|名\s*称|title)\s*[:：])\s*/i;
/** Separators between a page title and the site's name; a hyphen between digits is a date. */
const SITE_SEP = /\s*(?:[_|｜]+|(?<!\d)\s*[-—–－]+\s*(?!\d))\s*/;
/** Every character SITE_SEP needs one of. */
const SITE_SEP_CHAR = /[_|｜\-—–－]/;

/**
 * What stands at a title line's ends and is none of its words: a table cell's bar from a page's
 * info box read as text (`标　　题： | X`: a tenth fresh tester's portal pages published the
 * agency `|测试杨局`), and the marks of text that may not be shown or of an object (an icon font's
 * glyph before an `<h1>`: `⁇测试杨局`), with a private-use icon glyph itself.
 */
const CELL_EDGE = /^[\s|｜\u2047\ufffc\ue000-\uf8ff]+|[\s|｜\u2047\ufffc\ue000-\uf8ff]+$/g;

/**
 * A browser's print header before the page's title on a PDF's first line (`12/6/26, 7:48 AM`,
 * `2026/12/6 07:48`): a fresh tester's Chromium-printed reports published the agency
 * `12/6/26,7:48AM淮安市人民政府`.
 */
const PRINT_STAMP =
  /^\s*(?:(?:\d{1,2}\/\d{1,2}\/\d{2,4}|(?:19|20)\d{2}[/-]\d{1,2}[/-]\d{1,2}),?\s+)?(?:上午|下午)?\s*\d{1,2}:\d{2}(?::\d{2})?\s*(?:[AaPp][Mm]|上午|下午)?\s+/;

/**
 * A page's publication date before the title (`2024-01-18 2023年东莞市…`, `【2024年01月18日】2023年…`,
 * a list page's date column glued to the link): a fresh tester's t104 published the agency
 * `2024-01-182023年东莞市人民政府`, and the year 2024 for a 2023 report.
 */
const CN_NUM = '[〇零○一二三四五六七八九十]';
const DATE_FIRST = new RegExp(
  '^\\s*(?:(?:发布|公开|成文|发文)(?:时间|日期)\\s*[:：]\\s*)?[【[（(]?\\s*(?:' +
    [
      // 2024-01-18, 2024/1/18, 2024.01.18, 2024年1月18日
      '(?:19|20)\\d{2}\\s*(?:[-/.]\\s*\\d{1,2}\\s*[-/.]\\s*\\d{1,2}|年\\s*\\d{1,2}\\s*月\\s*\\d{1,2}\\s*日)',
      // 二〇二四年一月十八日
      `${CN_NUM}{4}年${CN_NUM}{1,2}月${CN_NUM}{1,3}日`,
      // 20240118, 2024-01, 01-18: only with a space or a bracket after them
      '(?:19|20)\\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\\d|3[01])(?=[\\s】\\]）)])',
      '(?:19|20)\\d{2}[-/.]\\d{1,2}(?=[\\s】\\]）)])',
      '\\d{1,2}[-/]\\d{1,2}(?=[\\s】\\]）)])',
    ].join('|') +
    ')(?:\\s*\\d{1,2}:\\d{2}(?::\\d{2})?)?(?:\\s*(?:星期|周)[一二三四五六日天])?\\s*[】\\]）)]?\\s*(?=[\\u4e00-\\u9fff]|(?:19|20)\\d{2}\\s*年)',
);

/** The report's period first (2023年1月1日至12月31日慈溪市…): its year stands for it (t106). */
const PERIOD_FIRST =
  /^\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?\s*[至到\-—~～]\s*(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月\s*\d{1,2}\s*日?/;

/** `标题: X_政府信息公开年报-某市人民政府网` → X. */
export function cleanTitle(raw: string): string {
  // A breadcrumb glued before the title (当前位置：首页 > 政务公开 > 年报 X): keep what follows its last step.
  // A Markdown heading's marks (# …, **…**): a converter's or an editor's, not the title's words.
  const s = raw
    .replace(/^\s*#{1,6}\s+/, '')
    .replace(/^\s*(\*\*|__)(.+)\1\s*$/, '$2')
    .replace(/^\s*(?:当前位置|您当前的位置|您的位置|所在位置)\s*[:：]?.*[>›»]\s*(?=\S*(?:19|20)\d{2})/, '')
    .replace(TITLE_LABEL, '')
    .replace(PRINT_STAMP, '')
    .replace(PERIOD_FIRST, '$1年')
    .replace(DATE_FIRST, '')
    .replace(CELL_EDGE, '')
    .trim();
  // SITE_SEP matches at least one of these characters: without any, `s` is one part (the split
  // below would give just that), and the costly pattern is not run.
  if (!SITE_SEP_CHAR.test(s)) return s;
  const parts = s
    .split(SITE_SEP)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length < 2) return s;
  const reports = parts.filter((p) => TITLE.test(p));
  if (!reports.length) return s;
  // The report's own title is the longest part that reads as one (a section name such as
  // 政府信息公开年报 is shorter).
  // (A print header's date cut off as a part of its own, `4/26/21 | 8:49 PM …`: its time too.)
  return reports.reduce((a, b) => (b.length > a.length ? b : a)).replace(PRINT_STAMP, '');
}

/**
 * Where a year inside an agency's name is, in a title: not at the title's start, and what
 * follows it up to the report's words ends an agency's name (北京2022年冬奥会和冬残奥会组织委员会
 * 政府信息公开…: a fresh tester's t30, filed as 北京's of 2022). -1 when there is none.
 */
export function yearInName(title: string): number {
  const t = title.replace(/\s+/g, '');
  const m = /^(.+?)((?:19|20)\d{2}年)(?!度)(.+?)(?=(?:政府)?信息公开|政务公开|工作年度报告|年度报告|年报)/.exec(t);
  // A year first is the report's (2021年北京2022年冬奥会…: the title's agency part follows it).
  if (!m || /^(?:关于)?(?:(?:19|20)\d{2}年|$)/.test(m[1]!) || /(?:19|20)\d{2}/.test(m[3]!) || !AGENCY_END.test(m[3]!))
    return -1;
  return m[1]!.length;
}

/** A year the report's own words follow (year.ts REPORT_YEAR), where it starts (its bracket's: …委员会（2021年）政府…). */
const REPORT_YEAR_AT =
  /(?:[(（]?(?:19|20)\d{2}\s*年|[(（](?:19|20)\d{2}[)）])(?=\s*度?\s*[)）]?\s*(?:(?:政府)?信息公开|政务公开|工作年度报告|年度报告|年报))/;

export const AGENCY_END =
  /(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|办公室|办公厅|街道办事处|办事处|委员会|管委会|管理局|局|厅|委|办|中心|院|所|署|会)$/;
const PLACE_END = /(?:省|市|区|县|旗|自治州|自治县|盟|州)$/;
/** Zones and areas that are no division of their own: they have no 人民政府 to name. */
const ZONE_END =
  /(?:实验区|试验区|开发区|新区|园区|示范区|合作区|保税区|高新区|功能区|产业园|工业区|管理区|港区|景区|林区)$/;

export interface TitleAgency {
  name: string;
  /** The title names a place only (`龙泉市2020年…`): the agency's own name is not written. */
  placeOnly: boolean;
}

/**
 * Where a title's agency part ends: at its year — also one written so that it is not read as a
 * year (2O23年 with a letter O, '23年, a range 2022—2023年, 二〇二三年), which must not stay in
 * the name — or at 关于 / 政府信息公开 / 年度报告.
 */
const CUT =
  /(?:(?:19|20)\d{2}|[0-9０-９OoＯ〇]{4}|[’'‘]\d{2}|[〇零一二三四五六七八九]{4})(?:[—–\-~～至到](?:19|20)?\d{2,4})?年|关于|政府信息公开|政务公开|信息公开|工作年度报告|年度报告/;

/**
 * The rest of a year phrase at the end of a title's agency part, when the year was lost or
 * garbled: a bare 年 or 年度 (once or more: 年年度), a partial or damaged year before it (202年,
 * 2O2年, 二〇二年, 20XX年, ？？？？年), or a year's digits without 年 (XX局2023政府信息公开…,
 * XX局202年度报告). No agency's name ends so; the name is never to carry it.
 */
const YEAR_REST =
  /(?:[\s0-9０-９OoＯｏ〇○零一二三四五六七八九十百千两廿壹贰叁肆伍陆柒捌玖拾佰仟XxＸｘ?？□■△*＊_＿#＃.．'’‘\-—–~～至到\uFFFD]*年度?)+$|(?<=[\u4e00-\u9fff])[0-9０-９]{1,4}$/;

/** The agency part of a title: before the year or before 政府信息公开, after a leading year. */
export function titleAgency(title: string): TitleAgency | null {
  let t = title.replace(TITLE_LABEL, '').replace(PRINT_STAMP, '').replace(CELL_EDGE, '').replace(/\s+/g, '');
  // Year first: 2023年上海市人民政府参事室政府信息公开工作年度报告.
  t = t.replace(/^(?:关于)?[(（]?(?:19|20)\d{2}年度?[)）]?(?:的)?/, '');
  // A verb of passing it on before the name (转发泰州市海陵区人民政府2023年…, 2023年公布北京市…: a
  // fresh tester's t28): no agency's name starts with one.
  // So are a site's tag (【转载】) and the forwarded title's bracket (关于印发《…, 转发:…: t30).
  t = t
    // Mojibake before the name (锟斤拷: U+FFFD saved as GBK) is no part of it (t34).
    .replace(/^(?:锟斤拷|\uFFFD)+/, '')
    .replace(/^[【[][^】\]]{1,6}[】\]]/, '')
    // A correction's label before the title (更正：XX局2023年…, （更正版）XX局…, 更正后的XX局…,
    // 重新发布（更正）：XX局…: fresh testers' t71 and t72 published the agencies 更正:XX局 and 的XX局,
    // and totals added them beside XX局's own report).
    .replace(
      /^(?:重新发布|再次发布)?[(（【[]?(?:更正|勘误|修订|修正)(?:版|稿|后)?[)）】\]]?(?:的|之)?[:：]?(?=[\u4e00-\u9fff]{3})/,
      '',
    )
    // A notice's wrapper: the issuer's name and 关于 ("on") before the verb (铜山区人民政府办公室
    // 关于印发铜山区人民政府2020年…的通知: the report is the one issued, the government's), and a
    // bare 关于 before the name (关于浏阳市统计局2022年…的公告): a fresh tester's t57 published
    // the agencies 关于浏阳市统计局 and 铜山区人民政府办公室关于印发铜山区人民政府.
    .replace(/^.{0,40}?关于(?=(?:转发|印发|公布|发布)[:：]?《?[\u4e00-\u9fff]{3})/, '')
    .replace(/^关于(?=[\u4e00-\u9fff]{3})/, '')
    .replace(/^(?:转发|印发|公布|发布)[:：]?《?(?=[\u4e00-\u9fff]{3})/, '');
  // At the year the report's words follow, where an earlier year is part of the name
  // (北京2022年冬奥会和冬残奥会组织委员会2021年…, 泰州市2035年远景目标办公室2023年…: t28).
  const own = REPORT_YEAR_AT.exec(t);
  const named = own ? -1 : yearInName(t);
  const cut =
    own && own.index > 0 && AGENCY_END.test(t.slice(0, own.index))
      ? own.index
      : named >= 0
        ? t.search(/(?:政府)?信息公开|政务公开|工作年度报告|年度报告|年报/)
        : t.search(CUT);
  if (cut <= 0) {
    // The name in brackets after the report's words (2023年政府信息公开工作年度报告（上海市人民政府参
    // 事室）: a fresh tester's t104, agency NULL).
    const after = /[(（]([\u4e00-\u9fff]{2,40})[)）]$/.exec(t)?.[1];
    return after && cut === 0 && (AGENCY_END.test(after) || after.endsWith('室'))
      ? { name: after, placeOnly: false }
      : null;
  }
  t = t
    .slice(0, cut)
    .replace(/[(（][^()（）]*[)）]$/, '')
    .replace(/[的:：,，]$/, '')
    // What is left of a year the cut did not see (XX局年政府信息公开…, XX局202年…, XX局年度…).
    .replace(YEAR_REST, '');
  // 上海市人民政府信息公开…: the cut took 政府 of the agency's name with it.
  if (/人民$/.test(t)) t += '政府';
  if (t.length < 2) return null;
  return { name: t, placeOnly: PLACE_END.test(t) && !AGENCY_END.test(t) };
}

/** "无锡市滨湖区行政审批局2020年政府信息公开…" → 无锡市滨湖区行政审批局; a bare place → its 人民政府. */
export function agencyFromTitle(title: string): string | null {
  const a = titleAgency(title);
  if (!a) return null;
  return a.placeOnly && !isZone(a.name) ? `${a.name}人民政府` : a.name;
}

export const isZone = (place: string): boolean => ZONE_END.test(place);

/**
 * An abbreviated agency name: it starts with a bare level (市政府办, 区教育局, 县委办) or with
 * 本/我, or is a known short form — the place is missing.
 */
export function isAbbreviation(name: string): boolean {
  return /^(?:本|我)|^(?:省|市(?!场)|区(?!域)|县|镇|乡)/.test(name) || /(?:政府办|府办|委办)$/.test(name);
}

/** The agency of a place as the text names it: 平潭综合实验区 → 平潭综合实验区管委会 when the text says so. */
const PLACE_AGENCY = [
  '人民政府',
  '管理委员会',
  '管委会',
  '党工委管委会',
  '街道办事处',
  '办事处',
  '人民政府办公室',
  '人民政府办公厅',
];

/** `s` as a regular expression's literal text. */
export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export function agencyOfPlace(place: string, text: string): string | null {
  const esc = escapeRegExp(place);
  const found = new Set<string>();
  const re = new RegExp(`${esc}(${PLACE_AGENCY.join('|')})`, 'g');
  for (const m of text.matchAll(re)) found.add(m[1]!);
  for (const suffix of PLACE_AGENCY) if (found.has(suffix)) return place + suffix;
  return null;
}
