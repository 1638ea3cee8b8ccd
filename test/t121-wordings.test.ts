import { describe, expect, it } from 'vitest';
import { correctionsStated } from '../src/lib/tables/corrections.ts';
import { noneStatements } from '../src/lib/tables/none-stated.ts';
import { otherPeriodCaption } from '../src/lib/tables/periods.ts';
import { testerFiles, wrongInFile } from './documents.ts';
import { REQUESTS, REVIEW, lines, report } from './report-text.ts';
import { ok, parseText } from './helpers.ts';

/**
 * A fresh tester's t121 (test/fixtures/tester/t121, README.txt its notes): wordings of none, of
 * another period and of corrections no earlier tester tried.
 */
const dir = new URL('./fixtures/tester/t121/', import.meta.url);

describe('t121: the minimal files', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(34));
  for (const file of files) it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
});

describe('none in more words (t121)', () => {
  it.each([
    ['2023年度本局依申请公开零申请。', 'requests'],
    ['本年度无依申请公开事项发生。', 'requests'],
    ['本年度本机关未办理政府信息公开申请。', 'requests'],
    ['全年无人申请政府信息公开。', 'requests'],
    ['依申请公开：无。', 'requests'],
    ['本年度未有公民、法人或其他组织提出政府信息公开申请。', 'requests'],
    ['全年政府信息公开工作实现零复议、零诉讼。', 'review'],
    ['2023年度，本局政府信息公开行政复议、行政诉讼：无。', 'review'],
  ] as const)('%s', (t, table) => expect(noneStatements(lines(t), table, 2023, ['某局']).length).toBeGreaterThan(0));
  it('not for the other table, nor for part of the agency', () => {
    expect(noneStatements(lines('依申请公开：无。'), 'review', 2023)).toEqual([]);
    expect(noneStatements(lines('下属单位依申请公开：无。'), 'requests', 2023)).toEqual([]);
  });
});

describe('a comparison base and corrections in more words (t121)', () => {
  it('takes 同比基数（2022年） for another year’s table', () =>
    expect(otherPeriodCaption(null, lines('同比基数（2022年）', ...REQUESTS), 2023)).not.toBeNull());
  it.each([
    '经核查，本报告表三中“（一）予以公开”自然人一栏填写错误，现予纠正：该栏14件纠正为17件。',
    '说明：表三“（一）予以公开”自然人栏数字“14”系“17”之误。',
    '表三“（一）予以公开”自然人数以17件为准。',
    '经上级部门审核确认，表三“（一）予以公开”自然人数为17件。',
  ])('%s', (t) => expect([...correctionsStated(lines(t) as never, 2023)[0]!.requests]).toEqual(['granted']));
  it('reads a table of corrections with no sentence over it', () => {
    const c = correctionsStated(lines('位置 | 误 | 正', '表二“行政许可”处理决定数量 | 10119 | 10219') as never, 2023);
    expect([...c[0]!.active]).toEqual(['licensing']);
  });
  it('leaves a correction of another year’s report alone, whatever its verb', () =>
    expect(
      correctionsStated(lines('经核查，2022年度报告第三部分“予以公开”原为14件，现更正为17件。') as never, 2023),
    ).toEqual([]));
});

describe('a table printed again in 五 or 六 with no words over it (t121 H01)', () => {
  const ACTIVE_LINES = ['信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |', '规章 | 0 | 0 | 0 |'];
  const review = (cells: string) => [...REVIEW.slice(0, 3), `${cells} |`];
  const changed = '2 | 0 | 0 | 0 | 2 | 0 | 1 | 0 | 0 | 1 | 0 | 0 | 0 | 2 | 2';
  const cellsOf = (tail: string[], s4 = REVIEW) =>
    ok(parseText(report(ACTIVE_LINES, REQUESTS, s4, tail))).cells.filter((c) => c.table_id === 'review');
  it('leaves the cells it prints otherwise NULL, and reads the rest', () => {
    const cells = cellsOf(review(changed));
    expect(cells.filter((c) => c.state === 'number').length).toBeGreaterThan(0);
    const upheld = cells.find((c) => c.row_key === 'review' && c.col_key === 'upheld');
    expect(upheld?.state).toBe('ambiguous');
  });
  it('changes nothing where it prints the same figures', () =>
    expect(cellsOf(REVIEW).map((c) => c.state)).toEqual(cellsOf([]).map((c) => c.state)));
  it('gives no figure where the section prints no table of its own', () =>
    expect(
      cellsOf(review(changed), ['本年度本机关未发生行政复议、行政诉讼。']).filter((c) => c.state === 'number'),
    ).toEqual([]));
});
