import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, parseText, rowOf, wrongCells } from './helpers.ts';

/**
 * A fresh tester's t41 (the shared cases and the real report in `pdftotext -layout` text, every
 * shape of a number wrapped in its cell; 315 files): 12 wrong numbers after t40's rule, of two
 * shapes it did not see, and a neighbour NULL across a sub-table's header. Files in
 * test/fixtures/tester/t41, each with its truth file.
 */
const dir = new URL('./fixtures/tester/t41/', import.meta.url);
const parse = (file: string) => {
  const p = ok(parseText(readFileSync(new URL(file, dir), 'utf8'), file));
  expect(wrongCells(p.cells, new URL(`${file}.json`, dir))).toEqual([]);
  return p;
};

describe('t41: the rest of a wrapped number, in the shapes t40 did not have', () => {
  it('a fee’s decimals wrapped alone (7547 over .5): the fee is NULL, never 7547', () => {
    const p = parse('c05x1_act_fees_2.txt');
    expect(rowOf(p.cells, 'active', 'fees')).toBe('A');
    expect(rowOf(p.cells, 'active', 'coercion')).toBe('640');
  });

  it('digits beside the rest of a wrapped label (137 as 13, the 7 after 不计其他情形)): the row is NULL', () => {
    const p = parse('c05x137_req_label.txt');
    expect(rowOf(p.cells, 'requests', 'partly_granted')).toBe('A A A A A A A');
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('137 0 411 0 0 137 685');
  });

  it('a wrapped number in 行政许可 leaves 行政处罚 be: a sub-table’s header stands between them', () => {
    const p = parse('c05x137_act_licensing.txt');
    expect(rowOf(p.cells, 'active', 'licensing')).toBe('A');
    expect(rowOf(p.cells, 'active', 'penalty')).toBe('10714');
  });
});
