import { REVIEW_BLOCK_PIECES, SUIT_AFTER, SUIT_DIRECT, blockWords, joinedWords } from './header.ts';

/**
 * Section 四's one row of values short of the fifteen (a blank cell shown as a gap), placed under
 * its header set out by position (`pdftotext -layout`): each value under the one label of the
 * form it stands beneath, the labels' places left without a value blank.
 *
 * Proven only when (else null, and the row is read as before):
 * - the header names fifteen result labels, each once a column (pieces joined as `joinedWords`
 *   does: `结果` over `维持`), reading left to right 结果维持 … 总计 three times, two columns or
 *   more apart, and the 行政复议 / 行政诉讼 blocks' labels (as worded: SUIT_DIRECT, SUIT_AFTER)
 *   stand over their own block's five, where the header has them;
 * - every value of the line is digits and stands whole inside one label's band (from halfway to
 *   the label before to halfway to the label after), its middle within a third of the way to the
 *   nearest other label: a number reaching into a neighbour's band (two values glued, `64178`)
 *   or set to its cell's side places nothing;
 * - no two values under one label, in the labels' order;
 * - each block with a blank adds up (结果维持 + 结果纠正 + 其他结果 + 尚未审结 = 总计), its blanks as
 *   none, unless its 总计 is the blank;
 * - every value stands the same way under its label, within two columns or a third of the
 *   narrowest column of the others;
 * - under `wide` not known, both ways of counting a CJK character that place the row agree.
 *
 * Returns, for each of the fifteen columns in the form's order, the index of its value in the
 * line's values, or null for a blank.
 */
export function reviewColumnsByLabels(
  headerLines: readonly string[],
  valueLine: string,
  wide: boolean | null = null,
): Array<number | null> | null {
  if (wide === null) {
    const both = [false, true].map((w) => placedUnder(headerLines, valueLine, w));
    const found = both.filter((p): p is Array<number | null> => p !== null);
    if (!found.length) return null;
    return found.every((p) => p.join() === found[0]!.join()) ? found[0]! : null;
  }
  return placedUnder(headerLines, valueLine, wide);
}

const COLUMNS = 15;
/** A block's five result labels, as the form words them. */
const REVIEW_LABELS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

function placedUnder(headerLines: readonly string[], valueLine: string, wide: boolean): Array<number | null> | null {
  const vals = [...valueLine.matchAll(/\S+/g)];
  // A row short of a value or more, not one of every value (reviewBlocksProven reads those).
  if (vals.length < 5 || vals.length >= COLUMNS || !vals.every((m) => /^\d+$/.test(m[0]))) return null;
  const named = (text: string) =>
    REVIEW_BLOCK_PIECES.flatMap((pieces, j) => (pieces.some((p) => text.includes(p)) ? [j] : []));
  const words = joinedWords(
    blockWords(
      headerLines.map((text) => ({ text, over: [-Infinity, Infinity] as const })),
      wide,
    ),
    named,
  );
  const labels = words.filter((w) => named(w.text).length > 0);
  if (labels.some((w) => named(w.text).length !== 1)) return null;
  // A label letter-spaced (`结 果 维 持`): joinedWords joins the pieces that name its column
  // (`维持`); the rest of its words beside them (`结 果`) are its too, where they make the form's
  // label with them: its middle is the whole label's.
  for (const w of labels) {
    const full = REVIEW_LABELS[named(w.text)[0]!]!;
    const line = words.filter((x) => x.line === w.line && x !== w).sort((a, b) => a.s - b.s);
    let grown = true;
    while (grown) {
      grown = false;
      const before = line.filter((x) => x.e <= w.s && w.s - x.e <= 2).at(-1);
      if (before && !named(before.text).length && full.includes(before.text + w.text)) {
        w.text = before.text + w.text;
        w.s = before.s;
        grown = true;
      }
      const after = line.find((x) => x.s >= w.e && x.s - w.e <= 2);
      if (after && !named(after.text).length && full.includes(w.text + after.text)) {
        w.text += after.text;
        w.e = after.e;
        grown = true;
      }
    }
  }
  // One label's pieces stacked on lines apart (`尚未` over `审结`, blank lines between, which
  // joinedWords does not join): one column, where their middles are within a column of each other.
  const mids: Array<{ mid: number; col: number; n: number }> = [];
  for (const w of labels) {
    const mid = (w.s + w.e) / 2;
    const col = named(w.text)[0]!;
    const same = mids.find((m) => m.col === col && Math.abs(m.mid - mid) <= 1);
    if (same) {
      same.mid = (same.mid * same.n + mid) / (same.n + 1);
      same.n++;
    } else mids.push({ mid, col, n: 1 });
  }
  if (mids.length !== COLUMNS) return null;
  mids.sort((a, b) => a.mid - b.mid);
  if (mids.some((m, k) => m.col !== k % 5 || (k > 0 && m.mid - mids[k - 1]!.mid < 2))) return null;
  const at = mids.map((m) => m.mid);
  const band = (k: number): [number, number] => [
    k === 0 ? -Infinity : (at[k - 1]! + at[k]!) / 2,
    k === COLUMNS - 1 ? Infinity : (at[k]! + at[k + 1]!) / 2,
  ];
  // The blocks' own labels over their own block (as header.ts readReviewBlocks asks).
  const blockOf = (mid: number) => [0, 1, 2].find((b) => mid >= band(5 * b)[0] && mid <= band(5 * b + 4)[1]) ?? -1;
  const groups = blockWords(
    headerLines.map((text) => ({
      text: text.replace(/[（）]/g, '\u3000').replace(/[()]/g, ' '),
      over: [-Infinity, Infinity] as const,
    })),
    wide,
  );
  for (const w of groups) {
    const b = blockOf((w.s + w.e) / 2);
    if (SUIT_DIRECT.test(w.text) && b !== 1) return null;
    if (SUIT_AFTER.test(w.text) && !SUIT_DIRECT.test(w.text) && b !== 2) return null;
    if (w.text === '行政复议' && b !== 0) return null;
  }
  // The value line is counted as the header is: its characters are digits and spaces, one column
  // each either way.
  const out: Array<number | null> = Array<number | null>(COLUMNS).fill(null);
  let last = -1;
  for (let i = 0; i < vals.length; i++) {
    const lo = vals[i]!.index;
    const hi = lo + vals[i]![0].length;
    const k = at.findIndex((_, j) => lo >= band(j)[0] && hi <= band(j)[1]);
    if (k < 0 || k <= last) return null;
    // Centred under it, too: within a third of the way to the nearest other label (a number set
    // to its cell's side in a wide column may stand in the next label's band).
    const gap = Math.min(k > 0 ? at[k]! - at[k - 1]! : Infinity, k < COLUMNS - 1 ? at[k + 1]! - at[k]! : Infinity);
    if (Math.abs((lo + hi) / 2 - at[k]!) > gap / 3) return null;
    out[k] = i;
    last = k;
  }
  // Every value set the same way under its label (a line's values all a column or so to one
  // side, pdftotext's): one value off from the others was moved, and may stand under another's.
  const offsets = vals.map((v, i) => v.index + v[0].length / 2 - at[out.indexOf(i)]!);
  const gaps = at.slice(1).map((x, k) => x - at[k]!);
  if (Math.max(...offsets) - Math.min(...offsets) > Math.max(2, Math.min(...gaps) / 3)) return null;
  // A block with a gap adds up, its blanks as none (a blank is where a report leaves a cell
  // empty for no case): else what stands under a label may be two values glued where they stood
  // (`13` and `4` as `134` under 结果维持, its neighbour's gap taken for a blank: a fresh tester's
  // fuzzer). A block whose 总计 is the gap has nothing to add up.
  const num = (k: number) => (out[k] === null ? 0 : Number(vals[out[k]!]![0]));
  for (let b = 0; b < 3; b++) {
    const block = [0, 1, 2, 3, 4].map((c) => 5 * b + c);
    if (block.every((k) => out[k] !== null) || out[5 * b + 4] === null) continue;
    if (block.slice(0, 4).reduce((a, k) => a + num(k), 0) !== num(5 * b + 4)) return null;
  }
  return out;
}
