import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, parseText, rowOf, wrongCells } from './helpers.ts';
import { gluedReading } from '../src/lib/tables/shift.ts';
import type { Rule } from '../src/lib/tables/glue.ts';

/**
 * Minimal files of a fresh tester's t33 (OCR'd text; test/fixtures/tester/t33, each with its
 * truth file): two cells glued (`30 | 5` as `305`, `0 | 0` as `00`) and a table rule read as a
 * `1`, the row's count then right and every value between them a column off.
 */

const dir = new URL('./fixtures/tester/t33/', import.meta.url);
const parse = (file: string) => ok(parseText(readFileSync(new URL(file, dir)), file));

describe('t33: two cells glued and a rule read as a 1', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));
  it('has its files', () => expect(files.length).toBe(4));
  for (const file of files)
    it(file, () => expect(wrongCells(parse(file).cells, new URL(`${file}.json`, dir))).toEqual([]));
  it('leaves the row NULL, not a column off', () => {
    expect(rowOf(parse('m01_glued00_rule1.txt').cells, 'requests', 'unable_not_held')).toMatch(/^A A A A A A A$/);
    expect(rowOf(parse('m02_glued305_rule1.txt').cells, 'requests', 'granted')).toMatch(/^A A A A A A A$/);
  });
});

describe('gluedReading', () => {
  // The row's sum as one rule, a column's as others (a row r, another s, their total u).
  const rules: Rule[] = [
    { lhs: ['r.t'], rhs: ['r.a', 'r.b', 'r.c'] },
    ...['a', 'b', 'c', 't'].map((c) => ({ lhs: [`u.${c}`], rhs: [`r.${c}`, `s.${c}`] })),
  ];
  const keys = ['r.a', 'r.b', 'r.c', 'r.t'];
  const known = (s: number[], u: number[]) =>
    new Map([
      ...['a', 'b', 'c', 't'].map((c, j) => [`s.${c}`, s[j]!] as const),
      ...['a', 'b', 'c', 't'].map((c, j) => [`u.${c}`, u[j]!] as const),
    ]);
  // r is 30 5 2 37 in truth, s 1 1 1 3.
  const others = known([1, 1, 1, 3], [31, 6, 3, 40]);
  it('finds 30|5 glued and a 1 after the values', () => {
    const texts = ['305', '2', '37', '1'];
    expect(gluedReading(texts, texts.map(Number), keys, rules, others)).toMatch(/"305" as two cells \(30 and 5\)/);
  });
  it('leaves a source’s own wrong numbers alone (no split mends the sums)', () => {
    const texts = ['30', '5', '2', '38'];
    expect(gluedReading(texts, texts.map(Number), keys, rules, others)).toBeNull();
  });
  it('needs two column sums mended, not the row’s own alone', () => {
    const texts = ['305', '2', '37', '1'];
    expect(gluedReading(texts, texts.map(Number), keys, rules, new Map())).toBeNull();
  });
});
