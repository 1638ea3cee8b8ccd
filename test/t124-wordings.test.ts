import { describe, expect, it } from 'vitest';
import { correctionsStated } from '../src/lib/tables/corrections.ts';
import { tablesNamed } from '../src/lib/tables/named.ts';
import { noneStatements } from '../src/lib/tables/none-stated.ts';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';
import { lines } from './report-text.ts';

/**
 * A fresh tester's t124 (test/fixtures/tester/t124, README.txt its notes): statements of none, of
 * another period or unit, and corrections in wordings no list held, and their innocent twins.
 */
const dir = new URL('./fixtures/tester/t124/', import.meta.url);
/** Left (README.txt): a row reprinted under 补充说明; two notes naming who compiled the figures. */
const LEFT = /^(?:C11_|U01_|U08_)/;

describe('t124: the minimal files and the innocent twins', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(153));
  for (const file of files.filter((f) => !LEFT.test(f)))
    it(file, async () => expect(await wrongInFile(dir, file)).toEqual([]));
  for (const file of files.filter((f) => f.startsWith('I')))
    it(`${file} loses nothing`, async () => expect(await missingInFile(dir, file)).toEqual([]));
});

const none = (table: 'requests' | 'review', text: string) =>
  noneStatements(lines(text), table, 2023, ['某县水利局']).map((n) => n.rows.join(','));

describe('none stated, the general rule (t124)', () => {
  it.each([
    '二〇二三年度，我委共收到政府信息公开申请〇件。',
    '2023年度我办收到政府信息公开申请0件。',
    '本年度暂无公民、法人或者其他组织向本机关申请公开政府信息。',
    '本年度依申请公开业务未发生。',
    '2023年，我镇一次也没有收到群众提出的政府信息公开申请。',
    '依申请公开：本年度“零”受理。',
    '依申请公开工作：全年共计0件，无结转。',
    '2023年，我馆未收到政府信息公开申请。',
    '三、收到和处理政府信息公开申请情况：（本年度无）',
  ])('reads none of the requests in %s', (text) => expect(none('requests', text)).toEqual(['new_received']));
  it.each([
    ['本年度，我街道政府信息公开工作未引发行政争议。', 'review,suit_direct,suit_after_review'],
    ['全年政府信息公开行政复议、行政诉讼实现“双零”。', 'review,suit_direct,suit_after_review'],
    ['行政复议、行政诉讼：均未发生。', 'review,suit_direct,suit_after_review'],
    ['注：本年度本机关未发生此类案件。', 'review,suit_direct,suit_after_review'],
  ])('reads none of the cases in %s', (text, rows) => expect(none('review', text)).toEqual([rows]));
  it('reads a list of requests, reviews and lawsuits as both tables’', () => {
    const text = '说明：我局2023年度依申请公开、行政复议、行政诉讼均无，相关表格仅为格式保留。';
    expect(none('requests', text)).toEqual(['new_received']);
    expect(none('review', text)).toEqual(['review,suit_direct,suit_after_review']);
  });
  it.each([
    '本年度未收到涉及国家秘密的申请。',
    '未收到以信函、传真方式提交的申请。',
    '未出现申请人逾期不补正的情况。',
    '无依申请公开收费。',
    '法人或其他组织收到申请0件，自然人收到申请820件。',
    '（六）1.申请人无',
    '县教育局未收到政府信息公开申请。',
    '2022年度本局未收到政府信息公开申请。',
    '无锡市滨湖区编委办收到政府信息公开申请17件。',
    '二〇二三年度情况如下：',
  ])('reads no statement of none in %s', (text) => expect(none('requests', text)).toEqual([]));
  it.each(['本年度未收到行政复议申请。', '全年答复的申请，无人申请行政复议或提起行政诉讼。', '本年度无败诉案件。'])(
    'reads no statement of no case in %s (cases carried over, outcomes)',
    (text) => expect(none('review', text)).toEqual([]),
  );
});

const named = (text: string, here: 'active' | 'requests' | 'review' | null = null) =>
  tablesNamed(lines(text), here, 2023, ['某县发展和改革局']).map((n) => `${n.table}:${n.kind}`);

describe('a table named far from it (t124)', () => {
  it.each([
    ['第三部分表格为2022年度数据。', 'requests:other_period'],
    ['因机构改革，本委2023年度依申请公开台账尚在移交中，第三部分表格暂以2022年度数据填列。', 'requests:other_period'],
    ['第四部分表格所列系上一年度数据，本年度数据待核实后补充公布。', 'review:other_period'],
    ['第三部分表格为局属龙沙区房屋征收服务中心数据。', 'requests:other_unit'],
    ['本报告第三部分表格由局属萨尔图区房屋征收服务中心填报。', 'requests:other_unit'],
    ['第四部分表格数据经复核存在差错，现予撤回，待重新统计后另行公布。', 'review:withdrawn'],
    ['经自查，本报告第三部分表格部分数据有误，以我委重新发布的数据为准。', 'requests:withdrawn'],
  ])('reads %s', (text, out) => expect(named(text)).toEqual([out]));
  it('reads 本表 in its section', () => {
    expect(named('本表统计截止时间：2022年12月31日', 'requests')).toEqual(['requests:other_period']);
    expect(named('本表为黔江区人民医院（代报）数据。', 'requests')).toEqual(['requests:other_unit']);
    expect(named('本表统计截止时间：2022年12月31日')).toEqual([]);
  });
  it.each([
    '第三部分数据与2022年度相比有所增长。',
    '2022年度报告第三部分数据有误，现已更正。',
    '第三部分表格数据有误，更正如下：',
    '第四部分表格中行政复议结果维持数有误，正确应为6件。',
    '第三部分表格数据经复核准确无误。',
    '本报告第三部分数据统计期限为2023年1月1日至2023年12月31日。',
  ])('reads nothing of the table in %s', (text) => expect(named(text)).toEqual([]));
  it.each([
    '注：本表按照2021年修订的统计格式填报。',
    '注：本表是在2022年度统计基础上更新的本年度数据。',
    '注:本表中“现行有效件数”含2022年以前制发的文件',
  ])('reads nothing of the table in the note %s', (text) => expect(named(text, 'active')).toEqual([]));
});

const corrected = (...texts: string[]) =>
  correctionsStated(lines(...texts) as never, 2023).map((c) => ({
    requests: [...c.requests],
    review: [...c.review],
    active: [...c.active],
    figures: c.figures ?? null,
  }));

describe('corrections in looser words (t124)', () => {
  it('names the row and the figures it gives', () => {
    expect(corrected('表三“（一）予以公开”自然人17件误印为14件，总计19件误印为16件，特此更正。')[0]).toMatchObject({
      requests: ['granted'],
    });
    expect(corrected('经核查，表三“（一）予以公开”自然人一栏应为十七件，总计栏应为十九件。')[0]).toMatchObject({
      requests: ['granted'],
    });
    expect(corrected('现将表三“（一）予以公开”自然人栏“14”改为“17”、总计栏“16”改为“19”。')[0]).toMatchObject({
      requests: ['granted'],
      figures: [14, 17, 16, 19],
    });
    expect(corrected('第二部分“行政许可”处理决定数量应是10219件。')[0]).toMatchObject({
      active: ['licensing'],
      figures: [10219],
    });
  });
  it('finds the row of a note by its marker, and 此数 under a row', () => {
    const marked = corrected(
      '（一）予以公开※ | 14 | 1 | 0 | 0 | 0 | 1 | 16',
      '※该行自然人数、总计数分别应计17件、19件。',
    );
    expect(marked[0]).toMatchObject({ requests: ['granted'], figures: [17, 19] });
    const under = corrected('行政许可 | 10119', '（此数有误，应以10219件计）');
    expect(under[0]).toMatchObject({ active: ['licensing'] });
  });
});
