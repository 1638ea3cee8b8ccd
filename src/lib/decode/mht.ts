import { decode } from './decode.ts';

/**
 * MHTML (`.mht`, `.mhtml`): a web page saved as one file — a browser's "Save as single file"
 * (Chrome's and Edge's `From: <Saved by Blink>`), or Word's "single file web page". It is a MIME
 * message (RFC 2557): a `multipart/related` body whose parts are the page (`text/html`) and its
 * images and styles, each in a transfer encoding (quoted-printable, base64) and a charset. The
 * page is the first `text/html` part; it is read as any web page (a fresh tester's t76: such
 * saves of WeChat articles were rejected). Kept small and here: the MIME readers on npm are
 * e-mail stacks (mailparser), and this needs the one part.
 */

export type MhtPage = { ok: true; html: string } | { ok: false; reason: string };

/** The page of an MHTML file: its first text/html part, decoded to text. */
export function mhtPage(bytes: Uint8Array): MhtPage {
  // Headers and boundaries are ASCII; latin1 keeps every byte as one character, so a part's
  // bytes are recovered exactly for its own charset.
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const head = headerBlock(all, 0);
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(head.text);
  if (!boundary) return { ok: false, reason: 'MHT 文件没有 multipart 分隔符，无法找到网页部分' };
  const mark = `--${boundary[1] ?? boundary[2]}`;
  for (let at = all.indexOf(mark, head.end); at >= 0;) {
    const start = all.indexOf('\n', at);
    if (start < 0 || all.startsWith(`${mark}--`, at)) break;
    const next = all.indexOf(mark, start);
    const part = all.slice(start + 1, next < 0 ? all.length : next);
    const ph = headerBlock(part, 0);
    if (/^content-type:\s*text\/html/im.test(ph.text)) {
      const body = part.slice(ph.end).replace(/\r?\n$/, '');
      const encoding = /^content-transfer-encoding:\s*([\w-]+)/im.exec(ph.text)?.[1]?.toLowerCase() ?? '7bit';
      const raw =
        encoding === 'base64'
          ? Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64')
          : Buffer.from(encoding === 'quoted-printable' ? quotedPrintable(body) : body, 'latin1');
      const charset = /charset\s*=\s*"?([\w-]+)/i.exec(ph.text)?.[1];
      const html = decodePart(raw, charset);
      return html === null ? { ok: false, reason: 'MHT 文件的网页部分无法按任何文字编码读取' } : { ok: true, html };
    }
    at = next;
  }
  return { ok: false, reason: 'MHT 文件中没有网页（text/html）部分' };
}

/** A MIME header block from `from`: its text (folded lines kept) and where its body begins. */
function headerBlock(s: string, from: number): { text: string; end: number } {
  const m = /\r?\n\r?\n/.exec(s.slice(from));
  if (!m) return { text: s.slice(from), end: s.length };
  return { text: s.slice(from, from + m.index), end: from + m.index + m[0].length };
}

/** Quoted-printable (RFC 2045) to bytes as latin1 characters: `=XX` a byte, `=` at a line's end a soft break. */
export function quotedPrintable(s: string): string {
  return s.replace(/=\r?\n/g, '').replace(/=([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
}

/** The part's bytes as text: in its declared charset when Node knows it, else as the text reader detects. */
function decodePart(raw: Buffer, charset: string | undefined): string | null {
  if (charset) {
    try {
      return new TextDecoder(/^gb2312$/i.test(charset) ? 'gbk' : charset).decode(raw);
    } catch {
      // An unknown label: detected below.
    }
  }
  const d = decode(new Uint8Array(raw));
  return d.ok ? d.text : null;
}
