/**
 * The order of the columns a table's header names. The readers place values by position, so a
 * header that names the official columns in another order (行政诉讼 before 行政复议, 其他 first
 * among the 法人或其他组织 columns) would give every value another column's meaning — and the
 * sums cannot see it, since reordering columns keeps every row and column sum. Such a table is
 * not read. A header that does not name the columns at all says nothing either way.
 */
import type { Tok } from './tokens.ts';

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
  // 有效, not 现行有效: a header may shorten it (有效件数 | 制发件数 | 废止件数, synthetic seed 2026
  // at 100,000 reports: 19 有效 read as 制发), and 有效 names no other column.
  '2021': [['制发', '废止', '有效']],
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

/**
 * Distinctive pieces of the column labels, by column in the form's order (none for a column
 * whose pieces other labels share: 机构, 其他, 总计). A header whose cells are too narrow for their
 * labels, printed without vertical rules, comes out of a PDF as lines of pieces side by side
 * (`商业科研` above `企业机构`): no label is whole, and columnOrderProblem says nothing.
 */
export type LabelPieces = ReadonlyArray<readonly string[]>;
export const REQUEST_PIECES: LabelPieces = [['商业', '企业'], ['科研'], ['社会', '公益'], ['法律', '服务']];
// 其他 and 尚未 too: `结果   结果    尚未    其他结` over `维持   纠正    审结      果` (a fresh
// tester: 其他结果's and 尚未审结's values published as each other's).
export const REVIEW_PIECES: LabelPieces = [['维持'], ['纠正'], ['其他'], ['尚未', '审结']];
/** The labels REQUEST_PIECES and REVIEW_PIECES are pieces of, for wrappedOrderProblem. */
export const REQUEST_PIECE_LABELS = ['商业企业', '科研机构', '社会公益组织', '法律服务机构'] as const;
export const REVIEW_PIECE_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结'] as const;

/**
 * The first line of a header that shows two columns' pieces side by side (nothing but spaces or
 * marks between them) in another order than the form's (`科研商业`: 科研机构 before 商业企业;
 * `纠正维持`), as text for a note; null otherwise (a fresh tester's t20: such PDFs had 商业企业's
 * values published as 科研机构's). Pieces apart (a block's last column, then the next block's
 * first) or of one column say nothing.
 */
export function wrappedOrderProblem(
  lines: readonly string[],
  columns: LabelPieces,
  blocks = false,
  labels: readonly string[] = [],
): string | null {
  // The rest of a piece's own label right after it (`尚未审` of 尚未审结) is no text between.
  const rest = (piece: string, col: number, after: string) => {
    const label = labels[col] ?? '';
    const tail = label.slice(label.indexOf(piece) + piece.length);
    let k = 0;
    while (k < after.length && k < tail.length && after[k] === tail[k]) k++;
    return label.includes(piece) ? after.slice(k) : after;
  };
  for (const line of lines) {
    const found: Array<{ at: number; end: number; col: number; piece: string }> = [];
    columns.forEach((pieces, col) => {
      for (const piece of pieces)
        for (let i = line.indexOf(piece); i >= 0; i = line.indexOf(piece, i + 1))
          found.push({ at: i, end: i + piece.length, col, piece });
    });
    found.sort((a, b) => a.at - b.at);
    for (let k = 1; k < found.length; k++) {
      const a = found[k - 1]!;
      const b = found[k]!;
      // With `blocks` (四's three blocks of the same columns), the last column's piece before
      // the first's is the next block (`审结            维持` in pdftotext's layout).
      const next = blocks && b.col === 0 && a.col === columns.length - 1;
      if (b.col < a.col && !next && !/[\u4e00-\u9fff]/.test(rest(a.piece, a.col, line.slice(a.end, b.at))))
        return `the header's line "${line.trim()}" shows ${a.piece} before ${b.piece}, in another order than the official form's columns: no value is placed`;
    }
  }
  return null;
}

/**
 * 三's seven columns by pieces of their labels, for a header set out by position (layoutOrderProblem):
 * 自然人, the five 法人或其他组织 columns, 总计. 其他 is looked up with 法人或其他组织 masked
 * (maskOrganisations).
 */
export const REQUEST_LAYOUT_PIECES: LabelPieces = [
  ['自然人', '自然', '然人'],
  ['商业', '企业'],
  ['科研'],
  ['社会', '公益'],
  ['法律', '服务'],
  // 其它: the variant spelling (a fresh tester's header, its column NULL as one the form has not).
  ['其他', '其它'],
  ['总计'],
];

/**
 * A header set out by position, as `pdftotext -layout` writes a PDF's (each label, or each
 * piece of a wrapped one, indented to its cell: `商业企      科研机` over `业        构`), whose
 * labels stand left to right in another order than the form's columns, across its lines
 * (`自然人` printed after `其他`; a fresh tester's variants of the real report, 121 cells
 * published in the form's order): as text for a note, or null. Each column stands where the
 * first piece of its label found does, its middle, on the lines set out by position (indented
 * eight spaces or more, words of eight characters at most: pieces run together, or prose, say
 * nothing of where a column stands); only an order that holds whether a CJK character counts one
 * column or two, columns two or more apart, is one (`raw` lines, 法人或其他组织 masked by the
 * caller).
 */
export function layoutOrderProblem(lines: readonly string[], columns: LabelPieces): string | null {
  const at = layoutColumns(lines, columns).at;
  for (let a = 0; a < columns.length; a++)
    for (let b = a + 1; b < columns.length; b++) {
      const x = at[a];
      const y = at[b];
      if (x && y && x.narrow - y.narrow >= 2 && x.wide - y.wide >= 2)
        return `the header names ${y.piece} left of ${x.piece}, in another order than the official form's columns: no value is placed`;
    }
  return null;
}

/** A label's piece, its characters one space apart or none (cached: this runs for every header line). */
const spacedPieces = new Map<string, RegExp>();
function spacedPiece(piece: string): RegExp {
  let re = spacedPieces.get(piece);
  if (!re) {
    re = new RegExp([...piece].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join(' ?'));
    spacedPieces.set(piece, re);
  }
  return re;
}

/** Where a word of a header line set out by position stands, its middle, both ways of counting. */
interface Placed {
  narrow: number;
  wide: number;
  piece: string;
}

/**
 * The lines of a header set out by position (indented eight spaces or more, words of eight
 * characters at most: pieces run together, or prose, which may name 自然人 or 服务 anywhere, say
 * nothing of where a column stands); where each column's label stands (the first piece found),
 * and the words there that name no label of the form's header at all (`个体工商户`), with where
 * they stand.
 */
function layoutColumns(
  lines: readonly string[],
  columns: LabelPieces,
): { at: Array<Placed | undefined>; foreign: Placed[] } {
  const placed = lines.filter(
    (l) =>
      /^ {8,}\S/.test(l) &&
      l
        .trim()
        .split(/\s+/)
        .every((w) => w.length <= 8),
  );
  const where = (line: string, i: number, piece: string): Placed => {
    const cjk = (line.slice(0, i).match(/[\u2e80-\ufaff\uff00-\uffef]/g) ?? []).length;
    return { narrow: i + piece.length / 2, wide: i + cjk + piece.length, piece };
  };
  const at: Array<Placed | undefined> = columns.map(() => undefined);
  const foreign: Placed[] = [];
  for (const line of placed) {
    columns.forEach((pieces, col) => {
      if (at[col]) return;
      for (const piece of pieces) {
        // Its characters spaced apart too (`自 然 人`, as a PDF's cell tracked wide prints: a
        // generated seed's header reordered so, 商业企业 before it, read in the form's order).
        const m = spacedPiece(piece).exec(line);
        if (m) {
          at[col] = where(line, m.index, m[0]);
          return;
        }
      }
    });
    for (const m of line.matchAll(/\S+/g)) {
      const word = m[0];
      const pairs = [...word].slice(1).map((c, k) => word[k]! + c);
      if (pairs.length && /^[\u4e00-\u9fff]+$/.test(word) && !pairs.some((p) => HEADER_WORDS.includes(p)))
        foreign.push(where(line, m.index, word));
    }
  }
  return { at, foreign };
}

/**
 * The words of 三's header in the form (and its note): a word none of whose pairs of characters
 * is here names no label of the form's.
 */
const HEADER_WORDS =
  '申请人情况 自然人 法人或□□组织 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他 其它 总计 本列数据的勾稽关系为第一项加第二项之和等于第三项加第四项之和 单位件';

/**
 * The column of a header set out by position (layoutColumns) whose place holds a label the form
 * does not have (`个体工商户` where 其他 stands: a fresh tester's variant of the real report, 25
 * cells of another column published as 其他), by its index in `columns`: the one column not
 * named, the foreign label standing between its neighbours both ways of counting. Null when
 * every word is the form's; `'unknown'` when a foreign label stands anywhere else (no column
 * can be said to be it).
 */
export function layoutUnnamedColumn(lines: readonly string[], columns: LabelPieces): number | 'unknown' | null {
  const { at, foreign } = layoutColumns(lines, columns);
  if (!foreign.length) return null;
  const missing = at.flatMap((p, j) => (p ? [] : [j]));
  if (missing.length !== 1 || foreign.length !== 1) return 'unknown';
  const j = missing[0]!;
  const f = foreign[0]!;
  const left = at.slice(0, j).findLast((p) => p);
  const right = at.slice(j + 1).find((p) => p);
  const between = (k: 'narrow' | 'wide') => (!left || left[k] < f[k]) && (!right || f[k] < right[k]);
  return between('narrow') && between('wide') ? j : 'unknown';
}

/**
 * 三's header set out by position, read where the table's full rows show how the converter
 * counts a CJK character (decode/layout-cells.ts `valueColumns`: `wide`, two columns, or one, as
 * pdftotext does): every line of each header block (`blocks`: the lines before the first row,
 * and a run of lines without digits among the rows that names two columns or more, a header
 * repeated after a page break), tabs to stops of eight, whatever else stands on it (the note
 * `等于第三项加` at the left margin, `（单位：件，下同）`), each with the span of its page's value
 * columns (`over`: from the first column's start to the last's end, widened by the gaps beside
 * them). Each column stands where the first word of CJK characters alone naming it (one
 * column's label, or a piece of it) stands, its middle, over that span (a header flattened to
 * the left margin, `自然人    法人或其他组织    总计`, says nothing of the columns' places);
 * a header naming them in another order, two columns or more apart, is `order`; a word naming
 * no label of the form's (个体工商户) is `unnamed` as layoutUnnamedColumn says. A fresh tester's
 * variants of the real report (167 wrong cells where the lines were not read by
 * layoutOrderProblem's rule). Labels of the same block only are compared: another page may be
 * set at another offset.
 */
export function countedHeaderProblem(
  blocks: ReadonlyArray<ReadonlyArray<{ text: string; over: readonly [number, number] }>>,
  wide: boolean,
  columns: LabelPieces,
  labels?: readonly string[],
): { order: string | null; unnamed: number | 'unknown' | null } {
  let unnamed: number | 'unknown' | null = null;
  const named = (text: string) => columns.flatMap((pieces, j) => (pieces.some((p) => text.includes(p)) ? [j] : []));
  for (const block of blocks) {
    const at: Array<{ mid: number; piece: string } | undefined> = columns.map(() => undefined);
    const foreign: number[] = [];
    const words = joinedWords(blockWords(block, wide), named, labels);
    // 法人或其他组织 (or its first piece) on a line with two or more of the labels it stands over
    // is no group label above them but a column beside them: a subtotal where the form has 其他
    // (a fresh tester's t67, its values published as 其他). A word the form does not have there.
    const orgs = new Map<number, number>();
    for (const w of words)
      if (named(w.text).some((j) => j >= 1 && j <= 4)) orgs.set(w.line, (orgs.get(w.line) ?? 0) + 1);
    for (const w of words) {
      const mid = (w.s + w.e) / 2;
      if (w.text.length > 8 || mid < w.over[0] || mid > w.over[1]) continue;
      const of = named(w.text);
      const pairs = [...w.text].slice(1).map((c, k) => w.text[k]! + c);
      if (of.length === 1) {
        const prev = at[of[0]!];
        if (!prev) at[of[0]!] = { mid, piece: w.text };
      } else if (
        !of.length &&
        pairs.length &&
        (!pairs.some((p) => HEADER_WORDS.includes(p)) || (/^法人/.test(w.text) && (orgs.get(w.line) ?? 0) >= 2))
      )
        foreign.push(mid);
    }
    for (let a = 0; a < columns.length; a++)
      for (let b = a + 1; b < columns.length; b++) {
        const x = at[a];
        const y = at[b];
        if (x && y && x.mid - y.mid >= 2)
          return {
            order: `the header names ${y.piece} left of ${x.piece}, in another order than the official form's columns: no value is placed`,
            unnamed: null,
          };
      }
    const missing = at.flatMap((p, j) => (p ? [] : [j]));
    if (!foreign.length) {
      // One column alone not named, every other named over the values: what stands at its place
      // is not the form's label (法人或其他组织 as a subtotal column where the form has 其他, its
      // pieces run into its neighbour's: a fresh tester's t67, its values published as 其他).
      if (missing.length === 1) {
        if (unnamed !== null && unnamed !== missing[0]) return { order: null, unnamed: 'unknown' };
        unnamed = missing[0]!;
      }
      continue;
    }
    if (missing.length !== 1 || foreign.length !== 1) return { order: null, unnamed: 'unknown' };
    const j = missing[0]!;
    const f = foreign[0]!;
    const l = at.slice(0, j).findLast((p) => p);
    const r = at.slice(j + 1).find((p) => p);
    if ((l && l.mid >= f) || (r && f >= r.mid) || (unnamed !== null && unnamed !== j))
      return { order: null, unnamed: 'unknown' };
    unnamed = j;
  }
  return { order: null, unnamed };
}

/** A word of a header line set out by position: its CJK characters, where it stands. */
export interface Word {
  text: string;
  s: number;
  e: number;
  line: number;
  lastLine: number;
  over: readonly [number, number];
}

/**
 * `words` with the pieces of one label set apart joined: letter-spaced on a line (`自 然 人`,
 * `其  他`) or stacked a character or two a line (`自` / `然人`, `总` / `计`), when together they
 * name one column (`named`: the columns a text names) and no part names another.
 */
export function joinedWords(words: Word[], named: (text: string) => number[], labels?: readonly string[]): Word[] {
  // With the labels whole (`labels`), the pieces joined must be a part of one of them: 法律服 and
  // 法人或其 beside it name one column together, but 法律服法人或其 is no part of a label (a
  // fresh tester's t67: 法人或其他组织 set as a column of its own, run into 法律服务机构's).
  const joins = (a: Word, b: Word) => {
    const both = named(a.text + b.text);
    return (
      both.length === 1 &&
      [a.text, b.text].every((t) => named(t).every((j) => j === both[0])) &&
      (!labels || labels.some((l) => l.includes(a.text + b.text)))
    );
  };
  for (let k = 0; k < words.length; k++) {
    const a = words[k]!;
    for (let m = k + 1; m < words.length; m++) {
      const b = words[m]!;
      const beside = b.line === a.line && b.s > a.e - 1 && b.s - a.e <= 2;
      const below = b.line === a.lastLine + 1 && b.s < a.e && a.s < b.e;
      if ((beside || below) && joins(a, b)) {
        a.text += b.text;
        a.lastLine = b.line;
        if (beside) a.e = b.e;
        words.splice(m, 1);
        m = k;
      }
    }
  }
  return words;
}

/**
 * 四's 行政诉讼 blocks' labels as reports word them: 未经复议直接起诉 (also 直接起诉, 未经复议起诉) and
 * 复议后起诉 (also 经复议后起诉, 经复议起诉); a word naming the first is not one naming the second.
 */
export const SUIT_DIRECT = /未经复议|直接起诉/;
export const SUIT_AFTER = /复议后|(?<!未)经复议/;

/** 四's five columns of a block by pieces of their labels, for reviewBlocksProblem. */
export const REVIEW_BLOCK_PIECES: LabelPieces = [['维持'], ['纠正'], ['其他'], ['尚未', '审结'], ['总计']];

/**
 * 四's header set out by position over its one row of fifteen values (`valueLine`, no label, no
 * CJK character: its places the same either way of counting; `wide`, how the header's are),
 * read block by block when every label stands over the values: a block stands from halfway to
 * the value before its first to halfway to the value after its last, and its labels (pieces
 * joined as joinedWords does: `纠 正`; marks dropped) must stand in the form's order, 结果维持 …
 * 总计, two columns or more apart, across its lines. A fresh tester's: `结果 其他结  结果  尚未`
 * over `维持  果  纠正  审结` (其他结果 before 结果纠正, seen on no one line) had their values
 * published as each other's. As text for a note, or null (not fifteen values).
 */
export function reviewBlocksProblem(
  headerLines: readonly string[],
  valueLine: string,
  wide: boolean | null = null,
): string | null {
  // The count the document's 三 shows (layout-cells.ts valueColumns), else both: an order is
  // another only when it is so whichever way a CJK character is counted (text aligned by its
  // width on screen, two columns a character: a fresh tester's clean headers were NULL so).
  if (wide === null) {
    const narrow = reviewBlocksProblem(headerLines, valueLine, false);
    return narrow && reviewBlocksProblem(headerLines, valueLine, true) ? narrow : null;
  }
  return readReviewBlocks(headerLines, valueLine, wide)?.problem ?? null;
}

/**
 * Whether 四's header set out over its fifteen values names, under the count `wide` (not known:
 * under either), every one of the fifteen columns over its own value: in each block the five
 * labels each once, in the form's order, each nearer its own value than any other, and
 * 未经复议直接起诉, 复议后起诉 and 行政复议 (where the header has them) over their own blocks. Then
 * the header's order is proven by position, and what a reading of its lines' labels in text
 * order says is not evidence: a clean header mixing blocks of one-line labels with blocks of
 * labels broken over two lines (`结果维持 … 总计  结果 … 总计` over `维持 …`) names 总计 three times
 * on one line and 结果维持 once (a fresh tester's: NULL, "总计 twice").
 */
export function reviewBlocksProven(
  headerLines: readonly string[],
  valueLine: string,
  wide: boolean | null = null,
): boolean {
  // Not known: read whole under one count. Under the other a CJK character's place is off by the
  // characters before it on its line, more at each label along it: the labels run past the values,
  // or their pieces join out of place and show an order that is none (a header proven so was NULL
  // for "其他 left of 纠正"); they do not all stand over their own values, in the form's order,
  // while under the count the text was written in they stand elsewhere.
  if (wide === null) return [false, true].some((w) => readReviewBlocks(headerLines, valueLine, w)?.whole);
  return readReviewBlocks(headerLines, valueLine, wide)?.whole === true;
}

/**
 * reviewBlocksProblem's reading under one count: the first label out of its order (`problem`), and
 * whether every block named its five labels once each over its values and the group labels stood
 * over their blocks (`whole`). Null when the line is not fifteen values or a label stands outside
 * their span.
 */
function readReviewBlocks(
  headerLines: readonly string[],
  valueLine: string,
  wide: boolean,
): { problem: string | null; whole: boolean } | null {
  const vals = [...valueLine.matchAll(/\S+/g)];
  if (vals.length !== 15 || !vals.every((m) => /^\d+$/.test(m[0]))) return null;
  const lo = vals.map((m) => m.index);
  const hi = vals.map((m) => m.index + m[0].length);
  const named = (text: string) =>
    REVIEW_BLOCK_PIECES.flatMap((pieces, j) => (pieces.some((p) => text.includes(p)) ? [j] : []));
  const plain = blockWords(
    headerLines.map((text) => ({ text, over: [-Infinity, Infinity] as const })),
    wide,
  );
  const words = joinedWords(
    plain.map((w) => ({ ...w })),
    named,
  );
  // A header set out over the values: every label of a block's column within their span (a
  // header flattened on one line, `行政复议 行政诉讼 结果维持 …`, runs past them: not read so).
  const first = lo[0]! - (lo[1]! - hi[0]!);
  const last = hi[14]! + (lo[14]! - hi[13]!);
  if (words.some((w) => named(w.text).length && ((w.s + w.e) / 2 < first || (w.s + w.e) / 2 > last))) return null;
  const span = (b: number) => [
    b === 0 ? first : (hi[5 * b - 1]! + lo[5 * b]!) / 2,
    b === 2 ? last : (hi[5 * b + 4]! + lo[5 * b + 5]!) / 2,
  ];
  const blockOf = (mid: number) => [0, 1, 2].find((b) => mid >= span(b)[0]! && mid <= span(b)[1]!) ?? -1;
  // The 行政诉讼 blocks' own labels, as worded (SUIT_DIRECT, SUIT_AFTER; a bracketed one too:
  // `行政诉讼（复议后起诉）`), each over its own block: over another (`未经复议直接起诉` over the
  // first, a fresh tester's blocks in another order; `复议后起诉` alone over the second, another's,
  // 10 cells a file published as each other's) no value is placed. Both over one block says
  // nothing (text run together, pdf.js's, puts them over the first).
  const groups = blockWords(
    headerLines.map((text) => ({
      text: text.replace(/[（）]/g, '\u3000').replace(/[()]/g, ' '),
      over: [-Infinity, Infinity] as const,
    })),
    wide,
  );
  const blocksOf = (direct: boolean) =>
    groups
      .filter((w) => (direct ? SUIT_DIRECT.test(w.text) : SUIT_AFTER.test(w.text) && !SUIT_DIRECT.test(w.text)))
      .map((w) => blockOf((w.s + w.e) / 2))
      .filter((b) => b >= 0);
  const direct = blocksOf(true);
  const after = blocksOf(false);
  const review = plain.filter((w) => w.text === '行政复议').map((w) => blockOf((w.s + w.e) / 2))[0];
  const together = direct.length > 0 && after.length > 0 && new Set([...direct, ...after]).size === 1;
  const misplaced = together ? null : (direct.find((b) => b !== 1) ?? after.find((b) => b !== 2));
  if (misplaced !== undefined && misplaced !== null)
    return {
      problem: `the header names ${direct.includes(misplaced) && misplaced !== 1 ? '未经复议直接起诉' : '复议后起诉'} over the values of block ${misplaced + 1}, another block's: no value is placed`,
      whole: false,
    };
  let whole = !together && (review ?? 0) === 0;
  for (let b = 0; b < 3; b++) {
    const [from, to] = span(b) as [number, number];
    const at: Array<{ mid: number; piece: string } | undefined> = REVIEW_BLOCK_PIECES.map(() => undefined);
    const inBlock = words.filter((w) => named(w.text).length && (w.s + w.e) / 2 >= from && (w.s + w.e) / 2 <= to);
    // Whole: five labels, each naming one column of its own (尚未 and 审结 left apart are two).
    if (inBlock.length !== 5 || new Set(inBlock.map((w) => named(w.text).join())).size !== 5) whole = false;
    for (const w of inBlock) {
      const of = named(w.text);
      if (of.length !== 1) {
        whole = false;
        continue;
      }
      const mid = (w.s + w.e) / 2;
      at[of[0]!] ??= { mid, piece: w.text };
      // Over its own value: nearer its centre than any other value's.
      const own = 5 * b + of[0]!;
      const dist = (k: number) => Math.abs((lo[k]! + hi[k]!) / 2 - mid);
      if (lo.some((_, k) => k !== own && dist(k) <= dist(own))) whole = false;
    }
    for (let x = 0; x < at.length; x++)
      for (let y = x + 1; y < at.length; y++) {
        const a = at[x];
        const c = at[y];
        if (a && c && a.mid - c.mid >= 2)
          return {
            problem: `the header names ${c.piece} left of ${a.piece} in its block ${b + 1}, in another order than the official form's columns: no value is placed`,
            whole: false,
          };
        if (!a || !c || c.mid - a.mid < 2) whole = false;
      }
  }
  return { problem: null, whole };
}

/**
 * The words of a header block in reading order, each its CJK characters alone (a bracketed note
 * and marks dropped: `总计（件）`, `自然人*`), with its columns under the count `wide`, tabs to
 * stops of eight. Words with no CJK character left are none.
 */
export function blockWords(
  block: ReadonlyArray<{ text: string; over: readonly [number, number] }>,
  wide: boolean,
): Word[] {
  const out: Word[] = [];
  block.forEach(({ text, over }, line) => {
    let col = 0;
    let word = '';
    let start = 0;
    const end = () => {
      const cjk = word.replace(/[（(][^）)]*[）)]/g, '').replace(/[^\u4e00-\u9fff]/g, '');
      if (cjk) out.push({ text: cjk, s: start, e: col, line, lastLine: line, over });
      word = '';
    };
    for (const ch of text) {
      if (ch === '\t') {
        end();
        col = (Math.floor(col / 8) + 1) * 8;
        continue;
      }
      if (ch === ' ' || ch === '\u3000') end();
      else {
        if (!word) start = col;
        word += ch;
      }
      col +=
        wide && /[\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
    }
    end();
  });
  return out;
}

/**
 * 三's 总计 among the 法人或其他组织 columns on one header line (a fresh tester's t21: `… 法律服务机构
 * 总计 其他`, `商业企业 科研机构 总计 社会公益组织 …`, `自然人 总计 其他`): in the form, and in any
 * flattening of it, 总计 stands after 其他 or before 商业企业 and the four after it. As text for a
 * note, or null. `line` is one header line with 法人或其他组织 masked (maskOrganisations).
 */
export function totalAmongOrganisations(line: string): string | null {
  const text = line.replace(/[\s|]/g, '');
  const t = text.indexOf('总计');
  if (t < 0) return null;
  const orgs = REQUEST_COLUMNS[0]!.map((x) => (typeof x === 'string' ? x : x.label));
  const before = orgs.filter((o) => {
    const i = text.indexOf(o);
    return i >= 0 && i < t;
  });
  const after = orgs
    .map((o) => [o, text.indexOf(o, t)] as const)
    .filter(([, i]) => i > t)
    .sort((a, b) => a[1] - b[1]);
  if (after.length && (before.length || after[0]![0] !== orgs[0]))
    return `the header names 总计 among the columns of 法人或其他组织 (${[...before, '总计', ...after.map(([o]) => o)].join(', ')}), not after them as the official form: no value is placed`;
  return null;
}

/**
 * 四's result columns in another order within its second or third block (the first block's
 * order columnOrderProblem checks): each block from its 结果维持 on (a fresh tester's t21: 结果维持
 * 结果纠正 尚未审结 其他结果 总计 in the 行政诉讼 blocks only). As text for a note, or null.
 */
export function reviewBlockOrderProblem(header: string): string | null {
  const labels = ['结果纠正', '其他结果', '尚未审结', '总计'];
  for (const block of header.split('结果维持').slice(1)) {
    const at = labels.map((l) => [l, block.indexOf(l)] as const).filter(([, i]) => i >= 0);
    if (at.some(([, i], k) => k > 0 && i < at[k - 1]![1]))
      return `a block of the header names ${at
        .sort((a, b) => a[1] - b[1])
        .map(([l]) => l)
        .join(', ')} after 结果维持, in another order than the official form's: no value is placed`;
  }
  return null;
}

/**
 * 四's 行政诉讼 blocks' labels in a header read as text (SUIT_DIRECT, SUIT_AFTER): the first
 * naming 未经复议直接起诉 must come before the first naming 复议后起诉, and a header naming only
 * one of them shows no block's place (a sixth fresh tester's: `复议后起诉 | |` over the second
 * block, its values published as 未经复议直接起诉's). Null when it names neither (the blocks by the
 * form's order) or both in order. As text for a note.
 */
export function suitLabelsProblem(header: string): string | null {
  // SUIT_AFTER never matches within a 未经复议 word (its 经复议 follows 未).
  const direct = header.search(SUIT_DIRECT);
  const after = header.search(SUIT_AFTER);
  if (direct < 0 && after < 0) return null;
  if (direct < 0 || after < 0)
    return `the header names ${direct < 0 ? '复议后起诉' : '未经复议直接起诉'} but not the other 行政诉讼 block: which block is which is not proven, no value is placed`;
  return after < direct
    ? 'the header names 复议后起诉 before 未经复议直接起诉, in another order than the official form: no value is placed'
    : null;
}

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
  // A reading by a label the header never names whole shows no blocks when the other reading's
  // blocks are all alike: with 结果维持 broken over two lines (结果 / 维持), the three blocks' 总计
  // all stood in one block "from its first label" (a fresh tester's t23: every 四 of its -layout
  // files NULL, "总计 appears twice"), while read to their 总计 the blocks were the same three
  // times. Blocks that differ (总计 | 结果纠正 … 总计: a 总计 written over 结果维持) are no such
  // header, and the reading from the first label, the header's start, shows 总计 twice.
  const keys = inBlocks.map((l) => l.key);
  const byFirst = keys.includes(block.first) || !alikeBlocks(keys, (k) => k === block.last, 'end');
  const byLast = keys.includes(block.last) || !alikeBlocks(keys, (k) => k === block.first, 'start');
  let afterLast = new Set<string>();
  let fromFirst = new Set<string>();
  for (const { key, no } of inBlocks) {
    if (key === block.first) fromFirst = new Set();
    if ((byLast && afterLast.has(key)) || (byFirst && fromFirst.has(key))) return { label: key, no };
    afterLast.add(key);
    fromFirst.add(key);
    if (key === block.last) afterLast = new Set();
  }
  return null;
}

/**
 * Whether `keys` cut into blocks at each key `at` marks (a block's `end`, or its `start`) give
 * the same labels in the same order in every non-empty block, and at least two blocks.
 */
function alikeBlocks(keys: readonly string[], at: (key: string) => boolean, edge: 'start' | 'end'): boolean {
  const blocks: string[] = [];
  let cur: string[] = [];
  for (const k of keys) {
    if (edge === 'start' && at(k) && cur.length) {
      blocks.push(cur.join('|'));
      cur = [];
    }
    cur.push(k);
    if (edge === 'end' && at(k)) {
      blocks.push(cur.join('|'));
      cur = [];
    }
  }
  if (cur.length) blocks.push(cur.join('|'));
  return blocks.length > 1 && blocks.every((b) => b === blocks[0]);
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

// ── The rule for a header's column labels ──────────────────────────────────────────────────

/**
 * A row of a header as the form prints it, each place a column's label or a group's over several
 * columns (`group`: 法人或其他组织, 行政复议, 未经复议直接起诉), whose wording says nothing of
 * which column a number is under.
 */
export type FormRow = ReadonlyArray<{ label: string; group?: true }>;

/** The form's labels as text writes them: columns only (`group` marks a group's). */
export const formRow = (...labels: string[]): FormRow =>
  labels.map((l) => (l.startsWith('^') ? { label: l.slice(1), group: true as const } : { label: l }));

/**
 * A label as compared: no spacing, no bracketed note (（单位：万元）), no slash (本年增/减 → 本年增减),
 * 其它 → 其他, 本年度 → 本年, and a unit written after it without brackets (收费金额万元) dropped.
 */
const loose = (s: string): string => {
  // Pure and called for every header cell against every label of the table: remembered (the
  // labels and most cells recur from file to file), the memory bounded.
  let out = LOOSE.get(s);
  if (out === undefined) {
    if (LOOSE.size >= 50_000) LOOSE.clear();
    LOOSE.set(s, (out = looseOf(s)));
  }
  return out;
};
const LOOSE = new Map<string, string>();
const looseOf = (s: string): string =>
  s
    .replace(/\s+/g, '')
    .replace(/[（(][^()（）]*[)）]/g, '')
    .replace(/[/／、]/g, '')
    .replace(/其它/g, '其他')
    .replace(/本年度/g, '本年')
    .replace(/^今年/, '本年')
    .replace(/(?<=.)(?:单位[:：]?)?(?:万元|元)$/, '');

/** `a`'s characters occur in `b` in their order (维持 in 结果维持, 未审结 in 尚未审结). */
function inOrder(a: string, b: string): boolean {
  let i = 0;
  for (const ch of b) if (ch === a[i]) i++;
  return i === a.length;
}

/**
 * How a header cell names a form label: `exact` — the label itself, with the spacing, brackets and
 * wording the code takes as the same (loose; 合计 for 总计; 本年处理决定数量 for a label naming no
 * year, 处理决定数量); `part` — its characters in order, fewer (维持 for 结果维持, 未审结, a word
 * broken over lines: 本年新 | 制作数量); null — another word (本年项目数量 for 上一年项目数量, 个体工商户
 * for 其他, 上年现行有效件数 for 现行有效件数).
 */
export function namesLabel(cell: string, label: string): 'exact' | 'part' | null {
  const l = loose(label);
  let k = loose(cell);
  if (k === '合计') k = '总计';
  if (!k) return null;
  // 本年 before a label naming no year says the form's own (this year's) column; before one
  // naming a year (上一年项目数量) it names another.
  if (k === l || (!l.includes('年') && k === `本年${l}`)) return 'exact';
  return inOrder(k, l) ? 'part' : null;
}
/**
 * How many of `labels` a cell names (namesLabel), a label and its own shortened form (处理决定数
 * of 处理决定数量, 本年增/减 and 本年增减) counted once.
 */
function labelsNamed(cell: string, labels: readonly string[]): number {
  const named = [...new Set(labels.filter((l) => namesLabel(cell, l)).map(loose))];
  return named.filter((l) => !named.some((m) => m !== l && inOrder(l, m))).length;
}

/** One row of a header: its cells' text left to right ('' for an empty cell) and its source line. */
export interface HeaderRow {
  cells: string[];
  no: number;
  /** Lines of one cell each, run together (the merged cells' reading order). */
  perLine?: true;
}

/**
 * The header's rows among `toks` (the lines before a table's first row): a drawn row's cells, a
 * delimited line's pieces (`|`, tab), a plain line's words; a run of lines of one cell each (one
 * cell per line, `信息内容 |`) is one row. Lines with a value are none.
 */
/** A cell that is a unit's note alone: `（单位：件）`, `(单位:件,下同)`, `单位：件`. */
const UNIT_NOTE = /^(?:[（(]单位[:：][^（()）]*[)）]|单位[:：][^（()）]*)$/;

export function headerRowsOf(toks: Tok[]): HeaderRow[] {
  const byLine = new Map<number, Tok[]>();
  for (const t of toks) byLine.set(t.line, [...(byLine.get(t.line) ?? []), t]);
  const rows: HeaderRow[] = [];
  let single: HeaderRow | null = null;
  for (const ts of byLine.values()) {
    if (ts.some((t) => t.t === 'val')) {
      single = null;
      continue;
    }
    const cells: string[] = [];
    let no = -1;
    for (const t of ts) {
      if (t.t === 'text') {
        no = t.no;
        if (t.col !== undefined || t.piece !== undefined || ts.some((u) => u.t === 'eol' && u.delimited))
          cells.push(t.text);
        else cells.push(...t.text.trim().split(/\s+/));
      } else if (t.t === 'empty' && !t.spanned) cells.push('');
    }
    // A unit's note in brackets beside the labels (`总计  （单位：件）`: a fresh tester's, read as a
    // column, every value of 三 NULL) names no column.
    for (let k = cells.length - 1; k >= 0; k--) if (UNIT_NOTE.test(cells[k]!.replace(/\s+/g, ''))) cells.splice(k, 1);
    while (cells.length && cells.at(-1) === '') cells.pop();
    if (no < 0 || !cells.length) continue;
    if (cells.length === 1) {
      if (single) {
        single.cells.push(cells[0]!);
        single.perLine = true;
      } else rows.push((single = { cells, no }));
      continue;
    }
    single = null;
    rows.push({ cells, no });
  }
  return rows;
}

/**
 * Cells before a header row's column labels that name none (the row labels' column, a caption,
 * 三's note and 申请人情况 over every column): passed over, with whether one is 信息内容 or a
 * caption (二's sub-table header: the row is then a header even if it names no column of the form).
 */
// 信息内容 or its end broken over lines (信息内 / 容（单位：千元）: synthetic seed 11, the labels
// after it, reordered, read in the form's order).
// 三's note broken over the header's lines beside the labels (`等于第三项加` / `第四项之和）` at the
// left margin of the pieces' lines: a fresh tester's, 商业企 read as at 科研机构's place) is a lead.
const LEAD =
  /^(?:(?:信息|息)?内?容|信息内?|(?:第二十条)?第?[（(]?[一二三四五六七八九十]{1,2}[)）]?项|申请人情况|项目|内容|类别|名称|类型|种类|序号|[（(]?本列数据.*|.*勾稽.*|.*第[一二三四]项.*)$/;
/**
 * Whether a header cell (no spacing) is a lead, before the column labels: LEAD, with or without
 * a note in brackets (信息内容（单位：千元）), or a bracketed note alone.
 */
export function isHeaderLead(cell: string): boolean {
  // A note alone in brackets ((金额单位：千元) cut off a heading) is no column either. An item's
  // number in brackets is no note: 第二十条第（八）项（单位：千元） is a caption (synthetic seed 8).
  const bare = cell.replace(/[（(](?![一二三四五六七八九十]{1,2}[)）])[^()（）]*[)）]/g, '');
  return LEAD.test(cell) || LEAD.test(bare) || (bare === '' && cell !== '');
}

/** Text of a note, no label: punctuation outside brackets, or a bracket not closed (a note wrapped over lines). */
const prose = (c: string): boolean => {
  const out = c.replace(/[（(][^()（）]*[)）]/g, '');
  return /[，,。：:；;]/.test(out) || /[（()）]/.test(out);
};
/** The lead cells that make a row 二's sub-table header: 信息内容, a caption (第二十条第（五）项). */
const SUBTABLE_LEAD = /^(?:信息内容|第二十条|第?[（(]?[一二三四五六七八九十]{1,2}[)）]?项)/;

/**
 * THE RULE for a header's column labels, in one place: the readers place a row's values by their
 * count into the form's columns, and a header that names its columns must name, at each place,
 * the form's column there. A row of the header (`rows`: headerRowsOf) with as many cells as one
 * of the form's header rows (`forms`: each how the form, or a flattening of it, prints one) is
 * compared with it cell by cell (namesLabel): a label of the form at its place, exactly or a part
 * of it, is that column; another place's label (结果纠正 | 结果维持), or a label the form does not
 * have in place of one of the form's (本年项目数量 for 本年增/减, 个体工商户 for 其他, 本年收费项目数量
 * for 本年收费金额), proves the values are not the form's columns in the form's order: why, for a
 * note, and the rows under it are not placed by their count. Null when every row matches, or
 * tells nothing: another count of cells (an extra column, cells merged or lost: other rules and
 * the count), cells glued together (a label's separator lost), a part of another place's label
 * (a word broken over lines), or a row naming no label of the form (prose; a header missing). A
 * group's place (法人或其他组织) takes any word but another place's label. `lead`: whether a row
 * opening with 信息内容 or a caption is a header row by that alone (二's sub-tables: a one-column
 * sub-table names its one column with no label of the form).
 */
export function headerFormProblem(
  rows: HeaderRow[],
  forms: readonly FormRow[],
  opts: HeaderFormOptions = {},
): string | null {
  return headerLabelProblem(rows, forms, opts)?.why ?? null;
}

export interface HeaderFormOptions {
  lead?: boolean;
  /** A row naming fewer columns than the form, one of them out of its place, is a problem (fewerPlaces; 二's one-row headers). */
  fewer?: boolean;
  known?: readonly string[];
  extra?: (key: string) => boolean;
  perLine?: readonly FormRow[];
}

/** A place of a form row: its index in that row (the caller knows which columns it is over). */
export interface FormPlace {
  form: FormRow;
  place: number;
}

/**
 * What the rule for a header's column labels found (headerLabelProblem): `why`, and `places` when
 * only some columns are unproven. Without `places` no value under the header is placed by its
 * count (the whole group NULL). With them, each row of the header the rule compared has the
 * form's count of cells, and every cell but these names its own place's label (exactly, or a part
 * of it that is a part of no other place's label): those columns are proven where a row shows
 * exactly the form's count of cells (one-to-one under the header's), and only these places'
 * columns are NULL.
 */
export interface HeaderLabelProblem {
  why: string;
  places?: readonly FormPlace[];
}

/** headerFormProblem's finding, column by column where it can be (HeaderLabelProblem). */
export function headerLabelProblem(
  rows: HeaderRow[],
  forms: readonly FormRow[],
  opts: HeaderFormOptions = {},
): HeaderLabelProblem | null {
  const all = [...forms, ...(opts.perLine ?? [])];
  const own = [...new Set(all.flatMap((f) => f.map((p) => p.label)))];
  const labels = [...new Set([...all.flatMap((f) => f.map((p) => p.label)), ...(opts.known ?? [])])];
  const glue: HeaderForm = new Map(labels.map((l) => [headerKey(l), 1] as const));
  // Column-level findings of the rows compared so far: their places and the first one's why.
  const places: FormPlace[] = [];
  let first: string | null = null;
  for (const row of rows) {
    let from = 0;
    let led = false;
    const bare = row.cells.map((c) => c.replace(/\s+/g, ''));
    while (from < bare.length && (bare[from] === '' || isHeaderLead(bare[from]!) || prose(bare[from]!))) {
      if (SUBTABLE_LEAD.test(bare[from]!)) led = true;
      from++;
    }
    // Empty cells after the last label (a scrape's `｜ ｜` padding) are no places.
    let to = row.cells.length;
    while (to > from && !bare[to - 1]) to--;
    const cells = row.cells.slice(from, to);
    const same = (row.perLine ? all : forms).filter((f) => f.length === cells.length);
    if (!same.length) {
      const shifted = opts.fewer
        ? (fewerPlaces(cells, forms, rows, row) ??
          (row.perLine ? fewerPlaces(joinedLinePieces(cells, own), forms, rows, row) : null))
        : null;
      if (shifted) return { why: `${shifted} (header line ${row.no}): its numbers are not placed by their count` };
      continue;
    }
    // A note's text (its punctuation, a bracket it does not close: a note wrapped over lines),
    // characters not decoded (?, U+FFFD) or masked (·: orphans.ts): the header is not read. A
    // column no form has (小计, 备注: `extra`) makes the row wider than the form's: the
    // extra-column rules' (columns.ts), not a place-by-place comparison.
    if (cells.some((c) => /[?？\uFFFD·]/.test(c) || prose(c.replace(/\s+/g, '')))) continue;
    // A column no form has (小计, 上年数量, 备注: `extra`) in a row of the form's count of cells is
    // in place of one of the form's: an unknown place (placesProblem), never passed over — the
    // rows under it have the form's count too, and by their count a value would stand under the
    // form's column there (a fresh tester's 上年数量 over 本年制发件数, read as the issued count).
    if (cells.some((c) => labelsOf(headerKey(c), glue).length > 1)) continue;
    const named = cells.some((c) => labels.some((l) => c && namesLabel(c, l) === 'exact'));
    // Or two cells or more naming one label of the table each, in part, and none several: the
    // form's words shortened (类别 | 废止件数 | 制发件数 | 有效件数: a fresh tester's t26, its values
    // read in the form's order). Not the pieces of words broken over lines (人 | 业 | 构 | 科研机 |
    // …: a -layout header), some of which name several labels.
    const named1 = cells.map((c) => (c.trim() ? labelsNamed(c, labels) : 0));
    const shortened = named1.filter((n) => n === 1).length >= 2 && named1.every((n) => n <= 1);
    if (!named && !shortened && !(opts.lead && led)) continue;
    const found = same.map((f) => placesProblem(cells, f, labels, own, led, opts.extra));
    if (found.some((x) => x === null || x === 'unread')) continue;
    const why = `${(found[0] as { why: string }).why} (header line ${row.no}): its numbers are not placed by their count`;
    // Forms this row is, but for labels the form does not have at some places: those places
    // only (each such form's; they name the same columns at the other places).
    const partly = same.flatMap((f, k) => {
      const x = found[k] as PlacesProblem;
      return x.unknown ? x.unknown.map((place) => ({ form: f, place })) : [];
    });
    if (!partly.length) return { why };
    const partlyWhy = same.map((_, k) => found[k] as PlacesProblem).find((x) => x.unknown)!.why;
    first ??= `${partlyWhy} (header line ${row.no})`;
    places.push(...partly);
  }
  return first === null ? null : { why: first, places };
}

/**
 * A header row naming fewer columns than its form, each cell one of the form's own labels exactly
 * (each once): 信息内容 | 本年废止件数 | 现行有效件数 over rows of two values and a blank, the form's
 * 本年制发件数 not printed; 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 with 其他 not printed, a
 * 备注 column after 总计 (a fresh tester's t67). By their count the values would stand under the
 * form's first columns, not under the ones the header names, or a column on: what the header does
 * not name is not known to be absent from the rows. Only where no other row of the header names
 * any of the form's labels, even in part (the rest of its labels may be there). Why, or null.
 */
function fewerPlaces(
  cells: readonly string[],
  forms: readonly FormRow[],
  rows: readonly HeaderRow[],
  row: HeaderRow,
): string | null {
  if (!cells.length) return null;
  for (const f of forms) {
    // Not a form row with a group's place (自然人 | 法人或其他组织 | 总计): its label may stand on
    // another line (自然人 | 总计, the group's label above them).
    if (f.length <= cells.length || f.some((p) => p.group)) continue;
    // Only a header of this one row: another row naming a label of the form, even in part, may
    // hold the rest (pdf.js's 本年新制作数 | 本年新公开数, then 信息内容 | 对外公开总数量, then 量 | 量).
    const others = rows.some(
      (r) => r !== row && r.cells.some((c) => c.trim() && f.some((p) => namesLabel(c, p.label) !== null)),
    );
    if (others) continue;
    const places = cells.map((c) => {
      const at = f.flatMap((p, k) => (!p.group && c.trim() && namesLabel(c, p.label) === 'exact' ? [k] : []));
      return at.length === 1 ? at[0]! : -1;
    });
    if (places.some((k) => k < 0) || new Set(places).size !== places.length) continue;
    const moved = places.findIndex((k, i) => k !== i);
    const unnamed = f.filter((_, k) => !places.includes(k)).map((p) => p.label);
    return moved >= 0
      ? `the header names ${cells.length} of the form's ${f.length} columns, ${cells[moved]!.trim()} at place ${moved + 1} where the form has it at ${places[moved]! + 1}`
      : `the header names ${cells.length} of the form's ${f.length} columns, not ${unnamed.join(', ')}`;
  }
  return null;
}

/**
 * A header of one cell a line (`perLine`) whose labels are broken over lines (本年制 / 发件数 /
 * 现行有 / 效件数, the blank lines between them a crawl's: synthetic seed 134): consecutive pieces
 * joined where together they are one of `labels` exactly (namesLabel), the longest such run, each
 * piece the label's next characters. Other cells as they are.
 */
function joinedLinePieces(cells: readonly string[], labels: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < cells.length;) {
    let end = -1;
    let text = '';
    for (let j = i; j < cells.length; j++) {
      text += cells[j]!.replace(/\s+/g, '');
      if (!labels.some((l) => loose(l).startsWith(loose(text)))) break;
      if (j > i && labels.some((l) => namesLabel(text, l) === 'exact')) end = j;
    }
    if (end < 0) out.push(cells[i++]!);
    else {
      out.push(cells.slice(i, end + 1).join(''));
      i = end + 1;
    }
  }
  return out;
}

/** placesProblem's finding: `unknown`, when every place but these names its own label. */
interface PlacesProblem {
  why: string;
  unknown?: number[];
}

/**
 * Why `cells` are not form row `f` at each place, or null: a cell naming another place's label,
 * or only a part of one (其他 for 其他结果, over 结果维持's place: abbreviated and out of order, or a
 * word broken over lines out of line with the columns — NULL either way), or a label the form
 * does not have. 'unread' when they tell nothing of it: a label named twice (repeatedHeaderLabel's),
 * a cell naming a column of the table that is no place of `f` (another sub-table's header over
 * these rows, rows of a header run together), or the place's label with a part of another glued
 * to it. `labels`: every label of the table (`known` too); `own`: the labels of its forms.
 * A label of another of the table's columns is 'unread' only when nothing ties the row to `f`:
 * no other place naming its own label exactly, nor a sub-table lead (`led`) before the one place
 * of a one-column form row. A column no form has (`extra`: 小计, 上年数量) is an unknown place.
 * With labels the form does not have (and no other place's label, nothing 'unread' after the
 * first), `unknown` lists the places whose columns the header does not prove: those labels, and
 * — only then — empty cells and parts that could be parts of another place's label as well.
 */
function placesProblem(
  cells: readonly string[],
  f: FormRow,
  labels: readonly string[],
  own: readonly string[],
  led = false,
  extra?: (key: string) => boolean,
): PlacesProblem | 'unread' | null {
  const exact = cells.map((c) => (c ? labels.filter((l) => namesLabel(c, l) === 'exact') : []));
  const times = (xs: readonly string[], l: string) => xs.filter((x) => x === l).length;
  const named = exact.flat();
  const places = f.map((p) => p.label);
  if (named.some((l) => times(named, l) > Math.max(1, times(places, l)))) return 'unread';
  const unknown: number[] = [];
  const unsure: number[] = [];
  let why: string | null = null;
  for (let j = 0; j < cells.length; j++) {
    const c = cells[j]!;
    if (!c) {
      if (!f[j]!.group) unsure.push(j);
      continue;
    }
    const at = namesLabel(c, f[j]!.label);
    const notTheForms = () => {
      why ??= `the header names a column the form does not have (${c}) in place of ${f[j]!.label}`;
      unknown.push(j);
    };
    if (!at && extra?.(headerKey(c)) && namesLabel(c, '总计') !== 'exact') {
      notTheForms();
      continue;
    }
    if (at) {
      if (at === 'part' && f.some((p, i) => i !== j && namesLabel(c, p.label))) unsure.push(j);
      continue;
    }
    // Another place's label, or a part of it only (其他 | 纠正 | 维持: abbreviated and out of order).
    const other = f.findIndex((p, i) => i !== j && namesLabel(c, p.label) === 'exact');
    const part = f.findIndex((p, i) => i !== j && namesLabel(c, p.label) === 'part');
    if (other >= 0 || part >= 0)
      return {
        why: `the header names ${other >= 0 ? f[other]!.label : `${c} (${f[part]!.label})`} at the place of ${f[j]!.label}, the form's columns in another order`,
      };
    // Nothing told of this place (a label of another table's, glued parts): with a label the
    // form does not have before it, the whole group is unproven, as it was found first.
    const unread = () => (why === null ? 'unread' : { why });
    // A label of another of the table's columns, no place of this form row's (上年项目数量, a part
    // of the 2019 licensing block's 上一年项目数量, over 2021's 本年制发件数). It tells nothing only
    // when nothing else ties the row to this form row (another sub-table's header over these rows,
    // header rows run together); when another place names its own label exactly, the row is this
    // form row's header, and this place names a column that is not the form's there: unknown.
    // A lead ties only a one-column sub-table's header (its one place has no other to tie it):
    // a lead before several places may be another sub-table's header over these rows (2019's
    // 信息内容 | 本年新制作数量 | … above the 上一年项目数量 block when that block prints none).
    const anchored =
      (led && f.length === 1) || cells.some((o, i) => i !== j && o && namesLabel(o, f[i]!.label) === 'exact');
    // A label of the table's own forms (法人或其他组织 of 三's two-row header, over a flattened
    // row's 商业企业) is another row of the header run together: it tells nothing, as before.
    const ownLabel = own.some((l) => namesLabel(c, l));
    // …but not where every other place names its own label exactly: then the group's label
    // stands as a column of its own, a subtotal where the form has 其他 (自然人 | 商业企业 | … |
    // 法律服务机构 | 法人或其他组织 | 总计: a fresh tester's t67), a column the form does not have.
    const inPlace = cells.every((o, i) => i === j || (o && namesLabel(o, f[i]!.label) === 'exact'));
    if (inPlace && exact[j]!.some((l) => !places.includes(l))) {
      notTheForms();
      continue;
    }
    if ((exact[j]!.length || labels.some((l) => namesLabel(c, l))) && (!anchored || ownLabel)) return unread();
    // The label with a part of another of the header's glued to it (人商业企业: 自然人's last
    // character run into the cell below it in a PDF's text).
    const rest = loose(c).split(loose(f[j]!.label));
    if (rest.length === 2 && own.some((l) => rest.every((r) => !r || inOrder(r, loose(l))))) return unread();
    if (f[j]!.group) continue;
    notTheForms();
  }
  if (why === null) return null;
  return { why, unknown: [...unknown, ...unsure].sort((x, y) => x - y) };
}
