/**
 * The normalised copy the parser matches on: full-width digits, letters and punctuation folded
 * to ASCII (NFKC), non-breaking spaces and `&nbsp;` remnants to spaces, minus signs and dashes
 * unified, and invisible format characters (Unicode category Cf: zero-width space, joiners,
 * BOM, word joiner, bidi marks; and the soft hyphen) dropped: a reader of the page sees
 * `1\u200b2` as 12 and `予以\u200d公开` as 予以公开, so the parser must too. Folding is done per character with an index map back into the raw line, so every
 * token keeps the exact raw text it came from.
 */

export interface NormalizedLine {
  text: string;
  /**
   * map[i] = index in the raw line of normalised character i; map[text.length] = raw.length.
   * null when the two line up one for one.
   */
  map: number[] | null;
}

const cache = new Map<string, string>();
const NOTE_MARK = /[\u00b2\u00b3\u00b9\u2070-\u209f\u2460-\u24ff\u2776-\u2793\u3251-\u325f\u32b1-\u32bf]/;

function foldChar(c: string): string {
  const code = c.charCodeAt(0);
  if (code < 0x80) return c;
  let out = cache.get(c);
  if (out !== undefined) return out;
  // A right-to-left override (U+202E) shows the digits after it reversed: no number is read
  // through it (UNSURE_MARK, shown.ts), where the other bidi controls leave digits in order.
  if (c === '\u202e') out = '\u2047';
  else if (INVISIBLE.test(c)) out = '';
  else if (c === '\u00a0' || c === '\u3000' || c === '\u2002' || c === '\u2003') out = ' ';
  // The en dash and the figure dash too: Word's autoformat writes –12 for -12 in 本年增/减.
  else if (c === '\u2212' || c === '\uff0d' || c === '\u2010' || c === '\u2011' || c === '\u2012' || c === '\u2013')
    out = '-';
  else if (c === '\u2014' || c === '\u2015' || c === '\u2500') out = '—';
  else if (c === '\uff5c' || c === '\u2502') out = '|';
  else if (c >= '\u3000' && c <= '\u303f' && c !== '\u3000')
    out = c; // keep 、。〔〕 etc.
  // Circled, parenthesised and full-stop digits (①, ⑴, ⒈) and super/subscripts mark notes:
  // NFKC would make them digits and glue them to a number (78① → 781). A note mark instead.
  else if (NOTE_MARK.test(c)) out = '※';
  else {
    out = c.normalize('NFKC');
    // NFKC may expand (e.g. ㈠ → (一)); keep such expansions, they map to one raw char.
  }
  cache.set(c, out);
  return out;
}

/**
 * Invisible format characters: category Cf (U+200B–U+200F, U+2060–U+2064, U+FEFF, …), which
 * includes the soft hyphen U+00AD. They are dropped, so they change the length.
 */
const INVISIBLE = /\p{Cf}/u;

/**
 * Characters NFKC may expand to several (①, ㈠, ½, ﹙), and invisible ones that fold to nothing:
 * lines with them take the slow path, whose map keeps every kept character's raw position.
 */
const EXPANDING =
  /[\u00bc-\u00be\u2150-\u218f\u2460-\u24ff\u2e80-\u2fdf\u3200-\u33ff\uf900-\ufaff\ufb00-\ufdff\ufe10-\ufe6f\uffe0-\uffee\ud800-\udfff]/;
/** One-for-one folds: full-width ASCII, odd spaces, dashes and bars. */
const ONE_TO_ONE = /[\u00a0\u2002\u2003\u3000\u2212\uff0d\u2010\u2011\u2013\u2014\u2015\u2500\u2502\uff01-\uff5e]/g;

/**
 * Whether every character of `raw` is one the folds leave alone or fold one for one to ASCII:
 * ASCII, CJK ideographs and punctuation (、。《》, not the ideographic space), quotes (‘’“”) and
 * full-width ASCII (，（）： U+FF01–U+FF5E, which NFKC makes ASCII). 1: and some are
 * full-width; 0: none; -1: another character. Most lines of a report hold nothing else, and this
 * one scan replaces two patterns (test/decode.test.ts compares the results with the patterns').
 */
function plainKind(raw: string): number {
  let wide = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0x80 || (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3001 && c <= 0x303f) || (c >= 0x2018 && c <= 0x201f))
      continue;
    if (c >= 0xff01 && c <= 0xff5e) wide = 1;
    else return -1;
  }
  return wide;
}

export function normalizeLine(raw: string): NormalizedLine {
  const kind = plainKind(raw);
  if (kind >= 0) {
    let text = kind ? foldWide(raw) : raw;
    if (text.includes('&nbsp;')) text = text.replace(/&nbsp;/g, '      ');
    return { text, map: null };
  }
  return normalizeSlow(raw);
}

/** `raw` with each full-width ASCII character (U+FF01–U+FF5E) made ASCII, in pieces rather than a callback per match. */
function foldWide(raw: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c < 0xff01 || c > 0xff5e) continue;
    out += raw.slice(from, i) + String.fromCharCode(c - 0xfee0);
    from = i + 1;
  }
  return from === 0 ? raw : out + raw.slice(from);
}

/** normalizeLine without the quick scan (exported for the test that compares the two). */
export function normalizeSlow(raw: string): NormalizedLine {
  // Fast path: every fold keeps the length, so positions in the text are positions in the raw
  // line and the map is the identity (null).
  if (!EXPANDING.test(raw) && !INVISIBLE.test(raw)) {
    let text = raw.replace(ONE_TO_ONE, foldChar);
    if (text.includes('&nbsp;')) text = text.replace(/&nbsp;/g, '      ');
    return { text, map: null };
  }
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    let c = raw[i]!;
    // Keep surrogate pairs together.
    const code = c.charCodeAt(0);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < raw.length) c += raw[++i]!;
    const start = c.length === 2 ? i - 1 : i;
    const f = c.length === 1 ? foldChar(c) : c;
    for (let k = 0; k < f.length; k++) map.push(start);
    text += f;
  }
  map.push(raw.length);
  // `&nbsp;` left over from bad HTML-to-text conversion: same length, so the map stays valid.
  if (text.includes('&nbsp;')) text = text.replace(/&nbsp;/g, '      ');
  return { text, map };
}

/** The raw substring behind normalised [start, end). */
export function rawSlice(raw: string, n: NormalizedLine, start: number, end: number): string {
  if (!n.map) return raw.slice(start, end);
  return raw.slice(n.map[start] ?? raw.length, n.map[end] ?? raw.length);
}

/** Raw index of normalised position i. */
export function rawIndex(n: NormalizedLine, i: number, rawLength: number): number {
  return n.map ? (n.map[i] ?? rawLength) : Math.min(i, rawLength);
}
