/**
 * The character-level search index, shared by the build (scripts/search-index.ts) and the
 * browser (src/client/search.ts). A word index (such as Pagefind's, which this site used)
 * segments Chinese into words and cannot find a string that is part of a longer word on some
 * pages (局 in 审批局, 石家庄 in 石家庄市) or is cut differently on others (政务新媒体). So every
 * page's text is indexed by its characters: the set of single characters and of pairs of adjacent characters it contains.
 * A term of one or two characters is then looked up exactly; a longer term by all its pairs,
 * and the pages found are checked against their text before they are shown.
 *
 * Postings are page numbers within a shard, delta-coded, in buckets chosen by a hash of the
 * gram so that a query fetches one small file per gram.
 */

/** Han, kana, CJK punctuation and fullwidth forms: a space next to one of these is not a separator. */
const CJK =
  '\\u2E80-\\u303F\\u3040-\\u30FF\\u3100-\\u312F\\u3190-\\u31FF\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uF900-\\uFAFF\\uFE30-\\uFE4F\\uFF00-\\uFFEF\\u{20000}-\\u{3134F}';
const SPACE_NEXT_TO_CJK = new RegExp(`(?<=[${CJK}]) | (?=[${CJK}])`, 'gu');
const HAS_CJK = new RegExp(`[${CJK}]`, 'u');

/**
 * The form in which page text and queries are compared: NFKC (fullwidth → ASCII), zero-width
 * spaces removed (Pagefind's fragments had them between words), Latin lower-cased, whitespace
 * runs as one space, and no space next to a CJK character (`2023 年度` and `信息     404条` read as `2023年度`, `信息404条`).
 */
export function normalizeText(s: string): string {
  return normalizeKeepCase(s).toLowerCase();
}

/** normalizeText without the lower-casing: the form excerpts are cut from. */
export function normalizeKeepCase(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\u200B-\u200D\uFEFF]/g, '')
    .replace(/\s+/g, ' ')
    .replace(SPACE_NEXT_TO_CJK, '')
    .trim();
}

export function hasCJK(s: string): boolean {
  return HAS_CJK.test(s);
}

/** Every single character and every pair of adjacent characters of normalised text. */
export function gramsOf(normalized: string): Set<string> {
  const chars = Array.from(normalized);
  const out = new Set<string>();
  for (let i = 0; i < chars.length; i++) {
    if (chars[i] === ' ') continue;
    out.add(chars[i]!);
    if (i + 1 < chars.length) out.add(chars[i]! + chars[i + 1]!);
  }
  return out;
}

/**
 * Every gram of each page (`gramsOf`), as gram → the numbers of the pages holding it (ascending,
 * each once), grams in the order they first occur; `total` is the number of (gram, page) pairs.
 * The same result as collecting `gramsOf` page by page, about three times quicker: a gram is a
 * number while the pages are read (a character's code point, or 0x110000 past it for a pair)
 * and becomes a string once, so a shard of 7,000 pages makes 25,000 strings instead of six
 * million.
 */
export function postingsOf(normalized: readonly string[]): { postings: Map<string, number[]>; total: number } {
  const SPACE = 0x20;
  const PLANE = 0x110000;
  // Characters get small numbers in order of appearance, so that a pair of them is one small
  // integer (a V8 small integer while both are under SMALL), the key of a map of pairs.
  const SMALL = 1 << 15;
  const charOf = new Int32Array(PLANE).fill(-1);
  const chars: number[] = [];
  const singleOf: number[] = [];
  const pairOf = new Map<number, number>();
  // Per gram, in order of first occurrence: its code points as one number, and its pages.
  const keys: number[] = [];
  const lists: number[][] = [];
  let total = 0;
  const fresh = (key: number, n: number): number => {
    keys.push(key);
    lists.push([n]);
    total++;
    return keys.length - 1;
  };
  const seen = (id: number, n: number) => {
    const list = lists[id]!;
    if (list[list.length - 1] !== n) {
      list.push(n);
      total++;
    }
  };
  normalized.forEach((text, n) => {
    // gramsOf: each character but a space, and each pair whose first character is not a space.
    let prev = -1;
    for (let i = 0; i < text.length;) {
      const cp = text.codePointAt(i)!;
      i += cp > 0xffff ? 2 : 1;
      let c = charOf[cp]!;
      if (c < 0) {
        charOf[cp] = c = chars.length;
        chars.push(cp);
        singleOf.push(-1);
      }
      if (prev >= 0) {
        const k = prev < SMALL && c < SMALL ? prev * SMALL + c : -1 - (prev * PLANE + c);
        const id = pairOf.get(k);
        if (id === undefined) pairOf.set(k, fresh(PLANE + chars[prev]! * PLANE + cp, n));
        else seen(id, n);
      }
      if (cp !== SPACE) {
        const id = singleOf[c]!;
        if (id < 0) singleOf[c] = fresh(cp, n);
        else seen(id, n);
      }
      prev = cp === SPACE ? -1 : c;
    }
  });
  const postings = new Map<string, number[]>();
  keys.forEach((key, id) => {
    const gram =
      key < PLANE
        ? String.fromCodePoint(key)
        : String.fromCodePoint(Math.floor((key - PLANE) / PLANE)) + String.fromCodePoint((key - PLANE) % PLANE);
    postings.set(gram, lists[id]!);
  });
  return { postings, total };
}

/**
 * The grams a page must contain to contain the term (normalised): the character itself for one
 * character, otherwise every adjacent pair. For one or two characters the lookup is exact.
 */
export function termGrams(term: string): string[] {
  const chars = Array.from(term);
  if (chars.length === 1) return chars;
  const out: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    if (!out.includes(g)) out.push(g);
  }
  return out;
}

/** Whether the gram lookup alone decides the term (no text check needed). */
export function gramsAreExact(term: string): boolean {
  return Array.from(term).length <= 2;
}

/** FNV-1a over UTF-16 code units: which bucket file holds a gram. */
export function bucketOf(gram: string, buckets: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < gram.length; i++) {
    h ^= gram.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h % buckets;
}

/** Sorted page numbers → gaps (first number as is). */
export function deltaEncode(sorted: number[]): number[] {
  return sorted.map((n, i) => (i === 0 ? n : n - sorted[i - 1]!));
}

export function deltaDecode(gaps: number[]): number[] {
  const out: number[] = [];
  let n = 0;
  for (let i = 0; i < gaps.length; i++) out.push((n = i === 0 ? gaps[0]! : n + gaps[i]!));
  return out;
}

/** One bucket file: gram → delta-coded page numbers. */
export type Bucket = Record<string, number[]>;

/** Sorted intersection of sorted lists. */
export function intersectSorted(lists: number[][]): number[] {
  if (!lists.length) return [];
  const [first, ...rest] = [...lists].sort((a, b) => a.length - b.length);
  const sets = rest.map((l) => new Set(l));
  return first!.filter((n) => sets.every((s) => s.has(n)));
}

/** Sorted union of sorted lists, without repeats. */
export function unionSorted(lists: number[][]): number[] {
  if (lists.length === 1) return lists[0]!;
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}
