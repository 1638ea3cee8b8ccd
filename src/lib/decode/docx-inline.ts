import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { OBJECT_MARK } from './shown.ts';

/**
 * What in a .docx mammoth would leave out without a word, made something it reads, before it
 * reads the document. mammoth (1.13) reads a fixed set of elements and drops any other with its
 * text: a cell "<w:bdo>2</w:bdo>80" was read 80, a wrong number. The rule: no text of the
 * document is dropped unsaid.
 *
 * - Wrappers whose meaning is plain are read: w:dir (bidirectional embedding) and a
 *   left-to-right w:bdo are replaced by what they hold (a right-to-left w:bdo shows its digits
 *   reversed: marked, as below); w:ruby by its base text (w:rubyBase, not the
 *   w:rt annotation above it); an equation (m:oMath) that is a plain row of math runs by runs of
 *   its m:t text, an absolute tab (w:ptab) by a tab.
 * - Any other element mammoth does not read that holds text (or shows something: a page number
 *   field, a picture) is replaced by OBJECT_MARK, in a run, a paragraph, or every cell of its row
 *   or table, as where it stands requires: the paragraph or cell holding it is then never read
 *   as a number (an equation with a fraction or a superscript, "1/2" read as 12, is marked too).
 *   An element that holds nothing shown (w:permStart, a bookmark) is left as it is.
 * - A picture, chart or embedded object in a table cell (w:drawing, w:pict, w:object drawing an
 *   image) gets OBJECT_MARK before it: what it shows is not read, so the digits beside it are no
 *   number (a digit drawn as an image beside "20"). A text box is read as mammoth reads it.
 * - A relationship reference (r:id, r:embed…) that names no relationship of the part is taken
 *   away: mammoth threw on a hyperlink to a missing relationship and the whole file was lost; a
 *   link without its target still shows its text.
 *
 * The walk follows mammoth's: only mc:Fallback of mc:AlternateContent, only w:sdtContent of a
 * w:sdt, not into deleted text (w:del, w:moveFrom) or properties.
 */

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Namespaces under the prefixes mammoth names them by (office-xml-reader.js). */
const PREFIX: Record<string, string> = {
  [W]: 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  [R_NS]: 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing': 'wp',
  'http://purl.oclc.org/ooxml/drawingml/wordprocessingDrawing': 'wp',
  'http://schemas.openxmlformats.org/drawingml/2006/main': 'a',
  'http://purl.oclc.org/ooxml/drawingml/main': 'a',
  'http://schemas.openxmlformats.org/drawingml/2006/picture': 'pic',
  'http://purl.oclc.org/ooxml/drawingml/picture': 'pic',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'urn:schemas-microsoft-com:vml': 'v',
  'urn:schemas-microsoft-com:office:word': 'office-word',
  'urn:schemas-microsoft-com:office:office': 'o',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://purl.oclc.org/ooxml/officeDocument/math': 'm',
};

/** Elements mammoth reads, whose children it reads as they stand. */
const READ = new Set([
  'w:body',
  'w:p',
  'w:r',
  'w:hyperlink',
  'w:tbl',
  'w:tr',
  'w:tc',
  'w:customXml',
  'w:ins',
  'w:moveTo',
  'w:smartTag',
  'v:roundrect',
  'v:shape',
  'v:textbox',
  'w:txbxContent',
  'v:group',
  'v:rect',
]);
/** Elements mammoth reads as a whole (text, breaks, fields, references) or leaves out on purpose. */
const LEAF = new Set([
  'w:t',
  'w:tab',
  'w:noBreakHyphen',
  'w:softHyphen',
  'w:sym',
  'w:br',
  'w:cr',
  'w:fldChar',
  'w:instrText',
  'w:footnoteReference',
  'w:endnoteReference',
  'w:commentReference',
  'w:bookmarkStart',
  'w:moveFromRangeEnd',
  'w:moveFromRangeStart',
  'w:moveToRangeEnd',
  'w:moveToRangeStart',
  'v:imagedata',
  // mammoth's ignored elements: properties, deleted text, marks that show nothing.
  'office-word:wrap',
  'v:shadow',
  'v:shapetype',
  'w:annotationRef',
  'w:bookmarkEnd',
  'w:sectPr',
  'w:proofErr',
  'w:lastRenderedPageBreak',
  'w:commentRangeStart',
  'w:commentRangeEnd',
  'w:del',
  'w:footnoteRef',
  'w:endnoteRef',
  'w:moveFrom',
  'w:pPr',
  'w:rPr',
  'w:tblPr',
  'w:tblGrid',
  'w:trPr',
  'w:tcPr',
  // Deleted text and a tracked change's old properties, wherever they stand: never shown.
  'w:delText',
  'w:delInstrText',
  'w:tblPrEx',
]);
/** Pictures: mammoth reads an image in them (as <img>) and the text boxes of a VML one. */
const PICTURE = new Set(['w:drawing', 'w:pict', 'w:object']);
/** Wrappers around ordinary runs: read as what they hold. */
const UNWRAP = new Set(['w:bdo', 'w:dir']);
/** Elements that show something with no text inside them (fields Word fills in, ink, chunks). */
const SHOWS = new Set([
  'w:pgNum',
  'w:dayShort',
  'w:dayLong',
  'w:monthShort',
  'w:monthLong',
  'w:yearShort',
  'w:yearLong',
  'w:contentPart',
  'w:altChunk',
  'w:subDoc',
  'w:ptab',
]);
/** In a plain equation: math runs, and properties that show nothing. */
const MATH_PLAIN = new Set(['m:r', 'm:ctrlPr', 'm:oMathParaPr', 'w:bookmarkStart', 'w:bookmarkEnd', 'w:proofErr']);
const MATH_RUN = new Set(['m:t', 'm:rPr', 'w:rPr']);

type El = Element;

/**
 * document.xml with every wrapper mammoth would drop read or marked (see above) and references
 * to missing relationships taken away; null when nothing changes. `relIds`: the ids of the
 * part's relationships (null: not known, references are left alone).
 */
export function readableInline(xml: string, relIds: ReadonlySet<string> | null): string | null {
  if (!quickNeed(xml, relIds)) return null;
  const parser = new DOMParser({ errorHandler: { warning: () => {}, error: () => {}, fatalError: () => {} } });
  const doc = parser.parseFromString(xml, 'text/xml');
  const root = doc.documentElement;
  if (!root) return null;
  let changed = false;
  if (relIds) changed = dropDangling(root, relIds) || changed;
  const body = firstChild(root, 'w:body');
  if (body) changed = new Walk(doc).run(body) || changed;
  return changed ? new XMLSerializer().serializeToString(doc) : null;
}

/** Whether the document may hold anything to change (most hold none: no DOM is built). */
function quickNeed(xml: string, relIds: ReadonlySet<string> | null): boolean {
  if (relIds)
    for (const m of xml.matchAll(/\br:(?:id|embed|link|pict)="([^"]*)"/g)) if (!relIds.has(m[1]!)) return true;
  // Any element mammoth does not read, or a picture: look at every element's name.
  for (const m of xml.matchAll(/<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/g)) {
    const prefix = m[1] ?? '';
    const local = m[2]!;
    if (prefix === 'w:') {
      if (!KNOWN_W.has(local)) return true;
    } else if (prefix !== 'mc:' && prefix !== 'wp:' && prefix !== 'a:' && prefix !== 'pic:' && prefix !== 'v:')
      return true;
  }
  return false;
}

/**
 * Local names under w: that need no walk: elements mammoth reads and the properties inside
 * w:pPr, w:rPr, w:tblPr, w:trPr, w:tcPr, w:sectPr, w:sdtPr and the like (any name not here
 * sends the document through the walk, which is exact; this list only saves the walk).
 */
const KNOWN_W = new Set(
  [...READ, ...LEAF]
    .filter((n) => n.startsWith('w:'))
    .map((n) => n.slice(2))
    .concat(
      'document sdt sdtPr sdtContent sdtEndPr alias tag id lock placeholder docPart showingPlcHdr text docPartObj docPartGallery docPartUnique ' +
        'b bCs i iCs u sz szCs color rFonts lang kern spacing w vertAlign position highlight shd vanish strike dstrike caps smallCaps ' +
        'rStyle pStyle tblStyle jc ind numPr ilvl numId keepNext keepLines widowControl outlineLvl snapToGrid adjustRightInd autoSpaceDE ' +
        'autoSpaceDN textAlignment contextualSpacing wordWrap overflowPunct topLinePunct kinsoku bidi rtl cs eastAsianLayout ' +
        'fitText emboss imprint outline shadow noProof specVanish webHidden effect bdr em oMath rsid ' +
        'tblW tblInd tblBorders tblLayout tblCellMar tblLook tblCellSpacing tblpPr tblOverlap tblStyleRowBandSize tblStyleColBandSize ' +
        'top left bottom right start end insideH insideV tl2br tr2bl gridCol gridSpan vMerge hMerge tcW tcBorders tcMar vAlign ' +
        'noWrap tcFitText hideMark trHeight cantSplit tblHeader gridBefore gridAfter wBefore wAfter jc hidden ' +
        'pgSz pgMar cols docGrid pgNumType titlePg headerReference footerReference type formProt textDirection pgBorders lnNumType ' +
        'background pBdr tabs framePr suppressAutoHyphens suppressLineNumbers pageBreakBefore mirrorIndents ' +
        'fldSimple rPrChange pPrChange tblPrChange trPrChange tcPrChange sectPrChange tblGridChange numberingChange ' +
        'permStart permEnd proofErr bookmarkStart bookmarkEnd cnfStyle divId',
    )
    .join(' ')
    .split(/\s+/),
);

class Walk {
  private changed = false;
  constructor(private readonly doc: Document) {}

  run(body: El): boolean {
    this.children(body);
    return this.changed;
  }

  private children(el: El): void {
    for (const c of elements(el)) this.visit(c);
  }

  private visit(el: El): void {
    const n = qname(el);
    if (LEAF.has(n)) return;
    if (READ.has(n)) return this.children(el);
    if (n === 'mc:AlternateContent') {
      const fallback = firstChild(el, 'mc:Fallback');
      if (fallback) this.children(fallback);
      return;
    }
    if (n === 'w:sdt') {
      const content = firstChild(el, 'w:sdtContent');
      if (content) this.children(content);
      return;
    }
    if (PICTURE.has(n)) {
      if (ancestor(el, 'w:tc') && drawsImage(el)) {
        this.insertMark(el);
        this.changed = true;
      }
      // A text box in a VML picture: mammoth reads it (after the paragraph).
      if (n !== 'w:drawing') this.children(el);
      else if (hasText(el)) this.markInside(el);
      return;
    }
    // A right-to-left override shows its digits reversed (1234 drawn 4321): its text is not read
    // as it is stored, and the cell is no number. A left-to-right one, and w:dir (an embedding,
    // which leaves digits in their order), are read as their runs.
    if (n === 'w:bdo' && /^rtl$/i.test(el.getAttributeNS(W, 'val') || el.getAttribute('w:val') || '')) {
      if (hasText(el)) this.mark(el);
      return;
    }
    if (UNWRAP.has(n)) return this.replace(el, elements(el));
    if (n === 'w:ruby') return this.ruby(el);
    if (n === 'm:oMathPara')
      return this.replace(
        el,
        elements(el).filter((c) => qname(c) === 'm:oMath'),
      );
    if (n === 'm:oMath') {
      const runs = plainMath(this.doc, el);
      if (runs) return this.replace(el, runs);
    }
    if (n === 'w:ptab') {
      this.changed = true;
      el.parentNode?.replaceChild(this.doc.createElementNS(W, 'w:tab'), el);
      return;
    }
    // Not read by mammoth: marked when it holds anything shown.
    if (SHOWS.has(n) || hasText(el)) this.mark(el);
  }

  /** `el` replaced by `by` (moved or new elements), which are then walked in its place. */
  private replace(el: El, by: El[]): void {
    this.changed = true;
    const parent = el.parentNode!;
    for (const c of by) parent.insertBefore(c, el);
    parent.removeChild(el);
    for (const c of by) this.visit(c);
  }

  /** A w:ruby: its base text in its place (runs of their own), the annotation left out. */
  private ruby(el: El): void {
    const base = firstChild(el, 'w:rubyBase');
    const runs = base ? elements(base) : [];
    const run = el.parentNode as El | null;
    if (!run || qname(run) !== 'w:r') return this.replace(el, runs);
    // The ruby stands inside a run: the run is split around it, its properties on both parts.
    this.changed = true;
    const parent = run.parentNode!;
    const rPr = firstChild(run, 'w:rPr');
    const before: El[] = [];
    const after: El[] = [];
    let seen = false;
    for (const c of elements(run)) {
      if (c === el) seen = true;
      else if (c !== rPr) (seen ? after : before).push(c);
    }
    const part = (kids: El[]): El | null => {
      if (!kids.length) return null;
      const r = this.doc.createElementNS(W, 'w:r');
      if (rPr) r.appendChild(rPr.cloneNode(true));
      for (const k of kids) r.appendChild(k);
      return r;
    };
    const out = [part(before), ...runs, part(after)].filter((x): x is El => x !== null);
    for (const c of out) parent.insertBefore(c, run);
    parent.removeChild(run);
    for (const c of out) this.visit(c);
  }

  /** OBJECT_MARK in place of `el`, in the form where it stands requires. */
  private mark(el: El): void {
    this.changed = true;
    const parent = el.parentNode as El;
    const at = this.markFor(el);
    if (at === 'table') {
      markCells(this.doc, ancestorOf(el, ['w:tr', 'w:tbl'])!);
      parent.removeChild(el);
    } else parent.replaceChild(this.markNode(at), el);
  }

  /** OBJECT_MARK before `el` (a picture, kept). */
  private insertMark(el: El): void {
    const at = this.markFor(el);
    if (at === 'table') markCells(this.doc, ancestorOf(el, ['w:tr', 'w:tbl'])!);
    else el.parentNode!.insertBefore(this.markNode(at), el);
  }

  /** A drawing whose text (a text box of a DrawingML shape) mammoth does not read: marked. */
  private markInside(el: El): void {
    this.insertMark(el);
    this.changed = true;
  }

  private markFor(el: El): 'text' | 'run' | 'paragraph' | 'table' {
    const parent = el.parentNode as El;
    if (qname(parent) === 'w:r') return 'text';
    if (ancestor(el, 'w:p')) return 'run';
    // Between a table's rows or a row's cells: no paragraph can stand there.
    const holder = ancestorOf(el, ['w:tc', 'w:tr', 'w:tbl']);
    if (holder && qname(holder) !== 'w:tc') return 'table';
    return 'paragraph';
  }

  private markNode(at: 'text' | 'run' | 'paragraph'): El {
    const t = this.doc.createElementNS(W, 'w:t');
    t.appendChild(this.doc.createTextNode(OBJECT_MARK));
    if (at === 'text') return t;
    const r = this.doc.createElementNS(W, 'w:r');
    r.appendChild(t);
    if (at === 'run') return r;
    const p = this.doc.createElementNS(W, 'w:p');
    p.appendChild(r);
    return p;
  }
}

/** Every cell of a row or table gets a paragraph holding OBJECT_MARK. */
function markCells(doc: Document, holder: El): void {
  for (const tc of Array.from(holder.getElementsByTagNameNS(W, 'tc'))) {
    const t = doc.createElementNS(W, 'w:t');
    t.appendChild(doc.createTextNode(OBJECT_MARK));
    const r = doc.createElementNS(W, 'w:r');
    r.appendChild(t);
    const p = doc.createElementNS(W, 'w:p');
    p.appendChild(r);
    tc.appendChild(p);
  }
}

/**
 * An equation that is a plain row of math runs (no fraction, script, radical…): its runs as
 * w:r runs of the same text (and run properties); null when it is more than that.
 */
function plainMath(doc: Document, el: El): El[] | null {
  const out: El[] = [];
  for (const c of elements(el)) {
    const n = qname(c);
    if (!MATH_PLAIN.has(n)) return null;
    if (n !== 'm:r') continue;
    let text = '';
    let rPr: El | null = null;
    for (const k of elements(c)) {
      const kn = qname(k);
      if (!MATH_RUN.has(kn)) return null;
      if (kn === 'm:t') text += k.textContent ?? '';
      else if (kn === 'w:rPr') rPr = k;
    }
    const r = doc.createElementNS(W, 'w:r');
    if (rPr) r.appendChild(rPr.cloneNode(true));
    const t = doc.createElementNS(W, 'w:t');
    t.setAttribute('xml:space', 'preserve');
    t.appendChild(doc.createTextNode(text));
    r.appendChild(t);
    out.push(r);
  }
  return out;
}

/** Whether a picture draws an image, a chart or an embedded object (not only a shape or text box). */
function drawsImage(el: El): boolean {
  for (const d of descendants(el)) {
    const n = qname(d);
    if (n === 'a:blip' || n === 'v:imagedata' || n === 'o:OLEObject' || d.localName === 'chart') return true;
    if (
      n === 'a:graphicData' &&
      !/wordprocessingShape|wordprocessingGroup|wordprocessingCanvas/.test(d.getAttribute('uri') ?? '')
    )
      return true;
  }
  return false;
}

/** Whether an element holds shown text: a w:t or m:t, a symbol, or text of an element not known. */
function hasText(el: El): boolean {
  for (const d of descendants(el)) {
    const n = qname(d);
    if (n === 'w:t' || n === 'm:t' || n === 'w:sym' || SHOWS.has(n)) {
      if (n !== 'w:t' && n !== 'm:t') return true;
      if ((d.textContent ?? '').trim() && !deleted(d, el)) return true;
    }
  }
  return false;
}

/** Whether `d` stands in deleted text (below `top`). */
function deleted(d: El, top: El): boolean {
  for (let p = d.parentNode as El | null; p && p !== top; p = p.parentNode as El | null) {
    const n = qname(p);
    if (n === 'w:del' || n === 'w:moveFrom' || n === 'w:rPrChange' || n === 'w:pPrChange') return true;
  }
  return false;
}

/** References to relationships the part does not have, taken away; whether any was. */
function dropDangling(root: El, relIds: ReadonlySet<string>): boolean {
  let changed = false;
  for (const el of [root, ...descendants(root)]) {
    for (const a of Array.from(el.attributes)) {
      if (PREFIX[a.namespaceURI ?? ''] !== 'r' || relIds.has(a.value)) continue;
      el.removeAttributeNode(a);
      changed = true;
    }
  }
  return changed;
}

/** The ids of a relationships part's relationships. */
export function relationshipIds(rels: string | undefined): Set<string> {
  const out = new Set<string>();
  for (const m of (rels ?? '').matchAll(/<(?:\w+:)?Relationship\b[^>]*?\sId="([^"]*)"/g)) out.add(m[1]!);
  return out;
}

function qname(el: El): string {
  const p = PREFIX[el.namespaceURI ?? ''];
  return p ? `${p}:${el.localName}` : `{${el.namespaceURI ?? ''}}${el.localName}`;
}

function elements(el: El): El[] {
  const out: El[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1) out.push(c as El);
  return out;
}

function descendants(el: El): El[] {
  return Array.from(el.getElementsByTagName('*'));
}

function firstChild(el: El, name: string): El | null {
  for (let c = el.firstChild; c; c = c.nextSibling) if (c.nodeType === 1 && qname(c as El) === name) return c as El;
  return null;
}

function ancestor(el: El, name: string): El | null {
  return ancestorOf(el, [name]);
}

function ancestorOf(el: El, names: string[]): El | null {
  for (let p = el.parentNode; p && p.nodeType === 1; p = p.parentNode)
    if (names.includes(qname(p as El))) return p as El;
  return null;
}
