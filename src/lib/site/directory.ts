import type { ReportRow } from '../schema/datasets.ts';
import { regionCodes, regionLadder } from '../region/ladder.ts';
import { agencyCount, groupByAgency, splitAgency, type AgencyCount } from './agencies.ts';
import { regionNames } from './region-page.ts';
import { tally } from './aggregate.ts';

/**
 * The directory indexes: /agencies/ (by province, then city), /years/ and /kinds/. Plain data
 * for thin pages; tested in test/site-helpers.test.ts.
 */

export interface AgencyEntry {
  key: string;
  name: string;
  kind: string | null;
  years: number[];
  /** Reports, each once (aggregate.ts tally: copies apart). */
  reports: number;
  /**
   * Of `reports`, how many are of a place not known (NULL or ambiguous): reports of one name that
   * may be of different agencies (agencies.ts, NAMESAKE_NOTE).
   */
  namesakes: number;
}
export interface CityGroup {
  /** null: agencies placed at province level or without a city rung. */
  code: string | null;
  name: string;
  agencies: AgencyEntry[];
}
export interface ProvinceGroup {
  /** null: region not determined. */
  code: string | null;
  name: string;
  /** Entries listed (one per agency page). */
  count: number;
  /** How many agencies those are, at least and at most (a range when namesakes of unknown place are among them). */
  agencies: AgencyCount;
  cities: CityGroup[];
}

const collator = new Intl.Collator('zh-CN');

export function agencyDirectory(reports: ReportRow[]): ProvinceGroup[] {
  const names = regionNames(reports);
  const provinces = new Map<
    string,
    { code: string | null; name: string; cities: Map<string, CityGroup>; reports: ReportRow[] }
  >();
  for (const [key, rs] of groupByAgency(reports)) {
    const last = rs.at(-1)!;
    const ladder = regionLadder(last.region_code);
    const pc = ladder[0]?.code ?? null;
    const cc = ladder.find((r) => r.level === 'city')?.code ?? null;
    const pKey = pc ?? '';
    const prov = provinces.get(pKey) ?? {
      code: pc,
      name: pc ? (names.get(pc) ?? `行政区划 ${pc}`) : '地区未确定',
      cities: new Map<string, CityGroup>(),
      reports: [],
    };
    provinces.set(pKey, prov);
    prov.reports.push(...rs);
    const cKey = cc ?? '';
    const city = prov.cities.get(cKey) ?? {
      code: cc,
      name: cc ? (names.get(cc) ?? `行政区划 ${cc}`) : pc ? '省级及直辖单位' : '—',
      agencies: [],
    };
    prov.cities.set(cKey, city);
    const years = [...new Set(rs.map((r) => r.year).filter((y): y is number => y !== null))].sort((a, b) => a - b);
    const namesakes = splitAgency(rs).namesakes.length;
    city.agencies.push({
      key,
      name: last.agency!,
      kind: last.agency_kind,
      years,
      reports: tally(rs).reports,
      namesakes,
    });
  }
  const byCode = (a: { code: string | null }, b: { code: string | null }) =>
    a.code === b.code ? 0 : a.code === null ? 1 : b.code === null ? -1 : a.code.localeCompare(b.code);
  return [...provinces.values()]
    .map((p) => {
      const cities = [...p.cities.values()].sort(byCode);
      for (const c of cities) c.agencies.sort((a, b) => collator.compare(a.name, b.name));
      return {
        code: p.code,
        name: p.name,
        count: cities.reduce((n, c) => n + c.agencies.length, 0),
        agencies: agencyCount(p.reports),
        cities,
      };
    })
    .sort(byCode);
}

export interface CountEntry<K> {
  key: K;
  /** Reports, each once (aggregate.ts tally: copies apart), as the entry's own page says. */
  reports: number;
  agencies: AgencyCount;
}

/** Report years, newest first, with report and agency counts. */
export function yearIndex(reports: ReportRow[]): Array<CountEntry<number>> {
  return countBy(reports, (r) => r.year).sort((a, b) => b.key - a.key);
}

/** Kinds of agency, most reports first. */
export function kindIndex(reports: ReportRow[]): Array<CountEntry<string>> {
  return countBy(reports, (r) => r.agency_kind).sort((a, b) => b.reports - a.reports || collator.compare(a.key, b.key));
}

function countBy<K>(reports: ReportRow[], keyOf: (r: ReportRow) => K | null): Array<CountEntry<K>> {
  const m = new Map<K, ReportRow[]>();
  for (const r of reports) {
    const k = keyOf(r);
    if (k === null) continue;
    const list = m.get(k);
    if (list) list.push(r);
    else m.set(k, [r]);
  }
  // Reports of one name whose place is NULL or ambiguous are not proven one agency (nor two).
  return [...m].map(([key, rs]) => ({ key, reports: tally(rs).reports, agencies: agencyCount(rs) }));
}

/** Provinces (/regions/), by code, with how many reports each holds (each once: aggregate.ts tally). */
export function provinceIndex(reports: ReportRow[]): Array<{ code: string; name: string; reports: number }> {
  const out = new Map<string, { code: string; name: string; list: ReportRow[] }>();
  for (const r of reports) {
    const code = regionCodes(r.region_code)[0];
    if (!code || !r.province) continue;
    const p = out.get(code);
    if (p) p.list.push(r);
    else out.set(code, { code, name: r.province, list: [r] });
  }
  return [...out.values()]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map(({ code, name, list }) => ({ code, name, reports: tally(list).reports }));
}
