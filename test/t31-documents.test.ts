import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './documents.ts';
import { wrongCells } from './helpers.ts';

/**
 * Minimal files of a fresh tester's t31 (PDF and Word as agencies publish them; in
 * test/fixtures/tester/t31, each with its truth file), on which digits a reader sees were
 * dropped: a Word run marked webHidden (hidden in Web Layout only, printed), and a digit printed
 * semi-transparent beside an opaque one in a PDF (`1<span style="opacity:.5">5</span>` read as 1).
 * Such a digit is unsure now: the cell is unreadable, never the number without it.
 */

const dir = new URL('./fixtures/tester/t31/', import.meta.url);
const read = (file: string) => parseDocument(file, new Uint8Array(readFileSync(new URL(file, dir))));

describe('t31: a digit a reader sees is never dropped from a number', () => {
  for (const [file, cell] of [
    ['d22_webhidden.docx', 'granted.natural_person'],
    ['pi5_min_opacity.pdf', 'granted.natural_person'],
    ['pi2_opacity.pdf', 'partly_granted.commercial'],
  ] as const)
    it(file, async () => {
      const { cells } = await read(file);
      expect(wrongCells(cells, new URL(`${file}.json`, dir))).toEqual([]);
      const [row, col] = cell.split('.');
      const c = cells.find((x) => x.table_id === 'requests' && x.row_key === row && x.col_key === col);
      expect(c?.state).toBe('unreadable');
      expect(cells.filter((x) => x.state === 'number').length).toBeGreaterThan(150);
    });
});
