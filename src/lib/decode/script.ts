import * as OpenCC from 'opencc-js/t2cn';
import type { Line } from './lines.ts';

/**
 * Traditional script (繁體: government sites' 繁體 toggle, wiki mirrors, Hong Kong/Taiwan
 * reposts). The parser matches headings and row labels in simplified script, so a traditional
 * document's normalised text is folded to simplified with OpenCC (opencc-js, a maintained
 * converter), while `raw` keeps the characters as published for display and provenance.
 * Folding is one character for one character, so the normalised text's index map into the raw
 * line stays valid.
 */

/**
 * Characters that exist only in traditional script and are frequent in these reports
 * (開 報 關 請 處 數 …). A simplified report has none of them, so a handful decides cheaply,
 * without converting every file.
 */
const TRADITIONAL_ONLY =
  /[開報關請處數總與為於會國區時發門網現結轉辦條規範務經這個們來說對過後裡學動當沒還進長機從間問兩點業將應體實見單據費價計項覆復審況構織組際歸屬內讀護衛險穩權訴議維糾審盡產]/g;

const ANY_TRADITIONAL = new RegExp(TRADITIONAL_ONLY.source);

export function looksTraditional(text: string): boolean {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  if (!ANY_TRADITIONAL.test(sample)) return false;
  const hits = sample.match(TRADITIONAL_ONLY);
  if (!hits || hits.length < 8) return false;
  return new Set(hits).size >= 5;
}

// From Hong Kong's variants, which also folds every standard traditional character: 衞 (the
// variant Hong Kong writes for 衛) is no 卫 to the plain traditional table, so 衞生健康委员会
// would keep it and split the agency's name in two.
let converter: ((s: string) => string) | null = null;
function convert(s: string): string {
  converter ??= (
    OpenCC as unknown as { Converter: (o: { from: string; to: string }) => (s: string) => string }
  ).Converter({ from: 'hk', to: 'cn' });
  return converter(s);
}
/** `s` in simplified script, one character for one (a phrase rule that changes a length is not applied). */
export function toSimplified(s: string): string {
  // (The rules read a report's lines several times each: the same line converted once; a short
  // one kept, a page's one long line not.)
  const known = SIMPLIFIED.get(s);
  if (known !== undefined) return known;
  const out = simplified(s);
  if (s.length > 2_000) return out;
  if (SIMPLIFIED.size >= 20_000) SIMPLIFIED.clear();
  SIMPLIFIED.set(s, out);
  return out;
}
const SIMPLIFIED = new Map<string, string>();

function simplified(s: string): string {
  const out = convert(s);
  if (out.length === s.length) return out;
  // A phrase rule changed the length: fold character by character, keeping any character
  // whose conversion is not a single character.
  let r = '';
  for (const c of s) {
    const f = convert(c);
    r += f.length === c.length ? f : c;
  }
  return r;
}

/** TRADITIONAL_ONLY's characters (all in the BMP), as a table indexed by UTF-16 code unit. */
const TRADITIONAL_TABLE = new Uint8Array(0x10000);
for (const c of TRADITIONAL_ONLY.source.slice(1, -1)) TRADITIONAL_TABLE[c.charCodeAt(0)] = 1;

/**
 * Whether ANY_TRADITIONAL matches the head: the first lines' texts joined until 1,500
 * characters. Scanned in place with a table (no joined copy; a class of ninety characters
 * costs the pattern a search per character), the same answer (test/script.test.ts compares).
 */
export function traditionalInHead(lines: Line[]): boolean {
  let length = 0;
  for (let i = 0; i < lines.length && length < 1500; i++) {
    const t = lines[i]!.text;
    for (let k = 0; k < t.length; k++) if (TRADITIONAL_TABLE[t.charCodeAt(k)]) return true;
    length += t.length;
  }
  return false;
}

/**
 * Whether the text below the head has as many traditional-only characters as looksTraditional
 * asks (8 and 5 different ones), counted in place with the table: a traditional part after a
 * simplified one. A simplified page's few (a 繁體 link) are not enough.
 */
function traditionalBelow(lines: Line[]): boolean {
  let hits = 0;
  const seen = new Set<number>();
  for (const l of lines) {
    const t = l.text;
    for (let k = 0; k < t.length; k++) {
      const c = t.charCodeAt(k);
      if (!TRADITIONAL_TABLE[c]) continue;
      hits++;
      seen.add(c);
      if (hits >= 8 && seen.size >= 5) return true;
    }
  }
  return false;
}

/** The head test as the pattern writes it (for the test that compares the two). */
export function traditionalInHeadByPattern(lines: Line[]): boolean {
  let head = '';
  for (let i = 0; i < lines.length && head.length < 1500; i++) head += lines[i]!.text;
  return ANY_TRADITIONAL.test(head);
}

/** Lines with their normalised text (and cell texts) folded to simplified script. */
export function foldScript(lines: Line[]): { lines: Line[]; folded: boolean } {
  // Most files have no traditional character at all: decided line by line, without a copy.
  // The title and first paragraphs tell: a traditional report uses these characters at once.
  // A simplified page with a traditional copy of the report below it (a site's 繁體 version saved
  // too, its numbers differing: a fresh tester's t71) is folded as well, so that the copy's
  // headings and text are found and compared (segment/reports.ts repeatsOf).
  if (traditionalInHead(lines) ? !looksTraditional(lines.map((l) => l.text).join('\n')) : !traditionalBelow(lines))
    return { lines, folded: false };
  // One conversion of every text at once: OpenCC's cost per call is large (7 ms for 400
  // lines joined against 11 ms one by one), and no dictionary entry spans a line break.
  const texts: string[] = [];
  for (const l of lines) {
    texts.push(l.text);
    if (l.cells) for (const c of l.cells) texts.push(c.text);
  }
  // 覆 is a converter's 复 as often as 複 and 復 (覆議 for 複議, "administrative review"), but
  // stays 覆 in simplified script: a fresh tester's t104 lost 四 so.
  const folded = foldAll(texts).map((t) => (t.includes('覆议') ? t.replaceAll('覆议', '复议') : t));
  let i = 0;
  const out = lines.map((l): Line => {
    const f: Line = { ...l, text: folded[i++]! };
    if (l.cells) f.cells = l.cells.map((c) => ({ ...c, text: folded[i++]! }));
    return f;
  });
  return { lines: out, folded: true };
}

/** Each text folded to simplified script, one for one in length (see `toSimplified`). */
function foldAll(texts: string[]): string[] {
  if (texts.some((t) => t.includes('\n'))) return texts.map(toSimplified);
  const joined = texts.join('\n');
  const out = convert(joined);
  // A phrase rule changed a length somewhere: each text on its own, as toSimplified does.
  return out.length === joined.length ? out.split('\n') : texts.map(toSimplified);
}
