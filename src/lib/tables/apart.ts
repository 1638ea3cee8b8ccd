import type { Line } from '../decode/lines.ts';

/**
 * A section printing its form's table twice, each under words of its own — 上年同期情况： / a
 * table / 本年度情况： / the table again; 为便于比较，现将2022年度…情况列示如下： / last year's table
 * after the year's; 局属某中心…情况如下： / a unit's table beside the agency's — as the lines of
 * each table apart, each with the words over it. Each is then a copy of its own, judged by those
 * words (periods.ts, other-unit.ts): read as one table, every row label stood twice and the whole
 * table was NULL (a fresh tester's t116 L01–L06: 175 cells of 三 lost beside a proven caption).
 *
 * A new part begins only where the table starts again: after rows, words saying what follows (a
 * caption: 情况, 如下：, 表2; not a page's running title) and then the form's header again,
 * with a header line or a row label the part before already printed. Notes right after a table (注：…, 以上为…) stay with it. Returns
 * `[lines]` when the section prints its table once.
 */
export function tablesApart(lines: Line[]): Line[][] {
  const parts: Line[][] = [];
  let part: Line[] = [];
  // The part's signatures: its header lines and its rows' labels, squashed.
  let seen = new Set<string>();
  let rows = 0;
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (rows > 0 && !isRow(l.text) && l.text.trim()) {
      if (restartAt(lines, i, seen)) {
        // The notes right after the table are its own; the caption on begins the next part.
        let j = i;
        for (; j < lines.length && (!lines[j]!.text.trim() || NOTE.test(lines[j]!.text)); j++) part.push(lines[j]!);
        parts.push(part);
        part = [];
        seen = new Set();
        rows = 0;
        i = j - 1;
        continue;
      }
    }
    part.push(l);
    const sig = signature(l.text);
    if (sig) seen.add(sig);
    if (isRow(l.text)) rows++;
  }
  parts.push(part);
  return parts.filter((p) => p.some((l) => isRow(l.text)));
}

/**
 * Whether the table starts again from the non-row line `at` on: the run of non-row lines there
 * holds a caption (words of no header, no border, no note) and a header line, and a header line
 * or one of the next three rows' labels is one `seen` already.
 */
function restartAt(lines: Line[], at: number, seen: Set<string>): boolean {
  let end = at;
  while (end < lines.length && !isRow(lines[end]!.text)) end++;
  if (end >= lines.length) return false;
  const run = lines.slice(at, end).filter((l) => l.text.trim());
  const caption = run.some(
    (l) =>
      !HEADER.test(l.text) &&
      !l.text.includes('|') &&
      !NOTE.test(l.text) &&
      CAPTION.test(l.text) &&
      !TITLE.test(l.text),
  );
  const header = run.some((l) => HEADER.test(l.text)) || HEADER.test(lines[end]!.text);
  // (A note closing the table before, 注：上表为2022年度数据。, ends it as a caption would begin the next.)
  const closed = run.some((l) => NOTE.test(l.text));
  if (!(caption || closed) || !header) return false;
  return [...run, ...lines.slice(end, end + 3).filter((l) => isRow(l.text))].some((l) => {
    const sig = signature(l.text);
    return sig !== null && seen.has(sig);
  });
}

/** A table's row: a value after a cell border, or three numbers apart. */
function isRow(text: string): boolean {
  return (/\|/.test(text) && /\d/.test(text)) || THREE_NUMBERS.test(text);
}
const THREE_NUMBERS = /(?:^|\s)\d+(?:\.\d+)?(?:\s+\d+(?:\.\d+)?){2,}(?:\s|$)/;

/**
 * What identifies a line of the form's table: a row's label (the text before its first border or
 * number), or a header line's whole text; null for other lines and labels of no word.
 */
function signature(text: string): string | null {
  const s = text.replace(/[\s\u3000]+/g, '');
  if (isRow(text)) {
    const label = (text.includes('|') ? text.split('|')[0]! : text.split(/(?:^|\s)\d/)[0]!).replace(/[\s\u3000]+/g, '');
    return /[\u4e00-\u9fff]{2}/.test(label) ? `row:${label}` : null;
  }
  return HEADER.test(text) ? `head:${s}` : null;
}

/**
 * Words over a table saying what it is: ending in a colon or 如下, naming 情况 or 数据, a table's
 * number (表2), ending in a year (（二）2023年度). Not an item's number alone: a PDF's wrapped row label (（四）3.补) is none.
 */
const CAPTION = /[:：]\s*$|如下|情况|数据|季度|半年|^\s*表\s*[\d一二三四五六七八九十]|(?:19|20)\d{2}\s*年度?\s*$/;
/**
 * A report's title (a page's running header between a table's two pages), or a table continued
 * (续表, 表2（续）): no caption of another table.
 */
const TITLE = /(?:年度报告|年报)\s*$|续表|[（(]\s*续\s*[)）]|^\s*续[:：]?\s*$/;
/** Words only a header of the form's tables has (二's, 三's, 四's). */
const HEADER =
  /信息内容|第二十条|申请人情况|勾稽关系|自然人|法人或其他组织|商业企业|行政复议|行政诉讼|结果维持|结果纠正/;
/** A note about the table above it: 注：…, 说明：…, 以上为…, 上表…, （以上…）. */
const NOTE = /^\s*[（(]?\s*(?:注|说明|备注|附注|以上|上表|本表|上述|数据来源|资料来源)/;

/**
 * `lines` without the sentences over or among the table (申请人中，自然人占多数，法律服务机构、商业企业
 * 次之。 / 本年度共发生行政诉讼案件11件、行政复议案件17件，具体如下：): a sentence naming the
 * form's column words was read as the header, in another order than the form's, and the whole
 * table left NULL (t116 L07–L11). A sentence: no cell border, no run of three numbers, ending in
 * 。！？；, or introducing what follows (如下：, a colon) with a comma or a full stop in it.
 * Only for reading 三's and 四's cells: the words are still read by the rules of whose and which
 * period (the copy's own lines), and 二's unit statements (金额单位为元。) stay with its table.
 */
export function withoutProse(lines: Line[]): Line[] {
  return lines.filter((l) => !isSentence(l.text));
}

function isSentence(text: string): boolean {
  const t = text.trim();
  return (
    !t.includes('|') &&
    !THREE_NUMBERS.test(t) &&
    (/[。！？；]$/.test(t) || (/[，,。]/.test(t.slice(0, -1)) && /(?:如下\s*[:：]?|[:：])$/.test(t)))
  );
}
