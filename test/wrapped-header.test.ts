import { describe, expect, it } from 'vitest';
import { REQUEST_PIECES, REVIEW_PIECE_LABELS, REVIEW_PIECES, wrappedOrderProblem } from '../src/lib/tables/header.ts';
import { minimalReport, ok, parseText, rowOf } from './helpers.ts';

/**
 * A PDF table printed without vertical rules whose header cells are too narrow for their labels:
 * its text is lines of label pieces side by side (商业 科研 / 企业 机构). A fresh tester's t20 (110
 * wrong cells in 5 files): headers naming 科研机构 before 商业企业, or 结果纠正 before 结果维持, had
 * their values placed in the form's order. The lines below are pdf.js's text of two such files.
 */
const REQUESTS = (pieces: [string, string]) => [
  '三、收到和处理政府信息公开申请情况',
  '申请人情况',
  '法人或其他组织',
  '（本列数据的勾稽关系为：第一项加第二项之和等于第三',
  '自然  社会  法律  总',
  '项加第四项之和）',
  `${pieces[0]}  其`,
  '人  公益  服务  计',
  `${pieces[1]}  他`,
  '组织  机构',
  '一、本年新收政府信息公开申请数量  298  8  24  14  27  29 400',
  '二、上年结转政府信息公开申请数量  33  0  1  3  5  2 44',
  '三、本年（一）予以公开  49  1  4  0  0  5 59',
];
const REVIEW = (pieces: [string, string]) => [
  '四、政府信息公开行政复议、行政诉讼情况',
  '行政复议  行政诉讼',
  '未经复议直接起诉  复议后起诉',
  '结果结果其他尚未总',
  `结果结果其他尚未总结果结果其他尚未总${pieces[0]}结果审结计`,
  `${pieces[1]}结果审结计${pieces[1]}结果审结计`,
  '0  10  7  0  17  2  3  0  0  5  2  12  5  0  19',
];

describe('a header of label pieces side by side (t20)', () => {
  it('names the columns in another order: no value is placed by count', () => {
    const p = ok(
      parseText(minimalReport([...REQUESTS(['科研商业', '机构企业']), ...REVIEW(['纠正维持', '纠正维持'])])),
    );
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('A A A A A A A');
    expect(rowOf(p.cells, 'review', 'review')).toBe('A A A A A');
  });
  it('in the form’s order, the rows are read', () => {
    const p = ok(
      parseText(minimalReport([...REQUESTS(['商业科研', '企业机构']), ...REVIEW(['维持纠正', '维持纠正'])])),
    );
    expect(rowOf(p.cells, 'requests', 'granted')).toBe('49 1 4 0 0 5 59');
    expect(rowOf(p.cells, 'review', 'review')).toBe('0 10 7 0 17');
  });
  it('pieces apart or of one column say nothing', () => {
    expect(wrappedOrderProblem(['商业企业 科研机构 社会公益组织 法律服务机构 其他'], REQUEST_PIECES)).toBeNull();
    // A block's last column, then the next block's first, with other words between.
    expect(wrappedOrderProblem(['维持纠正结果审结计维持纠正结果审结计'], REVIEW_PIECES)).toBeNull();
    expect(
      wrappedOrderProblem(['维持    纠正       结果       审结            维持   纠正'], REVIEW_PIECES, true),
    ).toBeNull();
    expect(wrappedOrderProblem(['纠正维持结果审结计'], REVIEW_PIECES, true)).toMatch(/纠正 before 维持/);
    expect(wrappedOrderProblem(['科研^商业'], REQUEST_PIECES)).toMatch(/科研 before 商业/);
    expect(wrappedOrderProblem(['法律  社会'], REQUEST_PIECES)).toMatch(/法律 before 社会/);
    // The rest of a piece's own label is no text between (a fresh tester: `尚未审   其他`), the
    // next block's words are (`尚未            结果   结果    其他`).
    const line = (a: string, b: string) => `结 果   结果       其他       尚未            结果   结果    ${a}   ${b}`;
    expect(wrappedOrderProblem([line('尚未审', '其他')], REVIEW_PIECES, true, REVIEW_PIECE_LABELS)).toMatch(
      /尚未 before 其他/,
    );
    expect(wrappedOrderProblem([line('其他', '尚未审')], REVIEW_PIECES, true, REVIEW_PIECE_LABELS)).toBeNull();
  });
});

describe('a header naming 总计 among the organisations, or a block of 四 in another order (t21)', () => {
  // A fresh tester's t21 (540 wrong cells in 4 of 150 files): `… 法律服务机构 总计 其他` had 总计's
  // values published as 其他's; a 行政诉讼 block named 尚未审结 before 其他结果.
  const requests = (header: string) => [
    '三、收到和处理政府信息公开申请情况',
    `申请人情况 ${header}`,
    '一、本年新收政府信息公开申请数量 334 23 36 11 20 433 9',
    '三、本年度办理结果（一）予以公开 0 0 4 0 2 6 0',
  ];
  const review = (second: string) => [
    '四、政府信息公开行政复议、行政诉讼情况',
    `行政复议 行政诉讼 结果维持 结果纠正 其他结果 尚未审结 总计 未经复议直接起诉 复议后起诉 ${second} 结果维持 结果纠正 其他结果 尚未审结 总计`,
    '3 5 3 3 14 1 5 2 4 12 4 3 2 3 12',
  ];
  it('no value is placed by its count', () => {
    for (const header of [
      '自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 总计 其他',
      '自然人 法人或其他组织 商业企业 科研机构 总计 社会公益组织 法律服务机构 其他',
      '自然人 总计 其他 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构',
    ]) {
      const p = ok(parseText(minimalReport(requests(header))));
      expect(rowOf(p.cells, 'requests', 'granted'), header).toBe('A A A A A A A');
    }
    const p = ok(parseText(minimalReport(review('结果维持 结果纠正 尚未审结 其他结果 总计'))));
    expect(rowOf(p.cells, 'review', 'suit_direct')).toBe('A A A A A');
  });
  it('in the form’s order, or flattened from its rows, the rows are read', () => {
    for (const header of [
      '自然人 法人或其他组织 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计',
      '自然人 法人或其他组织 总计 商业企业 科研机构 社会公益组织 法律服务机构 其他',
    ]) {
      const p = ok(parseText(minimalReport(requests(header))));
      expect(rowOf(p.cells, 'requests', 'granted'), header).toBe('0 0 4 0 2 6 0');
    }
    const p = ok(parseText(minimalReport(review('结果维持 结果纠正 其他结果 尚未审结 总计'))));
    expect(rowOf(p.cells, 'review', 'suit_direct')).toBe('1 5 2 4 12');
  });
});
