/**
 * The little CSS the HTML reader needs to know what a page shows: which declarations hide text
 * (display:none, visibility:hidden), strike it through (text-decoration: line-through), raise it
 * off the baseline as a mark (vertical-align: super…), start a block (display:block, …) or add text of their own (::before/::after content), and which
 * elements a page's own `<style>` rules apply them to.
 *
 * Selectors are matched by css-select (selectors.ts). One it cannot evaluate is matched by its
 * subject — the compound after the last combinator — with its unevaluable parts left out
 * (`subjectOf`): a compound is a conjunction, and combinators only narrow the subject further,
 * so that match is a superset of the elements the browser applies the rule to. Such a rule is
 * not exact, and the reader treats what it may hide as unsure (the text is marked, never read as
 * a number), never as surely hidden nor as surely shown. The same holds for rules inside
 * `@media` and other conditional blocks, and for nested rules.
 */

/** What a declaration block does to an element, per property that can hide its text. */
export interface Declared {
  /** display: none (hide), another value (show; and `block` unless inline or contents). */
  display: 'hide' | 'show' | null;
  /** visibility: hidden | collapse (hide), visible (show). */
  visibility: 'hide' | 'show' | null;
  /**
   * opacity: 0 (hide: the element and everything in it drawn fully transparent, which no
   * descendant can undo), another value (show). A faint but non-zero opacity is shown.
   */
  opacity: 'hide' | 'show' | null;
  /** text-decoration(-line) with line-through (hide: struck text is deleted text), without (show). */
  decoration: 'hide' | 'show' | null;
  /** display makes a box of its own (block, list-item, table-cell, flex, inline-block, …). */
  block: boolean;
  /** content: generated text (only meaningful on ::before / ::after). */
  content: boolean;
  /**
   * vertical-align raising or lowering inline text off the baseline (super, sub, top, text-top,
   * text-bottom, a non-zero length or percentage; Word's mso-text-raise; SVG's baseline-shift):
   * 'hide' — the text is a mark set apart (a footnote mark after a number), as in <sup>;
   * another value (baseline, middle, bottom, 0): 'show'.
   */
  raise: 'hide' | 'show' | null;
  /**
   * What decides whether text is seen by its colour and size (ink.ts, shown.ts `inkOf`), as
   * declared: color, -webkit-text-fill-color (fill), background(-color), font-size (also from the
   * `font` shorthand), and `away` — text moved out of sight or drawn at no size by its box:
   * transform scale(0) ('hide'), a small scale, a far translation, position far off the page,
   * text-indent far to the left, clip/clip-path, width or height 0 with overflow hidden
   * ('unsure': whether they apply depends on the box). Null when none is declared.
   */
  paint: Partial<Record<PaintKind, string>> | null;
  /** Properties declared !important (a sheet's !important beats an inline style). */
  important: Set<Kind | 'raise' | PaintKind> | null;
  /**
   * Drawn out of its place among the text beside it: a negative margin, a float, an absolute or
   * fixed position (but far off to the left or top: hidden), a relative or sticky offset (a sixth
   * fresh tester's: a 9 laid over the 2 of 120, drawn before the 12, moved up as a footnote
   * mark). shown.ts marks it on any element but a block container (`BLOCK`): a floated or placed
   * <div>, or a Word table's `margin-left:-5.4pt`, moves its text whole.
   */
  moved: boolean;
  /**
   * Laid out in another order than the source's (a flex or grid item's order or place, a flex
   * container's reversed direction): shown.ts marks it on any element but a block container;
   * `moved` (an offset, float or margin) not on a table or its parts either, which it moves whole.
   */
  reordered: boolean;
}
export type PaintKind = 'color' | 'fill' | 'background' | 'size' | 'away' | 'outline';
export const PAINT_KINDS: readonly PaintKind[] = ['color', 'fill', 'background', 'size', 'away', 'outline'];
export type Kind = 'display' | 'visibility' | 'opacity' | 'decoration';
export const KINDS: readonly Kind[] = ['display', 'visibility', 'opacity', 'decoration'];

/** A declaration block (`display:none; color:red`) → what it does to text. */
export function declarations(block: string): Declared {
  const d: Declared = {
    display: null,
    visibility: null,
    opacity: null,
    decoration: null,
    raise: null,
    block: false,
    content: false,
    paint: null,
    important: null,
    moved: false,
    reordered: false,
  };
  // Box properties read together (position with left, overflow with width): see `away`.
  const box: Record<string, string> = {};
  let boxImportant = false;
  // An !important declaration beats a normal one of the block whatever their order (a fresh
  // tester's `display:none !important;display:inline`: the 9 of 1290 was read as shown): the
  // normal declarations are applied first, in order, then the important ones.
  const parsed = splitTop(block, ';').flatMap((part) => {
    const colon = part.indexOf(':');
    if (colon < 0) return [];
    // A comment is nothing but a separation, and an escape is the character it names, as CSS
    // reads them: `display:/**/none` and `display:\6e one` hide.
    const prop = cssText(part.slice(0, colon)).trim().toLowerCase();
    // An escape naming a control character makes the value invalid, the declaration ignored (the
    // IE hack `display:none\9`: a browser draws the text; a fifth fresh tester's).
    if (/\\(?:0{0,4}[01]?[0-9a-f]|0{0,4}7f)(?![0-9a-f])/i.test(part.slice(colon + 1))) return [];
    const value = cssText(part.slice(colon + 1))
      .trim()
      .toLowerCase();
    const important = /!\s*important\s*$/.test(value);
    return [{ prop, value: important ? value.replace(/!\s*important\s*$/, '').trim() : value, important }];
  });
  for (const { prop, value, important } of [
    ...parsed.filter((x) => !x.important),
    ...parsed.filter((x) => x.important),
  ]) {
    let kind: Kind | 'raise' | PaintKind | null = null;
    const paint = (k: PaintKind, v: string) => {
      kind = k;
      (d.paint ??= {})[k] = v;
    };
    if (prop === 'all') {
      // Every property reset (unset, initial, revert…): what an earlier declaration of the block
      // hid or painted is undone, and what the element then shows is not worked out (a sixth
      // fresh tester's `display:none;all:unset`: drawn, 1290 for 120 read as hidden).
      d.display = d.visibility = d.opacity = d.decoration = 'show';
      if (d.paint) for (const k of ['color', 'fill', 'background', 'size'] as const) delete d.paint[k];
      box.all = value;
      boxImportant ||= important;
      if (important) for (const k of KINDS) (d.important ??= new Set()).add(k);
    } else if (prop === 'display') {
      kind = 'display';
      d.display = value === 'none' ? 'hide' : 'show';
      d.block = !/^(?:inline|contents|none|ruby|ruby-base|ruby-text)$/.test(value.split(/\s+/)[0] ?? '');
    } else if (prop === 'visibility') {
      kind = 'visibility';
      d.visibility = value === 'hidden' || value === 'collapse' ? 'hide' : 'show';
    } else if (prop === 'opacity') {
      kind = 'opacity';
      d.opacity = isTransparent(value) ? 'hide' : 'show';
      // Faint (under half its ink) is judged with the box's other properties (awayOf); 0 hides.
      if (d.opacity === 'show') {
        box.opacity = value;
        boxImportant ||= important;
      }
    } else if (prop === 'filter' && /\bopacity\(/.test(value)) {
      // `filter: opacity(0)` draws the element fully transparent, as `opacity: 0` does (a fresh
      // tester's t10: a hidden 9 after a 1 was read, 19). Other filters draw it (a blur: `away`).
      box.filter = value;
      const amount = /\bopacity\(\s*([^)]*?)\s*\)/.exec(value)?.[1] ?? '';
      if (isTransparent(amount)) {
        kind = 'opacity';
        d.opacity = 'hide';
      }
    } else if (prop === 'content-visibility' && value === 'hidden') {
      kind = 'display';
      d.display = 'hide';
    } else if (prop === 'text-decoration' || prop === 'text-decoration-line') {
      kind = 'decoration';
      d.decoration = /\bline-through\b/.test(value) ? 'hide' : 'show';
    } else if (prop === 'vertical-align' || prop === 'mso-text-raise' || prop === 'baseline-shift') {
      kind = 'raise';
      d.raise = isRaise(prop, value) ? 'hide' : 'show';
    } else if (prop === 'content') {
      // Only spaces (a clearfix's `content:" "`, `"\20"`) add no text a reader sees.
      d.content = !/^(?:none|normal|"\s*"|'\s*')$/.test(value);
    } else if (prop === 'color') paint('color', value);
    else if (prop === '-webkit-text-fill-color') paint('fill', value);
    else if (prop === 'background-color') paint('background', value);
    else if (prop === 'background') paint('background', `shorthand ${value}`);
    // A gradient image paints over the background colour, under the text (css-values.ts).
    else if (prop === 'background-image' && /gradient\(/.test(value)) paint('background', `shorthand ${value}`);
    else if (/^margin(?:-(?:left|right|top|bottom|inline|inline-start|inline-end|block|block-start))?$/.test(prop))
      d.moved ||= /(?:^|\s)-(?:\d|\.\d)/.test(value) && !/^-0*\.?0*(?:[a-z]+|%)?(?:\s|$)/.test(value);
    else if (prop === 'font-size') paint('size', value);
    // Glyphs drawn by their outline or shadow too: seen whatever their colour (white text outlined
    // in black, transparent text with a black shadow: a sixth fresh tester's digits left out).
    else if (prop === 'text-shadow')
      paint('outline', /^(?:none|initial|unset|revert|revert-layer)$/.test(value) ? 'none' : 'drawn');
    else if (prop === '-webkit-text-stroke' || prop === '-webkit-text-stroke-width')
      paint('outline', /^(?:0|0px|initial|unset|revert|revert-layer)(?:\s|$)/.test(value) ? 'none' : 'drawn');
    else if (prop === 'font') {
      paint('size', `shorthand ${value}`);
      if (DINGBAT_FONT.test(value)) box['font-family'] = value;
    } else if (AWAY_PROPS.has(prop)) {
      box[prop] = value;
      boxImportant ||= important;
    }
    if (important && kind) (d.important ??= new Set()).add(kind);
  }
  const away = awayOf(box, d.block);
  // Hidden by its box (placed far off the page): no place among the text to be out of.
  d.moved = away !== 'hide' && (d.moved || movedOf(box));
  d.reordered = reorderedOf(box);
  if (away) {
    (d.paint ??= {}).away = away;
    if (boxImportant) (d.important ??= new Set()).add('away');
  }
  return d;
}

/** Comments as a space, escapes as the characters they name. */
function cssText(s: string): string {
  if (!s.includes('/*') && !s.includes('\\')) return s;
  return s
    .replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ')
    .replace(
      /\\(?:([0-9a-fA-F]{1,6})[ \t\n\r\f]?|([^\n0-9a-fA-F]))/g,
      (_, h: string | undefined, c: string | undefined) =>
        h !== undefined ? String.fromCodePoint(Math.min(parseInt(h, 16), 0x10ffff) || 0xfffd) : c!,
    );
}

const AWAY_PROPS = new Set([
  'transform',
  'scale',
  'translate',
  'position',
  'left',
  'top',
  'right',
  'text-indent',
  'clip',
  'clip-path',
  'width',
  'height',
  'max-width',
  'max-height',
  'overflow',
  'zoom',
  'letter-spacing',
  'filter',
  'font-family',
  'mix-blend-mode',
  'box-shadow',
  'bottom',
  'inset',
  'mask',
  'mask-image',
  '-webkit-mask',
  '-webkit-mask-image',
  'float',
  'order',
  'flex-direction',
  'flex-flow',
  'grid-column',
  'grid-row',
  'grid-area',
  'grid-column-start',
  'grid-row-start',
]);

/**
 * Fonts whose letters and digits are pictures (a Wingdings "1" is a candle): a digit in one is
 * no digit. Symbol's digits are digits, so it is not one of them.
 */
export const DINGBAT_FONT = /wingdings|webdings|dingbats|marlett/i;

/** A box property not set, or set to a value that does nothing (none, auto, a CSS-wide keyword). */
const none = (v: string | undefined): boolean =>
  v === undefined || /^(?:none|auto|initial|unset|revert|revert-layer)$/.test(v);

/**
 * Whether the element is laid out in another order than the source's (Declared.reordered): a
 * flex or grid item's order or place, a flex container's reversed direction (`<span>1</span>
 * <span>20</span>` drawn as 201). On a page's layout column (`grid-area: main`) it moves the
 * column whole: shown.ts leaves block containers.
 */
function reorderedOf(box: Record<string, string>): boolean {
  if (box.order !== undefined && !/^(?:0|initial|unset|revert|revert-layer)$/.test(box.order)) return true;
  if (/reverse/.test(box['flex-direction'] ?? '') || /reverse/.test(box['flex-flow'] ?? '')) return true;
  return ['grid-column', 'grid-row', 'grid-area', 'grid-column-start', 'grid-row-start'].some((m) => !none(box[m]));
}

/**
 * Whether the box properties draw the element out of its place among the text beside it
 * (Declared.moved): floated, absolutely or fixed placed (at its own place too: over what follows
 * it), or offset relatively.
 */
function movedOf(box: Record<string, string>): boolean {
  const position = box.position ?? '';
  if (!none(box.float)) return true;

  if (/^(?:absolute|fixed)$/.test(position)) return true;
  if (!/^(?:relative|sticky)$/.test(position))
    return !/^(?:static|initial|unset|revert|revert-layer|inherit)?$/.test(position);
  const off = (v: string | undefined) => v !== undefined && !/^(?:auto|[+-]?0*\.?0*(?:[a-z]+|%)?)$/.test(v);
  return [box.left, box.top, box.right, box.bottom].some(off) || (box.inset ?? '').split(/\s+/).some(off);
}

/**
 * Whether a block's box properties draw its text at no size or out of sight: 'hide' for a zero
 * scale; 'unsure' where it depends on the box (a scale under a quarter, a translation, position
 * or indent of a thousand pixels or more, a clip, a zero width or height with overflow hidden);
 * 'show' when they are declared and do none of it; null when none is declared.
 */
function awayOf(box: Record<string, string>, block: boolean): 'hide' | 'unsure' | 'show' | null {
  const keys = Object.keys(box);
  if (keys.length === 0) return null;
  let out: 'hide' | 'unsure' | 'show' = 'show';
  const unsure = () => {
    if (out === 'show') out = 'unsure';
  };
  const scales = [
    ...(box.transform ?? '').matchAll(/\b(scale(?:x|y|3d)?|matrix(?:3d)?)\(([^)]*)\)/g),
    ...(box.scale ? [['', 'scale', box.scale.replace(/\s+/g, ',')]] : []),
  ];
  for (const m of scales) {
    const args = m[2]!
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const factors = m[1] === 'matrix' ? [args[0], args[3]] : m[1] === 'matrix3d' ? [args[0], args[5]] : args;
    for (const f of factors) {
      if (f === undefined || !Number.isFinite(f)) unsure();
      // A transform does nothing to an inline box (a plain <span>): sure only on a block.
      else if (Math.abs(f) < 1e-6) out = block ? 'hide' : out === 'show' ? 'unsure' : out;
      else if (Math.abs(f) < 0.25) unsure();
    }
  }
  const far = (v: string | undefined) => {
    if (!v) return false;
    for (const m of v.matchAll(/(-?(?:\d+\.?\d*|\.\d+))(px|pt|em|rem|%|vw|vh|in|cm|mm)?/g))
      if (
        Math.abs(Number(m[1])) *
          (m[2] === 'em' || m[2] === 'rem' ? 16 : m[2] === '%' || m[2] === 'vw' || m[2] === 'vh' ? 10 : 1) >=
        1000
      )
        return true;
    return false;
  };
  if (/translate|matrix/.test(box.transform ?? '') && far(box.transform)) unsure();
  if (far(box.translate)) unsure();
  // Absolutely placed a thousand pixels or more to the left or above the page: never seen (a
  // page cannot be scrolled there); to the right or below it may be scrolled to. Placed anywhere
  // else, it is `moved` (movedOf).
  if (/^(?:absolute|fixed)$/.test(box.position ?? '')) {
    const before = (v: string | undefined) => v !== undefined && far(v) && /^\s*-/.test(v);
    if (before(box.left) || before(box.top)) out = 'hide';
    else if (far(box.left) || far(box.top) || far(box.right)) unsure();
  }
  // Text whose look another property sets and which is not evaluated: every property reset
  // (`all`), masked.
  if (box.all !== undefined) unsure();
  for (const m of ['mask', 'mask-image', '-webkit-mask', '-webkit-mask-image']) if (!none(box[m])) unsure();
  // text-indent moves only a block's first line (not an inline element's text): unsure.
  if (far(box['text-indent'])) unsure();
  if (box.clip && /rect\(/.test(box.clip)) unsure();
  if (box['clip-path'] && box['clip-path'] !== 'none') unsure();
  // Text drawn so that no reader can tell its digits (a fresh tester's t25: zoom:0.01, a blur of
  // 20px, letter-spacing:-1em laying a 9 over the digit after it, a Wingdings "1" after 20, each
  // read as a digit of the number): unsure, the cell no number. A small zoom shrinks an inline
  // box's text as well.
  const factor = /^([+-]?(?:\d+\.?\d*|\.\d+))(%?)$/.exec(box.zoom ?? '');
  if (factor && Number(factor[1]) / (factor[2] ? 100 : 1) < 0.25) unsure();
  const px = (v: string) => {
    const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(px|pt|em|rem|ch|ex)?$/.exec(v.trim());
    return m
      ? Number(m[1]) *
          (m[2] === 'em' || m[2] === 'rem' ? 16 : m[2] === 'pt' ? 4 / 3 : m[2] === 'ch' || m[2] === 'ex' ? 8 : 1)
      : NaN;
  };
  if (box['letter-spacing'] && px(box['letter-spacing']) <= -2) unsure();
  const validFilter = !/progid|[:=]/.test(box.filter ?? '');
  if (validFilter)
    for (const m of (box.filter ?? '').matchAll(/\bblur\(\s*([^)]*?)\s*\)/g)) if (!(px(m[1]!) < 1)) unsure();
  // Drawn faint: an opacity above 0 but under a half (a fresh tester's opacity:0.001 over the 9
  // of 1290: black at 0.01 is #fdfdfd on white, no reader sees it; at 0.1 a faint grey), as
  // opacity or a filter's opacity(); a value not a number (var(), calc()) is not known.
  const faint = (v: string) => {
    const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(%?)$/.exec(v.trim());
    if (!m) return !/^(?:initial|unset|revert|revert-layer|inherit|none)?$/.test(v.trim());
    const a = Number(m[1]) / (m[2] ? 100 : 1);
    return a > 0 && a < 0.5;
  };
  if (box.opacity !== undefined && faint(box.opacity)) unsure();
  if (validFilter)
    for (const m of (box.filter ?? '').matchAll(/\bopacity\(\s*([^)]*?)\s*\)/g)) if (faint(m[1]!)) unsure();
  // Filters that change its colours (invert(1) draws black text white on a page inverted back to
  // white behind it: a fresh tester's, 1290 for 120), a blend with what is behind it, and an
  // inset shadow painted over its background beneath the text: not evaluated, so not known.
  // Blur, opacity, drop-shadow and the hue filters keep the text apart from its backdrop.
  // A value that is no CSS filter list (IE's `progid:DXImageTransform…`, `alpha(opacity=100)`: a
  // mourning-day grayscale snippet on <html>) is ignored by the browser, as here (a fresh
  // tester's portal pages lost every cell).
  const filter = box.filter ?? '';
  const filters = [...filter.matchAll(/([a-z-]+)\(/g)].map((m) => m[1]!);
  const valid =
    !/progid|[:=]/.test(filter) &&
    filters.every((f) =>
      /^(?:blur|opacity|drop-shadow|grayscale|sepia|saturate|hue-rotate|invert|brightness|contrast|url)$/.test(f),
    );
  if (valid && filters.some((f) => !/^(?:blur|opacity|drop-shadow|grayscale|sepia|saturate|hue-rotate)$/.test(f)))
    unsure();
  if (box['mix-blend-mode'] && !/^(?:normal|initial|unset|revert|revert-layer)$/.test(box['mix-blend-mode'])) unsure();
  if (/\binset\b/.test(box['box-shadow'] ?? '')) unsure();
  if (DINGBAT_FONT.test(box['font-family'] ?? '')) unsure();
  const zero = (v: string | undefined) => v !== undefined && /^[+-]?0*\.?0*(?:px|pt|em|rem|%)?$/.test(v);
  if (
    /^(?:hidden|clip)$/.test(box.overflow ?? '') &&
    [box.width, box.height, box['max-width'], box['max-height']].some(zero)
  )
    unsure();
  return out;
}

/** An opacity of zero (`0`, `0.0`, `.0`, `0%`, `-1`: clamped to 0); anything else is drawn. */
function isTransparent(value: string): boolean {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))(%?)$/.exec(value.split(/\s+/)[0] ?? '');
  return m !== null && Number(m[1]) <= 0;
}

/** A vertical-align (or mso-text-raise, baseline-shift) value that sets text off the baseline. */
function isRaise(prop: string, value: string): boolean {
  const v = value.split(/\s+/)[0] ?? '';
  if (/^(?:super|sub|top|text-top|text-bottom)$/.test(v)) return true;
  if (prop !== 'vertical-align' && /^(?:baseline|auto|inherit|initial|unset|revert|normal)$/.test(v)) return false;
  if (/^(?:baseline|middle|bottom|inherit|initial|unset|revert|revert-layer)$/.test(v)) return false;
  // A length or percentage: off the baseline unless zero; anything else unknown: raised (a mark
  // kept apart makes the cell unreadable, never a wrong number).
  return !/^[+-]?(?:0+\.?0*|\.0+)(?:[a-z]+|%)?$/.test(v);
}

/** The subject of a selector: a tag, an id and classes; all null/empty matches any element. */
export interface Compound {
  tag: string | null;
  id: string | null;
  classes: string[];
}

/** One selector of a rule that bears on text, with its declarations. */
export interface SheetRule {
  selector: string;
  /** Holds only sometimes (inside `@media`, `<style media=print>`, a nested rule): never exact. */
  conditional: boolean;
  /** Position in the page's stylesheets (a later rule wins a tie of the cascade). */
  order: number;
  decl: Declared;
  /**
   * Inside `@layer`: beneath the page's other rules when normal, above them when !important (a
   * sixth fresh tester's `@layer a{.h{display:none!important}}` under `.h{display:inline
   * !important}`: hidden, read as shown).
   */
  layered?: boolean;
}

/**
 * A stylesheet's text → the rules that bear on text (the others are dropped), one per selector
 * of a list. `conditional` marks a sheet that holds only sometimes; `first` numbers its rules.
 */
export function parseSheet(css: string, conditional = false, first = 0): SheetRule[] {
  const out: SheetRule[] = [];
  collect(uncomment(css), conditional, out, first);
  return out;
}

const uncomment = (css: string) => css.replace(/\/\*[\s\S]*?(?:\*\/|$)/g, ' ').replace(/<!--|-->/g, ' ');

/**
 * The text of a stylesheet given as a `data:` URL (`data:text/css,.a%7Bdisplay:none%7D`, or
 * `;base64`), the one kind a page can load with no fetch (a fresh tester's t32: a `<link>` and an
 * `@import` of one hid a digit a browser hides); null for any other address, or another type
 * (a browser applies only text/css).
 */
export function dataStylesheet(url: string): string | null {
  const m = /^\s*data:([^,]*),([\s\S]*)$/i.exec(url);
  if (!m || !/^\s*text\/css\b/i.test(m[1]!)) return null;
  if (/;\s*base64\s*$/i.test(m[1]!)) return Buffer.from(m[2]!, 'base64').toString('utf8');
  try {
    return decodeURIComponent(m[2]!);
  } catch {
    return m[2]!;
  }
}

function collect(css: string, conditional: boolean, out: SheetRule[], first: number, layered = false): void {
  let i = 0;
  // @import counts only before every rule but @charset and @layer statements (a browser ignores
  // a later one: a fresh tester's t34).
  let importsEnd = false;
  while (i < css.length) {
    const open = findTop(css, i, '{;');
    if (open < 0) return;
    const prelude = css.slice(i, open).trim();
    if (css[open] === ';') {
      // @import of a data: URL, its media list after it: its rules stand here (before the rules
      // of the sheet importing it, as they must). Other @import, @charset, stray declarations.
      const statement = /^@([\w-]+)/.exec(prelude)?.[1]?.toLowerCase();
      if (statement !== 'charset' && statement !== 'layer' && statement !== 'import') importsEnd = true;
      const imported = importsEnd
        ? null
        : /^@import\s+(?:url\(\s*(["']?)([\s\S]*?)\1\s*\)|(["'])([\s\S]*?)\3)\s*([\s\S]*)$/i.exec(prelude);
      const sheet = imported ? dataStylesheet(imported[2] ?? imported[4] ?? '') : null;
      if (sheet !== null) {
        const applies = mediaApplies(imported![5] ?? '');
        if (applies !== false) collect(uncomment(sheet), conditional || applies === null, out, first);
      }
      i = open + 1;
      continue;
    }
    const close = matching(css, open);
    const body = css.slice(open + 1, close);
    i = close + 1;
    importsEnd = true;
    if (prelude.startsWith('@')) {
      const name = /^@([\w-]+)/.exec(prelude)?.[1]?.toLowerCase() ?? '';
      if (name === 'media') {
        const applies = mediaApplies(prelude.slice(6));
        if (applies !== false) collect(body, conditional || applies === null, out, first, layered);
      }
      // Blocks of rules that apply under a condition (or in another layer of the cascade);
      // @font-face, @keyframes, @page hold none.
      else if (/^(?:supports|layer|container|document|scope|-moz-document|starting-style)$/.test(name))
        collect(body, true, out, first, layered || name === 'layer');
      continue;
    }
    // CSS nesting: rules inside a rule's block are relative to it (matched here as if they were
    // not, a superset: never exact); the rest of the block is its declarations.
    let own = body;
    if (body.includes('{')) {
      own = declarationsOnly(body);
      collect(body, true, out, first, layered);
    }
    const decl = declarations(own);
    const bears =
      decl.display ||
      decl.visibility ||
      decl.opacity ||
      decl.decoration ||
      decl.content ||
      decl.raise ||
      decl.paint ||
      decl.moved ||
      decl.reordered;
    if (!bears) continue;
    for (const selector of splitTop(prelude, ','))
      if (selector.trim())
        out.push({
          selector: selector.trim(),
          conditional,
          order: first + out.length,
          decl,
          ...(layered ? { layered } : {}),
        });
  }
}

/**
 * Whether a media query list (`@media …`, `<style media=…>`) holds for the page as a screen shows
 * it, which is what is read: `screen` and `all` do, `print` does not; a query on the viewport
 * (width, orientation…) or anything else may or may not (null).
 */
export function mediaApplies(list: string): boolean | null {
  let result: boolean | null = false;
  for (const q of splitTop(list.toLowerCase(), ',')) {
    const query = q.trim().replace(/^only\s+/, '');
    if (query === '' || query === 'all' || query === 'screen' || query === 'not print') return true;
    if (/^(?:print|speech|not\s+(?:screen|all))(?:\s|$)/.test(query)) continue;
    result = null;
  }
  return result;
}

/**
 * A selector's subject — the compound after the last combinator (space, >, +, ~ outside () and
 * []) — with its unevaluable parts (attributes, pseudo-classes, `&`, escapes) left out: a
 * superset of the elements the selector matches, for selectors the engine cannot evaluate.
 * Null for a rule on a pseudo-element that holds no document text (::marker, ::selection…).
 */
export function subjectOf(selector: string): { compound: Compound; pseudo: 'generated' | 'first' | null } | null {
  let start = 0;
  let depth = 0;
  for (let k = 0; k < selector.length; k++) {
    const c = selector[k]!;
    if (c === '\\') {
      k++;
      continue;
    }
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && /[\s>+~]/.test(c)) start = k + 1;
  }
  const subject = selector.slice(start);
  let pseudo: 'generated' | 'first' | null = null;
  const compound: Compound = { tag: null, id: null, classes: [] };
  // Escapes and namespaces: match any element.
  if (/[\\|]/.test(subject)) return { compound, pseudo };
  const parts = subject.match(/::?[\w-]+(?:\([^)]*\))?|\[[^\]]*\]|[.#]?[\w\u0080-\uffff-]+|\*|&|./g) ?? [];
  for (const p of parts) {
    if (p[0] === '.') compound.classes.push(p.slice(1));
    else if (p[0] === '#') compound.id = p.slice(1);
    else if (p[0] === ':') {
      const name = p.replace(/^::?/, '').toLowerCase();
      if (name === 'before' || name === 'after') pseudo = 'generated';
      else if (name === 'first-letter' || name === 'first-line') pseudo = 'first';
      else if (p.startsWith('::') || name.startsWith('-')) return null;
    } else if (/^[a-z][\w-]*$/i.test(p) && compound.tag === null && compound.classes.length === 0 && !compound.id)
      compound.tag = p.toLowerCase();
  }
  return { compound, pseudo };
}

/** `s` split at `sep` outside strings, () and []. */
function splitTop(s: string, sep: string): string[] {
  const out: string[] = [];
  let from = 0;
  let k = findTop(s, 0, sep);
  while (k >= 0) {
    out.push(s.slice(from, k));
    from = k + 1;
    k = findTop(s, from, sep);
  }
  out.push(s.slice(from));
  return out;
}

/** The first index at or after `from` holding one of `chars`, outside strings, () and []. */
function findTop(s: string, from: number, chars: string): number {
  let depth = 0;
  for (let k = from; k < s.length; k++) {
    const c = s[k]!;
    if (c === '\\') k++;
    else if (c === '"' || c === "'") k = endOfString(s, k);
    else if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && depth > 0) depth--;
    else if (depth === 0 && chars.includes(c)) return k;
  }
  return -1;
}

function endOfString(s: string, k: number): number {
  const q = s[k];
  for (let j = k + 1; j < s.length; j++) {
    if (s[j] === '\\') j++;
    else if (s[j] === q || s[j] === '\n') return j;
  }
  return s.length;
}

/** Index of the `}` closing the `{` at `open` (or the end of the text). */
function matching(s: string, open: number): number {
  let depth = 0;
  for (let k = open; k < s.length; k++) {
    const c = s[k]!;
    if (c === '\\') k++;
    else if (c === '"' || c === "'") k = endOfString(s, k);
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return k;
  }
  return s.length;
}

/** A nested block's own declarations: the text outside its nested `{…}` rules and their preludes. */
function declarationsOnly(body: string): string {
  let out = '';
  let i = 0;
  while (i < body.length) {
    const open = findTop(body, i, '{');
    if (open < 0) return out + body.slice(i);
    // The prelude of a nested rule starts after the last `;` before its `{`.
    const before = body.slice(i, open);
    const semi = before.lastIndexOf(';');
    out += semi >= 0 ? before.slice(0, semi + 1) : '';
    i = matching(body, open) + 1;
  }
  return out;
}
