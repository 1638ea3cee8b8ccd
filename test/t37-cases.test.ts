import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, parseText, rowOf, wrongCells } from './helpers.ts';

/**
 * Minimal files of a fresh tester's t37 (test/fixtures/tester/t37, each with its truth file):
 * OCR's table rule read as l, I or 丨 after two glued cells of 二 (any separator), a zero-padded
 * cell in 二 before a rule's 1, and several reports in one file (page fields on rows of their
 * own between a sheet's title and 二; a crawler's header naming the year; a December date).
 */

const dir = new URL('./fixtures/tester/t37/', import.meta.url);
const parse = (file: string) => ok(parseText(readFileSync(new URL(file, dir)), file));
const truth = (file: string) => new URL(`${file}.json`, dir);
const expected = (file: string) =>
  (JSON.parse(readFileSync(truth(file), 'utf8')) as { expect: { year: number } }).expect;

describe('t37: every file reads with no wrong number', () => {
  const files = readdirSync(dir).filter((f) => !f.endsWith('.json'));
  it('has its files', () => expect(files.length).toBe(8));
  for (const file of files) it(file, () => expect(wrongCells(parse(file).cells, truth(file))).toEqual([]));
});

describe('t37: 二 with a rule read as a character after two glued cells', () => {
  it('leaves the row NULL, in a | table and a tab-separated one', () => {
    expect(rowOf(parse('d03_act_rules_pipeT_l.txt').cells, 'active', 'rules')).toBe('A A A');
    expect(rowOf(parse('d08_act_normative_docs_pipeT_bar.txt').cells, 'active', 'normative_docs')).toBe('A A A');
    expect(rowOf(parse('d21_act_rules_tab_I.txt').cells, 'active', 'rules')).toBe('A A A');
    // The other rows are read.
    expect(rowOf(parse('d21_act_rules_tab_I.txt').cells, 'active', 'normative_docs')).toMatch(/^\d+ \d+ \d+$/);
  });
  it('leaves a row with a zero-padded cell NULL where no sum tells (`规章 5 058 1` for 5 0 58)', () => {
    const p = parse('c19_act_glue_tab_r0.txt');
    expect(rowOf(p.cells, 'active', 'rules')).toBe('A A A');
    expect(rowOf(p.cells, 'active', 'normative_docs')).toBe('28 16 372');
  });
});

describe('t37: several reports in one file', () => {
  it('finds a sheet whose page fields stand on rows of their own, and reads the file name’s year', () => {
    const file = 'a03_csv_fields_rows_2022年.csv';
    const p = parse(file);
    expect(p.report.year).toBe(2022);
    expect(p.report.second_report_line).toBe(1);
    expect(rowOf(p.cells, 'review', 'review')).toMatch(/^\d+ \d+ \d+ \d+ \d+$/);
  });
  it('reads the year a crawler’s header names where each report is dated for its own', () => {
    const file = 'a13_crawler_header.txt';
    const p = parse(file);
    expect(p.report.year).toBe(expected(file).year);
    expect(p.diagnostics.find((d) => d.code === 'W_SECOND_REPORT')?.message).toContain("page's title");
  });
  it('keeps a title’s year for a report published in its December', () => {
    const file = 'a07_december_2023年.txt';
    expect(parse(file).report.year).toBe(2023);
  });
});
