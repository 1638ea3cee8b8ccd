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
    const cut: Section = { ...before, lines: before.lines.slice(0, at) };
    const made: Section = { index: k, heading: null, line: before.lines[at]!.no, lines: before.lines.slice(at) };
    out = out.flatMap((s) => (s === before ? [cut, made] : [s]));
  }
  return out;
}

/** Where a section's table begins, for the sections a report may print with no heading. */
const STARTS: ReadonlyArray<readonly [number, RegExp]> = [
  [2, /第二十条第[（(]一[）)]项|信息内容.{0,12}本年(?:制发件数|新制作数量)/],
  [3, /本列数据的勾稽关系为|申请人情况/],
  [4, /结果维持.{0,4}结果纠正/],
];
