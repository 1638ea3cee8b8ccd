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

/**
 * What no reader of the file sees, as `[start, end)` offsets: HTML comments, the content of raw
 * text elements (<script>, <style>, <template>, <textarea>, <noscript>, <xmp>), a closed
 * <details> (its summary aside), and markdown code (fenced blocks, code spans), which shows a
 * table's source, not the table. A table there is no table of the report (a fresh tester's t77:
 * a CMS's commented-out draft of 三, a template in a <script>, last year's 四 in a code block,
 * published as the report's where its own table was an image).
 */
export function unseenSpans(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const add = (re: RegExp) => {
    for (let m = re.exec(text); m; m = re.exec(text)) out.push([m.index, m.index + m[0].length]);
  };
  add(/<!--[\s\S]*?(?:-->|$)/g);
  add(/<(script|style|template|textarea|noscript|xmp)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)/gi);
  add(/<details\b(?![^>]*\bopen\b)[^>]*>[\s\S]*?(?:<\/details\s*>|$)/gi);
  // A fence: ``` or ~~~ at a line's start (up to three spaces) to the same fence again.
  add(/^ {0,3}(`{3,}|~{3,})[^\n]*\n[\s\S]*?(?:^ {0,3}\1[ \t]*$|(?![\s\S]))/gm);
  // A code span ends within its paragraph (no empty line inside): a stray backtick hides nothing far.
  add(/(`+)(?!`)(?:(?!\n[ \t]*\n)[\s\S])*?[^`]\1(?!`)/g);
  return out;
}

/**
 * The `[start, end)` offsets of each outermost `<table>…</table>` in `text`, nested ones inside,
 * that a reader sees: opening a line (up to three spaces before it: four make markdown code), and
 * outside every unseen span (unseenSpans).
 */
export function tableBlocks(text: string): Array<[number, number]> {
  const unseen = unseenSpans(text);
  const hidden = (at: number) => unseen.some(([a, b]) => at >= a && at < b);
  const tag = /<(\/?)table\b[^>]*>/gi;
  const out: Array<[number, number]> = [];
  let depth = 0;
  let start = -1;
  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    if (!m[1]) {
      if (depth === 0) {
        const lineStart = text.lastIndexOf('\n', m.index - 1) + 1;
        if (hidden(m.index) || !/^ {0,3}$/.test(text.slice(lineStart, m.index))) continue;
        start = m.index;
      }
      depth++;
    } else if (depth > 0 && --depth === 0) out.push([start, m.index + m[0].length]);
  }
  return out;
}

/**
 * The page's <style> rules that a reader's renderer applies (outside comments and code), run onto
 * one line: each table is read with them, so a table they hide is read as a page's hidden table.
 */
function styleRules(text: string, unseen: Array<[number, number]>): string {
  let out = '';
  const re = /<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const at = m.index;
    // Its own span is one of the unseen (a style's content is no text): inside another, not read.
    if (unseen.some(([a, b]) => at > a && at < b)) continue;
    out += `<style>${m[1]!.replace(/\s+/g, ' ')}</style>`;
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
  const unseen = unseenSpans(text);
  const styles = styleRules(text, unseen);
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
    // (The page's style rules on the first line, before the breaks: the rows keep their numbers.)
    tables.push(...htmlToLines(styles + '\n'.repeat(breaks) + block));
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
