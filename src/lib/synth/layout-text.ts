import type { Random } from './random.ts';

/**
 * Rows of a table as `pdftotext -layout` writes them from a PDF whose label column is narrow:
 *
 *     （三）2.其他法      0       2       0       0       1       0       3
 *     律行政法规禁止
 *     公开
 *
 * The label wraps every `width` characters; the numbers stand on the first piece's line, each
 * right-aligned in a column of its own; an empty line follows each row. A row of one cell (a
 * label glued to its digits) is written as it is.
 *
 * `numbersAt`: the numbers on the middle piece's line (a cell centred vertically) or the last
 * piece's (aligned to the bottom), the label's other pieces above and below them:
 *
 *     （六）2.申请人逾
 *     期未按收费通知要      0       0       1       0       0       3       4
 *     求缴纳费用、行政
 */
export function layoutRows(
  rows: string[][],
  rng: Random,
  numbersAt: 'first' | 'middle' | 'last' = 'first',
  wrapped?: WrappedNumber,
  header?: readonly string[],
): string[] {
  const width = rng.int(5, 8);
  const col = rng.int(6, 9);
  const out: string[] = header ? layoutHeader(header, width * 2 + 2, col) : [];
  rows.forEach(([label = '', ...cells], i) => {
    if (!cells.length) {
      out.push(label, '');
      return;
    }
    const pieces: string[] = [];
    for (let k = 0; k < label.length; k += width) pieces.push(label.slice(k, k + width));
    const at =
      numbersAt === 'first' ? 0 : numbersAt === 'last' ? pieces.length - 1 : Math.round((pieces.length - 1) / 2);
    const shown = displayWidth(pieces[at]!);
    const lead = `${pieces[at]}${' '.repeat(Math.max(2, width * 2 + 2 - shown))}`;
    const w = wrapped?.row === i ? wrapped : null;
    const cut = w ? cells[w.cell]! : '';
    const numbers = cells
      .map((c, k) => (w && k === w.cell ? (w.above ? cut.slice(-1) : cut.slice(0, -1)) : c).padStart(col))
      .join('');
    const edge = displayWidth(lead) + col * (w?.cell ?? 0) + col - 1;
    const after = pieces.slice(at + 1);
    const line = (text: string, digits: string) =>
      `${text}${' '.repeat(Math.max(2, edge - displayWidth(text) - digits.length + 1))}${digits}`;
    if (w?.above) {
      // The first digits on the line above, under the cell's right edge (a cell set to its
      // bottom); `beside`: on the line of the row above's last label piece.
      const blank = out.length > 0 && out[out.length - 1] === '';
      const piece = w.beside && blank && out.length > 1 && !/\d/.test(out[out.length - 2]!) ? out[out.length - 2]! : '';
      if (piece) out.splice(-2, 2);
      out.push(line(piece, cut.slice(0, -1)), ...pieces.slice(0, at), `${lead}${numbers}`, ...after, '');
      return;
    }
    // The wrapped number's last digit, under its cell's right edge, on a line of its own or
    // (`beside`) on the line of the label's next piece.
    const beside = w?.beside && after.length ? after.shift()! : '';
    const rest = w ? [line(beside, cut.slice(-1))] : [];
    out.push(...pieces.slice(0, at), `${lead}${numbers}`, ...rest, ...after, '');
  });
  return out;
}

/**
 * A number too wide for its cell, wrapped (a PDF's narrow cell: 1019 as 101 on the row's line and
 * 9 on the line below, pdftotext -layout keeping both): the `cell`-th value (0 = the first after
 * the label) of the `row`-th row (an index into the rows). Its value, and which row the digit below belongs to,
 * are not proven (tables/rows.ts: the row's cells are NULL).
 */
export interface WrappedNumber {
  row: number;
  cell: number;
  /** The digit below stands beside the rest of the wrapped label (t40: `办理结果  ２  ９`). */
  beside?: boolean;
  /**
   * The first digits stand on the line above and the last on the row's (a cell set to its
   * bottom); with `beside`, on the line of the row above's last label piece (t40: `（五）不予  5
   * 3  8` over `处理  5.要求…  0  0  4  4  0  0  8`).
   */
  above?: boolean;
}

/** Display width: a CJK character takes two columns, as in pdftotext's output. */
const displayWidth = (s: string) => [...s].reduce((n, c) => n + (c.charCodeAt(0) > 0x2e7f ? 2 : 1), 0);

/**
 * 三's header as `pdftotext -layout` writes a PDF's whose header cells are narrow: each column's
 * label (`labels`, in the order printed, one per value column) centred over its column, wrapped
 * every three characters (four for a label of six: 社会公益 over 组织), the first pieces on one
 * line, the rests on the next; 法人或其他组织 centred over the columns between the first and the
 * last (the real 淮安 2024 report's shape):
 *
 *                               法人或其他组织
 *     自然人   商业企   科研机  社会公益  法律服务   其他    总计
 *              业       构      组织      机构
 *
 * `lead`: where the first column starts (display columns); `col`: each column's width.
 */
export function layoutHeader(labels: readonly string[], lead: number, col: number): string[] {
  // A label letter-spaced (`自 然 人`) stands on one line.
  const pieces = labels.map((l) => {
    const n = l.length === 6 ? 4 : 3;
    return l.length > n && !l.includes(' ') ? [l.slice(0, n), l.slice(n)] : [l];
  });
  const centre = (k: number) => lead + col * k + Math.floor(col / 2);
  const orgs = '法人或其他组织';
  return [
    line([[Math.floor((centre(1) + centre(labels.length - 2)) / 2), orgs]]),
    line(pieces.map((p, k) => [centre(k), p[0]!])),
    line(pieces.flatMap((p, k) => (p[1] ? [[centre(k), p[1]] as [number, string]] : []))),
    '',
  ];
}

/** Words each centred at a display column, left to right, one space at least between them. */
function line(words: ReadonlyArray<readonly [number, string]>): string {
  let text = '';
  for (const [mid, w] of words) {
    const at = Math.max(displayWidth(text) + (text ? 1 : 0), mid - Math.floor(displayWidth(w) / 2));
    text += ' '.repeat(at - displayWidth(text)) + w;
  }
  return text;
}

/**
 * 四's 行政诉讼 blocks' labels (layoutReview) as a report words them, null for none over its block
 * (`直接起诉`, `经复议后起诉`, one of them only), and whether the two blocks stand in each other's
 * place, labels and values (the truth by meaning: a reader must place each block by its label or
 * place none).
 */
export interface ReviewGroups {
  direct: string | null;
  after: string | null;
  swapped: boolean;
}

/** How one block of 四's header writes its five labels (layoutReview). */
export type ReviewBlockMode = 'whole' | 'broken' | 'spaced';

const REVIEW_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

/**
 * 四 as `pdftotext -layout` writes a PDF's: 行政复议 over the first block, 行政诉讼 over the
 * other two, 未经复议直接起诉 and 复议后起诉 over theirs, then each block's five labels centred
 * over their columns, a block's labels whole (`结果维持`), broken over two lines (`结果` over
 * `维持`, 总计 on the first) or letter-spaced (`结 果 维 持`) as `modes` says, and the fifteen
 * `values` centred under them. `swap`: two columns (indexes into the fifteen) in each other's
 * place, labels and values both (the header then names them in another order than the form's).
 * `col`: each column's width, 14 display columns or more (a letter-spaced label takes 11, and
 * labels one space apart would read as one letter-spaced run).
 */
export function layoutReview(
  values: readonly string[],
  modes: readonly ReviewBlockMode[],
  col: number,
  swap?: readonly [number, number],
  groups: ReviewGroups = { direct: '未经复议直接起诉', after: '复议后起诉', swapped: false },
): string[] {
  const lead = 2;
  const centre = (k: number) => lead + col * k + Math.floor(col / 2);
  const order = values.map((_, k) => k);
  if (swap) [order[swap[0]], order[swap[1]]] = [swap[1], swap[0]];
  // The 行政诉讼 blocks in each other's place, their labels over them (`groups.swapped`).
  if (groups.swapped) for (let j = 5; j < 10; j++) [order[j], order[j + 5]] = [order[j + 5]!, order[j]!];
  const labels = order.map((k) => {
    const label = REVIEW_LABELS[k % 5]!;
    const mode = modes[Math.floor(k / 5)] ?? 'whole';
    if (mode === 'spaced') return [[...label].join(' ')];
    return mode === 'broken' && label.length === 4 ? [label.slice(0, 2), label.slice(2)] : [label];
  });
  const below = labels.flatMap((l, k) => (l[1] ? [[centre(k), l[1]] as const] : []));
  return [
    line([
      [centre(2), '行政复议'],
      [Math.floor((centre(5) + centre(14)) / 2), '行政诉讼'],
    ]),
    '',
    line(
      (groups.swapped ? [groups.after, groups.direct] : [groups.direct, groups.after]).flatMap((w, b) =>
        w ? [[centre(7 + 5 * b), w] as const] : [],
      ),
    ),
    '',
    line(labels.map((l, k) => [centre(k), l[0]!] as const)),
    ...(below.length ? [line(below)] : []),
    '',
    line(order.map((k, j) => [centre(j), values[k]!] as const)),
    '',
  ];
}
