import stringWidth from 'string-width';
import { Random } from './random.ts';

/**
 * A table drawn as a pandoc grid table (markdown style, `grid` quirk): `+---+` borders, `=`
 * under the first row, and each cell's text wrapped inside its column, so a long label takes
 * several lines:
 *
 *     | 一、本年新收政府信息公 | 21     |
 *     | 开申请数量             |        |
 *
 * Widths are display columns, as pandoc draws them (a CJK character is two wide). Chinese is
 * broken between any two characters; other text only at spaces, and a column is never narrower
 * than its longest word (a number is never cut), as pandoc's layout does.
 */
export function gridTable(rows: string[][], rng: Random): string[] {
  const w = Math.max(...rows.map((r) => r.length));
  const padded = rows.map((r) => [...r, ...Array<string>(w - r.length).fill('')]);
  const widths = Array.from({ length: w }, (_, j) => {
    const col = padded.map((r) => r[j]!);
    const longestWord = Math.max(1, ...col.flatMap(words).map((t) => stringWidth(t)));
    const natural = Math.max(1, ...col.map((c) => stringWidth(c)));
    // The label column is kept narrow (most wrapping happens there); the others a little.
    const cap = j === 0 ? rng.int(8, 22) : rng.int(4, 12);
    return Math.max(longestWord, Math.min(natural, cap));
  });
  const border = (ch: string) => `+${widths.map((n) => ch.repeat(n + 2)).join('+')}+`;
  // A wrapped cell's further lines with their first bar lost (a space for it), in some tables: a
  // side stream from the widths drawn, so the main one stays (a fresh tester's fuzzer: the unit
  // on such a line was dropped).
  const barLost = new Random(widths.reduce((a, n) => (a * 31 + n) % 2147483647, 17) + 1).chance(0.2);
  const out = [border('-')];
  padded.forEach((r, i) => {
    const wrapped = r.map((c, j) => wrap(c, widths[j]!));
    const height = Math.max(...wrapped.map((l) => l.length));
    for (let k = 0; k < height; k++)
      out.push(
        `${k > 0 && barLost ? ' ' : '|'}${wrapped.map((l, j) => ` ${padTo(l[k] ?? '', widths[j]!)} `).join('|')}|`,
      );
    out.push(border(i === 0 ? '=' : '-'));
  });
  return out;
}

/** Breakable units: each wide (CJK) character alone, other text in runs between spaces. */
function words(s: string): string[] {
  return s.split(/\s+/).filter(Boolean).flatMap(splitWide);
}

function splitWide(run: string): string[] {
  const out: string[] = [];
  let narrow = '';
  for (const ch of run) {
    if (stringWidth(ch) === 2) {
      if (narrow) out.push(narrow);
      narrow = '';
      out.push(ch);
    } else narrow += ch;
  }
  if (narrow) out.push(narrow);
  return out;
}

/** Greedy wrap into lines of at most `width` display columns. */
function wrap(s: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const part of s.split(/(\s+)/)) {
    if (!part) continue;
    if (/^\s+$/.test(part)) {
      if (line && stringWidth(line) + 1 <= width) line += ' ';
      continue;
    }
    for (const t of splitWide(part)) {
      if (line && stringWidth(line) + stringWidth(t) > width) {
        lines.push(line.trimEnd());
        line = '';
      }
      line += t;
    }
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}

function padTo(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - stringWidth(s)));
}
