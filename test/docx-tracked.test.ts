import { describe, expect, it } from 'vitest';
import { trackedStructure } from '../src/lib/decode/docx-tracked.ts';
import { readDocx } from '../src/lib/decode/word.ts';
import { UNSURE_MARK } from '../src/lib/decode/shown.ts';
import { wordDocument, wordPackage } from './documents.ts';

/**
 * A table's tracked changes of structure (a fresh tester's t51: a deleted cell's old number read
 * in its row, every value after it a column off).
 */
const doc = wordDocument;
const text = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
const cell = (body: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr>${body || '<w:p/>'}</w:tc>`;
const row = (cells: string[], pr = '') => `<w:tr>${pr ? `<w:trPr>${pr}</w:trPr>` : ''}${cells.join('')}</w:tr>`;
const DEL = '<w:cellDel w:id="1" w:author="a" w:date="2024-03-01T10:00:00Z"/>';

async function html(body: string): Promise<string> {
  const c = await readDocx(await wordPackage(body));
  return c.ok && c.format === 'docx' ? c.html : '';
}

describe('Word: a table’s tracked changes of structure', () => {
  it('a deleted cell is gone, the cells after it a column to the left (Word’s final view)', async () => {
    const out = await html(
      `<w:tbl>${row([cell(text('予以公开')), cell(text('23')), cell(text('391'), DEL), cell(text('963'))])}</w:tbl>`,
    );
    expect(out).not.toContain('391');
    expect(out).toMatch(/23<\/p>\s*<\/td>\s*<td><p>963/);
  });

  it('a deleted row is gone; an inserted one stays', async () => {
    const del = '<w:del w:id="2" w:author="a" w:date="2024-03-01T10:00:00Z"/>';
    const ins = '<w:ins w:id="3" w:author="a" w:date="2024-03-01T10:00:00Z"/>';
    const out = await html(
      `<w:tbl>${row([cell(text('予以公开')), cell(text('7'))], del)}${row([cell(text('予以公开')), cell(text('8'))], ins)}</w:tbl>`,
    );
    expect(out).not.toContain('>7<');
    expect(out).toContain('>8<');
  });

  it('a cell whose merge is a tracked change is never read as a number', () => {
    const out = trackedStructure(
      doc(`<w:tbl>${row([cell(text('5'), '<w:cellMerge w:id="4" w:author="a" w:vMerge="rest"/>')])}</w:tbl>`),
    )!;
    expect(out).toContain(`${UNSURE_MARK}</w:t>`);
  });

  it('leaves a document without them as it is', () => {
    expect(trackedStructure(doc(`<w:tbl>${row([cell(text('1'))])}</w:tbl>`))).toBeNull();
  });
});
