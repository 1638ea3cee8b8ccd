import iconv from 'iconv-lite';
import type { Random } from './random.ts';

/**
 * A title whose year, right after the agency's name, is garbled past reading: lost to U+FFFD
 * and saved as GBK (锟斤拷, once per two bytes lost), or written in full-width digits (２０２３)
 * whose UTF-8 bytes were read as GBK (锛掞紣锛掞紦). The 年 after it survived. No agency's name ends
 * so, and no year can be read from it: the parser takes the issuer's name the page gives (发布机构,
 * or the signature, 落款) and keeps the title's beside it (reports.title_agency, W_AGENCY_DISPUTED).
 */

/** How an issuer's full name ends: a name the parser may take for the agency (not a place or a zone). */
export const ISSUER_NAME_END = /(?:人民政府|办公室|办公厅|办事处|委员会|管委会|局|厅|委|办|中心|院|所|署|会)$/;

/**
 * What is left of `year` in a garbled title (without the 年 after it). Full-width digits read as
 * GBK not for a year ending 7 or 9: their last characters (紬, 紮) are traditional forms that
 * fold to others (䌷, 扎), so a report in traditional script would not give back the title written.
 */
export function garbledYear(rng: Random, year: number): string {
  if (rng.chance(0.5) || year % 10 === 7 || year % 10 === 9) return '锟斤拷'.repeat(rng.int(1, 2));
  const fullwidth = [...String(year)].map((d) => String.fromCharCode(0xff10 + Number(d))).join('');
  return iconv.decode(Buffer.from(fullwidth, 'utf8'), 'gbk');
}
