import { readPdf } from './pdf.ts';
import type { Located } from './pdf-lines.ts';
import { readDoc, readDocx } from './word.ts';

/**
 * Office and PDF documents → something the text pipeline reads: located lines (PDF), HTML
 * (.docx, through mammoth) or text with cell separators (.doc). Async because pdf.js is; the
 * ingest calls it through `convert-sync.ts`.
 */

export type DocumentCode = 'E_PDF_NO_TEXT' | 'E_ENCRYPTED' | 'E_DOCUMENT_BROKEN' | 'E_UNSUPPORTED_TYPE';

export type Converted =
  | { ok: true; format: 'pdf'; located: Located[]; pages: number }
  | { ok: true; format: 'docx'; html: string }
  | { ok: true; format: 'doc'; text: string }
  | { ok: false; code: DocumentCode; reason: string };

export { DOCUMENT, OFFICE_UNSUPPORTED } from './document-types.ts';

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b;
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;
const isPdf = (b: Uint8Array) => {
  // "%PDF-" within the first KB (some files carry junk before the header).
  const head = new TextDecoder('latin1').decode(b.subarray(0, 1024));
  return head.includes('%PDF-');
};

export async function convertDocument(path: string, bytes: Uint8Array): Promise<Converted> {
  const ext = (/\.([^./]+)$/.exec(path)?.[1] ?? '').toLowerCase();
  if (ext === 'pdf') {
    if (!isPdf(bytes))
      return { ok: false, code: 'E_DOCUMENT_BROKEN', reason: 'PDF 文件已损坏或不是 PDF（缺少 %PDF 文件头）' };
    const r = await readPdf(bytes);
    if (!r.ok)
      return {
        ok: false,
        code: r.code === 'E_PDF_ENCRYPTED' ? 'E_ENCRYPTED' : r.code === 'E_PDF_BROKEN' ? 'E_DOCUMENT_BROKEN' : r.code,
        reason: r.reason,
      };
    return { ok: true, format: 'pdf', located: r.lines, pages: r.pages };
  }
  if (ext === 'docx') {
    if (isOle(bytes))
      return { ok: false, code: 'E_ENCRYPTED', reason: 'Word 文件已加密（需要密码才能打开），无法读取' };
    if (!isZip(bytes))
      return { ok: false, code: 'E_DOCUMENT_BROKEN', reason: 'Word（.docx）文件已损坏或不是 .docx 格式' };
    return readDocx(bytes);
  }
  if (ext === 'doc') {
    // A .doc that is really .docx (renamed) is common.
    if (isZip(bytes)) return readDocx(bytes);
    if (!isOle(bytes))
      return { ok: false, code: 'E_DOCUMENT_BROKEN', reason: 'Word 97–2003（.doc）文件已损坏或不是 .doc 格式' };
    return readDoc(bytes);
  }
  return { ok: false, code: 'E_UNSUPPORTED_TYPE', reason: `不支持的文件类型 .${ext}` };
}
