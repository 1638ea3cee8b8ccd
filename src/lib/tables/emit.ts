import { normalizeLine } from '../decode/normalize.ts';
import { toSimplified } from '../decode/script.ts';
import type { CellRow } from '../schema/datasets.ts';
import type { ColumnDef } from '../template/definitions.ts';
import { activeRows, requestRows, reviewColumns, reviewRows } from '../template/definitions.ts';
import type { CellAddress } from '../template/identities.ts';
import { MONEY_UNITS, parseCell, type MoneyUnit } from './cell.ts';
import type { ValTok } from './rows.ts';
import { markdownCell } from './tokens.ts';

/**
 * The only module that creates cell rows. Readers hand it placements: a template address, the
 * source evidence and how the address was decided. It reads the value from the evidence itself
 * (so the raw text re-reads to the value by construction), checks that the address is in the
 * template and is filled once, and builds the row. A reader that cannot prove a cell's
 * position hands it an `unproven` placement: the cell is NULL, its raw text kept, with a note.
 */

export type CellOut = Omit<CellRow, 'report_id'>;
export type TableId = CellRow['table_id'];
export type { CellAddress };
export type CellKey = `${TableId}.${string}.${string}`;
export const cellKey = (a: CellAddress): CellKey => `${a.table}.${a.row}.${a.col}`;

/** The rows and columns of one table under one layout. */
export interface TemplateTable {
  id: TableId;
  rows: Array<{ key: string; columns: ColumnDef[] }>;
}

/** The exact source text a value was read from: a token, or a slice of a glued token. */
export interface Evidence {
  tok: ValTok;
  start: number;
  length: number;
}

/** How the reader decided the address. Every reader names one. */
export type Placement =
  | { by: 'delimited'; index: number } // the index-th cell of a | or tab row (or HTML cells)
  | { by: 'lines'; index: number } // one cell per line, blanks placed by empty lines
  | { by: 'split'; index: number; readings: number } // every surviving reading of a short row agrees
  | { by: 'block'; index: number }; // 四: 3 × 5 cells in one run, by the template

export type Placed =
  | { kind: 'read'; at: CellAddress; evidence: Evidence; placement: Placement }
  | { kind: 'blank'; at: CellAddress; line: number; placement: Placement }
  | { kind: 'unproven'; at: CellAddress; line: number; raw: string; state: UnprovenState };

/**
 * Why a cell in the source is not a number: `ambiguous` (more than one reading), `unreadable`,
 * a label that heads two rows (`repeated_row`) or two columns (`repeated_column`) of the table,
 * or a table not proven the report's own (`other_period`, `other_unit`, `contradicted`: not-own.ts).
 */
export type UnprovenState =
  'ambiguous' | 'unreadable' | 'repeated_row' | 'repeated_column' | 'unnamed_column' | 'corrected' | NotOwnState;
/** A table whose values are not proven the report's own: another period's, another unit's, or contradicted by its section's text. */
export type NotOwnState = 'other_period' | 'other_unit' | 'contradicted';

export interface TableNote {
  code: 'W_CELLS_AMBIGUOUS' | 'W_CELL_UNREADABLE' | 'W_UNIT_UNKNOWN' | 'W_ROW_MISSING' | 'W_LABEL_REPEATED';
  message: string;
  line: number | null;
  /** The cell (or the first cell of the row) the note is about. */
  at?: CellAddress;
}

export type Breach =
  | { kind: 'address-not-in-template' | 'emitted-twice' | 'state-value-mismatch'; at: CellAddress }
  | { kind: 'raw-does-not-reread'; at: CellAddress; raw: string; value: number };

export class InvariantBreach extends Error {
  constructor(readonly breach: Breach) {
    super(`cell invariant broken: ${breach.kind} at ${cellKey(breach.at)}`);
  }
}

/** The evidence's text in the normalised token, and its raw source text. */
export function evidenceText(e: Evidence): string {
  return e.tok.text.slice(e.start, e.start + e.length);
}
export function evidenceRaw(e: Evidence): string {
  if (e.start === 0 && e.length === e.tok.text.length) return e.tok.raw;
  // Digits fold one for one: a slice of the token is the same slice of its raw text.
  return e.tok.raw.length === e.tok.text.length ? e.tok.raw.slice(e.start, e.start + e.length) : evidenceText(e);
}

/** Collects one table's cells. */
type Slots = Map<string, Map<string, { def: ColumnDef; pos: number }>>;
const SLOTS = new WeakMap<TemplateTable['rows'], Slots>();

/** Row key → column key → the column and its row-major position; built once per template. */
function slotsOf(template: TemplateTable): Slots {
  // Keyed by the row list (the readers pass the template's own arrays, in new wrappers).
  let slots = SLOTS.get(template.rows);
  if (!slots) {
    slots = new Map();
    let pos = 0;
    for (const r of template.rows) slots.set(r.key, new Map(r.columns.map((c) => [c.key, { def: c, pos: pos++ }])));
    SLOTS.set(template.rows, slots);
  }
  return slots;
}

export class TableEmitter {
  /** Cells by template position (row-major), so `finish` needs no lookups. */
  private readonly cells: Array<CellOut | undefined> = [];
  readonly notes: TableNote[] = [];
  private readonly cols: Slots;
  /** Non-zero counts written with a decimal point (`42.0`), and those written without one. */
  private readonly dotted: number[] = [];
  private plainCounts = 0;
  /**
   * Counts written as a thousands group (`12.000`: 12, or 12,000 grouped with a dot), and the
   * table's counts zeros included written without a point (`0`, `12`) and with three decimals
   * (`0.000`): whether the table writes its counts so.
   */
  private readonly grouped: number[] = [];
  private plainAll = 0;
  private groupedZeros = 0;

  constructor(
    readonly template: TemplateTable,
    readonly moneyUnit: MoneyUnit | null = null,
    /** Why an amount has no unit, when the table's statements of it disagree. */
    private readonly noUnit?: string,
  ) {
    this.cols = slotsOf(template);
  }

  emit(p: Placed): CellOut {
    const slot = this.cols.get(p.at.row)?.get(p.at.col);
    if (p.at.table !== this.template.id || !slot)
      throw new InvariantBreach({ kind: 'address-not-in-template', at: p.at });
    if (this.cells[slot.pos]) throw new InvariantBreach({ kind: 'emitted-twice', at: p.at });
    const col = slot.def;
    const { table: table_id, row: row_key, col: col_key } = p.at;
    let out: CellOut;
    if (p.kind === 'blank') out = { table_id, row_key, col_key, value: null, raw: '', state: 'blank', line: p.line };
    else if (p.kind === 'unproven')
      out = { table_id, row_key, col_key, value: null, raw: p.raw, state: p.state, line: p.line };
    else {
      const text = evidenceText(p.evidence);
      const raw = evidenceRaw(p.evidence);
      const parsed = parseCell(text, col.kind, this.moneyUnit, this.noUnit);
      if (parsed.note) {
        this.notes.push({
          code: parsed.state === 'ambiguous' ? 'W_UNIT_UNKNOWN' : 'W_CELL_UNREADABLE',
          message: `${cellKey(p.at)}: ${parsed.note}`,
          line: p.evidence.tok.no,
          at: p.at,
        });
      }
      out = { table_id, row_key, col_key, value: parsed.value, raw, state: parsed.state, line: p.evidence.tok.no };
      if (parsed.state === 'number' && col.kind !== 'money') {
        if (!text.includes('.')) this.plainAll++;
        else if (/^\d{1,3}\.\d{3}$/.test(text)) {
          if (parsed.value === 0) this.groupedZeros++;
          else this.grouped.push(slot.pos);
        }
      }
      if (parsed.state === 'number' && col.kind !== 'money' && parsed.value !== 0) {
        if (text.includes('.')) this.dotted.push(slot.pos);
        else this.plainCounts++;
      }
      // The raw text, read again on its own, must give the same value; if not, no number.
      // (Raw text equal to the text read needs no second reading.)
      if (parsed.state === 'number' && raw !== text && !rereads(raw, parsed.value, col.kind, this.moneyUnit)) {
        out = { table_id, row_key, col_key, value: null, raw, state: 'unreadable', line: p.evidence.tok.no };
        this.note(
          'W_CELL_UNREADABLE',
          `${cellKey(p.at)}: the raw text "${raw}" does not read as ${parsed.value}`,
          p.evidence.tok.no,
          p.at,
        );
      }
    }
    if ((out.state === 'number') !== (out.value !== null))
      throw new InvariantBreach({ kind: 'state-value-mismatch', at: p.at });
    this.cells[slot.pos] = out;
    return out;
  }

  /**
   * A cell another emitter of the same template built (another printed copy of the table,
   * copies.ts), taken as it is: its address is checked and filled once like any other.
   */
  adopt(cell: CellOut): CellOut {
    const at = { table: cell.table_id, row: cell.row_key, col: cell.col_key };
    const slot = this.cols.get(at.row)?.get(at.col);
    if (at.table !== this.template.id || !slot) throw new InvariantBreach({ kind: 'address-not-in-template', at });
    if (this.cells[slot.pos]) throw new InvariantBreach({ kind: 'emitted-twice', at });
    if ((cell.state === 'number') !== (cell.value !== null))
      throw new InvariantBreach({ kind: 'state-value-mismatch', at });
    this.cells[slot.pos] = cell;
    return cell;
  }

  /**
   * Every cell of a row NULL, raw text kept, one note naming the line: W_LABEL_REPEATED when a
   * label appears twice (`repeated_row`, `repeated_column`), else W_CELLS_AMBIGUOUS.
   */
  unprovenRow(row: string, line: number, raw: string, state: UnprovenState, why: string): void {
    const def = this.template.rows.find((r) => r.key === row);
    if (!def)
      throw new InvariantBreach({ kind: 'address-not-in-template', at: { table: this.template.id, row, col: '' } });
    for (const c of def.columns)
      this.emit({ kind: 'unproven', at: { table: this.template.id, row, col: c.key }, line, raw, state });
    this.note(
      state === 'repeated_row' || state === 'repeated_column' ? 'W_LABEL_REPEATED' : 'W_CELLS_AMBIGUOUS',
      `${this.template.id}.${row}: ${why}; ${def.columns.length} cell(s) left NULL`,
      line,
      { table: this.template.id, row, col: def.columns[0]!.key },
    );
  }

  note(code: TableNote['code'], message: string, line: number | null, at?: CellAddress): void {
    this.notes.push(at ? { code, message, line, at } : { code, message, line });
  }

  /**
   * The cells, in template order. A whole count written with a decimal point (`42.0`) is a
   * spreadsheet's float where the table writes its counts so, and reads as 42; where most of the
   * table's counts have no point, it is as likely 420 with a stray dot (OCR, a smudge), so it is
   * NULL (`ambiguous`). A zero has no such second reading (`0.0`: `00` is no number).
   */
  finish(): CellOut[] {
    // A count written as a thousands group (`12.000`) where the table writes its counts, zeros
    // included, mostly without a point: 12 or 12,000 (a fresh tester's t100: 12 published in a
    // table of zeros, which the rule below does not count).
    const grouped = this.grouped.length && this.grouped.length + this.groupedZeros <= this.plainAll;
    const suspect =
      this.dotted.length && this.dotted.length < this.plainCounts ? this.dotted : grouped ? this.grouped : [];
    if (suspect.length)
      for (const pos of suspect) {
        const c = this.cells[pos]!;
        this.cells[pos] = { ...c, value: null, state: 'ambiguous' };
        this.note(
          'W_CELLS_AMBIGUOUS',
          `${cellKey({ table: c.table_id, row: c.row_key, col: c.col_key })}: "${c.raw}" is a count written with a decimal point where the table's other counts have none: ${c.value}, or ${c.raw.replace(/[^\d]/g, '')} with a stray dot?`,
          c.line,
          { table: c.table_id, row: c.row_key, col: c.col_key },
        );
      }
    this.dotted.length = 0;
    this.grouped.length = 0;
    this.plainAll = this.groupedZeros = 0;
    return this.cells.filter((c): c is CellOut => c !== undefined);
  }
}

// ── The same invariant over finished rows, for tests ────────────────────────────────────────

const reviewTemplate: TemplateTable = {
  id: 'review',
  rows: reviewRows.map((r) => ({ key: r.key, columns: reviewColumns })),
};

/** The template a table's cells must fit: by layout for 二 and 三. */
export function templateOf(table: TableId, layout: '2019' | '2021' | null): TemplateTable {
  if (table === 'review') return reviewTemplate;
  const rows = table === 'active' ? activeRows[layout ?? '2019'] : requestRows[layout ?? '2019'];
  return { id: table, rows };
}

/**
 * Breaches of the invariant in finished rows: every cell at a template address of one layout
 * per table, each address once, a number only with state `number`, and a number's raw text
 * re-reads to it (under either money unit, which the header may have stated).
 */
export function verify(
  cells: CellOut[],
  layouts: { active: '2019' | '2021' | null; requests: '2019' | '2021' | null },
): Breach[] {
  const out: Breach[] = [];
  const seen = new Set<string>();
  for (const c of cells) {
    const at = { table: c.table_id, row: c.row_key, col: c.col_key };
    const lay = c.table_id === 'active' ? layouts.active : c.table_id === 'requests' ? layouts.requests : null;
    const candidates =
      lay || c.table_id === 'review'
        ? [templateOf(c.table_id, lay)]
        : [templateOf(c.table_id, '2019'), templateOf(c.table_id, '2021')];
    const col = candidates
      .map((t) => t.rows.find((r) => r.key === c.row_key)?.columns.find((k) => k.key === c.col_key))
      .find(Boolean);
    if (!col) {
      out.push({ kind: 'address-not-in-template', at });
      continue;
    }
    const k = cellKey(at);
    if (seen.has(k)) out.push({ kind: 'emitted-twice', at });
    seen.add(k);
    if ((c.state === 'number') !== (c.value !== null)) out.push({ kind: 'state-value-mismatch', at });
    if (c.state === 'number') {
      const ok = ([null, ...Object.keys(MONEY_UNITS)] as Array<MoneyUnit | null>).some((u) =>
        rereads(c.raw, c.value, col.kind, u),
      );
      if (!ok) out.push({ kind: 'raw-does-not-reread', at, raw: c.raw, value: c.value! });
    }
  }
  return out;
}

/**
 * Whether the raw text of a cell, normalised on its own, reads as `value`: as published, or in
 * simplified script (a traditional report's 4227.82萬元 is read from its folded text, 万元).
 */
function rereads(raw: string, value: number | null, kind: ColumnDef['kind'], unit: MoneyUnit | null): boolean {
  // A markdown cell's emphasis (`**330**`) is markup, not part of what it says (tokens.ts markdownCell).
  const text = markdownCell(normalizeLine(raw).text);
  if (parseCell(text, kind, unit).value === value) return true;
  const folded = toSimplified(text);
  return folded !== text && parseCell(folded, kind, unit).value === value;
}
