import { toSimplified } from '../decode/script.ts';
import { namesOtherPeriod } from './periods.ts';

/**
 * Words anywhere in the report naming one of its own form tables and saying what it is not — a
 * fresh tester's t124, where such words stood in 一, 五 or 六, far from the table, or in a note
 * under it, and the table was published as the year's and the agency's:
 * - another period's: 第三部分表格为2022年度数据, 第三部分表格暂以2022年度数据填列, 第四部分表格所列系上一
 *   年度数据, 本表统计截止时间：2022年12月31日, 注：本表数据来源于本局2022年度报告;
 * - another unit's: 第三部分表格为局属某中心数据, 本报告第三部分表格由局属某中心填报;
 * - withdrawn by the report: 第四部分表格数据经复核存在差错，现予撤回, 第三部分表格部分数据有误，以重新发布的
 *   数据为准, 故第三部分表格不作统计, 相关表格仅为格式保留.
 * A table is named by its part (第三部分, 表三) anywhere, or as 本表 / 上表 / 本部分表格 in its own
 * section. Words comparing (与2022年相比), naming a row (上年结转一行), or naming another year's
 * report (2022年度报告第三部分数据有误) say nothing of the table itself.
 */

export type NamedTable = 'active' | 'requests' | 'review';

export interface TableNamed {
  table: NamedTable;
  line: number;
  words: string;
  kind: 'other_period' | 'other_unit' | 'withdrawn';
  /** The unit named, for `other_unit`. */
  unit?: string;
}

/** A table named by its part anywhere in the report. */
const BY_PART: Array<[NamedTable, RegExp]> = [
  ['active', /第二部分|表二(?![十\d])/],
  ['requests', /第三部分|表三(?![十\d])/],
  ['review', /第四部分|表四(?![十\d])/],
];
/** A table named in its own section (or right under it). */
const HERE = /本表|上表|此表|该表|本部分(?:的)?(?:表格|数据)/;
/** …and as a table or figures (第三部分表格, 第三部分所列依申请公开数据). */
const AS_TABLE = /表格?|数据|数字|所列|统计/;
/** Words comparing, or naming a row or column of the table: about part of it, or about another year beside it. */
const NOT_OF_TABLE =
  /相比|对比|比较|同比|环比|较(?:上|去|前|\d)|比上|增长|减少|下降|上升|持平|增加|一致|相同|结转|新收|一行|一栏|该行|该栏|[”"]栏|[”"]行/;
/** Another year's report named as the owner of the part (2022年度报告第三部分, 上年度报告中…). */
const OTHER_REPORT_PART =
  /(?:(?:19|20)\d{2}年度?|上一?年度?|去年|往年)(?:政府信息公开)?(?:工作)?(?:年度)?(?:报告|年报)(?:中|的)*第[二三四]部分/;
/** A table withdrawn or disowned by the report; not its negation (无误, 未发现错误). */
const WITHDRAWN =
  /有误|差错|错误|不准确|现予撤回|予以撤回|(?:表格?|数据)(?:予以|全部)?撤回|作废|无效|(?:表格|[^本]表)(?:数据)?(?:均|全部|一律)?(?:不作统计|不予统计)|格式保留|仅供参考|不作为.{0,6}依据|重新(?:统计|发布|公布)/;
const NOT_WITHDRAWN = /无误|准确无误|没有(?:错误|差错)|不存在.{0,6}(?:错误|差错|问题)|未发现|无差错/;
/** A corrected table announced after the words (更正如下：, 正确数据见下表). */
const CORRECTED_AFTER = /如下|下表|见下|以下|附后|附表|附件/;
/** A year of the form or its rules, not of the figures (按照2021年修订的统计格式, 2022年印发的口径). */
const FORM_YEAR = /(?:19|20)\d{2}年度?(?:修订|印发|制定|发布|新版|版)/g;
/** The figures said to be the year's own (在2022年度统计基础上更新的本年度数据). */
const OWN_DATA = /(?:为|是|系|的)(?:本年度?|当年)(?:的)?(?:数据|情况)/;
/** A unit named as the table's: its owner's words (局属, 代管), then a unit's name, then its figures' words. */
const UNIT =
  /(?:为|系|是|由|反映)(?:本局|本委|我局|我委)?(?:局属|委属|所属|下属|直属|代管的?|归口管理的?|二级机构)?([\u4e00-\u9fff]{2,30}?(?:中心|医院|卫生院|站|所|馆|学校|小学|中学|幼儿园|公司|队|场|社区|村委会|大队|支队|分局|院))(?:[（(][^）)]{1,8}[）)])?(?:的)?(?:数据|填报|统计|情况|提供|报送)/;

/**
 * The sentences of a line (split at 。；！？), simplified, spaces gone; in a page dumped as one line,
 * each sentence from after the last run of a table's numbers in it (…（七）总计 70 5 … 注：本表…).
 */
function sentences(text: string): string[] {
  return toSimplified(text)
    .split(/[。；;！!？?]/)
    .map((s) => s.split(NUMBER_RUN).pop()!.replace(/\s+/g, ''))
    .filter(Boolean);
}
/** Three numbers or more apart: a table's row. */
const NUMBER_RUN = /(?:\s\d+(?:\.\d+)?件?){3,}\s/;
/** A row or column of a table named (its words): about that part, left to tables/corrections.ts. */
const PART_OF_TABLE =
  /[“"「][^”"」]{2,16}[”"」]|现行有效|制发|废止|处理决定|新制作|新公开|对外公开总数|项目数量|行政复议|行政诉讼|结果维持|结果纠正|其他结果|尚未审结|总计|合计|自然人|法人|商业企业|科研机构|公益组织|法律服务|予以公开|部分公开|不予公开|无法提供|不予处理|其他处理|行政许可|行政处罚|行政强制|规章|规范性文件|收费|采购/;
/** A cut-off date (统计截止时间：2022年12月31日, 数据截至2022年底): the year it ends in. */
const CUT_OFF = /(?:截止|截至)(?:时间|日期)?(?:为|是)?[:：]?((?:19|20)\d{2})年/;

/**
 * Every statement of `lines` naming a form table and saying it is another period's or unit's or
 * withdrawn (see above). `here`: the table the lines' own section holds (本表, 上表 name it), or
 * null for lines outside 二–四 (一, 五, 六, notes after the report). `own`: the agency's names (a
 * unit in them is no other unit). `year`: the report's.
 */
export function tablesNamed(
  lines: ReadonlyArray<{ no: number; text: string }>,
  here: NamedTable | null,
  year: number | null,
  own: readonly string[],
): TableNamed[] {
  const out: TableNamed[] = [];
  for (const l of lines) {
    if (l.text.includes('|')) continue;
    for (const s of sentences(l.text)) {
      const tables = BY_PART.filter(([, re]) => re.test(s)).map(([t]) => t);
      if (!tables.length && here && HERE.test(s)) tables.push(here);
      if (!tables.length || !AS_TABLE.test(s) || NOT_OF_TABLE.test(s) || OTHER_REPORT_PART.test(s)) continue;
      const kind = kindOf(s, year, own);
      if (kind) for (const table of tables) out.push({ table, line: l.no, words: s, ...kind });
    }
  }
  return out;
}

function kindOf(s: string, year: number | null, own: readonly string[]): Pick<TableNamed, 'kind' | 'unit'> | null {
  if (PART_OF_TABLE.test(s)) return null;
  // (Errors announced with the corrected table after them are compared as its copy: tables/copies.ts.)
  if (WITHDRAWN.test(s) && !NOT_WITHDRAWN.test(s)) return CORRECTED_AFTER.test(s) ? null : { kind: 'withdrawn' };
  const cut = CUT_OFF.exec(s);
  const period = namesOtherPeriod(s.replace(FORM_YEAR, ''), year) && !OWN_DATA.test(s);
  if (period || (cut && year !== null && Number(cut[1]) < year)) return { kind: 'other_period' };
  const unit = UNIT.exec(s)?.[1];
  if (unit && !own.some((o) => o.replace(/\s/g, '').includes(unit) || unit.includes(o.replace(/\s/g, ''))))
    return { kind: 'other_unit', unit };
  return null;
}
