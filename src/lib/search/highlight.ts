import { hasCJK, normalizeText } from './grams.ts';

/**
 * Marking the terms of a search on the page a result opens (?pagefind-highlight=…, read by
 * src/client/highlight.ts), and the element sets the records share (record.ts), so that the text
 * marked is the text searched.
 */

/** Elements that separate the text around them (a reader sees a line break or a cell edge). */
export const BLOCK_ELEMENTS: ReadonlySet<string> = new Set(
  (
    'address article aside blockquote body br caption dd details dialog div dl dt fieldset figcaption figure ' +
    'footer form h1 h2 h3 h4 h5 h6 header hgroup hr li main menu nav ol p pre search section summary table ' +
    'tbody td tfoot th thead tr ul legend'
  ).split(' '),
);

/** Elements whose contents are never shown as text. */
export const UNSHOWN_ELEMENTS: ReadonlySet<string> = new Set(['script', 'style', 'template']);

/**
 * Where the terms occur in a page's text, given as its text nodes in document order (null: a
 * block boundary). Text and terms are compared in the form the search compares them (grams.ts:
 * NFKC, lower case, white space next to a CJK character ignored), so a term the search found
 * is found here across a line break or an element boundary. Overlapping matches are merged.
 * Returns the pieces to mark: [node, start, end] in that node's own text, in document order.
 */
export function highlightRanges(
  nodes: ReadonlyArray<string | null>,
  terms: readonly string[],
): Array<[number, number, number]> {
  // The compared form of the text, and for each of its code units where it comes from.
  let text = '';
  const node: number[] = [];
  const start: number[] = [];
  const end: number[] = [];
  let space = false;
  let last = '';
  nodes.forEach((s, i) => {
    if (s === null) {
      space = true;
      return;
    }
    for (let j = 0; j < s.length;) {
      const ch = String.fromCodePoint(s.codePointAt(j)!);
      const at = j;
      j += ch.length;
      if (/\s/u.test(ch)) {
        space = true;
        continue;
      }
      const mapped = ch
        .normalize('NFKC')
        .toLowerCase()
        .replace(/[\u200B-\u200D\uFEFF]/g, '');
      if (!mapped) continue;
      // A space between two characters that are not CJK stays (as in normalizeText).
      if (space && text && !hasCJK(last) && !hasCJK(mapped[0]!)) {
        text += ' ';
        node.push(i);
        start.push(at);
        end.push(at);
      }
      space = false;
      for (let k = 0; k < mapped.length; k++) {
        text += mapped[k];
        node.push(i);
        start.push(at);
        end.push(j);
      }
      last = mapped.at(-1)!;
    }
  });
  // Matches of every term, as [from, to) in the compared text, merged where they overlap.
  const spans: Array<[number, number]> = [];
  for (const t of new Set(terms.map((t) => normalizeText(t)).filter(Boolean)))
    for (let at = text.indexOf(t); at >= 0; at = text.indexOf(t, at + t.length)) spans.push([at, at + t.length]);
  spans.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const prev = merged.at(-1);
    if (prev && s[0] <= prev[1]) prev[1] = Math.max(prev[1], s[1]);
    else merged.push([...s]);
  }
  const out: Array<[number, number, number]> = [];
  for (const [from, to] of merged) {
    const [a, b] = [node[from]!, node[to - 1]!];
    if (a === b) {
      out.push([a, start[from]!, end[to - 1]!]);
      continue;
    }
    // Across elements: the end of the first node, every node between, the start of the last.
    out.push([a, start[from]!, nodes[a]!.length]);
    for (let i = a + 1; i < b; i++) if (nodes[i]?.trim()) out.push([i, 0, nodes[i]!.length]);
    out.push([b, 0, end[to - 1]!]);
  }
  return out;
}
