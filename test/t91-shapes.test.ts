import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';
import { minimalReport, ok, parseText, rowOf } from './helpers.ts';

/** A fresh tester's t91 (test/fixtures/tester/t91, README.txt its notes): a unit a space after its number, a unit after a row's label. */
const dir = new URL('./fixtures/tester/t91/', import.meta.url);

describe('t91: a unit a space after its number is the number’s, and one after a label is no part of it', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(2));
  for (const file of files) {
    it(`${file}: no wrong number`, async () => expect(await wrongInFile(dir, file)).toEqual([]));
    it(`${file}: every number read`, async () => expect(await missingInFile(dir, file)).toEqual([]));
  }
  it('reads 二 written with spaces, a unit after each number', () => {
    const cells = ok(
      parseText(
        minimalReport([
          '二、主动公开政府信息情况',
          '信息内容  本年制发件数  本年废止件数  现行有效件数',
          '规章  3 件  1 件  25 件',
          '信息内容  本年处理决定数量',
          '行政许可  838 件',
          '三、收到和处理政府信息公开申请情况',
        ]),
      ),
    ).cells;
    expect(rowOf(cells, 'active', 'rules')).toBe('3 1 25');
    expect(rowOf(cells, 'active', 'licensing')).toBe('838');
  });
});
