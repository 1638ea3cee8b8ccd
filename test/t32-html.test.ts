import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ok, parseText, wrongCells } from './helpers.ts';

/**
 * Minimal files of a fresh tester's t32 (HTML pages as portals publish them;
 * test/fixtures/tester/t32, each with its truth file): stylesheets a browser does not apply
 * (`<style type="text/less">`, `type="text/css; charset=utf-8"`) hid a digit, ones it does (a
 * `data:` URL linked or imported) did not; a sidebar's or a 热点 box's report title before the
 * page's <h1> gave the report its agency and year.
 */

const dir = new URL('./fixtures/tester/t32/', import.meta.url);
const parse = (file: string) => ok(parseText(readFileSync(new URL(file, dir)), file));

describe('t32: every published number is the one a browser shows', () => {
  const files = readdirSync(dir).filter((f) => /^[nr]\d.*\.html$/.test(f));
  it('has its files', () => expect(files.length).toBe(5));
  for (const file of files)
    it(file, () => {
      const p = parse(file);
      expect(wrongCells(p.cells, new URL(`${file}.json`, dir))).toEqual([]);
      expect(
        p.cells.find((c) => c.table_id === 'requests' && c.row_key === 'granted' && c.col_key === 'natural_person')
          ?.value,
      ).toBe(file.startsWith('r01') || file.startsWith('r10') ? 7 : 47);
    });
});

describe('report titles before the page’s <h1>', () => {
  it('are lists, not the report’s own title', () => {
    for (const file of [
      'a05_hot_list_before_h1.html',
      'a08_sidebar_link_no_title.html',
      'y04_sidebar_with_title_generic_h1_agency.html',
    ])
      expect(parse(file).report, file).toMatchObject({ agency: '测试市民政局', year: 2024 });
    // The <h1> has no year: the body's period gives it, not the sidebar's 2023.
    expect(parse('y01_sidebar_year_h1_noyear.html').report).toMatchObject({ agency: '测试市民政局', year: 2024 });
  });
});
