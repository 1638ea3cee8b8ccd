/**
 * The region ladder: the GB/T 2260 codes from the province down to a place, one per level that
 * exists as a division. Used for region pages, breadcrumbs and totals, so that they agree.
 *
 * Two kinds of code stand for no division of their own and are left out:
 * - 省直辖县级行政区划 (county-level cities directly under a province): the city-level code
 *   `XX9000` (429000 above 仙桃市 429004) is a placeholder in the tables;
 * - the 市辖区 / 县 groupings of the four municipalities 北京 11, 天津 12, 上海 31, 重庆 50
 *   (110100, 500200): their districts sit directly under the municipality.
 */

export type RegionLevel = 'province' | 'city' | 'county' | 'township';
export interface Rung {
  level: RegionLevel;
  code: string;
}

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

/** Rungs of `code` (6 or 9 digits), province first; [] for null or a malformed code. */
export function regionLadder(code: string | null | undefined): Rung[] {
  if (!code || !/^(\d{6}|\d{9})$/.test(code)) return [];
  const pr = code.slice(0, 2);
  const ci = code.slice(2, 4);
  const co = code.slice(4, 6);
  const out: Rung[] = [{ level: 'province', code: `${pr}0000` }];
  if (ci !== '00' && ci !== '90' && !MUNICIPALITIES.has(pr)) out.push({ level: 'city', code: `${pr}${ci}00` });
  if (co !== '00') out.push({ level: 'county', code: code.slice(0, 6) });
  if (code.length === 9) out.push({ level: 'township', code });
  return out;
}

/** The codes alone. */
export function regionCodes(code: string | null | undefined): string[] {
  return regionLadder(code).map((r) => r.code);
}

/** The ladder with each rung's name taken from the matching field; a rung without a name is left out. */
export function namedLadder(
  code: string | null | undefined,
  names: Partial<Record<RegionLevel, string | null>>,
): Array<Rung & { name: string }> {
  const out: Array<Rung & { name: string }> = [];
  for (const r of regionLadder(code)) {
    const name = names[r.level];
    if (name) out.push({ ...r, name });
  }
  return out;
}
