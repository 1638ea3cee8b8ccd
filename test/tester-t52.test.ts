import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drawnAlphas } from '../src/lib/decode/pdf-ink.ts';
import { parseDocument } from './documents.ts';
import { wrongCells } from './helpers.ts';

/**
 * Fresh testers' documents (test/fixtures/tester/t52, t55, t51, their READMEs): PDFs with text
 * in a layer switched off, text outside the view box (invisible digits then published), pages
 * drawn a little turned (values drifted into the next row), 四's cells set at two heights; Word
 * files with a cell deleted with Track Changes on.
 */
/** Each document of a fixture folder (`ext`), alone: no wrong number, and at least `min` cells read. */
for (const [name, what, ext, count, min] of [
  ['t52', 'PDFs', '.pdf', 11, 100],
  ['t55', 'Chromium-printed PDF: 四’s cells set at different heights', '.pdf', 1, 10],
  ['t51', 'Word files: a cell deleted with Track Changes on', '.docx', 2, 10],
] as const) {
  const dir = new URL(`./fixtures/tester/${name}/`, import.meta.url);
  const files = readdirSync(dir).filter((f) => f.endsWith(ext));
  describe(`a fresh tester’s ${what} (${name})`, () => {
    it('are all here', () => expect(files.length).toBe(count));
    for (const file of files)
      it(`${file}: no wrong number`, async () => {
        const { cells } = await parseDocument(file, new Uint8Array(readFileSync(new URL(file, dir))));
        expect(cells.length).toBeGreaterThan(min);
        expect(wrongCells(cells, new URL(`${file}.json`, dir))).toEqual([]);
      }, 60_000);
  });
}

describe('drawnAlphas: marked content and the view box', () => {
  const OPS = {
    beginMarkedContentProps: 1,
    endMarkedContent: 2,
    beginText: 3,
    setFont: 4,
    setTextMatrix: 5,
    showText: 6,
    beginMarkedContent: 7,
  };
  const glyph = (c: string) => ({ unicode: c, width: 500 });
  const ops = (y: number, oc: boolean) => ({
    fnArray: [
      ...(oc ? [OPS.beginMarkedContentProps] : [OPS.beginMarkedContent]),
      OPS.beginText,
      OPS.setFont,
      OPS.setTextMatrix,
      OPS.showText,
      OPS.endMarkedContent,
    ],
    argsArray: [
      oc ? ['OC', { type: 'OCG', id: 'L1' }] : ['Span'],
      [],
      ['F1', 10],
      [1, 0, 0, 1, 100, y],
      [[glyph('4'), glyph('3')]],
      [],
    ],
  });
  const view = [0, 0, 595, 842] as const;
  it('text in a layer switched off is hidden; in one shown, or in other marked content, it is shown', () => {
    const off = (p: unknown) => (p as { id: string }).id !== 'L1';
    expect(drawnAlphas(ops(500, true), OPS, () => null, view, off).ink).toEqual(['hidden', 'hidden']);
    expect(
      drawnAlphas(
        ops(500, true),
        OPS,
        () => null,
        view,
        () => true,
      ).ink,
    ).toEqual(['shown', 'shown']);
    expect(drawnAlphas(ops(500, false), OPS, () => null, view, off).ink).toEqual(['shown', 'shown']);
  });
  it('a glyph outside the view box is left out, as pdf.js’s text content leaves it out', () => {
    expect(drawnAlphas(ops(-50, false), OPS, () => null, view).text).toEqual([]);
    expect(drawnAlphas(ops(500, false), OPS, () => null, view).text).toEqual(['4', '3']);
  });
});
