import { UNSURE_MARK } from '../src/lib/decode/shown.ts';
import { describe, expect, it } from 'vitest';
import { OPS as PDF_OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import {
  drawnAlphas,
  dropOverdrawn,
  itemAlphas,
  markStruck,
  pageRuns,
  runsWithPage,
  type DrawnRun,
  type PdfTextItem,
} from '../src/lib/decode/pdf-glyphs.ts';
import { joinPages, pageBlocks, scriptRuns, type Segment, type TextRun } from '../src/lib/decode/pdf-layout.ts';
import { blocksToLines } from '../src/lib/decode/pdf-lines.ts';
import { parseCell } from '../src/lib/tables/cell.ts';

/**
 * Text drawn on a PDF page that is none of its cells: a watermark set at an angle or drawn
 * faint or far too large, the second copy of each glyph of fake bold, and footnote marks set
 * as superscripts. Small hand-made inputs, as pdf.js would report them.
 */

const OPS = PDF_OPS as unknown as Record<string, number>;
const A4: [number, number, number, number] = [0, 0, 595, 842];
const em = (ch: string) => (/[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : 0.55);
/** A text item at (x, y), `size` points, its baseline turned by `deg` degrees. */
function item(str: string, x: number, y: number, size = 10, deg = 0): PdfTextItem {
  const r = (deg * Math.PI) / 180;
  const [c, s] = [Math.cos(r) * size, Math.sin(r) * size];
  return { str, transform: [c, s, -s, c, x, y], width: [...str].reduce((a, ch) => a + em(ch), 0) * size, height: size };
}
const run = (str: string, x: number, y: number, size = 10, w = [...str].length * size * 0.55): TextRun => ({
  str,
  x,
  y,
  w,
  size,
});

/** A ruled table: column edges xs, row edges ys (top first). */
function rules(xs: number[], ys: number[]): Segment[] {
  const out: Segment[] = [];
  for (const y of ys) out.push({ x0: xs[0]!, y0: y, x1: xs[xs.length - 1]!, y1: y });
  for (const x of xs) out.push({ x0: x, y0: ys[0]!, x1: x, y1: ys[ys.length - 1]! });
  return out;
}
const XS = [50, 250, 300, 350, 400];
const YS = [700, 680, 660];
/** The rows of a two-row table with three value columns, read from runs. */
const rows = (runs: TextRun[]) =>
  blocksToLines(joinPages([pageBlocks({ page: 1, width: 595, height: 842, runs, segments: rules(XS, YS) })])).map(
    (l) => l.raw,
  );
const body = [
  item('规章', 55, 685),
  item('1', 260, 685),
  item('0', 310, 685),
  item('11', 360, 685),
  item('行政规范性文件', 55, 665),
  item('8', 260, 665),
  item('26', 360, 665),
];

describe('text set at an angle to the page is no cell text', () => {
  it('drops rotated items (a watermark at 45°, 90° or 270°), keeps upright, sheared and slightly skewed text', () => {
    const t = (deg: number, shear = 0) => ({
      a: Math.cos((deg * Math.PI) / 180),
      b: Math.sin((deg * Math.PI) / 180) + shear,
    });
    expect(runsWithPage(t(0), 0)).toBe(true);
    expect(runsWithPage(t(2), 0)).toBe(true);
    expect(runsWithPage(t(-2), 0)).toBe(true);
    expect(runsWithPage(t(30), 0)).toBe(false);
    expect(runsWithPage(t(45), 0)).toBe(false);
    expect(runsWithPage(t(90), 0)).toBe(false);
    expect(runsWithPage(t(270), 0)).toBe(false);
    // On a page turned a quarter, the turned text is the page's and the upright text is not.
    expect(runsWithPage(t(90), 90)).toBe(true);
    expect(runsWithPage(t(0), 90)).toBe(false);
    // No size, no direction: not drawn.
    expect(runsWithPage({ a: 0, b: 0 }, 0)).toBe(false);
    // An oblique (fake italic) font shears the glyphs, not the baseline.
    const italic: PdfTextItem = { str: '规章', transform: [10, 0, 3, 10, 55, 685], width: 20, height: 10 };
    expect(pageRuns([italic], null, A4).runs.map((r) => r.str)).toEqual(['规章']);
  });

  it('a watermark glyph landing in a blank cell leaves it blank, whatever its angle', () => {
    expect(rows(pageRuns(body, null, A4).runs)).toEqual(['规章 | 1 | 0 | 11', '行政规范性文件 | 8 |  | 26']);
    // "2024年1月" set one glyph at a time down the page (LibreOffice), its "1" in the blank cell.
    for (const deg of [90, 270, 45, 315, 30]) {
      const mark = [...'2024年1月'].map((ch, i) => item(ch, 310, 700 - i * 6, 12, deg));
      mark[5] = item('1', 312, 664, 12, deg);
      const { runs } = pageRuns([...body, ...mark], null, A4);
      expect(rows(runs), `${deg}°`).toEqual(['规章 | 1 | 0 | 11', '行政规范性文件 | 8 |  | 26']);
    }
  });

  it('a turned page keeps its text (the page is turned back, not its text dropped)', () => {
    const turned = [
      item('规章', 100, 55, 10, 90),
      item('行政规范性文件', 120, 55, 10, 90),
      item('12', 100, 260, 10, 90),
    ];
    expect(pageRuns(turned, null, A4).runs.map((r) => r.str)).toEqual(['规章', '行政规范性文件', '12']);
  });
});

describe('a page drawn a little turned (a scan never deskewed) is turned back level', () => {
  /** The items of `items` as drawn on a page turned `deg` degrees about the origin. */
  const tilt = (items: PdfTextItem[], deg: number): PdfTextItem[] => {
    const [c, s] = [Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)];
    return items.map((it) => {
      const [a, b, cc, d, x, y] = it.transform as [number, number, number, number, number, number];
      return {
        ...it,
        transform: [a * c - b * s, a * s + b * c, cc * c - d * s, cc * s + d * c, x * c - y * s, x * s + y * c],
      };
    });
  };
  // An unruled table: two rows 11 points apart, the values far along them (a long label column).
  const table = [
    item('（二）部分公开', 55, 685),
    item('447', 420, 686.5),
    item('7', 480, 686.5),
    item('454', 530, 686.5),
    item('1.属于国家秘密', 55, 674),
    item('2', 420, 675.5),
    item('0', 480, 675.5),
    item('2', 530, 675.5),
  ];
  const lines = (runs: TextRun[]) =>
    blocksToLines(joinPages([pageBlocks({ page: 1, width: 595, height: 842, runs, segments: [] })])).map((l) => l.raw);

  it('each value stays on its label’s line, at 0.3° to 2° either way', () => {
    const level = lines(pageRuns(table, null, A4).runs);
    expect(level).toEqual(['（二）部分公开  447  7  454', '1.属于国家秘密  2  0  2']);
    for (const deg of [0.3, -0.3, 0.6, -1, 2, -2]) {
      const { runs, skew } = pageRuns(tilt(table, deg), null, A4);
      expect(skew, `${deg}°`).toBeCloseTo(deg, 6);
      expect(lines(runs), `${deg}°`).toEqual(level);
    }
  });

  it('digits set at a small angle of their own among level text are unsure, never a number', () => {
    // The page is level; one row's values alone are drawn turned 1° about the label's origin.
    const own = tilt(table.slice(1, 4), 1).map((it) => ({
      ...it,
      transform: [...it.transform.slice(0, 4), it.transform[4]! + 13, it.transform[5]! - 1] as number[],
    }));
    const { runs, skew } = pageRuns([...table.slice(0, 1), ...own, ...table.slice(4)], null, A4);
    expect(skew).toBe(0);
    const out = lines(runs).join('\n');
    expect(out).toContain(`${UNSURE_MARK}447`);
    expect(out.replaceAll(`${UNSURE_MARK}447`, '').replaceAll(`${UNSURE_MARK}454`, '')).not.toMatch(/447|454/);
  });

  it('a level page is left as it is; a watermark at 30° has no say in the angle', () => {
    expect(pageRuns(table, null, A4).skew).toBe(0);
    const mark = [...'内部资料'].map((ch, i) => item(ch, 200 + i * 20, 300 + i * 12, 40, 30));
    const { runs, skew } = pageRuns(tilt([...table, ...mark], 0.5), null, A4);
    expect(skew).toBeCloseTo(0.5, 6);
    expect(lines(runs)).toEqual(['（二）部分公开  447  7  454', '1.属于国家秘密  2  0  2']);
  });
});

describe('faint text (drawn semi-transparent) is no cell text', () => {
  const glyphs = (s: string) => [[...s].map((unicode) => ({ unicode }))];
  /** An operator list: showText of each string, at the opacity given before it. */
  const ops = (parts: Array<[string, number] | string>) => {
    const fnArray: number[] = [];
    const argsArray: unknown[][] = [];
    for (const p of parts) {
      if (typeof p === 'string') {
        fnArray.push(OPS.showText!);
        argsArray.push(glyphs(p));
      } else {
        const [op, ca] = p;
        fnArray.push(OPS[op]!);
        argsArray.push(
          op === 'setGState'
            ? [
                [
                  ['CA', ca],
                  ['ca', ca],
                ],
              ]
            : [],
        );
      }
    }
    return { fnArray, argsArray };
  };

  it('knows the opacity of each character, inside transparency groups and across save/restore', () => {
    const ol = ops([
      '规章 1',
      ['save', 0],
      ['setGState', 0.5],
      // A transparency group (LibreOffice's watermark): its content starts from 1, composited at 0.5.
      ['beginGroup', 0],
      ['paintFormXObjectBegin', 0],
      '2024',
      ['setGState', 0.5],
      '年',
      ['paintFormXObjectEnd', 0],
      ['endGroup', 0],
      ['restore', 0],
      '0',
    ]);
    const d = drawnAlphas(ol, OPS);
    expect(d.text.join('')).toBe('规章12024年0');
    expect(d.alpha).toEqual([1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.25, 1]);
    expect(itemAlphas(['规章', ' ', '1', '2024', '年', '0'], d)).toEqual([
      [1, 1],
      [1],
      [1],
      [0.5, 0.5, 0.5, 0.5],
      [0.25],
      [1],
    ]);
    // The text content lacking a character the page draws (text off the page): nothing is known.
    expect(itemAlphas(['规章', '1', '024', '年', '0'], d)).toBeNull();
  });

  it('drops faint characters: an upright watermark digit in a blank cell leaves it blank', () => {
    const mark = [item('2024', 100, 700, 12), item('1', 312, 664, 12), item('月', 330, 640, 12)];
    const items = [...body, ...mark];
    const d = drawnAlphas(ops([...body.map((i) => i.str), ['setGState', 0.5], ...mark.map((i) => i.str)]), OPS);
    expect(rows(pageRuns(items, d, A4).runs)).toEqual(['规章 | 1 | 0 | 11', '行政规范性文件 | 8 |  | 26']);
    // Without the opacity (the two lists disagree), the digit would be read: the test can fail.
    expect(rows(pageRuns(items, null, A4).runs)).toContain('行政规范性文件 | 8 | 1 | 26');
    // A faint character standing apart from the opaque ones of its item is cut out of it.
    const apart: DrawnRun = { ...run('8  x', 260, 665), alpha: [1, 1, 1, 0.3] };
    expect(dropOverdrawn([apart]).map((r) => r.str.trim())).toEqual(['8']);
  });

  it('keeps a faint digit beside an opaque one, unsure: never the number without it', () => {
    // A fresh tester's t31: `1<span style="opacity:.5">5</span>` printed by Chromium read as 1.
    const inside: DrawnRun = { ...run('8x', 260, 665), alpha: [1, 0.3] };
    expect(dropOverdrawn([inside]).map((r) => r.str)).toEqual([`8${UNSURE_MARK}x`]);
    const one = run('1', 300, 665, 12, 6.6);
    const five: DrawnRun = { ...run('5', 306.6, 665, 12, 6.6), alpha: [0.5] };
    const out = dropOverdrawn([one, five]).map((r) => r.str);
    expect(out).toEqual(['1', `${UNSURE_MARK}5`]);
  });
});

describe('text far taller than its cell is no cell text', () => {
  it('an opaque upright watermark 60 points high, its "1" starting in a 20-point blank cell, leaves it blank', () => {
    // An opaque, upright watermark 60 points high whose "1" starts in a 20-point blank cell.
    const big = [item('1', 305, 660, 60)];
    expect(rows(pageRuns([...body, ...big], null, A4).runs)).toEqual([
      '规章 | 1 | 0 | 11',
      '行政规范性文件 | 8 |  | 26',
    ]);
  });
});

describe('glyphs drawn twice (fake bold) are read once', () => {
  const strs = (runs: DrawnRun[]) => dropOverdrawn(runs).map((r) => `${r.str}@${r.x.toFixed(1)}`);

  it('drops the second copy of a string drawn again 0.4 pt off', () => {
    expect(strs([run('59', 360, 665, 11, 13.2), run('59', 360.4, 665, 11, 13.2)])).toEqual(['59@360.0']);
    expect(strs([run('5', 360, 665, 11, 6.6), run('5', 360.4, 665.3, 11, 6.6)])).toEqual(['5@360.0']);
  });

  it('drops each glyph drawn twice in turn (as pdf.js groups them: 5, 59, 9)', () => {
    const out = dropOverdrawn([
      run('5', 360, 665, 11, 6.6),
      run('59', 360.4, 665, 11, 12.8),
      run('9', 367, 665, 11, 6.6),
    ]);
    expect(out.map((r) => r.str)).toEqual(['5', '9']);
    expect(rows(out)).toEqual([' |  |  | 59']);
  });

  it('keeps a digit written twice a whole advance apart (55), in one item or two', () => {
    expect(strs([run('55', 360, 665, 11, 13.2)])).toEqual(['55@360.0']);
    expect(strs([run('5', 360, 665, 11, 6.6), run('5', 366.6, 665, 11, 6.6)])).toEqual(['5@360.0', '5@366.6']);
    // Tight tracking (nine tenths of an advance) is still two digits.
    expect(strs([run('5', 360, 665, 11, 6.6), run('5', 365.9, 665, 11, 6.6)])).toEqual(['5@360.0', '5@365.9']);
    // The same digit in the rows above and below, or in a smaller size, is no copy.
    expect(strs([run('5', 360, 665, 11, 6.6), run('5', 360, 655, 11, 6.6), run('5', 360.3, 665, 6, 3.3)])).toHaveLength(
      3,
    );
  });

  it('two layers that disagree at one place (128 and 123: a scan’s two OCR passes) are no number: never 1283 (t78)', () => {
    const out = dropOverdrawn([run('128', 360, 665, 11, 19.8), run('123', 360.3, 665, 11, 19.8)]);
    // The shared 1 and 2 once; the 8 and the 3 each behind the mark: the number is never read.
    expect(out.map((r) => r.str)).toEqual([`12${UNSURE_MARK}8`, `${UNSURE_MARK}3`]);
    // The same strings a whole width apart are two numbers, each read.
    expect(strs([run('128', 360, 665, 11, 19.8), run('123', 390, 665, 11, 19.8)])).toEqual(['128@360.0', '123@390.0']);
  });

  it('a label whose every glyph is drawn twice reads once: never （（七七））总总计计', () => {
    const label = [...'（七）总计'].flatMap((ch, i) => [
      run(ch, 55 + i * 10, 665, 10, 10),
      run(ch, 55.4 + i * 10, 665, 10, 10),
    ]);
    const values = [
      run('5', 260, 665, 11, 6.6),
      run('5', 260.4, 665, 11, 6.6),
      run('59', 360, 665, 11, 13.2),
      run('59', 360.4, 665, 11, 13.2),
    ];
    const out = dropOverdrawn([...label, ...values]);
    expect(rows(out)).toEqual(['（七）总计 | 5 |  | 59']);
  });
});

describe('superscript and subscript marks are kept apart from the number', () => {
  it('marks a smaller, raised or lowered run in a line', () => {
    const n = run('87', 360, 665, 11, 14);
    const sup = run('1', 374, 669.3, 6.4, 3.6);
    expect([...scriptRuns([n, sup])]).toEqual([sup]);
    // A browser's <sup>: 0.83 of the size, raised 0.4 em; raised at the same size.
    const chromium = run('1', 374, 669.8, 9.2, 5);
    expect([...scriptRuns([n, chromium])]).toEqual([chromium]);
    const same = run('1', 374, 669.4, 11, 6);
    expect([...scriptRuns([n, same])]).toEqual([same]);
    const sub = run('1', 374, 662.5, 6.4, 3.6);
    expect([...scriptRuns([n, sub])]).toEqual([sub]);
    // A number set a little lower than the label beside it, at about the same size, is no script.
    expect(scriptRuns([run('规章', 55, 665, 10.5), run('12', 100, 666.9, 11)]).size).toBe(0);
    // A unit in a smaller font on the same baseline is no script.
    expect(scriptRuns([run('12', 260, 665, 11), run('万元', 274, 665, 8)]).size).toBe(0);
  });

  it('marks a digit lowered a quarter em against another number at the same size (Chromium prints a CSS subscript at full size)', () => {
    // The sixth tester's q01: 25 at y 643.5 and a subscript 1 at 640.4, both 12 pt, touching.
    const n = run('25', 349.1, 643.5, 12, 15.3);
    const sub = run('1', 364.4, 640.4, 12, 7.6);
    expect([...scriptRuns([n, sub])]).toEqual([sub]);
    const cell = rows([run('（七）总计', 55, 665), run('25', 360, 665, 12, 15.3), run('1', 375.3, 661.9, 12, 7.6)]);
    expect(cell[0]).toBe('（七）总计 |  |  | 25^1');
    // Apart (a space between), a number lowered as much is another number's, not a mark.
    expect(scriptRuns([n, run('1', 380, 640.4, 12, 7.6)]).size).toBe(0);
  });

  it('digits drawn one by one, the number set higher than its label (top-aligned), are one number', () => {
    // 447 two points above 规章's baseline at 7.5 pt, each digit its own run (drawn in reverse).
    const digits = [run('7', 268.32, 687, 7.5, 4.16), run('4', 264.16, 687, 7.5, 4.16), run('4', 260, 687, 7.5, 4.16)];
    expect(scriptRuns([run('规章', 55, 685, 7.5, 15), ...digits]).size).toBe(0);
    expect(rows([run('规章', 55, 685, 7.5, 15), ...digits])).toEqual(['规章 | 447 |  | ']);
    // A digit on another baseline right after them is still a mark (never 4471).
    const mark = run('1', 272.5, 684, 7.5, 4.16);
    expect(scriptRuns([run('规章', 55, 685, 7.5, 15), ...digits, mark]).has(mark)).toBe(true);
    expect(rows([run('规章', 55, 685, 7.5, 15), ...digits, mark])[0]).not.toMatch(/4471/);
  });

  it('a footnote mark after a number makes the cell unreadable, never 871', () => {
    const cell = (mark: TextRun) => rows([run('（七）总计', 55, 665), run('87', 360, 665, 11, 14), mark])[0]!;
    // Raised 0.39 em at 0.58 of the size (LibreOffice), on the number's line.
    const a = cell(run('1', 374, 669.3, 6.4, 3.6));
    expect(a).toBe('（七）总计 |  |  | 87^1');
    // Raised further (a line of its own in the cell): two numbers, never one.
    const b = cell(run('1', 374, 671.5, 6.4, 3.6));
    expect(b).toBe('（七）总计 |  |  | 1 87');
    for (const text of [a, b]) expect(parseCell(text.split(' | ').at(-1)!, 'count').state).toBe('unreadable');
  });
});

describe('struck-through text is no number', () => {
  const run = (str: string, x: number, w: number): TextRun => ({ str, x, y: 100, w, size: 10 });
  it('a rule across part of a run at mid-height marks the run (a struck 9 before 658: never 9658)', () => {
    const runs = [run('9658', 144, 21.3), run('235', 200, 16)];
    const strike: Segment = { x0: 144, y0: 104.1, x1: 149.3, y1: 104.1 };
    const out = markStruck(runs, [strike]);
    expect(out[0]!.str).toBe('⁇9658');
    expect(parseCell(out[0]!.str, 'count', null).value).toBeNull();
    expect(out[1]!.str).toBe('235');
  });
  it('an underline, a border longer than the text and a rule above it mark nothing', () => {
    const runs = [run('658', 144, 16)];
    const segs: Segment[] = [
      { x0: 144, y0: 98.5, x1: 160, y1: 98.5 },
      { x0: 130, y0: 104, x1: 220, y1: 104 },
      { x0: 144, y0: 109, x1: 160, y1: 109 },
      { x0: 150, y0: 95, x1: 150, y1: 112 },
    ];
    expect(markStruck(runs, segs)[0]!.str).toBe('658');
  });
});
