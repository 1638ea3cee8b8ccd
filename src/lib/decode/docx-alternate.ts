import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/**
 * Markup compatibility (mc:AlternateContent, ECMA-376 part 3): an application shows the first
 * mc:Choice whose required namespaces it knows, else the mc:Fallback. Word 2010 and later, WPS and
 * LibreOffice know Word's own extensions (w14, wps for text boxes …) and show the Choice; mammoth
 * reads only the Fallback, so where a tool updated one copy and not the other the stale one was
 * read (a fresh tester's t16: 1 and 2 in the Choice, 3 and 4 in the Fallback, published 3 and 4).
 *
 * Where the Choice requires only Microsoft Office namespaces, its text becomes the Fallback's: a
 * text box's content (one w:txbxContent each side) or, for a Choice with no drawing, the whole
 * content. A Choice requiring a namespace no application here knows stays unread, as Word would
 * leave it. Null when the document has no AlternateContent or nothing changed.
 */
export function choiceOverFallback(xml: string): string | null {
  if (!xml.includes('AlternateContent')) return null;
  const parser = new DOMParser({ errorHandler: { warning: () => {}, error: () => {}, fatalError: () => {} } });
  const doc = parser.parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (!root) return null;
  let changed = false;
  // Innermost first: an inner choice is settled before its outer one is copied.
  for (const alt of Array.from(root.getElementsByTagNameNS(MC, 'AlternateContent')).reverse()) {
    // The first Choice whose required namespaces Word knows (there may be several).
    const choice = children(alt, 'Choice').find((c) => {
      const requires = (c.getAttribute('Requires') ?? '').trim().split(/\s+/).filter(Boolean);
      return requires.length > 0 && requires.every((p) => officeNamespace(c.lookupNamespaceURI(p)));
    });
    const fallback = children(alt, 'Fallback')[0];
    if (!fallback) continue;
    if (choice) {
      const from = Array.from(choice.getElementsByTagNameNS(W, 'txbxContent'));
      const to = Array.from(fallback.getElementsByTagNameNS(W, 'txbxContent'));
      if (from.length === 1 && to.length === 1) changed = replaceChildren(to[0]!, from[0]!) || changed;
      else if (!from.length && !choice.getElementsByTagNameNS(W, 'drawing').length)
        changed = replaceChildren(fallback, choice) || changed;
    }
    // Settled, it is what mammoth reads of it (the Fallback) in its place: an outer Choice's text
    // is then its own and its inner choices', not those with their fallbacks beside them (t18: a
    // Choice of 14 held an inner 14 and its fallback 14, and equalled an outer fallback 1414).
    while (fallback.firstChild) alt.parentNode?.insertBefore(fallback.firstChild, alt);
    alt.parentNode?.removeChild(alt);
  }
  return changed ? new XMLSerializer().serializeToString(doc) : null;
}

/**
 * A namespace Word knows: its own and Office drawing's extensions (w14, wps, wpg, wp14, w15, a14 …)
 * and the core ones a Choice may require (ECMA-376's w, wp, a, pic, r, m; VML's v, o, w10):
 * a fresh tester's t18 had Requires="m" and "v" read from the Fallback.
 */
function officeNamespace(uri: string | null): boolean {
  return (
    !!uri &&
    (/^http:\/\/schemas\.microsoft\.com\/office\/(?:word|drawing)\//.test(uri) ||
      /^http:\/\/schemas\.openxmlformats\.org\/(?:wordprocessingml|drawingml|officeDocument)\/2006\//.test(uri) ||
      /^urn:schemas-microsoft-com:(?:vml|office:office|office:word)$/.test(uri))
  );
}

/** `el`'s child elements in the markup-compatibility namespace named `name`, in order. */
function children(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling)
    if (n.nodeType === 1 && (n as Element).namespaceURI === MC && (n as Element).localName === name)
      out.push(n as Element);
  return out;
}

/** `to`'s children become copies of `from`'s; whether its text changed. */
function replaceChildren(to: Element, from: Element): boolean {
  if (to.textContent === from.textContent) return false;
  while (to.firstChild) to.removeChild(to.firstChild);
  for (let n = from.firstChild; n; n = n.nextSibling) to.appendChild(n.cloneNode(true));
  return true;
}
