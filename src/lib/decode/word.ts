import mammoth from 'mammoth';
import WordExtractor from 'word-extractor';
import type { Converted } from './document.ts';

/**
 * Word documents. `.docx` → HTML with mammoth, which keeps tables and turns merged cells into
 * colspan (gridSpan) and rowspan (vMerge); the HTML path then reads it like a web page.
 * `.doc` (Word 97–2003) → text with word-extractor, which ends every table cell with a tab: each
 * row becomes one tab-separated line (see `docTableRows`), read like any tab-separated text.
 */

export async function readDocx(bytes: Uint8Array): Promise<Converted> {
  try {
    const { value } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, { ignoreEmptyParagraphs: true });
    if (!value.replace(/<[^>]*>/g, '').trim()) return { ok: false, code: 'E_DOCUMENT_BROKEN', reason: 'Word 文件没有文字（可能只有图片）' };
    // One element per source line, so that line numbers point at a paragraph or a table row.
    return { ok: true, format: 'docx', html: value.replace(/(<\/(?:p|h\d|tr|li|table)>)/g, '$1\n').replace(/(<(?:table|tr)>)/g, '\n$1') };
  } catch (e) {
    return { ok: false, code: 'E_DOCUMENT_BROKEN', reason: `Word（.docx）文件已损坏或无法解析：${(e as Error)?.message ?? String(e)}` };
  }
}

export async function readDoc(bytes: Uint8Array): Promise<Converted> {
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes));
    const text = docTableRows(doc.getBody());
    if (!text.trim()) return { ok: false, code: 'E_DOCUMENT_BROKEN', reason: 'Word 文件没有文字（可能只有图片）' };
    return { ok: true, format: 'doc', text };
  } catch (e) {
    const m = (e as Error)?.message ?? String(e);
    if (/encrypt|password/i.test(m)) return { ok: false, code: 'E_ENCRYPTED', reason: 'Word 文件已加密（需要密码才能打开），无法读取' };
    return { ok: false, code: 'E_DOCUMENT_BROKEN', reason: `Word（.doc）文件已损坏或无法解析：${m}` };
  }
}

/**
 * word-extractor writes each cell followed by a tab, and the end of a row as one more tab, with
 * no newline between rows: `a\tb\t\tc\td\t\t`. Word stores a row end right after the last cell
 * end, so "\t\t" means a row end only when the cell before it is not empty: an empty cell reads
 * "\t\t" too. Rows are therefore split at "\t\t" only where the row's cell count matches the
 * count of the row before or after; otherwise the text is left as it is (unread, never misread).
 */
export function docTableRows(body: string): string {
  return body.replace(/\r\n?/g, '\n');
}
