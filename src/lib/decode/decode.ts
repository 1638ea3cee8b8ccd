/**
 * Bytes → text. Detects UTF-8 (with or without BOM), UTF-16 (BOM, or the zero-byte pattern of
 * CJK/ASCII text without one), Big5 (traditional script) and GB18030 (a superset of GBK/GB2312),
 * and reports binary input. A text file with a few stray control bytes (a NUL inserted by a
 * broken editor or transfer) is still text: the bytes are dropped and their lines reported.
 * Uses the WHATWG TextDecoder (full ICU in Node), so no hand-written code tables; Big5 is read
 * with iconv-lite's Big5-HKSCS table, because Node's `big5` decoder (ICU's windows-950) turns the
 * HKSCS characters of Hong Kong files (峯 FBDF, …) into private-use code points that look like
 * nothing: a name would silently lose a character (赤峯市 → 赤市).
 */
import iconv from 'iconv-lite';

export type Decoded =
  | {
      ok: true;
      text: string;
      encoding: string;
      badLines: number[];
      /** Lines (1-based) that had stray control characters (NUL, …), dropped from `text`. */
      controlLines: number[];
    }
  | { ok: false; reason: 'empty' | 'binary' };

const REPLACEMENT = '\uFFFD';

export function decode(bytes: Uint8Array): Decoded {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  if (hasBinarySignature(bytes)) return { ok: false, reason: 'binary' };

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

function withBadLines(raw: string, encoding: string): Decoded {
  const { text, controlLines } = dropControls(raw);
  const badLines: number[] = [];
  if (UNREADABLE.test(text)) {
    text.split('\n').forEach((l, i) => {
      if (UNREADABLE.test(l)) badLines.push(i + 1);
    });
  }
  if (/^\s*$/.test(text)) return { ok: false, reason: 'empty' };
  return { ok: true, text, encoding, badLines, controlLines };
}

/**
 * Stray control characters: C0 except tab, line feed, vertical tab, form feed, carriage return
 * and escape (the set `looksBinary` counts, with NUL). They show as nothing, so they are dropped;
 * but one between two digits is made U+FFFD (an unreadable character): dropping it would join
 * two numbers into one that nobody wrote, so the cell is read as unreadable (NULL with a reason).
 */
const CONTROL = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f]/;
const CONTROLS = /([0-9０-９]?)([\u0000-\u0008\u000e-\u001a\u001c-\u001f]+)(?=([0-9０-９]?))/g;

function dropControls(text: string): { text: string; controlLines: number[] } {
  if (!CONTROL.test(text)) return { text, controlLines: [] };
  const controlLines: number[] = [];
  text.split('\n').forEach((l, i) => {
    if (CONTROL.test(l)) controlLines.push(i + 1);
  });
  const cleaned = text.replace(CONTROLS, (_, before: string, _c: string, after: string) =>
    before && after ? `${before}${REPLACEMENT}` : before,
  );
  return { text: cleaned, controlLines };
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
  // Valid UTF-8 with no NUL, or only a few stray ones (UTF-16 has one in every ASCII character:
  // line ends, digits, spaces), is UTF-8: mostly-ASCII bytes paired up look like CJK.
  if (countNul(sample) <= Math.max(sample.length * 0.005, STRAY) && utf8() !== null) return null;
  const best = (['utf-16le', 'utf-16be'] as const)
    .map((label) => ({ label, score: plausibility(sample, label) }))
    .sort((a, b) => b.score - a.score)[0]!;
  return best.score >= 0.95 ? best.label : null;
}

function countNul(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0) n++;
  return n;
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

/**
 * Stray control bytes a text file may have whatever its size: this many are never taken for
 * evidence of binary (or of UTF-16's NULs). A proportion alone means nothing in a small file:
 * in a 40-byte file one stray NUL is 2.5 %, over the 2 % of binary.
 */
const STRAY = 3;

/**
 * Binary: many NUL or other control bytes in the first 8 KB (not UTF-16, tried before): over 2 %
 * of them, and more than a few (STRAY). A proportion, not a single NUL: one stray NUL in a text
 * report (a broken editor or transfer) would otherwise lose the whole report. Text has almost
 * none; images, archives, executables and random bytes have several per hundred, so a binary
 * file of a few dozen bytes without a known header (sniffed first) has more than three.
 */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) control++;
  }
  return control > Math.max(n * 0.02, STRAY);
}

/**
 * Headers of formats that are never text (images, archives, executables), whatever bytes follow.
 * Word's .doc/.docx (OLE2, ZIP) and PDF are sniffed before text (sniff.ts); a ZIP that reaches
 * here is not a Word document.
 */
const SIGNATURES: ReadonlyArray<readonly number[]> = [
  [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0x50, 0x4b, 0x03, 0x04], // ZIP
  [0x50, 0x4b, 0x05, 0x06], // empty ZIP
  [0x1f, 0x8b], // gzip
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], // RAR
  [0x7f, 0x45, 0x4c, 0x46], // ELF
  [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], // OLE2
];

function hasBinarySignature(bytes: Uint8Array): boolean {
  return SIGNATURES.some((sig) => sig.length <= bytes.length && sig.every((b, i) => bytes[i] === b));
}
