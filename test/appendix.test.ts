import { describe, expect, it } from 'vitest';
import { textToLines } from '../src/lib/decode/lines.ts';
import { appendixBlocks, appendixReference, tableTitle } from '../src/lib/segment/appendix.ts';
import { byRules, findHeading } from '../src/lib/segment/headings.ts';
import { announcedIssuer, isOwnName, otherIssuer, titleIssuer } from '../src/lib/segment/issuer.ts';
import { ok, parseText, rowOf } from './helpers.ts';
import { ACTIVE, REQUESTS, REVIEW, report, requests } from './report-text.ts';

/**
 * Tables printed in an appendix (附件) after the last section, the sections 二–四 saying only
 * 详见附件表1 (docs/template.md, "How the text arrives"): a table is read under a section only
 * when it is proven to be that section's — its rows, and its title if it names a section — and
 * a table printed twice publishes only what its copies agree on.
 */

const read = (text: string) => ok(parseText(text));
const codes = (p: ReturnType<typeof read>) =>
  p.diagnostics.map((d) => d.code).filter((c) => c !== 'W_REGION_UNRESOLVED');

/** Every table read as printed: status complete, the rows' values. */
function expectAllRead(p: ReturnType<typeof read>) {
  expect(p.report.status).toBe('complete');
  expect(rowOf(p.cells, 'active', 'rules')).toBe('2 1 17');
  expect(rowOf(p.cells, 'active', 'fees')).toBe('121.33');
  expect(rowOf(p.cells, 'requests', 'new_received')).toBe('10 1 0 0 0 1 12');
  expect(rowOf(p.cells, 'requests', 'carried_forward')).toBe('2 0 0 0 0 0 2');
  expect(rowOf(p.cells, 'review', 'suit_after_review')).toBe('0 0 0 2 2');
}

describe('tables in an appendix', () => {
  it('reads every table under 附件 with titles 表1–表3 the sections point at (详见附件表N)', () => {
    const p = read(
      report(
        ['详见附件表1。'],
        ['详见附件表2。'],
        ['详见附件表3。'],
        [
          '附件',
          '表1 主动公开政府信息情况',
          ...ACTIVE,
          '表2 收到和处理政府信息公开申请情况',
          ...REQUESTS,
          '表3 政府信息公开行政复议、行政诉讼情况',
          ...REVIEW,
        ],
      ),
    );
    expectAllRead(p);
    expect(codes(p)).toEqual([]);
  });

  it.each([
    ['no titles at all', ['附件', ...ACTIVE, ...REQUESTS, ...REVIEW]],
    [
      'titles in words, in another order',
      [
        '附件：',
        '政府信息公开行政复议、行政诉讼情况',
        ...REVIEW,
        '主动公开政府信息情况统计表',
        ...ACTIVE,
        '政府信息公开申请情况统计表',
        ...REQUESTS,
      ],
    ],
    [
      '表一 titles under 附表',
      ['附表', '表一 主动公开政府信息情况', ...ACTIVE, '表二', ...REQUESTS, '表三', ...REVIEW],
    ],
    ['a signature after the last table', ['附件', ...ACTIVE, ...REQUESTS, ...REVIEW, '测试附件局', '2024年1月20日']],
    ['a signature after 二', ['附件', ...REVIEW, ...REQUESTS, ...ACTIVE, '测试附件局', '2024年1月20日']],
    ['a note under 三', ['附件', ...ACTIVE, ...REQUESTS, '注：数据统计截至2023年12月31日。', ...REVIEW]],
  ])('with %s', (_, tail) => {
    const p = read(report(['详见附件。'], ['（详见附表）'], ['见附件。'], tail));
    expectAllRead(p);
    expect(codes(p)).toEqual([]);
  });

  it('reads only the sections deferred: 二 in the body, 三 and 四 in 附件1 and 附件2', () => {
    const p = read(
      report(
        ACTIVE,
        ['具体情况见附件2。'],
        ['具体情况见附件1。'],
        ['附件1：政府信息公开行政复议、行政诉讼情况统计表', ...REVIEW, '附件2', ...REQUESTS],
      ),
    );
    expectAllRead(p);
    expect(codes(p)).toEqual([]);
  });

  it('a title 表二 主动公开… is no heading 二, when the report numbers its headings like items', () => {
    const text = report(
      ['详见附件表二。'],
      ['详见附件表三。'],
      ['详见附件表一。'],
      [
        '附件',
        '表一 行政复议、行政诉讼情况统计表',
        ...REVIEW,
        '表二 主动公开政府信息情况统计表',
        ...ACTIVE,
        '表三 收到和处理政府信息公开申请情况',
        ...REQUESTS,
      ],
    )
      .replace('二、主动公开', '2、主动公开')
      .replace('三、收到和处理', '3.收到和处理')
      .replace('四、政府信息公开行政复议', '4.政府信息公开行政复议');
    const p = read(text);
    expectAllRead(p);
    expect(codes(p)).toEqual([]);
  });

  it('reads 附件1 holding every table, untitled, that all three sections point at', () => {
    const p = read(
      report(['详见附件1。'], ['详见附件1。'], ['详见附件1。'], ['附件1', ...ACTIVE, ...REQUESTS, ...REVIEW]),
    );
    expectAllRead(p);
    expect(codes(p)).toEqual([]);
  });

  it('does not place a table whose title names another section than its rows', () => {
    const p = read(report(ACTIVE, ['详见附件。'], REVIEW, ['附件', '表1 主动公开政府信息情况', ...REQUESTS]));
    expect(p.cells.filter((c) => c.table_id === 'requests')).toEqual([]);
    expect(p.diagnostics.some((d) => d.code === 'W_TABLE_MISSING' && /第二部分/.test(d.message))).toBe(true);
  });

  it('does not place a table the body points at from another section (见附件表2 in 二, 表2 holds 三 rows)', () => {
    const p = read(
      report(['详见附件表2。'], ['详见附件表1。'], REVIEW, ['附件', '表1', ...ACTIVE, '表2', ...REQUESTS]),
    );
    expect(p.cells.filter((c) => c.table_id !== 'review')).toEqual([]);
    expect(p.diagnostics.filter((d) => d.code === 'W_TABLE_MISSING' && /附件中的表格/.test(d.message))).toHaveLength(2);
  });

  it('a table printed in its section and again in the appendix, identical: read once, no warning', () => {
    const p = read(report(ACTIVE, REQUESTS, REVIEW, ['附件：政府信息公开申请情况统计表', ...REQUESTS]));
    expectAllRead(p);
    expect(codes(p)).toEqual([]);
    expect(p.cells.filter((c) => c.table_id === 'requests')).toHaveLength(25 * 7);
  });

  it('two copies that differ: the row where they differ is NULL (ambiguous), every cell of it, with a note; the other rows read', () => {
    // Row 0 (本年新收): 10 in the section, 11 in the appendix. Its cells both copies write alike
    // (1 0 0 0 1) are no row proven either: one copy's row may be shifted (the shared case c10's
    // rule for a row printed twice; a fresh tester's t69).
    const p = read(
      report(ACTIVE, REQUESTS, REVIEW, ['附件：政府信息公开申请情况统计表', ...requests([0, [11, 1, 0, 0, 0, 1, 13]])]),
    );
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('A A A A A A A');
    expect(rowOf(p.cells, 'requests', 'carried_forward')).toBe('2 0 0 0 0 0 2');
    const note = p.diagnostics.find((d) => d.code === 'W_CELLS_AMBIGUOUS');
    expect(note?.message).toMatch(/2 个单元格的数字不同/);
    expect(note?.at).toEqual({ table: 'requests', row: 'new_received', col: 'natural_person' });
  });

  it('a row only one copy has stands when the copies agree, and not when they differ elsewhere', () => {
    // The section's table cut off after （二）部分公开; the appendix's whole.
    const cut = REQUESTS.slice(0, 3 + 4);
    const same = read(report(ACTIVE, cut, REVIEW, ['附件：政府信息公开申请情况统计表', ...REQUESTS]));
    expect(rowOf(same.cells, 'requests', 'carried_forward')).toBe('2 0 0 0 0 0 2');
    expect(codes(same)).toEqual([]);
    const other = read(
      report(ACTIVE, cut, REVIEW, ['附件：政府信息公开申请情况统计表', ...requests([0, [11, 1, 0, 0, 0, 1, 13]])]),
    );
    expect(rowOf(other.cells, 'requests', 'new_received')).toBe('A A A A A A A');
    expect(rowOf(other.cells, 'requests', 'carried_over')).toBe('1 0 0 0 0 0 1');
    expect(rowOf(other.cells, 'requests', 'carried_forward')).toBe('A A A A A A A');
    expect(other.diagnostics.find((d) => d.code === 'W_CELLS_AMBIGUOUS')?.message).toMatch(
      /只有一份有数字的 \d+ 个单元格也不采用/,
    );
  });

  it('two copies in the appendix for one section that differ: neither is published', () => {
    const p = read(
      report(ACTIVE, ['详见附件。'], REVIEW, ['附件', ...REQUESTS, '附表', ...requests([1, [1, 0, 0, 0, 0, 5, 6]])]),
    );
    expect(rowOf(p.cells, 'requests', 'carried_over')).toBe('A A A A A A A');
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('10 1 0 0 0 1 12');
  });

  it('a money unit the section states applies to its table in the appendix', () => {
    // The amount's header with no unit of its own: the section's statement is the only one.
    const active = ACTIVE.map((l) => l.replace('（单位：万元）', ''));
    const inBody = read(report(['（金额单位：元）', ...active], REQUESTS, REVIEW, []));
    const deferred = read(report(['（金额单位：元）详见附件表1。'], REQUESTS, REVIEW, ['附件', '表1', ...active]));
    const titled = read(
      report(['详见附件表1。'], REQUESTS, REVIEW, ['附件', '表1 主动公开政府信息情况（单位：元）', ...active]),
    );
    const fees = (p: ReturnType<typeof read>) => p.cells.find((c) => c.row_key === 'fees');
    expect(fees(inBody)?.state).toBe('number');
    expect(fees(inBody)?.value).not.toBe(121.33);
    expect(fees(deferred)?.value).toBe(fees(inBody)?.value);
    expect(fees(titled)?.value).toBe(fees(inBody)?.value);
  });

  it('an appendix of documents changes nothing', () => {
    const body = report(ACTIVE, REQUESTS, REVIEW, []);
    const withDocs = report(ACTIVE, REQUESTS, REVIEW, [
      '附件：',
      '1.关于印发2023年政务公开工作要点的通知',
      '2.信息公开指南',
    ]);
    const a = read(body);
    const b = read(withDocs);
    expect(b.cells).toEqual(a.cells);
    expect(codes(b)).toEqual(codes(a));
  });

  it('reads the appendix of an HTML page', () => {
    const table = (rows: string[]) =>
      `<table>${rows
        .map(
          (r) =>
            `<tr>${r
              .split('|')
              .slice(0, -1)
              .map((c) => `<td>${c.trim()}</td>`)
              .join('')}</tr>`,
        )
        .join('')}</table>`;
    const html = `<html><body>
<p>测试附件局2023年政府信息公开工作年度报告</p><p>一、总体情况</p><p>本年度工作。</p>
<p>二、主动公开政府信息情况</p><p>详见附件表1。</p><p>三、收到和处理政府信息公开申请情况</p><p>详见附件表2。</p>
<p>四、政府信息公开行政复议、行政诉讼情况</p><p>详见附件表3。</p><p>五、存在的主要问题及改进情况</p><p>问题。</p>
<p>六、其他需要报告的事项</p><p>无。</p><p>附件</p>
<p>表1 主动公开政府信息情况</p>${table(ACTIVE.map((l) => (l.includes('|') ? l : `${l} |`)))}
<p>表2 收到和处理政府信息公开申请情况</p>${table(REQUESTS)}
<p>表3 政府信息公开行政复议、行政诉讼情况</p>${table(REVIEW)}
</body></html>`;
    const p = ok(parseText(html, 'a.html'));
    expect(rowOf(p.cells, 'active', 'rules')).toBe('2 1 17');
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('10 1 0 0 0 1 12');
    expect(rowOf(p.cells, 'review', 'review')).toBe('1 0 0 0 1');
  });
});

describe('appendix pieces', () => {
  it.each([
    ['表1 主动公开政府信息情况', { label: { tab: 1 }, names: 'active' }],
    ['附表2：收到和处理政府信息公开申请情况', { label: { tab: 2 }, names: 'requests' }],
    ['附件1 表3 政府信息公开行政复议、行政诉讼情况', { label: { att: 1, tab: 3 }, names: 'review' }],
    ['附件：政府信息公开申请情况统计表', { label: null, names: 'requests' }],
    ['二、主动公开政府信息情况', { label: null, names: 'active' }],
    ['附件', { label: null, names: null }],
    ['表十二', { label: { tab: 12 }, names: null }],
    // A statistics table's title naming no section: a title all the same (whose table it is).
    ['某县教育局2023年政府信息公开情况统计表', { label: null, names: null }],
  ])('title %s', (text, want) => expect(tableTitle(text)).toEqual(want));

  it.each([
    '行政复议 | 行政诉讼 |',
    '申请人情况',
    '表格已于2024年1月发布。',
    '规章 | 2 | 1 | 17 |',
    '表1 | 2 | 3 |',
    '政府信息公开工作',
  ])('no title: %s', (text) => expect(tableTitle(text)).toBeNull());

  it.each([
    ['详见附件表1。', { tab: 1 }],
    ['具体情况见附件2。', { att: 2 }],
    ['本年度情况（详见附表3）如下。', { tab: 3 }],
    ['详见附件。', {}],
    ['本年度无此类情况。', null],
  ])('reference %s', (text, want) => expect(appendixReference(textToLines(text))).toEqual(want));

  it.each([
    ['表二 主动公开政府信息情况统计表', 1, false],
    ['附件二：主动公开政府信息情况', 1, false],
    ['附表三 收到和处理政府信息公开申请情况', 2, false],
    // A count's 件 before a heading glued to it (a page on one line) is no 附件.
    ['共办理12件三、收到和处理政府信息公开申请情况', 2, true],
    ['二、主动公开政府信息情况', 1, true],
  ])('heading in %s: %s', (text, k, want) => {
    expect(findHeading(k, text) !== null).toBe(want);
    expect(byRules(k, text) !== null).toBe(want);
  });

  it('keeps a header cell with a full stop in its table (勾稽关系…之和。 is no sentence)', () => {
    const requests = REQUESTS.map((l) => l.replace('之和）', '之和。）'));
    const blocks = appendixBlocks(textToLines(['表2', ...requests].join('\n')));
    expect(blocks.map((b) => b.lines.length)).toEqual([requests.length]);
  });

  it('keeps a line of a table’s own words after its last row in that table (本年收费金额 under 二)', () => {
    const active = [...ACTIVE.slice(0, -2), '行政事业性收费 | 121.33 |', '本年收费金额（单位：万元）'];
    const blocks = appendixBlocks(textToLines(['附件', ...active, ...REQUESTS].join('\n')));
    expect(blocks.map((b) => [b.table, b.lines.length])).toEqual([
      ['active', active.length],
      ['requests', REQUESTS.length],
    ]);
  });

  it('cuts an appendix without titles where the rows change table, header lines going with the next', () => {
    const blocks = appendixBlocks(textToLines([...ACTIVE, ...REQUESTS, ...REVIEW].join('\n')));
    expect(blocks.map((b) => [b.table, b.lines[0]!.raw])).toEqual([
      ['active', ACTIVE[0]],
      ['requests', REQUESTS[0]],
      ['review', REVIEW[0]],
    ]);
  });
});

describe('an appendix table of another year', () => {
  it('a table titled with another year (附件：2022年度…统计表 in a 2023 report) is not read as this year’s', () => {
    // helper-63's f1: 三 says only 详见附件, and the appendix's only 三 table is last year's.
    const p = read(report(ACTIVE, ['详见附件。'], REVIEW, ['附件：2022年度政府信息公开申请情况统计表', ...REQUESTS]));
    expect(p.cells.filter((c) => c.table_id === 'requests' && c.value !== null)).toEqual([]);
    expect(
      p.diagnostics.some((d) => d.code === 'W_TABLE_MISSING' && /2022年度的，不是报告年度2023年/.test(d.message)),
    ).toBe(true);
    // The same title with the report's own year is read.
    const own = read(report(ACTIVE, ['详见附件。'], REVIEW, ['附件：2023年度政府信息公开申请情况统计表', ...REQUESTS]));
    expect(rowOf(own.cells, 'requests', 'new_received')).toBe('10 1 0 0 0 1 12');
  });
});

describe('what names an appendix part speaks for all its tables (a fresh tester, helper-80)', () => {
  const S3 = '三、收到和处理政府信息公开申请情况';
  const S4 = '四、政府信息公开行政复议、行政诉讼情况';
  it('the part’s title naming another year, over section headings: no table of it is read', () => {
    // 附件：测试附件局2022年…统计表, then 三's and 四's headings and tables: the year was read from
    // the block's own title only (the heading), and last year's numbers were published as 2023's.
    const p = read(
      report(
        ACTIVE,
        ['详见附件。'],
        ['详见附件。'],
        ['附件：测试附件局2022年政府信息公开工作年度报告统计表', S3, ...REQUESTS, S4, ...REVIEW],
      ),
    );
    expect(p.cells.filter((c) => c.table_id !== 'active' && c.value !== null)).toEqual([]);
    expect(
      p.diagnostics.some((d) => d.code === 'W_TABLE_MISSING' && /2022年度的，不是报告年度2023年/.test(d.message)),
    ).toBe(true);
  });

  it('a statistical period of another year over the rows: not read; the report’s own period is', () => {
    const tail = (y: number) => [
      '附件：测试附件局政府信息公开工作年度报告数据',
      `统计期限：${y}年1月1日至${y}年12月31日`,
      S3,
      ...REQUESTS,
    ];
    const p = read(report(ACTIVE, ['详见附件。'], REVIEW, tail(2022)));
    expect(p.cells.filter((c) => c.table_id === 'requests' && c.value !== null)).toEqual([]);
    const own = read(report(ACTIVE, ['详见附件。'], REVIEW, tail(2023)));
    expect(rowOf(own.cells, 'requests', 'new_received')).toBe('10 1 0 0 0 1 12');
    // A date of filling in names no period: 填报日期 in the next year does not make the table last year's.
    const filled = read(
      report(ACTIVE, ['详见附件。'], REVIEW, ['附件：政府信息公开情况统计表', '填报日期：2024年1月15日', ...REQUESTS]),
    );
    expect(rowOf(filled.cells, 'requests', 'new_received')).toBe('10 1 0 0 0 1 12');
  });

  it('a 填报单位 line after the part’s last table names every table of the part', () => {
    // 附件： / 统计表, 三's table, 四's table, then 填报单位：测试县实验小学: the name was taken for 四's
    // rows only, and 三's numbers were published as the report's own.
    const tail = (unit: string) => ['附件：', '统计表', S3, ...REQUESTS, S4, ...REVIEW, `填报单位：${unit}`];
    const p = read(report(ACTIVE, ['详见附件。'], ['详见附件。'], tail('测试县实验小学')));
    expect(p.cells.filter((c) => c.table_id !== 'active' && c.value !== null)).toEqual([]);
    expect(p.diagnostics.filter((d) => d.code === 'W_TABLE_MISSING' && /测试县实验小学/.test(d.message)).length).toBe(
      2,
    );
    // The report's own name there: both read.
    const own = read(report(ACTIVE, ['详见附件。'], ['详见附件。'], tail('测试附件局')));
    expectAllRead(own);
  });

  it('a 填报单位 line before a table’s rows names that table only, not the part’s others', () => {
    // 附件： / 三's table (the report's), then 四's under 填报单位：测试县实验小学 before its rows: 三 is read.
    const p = read(
      report(
        ACTIVE,
        ['详见附件。'],
        ['详见附件。'],
        ['附件：', '统计表', S3, ...REQUESTS, S4, '填报单位：测试县实验小学', ...REVIEW],
      ),
    );
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('10 1 0 0 0 1 12');
    expect(p.cells.filter((c) => c.table_id === 'review' && c.value !== null)).toEqual([]);
  });
});

describe('a sentence before the appendix naming whose its tables are (a fresh tester, helper-80)', () => {
  const tail = (sentence: string) => [sentence, '附件：', '统计表', '三、收到和处理政府信息公开申请情况', ...REQUESTS];
  it('现将局属某小学本年度数据一并附后: another unit’s tables, not read', () => {
    // The appendix names no unit; the body's last sentence does. Its numbers were published as the report's.
    const p = read(
      report(
        ACTIVE,
        ['详见附件。'],
        REVIEW,
        tail('为便于对照，现将局属测试县实验小学本年度政府信息公开数据一并附后。'),
      ),
    );
    expect(p.cells.filter((c) => c.table_id === 'requests' && c.value !== null)).toEqual([]);
    expect(p.diagnostics.some((d) => d.code === 'W_TABLE_MISSING' && /局属测试县实验小学/.test(d.message))).toBe(true);
  });
  it('the report’s own, or words naming nobody: read', () => {
    for (const sentence of [
      '现将本局2023年政府信息公开数据附后。',
      '现将有关统计数据一并附后。',
      '现将测试附件局本年度数据附后。',
    ])
      expect(
        rowOf(read(report(ACTIVE, ['详见附件。'], REVIEW, tail(sentence))).cells, 'requests', 'new_received'),
      ).toBe('10 1 0 0 0 1 12');
  });
  it('announcedIssuer: the name, the report’s word for itself, or null', () => {
    expect(announcedIssuer(['现将局属某县实验小学本年度政府信息公开数据一并附后。'])).toBe('局属某县实验小学');
    expect(announcedIssuer(['现将本局2023年政府信息公开数据附后'])).toBe('本局');
    expect(announcedIssuer(['现将有关数据附后'])).toBeNull();
    expect(announcedIssuer(['某县教育局', '2024年1月20日'])).toBeNull();
  });
});

describe('an appendix table of another unit', () => {
  /** A report of `agency` (its title names it), 三 saying 详见附件, the appendix `tail`. */
  const unitReport = (agency: string, tail: string[], s3: string[] = ['详见附件。']) =>
    report(ACTIVE, s3, REVIEW, tail).replace('测试附件局', agency);
  const unread = (p: ReturnType<typeof read>, name: string) => {
    expect(p.cells.filter((c) => c.table_id === 'requests' && c.value !== null)).toEqual([]);
    expect(
      p.diagnostics.filter((d) => d.code === 'W_TABLE_MISSING' && d.message.includes(`“${name}”`)),
      JSON.stringify(p.diagnostics),
    ).toHaveLength(1);
  };

  it.each([
    ['a bureau of the county', ['附件2：县教育局政府信息公开申请情况统计表'], '县教育局'],
    ['the townships together', ['附件：各乡镇政府信息公开工作年度报告数据汇总'], '各乡镇'],
    ['a subordinate unit', ['附件：下属单位政府信息公开申请情况统计表'], '下属'],
    ['a town, in words alone', ['附件', '某某镇收到和处理政府信息公开申请情况'], '某某镇'],
    ['another unit with the year', ['附件1 表2 某县财政局2023年度政府信息公开申请情况统计表'], '某县财政局'],
    ['the name on a line of its own', ['附件2', '某县教育局', '政府信息公开申请情况统计表'], '某县教育局'],
    ['the government’s office', ['附件：某县人民政府办公室政府信息公开申请情况统计表'], '某县人民政府办公室'],
    ['a 填报单位 line', ['附件：政府信息公开申请情况统计表', '填报单位：某县卫生健康委员会'], '某县卫生健康委员会'],
  ])('a county government’s appendix holding %s’s table is not read as its own', (_, title, name) => {
    const p = read(unitReport('某县人民政府', [...title, ...REQUESTS]));
    unread(p, name);
    expect(p.diagnostics.find((d) => d.message.includes(`“${name}”`))?.message).toMatch(/不能证明属于本报告，未读取/);
  });

  it('a table of another unit beside the report’s own in the body: the own one read, no conflict', () => {
    const other = requests([0, [11, 1, 0, 0, 0, 1, 13]]);
    const p = read(unitReport('某县人民政府', ['附件：县教育局政府信息公开申请情况统计表', ...other], REQUESTS));
    expectAllRead(p);
    expect(p.diagnostics.filter((d) => d.code === 'W_CELLS_AMBIGUOUS')).toEqual([]);
  });

  it('the own table and another unit’s in the appendix: the own one read', () => {
    const other = requests([0, [11, 1, 0, 0, 0, 1, 13]]);
    const p = read(
      unitReport('某县人民政府', [
        '附件1：某县人民政府2023年政府信息公开申请情况统计表',
        ...REQUESTS,
        '附件2：某县教育局2023年政府信息公开申请情况统计表',
        ...other,
      ]),
    );
    expectAllRead(p);
    expect(p.diagnostics.filter((d) => d.code === 'W_CELLS_AMBIGUOUS')).toEqual([]);
  });

  it.each([
    ['某县人民政府', '附件1：某县人民政府2023年政府信息公开情况统计表'],
    ['某县人民政府', '附件1：某县2023年度政府信息公开申请情况统计表'],
    ['某县人民政府', '附件：某县政府政府信息公开申请情况统计表'],
    ['某县人民政府', '附件：本县政府信息公开申请情况统计表'],
    ['无锡市滨湖区教育局', '附件1：滨湖区教育局2023年政府信息公开情况统计表'],
    ['无锡市滨湖区教育局', '附件1：江苏省无锡市滨湖区教育局政府信息公开申请情况统计表'],
    ['无锡市滨湖区教育局', '附件：区教育局政府信息公开申请情况统计表'],
    ['无锡市滨湖区教育局', '附件：我局政府信息公开申请情况统计表'],
    ['无锡市滨湖区教育局', '附件：本机关收到和处理政府信息公开申请情况'],
    ['新华街道办事处', '附件：新华街道政府信息公开申请情况统计表'],
    ['新华街道办事处', '附件：2023年度政府信息公开工作年度报告统计表'],
    ['新华街道办事处', '附件'],
  ])('the report’s own name in the title (%s: %s) is read', (agency, title) => {
    const p = read(unitReport(agency, [title, ...REQUESTS]));
    expectAllRead(p);
    expect(codes(p).filter((c) => c !== 'W_REGION_AMBIGUOUS')).toEqual([]);
  });

  it.each([
    ['附件2：县教育局政府信息公开申请情况统计表', '县教育局'],
    ['附件1 表2 某县财政局2023年度政府信息公开申请情况统计表', '某县财政局'],
    ['2023年某县教育局政府信息公开情况统计表', '某县教育局'],
    ['附件：某县人民政府信息公开申请情况统计表', '某县人民政府'],
    ['表1 主动公开政府信息情况（单位：元）', ''],
    ['附件：2023年度政府信息公开工作年度报告统计表', ''],
    ['二、主动公开政府信息情况', ''],
    ['附件1', ''],
  ])('the issuer a title names: %s → %s', (title, name) => expect(titleIssuer(title)).toBe(name));

  it.each([
    ['某县', ['某县人民政府'], true],
    ['县政府', ['某县人民政府'], true],
    ['区教育局', ['无锡市滨湖区教育局'], true],
    ['江苏省无锡市滨湖区教育局', ['无锡市滨湖区教育局'], true],
    ['新华街道', ['新华街道办事处'], true],
    ['我局', [], true],
    ['县教育局', ['某县人民政府'], false],
    ['某县人民政府办公室', ['某县人民政府'], false],
    ['某某镇', ['某县人民政府'], false],
    ['某市', ['某市某区人民政府'], false],
    ['市教育局', ['无锡市滨湖区教育局'], false],
  ])('%s is the report’s own name (%j): %s', (name, own, want) => expect(isOwnName(name, own)).toBe(want));

  it('names no unit in a row label or a wrapped header', () => {
    expect(otherIssuer(['附件'], ['（七）合计', '法人或其他', '组织', '（单位：件）'], ['某县人民政府'])).toBeNull();
    expect(otherIssuer(['附件'], ['（各乡镇汇总）'], ['某县人民政府'])).toBe('各乡镇');
    // No agency known: a name is not proven the report's.
    expect(otherIssuer(['附件：某县2023年度政府信息公开情况统计表'], [], [])).toBe('某县');
  });

  it('a piece of a label broken over lines after a table’s rows names no unit (…本机关不掌 / 握相关政府)', () => {
    // The spaces style's wrapped labels: 握相关政府 ends as a government's name does.
    const broken = [...REQUESTS.slice(0, 16), '握相关政府', ...REQUESTS.slice(16), '握相关政府'];
    const p = read(
      report(
        ACTIVE,
        ['详见附件。'],
        ['详见附件。'],
        ['附件', ...broken, '表3 行政复议、行政诉讼情况统计表', ...REVIEW],
      ),
    );
    expect(rowOf(p.cells, 'review', 'suit_after_review')).toBe('0 0 0 2 2');
    expect(p.diagnostics.filter((d) => d.message.includes('握相关政府'))).toEqual([]);
  });

  it('a signature after the last table names no other unit', () => {
    const p = read(unitReport('某县人民政府', ['附件', ...REQUESTS, '某县人民政府办公室', '2024年1月20日']));
    expectAllRead(p);
  });
});

describe('whose an appendix table is: proven the report’s, or unread', () => {
  /** A report of `agency` (its title names it), `s2`–`s4` in its sections, the appendix `tail`. */
  const agencyReport = (agency: string, s2: string[], s3: string[], s4: string[], tail: string[]) =>
    report(s2, s3, s4, tail).replace('测试附件局', agency);
  const notRead = (p: ReturnType<typeof read>, table: string, name: string) => {
    expect(p.cells.filter((c) => c.table_id === table && c.value !== null)).toEqual([]);
    expect(
      p.diagnostics.some((d) => d.code === 'W_TABLE_MISSING' && d.message.includes(`“${name}”`)),
      JSON.stringify(p.diagnostics),
    ).toBe(true);
  };
  const other = requests([0, [11, 1, 0, 0, 0, 1, 13]]);
  const otherReview = [
    '行政复议 | 行政诉讼 |',
    ...REVIEW.slice(1, 3),
    '1 | 2 | 3 | 4 | 10 | 0 | 1 | 0 | 1 | 2 | 2 | 0 | 0 | 0 | 2 |',
  ];

  it.each([
    ['the title on the next line', ['附件：', '测试市乙中心2023年政府信息公开工作年度报告统计表']],
    ['附件 with no colon', ['附件', '测试市乙中心政府信息公开情况统计表']],
    ['the name alone on the next line', ['附件：', '测试市乙中心']],
    ['the title on the 附件 line', ['附件：测试市乙中心2023年政府信息公开工作年度报告统计表']],
  ])('another unit named at the head of its part (%s): none of its tables is read', (_, head) => {
    // 三 and 四 are images in the body: the appendix's 三 and 四 under their section headings were
    // read as the report's when the name stood on the line after 附件：.
    const p = read(
      agencyReport(
        '测试市甲局',
        ACTIVE,
        ['（图片）'],
        ['（图片）'],
        [
          '测试市甲局',
          '2024年1月20日',
          ...head,
          '二、主动公开政府信息情况',
          ...ACTIVE,
          '三、收到和处理政府信息公开申请情况',
          ...other,
          '四、政府信息公开行政复议、行政诉讼情况',
          ...otherReview,
        ],
      ),
    );
    notRead(p, 'requests', '测试市乙中心');
    notRead(p, 'review', '测试市乙中心');
    // The report's own 二 is read, no disagreeing copy.
    expect(rowOf(p.cells, 'active', 'rules')).toBe('2 1 17');
    expect(p.diagnostics.filter((d) => d.code === 'W_CELLS_AMBIGUOUS')).toEqual([]);
  });

  it('a title naming the report’s own agency after another unit’s part heads its own tables', () => {
    const p = read(
      agencyReport(
        '测试市甲局',
        ['详见附件。'],
        ['详见附件。'],
        ['详见附件。'],
        [
          '附件：',
          '测试市乙中心2023年政府信息公开工作年度报告统计表',
          '三、收到和处理政府信息公开申请情况',
          ...other,
          '测试市甲局2023年政府信息公开工作年度报告统计表',
          '二、主动公开政府信息情况',
          ...ACTIVE,
          '三、收到和处理政府信息公开申请情况',
          ...REQUESTS,
          '四、政府信息公开行政复议、行政诉讼情况',
          ...REVIEW,
        ],
      ),
    );
    expectAllRead(p);
  });

  it.each([
    '测试市环境卫生管理处',
    '测试市住房公积金管理处',
    '测试市档案馆',
    '测试市图书馆',
    '测试市第一中学',
    '测试市实验学校',
    '测试市供水公司',
    '测试市人民医院',
    '测试市农业科学研究院',
    '测试市某某',
  ])('another unit’s name, whatever its ending (%s), leaves its table unread', (name) => {
    for (const head of [[`附件：${name}2023年政府信息公开工作年度报告统计表`], ['附件：', name]]) {
      const p = read(agencyReport('测试市甲局', ACTIVE, ['（图片）'], REVIEW, [...head, ...REQUESTS]));
      notRead(p, 'requests', name);
      expect(rowOf(p.cells, 'active', 'rules')).toBe('2 1 17');
    }
  });

  it('no agency known: any name leaves the table unread', () => {
    const text = report(ACTIVE, ['详见附件。'], REVIEW, [
      '附件：测试市档案馆2023年政府信息公开工作年度报告统计表',
      ...REQUESTS,
    ]).replace('测试附件局2023年', '2023年');
    const p = read(text);
    notRead(p, 'requests', '测试市档案馆');
    expect(p.diagnostics.find((d) => d.message.includes('“测试市档案馆”'))?.message).toMatch(/发布机关未能确定/);
  });

  it.each([
    [['附件：政府信息公开情况统计表']],
    [['附件1：2023年政府信息公开工作年度报告数据表']],
    [['附件 表2 收到和处理政府信息公开申请情况']],
    [['附件', '三、收到和处理政府信息公开申请情况']],
    [['附件：', '政府信息公开工作年度报告统计表']],
    [['附件：某县教育局2023年政府信息公开工作年度报告统计表']],
    [['附件：', '某县教育局2023年政府信息公开工作年度报告统计表']],
    [['附件：', '某县教育局']],
    [['附件：本年度政府信息公开申请情况统计表']],
    [['附件：全年政府信息公开申请情况统计表']],
    [['附件：有关数据']],
    [['附件：相关统计数据']],
    [['附件：年度统计表']],
    [['附件：年报数据']],
    [['附件：', '1.政府信息公开申请情况统计表']],
    [['附件：', '（单位：件）']],
    [['附件', '数据表']],
  ])('the report’s own appendix (%j) is read', (head) => {
    const p = read(agencyReport('某县教育局', ACTIVE, ['详见附件。'], REVIEW, [...head, ...REQUESTS]));
    expectAllRead(p);
    expect(codes(p).filter((c) => c !== 'W_REGION_AMBIGUOUS')).toEqual([]);
  });

  it('the report’s own tables, all three under one title naming its agency on the line after 附件：', () => {
    const p = read(
      agencyReport(
        '某县教育局',
        ['详见附件。'],
        ['详见附件。'],
        ['详见附件。'],
        [
          '附件：',
          '某县教育局2023年政府信息公开工作年度报告统计表',
          '二、主动公开政府信息情况',
          ...ACTIVE,
          '三、收到和处理政府信息公开申请情况',
          ...REQUESTS,
          '四、政府信息公开行政复议、行政诉讼情况',
          ...REVIEW,
        ],
      ),
    );
    expectAllRead(p);
  });

  it.each([
    ['附件：测试市环境卫生管理处2023年政府信息公开工作年度报告统计表', '测试市环境卫生管理处'],
    ['测试市第一中学政府信息公开情况统计表', '测试市第一中学'],
    ['附件：本年度政府信息公开情况统计表', ''],
    ['附件：有关数据', ''],
    ['附件：全年政府信息公开申请情况统计表', ''],
    ['附件：相关统计数据', ''],
    ['附件：年度统计表', ''],
  ])('the issuer a title names, whatever its ending: %s → %s', (title, name) => expect(titleIssuer(title)).toBe(name));
});

describe('a signature before the appendix', () => {
  const dated = (tail: string[]) => read(report(ACTIVE, ['详见附件表1。'], REVIEW, tail));

  it.each([
    ['tables', ['测试附件局', '2024年1月20日', '附件', '表1 收到和处理政府信息公开申请情况', ...REQUESTS]],
    ['a date in Chinese numerals', ['测试附件局', '二〇二四年一月二十日', '附件：', ...REQUESTS]],
    [
      'a date at the end of the appendix’s own text',
      ['测试附件局', '2024年1月20日', '附件', ...REQUESTS, '关于印发政务公开工作要点的通知', '2024年3月1日'],
    ],
  ])('the signature’s date is the publication date, before %s', (_, tail) => {
    const p = dated(tail);
    expect(p.report.published_on).toBe('2024-01-20');
    expect(p.report.published_on_basis).toBe('signature');
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('10 1 0 0 0 1 12');
  });

  it('the signature’s name before the appendix names the agency a title without one leaves out', () => {
    const text = report(ACTIVE, ['详见附件表1。'], REVIEW, [
      '测试附件局',
      '2024年1月20日',
      '附件',
      '表1 收到和处理政府信息公开申请情况',
      ...REQUESTS,
    ]).replace('测试附件局2023年', '2023年');
    expect(read(text).report.agency).toBe('测试附件局');
  });

  it('a date within the text before the appendix that is no signature is not read', () => {
    const p = dated(['本机关于2023年1月20日召开会议。', '附件', ...REQUESTS]);
    expect(p.report.published_on).toBeNull();
  });
});

describe('tables after 四’s text, before 五', () => {
  it.each([
    [
      '二 and 三, 四 in its section',
      ['详见表1。'],
      ['详见表2。'],
      [...REVIEW, '表1 主动公开政府信息情况', ...ACTIVE, '表2 收到和处理政府信息公开申请情况', ...REQUESTS],
    ],
    [
      'all three, after 四’s words',
      ['详见附表1。'],
      ['详见附表2。'],
      [
        '本年度情况见下表。',
        '附表1：主动公开政府信息情况统计表',
        ...ACTIVE,
        '附表2：政府信息公开申请情况统计表',
        ...REQUESTS,
        '附表3：行政复议、行政诉讼情况统计表',
        ...REVIEW,
      ],
    ],
  ])('reads %s', (_, s2, s3, s4) => {
    const p = read(report(s2, s3, s4, []));
    expectAllRead(p);
    expect(codes(p)).toEqual([]);
  });

  it('does not read 二’s table there as 四’s, and leaves one that is not proven unread', () => {
    // Titled with another unit's name: not the report's; untitled: no title opens the run.
    const titled = read(
      report(
        ['详见表1。'],
        REQUESTS,
        ['本年度无行政复议、行政诉讼。', '表1 某县财政局主动公开政府信息情况', ...ACTIVE],
        [],
      ),
    );
    expect(titled.cells.filter((c) => c.table_id !== 'requests' && c.value !== null)).toEqual([]);
    expect(titled.diagnostics.some((d) => d.message.startsWith('第四部分文字之后的表格（表1 某县财政局'))).toBe(true);
    const untitled = read(report(['详见下表。'], REQUESTS, ['本年度无行政复议、行政诉讼。', ...ACTIVE], []));
    expect(untitled.cells.filter((c) => c.table_id !== 'requests' && c.value !== null)).toEqual([]);
  });

  it('a table of 四’s own titled there is read in 四 as before', () => {
    const p = read(report(ACTIVE, REQUESTS, ['表3 政府信息公开行政复议、行政诉讼情况', ...REVIEW], []));
    expectAllRead(p);
    expect(codes(p)).toEqual([]);
  });
});
