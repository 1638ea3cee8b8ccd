import type { Random } from './random.ts';

/**
 * Tables printed in an appendix (附件) after section 六, the sections saying only where they are
 * (详见附件表1), as real reports do (docs/template.md, "How the text arrives"): all three tables
 * or only some deferred, the appendix in any order, opened by 附件 / 附件1 / 附件：… / 附表, the
 * tables titled 表1 / 表一 / 附表1 / 附件2 / in the section's own words / not at all, and the
 * reference phrased to match. Or a table printed in its section and again, identical, in the
 * appendix. The truth is unchanged: every table is still read, once.
 */

export interface Deferred {
  /** Sections 二–四 (index 0–2): heading and table lines, or heading and the reference. */
  sections: [string[], string[], string[]];
  /** The appendix's lines, to follow section 六. */
  appendix: string[];
}

/** A section's words, as a title in the appendix says them. */
export const WORDS: [string[], string[], string[]] = [
  ['主动公开政府信息情况', '主动公开政府信息情况统计表'],
  ['收到和处理政府信息公开申请情况', '政府信息公开申请情况统计表'],
  ['政府信息公开行政复议、行政诉讼情况', '行政复议、行政诉讼情况统计表'],
];
const CN = '一二三四五六七八九十';

type Titles = 'tab' | 'tab-cn' | 'fubiao' | 'att' | 'words' | 'none';

/**
 * `sections`: 二–四 each as [heading, ...table lines]. Draws only from `rng` (a side generator).
 */
export function deferToAppendix(rng: Random, sections: [string[], string[], string[]]): Deferred {
  const repeat = rng.chance(0.2);
  // Which tables go to the appendix: all three, or some (二 in the body, 三 and 四 deferred).
  let moved = [0, 1, 2].filter(() => rng.chance(0.6));
  if (repeat) moved = [rng.int(0, 2)];
  else if (!moved.length || rng.chance(0.4)) moved = [0, 1, 2];
  // The appendix in any order.
  const order = [...moved];
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const titles: Titles = rng.pick(['tab', 'tab', 'tab-cn', 'fubiao', 'att', 'words', 'none'] as const);
  const appendix: string[] = [];
  const marker = rng.pick(['附件', '附件：', '附件1', '附表', '附件：政府信息公开工作年度报告统计表']);
  if (titles !== 'att') appendix.push(marker);
  // Every section pointing at the one 附件1 that holds all the tables.
  const whole = marker === '附件1' ? '详见附件1。' : null;
  const out = sections.map((s) => [...s]) as Deferred['sections'];
  order.forEach((k, i) => {
    const n = i + 1;
    const words = rng.pick(WORDS[k]!);
    const title = {
      tab: `表${n} ${words}`,
      'tab-cn': `表${CN[i]} ${words}`,
      fubiao: `附表${n}${rng.pick(['：', ' '])}${words}`,
      att: `附件${n}${rng.pick(['：', ' '])}${words}`,
      words,
      none: null,
    }[titles];
    if (title) appendix.push(title);
    appendix.push(...sections[k]!.slice(1));
    if (repeat) return;
    const ref = {
      tab: rng.pick([`详见附件表${n}。`, `具体情况见附件表${n}。`]),
      'tab-cn': `详见附件表${CN[i]}。`,
      fubiao: rng.pick([`见附表${n}。`, `本年度情况（详见附表${n}）。`]),
      att: `具体情况见附件${n}。`,
      words: whole ?? rng.pick(['详见附件。', '本年度情况（详见附表）。']),
      none: whole ?? rng.pick(['详见附件。', '（详见附表）']),
    }[titles];
    out[k] = [sections[k]![0]!, ref];
  });
  return { sections: out, appendix };
}

/**
 * Tables printed after section 四's text, before 五 (quirk tables-after-four): 二's, 三's or both,
 * and 四's own there too or in its place, titled 表1 … / 附表1：… in the section's words, the
 * sections moved saying where (详见表1). The truth is unchanged: every table is still read, once.
 * `sections`: 二–四 each as [heading, ...table lines]; draws only from `rng` (a side generator).
 */
export function tablesAfterFour(rng: Random, sections: [string[], string[], string[]]): Deferred['sections'] {
  const moved = rng.pick([[0], [1], [0, 1]] as const);
  const fourToo = rng.chance(0.4);
  const fubiao = rng.chance(0.5);
  const out = sections.map((s) => [...s]) as Deferred['sections'];
  const run: string[] = [];
  [...moved, ...(fourToo ? [2] : [])].forEach((k, i) => {
    const n = i + 1;
    const words = rng.pick(WORDS[k]!);
    run.push(fubiao ? `附表${n}：${words}` : `表${n} ${words}`, ...sections[k]!.slice(1));
    if (k < 2) out[k] = [sections[k]![0]!, fubiao ? `详见附表${n}。` : `详见表${n}。`];
  });
  out[2] = fourToo
    ? [sections[2][0]!, rng.pick(['本年度行政复议、行政诉讼情况及各项统计见下表。', '各项统计如下。']), ...run]
    : [...sections[2], ...run];
  return out;
}
