import iconv from 'iconv-lite';
import type { DocBlock, DocCell } from './office.ts';
import type { Random } from './random.ts';

/**
 * Paragraphs and tables → RTF, as Word and LibreOffice write it: a row is \trowd with one \cellx
 * (right edge, in twips) per cell, the cells' text each ended by \cell, then \row. A cell spanning
 * columns is one wider cell; a cell spanning rows is \clvmgf with a \clvmrg cell under it in each
 * row it covers (an empty cell in the text). Chinese text is written either as \uN with an ANSI
 * fallback (Word's way) or as GBK bytes \'hh under a GB2312 font (\fcharset134, older writers).
 *
 * With a generator (`blocksToRtfWith`), a cell's text the page does not show or sets off the
 * baseline (DocCell.runs: hidden-text and sup-by-style cells) is written as RTF formatting, each
 * time one of the ways Word and other writers say it: hidden (\v), struck (\strike, \striked1),
 * a tracked deletion (\deleted) or a hiding character style; superscript, subscript, raised or
 * lowered (\super, \sub, \up, \dn), a footnote reference style (directly or by \sbasedon) or an
 * automatic footnote number (\chftn). The truth stays the HTML's: dropped text is not shown, a
 * mark makes the cell unreadable. A cell spanning columns may be written the old way, \clmgf with
 * a \clmrg cell after it per column it covers (the HTML colspan's truth holds).
 */
export type RtfText = 'unicode' | 'gbk';

const COL = 900;

/** The styles the formatted runs may name: 15 hides, 17 raises, 18 raises by being based on 17. */
const STYLESHEET =
  '{\\stylesheet{\\s0 Normal;}{\\*\\cs15 \\additive\\v Hidden;}{\\*\\cs17 \\additive\\super footnote reference;}' +
  '{\\*\\cs18 \\additive\\sbasedon17 Note mark;}}';

/** Ways to write text that is not shown, and text set off the baseline (`$` is the text). */
const DROPPED = [
  '{\\v $}',
  '{\\strike $}',
  '{\\striked1 $}',
  '{\\deleted $}',
  '{\\cs15 $}',
  '\\v $\\v0 ',
  '\\strike $\\plain\\f1 ',
  // Drawn so that no reader sees it: white (colour table entry 1) on the page, 1pt.
  '{\\cf1 $}',
  '{\\fs2 $}',
];
const RAISED = [
  '{\\super $}',
  '{\\sub $}',
  '{\\up6 $}',
  '{\\dn4 $}',
  '{\\cs17 $}',
  '{\\cs18 $}',
  '\\super $\\nosupersub ',
];
/** An automatic footnote number: the digits are Word's, not the text's. */
const FOOTNOTE = '{\\cs17\\chftn}{\\footnote\\pard\\plain{\\cs17\\chftn} $\\par}';

export function blocksToRtf(blocks: DocBlock[], how: RtfText): Uint8Array {
  return blocksToRtfWith(blocks, how, null).bytes;
}

/** RTF bytes, and the quirks used (with a generator: formatted runs, old merges). */
export function blocksToRtfWith(
  blocks: DocBlock[],
  how: RtfText,
  rng: Random | null,
): { bytes: Uint8Array; quirks: string[] } {
  const w: Writer = { how, rng, oldMerge: rng?.chance(0.4) ?? false, used: new Set() };
  const out: string[] = [
    `{\\rtf1\\ansi\\ansicpg${how === 'gbk' ? 936 : 1252}\\deff0\\uc1`,
    "{\\fonttbl{\\f0\\froman\\fcharset0 Times New Roman;}{\\f1\\fnil\\fcharset134 \\'cb\\'ce\\'cc\\'e5;}}",
    // The colour table the unseen runs name (\cf1: white).
    ...(rng ? ['{\\colortbl;\\red255\\green255\\blue255;}', STYLESHEET] : []),
    '{\\*\\generator nianbao synth;}{\\info{\\title report}}',
  ];
  for (const b of blocks) {
    if (b.kind === 'p') out.push(`\\pard\\plain\\f1 ${text(b.text, how)}\\par`);
    else out.push(...table(b.rows, w));
  }
  out.push('}');
  return { bytes: new TextEncoder().encode(out.join('\n')), quirks: [...w.used].sort() };
}

interface Writer {
  how: RtfText;
  rng: Random | null;
  /** Cells spanning columns as \clmgf + \clmrg cells (else one wider cell). */
  oldMerge: boolean;
  used: Set<string>;
}

/** A cell's text: its runs formatted (with a generator), else its text. */
function cellText(c: DocCell, w: Writer): string {
  if (!w.rng || !c.runs) return text(c.text, w.how);
  const rng = w.rng;
  return c.runs
    .map((r) => {
      const t = text(r.text, w.how);
      if (r.as === 'plain') return t;
      w.used.add(r.as === 'dropped' ? 'rtf-hidden-text' : 'rtf-raised-marks');
      // A footnote number Word draws itself: only for a mark that is all digits.
      const form =
        r.as === 'raised' && /^\d+$/.test(r.text) && rng.chance(0.15)
          ? FOOTNOTE
          : rng.pick(r.as === 'dropped' ? DROPPED : RAISED);
      return form.replace('$', () => t);
    })
    .join('');
}

function table(rows: DocCell[][], w: Writer): string[] {
  // Columns still covered by a cell above: column → { rows left, width in columns }.
  const covered = new Map<number, { left: number; span: number }>();
  const lines: string[] = [];
  for (const row of rows.filter((r) => r.length)) {
    const defs: string[] = [];
    const texts: string[] = [];
    let col = 0;
    let edge = 0;
    const cell = (def: string, span: number, t: string) => {
      // The old horizontal merge: a first cell and one continuation per further column.
      const parts = w.oldMerge && span > 1 && !def ? span : 1;
      if (parts > 1) w.used.add('rtf-old-hmerge');
      for (let k = 0; k < parts; k++) {
        edge += (span / parts) * COL;
        const merge = parts === 1 ? def : k === 0 ? '\\clmgf' : '\\clmrg';
        defs.push(`${merge}\\clbrdrt\\brdrs\\clbrdrl\\brdrs\\clbrdrb\\brdrs\\clbrdrr\\brdrs\\cellx${edge}`);
        texts.push(`\\pard\\intbl\\plain\\f1 ${k === 0 ? t : ''}\\cell`);
      }
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
      cell(c.rowspan > 1 ? '\\clvmgf' : '', c.colspan, cellText(c, w));
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
