/**
 * Query handling shared by the search page and the tests. Pagefind segments Chinese into words,
 * so an unquoted query that spans a word boundary (审批局) matches pages that merely contain
 * both halves. Each term is therefore searched as an exact phrase, terms are intersected, and
 * a result is shown only if its indexed text really contains every term.
 */

/** Terms of a query: "quoted phrases" kept whole, otherwise split on whitespace. */
export function queryTerms(q: string): string[] {
  const terms: string[] = [];
  const re = /"([^"]*)"|“([^”]*)”|(\S+)/g;
  for (let m = re.exec(q.normalize('NFKC')); m; m = re.exec(q.normalize('NFKC'))) {
    const t = normalizeText(m[1] ?? m[2] ?? m[3] ?? '');
    if (t && !terms.includes(t)) terms.push(t);
  }
  return terms;
}

/** The form in which text is compared: NFKC, whitespace runs as one space, trimmed. */
export function normalizeText(s: string): string {
  return s.normalize('NFKC').replace(/\s+/g, ' ').trim();
}

/** Whether a page's indexed text contains every term (after normalisation; text in separate blocks does not join). */
export function containsAll(text: string, terms: string[]): boolean {
  const t = normalizeText(text);
  return terms.every((term) => t.includes(term));
}

/** Pagefind's phrase syntax: the term in double quotes (quotes inside are dropped). */
export function phrase(term: string): string {
  return `"${term.replace(/"/g, ' ')}"`;
}
