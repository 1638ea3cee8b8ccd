import { html as htmlSpec, type DefaultTreeAdapterMap } from 'parse5';
import {
  declarations,
  DINGBAT_FONT,
  KINDS,
  PAINT_KINDS,
  mediaApplies,
  parseSheet,
  dataStylesheet,
  type Declared,
  type Kind,
  type PaintKind,
  type SheetRule,
} from './css.ts';
import { backgroundColour, cssColour, cssFontSize, fontShorthandSize } from './css-values.ts';
import { BLACK, inkOfColour, inkOfSize, over, WHITE, worse, type Ink, type Rgba } from './ink.ts';
import { compareSpecificity, compileRule, type Rule } from './selectors.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * What a page shows of an element, as the HTML reader needs it: one rule for every way an
 * element's text can be left out of what a reader sees, and for every way it starts a box.
 *
 * - DROP: surely not shown — display:none, visibility:hidden, opacity:0, the `hidden` attribute, a
 *   closed <dialog>; or struck through — <del>, <s>, <strike>, text-decoration: line-through. Struck
 *   text is deleted text (Word's tracked deletions export as <del>; a struck digit is a
 *   correction): what remains is what the document says, so it is dropped like hidden text.
 * - UNSURE: may be hidden or struck (a rule whose selector is not evaluated exactly or holds
 *   only sometimes, as in @media, and that the cascade does not surely overrule; two rules whose
 *   order the cascade cannot tell; a visibility:hidden element with a descendant that may be made
 *   visible again) or may have text added (::before/::after content). Its text, and that of
 *   everything inside it, is kept behind UNSURE_MARK, so a cell holding it is never read as a
 *   number.
 * - BLOCK: starts a box of its own (block elements, table parts, display:block and the like):
 *   its text is kept apart from the text around it, as a line break is.
 * - RAISED: inline text set off the baseline by a style (vertical-align: super, sub, top,
 *   text-top, a length; mso-text-raise), surely or maybe: a mark like <sup>'s (Word's footnote
 *   references are span.MsoFootnoteReference{vertical-align:super}), never a digit of the number
 *   before it. Only inline elements: on a table cell vertical-align places the cell's content.
 *
 * Inline styles are exact. A page's `<style>` rules are parsed by css.ts and matched by
 * css-select (selectors.ts), and the cascade (origin, !important, specificity, order) decides
 * between rules; linked stylesheets are not read (they are not in the file).
 */
export const DROP = 1;
export const UNSURE = 2;
export const BLOCK_BOX = 4;
export const RAISED = 8;
/** No box at all (display:none, `hidden`): a table cell so dropped takes no place in the row. */
export const NO_BOX = 16;
/**
 * The element's own text (its text children, not its child elements') is drawn so that no
 * reader sees it (INK_HIDDEN: left out) or may not be seen (INK_UNSURE: kept behind the mark) —
 * colour against background, size, moved out of sight (`inkOf`). The box stays: a cell so drawn
 * keeps its place in the row, and an element inside may set a colour that is seen.
 */
export const INK_HIDDEN = 32;
export const INK_UNSURE = 64;

/** Put before text that may not be shown: not a digit, not a mark a number reader strips. */
export const UNSURE_MARK = '⁇';
/**
 * Put where a document shows something the reader does not read as text: an image (a digit
 * drawn as a picture), an embedded object, a form control, an equation with structure, an
 * element of a Word file its reader does not know. Not a digit, not a mark a number reader
 * strips (U+FFFC OBJECT REPLACEMENT CHARACTER): a cell holding it is never read as a number.
 */
export const OBJECT_MARK = '\ufffc';

/** Elements that end a line of text (also used by the synthetic DOCX writer). */
export const BLOCK = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'hr',
  'center',
  'body',
  'html',
  'title',
  'caption',
  'address',
  'figure',
  'figcaption',
  'fieldset',
  'legend',
  'details',
  'summary',
  'dialog',
  'menu',
  'hgroup',
  'search',
  // The obsolete preformatted blocks (a sixth fresh tester's `12<xmp>9</xmp>0`: three lines).
  'xmp',
  'listing',
  'plaintext',
]);
/** Elements that start a box of their own in the browser's stylesheet: blocks and table parts. */
// optgroup and option outside a select are blocks too (the browser's stylesheet: 9 and 69 on
// two lines, never 969).
const BOX = new Set([...BLOCK, 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'optgroup', 'option']);
const STRUCK = new Set(['del', 's', 'strike']);

/** A page's stylesheet rules that bear on text, indexed by what their subject names. */
export interface Sheet {
  byTag: Map<string, Rule[]>;
  byId: Map<string, Rule[]>;
  byClass: Map<string, Rule[]>;
  any: Rule[];
  /** Quirks mode: class and id names match regardless of case. */
  quirks: boolean;
}

/** The rules of every `<style>` element in the document (none: null, the common case). */
export function sheetOf(doc: DefaultTreeAdapterMap['document'], html: string): Sheet | null {
  // Most pages have no <style>, or one with nothing that bears on text: skip the walk. The
  // pattern finds every style element's text the parser finds (and maybe more).
  if (
    !/<style\b[^>]*>(?:(?!<\/style)[\s\S])*?(?:display|visibility|opacity|decoration|content|vertical-align|text-raise|baseline-shift|color|background|font|transform|scale|translate|position|indent|clip|overflow|zoom|spacing|filter|blend|shadow|all|mask|float|order|flex|grid|stroke|inset|bottom|\\)/i.test(
      html,
    ) &&
    !/<link\b[^>]*data:text\/css/i.test(html)
  )
    return null;
  const raw: SheetRule[] = [];
  collectStyles(doc, raw, {});
  if (raw.length === 0) return null;
  const quirks = doc.mode === htmlSpec.DOCUMENT_MODE.QUIRKS;
  const sheet: Sheet = { byTag: new Map(), byId: new Map(), byClass: new Map(), any: [], quirks };
  for (const r of raw.flatMap((x) => compileRule(x, quirks))) {
    if (!r.key) {
      sheet.any.push(r);
      continue;
    }
    const map = r.key.map === 'id' ? sheet.byId : r.key.map === 'class' ? sheet.byClass : sheet.byTag;
    const k = quirks || r.key.map === 'tag' ? r.key.name.toLowerCase() : r.key.name;
    const list = map.get(k);
    if (list) list.push(r);
    else map.set(k, [r]);
  }
  return sheet;
}

/**
 * The page's stylesheets a browser applies. A titled one (`<style title>`, a titled link) is one
 * of a set: the first title named is the preferred set, the others' sheets are alternates, not
 * applied (a sixth fresh tester's second titled <style> hid a digit the browser draws).
 */
function collectStyles(n: Node, rules: SheetRule[], sets: { preferred?: string }): void {
  if ('tagName' in n && n.tagName === 'style') {
    // A browser applies a <style> whose type is absent, empty or text/css, nothing else
    // (text/less, text/x-template, `text/css; charset=utf-8`: a fresh tester's t32).
    const type = n.attrs.find((a) => a.name === 'type')?.value;
    if (type !== undefined && type !== '' && type.toLowerCase() !== 'text/css') return;
    if (alternate(n.attrs.find((a) => a.name === 'title')?.value, sets)) return;
    const media = n.attrs.find((a) => a.name === 'media')?.value ?? '';
    const text = n.childNodes
      .map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterMap['textNode']).value : ''))
      .join('');
    const applies = mediaApplies(media);
    if (applies !== false) rules.push(...parseSheet(text, applies === null, rules.length));
    return;
  }
  // A stylesheet linked as a data: URL is the page's own (others are not fetched).
  if ('tagName' in n && n.tagName === 'link') {
    const attr = (name: string) => n.attrs.find((a) => a.name === name)?.value;
    const rel = (attr('rel') ?? '').toLowerCase().split(/\s+/);
    const type = attr('type');
    // Not an alternate or disabled one, nor one of another type (text/less): a browser skips them.
    const applied =
      rel.includes('stylesheet') &&
      !rel.includes('alternate') &&
      attr('disabled') === undefined &&
      (type === undefined || type === '' || type.toLowerCase() === 'text/css');
    const sheet = applied && !alternate(attr('title'), sets) ? dataStylesheet(attr('href') ?? '') : null;
    const applies = mediaApplies(attr('media') ?? '');
    if (sheet !== null && applies !== false) rules.push(...parseSheet(sheet, applies === null, rules.length));
    return;
  }
  if ('tagName' in n && n.tagName === 'template') return;
  if ('childNodes' in n) for (const c of n.childNodes) collectStyles(c, rules, sets);
}

/** Whether `el` holds a <table> among its descendants. */
function holdsTableEl(el: Element): boolean {
  for (const c of el.childNodes) if ('tagName' in c && (c.tagName === 'table' || holdsTableEl(c))) return true;
  return false;
}

/** Whether a sheet titled `title` is an alternate one (collectStyles); the first title is preferred. */
function alternate(title: string | undefined, sets: { preferred?: string }): boolean {
  if (!title) return false;
  sets.preferred ??= title;
  return title !== sets.preferred;
}

/**
 * Whether a table's <col> or <colgroup> may collapse its column (visibility: collapse or
 * hidden, surely or maybe): the browser draws the column at no width, its header and values
 * gone (a sixth fresh tester's: a collapsed 自然人 column's 25 values were read).
 */
export function collapsesColumn(el: Element, sheet: Sheet | null): boolean {
  const style = el.attrs.find((a) => a.name === 'style')?.value;
  const inline = style && STYLED.test(style) ? declarations(style) : null;
  let cls: string | null = null;
  let id: string | null = null;
  for (const a of el.attrs) {
    if (a.name === 'class') cls = a.value;
    else if (a.name === 'id') id = a.value;
  }
  const rules = sheet ? matching(el, sheet, cls, id) : null;
  return verdict('visibility', inline, false, rules) !== 0;
}

/** DROP, UNSURE and BLOCK_BOX flags of one element (module-level: called for every element). */
export function shown(el: Element, sheet: Sheet | null): number {
  let inline: Declared | null = null;
  let hiddenAttr = false;
  let cls: string | null = null;
  let id: string | null = null;
  for (const a of el.attrs) {
    if (a.name === 'style') inline = STYLED.test(a.value) ? declarations(a.value) : null;
    else if (a.name === 'hidden') hiddenAttr = true;
    // A popover is not drawn until a script or a button opens it (the browser's own
    // [popover]:not(:popover-open) rule; a sixth fresh tester's).
    else if (a.name === 'popover') hiddenAttr = true;
    else if (a.name === 'class') cls = a.value;
    else if (a.name === 'id') id = a.value;
  }
  const tag = el.tagName;
  let flags = BOX.has(tag) ? BLOCK_BOX : 0;
  if (tag === 'dialog' && !el.attrs.some(isOpen)) hiddenAttr = true;
  const struck = STRUCK.has(tag);
  if (!inline && !hiddenAttr && !struck && !sheet) return flags | inkFlags(el, null);
  const rules = sheet ? matching(el, sheet, cls, id) : null;
  if (inline?.block) flags |= BLOCK_BOX;
  // Drawn out of its place among the text beside it (css.ts Declared.moved), by its style or a
  // rule that may match it: a block container moves its text whole.
  // (Word's MsoNormalTable has `margin-left:-5.4pt`: a table moves whole.)
  if (!BOX.has(tag) && (inline?.moved || rules?.some((r) => !r.pseudo && r.decl.moved))) flags |= UNSURE;
  if (!BLOCK.has(tag) && (inline?.reordered || rules?.some((r) => !r.pseudo && r.decl.reordered))) flags |= UNSURE;
  for (const kind of KINDS) {
    // The browser's own rules: `hidden` is display:none, <del>/<s>/<strike> are line-through.
    const ua = (kind === 'display' && hiddenAttr) || (kind === 'decoration' && struck);
    let v = verdict(kind, inline, ua, rules);
    // A WeChat article's body (div#js_content.rich_media_content) is written visibility:hidden and
    // made visible by the page's own script as it loads: every reader sees it, and a crawl saves
    // the page before any script runs (a fresh tester's t76: 0 of 200 cells, text_only).
    if (kind === 'visibility' && id === 'js_content' && /\brich_media_content\b/.test(cls ?? '')) v = 0;
    // Struck by its markup (<del>) but drawn without the line by a style: deleted text shown as
    // text — not sure either way.
    if (struck && kind === 'decoration' && v !== DROP) v = UNSURE;
    if (v === DROP && kind === 'visibility' && mayShowAgain(el, sheet)) flags |= UNSURE;
    else flags |= v;
    if (v === DROP && kind === 'display') flags |= NO_BOX;
  }
  // vertical-align is not inherited, and the walk marks the raised element's text as a whole.
  if (!(flags & BLOCK_BOX) && verdict('raise', inline, false, rules) !== 0) flags |= RAISED;
  if (rules)
    for (const r of rules) {
      if (r.pseudo) {
        if (
          // Generated text on an element holding a table stands before or after the tables, in
          // no cell (a clearfix's `.row:after{content:"."}` on the article's column).
          // Hidden itself (the classic clearfix `:after{content:".";visibility:hidden}`): none.
          (r.pseudo === 'generated' &&
            r.decl.content &&
            !holdsTableEl(el) &&
            r.decl.display !== 'hide' &&
            r.decl.visibility !== 'hide') ||
          // ::first-letter/::first-line hidden or painted (white, no size): part of the text may
          // not be seen.
          (r.pseudo === 'first' &&
            (r.decl.display === 'hide' ||
              r.decl.visibility === 'hide' ||
              r.decl.opacity === 'hide' ||
              r.decl.decoration === 'hide' ||
              r.decl.paint))
        )
          flags |= UNSURE;
      } else if (r.decl.block) flags |= BLOCK_BOX; // a rule that may apply only adds a separation
    }
  return flags & DROP ? flags & ~UNSURE : flags | inkFlags(el, sheet);
}
const isOpen = (a: { name: string }) => a.name === 'open';
/** An inline style that may bear on what is shown (the rest is not parsed). */
const STYLED =
  /display|visibility|opacity|decoration|content|vertical-align|text-raise|baseline-shift|color|background|font|transform|scale|translate|position|indent|clip|overflow|zoom|spacing|filter|blend|shadow|all|mask|float|order|flex|grid|stroke|inset|bottom|margin|\\/i;

/** INK_HIDDEN or INK_UNSURE for an element's own text (inkOf); 0 when it has none or it is seen. */
function inkFlags(el: Element, sheet: Sheet | null): number {
  if (!ownText(el)) return 0;
  const ink = inkOf(el, sheet);
  return ink === 'hidden' ? INK_HIDDEN : ink === 'unsure' ? INK_UNSURE : 0;
}

/** Whether an element has text of its own (not only inside child elements). */
function ownText(el: Element): boolean {
  for (const c of el.childNodes)
    if (c.nodeName === '#text' && /[^ \t\r\n\f]/.test((c as DefaultTreeAdapterMap['textNode']).value)) return true;
  return false;
}

/**
 * How an element's text is drawn, as ink.ts decides whether it is seen: its colour (or
 * -webkit-text-fill-color) over the background colours of it and its ancestors (the page white
 * by default), its font size, and boxes that move it out of sight. Values not known (a CSS
 * variable, a rule that may or may not apply and says otherwise) make it unsure. Background
 * images are not evaluated: text is judged against the background colour under them.
 */
interface Painted {
  /** The text's colour (null: not known). */
  colour: Rgba | null;
  /** -webkit-text-fill-color, when set (it draws the glyphs instead of colour). */
  fill: Rgba | null | undefined;
  /** What is behind the text, opaque (null: not known). */
  backdrop: Rgba | null;
  /** Font size in pixels (null: not known). */
  px: number | null;
  away: Ink;
  /** Drawn by an outline or a shadow as well (inherited): never hidden by its colour alone. */
  outlined: boolean;
  /**
   * Colours a rule that may apply sets instead (inherited until an element sets its own): the
   * text is judged in each too (inkOf), over its own backdrop.
   */
  altColours: ReadonlyArray<Rgba | null>;
}
const ROOT: Painted = {
  colour: BLACK,
  fill: undefined,
  backdrop: WHITE,
  px: 16,
  away: 'shown',
  outlined: false,
  altColours: [],
};
const painted = new WeakMap<Element, Painted>();
/** <font size=1…7> in pixels. */
const FONT_SIZE = [10, 10, 13, 16, 18, 24, 32, 48];

export function inkOf(el: Element, sheet: Sheet | null): Ink {
  const p = paintOf(el, sheet);
  let ink = inked.get(p);
  if (ink !== undefined) return ink;
  const fill = p.fill === undefined ? p.colour : p.fill;
  // Transparent glyphs with a background clipped to them (gradient text) are seen: unsure.
  const colourInk =
    p.fill !== undefined && p.fill !== null && p.fill.a === 0 ? 'unsure' : inkOfColour(fill, p.backdrop);
  // Under a colour a rule may set instead, the text must be judged the same (else not known).
  const alike =
    p.fill !== undefined || p.altColours.every((c) => inkOfColour(c, p.backdrop) === colourInk) ? colourInk : 'unsure';
  const seen = p.outlined && alike === 'hidden' ? 'unsure' : alike;
  ink = worse(worse(seen, inkOfSize(p.px === null ? null : p.px * 0.75)), p.away);
  inked.set(p, ink);
  return ink;
}
/** A paint's verdict, computed once: an element that declares no paint shares its parent's. */
const inked = new WeakMap<Painted, Ink>();

function paintOf(el: Element, sheet: Sheet | null): Painted {
  const memo = painted.get(el);
  if (memo) return memo;
  const parent = el.parentNode && 'tagName' in el.parentNode ? paintOf(el.parentNode, sheet) : ROOT;
  const alts: Partial<Record<PaintKind, string[]>> = {};
  const own = ownPaint(el, sheet, alts);
  if (Object.keys(own).length === 0 && !alts.size?.length && !alts.color?.length) {
    // Nothing of its own: its parent's paint, the very object (its verdict is then the same).
    painted.set(el, parent);
    return parent;
  }
  // Colours keep their alpha: text is composited over its own backdrop when judged.
  let colour = parent.colour;
  if (own.color !== undefined) {
    const v = own.color === null ? null : cssColour(own.color);
    colour = v === 'current' ? parent.colour : v;
  }
  let fill = parent.fill;
  if (own.fill !== undefined) {
    const v = own.fill === null ? null : cssColour(own.fill);
    fill = v === 'current' ? undefined : v;
  }
  let backdrop = parent.backdrop;
  if (own.background !== undefined) {
    const b = own.background;
    const v = b === null ? null : b.startsWith('shorthand ') ? backgroundColour(b.slice(10)) : cssColour(b);
    const top = v === 'current' ? colour : v;
    backdrop = top === null ? null : top.a >= 1 ? top : parent.backdrop && over(top, parent.backdrop);
  }
  const sizeOf = (s: string | null | undefined): number | null => {
    if (s === undefined) return parent.px;
    const v = s === null ? null : s.startsWith('shorthand ') ? fontShorthandSize(s.slice(10)) : cssFontSize(s);
    if (v === undefined) return parent.px;
    return v === null ? null : 'px' in v ? v.px : parent.px === null ? null : parent.px * v.factor;
  };
  let px = sizeOf(own.size);
  // Sizes a rule that may apply sets instead: all seen, the smallest (its descendants judged at
  // the least); else not known.
  if (alts.size?.length) {
    const all = [px, ...alts.size.map(sizeOf)];
    px = all.every((x) => x !== null && inkOfSize(x * 0.75) === 'shown') ? Math.min(...(all as number[])) : null;
  }
  let away = parent.away;
  if (own.away !== undefined)
    away = worse(
      away,
      own.away === null ? 'unsure' : own.away === 'hide' ? 'hidden' : own.away === 'unsure' ? 'unsure' : 'shown',
    );
  // Colours a rule that may apply sets instead (`@media (max-width:768px){td{color:#333}}`): the
  // text is judged in each as well (inkOf), here and in the elements that inherit them.
  const altColours = [
    ...(own.color !== undefined ? [] : parent.altColours),
    ...(alts.color ?? []).map((c) => {
      const v = cssColour(c);
      return v === 'current' ? parent.colour : v;
    }),
  ];
  const outlined = own.outline === undefined ? parent.outlined : own.outline !== 'none';
  const p: Painted = { colour, fill, backdrop, px, away, outlined, altColours };
  painted.set(el, p);
  return p;
}

/**
 * An element's own paint declarations by the cascade (undefined: none; null: not known) — the
 * page's rules, the inline style, and HTML's presentational attributes (<font color size>,
 * bgcolor, <body text>) and the browser's link colour beneath them.
 */
function ownPaint(
  el: Element,
  sheet: Sheet | null,
  alts: Partial<Record<PaintKind, string[]>> = {},
): Partial<Record<PaintKind, string | null>> {
  let inline: Declared | null = null;
  let cls: string | null = null;
  let id: string | null = null;
  const hint: Partial<Record<PaintKind, string>> = {};
  const setHint = (k: PaintKind, v: string | undefined) => {
    if (v !== undefined) hint[k] = v;
  };
  for (const a of el.attrs) {
    if (a.name === 'style') inline = STYLED.test(a.value) ? declarations(a.value) : null;
    else if (a.name === 'class') cls = a.value;
    else if (a.name === 'id') id = a.value;
    else if (a.name === 'bgcolor' && BGCOLOR.has(el.tagName)) setHint('background', legacyColour(a.value));
    else if (a.name === 'color' && el.tagName === 'font') setHint('color', legacyColour(a.value));
    else if (a.name === 'text' && el.tagName === 'body') setHint('color', legacyColour(a.value));
    else if (a.name === 'size' && el.tagName === 'font') hint.size = legacySize(a.value);
    // <font face="Wingdings">: its digits are pictures (css.ts DINGBAT_FONT).
    else if (a.name === 'face' && el.tagName === 'font' && DINGBAT_FONT.test(a.value)) hint.away = 'unsure';
  }
  if (el.tagName === 'a' && el.attrs.some((a) => a.name === 'href')) hint.color ??= '#0000ee';
  const rules = sheet ? matching(el, sheet, cls, id) : null;
  const out: Partial<Record<PaintKind, string | null>> = {};
  if (!inline?.paint && !rules?.some((r) => r.decl.paint && !r.pseudo) && Object.keys(hint).length === 0) return out;
  for (const kind of PAINT_KINDS) {
    const v = cascaded(
      kind,
      inline,
      rules,
      hint[kind],
      kind === 'size' || kind === 'color' ? (alts[kind] = []) : undefined,
    );
    if (v !== undefined) out[kind] = v;
  }
  return out;
}
const BGCOLOR = new Set(['body', 'table', 'tr', 'td', 'th', 'thead', 'tbody', 'tfoot']);

/**
 * An attribute's colour (`<font color>`, `bgcolor`, `<body text>`) by HTML's rules for parsing a
 * legacy colour value: a colour keyword or `#rgb` as CSS reads them; empty or `transparent`: no
 * colour (the attribute is ignored: `<font color="transparent">` draws in the text's colour, a
 * fresh tester's 9 of 1290 left out); anything else read as hexadecimal digits, whatever its
 * characters (`fff` is #0f0f0f, `chucknorris` #c00000).
 */
function legacyColour(v: string): string | undefined {
  const t = v.replace(/^[\t\n\f\r ]+|[\t\n\f\r ]+$/g, '');
  if (t === '' || t.toLowerCase() === 'transparent') return undefined;
  const c = cssColour(t);
  if (/^[a-z]+$/i.test(t) && c !== null && c !== 'current') return t;
  if (/^#[0-9a-f]{3}$/i.test(t)) return t;
  let digits = [...t]
    .map((ch) => (ch.codePointAt(0)! > 0xffff ? '00' : ch))
    .join('')
    .slice(0, 128)
    .replace(/^#/, '')
    .replace(/[^0-9a-f]/gi, '0');
  while (digits.length === 0 || digits.length % 3 !== 0) digits += '0';
  let n = digits.length / 3;
  let parts = [0, 1, 2].map((k) => digits.slice(k * n, (k + 1) * n));
  if (n > 8) {
    parts = parts.map((p) => p.slice(n - 8));
    n = 8;
  }
  while (n > 2 && parts.every((p) => p[0] === '0')) {
    parts = parts.map((p) => p.slice(1));
    n--;
  }
  return `#${parts.map((p) => p.slice(0, 2).padStart(2, '0')).join('')}`;
}
function legacySize(v: string): string {
  const t = v.trim();
  const n = /^([+-]?)(\d+)$/.exec(t);
  if (!n) return 'unknown';
  const k = n[1] === '+' ? 3 + Number(n[2]) : n[1] === '-' ? 3 - Number(n[2]) : Number(n[2]);
  return `${FONT_SIZE[Math.max(1, Math.min(7, k))]}px`;
}

/**
 * One paint property by the cascade, as `verdict` does for the hiding ones: the winner among the
 * declarations sure to apply; null (not known) when a declaration that may apply, or one the
 * cascade cannot order against it, says otherwise; undefined when none is declared.
 */
function cascaded(
  kind: PaintKind,
  inline: Declared | null,
  rules: Rule[] | null,
  hint: string | undefined,
  alts?: string[],
): string | null | undefined {
  let best: { rank: Rank; value: string } | null = hint !== undefined ? { rank: UA, value: hint } : null;
  const own = inline?.paint?.[kind];
  if (own !== undefined)
    best = {
      rank: { tier: inline!.important?.has(kind) ? 4 : 2, specificity: [0, 0, 0], order: 0 },
      value: own,
    };
  if (rules)
    for (const r of rules) {
      const v = r.pseudo ? undefined : r.decl.paint?.[kind];
      if (v === undefined || !r.exact) continue;
      const rank = { tier: ruleTier(r, kind), specificity: r.specificity, order: r.order };
      if (!best) best = { rank, value: v };
      else {
        const b = beats(rank, best.rank);
        if (b > 0) best = { rank, value: v };
        else if (b === 0 && v !== best.value) return null;
      }
    }
  if (rules)
    for (const r of rules) {
      const v = r.pseudo ? undefined : r.decl.paint?.[kind];
      if (v === undefined || r.exact || v === best?.value) continue;
      // A rule that may apply and moves nothing out of sight (`@media (min-width:1024px)
      // {.article{float:right;width:920px}}`: a fresh tester's portal page lost every cell) can
      // hide nothing: `away` is only ever made worse.
      if (kind === 'away' && v === 'show') continue;
      const rank = { tier: ruleTier(r, kind), specificity: r.specificity, order: r.order };
      if (best && beats(best.rank, rank) > 0) continue;
      // A size or colour that may apply instead (a phone's `@media (max-width:768px){td{font-size:
      // 12px}}`): the caller judges the text under each (paintOf); other kinds are not known.
      if (alts) alts.push(v);
      else return null;
    }
  return best?.value;
}

/**
 * Where a declaration stands in the cascade: the browser's own rules, then the page's rules, the
 * inline style, the page's !important rules, the inline style's !important; within the page's,
 * by specificity, then by order. Null specificity: not known (an unparsed selector).
 */
interface Rank {
  tier: number;
  specificity: [number, number, number] | null;
  order: number;
}
const UA: Rank = { tier: 0, specificity: [0, 0, 0], order: 0 };

/** a beats b: 1; b beats a: -1; not known: 0. */
function beats(a: Rank, b: Rank): number {
  if (a.tier !== b.tier) return a.tier > b.tier ? 1 : -1;
  if (!a.specificity || !b.specificity) return 0;
  return Math.sign(compareSpecificity(a.specificity, b.specificity) || a.order - b.order);
}

/**
 * One property's verdict by the cascade. The winner among the declarations sure to apply decides
 * (hidden: DROP); a declaration that may apply (a rule not evaluated exactly) and says otherwise
 * makes it UNSURE unless the winner surely beats it.
 */
function verdict(kind: Kind | 'raise', inline: Declared | null, ua: boolean, rules: Rule[] | null): number {
  let best: { rank: Rank; hide: boolean } | null = ua ? { rank: UA, hide: true } : null;
  const own = inline?.[kind] ?? null;
  if (own) {
    const rank = {
      tier: inline!.important?.has(kind) ? 4 : 2,
      specificity: [0, 0, 0] as [number, number, number],
      order: 0,
    };
    best = { rank, hide: own === 'hide' };
  }
  if (rules)
    for (const r of rules) {
      const v = r.pseudo ? null : r.decl[kind];
      if (!v || !r.exact) continue;
      const rank = { tier: ruleTier(r, kind), specificity: r.specificity, order: r.order };
      if (!best) best = { rank, hide: v === 'hide' };
      else {
        const b = beats(rank, best.rank);
        if (b > 0) best = { rank, hide: v === 'hide' };
        else if (b === 0 && (v === 'hide') !== best.hide) return UNSURE;
      }
    }
  const hide = best?.hide ?? false;
  if (rules)
    for (const r of rules) {
      const v = r.pseudo ? null : r.decl[kind];
      if (!v || r.exact || (v === 'hide') === hide) continue;
      const rank = { tier: ruleTier(r, kind), specificity: r.specificity, order: r.order };
      if (!best || beats(best.rank, rank) <= 0) return UNSURE;
    }
  return hide ? DROP : 0;
}

/**
 * A page rule's place in the cascade for one property: 3 !important, 1 normal (an inline style's
 * are 4 and 2); a rule inside `@layer` above the page's other !important ones, beneath their
 * normal ones.
 */
function ruleTier(r: Rule, kind: string): number {
  const important = r.decl.important?.has(kind as Kind) === true;
  return important ? (r.layered ? 3.5 : 3) : r.layered ? 0.5 : 1;
}

/** The sheet's rules that match `el` (exactly, or as the superset of a rule not evaluated). */
function matching(el: Element, sheet: Sheet, cls: string | null, id: string | null): Rule[] | null {
  const q = sheet.quirks;
  let out = fitting(sheet.any, el, null);
  out = fitting(sheet.byTag.get(el.tagName), el, out);
  if (id) out = fitting(sheet.byId.get(q ? id.toLowerCase() : id), el, out);
  if (cls)
    for (const c of cls.split(/[ \t\r\n\f]+/))
      if (c) out = fitting(sheet.byClass.get(q ? c.toLowerCase() : c), el, out);
  return out;
}

/** `out` plus the rules of `list` that match `el` (a rule listed under two classes comes once). */
function fitting(list: Rule[] | undefined, el: Element, out: Rule[] | null): Rule[] | null {
  if (list) for (const r of list) if (!out?.includes(r) && r.match(el)) (out ??= []).push(r);
  return out;
}

/**
 * visibility:hidden is inherited, but a descendant may set visibility:visible and be shown:
 * does any descendant declare visibility (inline, or by a sheet rule that may match it)?
 */
function mayShowAgain(el: Element, sheet: Sheet | null): boolean {
  for (const c of el.childNodes) {
    if (!('tagName' in c)) continue;
    let cls: string | null = null;
    let id: string | null = null;
    for (const a of c.attrs) {
      if (a.name === 'style' && /visibility/i.test(a.value)) return true;
      if (a.name === 'class') cls = a.value;
      else if (a.name === 'id') id = a.value;
    }
    if (sheet && matching(c, sheet, cls, id)?.some(showsVisibility)) return true;
    if (mayShowAgain(c, sheet)) return true;
  }
  return false;
}
const showsVisibility = (r: Rule) => r.decl.visibility === 'show';
