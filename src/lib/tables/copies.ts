import { TableEmitter, cellKey, templateOf, type CellOut, type TableId } from './emit.ts';
import type { TableRead, TableNote } from './read.ts';
import type { Layout } from './sections.ts';

/**
 * One table printed more than once: in its section and again in the appendix (附件), or twice
 * in the appendix. Each copy is read on its own; the table is what the copies agree on.
 * A cell one copy reads and another cannot (ambiguous, unreadable, a row lost) is the reading
 * copy's; a cell two copies read differently (5 and 7, 5 and blank) is neither's: `ambiguous`,
 * and so is every other cell of its row, with one W_CELLS_AMBIGUOUS note naming the copies — and then, the copies not being proven one
 * table, so is every cell that not every copy reads. Identical copies give the first copy's
 * table and no note at all.
 */

export interface TableCopy {
  read: TableRead;
  /** The layout the copy's rows were read with (二 and 三; null for 四). */
  layout: Layout | null;
  /** First line of the copy, and where it stands (正文 or 附件), for the note. */
  line: number;
  where: string;
  /** A copy in the report saved again in the file (checkedByRepeats): it only takes values away. */
  repeat?: true;
  /**
   * A copy printed as a correction (更正如下：): the same table, though it may reprint only the
   * rows it corrects; a row it lacks stands as the other copies read it (a fresh tester's t106:
   * a correction of one row left the whole of 三 NULL).
   */
  correction?: true;
  /** A copy its caption or its section's words say is another period's (tables/periods.ts): all NULL. */
  otherPeriod?: true;
}

/** States that say what the cell holds (a number, nothing, n/a): copies must agree on them. */
const DEFINITE = new Set<CellOut['state']>(['number', 'blank', 'na']);

const NAME: Record<TableId, string> = { active: '二', requests: '三', review: '四' };

/** Two definite cells say the same: the same number, or both no number. */
const agree = (a: CellOut, b: CellOut) =>
  a.state === 'number' || b.state === 'number' ? a.state === b.state && a.value === b.value : true;

/**
 * The table of `copies` (in order: the section's own first). `layout` is the copies' common
 * layout; copies read with different layouts leave every cell of the first `ambiguous`.
 */
export function mergeCopies(table: TableId, copies: TableCopy[]): TableRead {
  if (copies.length === 1) return copies[0]!.read;
  const first = copies[0]!;
  const em = new TableEmitter(templateOf(table, first.layout));
  const where = copies.map((c) => `${c.where}第 ${c.line} 行起`).join('、');
  const layouts = new Set(copies.map((c) => c.layout));
  if (layouts.size > 1) {
    for (const c of first.read.cells)
      em.emit({ kind: 'unproven', at: addr(c), line: c.line, raw: c.raw, state: 'ambiguous' });
    const at = first.read.cells[0];
    em.note(
      'W_CELLS_AMBIGUOUS',
      `${table}: 第${NAME[table]}部分的表格印了 ${copies.length} 份（${where}），两份的格式不同（${[...layouts].join('、')}）：不能确定哪一份是本报告的，${first.read.cells.length} 个单元格不采用 (copies of the table in different layouts; cells left NULL)`,
      at?.line ?? first.line,
      at ? addr(at) : undefined,
    );
    return { cells: em.finish(), found: first.read.found, missing: first.read.missing, notes: em.notes };
  }
  // Every copy's cells by address, in the order the copies first name them.
  const byKey = new Map<string, CellOut[]>();
  for (const c of copies)
    for (const cell of c.read.cells) {
      const k = cellKey(addr(cell));
      const list = byKey.get(k);
      if (list) list.push(cell);
      else byKey.set(k, [cell]);
    }
  const definiteOf = (cells: CellOut[]) => cells.filter((c) => DEFINITE.has(c.state));
  const differs = (cells: CellOut[]) => {
    const d = definiteOf(cells);
    return d.length > 1 && !d.every((c) => agree(c, d[0]!));
  };
  const rowOf = (c: CellOut) => `${c.table_id}\u0000${c.row_key}`;
  // A copy that cannot read a row with certainty (its own sum fails: which cell is wrong is not
  // known) still writes its numbers: where they are not another copy's, in order, the copies
  // differ in that row (the generator's repeat-differing: 0 … 0 | 0 in one copy, 0 … 0 | 3 in the
  // other, and the first copy's 0s were published). Rows every copy reads definitely are
  // compared by their values alone (元 and 万元 written apart).
  const unsure = new Set<string>();
  const writtenRows = copies.map((c) => {
    const rows = new Map<string, string[]>();
    const whole = new Set<string>();
    for (const cell of c.read.cells) {
      const r = rowOf(cell);
      const nums = numbersOf(cell.raw);
      if (!DEFINITE.has(cell.state)) unsure.add(r);
      if (whole.has(r)) continue;
      // A cell not read whose text is its row's (two numbers or more): the row as written.
      if (!DEFINITE.has(cell.state) && nums.length > 1) {
        rows.set(r, nums);
        whole.add(r);
      } else rows.set(r, [...(rows.get(r) ?? []), ...nums]);
    }
    return rows;
  });
  const writtenApart = [...unsure].filter((r) => {
    const seqs = writtenRows.map((m) => m.get(r)?.join(' ')).filter((s): s is string => !!s);
    return new Set(seqs).size > 1;
  });
  // Copies that differ somewhere are not proven the same table (another year's, a subordinate
  // unit's): then a cell stands only where every copy reads it alike, not where one copy alone
  // has it (a row the other lost, a cell it could not read).
  const conflict = [...byKey.values()].some(differs) || writtenApart.length > 0;
  // A row whose copies differ in one cell is no row proven by them in its others either: one
  // copy's row may be another row's, or its values shifted, and agree by chance (0 and 0) — the
  // rule of a row printed twice within a table (the shared case c10; a fresh tester's t69, a
  // report saved twice with one row changed: its other cells' truth NULL).
  const rowsDiffering = new Set([
    ...[...byKey.values()].filter(differs).map((cells) => rowOf(cells[0]!)),
    ...writtenApart,
  ]);
  // The copies that print each row: a correction's only where it has the row.
  const rowsOf = copies.map((c) => (c.correction ? new Set(c.read.found.map((k) => `${table}\u0000${k}`)) : null));
  const printing = (row: string) => rowsOf.filter((r) => r === null || r.has(row)).length;
  const differ: CellOut[][] = [];
  let alone = 0;
  for (const cells of byKey.values()) {
    const definite = definiteOf(cells);
    const d0 = definite[0];
    const rowDiffers = rowsDiffering.has(rowOf(cells[0]!));
    if (!d0) em.adopt(cells[0]!);
    else if (
      !rowDiffers &&
      definite.every((c) => agree(c, d0)) &&
      (!conflict || definite.length === printing(rowOf(cells[0]!)))
    )
      em.adopt(d0);
    else {
      if (differs(cells)) differ.push(definite);
      else alone++;
      const raw = definite.map((c) => c.raw || '（空）').join(' / ');
      em.emit({ kind: 'unproven', at: addr(d0), line: d0.line, raw, state: 'ambiguous' });
    }
  }
  const merged = em.finish();
  const state = new Map(merged.map((c) => [cellKey(addr(c)), c.state]));
  // A copy's note about a cell stands only where the table's cell is still not definite (a
  // cell another copy read is not "left NULL"); the same note once.
  const notes: TableNote[] = [];
  const seen = new Set<string>();
  for (const c of copies)
    for (const n of c.read.notes) {
      if (n.at && DEFINITE.has(state.get(cellKey(n.at))!)) continue;
      if (seen.has(n.message)) continue;
      seen.add(n.message);
      notes.push(n);
    }
  if (differ.length) {
    const d = differ[0]!;
    const shown = differ
      .slice(0, 3)
      .map((cs) => `${cs[0]!.row_key}.${cs[0]!.col_key}: ${cs.map((c) => c.raw || '空').join(' / ')}`)
      .join('；');
    notes.push({
      code: 'W_CELLS_AMBIGUOUS',
      message: `${table}: 第${NAME[table]}部分的表格印了 ${copies.length} 份（${where}），有 ${differ.length} 个单元格的数字不同（${shown}${differ.length > 3 ? '…' : ''}）：不能确定哪一份对，这些单元格不采用${alone ? `；只有一份有数字的 ${alone} 个单元格也不采用` : ''} (copies of the table disagree; those cells${alone ? ', and cells only one copy reads,' : ''} left NULL)`,
      line: d[0]!.line,
      at: addr(d[0]!),
    });
  }
  const found = [...new Set(copies.flatMap((c) => c.read.found))];
  const missing = first.read.missing.filter((r) => copies.every((c) => c.read.missing.includes(r)));
  return { cells: merged, found, missing, notes };
}

/** The numbers a cell's text writes, in order (full-width digits and thousands separators read: `１,234件` is 1234). */
function numbersOf(raw: string): string[] {
  return (
    raw
      .normalize('NFKC')
      .replace(/(?<=\d)[,，](?=\d{3})/g, '')
      .match(/\d+(?:\.\d+)?/g) ?? []
  ).map((n) => String(Number(n)));
}

const addr = (c: CellOut) => ({ table: c.table_id, row: c.row_key, col: c.col_key });

/**
 * A table as the report's own copies read it (`own`: mergeCopies of them), checked against its
 * copies in the report saved again further on in the file (segment/reports.ts repeatsOf). Those
 * only take values away, never give one: a row they read otherwise (mergeCopies' rule) is NULL,
 * and a cell, row or table only a repeat has is not the report's — a part taken for a repeat may
 * be another unit's report or another year's (a fresh tester's t71: a sub-unit's 四 published as
 * its department's, the department's own 四 not printed).
 */
export function checkedByRepeats(table: TableId, own: TableCopy, repeats: TableCopy[]): TableRead {
  if (!repeats.length) return own.read;
  const merged = mergeCopies(table, [own, ...repeats]);
  const after = new Map(merged.cells.map((c) => [cellKey(addr(c)), c]));
  let changed = false;
  const cells = own.read.cells.map((c) => {
    const m = after.get(cellKey(addr(c)));
    if (!m || !DEFINITE.has(c.state) || DEFINITE.has(m.state)) return c;
    changed = true;
    return m;
  });
  if (!changed) return own.read;
  // The note naming the copies and the cells they read differently (the copies' own notes are theirs).
  const notes = [...own.read.notes, ...merged.notes.filter((n) => n.message.includes('份（'))];
  return { ...own.read, cells, notes };
}

/**
 * A table from its copies: the report's own (its section's, its appendix's) merged, then checked
 * against the repeats' (checkedByRepeats). Null without a copy of its own: a repeat alone gives
 * no table. Another period's copies are left out where the year's own is there.
 */
export function ownThenRepeats(table: TableId, copies: TableCopy[]): TableRead | null {
  // Another period's copy is no copy of the year's table: with one of the year's beside it, it is
  // left out (its numbers are no reading of the year's cells to compare); alone, it gives its NULLs.
  const all = copies.filter((c) => !c.repeat);
  const own = all.some((c) => !c.otherPeriod) ? all.filter((c) => !c.otherPeriod) : all;
  if (!own.length) return null;
  const read = mergeCopies(table, own);
  return checkedByRepeats(
    table,
    { ...own[0]!, read },
    copies.filter((c) => c.repeat),
  );
}
