import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { gridRows, widthOf } from '../src/lib/decode/grid.ts';
import { textToLines } from '../src/lib/decode/lines.ts';
import { normalizeLine, rawSlice } from '../src/lib/decode/normalize.ts';
import { segment } from '../src/lib/segment/sections.ts';

const cellsOf = (text: string) =>
  gridRows(textToLines(text)).map((l) => (l.cells ? l.cells.map((c) => c.text) : l.text));

describe('gridRows', () => {
  it('joins a wrapped cell, cutting at the + columns in display width (CJK two wide)', () => {
    const t = [
      '+--------+------+',
      '| 项目   | 总计 |',
      '+========+======+',
      '| 一、本 | 21   |',
      '| 年新收 |      |',
      '+--------+------+',
      '| 规章   |      |',
      '+--------+------+',
    ].join('\n');
    expect(cellsOf(t)).toEqual([
      ['项目', '总计'],
      ['一、本年新收', '21'],
      ['规章', ''],
    ]);
  });
  it('joins a wrapped line whose first bar is lost and whose first cell is empty (spaces, then the next bar)', () => {
    // A new seed: `信息内容（单位：千` / `元）` never joined, so 千元 was not read beside 万元.
    const t = [
      '+--------------+------+',
      '| 信息内容（单 | 本年 |',
      '  位：千元）   | 制发 |',
      '               | 件数 |',
      '+==============+======+',
      '| 规章         | 1    |',
      '+--------------+------+',
    ].join('\n');
    expect(cellsOf(t)).toEqual([
      ['信息内容(单位:千元)', '本年制发件数'],
      ['规章', '1'],
    ]);
  });
  it('cuts a row whose | overflow the columns at its bars when there is one per boundary', () => {
    const t = ['+------+------+', '| 商业企业| 1    |', '+------+------+'].join('\n');
    expect(cellsOf(t)).toEqual([['商业企业', '1']]);
  });
  it('keeps the lines of a row it cannot cut (a spanning cell)', () => {
    const t = ['+------+------+------+', '| 合计 | 1           |', '+------+------+------+'].join('\n');
    expect(cellsOf(t)).toEqual(['| 合计 | 1           |']);
  });
  it('keeps two number pieces of one cell apart (pandoc never breaks a word)', () => {
    const t = ['+----+', '| 12 |', '| 34 |', '+----+'].join('\n');
    expect(cellsOf(t)).toEqual([['12 34']]);
  });
});

describe('invisible format characters', () => {
  it('are dropped from the text, and the map still points into the raw line', () => {
    const raw = '予以\u200d公开 | 1\u200b2 | 3\u00ad4\ufeff';
    const n = normalizeLine(raw);
    expect(n.text).toBe('予以公开 | 12 | 34');
    const at = n.text.indexOf('12');
    expect(rawSlice(raw, n, at, at + 2)).toBe('1\u200b2');
  });
});

describe('segment: sections out of order', () => {
  const text = (body: string[]) => textToLines(['某局2023年政府信息公开工作年度报告', ...body].join('\n'));
  const order = (s: ReturnType<typeof segment>) => s.sections.map((x) => [x.index, x.lines.map((l) => l.text)]);
  it('finds 三 before 二 by its own heading, each read once', () => {
    const s = segment(
      text([
        '一、总体情况',
        'a',
        '三、收到和处理政府信息公开申请情况',
        'c',
        '二、主动公开政府信息情况',
        'b',
        '四、政府信息公开行政复议、行政诉讼情况',
        'd',
      ]),
    );
    expect(order(s)).toEqual([
      [0, ['某局2023年政府信息公开工作年度报告']],
      [1, ['a']],
      [2, ['b']],
      [3, ['c']],
      [4, ['d']],
    ]);
    expect(s.duplicateFrom).toBeNull();
  });
  it('a report out of order and then repeated: only the first copy is read', () => {
    const copy = (x: string) => [
      '一、总体情况',
      x,
      '三、收到和处理政府信息公开申请情况',
      `c${x}`,
      '二、主动公开政府信息情况',
      `b${x}`,
      '四、政府信息公开行政复议、行政诉讼情况',
    ];
    const s = segment(text([...copy('1'), ...copy('2')]));
    expect(s.duplicateFrom).toBe(9);
    expect(s.sections.find((x) => x.index === 3)!.lines.map((l) => l.text)).toEqual(['c1']);
    expect(s.sections.find((x) => x.index === 2)!.lines.map((l) => l.text)).toEqual(['b1']);
  });
});

describe('widthOf', () => {
  it('is string-width of the character, every BMP character and a few beyond', () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      expect(widthOf(ch), c.toString(16)).toBe(stringWidth(ch));
      expect(widthOf(ch), c.toString(16)).toBe(stringWidth(ch)); // looked up the second time
    }
    for (const ch of ['😀', '𠀀', '\u{1f1e8}']) expect(widthOf(ch)).toBe(stringWidth(ch));
  });
});
