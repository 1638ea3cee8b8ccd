import { mhtPage } from './mht.ts';
import { oleContent } from './ole.ts';
import { readPdf } from './pdf.ts';
import type { Located } from './pdf-lines.ts';
import { rtfToText, type RowSpan } from './rtf.ts';
import { KIND_NAME, sniff, type Sniffed } from './sniff.ts';
import { readDoc, readDocx } from './word.ts';

/**
 * Office and PDF documents → something the text pipeline reads: located lines (PDF), HTML
 * (.docx, through mammoth) or text with cell separators (.doc, RTF). Async because pdf.js is;
 * the ingest calls it through `convert-sync.ts`.
 *
 * The reader is chosen by the file's first bytes (sniff.ts), not its extension: a .doc that is
 * RTF, a .docx that is a Word 97 file, a .doc that is a .docx all occur. `named` says when the
 * extension did not match, so the report can say what the file really was. (A Word web page
 * kept as .doc never comes here: the ingest reads it as the HTML it is.)
 */

export type DocumentCode = 'E_PDF_NO_TEXT' | 'E_ENCRYPTED' | 'E_DOCUMENT_BROKEN' | 'E_UNSUPPORTED_TYPE' | 'E_TOO_LARGE';

export type Converted =
  /** `ocrPages`: its pages whose digits are mostly a scan's OCR text layer; `contradictedPages`: pages whose digits' text is not what the font draws (pdf.ts). */
  | {
      ok: true;
      format: 'pdf';
      located: Located[];
      pages: number;
      ocrPages?: number[];
      contradictedPages?: number[];
      named?: string;
    }
  | { ok: true; format: 'docx'; html: string; named?: string }
  /** A web page saved as one file (mht.ts): its page. */
  | { ok: true; format: 'mht'; html: string; url?: string; named?: string }
  /** `spans`: RTF rows whose merged cells cover columns (rtf.ts). */
  | { ok: true; format: 'doc' | 'rtf'; text: string; spans?: RowSpan[]; named?: string }
  | { ok: false; code: DocumentCode; reason: string };

export { DOCUMENT, OFFICE_UNSUPPORTED } from './document-types.ts';

/** The extension each kind of content is meant to have. */
const EXT_OF: Partial<Record<Sniffed, string[]>> = {
  ole: ['doc'],
  zip: ['docx'],
  rtf: ['rtf'],
  pdf: ['pdf'],
  html: ['html', 'htm'],
  mht: ['mht', 'mhtml'],
};

/** Content that is no known format, by what the file claimed to be. */
const UNKNOWN: Record<string, string> = {
  pdf: 'PDF 文件已损坏或不是 PDF（缺少 %PDF 文件头）',
  docx: 'Word（.docx）文件已损坏或不是 .docx 格式',
  doc: 'Word 97–2003（.doc）文件已损坏或不是 .doc 格式',
};
const UNKNOWN_ANY = '文件已损坏，或不是 PDF、Word、RTF 或网页：文件开头不是任何一种已知格式';

export async function convertDocument(path: string, bytes: Uint8Array): Promise<Converted> {
  const ext = (/\.([^./]+)$/.exec(path)?.[1] ?? '').toLowerCase();
  const kind = sniff(bytes);
  const named = EXT_OF[kind]?.includes(ext) ? {} : { named: ext };
  const as = (what: string) => (named.named ? `（文件扩展名为 .${ext}，内容实为${what}）` : '');
  const out = await read(kind, ext, bytes, as(KIND_NAME[kind]));
  return out.ok ? { ...out, ...named } : out;
}

async function read(kind: Sniffed, ext: string, bytes: Uint8Array, really: string): Promise<Converted> {
  switch (kind) {
    case 'pdf': {
      const r = await readPdf(bytes);
      if (!r.ok)
        return {
          ok: false,
          code: r.code === 'E_PDF_ENCRYPTED' ? 'E_ENCRYPTED' : r.code === 'E_PDF_BROKEN' ? 'E_DOCUMENT_BROKEN' : r.code,
          reason: r.reason + really,
        };
      return {
        ok: true,
        format: 'pdf',
        located: r.lines,
        pages: r.pages,
        ...(r.ocrPages.length ? { ocrPages: r.ocrPages } : {}),
        ...(r.contradictedPages.length ? { contradictedPages: r.contradictedPages } : {}),
      };
    }
    case 'zip': {
      // A ZIP package names its parts in plain bytes: an Excel workbook or a PowerPoint file under
      // a Word name (.docx, .doc) is no broken Word document (a fresh tester's t95: "Word 文件已损坏").
      const has = (name: string) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).includes(name);
      if (!has('word/document')) {
        const what = has('xl/workbook')
          ? 'Excel 表格（.xlsx）'
          : has('ppt/presentation')
            ? 'PowerPoint 演示文稿（.pptx）'
            : null;
        if (what)
          return {
            ok: false,
            code: 'E_UNSUPPORTED_TYPE',
            reason: `文件扩展名为 .${ext}，内容实为${what}，不是 Word 文档，暂不支持：请另存为 PDF 或 .docx`,
          };
      }
      return withReason(await readDocx(bytes), really);
    }
    case 'ole':
      return readOle(bytes, really);
    case 'rtf': {
      const { text, unknownCodePage, spans } = rtfToText(bytes);
      if (unknownCodePage)
        return {
          ok: false,
          code: 'E_DOCUMENT_BROKEN',
          reason: `RTF 文件使用了无法识别的字符编码，无法可靠读取${really}`,
        };
      if (!text.trim()) return { ok: false, code: 'E_DOCUMENT_BROKEN', reason: `RTF 文件没有文字${really}` };
      return { ok: true, format: 'rtf', text, ...(spans.length ? { spans } : {}) };
    }
    case 'mht': {
      // A web page saved as one file (a browser's, Word's): its page read as HTML (mht.ts).
      const page = mhtPage(bytes);
      return page.ok
        ? { ok: true, format: 'mht', html: page.html, ...(page.url ? { url: page.url } : {}) }
        : { ok: false, code: 'E_DOCUMENT_BROKEN', reason: page.reason + really };
    }
    default:
      return { ok: false, code: 'E_DOCUMENT_BROKEN', reason: UNKNOWN[ext] ?? UNKNOWN_ANY };
  }
}

/** An OLE2 file: a Word 97–2003 document is read; anything else is named for what it is. */
async function readOle(bytes: Uint8Array, really: string): Promise<Converted> {
  const c = await oleContent(bytes);
  if (c.kind === 'word') return withReason(await readDoc(bytes), really);
  if (c.kind === 'word-encrypted')
    return { ok: false, code: 'E_ENCRYPTED', reason: `Word 97–2003 文件已加密（需要密码才能打开），无法读取${really}` };
  if (c.kind === 'ooxml-encrypted')
    return { ok: false, code: 'E_ENCRYPTED', reason: 'Word/Office 文件已加密（需要密码才能打开），无法读取' };
  if (c.kind === 'broken')
    return { ok: false, code: 'E_DOCUMENT_BROKEN', reason: `OLE2 复合文档已损坏，无法解析：${c.message}` };
  const what = c.streams.includes('Workbook') || c.streams.includes('Book') ? 'Excel 97–2003 表格' : 'Office 文件';
  return {
    ok: false,
    code: 'E_UNSUPPORTED_TYPE',
    reason: `文件是${what}，不是 Word 文档（OLE2 复合文档中没有 WordDocument 流），暂不支持`,
  };
}

function withReason(c: Converted, really: string): Converted {
  return c.ok || !really ? c : { ...c, reason: c.reason + really };
}
