import { describe, expect, it } from 'vitest';
import { namesOtherPeriod } from '../src/lib/tables/periods.ts';
import { noneStated } from '../src/lib/tables/none-stated.ts';
import { ok, parseText, rowOf } from './helpers.ts';
import { ACTIVE, REQUESTS, REVIEW, lines, report } from './report-text.ts';

/**
 * A section's text saying nothing happened in the year beside a table of figures (t109: last
 * year's table under 本年度本机关未收到政府信息公开申请。 and a note the period rules miss): text and
 * table disagree, so the table is left NULL (tables/none-stated.ts).
 */

describe('noneStated', () => {
  it.each([
    '本年度本机关未收到政府信息公开申请。',
    '本年度，我局没有收到依申请公开的申请。',
    '2023年未收到任何政府信息公开申请',
    '本年度本机关无政府信息公开申请。',
    '本年度未接到公民、法人或其他组织提出的政府信息公开申请。',
    '本年度未收到新的政府信息公开申请，上年结转1件已办结。',
    '本年度本機關未收到政府信息公開申請。',
    '本年度本机关无依申请公开政府信息事项。',
    '本年度本机关收到政府信息公开申请0件。',
    '本年度本机关未有政府信息公开申请。',
  ])('三: %s', (t) => expect(noneStated(lines(t), 'requests', 2023)?.rows).toEqual(['new_received']));

  it.each([
    '本年度本机关未收到涉及国家秘密的申请。',
    '上年度本机关未收到政府信息公开申请，本年度收到12件。',
    '2022年未收到政府信息公开申请。',
    '本年度未收到因政府信息公开申请引起的行政复议。',
    '如未收到申请人补正材料的，按规定不再处理。',
    '一、本年新收政府信息公开申请数量 | 10 | 1 | 0 | 0 | 0 | 1 | 12 |',
    '本年度本机关共收到政府信息公开申请若干件，所属事业单位未收到政府信息公开申请。',
    '本年度第一季度未收到政府信息公开申请，第二季度起申请数量有所增加。',
    '县政府本级本年度未收到政府信息公开申请。',
    '本年度本机关收到政府信息公开申请10件。',
  ])('三, not a statement of none in the year: %s', (t) => expect(noneStated(lines(t), 'requests', 2023)).toBeNull());

  it.each([
    ['本年度未发生政府信息公开行政复议、行政诉讼案件。', ['review', 'suit_direct', 'suit_after_review']],
    ['本年度本机关没有因政府信息公开引起的行政复议和行政诉讼。', ['review', 'suit_direct', 'suit_after_review']],
    ['本年度未发生因政府信息公开申请引起的行政复议。', ['review']],
    ['全年无行政诉讼案件。', ['suit_direct', 'suit_after_review']],
    ['本年度未发生涉及政府信息公开的行政复议、行政诉讼案件。', ['review', 'suit_direct', 'suit_after_review']],
    ['本年度本机关未因政府信息公开工作被申请行政复议或提起行政诉讼。', ['review', 'suit_direct', 'suit_after_review']],
  ])('四: %s', (t, rows) => expect(noneStated(lines(t), 'review', 2023)?.rows).toEqual(rows));

  it.each([
    '2022年度未发生行政复议案件。',
    '本年度发生行政复议1件，维持原行政行为。',
    '行政复议 | 行政诉讼 |',
    '本年度未收到行政复议申请，上年度结转的2件行政复议案件本年度均已审结。',
    '本年度下属单位未发生政府信息公开行政复议、行政诉讼案件。',
  ])('四, not a statement of none in the year: %s', (t) => expect(noneStated(lines(t), 'review', 2023)).toBeNull());
});

it('reads a statement wrapped over two lines as one', () => {
  expect(noneStated(lines('本年度本机关未收到政府信息公', '开申请，相关情况统计如下：'), 'requests', 2023)?.line).toBe(
    1,
  );
  expect(
    noneStated(lines('本年度未发生政府信息公开行政复议、行政', '诉讼案件，具体情况如下：'), 'review', 2023)?.rows,
  ).toEqual(['review', 'suit_direct', 'suit_after_review']);
});

describe('a span from an event to now (namesOtherPeriod)', () => {
  it.each([
    ['自《中华人民共和国政府信息公开条例》施行之日起至本年末', true],
    ['自本中心成立以来至今', true],
    ['新修订的《条例》施行以来', false],
    ['自2023年1月1日起至本年末', false],
    ['本局自2023年3月组建之日起至年末', false],
    ['本局自2019年3月组建之日起至年末', true],
  ])('%s', (w, other) => expect(namesOtherPeriod(w, 2023)).toBe(other));
});

describe('a table against its section saying none (parse)', () => {
  const read = (text: string) => ok(parseText(text));
  const NONE = '本年度本机关未收到政府信息公开申请。';

  it('leaves 三 NULL when its text says none and its table holds new requests, whatever note follows', () => {
    const p = read(report(ACTIVE, [NONE, ...REQUESTS, '上表数据由本机关根据台账整理，反映的是以往情况。'], REVIEW, []));
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('C C C C C C C');
    expect(rowOf(p.cells, 'requests', 'carried_forward')).toBe('C C C C C C C');
    const note = p.diagnostics.find((d) => d.code === 'W_CELLS_AMBIGUOUS' && /none in the year/.test(d.message));
    expect(note?.line).toBe(20);
    // The other tables are read.
    expect(rowOf(p.cells, 'active', 'rules')).toBe('2 1 17');
    expect(rowOf(p.cells, 'review', 'suit_after_review')).toBe('0 0 0 2 2');
  });

  it('reads 三 where the table agrees with the text (no new request, the last year carried over)', () => {
    const zero = REQUESTS.map((l) =>
      l.startsWith('一、本年新收') ? '一、本年新收政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |' : l,
    );
    const p = read(report(ACTIVE, [NONE, ...zero], REVIEW, []));
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('0 0 0 0 0 0 0');
    expect(rowOf(p.cells, 'requests', 'carried_forward')).toBe('2 0 0 0 0 0 2');
  });

  it('reads 三 where no statement says none in the year (one kind of request, a condition)', () => {
    for (const said of ['本年度未收到涉及国家秘密的申请。', '申请人如未收到答复，可以来电查询。']) {
      const p = read(report(ACTIVE, [said, ...REQUESTS], REVIEW, []));
      expect(rowOf(p.cells, 'requests', 'new_received')).toBe('10 1 0 0 0 1 12');
    }
  });

  it('leaves 四 NULL when its text says no review or lawsuit happened and its table holds cases', () => {
    const p = read(report(ACTIVE, REQUESTS, ['本年度未发生政府信息公开行政复议、行政诉讼案件。', ...REVIEW], []));
    expect(rowOf(p.cells, 'review', 'review')).toBe('C C C C C');
    expect(rowOf(p.cells, 'requests', 'new_received')).toBe('10 1 0 0 0 1 12');
  });
});
