import { WORDS } from './appendix.ts';
import type { Random } from './random.ts';

/**
 * An appendix (附件) holding another unit's table, as a county government's report prints
 * 附件2：县教育局政府信息公开申请情况统计表, 附件：各乡镇政府信息公开工作年度报告数据汇总, or a
 * table under 填报单位：某县财政局: beside the report's own table in its section (`body`), beside
 * the own table moved to the appendix and titled with the report's own name — in full, shorter,
 * as its place, 本机关 (`both`) — or as the only table of a section that says 详见附件 (`only`).
 * Or a part of the appendix holding several of the other unit's tables, named once at its head
 * (附件： alone and the unit's title on the next line, or on one line, or the name alone), each
 * table under its section's words (`part`): the report's own sections print their table, or
 * only 详见附件 / （图片）, at least one of them its table. A unit's name ends in anything: 局,
 * 中心, 处, 馆, 中学, 公司, 医院, 研究院 … The other unit's numbers are not the report's: a
 * section that prints no table of its own has no cells in the truth at all (a reader finds no
 * table of the report's own there).
 */

export interface UnitNames {
  /** The report's agency, as its title writes it. */
  agency: string;
  /** Its place as the name writes it (泰州市, 海陵区, 新华街道). */
  place: string;
  year: number;
  /** The title states the year: an own table's title may then state it too. */
  yearInTitle: boolean;
}

export interface OtherUnit {
  /** Sections 二–四 (index 0–2): heading and table lines, or heading and the reference. */
  sections: [string[], string[], string[]];
  /** The appendix's lines, to follow section 六. */
  appendix: string[];
  /** The sections (0–2) whose own table the report no longer prints (variants `only`, `part`). */
  dropped: Array<0 | 1 | 2>;
}

const DEPTS = ['教育局', '财政局', '民政局', '卫生健康委员会', '交通运输局', '住房和城乡建设局', '市场监督管理局'];
const PROVINCE_DEPTS = ['教育厅', '财政厅', '民政厅', '卫生健康委员会', '交通运输厅'];
const TOWN_UNITS = ['综合便民服务中心', '农业综合服务中心', '社会事务办公室'];
/** Units whose names end as no department's does (处, 馆, 中学, 公司, 医院, 学校, 研究院 …). */
const INSTITUTIONS = [
  '环境卫生管理处',
  '住房公积金管理处',
  '档案馆',
  '图书馆',
  '博物馆',
  '第一中学',
  '实验小学',
  '职业技术学校',
  '供水公司',
  '公共交通集团有限公司',
  '人民医院',
  '中医院',
  '农业科学研究院',
  '规划设计研究院',
  '广播电视台',
];
const CN = '一二三四五六七八九十';

/** The level a place's name ends in, as short forms write it (区教育局): null for a township. */
function levelOf(place: string): string | null {
  const m = /([省市区县旗州盟])$/.exec(place);
  return m ? m[1]! : null;
}

/** The report's own name as an appendix title may write it. */
function ownNames(n: UnitNames): string[] {
  const at = n.agency.lastIndexOf(n.place);
  const rest = at >= 0 ? n.agency.slice(at + n.place.length) : '';
  const level = levelOf(n.place);
  const forms = [n.agency, '本机关', '本单位'];
  // Without the parent place written before it (无锡市滨湖区教育局 → 滨湖区教育局).
  if (at > 0) forms.push(n.agency.slice(at));
  // A government or a street office by its place alone (某县, 新华街道).
  if (rest === '人民政府' || rest === '办事处') forms.push(n.place);
  else if (rest && level) forms.push(`${level}${rest}`);
  if (/局$/.test(rest)) forms.push('我局');
  return forms;
}

/** Another unit's name: a department of the same place, the place's government, or several units. */
function otherName(rng: Random, n: UnitNames): { name: string; many: boolean } {
  const level = levelOf(n.place);
  const rest = n.agency.slice(n.agency.lastIndexOf(n.place) + n.place.length);
  if (rng.chance(0.3)) {
    const many = level
      ? ['各乡镇（街道）', '各乡镇', '下属单位', '所属各单位', '各部门']
      : ['各村（社区）', '下属单位', '所属各单位'];
    return { name: rng.pick(many), many: true };
  }
  if (rng.chance(0.35)) return { name: `${n.place}${rng.pick(INSTITUTIONS)}`, many: false };
  if (!level) return { name: `${n.place}${rng.pick(TOWN_UNITS)}`, many: false };
  const dept = rng.pick((level === '省' ? PROVINCE_DEPTS : DEPTS).filter((d) => !n.agency.endsWith(d)));
  const names = [`${n.place}${dept}`, `${level}${dept}`];
  // A department's report printing its government's table.
  if (!/^人民政府/.test(rest)) names.push(`${n.place}人民政府`);
  return { name: rng.pick(names), many: false };
}

/**
 * `sections`: 二–四 each as [heading, ...table lines]; `other`: another unit's 二–四 table lines,
 * in the report's style. Draws only from `rng` (a side generator).
 */
export function otherUnitAppendix(
  rng: Random,
  sections: [string[], string[], string[]],
  other: [string[], string[], string[]],
  n: UnitNames,
): OtherUnit {
  const k = rng.int(0, 2) as 0 | 1 | 2;
  const variant = rng.weighted({ body: 4, both: 3, only: 3, part: 4 });
  if (variant === 'part') return namedPart(rng, sections, other, n);
  // Titles 附件1：…, 附件2：… (`att`), or the appendix under one 附件 line, titled in words or 表N.
  const att = rng.chance(0.5);
  const words = () => rng.pick(WORDS[k]);
  const unit = otherName(rng, n);
  const otherTitle = (i: number): string[] => {
    const w = words();
    if (unit.many)
      return att
        ? [rng.pick([`附件${i}：${unit.name}政府信息公开工作年度报告数据汇总`, `附件${i}：${unit.name}${w}`])]
        : [`${unit.name}${w}`];
    const form = rng.int(0, 3);
    if (att)
      return [
        [`附件${i}：${unit.name}${w}`],
        [`附件${i}：${unit.name}${n.year}年度${w}`],
        [`附件${i}`, unit.name, w],
        [`附件${i}：${w}`, `填报单位：${unit.name}`],
      ][form]!;
    return [
      [`${unit.name}${w}`],
      [`表${i} ${unit.name}${w}`],
      [`表${i} ${w}`, `填报单位：${unit.name}`],
      [`${unit.name}${n.year}年度${w}`],
    ][form]!;
  };
  const ownTitle = (i: number): string => {
    const own = rng.chance(0.8) ? rng.pick(ownNames(n)) : '';
    const year = n.yearInTitle && rng.chance(0.5) ? `${n.year}年` : '';
    const title = `${own}${year}${words()}`;
    return att ? `附件${i}：${title}` : rng.chance(0.5) ? `表${i} ${title}` : title;
  };
  const out = sections.map((s) => [...s]) as OtherUnit['sections'];
  const appendix: string[] = att ? [] : [rng.pick(['附件', '附件：'])];
  if (variant === 'body') appendix.push(...otherTitle(1), ...other[k]);
  else if (variant === 'only') {
    appendix.push(...otherTitle(1), ...other[k]);
    out[k] = [sections[k][0]!, att && rng.chance(0.5) ? '具体情况见附件1。' : '详见附件。'];
  } else {
    const ownFirst = rng.chance(0.5);
    const [ownAt, otherAt] = ownFirst ? [1, 2] : [2, 1];
    const own = [ownTitle(ownAt), ...sections[k].slice(1)];
    const theirs = [...otherTitle(otherAt), ...other[k]];
    appendix.push(...(ownFirst ? [...own, ...theirs] : [...theirs, ...own]));
    out[k] = [sections[k][0]!, att ? `具体情况见附件${ownAt}。` : '详见附件。'];
  }
  return { sections: out, appendix, dropped: variant === 'only' ? [k] : [] };
}

/**
 * Variant `part`: 附件： (alone, or with the title on its line), the other unit named once at the
 * part's head, then two or three of its tables, each under its section's words (二、主动公开政府
 * 信息情况, 表2 …, or the words alone). Each of the report's sections holding one of them prints
 * its own table, or only 详见附件 / （图片）: at least one section prints its own.
 */
function namedPart(
  rng: Random,
  sections: [string[], string[], string[]],
  other: [string[], string[], string[]],
  n: UnitNames,
): OtherUnit {
  let unit = otherName(rng, n);
  if (unit.many) unit = { name: `${n.place}${rng.pick(INSTITUTIONS)}`, many: false };
  const year = rng.chance(0.6) ? `${n.year}年` : '';
  const title = `${unit.name}${year}${rng.pick(['政府信息公开工作年度报告统计表', '政府信息公开工作年度报告数据', '政府信息公开情况统计表'])}`;
  const head = [['附件：', title], ['附件', title], [`附件：${title}`], ['附件：', unit.name]][
    Number(rng.weighted({ 0: 4, 1: 2, 2: 2, 3: 1 }))
  ]!;
  const pairs: Array<Array<0 | 1 | 2>> = [
    [0, 1],
    [1, 2],
    [0, 2],
  ];
  const ks: Array<0 | 1 | 2> = rng.chance(0.5) ? [0, 1, 2] : rng.pick(pairs);
  const style = rng.int(0, 2);
  const appendix = [...head];
  ks.forEach((k, i) => {
    const w = WORDS[k][0]!;
    appendix.push([`${CN[k + 1]}、${w}`, `表${i + 1} ${w}`, w][style]!, ...other[k]);
  });
  // The sections that print no table of their own: never all three.
  const dropped = ks.filter(() => rng.chance(0.6));
  if (dropped.length === 3) dropped.pop();
  const out = sections.map((s) => [...s]) as OtherUnit['sections'];
  for (const k of dropped) out[k] = [sections[k][0]!, rng.pick(['详见附件。', '（图片）'])];
  return { sections: out, appendix, dropped };
}

/** A section's words saying nothing of its table happened in the year (三, 四). */
const NONE_SAID: Record<1 | 2, string[]> = {
  1: ['本年度本机关未收到政府信息公开申请。', '本年度，本机关没有收到政府信息公开申请。', '本年度无政府信息公开申请。'],
  2: ['本年度未发生政府信息公开行政复议、行政诉讼案件。', '本年度本机关没有因政府信息公开引起的行政复议和行政诉讼。'],
};
/** A note after such a table in words no period rule reads (t109: passive, vague). */
const VAGUE_NOTES = ['上表数据由本机关根据台账整理，供参考。', '上表反映的是以往的有关情况。', ''];

/**
 * A section printing, as its only table, one that is not the report's own (`other[k]`, in the
 * report's style): another unit's, said by the words over it — a sentence (下属单位某处…情况如下：,
 * 所属事业单位…), a title (表3 某处…), 填报单位：…, the name alone, （以下为…数据） (a fresh tester's
 * t111); or, where that table holds figures (`figures[k]`: 三's new requests or 四's cases above
 * 0), another year's under the section's words saying none happened in the year (t109:
 * contradicted). The section prints no table of its own: it has no cells in the truth. Or the
 * section prints both, each under its own words (`section-two-tables`): its own in the truth.
 * Draws only from `rng` (a side generator).
 */
export function notOwnSection(
  rng: Random,
  sections: [string[], string[], string[]],
  other: [string[], string[], string[]],
  n: UnitNames,
  figures: [boolean, boolean, boolean],
): { sections: [string[], string[], string[]]; dropped: Array<0 | 1 | 2>; quirk: string } {
  const k = rng.int(0, 2) as 0 | 1 | 2;
  const out = sections.map((s) => [...s]) as [string[], string[], string[]];
  const contradicted = k > 0 && figures[k] && rng.chance(0.4);
  if (contradicted) {
    const note = rng.pick(VAGUE_NOTES);
    out[k] = [sections[k][0]!, rng.pick(NONE_SAID[k as 1 | 2]), ...other[k], ...(note ? [note] : [])];
    return { sections: out, dropped: [k], quirk: 'section-contradicted' };
  }
  const unit = otherName(rng, n);
  const w = rng.pick(WORDS[k]);
  // Both tables in the section, each under its own words, in either order (上年同期情况： / …
  // / 本年度情况： / …; a fresh tester's t116): the report's own is read, the other not.
  if (rng.chance(0.35)) {
    const mine = rng.pick(['本年度情况：', `${n.year}年度情况如下：`, `本机关${w}如下：`]);
    const theirs = rng.pick([
      '上年同期情况：',
      `${n.year - 1}年度情况如下：`,
      `为便于比较，现将${n.year - 1}年度${w}列示如下：`,
      `下属单位${unit.name}${w}如下：`,
    ]);
    const own = [mine, ...sections[k].slice(1)];
    const another = [theirs, ...other[k]];
    out[k] = [sections[k][0]!, ...(rng.chance(0.5) ? [...own, ...another] : [...another, ...own])];
    return { sections: out, dropped: [], quirk: 'section-two-tables' };
  }
  const over = unit.many
    ? [`${unit.name}${w}汇总如下：`]
    : rng.pick([
        [`下属单位${unit.name}${w}如下：`],
        [`所属事业单位${unit.name}情况如下：`],
        [`表${k + 1} ${unit.name}${w}`],
        [`填报单位：${unit.name}`],
        [unit.name],
        [`（以下为${unit.name}数据）`],
      ]);
  out[k] = [sections[k][0]!, ...over, ...other[k]];
  return { sections: out, dropped: [k], quirk: 'section-other-unit' };
}
