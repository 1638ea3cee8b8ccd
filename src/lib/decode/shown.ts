import { html as htmlSpec, type DefaultTreeAdapterMap } from 'parse5';
import { declarations, KINDS, mediaApplies, parseSheet, type Declared, type Kind, type SheetRule } from './css.ts';
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

/** Put before text that may not be shown: not a digit, not a mark a number reader strips. */
export const UNSURE_MARK = '⁇';

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
]);
/** Elements that start a box of their own in the browser's stylesheet: blocks and table parts. */
const BOX = new Set([...BLOCK, 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th']);
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
    !/<style\b[^>]*>(?:(?!<\/style)[\s\S])*?(?:display|visibility|opacity|decoration|content|vertical-align|text-raise|baseline-shift)/i.test(
      html,
    )
  )
    return null;
  const raw: SheetRule[] = [];
  collectStyles(doc, raw);
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

function collectStyles(n: Node, rules: SheetRule[]): void {
  if ('tagName' in n && n.tagName === 'style') {
    const media = n.attrs.find((a) => a.name === 'media')?.value ?? '';
    const text = n.childNodes
      .map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterMap['textNode']).value : ''))
      .join('');
    const applies = mediaApplies(media);
    if (applies !== false) rules.push(...parseSheet(text, applies === null, rules.length));
    return;
  }
  if ('tagName' in n && n.tagName === 'template') return;
  if ('childNodes' in n) for (const c of n.childNodes) collectStyles(c, rules);
}

/** DROP, UNSURE and BLOCK_BOX flags of one element (module-level: called for every element). */
export function shown(el: Element, sheet: Sheet | null): number {
  let inline: Declared | null = null;
  let hiddenAttr = false;
  let cls: string | null = null;
  let id: string | null = null;
  for (const a of el.attrs) {
    if (a.name === 'style')
      inline = /display|visibility|opacity|decoration|content|vertical-align|text-raise|baseline-shift/i.test(a.value)
        ? declarations(a.value)
        : null;
    else if (a.name === 'hidden') hiddenAttr = true;
    else if (a.name === 'class') cls = a.value;
    else if (a.name === 'id') id = a.value;
  }
  const tag = el.tagName;
  let flags = BOX.has(tag) ? BLOCK_BOX : 0;
  if (tag === 'dialog' && !el.attrs.some(isOpen)) hiddenAttr = true;
  const struck = STRUCK.has(tag);
  if (!inline && !hiddenAttr && !struck && !sheet) return flags;
  const rules = sheet ? matching(el, sheet, cls, id) : null;
  if (inline?.block) flags |= BLOCK_BOX;
  for (const kind of KINDS) {
    // The browser's own rules: `hidden` is display:none, <del>/<s>/<strike> are line-through.
    const ua = (kind === 'display' && hiddenAttr) || (kind === 'decoration' && struck);
    let v = verdict(kind, inline, ua, rules);
    // Struck by its markup (<del>) but drawn without the line by a style: deleted text shown as
    // text — not sure either way.
    if (struck && kind === 'decoration' && v !== DROP) v = UNSURE;
    if (v === DROP && kind === 'visibility' && mayShowAgain(el, sheet)) flags |= UNSURE;
    else flags |= v;
  }
  // vertical-align is not inherited, and the walk marks the raised element's text as a whole.
  if (!(flags & BLOCK_BOX) && verdict('raise', inline, false, rules) !== 0) flags |= RAISED;
  if (rules)
    for (const r of rules) {
      if (r.pseudo) {
        if (
          r.decl.content ||
          r.decl.display === 'hide' ||
          r.decl.visibility === 'hide' ||
          r.decl.opacity === 'hide' ||
          r.decl.decoration === 'hide'
        )
          flags |= UNSURE;
      } else if (r.decl.block) flags |= BLOCK_BOX; // a rule that may apply only adds a separation
    }
  return flags & DROP ? flags & ~UNSURE : flags;
}
const isOpen = (a: { name: string }) => a.name === 'open';

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
      const rank = { tier: r.decl.important?.has(kind) ? 3 : 1, specificity: r.specificity, order: r.order };
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
      const rank = { tier: r.decl.important?.has(kind) ? 3 : 1, specificity: r.specificity, order: r.order };
      if (!best || beats(best.rank, rank) <= 0) return UNSURE;
    }
  return hide ? DROP : 0;
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
