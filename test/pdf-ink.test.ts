import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OPS as PDF_OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { readPdf } from '../src/lib/decode/pdf.ts';
import { drawnAlphas, namedDigit, type FontInfo } from '../src/lib/decode/pdf-ink.ts';
import { printPdf } from '../src/lib/synth/office.ts';
import { parseCell } from '../src/lib/tables/cell.ts';
import { CHROMIUM, launch } from './browser.ts';
import { expected, parseDocument, score } from './documents.ts';
import { officialHtml, officialValues } from './fixtures/official.ts';

/**
 * Text a reader of a PDF does not see is no text of it (pdf-ink.ts): a digit drawn white or
 * near-white on white, drawn tiny, drawn in an invisible render mode (Tr 3, 7), clipped away or
 * covered by an opaque box drawn over it — before a number, it would be read into it (93 for a
 * white 9 and a 3). A digit that may or may not be seen (a colour near the threshold, a box over
 * part of it) makes its number unreadable. A light grey number that reads well (#999) is read.
 */

// ── hand-made PDFs: one ruled row of cells, each drawn its own way ───────────────────────────
const W = 44;
const X0 = 40;
const Y0 = 600;
const H = 24;
/** A cell's text origin (baseline), 12-point Helvetica (digits 0.556 em: 6.672 pt). */
const at = (i: number): [number, number] => [X0 + i * W + 6, Y0 + 8];
const DIGIT = 12 * 0.556;
const text = (x: number, y: number, s: string, pre = '') => `BT /F1 12 Tf ${pre} 1 0 0 1 ${x} ${y} Tm (${s}) Tj ET\n`;

/** Cell content streams, drawn in turn; each returns PDF operators for cell i. */
const CELLS: Array<[string, (x: number, y: number) => string]> = [
  ['control 42', (x, y) => text(x, y, '42')],
  // The same text object, one item for pdf.js's text content: the 9 is cut out of it.
  ['white 9 before 3', (x, y) => `BT /F1 12 Tf 1 0 0 1 ${x} ${y} Tm 1 1 1 rg (9) Tj 0 0 0 rg (3) Tj ET\n`],
  ['tiny 8 before 1', (x, y) => `BT /F1 0.5 Tf 1 0 0 1 ${x} ${y} Tm (8) Tj /F1 12 Tf (1) Tj ET\n`],
  ['#f4f4f4 7 before 0', (x, y) => text(x, y, '7', '0.957 0.957 0.957 rg') + text(x + DIGIT, y, '0', '0 0 0 rg')],
  [
    'a white box over the 6 of 61',
    (x, y) => text(x, y, '61') + `1 1 1 rg ${x - 1} ${y - 4} ${DIGIT + 1.2} 16 re f 0 0 0 rg\n`,
  ],
  ['#999 7', (x, y) => text(x, y, '7', '0.6 0.6 0.6 rg') + '0 0 0 rg\n'],
  ['Tr 3 5 before 2', (x, y) => `BT /F1 12 Tf 1 0 0 1 ${x} ${y} Tm 3 Tr (5) Tj 0 Tr (2) Tj ET\n`],
  ['Tr 7 9 before 4', (x, y) => `q BT /F1 12 Tf 1 0 0 1 ${x} ${y} Tm 7 Tr (9) Tj ET Q ` + text(x + DIGIT, y, '4')],
  ['clipped-away 7 before 1', (x, y) => `q 0 0 5 5 re W n ` + text(x, y, '7') + 'Q ' + text(x + DIGIT, y, '1')],
  [
    'white 35 on a navy cell',
    (x, y) => `0 0 0.5 rg ${x - 5} ${y - 7} ${W - 2} ${H - 2} re f ` + text(x, y, '35', '1 1 1 rg') + '0 0 0 rg\n',
  ],
  [
    'black 9 on a black patch, then 4',
    (x, y) => `0 0 0 rg ${x - 1} ${y - 4} ${DIGIT + 1} 16 re f ` + text(x, y, '9') + text(x + DIGIT + 1, y, '4'),
  ],
  // Unsure: the number is not read.
  [
    'a box over half of the 4 of 48',
    (x, y) => text(x, y, '48') + `1 1 1 rg ${x - 1} ${y - 4} ${DIGIT / 2 + 1} 16 re f 0 0 0 rg\n`,
  ],
  ['#e0e0e0 2 before 6', (x, y) => text(x, y, '2', '0.878 0.878 0.878 rg') + text(x + DIGIT, y, '6', '0 0 0 rg')],
  ['a 2-point 3 before 5 (12-point text)', (x, y) => `BT /F1 2 Tf 1 0 0 1 ${x} ${y} Tm (3) Tj /F1 12 Tf (5) Tj ET\n`],
];
/** What each cell must read as: a number, or null (not read: unreadable). */
const WANT: Array<number | null> = [42, 3, 1, 0, 1, 7, 2, 4, 1, 35, 4, null, null, null];

/** A one-page PDF: a line of text and the ruled row of CELLS (Helvetica, a standard font). */
function handMadePdf(cells = CELLS): Uint8Array {
  let content = text(X0, 700, 'Annual report: a table of numbers follows below.');
  // The rules: a box per cell, stroked.
  cells.forEach((_, i) => (content += `0.5 w ${X0 + i * W} ${Y0} ${W} ${H} re S\n`));
  cells.forEach(([, draw], i) => (content += draw(...at(i))));
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${X0 * 2 + W * cells.length} 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}

/** The row's cells as read. */
async function rowCells(pdf: Uint8Array): Promise<string[]> {
  const read = await readPdf(pdf);
  if (!read.ok) throw new Error(read.reason);
  const row = read.lines.find((l) => l.cells && l.cells.length > 3);
  return (row?.cells ?? []).map((c) => c.raw);
}

describe('PDF: a glyph nobody sees is not text', () => {
  it('reads each hand-made cell as a reader sees it: hidden digits left out, unsure ones never read', async () => {
    const cells = await rowCells(handMadePdf());
    expect(cells).toHaveLength(CELLS.length);
    CELLS.forEach(([name], i) => {
      const parsed = parseCell(cells[i]!, 'count');
      const want = WANT[i];
      if (want === null) expect(parsed.state, `${name}: ${cells[i]}`).toBe('unreadable');
      else expect({ name, value: parsed.state === 'number' ? parsed.value : cells[i] }).toEqual({ name, value: want });
    });
  });

  it('a scan’s text layer (Tr 3 over the page image) is read as before', async () => {
    // A 1×1 grey image stretched over the row, then the text drawn invisibly on it.
    const withImage = handMadePdf([
      [
        'a scan under 6',
        (x, y) =>
          `q ${W} 0 0 ${H} ${x - 6} ${y - 8} cm BI /W 1 /H 1 /CS /G /BPC 8 ID \x80 EI Q ` +
          text(x, y, '6', '3 Tr') +
          'BT 0 Tr ET\n',
      ],
      ['control 42', (x, y) => text(x, y, '42')],
      ['control 7', (x, y) => text(x, y, '7')],
      ['control 8', (x, y) => text(x, y, '8')],
    ]);
    expect(await rowCells(withImage)).toEqual(['6', '42', '7', '8']);
  });

  it('a picture beside or over a digit (an image, a vector-drawn 1) makes the cell unreadable (t25)', async () => {
    // A fresh tester's t25: a picture of a 2 before the text 5 (shows 25), a vector 1 before 5
    // (shows 15), a white picture over the 2 of 24 (shows 4): each was published as its text.
    const image = (x: number, y: number, w: number, h: number, grey = '\x00') =>
      `q ${w} 0 0 ${h} ${x} ${y} cm BI /W 1 /H 1 /CS /G /BPC 8 ID ${grey} EI Q `;
    const cells = await rowCells(
      handMadePdf([
        ['an image before 5', (x, y) => image(x, y - 1, 6, 10) + text(x + 6.5, y, '5')],
        ['5, then an image', (x, y) => text(x, y, '5') + image(x + DIGIT + 0.5, y - 1, 6, 10)],
        [
          'a vector 1 before 5',
          (x, y) =>
            `0 0 0 rg ${x} ${y + 6} m ${x + 3} ${y + 9} l ${x + 4} ${y + 9} l ${x + 4} ${y} l ${x + 2.5} ${y} l h f ` +
            text(x + 5, y, '5'),
        ],
        ['a white image over the 2 of 24', (x, y) => text(x, y, '24') + image(x, y - 2, DIGIT, 12, '\xff')],
        // Controls: a cell's shading with cut corners under the number, a picture far off.
        [
          'shading with cut corners under 42',
          (x, y) =>
            `0.9 0.9 0.9 rg ${x - 2} ${y - 6} m ${x + 32} ${y - 6} l ${x + 34} ${y - 4} l ${x + 34} ${y + 14} l ${x - 4} ${y + 14} l ${x - 4} ${y - 4} l h f 0 0 0 rg ` +
            text(x, y, '42'),
        ],
        ['a picture 3 characters off, then 7', (x, y) => image(x - 5, y - 1, 2, 2) + text(x + 20, y, '7')],
        ['control 8', (x, y) => text(x, y, '8')],
      ]),
    );
    expect(cells.slice(0, 4).map((c) => parseCell(c, 'count').state)).toEqual([
      'unreadable',
      'unreadable',
      'unreadable',
      'unreadable',
    ]);
    expect(cells.slice(4)).toEqual(['42', '7', '8']);
  });
});

// ── the operator list, by hand ─────────────────────────────────────────────────────────────
describe('what a reader sees of each glyph (pdf-ink.ts drawnAlphas)', () => {
  const OPS = PDF_OPS as unknown as Record<string, number>;
  type Op = [string, ...unknown[]];
  const list = (ops: Op[]) => ({
    fnArray: ops.map(([op]) => OPS[op]!),
    argsArray: ops.map(([, ...args]) => args),
  });
  const rect = (x0: number, y0: number, x1: number, y1: number) => [0, x0, y0, 1, x1, y0, 1, x1, y1, 1, x0, y1, 4];
  const fill = (eo: boolean, ...rects: number[][]): Op => [
    'constructPath',
    eo ? OPS.eoFill : OPS.fill,
    [new Float32Array(rects.flat())],
    null,
  ];
  /** "93" at (100, 100), 12 points, each digit its own showText. */
  const digits = (pre: Op[] = []): Op[] => [
    ['beginText'],
    ['setFont', 'F1', 12],
    ['setTextMatrix', [1, 0, 0, 1, 100, 100]],
    ...pre,
    ['showText', [{ unicode: '9', width: 556 }]],
    ['setFillRGBColor', '#000000'],
    ['showText', [{ unicode: '3', width: 556 }]],
    ['endText'],
  ];
  const inks = (ops: Op[]) => drawnAlphas(list(ops), OPS).ink.join(' ');

  it('colour against what is beneath: white on white hidden, #e0e0e0 unsure, #999 shown, white on navy shown', () => {
    expect(inks(digits([['setFillRGBColor', '#ffffff']]))).toBe('hidden shown');
    expect(inks(digits([['setFillRGBColor', '#e0e0e0']]))).toBe('unsure shown');
    expect(inks(digits([['setFillRGBColor', '#999999']]))).toBe('shown shown');
    const navy: Op[] = [['setFillRGBColor', '#000080'], fill(false, rect(90, 90, 130, 115))];
    // White on navy is seen; the black 3 after it on navy (contrast 1.3) may not be.
    expect(inks([...navy, ...digits([['setFillRGBColor', '#ffffff']])])).toBe('shown unsure');
    // Black on a black patch: not seen.
    const black: Op[] = [['setFillRGBColor', '#000000'], fill(false, rect(90, 90, 130, 115))];
    expect(inks([...black, ...digits()])).toBe('hidden hidden');
  });

  it('a digit whose text (ToUnicode) is not the digit its font’s encoding names is unsure, and counted (t78)', () => {
    // WinAnsi names code 0x32 `two`; a ToUnicode shifted by one gives '3' for it.
    const win: string[] = [];
    '0123456789'
      .split('')
      .forEach(
        (_, k) => (win[48 + k] = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'][k]!),
      );
    const helvetica: FontInfo = { defaultEncoding: win, differences: {}, isSymbolicFont: false };
    const shown = (unicode: string, code: number): Op[] => [
      ['beginText'],
      ['setFont', 'F1', 12],
      ['setTextMatrix', [1, 0, 0, 1, 100, 100]],
      ['showText', [{ unicode, originalCharCode: code, width: 556 }]],
      ['endText'],
    ];
    const read = (ops: Op[], font: FontInfo | null) => drawnAlphas(list(ops), OPS, () => font);
    expect(read(shown('3', 50), helvetica).ink).toEqual(['unsure']);
    expect(read(shown('3', 50), helvetica).contradicted).toBe(1);
    // Text and glyph agree; a composite font's codes name nothing; a font not known says nothing.
    expect(read(shown('2', 50), helvetica).ink).toEqual(['shown']);
    expect(read(shown('3', 50), { ...helvetica, composite: true }).ink).toEqual(['shown']);
    expect(read(shown('3', 50), null).contradicted).toBe(0);
  });

  it('namedDigit: the digit a simple font’s encoding names, its own Differences first', () => {
    const enc: string[] = [];
    enc[49] = 'one';
    expect(namedDigit({ defaultEncoding: enc }, 49)).toBe('1');
    expect(namedDigit({ defaultEncoding: enc, differences: { 49: 'seven.tf' } }, 49)).toBe('7');
    expect(namedDigit({ defaultEncoding: enc, differences: { 49: 'uni0034' } }, 49)).toBe('4');
    expect(namedDigit({ defaultEncoding: enc, differences: { 49: 'g12' } }, 49)).toBeNull();
    // A symbolic font draws by code: its encoding names nothing, unless its Differences do.
    expect(namedDigit({ defaultEncoding: enc, isSymbolicFont: true }, 49)).toBeNull();
    expect(namedDigit({ defaultEncoding: enc, isSymbolicFont: true, differences: { 49: 'one' } }, 49)).toBe('1');
    expect(namedDigit({ defaultEncoding: enc, composite: true }, 49)).toBeNull();
    expect(namedDigit({ defaultEncoding: enc }, undefined)).toBeNull();
    expect(namedDigit({ defaultEncoding: enc }, 50)).toBeNull();
  });

  it('render modes 3 and 7 hide; 1 (stroke) and 2 show', () => {
    expect(inks(digits([['setTextRenderingMode', 3]]))).toBe('hidden hidden');
    expect(inks(digits([['setTextRenderingMode', 7]]))).toBe('hidden hidden');
    expect(inks(digits([['setTextRenderingMode', 1]]))).toBe('shown shown');
    expect(inks(digits([['setTextRenderingMode', 2]]))).toBe('shown shown');
  });

  it('a glyph far smaller than the page’s text is hidden, a smaller one unsure', () => {
    const page = (size: number): Op[] => [
      ...digits(),
      ['beginText'],
      ['setFont', 'F1', size],
      ['setTextMatrix', [1, 0, 0, 1, 300, 100]],
      ['showText', [{ unicode: '8', width: 556 }]],
      ['endText'],
    ];
    expect(inks(page(1))).toBe('shown shown hidden');
    expect(inks(page(2.5))).toBe('shown shown unsure');
    expect(inks(page(7))).toBe('shown shown shown');
  });

  it('an opaque shape drawn after a glyph: over all of it hides it, over part makes it unsure', () => {
    const over = (...ops: Op[]) => inks([...digits(), ['setFillRGBColor', '#ffffff'], ...ops]);
    // 9: x 100–106.7, 3: 106.7–113.3; ink from the baseline (100) to 9.6 above it.
    expect(over(fill(false, rect(99, 98, 106.8, 112)))).toBe('hidden shown');
    expect(over(fill(false, rect(99, 98, 103, 112)))).toBe('unsure shown');
    // A frame (an even-odd fill of two rectangles, or one drawn the other way round) drawn after
    // the text around it hides nothing inside.
    expect(over(fill(true, rect(90, 90, 130, 120), rect(92, 92, 128, 118)))).toBe('shown shown');
    expect(
      over([
        'constructPath',
        OPS.fill,
        [new Float32Array([...rect(90, 90, 130, 120), 0, 92, 92, 1, 92, 118, 1, 128, 118, 1, 128, 92, 4])],
        null,
      ]),
    ).toBe('shown shown');
    // A thin rule over the glyphs is no cover (a strike is pdf-glyphs.ts's).
    expect(over(fill(false, rect(95, 104, 120, 104.8)))).toBe('shown shown');
    // Multiplied (a highlighter) or half transparent: nothing hidden; under a soft mask: unsure.
    expect(over(['setGState', [['BM', 'multiply']]], fill(false, rect(99, 98, 106.8, 112)))).toBe('unsure shown');
    expect(over(['setGState', [['ca', 0.3]]], fill(false, rect(99, 98, 106.8, 112)))).toBe('shown shown');
    expect(over(['setGState', [['SMask', true]]], fill(false, rect(99, 98, 106.8, 112)))).toBe('unsure shown');
    // Clipped away, the shape covers nothing.
    expect(
      over(
        ['save'],
        ['clip'],
        ['constructPath', OPS.endPath, [new Float32Array(rect(0, 0, 50, 50))], null],
        fill(false, rect(99, 98, 106.8, 112)),
        ['restore'],
      ),
    ).toBe('shown shown');
  });

  it('a glyph outside the clipping area is hidden, one partly outside unsure', () => {
    const clip = (x0: number, x1: number): Op[] => [
      ['save'],
      ['clip'],
      ['constructPath', OPS.endPath, [new Float32Array(rect(x0, 0, x1, 842))], null],
      ...digits(),
      ['restore'],
    ];
    expect(inks(clip(0, 500))).toBe('shown shown');
    expect(inks(clip(106.7, 500))).toBe('hidden shown');
    expect(inks(clip(103, 500))).toBe('unsure shown');
  });
});

// ── the tester's report, printed by Chromium ─────────────────────────────────────────────────
describe.skipIf(!existsSync(CHROMIUM))('PDF printed by a browser: hidden digits', () => {
  const want = expected(officialValues());
  it('a white, a 1-pixel, a near-white and a covered digit before a number are never read into it; #999 is read', async () => {
    const browser = await launch();
    try {
      const tab = await browser.newPage();
      const html = officialHtml(officialValues());
      // Printed as styled (Chromium otherwise darkens light text when it prints no backgrounds).
      const exact = 'print-color-adjust:exact;-webkit-print-color-adjust:exact';
      const value = want.get('requests.new_received.natural_person')!;
      // Each trick before the cell's value, and what the cell must read: the value, or NULL.
      const tricks: Array<[string, number | null]> = [
        [`<span style="color:#ffffff;${exact}">9</span>`, value],
        ['<span style="font-size:1px">8</span>', value],
        [`<span style="color:#f4f4f4;${exact}">7</span>`, value],
        // A white box over a 6 and only over it, drawn after the text.
        [
          `<span style="position:relative">6<span style="position:absolute;left:-1px;top:-2px;width:0.62em;height:1.4em;background:#fff;${exact}"></span></span>`,
          value,
        ],
        // The tester's box, 1.2 em wide: over the 9 and the value's first digit, and a sliver of
        // its second (what is seen is not the number): not read.
        [
          `<span style="position:relative">9<span style="position:absolute;left:0;top:0;width:1.2em;height:1.3em;background:#fff;${exact}"></span></span>`,
          null,
        ],
        // A grey near the threshold (#e0e0e0): may or may not be seen, not read.
        [`<span style="color:#e0e0e0;${exact}">9</span>`, null],
      ];
      const at = /一、本年新收政府信息公开申请数量<\/td><td>/.exec(html)!;
      const end = at.index + at[0].length;
      for (const [trick, read] of tricks) {
        const pdf = await printPdf(tab, html.slice(0, end) + trick + html.slice(end), {
          page: 'A4',
          font: 'Noto Serif CJK SC',
          fontPt: 10.5,
          borders: 'collapse',
          borderPt: 0.75,
          breakRow: null,
        });
        const { cells } = await parseDocument('printed.pdf', pdf);
        const s = score(cells, want);
        expect(s.wrong, trick).toEqual([]);
        // The cell itself: read right (the hidden digit left out), or not read.
        const cell = cells.find(
          (c) => c.table_id === 'requests' && c.row_key === 'new_received' && c.col_key === 'natural_person',
        );
        expect(cell?.value ?? null, trick).toBe(read);
      }
      // A whole table in light grey (#999) reads as before.
      const grey = html.replaceAll('<table', `<table style="color:#999;${exact}"`);
      const pdf = await printPdf(tab, grey, {
        page: 'A4',
        font: 'Noto Serif CJK SC',
        fontPt: 10.5,
        borders: 'collapse',
        borderPt: 0.75,
        breakRow: null,
      });
      const s = score((await parseDocument('grey.pdf', pdf)).cells, want);
      expect(s.wrong).toEqual([]);
      expect(s.right / want.size).toBeGreaterThanOrEqual(0.99);
    } finally {
      await browser.close();
    }
  }, 90_000);
});
