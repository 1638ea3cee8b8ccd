import iconv from 'iconv-lite';
import type { DocBlock, DocCell } from './office.ts';

/**
 * Paragraphs and tables → RTF, as Word and LibreOffice write it: a row is \trowd with one \cellx
 * (right edge, in twips) per cell, the cells' text each ended by \cell, then \row. A cell spanning
 * columns is one wider cell; a cell spanning rows is \clvmgf with a \clvmrg cell under it in each
 * row it covers (an empty cell in the text). Chinese text is written either as \uN with an ANSI
 * fallback (Word's way) or as GBK bytes \'hh under a GB2312 font (\fcharset134, older writers).
 */
export type RtfText = 'unicode' | 'gbk';

const COL = 900;

export function blocksToRtf(blocks: DocBlock[], how: RtfText): Uint8Array {
  const out: string[] = [
    `{\\rtf1\\ansi\\ansicpg${how === 'gbk' ? 936 : 1252}\\deff0\\uc1`,
    "{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}",
    '{\\*\\generator nianbao synth;}{\\info{\\title report}}',
  ];
  for (const b of blocks) {
    if (b.kind === 'p') out.push(`\\pard\\plain\\f1 ${text(b.text, how)}\\par`);
    else out.push(...table(b.rows, how));
  }
  out.push('}');
  return new TextEncoder().encode(out.join('\n'));
}

function table(rows: DocCell[][], how: RtfText): string[] {
  // Columns still covered by a cell above: column → { rows left, width in columns }.
  const covered = new Map<number, { left: number; span: number }>();
  const lines: string[] = [];
  for (const row of rows.filter((r) => r.length)) {
    const defs: string[] = [];
    const texts: string[] = [];
    let col = 0;
    let edge = 0;
    const cell = (def: string, span: number, t: string) => {
      edge += span * COL;
      defs.push(`${def}\\clbrdrt\\brdrs\\clbrdrl\\brdrs\\clbrdrb\\brdrs\\clbrdrr\\brdrs\\cellx${edge}`);
      texts.push(`\\pard\\intbl\\plain\\f1 ${t}\\cell`);
    };
    const fillCovered = () => {
      for (let c = covered.get(col); c; c = covered.get(col)) {
        cell('\\clvmrg', c.span, '');
        if (--c.left === 0) covered.delete(col);
        col += c.span;
      }
    };
    for (const c of row) {
      fillCovered();
      cell(c.rowspan > 1 ? '\\clvmgf' : '', c.colspan, text(c.text, how));
      if (c.rowspan > 1) covered.set(col, { left: c.rowspan - 1, span: c.colspan });
      col += c.colspan;
    }
    fillCovered();
    lines.push(`\\trowd\\trgaph108${defs.join('')}`, ...texts, '\\row');
  }
  lines.push('\\pard');
  return lines;
}

function text(s: string, how: RtfText): string {
  let out = '';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\n') out += '\\line ';
    else if (ch === '\\' || ch === '{' || ch === '}') out += `\\${ch}`;
    else if (c < 0x80) out += ch;
    else if (
      how === 'gbk' &&
      iconv.encodingExists('gbk') &&
      c <= 0xffff &&
      iconv.decode(iconv.encode(ch, 'gbk'), 'gbk') === ch
    )
      for (const b of iconv.encode(ch, 'gbk')) out += `\\'${b.toString(16).padStart(2, '0')}`;
    else if (c > 0xffff)
      for (const u of ch.split('')) out += `\\u${u.charCodeAt(0) - (u.charCodeAt(0) > 32767 ? 65536 : 0)}?`;
    else out += `\\u${c > 32767 ? c - 65536 : c}?`;
  }
  return out;
}
