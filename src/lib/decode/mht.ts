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

/** `url`: the page's address as the browser recorded it (Snapshot-Content-Location, or the page part's Content-Location). */
export type MhtPage = { ok: true; html: string; url?: string } | { ok: false; reason: string };

interface Part {
  headers: string;
  body: string;
}

/**
 * The page of an MHTML file: the `text/html` part the message names as its page (its
 * Snapshot-Content-Location, a browser's; its `start` or Content-Location, RFC 2557), else its
 * first; parts inside a nested multipart (multipart/alternative) too. An iframe's page saved
 * before the main one is not read for it (a fresh tester's t77: another year's report in an
 * iframe part read instead).
 */
export function mhtPage(bytes: Uint8Array): MhtPage {
  // Headers and boundaries are ASCII; latin1 keeps every byte as one character, so a part's
  // bytes are recovered exactly for its own charset.
  const all = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const head = headerBlock(all, 0);
  const parts = partsOf(head.text, all.slice(head.end), 0);
  if (parts === null) return { ok: false, reason: 'MHT 文件没有 multipart 分隔符，无法找到网页部分' };
  const pages = parts.filter((p) => /^content-type:\s*text\/html/im.test(p.headers));
  if (!pages.length) return { ok: false, reason: 'MHT 文件中没有网页（text/html）部分' };
  const named =
    header(head.text, 'snapshot-content-location') ??
    /\bstart\s*=\s*"?<?([^">;\s]+)/i.exec(head.text)?.[1] ??
    header(head.text, 'content-location');
  const page =
    (named &&
      pages.find((p) =>
        [header(p.headers, 'content-location'), header(p.headers, 'content-id')?.replace(/^<|>$/g, '')].includes(named),
      )) ||
    pages[0]!;
  const encoding = header(page.headers, 'content-transfer-encoding')?.toLowerCase() ?? '7bit';
  const body = page.body.replace(/\r?\n$/, '');
  const raw =
    encoding === 'base64'
      ? Buffer.from(body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64')
      : Buffer.from(encoding === 'quoted-printable' ? quotedPrintable(body) : body, 'latin1');
  const charset = /charset\s*=\s*"?([\w-]+)/i.exec(page.headers)?.[1];
  const html = decodePart(raw, charset);
  if (html === null) return { ok: false, reason: 'MHT 文件的网页部分无法按任何文字编码读取' };
  // The page's address as the browser recorded it: the report's 原网址 (a fresh tester's t99: NULL).
  const url = [header(head.text, 'snapshot-content-location'), header(page.headers, 'content-location')].find(
    (u) => u !== undefined && /^https?:\/\/\S+$/i.test(u),
  );
  return { ok: true, html, ...(url ? { url } : {}) };
}

/** A header's value (unfolded), or undefined. */
function header(headers: string, name: string): string | undefined {
  const m = new RegExp(`^${name}:[ \\t]*((?:.*)(?:\\r?\\n[ \\t]+.*)*)`, 'im').exec(headers);
  return m ? m[1]!.replace(/\r?\n[ \t]+/g, ' ').trim() : undefined;
}

/** The leaf parts of a multipart body whose headers are `headers` (nested multiparts opened), or null when it has no boundary. */
function partsOf(headers: string, body: string, depth: number): Part[] | null {
  const boundary = /boundary\s*=\s*(?:"([^"]+)"|([^\s;]+))/i.exec(headers);
  if (!boundary) return null;
  const mark = `--${boundary[1] ?? boundary[2]}`;
  const out: Part[] = [];
  for (let at = body.indexOf(mark); at >= 0;) {
    const start = body.indexOf('\n', at);
    if (start < 0 || body.startsWith(`${mark}--`, at)) break;
    const next = body.indexOf(mark, start);
    const text = body.slice(start + 1, next < 0 ? body.length : next);
    const h = headerBlock(text, 0);
    const part = { headers: h.text, body: text.slice(h.end) };
    const inner =
      depth < 4 && /^content-type:\s*multipart\//im.test(h.text) ? partsOf(h.text, part.body, depth + 1) : null;
    out.push(...(inner ?? [part]));
    at = next;
  }
  return out;
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

/**
 * The part's bytes as text: in its declared charset when Node knows it and the bytes are that
 * charset's, else as the text reader detects (a part that says utf-8 over GBK bytes: t77).
 */
function decodePart(raw: Buffer, charset: string | undefined): string | null {
  if (charset) {
    try {
      return new TextDecoder(/^gb2312$/i.test(charset) ? 'gbk' : charset, { fatal: true }).decode(raw);
    } catch {
      // An unknown label, or bytes not of it: detected below.
    }
  }
  const d = decode(new Uint8Array(raw));
  return d.ok ? d.text : null;
}
