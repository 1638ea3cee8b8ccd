import { describe, expect, it } from 'vitest';
import { textToLines, type Line } from '../src/lib/decode/lines.ts';
import { splitHeadLine } from '../src/lib/metadata/titles.ts';
import { agencyFromTitle, agencyKind, extractMetadata } from '../src/lib/metadata/metadata.ts';
import { cleanTitle, titleAgency } from '../src/lib/metadata/agency.ts';
import { isoDate, signatureDateOf } from '../src/lib/metadata/dates.ts';
import { cleanUrl, htmlSourceUrl } from '../src/lib/metadata/source-url.ts';
import { comparisonYears } from '../src/lib/metadata/year.ts';
import { htmlToLines } from '../src/lib/decode/html.ts';
import { originalLink } from '../src/lib/site/report-meta.ts';
import { agencyDisputedZh, noYearZh } from '../src/lib/ingest/reasons.ts';
import { buildReport } from './fixtures/build.ts';
import { ok, parseText } from './helpers.ts';

const meta = (head: string, body = '') => extractMetadata(textToLines(head), textToLines(body), 2026);

describe('metadata', () => {
  it('a year in Chinese numerals in the title (二〇二五年, 二○二四年度): the year, and no year in the agency (tester 8, F06)', () => {
    expect(meta('北京市朝阳区人民政府二○二五年政府信息公开工作年度报告\n发布日期：2026-01-20')).toMatchObject({
      title: '北京市朝阳区人民政府二○二五年政府信息公开工作年度报告',
      agency: '北京市朝阳区人民政府',
      year: 2025,
    });
    expect(meta('二〇二四年度上海市黄浦区人民政府政府信息公开工作年度报告')).toMatchObject({
      agency: '上海市黄浦区人民政府',
      year: 2024,
    });
  });

  it('a year-first title whose agency starts with 度: the body tells 2017年 + 度佳镇 from 2017年度 + 佳镇', () => {
    const title = '2017年度佳镇人民政府政府信息公开工作年度报告\n日期:2018年3月19日';
    expect(meta(title, '一、概述\n2017年，度佳镇按照《条例》要求，加强政府网站建设。').agency).toBe('度佳镇人民政府');
    // 2017年度 + 佳镇 where the body never writes 度佳 but after 年 (the usual case).
    expect(meta(title, '一、概述\n2017年度，佳镇按照《条例》要求，加强政府网站建设。').agency).toBe('佳镇人民政府');
    expect(meta('2017年度黄浦区人民政府政府信息公开工作年度报告', '一季度黄浦区完成…').agency).toBe('黄浦区人民政府');
  });

  it('title, agency, year and date from a typical header', () => {
    expect(
      meta(
        '当前位置：首页 > 信息公开\n无锡市滨湖区行政审批局2020年政府信息公开工作年度报告\n发布时间:2021-01-22 09:33 [ 大 中 小 ]',
      ),
    ).toMatchObject({
      title: '无锡市滨湖区行政审批局2020年政府信息公开工作年度报告',
      agency: '无锡市滨湖区行政审批局',
      agency_kind: '部门',
      year: 2020,
      published_on: '2021-01-22',
    });
  });

  it('索引号 and 发布机构 from a two-row header table', () => {
    const m = meta(
      '索引号 | 公开方式 | 发布机构 |\n11620602MB161547XN/2021-02130 | 主动公开 | 凉州区市场监督管理局 |\n2020年度政府信息公开工作落实情况',
    );
    expect(m).toMatchObject({ index_no: '11620602MB161547XN/2021-02130', agency: '凉州区市场监督管理局', year: 2020 });
  });

  it('inline labelled fields and Chinese dates', () => {
    const m = meta(
      '某县教育局2021年政府信息公开工作年度报告\n索引号：ABC-2022-001  发布机构：某县教育局  发布日期：2022年1月5日',
    );
    expect(m).toMatchObject({ index_no: 'ABC-2022-001', agency: '某县教育局', published_on: '2022-01-05', year: 2021 });
    // The gap between two fields lost (a PDF's U+3000 in a multi-column page: a fresh tester's
    // t43): the next field's label ends the value, which was 某县教育局发布日期:2022年1月5.
    const glued = meta('2021年政府信息公开工作年度报告\n发布机构：某县教育局发布日期：2022年1月5日');
    expect(glued).toMatchObject({ agency: '某县教育局', published_on: '2022-01-05' });
  });

  it('the year comes from the body ("2020年度") when the title has none — never the publication year', () => {
    const m = meta(
      '驼峰路街道办事处政府信息公开工作年度报告\n发布时间：2021-01-15',
      '依据《2021年政务公开工作要点》（〔2021〕1号），2020年度我街办未接到申请。2021年1月15日',
    );
    expect(m.year).toBe(2020);
    expect(m.published_on).toBe('2021-01-15');
  });

  it('the year comes from a statistical period of one whole year when nothing else states it', () => {
    const body = (period: string) =>
      meta(
        '某县教育局政府信息公开工作年度报告\n发布时间：2024-01-20',
        `本报告所列数据的统计期限${period}。2024年1月20日`,
      ).year;
    expect(body('自2023年1月1日起至2023年12月31日止')).toBe(2023);
    expect(body('为2022年1月1日至12月31日')).toBe(2022);
    // Not one calendar year: no answer from the period.
    expect(body('自2022年7月1日起至2023年6月30日止')).toBeNull();
  });

  it('no year at all stays NULL', () => {
    expect(meta('某局政府信息公开工作年度报告', '本年度未收到申请。').year).toBeNull();
  });

  it('agency from title; a bare place name is that place’s people’s government', () => {
    expect(agencyFromTitle('龙泉市2020年政府信息公开工作年度报告')).toBe('龙泉市人民政府');
    expect(agencyFromTitle('川汇区人民政府办公室 2019年政府信息公开工作年度报告')).toBe('川汇区人民政府办公室');
    expect(agencyFromTitle('驼峰路街道办事处政府信息公开工作年度报告')).toBe('驼峰路街道办事处');
    // A year not read as one (the report's year is then NULL) never stays in the name (a tester's).
    for (const y of ['2O23年', "'23年", '2022—2023年', '二〇二三年'])
      expect(agencyFromTitle(`测试市民政局${y}政府信息公开工作年度报告`), y).toBe('测试市民政局');
  });

  it('a year lost or garbled between agency and 政府信息公开 never stays in the agency (年, 年度, 202年 …)', () => {
    for (const y of [
      '年',
      '年度',
      '202年',
      '20年',
      '2O2年',
      '二〇二年',
      '20XX年',
      '？？？？年',
      '□□□□年度',
      ' 年',
      '年年度',
      '2023',
      '202',
      '两千零二十三年',
      '贰零贰叁年度',
    ])
      expect(agencyFromTitle(`XX市丙七局${y}政府信息公开工作年度报告`), y).toBe('XX市丙七局');
    for (const t of ['XX市丙七局202年度报告', 'XX市丙七局（年）政府信息公开工作年度报告'])
      expect(agencyFromTitle(t), t).toBe('XX市丙七局');
    // With the page's issuer field or the signature (落款) beside it.
    const m = meta('XX市丙七局年政府信息公开工作年度报告\n发布机构：XX市丙七局\n发布日期：2024-01-20');
    expect(m.agency).toBe('XX市丙七局');
    expect(m.agencyDisputed).toBeNull();
    expect(
      meta('XX市丙七局202年政府信息公开工作年度报告', '一、总体情况\n本局坚持公开。\nXX市丙七局\n2024年1月20日').agency,
    ).toBe('XX市丙七局');
    // A place's bare 年 is cut too: the place's government, not 龙泉市年人民政府.
    expect(agencyFromTitle('龙泉市年政府信息公开工作年度报告')).toBe('龙泉市人民政府');
  });

  it('a title whose agency part is the issuer’s name with more that ends no name: the issuer’s, disputed', () => {
    const m = meta('XX市丙七局某某年政府信息公开工作年度报告\n发布机构：XX市丙七局');
    expect(m.agency).toBe('XX市丙七局');
    expect(m.agencyDisputed).toEqual({ title: 'XX市丙七局某某', issuer: 'XX市丙七局' });
    // The signature (落款) is the issuer when the page has no field.
    const s = meta('XX市丙七局某某年政府信息公开工作年度报告', '正文。\nXX市丙七局\n2024年1月20日');
    expect(s.agency).toBe('XX市丙七局');
    expect(s.agencyDisputed).not.toBeNull();
    // The diagnostic, in Chinese, names both.
    const p = ok(
      parseText(
        'XX市丙七局某某年政府信息公开工作年度报告\n发布机构：XX市丙七局\n一、总体情况\n本局2023年坚持公开。\n二、主动公开政府信息情况\n无\n',
      ),
    );
    expect(p.report.agency).toBe('XX市丙七局');
    const d = p.diagnostics.find((x) => x.code === 'W_AGENCY_DISPUTED')!;
    expect(d.message).toMatch(/XX市丙七局某某.*XX市丙七局/);
    // The datasets keep the title's name (reports.title_agency); the manifest says why in Chinese.
    expect(p.report.title_agency).toBe('XX市丙七局某某');
    expect(agencyDisputedZh(d.message)).toBe(
      '机关名称记为“XX市丙七局”（发布机构、落款所写，或标题中乱码之前的名称），但标题写作“XX市丙七局某某”：标题在名称之后另有无法识别的文字（如乱码的年份），哪个名称正确请核对原文',
    );
    expect(agencyDisputedZh('something else')).toBe('机关名称与标题所写不一致，请核对原文');
    // A name that is no dispute leaves it NULL.
    expect(
      ok(parseText('XX市丙七局2023年政府信息公开工作年度报告\n一、总体情况\n正文。\n')).report.title_agency,
    ).toBeNull();
    // An abbreviation never wins, and a title ending as a name keeps it (the office posting it is not the agency).
    expect(meta('XX市丙七局某某年政府信息公开工作年度报告\n发布机构：市丙七局').agency).toBe('XX市丙七局某某');
    expect(meta('XX市丙七局年政府信息公开工作年度报告\n发布机构：XX市人民政府办公室').agency).toBe('XX市丙七局');
  });

  it('agency kinds', () => {
    expect(agencyKind('杭州市人民政府')).toBe('人民政府');
    expect(agencyKind('杭州市人民政府办公厅')).toBe('人民政府办公室');
    expect(agencyKind('新华街道办事处')).toBe('街道办事处');
    expect(agencyKind('城关镇人民政府')).toBe('乡镇人民政府');
    expect(agencyKind('杭州市教育局')).toBe('部门');
  });

  it('a title that starts with the year gives the full agency name', () => {
    const m = meta('2023年上海市人民政府参事室政府信息公开工作年度报告\n发布日期:2024/01/18 11:34:01');
    expect(m).toMatchObject({
      agency: '上海市人民政府参事室',
      year: 2023,
      published_on: '2024-01-18',
      published_on_basis: 'label',
    });
    expect(agencyFromTitle('2022年度杭州市西湖区教育局政府信息公开工作年度报告')).toBe('杭州市西湖区教育局');
    // 人民政府信息公开: the cut must not take 政府 away from the name.
    expect(agencyFromTitle('2021年上海市人民政府信息公开工作年度报告')).toBe('上海市人民政府');
    expect(agencyFromTitle('2021年政府信息公开工作年度报告')).toBeNull();
  });

  it('an abbreviation in 发布机构 never replaces the full name in the title; 发文日期 in a pipe row', () => {
    const m = meta(
      '泰州市人民政府2023年政府信息公开工作年度报告\n索 引 号 | 014416330/2024-00731 | 分 类 | 政府信息公开年报 |\n发布机构 | 市政府办 | 发文日期 | 2024-01-22 |',
    );
    expect(m).toMatchObject({
      agency: '泰州市人民政府',
      agency_kind: '人民政府',
      index_no: '014416330/2024-00731',
      published_on: '2024-01-22',
      published_on_basis: 'label',
    });
    // A fuller form of the title's name in 发布机构 is taken.
    expect(meta('滨湖区行政审批局2020年政府信息公开工作年度报告\n发布机构：无锡市滨湖区行政审批局').agency).toBe(
      '无锡市滨湖区行政审批局',
    );
  });

  it('a crawler header: no 标题: in title or agency, the date from 发布时间, the address from 原文链接', () => {
    const m = meta(
      '标题: 龙岩市新罗区2020年政府信息公开工作年度报告\n发布时间: 2021-01-26 16:40\n文号: \n发布机构: \n栏目: 政府信息公开年报\n原文链接: https://www.example.gov.cn/zwgk/ndbg/202101/t20210126_1.htm\n==================== 正文 ====================',
      '2020年，龙岩市新罗区人民政府认真贯彻落实条例。',
    );
    expect(m).toMatchObject({
      title: '龙岩市新罗区2020年政府信息公开工作年度报告',
      agency: '龙岩市新罗区人民政府',
      published_on: '2021-01-26',
      source_url: 'https://www.example.gov.cn/zwgk/ndbg/202101/t20210126_1.htm',
    });
  });

  it('other crawler labels: 【标题】, a crawl time that is no publication date, a link at the bottom', () => {
    const m = meta(
      '【标题】某县教育局2023年政府信息公开工作年度报告\n采集时间：2024-05-01 10:00',
      '无。\n本文链接：https://www.x.gov.cn/art/2024/1/9/art_1.html',
    );
    expect(m).toMatchObject({
      title: '某县教育局2023年政府信息公开工作年度报告',
      agency: '某县教育局',
      published_on: null,
      source_url: 'https://www.x.gov.cn/art/2024/1/9/art_1.html',
    });
  });

  it('no name is invented from a place: the text names the zone’s committee, and a zone never gets a 人民政府', () => {
    expect(
      meta('平潭综合实验区2022年政府信息公开工作年度报告', '2022年，平潭综合实验区管委会坚持以公开为常态。').agency,
    ).toBe('平潭综合实验区管委会');
    expect(meta('某某经济技术开发区2022年政府信息公开工作年度报告', '本年度未收到申请。').agency).toBe(
      '某某经济技术开发区',
    );
    expect(meta('龙泉市2020年政府信息公开工作年度报告', '龙泉市人民政府办公室编制本报告。').agency).toBe(
      '龙泉市人民政府',
    );
    // The office that posted the page is not the report's agency when the title names the place.
    expect(meta('龙泉市2020年政府信息公开工作年度报告\n发布机构：龙泉市人民政府办公室').agency).toBe('龙泉市人民政府');
    expect(
      meta('平潭综合实验区2022年政府信息公开工作年度报告\n发布机构：平潭综合实验区党工委管委会办公室').agency,
    ).toBe('平潭综合实验区党工委管委会');
  });

  it('a title broken after the agency name is joined', () => {
    expect(meta('淮安市人民政府\n2024 年政府信息公开工作年度报告\n本报告由淮安市人民政府办公室编制。')).toMatchObject({
      title: '淮安市人民政府2024 年政府信息公开工作年度报告',
      agency: '淮安市人民政府',
      year: 2024,
    });
  });

  it('a banner above a title naming no agency, and an issuer naming another: only strong evidence decides (t93 M1, t96, t97)', () => {
    const head = (field: string) =>
      `测试县人民政府\n2023年政府信息公开工作年度报告\n发布机构：${field}  发布日期：2024-01-20`;
    // The body names the field's agency with the report: the line is the portal's banner.
    expect(meta(head('测试县财政局'), '现将2023年测试县财政局政府信息公开工作报告如下：').agency).toBe('测试县财政局');
    // The field and the signature agree (一 … 六 … 测试县财政局 / 2024年1月20日).
    expect(meta(head('测试县财政局'), '一、总体情况\n本机关……\n测试县财政局\n2024年1月20日').agency).toBe(
      '测试县财政局',
    );
    // The body names the line's government with the report: the title's first line.
    expect(
      meta(head('测试县政务公开办公室'), '现将测试县人民政府2023年政府信息公开工作年度报告公布如下。').agency,
    ).toBe('测试县人民政府');
    // Nothing decides: a banner over a unit's report, or a government's title posted by an office.
    const none = meta(head('测试县财政局'), '一、总体情况\n本机关认真贯彻落实《条例》。');
    expect(none.agency).toBeNull();
    expect(none.agencyConflict).toMatchObject({
      label: '测试县人民政府',
      heading: '测试县财政局',
      kept: null,
      above: true,
    });
    // A mention of the government's portal proves nothing (t97 M2).
    expect(meta(head('测试县财政局'), '一、总体情况\n均在测试县人民政府门户网站公开。').agency).toBeNull();
    // The issuer a place's government, the line its unit: the unit's report on its government's portal.
    const unit = meta('测试县财政局\n2023年政府信息公开工作年度报告\n来源：测试县人民政府', '一、总体情况\n本局……');
    expect(unit.agency).toBe('测试县财政局');
    // A 来源 of a media centre names no issuer; the government's own office, an abbreviation: no conflict.
    expect(meta('测试县人民政府\n2023年政府信息公开工作年度报告\n来源：测试县融媒体中心').agency).toBe(
      '测试县人民政府',
    );
    expect(meta(head('测试县人民政府办公室')).agency).toBe('测试县人民政府');
    expect(meta(head('县财政局')).agency).toBe('测试县人民政府');
    // The manifest's reason says which two and why.
    const p = ok(
      parseText(
        `${head('测试县财政局')}\n一、总体情况\n现将测试县财政局2023年政府信息公开工作年度报告公布如下。\n二、主动公开政府信息情况\n无\n`,
      ),
    );
    const d = p.diagnostics.find((x) => x.code === 'W_AGENCY_DISPUTED')!;
    expect(agencyDisputedZh(d.message)).toMatch(
      /^标题上一行的机关“测试县人民政府”与发布机构“测试县财政局”不一致.*机关名称取发布机构所写的“测试县财政局”/,
    );
  });

  it('a long title broken before its last words (…信息公开 / 工作年度报告) is joined', () => {
    // Seed 12: the second line alone was the title, and no agency was read.
    expect(
      meta('恩施土家族苗族自治州鹤峰县住房和城乡建设局2023年政府信息公开\n工作年度报告\n发布日期：2024年3月14日'),
    ).toMatchObject({
      title: '恩施土家族苗族自治州鹤峰县住房和城乡建设局2023年政府信息公开工作年度报告',
      agency: '恩施土家族苗族自治州鹤峰县住房和城乡建设局',
      year: 2023,
    });
  });

  it('a printed page’s header, a breadcrumb and 打印 关闭 before a title broken by a space: none of them the agency', () => {
    // Seed 12: the breadcrumb's 政府信息公开年报 was the title and 当前位置:首页> the agency.
    const m = meta(
      'https://www.xxgk916.gov.cn/zwgk/ndbg/202502/t20250218_38384.htm 1/5 当前位置：首页 > 政务公开 > 政府信息公开年报 打印 关闭 湖北省卫生健康委员会 2024年政府信 息公开工作年度报告 发布时间：2025-02-18 15:02',
    );
    expect(m).toMatchObject({ agency: '湖北省卫生健康委员会', year: 2024, published_on: '2025-02-18' });
    expect(m.title).not.toMatch(/当前位置|打印/);
  });

  it('a title’s agency followed by mojibake, no issuer to name it: the name before the mojibake, disputed', () => {
    // 100,000 reports, seed 2026: 33 agencies published with 锟斤拷 or 锛掞紣… after the name.
    for (const [garbled, name] of [
      ['洛江区人民政府锟斤拷锟斤拷', '洛江区人民政府'],
      ['鄞州区行政审批局锛掞紣锛掞紩', '鄞州区行政审批局'],
      ['镇海区人民政府办公室锟斤拷', '镇海区人民政府办公室'],
    ]) {
      const m = meta(`${garbled}年政府信息公开工作年度报告`);
      expect(m.agency).toBe(name);
      expect(m.agencyDisputed).toMatchObject({ title: garbled, issuer: name, garbled: true });
    }
  });

  it('a title broken before 年度报告 or 度报告 is joined; a space inside it is no part of it', () => {
    expect(
      meta(
        '怀化市新晃侗族自治县人力资源和社会保障局2020年政府信息公开工作\n年度报告\n发布机构：县人力资源和社会保障局',
      ),
    ).toMatchObject({
      agency: '怀化市新晃侗族自治县人力资源和社会保障局',
      title: '怀化市新晃侗族自治县人力资源和社会保障局2020年政府信息公开工作年度报告',
    });
    expect(meta('贵州省黔南布依族苗族自治州人力资源和社会保障局2018年政府信息公开工作年\n度报告').agency).toBe(
      '贵州省黔南布依族苗族自治州人力资源和社会保障局',
    );
    expect(meta('塔河县教育局 2019年政府信息公开 工作年度报告').title).toBe(
      '塔河县教育局2019年政府信息公开工作年度报告',
    );
  });

  it('a bare 时间： after the title on its line is no part of the title', () => {
    expect(meta('广平县财政局2019年政府信息公开工作年度报告 日期 2020年3月21日').title).toBe(
      '广平县财政局2019年政府信息公开工作年度报告',
    );
    expect(
      meta('让胡路区林业和草原局政府信息公开工作年度报告 本报告所列数据统计期限为2022年1月1日至12月31日。').title,
    ).toBe('让胡路区林业和草原局政府信息公开工作年度报告');
    expect(meta('彬州市住房和城乡建设局政府信息公开工作年度报告 时间： 2018-02-21').title).toBe(
      '彬州市住房和城乡建设局政府信息公开工作年度报告',
    );
  });

  it('a title broken inside its own words (a PDF’s centred title over three lines) is joined, its agency kept', () => {
    // A fresh tester's t16: the last line alone gave 公开 as the agency.
    expect(
      meta(
        '测试市商务局\n2021年政府信息\n公开工作年度报告\n本报告中所列数据的统计期限自2021年1月1日起至2021年12月31日止。',
      ),
    ).toMatchObject({
      title: '测试市商务局2021年政府信息公开工作年度报告',
      agency: '测试市商务局',
      year: 2021,
    });
    expect(meta('测试市商务局2021年政府\n信息公开工作年度报告')).toMatchObject({
      title: '测试市商务局2021年政府信息公开工作年度报告',
      agency: '测试市商务局',
    });
    // No piece reads as a title alone (the break inside 年度报告): the fields' 政府信息公开年报 and
    // 市教育局 were taken (synthetic quirk meta-title-wrapped).
    expect(
      meta(
        '拉萨市教育局\n2019年政府信息公开工作年\n度报告\n索引号：123/2020-1\n分类：政府信息公开年报\n发布机构：市教育局',
      ),
    ).toMatchObject({ title: '拉萨市教育局2019年政府信息公开工作年度报告', agency: '拉萨市教育局', year: 2019 });
    // Broken inside the agency's name (t18): the line's own agency names no place.
    expect(meta('杭州市西湖区\n人民政府2021年政府信息公开工作年度报告').agency).toBe('杭州市西湖区人民政府');
    // An office whose name has 乡 or 市 in a word that names no place (城乡, 市场): still placeless
    // (t43: 住房和城乡建设局 was published alone, its region NULL).
    expect(meta('湖北省武汉市\n住房和城乡建设局2022年政府信息公开工作年度报告').agency).toBe(
      '湖北省武汉市住房和城乡建设局',
    );
    expect(meta('杭州市\n市场监督管理局2022年政府信息公开工作年度报告').agency).toBe('杭州市市场监督管理局');
    expect(meta('杭州市\n乡村振兴局2022年政府信息公开工作年度报告').agency).toBe('杭州市乡村振兴局');
    expect(meta('政府信息公开\n杭州市西湖区人民\n政府2023年政府信息公开工作年度报告').agency).toBe(
      '杭州市西湖区人民政府',
    );
    // A banner before a title broken inside its words is no part of it (t18).
    expect(meta('宁波市人民政府\n宁波市鄞州区人民政府2023年政府信息\n公开工作年度报告').agency).toBe(
      '宁波市鄞州区人民政府',
    );
    expect(meta('1月15日星期一\n成都市武侯区人民政府2022年政府信息公\n开工作年度报告')).toMatchObject({
      agency: '成都市武侯区人民政府',
      year: 2022,
    });
    // A whole title and a list's label after it stay apart (the title's pattern runs on greedily).
    expect(meta('某镇人民政府2016年度政府信息公开工作年度报告\n历年年报').title).toBe(
      '某镇人民政府2016年度政府信息公开工作年度报告',
    );
    // A line before the title that is not its start, nor an agency's name, stays apart.
    expect(meta('政务公开\n某区民政局2023年政府信息公开工作年度报告')).toMatchObject({
      title: '某区民政局2023年政府信息公开工作年度报告',
      agency: '某区民政局',
    });
  });

  it('reads the agency in brackets after a year-first title (t104)', () => {
    expect(titleAgency('2023年政府信息公开工作年度报告（上海市人民政府参事室）')?.name).toBe('上海市人民政府参事室');
    expect(titleAgency('2023年政府信息公开工作年度报告（2024年1月）')).toBeNull();
    expect(titleAgency('2023年政府信息公开工作年度报告（更正版）')).toBeNull();
  });

  it('a page date before the title is cut off, a year standing first is kept (t104)', () => {
    expect(cleanTitle('2024-01-18 2023年东莞市人民政府政府信息公开工作年度报告')).toBe(
      '2023年东莞市人民政府政府信息公开工作年度报告',
    );
    expect(cleanTitle('【2024年01月18日】2023年浙江省财政厅政府信息公开工作年度报告')).toBe(
      '2023年浙江省财政厅政府信息公开工作年度报告',
    );
    expect(cleanTitle('2024/1/18 某局2023年政府信息公开工作年度报告')).toBe('某局2023年政府信息公开工作年度报告');
    expect(cleanTitle('2023年某局政府信息公开工作年度报告')).toBe('2023年某局政府信息公开工作年度报告');
    expect(cleanTitle('2023-2024年某局政府信息公开工作年度报告')).toBe('2023-2024年某局政府信息公开工作年度报告');
  });

  it('site suffixes are cut from an HTML title', () => {
    expect(cleanTitle('测试市2025年政府信息公开工作年度报告_政府信息公开年报')).toBe(
      '测试市2025年政府信息公开工作年度报告',
    );
    expect(cleanTitle('泰州市人民政府2023年政府信息公开工作年度报告-泰州市人民政府网')).toBe(
      '泰州市人民政府2023年政府信息公开工作年度报告',
    );
    expect(cleanTitle('某局2023年政府信息公开工作年度报告 | 某市人民政府门户网站')).toBe(
      '某局2023年政府信息公开工作年度报告',
    );
    expect(cleanTitle('某局2023年政府信息公开工作年度报告（2024-01-20）')).toBe(
      '某局2023年政府信息公开工作年度报告（2024-01-20）',
    );
    expect(cleanTitle('当前位置：首页 > 政务公开 > 政府信息公开年报 > 某区民政局2023年政府信息公开工作年度报告')).toBe(
      '某区民政局2023年政府信息公开工作年度报告',
    );
    expect(meta('某县教育局2023年政府信息公开工作年度报告_政府信息公开年报_某县人民政府').agency).toBe('某县教育局');
  });

  it('a Markdown heading’s marks are not the title’s words (a .md report: # …, **…**)', () => {
    expect(meta('# 测试市甲支队2023年政府信息公开工作年度报告')).toMatchObject({
      title: '测试市甲支队2023年政府信息公开工作年度报告',
      agency: '测试市甲支队',
    });
    expect(meta('## **某县教育局2023年政府信息公开工作年度报告**').agency).toBe('某县教育局');
    expect(cleanTitle('#某局2023年政府信息公开工作年度报告')).toBe('#某局2023年政府信息公开工作年度报告');
  });

  it('date labels: spaced, 成文日期, bare 时间 and 日期, Chinese and slashed formats; not 统计时间', () => {
    expect(meta('某局2023年政府信息公开工作年度报告\n发 布 日 期：2024年1月22日').published_on).toBe('2024-01-22');
    expect(meta('某局2023年政府信息公开工作年度报告\n成文日期：2024-01-19').published_on).toBe('2024-01-19');
    expect(meta('某局2023年政府信息公开工作年度报告\n来源：某局 时间：2024/01/18 11:34:01').published_on).toBe(
      '2024-01-18',
    );
    expect(meta('某局2023年政府信息公开工作年度报告\n日期 2024-02-01').published_on).toBe('2024-02-01');
    expect(meta('某局2023年政府信息公开工作年度报告\n统计时间：2023-12-31').published_on).toBeNull();
    expect(meta('某局2023年政府信息公开工作年度报告\n发布机构：某局发布日期：2024-01-09').published_on).toBe(
      '2024-01-09',
    );
    // The page's publication date wins over 成文日期.
    expect(meta('某局2023年政府信息公开工作年度报告\n成文日期：2024-01-10 发布日期：2024-01-12').published_on).toBe(
      '2024-01-12',
    );
  });

  it('the signature date at the end, when no label gives one (basis signature)', () => {
    const m = meta(
      '某局2023年政府信息公开工作年度报告',
      '一、总体情况\n本年度工作平稳。\n六、其他需要报告的事项\n无。\n某局\n2024年1月20日',
    );
    expect(m).toMatchObject({ published_on: '2024-01-20', published_on_basis: 'signature' });
    expect(signatureDateOf('二〇二四年一月二十日')).toBe('2024-01-20');
    expect(signatureDateOf('某市教育局 2024年2月3日')).toBe('2024-02-03');
    expect(signatureDateOf('二○二三年十二月三十一日')).toBe('2023-12-31');
    expect(signatureDateOf('统计期限自2023年1月1日起至2023年12月31日')).toBeNull();
    expect(signatureDateOf('2024年2月30日')).toBeNull();
    // A date in the year covered is no signature of its report.
    expect(
      meta('某局2023年政府信息公开工作年度报告', '六、其他需要报告的事项\n无。\n2023年6月1日').published_on,
    ).toBeNull();
    expect(meta('某局2023年政府信息公开工作年度报告\n发布时间：2024-01-25', '无。\n2024年1月20日')).toMatchObject({
      published_on: '2024-01-25',
      published_on_basis: 'label',
    });
  });

  it('source_url: canonical, og:url, printed on the page; only http(s)', () => {
    expect(
      htmlSourceUrl('<html><head><link href="https://a.gov.cn/x/1.html?a=1&amp;b=2" rel="canonical"></head>'),
    ).toBe('https://a.gov.cn/x/1.html?a=1&b=2');
    expect(htmlSourceUrl('<meta property="og:url" content="http://b.gov.cn/art/2024/1/2/art_1.html">')).toBe(
      'http://b.gov.cn/art/2024/1/2/art_1.html',
    );
    expect(htmlSourceUrl('<link rel="canonical" href="javascript:alert(1)">')).toBeNull();
    // A page a browser saved complete records its address (a fresh tester's t99: NULL).
    expect(htmlSourceUrl('<!-- saved from url=(0044)https://www.x.gov.cn/zwgk/2022/t1.html -->\n<html>')).toBe(
      'https://www.x.gov.cn/zwgk/2022/t1.html',
    );
    expect(cleanUrl('原文链接：https://www.x.gov.cn/a/b.htm）')).toBe('https://www.x.gov.cn/a/b.htm');
    expect(cleanUrl('ftp://x.gov.cn/a')).toBeNull();
    expect(
      meta('https://www.x.gov.cn/art/2024/1/22/art_12_345.html 1/6\n某局2023年政府信息公开工作年度报告').source_url,
    ).toBe('https://www.x.gov.cn/art/2024/1/22/art_12_345.html');
    // A portal named in a sentence is not the report's address; a bare home page neither.
    expect(
      meta('某局2023年政府信息公开工作年度报告\n通过门户网站（http://www.x.gov.cn/zwgk/）发布信息。').source_url,
    ).toBeNull();
    expect(meta('http://www.x.gov.cn/\n某局2023年政府信息公开工作年度报告').source_url).toBeNull();
    expect(originalLink('javascript:alert(1)')).toBeNull();
    expect(originalLink('https://www.x.gov.cn/a.html')).toEqual({
      href: 'https://www.x.gov.cn/a.html',
      text: 'https://www.x.gov.cn/a.html',
    });
  });

  it('an HTML page end to end: suffix cut from <title>, canonical address, date from the signature', () => {
    const html = buildReport({ style: 'html', head: [] })
      .replace(
        '<title>报告</title>',
        '<title>测试市测试局2020年政府信息公开工作年度报告_政府信息公开年报</title><link rel="canonical" href="https://www.test.gov.cn/art/2021/1/20/art_1_2.html">',
      )
      .replace('<p>无。</p>', '<p>无。</p>\n<p>测试市测试局</p>\n<p>2021年1月20日</p>');
    const r = ok(parseText(html, 'a.html')).report;
    expect(r).toMatchObject({
      title: '测试市测试局2020年政府信息公开工作年度报告',
      agency: '测试市测试局',
      published_on: '2021-01-20',
      published_on_basis: 'signature',
      source_url: 'https://www.test.gov.cn/art/2021/1/20/art_1_2.html',
    });
  });
});

describe('the year the report covers', () => {
  const T = (y: number) => `某区民政局${y}年政府信息公开工作年度报告`;
  const htmlMeta = (html: string) => {
    const lines = htmlToLines(html);
    const at = lines.findIndex((l) => l.text.startsWith('一、'));
    return extractMetadata(lines.slice(0, at), lines.slice(at), 2026);
  };

  it('a list of the agency’s other reports above the title is not the title', () => {
    const m = meta(`相关文章：\n${T(2022)}\n${T(2021)}\n\n${T(2023)}\n发布日期：2024年1月22日`, '2023年，本机关…');
    expect(m).toMatchObject({ year: 2023, title: T(2023), yearConflict: null });
    // The item on the label's own line, and a list that the page's fields end.
    expect(meta(`相关阅读：${T(2022)}\n${T(2023)}\n索引号：X-1 发布机构：某区民政局`).year).toBe(2023);
  });

  it('in HTML: links (a list of other pages) and the <title> yield to the report’s own heading', () => {
    const links = htmlMeta(
      `<html><body><ul><li><a href="/a">${T(2022)}</a></li><li><a href="/b">${T(2021)}</a></li></ul><p>${T(2023)}</p><p>一、总体情况</p><p>本年度平稳。</p></body></html>`,
    );
    expect(links).toMatchObject({ year: 2023, title: T(2023) });
    // A labelled list of links (往年年报：) ends at the first title that is no link.
    const labelledLinks = htmlMeta(
      `<html><head><title>${T(2022)}</title></head><body><p>往年年报：</p><ul><li><a href="/a">${T(2022)}</a></li><li><a href="/b">${T(2021)}</a></li></ul><p>${T(2023)}</p><p>一、总体情况2023年，平稳。</p></body></html>`,
    );
    expect(labelledLinks).toMatchObject({ year: 2023, title: T(2023) });
    // A lone link title is the page's own (some sites link the title to itself).
    const lone = htmlMeta(
      `<html><body><div><a href="#">${T(2023)}</a></div><p>一、总体情况</p><p>平稳。</p></body></html>`,
    );
    expect(lone).toMatchObject({ year: 2023, title: T(2023) });
    const titleTag = htmlMeta(
      `<html><head><title>${T(2022)}</title></head><body><h1>${T(2023)}</h1><p>一、总体情况</p><p>2023年，工作平稳。</p></body></html>`,
    );
    expect(titleTag).toMatchObject({ year: 2023, title: T(2023) });
    // The <title> alone still gives the year (and the title) when nothing contradicts it.
    const only = htmlMeta(
      `<html><head><title>${T(2022)}</title></head><body><p>一、总体情况</p><p>平稳。</p></body></html>`,
    );
    expect(only).toMatchObject({ year: 2022, title: T(2022) });
    // …but not against the body's own statement of its year.
    const against = htmlMeta(
      `<html><head><title>${T(2022)}</title></head><body><p>一、总体情况</p><p>2023年度，本机关工作平稳。</p></body></html>`,
    );
    expect(against.year).toBeNull();
    expect(against.yearConflict).toEqual([
      { source: 'page-title', year: 2022 },
      { source: 'body', year: 2023 },
    ]);
  });

  it('a year the text compares with is not the report’s year', () => {
    const head = '某区教育局政府信息公开工作年度报告\n发布日期：2024-01-18';
    // The comparison (after 2022) and the publication date (2024, so before 2024) leave 2023.
    expect(meta(head, '与2022年相比，本年度依申请公开数量有所上升。').year).toBe(2023);
    // Without the date nothing pins it: NULL, never the compared year.
    expect(meta('某区教育局政府信息公开工作年度报告', '与2022年度相比，本年度申请有所上升。').year).toBeNull();
    expect(meta('某区教育局政府信息公开工作年度报告', '受理申请较2021年增长一成，比2021年多12件。').year).toBeNull();
    // A year followed by 同比 is the year itself, not a comparison.
    expect(meta('某区教育局政府信息公开工作年度报告', '2023年，受理申请同比增长10%。').year).toBe(2023);
  });

  it('comparisons are found in their usual wordings', () => {
    const years = (t: string) => comparisonYears(t).years;
    expect(years('与2022年相比')).toEqual([2022]);
    expect(years('同2022年度同期相比')).toEqual([2022]);
    expect(years('和2021年比较')).toEqual([2021]);
    expect(years('比2022年增加')).toEqual([2022]);
    expect(years('较2022年下降')).toEqual([2022]);
    expect(years('相较于2020年')).toEqual([2020]);
    expect(years('同比2022年增长')).toEqual([2022]);
    expect(years('高于2022年')).toEqual([2022]);
    expect(years('2023年，同比增长')).toEqual([]);
    expect(years('2023年度本机关')).toEqual([]);
    expect(comparisonYears('与2022年相比，2023年').masked).toBe('与····年相比，2023年');
  });

  it('own titles that disagree: settled by the body or the date, else NULL with the sources', () => {
    const two = `${T(2022)}\n${T(2023)}`;
    expect(meta(two, '2023年度，本机关工作平稳。').year).toBe(2023);
    expect(meta(`${T(2023)}\n${T(2024)}\n发布日期：2024-01-20`).year).toBe(2023);
    const m = meta(two, '本年度工作平稳。');
    expect(m.year).toBeNull();
    expect(m.yearConflict).toEqual([
      { source: 'title', year: 2022 },
      { source: 'title', year: 2023 },
    ]);
    // A body year the date rules out is no year either.
    expect(meta('某区教育局政府信息公开工作年度报告\n发布日期：2023-03-01', '2023年，工作平稳。').year).toBeNull();
  });

  it("the title the page's fields follow is the report's own: a list of other years before it is a list (a fresh tester)", () => {
    // 相关链接 / a sidebar of the agency's other years before the title: the year was NULL and the title 2022's.
    const page = `当前位置：首页 > 政务公开 > 政府信息公开年报\n常州市人民政府2022年政府信息公开工作年度报告\n常州市人民政府2021年政府信息公开工作年度报告\n\n常州市人民政府2023年政府信息公开工作年度报告\n索 引 号 | 014416330/2024-00731 | 分 类 | 政府信息公开年报\n发布机构 | 市政府办 | 发文日期 | 2024-01-22 |`;
    const m = meta(page, '本年度工作平稳。');
    expect(m.year).toBe(2023);
    expect(m.title).toBe('常州市人民政府2023年政府信息公开工作年度报告');
    // Unless the date rules its year out: then the titles disagree as before.
    expect(meta(`${T(2023)}\n${T(2024)}\n发布日期：2024-01-20`).year).toBe(2023);
  });

  it('a year left NULL is said in the manifest, in Chinese, with what disagreed', () => {
    const text = `${T(2022)}\n${T(2023)}\n一、总体情况\n本年度工作平稳。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n无。`;
    const p = ok(parseText(text));
    expect(p.report.year).toBeNull();
    expect(p.diagnostics.find((d) => d.code === 'W_NO_YEAR')?.message).toBe(
      'the year the report covers is not certain (title 2022, title 2023); left NULL',
    );
    expect(
      noYearZh('the year the report covers is not certain (title 2022, title 2023, published 2024); left NULL'),
    ).toBe('报告所属年度无法确定（标题写2022年，标题写2023年，发布于2024年），年度留空');
    expect(noYearZh('the year the report covers is not stated')).toBe('报告未写明所属年度，年度留空');
  });
});

describe('dates as some sites write them (tester 9)', () => {
  it('a compact labelled date (20240120), never a digit run inside a longer one', () => {
    expect(isoDate('20240120')).toBe('2024-01-20');
    expect(isoDate('发布日期：20240120')).toBe('2024-01-20');
    expect(isoDate('202401201')).toBeNull();
    expect(isoDate('20241320')).toBeNull();
  });
  it('a labelled date in Chinese numerals (a fresh tester: 成文日期：二〇二三年二月二十八日 read as none)', () => {
    expect(isoDate('二〇二三年二月二十八日')).toBe('2023-02-28');
    expect(isoDate('二〇二三年二月三十日')).toBeNull();
    const text = ['测试局2022年政府信息公开工作年度报告', '成文日期：二〇二三年二月二十八日', '一、总体情况'].join(
      '\n',
    );
    expect(extractMetadata(textToLines(text), [], 2026).published_on).toBe('2023-02-28');
  });
  it('元月 in a signature date is January', () => {
    expect(signatureDateOf('二〇二四年元月二十日')).toBe('2024-01-20');
    expect(signatureDateOf('某县农业农村局 2024年元月8日')).toBe('2024-01-08');
  });
});

describe('splitHeadLine: a title run into the page fields on one line (a one-line page dump)', () => {
  const line = (text: string): Line => ({ no: 1, raw: text, text, map: null });
  const texts = (text: string) => splitHeadLine(line(text)).map((l) => l.text.trim());

  it('cuts before each field label and the opening sentence that follow the title', () => {
    expect(
      texts(
        '单行八局2022年政府信息公开工作年度报告 索引号：XXGK-2023-204  发布机构：单行八局  发布日期：2023年2月28日',
      ),
    ).toEqual([
      '单行八局2022年政府信息公开工作年度报告',
      '索引号：XXGK-2023-204',
      '发布机构：单行八局',
      '发布日期：2023年2月28日',
    ]);
    expect(
      texts(
        '2023年上海市人民政府参事室政府信息公开工作年度报告 发布日期:2024/01/18 11:34:01 根据《中华人民共和国政府信息公开条例》要求,现将报告如下:',
      ),
    ).toEqual([
      '2023年上海市人民政府参事室政府信息公开工作年度报告',
      '发布日期:2024/01/18 11:34:01',
      '根据《中华人民共和国政府信息公开条例》要求,现将报告如下:',
    ]);
  });

  it('cuts an opening sentence glued to the title, whichever its verb (根据, 按照, 依据)', () => {
    for (const verb of ['根据', '按照', '依据'])
      expect(texts(`某某局2022年政府信息公开工作年度报告${verb}《条例》要求，现将报告如下：`)).toEqual([
        '某某局2022年政府信息公开工作年度报告',
        `${verb}《条例》要求，现将报告如下：`,
      ]);
  });

  it('cuts the page chrome glued before the title (a breadcrumb naming the column 政府信息公开年报)', () => {
    expect(
      texts('当前位置：首页 > 政务公开 > 政府信息公开年报 打印 关闭 某某局2020年政府信息公开工作年度报告'),
    ).toEqual(['当前位置：首页 > 政务公开 > 政府信息公开年报 打印 关闭', '某某局2020年政府信息公开工作年度报告']);
  });

  it('cuts fields glued to the title and to each other when the label has its colon (a fresh tester)', () => {
    expect(
      texts(
        '广州市人民政府2023年政府信息公开工作年度报告索引号：014416330/2024-00731发布机构：市政府办发布日期：2024-01-22',
      ),
    ).toEqual([
      '广州市人民政府2023年政府信息公开工作年度报告',
      '索引号：014416330/2024-00731',
      '发布机构：市政府办',
      '发布日期：2024-01-22',
    ]);
  });

  it("cuts a printed page's address and page counter off the title (a fresh tester: agency 62139.htm1/3永州市…)", () => {
    expect(
      texts(
        'https://www.x.gov.cn/ndbg/t20210319_62139.htm 1/3 永州市人力资源和社会保障局2020年政府信息公开工作年度报告 发布时间：2021-03-19 15:02',
      ),
    ).toEqual([
      'https://www.x.gov.cn/ndbg/t20210319_62139.htm 1/3',
      '永州市人力资源和社会保障局2020年政府信息公开工作年度报告',
      '发布时间：2021-03-19 15:02',
    ]);
    // Words before a title that are no printed header stay with it.
    expect(texts('某某 局2020年政府信息公开工作年度报告')).toEqual(['某某 局2020年政府信息公开工作年度报告']);
  });

  it('cuts the print header off whatever follows it: an agency name before a title broken by a space, page chrome (synthetic, seed 2026: agency 10842.htm1/5建华区…)', () => {
    const url = 'https://www.x.gov.cn/zwgk/ndbg/201602/t20160211_10842.htm';
    expect(texts(`${url} 1/5 建华区市场监督管理局 2015年政府信息公开 工作年度报告 来源：建华区市场监督管理局`)).toEqual(
      [`${url} 1/5`, '建华区市场监督管理局 2015年政府信息公开 工作年度报告', '来源：建华区市场监督管理局'],
    );
    expect(
      texts(`${url} 1/5 当前位置：首页 > 政务公开 > 政府信息公开年报 打印 关闭 瑞安市林业局政府信息公开工作年度报告`),
    ).toEqual([
      `${url} 1/5`,
      '当前位置：首页 > 政务公开 > 政府信息公开年报 打印 关闭',
      '瑞安市林业局政府信息公开工作年度报告',
    ]);
    for (const body of [
      `${url} 1/5 建华区市场监督管理局 2015年政府信息公开 工作年度报告 来源：建华区市场监督管理局 时间：2016-02-11 10:00:00`,
      `${url} 1/5 当前位置：首页 > 政务公开 > 政府信息公开年报 打印 关闭 瑞安市林业局2022年政府信息公开工作年度报告 来源：瑞安市林业局 时间：2023-03-19 10:00:00`,
    ]) {
      const p = ok(
        parseText(`${body}\n一、总体情况\n本机关政府信息公开工作平稳有序。\n二、主动公开政府信息情况\n无\n`),
      );
      expect(p.report.agency).toMatch(/^(?:建华区市场监督管理局|瑞安市林业局)$/);
      expect(p.report.source_url).toBe(url);
    }
  });

  it('a | row of fields with their values is no header row: the line after it is not its values', () => {
    const p = ok(
      parseText(
        `扬州市人民政府2023年政府信息公开工作年度报告 | 索 引 号 | 014416330/2024-00731 | 发布机构 | 市政府办 | 发文日期 | 2024-01-22 | 文 号 | | 有 效 性 | 根据《中华人民共和国政府信息公开条例》规定，现公布报告。报告所列数据的统计期限自2023年1月1日起至12月31日止。 | 一、总体情况 | 好。\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况\n五、存在的主要问题及改进情况\n六、其他需要报告的事项\n`,
      ),
    );
    expect(p.report.published_on).toBe('2024-01-22');
    expect(p.report.year).toBe(2023);
  });

  it('leaves alone a line without a title, a title alone, and a label inside a word', () => {
    expect(texts('索引号：123 发布机构：某局')).toEqual(['索引号：123 发布机构：某局']);
    expect(texts('某某局2022年政府信息公开工作年度报告')).toEqual(['某某局2022年政府信息公开工作年度报告']);
    expect(texts('某某局2022年政府信息公开工作年度报告（信息来源：本局）')).toHaveLength(1);
    // A sentence that names the report, then a field: the cut keeps columns and raw text.
    const [a, b] = splitHeadLine(line('某某局2022年政府信息公开工作年度报告 来源：某某局'));
    expect(b!.raw).toBe('来源：某某局');
    expect(a!.raw + b!.raw).toBe('某某局2022年政府信息公开工作年度报告 来源：某某局');
  });
});

describe('a key alone on its line, its value on the next (a ninth fresh tester)', () => {
  it('reads the value below a spaced key; not a key below a key', () => {
    const m = meta(
      '南通市人民政府2023年政府信息公开工作年度报告\n索 引 号：\n014000111/2024-00088\n发 布 机 构：\n南通市人民政府办公室\n生 成 日 期：\n2024-01-19',
    );
    expect(m.index_no).toBe('014000111/2024-00088');
    expect(m.published_on).toBe('2024-01-19');
    const n = meta('某某局2023年政府信息公开工作年度报告\n索引号：\n发布日期：2024-02-01');
    expect(n.index_no).toBeNull();
    expect(n.published_on).toBe('2024-02-01');
  });
});

describe("a portal's info box as a table (a tenth fresh tester)", () => {
  const box = (mark: string) =>
    `<html><body><table><tr><th>${mark}索 引 号：</th><td>${mark}11000000MB0C12345X/2024-00012</td><th>主题分类：</th><td>政务公开</td></tr>` +
    `<tr><th>${mark}发布机构：</th><td>${mark}测试杨局</td><th>成文日期：</th><td>2024-01-20</td></tr>` +
    `<tr><th>标　　题：</th><td colspan="3">${mark}测试杨局2023年政府信息公开工作年度报告</td></tr></table>` +
    '<p>一、总体情况</p><p>好。</p></body></html>';
  it('takes no cell bar or unsure mark into the title, the agency or a field', () => {
    for (const mark of ['', '⁇']) {
      const m = extractMetadata(htmlToLines(box(mark)), [], 2026);
      expect(m.title).toBe('测试杨局2023年政府信息公开工作年度报告');
      expect(m.agency).toBe('测试杨局');
      expect(m.index_no).toBe('11000000MB0C12345X/2024-00012');
      expect(m.published_on).toBe('2024-01-20');
    }
  });
  it('ends a field at a tab (cells saved as text)', () => {
    const m = meta(
      '某某局2023年政府信息公开工作年度报告\n索引号：014416330/2024-00731\t分类：年报\n发布机构：\t某某局',
    );
    expect(m.index_no).toBe('014416330/2024-00731');
  });
});

describe("a browser's print header before the title (a fresh tester's Chromium-printed PDFs)", () => {
  it('is no part of the title or the agency', () => {
    for (const stamp of ['12/6/26, 7:48 AM', '2026/12/6 07:48', '2026-12-06 下午 3:05']) {
      const m = meta(`${stamp}                  淮安市人民政府2024年政府信息公开工作年度报告`);
      expect(m.agency).toBe('淮安市人民政府');
      expect(m.title).toBe('淮安市人民政府2024年政府信息公开工作年度报告');
    }
  });
});

describe('a cell of the page before the title, a tab between', () => {
  // A synthetic RTF (seed 107): a menu cell and the title's cell of one row, flattened with a tab.
  it('is no part of the title, the agency or the year', () => {
    const line =
      '机构概况 政策文件 2018年年报\t新疆维吾尔自治区生态环境厅2019年政府信息公开工作年度报告 发 布 日 期:2020/03/26';
    const m = meta(line, '一、总体情况\n2019年，全厅公开信息。');
    expect([m.title, m.agency, m.year]).toEqual([
      '新疆维吾尔自治区生态环境厅2019年政府信息公开工作年度报告',
      '新疆维吾尔自治区生态环境厅',
      2019,
    ]);
  });
  it('an agency’s name in the cell before still names it', () => {
    const m = meta('某某市交通运输局\t2019年政府信息公开工作年度报告', '一、总体情况\n好。');
    expect([m.title, m.agency, m.year]).toEqual([
      '某某市交通运输局2019年政府信息公开工作年度报告',
      '某某市交通运输局',
      2019,
    ]);
  });
});
