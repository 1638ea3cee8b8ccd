import iconv from 'iconv-lite';
import { spansAsOne } from './lines.ts';
import {
  addStyle,
  charProp,
  inkAs,
  inkProp,
  type InkProps,
  newStyle,
  raisedAs,
  raisedText,
  shownAs,
  type CharProps,
  type StyleDef,
  type Styles,
} from './rtf-props.ts';
import type { Rgba } from './ink.ts';
import { OBJECT_MARK, UNSURE_MARK } from './shown.ts';

/**
 * RTF → text in the form the .doc path reads: one line per paragraph, one line per table row
 * with its cells separated by tabs (\cell ends a cell, \row a row). A merged cell's continuation
 * (\clvmrg) is an empty cell, as word-extractor gives it for a .doc. Paragraph marks inside a
 * cell become spaces, so a cell's text stays on its row's line (doc-text.ts does the same).
 * A cell merged over the next ones by the old horizontal merge (\clmgf, then \clmrg cells) is
 * reported in `spans`, so that the table reader treats it as it treats an HTML colspan.
 *
 * Character formatting that changes what a reader sees — hidden, struck, deleted and raised
 * text, set directly or by a character or paragraph style — follows the other readers' rule
 * (rtf-props.ts): hidden, struck and deleted text is left out, a raised digit is a mark (`^1`).
 *
 * No npm RTF reader was sound for this: rtf-parser and @iarna/rtf-to-html drop table structure,
 * rtf.js needs a DOM, and rtf-stream-parser only de-encapsulates Outlook's HTML and text. The
 * reader here is small and knows only what a report needs: text, its code page (\ansicpg, a
 * font's \fcharset, \uN with its \uc fallback), the table marks and the character properties
 * above (with the stylesheet's styles for them). Everything else in a destination
 * that is not body text (font and colour tables, styles, pictures, field instructions, headers,
 * footnotes, anything behind \*) is skipped; a field's shown result (\fldrslt) is kept.
 */

/** Destinations whose text is not the document's body text. */
const SKIP = new Set([
  'fonttbl',
  'colortbl',
  'stylesheet',
  'info',
  'pict',
  'object',
  'objdata',
  'fldinst',
  'header',
  'headerl',
  'headerr',
  'headerf',
  'footer',
  'footerl',
  'footerr',
  'footerf',
  'footnote',
  'annotation',
  'atnid',
  'atnauthor',
  'listtable',
  'listoverridetable',
  'revtbl',
  'rsidtbl',
  'xmlnstbl',
  'generator',
  'themedata',
  'colorschememapping',
  'datastore',
  'latentstyles',
  'shp',
  'shpinst',
  'nonshppict',
  'shppict',
  'bkmkstart',
  'bkmkend',
  'pgdsctbl',
  'filetbl',
  'template',
  'userprops',
  'docvar',
  // An index entry's and a table-of-contents entry's text (XE and TC fields): never shown where
  // it stands (5{\xe 3} shows 5).
  'xe',
  'tc',
  'tcn',
  // A drawing object (its text box's text is not the cell's).
  'do',
  'shpgrp',
]);

/**
 * Destinations that show something in the body that this reader does not read as text: a
 * picture (its \bin or hex data), an embedded object (its \result too), a shape or drawing with
 * its text box. In a table cell, OBJECT_MARK stands in their place, so the cell is never a number
 * (a picture of a 2 before the text 5 shows 25: not 5), as an <img> in an HTML cell and a picture
 * in a .docx cell are. Outside tables they are skipped as before.
 */
const SHOWN_OBJECT = new Set(['pict', 'object', 'shp', 'shpgrp', 'shppict', 'nonshppict', 'do']);

/** \fcharset → code page (GB2312, Big5 and the others an agency's file may use). */
const CHARSET_CPG: Record<number, string> = {
  0: 'cp1252',
  128: 'shift_jis',
  129: 'cp949',
  134: 'gbk',
  136: 'big5',
  161: 'cp1253',
  162: 'cp1254',
  177: 'cp1255',
  178: 'cp1256',
  186: 'cp1257',
  204: 'cp1251',
  238: 'cp1250',
};

interface Group {
  skip: boolean;
  uc: number;
  font: number | null;
  /** Inside the font table: the font being defined. */
  fontDef: boolean;
  /** Direct character properties, the character style (\cs) and paragraph style (\s). */
  props: CharProps;
  /** Direct colour, size and shading (rtf-props.ts inkAs). */
  ink: InkProps;
  /** The paragraph's shading (\cbpat, a colour table index). */
  pbg: number | null;
  /** Inside the colour table. */
  colorDef: boolean;
  cs: number | null;
  ps: number;
  /** The stylesheet's own group: each group directly inside it defines a style. */
  sheet: boolean;
  /** The style this group defines (a group directly inside the stylesheet). */
  style: StyleDef | null;
}

/** A table row (a line of `text`) with the cells (0-based) covered by a merged cell before them. */
export interface RowSpan {
  line: number;
  /** Cells covered by a number merged over them from the left (\clmgf/\clmrg). */
  cells: number[];
  /** Cells holding a number merged down over the rows below (\clvmgf). */
  spansRows?: number[];
  /** Cells covered by such a number from a row above (\clvmrg), with its text. */
  above?: Array<{ cell: number; raw: string }>;
}

export interface RtfText {
  text: string;
  /** Characters in a code page iconv-lite does not know (read as U+FFFD). */
  unknownCodePage: boolean;
  /** Rows with horizontally merged cells (\clmgf/\clmrg) whose first cell holds no label. */
  spans: RowSpan[];
}

/** A cell definition's old-style horizontal merge: the first cell, a continuation, or none. */
type Merge = 'first' | 'next' | null;

export function rtfToText(bytes: Uint8Array): RtfText {
  const src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const fontCpg = new Map<number, string>();
  let ansiCpg = 'cp1252';
  let unknownCodePage = false;
  const stack: Group[] = [];
  let g: Group = {
    skip: false,
    uc: 1,
    font: null,
    fontDef: false,
    props: {},
    ink: {},
    pbg: null,
    colorDef: false,
    cs: null,
    ps: 0,
    sheet: false,
    style: null,
  };
  const styles: Styles = new Map();
  // The current row's cell definitions (\cellx) and their merges; the rows with spans.
  let merges: Merge[] = [];
  let nextMerge: Merge = null;
  // Vertical merges (\clvmgf first, \clvmrg below) per cell, and the number each column's
  // open merge holds: a number merged over rows is no one row's (html.ts marks a rowspan so).
  let vmerges: Merge[] = [];
  let nextV: Merge = null;
  const vOpen = new Map<number, string>();
  const spans: RowSpan[] = [];
  // The text just written was unsure (its mark is written) or a raised digit (its ^ is written).
  let unsureRun = false;
  let raisedDigit = false;
  let definingFont: number | null = null;
  let skipChars = 0;
  // The colour table (index 0 is auto), the entry being read; the row's cell shadings.
  const colours: Array<Rgba | null> = [];
  let colour: { r?: number; g?: number; b?: number } = {};
  let cellBg: Array<number | null> = [];
  let nextCellBg: number | null = null;
  let pending: number[] = [];
  let para = '';
  let cells: string[] = [];
  let inTable = false;
  const out: string[] = [];

  const cpg = (): string => (g.font !== null ? fontCpg.get(g.font) : undefined) ?? ansiCpg;
  const flushBytes = () => {
    if (!pending.length) return;
    const enc = cpg();
    if (!iconv.encodingExists(enc)) unknownCodePage = true;
    const s = iconv.encodingExists(enc) ? iconv.decode(Buffer.from(pending), enc) : '\uFFFD';
    pending = [];
    emit(s);
  };
  const emit = (s: string) => {
    if (g.skip || !s) return;
    let shown = shownAs(g, styles);
    // Drawn so that no reader sees it (white on white, 1pt): as hidden; maybe not: unsure.
    if (shown !== 'hidden') {
      const ink = inkAs(g, styles, colours, g.pbg || (inTable ? (cellBg[cells.length] ?? null) : null));
      if (ink === 'hidden' || (ink === 'unsure' && /\S/.test(s))) shown = ink;
    }
    if (shown === 'hidden') return;
    if (shown === 'unsure' && !unsureRun) para += UNSURE_MARK;
    unsureRun = shown === 'unsure';
    const raised = raisedAs(g, styles);
    para += raised ? raisedText(s, raisedDigit) : s;
    raisedDigit = raised && /[0-9０-９]$/.test(s);
  };
  /** A cell or paragraph ends: the next text starts its own runs. */
  const newRun = () => {
    unsureRun = false;
    raisedDigit = false;
  };
  const endParagraph = () => {
    flushBytes();
    newRun();
    if (inTable) para += ' ';
    else {
      out.push(para);
      para = '';
    }
  };
  const endCell = () => {
    flushBytes();
    newRun();
    cells.push(para.replace(/\s+/g, ' ').trim());
    para = '';
  };
  const endRow = () => {
    flushBytes();
    newRun();
    if (para.trim()) cells.push(para.trim());
    para = '';
    const spanned = spannedCells(cells, merges);
    const spansRows: number[] = [];
    const above: Array<{ cell: number; raw: string }> = [];
    cells.forEach((text, k) => {
      const open = vOpen.get(k);
      if (vmerges[k] === 'next' && open !== undefined) above.push({ cell: k, raw: open });
      else vOpen.delete(k);
      if (vmerges[k] === 'first' && /\d/.test(text) && !spansAsOne(text)) {
        spansRows.push(k);
        vOpen.set(k, text);
      }
    });
    if (spanned.length || spansRows.length || above.length)
      spans.push({
        line: out.length,
        cells: spanned,
        ...(spansRows.length ? { spansRows } : {}),
        ...(above.length ? { above } : {}),
      });
    out.push(cells.join('\t'));
    cells = [];
  };

  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '{') {
      flushBytes();
      stack.push(g);
      g = {
        ...g,
        fontDef: false,
        props: { ...g.props },
        ink: { ...g.ink },
        sheet: false,
        style: g.sheet ? newStyle() : null,
      };
      i++;
      // An ignorable destination: {\* …}.
      if (src.startsWith('\\*', i)) g.skip = true;
      continue;
    }
    if (c === '}') {
      flushBytes();
      if (g.fontDef) definingFont = null;
      if (g.style) addStyle(styles, g.style);
      g = stack.pop() ?? g;
      skipChars = 0;
      i++;
      continue;
    }
    if (c === '\\') {
      const m = /^\\(?:([a-zA-Z]+)(-?\d+)? ?|'([0-9a-fA-F]{2})|(.))/s.exec(src.slice(i, i + 40));
      if (!m) {
        i++;
        continue;
      }
      i += m[0].length;
      if (m[3] !== undefined) {
        if (skipChars > 0) skipChars--;
        else pending.push(parseInt(m[3], 16));
        continue;
      }
      flushBytes();
      if (m[4] !== undefined) {
        if (m[4] === '\n' || m[4] === '\r') {
          if (!g.skip) endParagraph();
        } else if (m[4] === '~') emit('\u00a0');
        // A non-breaking hyphen (shown as a hyphen: before digits, a minus sign, as Word's
        // <w:noBreakHyphen/> in a .docx); an optional hyphen shows nothing on a line it does not end.
        else if (m[4] === '_') emit('\u2011');
        else if ('\\{}'.includes(m[4])) emit(m[4]);
        continue;
      }
      const word = m[1]!;
      const n = m[2] === undefined ? null : Number(m[2]);
      if (SKIP.has(word)) {
        // Shown in the body (its group directly in an unskipped one, `{\*\shppict` too): marked.
        if (SHOWN_OBJECT.has(word) && inTable && !stack[stack.length - 1]?.skip && !para.endsWith(OBJECT_MARK))
          para += OBJECT_MARK;
        g.skip = true;
        if (word === 'fonttbl') g.fontDef = true;
        if (word === 'stylesheet') g.sheet = true;
        if (word === 'colortbl') g.colorDef = true;
        continue;
      }
      const prop = charProp(word, n);
      if (prop) {
        (g.style ? g.style.props : g.props)[prop[0]] = prop[1];
        continue;
      }
      const ink = inkProp(word, n);
      if (ink) {
        (g.style ? (g.style.ink ??= {}) : g.ink)[ink[0]] = ink[1];
        continue;
      }
      if (g.colorDef && (word === 'red' || word === 'green' || word === 'blue')) {
        colour[word === 'red' ? 'r' : word === 'green' ? 'g' : 'b'] = n ?? 0;
        continue;
      }
      switch (word) {
        case 'plain':
          // Character formatting back to the defaults: no direct property, no character style.
          if (g.style) {
            g.style.props = {};
            g.style.ink = {};
          } else {
            g.props = {};
            g.ink = {};
            g.cs = null;
          }
          break;
        case 'cs':
          if (g.style) Object.assign(g.style, { kind: 'char', num: n ?? 0 });
          else g.cs = n;
          break;
        case 's':
          if (g.style) Object.assign(g.style, { kind: 'para', num: n ?? 0 });
          else g.ps = n ?? 0;
          break;
        case 'ds':
        case 'ts':
          if (g.style) g.style.kind = 'other';
          break;
        case 'sbasedon':
          if (g.style) g.style.basedOn = n;
          break;
        case 'chftn':
          // An automatic footnote number (its reference mark): a mark, never a digit.
          emit('^');
          break;
        case 'bin':
          // \binN: N bytes of binary data (a picture's) follow, which may hold { } or \.
          i += Math.max(0, n ?? 0);
          break;
        case 'ansicpg':
          if (n !== null) ansiCpg = `cp${n}`;
          break;
        case 'f':
          if (stack.some((s) => s.fontDef) || g.fontDef) {
            definingFont = n;
            g.fontDef = true;
          } else g.font = n;
          break;
        case 'fcharset':
          if (definingFont !== null && n !== null && CHARSET_CPG[n]) fontCpg.set(definingFont, CHARSET_CPG[n]);
          break;
        case 'cpg':
          if (definingFont !== null && n !== null) fontCpg.set(definingFont, `cp${n}`);
          break;
        case 'uc':
          g.uc = n ?? 1;
          break;
        case 'u':
          if (n !== null) emit(String.fromCharCode(n < 0 ? n + 65536 : n));
          skipChars = g.uc;
          break;
        // A skipped destination's paragraphs (a footnote's, a header's) are not the body's: they
        // neither end the body's paragraph nor take it out of its table.
        case 'par':
        case 'sect':
        case 'page':
        case 'line':
          if (!g.skip) endParagraph();
          break;
        case 'tab':
          emit('\u3000');
          break;
        case 'intbl':
          if (!g.skip) inTable = true;
          break;
        case 'pard':
          // \pard resets paragraph properties (the style to \s0); text that follows without
          // \intbl is out of the table.
          g.ps = 0;
          g.pbg = null;
          if (!g.skip && !cells.length && !para.trim()) inTable = false;
          break;
        case 'cbpat':
          g.pbg = n;
          break;
        case 'clcbpat':
          nextCellBg = n;
          break;
        case 'trowd':
          if (!g.skip) merges = [];
          if (!g.skip) vmerges = [];
          if (!g.skip) cellBg = [];
          nextCellBg = null;
          nextMerge = null;
          nextV = null;
          break;
        case 'clmgf':
          nextMerge = 'first';
          break;
        case 'clmrg':
          nextMerge = 'next';
          break;
        case 'clvmgf':
          nextV = 'first';
          break;
        case 'clvmrg':
          nextV = 'next';
          break;
        case 'cellx':
          if (!g.skip) merges.push(nextMerge);
          if (!g.skip) vmerges.push(nextV);
          if (!g.skip) cellBg.push(nextCellBg);
          nextCellBg = null;
          nextMerge = null;
          nextV = null;
          break;
        case 'cell':
          if (!g.skip) endCell();
          break;
        case 'row':
          if (!g.skip) endRow();
          inTable = false;
          break;
        case 'nestcell':
          emit(' ');
          break;
        case 'emdash':
          emit('—');
          break;
        case 'endash':
          emit('–');
          break;
        case 'lquote':
          emit('‘');
          break;
        case 'rquote':
          emit('’');
          break;
        case 'ldblquote':
          emit('“');
          break;
        case 'rdblquote':
          emit('”');
          break;
        case 'bullet':
          emit('•');
          break;
      }
      continue;
    }
    if (c === '\r' || c === '\n') {
      i++;
      continue;
    }
    if (skipChars > 0) {
      skipChars--;
      i++;
      continue;
    }
    flushBytes();
    // An entry of the colour table ends (one without values is auto).
    if (c === ';' && g.colorDef) {
      const { r, g: gr, b } = colour;
      colours.push(
        r === undefined && gr === undefined && b === undefined ? null : { r: r ?? 0, g: gr ?? 0, b: b ?? 0, a: 1 },
      );
      colour = {};
      i++;
      continue;
    }
    // Plain characters are 7-bit in RTF; a stray 8-bit byte is taken in the current code page.
    if (c.charCodeAt(0) > 0x7f) pending.push(c.charCodeAt(0));
    else emit(c === '\t' ? '\u3000' : c);
    i++;
  }
  flushBytes();
  if (cells.length) endRow();
  if (para.trim()) out.push(para);
  return { text: out.join('\n'), unknownCodePage, spans };
}

/**
 * The cells of a row covered by a merged cell before them (\clmrg after \clmgf) that holds text
 * other than a label: a number or mark standing for several columns, as `<td colspan>` with text
 * is (html.ts). A label's merge, or an empty one's, stays an empty cell per column, as before.
 */
export function spannedCells(cells: string[], merges: Merge[]): number[] {
  const out: number[] = [];
  let origin = -1;
  for (let k = 0; k < cells.length; k++) {
    if (merges[k] === 'next' && origin >= 0) {
      const text = cells[origin]!;
      if (text.trim() && !spansAsOne(text)) out.push(k);
      continue;
    }
    origin = merges[k] === 'first' ? k : -1;
  }
  return out;
}
