import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, parseText, wrongCells } from './helpers.ts';

/**
 * Minimal files of a fresh tester's t34, who wrote variants of the kinds fixed for t31–t33
 * (test/fixtures/tester/t34, each with its truth file): a table rule read as `l` or `丨` beside
 * glued cells, the same in 四's one row, a stray 0 after a row with a value lost; breadcrumbs of
 * other words and separators, mojibake before a name or after a year's digits, a year in
 * brackets without 年; a hot list's title before a title that is no <h1>.
 */

const dir = new URL('./fixtures/tester/t34/', import.meta.url);
const parse = (file: string) => ok(parseText(readFileSync(new URL(file, dir)), file));

describe('t34: every published number is the file’s', () => {
  for (const file of [
    'k2_09_new_received_2_ambig_lead_pipe_l.txt',
    'k2b_18_new_received_1_trail_pipe_4e28.txt',
    'k2c_33_p10_x_trail_31_9_pipe.txt',
    'k2r_05_1_lead.txt',
    'v3_stray0.txt',
    // A value lost and a stray number in one row while another row is a cell short and not all
    // 0: the column sums through both are checked with the short row read each way (shift.ts,
    // CellShort). Its own sum holding by chance (7 6 0 0 0 105 118 for 92 7 6 0 0 0 105), a
    // stray 0, a page's number.
    'k3_21_unable_not_held_L0_sumholds_granted_S0.txt',
    'k3c_9_31_other_unpaid_fee_L1_zero_withheld_enforcement_S0.txt',
    'k3_44_declined_publication_L4_rand_granted_S6.txt',
  ])
    it(file, () => expect(wrongCells(parse(file).cells, new URL(`${file}.json`, dir))).toEqual([]));
});

describe('t34: titles', () => {
  it('breadcrumbs of other words and separators are no part of the agency', () => {
    for (const file of ['k7_breadcrumb_oneline_agency.txt', 'k7b_bc_arrow.txt', 'k7b_bc_double_gt.txt'])
      expect(parse(file).report.agency, file).toBe('测试市水务局');
  });
  it('mojibake before a name, after a year’s digits or as U+FFFD is no part of it', () => {
    for (const file of ['k7_moji_kun_prefix.txt', 'k7_moji_kun_year.txt', 'k7_moji_replchar.txt'])
      expect(parse(file).report.agency, file).toBe('测试市水务局');
  });
  it('a year in brackets without 年 after a name holding a year is the report’s', () => {
    expect(parse('k7_olympic_bracket_noyearchar.txt').report).toMatchObject({
      agency: '北京2022年冬奥会和冬残奥会组织委员会',
      year: 2021,
    });
  });
  it('a hot list’s title before the report’s (no <h1>), or a <title> of another agency, is not the agency', () => {
    expect(parse('k5b_h2_title.html').report.agency).not.toBe('测试市财政局');
    expect(parse('k5b_h2_title.html').diagnostics.some((d) => d.code === 'W_AGENCY_DISPUTED')).toBe(true);
    expect(parse('k5b_title_tag_other.html').report.agency).toBe('测试市民政局');
  });
});
