import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { drawnAlphas } from '../src/lib/decode/pdf-ink.ts';
import { parseDocument } from './documents.ts';
import { wrongCells } from './helpers.ts';

/**
 * A fresh tester's PDFs (test/fixtures/tester/t52, its README): text in a layer switched off,
 * a page with text outside its view box, whose invisible digits were then published, and pages
 * drawn a little turned (0.3°–2°), whose values drifted into the neighbouring row.
 */
const dir = new URL('./fixtures/tester/t52/', import.meta.url);
const files = readdirSync(dir).filter((f) => f.endsWith('.pdf'));

describe('a fresh tester’s PDFs (t52)', () => {
  it('are all here', () => expect(files.length).toBe(11));
  for (const file of files)
    it(`${file}: no wrong number`, async () => {
      const { cells } = await parseDocument(file, new Uint8Array(readFileSync(new URL(file, dir))));
      expect(cells.length).toBeGreaterThan(100);
      expect(wrongCells(cells, new URL(`${file}.json`, dir))).toEqual([]);
    }, 60_000);
});

describe('a fresh tester’s Chromium-printed PDF (t55): 四’s cells set at different heights', () => {
  const t55 = new URL('./fixtures/tester/t55/', import.meta.url);
  for (const file of readdirSync(t55).filter((f) => f.endsWith('.pdf')))
    it(`${file}: no wrong number`, async () => {
      const { cells } = await parseDocument(file, new Uint8Array(readFileSync(new URL(file, t55))));
      expect(cells.length).toBeGreaterThan(10);
      expect(wrongCells(cells, new URL(`${file}.json`, t55))).toEqual([]);
    }, 60_000);
});

describe('a fresh tester’s Word files (t51): a cell deleted with Track Changes on', () => {
  const words = new URL('./fixtures/tester/t51/', import.meta.url);
  const docx = readdirSync(words).filter((f) => f.endsWith('.docx'));
  it('are all here', () => expect(docx.length).toBe(2));
  for (const file of docx)
    it(`${file}: no wrong number`, async () => {
      const { cells } = await parseDocument(file, new Uint8Array(readFileSync(new URL(file, words))));
      expect(cells.length).toBeGreaterThan(10);
      expect(wrongCells(cells, new URL(`${file}.json`, words))).toEqual([]);
    }, 60_000);
});

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
