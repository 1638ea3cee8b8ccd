import type { RowDef } from '../template/definitions.ts';
import type { Tok } from './tokens.ts';

/**
 * Section 二's rows of one value whose label a value follows and, further on before any row's
 * label, their own column's header with a value after it. Plain `pdftotext` reads a table set
 * out in sub-tables in an order of its own: `行政强制 / 信息内容 / 行政事业性收费 / 815 /
 * 第二十条第（八）项 / 本年收费金额（单位：万元） / 5,320.64`, where 815 is 行政强制's and the fee
 * 5,320.64 (a fresh tester's Chromium-printed reports: 4 files published another row's number as
 * the fee). Which value is the row's is not known. Returns each such row's key with the reason.
 */
export function valueBeforeOwnHeader(toks: readonly Tok[], defs: readonly RowDef[]): Map<string, string> {
  const out = new Map<string, string>();
  const plain = (t: Tok) => (t.t === 'text' ? t.text.replace(/\s+/g, '') : '');
  const isLabel = (t: Tok) => t.t === 'text' && defs.some((d) => d.match.test(plain(t)));
  for (const d of defs) {
    if (d.columns.length !== 1) continue;
    const word = d.columns[0]!.label.replace(/[（(].*$/, '');
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.t !== 'text' || !d.match.test(plain(t))) continue;
      // The label's first value, with nothing but blanks and line ends between.
      let j = i + 1;
      while (j < toks.length && (toks[j]!.t === 'blank' || toks[j]!.t === 'eol' || toks[j]!.t === 'empty')) j++;
      if (toks[j]?.t !== 'val') continue;
      let header = false;
      for (let k = j + 1; k < toks.length; k++) {
        const u = toks[k]!;
        if (isLabel(u)) break;
        if (u.t === 'text' && plain(u).includes(word)) header = true;
        else if (header && u.t === 'val') {
          out.set(
            d.key,
            `a value after the row's label and another after its column's header (${word}) below it: which one is the row's is not known`,
          );
          break;
        }
      }
    }
  }
  return out;
}
