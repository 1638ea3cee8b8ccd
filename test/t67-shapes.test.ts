import { describe, expect, it } from 'vitest';
import { testerFiles, wrongInFile } from './documents.ts';
import { headerLabelProblem, type HeaderRow, formRow } from '../src/lib/tables/header.ts';

/**
 * A fresh tester's t67 (test/fixtures/tester/t67, each file with its truth, README.txt its notes):
 * headers that name fewer columns than the form, or another column in a form column's place —
 *
 * - 二's sub-table header naming two of its three columns (信息内容 | 本年废止件数 | 现行有效件数,
 *   本年制发件数 not printed) over rows of two values and a blank: the values filled the form's
 *   first places (0 as 本年制发件数, 18 as 本年废止件数); the same in the 2019 form's sub-tables;
 * - 三's header without 科研机构 and with a 备注 column: the rows' seven cells (six values and the
 *   empty 备注) were read by their count, every legal person's column one off;
 * - 三's header with 法人或其他组织 as a subtotal column where the form has 其他: the subtotal
 *   published as 其他, in `|` text, HTML, Word and `pdftotext -layout` alike.
 */
const dir = new URL('./fixtures/tester/t67/', import.meta.url);

describe('t67: every published number is the file’s', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(18));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
});

describe('headerLabelProblem: a header row naming fewer columns than the form (fewer)', () => {
  const form = formRow('本年制发件数', '本年废止件数', '现行有效件数');
  const row = (...cells: string[]): HeaderRow => ({ cells, no: 1 });
  it('is a problem where a named column stands at another place than the form’s', () => {
    expect(
      headerLabelProblem([row('信息内容', '本年废止件数', '现行有效件数', '')], [form], { lead: true, fewer: true })
        ?.why,
    ).toMatch(/names 2 of the form's 3 columns/);
  });
  it('is a problem where the named columns are the form’s first, in place: the rest is not known to be absent', () => {
    expect(
      headerLabelProblem([row('信息内容', '本年制发件数', '本年废止件数')], [form], { lead: true, fewer: true })?.why,
    ).toMatch(/not 现行有效件数/);
  });
  it('is none where another row names the rest, even in part, or every column is named', () => {
    expect(
      headerLabelProblem([row('本年制发', ''), row('信息内容', '本年废止件数', '现行有效件数')], [form], {
        lead: true,
        fewer: true,
      }),
    ).toBeNull();
    expect(
      headerLabelProblem([row('信息内容', '本年制发件数', '本年废止件数', '现行有效件数')], [form], {
        lead: true,
        fewer: true,
      }),
    ).toBeNull();
  });
  it('is a problem where the labels are broken over lines of one piece each (synthetic seed 134: 12 published as 本年废止件数)', () => {
    const perLine = (...cells: string[]): HeaderRow => ({ cells, no: 1, perLine: true });
    for (const pieces of [
      ['信息内容', '本年制', '发件数', '现行有', '效件数'],
      ['信息内容', '本年', '制发', '件数', '现行', '有效', '件数'],
    ])
      expect(headerLabelProblem([perLine(...pieces)], [form], { lead: true, fewer: true })?.why).toMatch(
        /names 2 of the form's 3 columns, 现行有效件数 at place 2/,
      );
    // Pieces that make no label together stay pieces: nothing is proven.
    expect(
      headerLabelProblem([perLine('信息内容', '本年制', '现行有', '发件数', '效件数')], [form], {
        lead: true,
        fewer: true,
      }),
    ).toBeNull();
  });
  it('is none without the option (四’s caller)', () => {
    expect(headerLabelProblem([row('信息内容', '本年废止件数', '现行有效件数')], [form], { lead: true })).toBeNull();
  });
});
