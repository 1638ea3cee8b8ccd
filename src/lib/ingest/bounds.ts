/**
 * Limits on the work one file may cause, checked on the bytes before the parser builds a tree.
 * A real annual report has three tables of a few hundred cells; a 19 MB HTML table (a scraped
 * spreadsheet, or a hostile file) would make a DOM of millions of nodes and exhaust a worker's
 * memory. Such a file is rejected with a reason that names the limit, and the run goes on.
 * Tags are ASCII in UTF-8 and GB18030 alike, so the bytes are scanned as Latin-1 (no decoding);
 * UTF-16 files (with a byte-order mark) are decoded first.
 */
export const LIMITS = {
  /** Table cells (<td>, <th>) in the whole file. */
  cells: 50_000,
  /** Table rows (<tr>) in the whole file. */
  rows: 10_000,
  /** Tables inside tables. */
  nesting: 12,
  /** Elements inside elements (those whose end tag may be left out, and void ones, not counted). */
  depth: 1_000,
  /**
   * HTML elements in the whole file. A report page has a few thousand (a Word page saved as HTML,
   * a span per run, some tens of thousands). 100,000 elements, even with twenty attributes each
   * (19 MB), read within a worker's 384 MB heap; pages of 340,000–395,000 elements needed 0.6 to
   * 2 GB, and one of them in one parent could abort the whole process instead of the worker
   * (nodejs/node#47224): above this, the file is rejected in every mode alike.
   */
  elements: 100_000,
  /** Lines of text. */
  lines: 300_000,
};

/** Void elements, and elements whose end tag HTML allows to leave out: not counted for depth. */
const LOOSE = new Set(
  'area base br col embed hr img input link meta param source track wbr p li td th tr dt dd option optgroup thead tbody tfoot colgroup caption rb rt rp rtc html head body table'.split(
    ' ',
  ),
);

const fmt = (n: number) => n.toLocaleString('en-US');

export function exceedsBounds(_path: string, bytes: Uint8Array, limits = LIMITS): string | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff))) {
    const text = new TextDecoder(b[0] === 0xff ? 'utf-16le' : 'utf-16be').decode(b);
    let lines = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (++lines > limits.lines) break;
    return lines > limits.lines ? tooManyLines(limits) : tagBounds(text, limits);
  }
  // '\n' and '<' are single bytes in UTF-8 and GB18030 alike: counted on the bytes (memchr),
  // and the tags scanned as Latin-1 only when there is a '<' at all (most text files have none).
  let lines = 0;
  for (let i = b.indexOf(0x0a); i >= 0; i = b.indexOf(0x0a, i + 1)) if (++lines > limits.lines) break;
  if (lines > limits.lines) return tooManyLines(limits);
  return b.indexOf(0x3c) < 0 ? null : tagBounds(b.toString('latin1'), limits);
}

const tooManyLines = (limits: typeof LIMITS) =>
  `more than ${fmt(limits.lines)} lines; the limit is ${fmt(limits.lines)} per report`;

/** Elements, depth, tables, rows and cells of the tags in `text`. */
function tagBounds(text: string, limits: typeof LIMITS): string | null {
  let cells = 0;
  let rows = 0;
  let depth = 0;
  let elements = 0;
  let nested = 0;
  for (let t = nextTag(text, text.indexOf('<')); t; t = nextTag(text, text.indexOf('<', t.end))) {
    if (!t.close && ++elements > limits.elements)
      return `more than ${fmt(limits.elements)} HTML elements; the limit is ${fmt(limits.elements)} per report`;
    const tag = t.name.toLowerCase();
    if (!LOOSE.has(tag) && !t.selfClosing) {
      nested = t.close ? Math.max(0, nested - 1) : nested + 1;
      if (nested > limits.depth)
        return `HTML elements nested more than ${fmt(limits.depth)} deep; the limit is ${fmt(limits.depth)}`;
    }
    if (tag === 'table') {
      depth = t.close ? Math.max(0, depth - 1) : depth + 1;
      if (depth > limits.nesting)
        return `tables nested more than ${limits.nesting} deep; the limit is ${limits.nesting}`;
    } else if (!t.close && tag === 'tr' && ++rows > limits.rows)
      return `more than ${fmt(limits.rows)} table rows; the limit is ${fmt(limits.rows)} per report`;
    else if (!t.close && (tag === 'td' || tag === 'th') && ++cells > limits.cells)
      return `more than ${fmt(limits.cells)} table cells; the limit is ${fmt(limits.cells)} per report`;
  }
  return null;
}

const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * The next tag at or after `from` (a '<', or -1 for none), as the pattern
 * /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)/g would match it, scanned by hand: a file has
 * thousands of tags, and the pattern's match objects and attribute strings cost more than the
 * count (test/reliability.test.ts compares the two). `end` is where the next search starts.
 */
export function nextTag(
  text: string,
  from: number,
): { close: boolean; name: string; selfClosing: boolean; end: number } | null {
  for (let i = from; i >= 0; i = text.indexOf('<', i + 1)) {
    let j = i + 1;
    const close = text.charCodeAt(j) === 0x2f;
    if (close) j++;
    if (!isLetter(text.charCodeAt(j))) continue;
    const nameStart = j++;
    for (let c = text.charCodeAt(j); isLetter(c) || isDigit(c); c = text.charCodeAt(++j));
    const nameEnd = j;
    for (let c = text.charCodeAt(j); j < text.length && c !== 0x3c && c !== 0x3e; c = text.charCodeAt(++j));
    return {
      close,
      name: text.slice(nameStart, nameEnd),
      selfClosing: j > nameEnd && text.charCodeAt(j - 1) === 0x2f,
      end: j,
    };
  }
  return null;
}
