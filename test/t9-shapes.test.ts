import { describe, expect, it } from 'vitest';
import { hMergeAsSpans } from '../src/lib/decode/docx-merge.ts';
import { dingbatRuns, symbolsAsText } from '../src/lib/decode/docx-hidden.ts';
import { dropOverdrawn, type DrawnRun } from '../src/lib/decode/pdf-glyphs.ts';
import { readDocx } from '../src/lib/decode/word.ts';
import { wordDocument, wordPackage } from './documents.ts';
import { ok, parseText, rowOf } from './helpers.ts';

/**
 * Shapes a fresh tester (t9) found in PDF and Word files: a shadow drawn under each number (38
 * read as 3838: 607 wrong numbers), a digit inserted as a Word symbol (4526 read as 526), and
 * Word's older horizontal merge (a number over two columns read as the first one's).
 */

const doc = wordDocument;
const docx = wordPackage;

const cell = (inner: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}<w:p>${inner}</w:p></w:tc>`;
const text = (t: string) => `<w:r><w:t>${t}</w:t></w:r>`;

describe('PDF: a copy of the text drawn over it', () => {
  const run = (str: string, x: number, y: number, extra: Partial<DrawnRun> = {}): DrawnRun => ({
    str,
    x,
    y,
    w: str.length * 5.25,
    size: 10.5,
    ...extra,
  });
  const strs = (runs: DrawnRun[]) => dropOverdrawn(runs).map((r) => r.str);

  it('a shadow 2.25 pt off (3px), drawn first, is dropped: 38, never 3838', () => {
    expect(strs([run('38', 102.25, 597.75), run('38', 100, 600)])).toEqual(['38']);
    expect(strs([run('9', 102.25, 597.75), run('9', 100, 600)])).toEqual(['9']);
  });

  it('one character again on the same baseline a third of its width on or more: unsure, never read', () => {
    // A shadow set straight across, or 99 tracked tight, each digit drawn on its own (a fresh
    // tester's t52: 3001 read as 301): the drawing does not tell which.
    expect(strs([run('9', 103.75, 600), run('9', 100, 600)]).join('')).toContain('⁇');
    expect(strs([run('0', 100, 600), run('0', 103, 600)]).join('')).toContain('⁇');
  });

  it('a light shadow leaves the number that is seen plainly', () => {
    const faint = run('44612', 102.25, 600, { ink: Array(5).fill('unsure') });
    const out = dropOverdrawn([faint, run('44612', 100, 600)]);
    expect(out.map((r) => `${r.str}@${r.x}`)).toEqual(['44612@100']);
  });

  it('keeps two numbers in the rows above and below, and a number a whole width on', () => {
    expect(strs([run('38', 100, 600), run('38', 100, 588)])).toEqual(['38', '38']);
    expect(strs([run('5', 100, 600), run('5', 105, 600)])).toEqual(['5', '5']);
  });
});

describe('Word: a digit typed in a picture font (a fresh tester’s t25)', () => {
  it('a run in Wingdings or Webdings shows pictures: its text is OBJECT_MARK, never a digit', () => {
    const wing = (font: string, t: string) =>
      `<w:r><w:rPr><w:rFonts w:ascii="${font}" w:hAnsi="${font}"/></w:rPr><w:t>${t}</w:t></w:r>`;
    // "16" and a Wingdings "1": 161 was published.
    const out = dingbatRuns(doc(`<w:p>${text('16')}${wing('Wingdings', '1')}</w:p>`));
    expect(out).toContain('<w:t>16</w:t>');
    expect(out).toContain('<w:t>\ufffc</w:t>');
    expect(dingbatRuns(doc(`<w:p>${wing('Webdings', '7')}</w:p>`))).toContain('\ufffc');
    // Symbol's digits are digits; other fonts, and a document without a picture font: unchanged.
    expect(dingbatRuns(doc(`<w:p>${wing('Symbol', '1')}</w:p>`))).toBeNull();
    expect(dingbatRuns(doc(`<w:p>${wing('宋体', '1')}</w:p>`))).toBeNull();
    // A picture font named only for East Asian text (w:eastAsia) draws no Latin digit.
    expect(
      dingbatRuns(doc('<w:p><w:r><w:rPr><w:rFonts w:eastAsia="Wingdings"/></w:rPr><w:t>1</w:t></w:r></w:p>')),
    ).toBeNull();
  });
});

describe('Word: a digit or sign inserted as a symbol (w:sym)', () => {
  it('in a font that is no symbol font: the character as text', () => {
    const xml = doc(`<w:p><w:r><w:sym w:font="Times New Roman" w:char="0034"/></w:r>${text('526')}</w:p>`);
    expect(symbolsAsText(xml)).toContain('<w:t xml:space="preserve">4</w:t>');
    expect(symbolsAsText(doc('<w:p><w:r><w:sym w:font="宋体" w:char="FF11"/></w:r></w:p>'))).toContain('１');
    expect(symbolsAsText(doc('<w:p><w:r><w:sym w:font="Arial" w:char="2212"/></w:r></w:p>'))).toContain('−');
  });

  it('a symbol font’s characters, and its private-use codes, are left to mammoth', () => {
    expect(symbolsAsText(doc('<w:p><w:r><w:sym w:font="Symbol" w:char="0061"/></w:r></w:p>'))).toBeNull();
    expect(symbolsAsText(doc('<w:p><w:r><w:sym w:font="Arial" w:char="F031"/></w:r></w:p>'))).toBeNull();
  });

  it('reads 4526 where the 4 is a symbol', async () => {
    const d = await docx(`<w:p><w:r><w:sym w:font="Times New Roman" w:char="0034"/></w:r>${text('526')}</w:p>`);
    const c = await readDocx(d);
    expect(c.ok && c.format === 'docx' ? c.html : '').toContain('4526');
  });
});

describe('Word: the older horizontal merge (w:hMerge)', () => {
  const row = (...cells: string[]) => `<w:tbl><w:tr>${cells.join('')}</w:tr></w:tbl>`;

  it('a restart cell and the cells continuing it: one cell spanning their columns', () => {
    const xml = doc(
      row(
        cell(text('予以公开')),
        cell(text('3'), '<w:hMerge w:val="restart"/>'),
        cell('', '<w:hMerge/>'),
        cell(text('5')),
      ),
    );
    const out = hMergeAsSpans(xml)!;
    expect(out.match(/<w:tc>/g)).toHaveLength(3);
    expect(out).toContain('<w:gridSpan w:val="2"/>');
    expect(out).not.toContain('hMerge');
  });

  it('mammoth then writes a colspan, so the number stands over both columns', async () => {
    const d = await docx(
      row(
        cell(text('予以公开')),
        cell(text('0'), '<w:hMerge w:val="restart"/>'),
        cell('', '<w:gridSpan w:val="2"/><w:hMerge w:val="continue"/>'),
        cell('', '<w:hMerge/>'),
        cell(text('5')),
      ),
    );
    const c = await readDocx(d);
    expect(c.ok && c.format === 'docx' ? c.html : '').toMatch(/<td colspan="4"><p>0<\/p>\s*<\/td>/);
  });

  it('leaves a document without it as it is', () => {
    expect(hMergeAsSpans(doc(row(cell(text('1')), cell(text('2')))))).toBeNull();
  });
});

describe('四: a number drawn over two columns', () => {
  const td = (v: string | number, attrs = '') => `<td${attrs}>${v}</td>`;
  const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
  const page = (row: string) =>
    [
      '<html><body><h1>某某局2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>本局全年公开信息。</p>',
      '<p>四、政府信息公开行政复议、行政诉讼情况</p><table>',
      `<tr>${td('行政复议', ' colspan="5" rowspan="2"')}${td('行政诉讼', ' colspan="10"')}</tr>`,
      `<tr>${td('未经复议直接起诉', ' colspan="5"')}${td('复议后起诉', ' colspan="5"')}</tr>`,
      `<tr>${[...results, ...results, ...results].map((l) => td(l)).join('')}</tr>`,
      row,
      '</table><p>五、存在的主要问题及改进情况</p><p>无。</p></body></html>',
    ].join('\n');

  it('leaves both columns NULL (colspan; a Word gridSpan is one too), never the first one’s', () => {
    const values = [3, 0, 2, 9, 14, 0, 5, 6, 3, 14, 3, 9, 1, 5, 18].map((v) => td(v));
    // 未经复议直接起诉's 结果维持 and 结果纠正 as one cell: "4" over both.
    values.splice(5, 2, td(4, ' colspan="2"'));
    const p = ok(parseText(page(`<tr>${values.join('')}</tr>`), 'a.html'));
    expect(rowOf(p.cells, 'review', 'suit_direct')).toBe('A A 6 3 14');
    expect(rowOf(p.cells, 'review', 'review')).toBe('3 0 2 9 14');
    expect(rowOf(p.cells, 'review', 'suit_after_review')).toBe('3 9 1 5 18');
  });
});
