import { reviewColumns, reviewRows } from '../template/definitions.ts';
import type { CellAddress } from '../template/identities.ts';
import { TableEmitter, templateOf } from './emit.ts';
import type { TableRead } from './read.ts';
import type { Tok } from './tokens.ts';

/**
 * Section 四 as three rows of five, each labelled with its block (a fifth fresh tester's; the
 * form prints one row of fifteen under a two-level header):
 *
 *     结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计 | 未经复议直接起诉 | 复议后起诉 |
 *     行政复议 | 7 | 2 | 4 | 1 | 14 |
 *     未经复议直接起诉 | 3 | 1 | 2 | 0 | 6 |
 *     复议后起诉 | 2 | 0 | 1 | 1 | 4 |
 *
 * Each block is the row its label names, the five values in the order the header names the
 * result columns: read only when the header names them in the form's order (结果维持 … 总计,
 * once or once a block), each block's row stands once with exactly five values and nothing after
 * them but empty pieces, and no other value stands in the section.
 */

/** The block each row label names (the form's words; spaces and `|` out). */
const BLOCK_OF = new Map([
  ['行政复议', 0],
  ['未经复议直接起诉', 1],
  ['复议后起诉', 2],
]);
const RESULTS = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];

type ValTok = Extract<Tok, { t: 'val' }>;

/**
 * Each block's row (its five values), by block; null when the section is not so. Read from the
 * tokens, not the lines: a one-line dump runs the rows together (`行政复议|0|0|0|0|0||| 未经复议…`).
 */
export function reviewBlockRows(toks: readonly Tok[]): ValTok[][] | null {
  const blockAt = (i: number): number | undefined => {
    const t = toks[i];
    return t?.t === 'text' ? BLOCK_OF.get(t.text.replace(/[\s|]/g, '')) : undefined;
  };
  const next = (i: number) => {
    let k = i + 1;
    while (k < toks.length && (toks[k]!.t === 'eol' || toks[k]!.t === 'blank')) k++;
    return k;
  };
  let i = toks.findIndex((t, k) => blockAt(k) !== undefined && toks[next(k)]?.t === 'val');
  if (i < 0 || toks.slice(0, i).some((t) => t.t === 'val')) return null;
  const header = toks
    .slice(0, i)
    .flatMap((t) => (t.t === 'text' && !/^[四4][、.．]/.test(t.text) ? t.text.split(/[\s|]+/) : []));
  const named = header.filter((w) => RESULTS.includes(w));
  if (!named.length || named.length % 5 !== 0 || !named.every((w, k) => w === RESULTS[k % 5])) return null;
  const rows: Array<ValTok[] | undefined> = [];
  while (i < toks.length) {
    const block = blockAt(i);
    if (block === undefined || rows[block]) return null;
    // The label, five values in a row, then only empty pieces (a `|` row's padding).
    const vals: ValTok[] = [];
    let k = i + 1;
    while (vals.length < 5 && k < toks.length && toks[k]!.t === 'val') vals.push(toks[k++] as ValTok);
    while (k < toks.length && toks[k]!.t !== 'text') {
      if (toks[k]!.t === 'val') return null;
      k++;
    }
    if (vals.length !== 5) return null;
    rows[block] = vals;
    i = k;
    if (rows.filter(Boolean).length === 3) break;
  }
  // Nothing after the three rows but text (the section's prose after its table).
  if (rows.filter(Boolean).length !== 3 || toks.slice(i).some((t) => t.t === 'val')) return null;
  return rows as ValTok[][];
}

/** The fifteen cells of the blocks' rows (reviewBlockRows), each block from its own row. */
export function readReviewBlockRows(rows: readonly ValTok[][]): TableRead {
  const em = new TableEmitter(templateOf('review', null));
  reviewRows.forEach((row, b) =>
    rows[b]!.forEach((tok, j) => {
      const at: CellAddress = { table: 'review', row: row.key, col: reviewColumns[j]!.key };
      em.emit({
        kind: 'read',
        at,
        evidence: { tok, start: 0, length: tok.text.length },
        placement: { by: 'block', index: b * 5 + j },
      });
    }),
  );
  return { cells: em.finish(), found: reviewRows.map((r) => r.key), missing: [], notes: em.notes };
}
