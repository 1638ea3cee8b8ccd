import { htmlToLines } from './html.ts';
import type { Line } from './lines.ts';

/**
 * HTML tables inside a text file. MinerU, the usual converter of Chinese PDFs to markdown, writes
 * every table as an HTML `<table>` (its spans as rowspan and colspan), and pandoc does for a table
 * with spanned cells; crawlers save the result as .md or .txt. Read as text, such a table is one
 * line of tags and every cell was lost (a fresh tester's t73: 0 of 200 cells, the same tables
 * in an .html file 200 of 200). Each `<table>…</table>` (nested ones inside it) is read as the
 * HTML reader reads a page's table, at its own line numbers, and the text around it as text.
 */

/** The `[start, end)` offsets of each outermost `<table>…</table>` in `text`, nested ones inside. */
export function tableBlocks(text: string): Array<[number, number]> {
  const tag = /<(\/?)table\b[^>]*>/gi;
  const out: Array<[number, number]> = [];
  let depth = 0;
  let start = -1;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    if (!m[1]) {
      if (depth++ === 0) start = m.index;
    } else if (depth > 0 && --depth === 0) out.push([start, m.index + m[0].length]);
  }
  return out;
}

/**
 * The lines of a text file with HTML tables in it: `toLines` (the text reader) of the text with
 * each table's characters removed but its line breaks kept, so every line keeps its number, and
 * each table's rows from the HTML reader at the table's line. Null when the text holds no
 * complete `<table>…</table>` (the text reader alone reads it).
 */
export function linesWithTables(text: string, toLines: (text: string) => Line[]): Line[] | null {
  if (!/<table\b/i.test(text)) return null;
  const blocks = tableBlocks(text);
  if (blocks.length === 0) return null;
  const tables: Line[] = [];
  // The 1-based lines each table spans: the empty lines its removal leaves there are dropped.
  const spans: Array<[number, number]> = [];
  let rest = '';
  let from = 0;
  let breaks = 0;
  for (const [a, b] of blocks) {
    const before = text.slice(from, a);
    rest += before;
    breaks += countBreaks(before);
    const block = text.slice(a, b);
    // Line breaks before it: the HTML reader numbers the table's rows from the source's line.
    tables.push(...htmlToLines('\n'.repeat(breaks) + block));
    const own = countBreaks(block);
    spans.push([breaks + 1, breaks + 1 + own]);
    rest += '\n'.repeat(own);
    breaks += own;
    from = b;
  }
  rest += text.slice(from);
  const inTable = (no: number) => spans.some(([a, b]) => no >= a && no <= b);
  const around = toLines(rest).filter((l) => l.text.trim() || !inTable(l.no));
  // In line order; on a line with a table, the text before it first.
  const out: Line[] = [];
  let k = 0;
  for (const l of around) {
    while (k < tables.length && tables[k]!.no < l.no) out.push(tables[k++]!);
    out.push(l);
  }
  while (k < tables.length) out.push(tables[k++]!);
  return out;
}

function countBreaks(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) n++;
  return n;
}
