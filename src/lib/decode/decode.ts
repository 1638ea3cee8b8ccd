/**
 * Bytes → text. Detects UTF-8 (with or without BOM), UTF-16 (BOM, or the zero-byte pattern of
 * CJK/ASCII text without one), Big5 (traditional script) and GB18030 (a superset of GBK/GB2312),
 * and reports binary input.
 * Uses the WHATWG TextDecoder (full ICU in Node), so no hand-written code tables; Big5 is read
 * with iconv-lite's Big5-HKSCS table, because Node's `big5` decoder (ICU's windows-950) turns the
 * HKSCS characters of Hong Kong files (峯 FBDF, …) into private-use code points that look like
 * nothing: a name would silently lose a character (赤峯市 → 赤市).
 */
import iconv from 'iconv-lite';

export type Decoded =
  { ok: true; text: string; encoding: string; badLines: number[] } | { ok: false; reason: 'empty' | 'binary' };

const REPLACEMENT = '\uFFFD';

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };

  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return finish(bytes.subarray(3), 'utf-8', 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return finish(bytes.subarray(2), 'utf-16le', 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return finish(bytes.subarray(2), 'utf-16be', 'utf-16be');

  // The strict UTF-8 reading, made once: the UTF-16 sniff asks whether the bytes are valid UTF-8,
  // and valid UTF-8 is then the text itself. Without a BOM (handled above) the strict reading of
  // valid bytes is the same string as the lenient one `finish` would make.
  let strict: string | null | undefined;
  const utf8 = () => (strict === undefined ? (strict = strictDecode(bytes, 'utf-8')) : strict);
  const utf16 = sniffUtf16(bytes, utf8);
  if (utf16) return finish(bytes, utf16, utf16);
  if (looksBinary(bytes)) return { ok: false, reason: 'binary' };

  const text = utf8();
  if (text !== null) return finishText(text, 'utf-8');
  // Big5 (traditional script) bytes are nearly always valid GB18030 too, read as nonsense;
  // the reading with more of the reports' everyday characters wins.
  if (isBig5(bytes)) {
    const text = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'big5hkscs');
    return /^\s*$/.test(text) ? { ok: false, reason: 'empty' } : withBadLines(text, 'big5');
  }
  const gb = strictDecode(bytes, 'gb18030');
  if (gb !== null) return finishText(gb, 'gb18030');
  // Neither decodes cleanly: a good file with some damaged bytes. Pick the reading with fewer
  // replacement characters and report the damaged lines.
  const asUtf8 = new TextDecoder('utf-8').decode(bytes);
  const asGb = new TextDecoder('gb18030').decode(bytes);
  return countReplacements(asGb) < countReplacements(asUtf8)
    ? withBadLines(asGb, 'gb18030')
    : withBadLines(asUtf8, 'utf-8');
}

function finish(bytes: Uint8Array, label: string, name: string): Decoded {
  return finishText(new TextDecoder(label).decode(bytes), name);
}

function finishText(text: string, name: string): Decoded {
  if (text.length === 0 || /^\s*$/.test(text)) return { ok: false, reason: 'empty' };
  return withBadLines(text, name);
}

/** U+FFFD, or a private-use code point (a character no standard table gives: it shows as nothing). */
const UNREADABLE = /[\uFFFD\uE000-\uF8FF]/;

function withBadLines(text: string, encoding: string): Decoded {
  const badLines: number[] = [];
  if (UNREADABLE.test(text)) {
    text.split('\n').forEach((l, i) => {
      if (UNREADABLE.test(l)) badLines.push(i + 1);
    });
  }
  if (/^\s*$/.test(text)) return { ok: false, reason: 'empty' };
  return { ok: true, text, encoding, badLines };
}

/** The text of `bytes` when they are valid in `label` (a leading BOM dropped, as TextDecoder does); null otherwise. */
function strictDecode(bytes: Uint8Array, label: string): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Characters every report uses many times, in both scripts (政府信息公开/公開, 年度报告/報告,
 * 申请/申請 …). GB18030 text read as Big5, or Big5 read as GB18030, has almost none.
 */
const EVERYDAY = /[政府信息公开開年度报報告工作情况況申请請的和行处處理本结結果总總计計二三四五六]/g;

function isBig5(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, 16384));
  const score = (label: string) => new TextDecoder(label).decode(sample).match(EVERYDAY)?.length ?? 0;
  const big5 = score('big5');
  return big5 >= 5 && big5 > 2 * score('gb18030');
}

function countReplacements(s: string): number {
  let n = 0;
  for (let i = s.indexOf(REPLACEMENT); i >= 0; i = s.indexOf(REPLACEMENT, i + 1)) n++;
  return n;
}

/**
 * UTF-16 without BOM. Tried only when the bytes are not valid UTF-8 or contain NUL bytes, so
 * valid UTF-8 is never reinterpreted; accepted when nearly every code unit is a plausible
 * character (CJK, ASCII, CJK or full-width punctuation).
 */
function sniffUtf16(bytes: Uint8Array, utf8: () => string | null): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 4 || bytes.length % 2 !== 0) return null;
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  if (!sample.includes(0) && utf8() !== null) return null;
  const best = (['utf-16le', 'utf-16be'] as const)
    .map((label) => ({ label, score: plausibility(sample, label) }))
    .sort((a, b) => b.score - a.score)[0]!;
  return best.score >= 0.95 ? best.label : null;
}

function plausibility(bytes: Uint8Array, label: string): number {
  let text: string;
  try {
    text = new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return 0;
  }
  if (!text.length) return 0;
  let good = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c >= 0x20 && c < 0x7f) ||
      c === 0x0a ||
      c === 0x0d ||
      c === 0x09 ||
      (c >= 0x4e00 && c <= 0x9fff) ||
      (c >= 0x3000 && c <= 0x303f) ||
      (c >= 0xff00 && c <= 0xffef) ||
      (c >= 0x2000 && c <= 0x206f) ||
      c === 0xa0
    )
      good++;
  }
  return good / text.length;
}

/** Binary: NUL bytes (not UTF-16) or many control bytes in the first 8 KB. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > n * 0.02;
}
