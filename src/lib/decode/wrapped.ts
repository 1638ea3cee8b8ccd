import { activeRows2019, activeRows2021, requestRows2019, requestRows2021 } from '../template/definitions.ts';
import { makeLine, type Line } from './lines.ts';
import { normalizeLine } from './normalize.ts';
import { toSimplified } from './script.ts';

/**
 * Long row labels wrapped around the line that holds their numbers, as `pdftotext -layout`
 * writes them:
 *
 *     5.要求行政机关确认或重新出
 *                          1    0    0    0    0    0    1
 *     具已获取信息
 *
 * The pieces are joined into one line, label then numbers, only when the joined text is a
 * piece of one template label (确认或重新出 + 具已获取信息 is in 要求行政机关确认或重新出具已获取信息):
 * then the numbers between or beside the pieces provably belong to that label. Short pieces of
 * a vertical group label in between (（六）其 / 他处理) are skipped over and kept.
 *
 * A narrow label column wraps the other way too: the numbers on the label's first line and
 * the rest of the label on the lines right below, with no numbers (joinTrailingPieces).
 */

const squash = (s: string) => s.replace(/\s+/g, '');
/**
 * The forms' full wordings where the template's label is shortened: 部分公开's note is part of
 * the printed label, and the longest one to wrap (three lines in a narrow column).
 */
const FULL_WORDINGS = ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）'];
/** Template labels without numbering, normalised like line text, spaces removed. */
const LABELS = [
  ...new Set(
    [
      ...[...requestRows2019, ...requestRows2021, ...activeRows2019, ...activeRows2021].map((d) => d.label),
      ...FULL_WORDINGS,
    ].map((l) => squash(normalizeLine(stripNumber(l)).text)),
  ),
];

function stripNumber(s: string): string {
  return s.replace(
    /^\s*(?:[(（][一二三四五六七八九十][)）])?\s*(?:(?:不予公开|无法提供|不予处理|其他处理)\s*(?=\d))?(?:\d{1,2}\s*[.、．]|[一二三四五六七八九十]\s*、)?/,
    '',
  );
}

interface Split {
  text: string;
  /** Normalised index where the trailing values start (text.length when none). */
  at: number;
  values: number;
}

const VALUE = /^(?:[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:万元|元|件)?|\/|-{1,2}|—{1,2}|无)$/;

/** A line's text part and its trailing whitespace-separated values. */
/** Characters a value can end with (VALUE): any other last character means no values. */
const VALUE_END = /[\d/\-—无元件]$/;

function split(l: Line): Split {
  const end = l.text.trimEnd();
  if (!VALUE_END.test(end)) return { text: end.trim(), at: end.length, values: 0 };
  const parts = end.split(/(\s+)/);
  let k = parts.length;
  let values = 0;
  while (k > 0) {
    const p = parts[k - 1]!;
    if (/^\s+$/.test(p)) {
      k--;
      continue;
    }
    if (!VALUE.test(p)) break;
    values++;
    k--;
  }
  const at = parts.slice(0, k).join('').length;
  return { text: l.text.slice(0, at).trim(), at, values };
}

const continues = (piece: string) => piece.length >= 4 && LABELS.some((L) => L.includes(piece));

/**
 * Line `a` a label alone before one `|` (no digit), line `b` the label's rest before its `|` cells:
 * the two as one row on `b`'s line, when the label's pieces joined are a piece of a template
 * label; else null.
 */
function pipeLabelWrapped(a: Line, b: Line | undefined): Line | null {
  if (!b || !a.text.includes('|') || /\d/.test(a.text)) return null;
  const head = /^\s*([^|]+?)\s*\|\s*$/.exec(a.raw);
  const rest = /^\s*([^|\d]+?)\s*\|(.*\d.*)$/.exec(b.raw);
  if (!head || !rest) return null;
  const label = squash(stripNumber(normalizeLine(head[1]! + rest[1]!).text));
  if (!continues(label)) return null;
  return makeLine(b.no, `${head[1]!}${rest[1]!} |${rest[2]!}`);
}

export function joinWrappedLabels(lines: Line[]): Line[] {
  const out: Line[] = [];
  const used = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (used.has(i)) continue;
    const A = lines[i]!;
    // A `|` row whose label wrapped at its border (`（二）部分公开（区分处理的，只计这一情形，不计 |` over
    // `其他情形） | 17 | 8 | …`: t117, the row lost): one row, when the pieces are one template label's.
    const wrapped = pipeLabelWrapped(A, lines[i + 1]);
    if (wrapped) {
      out.push(wrapped);
      used.add(i + 1);
      continue;
    }
    // Cheap exits first (this runs on every line of every table): a row with cells, or a `|`
    // row (no template label holds a `|`), or a line that cannot end in a value and whose text
    // no template label goes on from.
    if ((A.cells && !A.layoutCells) || A.text.includes('|')) {
      out.push(A);
      continue;
    }
    const sa = split(A);
    const a = squash(stripNumber(sa.text));
    const trailing = sa.values > 0 ? joinTrailingPieces(lines, i, sa, a) : null;
    if (trailing) {
      out.push(trailing.line);
      for (let j = i + 1; j <= trailing.last; j++) used.add(j);
      continue;
    }
    // A label piece with no numbers, that a template label goes on from; or a row's numbering
    // with at most a few characters after it (`（三）1.`, `（一）予以`), which a template label starts
    // with: then the pieces must make that whole label, as numbered.
    const short = a.length < 4 && ROW_START.test(sa.text) && LABELS.some((L) => L !== a && L.startsWith(a));
    if (A.cells || sa.values > 0 || (!short && (!continues(a) || LABELS.some((L) => L.endsWith(a))))) {
      out.push(A);
      continue;
    }
    // A `|` row whose first cell is the rest of A's label (`（二）部分公开（区分处理的，只计这一情形，`
    // over `不计其他情形） | 41 | 2 | …`: a crawler's text of a cell with a line break in its
    // label; a fifth fresh tester's, both rows NULL): A joined into that cell, when together
    // they are one whole template label, numbered as the template numbers it.
    const piped = pipedRest(lines, i, a, sa.text);
    if (piped) {
      out.push(piped.line);
      used.add(piped.at);
      continue;
    }
    // The pieces that go on from A, in order, and the one place the row's numbers stand: a line
    // of numbers alone, or the numbers after a piece. A label set in a narrow cell wraps over
    // three or four lines with its numbers beside a middle one (`（六）2.申请人逾期未按` /
    // `收费通知要求缴纳费用、行` / `政机关不再处理其政府信息  0 0 1 0 0 3 4` / `公开申请`).
    let valuesLine = -1;
    const pieces: number[] = [];
    const skipped: number[] = [];
    let text = a;
    let clash = false;
    for (let j = i + 1; j < lines.length && j <= i + 8; j++) {
      const B = lines[j]!;
      if (B.cells && !B.layoutCells) break;
      const sb = split(B);
      if (!B.text.trim()) continue;
      if (!sb.text && sb.values > 0) {
        if (valuesLine >= 0) break;
        valuesLine = j;
        continue;
      }
      const next = text + squash(sb.text);
      if (short ? LABELS.some((L) => L.startsWith(next)) : continues(next)) {
        // Numbers both between and after the pieces: which are the row's is not proven.
        if (sb.values > 0 && valuesLine >= 0) {
          clash = true;
          break;
        }
        if (sb.values > 0) valuesLine = j;
        pieces.push(j);
        text += squash(sb.text);
        continue;
      }
      // A short piece of another label (a vertical group label) may sit in between, before the
      // label's second piece.
      if (!pieces.length && sb.values === 0 && squash(sb.text).length <= 4) {
        skipped.push(j);
        continue;
      }
      break;
    }
    if (clash || !pieces.length || (short && !(LABELS.includes(text) && sameNumbering(sa.text, text)))) {
      out.push(A);
      continue;
    }
    // A line of numbers alone after the last piece is no number of this label's (the next row's).
    if (valuesLine > pieces.at(-1)! && !pieces.includes(valuesLine)) valuesLine = -1;
    const label = pieces.map((j) => {
      const L = lines[j]!;
      return j === valuesLine ? L.raw.slice(0, rawAt(L, split(L).at)).trim() : L.raw.trim();
    });
    for (const j of skipped) out.push(lines[j]!);
    if (valuesLine < 0) {
      // Pieces of one label and no number (reading order): one label line.
      out.push(remake(A.no, `${A.raw.trim()}${label.join('')}`, pieces.map((j) => lines[j]!).concat(A)));
    } else {
      const V = lines[valuesLine]!;
      const vRaw = pieces.includes(valuesLine) ? V.raw.slice(rawAt(V, split(V).at)) : V.raw;
      out.push(
        remake(V.no, `${A.raw.trim()}${label.join('')}  ${vRaw.trim()}`, [A, V, ...pieces.map((j) => lines[j]!)], {
          label: `${A.raw.trim()}${label.join('')}`,
          line: V,
        }),
      );
    }
    for (const j of [...skipped, ...pieces, valuesLine]) if (j >= 0) used.add(j);
  }
  return out;
}

/** A new row's numbering at a line's head: （三）, 2., 2、, 四、. */
const NUMBERING =
  /^\s*(?:[(（]([一二三四五六七八九十])[)）])?\s*(?:(?:不予公开|无法提供|不予处理|其他处理)\s*(?=\d))?(?:(\d{1,2})\s*[.、．]|([一二三四五六七八九十])\s*、)?/;
/** The group （三） and item 2. of a line's numbering; null when it has none. */
function numbering(s: string): { group?: string; item?: string } | null {
  const m = NUMBERING.exec(normalizeLine(s).text.replace(/\(/g, '（').replace(/\)/g, '）'));
  if (!m?.[0].trim()) return null;
  return { group: m[1], item: m[2] ?? m[3] };
}
/** Numbering of each template label (squashed, without numbering), as the template writes it. */
const NUMBERED = new Map<string, Array<ReturnType<typeof numbering>>>();
for (const label of [...requestRows2019, ...requestRows2021].map((d) => d.label).concat(FULL_WORDINGS)) {
  const k = squash(normalizeLine(stripNumber(label)).text);
  NUMBERED.set(k, [...(NUMBERED.get(k) ?? []), numbering(label)]);
}
/** The line's numbering is the template's for that label: same item, and same group when both say one. */
function sameNumbering(line: string, label: string): boolean {
  const n = numbering(line);
  return (NUMBERED.get(label) ?? []).some(
    (d) => !!n && !!d && n.item === d.item && (!n.group || !d.group || n.group === d.group),
  );
}
const ROW_START = /^\s*(?:[(（][一二三四五六七八九十][)）]|\d{1,2}\s*[.、．]|[一二三四五六七八九十]\s*、)/;

/**
 * `（三）2.其他法   0  2  0 …` followed by `律行政法规禁止` and `公开`: the pieces are joined
 * only when they make exactly one whole template label, each piece a line right below with
 * no numbers and no numbering of its own, every partial join still the start of a label. The
 * first piece alone must not be a whole label (`3.其他` keeps its own text). A long label in a
 * narrow column takes up to a dozen lines (the bound only keeps the search short). Any other line
 * ends the search and leaves everything as it was.
 */
function joinTrailingPieces(lines: Line[], i: number, sa: Split, a: string): { line: Line; last: number } | null {
  // Only the numbering on the first line (（三）1.) is a start too: the pieces must still make one
  // whole label on their own.
  if (!a && !ROW_START.test(sa.text)) return null;
  if (!LABELS.some((L) => L !== a && L.startsWith(a))) return null;
  // A first piece that is a whole label itself (其他) goes on only into a label numbered as the
  // line is: （三）2.其他 + 法律行政法规禁止公开, （六）其他 + 处理; 3.其他 is 2021's row and keeps its text.
  const whole = LABELS.includes(a);
  if (whole && !numbering(sa.text)) return null;
  const A = lines[i]!;
  let text = a;
  const pieces: string[] = [];
  for (let j = i + 1; j < lines.length && j <= i + 12; j++) {
    const B = lines[j]!;
    if (B.cells || !B.text.trim() || ROW_START.test(B.text)) return null;
    if (split(B).values > 0) return null;
    const piece = squash(B.text);
    text += piece;
    if (!LABELS.some((L) => L.startsWith(text))) return null;
    pieces.push(B.raw.trim());
    // A whole label that no longer label goes on from, or whose next line adds nothing to it.
    if (LABELS.includes(text) && (!whole || sameNumbering(sa.text, text))) {
      const next = lines[j + 1];
      const more = next && next.text.trim() && !ROW_START.test(next.text) && split(next).values === 0;
      if (!more || !LABELS.some((L) => L !== text && L.startsWith(text + squash(next.text)))) {
        const head = A.raw.slice(0, rawAt(A, sa.at)).trim();
        const values = A.raw.slice(rawAt(A, sa.at)).trim();
        return {
          line: remake(A.no, `${head}${pieces.join('')}  ${values}`, lines.slice(i, j + 1), {
            label: `${head}${pieces.join('')}`,
            line: A,
          }),
          last: j,
        };
      }
    }
  }
  return null;
}

/**
 * A joined line, normalised again from its raw text; when a source line's text was folded
 * from traditional script (script.ts, one character for one), the joined text is folded too.
 */
function remake(no: number, raw: string, from: Line[], cells?: { label: string; line: Line }): Line {
  const l = makeLine(no, raw);
  const folded = from.some((f) => f.text !== normalizeLine(f.raw).text);
  // The numbers' line is a row of cells placed by position (layout-cells.ts): the joined label is
  // its label cell, its value cells kept as they are.
  if (cells?.line.layoutCells && cells.line.cells && !folded) {
    const label = { raw: cells.label, text: makeLine(no, cells.label).text.trim(), no };
    return {
      ...makeLine(no, raw, [label, ...cells.line.cells.slice(1)]),
      grid: true,
      layoutCells: true,
      rebuilt: true,
    };
  }
  return folded ? { ...l, text: toSimplified(l.text), rebuilt: true } : { ...l, rebuilt: true };
}

function rawAt(l: Line, i: number): number {
  return l.map ? (l.map[i] ?? l.raw.length) : i;
}

/**
 * The `|` row right after line `i` (blank lines aside) whose first cell finishes the label `a`
 * (A's text, numbering stripped, squashed; `numbered`: as A writes it) into one whole template
 * label with the template's numbering: that row with A's text in front of its first cell, or
 * null. A row opening with `|` (markdown's) has no such cell.
 */
function pipedRest(lines: Line[], i: number, a: string, numbered: string): { line: Line; at: number } | null {
  let j = i + 1;
  while (j < lines.length && !lines[j]!.text.trim()) j++;
  const B = lines[j];
  if (!B || B.cells || !B.text.includes('|') || /^\s*\|/.test(B.text)) return null;
  const first = squash(B.text.slice(0, B.text.indexOf('|')));
  const label = a + first;
  // Numbered as the template numbers it; 二's labels, numbered nowhere, with no numbering at all
  // (`行政规范` over `性文件 | 23 | 8 | 147 |`: an eighth fresh tester's, both rows NULL).
  const numberedRight = NUMBERED.has(label) ? sameNumbering(numbered, label) : numbering(numbered) === null;
  if (!first || /\d/.test(first) || !LABELS.includes(label) || !numberedRight) return null;
  return { line: remake(B.no, `${lines[i]!.raw.trim()}${B.raw.trimStart()}`, [lines[i]!, B]), at: j };
}
