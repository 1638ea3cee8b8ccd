import { decode } from '../decode/decode.ts';
import { ACCEPTED, DOCUMENT } from '../decode/document-types.ts';
import { documentAtStart, sniff } from '../decode/sniff.ts';

/**
 * Files whose name says nothing of what they hold are read by their content. Crawlers save pages
 * without an extension (t20230116_4567890), or with the server's (.asp, .aspx, .php, .jsp,
 * .shtml, .cgi, .do, .action), a crawler's (.dat) or a known one with something after it
 * (.htm_, .html?id=3, .jsp;jsessionid=…): such a file is read as a PDF, Word or RTF file when
 * its first bytes say so (as a document under a text name is), as a web page when it is markup,
 * as text when its bytes decode as text (UTF-8, GB18030, UTF-16, Big5, with few control bytes and
 * few bytes that do not decode), and is rejected with the reason otherwise (binary: an image, an
 * archive). Every other extension is rejected by name as before (images, archives, .xls, .ppt …:
 * analyze.ts), and the names read by extension (ACCEPTED) are not asked.
 */

/** The extension of the file name (`.asp`), or `(none)`. */
export function extensionOf(path: string): string {
  const m = /\.[^./]*$/.exec(path);
  return m && m[0] !== '.' ? m[0] : '(none)';
}

/** A server's, a crawler's, or a known extension with a crawler's suffix (`_`, `~`, a query). */
const PAGE_EXT = /^\.(?:asp|aspx|php\d?|jsp|jspx|s?html?|xhtml|htx|cgi|do|action|dat|text|txt)(?:[_~?#;&=!].*)?$/i;

/** Whether the file is read by its content: its name has no extension, or a page's (PAGE_EXT). */
export function readByContent(path: string): boolean {
  if (ACCEPTED.test(path)) return false;
  const ext = extensionOf(path);
  return ext === '(none)' || PAGE_EXT.test(ext);
}

export type ByContent =
  | { as: 'document' | 'html' | 'text' }
  | {
      as: 'rejected';
      /** In Chinese, the English after it in parentheses (reasons.ts keeps the Chinese). */
      reason: string;
    };

/** Markup: an HTML document, or text that opens with a tag and closes one. */
const MARKUP = /<(?:!doctype\s+html|html|head|body|table)\b/i;

/** What a file read by its content is (readByContent). */
export function byContent(path: string, bytes: Uint8Array): ByContent {
  const ext = extensionOf(path);
  const named = ext === '(none)' ? '没有扩展名的文件' : `扩展名为 ${ext} 的文件`;
  const gloss = ext === '(none)' ? 'no extension' : `file type "${ext}"`;
  const rejected = (zh: string, en: string): ByContent => ({
    as: 'rejected',
    reason: `${named}按内容识别：${zh}，未读取 (${gloss}, read by its content: ${en})`,
  });
  const kind = sniff(bytes);
  if (kind === 'zip') {
    // A ZIP package names its parts in plain bytes: a Word document has word/document.xml.
    const has = (name: string) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name);
    if (has('word/document')) return { as: 'document' };
    const what = has('xl/workbook')
      ? ['Excel 表格（.xlsx）', 'an Excel workbook']
      : has('ppt/presentation')
        ? ['PowerPoint 演示文稿（.pptx）', 'a PowerPoint file']
        : ['ZIP 压缩包', 'a ZIP archive'];
    return rejected(`内容是${what[0]}，不是 Word 文档，暂不支持`, `${what[1]}, not a Word document`);
  }
  // PDF (its header within the first KB), Word 97, RTF, and MHT (which the document reader names).
  if (kind === 'ole' || kind === 'rtf' || kind === 'pdf' || kind === 'mht' || documentAtStart(bytes))
    return { as: 'document' };
  const d = decode(bytes);
  if (!d.ok)
    return d.reason === 'empty'
      ? { as: 'text' }
      : rejected(
          '内容是二进制数据（如图片、压缩包），不是文字、网页、PDF、Word 或 RTF',
          'binary, not text, a web page, PDF, Word or RTF',
        );
  // Bytes decoded in the end with many replaced: no text encoding reads them.
  let bad = 0;
  for (const c of d.text) if (c === '\uFFFD') bad++;
  if (bad > 8 && bad > d.text.length / 50)
    return rejected(
      '大量字节无法按任何文字编码读取（可能是二进制数据），不是文字、网页、PDF、Word 或 RTF',
      'many bytes that decode in no text encoding',
    );
  const head = d.text.slice(0, 65536);
  return kind === 'html' || MARKUP.test(head) || (/^\s*<[a-z!]/i.test(head) && /<\/[a-z][a-z0-9]*\s*>/i.test(head))
    ? { as: 'html' }
    : { as: 'text' };
}

/**
 * Whether a file is read as a document (PDF, Word, RTF), by its name and first bytes as the
 * ingest reads it: a document name unless the bytes are a web page, a text name only when the
 * bytes open as a document, a name read by content when its content is one.
 */
export function readsAsDocument(path: string, bytes: Uint8Array): boolean {
  if (DOCUMENT.test(path)) return sniff(bytes) !== 'html';
  if (readByContent(path)) return byContent(path, bytes).as === 'document';
  return documentAtStart(bytes);
}
