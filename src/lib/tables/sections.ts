import type { Line } from '../decode/lines.ts';
import {
  activeLayoutMarkers,
  activeRows,
  applicantColumns,
  requestLayoutMarkers,
  requestLeafRows,
  requestRows,
  reviewColumns,
  reviewRows,
} from '../template/definitions.ts';
import { parseCell } from './cell.ts';
import { enumerateSplits, pieceRaw } from './glue.ts';
import { readTable, type CellOut, type TableNote, type TableRead } from './read.ts';
import { cellSlots, fromLines, fromSlots, isDense, type RowCells, type ValTok } from './rows.ts';
import { tokenize, type Tok } from './tokens.ts';

/**
 * The three tables: 二 proactive disclosure (`active`), 三 requests (`requests`) and 四 review
 * and litigation (`review`). Layouts of 二 and 三 are detected independently.
 */

export type Layout = '2019' | '2021';

/** Header text of a section with spaces, pipes and line breaks removed ("本年新 / 制作数量" joins). */
function squash(lines: Line[]): string {
  return lines.map((l) => l.text).join('').replace(/[\s|]/g, '');
}

export function readActive(lines: Line[], year: number | null): { layout: Layout | null; read: TableRead | null } {
  const text = squash(lines);
  const has2021 = activeLayoutMarkers['2021'].test(text);
  const has2019 = activeLayoutMarkers['2019'].test(text);
  if (!has2021 && !has2019) return { layout: null, read: null };
  const layout: Layout = has2021 && !has2019 ? '2021' : has2019 && !has2021 ? '2019' : (year ?? 0) >= 2021 ? '2021' : '2019';
  const unit = /(?:采购总金额|收费金额)[^\d]{0,8}?(万元|元)/.exec(text)?.[1] as '元' | '万元' | undefined;
  const moneyUnit = unit ?? (layout === '2021' ? '万元' : null);
  const toks = tokenize(lines);
  const read = readTable('active', toks, activeRows[layout], true, { moneyUnit });
  return read.found.length ? { layout, read } : { layout: null, read: null };
}

const sum = (xs: Array<number | null | undefined>): number | null =>
  xs.every((x) => typeof x === 'number') ? (xs as number[]).reduce((a, b) => a + b, 0) : null;

export function readRequests(lines: Line[], year: number | null): { layout: Layout | null; read: TableRead | null; rowsLayout?: Layout } {
  const text = squash(lines);
  const toks = tokenize(lines);
  // The layouts differ only from （六） on: without those rows (a table cut off before them)
  // the layout cannot be told, and is reported as NULL.
  let layout: Layout;
  let known = true;
  if (requestLayoutMarkers['2021'].test(text)) layout = '2021';
  else if (/\(六\)其他处理/.test(text)) layout = '2019';
  else {
    layout = (year ?? 0) >= 2021 ? '2021' : '2019';
    known = false;
  }
  const leaves = requestLeafRows(layout);
  const totalIdx = applicantColumns.length;
  const read = readTable('requests', toks, requestRows[layout], false, {
    rowOk: (_key, v) => sum(v.slice(0, totalIdx)) === v[totalIdx],
    tableOk: (rows) => {
      for (let j = 0; j <= totalIdx; j++) {
        const col = (k: string) => rows.get(k)?.[j];
        const leafSum = sum(leaves.map(col));
        const total = col('total');
        if (leafSum !== null && typeof total === 'number' && leafSum !== total) return false;
        const lhs = sum([col('new_received'), col('carried_over')]);
        const rhs = sum([total, col('carried_forward')]);
        if (lhs !== null && rhs !== null && lhs !== rhs) return false;
      }
      for (const [, v] of rows) {
        const s = sum(v.slice(0, totalIdx));
        if (s !== null && typeof v[totalIdx] === 'number' && s !== v[totalIdx]) return false;
      }
      return true;
    },
  });
  return read.found.length ? { layout: known ? layout : null, read, rowsLayout: layout } : { layout: null, read: null };
}

const REVIEW_N = reviewRows.length * reviewColumns.length;

/** Section 四: one row of 15 numbers (three blocks of five) after the header words. */
export function readReview(lines: Line[]): TableRead | null {
  const toks = tokenize(lines);
  const firstVal = toks.findIndex((t) => t.t === 'val');
  if (firstVal < 0) return null;
  let start = firstVal;
  while (start > 0 && toks[start - 1]!.t !== 'text') start--;
  // The rest of the header's own line ("总计 |") holds no cells.
  const headerLine = start > 0 ? toks[start - 1]!.line : -1;
  while (start < firstVal && toks[start]!.line === headerLine) start++;
  let end = firstVal;
  while (end < toks.length && toks[end]!.t !== 'text') end++;
  const region = toks.slice(start, end);
  const vals = region.filter((t): t is ValTok => t.t === 'val');
  const valLines = new Set(vals.map((v) => v.line));
  let rc: RowCells;
  if (valLines.size === 1 && region.some((t) => t.t === 'eol' && t.delimited && t.line === vals[0]!.line)) {
    rc = fromSlots(cellSlots(region.filter((t) => t.line === vals[0]!.line)), REVIEW_N);
  } else {
    rc = fromLines(region, REVIEW_N, isDense(toks));
  }
  const headerNo = toks.slice(0, firstVal).reverse().find((t): t is Extract<Tok, { t: 'text' }> => t.t === 'text')?.no ?? vals[0]!.no;
  const notes: TableNote[] = [];
  const cells: CellOut[] = [];
  const at = (j: number) => ({ row_key: reviewRows[Math.floor(j / 5)]!.key, col_key: reviewColumns[j % 5]!.key });

  if (rc.kind === 'cells') {
    rc.cells.forEach((slot, j) => {
      if (!slot) return cells.push({ table_id: 'review', ...at(j), value: null, raw: '', state: 'blank', line: headerNo });
      const p = parseCell(slot.text, 'count');
      if (p.note) notes.push({ code: 'W_CELL_UNREADABLE', message: `review.${at(j).row_key}.${at(j).col_key}: ${p.note}`, line: slot.no });
      cells.push({ table_id: 'review', ...at(j), value: p.value, raw: slot.raw, state: p.state, line: slot.no });
    });
  } else {
    const options =
      rc.kind === 'glued'
        ? (enumerateSplits(rc.vals, REVIEW_N) ?? []).filter((pieces) => {
            const v = pieces.map((p) => parseCell(p.text, 'count').value);
            return [0, 5, 10].every((b) => {
              const s = sum(v.slice(b, b + 4));
              return s === null || v[b + 4] === null || s === v[b + 4];
            });
          })
        : [];
    const rawAll = [...new Set(rc.vals.map((v) => v.raw))].join(' ');
    for (let j = 0; j < REVIEW_N; j++) {
      const texts = new Set(options.map((o) => o[j]!.text));
      const piece = options[0]?.[j];
      const p = texts.size === 1 && piece ? parseCell(piece.text, 'count') : null;
      if (p && p.state === 'number' && piece) {
        cells.push({ table_id: 'review', ...at(j), value: p.value, raw: pieceRaw(piece), state: 'number', line: piece.tok.no });
      } else {
        const state = rc.kind === 'glued' && options.length === 0 ? 'unreadable' : 'ambiguous';
        cells.push({ table_id: 'review', ...at(j), value: null, raw: rawAll, state, line: rc.vals[0]?.no ?? headerNo });
      }
    }
    const unsure = cells.filter((c) => c.state !== 'number').length;
    if (unsure) {
      const why = rc.kind === 'unknown' ? rc.reason : options.length === 0 ? 'no split satisfies the arithmetic' : `${options.length} splits possible`;
      notes.push({ code: 'W_CELLS_AMBIGUOUS', message: `review: ${why}; ${unsure} cell(s) left NULL`, line: rc.vals[0]?.no ?? headerNo });
    }
  }
  return { cells, found: reviewRows.map((r) => r.key), missing: [], notes };
}
