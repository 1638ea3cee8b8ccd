import type { Line } from '../decode/lines.ts';

/**
 * The address the report was published at (原网址, "original URL"), in order of trust:
 *  1. a labelled field: a crawler header's 原文链接 ("original link"), 原文地址, 本文链接, 网址 …;
 *  2. the HTML page's own `<link rel="canonical">` or `<meta property="og:url">`, else the mark a
 *     browser writes in a page it saved (`<!-- saved from url=(0060)https://… -->`; an MHTML's
 *     recorded address, decode/mht.ts);
 *  3. a URL printed alone on a line at the top or bottom of the page (a browser's print header
 *     or footer).
 * Only absolute http(s) addresses are kept; a URL inside body text (a portal's home page named
 * in a sentence) is not the report's address and is ignored.
 */

const LABEL =
  /(?:原文链接|原文地址|原文网址|原始链接|原始地址|原网址|来源网址|来源链接|来源地址|本文链接|本文地址|文章链接|文章地址|页面地址|页面链接|网页地址|访问地址|链接地址|网址|链接|url|source)\s*[:：|]\s*(https?:\/\/\S+)/i;
const URL_RE = /https?:\/\/[^\s<>"'|\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/i;

/** An absolute http(s) URL, trailing punctuation removed; null when it is not one. */
export function cleanUrl(s: string | null | undefined): string | null {
  if (!s) return null;
  const m = URL_RE.exec(s.trim());
  if (!m) return null;
  let u = m[0].replace(/[)\].,;:!?'"]+$/, '');
  if (u.length > 2048) return null;
  try {
    const parsed = new URL(u);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
    if (!/\./.test(parsed.hostname) && parsed.hostname !== 'localhost') return null;
    u = parsed.href;
  } catch {
    return null;
  }
  return u;
}

/** `<link rel="canonical" href>` or `<meta property="og:url" content>` in an HTML page's head. */
export function htmlSourceUrl(html: string): string | null {
  const head = html.slice(0, 200_000);
  let canonical: string | null = null;
  let og: string | null = null;
  for (const tag of head.matchAll(/<(link|meta)\b([^>]*)>/gi)) {
    const attrs = attributes(tag[2]!);
    if (tag[1]!.toLowerCase() === 'link' && /(?:^|\s)canonical(?:\s|$)/i.test(attrs.get('rel') ?? ''))
      canonical ??= cleanUrl(entities(attrs.get('href') ?? ''));
    if (tag[1]!.toLowerCase() === 'meta' && /^og:url$/i.test(attrs.get('property') ?? attrs.get('name') ?? ''))
      og ??= cleanUrl(entities(attrs.get('content') ?? ''));
  }
  const saved = /<!--\s*saved from url=(?:\(\d+\))?\s*(\S+?)\s*-->/i.exec(head)?.[1];
  return canonical ?? og ?? cleanUrl(saved);
}

function attributes(s: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of s.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/g)) {
    const k = m[1]!.toLowerCase();
    if (!out.has(k)) out.set(k, m[2] ?? m[3] ?? m[4] ?? '');
  }
  return out;
}

function entities(s: string): string {
  return s
    .replace(/&amp;/gi, '&')
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)));
}

/** A labelled URL in the given lines (the page header, or a crawler's header block). */
export function labelledUrl(lines: Line[]): string | null {
  for (const l of lines) {
    // LABEL needs `://` (of http:// or https://): a line without it is not run through it.
    const m =
      (l.raw.includes('://') ? LABEL.exec(l.raw) : null) ?? (l.text.includes('://') ? LABEL.exec(l.text) : null);
    if (m) {
      const u = cleanUrl(m[1]);
      if (u) return u;
    }
  }
  return null;
}

/**
 * A line that is only a URL (with perhaps a page count or a print time beside it), among the
 * first and last few lines: browsers print the page address there. The address must have a
 * path: a bare home page is the site, not the report.
 */
export function printedUrl(first: Line[], last: Line[]): string | null {
  for (const l of [...first, ...last]) {
    const t = l.raw.trim();
    const m = URL_RE.exec(t);
    if (!m) continue;
    const rest = (t.slice(0, m.index) + t.slice(m.index + m[0].length)).replace(
      /(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?|\d{1,4}\s*[/／]\s*\d{1,4}|[\s|,，]|上午|下午|[AP]M/gi,
      '',
    );
    if (rest) continue;
    const u = cleanUrl(m[0]);
    if (u && new URL(u).pathname.length > 1) return u;
  }
  return null;
}
