/**
 * The order of the columns a table's header names. The readers place values by position, so a
 * header that names the official columns in another order (行政诉讼 before 行政复议, 其他 first
 * among the 法人或其他组织 columns) would give every value another column's meaning — and the
 * sums cannot see it, since reordering columns keeps every row and column sum. Such a table is
 * not read. A header that does not name the columns at all says nothing either way.
 */

/**
 * Labels of one group in their official order; `after` makes the search for a label start
 * after the previous one (for a word that also occurs inside an earlier label: 其他 in
 * 法人或其他组织).
 */
export type ColumnGroup = ReadonlyArray<string | { label: string; after: true }>;

/**
 * The first group whose labels all occur in `header` but not in their order, as text for a
 * note; null when every group is in order or not wholly named.
 */
export function columnOrderProblem(header: string, groups: ReadonlyArray<ColumnGroup>): string | null {
  for (const g of groups) {
    const at: number[] = [];
    let from = 0;
    for (const item of g) {
      const label = typeof item === 'string' ? item : item.label;
      const i = header.indexOf(label, typeof item === 'string' ? 0 : from);
      if (i < 0) break;
      at.push(i);
      from = i + label.length;
    }
    if (at.length < g.length) continue;
    if (at.some((x, k) => k > 0 && x <= at[k - 1]!)) {
      const labels = g.map((x) => (typeof x === 'string' ? x : x.label));
      const found = labels
        .map((l, k) => [l, at[k]!] as const)
        .sort((a, b) => a[1] - b[1])
        .map(([l]) => l);
      return `the header names the columns ${found.join(', ')} in another order than the official form (${labels.join(', ')}): no value is placed`;
    }
  }
  return null;
}

/**
 * The 2019 sub-tables of section 二 (（五） to （八）: 上一年项目数量, 本年增/减, 处理决定数量), compared
 * within each sub-table's header: the text is cut at each 信息内容, the header's first cell.
 */
export const ACTIVE_ITEM_COLUMNS: ColumnGroup[] = [
  ['上一年项目数量', '本年增'],
  ['本年增', '处理决定数量'],
  ['上一年项目数量', '处理决定数量'],
];
export function activeItemOrderProblem(text: string): string | null {
  for (const part of text.split('信息内容')) {
    const problem = columnOrderProblem(part, ACTIVE_ITEM_COLUMNS);
    if (problem) return problem;
  }
  return null;
}

export const ACTIVE_COLUMNS: Record<'2019' | '2021', ColumnGroup[]> = {
  '2019': [['新制作', '新公开', '对外公开总']],
  '2021': [['制发', '废止', '现行有效']],
};
// Only labels of one header row are compared: the merged cells above them (自然人,
// 法人或其他组织, 总计) come out in any order from a PDF's text or a flattened page.
// 其他 is looked up with 法人或其他组织 masked (see maskOrganisations).
export const REQUEST_COLUMNS: ColumnGroup[] = [['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他']];

/** The header with 法人或其他组织 masked, so that 其他 finds only the 其他 column. */
export const maskOrganisations = (header: string): string => header.replace(/法人或其他组织/g, '法人或□□组织');
/** Compared only within one line of the header (a delimited row states their order). */
export const REQUEST_LINE_COLUMNS: ColumnGroup[] = [
  ['自然人', '法人或其他组织'],
  ['自然人', '总计'],
  // A one-line header names the five 法人 columns itself: 自然人 comes before them.
  ['自然人', '商业企业'],
  // 总计 beside 申请人情况 (merged over three header rows) comes after it.
  ['申请人情况', '总计'],
];
export const REVIEW_COLUMNS: ColumnGroup[] = [
  ['行政复议', '行政诉讼'],
  // 总计 first looked up from the start: in the form it follows 尚未审结 in every block, so its
  // first occurrence is after the first 尚未审结.
  ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'],
  ['未经复议直接起诉', '复议后起诉'],
];

/** The labels of the 三 table's applicant columns, each a header cell of its own. */
export const REQUEST_COLUMN_LABELS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构'] as const;

/**
 * A column label that a header line names twice, as two cells of its own: the line is cut into
 * cells (at |, tabs or runs of spaces) and is a header only when at least three of its cells are
 * column labels exactly (so a sentence of prose that names 自然人 twice is none). Then which
 * column each number is under is not known. Null when no label is repeated.
 */
export function repeatedColumnLabel(line: string, labels: readonly string[]): string | null {
  const cells = line
    .split(/\s*[|｜\t]\s*|\s{2,}/)
    .map((c) => c.trim())
    .filter(Boolean);
  const named = cells.filter((c) => labels.includes(c));
  if (named.length < 3) return null;
  return named.find((c, i) => named.indexOf(c) !== i) ?? null;
}
