import { DOMParser, XMLSerializer } from '@xmldom/xmldom';

/**
 * Word fields in a .docx, made plain runs before mammoth reads the document. A field's result is
 * what Word last computed and showed (a table total written =SUM(LEFT), a page number…), so it is
 * the text the document's reader saw, and it is read as such:
 *
 * - a simple field, <w:fldSimple w:instr="=SUM(LEFT)"><w:r>…95…</w:r></w:fldSimple>, is replaced
 *   by the runs it holds (mammoth 1.13 drops the element with its text: the totals were lost);
 * - a complex field, w:fldChar begin … instruction … separate … result … end, keeps only its
 *   result: any text between begin and separate is instruction, not shown (w:instrText is never
 *   text, and mammoth skips it; a w:t there, or a nested field's result inside an instruction,
 *   would otherwise be read). Its field characters stay, for mammoth's own hyperlink handling.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
/** What in a run is shown text. */
const CONTENT = new Set(['t', 'tab', 'br', 'cr', 'sym', 'noBreakHyphen', 'softHyphen', 'ptab']);

/** document.xml with fields as their shown results; null when it has no field to change. */
export function fieldResults(xml: string): string | null {
  if (!/fldSimple|fldChar/.test(xml)) return null;
  const parser = new DOMParser({ errorHandler: { warning: () => {}, error: () => {}, fatalError: () => {} } });
  const doc = parser.parseFromString(xml, 'text/xml');
  let changed = false;
  // Innermost first (a simple field may hold another); each is replaced by its children.
  const simple = Array.from(doc.getElementsByTagNameNS(W, 'fldSimple')).reverse();
  for (const f of simple) {
    const parent = f.parentNode;
    if (!parent) continue;
    while (f.firstChild) parent.insertBefore(f.firstChild, f);
    parent.removeChild(f);
    changed = true;
  }
  // Complex fields: a stack of the open fields' parts, in document order.
  const open: Array<'instruction' | 'result'> = [];
  for (const run of Array.from(doc.getElementsByTagNameNS(W, 'r'))) {
    for (const k of Array.from(run.childNodes)) {
      if (k.nodeType !== 1 || (k as Element).namespaceURI !== W) continue;
      const el = k as Element;
      if (el.localName === 'fldChar') {
        const type = el.getAttributeNS(W, 'fldCharType');
        if (type === 'begin') open.push('instruction');
        else if (type === 'separate' && open.length) open[open.length - 1] = 'result';
        else if (type === 'end') open.pop();
        continue;
      }
      if (open.includes('instruction') && CONTENT.has(el.localName)) {
        run.removeChild(el);
        changed = true;
      }
    }
  }
  return changed ? new XMLSerializer().serializeToString(doc) : null;
}
