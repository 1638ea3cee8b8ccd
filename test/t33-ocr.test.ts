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
  it('has its files', () => expect(files.length).toBe(6));
  for (const file of files)
    it(file, () => expect(wrongCells(parse(file).cells, new URL(`${file}.json`, dir))).toEqual([]));
  it('leaves the row NULL, not a column off', () => {
    expect(rowOf(parse('m01_glued00_rule1.txt').cells, 'requests', 'unable_not_held')).toMatch(/^A A A A A A A$/);
    expect(rowOf(parse('m02_glued305_rule1.txt').cells, 'requests', 'granted')).toMatch(/^A A A A A A A$/);
  });
});

describe('t33: a count written with a decimal point (`42.0`)', () => {
  const text = readFileSync(new URL('m04_stray_dot_x0.txt', dir), 'utf8');
  it('is NULL where the table writes its other counts without one (420 with a stray dot?)', () => {
    const r = parse('m04_stray_dot_x0.txt');
    expect(rowOf(r.cells, 'requests', 'granted')).toBe('400 5 1 2 1 11 A');
    expect(r.diagnostics.some((d) => d.code === 'W_CELLS_AMBIGUOUS' && d.message.includes('"42.0"'))).toBe(true);
  });
  it('reads as the whole number where the table writes its counts so (a spreadsheet’s floats)', () => {
    // Every non-zero count of 三 written as a float: the table's style, not a stray dot.
    const floats = text.replace(
      /(三、收到和处理[\s\S]*?)(四、)/,
      (_, body: string, next: string) => body.replace(/(\|\s*)([1-9]\d*)(?=\s*\|)/g, '$1$2.0') + next,
    );
    expect(floats).toContain('| 400.0 |');
    const r = parse2(floats);
    expect(rowOf(r.cells, 'requests', 'granted')).toBe('400 5 1 2 1 11 42');
  });
  it('a zero written 0.0 is 0 (no second reading)', () => {
    const r = parse2(
      text
        .replace('| 400 | 5 | 1 | 2 | 1 | 11 | 42.0 |', '| 400 | 5 | 1 | 2 | 1 | 11 | 420 |')
        .replace(/\| 0 \|/, '| 0.0 |'),
    );
    expect(r.cells.filter((c) => c.raw === '0.0').map((c) => c.value)).toEqual([0]);
  });
});

const parse2 = (text: string) => ok(parseText(text, 'inline.txt'));

describe('t33: 二 with two cells glued and its closing rule read as a 1', () => {
  // `规章 | 31 | 25 | 1` for 3 1 25, the table's other rows closed with `|`: no sum of 二 tells.
  const text = readFileSync(new URL('m20_active_glued_rule1.txt', dir), 'utf8');
  it('leaves the row NULL, with the reason', () => {
    const r = parse('m20_active_glued_rule1.txt');
    expect(rowOf(r.cells, 'active', 'rules')).toBe('A A A');
    expect(rowOf(r.cells, 'active', 'normative_docs')).toBe('34 4 244');
    expect(r.diagnostics.some((d) => d.code === 'W_CELLS_AMBIGUOUS' && d.message.includes('closing rule'))).toBe(true);
  });
  it('reads the row where the table closes no row with a rule (nothing is missing from it)', () => {
    const open = text.replace(/ \|\n/g, '\n');
    expect(open).toContain('行政规范性文件 | 34 | 4 | 244\n');
    expect(rowOf(parse2(open).cells, 'active', 'rules')).toBe('31 25 1');
  });
  it('reads a row ending in a 1 with its rule', () => {
    const closed = text.replace('规章 | 31 | 25 | 1\n', '规章 | 31 | 25 | 1 |\n');
    expect(rowOf(parse2(closed).cells, 'active', 'rules')).toBe('31 25 1');
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
