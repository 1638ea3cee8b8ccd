import { pathOf, type Gazetteer, type Place } from '../region/gazetteer.ts';
import type { Random } from './random.ts';
import type { ReportRow } from '../schema/datasets.ts';
import { STAT_ZONE_CODE } from '../region/zones.ts';

/**
 * Synthetic agencies with real place names, and the region a correct resolver must find for
 * them: the place itself when its name is unique or a stated parent or a clue decides it;
 * otherwise `ambiguous` with only the ancestor all candidates share.
 */

export interface Clues {
  phone?: string;
  creditCode?: string;
  domain?: string;
  platform?: string;
}

export interface AgencyPick {
  agency: string;
  kind: string;
  level: 1 | 2 | 3 | 4;
  place: Place;
  clues: Clues;
  region: Pick<ReportRow, 'region_code' | 'region_basis'>;
  /** Request volume scale for the numbers. */
  scale: number;
}

const PROVINCE_DEPTS = [
  '人民政府',
  '人民政府办公厅',
  '教育厅',
  '财政厅',
  '生态环境厅',
  '市场监督管理局',
  '卫生健康委员会',
  '自然资源厅',
];
const CITY_DEPTS = [
  '人民政府',
  '人民政府办公室',
  '教育局',
  '财政局',
  '市场监督管理局',
  '卫生健康委员会',
  '自然资源和规划局',
  '人力资源和社会保障局',
  '住房和城乡建设局',
  '行政审批局',
  '交通运输局',
  '民政局',
];

/**
 * A third of the natural-resources departments are forestry bureaus (林业局, 林业和草原局): the
 * gazetteer holds township-level units named 林业局 that must never place them. Decided by the
 * place's code, not by the generator's stream, so that every other draw of a corpus stays the same.
 */
function forestry(place: Place, dept: string): string {
  if (dept !== '自然资源和规划局' && dept !== '自然资源厅') return dept;
  const h = [...place.code].reduce((a, c) => (a * 31 + c.charCodeAt(0)) >>> 0, 7);
  return h % 3 === 0 ? (h % 2 ? '林业局' : '林业和草原局') : dept;
}

export function kindOf(agency: string): string {
  if (/(?:人民政府办公室|人民政府办公厅)$/.test(agency)) return '人民政府办公室';
  if (/街道办事处$/.test(agency)) return '街道办事处';
  if (/(?:镇|乡)人民政府$/.test(agency)) return '乡镇人民政府';
  if (/人民政府$/.test(agency)) return '人民政府';
  return '部门';
}

export interface AgencyPool {
  provinces: Place[];
  cities: Place[];
  counties: Place[];
  townships: Place[];
  /** City code (4-digit prefix) → telephone area code. */
  phoneOf: Map<string, string>;
  /** Ambiguous county and township names, for the "same name, several places" cases. */
  ambiguous: Place[];
}

export function agencyPool(g: Gazetteer): AgencyPool {
  const provinces: Place[] = [];
  const cities: Place[] = [];
  const counties: Place[] = [];
  const townships: Place[] = [];
  const ambiguous: Place[] = [];
  for (const [name, places] of g.byName) {
    for (const p of places) {
      if (p.name !== name && !p.name.startsWith(name)) continue;
      if (p.level === 1) provinces.push(p);
      else if (p.level === 2) cities.push(p);
      else if (p.level === 3 && /[区县市旗]$/.test(name)) counties.push(p);
      else if (p.level === 4 && /(?:街道|镇|乡)$/.test(name)) townships.push(p);
      if (places.length > 1 && p.level >= 3 && /(?:区|街道|镇)$/.test(name)) ambiguous.push(p);
    }
  }
  const phoneOf = new Map<string, string>();
  for (const [code, places] of g.phone)
    for (const p of places)
      if (p.level === 2 && !phoneOf.has(p.code.slice(0, 4))) phoneOf.set(p.code.slice(0, 4), code);
  const byCode = (a: Place, b: Place) => (a.code < b.code ? -1 : 1);
  return {
    provinces: provinces.sort(byCode),
    cities: cities.sort(byCode),
    counties: counties.sort(byCode),
    townships: townships.sort(byCode),
    ambiguous: ambiguous.sort(byCode),
    phoneOf,
  };
}

export function pickAgency(g: Gazetteer, pool: AgencyPool, rng: Random): AgencyPick {
  const level = rng.weighted({ p1: 5, p2: 20, p3: 42, p4: 25, amb: 8 });
  let place: Place;
  let prefix = '';
  if (level === 'amb') place = rng.pick(pool.ambiguous);
  else
    place = rng.pick(
      level === 'p1' ? pool.provinces : level === 'p2' ? pool.cities : level === 'p3' ? pool.counties : pool.townships,
    );
  const path = pathOf(g, place.code);
  const parent = path[path.length - 2];
  // Sometimes the parent is written too (无锡市滨湖区…): the path is then stated.
  if (level !== 'amb' && parent && rng.chance(0.3) && !/市辖区|直辖/.test(parent.name)) prefix = parent.name;
  const indexName = place.name.endsWith('街道办事处') ? place.name.slice(0, -3) : place.name;
  let agency: string;
  if (place.level === 4) agency = indexName.endsWith('街道') ? `${indexName}办事处` : `${indexName}人民政府`;
  else agency = `${indexName}${forestry(place, rng.pick(place.level === 1 ? PROVINCE_DEPTS : CITY_DEPTS))}`;
  agency = prefix + agency;

  const clues: Clues = {};
  const city = path.find((p) => p.level === 2);
  const province = path[0]!;
  if (rng.chance(level === 'amb' ? 0.6 : 0.3)) {
    const which = rng.weighted({ phone: 2, credit: 2, platform: 1 });
    const phone = city ? pool.phoneOf.get(city.code.slice(0, 4)) : undefined;
    if (which === 'phone' && phone) clues.phone = phone;
    else if (which === 'credit' && place.level >= 3)
      clues.creditCode = place.level === 4 ? place.code.slice(0, 6) : place.code;
    else clues.platform = province.name.replace(/(?:省|市|壮族自治区|回族自治区|维吾尔自治区|自治区)$/, '');
  }
  return {
    agency,
    kind: kindOf(agency),
    level: place.level,
    place,
    clues,
    region: expectedRegion(g, place, indexName, prefix, clues),
    scale: [0, 25, 8, 3, 0.6][place.level]!,
  };
}

/** The region a correct resolver reports for this agency name and these clues. */
function expectedRegion(
  g: Gazetteer,
  place: Place,
  name: string,
  prefix: string,
  clues: Clues,
): Pick<ReportRow, 'region_code' | 'region_basis'> {
  let cands = g.byName.get(name) ?? [];
  let stated = false;
  if (prefix) {
    const parents = g.byName.get(prefix) ?? [];
    const narrowed = cands.filter((c) =>
      pathOf(g, c.code).some((a) => parents.some((p) => p.code === a.code) && a.code !== c.code),
    );
    if (narrowed.length) {
      cands = narrowed;
      stated = true;
    }
  }
  let clue = false;
  const prefixes: string[][] = [];
  if (clues.creditCode) prefixes.push([clues.creditCode.replace(/(00)+$/, '')]);
  if (clues.phone)
    prefixes.push([...(g.phone.get(clues.phone) ?? [])].map((c) => c.code.slice(0, c.level === 1 ? 2 : 4)));
  if (clues.platform) prefixes.push([[...g.provinceShort].find(([s]) => s === clues.platform)![1].code.slice(0, 2)]);
  if (cands.length > 1) {
    for (const ps of prefixes) {
      const narrowed = cands.filter((c) => ps.some((p) => c.code.startsWith(p)));
      if (narrowed.length && narrowed.length < cands.length) {
        cands = narrowed;
        clue = true;
      }
      if (cands.length === 1) break;
    }
  }
  // A zone with a statistical code only (320576 苏州工业园区) is placed at its city.
  const zone = (c: Place) => (c.level === 3 && STAT_ZONE_CODE.test(c.code) ? c.parent : null);
  if (cands.length === 1)
    return zone(cands[0]!)
      ? { region_code: zone(cands[0]!), region_basis: 'zone' }
      : {
          region_code: cands[0]!.code,
          region_basis: clue ? 'clue' : stated || place.level === 1 ? 'stated' : 'gazetteer',
        };
  if (cands.length === 0) return { region_code: null, region_basis: 'unresolved' };
  const paths = cands.map((c) => pathOf(g, c.code));
  let common: Place | null = null;
  for (let i = 0; paths.every((p) => p[i] && p[i]!.code === paths[0]![i]!.code); i++) common = paths[0]![i]!;
  return { region_code: common ? (zone(common) ?? common.code) : null, region_basis: 'ambiguous' };
}
