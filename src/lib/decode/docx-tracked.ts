import { XMLSerializer } from '@xmldom/xmldom';
import { parseWordXml } from './docx-merge.ts';
import { UNSURE_MARK } from './shown.ts';

/**
 * A table's tracked changes of structure, as Word shows the document (its final text, the view
 * it opens a document with tracked changes in): a cell deleted (`w:tcPr/w:cellDel`, ECMA-376
 * 17.13.5.1) or a row deleted (`w:trPr/w:del`) is gone, the cells after a deleted one a column
 * to the left; an inserted cell or row (`w:cellIns`, `w:trPr/w:ins`) is there. mammoth reads
 * none of these marks: a deleted cell's old number stood in the row, every value after it a
 * column off (a fresh tester's t51: 391, a deleted cell, published under 社会公益组织 and 963 under
 * 法律服务机构). A cell whose merge is a tracked change (`w:cellMerge`) shows one of two texts,
 * which the document does not settle: its text is kept behind UNSURE_MARK, never read as a
 * number. Null when the document has none of these.
 */
export function trackedStructure(xml: string): string | null {
  if (!/<(?:\w+:)?(?:cellDel|cellMerge|trPr)\b/.test(xml)) return null;
  const parsed = parseWordXml(xml);
  if (!parsed) return null;
  const { doc, root, W } = parsed;
  let changed = false;
  for (const tr of Array.from(root.getElementsByTagNameNS(W, 'tr'))) {
    const trPr = child(tr, W, 'trPr');
    if (trPr && child(trPr, W, 'del')) {
      tr.parentNode?.removeChild(tr);
      changed = true;
      continue;
    }
    for (const tc of children(tr, W, 'tc')) {
      const pr = child(tc, W, 'tcPr');
      if (!pr) continue;
      if (child(pr, W, 'cellDel')) {
        tr.removeChild(tc);
        changed = true;
      } else if (child(pr, W, 'cellMerge')) {
        unsure(doc, tc, W);
        changed = true;
      }
    }
  }
  return changed ? new XMLSerializer().serializeToString(doc) : null;
}

/** Puts UNSURE_MARK before the text of each of the cell's paragraphs (a run of its own). */
function unsure(doc: Document, tc: Element, ns: string): void {
  const prefix = tc.prefix ? `${tc.prefix}:` : '';
  let paragraphs = children(tc, ns, 'p');
  if (!paragraphs.length) {
    const p = doc.createElementNS(ns, `${prefix}p`);
    tc.appendChild(p);
    paragraphs = [p];
  }
  for (const p of paragraphs) {
    const r = doc.createElementNS(ns, `${prefix}r`);
    const t = doc.createElementNS(ns, `${prefix}t`);
    t.appendChild(doc.createTextNode(UNSURE_MARK));
    r.appendChild(t);
    const pPr = child(p, ns, 'pPr');
    p.insertBefore(r, pPr ? pPr.nextSibling : p.firstChild);
  }
}

function children(el: Element, ns: string, name: string): Element[] {
  return Array.from(el.childNodes).filter(
    (n): n is Element => n.nodeType === 1 && (n as Element).namespaceURI === ns && (n as Element).localName === name,
  );
}

function child(el: Element, ns: string, name: string): Element | null {
  return children(el, ns, name)[0] ?? null;
}
