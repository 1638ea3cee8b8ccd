import { describe, expect, it } from 'vitest';
import { noneStatements } from '../src/lib/tables/none-stated.ts';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';
import { lines } from './report-text.ts';

/**
 * A fresh tester's t125 (test/fixtures/tester/t125, README.txt its notes): the general rules
 * attacked both ways.
 */
const dir = new URL('./fixtures/tester/t125/', import.meta.url);
/** Wordings still missed (README.txt): their tables are published, so they are not asserted here. */
const LEFT =
  /^(?:C03|C12|C18|RA06|RA07|T04|T05|T07|T08|T12|T15|T21|T24|T25|T26|V03|V11|V12|V12b|W11|W12|W20|W22|W31|W39|X07|X14)_/;
/** Innocent twins the first version of the rules voided: every value read. */
const INNOCENT =
  /^(?:F01|F03|F04|F06|F08|F12|F13|F22|G06|I06|I10|I13|I15|I16|I17|I21|I24|I26|I33|I43|I46|J09|J19|RA01|RA02|RA03|RA08|X16|X18)_/;

describe('t125: the general rules attacked both ways', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(92));
  for (const file of files.filter((f) => !LEFT.test(f)))
    it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
  for (const file of files.filter((f) => INNOCENT.test(f)))
    it(`${file} loses nothing`, async () => expect(await missingInFile(dir, file)).toEqual([]));
});

const none = (table: 'requests' | 'review', text: string) =>
  noneStatements(lines(text), table, 2023, ['某县水利局']).map((n) => n.rows.join(','));

describe('none stated: the matter’s existence denied, not any negation beside it (t125)', () => {
  it.each([
    '本年度依申请公开政府信息未收取信息处理费。',
    '依申请公开工作没有专职人员，台账尚未建立。',
    '本年度未出现申请人不满意的情况。',
    '依申请公开工作与上年相比没有明显变化。',
    '本年度依申请公开实现零拒收。',
  ])('reads no statement of none in %s', (text) => expect(none('requests', text)).toEqual([]));
  it('reads none where a case is denied, not proactive disclosure’s disputes', () => {
    expect(none('review', '本年度主动公开工作未引发行政争议。')).toEqual([]);
    expect(none('review', '本年度我局不曾因政府信息公开被复议或被诉。')).toEqual([
      'review,suit_direct,suit_after_review',
    ]);
  });
  it.each([
    '本年度我局不曾收到政府信息公开申请。',
    '本年度我局没收到过政府信息公开申请。',
    '本年度，收到政府信息公开申请数为○件。',
    '本年度依申请公开工作为空白。',
    '政府信息公开申请，本年度我局一件也未收到。',
  ])('reads none of the requests in %s', (text) => expect(none('requests', text)).toEqual(['new_received']));
});

describe('none stated beside a table whose new requests are not read (seed 151)', () => {
  it('takes a figure of requests handled as against it, none carried over', async () => {
    const { noneStatedTable } = await import('../src/lib/tables/none-stated.ts');
    const cell = (row_key: string, state: 'number' | 'ambiguous', value: number | null) =>
      ({ table_id: 'requests', row_key, col_key: 'total', state, value, raw: String(value), line: 1 }) as never;
    const read = (...cells: never[]) => ({ cells, found: true, missing: [], notes: [] }) as never;
    const none = { line: 9, words: '本机关共收到政府信息公开申请〇件', rows: ['new_received'] };
    const states = (r: { cells: Array<{ state: string }> }) => r.cells.map((c) => c.state);
    expect(
      states(noneStatedTable(read(cell('new_received', 'ambiguous', null), cell('granted', 'number', 3)), none)),
    ).toEqual(['ambiguous', 'contradicted']);
    // Carried over: the handled ones may be those.
    expect(
      states(
        noneStatedTable(
          read(
            cell('new_received', 'ambiguous', null),
            cell('carried_over', 'number', 3),
            cell('granted', 'number', 3),
          ),
          none,
        ),
      ),
    ).toEqual(['ambiguous', 'number', 'number']);
  });
});
