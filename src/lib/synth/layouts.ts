import iconv from 'iconv-lite';
import * as OpenCC from 'opencc-js/cn2t';
import { activeRows, requestRows, reviewColumns } from '../template/definitions.ts';
import { gluedTruth } from './cells.ts';
import { Random } from './random.ts';
import type { TruthCell } from './truth.ts';
import type { Tables } from './values.ts';

/**
 * Real-world layouts for the synthetic corpus (issue 12 §2): structure-less one-line page dumps,
 * comma/semicolon-separated rows, traditional script (UTF-8 or Big5) and heading variants with
 * typos. Each writes what a correct parser must read, cell by cell.
 */

// ── Headings ────────────────────────────────────────────────────────────────────────────────
const HEADING_VARIANTS: Record<number, string[]> = {
  2: ['二、主动公开政府信息情况', '二、主动公开政府信息的情况'],
  3: ['三、收到和处理政府信息公开申请情况', '三、收到和处理政府信息公开申请的情况', '三、收到和处理政府信息公开申情况'],
  4: [
    '四、政府信息公开行政复议、行政诉讼情况',
    '四、因政府信息公开工作被申请行政复议、提起行政诉讼情况',
    '四、政府信息公开行政法复议、行政诉讼情况',
    '四、政府信息公开行政复议和行政诉讼情况',
  ],
  5: [
    '五、存在的主要问题及改进情况',
    '五、政府信息公开工作存在的主要问题及改进情况',
    '五、存在问题及改进情况',
    '五、存在的主要问题及改进措施',
    '五、工作中存在的不足和改进措施',
  ],
  6: ['六、其他需要报告的事项', '六、其他需报告的事项', '六、其他事项'],
};

/** A section heading: the template's wording, or (variant) a reworded or misspelt one. */
export function headingText(rng: Random, k: 2 | 3 | 4 | 5 | 6, variant: boolean): string {
  const list = HEADING_VARIANTS[k]!;
  if (!variant) return k === 4 ? rng.pick(list.slice(0, 2)) : k === 5 ? rng.pick(list.slice(0, 2)) : list[0]!;
  return rng.pick(list.slice(1));
}

/**
 * A heading numbered like an item inside a section: （二）主动公开政府信息情况, 2.主动公开…, 2、…;
 * and 三's without its 情况. `heading` is the template's wording with its 二、.
 */
export function otherNumbered(rng: Random, heading: string, k: 2 | 3 | 4): string {
  const n = rng.pick([`（${'一二三四'[k - 1]}）`, `${k}.`, `${k}、`, `${k}．`]);
  const text = heading.slice(2);
  return n + (k === 3 && rng.chance(0.3) ? text.replace(/情况$/, '') : text);
}

/**
 * How a report numbers its headings as parts (第二部分 主动公开政府信息情况, 第三章、…), one way for
 * all six; null: not numbered at all (主动公开政府信息情况 alone on its line).
 */
export interface PartNumbering {
  unit: '部分' | '章';
  sep: string;
  arabic: boolean;
}

export function partNumbering(rng: Random): PartNumbering | null {
  if (rng.chance(0.4)) return null;
  return {
    unit: rng.chance(0.7) ? '部分' : '章',
    sep: rng.pick([' ', ' ', '\u3000', '、', '：', '']),
    arabic: rng.chance(0.15),
  };
}

/** Heading k (1–6) numbered as `p` says; `heading` is the template's wording with its 二、. */
export function partNumbered(heading: string, k: number, p: PartNumbering | null): string {
  const text = heading.slice(2);
  if (!p) return text;
  return `第${p.arabic ? k : '一二三四五六'[k - 1]}${p.unit}${p.sep}${text}`;
}

/** Other wordings real reports give rows of section 三, each read as the template's row. */
const ROW_WORDINGS: Array<[string, string[]]> = [
  ['本年新收政府信息公开申请数量', ['本年度新收政府信息公开申请数量']],
  ['上年结转政府信息公开申请数量', ['上年度结转的政府信息公开申请数量', '上一年度结转政府信息公开申请数量']],
  ['结转下年度继续办理', ['结转下一年度继续办理', '结转至下年度继续办理']],
  ['无正当理由大量反复申请', ['无正当理由大量重复申请']],
];

/** `line` with the template's row wordings in it replaced by other real ones. */
export function rowWording(rng: Random, line: string): string {
  let out = line;
  for (const [from, to] of ROW_WORDINGS) if (out.includes(from)) out = out.replace(from, rng.pick(to));
  return out;
}

// ── Comma / semicolon rows ──────────────────────────────────────────────────────────────────
/**
 * Rows as delimited lines; with an ASCII delimiter a field holding it, a quote or a line break is
 * quoted (RFC 4180). With a full-width one (；，、, a table copied by a tool that writes its own
 * separator between cells) nothing is quoted: a label holding the separator is written as it is
 * (（二）部分公开（区分处理的，只计这一情形，不计其他情形）, 逾期不补正、行政机关…). `unquoted`: a
 * field holding the ASCII delimiter is written as it is too (quirk csv-unquoted-thousands: 4,309
 * as two fields).
 */
export function delimitedTable(
  rows: string[][],
  delimiter: ',' | ';' | '；' | '，' | '、',
  unquoted = false,
): string[] {
  if (delimiter !== ',' && delimiter !== ';') return rows.map((r) => r.join(delimiter));
  const field = (s: string) =>
    (s.includes(delimiter) && !unquoted) || s.includes('"') || /[\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  return rows.map((r) => r.map(field).join(delimiter));
}

/** Digits made ASCII (the cell style writes full-width ones too). */
const asciiDigits = (s: string) => s.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));

/**
 * In a row whose cells are joined by full-width commas, a cell of one to three digits before one
 * of three (60，036): a thousands separator or a cell boundary (decode/fullwidth.ts).
 */
export function commaPair(cells: string[]): boolean {
  const t = cells.map((c) => asciiDigits(c.trim()));
  return t.some((c, j) => j > 0 && /^\d{3}(?:\.\d+)?$/.test(c) && /^[+-]?\d{1,3}$/.test(t[j - 1]!));
}

/**
 * Whether rows joined by full-width commas show that the document writes its numbers of four
 * digits or more otherwise (plainly, or with an ASCII comma): a row with no such pair, exactly
 * its columns' count of cells (empty ones at its end not counted) and such a number. Then a
 * comma between digit cells is a cell boundary; else a row holding such a pair is not proven.
 * `rows`: each data row's cells after its label as printed, and its column counts in either form.
 */
export function writesThousandsOtherwise(rows: Array<{ cells: string[]; columns: number[] }>): boolean {
  return rows.some(({ cells, columns }) => {
    let n = cells.length;
    while (n > 0 && !cells[n - 1]!.trim()) n--;
    return (
      !commaPair(cells) &&
      columns.includes(n) &&
      cells.some(
        (c) => /^[+-]?\d{4,}(?:\.\d+)?(?:万元|元|件)?$/.test(asciiDigits(c.trim())) || /\d,\d{3}/.test(asciiDigits(c)),
      )
    );
  });
}

// ── Traditional script ──────────────────────────────────────────────────────────────────────
let toTrad: ((s: string) => string) | null = null;
export function toTraditional(text: string): string {
  toTrad ??= (OpenCC as unknown as { Converter: (o: { from: string; to: string }) => (s: string) => string }).Converter(
    { from: 'cn', to: 'hk' },
  );
  return toTrad(text);
}

/** Whether every character of `text` has a Big5 code (else the file is written as UTF-8). */
export function big5Safe(text: string): boolean {
  return iconv.decode(iconv.encode(text, 'big5'), 'big5') === text;
}

// ── Pre-2019 statistics table ───────────────────────────────────────────────────────────────
/**
 * The old form's table (政府信息公开情况统计表: 指标名称 / 计量单位 / 统计数) that reports for 2018
 * and before end with. It shares words with the new template (部分公开, 国家秘密, 行政复议), and
 * none of its numbers belongs in it: the report is text only.
 */
export function oldFormTable(rng: Random): string[] {
  const n = () => String(rng.count(20));
  const rows: Array<[string, string]> = [
    ['一、主动公开情况', '——'],
    ['（一）主动公开政府信息数', '条'],
    ['其中：主动公开规范性文件数', '条'],
    ['二、依申请公开情况', '——'],
    ['（一）收到申请数', '件'],
    ['1．当面申请数', '件'],
    ['2．网络申请数', '件'],
    ['（二）申请答复数', '件'],
    ['1．同意公开答复数', '件'],
    ['2．同意部分公开答复数', '件'],
    ['3．不同意公开答复数', '件'],
    ['其中：涉及国家秘密', '件'],
    ['三、行政复议数量', '件'],
    ['（一）维持具体行政行为数', '件'],
    ['（二）被依法纠错数', '件'],
    ['四、行政诉讼数量', '件'],
    ['五、依申请公开信息收取的费用', '万元'],
  ];
  const sep = rng.pick([' | ', '\t', '  ']);
  return [
    '附件：政府信息公开情况统计表',
    ['指标名称', '计量单位', '统计数'].join(sep),
    ...rows.map(([k, u]) => [k, u, u === '——' ? '——' : n()].join(sep)),
  ];
}

// ── One-line page dumps ─────────────────────────────────────────────────────────────────────
export interface OnelineTables {
  active: string;
  requests: string;
  review: string;
  cells: TruthCell[];
  unknown: Set<string>;
  /** A row of section 三 has a cell's &nbsp; between two of its values. */
  nbsp: boolean;
}

/** Digits that can be enumerated cheaply; longer runs are ambiguous for the parser anyway. */
const MAX_DIGITS = { 7: 14, 15: 20 } as Record<number, number>;

/**
 * The three tables with every row's values glued into one digit run after its label, labels
 * glued to header words, and the odd &nbsp; space. A cell's truth is what the row's own
 * arithmetic decides (glue resolution may decide more from the table's; never less).
 */
export function renderOneline(rng: Random, t: Tables): OnelineTables {
  const cells: TruthCell[] = [];
  const unknown = new Set<string>();
  const record = (
    table: TruthCell['table_id'],
    row: string,
    cols: string[],
    vals: number[],
    rule: ((v: number[]) => boolean) | null,
    cuts: number[] = [],
  ) => {
    const plain = vals.every((v) => Number.isInteger(v) && v >= 0);
    const digits = vals.join('').length;
    const truth = plain && rule && digits <= (MAX_DIGITS[vals.length] ?? 12) ? gluedTruth(vals, rule, cuts) : null;
    vals.forEach((v, j) => {
      const state = truth ? truth[j]!.state : 'ambiguous';
      cells.push({ table_id: table, row_key: row, col_key: cols[j]!, value: v, state });
      // A glued cell that cannot be read makes the checks on it not assessable.
      if (state !== 'number') unknown.add(`${table}.${row}.${j}`);
    });
  };
  const sp = () => (rng.chance(0.15) ? ' ' : '');
  let nbsp = false;

  // 二: header words, then label + digits per row; no arithmetic holds within these rows.
  const a: string[] = [];
  const head2019 = [
    '第二十条第（一）项信息内容本年新制作数量本年新公开数量对外公开总数量',
    '第二十条第（五）项信息内容上一年项目数量本年增/减处理决定数量',
  ];
  const head2021 = [
    '第二十条第（一）项信息内容本年制发件数本年废止件数现行有效件数',
    '第二十条第（五）项信息内容本年处理决定数量',
  ];
  a.push((t.layoutActive === '2019' ? head2019 : head2021)[0]!);
  for (const def of activeRows[t.layoutActive]) {
    const vals = t.active[def.key]!;
    const text = vals
      .map((v, j) => (def.columns[j]!.kind === 'money' ? String(Number(v.toFixed(2))) : String(v)))
      .join('');
    if (def.key === 'licensing') a.push((t.layoutActive === '2019' ? head2019 : head2021)[1]!);
    if (def.key === 'fees' && t.layoutActive === '2021') a.push('第二十条第（八）项信息内容本年收费金额（单位：万元）');
    a.push(`${def.label}${sp()}${text}`);
    const money = def.columns.some((c) => c.kind === 'money');
    // Amount glued to a count (5433.05): no split is ever provable.
    record(
      'active',
      def.key,
      def.columns.map((c) => c.key),
      vals,
      money && vals.length > 1 ? null : () => true,
    );
  }

  // 三: rows add up to 总计.
  const r: string[] = [
    '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）申请人情况自然人法人或其他组织总计 商业企业科研机构社会公益组织法律服务机构其他',
  ];
  const rowSum = (v: number[]) => v.slice(0, 6).reduce((x, y) => x + y, 0) === v[6];
  let group = '';
  for (const def of requestRows[t.layoutRequests]) {
    const m = /^（([一二三四五六七])）/.exec(def.label);
    let label = def.label;
    if (m && /^（[三四五六]）\d/.test(def.label)) {
      // Group labels (（三）不予公开) are written once, before the group's first item.
      const g = m[1]!;
      label = def.label.slice(m[0].length);
      if (g !== group) label = `（${g}）${GROUPS[g]}${label}`;
      group = g;
    }
    if (def.key === 'granted') label = `三、本年度办理结果${label}`;
    const vals = t.requests[def.key]!;
    // A cell's &nbsp; left between two values (decided by the values alone, so that the main
    // stream stays the same): there a cell ends, and the run is split on either side of it.
    const nb = new Random(vals.reduce((h, v) => (h * 31 + v + 7) % 2147483647, 17));
    const gap = nb.chance(0.2) ? nb.int(0, vals.length - 2) : -1;
    const at = gap < 0 ? -1 : vals.slice(0, gap + 1).join('').length;
    const run = vals.join('');
    r.push(`${label}${sp()}${at < 0 ? run : `${run.slice(0, at)}${nb.chance(0.5) ? '\u00a0' : ' '}${run.slice(at)}`}`);
    if (at >= 0) nbsp = true;
    record(
      'requests',
      def.key,
      ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'],
      vals,
      rowSum,
      at < 0 ? [] : [at],
    );
  }

  // 四: one run of 15 numbers; each block of five adds up.
  const blocks = (v: number[]) => [0, 5, 10].every((b) => v[b]! + v[b + 1]! + v[b + 2]! + v[b + 3]! === v[b + 4]);
  const rv = `行政复议行政诉讼结果维持结果纠正其他结果尚未审结总计未经复议直接起诉复议后起诉${'结果维持结果纠正其他结果尚未审结总计'.repeat(2)}${t.review.join('')}`;
  const reviewTruth = t.review.join('').length <= 20 ? gluedTruth(t.review, blocks) : null;
  ['review', 'suit_direct', 'suit_after_review'].forEach((row, b) =>
    reviewColumns.forEach((c, j) => {
      const k = b * 5 + j;
      const state = reviewTruth ? reviewTruth[k]!.state : 'ambiguous';
      cells.push({ table_id: 'review', row_key: row, col_key: c.key, value: t.review[k]!, state });
      if (state !== 'number') unknown.add(`review.${row}.${j}`);
    }),
  );
  return { active: a.join(''), requests: r.join(''), review: rv, cells, unknown, nbsp };
}

/** 三's groups of numbered items, by the group's numeral: （三）不予公开. */
export const GROUPS: Record<string, string> = { 三: '不予公开', 四: '无法提供', 五: '不予处理', 六: '其他处理' };

/**
 * A page of `|` tables pasted as one line (pipe-oneline): a web page's text copied, or a crawler
 * that keeps cell separators. Every line of the report (title, fields, prose, headings and the
 * `|` rows, whose closing `|` now stands between two rows) joined by a space, so a row's last
 * cell is followed by the next row's label. The separator is written ` | `, `|` or full-width
 * ` ｜ ` throughout. The cells are the `|` rows' own, so their truth is the pipes style's.
 */
export function pipeOneline(rng: Random, lines: string[], bareRows = false): string {
  const sep = rng.pick([' | ', '|', ' ｜ ']);
  // (`bareRows`: each row's outer bars dropped, rows joined by a space only — `规章 | 2 | 0 | 12
  // 行政规范性文件 | 19 | …`, a crawler joining cells with ` | ` and rows with a space; t122.)
  const row = (l: string) => (bareRows ? l.trim().replace(/^\|+|\|+$/g, '') : l);
  const joined = lines
    .map((l) =>
      l.includes('|')
        ? row(l)
            .replace(/\s*\|\s*/g, sep)
            .trim()
        : l,
    )
    .join(' ');
  return `${joined.replace(/\n/g, ' ')}\n`;
}

/** The crawler's header block and the page as one line (chrome glued at both ends). */
/** The dump's text and the 原文链接 it names (the report's source_url). */
export function onelineDump(
  rng: Random,
  title: string,
  published: string,
  body: string[],
): { text: string; url: string } {
  const url = `https://www.example.gov.cn/zwgk/ndbg/${published.replace(/-/g, '').slice(0, 6)}/t${published.replace(/-/g, '')}_${rng.int(1, 9999)}.htm`;
  const head = [
    `标题: ${title}`,
    `发布时间: ${published} ${rng.pick(['09:30', '16:40'])}`,
    '文号: ',
    '发布机构: ',
    '栏目: 政府信息公开年报',
    `原文链接: ${url}`,
    '==================== 正文 ====================',
  ];
  const page = `当前位置： 首页 > 政务公开 > 年报 ${body.join(rng.chance(0.5) ? '' : ' ')} 打印 关闭 附件下载`;
  return { text: `${head.join('\n')}\n${page}\n`, url };
}
