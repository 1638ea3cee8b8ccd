import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import JSZip from 'jszip';
import { choiceOverFallback } from './docx-alternate.ts';
import { hMergeAsSpans } from './docx-merge.ts';
import { trackedStructure } from './docx-tracked.ts';
import { fieldResults } from './docx-fields.ts';
import { readableInline, relationshipIds } from './docx-inline.ts';
import { OBJECT_MARK, UNSURE_MARK } from './shown.ts';
import { DINGBAT_FONT } from './css.ts';
import { BLACK, hexColour, inkOfColour, inkOfSize, mix, WHITE, worse, type Ink, type Rgba } from './ink.ts';

/**
 * Hidden and struck text in a .docx, taken out before mammoth reads it. mammoth reads every run
 * whatever its properties: a run with <w:vanish/> (hidden text) holding "0" after a visible "1"
 * read as 10. The rule is the HTML reader's (shown.ts): text the document does not show is no
 * text of it — hidden (vanish, specVanish) and struck through (strike, dstrike: struck text is
 * deleted text; mammoth would only mark direct w:strike, never a style's) — and text that may or
 * may not be shown is kept behind UNSURE_MARK, so that it is never read as a digit. webHidden
 * text is such: Word hides it in Web Layout only and prints it (a fresh tester's t31: "1" and a
 * webHidden "5" read as 1, where print shows 15).
 *
 * A run's property is its own (direct formatting wins) or else its styles': the run's character
 * style, its paragraph's style (or the default paragraph style), its table's style, each
 * followed up its basedOn chain, then the document defaults. These are toggle properties, which
 * Word combines across style levels in its own way; when more than one style level sets one, and
 * not all to off, the run is unsure.
 *
 * A run set off the baseline by a style (w:vertAlign superscript or subscript in its character
 * style — Word's "footnote reference" — or any style up its basedOn chain) or raised or lowered
 * by w:position, directly or by a style, is given a direct w:vertAlign, which mammoth writes as
 * <sup>: the HTML reader then keeps it apart as a mark (`36^1`, unreadable), never a digit of
 * the number before it (361). mammoth reads only a direct w:vertAlign.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const PROPS = ['vanish', 'specVanish', 'webHidden', 'strike', 'dstrike'];
/** Properties that hide a run in one view only (webHidden: Web Layout): its text is unsure, not hidden. */
const ONE_VIEW = new Set(['webHidden']);
/** What in a run is text (or draws something); a hidden run keeps only its field structure. */
const CONTENT = new Set([
  't',
  'tab',
  'br',
  'cr',
  'sym',
  'noBreakHyphen',
  'softHyphen',
  'drawing',
  'pict',
  'object',
  'ptab',
]);
const QUICK =
  /vanish|webHidden|strike|vertAlign|w:position|<w:sz w:val="[0-7]"|<w:color\b[^>]*w:(?:val="(?!000000|auto)|themeColor)|<w:shd\b[^>]*w:(?:fill="(?!auto|FFFFFF)|themeFill)|<w:highlight\b|<w:background\b/i;
/** Run properties that decide whether its text is seen (ink.ts): colour, size, shading. */
const INK = ['color', 'sz', 'shd', 'highlight'] as const;
type InkProp = (typeof INK)[number];
/** Run properties with a value (not toggles) that set the run off the baseline. */
const RAISE = ['vertAlign', 'position'] as const;
type Raise = (typeof RAISE)[number];

type El = Element;
/** A property's value where it is set: true (on), false (off); absent: not set there. */
type Props = Map<string, boolean>;
interface Style {
  basedOn: string | null;
  props: Props;
  /** vertAlign and position as set there (their w:val). */
  raise: Map<Raise, string>;
  /** Colour, size, shading and highlight of its runs, as set there (the elements). */
  ink: Map<InkProp, El>;
  /** Its paragraphs' shading (pPr/shd). */
  pShd: El | null;
  /** A table style's cell or table shading, first found (conditional formats too). */
  tShd: El | null;
}

/** An empty styles part: the part is optional, and a package without one is read as with this. */
const EMPTY_STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles xmlns:w="${W}"/>`;

/**
 * The .docx with fields as their results and hidden and struck runs removed, and a missing
 * styles part supplied empty; or the same bytes. mammoth reads a package without a styles part
 * with styles that have no table styles at all, and throws on the first table that names one
 * (<w:tblStyle w:val="TableGrid"/>): a valid file rejected as broken.
 */
export async function withoutHiddenRuns(bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const main = (await mainPart(zip)) ?? 'word/document.xml';
  const docFile = zip.file(main);
  if (!docFile) return bytes;
  const stored = await docFile.async('string');
  // What Word shows of markup-compatibility content (docx-alternate.ts), before everything else.
  const source = choiceOverFallback(stored) ?? stored;
  // Fields become their shown results first (docx-fields.ts): a hidden run inside one stays hidden.
  const fields = fieldResults(source);
  const xml = fields ?? source;
  const stylesFile = zip.file(await stylesPart(zip, main)) ?? zip.file(MAMMOTH_STYLES);
  const stylesXml = (await stylesFile?.async('string')) ?? '';
  const hidden = QUICK.test(xml) || QUICK.test(stylesXml) ? hideRuns(xml, stylesXml) : null;
  const toggles = offTogglesSpelled(hidden ?? xml) ?? hidden;
  const cr = crAsBreaks(toggles ?? xml) ?? toggles ?? fields;
  const symbols = symbolsAsText(cr ?? source) ?? cr;
  const icons = dingbatRuns(symbols ?? source) ?? symbols;
  // Deleted cells and rows gone, as Word shows them (docx-tracked.ts).
  const tracked = trackedStructure(icons ?? source) ?? icons;
  const breaks = hMergeAsSpans(tracked ?? source) ?? tracked;
  // What mammoth would drop unsaid (docx-inline.ts), read or marked; dangling references away.
  const rels = await zip.file(relsPath(main))?.async('string');
  const changed =
    readableInline(breaks ?? source, relationshipIds(rels)) ?? breaks ?? (source === stored ? null : source);
  if (changed === null && stylesFile) return bytes;
  if (changed !== null) zip.file(main, changed);
  // Where mammoth looks when the relationship names no part that exists.
  if (!stylesFile) zip.file(MAMMOTH_STYLES, EMPTY_STYLES);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/**
 * A toggle switched off in a spelling mammoth reads as on: it takes every w:val but "false" and
 * "0" for on, while "off" (ECMA-376's first edition), "none" and "False" are off too (`on` below,
 * which decides what is hidden). `<w:strike w:val="off"/>` on the "3" of a cell "3"+"47" made
 * mammoth strike it through, and struck text is no text: 347 read as 47 (a fresh tester's t22).
 * Such values become "false"; null when the document has none.
 */
export function offTogglesSpelled(xml: string): string | null {
  const ns = /xmlns:([A-Za-z_][\w.-]*)="http:\/\/schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main"/.exec(xml);
  const p = ns?.[1];
  if (!p) return null;
  const re = new RegExp(`(<${p}:(?:b|i|strike|caps|smallCaps)\\b[^>]*?\\b${p}:val=")([^"]*)(")`, 'g');
  const out = xml.replace(re, (m, open: string, v: string, close: string) =>
    v !== 'false' && v !== '0' && /^(?:false|0|off|none)$/i.test(v) ? `${open}false${close}` : m,
  );
  return out === xml ? null : out;
}

/**
 * A carriage return (w:cr) is a line break (ECMA-376 17.3.3.4), as w:br is; mammoth drops it, so
 * a cell "2⏎0" was read 20. It becomes a w:br; null when the document has none. So does a page
 * or column break (w:br w:type="page" / "column"), which mammoth drops too: Word shows "2", then
 * "58" on the next page, and 258 was read (a fresh tester's t22); a break inside a cell now
 * leaves it unreadable, as a line break does.
 */
export function crAsBreaks(xml: string): string | null {
  const ns = /xmlns:([A-Za-z_][\w.-]*)="http:\/\/schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main"/.exec(xml);
  const p = ns?.[1];
  if (!p || (!xml.includes(`<${p}:cr`) && !xml.includes(`<${p}:br `))) return null;
  const out = xml
    .replace(new RegExp(`<${p}:cr\\b[^>]*?(?:/>|>\\s*</${p}:cr>)`, 'g'), `<${p}:br/>`)
    .replace(
      new RegExp(`<${p}:br\\b[^>]*?\\b${p}:type="(?:page|column)"[^>]*?(?:/>|>\\s*</${p}:br>)`, 'g'),
      `<${p}:br/>`,
    );
  return out === xml ? null : out;
}

/**
 * A symbol character (w:sym) in a font that is no symbol font carries its Unicode code point
 * (ECMA-376 17.3.3.30, w:char); mammoth maps only symbol fonts' characters (the private use
 * area, F0xx) and drops any other unsaid, so a digit inserted as a symbol was lost (4526 read as
 * 526, −2 as 2: a fresh tester's t9). A w:sym whose character lies outside the private use area
 * becomes that character as text (w:t); null when there is none.
 */
const SYMBOL_FONT = /symbol|wingdings|webdings|dingbats|marlett|mt extra/i;

export function symbolsAsText(xml: string): string | null {
  const ns = /xmlns:([A-Za-z_][\w.-]*)="http:\/\/schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main"/.exec(xml);
  const p = ns?.[1];
  if (!p || !xml.includes(`<${p}:sym`)) return null;
  const char = new RegExp(`\\b${p}:char\\s*=\\s*["']([0-9A-Fa-f]{1,6})["']`);
  const font = new RegExp(`\\b${p}:font\\s*=\\s*["']([^"']*)["']`);
  const out = xml.replace(new RegExp(`<${p}:sym\\b([^>]*?)(?:/>|>\\s*</${p}:sym>)`, 'g'), (m, attrs: string) => {
    // A symbol font's characters are its own (Symbol's 0x61 is α): mammoth maps those.
    if (SYMBOL_FONT.test(font.exec(attrs)?.[1] ?? '')) return m;
    const code = char.exec(attrs)?.[1];
    const cp = code ? parseInt(code, 16) : NaN;
    if (!(cp >= 0x20 && cp <= 0x10ffff) || (cp >= 0xe000 && cp <= 0xf8ff)) return m;
    const text = String.fromCodePoint(cp).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return `<${p}:t xml:space="preserve">${text}</${p}:t>`;
  });
  return out === xml ? null : out;
}

/**
 * Text of a run whose font for Latin characters (w:rFonts w:ascii or w:hAnsi) is a picture font
 * (css.ts DINGBAT_FONT: Wingdings, Webdings): Word draws its digits and letters as pictures (a
 * Wingdings "1" is a candle), so "16" and a Wingdings "1" show 16 and a picture, never 161 (a
 * fresh tester's t25). Its characters become OBJECT_MARK: the cell is no number. A font set by a
 * style is not seen. Null when the document has no such run.
 */
export function dingbatRuns(xml: string): string | null {
  const ns = /xmlns:([A-Za-z_][\w.-]*)="http:\/\/schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main"/.exec(xml);
  const p = ns?.[1];
  if (!p || !DINGBAT_FONT.test(xml)) return null;
  const fonts = new RegExp(`<${p}:rFonts\\b([^>]*)>`);
  const latin = new RegExp(`\\b${p}:(?:ascii|hAnsi)\\s*=\\s*["']([^"']*)["']`, 'g');
  const run = new RegExp(`<${p}:r\\b(?:[^>]*[^/>])?>(?:(?!</${p}:r>)[\\s\\S])*</${p}:r>`, 'g');
  const text = new RegExp(`(<${p}:t\\b[^>]*>)([^<]*)(</${p}:t>)`, 'g');
  const out = xml.replace(run, (r) => {
    const attrs = fonts.exec(r)?.[1];
    if (!attrs || ![...attrs.matchAll(latin)].some((m) => DINGBAT_FONT.test(m[1]!))) return r;
    return r.replace(text, (m, open: string, t: string, close: string) =>
      /[\x21-\x7e]/.test(t) ? `${open}${OBJECT_MARK}${close}` : m,
    );
  });
  return out === xml ? null : out;
}

/** The styles part mammoth reads when the main document's relationships name none that exists. */
const MAMMOTH_STYLES = 'word/styles.xml';

/** The main document part, as the package's relationships name it (as mammoth finds it). */
async function mainPart(zip: JSZip): Promise<string | null> {
  const target = related(await zip.file('_rels/.rels')?.async('string'), 'officeDocument');
  return target ? target.replace(/^\//, '') : null;
}

/** The styles part of the main document: its relationship, or styles.xml beside it. */
async function stylesPart(zip: JSZip, main: string): Promise<string> {
  const dir = main.replace(/[^/]*$/, '');
  const rels = await zip.file(relsPath(main))?.async('string');
  const target = related(rels, 'styles');
  if (!target) return `${dir}styles.xml`;
  return target.startsWith('/') ? target.slice(1) : dir + target;
}

/** Where a part's relationships are: `word/_rels/document.xml.rels` for `word/document.xml`. */
function relsPath(part: string): string {
  const dir = part.replace(/[^/]*$/, '');
  return `${dir}_rels/${part.slice(dir.length)}.rels`;
}

/** The target of the first relationship of a type (`…/officeDocument`, `…/styles`). */
function related(rels: string | undefined, type: string): string | null {
  const m = rels && new RegExp(`<Relationship\\b[^>]*Type="[^"]*/${type}"[^>]*>`).exec(rels);
  return (m && /Target="([^"]+)"/.exec(m[0])?.[1]) ?? null;
}

/**
 * document.xml (and styles.xml) → document.xml without hidden and struck runs' text, unsure runs
 * marked; null when nothing changes.
 */
export function hideRuns(xml: string, stylesXml: string): string | null {
  const parser = new DOMParser({ errorHandler: { warning: () => {}, error: () => {}, fatalError: () => {} } });
  const doc = parser.parseFromString(xml, 'text/xml');
  const styles = stylesXml ? readStyles(parser.parseFromString(stylesXml, 'text/xml')) : null;
  let changed = false;
  const page = pageColour(doc);
  const runs = Array.from(doc.getElementsByTagNameNS(W, 'r'));
  for (const run of runs) {
    if (raisedByStyle(run, styles)) {
      changed = true;
      let rPr = child(run, 'rPr');
      if (!rPr) rPr = run.insertBefore(doc.createElementNS(W, 'w:rPr'), run.firstChild);
      const old = child(rPr, 'vertAlign');
      if (old) rPr.removeChild(old);
      const va = doc.createElementNS(W, 'w:vertAlign');
      va.setAttributeNS(W, 'w:val', 'superscript');
      rPr.appendChild(va);
    }
    let v = verdict(run, styles);
    if (v !== 'hidden') {
      // Drawn so that no reader sees it (white on white, 1pt): hidden, as vanish is; maybe not
      // seen: unsure. Spaces so drawn are no text of a number's either way.
      const ink = runInk(run, styles, page);
      if (ink === 'hidden' || (ink === 'unsure' && /\S/.test(run.textContent ?? ''))) v = worse(v, ink);
    }
    if (v === 'shown') continue;
    changed = true;
    if (v === 'hidden') {
      for (const k of Array.from(run.childNodes))
        if (k.nodeType === 1 && (k as El).namespaceURI === W && CONTENT.has((k as El).localName)) run.removeChild(k);
    } else {
      const t = doc.createElementNS(W, 'w:t');
      t.appendChild(doc.createTextNode(UNSURE_MARK));
      const rPr = child(run, 'rPr');
      run.insertBefore(t, rPr ? rPr.nextSibling : run.firstChild);
    }
  }
  return changed ? new XMLSerializer().serializeToString(doc) : null;
}

interface Styles {
  byId: Map<string, Style>;
  defaultParagraph: string | null;
  defaults: Props;
  defaultRaise: Map<Raise, string>;
  defaultInk: Map<InkProp, El>;
}

function readStyles(doc: Document): Styles {
  const byId = new Map<string, Style>();
  let defaultParagraph: string | null = null;
  for (const s of Array.from(doc.getElementsByTagNameNS(W, 'style'))) {
    const id = attr(s, 'styleId');
    if (id === null) continue;
    // A table style's conditional formats (first row, banded rows…) count too: see verdict.
    byId.set(id, {
      basedOn: attr(child(s, 'basedOn'), 'val'),
      props: propsIn(s),
      raise: raiseIn(s),
      ink: inkIn(s),
      pShd: child(child(s, 'pPr'), 'shd'),
      tShd: firstShd(s),
    });
    if (attr(s, 'type') === 'paragraph' && /^(?:1|true|on)$/.test(attr(s, 'default') ?? '')) defaultParagraph = id;
  }
  const rPrDefault = doc.getElementsByTagNameNS(W, 'rPrDefault')[0];
  return {
    byId,
    defaultParagraph,
    defaults: rPrDefault ? propsIn(rPrDefault) : new Map<string, boolean>(),
    defaultRaise: rPrDefault ? raiseIn(rPrDefault) : new Map<Raise, string>(),
    defaultInk: rPrDefault ? inkIn(rPrDefault) : new Map<InkProp, El>(),
  };
}

/** Colour, size, shading and highlight as `el`'s run properties set them (first found). */
function inkIn(el: El): Map<InkProp, El> {
  const out = new Map<InkProp, El>();
  for (const rPr of Array.from(el.getElementsByTagNameNS(W, 'rPr'))) {
    if (ancestor(rPr, 'rPrChange')) continue;
    for (const p of INK) {
      const e = child(rPr, p);
      if (e && !out.has(p)) out.set(p, e);
    }
  }
  return out;
}

/** A table style's first cell or table shading (its conditional formats' too). */
function firstShd(el: El): El | null {
  for (const name of ['tcPr', 'tblPr']) {
    for (const pr of Array.from(el.getElementsByTagNameNS(W, name))) {
      const shd = child(pr, 'shd');
      if (shd) return shd;
    }
  }
  return null;
}

/**
 * Whether a run's text is seen (ink.ts): its colour over what is behind it — the run's shading
 * or highlight, else its paragraph's, its cell's, its table's, the page — and its size. Each as
 * set directly or else by the run's character style, its paragraph's style, its table's style
 * (each up its basedOn chain) and the document defaults. `auto` colour is drawn to be seen (black,
 * or white on a dark shading). A colour set by a table style that also shades cells is taken as
 * drawn on that shading (Word's banded styles: white header text on a dark header row).
 */
function runInk(run: El, styles: Styles | null, page: Rgba | null): Ink {
  const rPr = child(run, 'rPr');
  const levels = styles ? styleLevels(run, rPr, styles) : [];
  const find = (p: InkProp): { el: El; level: number } | null => {
    const direct = rPr ? child(rPr, p) : null;
    if (direct) return { el: direct, level: -1 };
    if (!styles) return null;
    for (let k = 0; k < levels.length; k++) {
      const e = styleInk(styles, levels[k] ?? null, (s) => s.ink.get(p) ?? null);
      if (e) return { el: e, level: k };
    }
    const d = styles.defaultInk.get(p);
    return d ? { el: d, level: 3 } : null;
  };
  const sz = find('sz');
  const size = sz ? inkOfSize(halfPoints(attr(sz.el, 'val'))) : 'shown';
  const color = find('color');
  const fg = color ? wordColour(color.el) : 'auto';
  if (fg === 'auto') return size;
  if (color?.level === 2 && styles && styleInk(styles, levels[2] ?? null, (s) => s.tShd)) return size;
  // What is behind the run, from the innermost layer that paints.
  const layers: Array<El | null> = [
    find('highlight')?.el ?? null,
    find('shd')?.el ?? null,
    child(child(ancestor(run, 'p'), 'pPr'), 'shd') ??
      (styles ? styleInk(styles, levels[1] ?? null, (s) => s.pShd) : null),
    child(child(ancestor(run, 'tc'), 'tcPr'), 'shd'),
    child(child(ancestor(run, 'tbl'), 'tblPr'), 'shd') ??
      (styles ? styleInk(styles, levels[2] ?? null, (s) => s.tShd) : null),
  ];
  let bg: Rgba | null | undefined;
  for (const e of layers) {
    if (!e) continue;
    bg = e.localName === 'highlight' ? highlightColour(attr(e, 'val')) : shading(e);
    if (bg !== undefined) break;
  }
  return worse(inkOfColour(fg, bg === undefined ? page : bg), size);
}

/** A style property up its basedOn chain (null: not set on that chain). */
function styleInk(styles: Styles, id: string | null, get: (s: Style) => El | null): El | null {
  const seen = new Set<string>();
  while (id !== null && !seen.has(id)) {
    seen.add(id);
    const s = styles.byId.get(id);
    if (!s) return null;
    const v = get(s);
    if (v) return v;
    id = s.basedOn;
  }
  return null;
}

/** w:sz in points; null when not a number. */
function halfPoints(v: string | null): number | null {
  const n = v === null ? NaN : Number(v);
  return Number.isFinite(n) ? n / 2 : null;
}

/**
 * A w:color: 'auto' (drawn to be seen), a colour, or null (not known). A theme colour wins over
 * w:val: background1/light1 is the page's white (text in it on the page is not seen), text1/dark1
 * black; a tint or shade of them is not worked out (null); others are drawn as w:val says.
 */
function wordColour(e: El): Rgba | 'auto' | null {
  const theme = attr(e, 'themeColor');
  if (theme) {
    const shaded = attr(e, 'themeShade') !== null || attr(e, 'themeTint') !== null;
    if (/^(?:background1|light1|bg1)$/i.test(theme)) return shaded ? null : WHITE;
    if (/^(?:text1|dark1|tx1)$/i.test(theme)) return shaded ? null : BLACK;
  }
  const v = attr(e, 'val');
  if (v === null || /^auto$/i.test(v)) return 'auto';
  return hexColour(v);
}

/** A shading's colour: undefined when it paints nothing (nil, clear with no fill), null when not known. */
function shading(e: El): Rgba | null | undefined {
  const val = (attr(e, 'val') ?? 'clear').toLowerCase();
  const themeFill = attr(e, 'themeFill');
  const fillAttr = attr(e, 'fill');
  const fill = themeFill
    ? /^(?:background1|light1|bg1)$/i.test(themeFill)
      ? WHITE
      : /^(?:text1|dark1|tx1)$/i.test(themeFill)
        ? BLACK
        : hexColour(fillAttr ?? '')
    : fillAttr === null || /^auto$/i.test(fillAttr)
      ? undefined
      : hexColour(fillAttr);
  const colorAttr = attr(e, 'color');
  const pattern = colorAttr === null || /^auto$/i.test(colorAttr) ? BLACK : hexColour(colorAttr);
  if (val === 'nil') return undefined;
  if (val === 'clear') return fill;
  if (val === 'solid') return pattern;
  const pct = /^pct(\d+)$/.exec(val);
  if (pct && pattern) return mix(pattern, fill ?? WHITE, Number(pct[1]) / 100);
  return null;
}

const HIGHLIGHT: Record<string, string> = {
  black: '000000',
  blue: '0000FF',
  cyan: '00FFFF',
  green: '00FF00',
  magenta: 'FF00FF',
  red: 'FF0000',
  yellow: 'FFFF00',
  white: 'FFFFFF',
  darkblue: '000080',
  darkcyan: '008080',
  darkgreen: '008000',
  darkmagenta: '800080',
  darkred: '800000',
  darkyellow: '808000',
  darkgray: '808080',
  lightgray: 'C0C0C0',
};

/** A w:highlight's colour: undefined for none, null when not known. */
function highlightColour(v: string | null): Rgba | null | undefined {
  if (v === null || /^none$/i.test(v)) return undefined;
  const h = HIGHLIGHT[v.toLowerCase()];
  return h ? hexColour(h) : null;
}

/** The page colour (w:background, when the document sets one; null: not known) or white. */
function pageColour(doc: Document): Rgba | null {
  const bg = doc.getElementsByTagNameNS(W, 'background')[0];
  if (!bg) return WHITE;
  const c = attr(bg, 'color');
  // Whether a page colour is shown depends on the view and the printer: not known, unless white.
  return c === null || /^(?:auto|FFFFFF)$/i.test(c) ? WHITE : null;
}

/** vertAlign and position as `el`'s run properties set them (not a tracked change's old ones). */
function raiseIn(el: El): Map<Raise, string> {
  const out = new Map<Raise, string>();
  for (const rPr of Array.from(el.getElementsByTagNameNS(W, 'rPr'))) {
    if (ancestor(rPr, 'rPrChange')) continue;
    for (const p of RAISE) {
      const v = attr(child(rPr, p), 'val');
      // A table style's conditional formats may set it for some cells only: raised wins.
      if (v !== null && !(out.has(p) && raises(p, out.get(p)!))) out.set(p, v);
    }
  }
  return out;
}

const raises = (p: Raise, v: string) =>
  p === 'vertAlign' ? /^(?:superscript|subscript)$/i.test(v) : !/^[+-]?0*$/.test(v.trim());

/**
 * Whether a run is set off the baseline where mammoth does not see it: by a style's vertAlign,
 * or by w:position (direct or by a style). Direct properties win over the styles; then the
 * character style, the paragraph's, the table's (each up its basedOn chain), the defaults.
 */
function raisedByStyle(run: El, styles: Styles | null): boolean {
  const rPr = child(run, 'rPr');
  const levels = styles ? styleLevels(run, rPr, styles) : [];
  for (const p of RAISE) {
    const direct = attr(rPr ? child(rPr, p) : null, 'val');
    if (direct !== null) {
      // mammoth reads a direct vertAlign itself.
      if (p === 'position' && raises(p, direct)) return true;
      continue;
    }
    if (!styles) continue;
    let value: string | null = null;
    for (const id of levels) {
      value = styleRaise(styles, id, p);
      if (value !== null) break;
    }
    value ??= styles.defaultRaise.get(p) ?? null;
    if (value !== null && raises(p, value)) return true;
  }
  return false;
}

/** A run's style levels: its character style, its paragraph's (or the default), its table's. */
function styleLevels(run: El, rPr: El | null, styles: Styles): Array<string | null> {
  return [
    attr(rPr ? child(rPr, 'rStyle') : null, 'val'),
    attr(child(child(ancestor(run, 'p'), 'pPr'), 'pStyle'), 'val') ?? styles.defaultParagraph,
    attr(child(child(ancestor(run, 'tbl'), 'tblPr'), 'tblStyle'), 'val'),
  ];
}

/** vertAlign or position as one style sets it, or the style it is based on. */
function styleRaise(styles: Styles, id: string | null, p: Raise): string | null {
  const seen = new Set<string>();
  while (id !== null && !seen.has(id)) {
    seen.add(id);
    const s = styles.byId.get(id);
    if (!s) return null;
    const v = s.raise.get(p);
    if (v !== undefined) return v;
    id = s.basedOn;
  }
  return null;
}

/**
 * Every hiding property set in `el`'s run properties (w:rPr, a table style's conditional ones
 * too), but not in a tracked change's record of the properties before it (w:rPrChange).
 */
function propsIn(el: El): Props {
  const out: Props = new Map();
  for (const rPr of Array.from(el.getElementsByTagNameNS(W, 'rPr'))) {
    if (ancestor(rPr, 'rPrChange')) continue;
    for (const p of PROPS) {
      const e = child(rPr, p);
      if (e) out.set(p, (out.get(p) ?? false) || on(e));
    }
  }
  return out;
}

function verdict(run: El, styles: Styles | null): 'shown' | 'hidden' | 'unsure' {
  const rPr = child(run, 'rPr');
  // The run's style levels: its character style, its paragraph's, its table's.
  const levels = styles ? styleLevels(run, rPr, styles) : [];
  let unsure = false;
  for (const p of PROPS) {
    const direct = rPr ? child(rPr, p) : null;
    if (direct) {
      if (on(direct)) {
        if (!ONE_VIEW.has(p)) return 'hidden';
        unsure = true;
      }
      continue;
    }
    if (!styles) continue;
    const set: boolean[] = [];
    let sure = true;
    for (let k = 0; k < levels.length; k++) {
      const v = styleLevel(styles, levels[k] ?? null, p);
      if (v === null) continue;
      set.push(v);
      // A table style may set it only for some rows or columns (conditional formats).
      if (k === 2 && v) sure = false;
    }
    const value = set.length === 0 ? (styles.defaults.get(p) ?? false) : set.length === 1 && sure ? set[0]! : null;
    if (value === true && !ONE_VIEW.has(p)) return 'hidden';
    if ((value === null && set.some(Boolean)) || value === true) unsure = true;
  }
  return unsure ? 'unsure' : 'shown';
}

/** A property as one style sets it, or the style it is based on (null: not set on that chain). */
function styleLevel(styles: Styles, id: string | null, p: string): boolean | null {
  const seen = new Set<string>();
  while (id !== null && !seen.has(id)) {
    seen.add(id);
    const s = styles.byId.get(id);
    if (!s) return null;
    const v = s.props.get(p);
    if (v !== undefined) return v;
    id = s.basedOn;
  }
  return null;
}

/** A toggle element's value: no w:val, or true/1/on, is on. */
function on(e: El): boolean {
  const v = attr(e, 'val');
  return v === null || !/^(?:false|0|off|none)$/i.test(v);
}

function child(el: El | null | undefined, name: string): El | null {
  if (!el) return null;
  for (let c = el.firstChild; c; c = c.nextSibling)
    if (c.nodeType === 1 && (c as El).namespaceURI === W && (c as El).localName === name) return c as El;
  return null;
}

function ancestor(el: El, name: string): El | null {
  for (let p = el.parentNode; p; p = p.parentNode)
    if (p.nodeType === 1 && (p as El).namespaceURI === W && (p as El).localName === name) return p as El;
  return null;
}

function attr(el: El | null | undefined, name: string): string | null {
  if (!el) return null;
  const v = el.getAttributeNS(W, name);
  return v === null || v === '' ? (el.hasAttributeNS(W, name) ? '' : null) : v;
}
