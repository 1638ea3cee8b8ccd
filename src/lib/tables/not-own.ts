import type { NotOwnState } from './emit.ts';
import type { TableRead } from './read.ts';

/**
 * A table read whose values are not proven the report's own: every value NULL in `state`
 * (`other_period`, `other_unit`, `contradicted`: the reason a reader sees on each cell), and one
 * note saying why, at the line whose words say so. `why` makes the note's message from how many
 * values it left NULL. Unchanged when the table holds no value.
 */
export function notOwnTable(
  read: TableRead,
  line: number,
  state: NotOwnState,
  why: (numbers: number) => string,
): TableRead {
  const numbers = read.cells.filter((c) => c.state === 'number');
  if (!numbers.length) return read;
  const first = numbers[0]!;
  return {
    ...read,
    cells: read.cells.map((c) => (c.state === 'number' ? { ...c, value: null, state } : c)),
    notes: [
      ...read.notes,
      {
        code: 'W_CELLS_AMBIGUOUS',
        message: why(numbers.length),
        line,
        at: { table: first.table_id, row: first.row_key, col: first.col_key },
      },
    ],
  };
}
