import { describe, expect, it } from 'vitest';
import { buildGazetteer } from '../src/lib/region/gazetteer.ts';
import { generateCorpus } from '../src/lib/synth/corpus.ts';

/** A place list so small that its agencies run out after a few dozen reports. */
const tiny = buildGazetteer({
  provinces: [{ code: '330000', name: '浙江省' }],
  cities: [{ code: '330100', name: '杭州市', provinceCode: '330000' }],
  areas: [
    { code: '330106', name: '西湖区', cityCode: '330100' },
    { code: '330108', name: '滨江区', cityCode: '330100' },
  ],
  // 北山街道 twice: the generator also draws agencies of names several places share.
  streets: [
    { code: '330106001', name: '北山街道', areaCode: '330106' },
    { code: '330106002', name: '转塘镇', areaCode: '330106' },
    { code: '330108001', name: '北山街道', areaCode: '330108' },
  ],
  phoneCodes: [{ code: '0571', name: '杭州市' }],
});

describe('the synthetic corpus when its agencies run out', () => {
  it('ends, an agency continuing its own series, never two reports of one agency and year', () => {
    const seen = new Map<string, number>();
    let files = 0;
    // (About 800 reports fit before the agencies run out; a side generator that changes a file's
    // text, correction-words, can move that by a few, as a file's later draws depend on its text.)
    for (const f of generateCorpus(790, 7, tiny)) {
      files++;
      const r = f.truth.report;
      // Copies (dup/: the same report again, re-encoded) are meant to repeat one.
      if (!r || f.path.startsWith('dup/') || r.year === null) continue;
      const key = `${r.agency}|${r.year}`;
      seen.set(key, (seen.get(key) ?? 0) + 1);
    }
    expect(files).toBe(790);
    expect([...seen.values()].every((n) => n === 1)).toBe(true);
  });

  it('says so when the places have no agency and year left, instead of looping', () => {
    expect(() => [...generateCorpus(100_000, 7, tiny)].length).toThrow(/no agency and year left/);
  });
});
