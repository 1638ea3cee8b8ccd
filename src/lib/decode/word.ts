import JSZip from 'jszip';
import mammoth from 'mammoth';
import type { Converted } from './document.ts';
import { extractDocBody } from './doc-text.ts';
import { withoutHiddenRuns } from './docx-hidden.ts';
import { inflatedSize, MAX_INFLATED_BYTES } from './zip-limit.ts';

/**
 * Word documents. `.docx` → HTML with mammoth, which keeps tables and turns merged cells into
 * colspan (gridSpan) and rowspan (vMerge); the HTML path then reads it like a web page. Hidden
 * and struck runs are taken out first (docx-hidden.ts): mammoth would read them.
 * `.doc` (Word 97–2003) → text with word-extractor, which ends every table cell with a tab: each
 * row becomes one tab-separated line (see `docTableRows`), read like any tab-separated text.
 * Hidden, struck and deleted runs are left out (doc-text.ts).
 */

export async function readDocx(bytes: Uint8Array): Promise<Converted> {
  try {
    // A package that inflates far beyond its size is turned away before any part is read whole.
    const inflated = inflatedSize(await JSZip.loadAsync(bytes));
    if (inflated === 'too-large')
      return {
        ok: false,
        code: 'E_TOO_LARGE',
        reason: `Word（.docx）文件解压后超过 ${MAX_INFLATED_BYTES / 1024 / 1024} MiB（压缩包内容异常膨胀，可能是“压缩炸弹”），不予读取`,
      };
    if (inflated === 'broken')
      return {
        ok: false,
        code: 'E_DOCUMENT_BROKEN',
        reason: 'Word（.docx）文件已损坏：压缩包中的部件解压后与其声明的大小不符',
      };
    const shown = await withoutHiddenRuns(bytes);
    const { value } = await mammoth.convertToHtml(
      { buffer: Buffer.from(shown) },
      // Images are never read (no data: URI of every picture in the HTML): an <img> is all the
      // reader needs, to know that a cell shows something it cannot read as text.
      { ignoreEmptyParagraphs: true, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
    );
    if (!value.replace(/<[^>]*>/g, '').trim())
      return { ok: false, code: 'E_DOCUMENT_BROKEN', reason: 'Word 文件没有文字（可能只有图片）' };
    // One element per source line, so that line numbers point at a paragraph or a table row.
    return {
      ok: true,
      format: 'docx',
      html: value.replace(/(<\/(?:p|h\d|tr|li|table)>)/g, '$1\n').replace(/(<(?:table|tr)>)/g, '\n$1'),
    };
  } catch (e) {
    return {
      ok: false,
      code: 'E_DOCUMENT_BROKEN',
      reason: `Word（.docx）文件已损坏或无法解析：${(e as Error)?.message ?? String(e)}`,
    };
  }
}

export async function readDoc(bytes: Uint8Array): Promise<Converted> {
  try {
    const text = docTableRows(await extractDocBody(bytes));
    if (!text.trim()) return { ok: false, code: 'E_DOCUMENT_BROKEN', reason: 'Word 文件没有文字（可能只有图片）' };
    return { ok: true, format: 'doc', text };
  } catch (e) {
    const m = (e as Error)?.message ?? String(e);
    if (/encrypt|password/i.test(m))
      return { ok: false, code: 'E_ENCRYPTED', reason: 'Word 文件已加密（需要密码才能打开），无法读取' };
    return { ok: false, code: 'E_DOCUMENT_BROKEN', reason: `Word（.doc）文件已损坏或无法解析：${m}` };
  }
}

/**
 * word-extractor ends every table cell with a tab and most row ends with one more tab, often
 * with no newline between rows (`…\t72\t\t\t（二）部分公开\t42…`); an empty cell reads as a
 * tab too, so rows cannot be cut by counting tabs. They are cut only where a row of numbers ends
 * and a label begins — a number, two or more tabs, then text: the first tab ends the number's
 * cell, the second ends the row, any further tabs are empty cells (continued merged cells) at the
 * start of the next row. A number never moves to another row: at worst a blank last cell is lost
 * (its row then has too few cells and is not read). A label written one character per line
 * (三/、/本/年…) is joined back onto the line it belongs to.
 */
export function docTableRows(body: string): string {
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  const out: string[] = [];
  let glue = false;
  for (const line of lines) {
    const prev = out[out.length - 1];
    // Inside a table (the line before holds cells), a line of one or two characters is part of
    // a cell written one character per line, as is the line after it.
    if (
      prev !== undefined &&
      prev.includes('\t') &&
      line.length > 0 &&
      line.length <= 2 &&
      !line.includes('\t') &&
      /[\u4e00-\u9fff、]/.test(line)
    ) {
      out[out.length - 1] = prev + line;
      glue = true;
      continue;
    }
    if (glue && prev !== undefined) out[out.length - 1] = prev + line;
    else out.push(line);
    glue = false;
  }
  return out.join('\n').replace(/(\d)\t\t(\t*)(?=\d+[.、．][^\d]|[^\t\d\n\s.,%-])/g, '$1\t\n$2');
}
