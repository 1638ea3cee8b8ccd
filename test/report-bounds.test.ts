import { describe, expect, it } from 'vitest';
import { textToLines } from '../src/lib/decode/lines.ts';
import { closesReport, dumpedPartAt, endedAppendixAt, nextReportAt } from '../src/lib/segment/bounds.ts';

const at = (f: (l: ReturnType<typeof textToLines>) => number | null, text: string) => f(textToLines(text));

/** A report's body: two sections, each with its text. */
const body = [
  '第一部分 总体情况',
  '本年度，本机关认真贯彻落实条例。',
  '第二部分 主动公开政府信息情况',
  '本年度主动公开信息12条。',
];
/** Another report's start below its title: an intro, 一 and 二. */
const start = ['根据条例要求，现将报告如下。', '一、总体情况', '本年度认真贯彻落实条例。', '二、主动公开政府信息情况'];

describe('nextReportAt: another report’s title ends the first', () => {
  const first = ['2023年某某局政府信息公开工作年度报告', ...body];
  const n = first.length;
  it('cuts at last year’s title with its own 一 and 二 below it, whatever the numbering', () => {
    expect(at(nextReportAt, [...first, '2022年某某局政府信息公开工作年度报告', ...start].join('\n'))).toBe(n);
    const parts = [...first, '某某局2022年政府信息公开工作年度报告', ...body];
    expect(at(nextReportAt, parts.join('\n'))).toBe(n);
    // Its year in Chinese numerals, or in a subtitle.
    expect(at(nextReportAt, [...first, '某某局二〇二二年政府信息公开工作年度报告', ...start].join('\n'))).toBe(n);
    const sub = [...first, '某某局政府信息公开工作年度报告', '（2022年度）', ...start];
    expect(at(nextReportAt, sub.join('\n'))).toBe(n);
  });
  it('cuts at another agency’s title of the same year: a township’s after the county’s, a bureau’s after the city’s', () => {
    expect(at(nextReportAt, [...first, '某某县测试分局2023年政府信息公开工作年度报告', ...start].join('\n'))).toBe(n);
    const county = ['某某县2023年政府信息公开工作年度报告', ...body, '某某县某某镇2023年政府信息公开工作年度报告'];
    expect(at(nextReportAt, [...county, ...start].join('\n'))).toBe(n);
    const city = ['某某市2023年政府信息公开工作年度报告', ...body, '某某市教育局2023年政府信息公开工作年度报告'];
    expect(at(nextReportAt, [...city, ...start].join('\n'))).toBe(n);
  });
  it('cuts after a yearless first title at a title with a year', () => {
    const text = ['某某局政府信息公开工作年度报告', ...body, '2022年某某局政府信息公开工作年度报告', ...start];
    expect(at(nextReportAt, text.join('\n'))).toBe(n);
  });
  it('cuts after the body when the first title was not seen (wrapped over lines)', () => {
    const wrapped = ['某某局', '2023年政府信息公开工作年', '度报告', ...body];
    expect(at(nextReportAt, [...wrapped, '2022年某某局政府信息公开工作年度报告', ...start].join('\n'))).toBe(7);
  });
  it('takes the agency of a title wrapped after it from the line above (a fresh tester’s t89 F2)', () => {
    const wrapped = ['某某县人民政府', '2023年政府信息公开工作年度报告', ...body];
    const other = [...wrapped, '某某县发展和改革局2023年政府信息公开工作年度报告', ...start];
    expect(at(nextReportAt, other.join('\n'))).toBe(6);
    // The same agency's title again (a running header): not another report.
    const again = [...wrapped, '某某县人民政府2023年政府信息公开工作年度报告', ...start];
    expect(at(nextReportAt, again.join('\n'))).toBeNull();
  });
  it('takes the last title before the body for the report’s own, not links to other years’ above it', () => {
    const links = [
      '相关文章：',
      '某某局2022年政府信息公开工作年度报告',
      '某某局2021年政府信息公开工作年度报告',
      '',
      '某某局2023年政府信息公开工作年度报告',
      ...body,
    ];
    expect(at(nextReportAt, [...links, '某某局2022年政府信息公开工作年度报告', ...start].join('\n'))).toBe(9);
  });
  it('does not cut at the same report’s title again, worded another way the same year, or abbreviated', () => {
    expect(at(nextReportAt, [...first, first[0], ...start].join('\n'))).toBeNull();
    expect(at(nextReportAt, [...first, '某某局2023年度政府信息公开工作年度报告', ...start].join('\n'))).toBeNull();
    const gov = ['某某县人民政府2023年政府信息公开工作年度报告', ...body, '某某县政府2023年政府信息公开工作年度报告'];
    expect(at(nextReportAt, [...gov, ...start].join('\n'))).toBeNull();
  });
  it('does not cut at a running header over a sub-item （一）总体情况 in a section', () => {
    const header = [
      ...first,
      '2022年某某局政府信息公开工作年度报告',
      '（一）总体情况',
      '本年度办理情况如下。',
      '规章 | 3 | 1 | 2',
    ];
    expect(at(nextReportAt, header.join('\n'))).toBeNull();
    // A title naming no agency (its first line wrapped above it) tells only by another year.
    const wrapped = [
      '某某县人民政府2023年度',
      '政府信息公开工作年度报告',
      ...body,
      '某某县人民政府2023年度政府信息公开工作年度报告',
    ];
    expect(at(nextReportAt, [...wrapped, ...start].join('\n'))).toBeNull();
  });
  it('does not cut without the other report’s 一 below, nor before the first report’s body', () => {
    const no1 = [
      ...first,
      '2022年某某局政府信息公开工作年度报告',
      '二、主动公开政府信息情况',
      '本年度主动公开信息3条。',
    ];
    expect(at(nextReportAt, no1.join('\n'))).toBeNull();
    // A cover, a contents page and a preface, then the title with its year (or abbreviated).
    const cover = [
      '某某局政府信息公开工作年度报告',
      '一、总体情况……1',
      '二、主动公开政府信息情况……2',
      '说明：本报告由办公室编制。',
    ];
    expect(at(nextReportAt, [...cover, '2023年某某局政府信息公开工作年度报告', ...start].join('\n'))).toBeNull();
  });
  it('takes no sentence, page field or breadcrumb for a title', () => {
    for (const line of [
      '按照要求，编制2022年某某局政府信息公开工作年度报告。',
      '标题：2022年某某局政府信息公开工作年度报告',
      '首页 > 信息公开 > 法定主动公开内容 > 政府信息公开年报',
    ])
      expect(at(nextReportAt, [...first, line, ...start].join('\n')), line).toBeNull();
  });
});

describe('endedAppendixAt: what follows the report’s end is an appendix', () => {
  const report = [...body, '六、其他需要报告的事项', '本年度未收取信息处理费。'];
  const n = report.length;
  it('opens at 附件 after 六’s text', () => {
    const text = [...report, '附件：某某分局2023年统计表', '二、主动公开政府信息情况'];
    expect(at(endedAppendixAt, text.join('\n'))).toBe(n);
  });
  it('opens at a heading just below the report’s date', () => {
    const signed = [...body, '某某局', '2024年1月20日', '二、主动公开政府信息情况'];
    expect(at(endedAppendixAt, signed.join('\n'))).toBe(6);
  });
  it('below the date, not at the page again under its title (a report printing no 一), but at another report’s', () => {
    const page = [
      '2023年某某局政府信息公开工作年度报告',
      ...body.slice(2),
      '三、收到和处理政府信息公开申请情况',
      '本年度收到申请3件。',
    ];
    const twice = [...page, '某某局', '2024年1月20日', page[0]!, '发布机构 | 某某局', ...page.slice(1)];
    expect(at(endedAppendixAt, twice.join('\n'))).toBeNull();
    const other = [...page, '某某局', '2024年1月20日', '某某局政府信息公开工作年度报告', ...start];
    expect(at(endedAppendixAt, other.join('\n'))).toBe(page.length + 4);
  });
  it('not below a date under the title after a contents page (the body has not begun)', () => {
    const cover = ['2023年某某局政府信息公开工作年度报告', '目录', '一、总体情况……1', '二、主动公开政府信息情况……2'];
    const text = [...cover, '2023年某某局政府信息公开工作年度报告', '某某局', '2024年1月20日', ...start.slice(1)];
    expect(at(endedAppendixAt, text.join('\n'))).toBeNull();
  });
  it('opens at a title of another year’s tables after 六, not at one of no year', () => {
    expect(at(endedAppendixAt, [...report, '某某局2021年政府信息公开情况统计表'].join('\n'))).toBeNull();
    const titled = ['2023年某某局政府信息公开工作年度报告', ...report, '某某局2021年政府信息公开情况统计表'];
    expect(at(endedAppendixAt, titled.join('\n'))).toBe(n + 1);
  });
  it('does not open at a contents page’s 附件 entry, nor before any heading', () => {
    const toc = ['一、总体情况', '六、其他需要报告的事项', '附件：统计表', ...body];
    expect(at(endedAppendixAt, toc.join('\n'))).toBeNull();
    expect(at(endedAppendixAt, ['2024年1月20日', '附件：统计表'].join('\n'))).toBeNull();
  });
});

describe('closesReport', () => {
  it('is a date standing alone, an appendix’s line or a title of tables', () => {
    for (const t of [
      '2024年1月20日',
      '2024-01-20',
      '二〇二四年一月二十日',
      '附件1：',
      '附表',
      '某某局2023年政府信息公开情况统计表',
    ])
      expect(closesReport(t), t).toBe(true);
    for (const t of ['截至2024年1月20日，共收到申请12件。', '二、主动公开政府信息情况', '本年度未收取信息处理费。'])
      expect(closesReport(t), t).toBe(false);
  });
});

describe('dumpedPartAt: the other part of a page dumped as one line', () => {
  const own =
    '当前位置：首页 > 年报 一、总体情况本年度认真贯彻落实条例。二、主动公开政府信息情况第二十条第(一)项 规章 3 1 2 '.repeat(
      6,
    );
  const cut = (tail: string, head = '2023年某某局政府信息公开工作年度报告') => {
    const lines = textToLines([head, own + tail].join('\n'));
    const at = dumpedPartAt(lines);
    return at && lines[at.li]!.text.slice(at.col, at.col + 6);
  };
  it('cuts at last year’s title with its 一 just after it, found from its year or from the agency', () => {
    expect(cut('某某局2024年1月20日2022年某某局政府信息公开工作年度报告现将报告如下:一、总体情况本年度')).toBe(
      '2022年某',
    );
    expect(cut('某某局2024年1月20日某某局2022年政府信息公开工作年度报告一、总体情况本年度')).toBe('某某局202');
  });
  it('cuts at another agency’s title of the same year, its name before the year (t89 F7)', () => {
    const county = '某某县人民政府2023年政府信息公开工作年度报告';
    const township = '某某县某某镇人民政府2023年政府信息公开工作年度报告一、总体情况本年度';
    expect(cut(`本年度未收取信息处理费。${township}`, county)).toBe('某某县某某镇');
    expect(cut(`某某县人民政府2024年1月20日${township}`, county)).toBe('某某县某某镇');
    // The same agency's title again, and a sentence naming the report, are no other report.
    expect(cut('本年度未收取信息处理费。某某县人民政府2023年政府信息公开工作年度报告一、总体情况', county)).toBeNull();
    expect(cut('按要求，现将本局2023年政府信息公开工作年度报告公布如下。一、总体情况', county)).toBeNull();
    expect(cut('编制本机关2023年政府信息公开工作年度报告。一、总体情况', county)).toBeNull();
    // A title named in a sentence, or in a list of links, begins no report (t97).
    expect(cut('坚持公开。参见某某县统计局2023年政府信息公开工作年度报告。第一部分 总体情况', county)).toBeNull();
    expect(cut('坚持公开。某某县统计局2023年政府信息公开工作年度报告。一、总体情况', county)).toBeNull();
    expect(
      cut(
        '相关阅读 某某县财政局2023年政府信息公开工作年度报告 某某县教育局2023年政府信息公开工作年度报告 （一）总体情况',
        county,
      ),
    ).toBeNull();
    // Glued to a sentence's last words, the name is not told from them: no cut.
    expect(
      cut('本年度未收取信息处理费某某县某某镇人民政府2023年政府信息公开工作年度报告一、总体情况', county),
    ).toBeNull();
  });
  it('cuts after the date at an appendix, a title of tables or a heading', () => {
    expect(cut('某某局2024年1月20日附件：统计表二、主动公开政府信息情况')).toBe('附件:统计表');
    expect(cut('某某局2024年1月20日某某局2022年政府信息公开情况统计表二、主动公开')).toBe('某某局202');
    expect(cut('某某局2024年1月20日二、主动公开政府信息情况第二十条')).toBe('二、主动公开');
  });
  it('does not cut at a report named in a sentence, at the same title again, or at a date in the text', () => {
    expect(cut('参照《2022年某某局政府信息公开工作年度报告》一、总体情况')).toBeNull();
    expect(cut('2023年某某局政府信息公开工作年度报告一、总体情况')).toBeNull();
    expect(cut('截至2023年12月31日，共收到申请12件。')).toBeNull();
    // A period's end glued to the next heading; the dump's own title when no line before names one.
    expect(cut('统计期限为2023年1月1日至2023年12月31日二、主动公开政府信息情况')).toBeNull();
    const untitled = textToLines('首页 > 行政复议 > 年报 2023年某某局政府信息公开工作年度报告' + own);
    expect(dumpedPartAt(untitled)).toBeNull();
  });
});
