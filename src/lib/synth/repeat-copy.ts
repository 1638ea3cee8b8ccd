/**
 * The second copy of a report saved twice, one row of 三 printed with another total
 * (repeat-differing, corpus.ts), as crawls write it. Fresh testers' t71 and t72 found the first
 * copy's numbers published for four of these: the copy plain (the shape the generator had), its
 * title's agency abbreviated (卫健委 for 卫生健康委员会), every number of 三 with 件 after it, or in
 * traditional script (a site's 繁體 version saved below the page).
 */
export type CopyVariant = 'plain' | 'abbreviated' | 'units' | 'traditional';

/** An agency's kind as titles abbreviate it, longest first. */
const SHORT_NAMES: Array<[string, string]> = [
  ['卫生健康委员会', '卫健委'],
  ['住房和城乡建设局', '住建局'],
  ['人力资源和社会保障局', '人社局'],
  ['市场监督管理局', '市监局'],
  ['自然资源和规划局', '自规局'],
  ['发展和改革委员会', '发改委'],
  ['人民政府办公室', '政府办'],
  ['教育委员会', '教委'],
];

/**
 * Simplified characters of the report's form and its prose and their traditional forms: enough for
 * a copy to read as traditional (decode/script.ts asks for 8 characters, 5 of them different).
 */
const TRADITIONAL: Record<string, string> = {
  开: '開',
  报: '報',
  处: '處',
  请: '請',
  数: '數',
  总: '總',
  结: '結',
  转: '轉',
  计: '計',
  关: '關',
  规: '規',
  为: '為',
  务: '務',
  门: '門',
  发: '發',
  网: '網',
  这: '這',
  议: '議',
  诉: '訴',
  复: '復',
  费: '費',
  项: '項',
  机: '機',
  构: '構',
  织: '織',
  组: '組',
};

/** Whether a copy of this title can be written in `variant` (abbreviated: a kind SHORT_NAMES knows). */
export function copyVariantFits(variant: CopyVariant, title: string): boolean {
  return variant !== 'abbreviated' || SHORT_NAMES.some(([long]) => title.includes(long));
}

/**
 * The copy's lines: the title's lines and the body's (`body`, the differing row already changed),
 * in `variant`. `requestLines`: the body's lines that are rows of 三 (units go after their numbers
 * only, a number's end being a cell's: before `|` or the line's end).
 */
export function repeatCopy(
  variant: CopyVariant,
  titleLines: string[],
  body: string[],
  requestLines: ReadonlySet<string>,
): string[] {
  switch (variant) {
    case 'plain':
      return [...titleLines, ...body];
    case 'abbreviated':
      return [
        ...titleLines.map((l) => {
          const hit = SHORT_NAMES.find(([long]) => l.includes(long));
          return hit ? l.replace(hit[0], hit[1]) : l;
        }),
        ...body,
      ];
    case 'units':
      return [
        ...titleLines,
        ...body.map((l) => (requestLines.has(l) ? l.replace(/(\d+)(?=\s*(?:\||$))/g, '$1件') : l)),
      ];
    case 'traditional':
      return [...titleLines, ...body].map((l) => l.replace(/./gu, (c) => TRADITIONAL[c] ?? c));
  }
}
