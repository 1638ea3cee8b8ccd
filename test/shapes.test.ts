import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInMemory, type SourceFile } from '../src/lib/ingest/run.ts';
import { gaz, sha } from './helpers.ts';

/**
 * Shapes a first tester made by hand to break the reader (test/fixtures/shapes, with the right
 * values in truth/ in the format of ../shared/cases): columns named in another order than the
 * official form, money in 千元 and 亿元, footnote marks (78①, 166<sup>1</sup>, hidden text),
 * text in number cells (三, 3/5, 334人次), two reports in one file, a report's year among
 * other years' titles, a fee unit stated outside the amount header, and others. Word files go
 * through the real document path (convertSync's helper thread, mammoth, word-extractor). Each published
 * number must be the file's; a truth value of null must come out NULL; `lenient` allows NULL.
 */
const DIR = 'test/fixtures/shapes';
interface TruthCell {
  table_id: string;
  row_key: string;
  col_key: string;
  value: number | null;
  lenient?: boolean;
}

describe('hand-made shapes from a first tester', () => {
  const names = readdirSync(join(DIR, 'raw')).sort();
  const files: SourceFile[] = names.map((n) => {
    const bytes = readFileSync(join(DIR, 'raw', n));
    return { path: n, size: bytes.length, read: () => bytes, sha256: sha };
  });
  const data = runInMemory(files, { rawDir: DIR, maxBytes: 20 * 1024 * 1024, gazetteer: gaz(), maxYear: 2026 });
  const byFile = new Map(data.reports.map((r) => [r.source_file, r.report_id]));
  const cells = new Map(data.cells.map((c) => [`${c.report_id}|${c.table_id}.${c.row_key}.${c.col_key}`, c]));

  it('reads every one of them as a report (Word files too, through the document path)', () => {
    expect(names.filter((n) => !byFile.has(n))).toEqual([]);
    expect(names.filter((n) => /\.docx?$/.test(n)).length).toBeGreaterThanOrEqual(3);
  });

  it('publishes no wrong number on any of them', () => {
    const wrong: string[] = [];
    let checked = 0;
    for (const n of names) {
      const truth = JSON.parse(readFileSync(join(DIR, 'truth', `${n}.json`), 'utf8')) as { cells: TruthCell[] };
      const id = byFile.get(n);
      if (!id) continue;
      for (const t of truth.cells) {
        const c = cells.get(`${id}|${t.table_id}.${t.row_key}.${t.col_key}`);
        const v = c?.value ?? null;
        checked++;
        if (v !== null && (t.value === null || Math.abs(v - t.value) > 1e-9))
          wrong.push(`${n} ${t.table_id}.${t.row_key}.${t.col_key}: ${v} (file: ${t.value})`);
      }
    }
    expect(checked).toBeGreaterThan(3000);
    expect(wrong).toEqual([]);
  });

  const cell = (file: string, key: string) => cells.get(`${byFile.get(file)}|${key}`);
  it('columns in another order than the form: no value placed, with a note', () => {
    expect(cell('x06_req_subcols_reordered.txt', 'requests.new_received.commercial')?.state).toBe('ambiguous');
    expect(cell('x05_review_suits_first.txt', 'review.review.total')?.state).toBe('ambiguous');
    expect(cell('w01_active_cols_reordered.txt', 'active.rules.issued')?.state).toBe('ambiguous');
  });
  it('spreadsheet exports (.csv, 12.0) and (3)其他 numbering are read', () => {
    expect(cell('t5_n08_excel_float_export_12_0.txt', 'requests.total.total')?.state).toBe('number');
    expect(cell('t5_n11_excel_export_csv_rejected.csv', 'requests.new_received.total')?.state).toBe('number');
    expect(cell('t5_n13_label_numbering_paren_3_other.txt', 'requests.other_misc.total')?.value).toBe(1);
  });
  it('a grid table, sections out of order and invisible characters are read (t5_n01, n04, n10)', () => {
    // Pandoc grid table: the wrapped label 一、本年新收政府信息公|开申请数量 is one row.
    const grid = 't5_n01_pandoc_grid_table_blank_reason.md';
    expect(cell(grid, 'requests.new_received.total')?.value).toBe(39);
    expect(cell(grid, 'requests.other_no_correction.natural_person')?.value).toBe(0);
    expect(cell(grid, 'requests.declined_excessive.legal_service')?.value).toBe(1);
    // 三 printed before 二: both read, each once.
    const order = 't5_n04_section3_before_section2.txt';
    expect(cell(order, 'requests.new_received.total')?.value).toBe(56);
    expect(cell(order, 'requests.total.total')?.value).toBe(58);
    expect(cell(order, 'active.rules.issued')?.state).toBe('number');
    // 1\u200b2 is 12 to a reader of the page, and labels with a joiner inside still match.
    const zw = 't5_n10_zero_width_chars_in_numbers.html';
    expect(cell(zw, 'requests.total.total')?.value).toBe(77);
  });
  it('a spreadsheet saved as CSV is read by position: blank cells are blank (t5_n11)', () => {
    const csv = 't5_n11_excel_export_csv_rejected.csv';
    // 二、上年结转…,,,,1,0,0,0,1,2: two fields of the merged label, then a blank 自然人.
    expect(cell(csv, 'requests.carried_over.natural_person')?.state).toBe('blank');
    expect(cell(csv, 'requests.carried_over.total')?.value).toBe(2);
    // ,（三）不予公开,1.属于国家秘密,,0,,,1,0,1
    expect(cell(csv, 'requests.withheld_state_secret.legal_service')?.value).toBe(1);
    expect(cell(csv, 'requests.withheld_state_secret.research')?.state).toBe('blank');
  });
  it('pdftotext -layout with labels wrapped below their numbers (t5_n02): every cell read', () => {
    const f = 't5_n02_layout_wrapped_labels_blank_reason.txt';
    // （三）2.其他法 0 2 0 0 1 0 3 / 律行政法规禁止 / 公开: the pieces make one whole label.
    expect(cell(f, 'requests.withheld_prohibited.legal_service')).toMatchObject({ state: 'number', value: 1 });
    expect(cell(f, 'requests.other_unpaid_fee.total')).toMatchObject({ state: 'number', value: 3 });
    expect(cell(f, 'requests.declined_confirmation.research')).toMatchObject({ state: 'number', value: 1 });
  });
  it('千元 and 亿元 are converted exactly to 万元, never taken for 元', () => {
    expect(cell('x04_fee_qianyuan.txt', 'active.fees.amount')?.value).toBe(12.75);
    expect(cell('y03_fee_yiyuan.txt', 'active.fees.amount')?.value).toBe(1275);
  });
  it('footnote marks and text in a number cell: unreadable with the raw text, never a digit and never blank', () => {
    expect(cell('x03_footnotes.txt', 'requests.granted.commercial')).toMatchObject({
      state: 'unreadable',
      raw: '78①',
      value: null,
    });
    expect(cell('w11_cn_numerals.txt', 'requests.declined_repeat.natural_person')).toMatchObject({
      state: 'unreadable',
      raw: '三',
    });
    for (const c of data.cells)
      if (c.state === 'blank') expect(c.raw, `${c.table_id}.${c.row_key}.${c.col_key}`).toBe('');
  });
  it('a second tester’s shapes (u_*): header orders the form does not use, rows short of separated cells', () => {
    // 总计 first in a block of section 四 (HTML, text, markdown, Word); 自然人 after the five 法人
    // columns in a one-line header; 总计 before 申请人情况 in a three-line text header.
    for (const f of [
      'u_v21_review_total_first.html',
      'u_w04_review_total_first_only_review.html',
      'u_k03_review_flat15_total_first.html',
      'u_t05_review_total_first.txt',
      'u_z08_review_md_total_first.md',
      'u_d_v21_review_total_first.docx',
    ])
      expect(cell(f, 'review.review.upheld')?.state, f).toBe('ambiguous');
    for (const f of [
      'u_h02_html_flat_natural_last.html',
      'u_h04_tsv_natural_last.txt',
      'u_h06_pipe_flat_natural_last.txt',
      'u_z03_md_natural_last.md',
      'u_req_total_first_header.txt',
    ])
      expect(cell(f, 'requests.new_received.natural_person')?.state, f).toBe('ambiguous');
    // 264 | 503 | 48 | 131 for seven columns, with no column sum usable: never 2|64|50|3|4|8.
    expect(cell('u_min_resplit_other_row_unreadable.txt', 'requests.granted.natural_person')?.state).toBe('ambiguous');
    // 2019 section 二 sub-tables (（五）…（八）) whose header puts 上一年项目数量 / 本年增/减 /
    // 处理决定数量 in another order.
    for (const f of ['u2_m01_2019_item_cols_reordered.txt', 'u2_d02_2019_items_cols_rotated.txt'])
      expect(cell(f, 'active.licensing.prev_items')?.state, f).toBe('ambiguous');
    expect(cell('u2_c10_fee_cols_swapped.txt', 'active.fees.change')?.state).toBe('ambiguous');
  });
  it('a fifth tester’s shapes (f05*, f07*): the report’s year, and a fee unit stated outside the amount header', () => {
    const year = (f: string) => data.reports.find((r) => r.source_file === f)?.year;
    // Titles of the agency's other reports listed above the title; a title without a year and a
    // text opening with 与2022年相比; an HTML <title> naming another year than the <h1>.
    expect(year('f05_text_other_year_titles_before_title.txt')).toBe(2023);
    expect(year('f05b_no_title_year_comparison_year_first.txt')).toBe(2023);
    expect(year('f05c_html_title_tag_other_year.html')).toBe(2023);
    // 单位：元 above the sub-table, in the first header cell, in the caption, in the heading.
    for (const f of [
      'f07_fee_unit_line_above_header_yuan.txt',
      'f07b_fee_unit_in_first_header_cell.txt',
      'f07c_fee_unit_in_subtable_caption.txt',
      'f07d_fee_unit_in_section_heading.txt',
    ])
      expect(cell(f, 'active.fees.amount')?.value, f).toBe(3.2);
  });
  it('a fifth tester’s shapes (t5_*): block boxes in a cell, hidden and struck text', () => {
    // <p>3</p><p>1</p>, <div>s, Word's MsoNormal paragraphs: two values in one cell, never 31.
    for (const f of [
      't5_f01_html_two_paragraphs_in_number_cell.html',
      't5_f01b_html_two_divs_in_number_cell.html',
      't5_f01c_word_html_two_msonormal_paragraphs_in_cell.html',
    ])
      expect(cell(f, 'requests.partly_granted.commercial'), f).toMatchObject({ state: 'unreadable', raw: '3 1' });
    expect(cell('t5_f01d_html_number_then_block_note.html', 'requests.granted.natural_person')?.value).toBeNull();
    // Hidden by a stylesheet class, struck through, hidden runs in Word (.docx and .doc).
    expect(cell('t5_f04_html_css_class_hidden_digit.html', 'requests.granted.natural_person')?.value).toBe(5);
    expect(cell('t5_f04b_html_strikethrough_del_digit.html', 'requests.granted.natural_person')?.value).toBe(5);
    expect(cell('t5_f02_docx_hidden_text_in_cell.docx', 'requests.carried_over.total')?.value).toBe(1);
    expect(cell('t5_f02b_doc_hidden_text_in_cell.doc', 'requests.carried_over.total')?.value).toBe(5);
  });
  it('a fifth tester’s Word files read by what they are (t5_n05, n05b, n06) and fields read as shown (t5_n09)', () => {
    const report = (f: string) => data.reports.find((r) => r.source_file === f);
    // Word's "save as web page" kept as .doc, RTF saved as .doc, a Word 97 file renamed .docx.
    expect(report('t5_n05_doc_that_is_word_html.doc')?.encoding).toBe('utf-8 (html named .doc)');
    expect(report('t5_n05b_doc_that_is_rtf.doc')?.encoding).toBe('rtf (named .doc)');
    expect(report('t5_n06_docx_that_is_ole_doc_says_encrypted.docx')?.encoding).toBe('doc (named .docx)');
    expect(cell('t5_n05_doc_that_is_word_html.doc', 'requests.total.total')?.state).toBe('number');
    expect(cell('t5_n05b_doc_that_is_rtf.doc', 'active.licensing.decisions')?.value).toBe(40929);
    expect(cell('t5_n05b_doc_that_is_rtf.doc', 'requests.total.total')?.value).toBe(72);
    expect(cell('t5_n06_docx_that_is_ole_doc_says_encrypted.docx', 'requests.total.total')?.state).toBe('number');
    // Totals in <w:fldSimple w:instr="=SUM(LEFT)"> fields: the shown result, not dropped.
    expect(cell('t5_n09_docx_fldsimple_totals_dropped.docx', 'requests.new_received.total')?.value).toBe(95);
  });
  it('a fifth tester’s PDFs (t5_*, read through the document path): watermark, superscript mark, fake bold', () => {
    // A watermark 2024年1月 set at an angle, semi-transparent, its glyphs over blank cells.
    const f03 = 't5_f03_pdf_watermark_digits_in_blank_cells.pdf';
    for (const k of [
      'withheld_internal.research',
      'declined_excessive.research',
      'withheld_three_safeties.legal_service',
    ])
      expect(cell(f03, `requests.${k}`), k).toMatchObject({ state: 'blank', value: null });
    // A footnote mark set as a superscript after 87: never 871.
    expect(cell('t5_f06_pdf_superscript_footnote_glued_to_number.pdf', 'requests.new_received.total')).toMatchObject({
      state: 'unreadable',
      raw: '87^1',
      value: null,
    });
    // Every glyph of the 总计 column drawn twice 0.4 pt apart: 59, never 5959; 5, never 55.
    const f08 = 't5_f08_pdf_fake_bold_double_drawn_digits.pdf';
    expect(cell(f08, 'requests.new_received.total')?.value).toBe(59);
    expect(cell(f08, 'requests.carried_over.total')?.value).toBe(5);
  });
  it('a seventh tester’s one-line dumps with a cell’s &nbsp; between two values: the runs are split on either side', () => {
    for (const f of ['t7_c01_n01_oneline_nbsp_2021.txt', 't7_c01_n02_oneline_nbsp_2019.txt']) {
      const id = byFile.get(f);
      const read = data.cells.filter((c) => c.report_id === id && c.table_id === 'requests' && c.state === 'number');
      // Was 0: the whole table NULL, as if the values were written apart.
      expect(read.length, f).toBeGreaterThan(140);
    }
  });
});
