import { activeRows2019, activeRows2021, requestRows2019, requestRows2021 } from '../template/definitions.ts';
import { makeLine, type Line } from './lines.ts';
import { normalizeLine } from './normalize.ts';

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
 */

const squash = (s: string) => s.replace(/\s+/g, '');
/** Template labels without numbering, normalised like line text, spaces removed. */
const LABELS = [
  ...new Set(
    [...requestRows2019, ...requestRows2021, ...activeRows2019, ...activeRows2021].map((d) =>
      squash(normalizeLine(stripNumber(d.label)).text),
    ),
  ),
];

function stripNumber(s: string): string {
  return s.replace(
    /^\s*(?:[(（][一二三四五六七八九十][)）])?\s*(?:\d{1,2}\s*[.、．]|[一二三四五六七八九十]\s*、)?/,
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

export function joinWrappedLabels(lines: Line[]): Line[] {
  const out: Line[] = [];
  const used = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    if (used.has(i)) continue;
    const A = lines[i]!;
    // Cheap exits first (this runs on every line of every table): a row with cells, or a `|`
    // row (no template label holds a `|`), or a line that cannot end in a value and whose text
    // no template label goes on from.
    if (A.cells || A.text.includes('|')) {
      out.push(A);
      continue;
    }
    const sa = split(A);
    const a = squash(stripNumber(sa.text));
    // A label piece with no numbers, that a template label goes on from.
    if (A.cells || sa.values > 0 || !continues(a) || LABELS.some((L) => L.endsWith(a))) {
      out.push(A);
      continue;
    }
    let valuesLine = -1;
    let cont = -1;
    const skipped: number[] = [];
    for (let j = i + 1; j < lines.length && j <= i + 6; j++) {
      const B = lines[j]!;
      if (B.cells) break;
      const sb = split(B);
      if (!B.text.trim()) continue;
      if (!sb.text && sb.values > 0) {
        if (valuesLine >= 0) break;
        valuesLine = j;
        continue;
      }
      if (continues(a + squash(sb.text))) {
        cont = j;
        break;
      }
      // A short piece of another label (a vertical group label) may sit in between.
      if (sb.values === 0 && squash(sb.text).length <= 4) {
        skipped.push(j);
        continue;
      }
      break;
    }
    if (cont < 0) {
      out.push(A);
      continue;
    }
    const C = lines[cont]!;
    const sc = split(C);
    if (sc.values === 0 && valuesLine < 0) {
      // Two pieces of one label and no number (reading order): one label line.
      for (const j of skipped) out.push(lines[j]!);
      out.push(makeLine(A.no, `${A.raw.trim()}${C.raw.trim()}`));
      for (const j of [...skipped, cont]) used.add(j);
      continue;
    }
    // Numbers both between and after the pieces: which are the row's is not proven.
    if (sc.values > 0 && valuesLine >= 0) {
      out.push(A);
      continue;
    }
    const V = sc.values > 0 ? C : lines[valuesLine]!;
    const vRaw = V === C ? C.raw.slice(rawAt(C, sc.at)) : V.raw;
    const joined = `${A.raw.trim()}${C.raw.slice(0, rawAt(C, sc.at)).trim()}  ${vRaw.trim()}`;
    for (const j of skipped) out.push(lines[j]!);
    out.push(makeLine(V.no, joined));
    for (const j of [...skipped, cont, valuesLine]) if (j >= 0) used.add(j);
  }
  return out;
}

function rawAt(l: Line, i: number): number {
  return l.map ? (l.map[i] ?? l.raw.length) : i;
}
