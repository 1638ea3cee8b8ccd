import { normalizeText } from './grams.ts';
import { foldText } from './script.ts';

/**
 * Query handling shared by the search page and the tests. A query is a list of terms; a page
 * is found when its text (normalised: see normalizeText) contains every term.
 */

export { normalizeText };

/** A space between a digit or Latin letter and a CJK character: formatting, not a separator. */
const SPACE_AT_SCRIPT_CHANGE =
  /(?<=[0-9a-z])\s+(?=[\u3400-\u9fff\uf900-\ufaff])|(?<=[\u3400-\u9fff\uf900-\ufaff])\s+(?=[0-9a-z])/giu;

/**
 * Terms of a query: "quoted phrases" kept whole, otherwise split on whitespace; each normalised.
 * White space where digits or Latin meet Chinese (`2023 年度`, `信息 404条`) is read as on the
 * pages, i.e. not at all; between two Chinese words (`滨湖 复议`) it separates terms.
 */
export function queryTerms(q: string): string[] {
  const terms: string[] = [];
  const src = q.normalize('NFKC').replace(SPACE_AT_SCRIPT_CHANGE, '');
  const re = /"([^"]*)"|“([^”]*)”|(\S+)/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const t = normalizeText(m[1] ?? m[2] ?? m[3] ?? '');
    if (t && !terms.includes(t)) terms.push(t);
  }
  return terms;
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
