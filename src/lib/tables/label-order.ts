import type { Tok } from './tokens.ts';

/**
 * Rows whose values, standing on the lines after their label, may be another row's.
 *
 * A row's values on lines of their own after its label are read as its own, but a conversion
 * can write them before the label instead: plain `pdftotext` reads a label set in the middle of a
 * tall cell after the cell's numbers, so the text runs `values, label, values, label …` and every
 * label takes the next row's values (a fresh tester's t13: 387 wrong numbers in 48 files). Both
 * orders give the same runs between two labels; only the table's edges and a change of order
 * show which it is:
 *
 * - a block of rows (found rows with no other text between them) with values between the text
 *   before it and its first label, at least that row's count, that no row claims, and its last
 *   row read from the lines after its label with no value after it, or followed by a row label
 *   with none after it (masked by decode/orphans.ts): the values stand before their labels
 *   throughout the block;
 * - a row with its own count of values after it and about the next row's too (the next row's
 *   count, one may be a blank lost), where the next row found is the form's next (else the
 *   values are the rows' between, whose labels drifted away: read.ts says so for this row):
 *   from that row on, the values stand before their labels.
 *
 * Only rows whose values are on lines after the label's (not on the label's own line) are
 * named. `rows`: each found row's label token index, column count, whether the next row found is
 * the form's next row and whether the one before is the form's row before (or it is the form's
 * first), in the table's order.
 * Returns the indices (into `rows`) of the rows whose values are not proven to be theirs, with
 * the reason in English.
 */
export function valuesBeforeLabels(
  toks: Tok[],
  rows: ReadonlyArray<{ at: number; n: number; next: boolean; prev?: boolean }>,
): { rows: Set<number>; why: string } | null {
  const info = rows.map((r, k) => after(toks, r.at, k + 1 < rows.length ? rows[k + 1]!.at : toks.length));
  const out = new Set<number>();
  let why = '';
  let start = 0;
  for (let k = 0; k < rows.length; k++) {
    const i = info[k]!;
    // A row with about two rows' values after it, the next row in the same block.
    const next = rows[k + 1];
    // Text that only leads the next label (a group label on its own line: 三、本年度办理结果,
    // （三）不予公开) ends no run of rows: a row's values and the next row's may stand before it.
    if (next && rows[k]!.next && runs(i) && !i.onLabel && i.values >= rows[k]!.n + Math.max(1, next.n - 1)) {
      let e = k + 1;
      while (e + 1 < rows.length && runs(info[e]!)) e++;
      for (let j = k + 1; j <= e; j++) if (!info[j]!.onLabel) out.add(j);
      why ||= `the row before (line ${toks[rows[k]!.at]!.no}) has about two rows' values after its label: from there on the values may stand before their labels (each label then has the next row's), which is not proven`;
    }
    if (runs(i) && k + 1 < rows.length) continue;
    // The block start..k ends here: its edges.
    const first = rows[start]!;
    const lead = unclaimed(toks, first.at);
    // The block's last row read from the lines after its label (rows with values on the label's
    // own line after it are their own).
    let last = k;
    while (last >= start && info[last]!.onLabel) last--;
    const end = info[last];
    // Any number of them: one value a line shows no blank cell, so the first row's may have lost
    // several (a fresh 100,000-report corpus: `/ 0 0 0件 0` before 一、本年新收 of seven columns,
    // two blanks lost, and a page number after it) — where no row of the form before the block's
    // first was not found (`prev`): else they may be that row's, its label not read (a fresh
    // tester's t23: 2.重复申请 not found, its values 45 45 7 97 before 3.要求提供公开出版物). There,
    // at least the first row's count less one, as before.
    const least = first.prev === false ? Math.max(1, first.n - 1) : 1;
    if (lead >= least && end && (end.values === 0 || end.atMasked)) {
      for (let j = start; j <= k; j++) if (!info[j]!.onLabel) out.add(j);
      why ||= `${lead} value(s) stand before the first row's label (line ${toks[first.at]!.no}) that no row claims, and the last row's label has none after it: the values may stand before their labels (each label then has the next row's), which is not proven`;
    } else if (lead === 0 && emptyAfterRun(rows, info, start, k) !== null) {
      // No value before the first label, and a later row with none after its own, values between:
      // read after each label, that row is blank; read before each, the first row is, and every
      // row between has the next one's values. One value a line shows no blank cell, so the text
      // tells neither (a fresh tester's t58: 二 as `行政处罚 / 98 / 行政强制`, 强制's 98 published
      // as 处罚's).
      const j = emptyAfterRun(rows, info, start, k)!;
      for (let r = start; r <= j; r++) if (!info[r]!.onLabel) out.add(r);
      why ||= `the row at line ${toks[rows[j]!.at]!.no} has no value after its label and the first row (line ${toks[first.at]!.no}) none before its own: each row's values may as well stand before its label as after it (one row blank either way), which is not proven`;
    } else if (lead >= 1 && first.prev !== false && beforeFitsBetter(rows, info, start, k, lead)) {
      // The last row's label may have a page's number after it (a fresh 100,000-report corpus:
      // 二 as `5 1 9 规章 0 5 0 行政规范性文件 59 行政许可 … 5 本年收费金额`).
      for (let j = start; j <= k; j++) out.add(j);
      why ||= `${lead} value(s) stand before the first row's label (line ${toks[first.at]!.no}) that no row claims, and the counts of values between the labels fit the rows' columns better read before each label than after it: which, is not proven`;
    }
    start = k + 1;
  }
  // The whole table so too, across the group labels between its blocks (三、本年度办理结果,
  // （三）不予公开 as text of their own: each block's last row then claims the values that stand
  // before the next block's first label, and each block looks in order; a fresh tester's t24:
  // 1,774 wrong numbers in 17 files, every row with the next row's values).
  const lead = rows.length > 1 ? unclaimed(toks, rows[0]!.at) : 0;
  // A whole row's values, or all but one, before the form's first row's label, nothing but the
  // header before them, and no numbering of the columns (1 2 3 …): what else they could be, the
  // text does not show (a fresh tester's t58: plain pdftotext of 三, `61 6 / 5 / 14 / 11 / 14 111`
  // before 一、本年新收, and 一 took 二's values; one value after the block's last label had let
  // the rules above pass it).
  if (
    rows.length > 1 &&
    lead >= Math.max(2, rows[0]!.n - 1) &&
    rows[0]!.prev === true &&
    !numbering(leadValues(toks, rows[0]!.at, lead))
  ) {
    for (let j = 0; j < rows.length; j++) if (!info[j]!.onLabel) out.add(j);
    why ||= `${lead} value(s) stand before the form's first row's label (line ${toks[rows[0]!.at]!.no}), after nothing but the header: the values may stand before their labels (each label then has the next row's), which is not proven`;
  }
  if (lead >= 1 && rows[0]!.prev !== false && beforeFitsBetter(rows, info, 0, rows.length - 1, lead)) {
    for (let j = 0; j < rows.length; j++) out.add(j);
    why ||= `${lead} value(s) stand before the first row's label (line ${toks[rows[0]!.at]!.no}) that no row claims, and the counts of values between the labels fit the rows' columns better read before each label than after it: which, is not proven`;
  }
  return out.size ? { rows: out, why } : null;
}

/**
 * Whether, in the block of rows start..end (none with values on its label's line), the values
 * read before each label (the first row's: the `lead` no row claims) leave less unexplained than
 * read after it: each row's count of values off its columns' (a blank lost, or a stray number),
 * and the values no row claims (before the first label, or after the last). One value a line
 * shows no blank cell, so either order may read rows short; only the other order explaining the
 * text better shows doubt (二 as `0 239 规章 239 0 296 行政规范性文件 0 …`: 规章 short of a blank,
 * a page number after the last label).
 */
function beforeFitsBetter(
  rows: ReadonlyArray<{ n: number }>,
  info: ReadonlyArray<{ values: number; onLabel: boolean; atMasked: boolean }>,
  start: number,
  end: number,
  lead: number,
): boolean {
  // After the last label a masked one (decode/orphans.ts: a row label with no room for values
  // after it) has the values before it read before their labels, and none read after them.
  const masked = info[end]!.atMasked;
  let after = lead + (masked ? rows[end]!.n : 0);
  let before = masked ? Math.abs(info[end]!.values - rows[end]!.n) : info[end]!.values;
  for (let j = start; j <= end; j++) {
    if (info[j]!.onLabel) return false;
    after += Math.abs(info[j]!.values - rows[j]!.n);
    before += Math.abs((j === start ? lead : info[j - 1]!.values) - rows[j]!.n);
  }
  return before < after;
}

/**
 * The first row after `start` up to `end` with nothing after its label: no value, and no empty
 * lines that may be its blank cells (as many as its columns less one: a text that shows blank
 * cells as empty lines, t23's b016, shows its empty rows so), when every row before it in the
 * block is read from the lines after its label and at least one has values; else null.
 */
function emptyAfterRun(
  rows: ReadonlyArray<{ n: number }>,
  info: ReadonlyArray<{ values: number; blanks: number; onLabel: boolean }>,
  start: number,
  end: number,
): number | null {
  let seen = false;
  for (let j = start; j <= end; j++) {
    const i = info[j]!;
    if (i.onLabel) return null;
    if (i.values === 0 && j > start && i.blanks < Math.max(1, rows[j]!.n - 1)) return seen ? j : null;
    if (i.values > 0) seen = true;
  }
  return null;
}

/** Whether a row's values run on to the next row's label: no text ends them but a group label leading it. */
function runs(i: { atText: boolean; leadsNext: boolean }): boolean {
  return !i.atText || i.leadsNext;
}

/** A row label with no room for values after it, masked by decode/orphans.ts (its text as ·). */
const MASKED = /^·+$/;

/**
 * The values after the label at `at` on lines of their own, up to `end` (the next row's label)
 * or other text; whether a value stands on the label's own line; whether other text ended them.
 */
function after(
  toks: Tok[],
  at: number,
  end: number,
): { values: number; blanks: number; onLabel: boolean; atText: boolean; atMasked: boolean; leadsNext: boolean } {
  const line = toks[at]!.line;
  let values = 0;
  let blanks = 0;
  let onLabel = false;
  for (let i = at + 1; i < end; i++) {
    const t = toks[i]!;
    if (t.line === line) {
      if (t.t === 'val') onLabel = true;
      continue;
    }
    if (t.t === 'text') {
      // Text on lines of its own up to the next label, a value nowhere among it: a group label.
      const leadsNext =
        end < toks.length && toks.slice(i, end).every((u) => u.t !== 'val' && u.t !== 'empty') && values > 0;
      return { values, blanks, onLabel, atText: true, atMasked: MASKED.test(t.text), leadsNext };
    }
    if (t.t === 'val') values++;
    else if (t.t === 'blank' || t.t === 'empty') blanks++;
  }
  return { values, blanks, onLabel, atText: end >= toks.length, atMasked: false, leadsNext: false };
}

/** The texts of the `n` values right before the label at `at` (those `unclaimed` counts), in order. */
function leadValues(toks: Tok[], at: number, n: number): string[] {
  const out: string[] = [];
  for (let i = at - 1; i >= 0 && out.length < n; i--) {
    const t = toks[i]!;
    if (t.t === 'val') out.unshift(t.text);
  }
  return out;
}

/** Whether values number the columns: 1 2 3 … (or from 0), one step apart. */
function numbering(values: string[]): boolean {
  const n = values.map(Number);
  return n.length > 1 && n.every((v, i) => Number.isInteger(v) && (i === 0 ? v <= 1 : v === n[i - 1]! + 1));
}

/**
 * The values on lines of their own right before the label at `at`, back to other text. A row
 * label masked right before it (decode/orphans.ts: no room for values after it) is passed: its
 * values, read before it, are no found row's either (a 100,000-report corpus: 一's values, its
 * label masked, then 二's label, the table's values each before its label).
 */
function unclaimed(toks: Tok[], at: number): number {
  let n = 0;
  let passed = false;
  for (let i = at - 1; i >= 0; i--) {
    const t = toks[i]!;
    if (t.t === 'text' && n === 0 && !passed && MASKED.test(t.text)) {
      passed = true;
      continue;
    }
    if (t.t === 'text') break;
    if (t.t === 'val') {
      // A value on a line that also holds text (a header line's) is no line of values.
      for (let j = i - 1; j >= 0 && toks[j]!.line === t.line; j--) if (toks[j]!.t === 'text') return n;
      n++;
    }
  }
  return n;
}
