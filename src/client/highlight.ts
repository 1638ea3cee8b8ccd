import { BLOCK_ELEMENTS, highlightRanges, UNSHOWN_ELEMENTS } from '../lib/search/highlight.ts';

/**
 * On a page opened from a search result (?pagefind-highlight=term, the parameter Pagefind's
 * highlight script read, kept so that existing links work), marks the terms in the searched part
 * of the page: inside [data-pagefind-body], outside [data-pagefind-ignore]. Nothing is fetched.
 */
const terms = new URLSearchParams(location.search).getAll('pagefind-highlight');
if (terms.length) {
  for (const body of document.querySelectorAll('[data-pagefind-body]')) mark(body);
  // The first match brought into view, unless the address names a place of its own (#L123): a
  // fresh tester opened a result and saw no match without scrolling for it.
  const first = document.querySelector('[data-pagefind-body] mark');
  if (first && !location.hash) first.scrollIntoView({ block: 'center' });
}

function mark(body: Element): void {
  // The searched text nodes in order; null where a block element starts or ends.
  const nodes: Array<Text | null> = [];
  const walk = (el: Element) => {
    for (const child of el.childNodes) {
      if (child instanceof Text) nodes.push(child);
      else if (child instanceof Element) {
        const name = child.localName;
        if (child.hasAttribute('data-pagefind-ignore') || UNSHOWN_ELEMENTS.has(name)) continue;
        const block = BLOCK_ELEMENTS.has(name);
        if (block) nodes.push(null);
        walk(child);
        if (block) nodes.push(null);
      }
    }
  };
  walk(body);
  const ranges = highlightRanges(
    nodes.map((n) => n?.data ?? null),
    terms,
  );
  // From the last piece back, so that splitting a node keeps the offsets of the pieces before.
  for (const [i, start, end] of ranges.reverse()) {
    const piece = nodes[i]!.splitText(start);
    piece.splitText(end - start);
    const m = document.createElement('mark');
    piece.replaceWith(m);
    m.append(piece);
  }
}
