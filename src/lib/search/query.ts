import { normalizeText } from './grams.ts';
import { foldText } from './script.ts';

/**
 * Query handling shared by the search page and the tests. A query is read as a list of terms
 * (in one or two ways, see parseQuery); a page is found when its text (normalised: see
 * normalizeText) contains every term of one of them.
 */

export { normalizeText };

/** A digit or Latin letter, and a CJK ideograph: where they meet, a space may be formatting. */
const LATIN_END = /[0-9a-z]$/iu;
const LATIN_START = /^[0-9a-z]/iu;
const HAN_END = /[\u3400-\u9fff\uf900-\ufaff]$/u;
const HAN_START = /^[\u3400-\u9fff\uf900-\ufaff]/u;

/**
 * Characters of a query that are searched (after normalisation, white space not counted). A
 * longer query is cut there and the page says so: every character pair of the query costs one
 * index file per shard, so a pasted paragraph (1,500 characters) fetched nearly the whole
 * character index (about 590 KB); 64 characters still pick out one sentence of one report.
 */
export const MAX_QUERY_CHARS = 64;

export interface ParsedQuery {
  /**
   * The ways of reading the query, each a list of terms that must all occur; a page is found
   * when it matches one of them. The first joins the words where digits or Latin meet Chinese
   * (`2023 年度` → `2023年度`, as on the pages); the second, when there is such a place, keeps
   * every space-separated word apart (`住建局 2023` → `住建局` and `2023` anywhere on the page).
   */
  alternatives: string[][];
  /** Characters of the query (normalised, white space not counted), before any cut. */
  chars: number;
  /** Whether the terms were cut to the first `max` characters. */
  cut: boolean;
}

/**
 * Parses a query: "quoted phrases" kept whole, otherwise split on white space (and on a quote
 * mark without its pair, which is not searched: `"民政局` is 民政局); each term
 * normalised. White space where digits or Latin meet Chinese (`2023 年度`, `信息 404条`) may be
 * formatting, as on the pages, or a separator (`住建局 2023`): both readings are searched (see
 * ParsedQuery.alternatives). Between two Chinese words (`滨湖 复议`) it always separates terms.
 * Only the first `max` characters are searched.
 */
export function parseQuery(q: string, max = MAX_QUERY_CHARS): ParsedQuery {
  // Words in order, and whether each may be joined to the one before it.
  const words: Array<{ text: string; joins: boolean }> = [];
  // A quote mark that closes nothing (`"民政局`) is never part of a word: it only separates words.
  const re = /"([^"]*)"|“([^”]*)”|([^\s"“”]+)/g;
  let prevRaw: string | null = null;
  const src = q.normalize('NFKC');
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const raw = m[3];
    const text = normalizeText(m[1] ?? m[2] ?? raw ?? '');
    const joins =
      raw !== undefined &&
      prevRaw !== null &&
      ((LATIN_END.test(prevRaw) && HAN_START.test(raw)) || (HAN_END.test(prevRaw) && LATIN_START.test(raw)));
    prevRaw = raw ?? null;
    if (text) words.push({ text, joins: joins && words.length > 0 });
    else prevRaw = null;
  }
  // The cut: the first `max` characters that are not white space.
  const count = (s: string) => Array.from(s).filter((c) => c !== ' ').length;
  const chars = words.reduce((n, w) => n + count(w.text), 0);
  let left = max;
  const kept: typeof words = [];
  for (const w of words) {
    if (left <= 0) break;
    const n = count(w.text);
    if (n <= left) kept.push(w);
    else {
      let taken = 0;
      const cut = Array.from(w.text)
        .filter((c) => (c === ' ' ? true : ++taken <= left))
        .join('')
        .trim();
      if (cut) kept.push({ text: cut, joins: w.joins });
    }
    left -= n;
  }
  const unique = (l: string[]) => [...new Set(l)];
  const joined: string[] = [];
  for (const w of kept) {
    if (w.joins && joined.length) joined[joined.length - 1] += w.text;
    else joined.push(w.text);
  }
  const merged = unique(joined);
  const apart = unique(kept.map((w) => w.text));
  const alternatives = merged.length === 0 ? [] : kept.some((w) => w.joins) ? [merged, apart] : [merged];
  return { alternatives, chars, cut: chars > max };
}

/** The terms of a query's first reading (words joined where digits or Latin meet Chinese), uncut. */
export function queryTerms(q: string): string[] {
  return parseQuery(q, Infinity).alternatives[0] ?? [];
}

/**
 * Which reading of a query a page's text matches (see ParsedQuery.alternatives; each term given
 * as the list of its script readings), the first that does; -1 for none. Its terms are the ones
 * to show in the excerpt and to mark on the page.
 */
export function matchedAlternative(
  text: string,
  alternatives: ReadonlyArray<string[][]>,
  fold: Record<string, string> = {},
): number {
  const t = foldText(normalizeText(text), fold);
  return alternatives.findIndex((terms) => terms.every((readings) => readings.some((r) => t.includes(r))));
}

/**
 * Whether a page's text contains every term, a term being the list of its readings (see
 * src/lib/search/script.ts): the text normalised like the terms, then folded to simplified.
 */
export function containsAll(text: string, terms: string[][], fold: Record<string, string> = {}): boolean {
  const t = foldText(normalizeText(text), fold);
  return terms.every((readings) => readings.some((r) => t.includes(r)));
}

/** Levenshtein distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (Math.abs(x.length - y.length) > max) return max + 1;
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[y.length]!;
}
