import BufferReader from 'word-extractor/lib/buffer-reader.js';
import WordOleExtractor, { type Piece } from 'word-extractor/lib/word-ole-extractor.js';
import { UNSURE_MARK } from './shown.ts';
import { BLACK, inkOfColour, inkOfSize, mix, WHITE, worse, type Ink, type Rgba } from './ink.ts';

/**
 * The text of a Word 97–2003 file as the document shows it. word-extractor reads the text of
 * every run; its only look at character properties is for tracked deletions, and that look
 * matches a property by the low five bits of its code (so character spacing, sprmCDxaSpace
 * 0x8840, of an odd number of twips deleted text too). Its character-property pass is replaced
 * here by one that matches whole property codes, and its paragraph pass gets a second look:
 *
 * - deleted (sprmCFRMarkDel), hidden (sprmCFVanish, sprmCFSpecVanish, sprmCFWebHidden) and struck
 *   (sprmCFStrike, sprmCFDStrike) runs are left out, as in a .docx (docx-hidden.ts) and a web page
 *   (shown.ts) — hidden and struck runs keep their cell and paragraph marks;
 * - a run whose property refers to its style (toggle operands 0x80 / 0x81), or whose character
 *   or paragraph style may hide or strike text (the stylesheet, STSH, says so), is kept behind
 *   UNSURE_MARK: its characters are replaced by the mark, so no cell holding it reads as a number;
 * - a run set off the baseline — superscript or subscript (sprmCIss) or raised or lowered
 *   (sprmCHpsPos), directly or by its character or paragraph style — is a mark, like <sup> in
 *   HTML: its digits come out behind `^` (`36^1`), so a number with a footnote mark is no number
 *   (never 361). The pieces keep their lengths, so the digits are first set as private-use
 *   characters (RAISED_DIGIT) and turned into `^` and the digits in the body's text;
 * - a run drawn so that no reader sees it (ink.ts) — its colour (sprmCCv, else sprmCIco) over its
 *   highlight or shading (sprmCHighlight, sprmCShd, sprmCShd80) or the white page, its size
 *   (sprmCHps) — is hidden; maybe not seen: unsure; a style that sets such a colour or size is
 *   a style that may hide text. Paragraph and cell shading are not read;
 * - paragraph marks and line breaks inside a table cell become spaces: the cell's text stays on
 *   its row's line, two paragraphs "3" and "1" read "3 1" (as <p>3</p><p>1</p> does in HTML).
 */
const DEL = 0x0800;
/** Toggle properties: operand 0 off, 1 on, 0x80 as the style, 0x81 the style's opposite. */
const TOGGLES = new Set([0x083c /* vanish */, 0x0837 /* strike */]);
/** Boolean properties: operand 0 off, 1 on. */
const BOOLS = new Set([0x0818 /* specVanish */, 0x2a53 /* dstrike */]);
/** webHidden: hidden in Web Layout only, printed: its text is unsure (docx-hidden.ts, ONE_VIEW). */
const WEB_HIDDEN = 0x0811;
const ISTD = 0x4a30; // sprmCIstd: the run's character style
const ISS = 0x2a48; // sprmCIss: 0 normal, 1 superscript, 2 subscript
const HPS_POS = 0x4845; // sprmCHpsPos: raised (lowered) by half-points
/** A raised digit d is written as U+E000 + d while the pieces must keep their lengths. */
const RAISED_DIGIT = 0xe000;
const NO_STYLE = 0x0fff;
const ICO = 0x2a42; // sprmCIco: a colour of the 16-colour palette (0 auto)
const CV = 0x6870; // sprmCCv: COLORREF r, g, b, fAuto
const HPS = 0x4a43; // sprmCHps: size in half-points
const HIGHLIGHT = 0x2a0c; // sprmCHighlight: an Ico, 0 none
const SHD80 = 0x4866; // sprmCShd80: icoFore, icoBack, ipat (5, 5, 6 bits)
const SHD = 0xca71; // sprmCShd: size byte, cvFore, cvBack, ipat
/** The Ico palette ([MS-DOC] 2.9.119), 0 auto. */
const ICO_RGB = [
  null,
  0x000000,
  0x0000ff,
  0x00ffff,
  0x00ff00,
  0xff00ff,
  0xff0000,
  0xffff00,
  0xffffff,
  0x000080,
  0x008080,
  0x008000,
  0x800080,
  0x800000,
  0x808000,
  0x808080,
  0xc0c0c0,
];
const rgb = (n: number): Rgba => ({ r: n >> 16, g: (n >> 8) & 255, b: n & 255, a: 1 });
/** An Ico: undefined for auto (or none), null when out of the palette. */
function ico(i: number): Rgba | null | undefined {
  if (i === 0) return undefined;
  const v = ICO_RGB[i];
  return v === undefined || v === null ? null : rgb(v);
}
/** A COLORREF at `at`: undefined for auto (fAuto 0xFF). */
function colorRef(b: Buffer, at: number): Rgba | undefined {
  if (at + 4 > b.length || b[at + 3] === 0xff) return undefined;
  return { r: b[at]!, g: b[at + 1]!, b: b[at + 2]!, a: 1 };
}
/** A shading: undefined when it paints nothing, null when its pattern is not worked out. */
function shadingOf(
  fore: Rgba | undefined | null,
  back: Rgba | undefined | null,
  ipat: number,
): Rgba | null | undefined {
  if (ipat === 0) return back;
  if (ipat === 1) return fore === undefined ? BLACK : fore;
  // ipat 2–13: 5 % to 90 % of the foreground over the background.
  const pct = [0, 0, 5, 10, 20, 25, 30, 40, 50, 60, 70, 75, 80, 90][ipat];
  if (pct !== undefined && fore !== null && back !== null) return mix(fore ?? BLACK, back ?? WHITE, pct / 100);
  return null;
}

/** Whether a run's text is seen (ink.ts), by the properties it sets itself. */
export function runInk(grpprl: Buffer): Ink {
  let colour: Rgba | null | undefined;
  let cv: Rgba | null | undefined;
  let bg: Rgba | null | undefined;
  let hl: Rgba | null | undefined;
  let size: Ink = 'shown';
  forSprms(grpprl, (sprm, at) => {
    if (sprm === ICO) colour = ico(grpprl[at] ?? 0);
    else if (sprm === CV) cv = colorRef(grpprl, at);
    else if (sprm === HPS && at + 2 <= grpprl.length) size = inkOfSize(grpprl.readUInt16LE(at) / 2);
    else if (sprm === HIGHLIGHT) hl = ico(grpprl[at] ?? 0);
    else if (sprm === SHD80 && at + 2 <= grpprl.length) {
      const v = grpprl.readUInt16LE(at);
      bg = shadingOf(ico(v & 0x1f), ico((v >> 5) & 0x1f), v >> 10);
    } else if (sprm === SHD && at + 11 <= grpprl.length)
      bg = shadingOf(colorRef(grpprl, at + 1), colorRef(grpprl, at + 5), grpprl.readUInt16LE(at + 9));
  });
  const fg = cv !== undefined ? cv : colour;
  if (fg === undefined) return size;
  const under = hl !== undefined ? hl : bg !== undefined ? bg : WHITE;
  return worse(inkOfColour(fg, under), size);
}

/** The text of a .doc as word-extractor gives it, with hidden, struck and deleted runs left out. */
export async function extractDocBody(bytes: Uint8Array): Promise<string> {
  const reader = new BufferReader(Buffer.from(bytes));
  await reader.open();
  try {
    const doc = await new ShownExtractor().extract(reader);
    return raisedMarks(doc.getBody());
  } finally {
    await reader.close();
  }
}

/** Raised digits (private-use characters from fillRaised) → `^` and the digits. */
export function raisedMarks(text: string): string {
  return text.replace(
    /[\ue000-\ue009]+/g,
    (m) => '^' + Array.from(m, (c) => String.fromCharCode(c.charCodeAt(0) - RAISED_DIGIT + 0x30)).join(''),
  );
}

/**
 * Word's non-breaking hyphen (0x1E) is a hyphen as shown (before digits a minus sign, as
 * <w:noBreakHyphen/> in a .docx); its optional hyphen (0x1F) shows nothing on a line it does not
 * end. word-extractor's clean-up keeps the first as a control character (`\x1e3` is no number) and
 * writes the second from a missing entry of its replacement table: `undefined`. `\x00` is what
 * the clean-up removes; each character stays one character, as the pieces need.
 */
export function wordHyphens(text: string): string {
  return text.replace(/\x1e/g, '\u2011').replace(/\x1f/g, '\x00');
}

class ShownExtractor extends WordOleExtractor {
  private styles: StyleHiding | null = null;

  override buildDocument(): ReturnType<WordOleExtractor['buildDocument']> {
    for (const p of this._pieces) p.text = wordHyphens(p.text);
    return super.buildDocument();
  }

  override writeCharacterProperties(buffer: Buffer, table: Buffer): void {
    this.styles = styleHiding(buffer, table);
    for (const run of fkpRuns(buffer, table, 0x00fa, chpxOf)) {
      const v = runVerdict(run.grpprl, this.styles);
      // Deleted text goes with its marks (a deleted row is gone), as word-extractor does; hidden
      // text leaves its cell and paragraph marks (the cell is still drawn).
      if (v === 'deleted') fill(this._pieces, run.from, run.to, '\x00', false);
      else if (v === 'hidden') fill(this._pieces, run.from, run.to, '\x00');
      else if (v === 'unsure') fill(this._pieces, run.from, run.to, UNSURE_MARK);
      else if (runRaised(run.grpprl, this.styles)) fillRaised(this._pieces, run.from, run.to);
    }
  }

  override writeParagraphProperties(buffer: Buffer, table: Buffer): void {
    super.writeParagraphProperties(buffer, table);
    const styles = this.styles;
    for (const run of fkpRuns(buffer, table, 0x0102, papxOf)) {
      // A paragraph style that may hide or strike text: the paragraph's text is unsure (its runs
      // may set the property back; which wins, the style or the run, is not worked out here).
      if (styles && styles.hiding.size > 0 && run.grpprl.length >= 2 && styles.hiding.has(run.grpprl.readUInt16LE(0)))
        fill(this._pieces, run.from, run.to, UNSURE_MARK);
      // A paragraph style that raises text: its digits are marks (its runs may set the property
      // back; a mark is the side that never publishes a wrong number).
      else if (styles?.raising?.size && run.grpprl.length >= 2 && styles.raising.has(run.grpprl.readUInt16LE(0)))
        fillRaised(this._pieces, run.from, run.to);
      // Paragraphs and line breaks inside a table cell keep their text apart on the cell's line:
      // a cell of two paragraphs "3" and "1" is "3 1", never a row "…3" and a stray line "1".
      if (inCell(run.grpprl)) fill(this._pieces, run.from, run.to, ' ', true, BREAKS);
    }
  }
}

/** Paragraph marks and manual line breaks. */
const BREAKS = /[\r\x0b]/;

/** A paragraph inside a table cell (sprmPFInTable, or a nesting level sprmPItap), not a row's end mark. */
export function inCell(papx: Buffer): boolean {
  let inTable = false;
  let rowEnd = false;
  const grpprl = papx.subarray(2); // after the style index
  forSprms(grpprl, (sprm, at) => {
    if (sprm === 0x2416 && grpprl[at] === 1) inTable = true;
    else if (sprm === 0x6649 && at + 4 <= grpprl.length && grpprl.readInt32LE(at) > 0) inTable = true;
    else if ((sprm === 0x2417 || sprm === 0x244c) && grpprl[at] === 1) rowEnd = true;
  });
  return inTable && !rowEnd;
}

export type RunVerdict = 'shown' | 'deleted' | 'hidden' | 'unsure';

/** One run's character properties (a grpprl) → what becomes of its text. */
export function runVerdict(grpprl: Buffer, styles: StyleHiding): RunVerdict {
  let verdict: RunVerdict = 'shown';
  let istd: number | null = null;
  forSprms(grpprl, (sprm, at) => {
    const op = grpprl[at] ?? 0;
    if (sprm === DEL && op & 1) verdict = 'deleted';
    else if (sprm === ISTD) istd = grpprl.readUInt16LE(at);
    else if (sprm === WEB_HIDDEN) {
      if (op !== 0 && verdict === 'shown') verdict = 'unsure';
    } else if (TOGGLES.has(sprm) || BOOLS.has(sprm)) {
      if (verdict === 'deleted' || verdict === 'hidden') return;
      if (op === 1) verdict = 'hidden';
      else if (op === 0x81 || op === 0x80) {
        // As the style says, or its opposite: sure only when no style hides anything.
        if (!styles.known || styles.hiding.size > 0) verdict = 'unsure';
        else if (op === 0x81) verdict = 'hidden';
      }
    }
  });
  // A character style that may hide or strike: unsure, whatever the run sets itself (a style
  // may set another property than the run sets off).
  if (verdict === 'shown' && istd !== null && (!styles.known || styles.hiding.has(istd))) return 'unsure';
  // Drawn so that no reader sees it (white on white, 1pt): hidden; maybe: unsure.
  if (verdict === 'shown') {
    const ink = runInk(grpprl);
    if (ink !== 'shown') return ink;
  }
  return verdict;
}

/**
 * Whether a run is set off the baseline: superscript or subscript (sprmCIss 1, 2) or a non-zero
 * position (sprmCHpsPos), set in the run or else by its character style.
 */
export function runRaised(grpprl: Buffer, styles: StyleHiding | null): boolean {
  let iss: number | null = null;
  let pos: number | null = null;
  let istd: number | null = null;
  forSprms(grpprl, (sprm, at) => {
    if (sprm === ISS) iss = grpprl[at] ?? 0;
    else if (sprm === HPS_POS && at + 2 <= grpprl.length) pos = grpprl.readInt16LE(at);
    else if (sprm === ISTD && at + 2 <= grpprl.length) istd = grpprl.readUInt16LE(at);
  });
  if (iss !== null && iss !== 0) return true;
  if (pos !== null && pos !== 0) return true;
  // Set back to the baseline in the run itself: the style's value does not count.
  if (iss !== null && pos !== null) return false;
  return istd !== null && (styles?.raising?.has(istd) ?? false);
}

/** The styles that may hide or strike text (with what they are based on); `known`: STSH was read. */
export interface StyleHiding {
  known: boolean;
  hiding: Set<number>;
  /** The styles that set text off the baseline (sprmCIss, sprmCHpsPos), themselves or by their base. */
  raising?: Set<number>;
}

/**
 * The stylesheet (STSH, [MS-DOC] 2.9.271): which styles set a hiding property on, themselves or
 * by the style they are based on. An unreadable stylesheet is `known: false`: every run that
 * refers to a style is then unsure.
 */
export function styleHiding(fib: Buffer, table: Buffer): StyleHiding {
  try {
    const fc = fib.readUInt32LE(0x00a2);
    const lcb = fib.readUInt32LE(0x00a6);
    if (lcb < 4) return { known: true, hiding: new Set() };
    const stsh = table.subarray(fc, fc + lcb);
    const cbStshi = stsh.readUInt16LE(0);
    const cstd = stsh.readUInt16LE(2);
    const cbBase = stsh.readUInt16LE(4);
    const own = new Map<number, boolean | null>();
    const ownRaise = new Map<number, boolean | null>();
    const base = new Map<number, number>();
    let off = 2 + cbStshi;
    for (let istd = 0; istd < cstd && off + 2 <= stsh.length; istd++) {
      const cbStd = stsh.readUInt16LE(off);
      const std = stsh.subarray(off + 2, off + 2 + cbStd);
      off += 2 + cbStd;
      if (cbStd === 0) continue;
      const stk = std.readUInt16LE(2) & 0x0f;
      base.set(istd, std.readUInt16LE(2) >> 4);
      const cupx = std.readUInt16LE(4) & 0x0f;
      const cch = std.readUInt16LE(cbBase);
      let at = cbBase + 2 + cch * 2 + 2;
      // The character properties are the last UPX of a paragraph (2), character (1) or table
      // (3) style; numbering styles have none.
      const chpxIndex = stk === 1 ? 1 : stk === 2 ? 0 : stk === 3 ? 2 : -1;
      for (let k = 0; k < cupx && at + 2 <= std.length; k++) {
        const cb = std.readUInt16LE(at);
        if (k === chpxIndex) {
          own.set(istd, styleSets(std.subarray(at + 2, at + 2 + cb)));
          ownRaise.set(istd, styleRaises(std.subarray(at + 2, at + 2 + cb)));
        }
        at += 2 + cb + (cb % 2);
      }
    }
    return { known: true, hiding: byChain(base, own), raising: byChain(base, ownRaise) };
  } catch {
    return { known: false, hiding: new Set() };
  }
}

/** The styles for which the first style up their basedOn chain that says anything says true. */
function byChain(base: Map<number, number>, own: Map<number, boolean | null>): Set<number> {
  const out = new Set<number>();
  for (const istd of base.keys()) {
    const seen = new Set<number>();
    for (let s: number | undefined = istd; s !== undefined && s !== NO_STYLE && !seen.has(s); s = base.get(s)) {
      seen.add(s);
      const v = own.get(s);
      if (v === true) out.add(istd);
      if (v !== null && v !== undefined) break;
    }
  }
  return out;
}

/** A style's own character properties: true when they set text off the baseline, false when back on it, null when they say nothing. */
function styleRaises(grpprl: Buffer): boolean | null {
  let v: boolean | null = null;
  forSprms(grpprl, (sprm, at) => {
    if (sprm === ISS) v = v === true || (grpprl[at] ?? 0) !== 0;
    else if (sprm === HPS_POS && at + 2 <= grpprl.length) v = v === true || grpprl.readInt16LE(at) !== 0;
  });
  return v;
}

/**
 * A style's own character properties: true when one may hide or strike (or draw text so that it
 * may not be seen: runInk), false when all set off, null when none set.
 */
function styleSets(grpprl: Buffer): boolean | null {
  let v: boolean | null = runInk(grpprl) !== 'shown' ? true : null;
  forSprms(grpprl, (sprm, at) => {
    if (!TOGGLES.has(sprm) && !BOOLS.has(sprm) && sprm !== WEB_HIDDEN) return;
    if ((grpprl[at] ?? 0) !== 0) v = true;
    else v ??= false;
  });
  return v;
}

/** Each property (sprm) of a grpprl with the offset of its operand. */
function forSprms(grpprl: Buffer, each: (sprm: number, at: number) => void): void {
  let at = 0;
  while (at + 2 <= grpprl.length) {
    const sprm = grpprl.readUInt16LE(at);
    at += 2;
    each(sprm, at);
    const spra = sprm >> 13;
    at += spra === 6 ? (grpprl[at] ?? 0) + 1 : ([1, 1, 2, 4, 2, 2, 0, 3][spra] ?? 1);
  }
}

interface FkpRun {
  from: number;
  to: number;
  grpprl: Buffer;
}

/**
 * The runs of the character (PlcBteChpx at FIB 0x00FA) or paragraph (PlcBtePapx, 0x0102)
 * formatting: file-position ranges and their property bytes, read from the 512-byte FKPs.
 */
function fkpRuns(
  fib: Buffer,
  table: Buffer,
  at: number,
  props: (fkp: Buffer, crun: number, j: number) => Buffer | null,
): FkpRun[] {
  const fc = fib.readUInt32LE(at);
  const lcb = fib.readUInt32LE(at + 4);
  const count = (lcb - 4) / 8;
  const plc = table.subarray(fc, fc + lcb);
  const out: FkpRun[] = [];
  for (let i = 0; i < count; i++) {
    const page = plc.readUInt32LE((count + 1) * 4 + i * 4);
    const fkp = fib.subarray(page * 512, page * 512 + 512);
    if (fkp.length < 512) continue;
    const crun = fkp.readUInt8(511);
    for (let j = 0; j < crun; j++) {
      const grpprl = props(fkp, crun, j);
      if (grpprl) out.push({ from: fkp.readUInt32LE(j * 4), to: fkp.readUInt32LE((j + 1) * 4), grpprl });
    }
  }
  return out;
}

/** ChpxFkp: a byte offset (in words) per run to its Chpx (cb, grpprl); 0 means no properties. */
function chpxOf(fkp: Buffer, crun: number, j: number): Buffer | null {
  const rgb = fkp.readUInt8((crun + 1) * 4 + j);
  if (rgb === 0) return null;
  return fkp.subarray(rgb * 2 + 1, rgb * 2 + 1 + fkp.readUInt8(rgb * 2));
}

/** PapxFkp: a BxPap (13 bytes) per run, whose first byte locates its PapxInFkp (istd, grpprl). */
function papxOf(fkp: Buffer, crun: number, j: number): Buffer | null {
  const bx = fkp.readUInt8((crun + 1) * 4 + j * 13) * 2;
  if (bx === 0) return null;
  const cb = fkp.readUInt8(bx);
  return cb !== 0 ? fkp.subarray(bx + 1, bx + 2 * cb) : fkp.subarray(bx + 2, bx + 2 + 2 * fkp.readUInt8(bx + 1));
}

/** The digits at file positions [from, to) as raised digits (RAISED_DIGIT), the rest as it is. */
function fillRaised(pieces: Piece[], from: number, to: number): void {
  for (const p of pieces) {
    const start = Math.max(from, p.startFilePos);
    const end = Math.min(to, p.startFilePos + p.size);
    if (start >= end) continue;
    const a = Math.floor((start - p.startFilePos) / p.bpc);
    const b = Math.min(Math.ceil((end - p.startFilePos) / p.bpc), p.text.length);
    const mid = p.text
      .slice(a, b)
      .replace(/[0-9０-９]/g, (d) =>
        String.fromCharCode(
          RAISED_DIGIT + (d.charCodeAt(0) >= 0xff10 ? d.charCodeAt(0) - 0xff10 : d.charCodeAt(0) - 0x30),
        ),
      );
    p.text = p.text.slice(0, a) + mid + p.text.slice(b);
  }
}

/**
 * Overwrites the characters at file positions [from, to) with `c` — only those `only` matches,
 * or else all but control characters (cell, row and paragraph marks, field marks) unless
 * `keepMarks` is false — so that the table's structure stays. `\x00` is
 * removed by word-extractor's clean-up; the pieces keep their lengths, as it needs.
 */
function fill(
  pieces: Piece[],
  from: number,
  to: number,
  c: string,
  keepMarks = true,
  only: RegExp | null = null,
): void {
  for (const p of pieces) {
    const start = Math.max(from, p.startFilePos);
    const end = Math.min(to, p.startFilePos + p.size);
    if (start >= end) continue;
    const a = Math.floor((start - p.startFilePos) / p.bpc);
    const b = Math.ceil((end - p.startFilePos) / p.bpc);
    let text = p.text.slice(0, a);
    for (let k = a; k < b && k < p.text.length; k++) {
      const ch = p.text[k]!;
      const keep = only ? !only.test(ch) : keepMarks && ch.charCodeAt(0) < 0x20;
      text += keep ? ch : c;
    }
    p.text = text + p.text.slice(b);
  }
}
