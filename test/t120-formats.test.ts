import { describe, expect, it } from 'vitest';
import { correctionsStated } from '../src/lib/tables/corrections.ts';
import { otherPeriodCaption } from '../src/lib/tables/periods.ts';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';
import { REQUESTS, lines } from './report-text.ts';

/**
 * A fresh tester's t120 (test/fixtures/tester/t120, README.txt its notes): corrections and a
 * section's two tables as HTML, Word and PDF files write them.
 */
const dir = new URL('./fixtures/tester/t120/', import.meta.url);

describe('t120: the minimal files', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(15));
  const whole = /^(?:L1|L2|L7)_/;
  for (const file of files)
    it(file, async () => {
      expect(await wrongInFile(dir, file)).toEqual([]);
      if (whole.test(file)) expect(await missingInFile(dir, file)).toEqual([]);
    });
});

describe('tables of corrections under other headers', () => {
  it.each([
    ['勘误说明：', '项目 | 勘误前 | 勘误后'],
    ['更正说明：', '项目 | 修改前 | 修改后'],
    ['更正说明：', '项目 | 原填报数 | 更正数'],
    ['更正说明：', '项目 | 错误 | 正确'],
  ])('%s %s', (a, b) =>
    expect([...correctionsStated(lines(a, b, '“（一）予以公开”自然人 | 5 | 8') as never, 2023)[0]!.requests]).toEqual([
      'granted',
    ]),
  );
  it('names no row for a line of no figure and no table after it', () =>
    expect(correctionsStated(lines('建立健全信息发布勘误机制，及时纠正予以公开的信息。') as never, 2023)).toEqual([]));
});

describe('sentences over the year’s own table (t120)', () => {
  it.each([
    '上年度共收到申请35件。本年度情况如下：',
    '2022年度共收到政府信息公开申请35件，较上年同期有所增长。2023年度情况如下：',
  ])('%s', (c) => expect(otherPeriodCaption(null, lines(c, ...REQUESTS), 2023)).toBeNull());
  it('does not take a last clause that introduces no figures (t102: 本年度无新增：)', () =>
    expect(
      otherPeriodCaption(
        null,
        lines('上年度（2022年）本机关收到和处理申请的情况，按照规定格式统计如下，本年度无新增：', ...REQUESTS),
        2023,
      ),
    ).not.toBeNull());
  it('still takes a sentence pointing at the table for its caption', () =>
    expect(
      otherPeriodCaption(null, lines('2022年度共收到申请35件，具体情况见下表。', ...REQUESTS), 2023),
    ).not.toBeNull());
});

describe('what a reader sees of a corrected cell', () => {
  it('says the report corrected it, not that its place is unproven', async () => {
    const { cellView } = await import('../src/lib/site/present.ts');
    const v = cellView({ state: 'corrected', raw: '14', line: 3, value: null } as never);
    expect(v.kind).toBe('corrected');
    expect(v.title).toMatch(/报告自行更正/);
  });
});
