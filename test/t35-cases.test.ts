import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, parseText, wrongCells } from './helpers.ts';

/**
 * Minimal files of a fresh tester's t35, who wrote 237 variants of the ten kinds of the shared
 * failing cases (test/fixtures/tester/t35, each with its truth file) and found no wrong number.
 * Its largest gap: c01's one-line dump with values of hundreds and thousands, every row's digits
 * glued (`一、本年新收政府信息公开申请数量283835414513456993626`): a row of 20 digits has more
 * readings than the cap, so it was not read, nor were the rows whose column sums pass through it.
 */

const dir = new URL('./fixtures/tester/t35/', import.meta.url);
const parse = (file: string) => ok(parseText(readFileSync(new URL(file, dir)), file));

describe('t35: a one-line dump, every row’s digits glued, values in the thousands', () => {
  for (const file of ['min01_oneline_unique_0.txt', 'min01_oneline_unique_1.txt'])
    it(`${file}: 三 read whole, every number the file's`, () => {
      const p = parse(file);
      expect(wrongCells(p.cells, new URL(`${file}.json`, dir))).toEqual([]);
      const requests = p.cells.filter((c) => c.table_id === 'requests');
      expect(requests.filter((c) => c.state !== 'number')).toEqual([]);
    });
});
