import { bucketOf } from './grams.ts';

/**
 * Traditional script in queries and pages, without sending a dictionary to the browser.
 *
 * A query term is searched in every simplified reading that OpenCC (opencc-js) gives it: the
 * converter the ingest uses (`t` → `cn`, OpenCC's t2s, with its phrase table) and the Taiwan
 * converter with phrases (`twp` → `cn`, tw2sp: 資訊 → 信息, 軟體 → 软件). A page is found when its
 * text contains any reading of every term. Page text and readings are both compared after a
 * character fold (one traditional or variant character → one simplified character), so a report
 * published in traditional script is found by a simplified query too, and positions in the folded
 * text are positions in the text shown.
 *
 * The browser does not download OpenCC's dictionaries (about 50 KB compressed). At build time
 * their entries are split into small files by the first character of the key
 * (`pagefind/nb/t/<n>.nbg`); the browser fetches the files of the characters of the query, and
 * of the characters a phrase rule brings in, and converts with exactly OpenCC's rules (longest
 * match per dictionary group, groups in a chain, optional segmentation). test/search-script.test.ts
 * checks the result against opencc-js itself.
 */

/** One converter as OpenCC configures it, by dictionary number. */
export interface ConverterSpec {
  normalization: number[][];
  segmentation: number[] | null;
  chain: number[][];
}

/** What the browser needs to know about the split dictionaries (in shards.json). */
export interface ScriptManifest {
  /** Number of files in pagefind/nb/t/. */
  buckets: number;
  converters: ConverterSpec[];
  /** Dictionary number of the character fold (one character → one character). */
  fold: number;
}

/** One file: dictionary number → entries whose key starts with a character of this bucket. */
export type ScriptBucket = Record<string, Array<[string, string]>>;

/** The bucket of the first character of a key. */
export function scriptBucketOf(key: string, buckets: number): number {
  return bucketOf(String.fromCodePoint(key.codePointAt(0)!), buckets);
}

/** The loaded part of the dictionaries; records which buckets a conversion needed but did not have. */
export class ScriptTables {
  private dicts = new Map<number, Map<string, string>>();
  private longest = new Map<number, number>();
  private loaded = new Set<number>();
  /** Buckets a conversion looked into that are not loaded: fetch them and convert again. */
  readonly missing = new Set<number>();

  constructor(readonly manifest: ScriptManifest) {}

  add(n: number, bucket: ScriptBucket): void {
    this.loaded.add(n);
    this.missing.delete(n);
    for (const [id, entries] of Object.entries(bucket)) {
      const d = this.dicts.get(Number(id)) ?? new Map<string, string>();
      this.dicts.set(Number(id), d);
      for (const [k, v] of entries) {
        d.set(k, v);
        this.longest.set(Number(id), Math.max(this.longest.get(Number(id)) ?? 0, Array.from(k).length));
      }
    }
  }

  private need(c: string): void {
    const n = bucketOf(c, this.manifest.buckets);
    if (!this.loaded.has(n)) this.missing.add(n);
  }

  /** Longest key of the group at position i (the first dictionary of the group wins a tie). */
  private match(group: number[], chars: string[], i: number): { end: number; value: string } | null {
    this.need(chars[i]!);
    const max = Math.min(chars.length - i, Math.max(0, ...group.map((g) => this.longest.get(g) ?? 0)));
    for (let len = max; len >= 1; len--) {
      const key = chars.slice(i, i + len).join('');
      for (const g of group) {
        const v = this.dicts.get(g)?.get(key);
        if (v !== undefined) return { end: i + len, value: v };
      }
    }
    return null;
  }

  /** OpenCC's Trie.convert: longest match left to right, other characters as they are. */
  private convertGroup(group: number[], s: string): string {
    const chars = Array.from(s);
    let out = '';
    for (let i = 0; i < chars.length;) {
      const m = this.match(group, chars, i);
      if (m) {
        out += m.value;
        i = m.end;
      } else out += chars[i++]!;
    }
    return out;
  }

  /** OpenCC's Trie.segment: matched words alone, runs of other characters together. */
  private segment(group: number[], s: string): string[] {
    const chars = Array.from(s);
    const out: string[] = [];
    let run = '';
    for (let i = 0; i < chars.length;) {
      const m = this.match(group, chars, i);
      if (m) {
        if (run) out.push(run);
        run = '';
        out.push(chars.slice(i, m.end).join(''));
        i = m.end;
      } else run += chars[i++]!;
    }
    if (run) out.push(run);
    return out;
  }

  convert(spec: ConverterSpec, s: string): string {
    let t = s;
    for (const g of spec.normalization) t = this.convertGroup(g, t);
    const segments = spec.segmentation ? this.segment(spec.segmentation, t) : [t];
    return segments.map((seg) => spec.chain.reduce((x, g) => this.convertGroup(g, x), seg)).join('');
  }

  /** One character for one character (traditional and variant forms → simplified). */
  fold(s: string): string {
    const d = this.dicts.get(this.manifest.fold);
    return Array.from(s, (c) => {
      this.need(c);
      return d?.get(c) ?? c;
    }).join('');
  }

  /** Every simplified reading of a term (normalised text), folded; the first is the ingest's. */
  readings(term: string): string[] {
    return [...new Set(this.manifest.converters.map((spec) => this.fold(this.convert(spec, term))))];
  }
}

/**
 * Readings of each term, fetching the dictionary files they need (a phrase rule can bring in
 * characters of its own, hence the loop; two or three rounds at most).
 */
export async function readingsOf(
  terms: string[],
  tables: ScriptTables,
  load: (bucket: number) => Promise<ScriptBucket>,
): Promise<string[][]> {
  let out = terms.map((t) => tables.readings(t));
  for (let round = 0; round < 6 && tables.missing.size; round++) {
    const want = [...tables.missing];
    const got = await Promise.all(want.map(load));
    want.forEach((n, i) => tables.add(n, got[i]!));
    out = terms.map((t) => tables.readings(t));
  }
  return out;
}

/** A page's text in the compared form: the character fold of the site (keys occurring on its pages). */
export function foldText(s: string, fold: Record<string, string>): string {
  const pattern = foldPattern(fold);
  return pattern ? s.replace(pattern, (c) => fold[c]!) : s;
}

/**
 * The fold's characters as one regular expression, made once per fold object: replacing
 * through it is about ten times quicker than a loop adding one character at a time (the search
 * index folds every page's text). Keys of more than one character never matched a character
 * and are left out.
 */
const foldPatterns = new WeakMap<Record<string, string>, RegExp | null>();
function foldPattern(fold: Record<string, string>): RegExp | null {
  let pattern = foldPatterns.get(fold);
  if (pattern === undefined) {
    const chars = Object.keys(fold)
      .filter((k) => Array.from(k).length === 1)
      .map((k) => `\\u{${k.codePointAt(0)!.toString(16)}}`);
    pattern = chars.length ? new RegExp(`[${chars.join('')}]`, 'gu') : null;
    foldPatterns.set(fold, pattern);
  }
  return pattern;
}
