import { WORDS } from './appendix.ts';
import type { Random } from './random.ts';

/**
 * An appendix (附件) holding another unit's table, as a county government's report prints
 * 附件2：县教育局政府信息公开申请情况统计表, 附件：各乡镇政府信息公开工作年度报告数据汇总, or a
 * table under 填报单位：某县财政局: beside the report's own table in its section (`body`), beside
 * the own table moved to the appendix and titled with the report's own name — in full, shorter,
 * as its place, 本机关 (`both`) — or as the only table of a section that says 详见附件 (`only`).
 * The other unit's numbers are not the report's: in `only` the section's cells are not in the
 * truth at all (a reader finds no table of the report's own there).
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
  /** The section (0–2) whose own table the report no longer prints (variant `only`), else null. */
  dropped: 0 | 1 | 2 | null;
}

const DEPTS = ['教育局', '财政局', '民政局', '卫生健康委员会', '交通运输局', '住房和城乡建设局', '市场监督管理局'];
const PROVINCE_DEPTS = ['教育厅', '财政厅', '民政厅', '卫生健康委员会', '交通运输厅'];
const TOWN_UNITS = ['综合便民服务中心', '农业综合服务中心', '社会事务办公室'];

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
  const variant = rng.weighted({ body: 4, both: 3, only: 3 });
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
  return { sections: out, appendix, dropped: variant === 'only' ? k : null };
}
