import iconv from 'iconv-lite';

/**
 * RTF → text in the form the .doc path reads: one line per paragraph, one line per table row
 * with its cells separated by tabs (\cell ends a cell, \row a row). A merged cell's continuation
 * (\clvmrg) is an empty cell, as word-extractor gives it for a .doc. Paragraph marks inside a
 * cell become spaces, so a cell's text stays on its row's line (doc-text.ts does the same).
 *
 * No npm RTF reader was sound for this: rtf-parser and @iarna/rtf-to-html drop table structure,
 * rtf.js needs a DOM, and rtf-stream-parser only de-encapsulates Outlook's HTML and text. The
 * reader here is small and knows only what a report needs: text, its code page (\ansicpg, a
 * font's \fcharset, \uN with its \uc fallback) and the table marks. Everything in a destination
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
]);

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
}

export interface RtfText {
  text: string;
  /** Characters in a code page iconv-lite does not know (read as U+FFFD). */
  unknownCodePage: boolean;
}

export function rtfToText(bytes: Uint8Array): RtfText {
  const src = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  const fontCpg = new Map<number, string>();
  let ansiCpg = 'cp1252';
  let unknownCodePage = false;
  const stack: Group[] = [];
  let g: Group = { skip: false, uc: 1, font: null, fontDef: false };
  let definingFont: number | null = null;
  let skipChars = 0;
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
    if (g.skip) return;
    para += s;
  };
  const endParagraph = () => {
    flushBytes();
    if (inTable) para += ' ';
    else {
      out.push(para);
      para = '';
    }
  };
  const endCell = () => {
    flushBytes();
    cells.push(para.replace(/\s+/g, ' ').trim());
    para = '';
  };
  const endRow = () => {
    flushBytes();
    if (para.trim()) cells.push(para.trim());
    para = '';
    out.push(cells.join('\t'));
    cells = [];
  };

  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === '{') {
      flushBytes();
      stack.push(g);
      g = { ...g, fontDef: false };
      i++;
      // An ignorable destination: {\* …}.
      if (src.startsWith('\\*', i)) g.skip = true;
      continue;
    }
    if (c === '}') {
      flushBytes();
      if (g.fontDef) definingFont = null;
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
        if (m[4] === '\n' || m[4] === '\r') endParagraph();
        else if (m[4] === '~') emit('\u00a0');
        else if ('\\{}'.includes(m[4])) emit(m[4]);
        continue;
      }
      const word = m[1]!;
      const n = m[2] === undefined ? null : Number(m[2]);
      if (SKIP.has(word)) {
        g.skip = true;
        if (word === 'fonttbl') g.fontDef = true;
        continue;
      }
      switch (word) {
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
        case 'par':
        case 'sect':
        case 'page':
        case 'line':
          endParagraph();
          break;
        case 'tab':
          emit('\u3000');
          break;
        case 'intbl':
          inTable = true;
          break;
        case 'pard':
          // \pard resets paragraph properties; text that follows without \intbl is out of the table.
          if (!cells.length && !para.trim()) inTable = false;
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
    // Plain characters are 7-bit in RTF; a stray 8-bit byte is taken in the current code page.
    if (c.charCodeAt(0) > 0x7f) pending.push(c.charCodeAt(0));
    else emit(c === '\t' ? '\u3000' : c);
    i++;
  }
  flushBytes();
  if (cells.length) endRow();
  if (para.trim()) out.push(para);
  return { text: out.join('\n'), unknownCodePage };
}
