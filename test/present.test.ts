import { describe, expect, it } from 'vitest';
import { regionPath, regionTrail } from '../src/lib/site/present.ts';
import type { ReportRow } from '../src/lib/schema/datasets.ts';

const row = (
  region_code: string | null,
  province: string | null,
  city: string | null,
  county: string | null,
  township: string | null = null,
) => ({ region_code, province, city, county, township }) as ReportRow;

describe('region trail', () => {
  it('pairs each level name with its own code', () => {
    expect(regionTrail(row('320211', '江苏省', '无锡市', '滨湖区'))).toEqual([
      { code: '320000', name: '江苏省' },
      { code: '320200', name: '无锡市' },
      { code: '320211', name: '滨湖区' },
    ]);
  });
  it('skips a level without a name instead of shifting the names (省直辖县级市)', () => {
    expect(regionTrail(row('429004', '湖北省', null, '仙桃市'))).toEqual([
      { code: '420000', name: '湖北省' },
      { code: '429004', name: '仙桃市' },
    ]);
  });
  it('townships and unresolved regions', () => {
    expect(regionTrail(row('610802005', '陕西省', '榆林市', '榆阳区', '驼峰路街道')).at(-1)).toEqual({
      code: '610802005',
      name: '驼峰路街道',
    });
    expect(regionTrail(row(null, null, null, null))).toEqual([]);
  });
});

describe('region path in lists', () => {
  it('leaves out GB/T 2260’s placeholder levels, as the report page’s trail does (t70: 天津市 › 市辖区 › 河北区)', () => {
    expect(regionPath(row('120105', '天津市', '市辖区', '河北区'))).toEqual(['天津市', '河北区']);
    expect(regionPath(row('320211', '江苏省', '无锡市', '滨湖区'))).toEqual(['江苏省', '无锡市', '滨湖区']);
    expect(regionPath(row(null, null, null, null))).toEqual([]);
  });
});
