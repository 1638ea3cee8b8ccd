import type { RowDef } from '../template/definitions.ts';
import type { Tok } from './tokens.ts';

/**
 * Section 二's rows whose label a value follows and, further on before any row's label, a piece
 * of the table's column headers with a value after it. Plain `pdftotext` reads a table set out
 * in sub-tables in an order of its own, column by column: `行政强制 / 信息内容 / 行政事业性收费 /
 * 815 / 第二十条第（八）项 / 本年收费金额（单位：万元） / 5,320.64`, where 815 is 行政强制's and the
 * fee 5,320.64 (a fresh tester's Chromium-printed reports: 4 files published another row's
 * number as the fee); `行政处罚 / 109 / 行政强制 / 53 / -25 / 74134 / 本年 / 增/减 / 19 / -1`, where
 * 行政强制's values are 53, -1 and a number further on, -25 and 74134 another sub-table's (a
 * fresh tester's t55, the 2019 form). Row by row, a column's header never stands between a
 * row's values and the next row's label with a value after it. Which values are the row's is
 * not known, nor those of the rows above it after its sub-table's header words. Returns each
 * such row's key with the reason.
 */
export function valueBeforeOwnHeader(toks: readonly Tok[], defs: readonly RowDef[]): Map<string, string> {
  const out = new Map<string, string>();
  const plain = (t: Tok) => (t.t === 'text' ? t.text.replace(/\s+/g, '') : '');
  const isLabel = (t: Tok) => t.t === 'text' && defs.some((d) => d.match.test(plain(t)));
  // The column headers' words, and a piece of one as a line of plain text leaves it (上一年 /
  // 项目数 / 量, 本年 / 增/减): two characters or more, in a header or holding one.
  const headers = [...new Set(defs.flatMap((d) => d.columns.map((c) => c.label.replace(/[（(].*$/, ''))))];
  const headerPiece = (u: Tok) => {
    const key = plain(u).replace(/[（(].*$/, '');
    return key.length >= 2 && headers.some((h) => h.includes(key) || key.includes(h));
  };
  for (const d of defs) {
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i]!;
      if (t.t !== 'text' || !d.match.test(plain(t))) continue;
      // The label's first value, with nothing but blanks and line ends between.
      let j = i + 1;
      while (j < toks.length && (toks[j]!.t === 'blank' || toks[j]!.t === 'eol' || toks[j]!.t === 'empty')) j++;
      if (toks[j]?.t !== 'val') continue;
      let header: string | null = null;
      for (let k = j + 1; k < toks.length; k++) {
        const u = toks[k]!;
        if (isLabel(u)) break;
        if (u.t === 'text' && headerPiece(u)) header ??= plain(u);
        else if (header !== null && u.t === 'val') {
          out.set(
            d.key,
            `a value after the row's label and another after a column's header (${header}) below it, before the next row's label: the table is read column by column, and which values are the row's is not known`,
          );
          // The rows of its sub-table above it, after its header's words: read column by column
          // too, their last columns' values after that header as well (a fresh tester's t61:
          // `规章 / 11 / 规范性文件 / 0 / 对外公开总数量 / 1,610 / 0`, 规章's 本年新公开数量 blank,
          // published 11 as it).
          for (let b = i - 1; b >= 0; b--) {
            const v = toks[b]!;
            if (v.t === 'text' && headerPiece(v)) break;
            const above = v.t === 'text' ? defs.find((x) => x !== d && x.match.test(plain(v))) : undefined;
            if (above && !out.has(above.key))
              out.set(
                above.key,
                `a row of a sub-table read column by column (${header} and a value after it below its last row, ${d.label}): which values are the row's is not known`,
              );
          }
          break;
        }
      }
    }
  }
  return out;
}
