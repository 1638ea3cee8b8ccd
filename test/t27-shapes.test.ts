import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from './documents.ts';
import { rulesOf } from '../src/lib/tables/read.ts';
import { voidEndReading } from '../src/lib/tables/shift.ts';
import { reviewIdentities } from '../src/lib/template/identities.ts';
import { reviewColumns, reviewRows } from '../src/lib/template/definitions.ts';
import { minimalReport, ok, parseText, rowOf, wrongCells } from './helpers.ts';

/**
 * Minimal files of a fresh tester's t27 (test/fixtures/tester/t27, each with its truth file) that
 * published wrong numbers:
 *
 * - a qualifier or a range before a row's first value, in the label's cell or on its line
 *   (`二、上年结转政府信息公开申请数量 10至12 2 1 …`, `少于12`, `超过12`, `(10)12`): the label took the
 *   words and 12 was published as 自然人 (tables/tokens.ts, QUALIFIED);
 * - 四 in a PDF, its one row drawn a cell short (14 of 15, 行政复议's 总计 lost): the empty last
 *   cell was read as a blank 尚未审结 总计 and every value after the lost one a column left
 *   (tables/shift.ts, voidEndReading).
 */

const dir = new URL('./fixtures/tester/t27/', import.meta.url);

async function wrong(file: string): Promise<string[]> {
  const bytes = readFileSync(new URL(file, dir));
  const cells = /\.pdf$/.test(file) ? (await parseDocument(file, bytes)).cells : ok(parseText(bytes, file)).cells;
  return wrongCells(cells, new URL(`${file}.json`, dir));
}

describe('t27: every published number is the file’s', () => {
  const files = readdirSync(dir).filter((f) => !f.endsWith('.json'));
  it('has its minimal files', () => expect(files.length).toBe(9));
  for (const file of files) it(file, async () => expect(await wrong(file)).toEqual([]));
});

describe('四 in a PDF, its row drawn a cell short (voidEndReading)', () => {
  const keys = Array.from(
    { length: 15 },
    (_, j) => `${reviewRows[Math.floor(j / 5)]!.key}.${reviewColumns[j % 5]!.key}`,
  );
  const rules = rulesOf(reviewIdentities, 'review').rules;
  it('is not proven where a cell lost elsewhere reads as well as the empty last one', () => {
    // m07: 行政复议's 总计 lost, the blocks' sums failing as shown.
    expect(voidEndReading([0, 2, 0, 0, 1, 2, 1, 1, 5, 3, 0, 0, 1, 4, null], keys, rules)).toMatch(/fail a sum/);
    // A 0 of 未经复议直接起诉 lost: as shown the sums hold, the last one unchecked (t27's c6).
    expect(voidEndReading([3, 2, 1, 0, 6, 0, 0, 0, 0, 0, 1, 0, 1, 2, null], keys, rules)).toMatch(/unchecked/);
  });
  it('stands where no other reading adds up', () => {
    expect(voidEndReading([3, 2, 1, 0, 6, 0, 0, 0, 0, 0, 4, 0, 1, 2, null], keys, rules)).toBeNull();
  });
});

describe('a qualified number glued to a label', () => {
  const row = (line: string) =>
    rowOf(
      ok(
        parseText(
          minimalReport([
            '三、收到和处理政府信息公开申请情况',
            '自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计',
            line,
            '四、政府信息公开行政复议、行政诉讼情况',
            '无。',
          ]),
        ),
      ).cells,
      'requests',
      'granted',
    );
  it('leaves 自然人 unread, whatever the qualifier', () => {
    for (const q of [
      '10至12',
      '10到12',
      '10或12',
      '10～12',
      '多于12',
      '至少12',
      '预计12',
      '（含10）12',
      '10、12',
      '含12',
      '本年12',
      '上年12',
      '累计12',
      '第12',
    ])
      expect(row(`（一）予以公开 ${q} 2 1 1 2 3 21`).split(' ')[0], q).not.toBe('12');
  });
  it('still reads a label glued to its number, its note in brackets included', () => {
    expect(row('（一）予以公开12 2 1 1 2 3 21')).toBe('12 2 1 1 2 3 21');
  });
  it('still reads the total row labelled 合计 glued to its numbers', () => {
    const cells = ok(
      parseText(
        minimalReport([
          '三、收到和处理政府信息公开申请情况',
          '自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计',
          '（一）予以公开 12 2 1 1 2 3 21',
          '（七）合计12 2 1 1 2 3 21',
          '四、政府信息公开行政复议、行政诉讼情况',
          '无。',
        ]),
      ),
    ).cells;
    expect(rowOf(cells, 'requests', 'total')).toBe('12 2 1 1 2 3 21');
  });
});
