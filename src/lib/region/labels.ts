import type { ReportRow } from '../schema/datasets.ts';
import type { GazetteerData } from './gazetteer.ts';

/**
 * How a report's city and county are named in the search filters (城市, 区县). A filter value
 * must stand for one division (one GB/T 2260 code), and a name alone does not: 市辖区 is the
 * city-level entry of 北京, 天津, 上海 and 重庆 alike, and 朝阳区, 鼓楼区 or 新华区 are districts of
 * several cities. Such a name is given with its parent's (北京市·市辖区, 长春市·朝阳区); in GB/T
 * 2260 the parent and the name together are unique (a test checks every city and county).
 *
 * Whether a name is shared is judged over the whole of GB/T 2260, not over the reports of the
 * site, so that a label (and a search address with it) does not change when a report from the
 * other 朝阳区 is added.
 */

/** City-level names that are no place of their own: always given with the province. */
export const PLACEHOLDER_NAMES: ReadonlySet<string> = new Set([
  '市辖区',
  '县',
  '省直辖县级行政区划',
  '自治区直辖县级行政区划',
]);

export interface SharedNames {
  /** Names borne by more than one city-level division. */
  city: ReadonlySet<string>;
  /** Names borne by more than one county-level division. */
  county: ReadonlySet<string>;
}

/** The names several divisions of a level bear (counted by code). */
export function sharedNames(data: Pick<GazetteerData, 'cities' | 'areas'>): SharedNames {
  const shared = (list: Array<{ code: string; name: string }>) => {
    const codes = new Map<string, Set<string>>();
    for (const { code, name } of list) codes.set(name, (codes.get(name) ?? new Set()).add(code));
    return new Set([...codes].filter(([, c]) => c.size > 1).map(([name]) => name));
  };
  // A city without counties (东莞市) is listed again as an "area" with its own code: not a county.
  const counties = data.areas.filter((a) => a.code !== `${a.cityCode}00`);
  return { city: shared(data.cities), county: shared(counties) };
}

/**
 * The 城市 and 区县 filter values of a report: the name, or `parent·name` where the name is a
 * placeholder or shared; the parent of a county is its city, or the province where the city is
 * a placeholder (北京市·朝阳区, not 市辖区·朝阳区).
 */
export function placeFilterValues(
  r: Pick<ReportRow, 'province' | 'city' | 'county'>,
  shared: SharedNames,
): { city: string | null; county: string | null } {
  const label = (name: string, parent: string | null, names: ReadonlySet<string>) =>
    parent && (PLACEHOLDER_NAMES.has(name) || names.has(name)) ? `${parent}·${name}` : name;
  const countyParent = r.city && !PLACEHOLDER_NAMES.has(r.city) ? r.city : r.province;
  return {
    city: r.city ? label(r.city, r.province, shared.city) : null,
    county: r.county ? label(r.county, countyParent, shared.county) : null,
  };
}

/** The place's own name in a filter value (北京市·朝阳区 → 朝阳区), to show beside a result. */
export function placeName(value: string): string {
  return value.slice(value.lastIndexOf('·') + 1);
}
