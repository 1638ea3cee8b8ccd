import type { Line } from '../decode/lines.ts';

/**
 * Section 三's rows named by the year instead of the form's relative words: in a report on 2022,
 * 一、2022年新收政府信息公开申请数量 (new requests, 本年新收), 二、2021年结转政府信息公开申请数量
 * (carried over from last year, 上年结转), 四、结转2023年度继续办理 (carried over to next year,
 * 结转下年度). Such a label is the form's row only when its year is the one the row means for
 * the report's year: new requests of that year, carried over from the year before, carried over
 * to the year after. Then its year is written as the form's word (本年, 上年, 下年度), and the row
 * is read as any other. A label naming another year (another year's table, or a slip) is left
 * as it is and matches no row: its values stay NULL. With the report's year unknown nothing
 * changes.
 *
 * `lines`: the section's lines (normalised text: ASCII digits). Returns the same array when no
 * label changed; otherwise copies of the changed lines, their `map` (text → raw positions) cut to
 * the shorter text and their drawn cells' text changed alike.
 */
export function relativeYearLabels(lines: Line[], year: number | null): Line[] {
  if (year === null) return lines;
  const rules: Array<[RegExp, string]> = [
    [new RegExp(`${year}年度?(?=新收)`, 'g'), '本年'],
    [new RegExp(`${year - 1}年度?(?=结转)`, 'g'), '上年'],
    [new RegExp(`(?<=结转(?:至|到)?)${year + 1}年度?`, 'g'), '下年度'],
  ];
  let out: Line[] | null = null;
  lines.forEach((l, i) => {
    if (!/\d年/.test(l.text)) return;
    const text = relabel(l.text, l.map, rules);
    const cells = l.cells?.map((c) => ({ ...c, text: relabel(c.text, null, rules).text }));
    if (text.text === l.text && !cells?.some((c, k) => c.text !== l.cells![k]!.text)) return;
    out ??= lines.slice();
    out[i] = { ...l, text: text.text, map: text.map, ...(cells ? { cells } : {}) };
  });
  return out ?? lines;
}

/**
 * `text` with each rule's matches replaced (each replacement no longer than its match), and its
 * map to raw positions: a null map is the identity (text and raw alike); a replaced span keeps
 * the raw positions of its first characters.
 */
function relabel(
  text: string,
  map: number[] | null,
  rules: ReadonlyArray<[RegExp, string]>,
): { text: string; map: number[] | null } {
  let t = text;
  let m = map;
  for (const [re, word] of rules) {
    re.lastIndex = 0;
    const found = [...t.matchAll(re)];
    // From the end, so that earlier positions stay where they are.
    for (const f of found.reverse()) {
      const s = f.index;
      const e = s + f[0].length;
      const full = m ?? Array.from({ length: t.length + 1 }, (_, k) => k);
      m = [...full.slice(0, s), ...full.slice(s, s + word.length), ...full.slice(e)];
      t = t.slice(0, s) + word + t.slice(e);
    }
  }
  return { text: t, map: m };
}

/**
 * A row label's words with any year in the place of 三's relative words (`2023年新收` → 本年新收,
 * `2022年结转` → 上年结转, `结转2024年度` → 结转下年度), whatever the year: for telling a row label
 * from prose before the report's year is known (decode/fullwidth.ts, where digits in a label's
 * words mark prose). Which row it is, and whether its year is the right one, is decided later by
 * `relativeYearLabels`; nothing is placed by this.
 */
export function yearNeutral(words: string): string {
  if (!/\d年/.test(words)) return words;
  return words
    .replace(/(?:19|20)\d\d年度?(?=新收)/g, '本年')
    .replace(/(?:19|20)\d\d年度?(?=结转)/g, '上年')
    .replace(/(?<=结转(?:至|到)?)(?:19|20)\d\d年度?/g, '下年度');
}
