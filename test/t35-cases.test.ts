import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, parseText, wrongCells } from './helpers.ts';

/**
 * Minimal files of a fresh tester's t35, who wrote 237 variants of the ten kinds of the shared
 * failing cases (test/fixtures/tester/t35, each with its truth file) and found no wrong number.
 * Its largest gap: c01's one-line dump with values of hundreds and thousands, every row's digits
 * glued (`一、本年新收政府信息公开申请数量283835414513456993626`): a row of 20 digits has more
 * readings than the cap, so it was not read, nor were the rows whose column sums pass through it.
 */

const dir = new URL('./fixtures/tester/t35/', import.meta.url);
const parse = (file: string) => ok(parseText(readFileSync(new URL(file, dir)), file));

describe('t35: a one-line dump, every row’s digits glued, values in the thousands', () => {
  for (const file of ['min01_oneline_unique_0.txt', 'min01_oneline_unique_1.txt'])
    it(`${file}: 三 read whole, every number the file's`, () => {
      const p = parse(file);
      expect(wrongCells(p.cells, new URL(`${file}.json`, dir))).toEqual([]);
      const requests = p.cells.filter((c) => c.table_id === 'requests');
      expect(requests.filter((c) => c.state !== 'number')).toEqual([]);
    });
});

describe('t35: a table whose section heading the page left out', () => {
  // 三's table right after 二's with no 三、收到和处理政府信息公开申请情况 (and 二's after 一's text
  // with no 二、主动公开政府信息情况): the table went with the section before, which has no such
  // rows, and all 175 cells were lost (segment/unheaded.ts).
  for (const file of ['min06_no_section3_heading.html', 'min06_no_section2_heading.html'])
    it(`${file}: read whole, every number the file's`, () => {
      const p = parse(file);
      expect(wrongCells(p.cells, new URL(`${file}.json`, dir))).toEqual([]);
      const read = (table: string) => p.cells.filter((c) => c.table_id === table && c.state === 'number').length;
      expect([read('active'), read('requests')]).toEqual([10, 175]);
    });
});

describe('t35: the page’s labelled fields written otherwise', () => {
  // `【索引号】…【发布日期】…`, `公开日期：`, `索  引  号：`, `索 引 号 ：`, and 索引号 before another
  // field after full-width spaces: the index number or the date was NULL (metadata/metadata.ts,
  // keyValues; metadata/dates.ts).
  for (const file of [
    'min04_bracket_labels.txt',
    'min04_gongkai_riqi.txt',
    'min04_doublespaced_label.txt',
    'min04_space_before_colon.txt',
    'min04_index_then_fullwidth_space_label.txt',
  ])
    it(file, () => {
      const want = (
        JSON.parse(readFileSync(new URL(`${file}.json`, dir), 'utf8')) as { expect: Record<string, unknown> }
      ).expect;
      const r = parse(file).report;
      expect({ published_on: r.published_on, index_no: r.index_no }).toEqual({
        published_on: want.published_on,
        index_no: want.index_no ?? r.index_no,
      });
    });
});
