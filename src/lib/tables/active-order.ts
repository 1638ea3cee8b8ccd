import type { RowDef } from '../template/definitions.ts';
import { labelWords, type Tok } from './tokens.ts';

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
  // A label with a unit at its end (行政许可（件）, 行政事业性收费（万元）) is a label too (tokens.ts labelWords).
  const plain = (t: Tok) => (t.t === 'text' ? labelWords(t.text) : '');
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
  // A row short of values written one a line with nothing to mark its blank cells, and the rows
  // after it in its sub-table (no header's words between): plain pdftotext writes a sub-table's
  // first columns row by row, then the rest of an earlier row's (`规章 / 18 / 规范性文件 / 35 / 2 /
  // 58` for 规章 18 2 58 and 规范性文件 35 and two blanks; a fresh tester's t62), the very text of
  // 规章 18 and two blanks and 规范性文件 35 2 58. Which is not known: the rows after it are NULL.
  // The rows' labels, and a label broken into pieces on lines of their own (`规` / `章`, `行政规范` /
  // `性文件`: a narrow label cell; a fresh tester's t63), at its last piece.
  const labels: Array<{ at: number; from: number; d: RowDef }> = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.t !== 'text') continue;
    const d = defs.find((x) => x.match.test(plain(t)));
    if (d) {
      labels.push({ at: i, from: i, d });
      continue;
    }
    let text = plain(t);
    for (let j = i + 1, pieces = 1; j < toks.length && pieces < 4; j++) {
      const u = toks[j]!;
      if (u.t === 'blank' || u.t === 'eol') continue;
      if (u.t !== 'text' || headerPiece(u)) break;
      text += plain(u);
      pieces++;
      const whole = defs.find((x) => x.match.test(text));
      if (whole) {
        labels.push({ at: j, from: i, d: whole });
        i = j;
        break;
      }
    }
  }
  const between = (from: number, to: number) => toks.slice(from + 1, to);
  for (let k = 0; k + 1 < labels.length; k++) {
    const { at, d } = labels[k]!;
    const region = between(at, labels[k + 1]!.from);
    if (region.some((u) => u.t === 'text' || u.t === 'empty') || !separatorsOnly(region)) continue;
    const vals = region.filter((u) => u.t === 'val');
    if (vals.length >= d.columns.length) continue;
    const lines = new Set(vals.map((v) => v.line));
    if (lines.size !== vals.length || lines.has(toks[at]!.line)) continue;
    // None at all: the row blank, or its values all after the next label (`规章 / 行政规范性文件 /
    // 628 / 无 / 2`, t63) — only where the next row has values.
    if (!vals.length && !between(labels[k + 1]!.at, labels[k + 2]?.from ?? toks.length).some((u) => u.t === 'val'))
      continue;
    const after: RowDef[] = [];
    for (let m = k + 1; m < labels.length; m++) {
      const next = labels[m]!;
      if (next.d.columns.length !== d.columns.length) break;
      if (between(labels[m - 1]!.at, next.from).some((u) => u.t === 'text' && headerPiece(u))) break;
      after.push(next.d);
    }
    // The row itself too: its values may be any of its columns', the others after the next label
    // (t63: `规章 / ∅ / 7 / ∅ / 规范性文件 …`, 规章's 7 read as 本年新公开数量 between two empty lines).
    if (after.length && !out.has(d.key))
      out.set(
        d.key,
        `it holds fewer values than columns, one a line, nothing marking its blank cells, and a row of its sub-table follows: its other values may stand after that row's label (a sub-table written column by column), which columns its values are is not known`,
      );
    for (const next of after)
      if (!out.has(next.key))
        out.set(
          next.key,
          `a row above it in its sub-table (${d.label}) holds fewer values than columns, one a line, nothing marking its blank cells: its other values may stand after this row's label (a sub-table written column by column), which values are this row's is not known`,
        );
  }
  return out;
}

/**
 * Whether `region` (a row's tokens after its label) marks none of its blank cells: no empty line
 * at all, or one between every two of its lines and after its label (plain pdftotext's break
 * after each line, where a blank cell leaves no line). Values on consecutive lines with an empty
 * line elsewhere, or an empty line between two values only, show empty lines to be row breaks or
 * blank cells: not this shape.
 */
function separatorsOnly(region: readonly Tok[]): boolean {
  const kinds: boolean[] = [];
  let line = -1;
  for (const u of region) {
    if (u.t === 'eol' || u.line === line) continue;
    line = u.line;
    kinds.push(u.t === 'blank');
  }
  // One between every two lines: the label's and its first value's too (`规章 / ∅ / 18 / ∅`); an
  // empty line between two values alone (`3 / ∅ / 18`) is a blank cell.
  return !kinds.includes(true) || (kinds[0] === true && kinds.every((k, i) => i === 0 || k !== kinds[i - 1]));
}
