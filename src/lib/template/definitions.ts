/**
 * The official report layouts (docs/template.md) as data: rows, columns, labels and
 * the patterns that recognise each row label in scraped text. Used by the table parser, the
 * checks and the data dictionary, so the three cannot drift apart.
 */

export type ValueKind = 'count' | 'signed' | 'money';

export interface ColumnDef {
  key: string;
  label: string;
  kind: ValueKind;
}

export interface RowDef {
  key: string;
  label: string;
  /** Recognises the row label in normalised text with spaces removed. */
  match: RegExp;
  columns: ColumnDef[];
}

const count = (key: string, label: string): ColumnDef => ({ key, label, kind: 'count' });

// ── Section 二 (主动公开, proactive disclosure) ────────────────────────────────────────────
const made3 = [
  count('made', '本年新制作数量'),
  count('published', '本年新公开数量'),
  count('total_published', '对外公开总数量'),
];
const items3 = [
  count('prev_items', '上一年项目数量'),
  { key: 'change', label: '本年增/减', kind: 'signed' as const },
  count('decisions', '处理决定数量'),
];

/** Exact labels (after numbering is stripped): 二's labels are short words that recur in prose. */
const exact = (...labels: string[]) => new RegExp(`^(?:${labels.join('|')})$`);

export const activeRows2019: RowDef[] = [
  { key: 'rules', label: '规章', match: exact('规章'), columns: made3 },
  { key: 'normative_docs', label: '规范性文件', match: exact('规范性文件', '行政规范性文件'), columns: made3 },
  { key: 'licensing', label: '行政许可', match: exact('行政许可'), columns: items3 },
  { key: 'other_services', label: '其他对外管理服务事项', match: exact('其他对外管理服务事项'), columns: items3 },
  { key: 'penalty', label: '行政处罚', match: exact('行政处罚'), columns: items3 },
  { key: 'coercion', label: '行政强制', match: exact('行政强制'), columns: items3 },
  { key: 'fees', label: '行政事业性收费', match: exact('行政事业性收费'), columns: items3.slice(0, 2) },
  {
    key: 'procurement',
    label: '政府集中采购',
    match: exact('政府集中采购'),
    columns: [count('items', '采购项目数量'), { key: 'amount', label: '采购总金额（万元）', kind: 'money' }],
  },
];

const issued3 = [count('issued', '本年制发件数'), count('repealed', '本年废止件数'), count('in_force', '现行有效件数')];
const decisions1 = [count('decisions', '本年处理决定数量')];

export const activeRows2021: RowDef[] = [
  { key: 'rules', label: '规章', match: exact('规章'), columns: issued3 },
  { key: 'normative_docs', label: '行政规范性文件', match: exact('行政规范性文件', '规范性文件'), columns: issued3 },
  { key: 'licensing', label: '行政许可', match: exact('行政许可'), columns: decisions1 },
  { key: 'penalty', label: '行政处罚', match: exact('行政处罚'), columns: decisions1 },
  { key: 'coercion', label: '行政强制', match: exact('行政强制'), columns: decisions1 },
  {
    key: 'fees',
    label: '行政事业性收费',
    match: exact('行政事业性收费'),
    columns: [{ key: 'amount', label: '本年收费金额（万元）', kind: 'money' }],
  },
];

/** Header words that only one layout of section 二 has. */
export const activeLayoutMarkers = {
  '2019': /新制作数量|新公开数量|对外公开总数量|上一年项目数量|其他对外管理服务事项|采购项目数量|政府集中采购/,
  '2021': /制发件数|废止件数|现行有效件数|收费金额/,
} as const;

// ── Section 三 (依申请公开, requests) ───────────────────────────────────────────────────────
export const requestColumns: ColumnDef[] = [
  count('natural_person', '自然人'),
  count('commercial', '商业企业'),
  count('research', '科研机构'),
  count('social_org', '社会公益组织'),
  count('legal_service', '法律服务机构'),
  count('other_org', '其他'),
  count('total', '总计'),
];
/** The six applicant columns that must add up to `total`. */
export const applicantColumns = requestColumns.slice(0, 6).map((c) => c.key);

const req = (key: string, label: string, match: RegExp): RowDef => ({ key, label, match, columns: requestColumns });

const requestHead: RowDef[] = [
  // Wordings vary: 本年度新收, 上年度结转的, 上一年度结转, 结转下一年度, 结转至下年度.
  req('new_received', '一、本年新收政府信息公开申请数量', /本年度?新收/),
  req('carried_over', '二、上年结转政府信息公开申请数量', /上一?年度?结转/),
  req('granted', '（一）予以公开', /予以公开/),
  req('partly_granted', '（二）部分公开', /部分公开/),
  req('withheld_state_secret', '（三）1.属于国家秘密', /国家秘密/),
  req('withheld_prohibited', '（三）2.其他法律行政法规禁止公开', /禁止公开/),
  req('withheld_three_safeties', '（三）3.危及“三安全一稳定”', /三安全一稳定/),
  req('withheld_third_party', '（三）4.保护第三方合法权益', /第三方合法权益/),
  // (事物 for 事务: a common slip, t117; the row was lost.)
  req('withheld_internal', '（三）5.属于三类内部事务信息', /内部事[务物]/),
  req('withheld_process', '（三）6.属于四类过程性信息', /过程性信息/),
  req('withheld_enforcement', '（三）7.属于行政执法案卷', /行政执法案卷/),
  req('withheld_query', '（三）8.属于行政查询事项', /行政查询事项/),
  req('unable_not_held', '（四）1.本机关不掌握相关政府信息', /不掌握/),
  req('unable_needs_creation', '（四）2.没有现成信息需要另行制作', /另行制作/),
  req('unable_unclear', '（四）3.补正后申请内容仍不明确', /仍不明确/),
  req('declined_petition', '（五）1.信访举报投诉类申请', /信访举报投诉/),
  // 大量重复申请 is a wording of 4.大量反复申请 (excessive requests), not of 2.重复申请 (a repeat).
  req('declined_repeat', '（五）2.重复申请', /(?<!大量)重复申请/),
  req('declined_publication', '（五）3.要求提供公开出版物', /公开出版物/),
  req('declined_excessive', '（五）4.无正当理由大量反复申请', /大量(?:反复|重复)/),
  req('declined_confirmation', '（五）5.要求行政机关确认或重新出具已获取信息', /确认或重新出具/),
];
const requestTail: RowDef[] = [
  // （七）合计 is how some reports label the total row; bare 合计 is left out (a header word too).
  req('total', '（七）总计', /^(?:\(七\))?总计$|^\(七\)合计$/),
  req('carried_forward', '四、结转下年度继续办理', /结转(?:至|到)?下一?年度?/),
];

export const requestRows2019: RowDef[] = [
  ...requestHead,
  req('other', '（六）其他处理', /^(?:\(六\))?其他处理$/),
  ...requestTail,
];
export const requestRows2021: RowDef[] = [
  ...requestHead,
  req('other_no_correction', '（六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', /逾期不补正/),
  req(
    'other_unpaid_fee',
    '（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
    /逾期未按收费通知|未按收费通知|逾期未缴纳/,
  ),
  // Or after its group's label, a merged cell flattened onto the row (（六）其他处理3.其他), as
  // （三）不予公开1.属于国家秘密 reads (a fresh tester's t60: the row was not found at all).
  req('other_misc', '（六）3.其他', /^(?:\(六\))?(?:其他处理)?(?:3[.、]?|\(3\))其他$/),
  ...requestTail,
];

export const requestLayoutMarkers = { '2021': /逾期不补正|未按收费通知|逾期未缴纳/ } as const;

/** Rows of 三 whose values add up to （七）总计 (the leaves of the 三、本年度办理结果 tree). */
export function requestLeafRows(layout: '2019' | '2021'): string[] {
  const rows = layout === '2019' ? requestRows2019 : requestRows2021;
  return rows
    .map((r) => r.key)
    .filter((k) => !['new_received', 'carried_over', 'total', 'carried_forward'].includes(k));
}

// ── Section 四 (行政复议、行政诉讼, review and litigation) ──────────────────────────────────
export const reviewColumns: ColumnDef[] = [
  count('upheld', '结果维持'),
  count('corrected', '结果纠正'),
  count('other', '其他结果'),
  count('pending', '尚未审结'),
  count('total', '总计'),
];
export const reviewRows: Array<{ key: string; label: string }> = [
  { key: 'review', label: '行政复议' },
  { key: 'suit_direct', label: '行政诉讼·未经复议直接起诉' },
  { key: 'suit_after_review', label: '行政诉讼·复议后起诉' },
];

export const activeRows = { '2019': activeRows2019, '2021': activeRows2021 } as const;
export const requestRows = { '2019': requestRows2019, '2021': requestRows2021 } as const;
