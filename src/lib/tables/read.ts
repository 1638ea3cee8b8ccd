import type { CellRow } from '../schema/datasets.ts';
import type { RowDef } from '../template/definitions.ts';
import { parseCell, type ParsedCell } from './cell.ts';
import { enumerateSplits, pieceRaw, resolveJointly, type Piece } from './glue.ts';
import { isDense, locateRows, readRow, regionEnd, type RowCells, type Slot } from './rows.ts';
import type { Tok } from './tokens.ts';

/**
 * Reads one table (section 二 or 三) from its tokens: rows by label, cells by position, glued
 * digits by arithmetic. Produces tidy cells and notes on what could not be read.
 */

export type CellOut = Omit<CellRow, 'report_id'>;
export interface TableNote {
  code: 'W_CELLS_AMBIGUOUS' | 'W_CELL_UNREADABLE' | 'W_UNIT_UNKNOWN' | 'W_ROW_MISSING';
  message: string;
  line: number | null;
}
export interface TableRead {
  cells: CellOut[];
  found: string[];
  missing: string[];
  notes: TableNote[];
}

export interface TableRules {
  /** Row-local rule on a fully numeric row (e.g. applicants add up to 总计). */
  rowOk?: (rowKey: string, values: number[]) => boolean;
  /** Table-wide rule; sees every row's values, null where not a number. */
  tableOk?: (values: Map<string, Array<number | null>>) => boolean;
  /** Money unit a header states for this table, if any. */
  moneyUnit?: '元' | '万元' | null;
}

export function readTable(tableId: CellRow['table_id'], toks: Tok[], defs: RowDef[], exactLabels: boolean, rules: TableRules = {}): TableRead {
  const found = locateRows(toks, defs, exactLabels);
  const notes: TableNote[] = [];
  const cells: CellOut[] = [];
  const known = new Map<string, Array<number | null>>();
  const glued: Array<{ def: RowDef; no: number; options: Piece[][] }> = [];
  const emitted = new Map<string, CellOut[]>();

  const dense = isDense(toks);
  found.forEach((f, k) => {
    const n = f.def.columns.length;
    const rc: RowCells = readRow(toks, f.at, regionEnd(found, k, toks.length), n, dense);
    if (rc.kind === 'cells') {
      const row = rc.cells.map((slot, j) => cellFrom(tableId, f.def, j, slot, f.no, rules, notes));
      emitted.set(f.def.key, row);
      known.set(f.def.key, row.map((c) => c.value));
      return;
    }
    if (rc.kind === 'glued') {
      const splits = enumerateSplits(rc.vals, n) ?? [];
      const options = splits.filter((pieces) => {
        const parsed = pieces.map((p, j) => parseCell(p.text, f.def.columns[j]!.kind, rules.moneyUnit ?? null));
        if (parsed.some((c) => c.state === 'unreadable')) return false;
        const values = parsed.map((c) => c.value);
        return !rules.rowOk || values.some((v) => v === null) || rules.rowOk(f.def.key, values as number[]);
      });
      glued.push({ def: f.def, no: rc.vals[0]?.no ?? f.no, options });
      return;
    }
    const raw = rc.vals.map((v) => v.raw).join(' ');
    notes.push({ code: 'W_CELLS_AMBIGUOUS', message: `${tableId}.${f.def.key}: ${rc.reason}`, line: f.no });
    emitted.set(
      f.def.key,
      f.def.columns.map((c) => ({ table_id: tableId, row_key: f.def.key, col_key: c.key, value: null, raw, state: 'ambiguous' as const, line: f.no })),
    );
    known.set(f.def.key, f.def.columns.map(() => null));
  });

  if (glued.length) {
    // Candidates as numbers (non-numeric pieces stay null and so never decide a rule).
    const numeric = glued.map((g) => ({
      key: g.def.key,
      candidates: g.options.map((pieces) => pieces.map((p, j) => parseCell(p.text, g.def.columns[j]!.kind, rules.moneyUnit ?? null).value ?? NaN)),
    }));
    const tableOk = rules.tableOk;
    const decided = resolveJointly(numeric, (assign) => {
      if (!tableOk) return true;
      const all = new Map(known);
      for (const [key, v] of assign) all.set(key, v.map((x) => (Number.isNaN(x) ? null : x)));
      return tableOk(all);
    });
    for (const g of glued) {
      const values = decided.get(g.def.key) ?? [];
      const first = g.options[0];
      const rawAll = first ? [...new Set(first.map((p) => p.tok.raw))].join(' ') : '';
      const row = g.def.columns.map((c, j): CellOut => {
        const v = values[j];
        const piece = first?.[j];
        if (v !== null && v !== undefined && !Number.isNaN(v) && piece) {
          return { table_id: tableId, row_key: g.def.key, col_key: c.key, value: v, raw: pieceRaw(piece), state: 'number', line: piece.tok.no };
        }
        const state = g.options.length === 0 ? 'unreadable' : 'ambiguous';
        return { table_id: tableId, row_key: g.def.key, col_key: c.key, value: null, raw: rawAll, state, line: g.no };
      });
      const unsure = row.filter((c) => c.state !== 'number').length;
      if (unsure) {
        notes.push({
          code: 'W_CELLS_AMBIGUOUS',
          message: `${tableId}.${g.def.key}: glued digits "${rawAll}" — ${g.options.length === 0 ? 'no split satisfies the arithmetic' : `${g.options.length} splits possible`}; ${unsure} cell(s) left NULL`,
          line: g.no,
        });
      }
      emitted.set(g.def.key, row);
    }
  }

  for (const def of defs) {
    const row = emitted.get(def.key);
    if (row) cells.push(...row);
  }
  const foundKeys = found.map((f) => f.def.key);
  return { cells, found: foundKeys, missing: defs.map((d) => d.key).filter((k) => !foundKeys.includes(k)), notes };
}

function cellFrom(tableId: CellRow['table_id'], def: RowDef, j: number, slot: Slot, labelNo: number, rules: TableRules, notes: TableNote[]): CellOut {
  const col = def.columns[j]!;
  if (!slot) return { table_id: tableId, row_key: def.key, col_key: col.key, value: null, raw: '', state: 'blank', line: labelNo };
  const p: ParsedCell = parseCell(slot.text, col.kind, rules.moneyUnit ?? null);
  if (p.note) {
    notes.push({ code: p.state === 'ambiguous' ? 'W_UNIT_UNKNOWN' : 'W_CELL_UNREADABLE', message: `${tableId}.${def.key}.${col.key}: ${p.note}`, line: slot.no });
  }
  return { table_id: tableId, row_key: def.key, col_key: col.key, value: p.value, raw: slot.raw, state: p.state, line: slot.no };
}
