import { describe, expect, it } from 'vitest';
import type { ReportRow } from '../src/lib/schema/datasets.ts';
import { agencyKey as ingestAgencyKey } from '../src/lib/ingest/run.ts';
import {
  NAMESAKE_NOTE,
  agencyCount,
  agencyCountText,
  agencyKey,
  groupByAgency,
  placeKnown,
  splitAgency,
} from '../src/lib/site/agencies.ts';

/**
 * Agency pages group reports by name and region code (the key of their URL), but a name whose
 * place is NULL or ambiguous is no proof of one agency (the ingest's rule: a NULL equals nothing).
 */

type R = Pick<ReportRow, 'report_id' | 'agency' | 'region_code' | 'region_basis' | 'duplicate_of' | 'year'>;
let n = 0;
const r = (over: Partial<R> = {}): R => ({
  report_id: (++n).toString(16).padStart(16, '0'),
  agency: '朝阳街道办事处',
  region_code: null,
  region_basis: 'unresolved',
  duplicate_of: null,
  year: 2020,
  ...over,
});
const placed = (over: Partial<R> = {}) =>
  r({ agency: '滨湖区行政审批局', region_code: '320211', region_basis: 'gazetteer', ...over });

describe('placeKnown: the ingest rule for one agency', () => {
  const cases: R[] = [
    placed(),
    placed({ region_basis: 'stated' }),
    placed({ region_basis: 'zone' }),
    r(),
    r({ region_basis: 'ambiguous' }),
    r({ agency: '店上镇人民政府', region_code: '140400', region_basis: 'ambiguous' }),
    r({ agency: null, region_code: '320211', region_basis: 'gazetteer' }),
  ];
  it('known only for a name with a region code that is not ambiguous', () =>
    expect(cases.map(placeKnown)).toEqual([true, true, true, false, false, false, false]));
  it('agrees with the ingest (src/lib/ingest/run.ts, agencyKey: null when not known)', () => {
    for (const c of cases) expect(placeKnown(c), JSON.stringify(c)).toBe(ingestAgencyKey(c) !== null);
  });
  it('the page address is unchanged: a NULL place still has its old key', () => {
    // The old URLs keep resolving: the key scheme is name|region_code, '' for NULL.
    expect(agencyKey(r())).toMatch(/^[0-9a-f]{12}$/);
    expect(agencyKey(r())).toBe(agencyKey(r({ year: 2021 })));
    expect(agencyKey({ agency: null, region_code: null })).toBeNull();
  });
});

describe('splitAgency', () => {
  it('reports of a known place are one series', () => {
    const rs = [placed({ year: 2020 }), placed({ year: 2021 })];
    expect(splitAgency(rs)).toEqual({ series: rs, namesakes: [] });
  });
  it('reports of one name whose place is NULL are namesakes, not a series', () => {
    const rs = [r({ year: 2020 }), r({ year: 2021 })];
    expect(splitAgency(rs)).toEqual({ series: [], namesakes: rs });
  });
  it('so are reports whose place is ambiguous (the code is only the division they share)', () => {
    const rs = [
      r({ agency: '店上镇人民政府', region_code: '140400', region_basis: 'ambiguous', year: 2020 }),
      r({ agency: '店上镇人民政府', region_code: '140400', region_basis: 'ambiguous', year: 2021 }),
    ];
    expect(splitAgency(rs).series).toEqual([]);
  });
  it('placed and unplaced under one key: the placed are the series, the others apart', () => {
    const a = placed({ year: 2020 });
    const b = placed({ year: 2021 });
    const c = r({ agency: a.agency, region_code: a.region_code, region_basis: 'ambiguous', year: 2022 });
    expect(splitAgency([a, b, c])).toEqual({ series: [a, b], namesakes: [c] });
  });
  it('one report, or one report and its copies (the same text), is one agency whatever the place', () => {
    const one = r();
    expect(splitAgency([one])).toEqual({ series: [one], namesakes: [] });
    const copy = r({ duplicate_of: one.report_id });
    expect(splitAgency([one, copy])).toEqual({ series: [one, copy], namesakes: [] });
    const other = r({ year: 2021 });
    expect(splitAgency([one, copy, other]).series).toEqual([]);
  });
  it('groupByAgency still gathers a NULL place under one key (one page, split on it)', () => {
    const rs = [r({ year: 2021 }), r({ year: 2020 })] as ReportRow[];
    const groups = [...groupByAgency(rs).values()];
    expect(groups).toHaveLength(1);
    expect(groups[0]!.map((x) => x.year)).toEqual([2020, 2021]);
  });
});

describe('agencyCount: how many agencies, at least and at most', () => {
  it('exact when every place is known', () => {
    expect(agencyCount([placed(), placed({ year: 2021 }), placed({ region_code: '320200' })])).toEqual({
      min: 2,
      max: 2,
    });
  });
  it('one report of unknown place with a name of its own is one agency', () => {
    expect(agencyCount([placed(), r()])).toEqual({ min: 2, max: 2 });
  });
  it('two reports of one name and unknown place: one or two agencies', () => {
    expect(agencyCount([r(), r({ year: 2021 })])).toEqual({ min: 1, max: 2 });
  });
  it('a report of unknown place named as a placed agency may be that agency', () => {
    expect(agencyCount([placed(), r({ agency: '滨湖区行政审批局' })])).toEqual({ min: 1, max: 2 });
  });
  it('a copy of a report counted is no other agency; a report without a name is none', () => {
    const one = r();
    expect(agencyCount([one, r({ duplicate_of: one.report_id }), r({ agency: null })])).toEqual({ min: 1, max: 1 });
  });
  it('as text: one number when exact, else a range', () => {
    const f = (x: number) => x.toLocaleString('zh-CN');
    expect(agencyCountText({ min: 3, max: 3 }, f)).toBe('3');
    expect(agencyCountText({ min: 3, max: 1200 }, f)).toBe('3–1,200');
  });
  it('the note says the place is unknown and they may be different agencies', () =>
    expect(NAMESAKE_NOTE).toBe('同名机关，地区不明，未必为同一机关'));
});
