/**
 * Development zones and new areas that are no division of GB/T 2260 (the national standard of
 * administrative division codes), with the division that administers them — or, where the zone
 * coincides with one division, that division. A report of such a zone's administrative
 * committee (管委会) is placed there with region_basis `zone`.
 *
 * Sources: the State Council's list of the 19 national new areas (国家级新区, gov.cn, as of
 * 2017) and the decisions placing them under a city (西咸新区 under 西安市 in 2017, 贵安新区
 * under 贵阳市 in 2021, 滇中新区 under 昆明市 in 2021); 平潭综合实验区 covers 平潭县 (350128);
 * 横琴粤澳深度合作区 (2021 plan) and 深汕特别合作区 lie in 珠海市 and are run by 深圳市. Names as
 * the zones write them, without the province or city prefix (the prefix is matched as a
 * place name on its own).
 *
 * Zones that appear in the statistical division codes (统计用区划代码, where their codes have
 * 7 as the fifth digit, e.g. 320576 苏州工业园区) are found through the gazetteer and mapped to
 * their parent city by `zoneParent` in resolve.ts; they need no entry here.
 */
export interface Zone {
  name: string;
  /** GB/T 2260 code of the division that administers the zone (or that it coincides with). */
  code: string;
}

export const ZONES: readonly Zone[] = [
  { name: '平潭综合实验区', code: '350128' },
  { name: '雄安新区', code: '130000' },
  { name: '两江新区', code: '500000' },
  { name: '舟山群岛新区', code: '330900' },
  { name: '兰州新区', code: '620100' },
  { name: '南沙新区', code: '440115' },
  { name: '西咸新区', code: '610100' },
  { name: '贵安新区', code: '520100' },
  { name: '西海岸新区', code: '370211' },
  { name: '金普新区', code: '210200' },
  { name: '天府新区', code: '510100' },
  { name: '湘江新区', code: '430100' },
  { name: '江北新区', code: '320100' },
  { name: '福州新区', code: '350100' },
  { name: '滇中新区', code: '530100' },
  { name: '哈尔滨新区', code: '230100' },
  { name: '长春新区', code: '220100' },
  { name: '赣江新区', code: '360000' },
  { name: '横琴粤澳深度合作区', code: '440400' },
  { name: '深汕特别合作区', code: '440300' },
  { name: '前海深港现代服务业合作区', code: '440300' },
];

/** Statistical codes of zones (xxxx7x): no GB/T 2260 division. */
export const STAT_ZONE_CODE = /^\d{4}7\d$/;
