import { describe, expect, it } from 'vitest';
import { tablesApart, withoutProse } from '../src/lib/tables/apart.ts';
import { correctionsStated } from '../src/lib/tables/corrections.ts';
import { noneStated } from '../src/lib/tables/none-stated.ts';
import { otherPeriodCaption } from '../src/lib/tables/periods.ts';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';
import { ok, parseText, rowOf } from './helpers.ts';
import { ACTIVE, REQUESTS, REVIEW, lines, report, requests } from './report-text.ts';

/**
 * Files holding more than one set of figures, only one the agency's own for the year (a fresh
 * tester's t116; test/fixtures/tester/t116, README.txt its notes): tables printed twice in a
 * section (tables/apart.ts), the report correcting its own figures (tables/corrections.ts),
 * sentences inside one-line dumps, and wordings the rules missed.
 */
const read = (text: string) => ok(parseText(text));
const dir = new URL('./fixtures/tester/t116/', import.meta.url);

describe('t116: the minimal files', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(39));
  // Read whole now: the agency's own table beside another's, prose naming the form's words.
  const whole = /^(?:L0[124-9]|L1[01]|L12|W0[1-9]|W1[0-2])_/;
  for (const file of files)
    it(file, async () => {
      expect(await wrongInFile(dir, file)).toEqual([]);
      if (whole.test(file)) expect(await missingInFile(dir, file)).toEqual([]);
    });
});

describe('a section printing its table twice under words of its own (tablesApart)', () => {
  const REQ = requests();
  const LAST = requests([0, [9, 9, 9, 9, 9, 9, 54]]);

  it('cuts the lines at the caption before the table printed again', () => {
    const l = lines('上年同期情况：', ...LAST, '注：以上为2022年数据。', '本年度情况：', ...REQ);
    const parts = tablesApart(l as never);
    expect(parts).toHaveLength(2);
    expect(parts[0]!.at(-1)!.text).toBe('注：以上为2022年数据。');
    expect(parts[1]![0]!.text).toBe('本年度情况：');
  });

  it('leaves a table once printed whole, and a page break with a running title, in one part', () => {
    expect(tablesApart(lines('情况如下：', ...REQ) as never)).toHaveLength(1);
    const broken = [...REQ.slice(0, 10), '测试局2023年政府信息公开工作年度报告', ...REQ.slice(0, 3), ...REQ.slice(10)];
    expect(tablesApart(lines(...broken) as never)).toHaveLength(1);
    const continued = [...REQ.slice(0, 10), '表2（续）', ...REQ.slice(0, 3), ...REQ.slice(10)];
    expect(tablesApart(lines(...continued) as never)).toHaveLength(1);
  });

  it("reads the year's own table beside last year's captioned one, either order", () => {
    for (const s3 of [
      ['上年同期情况：', ...LAST, '本年度情况：', ...REQ],
      [...REQ, '为便于比较，现将2022年度收到和处理政府信息公开申请情况列示如下：', ...LAST],
    ]) {
      const p = read(report(ACTIVE, s3, REVIEW, []));
      expect(rowOf(p.cells, 'requests', 'new_received')).toBe('10 1 0 0 0 1 12');
    }
  });

  it('leaves out sentences naming the form’s column words when reading 三 and 四 (withoutProse)', () => {
    const l = lines(
      '申请人中，自然人占多数，法律服务机构、商业企业次之。',
      '本年度共发生行政诉讼案件11件、行政复议案件17件，具体如下：',
      ...REQ,
    );
    expect(withoutProse(l as never).map((x) => x.no)).toEqual(REQ.map((_, i) => i + 3));
    const p = read(report(ACTIVE, ['申请人中，自然人占多数，法律服务机构、商业企业次之。', ...REQ], REVIEW, []));
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('10 1 0 0 0 1 12');
  });
});

describe('the report correcting its own figures (correctionsStated)', () => {
  it.each([
    // (总计 beside a row is that row's total cell; the total row is named as such: 总计行, （七）总计.)
    ['勘误：原报告表中“（一）予以公开”自然人一栏数据有误，原为14件，现更正为17件，总计相应更正为19件。', ['granted']],
    ['更正：本报告“二、主动公开政府信息情况”中行政许可本年处理决定数量应为10219件，原文误写为10119件。', []],
    [
      '更正说明：第三部分表格中“5.属于三类内部事务信息”自然人一栏应为2，总计应为26，新收及总计行相应调整。',
      ['withheld_internal', 'total', 'new_received'],
    ],
  ])('%s', (t, rows) => {
    const c = correctionsStated(lines(t) as never);
    expect(c).toHaveLength(1);
    expect([...c[0]!.requests].sort()).toEqual([...rows].sort());
  });

  it('names 二’s rows, and the rows of a 更正前/更正后 table', () => {
    expect([
      ...correctionsStated(lines('本报告中行政许可本年处理决定数量应为10219件，原文误写为10119件。') as never)[0]!
        .active,
    ]).toEqual(['licensing']);
    const c = correctionsStated(
      lines(
        '本报告更正说明：',
        '更正事项 | 更正前 | 更正后',
        '一、本年新收政府信息公开申请数量（自然人） | 47 | 49',
        '（一）予以公开（自然人） | 14 | 16',
      ) as never,
    );
    expect([...c[0]!.requests].sort()).toEqual(['granted', 'new_received']);
  });

  it.each([
    '对上年度报告中的数据有误之处，更正如下：本年新收申请应为12件。',
    '本机关依申请更正政府信息记录2件，予以公开的信息及时更新。',
    '因工作人员疏忽，本报告第三部分表格中部分数据有误，现更正如下：',
  ])('names no row of the year’s own tables: %s', (t) => {
    expect(correctionsStated(lines(t) as never).flatMap((c) => [...c.requests, ...c.active, ...c.review])).toEqual([]);
  });

  it('leaves the corrected rows NULL, not the withdrawn figures', () => {
    const p = read(
      report(ACTIVE, REQUESTS, REVIEW, [
        '勘误：原报告“（一）予以公开”自然人一栏数据有误，原为5件，现更正为6件，总计相应更正为7件。',
      ]),
    );
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('C C C C C C C');
    expect(p.cells.find((c) => c.row_key === 'granted')?.state).toBe('corrected');
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('10 1 0 0 0 1 12');
  });

  it('compares a corrected table printed in 六 with the section’s', () => {
    const p = read(
      report(ACTIVE, REQUESTS, REVIEW, [
        '更正说明：本报告第三部分表格数据有误，现更正如下：',
        ...requests([0, [11, 1, 0, 0, 0, 1, 13]]),
      ]),
    );
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('A A A A A A A');
  });
});

describe('wordings the rules missed (t116)', () => {
  it.each([
    ['2020年，我局未收到依申请公开事项。', 'requests'],
    ['依申请公开数量为零。', 'requests'],
    ['本年度未发生因政府信息公开被申请行政复议、提起行政诉讼的情况。', 'review'],
    ['（三）全年未发生因政府信息公开引起的行政复议、行政诉讼案件。', 'review'],
  ] as const)('%s', (t, table) => expect(noneStated(lines(t), table, 2020, ['某局'])).not.toBeNull());

  it('takes a line introducing the table by its last clause naming the year', () => {
    const body = lines('2022年度我局未收到政府信息公开申请，2023年度情况如下：', ...REQUESTS);
    expect(otherPeriodCaption(null, body, 2023)).toBeNull();
    expect(
      otherPeriodCaption(null, lines('2023年度我局未收到申请，2022年度情况如下：', ...REQUESTS), 2023),
    ).not.toBeNull();
  });

  it('reads a statement of none inside a page dumped as one line', () => {
    const dump = `三、收到和处理政府信息公开申请情况 本年度，本机关没有收到政府信息公开申请。 ${REQUESTS.join(' ')}`;
    expect(noneStated(lines(dump), 'requests', 2023)?.rows).toEqual(['new_received']);
  });
});
