import type { Section } from './sections.ts';

/**
 * Tables whose section heading the report left out: 三's table printed right after 二's with no
 * `三、收到和处理政府信息公开申请情况` between them, or 二's after 一's text with no
 * `二、主动公开政府信息情况` (a fresh tester's t35: the heading dropped from an HTML page, and the
 * whole 175-cell table of 三 was not read). A section that is missing is cut from the end of the
 * one before it where the table's own header begins: 三's note on its sums
 * (`本列数据的勾稽关系为`) or its 申请人情况; 二's `第二十条第（一）项` or `信息内容` with
 * 本年制发件数 / 本年新制作数量; 四's 结果维持 and 结果纠正. Only where the section is not found at all and a later one is, so
 * that the table stands between two sections; the section made has no heading (null).
 *
 * `sections`: the segmenter's, in template order. Returns them with the missing sections cut
 * out (a new array; the input is not changed).
 */
export function unheadedSections(sections: readonly Section[]): Section[] {
  let out = [...sections];
  for (const [k, start] of STARTS) {
    const has = (i: number) => out.some((s) => s.index === i);
    if (has(k) || !out.some((s) => s.index > k)) continue;
    const before = out.find((s) => s.index === k - 1);
    if (!before) continue;
    // Not on the section's first line: a table that opens the section before is its own.
    const at = before.lines.findIndex((l, j) => j > 0 && start.test(l.text));
    if (at < 0) continue;
    // The section's own heading in words the segmenter does not take for it (三、局属某处收到和处理…
    // 情况: a fresh tester's t111, another unit's table read as the report's) is the line just
    // before the table: the section's, not the last line of the one before.
    let head = at - 1;
    while (head > 0 && !before.lines[head]!.text.trim()) head--;
    const own = head > 0 && SUBJECT[k]!.test(before.lines[head]!.text) ? head : -1;
    const from = own > 0 ? own : at;
    const cut: Section = { ...before, lines: before.lines.slice(0, from) };
    const made: Section =
      own > 0
        ? {
            index: k,
            heading: before.lines[own]!.text.trim(),
            line: before.lines[own]!.no,
            lines: before.lines.slice(own + 1),
          }
        : { index: k, heading: null, line: before.lines[at]!.no, lines: before.lines.slice(at) };
    out = out.flatMap((s) => (s === before ? [cut, made] : [s]));
  }
  return out;
}

/**
 * A heading of the section in other words: its numbering (三、, （三）) and its subject (收到和处理…申请,
 * 主动公开, 行政复议/诉讼), no cell of a table (no `|`, no number).
 */
const SUBJECT: Record<number, RegExp> = {
  2: /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[）)])[^|\d]*主动公开[^|\d]*$/,
  3: /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[）)])[^|\d]*(?:收到和处理|依申请|公开申请|申请(?:办理|处理))[^|\d]*$/,
  4: /^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十]+[）)])[^|\d]*(?:行政复议|行政诉讼)[^|\d]*$/,
};

/** Where a section's table begins, for the sections a report may print with no heading. */
const STARTS: ReadonlyArray<readonly [number, RegExp]> = [
  [2, /第二十条第[（(]一[）)]项|信息内容.{0,12}本年(?:制发件数|新制作数量)/],
  [3, /本列数据的勾稽关系为|申请人情况/],
  [4, /结果维持.{0,4}结果纠正/],
];
