import { describe, expect, it } from 'vitest';
import { buildReport } from './fixtures/build.ts';
import { gaz, inMemory, ok, parseText } from './helpers.ts';
import { runInMemory } from '../src/lib/ingest/run.ts';
import { reportPage } from '../src/lib/site/report-page.ts';
import { statusLabel } from '../src/lib/site/present.ts';

const OLD = `测试市测试局2017年政府信息公开工作年度报告
一、概述
2017年，本局认真贯彻落实《中华人民共和国政府信息公开条例》。
二、主动公开政府信息情况
全年主动公开政府信息1234条。
三、依申请公开政府信息情况
全年共受理政府信息公开申请25件。
附件：政府信息公开情况统计表
指标名称 | 计量单位 | 统计数 |
（一）主动公开政府信息数 | 条 | 1234 |
（三）申请答复数 | 件 | 25 |
3．同意部分公开答复数 | 件 | 2 |
其中：涉及国家秘密 | 件 | 1 |
四、行政复议数量 | 件 | 2 |
（一）维持具体行政行为数 | 件 | 1 |
`;

describe('pre-2019 reports with the old statistics table', () => {
  it('are text only: no cell of the new template is invented from the old table', () => {
    const p = ok(parseText(OLD));
    expect(p.report.status).toBe('text_only');
    expect(p.report.era).toBe('pre2019');
    expect(p.cells).toEqual([]);
    expect(p.diagnostics.some((d) => d.code === 'W_TABLE_MISSING' && /pre-2019 form/.test(d.message))).toBe(true);
  });

  it('also when the year is not stated and the header is split over two lines', () => {
    const p = ok(
      parseText(
        OLD.replace('2017年', '').replace('2017年，', '').replace('指标名称 | 计量单位', '指标名称 |\n计量单位'),
      ),
    );
    expect(p.report.status).toBe('text_only');
    expect(p.cells).toEqual([]);
  });

  it('are labelled truthfully: the old template, its table not parsed — never a missing table', () => {
    const bytes = new TextEncoder().encode(OLD);
    const d = runInMemory(inMemory([{ path: 'old.txt', bytes }]), {
      rawDir: 'raw',
      maxBytes: 1 << 20,
      gazetteer: gaz(),
      maxYear: 2026,
    });
    const [r] = d.reports;
    expect(r).toMatchObject({ status: 'text_only', era: 'pre2019' });
    expect(d.manifest.files[0]).toMatchObject({
      outcome: 'text_only',
      reason_code: 'TEXT_ONLY',
      reason: '旧版模板（2019 年前），不解析表格：旧版统计表的数字没有新版模板的行和列可归，只收录文字',
    });
    expect(statusLabel(r!)).toBe('旧版模板（2019 年前），不解析表格');
    const page = reportPage({
      report: r!,
      cells: [],
      checks: [],
      summary: new Map(d.summary.map((s) => [s.report_id, s])),
      agencyReports: [r!],
    });
    expect(page.statusLine).toBe('旧版模板（2019 年前），不解析表格；无表格可核对');
    expect(page.statusLine).not.toContain('缺失');
    expect(new Set(page.headlines.map((h) => h.why))).toEqual(new Set(['旧版模板的表格不解析']));
    // A text-only report of the new template still says its table is missing or an image.
    expect(statusLabel({ status: 'text_only', era: '2021' })).toBe('仅文字（表格缺失或为图片）');
  });

  it('a new-template report that mentions the old table by name is still read', () => {
    const text = buildReport({ style: 'pipes' }).replace(
      '主动公开各类信息。',
      '主动公开各类信息，不再附政府信息公开情况统计表。',
    );
    const p = ok(parseText(text));
    expect(p.report.status).toBe('complete');
  });
});
