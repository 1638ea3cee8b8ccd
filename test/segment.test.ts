import { describe, expect, it } from 'vitest';
import { textToLines } from '../src/lib/decode/lines.ts';
import { segment, tocLine, trimBorders } from '../src/lib/segment/sections.ts';
import {
  byRules,
  CANONICAL,
  findHeading,
  findOtherNumbered,
  otherNumberedByPattern,
} from '../src/lib/segment/headings.ts';
import { Random } from '../src/lib/synth/random.ts';
import { chromeByPatterns, isChrome } from '../src/lib/segment/chrome.ts';

const heads = (text: string) => segment(textToLines(text)).sections.map((s) => [s.index, s.heading]);

describe('sections', () => {
  it('finds headings glued to text before and after them', () => {
    const s = segment(
      textToLines(
        '标题\n前言。 一、总体情况 正文一。 二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况 问题。 六、其他需要报告的事项 无。',
      ),
    );
    expect(s.sections.map((x) => x.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(s.sections[1]!.lines.map((l) => l.raw.trim())).toEqual(['正文一。']);
    expect(s.sections[0]!.lines.map((l) => l.raw.trim())).toEqual(['标题', '前言。']);
    expect(s.sections[6]!.lines.map((l) => l.raw.trim())).toEqual(['无。']);
    expect(s.sections[5]!.line).toBe(5);
  });

  it('finds headings numbered as parts inside a page dumped as one line (t89 F7, t92)', () => {
    const body = '本机关认真贯彻落实条例，政府信息公开工作平稳有序，'.repeat(12);
    const dump = `标题 某某县人民政府2023年政府信息公开工作年度报告。第一部分 总体情况${body}第二部分、主动公开政府信息情况本年度主动公开。第3部分 收到和处理政府信息公开申请情况本年度共收到。第四部分 政府信息公开行政复议、行政诉讼情况无。第五部分存在的主要问题及改进情况无。第六部分 其他需要报告的事项无。`;
    expect(heads(dump).map(([k]) => k)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // Not in a line of its own's running text, nor inside 《》 in a dump.
    expect(findHeading(1, '详见第二部分主动公开政府信息情况。')).toBeNull();
    expect(findHeading(1, `${body}《第二部分 主动公开政府信息情况》`)).toBeNull();
  });

  it('takes a heading naming a period before its wording for the heading (t101 r7)', () => {
    expect(findHeading(2, '三、2022年收到和处理政府信息公开申请情况')).not.toBeNull();
    expect(findHeading(1, '二、本年度主动公开政府信息情况')).not.toBeNull();
    expect(findHeading(2, '三、二〇二二年度收到和处理政府信息公开申请情况')).not.toBeNull();
  });

  it('accepts wording variants', () => {
    expect(
      heads(
        '一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n五、政府信息公开工作存在的主要问题及改进情况\n六、其他需要报告的事项',
      ).map((h) => h[0]),
    ).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(heads('一．总体情况\n四、政府信息公开行政复议、行政诉讼情况').map((h) => h[0])).toEqual([0, 1, 4]);
  });

  it('a heading word inside body text or a table row is no heading', () => {
    const h = heads(
      '一、总体情况\n报告包括总体情况、主动公开情况、存在的主要问题及改进情况等部分。\n三、收到和处理政府信息公开申请情况\n三、本年度办理结果\n四、结转下年度继续办理\n四、政府信息公开行政复议、行政诉讼情况',
    );
    expect(h.map((x) => x[0])).toEqual([0, 1, 3, 4]);
    expect(h[3]![1]).toBe('四、政府信息公开行政复议、行政诉讼情况');
  });

  it('duplicated page text: the second copy is cut off and reported', () => {
    const once = '一、总体情况\n正文\n六、其他需要报告的事项\n无。';
    const s = segment(textToLines(`${once}\n${once}`));
    expect(s.duplicateFrom).toBe(5);
    expect(s.repeat).toBe('same');
    expect(s.sections.at(-1)!.lines.map((l) => l.raw)).toEqual(['无。']);
    // A copy cut short by the end of the page is still the same report.
    expect(segment(textToLines(`${once}\n一、总体情况\n正  文`)).repeat).toBe('same');
  });

  it('the next year report with the very same text, under a title of its own, is another report', () => {
    const body = '一、总体情况\n本局主动公开信息12条。\n六、其他需要报告的事项\n无。';
    const s = segment(
      textToLines(`测试局2022年政府信息公开工作年度报告\n${body}\n测试局2023年政府信息公开工作年度报告\n${body}`),
    );
    expect(s.repeat).toBe('other');
    // The same title printed twice with the text: a repeat of the page.
    const t = '测试局2022年政府信息公开工作年度报告';
    expect(segment(textToLines(`${t}\n${body}\n${t}\n${body}`)).repeat).toBe('same');
  });

  it('a second, different report in the same file is told apart from a repeat', () => {
    const a = '一、总体情况\n2022年，本局主动公开信息12条。\n六、其他需要报告的事项\n无。';
    const b = '一、总体情况\n2023年，本局主动公开信息15条。\n六、其他需要报告的事项\n无。';
    const s = segment(textToLines(`${a}\n${b}`));
    expect(s.duplicateFrom).toBe(5);
    expect(s.repeat).toBe('other');
    expect(s.sections.at(-1)!.lines.map((l) => l.raw)).toEqual(['无。']);
  });

  it('matches headings by meaning: reworded and misspelt headings', () => {
    const idx = (t: string) => heads(t).map((h) => h[0]);
    expect(idx('一、总体情况\n五、存在问题及改进情况\n六、其他需要报告的事项')).toEqual([0, 1, 5, 6]);
    expect(idx('一、总体情况\n四、政府信息公开行政法复议、行政诉讼情况\n五、工作中存在的不足和改进措施')).toEqual([
      0, 1, 4, 5,
    ]);
    expect(idx('一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申情况\n六、其他事项')).toEqual([
      0, 1, 2, 3, 6,
    ]);
    expect(heads('一、总体情况\n四、政府信息公开行政法复议、行政诉讼情况\n1 2 3')[2]![1]).toBe(
      '四、政府信息公开行政法复议、行政诉讼情况',
    );
  });

  it('items and prose that mention the keywords are no headings', () => {
    const idx = (t: string) => heads(t).map((h) => h[0]);
    expect(
      idx('一、总体情况\n（五）存在问题及改进情况的说明。\n五是存在问题较多。\n四、结转下年度继续办理 1 0 0 四、其他'),
    ).toEqual([0, 1]);
  });
});

describe('headings numbered like items', () => {
  const idx = (t: string) => heads(t).map((h) => h[0]);

  it('（二）主动公开政府信息情况 and 2.主动公开政府信息情况 are headings when no heading is numbered 二、', () => {
    const body = (n: (i: number) => string) =>
      `一、总体情况\n正文。\n${n(1)}主动公开政府信息情况\n规章 0 1 17\n${n(2)}收到和处理政府信息公开申请情况\n（二）部分公开 1 0 0 0 0 0 1\n2.重复申请 0 0 0 0 0 0 0\n${n(3)}政府信息公开行政复议、行政诉讼情况\n1 2 3\n${n(4)}存在的主要问题及改进情况\n问题。\n六、其他需要报告的事项`;
    const cn = '一二三四五六';
    expect(idx(body((i) => `（${cn[i]}）`))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(idx(body((i) => `${i + 1}.`))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(idx(body((i) => `${i + 1}、`))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const s = segment(textToLines(body((i) => `（${cn[i]}）`)));
    expect(s.sections[3]!.lines.map((l) => l.raw)).toEqual([
      '（二）部分公开 1 0 0 0 0 0 1',
      '2.重复申请 0 0 0 0 0 0 0',
    ]);
  });

  it('only a known wording alone at the start of its line, and only without a usual 二、', () => {
    // The usual heading exists: an overview item with its wording is no heading.
    expect(
      idx('一、总体情况\n（二）主动公开政府信息情况\n本年主动公开。\n二、主动公开政府信息情况\n规章 0 1 17'),
    ).toEqual([0, 1, 2]);
    expect(heads('一、总体情况\n（二）主动公开政府信息情况\n本年。\n二、主动公开政府信息情况')[2]![1]).toBe(
      '二、主动公开政府信息情况',
    );
    // Items, prose and glued text are no headings.
    expect(idx('一、总体情况\n（二）主动公开政府信息情况说明\n正文（二）主动公开政府信息情况\n（三）不予公开')).toEqual(
      [0, 1],
    );
  });

  it('headings numbered as parts (第二部分 …) or not numbered at all, each the whole of its line', () => {
    const body = (n: (i: number) => string) =>
      [
        '某局2023年政府信息公开工作年度报告',
        `${n(0)}总体情况`,
        '本年度正文。',
        `${n(1)}主动公开政府信息情况`,
        '规章 | 0 | 1 | 17 |',
        `${n(2)}收到和处理政府信息公开申请情况`,
        '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
        `${n(3)}政府信息公开行政复议、行政诉讼情况`,
        '行政复议 | 行政诉讼 |',
        '0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
        `${n(4)}存在的主要问题及改进情况`,
        '问题。',
        `${n(5)}其他需要报告的事项`,
        '无。',
      ].join('\n');
    const cn = '一二三四五六';
    // Or numbered one on, a section of the agency's own before 二 (t82: the report read as text only).
    const on = (i: number) => (i === 0 ? '一、' : `${'一二三四五六七'[i + 1]}、`);
    for (const n of [(i: number) => `第${cn[i]}部分 `, (i: number) => `第${cn[i]}章、`, () => '', on]) {
      const s = segment(textToLines(body(n)));
      expect(s.sections.map((x) => [x.index, x.line])).toEqual([
        [0, 1],
        [1, 2],
        [2, 4],
        [3, 6],
        [4, 8],
        [5, 11],
        [6, 13],
      ]);
    }
    // The wording with more on its line, or 四's table header, is no heading.
    expect(idx('一、总体情况\n主动公开政府信息情况说明如下\n行政复议 | 行政诉讼 |\n本年。')).toEqual([0, 1]);
    // Nor is the wording alone on a line when the report numbers that heading the usual way.
    const usual = segment(
      textToLines('一、总体情况\n主动公开政府信息情况\n正文。\n二、主动公开政府信息情况\n规章 | 0 | 1 | 17 |'),
    );
    expect(usual.sections.map((x) => [x.index, x.line])).toEqual([
      [0, 1],
      [1, 1],
      [2, 4],
    ]);
  });

  it('a heading without 情况: 三、收到和处理政府信息公开申请', () => {
    expect(idx('一、总体情况\n三、收到和处理政府信息公开申请\n三、本年度办理结果')).toEqual([0, 1, 3]);
  });
});

describe('heading quick test', () => {
  // findHeading skips the three rules on lines where no heading numeral can stand; that test
  // must never rule out a line the rules alone would match.
  it('finds exactly what the rules alone find, on random lines', () => {
    const rng = new Random(2026);
    const pieces = [
      ...'一二三四五六七八九十第(（）)、.,:： \t。，0123456789',
      // Spaces \s matches beyond ASCII (the quick test compares codes), and one it does not.
      ...'\u00a0\u1680\u2000\u200a\u2028\u202f\u205f\u3000\ufeff\u000b\u200b\u180e',
      ...[...'\u00a0\u1680\u2000\u200a\u2028\u202f\u205f\u3000\ufeff\u000b\u200b\u180e'].flatMap((sp) =>
        CANONICAL.map((c) => sp + c),
      ),
      ...CANONICAL,
      ...CANONICAL.map((c, i) => `${'一二三四五六'[i]}、${c}`),
      '总体情况',
      '概述',
      '主动公开',
      '依申请公开',
      '收到和处理',
      '行政复议',
      '行政诉讼',
      '复议',
      '诉讼',
      '情况',
      '存在的主要问题',
      '问题',
      '不足',
      '改进',
      '其他',
      '事项',
      '政府信息公开',
      '工作',
      '统一',
      '一是',
      '进一步',
      '基本',
      '总体情兄',
      '主动公幵',
      '行政复仪',
    ];
    let hits = 0;
    for (let n = 0; n < 40_000; n++) {
      let text = '';
      const len = rng.int(1, 12);
      for (let i = 0; i < len; i++) text += pieces[rng.int(0, pieces.length - 1)];
      const k = rng.int(0, 5);
      const from = rng.chance(0.2) ? rng.int(0, text.length) : 0;
      const want = byRules(k, text, from);
      if (want) hits++;
      expect(findHeading(k, text, from), `${k} ${from} ${text}`).toEqual(want);
    }
    expect(hits).toBeGreaterThan(1000);
  });
});

describe('item-numbered heading quick test', () => {
  // findOtherNumbered skips its pattern on lines whose first character after spaces, tabs and
  // borders is an ideograph; that must never rule out a line the pattern would match.
  it('finds exactly what the patterns alone find, on random lines', () => {
    const rng = new Random(2027);
    const pieces = [
      ...' \t|\u3000\u00a0\n(（)）、.:0123456789一二三四五六其',
      ...CANONICAL,
      '主动公开政府信息情况',
      '政府信息',
      '…',
    ];
    let hits = 0;
    for (let n = 0; n < 20_000; n++) {
      let text = '';
      const len = rng.int(1, 8);
      for (let i = 0; i < len; i++) text += pieces[rng.int(0, pieces.length - 1)];
      const k = rng.int(0, 5);
      // Often an item-numbered heading after some of the pieces (spaces, borders, or not).
      if (rng.chance(0.5)) {
        const numbering = [`(${'一二三四五六'[k]})`, `(${k + 1})`, `${k + 1}.`, `${k + 1}、`, '一、'][rng.int(0, 4)];
        text = `${text.slice(0, rng.int(0, 2))}${numbering}${CANONICAL[k]}${rng.chance(0.5) ? '' : text}`;
      }
      const from = rng.chance(0.1) ? rng.int(0, text.length) : 0;
      const want = otherNumberedByPattern(k, text, from);
      if (want) hits++;
      expect(findOtherNumbered(k, text, from), `${k} ${from} ${JSON.stringify(text)}`).toEqual(want);
    }
    expect(hits).toBeGreaterThan(100);
  });
});

describe('table of contents', () => {
  const report = [
    '某市某局2023年政府信息公开工作年度报告',
    '目录',
    '一、总体情况……1',
    '二、主动公开政府信息情况……2',
    '三、收到和处理政府信息公开申请情况……3',
    '四、政府信息公开行政复议、行政诉讼情况……4',
    '五、存在的主要问题及改进情况……5',
    '六、其他需要报告的事项……6',
    '',
    '一、总体情况',
    '本年度工作正文。',
    '二、主动公开政府信息情况',
    '表格',
    '三、收到和处理政府信息公开申请情况',
    '表格',
    '四、政府信息公开行政复议、行政诉讼情况',
    '表格',
    '五、存在的主要问题及改进情况',
    '问题正文。',
    '六、其他需要报告的事项',
    '无。',
  ].join('\n');
  it('is kept in the head; the sections are the report after it, not a repeat', () => {
    const s = segment(textToLines(report));
    expect(s.duplicateFrom).toBeNull();
    expect(s.sections.map((x) => [x.index, x.line])).toEqual([
      [0, 1],
      [1, 10],
      [2, 12],
      [3, 14],
      [4, 16],
      [5, 18],
      [6, 20],
    ]);
  });
  it('a report whose sections have text is no table of contents, and a repeat stays a repeat', () => {
    const body = report.split('\n').slice(9).join('\n');
    const s = segment(textToLines(`${body}\n${body}`));
    expect(s.duplicateFrom).toBe(13);
    expect(s.sections[1]!.line).toBe(1);
  });
});

describe('table of contents that is not clean', () => {
  const body = [
    '一、总体情况',
    '本年度工作正文。',
    '二、主动公开政府信息情况',
    '规章 | 2 | 1 | 17 |',
    '三、收到和处理政府信息公开申请情况',
    '一、本年新收政府信息公开申请数量 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |',
    '四、政府信息公开行政复议、行政诉讼情况',
    '0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |',
    '五、存在的主要问题及改进情况',
    '问题正文。',
    '六、其他需要报告的事项',
    '无。',
  ];
  const entries = [
    '一、总体情况……1',
    '二、主动公开政府信息情况……2',
    '三、收到和处理政府信息公开申请情况……3',
    '四、政府信息公开行政复议、行政诉讼情况……4',
    '五、存在的主要问题及改进情况……5',
    '六、其他需要报告的事项……6',
  ];
  /** The title, 目录, the entries with `extra` lines after entry `at`, then the report. */
  const withToc = (extra: string[], at = 0, list = entries) => [
    '某局2023年政府信息公开工作年度报告',
    '目录',
    ...list.slice(0, at + 1),
    ...extra,
    ...list.slice(at + 1),
    '',
    ...body,
  ];
  /** The line number of the report's 一 (the line before its text). */
  const bodyStart = (text: string[]) => text.indexOf(body[1]!);

  it.each([
    ['sub-entries', ['（一）主动公开情况……1', '（二）依申请公开情况……2']],
    ['sub-entries without page numbers', ['（一）主动公开', '（二）依申请公开', '1.政府信息管理']],
    ['a page footer', ['- 1 -']],
    ['an image placeholder', ['[图片]']],
    ['a line of bytes that did not decode', ['\ufffd\ufffd']],
    ['a line of mojibake with question marks', ['锟斤拷??锟斤拷?']],
    ['several stray lines', ['[图片]', '\ufffd\ufffd', '[图片]', '', '[图片]', '图']],
    ['a garbage line and a footer', ['\ufffd\ufffd\ufffd', '', '第 1 页']],
    ['a page number on a line of its own', ['（一）主动公开情况', '1']],
  ])('with %s is kept in the head, and the report after it is read, not a second report', (_, extra) => {
    const text = withToc(extra, 1);
    const s = segment(textToLines(text.join('\n')));
    expect(s.duplicateFrom).toBeNull();
    expect(s.repeat).toBeNull();
    expect(s.sections.map((x) => x.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(s.sections[1]!.line).toBe(bodyStart(text));
    expect(s.sections[3]!.lines.some((l) => l.text.includes('本年新收'))).toBe(true);
  });

  it('with entries separated by a tab and a page number (a Word contents field)', () => {
    const text = withToc(
      ['（一）主动公开\t1'],
      0,
      entries.map((e) => e.replace('……', '\t')),
    );
    const s = segment(textToLines(text.join('\n')));
    expect(s.duplicateFrom).toBeNull();
    expect(s.sections[1]!.line).toBe(bodyStart(text));
  });

  it('listing two headings is one when their page numbers say so', () => {
    const text = withToc(['（更多内容见正文）'], 1, entries.slice(0, 2));
    const s = segment(textToLines(text.join('\n')));
    expect(s.duplicateFrom).toBeNull();
    expect(s.sections[1]!.line).toBe(bodyStart(text));
  });

  it('listing three headings, or two under a 目录 line, without page numbers', () => {
    const plain = entries.map((e) => e.replace(/……\d$/, ''));
    const three = withToc([], 2, plain.slice(0, 3));
    expect(segment(textToLines(three.join('\n'))).sections[1]!.line).toBe(bodyStart(three));
    const two = withToc([], 1, plain.slice(0, 2));
    expect(segment(textToLines(two.join('\n'))).sections[1]!.line).toBe(bodyStart(two));
    // Two bare headings with no 目录 above them: not enough to call them a contents page.
    const bare = two.filter((l) => l !== '目录');
    expect(segment(textToLines(bare.join('\n'))).sections[1]!.line).toBe(2);
  });

  it('followed by two reports: the second is still another report', () => {
    const second = body.map((l) => l.replace(/\d+/g, (d) => String(Number(d) + 1)).replace('正文', '另一份正文'));
    const text = [
      ...withToc(['（一）主动公开情况……1', '- 1 -', '\ufffd'], 1),
      '某局2024年政府信息公开工作年度报告',
      ...second,
    ];
    const s = segment(textToLines(text.join('\n')));
    expect(s.sections[1]!.line).toBe(bodyStart(text));
    expect(s.repeat).toBe('other');
    expect(s.duplicateFrom).toBe(text.lastIndexOf('一、总体情况') + 1);
  });

  it('a report whose sections hold only a table one cell per line and short lines is no table of contents', () => {
    // No sentence anywhere, but numbers under the headings: a report, and a second one after it.
    const cells = (n: number) => ['规章', String(n), String(n + 1), '17', '行政规范性文件', '3', '4', '5'];
    const report = (n: number) => [
      `某局${2022 + n}年政府信息公开工作年度报告`,
      '一、总体情况',
      '（一）主动公开',
      '二、主动公开政府信息情况',
      ...cells(n),
      '三、收到和处理政府信息公开申请情况',
      ...cells(n + 5),
      '四、政府信息公开行政复议、行政诉讼情况',
      ...cells(n + 9),
    ];
    const text = [...report(0), ...report(1)];
    const s = segment(textToLines(text.join('\n')));
    expect(s.sections[1]!.line).toBe(2);
    expect(s.repeat).toBe('other');
    expect(s.duplicateFrom).toBe(text.lastIndexOf('一、总体情况') + 1);
  });

  it('ends before a heading with more stray lines above it than a contents page has', () => {
    const stray = Array<string>(7).fill('[图片]');
    // After 四: 一 to 四 are a table of contents all the same, and the report after it is read.
    const late = withToc(stray, 3);
    expect(segment(textToLines(late.join('\n'))).sections[1]!.line).toBe(bodyStart(late));
    // After 一: no run of headings, so no table of contents; its headings are the sections.
    const early = withToc(stray, 0);
    expect(segment(textToLines(early.join('\n'))).sections[1]!.line).toBe(3);
  });
});

describe('tocLine', () => {
  it.each([
    ['', 'blank'],
    ['- 3 -', 'blank'],
    ['（一）主动公开情况……1', 'entry'],
    ['1.政府信息管理……4', 'entry'],
    ['第一部分 总体情况', 'entry'],
    ['主动公开情况……12', 'entry'],
    ['[图片]', 'filler'],
    ['\ufffd\ufffd', 'filler'],
    ['锟斤拷??锟斤拷', 'filler'],
    ['\ufffd'.repeat(40) + '。' + '\ufffd'.repeat(40), 'filler'],
    ['\ue000\ue001\ue002 3', 'filler'],
    ['本年度，我局认真贯彻落实条例。', 'body'],
    ['规章 | 2 | 1 | 17 |', 'body'],
    ['行政许可 46304', 'body'],
    ['（一）予以公开 | 229 | 11 | 4 | 4 | 3 | 5 | 256 |', 'body'],
    ['2023年工作要点', 'filler'],
  ] as const)('%j is %s', (text, kind) => {
    expect(tocLine(text)).toBe(kind);
  });
  it('a number alone is a page number only right after an entry', () => {
    expect(tocLine('3', true)).toBe('filler');
    expect(tocLine('3', false)).toBe('body');
  });
});

describe('trimBorders', () => {
  it('cuts the same border runs as the patterns it replaces', () => {
    const rng = new Random(12);
    const pieces = ['|', ' ', '\u3000', '\t', '\u00a0', 'a', '表', '1', '||', ' | '];
    for (let k = 0; k < 5_000; k++) {
      let s = '';
      for (let n = rng.int(0, 10); n > 0; n--) s += rng.pick(pieces);
      expect(trimBorders(s), JSON.stringify(s)).toBe(s.replace(/(?:\s*\|)+\s*$/, '').replace(/^\s*(?:\|\s*)+/, ''));
    }
  });
});

describe('chrome lines', () => {
  it("the quick first-character test gives the patterns' answer on random lines", () => {
    const rng = new Random(11);
    const pieces = [
      ...['当前位置', '您的位置', '首页 >', '打印', '关闭', '【打印', '责任编辑', '编辑:', '附件下载', '附件:'],
      ...['分享到:', '字体大小', '字号:', '[大 中 小]', '【 大 中 小 】', '访问量', '扫一扫', '收藏', '返回顶部'],
      ...['上一篇', '下一篇', '相关链接', '主办单位', '版权所有', '网站标识码', '京ICP备123号', 'ICP备'],
      ...['-3-', '— 3 —', '第3页', '第 2 页，共 9 页', '共9页', '-', '—', '第', '共', '3', '12'],
      ...[' ', '  ', '\u3000', '\t', '|', ' | ', '\u00a0', '\ufeff', '\u2028'],
      ...['一、总体情况', '本机关', '政府信息公开', '（一）', 'a', '[', '【', '大', '中', '小', ':', '>'],
    ];
    let hits = 0;
    for (let n = 0; n < 30_000; n++) {
      let text = '';
      const len = rng.int(0, 6);
      for (let i = 0; i < len; i++) text += pieces[rng.int(0, pieces.length - 1)];
      const want = chromeByPatterns(text);
      if (want) hits++;
      expect(isChrome(text), JSON.stringify(text)).toBe(want);
    }
    expect(hits).toBeGreaterThan(1000);
    // Every character first, with and without a page-number or chrome tail.
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      // `${ch}上一篇`: chrome exactly when ch is a space (the quick test skips spaces by code).
      for (const text of [ch, `${ch}3页`, `${ch} 3 -`, `| ${ch}印`, `${ch}一篇`, `${ch}ICP备`, `${ch}上一篇`])
        expect(isChrome(text), JSON.stringify(text)).toBe(chromeByPatterns(text));
    }
  });
});
