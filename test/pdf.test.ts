import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  joinPages,
  pageBlocks,
  type Box,
  type PageInput,
  type Segment,
  type TextRun,
} from '../src/lib/decode/pdf-layout.ts';
import { blocksToLines, locatedToLines } from '../src/lib/decode/pdf-lines.ts';
import { tokenize } from '../src/lib/tables/tokens.ts';
import { dominantTurn, pathSegments } from '../src/lib/decode/pdf.ts';
import { runInMemory } from '../src/lib/ingest/run.ts';
import { CHROMIUM, launch } from './browser.ts';
import { expected, parseDocument, score } from './documents.ts';
import { officialHtml, officialValues } from './fixtures/official.ts';
import { gaz, sha } from './helpers.ts';
import { printPdf, type PrintStyle } from '../src/lib/synth/office.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/documents/${name}`, import.meta.url)));

// ── geometry, from hand-made pages ─────────────────────────────────────────────────────────
const run = (str: string, x: number, y: number, size = 10): TextRun => ({ str, x, y, w: [...str].length * size, size });
/** A ruled grid: column edges xs, row edges ys (top first), every rule drawn except `skip`. */
function rules(
  xs: number[],
  ys: number[],
  skip: (kind: 'h' | 'v', i: number, j: number) => boolean = () => false,
): Segment[] {
  const out: Segment[] = [];
  ys.forEach((y, i) =>
    xs.slice(0, -1).forEach((x, j) => !skip('h', i, j) && out.push({ x0: x, y0: y, x1: xs[j + 1]!, y1: y })),
  );
  xs.forEach((x, j) =>
    ys.slice(0, -1).forEach((y, i) => !skip('v', i, j) && out.push({ x0: x, y0: y, x1: x, y1: ys[i + 1]! })),
  );
  return out;
}
const page = (n: number, runs: TextRun[], segments: Segment[]): PageInput => ({
  page: n,
  width: 595,
  height: 842,
  runs,
  segments,
});
const text = (pages: PageInput[]) => blocksToLines(joinPages(pages.map(pageBlocks))).map((l) => l.raw);

describe('PDF geometry → rows', () => {
  it('rebuilds rows from positions, whatever the order of the text in the file', () => {
    const xs = [50, 250, 350, 450, 550];
    const ys = [700, 680, 660];
    // Numbers first, labels last, as some producers write them.
    const runs = [
      run('26', 360, 665),
      run('8', 260, 665),
      run('66', 460, 665),
      run('1', 260, 685),
      run('规章', 60, 685),
      run('行政规范性文件', 60, 665),
      run('0', 360, 685),
      run('11', 460, 685),
    ];
    expect(text([page(1, runs, rules(xs, ys))])).toEqual(['规章 | 1 | 0 | 11', '行政规范性文件 | 8 | 26 | 66']);
  });

  it('cuts a run written across cells at its spaces; a number across a rule is left out, not split', () => {
    const xs = [50, 150, 250];
    const ys = [700, 680];
    const across = (str: string, w: number) => text([page(1, [{ str, x: 55, y: 685, w, size: 10 }], rules(xs, ys))]);
    expect(across(`行政许可${' '.repeat(14)}447228`, 40 + 70 + 30)).toEqual(['行政许可 | 447228']);
    expect(across('行政许可 447228', 135)).toEqual(['行政许可 | ']);
  });

  it('a number drawn over two value columns marks the second spanned: it is neither one’s', () => {
    // A fresh tester's t9: `<td colspan=2>3</td>` printed by Chromium read 3 under the first column.
    const xs = [50, 250, 300, 350, 400];
    const ys = [700, 680, 660];
    const segs = rules(xs, ys, (k, i, j) => k === 'v' && i === 1 && j === 2);
    const runs = [
      run('规章', 55, 685),
      run('1', 270, 685),
      run('2', 320, 685),
      run('3', 370, 685),
      run('行政规范性文件', 55, 665, 5),
      run('4', 295, 665),
      run('5', 370, 665),
    ];
    const lines = locatedToLines(blocksToLines(joinPages([pageBlocks(page(1, runs, segs))])));
    const row = lines.find((l) => l.raw.startsWith('行政规范性文件'))!;
    expect(row.cells?.map((c) => (c.spanned ? 'S' : c.text))).toEqual(['行政规范性文件', '4', 'S', '5']);
  });

  it('a number whose cell covers a rule drawn only in another row stands for one position', () => {
    const xs = [50, 250, 300, 350, 450];
    const ys = [700, 680, 660];
    // The header row splits 250–350 at 300; the data row does not.
    const segs = rules(xs, ys, (k, i, j) => k === 'v' && i === 1 && j === 2);
    const runs = [
      run('信息内容', 55, 685),
      run('本年', 255, 685),
      run('制发', 305, 685),
      run('废止', 355, 685),
      run('规章', 55, 665),
      run('1', 290, 665),
      run('2', 390, 665),
    ];
    expect(text([page(1, runs, segs)])).toEqual(['信息内容 | 本年 | 制发 | 废止', '规章 | 1 | 2']);
    // A blank cell merged over two value columns (rules that edge values elsewhere) keeps both positions.
    const segs2 = rules(xs, [700, 680, 660, 640], (k, i, j) => k === 'v' && i === 2 && j === 2);
    const runs2 = [
      run('规章', 55, 685),
      run('1', 270, 685),
      run('2', 320, 685),
      run('3', 390, 685),
      run('行政规范性文件', 55, 665, 5),
      run('4', 270, 665),
      run('5', 320, 665),
      run('6', 390, 665),
      run('规章', 55, 645),
      run('7', 390, 645),
    ];
    expect(text([page(1, runs2, segs2)]).at(-1)).toBe('规章 |  |  | 7');
  });

  it('a run is cut only by a rule drawn beside it, not by one of a table drawn against this one', () => {
    // Two tables a point apart (one rule group): the lower one's right edge lies under the
    // upper one's value cell, through the amount written there.
    const upper = rules([50, 120, 190], [340, 320]);
    const lower = rules([50, 180], [319, 300]);
    const runs = [
      run('行政事业性收费', 55, 325, 6),
      { str: '1182.68万元', x: 125, y: 325, w: 57, size: 9 },
      run('本年收费金额（单位：万元）', 55, 305, 4),
    ];
    expect(text([page(1, runs, [...upper, ...lower])])).toEqual([
      '行政事业性收费 | 1182.68万元',
      // (the void beside the lower table, below the amount's cell, as drawn)
      '本年收费金额（单位：万元） | ',
    ]);
  });

  it('a ruled row ending in an empty cell may be a short row (read like padding); a drawn box makes it a cell', () => {
    const xs = [50, 150, 200, 250, 300];
    const ys = [700, 680, 660];
    const runs = [run('规章', 55, 685), run('0', 155, 685), run('5', 205, 685)];
    runs.push(run('行政规范性文件', 55, 665, 5), run('7', 155, 665), run('5', 205, 665), run('12', 255, 665));
    const ruled = blocksToLines(joinPages([pageBlocks(page(1, runs, rules(xs, ys)))]));
    expect(ruled.map((l) => [l.raw, l.padded === true])).toEqual([
      ['规章 | 0 | 5 | ', true],
      ['行政规范性文件 | 7 | 5 | 12', false],
    ]);
    const eols = tokenize(locatedToLines(ruled)).filter((t) => t.t === 'eol');
    expect(eols.map((t) => t.t === 'eol' && t.padded === true)).toEqual([true, false]);
    // Every cell drawn as a box of its own: the empty box is a blank cell.
    const boxes: Box[] = [];
    for (let i = 0; i < 2; i++)
      for (let j = 0; j < 4; j++) boxes.push([xs[j]! + 1, ys[i + 1]! + 1, xs[j + 1]! - 1, ys[i]! - 1]);
    const boxed = blocksToLines(joinPages([pageBlocks({ ...page(1, runs, rules(xs, ys)), boxes })]));
    expect(boxed.map((l) => [l.raw, l.padded === true])).toEqual([
      ['规章 | 0 | 5 | ', false],
      ['行政规范性文件 | 7 | 5 | 12', false],
    ]);
  });

  it('two numbers on two lines of one cell stay apart, full-width ones too (０ over 7 is never 07)', () => {
    const xs = [50, 250, 300];
    const ys = [700, 660];
    for (const [a, b] of [
      ['3', '1'],
      ['０', '7'],
    ])
      expect(
        text([page(1, [run('一、本年新收', 55, 683), run(a!, 260, 688), run(b!, 260, 676)], rules(xs, ys))]),
      ).toEqual([`一、本年新收 | ${a} ${b}`]);
  });
  it('merges a label wrapped over several lines of its cell', () => {
    const xs = [50, 250, 300];
    const ys = [700, 660];
    const runs = [
      run('（二）部分公开（区分处理的，只计这一情', 55, 688, 7.5),
      run('形，不计其他情形）', 55, 678, 7.5),
      run('454', 260, 683, 7.5),
    ];
    expect(text([page(1, runs, rules(xs, ys))])).toEqual([
      '（二）部分公开（区分处理的，只计这一情形，不计其他情形） | 454',
    ]);
  });

  it('rejoins a vertical label written one character per line, spanning rows', () => {
    const xs = [50, 70, 250, 300];
    const ys = [700, 680, 660, 640];
    // The first column has no horizontal rules inside it: one cell over three rows.
    const segs = rules(xs, ys, (k, i, j) => k === 'h' && j === 0 && (i === 1 || i === 2));
    const label = [...'三、本年度'].map((ch, i) => run(ch, 55, 693 - i * 11, 8));
    const runs = [
      ...label,
      run('（一）予以公开', 75, 685, 8),
      run('1', 260, 685, 8),
      run('（二）部分公开', 75, 665, 8),
      run('2', 260, 665, 8),
      run('（七）总计', 75, 645, 8),
      run('3', 260, 645, 8),
    ];
    expect(text([page(1, runs, segs)])).toEqual([
      '三、本年度 | （一）予以公开 | 1',
      '（二）部分公开 | 2',
      '（七）总计 | 3',
    ]);
  });

  it('continues a table over a page break, joining a group label cut in two, and drops page numbers', () => {
    const xs = [50, 100, 250, 300];
    const p1 = page(
      1,
      [
        run('（四）无', 55, 95, 8),
        run('1.本机关不掌握相关政府信息', 105, 95, 8),
        run('746', 260, 95, 8),
        run('- 4 -', 280, 40, 10),
      ],
      rules(xs, [110, 80]),
    );
    const y2 = [780, 760, 740];
    const segs2 = rules(xs, y2, (k, i, j) => k === 'h' && j === 0 && i === 1);
    const p2 = page(
      2,
      [
        run('法提供', 55, 760, 8),
        run('2.没有现成信息需要另行制作', 105, 765, 8),
        run('11', 260, 765, 8),
        run('3.补正后申请内容仍不明确', 105, 745, 8),
        run('1', 260, 745, 8),
        run('-5-', 280, 40, 10),
      ],
      segs2,
    );
    expect(text([p1, p2])).toEqual([
      '（四）无法提供 | 1.本机关不掌握相关政府信息 | 746',
      '2.没有现成信息需要另行制作 | 11',
      '3.补正后申请内容仍不明确 | 1',
    ]);
  });

  it('drops a running header repeated on every page, keeps the same words in the body', () => {
    const header = (n: number) => run(`测试市人民政府2024年政府信息公开工作年度报告 第${n}页`, 50, 800, 9);
    const p1 = page(
      1,
      [header(1), run('测试市人民政府2024年政府信息公开工作年度报告', 50, 700, 16), run('一、总体情况', 50, 650)],
      [],
    );
    const p2 = page(2, [header(2), run('二、主动公开政府信息情况', 50, 700)], []);
    expect(text([p1, p2])).toEqual([
      '测试市人民政府2024年政府信息公开工作年度报告',
      '一、总体情况',
      '二、主动公开政府信息情况',
    ]);
  });

  it('keeps the digits of numbers wrapped one a line in the page margins: no page number, no running header', () => {
    // t40's bW2_w_none_ba_top14_1: a borderless table whose narrow cells wrap 108 as 1 / 0 / 8
    // and 168 as 1 / 6 / 8; the page break falls inside the rows. The digit lines near the
    // page's edges read "###" (digits aside) on both pages and a lone 8 like a page number:
    // they were dropped, and 0 1 0 2 0 0 4 was published as the whole row (168 as 1).
    const digits = (vals: string[], y: number) => vals.map((v, j) => (v ? run(v, 300 + j * 30, y, 9) : null));
    const p1 = page(
      1,
      [
        run('二、上年结转政府信息公开申请数量', 50, 70, 9),
        ...digits(['0', '8', '0', '2', '0', '0', '1'], 70),
        ...digits(['', '7', '', '1', '', '', '0'], 60),
        ...digits(['', '', '', '', '', '', '8'], 50),
      ].filter((r) => r !== null),
      [],
    );
    const p2 = page(
      2,
      [
        run('（一）予以公开', 50, 800, 9),
        ...digits(['0', '1', '0', '2', '0', '0', '4'], 800),
        ...digits(['', '6', '', '3', '', '', '0'], 790),
        ...digits(['', '8', '', '4', '', '', '2'], 780),
        run('- 2 -', 280, 30, 9),
      ].filter((r) => r !== null),
      [],
    );
    const p3 = page(3, [run('（二）部分公开', 50, 800, 9), run('3', 410, 40, 9)], []);
    const lines = text([p1, p2, p3]).map((l) => l.replace(/\s+/g, ' '));
    expect(lines).toEqual([
      '二、上年结转政府信息公开申请数量 0 8 0 2 0 0 1',
      '7 1 0',
      '8',
      '（一）予以公开 0 1 0 2 0 0 4',
      '6 3 0',
      '8 4 2',
      '（二）部分公开',
    ]);
  });

  it('one row whose last cells stand a little higher, far to the right, stays one line in order', () => {
    // t40's bP_f027 (四, a table ruled by horizontal lines only): 1 0 1 0 2 … with the last five
    // cells 0.75 pt up. Those came first (top first) and began the line; 1 and 0, more than 40
    // font sizes to their left, began another, printed after: 1 0 2 0 0 1 0 1 0 0 0 0 0 / 1 0,
    // read as the row's 15 cells (其他结果 2 where the report says 1).
    const vals = ['1', '0', '1', '0', '2', '0', '0', '1', '0', '1', '0', '0', '0', '0', '0'];
    const runs = vals.map((v, j) => run(v, 20 + j * 40, j >= 10 ? 326.25 : 325.5, 9));
    const lines = text([page(1, [run('四、政府信息公开行政复议、行政诉讼情况', 40, 400, 12), ...runs], [])]);
    expect(lines.map((l) => l.replace(/\s+/g, ' '))).toEqual([
      '四、政府信息公开行政复议、行政诉讼情况',
      vals.join(' '),
    ]);
  });

  it('keeps an ordinary row cut by a page break from merging with the next row', () => {
    const xs = [50, 250, 300];
    const p1 = page(1, [run('（六）其他处理', 55, 95, 8)], rules(xs, [110, 80]));
    const p2 = page(2, [run('（七）总计', 55, 765, 8), run('5', 260, 765, 8)], rules(xs, [780, 760]));
    expect(text([p1, p2])).toEqual(['（六）其他处理 | ', '（七）总计 | 5']);
  });

  it('rows shorter than others (collapsed borders, frame drawn): the open ends are no cell, never one cell over a label', () => {
    // An HTML table with rows of 2, 3 and 4 cells, printed with collapsed borders: each cell
    // draws its own rules, the frame is drawn whole. The open end of the first row joins the
    // open end of the second around its third cell (not a rectangle).
    const xs = [50, 100, 150, 200, 250];
    const ys = [700, 680, 660, 640];
    const segs = rules(
      xs,
      ys,
      (k, i, j) =>
        (k === 'v' && i === 0 && j === 3) || // row 1 ends at x 150
        (k === 'h' && i === 1 && j === 3), // row 2 ends at x 200: no rule over its open end
    );
    const runs = [
      run('行政复议', 55, 685, 6),
      run('行政诉讼', 105, 685, 6),
      run('结果维持', 55, 665, 6),
      run('结果纠正', 105, 665, 6),
      run('其他结果', 155, 665, 6),
      ...['1', '2', '3', '4'].map((v, j) => run(v, 55 + j * 50, 645, 6)),
    ];
    expect(text([page(1, runs, segs)])).toEqual([
      '行政复议 | 行政诉讼',
      '结果维持 | 结果纠正 | 其他结果',
      '1 | 2 | 3 | 4',
    ]);
  });

  it('leaves out the empty void beside short rows, as the HTML has no cell there', () => {
    const xs = [50, 150, 200, 250, 300];
    const ys = [700, 680, 660, 640, 620];
    // Rows 3 and 4 have two cells; the frame closes the void to their right.
    const segs = rules(xs, ys, (k, i, j) => (k === 'v' && i >= 2 && j === 3) || (k === 'h' && i === 3 && j >= 2));
    const runs = [
      run('信息内容', 55, 685, 6),
      run('制发', 155, 685, 6),
      run('废止', 205, 685, 6),
      run('有效', 255, 685, 6),
      run('规章', 55, 665, 6),
      run('1', 155, 665, 6),
      run('无', 205, 665, 6),
      run('行政许可', 55, 645, 6),
      run('4', 155, 645, 6),
      run('行政处罚', 55, 625, 6),
      run('5', 155, 625, 6),
    ];
    expect(text([page(1, runs, segs)])).toEqual([
      '信息内容 | 制发 | 废止 | 有效',
      '规章 | 1 | 无 | ',
      '行政许可 | 4',
      '行政处罚 | 5',
    ]);
  });

  it('a header row ending a page is not joined with the data row starting the next', () => {
    const xs = [50, 150, 200, 250];
    const p1 = page(
      1,
      [run('信息内容', 55, 95, 8), run('制发', 155, 95, 8), run('废止', 205, 95, 8)],
      rules(xs, [110, 80]),
    );
    const p2 = page(
      2,
      [run('规章', 55, 765, 8), run('0件', 155, 765, 8), run('8', 205, 765, 8)],
      rules(xs, [780, 760]),
    );
    expect(text([p1, p2])).toEqual(['信息内容 | 制发 | 废止', '规章 | 0件 | 8']);
    // Only a value with a unit below a label: still two rows.
    const p3 = page(2, [run('规章', 55, 765, 8), run('0件', 155, 765, 8)], rules(xs, [780, 760]));
    expect(text([p1, p3])).toEqual(['信息内容 | 制发 | 废止', '规章 | 0件 | ']);
  });

  it('drops the header rows a table repeats at the top of the next page', () => {
    const xs = [50, 150, 200, 250];
    const header = (y: number) => [run('信息内容', 55, y, 8), run('制发', 155, y, 8), run('废止', 205, y, 8)];
    const p1 = page(
      1,
      [...header(105), run('行政处罚', 55, 85, 8), run('０', 155, 85, 8), run('１', 205, 85, 8)],
      rules(xs, [120, 100, 80]),
    );
    const p2 = page(
      2,
      [...header(765), run('行政强制', 55, 745, 8), run('３', 155, 745, 8), run('2', 205, 745, 8)],
      rules(xs, [780, 760, 740]),
    );
    expect(text([p1, p2])).toEqual(['信息内容 | 制发 | 废止', '行政处罚 | ０ | １', '行政强制 | ３ | 2']);
  });

  it("never fills a row's blank cells with the next page's numbers, whose label is not read (t95)", () => {
    // 3.补正后… 0 and four blanks at a page's foot; the next page's first row is the group cell's
    // characters interleaved with 1.信访举报投诉类申请, its values in the blank columns.
    const xs = [50, 150, 200, 250, 300];
    const p1 = page(1, [run('3.补正后申请内容仍不明确', 55, 95, 4), run('0', 155, 95, 8)], rules(xs, [110, 80]));
    const p2 = page(
      2,
      [run('（五⁇）1.⁇信不访举予报', 55, 765, 4), run('0', 205, 765, 8), run('4', 255, 765, 8)],
      rules(xs, [780, 760]),
    );
    expect(text([p1, p2])).toEqual(['3.补正后申请内容仍不明确 | 0 |  | ', '（五⁇）1.⁇信不访举予报 |  | 0 | 4']);
  });

  it('a row cut by a page break keeps its blank last cell', () => {
    const xs = [50, 150, 200, 250];
    const p1 = page(1, [run('（五）5.要求行政机关确认或重新', 55, 95, 4), run('0', 155, 95, 8)], rules(xs, [110, 80]));
    const p2 = page(
      2,
      [
        run('出具已获取信息', 55, 765, 4),
        run('（六）其他处理', 55, 745, 4),
        run('1', 155, 745, 8),
        run('1', 205, 745, 8),
      ],
      rules(xs, [780, 760, 740]),
    );
    expect(text([p1, p2])).toEqual(['（五）5.要求行政机关确认或重新出具已获取信息 | 0 | ', '（六）其他处理 | 1 | 1']);
  });

  it('puts section 四 numbers under their group by x, not by the order of the text', () => {
    const xs = Array.from({ length: 16 }, (_, i) => 50 + i * 30);
    const ys = [700, 680, 660, 640, 620];
    // Header: 行政复议 over 5 columns, 行政诉讼 over 10; then the two lawsuit groups.
    const segs = rules(
      xs,
      ys,
      (k, i, j) =>
        (k === 'v' && i === 0 && j !== 5 && j > 0 && j < 15) ||
        (k === 'v' && i === 1 && ![0, 5, 10, 15].includes(j)) ||
        (k === 'h' && i === 1 && j < 5),
    );
    const values = Array.from({ length: 15 }, (_, j) => String(j + 1));
    // The second group's text comes first in the file (pdftotext then swaps the groups).
    const runs = [
      run('复议后起诉', 355, 665, 6),
      run('未经复议直接起诉', 205, 665, 6),
      run('行政诉讼', 205, 685, 6),
      run('行政复议', 55, 685, 6),
      ...values.map((v, j) => run(v, 55 + j * 30, 625, 6)).reverse(),
    ];
    const lines = text([page(1, runs, segs)]);
    expect(lines.at(-1)).toBe(values.join(' | '));
    expect(lines.some((l) => /^未经复议直接起诉 \| 复议后起诉$/.test(l.split(' | ').slice(-2).join(' | ')))).toBe(true);
  });
});

describe('ruling lines from the operator list', () => {
  it('takes thin and thick filled bars for rules, never cell shading', async () => {
    const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const rect = (x0: number, y0: number, x1: number, y1: number) =>
      new Float32Array([0, x0, y0, 1, x1, y0, 1, x1, y1, 1, x0, y1, 4]);
    const fills = [
      rect(10, 100, 200, 100.5), // a hairline
      rect(10, 50, 200, 53), // a 3-point border (a heavy frame)
      rect(10, 50, 13, 100), // the same, vertical
      rect(20, 60, 190, 90), // cell shading
      rect(20, 20, 24, 24), // a small square (a bullet)
    ];
    const ol = {
      fnArray: fills.map(() => OPS.constructPath),
      argsArray: fills.map((f) => [OPS.fill, [f], null]),
    };
    const round = (v: number) => Math.round(v * 10) / 10;
    expect(
      pathSegments(ol, OPS as unknown as Record<string, number>).segments.map((s) =>
        [s.x0, s.y0, s.x1, s.y1].map(round),
      ),
    ).toEqual([
      [10, 100.3, 200, 100.3],
      [10, 51.5, 200, 51.5],
      [11.5, 50, 11.5, 100],
    ]);
  });
});

describe('rules of a page drawn a little turned', () => {
  it('a thin filled rectangle turned 1.5° is a rule once the page is turned back (`map`), not a shaded box', async () => {
    const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const r = (1.5 * Math.PI) / 180;
    const turn = (x: number, y: number, by: number): [number, number] => [
      x * Math.cos(by) - y * Math.sin(by),
      x * Math.sin(by) + y * Math.cos(by),
    ];
    // A 500-point hairline and a cell's stroked box, drawn on the turned page.
    const quad = (x0: number, y0: number, x1: number, y1: number) =>
      new Float32Array([0, ...turn(x0, y0, r), 1, ...turn(x1, y0, r), 1, ...turn(x1, y1, r), 1, ...turn(x0, y1, r), 4]);
    const ol = {
      fnArray: [OPS.constructPath, OPS.constructPath],
      argsArray: [
        [OPS.fill, [quad(50, 400, 550, 401)], null],
        [OPS.stroke, [quad(50, 300, 250, 320)], null],
      ],
    };
    const ops = OPS as unknown as Record<string, number>;
    // As drawn, the hairline's bounds are 13 points high: no rule; the box is no rectangle.
    expect(pathSegments(ol, ops).boxes).toEqual([]);
    expect(pathSegments(ol, ops).segments.filter((s) => s.y0 === s.y1)).toEqual([]);
    const { segments, boxes } = pathSegments(ol, ops, (x, y) => turn(x, y, -r));
    const round = (v: number) => Math.round(v * 10) / 10;
    expect(segments[0] && [segments[0].x0, segments[0].y0, segments[0].x1, segments[0].y1].map(round)).toEqual([
      50, 400.5, 550, 400.5,
    ]);
    expect(boxes.map((b) => b.map(round))).toEqual([[50, 300, 250, 320]]);
  });
});

describe('turned pages', () => {
  it('finds the direction most text runs in (a landscape table on a portrait page)', () => {
    const runs = (a: number, b: number, n: number) => Array.from({ length: n }, () => ({ str: '行政许可', a, b }));
    expect(dominantTurn([...runs(10, 0, 2), ...runs(0, 10, 5)])).toBe(90);
    expect(dominantTurn([...runs(10, 0, 5), ...runs(0, -10, 2)])).toBe(0);
    expect(dominantTurn(runs(0, -10, 3))).toBe(270);
  });
});

// ── whole documents ────────────────────────────────────────────────────────────────────────
describe('PDF reports', () => {
  const want = expected(officialValues());

  it('an office suite’s PDF (ruled tables, a table and rows cut by page breaks): every number right', async () => {
    const { parsed, cells, converted } = await parseDocument('official.pdf', fixture('official-office.pdf'));
    expect(converted.ok && converted.format === 'pdf' && converted.pages).toBeGreaterThan(1);
    expect(parsed?.ok).toBe(true);
    const s = score(cells, want);
    expect(s.wrong).toEqual([]);
    expect(s.missing).toEqual([]);
    // Section 三 runs over pages: its cells carry the page they were read on, and a box.
    const pages = new Set(cells.filter((c) => c.table_id === 'requests').map((c) => c.page));
    expect(pages.size).toBeGreaterThan(1);
    for (const c of cells) expect(c.bbox).toMatch(/^[\d.]+,[\d.]+,[\d.]+,[\d.]+$/);
  });

  it('a PDF saved under a text name (report.txt) is read as the PDF it is (a tester’s)', () => {
    const bytes = fixture('huaian2024.pdf');
    const run = runInMemory([{ path: 'report.txt', size: bytes.length, read: () => bytes, sha256: sha }], {
      rawDir: 'x',
      maxBytes: 20 * 1024 * 1024,
      maxYear: 2026,
      gazetteer: gaz(),
    });
    expect(run.manifest.files[0]!.outcome).toBe('ok');
    expect(run.reports[0]!.encoding).toMatch(/^pdf \(\d+ pages\) \(named \.txt\)$/);
  });

  it('the real WPS report (淮安 2024): every cell of its truth, no wrong number', async () => {
    const truth = JSON.parse(
      readFileSync(new URL('./fixtures/documents/huaian2024.truth.json', import.meta.url), 'utf8'),
    ) as { cells: Array<{ table_id: string; row_key: string; col_key: string; value: number }> };
    const { parsed, cells } = await parseDocument('001_huaian2024.pdf', fixture('huaian2024.pdf'));
    if (!parsed?.ok) throw new Error('rejected');
    expect(parsed.report.agency).toBe('淮安市人民政府');
    expect(parsed.report.year).toBe(2024);
    const w = new Map(truth.cells.map((c) => [`${c.table_id}.${c.row_key}.${c.col_key}`, c.value]));
    const s = score(cells, w);
    expect(s.wrong).toEqual([]);
    expect(s.right).toBe(truth.cells.length);
    // The vertical label and a page-cut group label come out whole.
    const fee = cells.find((c) => c.row_key === 'fees')!;
    expect(fee.value).toBe(96171.6);
    expect(fee.page).toBe(4);
  });

  it('a scan (no text layer) is rejected with the reason', async () => {
    const { converted } = await parseDocument('scan.pdf', fixture('scan.pdf'));
    expect(converted).toMatchObject({ ok: false, code: 'E_PDF_NO_TEXT' });
    if (!converted.ok) expect(converted.reason).toContain('没有文字层');
  });

  it('an encrypted PDF and a broken one are rejected with their reasons', async () => {
    const enc = await parseDocument('locked.pdf', encryptedPdf());
    expect(enc.converted).toMatchObject({ ok: false, code: 'E_ENCRYPTED' });
    const broken = await parseDocument('broken.pdf', fixture('official-office.pdf').slice(0, 2000));
    expect(broken.converted).toMatchObject({ ok: false, code: 'E_DOCUMENT_BROKEN' });
    const notPdf = await parseDocument('fake.pdf', new TextEncoder().encode('<html>not a pdf</html>'));
    expect(notPdf.converted).toMatchObject({ ok: false, code: 'E_DOCUMENT_BROKEN' });
  });

  it('the ingest reads PDFs (in its helper thread), rejects bad ones and office formats, and goes on', () => {
    const files = [
      { path: 'a/report.pdf', bytes: fixture('official-office.pdf') },
      { path: 'a/scan.pdf', bytes: fixture('scan.pdf') },
      { path: 'a/locked.pdf', bytes: encryptedPdf() },
      { path: 'a/table.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4]) },
      { path: 'a/report.wps', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) },
    ];
    const data = runInMemory(
      files.map((f) => ({ path: f.path, size: f.bytes.length, read: () => f.bytes, sha256: sha })),
      { rawDir: 'raw', maxBytes: 20 * 1024 * 1024, gazetteer: gaz(), maxYear: 2026 },
    );
    const outcome = (p: string) => data.manifest.files.find((f) => f.path === p)!;
    expect(outcome('a/report.pdf').outcome).toBe('ok');
    expect(outcome('a/scan.pdf').diagnostics.map((d) => d.code)).toContain('E_PDF_NO_TEXT');
    expect(outcome('a/locked.pdf').diagnostics.map((d) => d.code)).toContain('E_ENCRYPTED');
    expect(outcome('a/table.xlsx').reason).toMatch(/暂不支持/);
    expect(outcome('a/report.wps').reason).toMatch(/暂不支持/);
    expect(data.reports[0]!.encoding).toMatch(/^pdf/);
    const cell = data.cells.find((c) => c.row_key === 'new_received' && c.col_key === 'total')!;
    expect(cell.page).toBeGreaterThan(0);
    expect(cell.bbox).toBeTruthy();
  }, 60_000);
});

// Chromium's PDFs embed a font subset per page (too big to commit): printed here when Chromium
// is installed (CI installs it).
describe.skipIf(!existsSync(CHROMIUM))('PDF printed by a browser', () => {
  const want = expected(officialValues());
  const styles: Array<[string, PrintStyle]> = [
    [
      'A5, shared rules, section 三 over three pages',
      { page: 'A5', font: 'Noto Sans CJK SC', fontPt: 9, borders: 'collapse', borderPt: 0.75, breakRow: null },
    ],
    [
      'A4, a box per cell, a page break forced inside section 三',
      { page: 'A4', font: 'Noto Serif CJK SC', fontPt: 10.5, borders: 'separate', borderPt: 1, breakRow: 14 },
    ],
  ];
  /** What is drawn over the text (office.ts PdfQuirks): never a number of a cell. */
  const quirky: Array<[string, PrintStyle]> = [
    [
      'a watermark 2025年1月 at 45° over every page, superscript marks, fake bold',
      {
        ...styles[1]![1],
        breakRow: null,
        quirks: {
          watermark: { text: '2025年1月', deg: -45, opacity: 0.3, pt: 100 },
          superscriptEvery: 7,
          fakeBoldPt: 0.4,
        },
      },
    ],
    [
      'an upright faint watermark, a page break inside section 三, fake bold',
      {
        ...styles[0]![1],
        page: 'A4',
        quirks: {
          watermark: { text: '内部资料 2024', deg: 0, opacity: 0.5, pt: 72 },
          superscriptEvery: 0,
          fakeBoldPt: 0.25,
        },
      },
    ],
  ];
  it('reads every number, none wrong', async () => {
    const browser = await launch();
    try {
      const tab = await browser.newPage();
      for (const [name, style] of styles) {
        const pdf = await printPdf(tab, officialHtml(officialValues()), style);
        const { cells } = await parseDocument('printed.pdf', pdf);
        const s = score(cells, want);
        expect(s.wrong, name).toEqual([]);
        expect(s.right / want.size, name).toBeGreaterThanOrEqual(0.99);
      }
    } finally {
      await browser.close();
    }
  }, 60_000);
  it('a digit struck through in front of a number (a printed correction) is never read into it', async () => {
    const browser = await launch();
    try {
      const tab = await browser.newPage();
      const html = officialHtml(officialValues());
      const at = /一、本年新收政府信息公开申请数量<\/td><td>/.exec(html)!;
      const end = at.index + at[0].length;
      for (const del of ['<del>9</del>', '<span style="text-decoration:line-through">8</span>']) {
        const pdf = await printPdf(tab, html.slice(0, end) + del + html.slice(end), styles[0]![1]);
        const { cells } = await parseDocument('printed.pdf', pdf);
        expect(score(cells, want).wrong, del).toEqual([]);
      }
    } finally {
      await browser.close();
    }
  }, 60_000);
  it('reads them with a watermark, footnote marks and fake bold drawn in: none wrong', async () => {
    const browser = await launch();
    try {
      const tab = await browser.newPage();
      for (const [name, style] of quirky) {
        const pdf = await printPdf(tab, officialHtml(officialValues()), style);
        const { cells } = await parseDocument('printed.pdf', pdf);
        const s = score(cells, want);
        expect(s.wrong, name).toEqual([]);
        // A number with a footnote mark is not read (one value cell in seven here).
        expect(s.right / want.size, name).toBeGreaterThanOrEqual(style.quirks!.superscriptEvery ? 0.8 : 0.99);
      }
    } finally {
      await browser.close();
    }
  }, 60_000);
});

/**
 * A minimal PDF encrypted with the standard security handler and a user password (its O and U
 * entries match no password, the empty one included): a reader must ask for a password.
 */
function encryptedPdf(): Uint8Array {
  const hex = (n: number) =>
    Array.from({ length: 32 }, (_, i) => ((i * 37 + n) & 0xff).toString(16).padStart(2, '0')).join('');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(1)}> /U <${hex(2)}> /P -44 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Encrypt 4 0 R /ID [<${hex(3).slice(0, 32)}> <${hex(3).slice(0, 32)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
