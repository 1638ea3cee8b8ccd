import {
  activeRows,
  requestColumns,
  requestRows,
  reviewColumns,
  reviewRows,
  type RowDef,
} from '../template/definitions.ts';

/**
 * The three tables as the official form lays them out (merged headers, group labels), as data
 * for the report page: header rows of spanning cells, then body rows whose value cells name the
 * dataset cell they show. Built from the same template definitions the parser uses.
 */

export interface HeadCell {
  text: string;
  colspan?: number;
  rowspan?: number;
}
/** How a cell behaves when the table scrolls sideways (see `layoutForm`). */
export interface CellPlace {
  /** In the row-label columns (body labels and the header cells above them): stays in view. */
  stub: boolean;
  /** A stub cell whose right edge is the stub's right edge: draws the visible edge. */
  edge: boolean;
  /** A group label spanning several rows (written vertically on a phone to save width). */
  group: boolean;
  /** A header cell spanning several value columns: its text stays in view beside the stub. */
  spanning: boolean;
}
export interface BodyRow {
  /** Label cells (a group label may span rows). */
  labels: HeadCell[];
  /** Dataset keys (table.row.col) of the value cells. */
  keys: string[];
}
export interface FormTable {
  caption: string;
  head: HeadCell[][];
  body: BodyRow[];
}

/**
 * Where each header and label cell of a form sits: which cells form the row-label columns (the
 * "stub", kept in view by `position: sticky` when a wide form scrolls sideways on a phone),
 * which of them touch the stub's right edge, which are group labels spanning rows, and which
 * header cells span several value columns. Columns are counted as the browser lays the table
 * out: a cell starts at the first column of its row that no rowspan from above still holds.
 * The result has the shape of the table: `head[r][i]` and `body[r][i]` are the places of
 * `table.head[r][i]` and `table.body[r].labels[i]`.
 */
export function layoutForm(table: FormTable): { stubColumns: number; head: CellPlace[][]; body: CellPlace[][] } {
  const place = (rows: HeadCell[][]) => {
    const held: number[] = []; // rows still held by a rowspan, per column
    return rows.map((row) => {
      let col = 0;
      const starts = row.map((cell) => {
        while ((held[col] ?? 0) > 0) col++;
        const start = col;
        const span = cell.colspan ?? 1;
        for (let c = start; c < start + span; c++) held[c] = cell.rowspan ?? 1;
        col = start + span;
        return start;
      });
      for (let c = 0; c < held.length; c++) held[c] = Math.max(0, (held[c] ?? 0) - 1);
      return starts;
    });
  };
  const bodyStarts = place(table.body.map((r) => r.labels));
  const stubColumns = Math.max(
    0,
    ...table.body.flatMap((r, i) => r.labels.map((l, j) => bodyStarts[i]![j]! + (l.colspan ?? 1))),
  );
  const of = (cell: HeadCell, start: number, inHead: boolean): CellPlace => {
    const end = start + (cell.colspan ?? 1);
    const stub = end <= stubColumns;
    return {
      stub,
      edge: stub && end === stubColumns,
      group: stub && !inHead && (cell.rowspan ?? 1) > 1,
      spanning: inHead && !stub && (cell.colspan ?? 1) > 1,
    };
  };
  return {
    stubColumns,
    head: place(table.head).map((starts, i) => starts.map((s, j) => of(table.head[i]![j]!, s, true))),
    body: bodyStarts.map((starts, i) => starts.map((s, j) => of(table.body[i]!.labels[j]!, s, false))),
  };
}

/** The class attribute of a header or label cell placed by `layoutForm`. */
export function placeClass(p: CellPlace): string | undefined {
  const c = [p.stub && 'stub', p.edge && 'stub-edge', p.group && 'stub-group', p.spanning && 'spanning'].filter(
    Boolean,
  );
  return c.length ? c.join(' ') : undefined;
}

const SUBTABLES_2019: Array<[string, string[]]> = [
  ['第二十条第（一）项', ['rules', 'normative_docs']],
  ['第二十条第（五）项', ['licensing', 'other_services']],
  ['第二十条第（六）项', ['penalty', 'coercion']],
  ['第二十条第（八）项', ['fees']],
  ['第二十条第（九）项', ['procurement']],
];
const SUBTABLES_2021: Array<[string, string[]]> = [
  ['第二十条第（一）项', ['rules', 'normative_docs']],
  ['第二十条第（五）项', ['licensing']],
  ['第二十条第（六）项', ['penalty', 'coercion']],
  ['第二十条第（八）项', ['fees']],
];

export function activeForm(layout: '2019' | '2021'): FormTable[] {
  const defs = new Map(activeRows[layout].map((r) => [r.key, r]));
  return (layout === '2019' ? SUBTABLES_2019 : SUBTABLES_2021).map(([caption, keys]) => {
    const rows = keys.map((k): RowDef => defs.get(k)!);
    return {
      caption,
      head: [[{ text: '信息内容' }, ...rows[0]!.columns.map((c) => ({ text: c.label }))]],
      body: rows.map((r) => ({ labels: [{ text: r.label }], keys: r.columns.map((c) => `active.${r.key}.${c.key}`) })),
    };
  });
}

const GROUPS: Array<[RegExp, string]> = [
  [/^withheld_/, '（三）不予公开'],
  [/^unable_/, '（四）无法提供'],
  [/^declined_/, '（五）不予处理'],
  [/^other_/, '（六）其他处理'],
];

/**
 * Section 三 as the official form lays it out. With `layout` null (the cells cannot tell which
 * layout they were read with), only the rows both layouts share are laid out: a row is never
 * shown under the other layout's meaning.
 */
export function requestsForm(layout: '2019' | '2021' | null): FormTable {
  const head: HeadCell[][] = [
    [
      { text: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', colspan: 3, rowspan: 3 },
      { text: '申请人情况', colspan: 7 },
    ],
    [
      { text: '自然人', rowspan: 2 },
      { text: '法人或其他组织', colspan: 5 },
      { text: '总计', rowspan: 2 },
    ],
    requestColumns.slice(1, 6).map((c) => ({ text: c.label })),
  ];
  const shared = new Set(requestRows['2019'].map((r) => r.key));
  const rows = layout ? requestRows[layout] : requestRows['2021'].filter((r) => shared.has(r.key));
  const inResults = rows.filter((r) => !['new_received', 'carried_over', 'carried_forward'].includes(r.key));
  const body: BodyRow[] = [];
  for (const r of rows) {
    const keys = requestColumns.map((c) => `requests.${r.key}.${c.key}`);
    const short = r.label.replace(/^（[三四五六]）/, '');
    if (!inResults.includes(r)) {
      body.push({ labels: [{ text: r.label, colspan: 3 }], keys });
      continue;
    }
    const labels: HeadCell[] = [];
    if (r === inResults[0]) labels.push({ text: '三、本年度办理结果', rowspan: inResults.length });
    const group = GROUPS.find(([re]) => re.test(r.key));
    if (group) {
      const members = inResults.filter((x) => group[0].test(x.key));
      if (members[0] === r) labels.push({ text: group[1], rowspan: members.length });
      labels.push({ text: short });
    } else labels.push({ text: r.label, colspan: 2 });
    body.push({ labels, keys });
  }
  const caption = layout
    ? '收到和处理政府信息公开申请情况'
    : '收到和处理政府信息公开申请情况（表式无法判断，只列两版共有的行）';
  return { caption, head, body };
}

export function reviewForm(): FormTable {
  return {
    caption: '政府信息公开行政复议、行政诉讼情况',
    head: [
      [
        { text: '行政复议', colspan: 5 },
        { text: '行政诉讼', colspan: 10 },
      ],
      [
        ...reviewColumns.map((c) => ({ text: c.label, rowspan: 2 })),
        { text: '未经复议直接起诉', colspan: 5 },
        { text: '复议后起诉', colspan: 5 },
      ],
      [...reviewColumns, ...reviewColumns].map((c) => ({ text: c.label })),
    ],
    body: [{ labels: [], keys: reviewRows.flatMap((r) => reviewColumns.map((c) => `review.${r.key}.${c.key}`)) }],
  };
}

/** The dataset table (`cells.table_id`) of a form: `active`, `requests` or `review`. */
export function tableOf(table: FormTable): string {
  const key = table.body.find((r) => r.keys.length > 0)?.keys[0] ?? '';
  return key.slice(0, key.indexOf('.'));
}

/** The forms of a report page, by section (二 active, 三 requests, 四 review); a section without cells has none. */
export interface ReportForms {
  active: FormTable[];
  requests: FormTable | null;
  review: FormTable | null;
}

/**
 * Which forms a report page shows: section 二 in the report's active layout, 三 and 四 when the
 * report has cells of them (三 in `requestsLayout`, report-page.ts).
 */
export function reportForms(
  layoutActive: '2019' | '2021' | null,
  requestsLayout: '2019' | '2021' | null,
  tables: ReadonlySet<string>,
): ReportForms {
  return {
    active: layoutActive ? activeForm(layoutActive) : [],
    requests: tables.has('requests') ? requestsForm(requestsLayout) : null,
    review: tables.has('review') ? reviewForm() : null,
  };
}

/**
 * The keys (`table.row.col`) of a report page's value cells in document order: the n-th
 * `table.form tbody td` of the page holds the n-th key (FormTable.astro writes no key per cell).
 */
export function formKeys(forms: ReportForms): string[] {
  return [...forms.active, forms.requests, forms.review]
    .filter((t): t is FormTable => t !== null)
    .flatMap((t) => t.body.flatMap((r) => r.keys));
}
