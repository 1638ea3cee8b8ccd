/**
 * A web page's source lines as a reader reads them, for the report page's source view (fresh
 * testers' t117 and t123: a CMS page's table on one line showed as a wall of `<td>` markup, the
 * number a link pointed at lost in it). Tags are taken out — a table cell's start becomes ` | `,
 * any other tag a space — comments, scripts and styles with them, and character references are
 * decoded. A tag running over lines leaves its line breaks, so every line keeps its number and
 * the cells' `line` still points at it. For display only: the ingest reads the page itself
 * (decode/html.ts), and the original file stays one link away.
 */

/** Whether the lines are a web page's (markup in the first lines), not text to show as it is. */
export function hasMarkup(lines: readonly string[]): boolean {
  return lines.slice(0, 400).some((l) => MARKUP.test(l));
}
const MARKUP = /<\/?(?:html|body|table|tr|td|th|p|div|span|br)\b[^>]*>/i;

/** `lines` (a web page's) with the markup out, one output line per input line. */
export function readableLines(lines: readonly string[]): string[] {
  const text = lines
    .join('\n')
    .replace(/<!--[\s\S]*?-->/g, keepBreaks)
    .replace(/<(script|style)\b[\s\S]*?<\/\1\s*>/gi, keepBreaks)
    .replace(/<(?:td|th)\b[^>]*>/gi, (m) => ` | ${breaks(m)}`)
    .replace(/<[^>]*>/g, (m) => ` ${breaks(m)}`)
    .replace(/&(#[xX][0-9a-fA-F]+|#\d+|[a-zA-Z]+);/g, entity);
  // (An empty cell stays one: 规章 | 2 | | 11.)
  return text.split('\n').map((l) =>
    l
      .replace(/[ \t\u00a0\u3000]+/g, ' ')
      .replace(/^\s*\|\s*/, '')
      .trim(),
  );
}

const breaks = (m: string) => '\n'.repeat(m.split('\n').length - 1);
const keepBreaks = (m: string) => breaks(m);

/** The references pages use; any other is left as written. */
const NAMED: Record<string, string> = {
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  lt: '<',
  gt: '>',
  amp: '&',
  quot: '"',
  apos: "'",
  middot: '·',
  mdash: '—',
  ndash: '–',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  hellip: '…',
};

function entity(m: string, e: string): string {
  if (e[0] === '#') {
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return Number.isInteger(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
  }
  return NAMED[e.toLowerCase()] ?? m;
}
