import type { TableRead } from './read.ts';

/**
 * A table read whose values are not proven the report's own (another period's, another unit's,
 * or disagreeing with the section's text): every value NULL as ambiguous, and one note saying
 * why, at the line whose words say so. `why` is the note's message; `numbers` how many values
 * it left NULL is appended. Unchanged when the table holds no value.
 */
export function notOwnTable(read: TableRead, line: number, why: (numbers: number) => string): TableRead {
  const numbers = read.cells.filter((c) => c.state === 'number');
  if (!numbers.length) return read;
  const first = numbers[0]!;
  return {
    ...read,
    cells: read.cells.map((c) => (c.state === 'number' ? { ...c, value: null, state: 'ambiguous' as const } : c)),
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
