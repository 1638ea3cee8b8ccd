/**
 * What a file really is, from its first bytes, whatever its name says. Agencies rename files
 * freely: Word's "save as web page" kept as .doc, RTF saved as .doc, a Word 97 file renamed
 * .docx. The extension only says what the file was meant to be; the reader is chosen by content.
 * No imports: the ingest calls this on every document before choosing a path.
 */

export type Sniffed = 'ole' | 'zip' | 'rtf' | 'html' | 'mht' | 'pdf' | 'unknown';

/** Human name of each kind, for the reasons and the report's encoding column. */
export const KIND_NAME: Record<Sniffed, string> = {
  ole: 'Word 97–2003（.doc，OLE2 复合文档）',
  zip: 'Word（.docx，ZIP 包）',
  rtf: 'RTF 富文本',
  html: 'HTML 网页（Word「另存为网页」）',
  mht: 'MHT 单个文件网页',
  pdf: 'PDF',
  unknown: '未知格式',
};

export function sniff(bytes: Uint8Array): Sniffed {
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'ole';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'zip';
  const head = startText(bytes);
  if (head.startsWith('{\\rtf')) return 'rtf';
  // Markup may open with comments or an XML declaration (Word's exports do).
  const markup = head.replace(/^(?:<\?xml[^>]*\?>\s*|<!--[\s\S]*?-->\s*)*/, '');
  if (/^<(?:!doctype\s+html|html|head|body|meta|title)\b/i.test(markup)) return 'html';
  // MHTML: a MIME message whose headers (before the first empty line) say multipart/related; a
  // browser's save opens with `From: <Saved by Blink>`, Word's with MIME-Version.
  const headers = head.split(/\r?\n\r?\n/, 1)[0]!;
  if (
    /^(?:MIME-Version|From|Content-Type|Subject|Date|Snapshot-Content-Location):/i.test(headers) &&
    /multipart\/related/i.test(headers)
  )
    return 'mht';
  // Some PDF writers put junk before the header; within the first KB it is still a PDF.
  if (head.includes('%PDF-') || latin1(bytes.subarray(0, 1024)).includes('%PDF-')) return 'pdf';
  return 'unknown';
}

/** The first KB as text, without a byte-order mark or leading white space. */
function startText(bytes: Uint8Array): string {
  let b = bytes.subarray(0, 1024);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  // UTF-16 text (a BOM, then every other byte NUL): the ASCII bytes are what the tests need.
  if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) b = b.subarray(2).filter((x) => x !== 0);
  return latin1(b).trimStart();
}

function latin1(b: Uint8Array): string {
  let s = '';
  for (const x of b) s += String.fromCharCode(x);
  return s;
}

/** Bytes that open as a PDF, a Word file (OLE2 or ZIP) or RTF, at their first byte. */
export function documentAtStart(bytes: Uint8Array): boolean {
  const kind = sniff(bytes);
  // (An MHTML save named .html or .txt is the page inside it, not the MIME text: t76.)
  if (kind === 'ole' || kind === 'zip' || kind === 'mht') return true;
  const head = String.fromCharCode(...bytes.subarray(0, 5));
  return head === '%PDF-' || head === '{\\rtf';
}
