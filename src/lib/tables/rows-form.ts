import { activeRows, type RowDef } from '../template/definitions.ts';
import { consistentNoise, locateRows, promoteCellText, trailingEmpties } from './rows.ts';
import { bareLabel, type Tok } from './tokens.ts';

/**
 * Which form of section 二 its rows' value counts are, whatever the header says. Both forms have
 * the rows 规章, 规范性文件, 行政许可, 行政处罚, 行政强制 and 行政事业性收费, but not the same
 * columns: 规章 and 规范性文件 have three in both (本年新制作 | 本年新公开 | 对外公开总 in 2019,
 * 本年制发 | 本年废止 | 现行有效 in 2021), so their numbers alone never say which; 行政许可, 行政处罚
 * and 行政强制 have three values in the 2019 form and one in the 2021 form, 行政事业性收费 two and
 * one. A 2019 table whose 2019-only rows lost their labels (其他对外管理服务事项, 政府集中采购: their
 * values left as lines of numbers) under a header in the 2021 form's words is read with the
 * 2021 form, and its 规章 numbers would be published as 本年制发 / 本年废止 / 现行有效.
 *
 * So every row found under both forms is weighed: its values (from its label to the next text)
 * against what each form puts there — the row's own cells, and the cells of any rows of that form
 * between it and the next row found (their labels lost, their values among these, or the rows
 * not printed) — as the number of values lost or stray it takes to explain the count. When the
 * other form explains the rows with fewer, the rows are evidence that the table is not the form
 * it is read with: which column each number is under is not proven. One stray value (a 收费
 * row of two values in a 2021 table) costs one under the form it is, while every 行政许可 /
 * 行政处罚 / 行政强制 row of one value costs two under the 2019 form: a good table is not lost to
 * one row's damage. The rule works on tokens, so it holds for every flattening alike (tabs,
 * `|`, full-width separators, spaces, one cell per line, HTML); in a page dump whose digits are
 * glued (`规章 181818`) a run may be several cells, so it counts as any number up to its digits,
 * and such a table is evidence of neither form.
 */

type Layout = '2019' | '2021';

/** A row as the counts see it: its label as written, its values, its place among the form's rows. */
interface Counted {
  label: string;
  /** How many cells its values can be: one each, or up to a digit each for glued digits. */
  cells: { lo: number; hi: number };
  /** The counts of values the form allows there (the row's own, plus any rows skipped after it). */
  allowed: Set<number>;
}

/**
 * How many cells the tokens after the label at `at` can be, up to the next text (a label, a
 * header, prose), at least and at most: each value one cell — a run of digits in a page dump
 * (`规章 181818`: its values glued, `Tok.glued`) up to as many as it has digits, as the glue
 * resolver may split it — and each empty cell of a delimited line between two values one too (a
 * blank cell: `行政许可 | 120 | | 4567`). An empty cell before a line's first value may be a blank
 * cell or the label's merged columns, and one after its last value a blank cell or the padding
 * of a row narrower than the sheet (`行政事业性收费,,0,`): either is a cell only at most — past
 * the empty pieces every line of the table ends with (`noise`: the piece after a closing `|`).
 */
function cellsAfter(toks: Tok[], at: number, noise: number): { lo: number; hi: number } {
  let lo = 0;
  let extra = 0;
  let line = toks[at]!.line;
  let empties = 0;
  let value = false;
  for (let i = at + 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.line !== line) {
      extra += Math.max(0, empties - noise);
      line = t.line;
      empties = 0;
      value = false;
    }
    if (t.t === 'text') break;
    if (t.t === 'empty') empties++;
    else if (t.t === 'val') {
      if (value) lo += empties;
      else extra += empties;
      empties = 0;
      value = true;
      lo++;
      if (t.glued) extra += Math.max(1, t.text.replace(/\D/g, '').length) - 1;
    }
  }
  extra += Math.max(0, empties - noise);
  return { lo, hi: lo + extra };
}

/** Every sum of the row's own count and a subset of the skipped rows' counts. */
function allowedCounts(own: number, skipped: number[]): Set<number> {
  let sums = new Set([own]);
  for (const s of skipped) sums = new Set([...sums, ...[...sums].map((x) => x + s)]);
  return sums;
}

function counted(toks: Tok[], defs: RowDef[], noise: number): Map<string, Counted> {
  const found = locateRows(toks, defs, true);
  const out = new Map<string, Counted>();
  found.forEach((f, k) => {
    const from = defs.indexOf(f.def);
    const next = found[k + 1];
    const to = next ? defs.indexOf(next.def) : defs.length;
    const skipped = from < to ? defs.slice(from + 1, to).map((d) => d.columns.length) : [];
    const tok = toks[f.at]!;
    out.set(f.def.key, {
      label: tok.t === 'text' ? bareLabel(tok.text) : f.def.label,
      cells: cellsAfter(toks, f.at, noise),
      allowed: allowedCounts(f.def.columns.length, skipped),
    });
  });
  return out;
}

/** How many cells lost or stray make a count in `cells` one of the allowed counts. */
const distance = ({ lo, hi }: { lo: number; hi: number }, allowed: Set<number>) =>
  Math.min(...[...allowed].map((a) => Math.max(0, lo - a, a - hi)));

/**
 * Why section 二's rows, read with `layout`, are not proven that form's: their value counts are
 * explained by the other form with fewer values lost or stray (see above). Null when they are
 * not (as well or better by `layout`, or no row with values found under both forms). Rows in
 * `explained` are left out: a sub-table header of their own names the other form's columns
 * (header.ts, otherFormHeader), which is why they have its shape (a 2021 report keeping the 2019
 * sub-tables （五）–（九） under their 2019 headers), and they are NULL for it already.
 */
export function rowsFormProblem(
  toksIn: Tok[],
  layout: Layout,
  explained: ReadonlySet<string> = new Set(),
): string | null {
  const other: Layout = layout === '2019' ? '2021' : '2019';
  const toks = promoteCellText(toksIn);
  // The empty pieces most delimited lines end with: the flattening's own (rows.ts).
  const noise = consistentNoise(trailingEmpties(toks), [], -1) ?? 0;
  const own = counted(toks, activeRows[layout], noise);
  const alt = counted(toks, activeRows[other], noise);
  let costOwn = 0;
  let costOther = 0;
  const shown: string[] = [];
  for (const [key, a] of own) {
    const b = alt.get(key);
    if (!b || explained.has(key) || a.cells.hi === 0 || b.cells.hi === 0) continue;
    costOwn += distance(a.cells, a.allowed);
    costOther += distance(b.cells, b.allowed);
    shown.push(`${a.label} ${a.cells.lo === a.cells.hi ? a.cells.lo : `${a.cells.lo}–${a.cells.hi}`}`);
  }
  if (costOther >= costOwn) return null;
  return `the rows' value counts (${shown.join(', ')}) are the ${other} form's, but the table is read with the ${layout} form's: which column each number is under is not proven`;
}
