import { describe, expect, it } from 'vitest';
import { runInMemory, type SourceFile } from '../src/lib/ingest/run.ts';
import { buildReport } from './fixtures/build.ts';
import { gaz, sha } from './helpers.ts';

const file = (path: string, content: string | Uint8Array, size?: number): SourceFile => {
  const bytes = typeof content === 'string' ? new TextEncoder().encode(content) : content;
  return { path, size: size ?? bytes.length, read: () => bytes, sha256: sha };
};
const run = (files: SourceFile[]) =>
  runInMemory(files, { rawDir: 'raw', maxBytes: 20 * 1024 * 1024, gazetteer: gaz(), maxYear: 2026 });
const entry = (d: ReturnType<typeof run>, path: string) => d.manifest.files.find((f) => f.path === path)!;

describe('bad input: every file is accounted for and the run goes on', () => {
  const good = buildReport();
  const data = run([
    file('b/empty.txt', ''),
    file('b/binary.txt', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3])),
    file('b/not-a-report.txt', '今天天气很好，我们去公园散步。\n第二行。\n'),
    file('b/cut.txt', buildReport({ cutRequestsAfterRow: 'withheld_internal' })),
    file('b/huge.txt', 'x', 50 * 1024 * 1024),
    file(
      'b/script.html',
      `<html><body><p>&lt;script&gt;alert(1)&lt;/script&gt;</p>${buildReport({ style: 'html' }).replace('<body>', '<body><p>正文里有 &lt;script&gt;alert("x")&lt;/script&gt; 字样</p>')}</body></html>`,
    ),
    file('b/名字 with spaces 报告.txt', good),
    file(
      'b/damaged.txt',
      new Uint8Array([...new TextEncoder().encode(good.replace('测试局', '测试二局')), 0xff, 0xfe, 0x0a]),
    ),
    file('b/report.pdf', '%PDF-1.4'),
    file('a/original.txt', good),
    file('c/copy.txt', good),
  ]);

  it('lists every file once, in sorted order', () => {
    expect(data.manifest.files.map((f) => f.path)).toEqual([
      'a/original.txt',
      'b/binary.txt',
      'b/cut.txt',
      'b/damaged.txt',
      'b/empty.txt',
      'b/huge.txt',
      'b/not-a-report.txt',
      'b/report.pdf',
      'b/script.html',
      'b/名字 with spaces 报告.txt',
      'c/copy.txt',
    ]);
    expect(data.manifest.counts.files).toBe(11);
  });

  it('rejects with a reason in Chinese and a stable code', () => {
    expect(entry(data, 'b/empty.txt')).toMatchObject({
      outcome: 'rejected',
      reason: '空文件（没有文字）',
      reason_code: 'E_EMPTY',
    });
    expect(entry(data, 'b/binary.txt')).toMatchObject({
      outcome: 'rejected',
      reason: '二进制文件，不是文字',
      reason_code: 'E_BINARY',
    });
    expect(entry(data, 'b/not-a-report.txt')).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringContaining('不是政府信息公开工作年度报告') as unknown,
      reason_code: 'E_NOT_A_REPORT',
    });
    expect(entry(data, 'b/huge.txt')).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringContaining('50.0 MiB') as unknown,
      reason_code: 'E_TOO_LARGE',
    });
    expect(entry(data, 'b/report.pdf')).toMatchObject({
      outcome: 'rejected',
      reason: expect.stringContaining('PDF 文件已损坏') as unknown,
      reason_code: 'E_DOCUMENT_BROKEN',
    });
    // Every reason a reader sees is Chinese: no English words in any manifest reason.
    for (const f of data.manifest.files)
      if (f.reason) expect(f.reason, f.path).not.toMatch(/\b(?:the|file|not|is|to|of)\b/);
    for (const p of ['b/empty.txt', 'b/binary.txt', 'b/not-a-report.txt', 'b/huge.txt', 'b/report.pdf']) {
      expect(entry(data, p).diagnostics[0]).toMatchObject({ code: expect.stringMatching(/^E_/) as unknown, file: p });
    }
  });

  it('a report cut off mid-table is partial, with the rows it has', () => {
    const e = entry(data, 'b/cut.txt');
    expect(e.outcome).toBe('partial');
    expect(e.diagnostics.some((d) => d.code === 'W_ROW_MISSING')).toBe(true);
    const r = data.reports.find((r) => r.source_file === 'b/cut.txt')!;
    expect(r.status).toBe('partial');
    expect(data.cells.filter((c) => c.report_id === r.report_id && c.table_id === 'requests').length).toBe(9 * 7);
  });

  it('text containing <script> is stored as text', () => {
    const r = data.reports.find((r) => r.source_file === 'b/script.html')!;
    expect(r.status).toBe('complete');
    const s = data.sections
      .filter((s) => s.report_id === r.report_id)
      .map((s) => s.text)
      .join('\n');
    expect(s).toContain('<script>alert("x")</script>');
  });

  it('file names with spaces and Chinese characters are kept as they are', () => {
    expect(entry(data, 'b/名字 with spaces 报告.txt').outcome).toBe('duplicate');
    expect(data.reports.some((r) => r.source_file === 'a/original.txt')).toBe(true);
  });

  it('unreadable bytes in a good file: kept, reported with the line', () => {
    const e = entry(data, 'b/damaged.txt');
    expect(e.outcome).toBe('ok');
    expect(e.diagnostics.find((d) => d.code === 'W_UNREADABLE_BYTES')?.line).toBeGreaterThan(1);
  });

  it('byte-identical files: the first in sorted order is kept, the others are duplicates', () => {
    expect(entry(data, 'c/copy.txt')).toMatchObject({ outcome: 'duplicate', duplicate_of: 'a/original.txt' });
    expect(data.reports.filter((r) => r.source_file === 'c/copy.txt')).toEqual([]);
  });

  it('two different files for the same agency and year are both kept and flagged', () => {
    // An agency whose place is known (淮安市): a name alone is no agency (canonical.test.ts).
    const title = '淮安市测试局2020年政府信息公开工作年度报告';
    // Two reports, not copies: a number differs (every cell the same would make them copies, canonical.test.ts).
    const twin = run([
      file('x/one.txt', buildReport({ title })),
      file('x/two.txt', buildReport({ title, requests: { granted: ['1', '0', '0', '0', '0', '0', '1'] } })),
    ]);
    expect(twin.reports.length).toBe(2);
    expect(twin.manifest.files.map((f) => f.same_agency_year)).toEqual([['x/two.txt'], ['x/one.txt']]);
  });

  it('cross-year checks are added to the later report', () => {
    const y1 = buildReport({
      title: '淮安市测试局2020年政府信息公开工作年度报告',
      requests: {
        new_received: ['1', '0', '0', '0', '0', '0', '1'],
        carried_forward: ['1', '0', '0', '0', '0', '0', '1'],
      },
    });
    // Published after its year: a 2021 report dated 2021-01-20 (the fixture's default) has no sure year.
    const y2 = buildReport({ title: '淮安市测试局2021年政府信息公开工作年度报告', head: ['发布时间：2022-01-20'] });
    const d = run([file('2020.txt', y1), file('2021.txt', y2)]);
    const later = d.reports.find((r) => r.year === 2021)!;
    const c = d.checks.find(
      (c) => c.report_id === later.report_id && c.check_id === 'cross_year.carryover.natural_person',
    );
    expect(c).toMatchObject({ status: 'fail', expected: 0, actual: 1 });
    expect(later.checks_failed).toBeGreaterThan(0);
  });

  it('two different reports of a year are each checked against the year before’s; against two, none is made', () => {
    const y1 = (granted: string) =>
      buildReport({
        title: '淮安市测试局2020年政府信息公开工作年度报告',
        requests: {
          new_received: ['1', '0', '0', '0', '0', '0', '1'],
          granted: [granted, '0', '0', '0', '0', '0', granted],
          carried_forward: ['1', '0', '0', '0', '0', '0', '1'],
        },
      });
    const y2 = (granted: string) =>
      buildReport({
        title: '淮安市测试局2021年政府信息公开工作年度报告',
        head: ['发布时间：2022-01-20'],
        requests: { granted: [granted, '0', '0', '0', '0', '0', granted] },
      });
    const cross = (d: ReturnType<typeof run>, year: number) =>
      d.reports
        .filter((r) => r.year === year)
        .map((r) =>
          d.checks
            .filter((c) => c.report_id === r.report_id && c.check_id.startsWith('cross_year.carryover'))
            .map((c) => c.status),
        );
    // A corrected copy of 2021 (a fresh tester's t54): the checks of each were dropped.
    const two = run([file('2020.txt', y1('1')), file('2021.txt', y2('0')), file('2021b.txt', y2('2'))]);
    expect(cross(two, 2021).map((s) => s.length)).toEqual([7, 7]);
    expect(cross(two, 2021).flat()).toContain('fail');
    // Two different reports of 2020: which one to check 2021 against is not known.
    const before = run([file('2020.txt', y1('1')), file('2020b.txt', y1('2')), file('2021.txt', y2('0'))]);
    const statuses = cross(before, 2021);
    expect(statuses[0]!.length).toBe(7);
    expect(new Set(statuses[0])).toEqual(new Set(['not_assessable']));
    expect(before.reports.find((r) => r.year === 2021)!.checks_not_assessable).toBeGreaterThanOrEqual(7);
  });
});

describe('a text-only report whose reason is a table outside the sections found', () => {
  it('reads tables under headings no rule knows by their own headers (segment/unheaded.ts)', () => {
    const text = buildReport()
      .replace('二、主动公开政府信息情况', '乙 主动公开')
      .replace('三、收到和处理政府信息公开申请情况', '丙 依申请')
      .replace('四、政府信息公开行政复议、行政诉讼情况', '丁 复议诉讼');
    const e = entry(run([file('odd.txt', text)]), 'odd.txt');
    expect(e.outcome).toBe('ok');
  });

  it('says the table is there but its section was not recognised, not that it is missing or an image', () => {
    // Headings 二–四 numbered in a way no rule knows, and no header words that name the tables
    // (第二十条, 信息内容, 勾稽关系, 申请人情况, 结果维持): the tables stand under section 一.
    const text = buildReport()
      .replace('二、主动公开政府信息情况', '乙 主动公开')
      .replace('三、收到和处理政府信息公开申请情况', '丙 依申请')
      .replace('四、政府信息公开行政复议、行政诉讼情况', '丁 复议诉讼')
      .replace(/第二十条第（一）项/g, '')
      .replace(/信息内容/g, '内容')
      .replace(/本列数据的勾稽关系为/g, '本列')
      .replace(/申请人情况/g, '申请人')
      .replace(/结果维持/g, '维持');
    const d = run([file('odd.txt', text)]);
    const e = entry(d, 'odd.txt');
    expect(e.outcome).toBe('text_only');
    expect(e.reason).toContain('有表格，但不在识别出的第二、三、四部分之下');
    expect(e.reason).not.toContain('图片');
    const table = text.split('\n').findIndex((l) => l.includes('本年新制作数量')) + 1;
    expect(e.diagnostics.find((x) => x.code === 'W_TABLE_MISSING')?.line).toBe(table);
  });

  it('a report with no table (its numbers only in prose) keeps "missing or an image"', () => {
    const text = buildReport({ omitTables: true }).replace('无。', '本年新收政府信息公开申请12件，上年结转3件。');
    const e = entry(run([file('img.txt', text)]), 'img.txt');
    expect(e.outcome).toBe('text_only');
    expect(e.reason).toBe('没有读到任何表格（表格缺失或以图片发布）');
  });
});

describe('two reports saved in one file', () => {
  const first = buildReport();
  const second = buildReport({
    title: '测试市测试局2021年政府信息公开工作年度报告',
    head: ['发布时间：2022-01-20'],
  }).replace(/2020年，/g, '2021年，');
  const data = run([
    file('two.txt', `${first}\n${second}`),
    file('later-first.txt', `${second}\n${first}`),
    file('twice.txt', `${first}\n${first}`),
  ]);

  it('one is read, and the entry says another report was not read (not a repeat)', () => {
    const e = entry(data, 'two.txt');
    expect(e.report_id).not.toBeNull();
    expect(e.reason).toContain('另一份报告');
    expect(e.reason_code).toBe('W_SECOND_REPORT');
    expect(e.diagnostics.map((d) => d.code)).toContain('W_SECOND_REPORT');
    expect(e.diagnostics.map((d) => d.code)).not.toContain('W_DUPLICATE_TEXT');
  });

  it('the report row says where the report not read starts (second_report_line); a repeat of the same text is none', () => {
    // Each report dated for its own year: the first is read (segment/reports.ts), whichever it is.
    for (const [name, head, year] of [
      ['two.txt', first, 2020],
      ['later-first.txt', second, 2021],
    ] as const) {
      const e = entry(data, name);
      const row = data.reports.find((r) => r.report_id === e.report_id)!;
      expect(row.year).toBe(year);
      const line = e.diagnostics.find((d) => d.code === 'W_SECOND_REPORT')?.line;
      // The second report's lines, not the first's (its title or its 一、, as the segmenter finds it).
      expect(line).toBeGreaterThan(head.split('\n').length);
      expect(row.second_report_line).toBe(line);
    }
    const twice = entry(data, 'twice.txt');
    expect(data.reports.find((r) => r.report_id === twice.report_id)?.second_report_line).toBeNull();
  });

  it('a report whose year is NULL says so in its entry, in Chinese', () => {
    const d = run([
      file(
        'noyear.txt',
        buildReport({
          title: '测试市测试局2020年政府信息公开工作年度报告\n测试市测试局2021年政府信息公开工作年度报告',
          head: [],
        }).replace(/2020年，/g, '本年度，'),
      ),
    ]);
    const e = entry(d, 'noyear.txt');
    expect(d.reports[0]!.year).toBeNull();
    expect(e.outcome).toBe('ok');
    expect(e.reason_code).toBe('W_NO_YEAR');
    expect(e.reason).toMatch(/^报告所属年度无法确定（标题写2020年，标题写2021年/);
  });

  it('a report whose agency name was chosen against its title says so in its entry, in Chinese', () => {
    // The year in the title garbled past reading (锟斤拷: mojibake): the name is the issuer's.
    const d = run([
      file(
        'garbled.txt',
        buildReport({
          title: '测试市测试局锟斤拷年政府信息公开工作年度报告',
          head: ['发布机构：测试市测试局', '发布时间：2021-01-20'],
        }),
      ),
    ]);
    const e = entry(d, 'garbled.txt');
    expect(d.reports[0]).toMatchObject({ agency: '测试市测试局', title_agency: '测试市测试局锟斤拷', year: 2020 });
    expect(e.outcome).toBe('ok');
    expect(e.reason_code).toBe('W_AGENCY_DISPUTED');
    expect(e.reason).toBe(
      '机关名称记为“测试市测试局”（发布机构、落款所写，或标题中乱码之前的名称），但标题写作“测试市测试局锟斤拷”：标题在名称之后另有无法识别的文字（如乱码的年份），哪个名称正确请核对原文',
    );
  });

  it('the same text twice is a repeat, with no reason', () => {
    const e = entry(data, 'twice.txt');
    expect(e.diagnostics.map((d) => d.code)).toContain('W_DUPLICATE_TEXT');
    expect(e.reason_code).toBeNull();
  });
});

describe('a stray NUL byte in a good text report', () => {
  it('is read whole, the NUL dropped, with W_CONTROL_BYTES on its line (not E_BINARY)', () => {
    const good = buildReport();
    const at = good.indexOf('\n', good.indexOf('一、总体情况')) + 3;
    const bytes = new TextEncoder().encode(`${good.slice(0, at)}\u0000${good.slice(at)}`);
    const data = run([file('a/clean.txt', good.replace('测试局', '测试二局')), file('b/nul.txt', bytes)]);
    const e = entry(data, 'b/nul.txt');
    expect(e.outcome).toBe('ok');
    const line = good.slice(0, at).split('\n').length;
    expect(e.diagnostics.filter((d) => d.code === 'W_CONTROL_BYTES').map((d) => d.line)).toEqual([line]);
    const [clean, nul] = ['a/clean.txt', 'b/nul.txt'].map((p) => data.reports.find((r) => r.source_file === p)!);
    expect(nul!.agency).toBe(clean!.agency!.replace('测试二局', '测试局'));
    const values = (id: string) =>
      data.cells
        .filter((c) => c.report_id === id)
        .map((c) => `${c.table_id}.${c.row_key}.${c.col_key}=${c.value}`)
        .sort();
    expect(values(nul!.report_id)).toEqual(values(clean!.report_id));
    expect(values(nul!.report_id).length).toBeGreaterThan(50);
  });
});

describe('copies of a file rejected under its name', () => {
  const good = buildReport();
  const data = run([
    file('e/empty.docx', ''),
    file('e/empty.pdf', ''),
    file('e/empty.txt', ''),
    // A text report saved as .docx (a broken Word file), then the same bytes as .txt and .md.
    file('r/a.docx', good),
    file('r/b.txt', good),
    file('r/c.md', good),
  ]);

  it('an empty file is empty whatever its name (a fresh tester: three empty files said a broken Word file)', () => {
    for (const p of ['e/empty.docx', 'e/empty.pdf', 'e/empty.txt'])
      expect(entry(data, p)).toMatchObject({ outcome: 'rejected', reason_code: 'E_EMPTY' });
    expect(entry(data, 'e/empty.txt')).toMatchObject({
      reason: '空文件（没有文字）（与 e/empty.docx 字节完全相同）',
      duplicate_of: 'e/empty.docx',
    });
  });

  it('a copy that reads under its own name is a report, the copies after it its duplicates, not rejected with the first', () => {
    expect(entry(data, 'r/a.docx').outcome).toBe('rejected');
    expect(entry(data, 'r/b.txt')).toMatchObject({ outcome: 'ok', duplicate_of: null });
    expect(entry(data, 'r/c.md')).toMatchObject({ outcome: 'duplicate', duplicate_of: 'r/b.txt' });
    expect(data.reports).toHaveLength(1);
  });
});
