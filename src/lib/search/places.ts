import { bucketOf } from './grams.ts';
import { editDistance } from './query.ts';

/**
 * Place names for suggestions when a query finds nothing: by pinyin (`wuxi` → 无锡市) and within
 * one edit of a Chinese term (唐三市 → 唐山市). A national site has tens of thousands of region
 * pages, so the list is split: by the first letter of the pinyin (pagefind/nb/places/p/<a–z>.nbg)
 * and by the first and by the last character of the name, with and without its suffix
 * (…/f/<n>.nbg, …/l/<n>.nbg) — a name within one edit of a term of two or more characters keeps
 * its first or its last character.
 */

/** [pinyin of the name without its administrative suffix, name, page] */
export type Place = [string, string, string];

export const PLACE_BUCKETS = 64;

/** The name without its administrative suffix (无锡市 → 无锡), or the name when nothing is left. */
export function placeCore(name: string): string {
  return name.replace(/(特别行政区|自治区|自治州|自治县|地区|盟|省|市|区|县|旗|镇|乡|街道)$/u, '') || name;
}

export function placeFiles(places: Place[]): {
  pinyin: Record<string, Place[]>;
  first: Place[][];
  last: Place[][];
} {
  const pinyin: Record<string, Place[]> = {};
  const first: Place[][] = Array.from({ length: PLACE_BUCKETS }, () => []);
  const last: Place[][] = Array.from({ length: PLACE_BUCKETS }, () => []);
  for (const p of places) {
    const letter = p[0][0];
    if (letter && /[a-z]/.test(letter)) (pinyin[letter] ??= []).push(p);
    const chars = Array.from(p[1]);
    first[bucketOf(chars[0]!, PLACE_BUCKETS)]!.push(p);
    // By the last character of the name and of the name without its suffix (堂山 → 唐山市).
    const ends = new Set([
      bucketOf(chars.at(-1)!, PLACE_BUCKETS),
      bucketOf(Array.from(placeCore(p[1])).at(-1)!, PLACE_BUCKETS),
    ]);
    for (const b of ends) last[b]!.push(p);
  }
  return { pinyin, first, last };
}

/** The files a term needs: its pinyin letter, or the buckets of its first and last character. */
export function placeFilesFor(term: string): string[] {
  if (/^[a-z]{2,}$/.test(term)) return [`p/${term[0]}`];
  const chars = Array.from(term);
  if (chars.length < 2) return [];
  return [`f/${bucketOf(chars[0]!, PLACE_BUCKETS)}`, `l/${bucketOf(chars.at(-1)!, PLACE_BUCKETS)}`];
}

/** Places whose pinyin is the key or starts with it. */
export function placesByPinyin(key: string, places: Place[]): Place[] {
  return places.filter(([py]) => py === key || py.startsWith(key));
}

/** Places whose name, or name without suffix, is within one edit of the term (neither equal to it). */
export function placesNear(term: string, places: Place[]): Place[] {
  const seen = new Set<string>();
  return places.filter((p) => {
    if (seen.has(p[2])) return false;
    const names = [p[1], placeCore(p[1])];
    const near = !names.includes(term) && names.some((n) => editDistance(term, n, 1) <= 1);
    if (near) seen.add(p[2]);
    return near;
  });
}
