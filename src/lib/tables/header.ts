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

/** A table's column labels and how many times the official header names each. */
export type HeaderForm = ReadonlyMap<string, number>;

/** 三's header: every column named once (申请人情况 and the row labels are no column labels). */
export const REQUEST_HEADER: HeaderForm = new Map(
  ['自然人', '法人或其他组织', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].map((l) => [
    l,
    1,
  ]),
);

/** 四's header: the two blocks' labels once, the five result columns once in each of three blocks. */
export const REVIEW_HEADER_FORM: HeaderForm = new Map([
  ['行政复议', 1],
  ['行政诉讼', 1],
  ['未经复议直接起诉', 1],
  ['复议后起诉', 1],
  ['结果维持', 3],
  ['结果纠正', 3],
  ['其他结果', 3],
  ['尚未审结', 3],
  ['总计', 3],
]);

/** A header cell or label as compared: no spacing, no bracketed unit (（单位：万元）), 本年增/减 → 本年增. */
export const headerKey = (s: string): string =>
  s
    .replace(/\s+/g, '')
    .replace(/[（(][^()（）]*[)）]/g, '')
    .replace(/\/.*$/, '');

/**
 * The labels a header cell is: one label exactly, or labels glued with their separator lost
 * (科研机构法律服务机构), when the whole cell is nothing but labels; else none.
 */
export function labelsOf(key: string, form: HeaderForm): string[] {
  if (form.has(key)) return [key];
  if (key.length > 40) return [];
  // Split points reachable from the start by whole labels (a cell is short: quadratic is cheap).
  const from: Array<string[] | null> = [[]];
  for (let i = 1; i <= key.length; i++) {
    from[i] = null;
    for (const l of form.keys()) {
      const prev = i >= l.length ? from[i - l.length] : null;
      if (prev && key.startsWith(l, i - l.length)) {
        from[i] = [...prev, l];
        break;
      }
    }
  }
  return from[key.length] ?? [];
}

export interface RepeatedLabel {
  label: string;
  /** The source line of the cell that names it once too often. */
  no: number;
}

/**
 * A column label that a table's header names more often than the form does: which column each
 * number is under is then not known. `cells` are the header's cells in order (each split at
 * spaces, so that a space-aligned header's labels are cells too); a cell counts only when it is a
 * label exactly (so prose naming 自然人 twice is none), and the header only when it names at least
 * `minLabels` different labels. A header printed whole twice (every label the same number of
 * times the form's) names no column twice. Labels the form names several times (四's result
 * columns) are compared with each other too, and with `block` (四's 结果维持 … 总计) a label twice
 * within one block of the header is repeated (`twiceInBlock`). Null when no label is.
 */
export function repeatedHeaderLabel(
  cells: ReadonlyArray<{ text: string; no: number }>,
  form: HeaderForm,
  minLabels: number,
  block?: { first: string; last: string },
): RepeatedLabel | null {
  const seen = new Map<string, number[]>();
  const labels: Array<{ key: string; no: number }> = [];
  for (const c of cells)
    for (const key of c.text.split(/\s+/).flatMap((w) => labelsOf(headerKey(w), form))) {
      seen.set(key, [...(seen.get(key) ?? []), c.no]);
      labels.push({ key, no: c.no });
    }
  const inBlock = block ? twiceInBlock(labels, form, block) : null;
  if (seen.size < minLabels) return null;
  const times = [...seen].map(([label, at]) => at.length / form.get(label)!);
  if (times[0]! > 1 && Number.isInteger(times[0]) && times.every((t) => t === times[0])) return null;
  for (const [label, at] of seen) if (at.length > form.get(label)!) return { label, no: at[form.get(label)!]! };
  // Labels the form names together several times (四's five result columns, once per block): a
  // header naming each of them names them equally often; one named more often than every other
  // (尚未审结 twice where the others are once) is named once too often. Only when every label of
  // the group is named (a label broken over two lines is not, and proves nothing).
  for (const [label, at] of seen) {
    const group = [...form].filter(([l, n]) => n > 1 && n === form.get(label) && l !== label);
    if (!group.length) continue;
    const others = group.map(([l]) => seen.get(l)?.length ?? 0);
    if (Math.min(...others) >= 1 && at.length > Math.max(...others)) return { label, no: at[Math.max(...others)]! };
  }
  return inBlock;
}

/**
 * A label named twice within one block of a header whose form repeats blocks (四: 结果维持 …
 * 总计, three times). A block runs from its first label (or the header's start), or to its last:
 * each reading is tried, so that a label written over the first or the last one is still seen
 * twice in one block. This needs the labels in the columns' order, which they are only when the
 * block labels are all on one line, or no line holds two of them (one cell per line). A header
 * whose lines hold several block labels each — a space-aligned header, where one line holds two
 * blocks' 总计 and the next the broken words of their 结果维持 — shows no blocks; its labels are
 * left to the counts (repeatedHeaderLabel).
 */
function twiceInBlock(
  labels: ReadonlyArray<{ key: string; no: number }>,
  form: HeaderForm,
  block: { first: string; last: string },
): RepeatedLabel | null {
  const inBlocks = labels.filter((l) => form.get(l.key) === form.get(block.first));
  const perLine = new Map<number, number>();
  for (const l of inBlocks) perLine.set(l.no, (perLine.get(l.no) ?? 0) + 1);
  if (perLine.size > 1 && [...perLine.values()].some((n) => n > 1)) return null;
  let afterLast = new Set<string>();
  let fromFirst = new Set<string>();
  for (const { key, no } of inBlocks) {
    if (key === block.first) fromFirst = new Set();
    if (afterLast.has(key) || fromFirst.has(key)) return { label: key, no };
    afterLast.add(key);
    fromFirst.add(key);
    if (key === block.last) afterLast = new Set();
  }
  return null;
}

/**
 * A column label that a header line names twice, as two cells of its own: the line is cut into
 * cells (at |, tabs or runs of spaces) and is a header only when at least three of its cells are
 * column labels exactly (so a sentence of prose that names 自然人 twice is none). Then which
 * column each number is under is not known. Null when no label is repeated.
 */
export function repeatedColumnLabel(line: string, labels: readonly string[]): string | null {
  const cells = line
    .split(/\s*[|｜\t]\s*|\s{2,}/)
    .map((c) => ({ text: c.trim(), no: 1 }))
    .filter((c) => c.text);
  return repeatedHeaderLabel(cells, new Map(labels.map((l) => [l, 1])), 3)?.label ?? null;
}

/**
 * Column words only one form of section 二 has, as a header writes them (spaces and `|` out; a
 * word broken over lines joined): which form a sub-table's header names its columns in. 处理决定数量
 * is no word of either: the 2019 form's 处理决定数量 and the 2021 form's 本年处理决定数量 are the
 * same column (`decisions`).
 */
export const ACTIVE_FORM_WORDS: Record<'2019' | '2021', readonly string[]> = {
  '2019': [
    '新制作数量',
    '新公开数量',
    '对外公开总数',
    '上一年项目数',
    '本年增/减',
    '本年增减',
    '采购项目数',
    '采购总金额',
  ],
  '2021': ['制发件数', '废止件数', '现行有效件数', '收费金额'],
};

/**
 * Why the columns a table's header names are not the columns its rows are read with: the header
 * names a column only the other form has (a 2019 header 本年新制作数量 | 本年新公开数量 | 对外公开总数量
 * above the rows of a 2021 report, read as 本年制发 | 本年废止 | 现行有效). Which column a number is
 * under is then not proven — by the rows' form it would be one, by the header another — so the
 * rows under that header are not placed. `header` is the header's text squashed (no spaces, no
 * `|`); `layout` the form the rows are read with. Null when the header names no column of the
 * other form (a header naming no column at all proves nothing either way: as before).
 */
export function otherFormHeader(
  header: string,
  layout: '2019' | '2021',
  words: Record<'2019' | '2021', readonly string[]> = ACTIVE_FORM_WORDS,
): string | null {
  const other = layout === '2019' ? '2021' : '2019';
  const named = words[other].filter((w) => header.includes(w));
  if (!named.length) return null;
  return `the header names the ${other} form's columns (${named.join(', ')}) but the table is read with the ${layout} form's: which column each number is under is not proven (by the header one, by the form another)`;
}
