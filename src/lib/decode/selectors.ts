import { compile, type Options } from 'css-select';
import { AttributeAction, parse as parseSelector, SelectorType, type Selector } from 'css-what';
import type { DefaultTreeAdapterMap } from 'parse5';
import { subjectOf, type Compound, type Declared, type SheetRule } from './css.ts';

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

/**
 * A page's stylesheet rule, made ready to match elements of the parse5 tree: selectors are
 * parsed by css-what and matched by css-select (the maintained engine cheerio uses), through an
 * adapter to parse5's tree. A selector css-select cannot evaluate (an unknown pseudo-class such
 * as :focus) falls back to css.ts's superset of its subject, not exact.
 */
export interface Rule {
  /** Where the sheet keeps it (the subject's id, first class or tag; null: any element). */
  key: { map: 'id' | 'class' | 'tag'; name: string } | null;
  match: (el: Element) => boolean;
  /** The browser applies the rule to exactly the elements `match` accepts. */
  exact: boolean;
  /** The rule is on ::before/::after (generated text) or ::first-letter/::first-line. */
  pseudo: 'generated' | 'first' | null;
  decl: Declared;
  /** [ids, classes and the like, tags]: null when not known (the selector was not parsed). */
  specificity: [number, number, number] | null;
  /** Position in the page's stylesheets: a later rule wins a tie. */
  order: number;
  /** Inside `@layer` (SheetRule.layered). */
  layered?: boolean;
}

/** The rules of one selector list, each selector a rule of its own. */
export function compileRule(r: SheetRule, quirks: boolean): Rule[] {
  let list: Selector[][];
  try {
    list = parseSelector(r.selector);
  } catch {
    return fallback(r);
  }
  const out: Rule[] = [];
  for (const tokens of list) {
    const pe = tokens.findIndex((t) => t.type === SelectorType.PseudoElement);
    let pseudo: Rule['pseudo'] = null;
    if (pe >= 0) {
      const name = (tokens[pe] as { name: string }).name.toLowerCase();
      if (name === 'before' || name === 'after') pseudo = 'generated';
      else if (name === 'first-letter' || name === 'first-line') pseudo = 'first';
      // Other pseudo-elements (::marker, ::placeholder, ::-webkit-scrollbar, ::selection) hold no
      // text of the document's.
      else continue;
      // Hiding ::before/::after hides no document text; their content adds text the DOM has not.
      if (pseudo === 'generated' && !r.decl.content) continue;
    }
    const own = pe >= 0 ? tokens.filter((_, k) => k !== pe) : tokens;
    const rule: Rule = {
      key: keyOf(own),
      match: () => false,
      exact: !r.conditional && pseudo === null,
      pseudo,
      decl: r.decl,
      specificity: specificity(tokens),
      order: r.order,
      ...(r.layered ? { layered: true } : {}),
    };
    // Compiled when first needed (most rules of a site's stylesheet name classes the page
    // lacks); `exact` is settled then, before anyone reads it (shown.ts matches first).
    let query: ((el: Element) => boolean) | null = null;
    rule.match = (el) => (query ??= compileOr(own, quirks, r.selector, rule))(el);
    out.push(rule);
  }
  return out;
}

/**
 * css-select's query for a selector; one it cannot compile (an unknown pseudo-class such as
 * :focus) matches what css.ts's superset of its subject matches, and its rule is not exact.
 */
function compileOr(tokens: Selector[], quirks: boolean, selector: string, rule: Rule): (el: Element) => boolean {
  try {
    return compile<Node, Element>([tokens], { adapter, quirksMode: quirks });
  } catch {
    rule.exact = false;
    rule.specificity = null;
    const s = subjectOf(selector);
    return s ? (el) => fits(s.compound, el) : () => false;
  }
}

/** The superset rule of css.ts: the subject compound's tag, id and classes, nothing exact. */
function fallback(r: SheetRule, pseudo: Rule['pseudo'] = null): Rule[] {
  const s = subjectOf(r.selector);
  if (!s) return [];
  if (s.pseudo === 'generated' && !r.decl.content) return [];
  const subject = s.compound;
  return [
    {
      key: subject.id
        ? { map: 'id', name: subject.id }
        : subject.classes[0]
          ? { map: 'class', name: subject.classes[0] }
          : subject.tag
            ? { map: 'tag', name: subject.tag }
            : null,
      match: (el) => fits(subject, el),
      exact: false,
      pseudo: pseudo ?? s.pseudo,
      decl: r.decl,
      specificity: null,
      order: r.order,
      ...(r.layered ? { layered: true } : {}),
    },
  ];
}

function fits(s: Compound, el: Element): boolean {
  if (s.tag && s.tag !== el.tagName) return false;
  if (s.id && attr(el, 'id')?.toLowerCase() !== s.id.toLowerCase()) return false;
  const have = (attr(el, 'class') ?? '').toLowerCase().split(/[ \t\r\n\f]+/);
  for (const c of s.classes) if (!have.includes(c.toLowerCase())) return false;
  return true;
}

/** The subject compound's id, first class or tag, to index the rule by. */
function keyOf(tokens: Selector[]): Rule['key'] {
  let start = 0;
  tokens.forEach((t, k) => {
    if (isTraversal(t)) start = k + 1;
  });
  let tag: string | null = null;
  let cls: string | null = null;
  for (const t of tokens.slice(start)) {
    if (t.type === SelectorType.Attribute && t.name === 'id' && t.action === AttributeAction.Equals && !t.ignoreCase)
      return { map: 'id', name: t.value };
    if (
      t.type === SelectorType.Attribute &&
      t.name === 'class' &&
      t.action === AttributeAction.Element &&
      !t.ignoreCase
    )
      cls ??= t.value;
    if (t.type === SelectorType.Tag) tag = t.name.toLowerCase();
  }
  return cls !== null ? { map: 'class', name: cls } : tag !== null ? { map: 'tag', name: tag } : null;
}

const isTraversal = (t: Selector) =>
  t.type === SelectorType.Descendant ||
  t.type === SelectorType.Child ||
  t.type === SelectorType.Sibling ||
  t.type === SelectorType.Adjacent ||
  t.type === SelectorType.Parent ||
  t.type === SelectorType.ColumnCombinator;

/** Selectors Level 4 specificity: ids; classes, attributes and pseudo-classes; types and pseudo-elements. */
export function specificity(tokens: Selector[]): [number, number, number] {
  const s: [number, number, number] = [0, 0, 0];
  for (const t of tokens) {
    if (t.type === SelectorType.Attribute) s[t.name === 'id' && t.action === AttributeAction.Equals ? 0 : 1]++;
    else if (t.type === SelectorType.Tag || t.type === SelectorType.PseudoElement) s[2]++;
    else if (t.type === SelectorType.Pseudo) {
      const name = t.name.toLowerCase();
      if (name === 'where') continue;
      if (Array.isArray(t.data) && /^(?:is|not|has|matches|-webkit-any|-moz-any)$/.test(name)) {
        // The most specific selector of the argument list.
        let best: [number, number, number] = [0, 0, 0];
        for (const sub of t.data) {
          const x = specificity(sub);
          if (compareSpecificity(x, best) > 0) best = x;
        }
        s[0] += best[0];
        s[1] += best[1];
        s[2] += best[2];
      } else s[1]++;
    }
  }
  return s;
}

export function compareSpecificity(a: [number, number, number], b: [number, number, number]): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

function attr(el: Element, name: string): string | undefined {
  for (const a of el.attrs) if (a.name === name) return a.value;
  return undefined;
}

const isTag = (n: Node): n is Element => 'tagName' in n;
const children = (n: Node): Node[] => ('childNodes' in n ? n.childNodes : []);
const parentOf = (n: Node): Node | null => ('parentNode' in n ? n.parentNode : null);

/** css-select over parse5's default tree (module-level functions: nothing is made per element). */
const adapter: NonNullable<Options<Node, Element>['adapter']> = {
  isTag,
  getAttributeValue: attr,
  getChildren: children,
  getName: (el) => el.tagName,
  getParent: (el) => el.parentNode,
  getSiblings: (n) => ('parentNode' in n && n.parentNode ? n.parentNode.childNodes : [n]),
  prevElementSibling: (n) => {
    if (!('parentNode' in n) || !n.parentNode) return null;
    const sibs = n.parentNode.childNodes;
    for (let k = sibs.indexOf(n) - 1; k >= 0; k--) {
      const s = sibs[k]!;
      if (isTag(s)) return s;
    }
    return null;
  },
  getText: (n) =>
    n.nodeName === '#text' ? (n as DefaultTreeAdapterMap['textNode']).value : children(n).map(adapter.getText).join(''),
  hasAttrib: (el, name) => el.attrs.some((a) => a.name === name),
  removeSubsets: (nodes) => {
    const set = new Set(nodes);
    return [...set].filter((n) => {
      for (let p = parentOf(n); p; p = parentOf(p)) if (set.has(p)) return false;
      return true;
    });
  },
};
