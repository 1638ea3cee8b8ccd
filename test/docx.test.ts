import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docTableRows } from '../src/lib/decode/word.ts';
import { blocksToDocx, htmlBlocks } from '../src/lib/synth/office.ts';
import { expected, parseDocument, score } from './documents.ts';
import { officialHtml, officialValues } from './fixtures/official.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/documents/${name}`, import.meta.url)));
const want = expected(officialValues());

describe('Word reports', () => {
  it('.docx with merged cells (gridSpan, vMerge) → colspan and rowspan → every number right', async () => {
    const docx = await blocksToDocx(htmlBlocks(officialHtml(officialValues())));
    const { converted, parsed, cells } = await parseDocument('report.docx', docx);
    if (!converted.ok || converted.format !== 'docx') throw new Error('not converted');
    // mammoth keeps the merges: 三、本年度办理结果 spans its rows, 申请人情况 its columns.
    expect(converted.html).toMatch(/<td rowspan="2[0-9]"[^>]*><p>三/);
    expect(converted.html).toMatch(/<td colspan="7"[^>]*><p>申请人情况/);
    expect(converted.html).toMatch(/<td colspan="10"[^>]*><p>行政诉讼/);
    expect(parsed?.ok).toBe(true);
    const s = score(cells, want);
    expect(s.wrong).toEqual([]);
    expect(s.missing).toEqual([]);
  });

  it('.doc (Word 97–2003): table rows rebuilt from the cell separators, no wrong number', async () => {
    const { converted, parsed, cells } = await parseDocument('report.doc', fixture('official.doc'));
    expect(converted).toMatchObject({ ok: true, format: 'doc' });
    expect(parsed?.ok).toBe(true);
    const s = score(cells, want);
    expect(s.wrong).toEqual([]);
    // Section 三 and 二 come out whole; 四's header and values share a line in this format.
    for (const k of want.keys()) if (!k.startsWith('review.')) expect(s.missing).not.toContain(k);
  });

  it('.doc cell separators: rows cut where a number ends and a label begins; vertical labels joined', () => {
    expect(
      docTableRows(
        '二、上年结转\t2\t8\t\t三\n、\n本\n年\t（一）予以公开\t40\t72\t\t\t（二）部分公开\t42\t98\t\t\t\t2.其他\t1\t\n',
      ),
    ).toBe('二、上年结转\t2\t8\t\n三、本年\t（一）予以公开\t40\t72\t\n\t（二）部分公开\t42\t98\t\n\t\t2.其他\t1\t\n');
    // A blank cell between numbers never cuts a row; text after a heading is not glued to it.
    expect(docTableRows('规章\t1\t\t11\t\n六、其他需要报告的事项\n无。')).toBe(
      '规章\t1\t\t11\t\n六、其他需要报告的事项\n无。',
    );
  });

  it('broken Word files are rejected with a reason', async () => {
    const broken = await parseDocument('x.docx', new TextEncoder().encode('not a zip'));
    expect(broken.converted).toMatchObject({ ok: false, code: 'E_DOCUMENT_BROKEN' });
    // An OLE2 header and nothing more is a broken file, not an encrypted one (word-formats.test.ts).
    const cut = await parseDocument('x.docx', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    expect(cut.converted).toMatchObject({ ok: false, code: 'E_DOCUMENT_BROKEN' });
    const doc = await parseDocument('x.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]));
    expect(doc.converted).toMatchObject({ ok: false, code: 'E_DOCUMENT_BROKEN' });
  });
});
