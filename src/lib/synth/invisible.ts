import type { Random } from './random.ts';

/**
 * Invisible format characters that editors and web CMSs leave in text (`invisible` quirk):
 * zero-width space, non-joiner and joiner, word joiner, BOM and soft hyphen. A reader of the
 * page sees `1\u200b2` as 12 and `予以\u200d公开` as 予以公开; so must the parser.
 */
const MARKS = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad'] as const;

/**
 * The line with invisible characters between some pairs of digits and of CJK characters.
 * In HTML only text between tags is touched (an attribute's `colspan="12"` stays whole).
 */
export function sprinkleInvisible(line: string, rng: Random): string {
  return line
    .split(/(<[^>]*>)/)
    .map((part) =>
      part.startsWith('<')
        ? part
        : part.replace(/(?<=[\d\u4e00-\u9fff])(?=[\d\u4e00-\u9fff])/g, () => (rng.chance(0.15) ? rng.pick(MARKS) : '')),
    )
    .join('');
}
