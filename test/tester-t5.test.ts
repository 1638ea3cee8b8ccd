import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, parseText, wrongCells } from './helpers.ts';

/**
 * A fifth fresh tester's files (test/fixtures/tester/t5, its README): 三's （一）予以公开 ×
 * 自然人, 120, written `12<span …>9</span>0` with the 9 hidden or drawn faint (!important before a
 * normal declaration, opacity .001, filter:invert(1), a blend, an inset shadow, a black
 * gradient) or shown (`<font color="transparent">`: 1290); labels broken before a `|` row; 四
 * as a 3×5 grid; a CSV's unquoted thousands. Each with its truth (a faint digit: NULL or 120).
 */
const dir = new URL('./fixtures/tester/t5/', import.meta.url);
const files = readdirSync(dir).filter((f) => !f.endsWith('.json') && f !== 'README.txt');

describe('a fifth fresh tester’s files', () => {
  it('are all here', () => expect(files.length).toBe(26));
  for (const file of files)
    it(`${file}: no wrong number`, () => {
      const p = ok(parseText(readFileSync(new URL(file, dir)), file));
      expect(wrongCells(p.cells, new URL(`${file}.json`, dir))).toEqual([]);
    });
  for (const file of ['w01_label_wrapped_before.txt', 'w03_o1_wrapped_before.txt'])
    it(`${file}: a label broken before its \`|\` row: every cell of 三 read`, () => {
      const p = ok(parseText(readFileSync(new URL(file, dir)), file));
      expect(p.cells.filter((c) => c.table_id === 'requests' && c.value === null)).toEqual([]);
    });
});

/**
 * A sixth fresh tester's (test/fixtures/tester/t6, its README): the same cell under `all:` resets,
 * ::first-letter/::first-line, popovers, layered !important, alternate style sheets, the IE
 * `\9` hack, masks, positions, outlines and shadows, flex/grid/float order, collapsed columns
 * and overlaps; each checked in Chromium by the tester.
 */
const dir6 = new URL('./fixtures/tester/t6/', import.meta.url);
const files6 = readdirSync(dir6).filter((f) => !f.endsWith('.json') && f !== 'README.txt');

describe('a sixth fresh tester’s files', () => {
  it('are all here', () => expect(files6.length).toBe(66));
  for (const file of files6)
    it(`${file}: no wrong number`, () => {
      const p = ok(parseText(readFileSync(new URL(file, dir6)), file));
      expect(wrongCells(p.cells, new URL(`${file}.json`, dir6))).toEqual([]);
    });
});

/**
 * An eighth fresh tester's (test/fixtures/tester/t8, its README): 四's 行政诉讼 blocks labelled as
 * reports word them (直接起诉, 经复议后起诉, 行政诉讼（复议后起诉）) or by one label only, over the
 * other block's values, in `-layout`, `|` and HTML text: 128 cells were published as each other's.
 */
const dir8 = new URL('./fixtures/tester/t8/', import.meta.url);
const files8 = readdirSync(dir8).filter((f) => !f.endsWith('.json') && f !== 'README.txt');

describe('an eighth fresh tester’s files', () => {
  it('are all here', () => expect(files8.length).toBe(13));
  for (const file of files8)
    it(`${file}: no wrong number`, () => {
      const p = ok(parseText(readFileSync(new URL(file, dir8)), file));
      expect(wrongCells(p.cells, new URL(`${file}.json`, dir8))).toEqual([]);
    });
});

/**
 * A tenth fresh tester's (test/fixtures/tester/t10): the report's table inside a government
 * portal's page chrome, one rule each. Word's `margin-left:-5.4pt` on the table, a clearfix's
 * generated space or hidden dot, IE's `filter:progid:…`, a media rule floating the article or
 * setting the cells' font size or colour: every cell was NULL. Still NULL (not known, never
 * wrong): a dark-mode rule changing colour and background together (m13) and a negative
 * letter-spacing reset by the children (m20).
 */
const dir10 = new URL('./fixtures/tester/t10/', import.meta.url);
const files10 = readdirSync(dir10).filter((f) => !f.endsWith('.json'));

describe('a tenth fresh tester’s portal pages', () => {
  it('are all here', () => expect(files10.length).toBe(12));
  for (const file of files10)
    it(`${file}: no wrong number${/^m(?:13|20)_/.test(file) ? '' : ', every cell read'}`, () => {
      const p = ok(parseText(readFileSync(new URL(file, dir10)), file));
      expect(wrongCells(p.cells, new URL(`${file}.json`, dir10))).toEqual([]);
      if (!/^m(?:13|20)_/.test(file))
        expect(p.cells.filter((c) => c.value === null && c.state !== 'blank')).toEqual([]);
    });
});
