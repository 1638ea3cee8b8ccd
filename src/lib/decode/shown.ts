import { html as htmlSpec, type DefaultTreeAdapterMap } from 'parse5';
import { declarations, KINDS, parseSheet, type Declared, type Kind, type Rule } from './css.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * What a page shows of an element, as the HTML reader needs it: one rule for every way an
 * element's text can be left out of what a reader sees, and for every way it starts a box.
 *
 * - DROP: surely not shown — display:none, visibility:hidden, the `hidden` attribute, a closed
 *   <dialog>; or struck through — <del>, <s>, <strike>, text-decoration: line-through. Struck
 *   text is deleted text (Word's tracked deletions export as <del>; a struck digit is a
 *   correction): what remains is what the document says, so it is dropped like hidden text.
 * - UNSURE: may be hidden or struck (a rule whose selector is not evaluated exactly, a hiding
 *   rule another rule may override, a visibility:hidden element with a descendant that may be
 *   made visible again) or may have text added (::before/::after content). Its text is kept
 *   behind UNSURE_MARK, so a cell holding it is never read as a number.
 * - BLOCK: starts a box of its own (block elements, table parts, display:block and the like):
 *   its text is kept apart from the text around it, as a line break is.
 *
 * Inline styles are exact. A page's `<style>` rules are evaluated as css.ts says; linked
 * stylesheets are not read (they are not in the file).
 */
export const DROP = 1;
export const UNSURE = 2;
export const BLOCK_BOX = 4;

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
  if (!/<style/i.test(html)) return null;
  const rules: Rule[] = [];
  collectStyles(doc, rules);
  if (rules.length === 0) return null;
  const quirks = doc.mode === htmlSpec.DOCUMENT_MODE.QUIRKS;
  const sheet: Sheet = { byTag: new Map(), byId: new Map(), byClass: new Map(), any: [], quirks };
  for (const r of rules) {
    const s = r.subject;
    const [map, key] = s.id
      ? [sheet.byId, s.id]
      : s.classes.length
        ? [sheet.byClass, s.classes[0]!]
        : s.tag
          ? [sheet.byTag, s.tag]
          : [null, ''];
    if (!map) sheet.any.push(r);
    else {
      const k = quirks && map !== sheet.byTag ? key.toLowerCase() : key;
      const list = map.get(k);
      if (list) list.push(r);
      else map.set(k, [r]);
    }
  }
  return sheet;
}

function collectStyles(n: Node, rules: Rule[]): void {
  if ('tagName' in n && n.tagName === 'style') {
    const media =
      n.attrs
        .find((a) => a.name === 'media')
        ?.value.trim()
        .toLowerCase() ?? '';
    const text = n.childNodes
      .map((c) => (c.nodeName === '#text' ? (c as DefaultTreeAdapterMap['textNode']).value : ''))
      .join('');
    rules.push(...parseSheet(text, media !== '' && media !== 'all' && media !== 'screen'));
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
      inline = /display|visibility|decoration|content/i.test(a.value) ? declarations(a.value) : null;
    else if (a.name === 'hidden') hiddenAttr = true;
    else if (a.name === 'class') cls = a.value;
    else if (a.name === 'id') id = a.value;
  }
  const tag = el.tagName;
  let flags = BOX.has(tag) ? BLOCK_BOX : 0;
  if (tag === 'dialog' && !el.attrs.some((a) => a.name === 'open')) hiddenAttr = true;
  const struck = STRUCK.has(tag);
  if (!inline && !hiddenAttr && !struck && !sheet) return flags;
  const rules = sheet ? matching(el, sheet, cls, id) : null;
  if (inline?.block) flags |= BLOCK_BOX;
  for (const kind of KINDS) {
    // The browser's own rules: `hidden` is display:none, <del>/<s>/<strike> are line-through.
    const ua = (kind === 'display' && hiddenAttr) || (kind === 'decoration' && struck);
    const v = verdict(kind, inline, ua, rules);
    if (v === DROP && kind === 'visibility' && mayShowAgain(el, sheet)) flags |= UNSURE;
    else flags |= v;
  }
  if (rules)
    for (const r of rules) {
      if (r.pseudo) {
        if (r.decl.content || r.decl.display === 'hide' || r.decl.visibility === 'hide' || r.decl.decoration === 'hide')
          flags |= UNSURE;
      } else if (r.decl.block) flags |= BLOCK_BOX; // a superset match only adds a separation
    }
  return flags & DROP ? flags & ~UNSURE : flags;
}

/**
 * One property's verdict. An inline style beats the sheet unless the sheet's is !important; the
 * browser's own rules lose to any author rule. Sheet rules among themselves are not ordered by
 * specificity here: a hiding rule that a showing rule may override is unsure.
 */
function verdict(kind: Kind, inline: Declared | null, ua: boolean, rules: Rule[] | null): number {
  const own = inline?.[kind] ?? null;
  let hideExact = ua;
  let hideMaybe = false;
  let show = false;
  let importantHide = false;
  let importantShow = false;
  if (rules)
    for (const r of rules) {
      if (r.pseudo) continue;
      const v = r.decl[kind];
      if (v === null) continue;
      const important = r.decl.important?.has(kind) ?? false;
      if (v === 'hide') {
        if (r.exact) hideExact = true;
        else hideMaybe = true;
        importantHide ||= important;
      } else {
        show = true;
        importantShow ||= important;
      }
    }
  if (own === 'hide') return importantShow ? UNSURE : DROP;
  if (own === 'show') return importantHide ? UNSURE : 0;
  if (hideExact) return show || hideMaybe ? UNSURE : DROP;
  return hideMaybe ? UNSURE : 0;
}

/** The sheet's rules whose subject matches `el` (exactly, or as the superset of css.ts). */
function matching(el: Element, sheet: Sheet, cls: string | null, id: string | null): Rule[] | null {
  const q = sheet.quirks;
  let out = fitting(sheet.any, el, cls, id, q, null);
  out = fitting(sheet.byTag.get(el.tagName), el, cls, id, q, out);
  if (id) out = fitting(sheet.byId.get(q ? id.toLowerCase() : id), el, cls, id, q, out);
  if (cls)
    for (const c of cls.split(/[ \t\r\n\f]+/))
      if (c) out = fitting(sheet.byClass.get(q ? c.toLowerCase() : c), el, cls, id, q, out);
  return out;
}

/** `out` plus the rules of `list` that fit `el` (a rule listed under two classes may come twice). */
function fitting(
  list: Rule[] | undefined,
  el: Element,
  cls: string | null,
  id: string | null,
  quirks: boolean,
  out: Rule[] | null,
): Rule[] | null {
  if (list) for (const r of list) if (fits(r, el, cls, id, quirks)) (out ??= []).push(r);
  return out;
}

function fits(r: Rule, el: Element, cls: string | null, id: string | null, quirks: boolean): boolean {
  const s = r.subject;
  if (s.tag && s.tag !== el.tagName) return false;
  if (s.id && !(id !== null && same(s.id, id, quirks))) return false;
  if (s.classes.length) {
    const have = (cls ?? '').split(/[ \t\r\n\f]+/);
    for (const c of s.classes) {
      let found = false;
      for (const h of have) if (same(h, c, quirks)) found = true;
      if (!found) return false;
    }
  }
  return true;
}

/** Class and id names: case-sensitive, except in quirks mode (old pages without a doctype). */
const same = (a: string, b: string, quirks: boolean) => (quirks ? a.toLowerCase() === b.toLowerCase() : a === b);

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
    if (sheet && matching(c, sheet, cls, id)?.some((r) => r.decl.visibility === 'show')) return true;
    if (mayShowAgain(c, sheet)) return true;
  }
  return false;
}
