import { CellRow, CellState, TableId } from './datasets.ts';

/**
 * `CellRow.parse({ report_id, ...cell })` for the hundred-odd cells of every report, without
 * zod's cost per row (a third of a millisecond per report, most of it the refinement). A cell
 * the plain checks below accept is one the schema accepts, and the row built is the one zod
 * returns (the schema's keys, in its order); anything else — a PDF cell with its page and box,
 * or a row that breaks a rule — goes to `CellRow.parse` itself, so a bad row fails exactly as
 * before, with zod's message.
 */

const TABLES = new Set<unknown>(TableId.options);
const STATES = new Set<unknown>(CellState.options);

type CellIn = Omit<CellRow, 'report_id'>;

export function cellRow(report_id: string, c: CellIn): CellRow {
  const { table_id, row_key, col_key, value, raw, state, line } = c;
  if (
    typeof report_id === 'string' &&
    TABLES.has(table_id) &&
    typeof row_key === 'string' &&
    typeof col_key === 'string' &&
    (value === null ? state !== 'number' : typeof value === 'number' && Number.isFinite(value) && state === 'number') &&
    typeof raw === 'string' &&
    STATES.has(state) &&
    Number.isSafeInteger(line) &&
    line > 0 &&
    !('page' in c) &&
    !('bbox' in c)
  )
    return { report_id, table_id, row_key, col_key, value, raw, state, line };
  return CellRow.parse({ report_id, ...c });
}
