import { raggedSpans } from './spans.ts';
import type { CellRow } from '../schema/datasets.ts';
import type { RowDef, ValueKind } from '../template/definitions.ts';
import { cellIn, type CellAddress, type Identity } from '../template/identities.ts';
import { parseCell, type MoneyUnit } from './cell.ts';
import { valuesBeforeLabels } from './label-order.ts';
import { gluedReading, shiftedReading, type CellShort } from './shift.ts';
import { runRow, splitRuns } from './runs.ts';
import { rulesNaming, termsOf } from './rule-index.ts';
import { TableEmitter, type CellOut, type Placement, type TableNote } from './emit.ts';
import { notByCount, positionRows, rowExtent, widerRows, type HeaderColumns } from './columns.ts';
import { readings, survivors, type ReadingCell, type Rule, type Unit, type Val } from './glue.ts';
import {
  delimitedLine,
  endsAtLabel,
  isDense,
  locateRows,
  promoteCellText,
  readRow,
  regionEnd,
  trailingEmpties,
  emptyColumns,
  edgeSeparators,
  fullRows,
  fullRowsFor,
  labelLevel,
  leadColumn,
  labelPadding,
  narrowRows,
  noiseOfRows,
  numberedValuesAbove,
  rightAligned,
  type FoundRow,
  type RowCells,
  type Slot,
  type ValTok,
} from './rows.ts';
import type { Tok } from './tokens.ts';

/**
 * Reads one table (section 二 or 三) from its tokens. The rule, in one place: a value is
 * published only where its row is proven (its own label, found in template order, the value
 * between that label and the next) and its column is proven (exactly one cell per column, or
 * one placement that every reading surviving the table's identities agrees on). Everything
 * else is NULL with a note. Cells are built only by the emitter (`emit.ts`).
 */

export type { CellOut, TableNote };
export interface TableRead {
  cells: CellOut[];
  found: string[];
  missing: string[];
  notes: TableNote[];
}

export interface TableRules {
  /** The table's arithmetic (`template/identities.ts`), used to decide between readings. */
  identities?: Identity[];
  /** Money unit a header states for this table, if any. */
  moneyUnit?: MoneyUnit | null;
  /** Why an amount has no unit when `moneyUnit` is null (statements that disagree), for its note. */
  noUnit?: string;
  /** Set when the table as a whole cannot be read (a header that does not fit its rows). */
  unproven?: string;
  /** Rows that cannot be read (row key → why): a sub-table's header naming its columns out of order. */
  unprovenRows?: Map<string, string>;
  /**
   * Columns whose header label is not the form's at their place (header.ts, headerLabelProblem),
   * the table's other labels the form's: for the table (`all`) or by row key. A row showing the
   * form's count of cells reads its other columns, these NULL (`unnamed_column`); any other row
   * is not read at all (`why`).
   */
  unnamedColumns?: { all?: UnnamedColumns; rows?: Map<string, UnnamedColumns> };
  /** Set when a column label of the header appears twice: no cell of the table can be placed by column. */
  repeatedColumn?: string;
  /** Rows under a sub-table header that names a column twice (row key → why): none of their cells is placed. */
  repeatedRows?: Map<string, string>;
  /**
   * A drawn table whose header names a column the form does not have: its rows' cells are placed
   * by the header's columns (columns.ts), the extra column's left out; by row key, or `all`.
   */
  byHeader?: { all?: HeaderColumns; rows?: Map<string, HeaderColumns> };
  /**
   * A drawn table whose header places the form's columns (columns.ts, gridColumns): a row read by
   * count with a value under another column's label is read by the header instead; by row key, or `all`.
   */
  gridCheck?: { all?: HeaderColumns; rows?: Map<string, HeaderColumns> };
  /**
   * A table known to have more columns than the form (columns.ts, `notByCount`): by its header
   * naming one (why, for the table or by row key), or by its rows. `groups`: the row keys under
   * each header (二's sub-tables), within which rows show the width; by default the whole table.
   */
  wider?: { all?: string; rows?: Map<string, string>; groups?: ReadonlyArray<readonly string[]> };
}

/** Columns (keys) a header does not name at their place, and why. */
export interface UnnamedColumns {
  cols: ReadonlySet<string>;
  why: string;
}

export function readTable(
  tableId: CellRow['table_id'],
  toksIn: Tok[],
  defs: RowDef[],
  exactLabels: boolean,
  rules: TableRules = {},
): TableRead {
  const toks = promoteCellText(toksIn);
  const found = locateRows(toks, defs, exactLabels);
  const em = new TableEmitter({ id: tableId, rows: defs }, rules.moneyUnit ?? null, rules.noUnit);
  // The certain cells' values, for the short rows' arithmetic: kept as pairs, and made a map
  // only for a table with short rows (most have none).
  const knownKeys: string[] = [];
  const knownVals: Val[] = [];
  // The same, as numbers or null, for the shifted readings' column sums (shift.ts `known`).
  const knownNumbers = new Map<string, number | null>();
  const short: ShortRow[] = [];
  const dense = isDense(toks);
  const trails = trailingEmpties(toks);
  const rowLines = found.map((f) => toks[f.at]!.line);
  const rowSpans = found.map((f) => ({ at: f.at, n: f.def.columns.length }));
  const padding = labelPadding(toks, rowSpans);
  const narrow = narrowRows(toks, found);
  const blankColumns = emptyColumns(toks, found);
  const levels = found.map((f) => labelLevel(f.def.label));
  const full = fullRows(
    toks,
    rowSpans.map((r, k) => ({ ...r, level: levels[k]! })),
  );
  const fullAt = new Map([0, 1, 2, 3].map((l) => [l, fullRowsFor(full, l)]));
  const edges = edgeSeparators(toks, rowSpans) ? 'separators' : 'cells';
  const grid = rightAligned(toks, rowSpans);
  const noiseAt = noiseOfRows(trails, rowLines);
  // Rows found out of template order (rows.ts): a row not found at all may stand between any two.
  const inOrder = found.every((f, k) => k === 0 || defs.indexOf(found[k - 1]!.def) < defs.indexOf(f.def));
  const notFound = inOrder ? [] : defs.filter((d) => !found.some((f) => f.def === d)).map((d) => d.key);

  // Plain loops: this runs for every row of every report.
  // A header rebuilt from delimited text places its rows by their pieces' positions, when every
  // row under it has them (columns.ts, positionRows); else they are read as before.
  // A header places the rows of its own drawn table only (columns.ts tableOf): a table cut in two
  // has a grid of its own after the cut.
  // (A row of another table with the header's grid, as a header kept in a table of its own: its
  // first cell after its label stands under the form's first column, t98. t95's cut table stands
  // a column left of it.)
  const own = <H extends HeaderColumns>(h: H | undefined, k: number): H | undefined => {
    if (h?.table === undefined || rowTable(toks, found[k]!.at) === h.table) return h;
    // (Or under a column of the header's own before the form's: a 单位 or 序号 column.)
    const c = firstCellCol(toks, found[k]!.at);
    return c !== undefined && (c === h.cols[0] || (h.extra.has(c) && c < h.cols[0]!)) ? h : undefined;
  };
  const positioned = positionRows(
    toks,
    found,
    found.map((f, k) => own(rules.byHeader?.rows?.get(f.def.key) ?? rules.byHeader?.all, k)),
  );
  const byHeader = positioned.hs;
  const rcs: RowCells[] = [];
  for (let k = 0; k < found.length; k++) {
    const f = found[k]!;
    rcs.push(
      readRow(
        positioned.toks,
        f.at,
        regionEnd(found, k, toks.length),
        f.def.columns.length,
        dense,
        noiseAt(rowLines[k]!),
        padding || narrow.has(rowLines[k]!),
        grid.has(f.def.columns.length),
        byHeader[k],
        own(rules.gridCheck?.rows?.get(f.def.key) ?? rules.gridCheck?.all, k),
        blankColumns,
        fullAt.get(levels[k]!) ?? null,
        edges,
        k > 0 ? found[k - 1]!.at : null,
        k > 0 ? found[k - 1]!.def.label : '',
        defs[defs.indexOf(f.def) + 1]?.match ?? null,
      ),
    );
  }
  // A column before the form's that numbers the rows or repeats a unit (rows.ts, leadColumn):
  // a row read by count took it for the first form column. Rows placed by a header are not.
  const lead = leadColumn(positioned.toks, found);
  if (lead)
    for (let k = 0; k < found.length; k++) {
      const rc = rcs[k]!;
      if (byHeader[k] || rc.kind === 'unknown') continue;
      const vals = rc.kind === 'cells' ? rc.cells.filter((c): c is ValTok => c !== null) : rc.vals;
      rcs[k] = { kind: 'unknown', reason: `${lead}: which cells are the form's is not proven`, vals };
    }
  // A table some of whose values come from separated pieces (`9\t`) and some stand on lines of
  // their own (`0`): a browser's copy of a page, which writes an empty line after a cell's `<br>`
  // as well as for a blank cell. A row read one value a line with a blank among its cells took
  // such an empty line for the blank (a fresh tester's t99: a blank 法律服务机构 published as 0,
  // 商业企业's `10<br>` read as the blank): not proven.
  // Likewise a table one of whose rows shows its empty lines to be breaks, not cells: more of
  // them among its values than the row has columns for (t99: lynx dumps, an empty line after each
  // `<br>`, a blank 商业企业 read after 其他).
  if (
    pastedMix(rcs) ||
    found.some((f, k) => breakLines(positioned.toks, f.at, regionEnd(found, k, toks.length), f.def.columns.length))
  )
    for (let k = 0; k < found.length; k++) {
      const rc = rcs[k]!;
      if (rc.kind !== 'cells' || rc.by !== 'lines' || !rc.cells.includes(null)) continue;
      const vals = rc.cells.filter((c): c is ValTok => c !== null);
      rcs[k] = {
        kind: 'unknown',
        reason: 'empty lines in a page copied with some cells separated: blank cells not placed',
        vals,
      };
    }
  // A `|` row that ends in a bare 1 where the table's other rows end with their closing rule:
  // OCR reads a rule as a 1 (a fresh tester's t33), and the row's count then holds only when two
  // of its cells were glued besides (`规章 | 31 | 25 | 1` for 3 1 25). Where no sum of the table
  // names the row (二), nothing tells the 1 a value from a rule: the row is not placed.
  const checked = rulesOf(rules.identities ?? [], tableId).checked;
  for (let k = 0; k < found.length; k++) {
    const rc = rcs[k]!;
    if (rc.kind !== 'cells' || keysOf(found[k]!.def).some((key) => checked.has(key))) continue;
    const why = ruleAsOne(rc.cells, trails, rowLines, rowLines[k]!);
    if (why) rcs[k] = { kind: 'unknown', reason: why, vals: rc.cells.filter((c): c is ValTok => c !== null) };
  }
  // A drawn row with a cell past its header's last column (an extra <td>, a ragged row) among
  // rows that end under it: which of its cells is not the form's is not proven (a fresh tester's
  // t90: a stray cell inserted mid-row pushed the blank 总计 out past the header, and the row was
  // read a column off, 1 under 社会公益组织 and 0 as 总计; in a row of zeros its sums hold all the
  // same). A table whose every row goes past its header (a column the header lacks) is read.
  // Only a row whose cells begin under the form's first column: a row standing a column or two off
  // the header as a whole (its spans broken: a label cell lost, Word's track changes) has its count
  // right (t74's d03).
  const past = found.map((f, k) => {
    const h = own(rules.gridCheck?.rows?.get(f.def.key) ?? rules.gridCheck?.all, k);
    const line = labelLine(positioned.toks, f.at, regionEnd(found, k, toks.length));
    // (Not a position a cell spanning columns covers: 二's one count drawn over three.)
    const cols = line.flatMap((t) =>
      t.t !== 'eol' && t.t !== 'blank' && t.col !== undefined && !(t.t === 'empty' && (t.covered || t.spanned))
        ? [t.col]
        : [],
    );
    const cells = line.flatMap((t) => ((t.t === 'val' || t.t === 'empty') && t.col !== undefined ? [t.col] : []));
    if (!h || !cols.length) return null;
    return Math.max(...cols) > h.last ? (cells.length ? Math.min(...cells) === h.cols[0] : false) : false;
  });
  const ownRules = rulesOf(rules.identities ?? [], tableId).rules;
  // Among the rows under the same header (二's sub-tables have one each: a Notion export's rows
  // all end past theirs, its header's own empty cells not counted).
  const headerOf = (k: number) => own(rules.gridCheck?.rows?.get(found[k]!.def.key) ?? rules.gridCheck?.all, k);
  const mixed = new Set(
    found.flatMap((_, k) => {
      const h = headerOf(k);
      const under = found.flatMap((__, j) => (headerOf(j) === h ? [past[j]] : []));
      return h && under.includes(true) && under.includes(false) ? [h] : [];
    }),
  );
  if (mixed.size) {
    const readings = countReadingsOf(found, rcs, rules.moneyUnit ?? null);
    for (let k = 0; k < found.length; k++) {
      const rc = rcs[k]!;
      if (!past[k] || !mixed.has(headerOf(k)!) || rc.kind === 'unknown' || byHeader[k]) continue;
      // A reading by count that holds its own sums and the sums across rows, not all zeros, is
      // the row's: an empty cell left after a row (ragged HTML, Word) is common and a stray
      // mid-row fails them (t93: 63 cells lost). A row of zeros holds whatever its cells: not
      // proven. Its own sums alone can hold by chance (seed 146: `1 0 0 0 0 0 1` and a stray
      // copy of its third cell, for 1 0 0 0 0 1 and a blank 总计, read with 总计 1).
      if (
        rc.kind === 'cells' &&
        rc.cells.every((c) => c !== null) &&
        rc.cells.some((c) => c.t === 'val' && /[1-9]/.test(c.text)) &&
        rowHolds(found[k]!.def, rc.cells, ownRules, rules.moneyUnit ?? null) &&
        columnsHold(found[k]!.def, readings, ownRules)
      )
        continue;
      const vals = rc.kind === 'cells' ? rc.cells.filter((c): c is ValTok => c !== null) : rc.vals;
      rcs[k] = {
        kind: 'unknown',
        reason: `the row has a cell past its header's last column, where the table's other rows end under it: which of its cells is not the form's is not proven`,
        vals,
      };
    }
  }
  // Values on the lines after their labels that may be the next row's: a conversion writing each
  // row's values before its label (label-order.ts).
  const order = valuesBeforeLabels(
    positioned.toks,
    found.map((f, k) => ({
      at: f.at,
      n: f.def.columns.length,
      next: k + 1 < found.length && defs.indexOf(found[k + 1]!.def) === defs.indexOf(f.def) + 1,
      prev: k > 0 ? defs.indexOf(found[k - 1]!.def) === defs.indexOf(f.def) - 1 : defs.indexOf(f.def) === 0,
    })),
  );
  if (order)
    for (const k of order.rows) {
      const rc = rcs[k]!;
      if (byHeader[k] || rc.kind === 'unknown') continue;
      const vals = rc.kind === 'cells' ? rc.cells.filter((c): c is ValTok => c !== null) : rc.vals;
      rcs[k] = { kind: 'unknown', reason: order.why, vals };
    }
  // A row found by the rest of its label, its numbered start on a line above with values of
  // its own (rows.ts, numberedValuesAbove): which of those lines' values are its cells is not
  // proven, whoever placed it.
  for (let k = 0; k < found.length; k++) {
    const rc = rcs[k]!;
    if (rc.kind === 'unknown') continue;
    const line = numberedValuesAbove(
      positioned.toks,
      found[k]!.at,
      k > 0 ? found[k - 1]!.at : null,
      found[k]!.def.label,
      found[k]!.def.columns.length,
    );
    if (line === null) continue;
    rcs[k] = {
      kind: 'unknown',
      reason: `values stand beside a numbered label that is no row found (line ${line}) just above this row's label, which may be its start: which values are this row's is not proven`,
      vals: rc.kind === 'cells' ? rc.cells.filter((c): c is ValTok => c !== null) : rc.vals,
    };
  }
  // A table known wider than the form, by its header or its rows: no row read by its count
  // (columns.ts). Rows placed by a drawn header's grid are not read by count.
  const groupOf = new Map((rules.wider?.groups ?? []).flatMap((g, i) => g.map((key) => [key, String(i)] as const)));
  const group = (f: FoundRow) => groupOf.get(f.def.key) ?? '';
  // A plain row (widerRows) also holds its own arithmetic (三's row sum), a check only: a row
  // read a column off by a lost blank rarely does, and then no row is taken for a stray.
  const rowRules = rulesOf(rules.identities ?? [], tableId).rules;
  const lines = found.map((f, k) => labelLine(positioned.toks, f.at, regionEnd(found, k, toks.length)));
  // Empty pieces before a delimited row's first value are the label's columns, no blank cell,
  // when every row's first value stands at the same piece (a sheet's rows, their labels over one
  // to three columns: `一、本年新收…,,,4286,…` and `,,2.其他法律…,234,…`; a fresh tester's t94). A
  // blank first cell would put a row's first value a piece further.
  const firsts = new Set(lines.map((l) => l.find((t) => t.t === 'val')?.piece));
  const labelColumns = firsts.size === 1 && [...firsts][0] !== undefined;
  // The span most of the rows of a width read as cells show (rowExtent): a row spanning more stands out.
  const usualSpans = new Map<number, number>();
  for (const n of new Set(found.map((f) => f.def.columns.length))) {
    const spans = found.flatMap((f, k) =>
      rcs[k]!.kind === 'cells' && f.def.columns.length === n ? [rowExtent(lines[k]!).span] : [],
    );
    usualSpans.set(n, mostCommon(spans) ?? 0);
  }
  const wideRows = widerRows(
    found.map((f, k) => {
      const rc = rcs[k]!;
      const ext = rowExtent(lines[k]!);
      const n = f.def.columns.length;
      return {
        n,
        group: group(f),
        // A row with a full-width comma between digits (60，036: a thousands separator or a cell
        // boundary, Line.digitCommas) shows no count: it may be a cell fewer.
        shown:
          byHeader[k] || digitCommaLine(toks, f.at)
            ? null
            : Math.max(rc.kind === 'unknown' ? rc.vals.length : 0, ext.span),
        plain:
          rc.kind === 'cells' &&
          rc.cells.every((c) => c !== null) &&
          (ext.lead === 0 || labelColumns) &&
          rowHolds(f.def, rc.cells, rowRules, rules.moneyUnit ?? null),
      };
    }),
  );
  // Every row's reading by its count: the column sums against which a row failing its own sum is
  // tried with a value lost (lostValue).
  const countReadings = countReadingsOf(found, rcs, rules.moneyUnit ?? null);
  const cellShorts = cellShortRows(found, rcs, rules.moneyUnit ?? null);
  // The one row a cell short whose cells share a sum with `keys` (三's 总计 for a leaf row: 一, also
  // short, shares none of the leaves' column sums; a new seed: `（四）1.… | 0 | 0 | 0 | 0 | 0 | 1 |
  // 28` for 1 0 0 0 0 0 1 beside 总计 and 一 both a cell short was published as the source's error).
  const cellShortFor = (keys: string[]): CellShort | undefined => {
    const near = cellShorts.filter((c) =>
      rulesNaming(rowRules, keys).some((r) => termsOf(r).some((t) => c.keys.includes(t))),
    );
    return near.length === 1 ? near[0] : undefined;
  };
  // Rows under a number spanning rows that stands at another column than in its own row (spans.ts).
  const ragged = raggedSpans(rcs);
  // Runs of values that are the rows' after them too, their labels printed elsewhere (runs.ts);
  // not in a table whose header or columns are in doubt.
  const plainTable =
    !rules.unproven &&
    !rules.unprovenRows?.size &&
    !rules.repeatedColumn &&
    !rules.repeatedRows?.size &&
    !rules.unnamedColumns &&
    !rules.wider &&
    !rules.byHeader;
  const runs = plainTable
    ? splitRuns(defs, found, rcs, countReadings, rowRules, rules.moneyUnit ?? null)
    : new Map<number, RowDef[]>();
  const spacedTable = plainTable && spacedDigits(toks, found, rcs, runs, wideRows);
  const runKeys: string[] = [];
  for (let k = 0; k < found.length; k++) {
    const f = found[k]!;
    const cols = f.def.columns;
    const run = runs.get(k);
    const rk = rcs[k]!;
    if (run && rk.kind === 'unknown' && !wideRows[k] && !f.clash) {
      run.forEach((d, r) => {
        const keys = keysOf(d);
        runRow(rk.vals, cols.length, r).forEach((tok, j) => {
          const c = em.emit({
            kind: 'read',
            at: { table: tableId, row: d.key, col: d.columns[j]!.key },
            evidence: { tok, start: 0, length: tok.text.length },
            placement: { by: 'lines', index: j },
          });
          knownKeys.push(keys[j]!);
          knownVals.push(c.value);
          knownNumbers.set(keys[j]!, typeof c.value === 'number' ? c.value : null);
        });
        if (r > 0) runKeys.push(d.key);
      });
      continue;
    }
    // A row read by its count whose cells span far more than the form's (`行政处罚 |  | 0 | 12 |  |  |
    // 91 |` over a lone `行政强制`: two rows' cells on one line, a fresh tester's t110 — 0 12 91 read a
    // column off): it proves no wider table (widerRows: rows whose labels were lost), but its own
    // values are not proven its. Not where most rows of its width span so (`|| 59 || 12 ||`: every
    // cell doubled), nor where the row's own sum holds (三's: its values are all its).
    const n = f.def.columns.length;
    const own = rcs[k]!;
    const span = own.kind === 'cells' && !byHeader[k] ? rowExtent(lines[k]!).span : 0;
    const overspread =
      own.kind === 'cells' &&
      span > n + Math.max(1, Math.floor(n / 2)) &&
      span > (usualSpans.get(n) ?? 0) &&
      !digitCommaLine(toks, f.at) &&
      !(hasOwnRule(f.def, rowRules) && rowHolds(f.def, own.cells, rowRules, rules.moneyUnit ?? null))
        ? `the row's cells span ${span} columns for the form's ${n}: another row's cells on its line`
        : null;
    const wider = rules.wider?.rows?.get(f.def.key) ?? rules.wider?.all ?? wideRows[k] ?? overspread;
    const rc = wider && !byHeader[k] ? notByCount(rcs[k]!, wider) : rcs[k]!;
    // Values read from the lines after the label run to the next label found; when a row
    // between the two was not found, its values (its label lost) could be among them. So do a
    // one-line dump's cells that only the next label ends (rows.ts, `endsAtLabel`).
    const next = found[k + 1];
    const skipped =
      rc.kind === 'unknown' || (rc.by !== 'lines' && !endsAtLabel(toks, f.at))
        ? []
        : !inOrder
          ? notFound
          : next
            ? defs.slice(defs.indexOf(f.def) + 1, defs.indexOf(next.def)).map((d) => d.key)
            : [];
    const gap = skipped.length
      ? `row(s) ${skipped.join(', ')} between this row and the next were not found, so their values could be among this row's`
      : null;
    const unnamed = rules.unnamedColumns?.rows?.get(f.def.key) ?? rules.unnamedColumns?.all;
    // A header not naming some columns at their places proves the others only for a row whose
    // cells are, one to one, the header's (the form's count): any other row is not read.
    const notOneToOne =
      unnamed && rc.kind !== 'cells'
        ? `${unnamed.why}, and the row's cells are not one to one under the header's`
        : undefined;
    const before = rules.unproven ?? rules.unprovenRows?.get(f.def.key) ?? notOneToOne;
    const repeatedColumn = rules.repeatedColumn ?? rules.repeatedRows?.get(f.def.key);
    const sumFails = (cells: Slot[], cause?: string) =>
      rowSumFails(
        keysOf(f.def),
        cells,
        cols.map((c) => c.kind),
        rowRules,
        rules.moneyUnit ?? null,
        cause,
      );
    const stray =
      rc.kind === 'cells' &&
      rc.by === 'lines' &&
      oneValueALine(rc.cells) &&
      blanksUnshown(positioned.toks.slice(f.at + 1, regionEnd(found, k, toks.length)))
        ? sumFails(rc.cells)
        : null;
    // A table of text whose rows show more values than columns, none of them rows run together
    // nor a header's wider columns (`6 1 6 5 1 4 1 1 1 4 1 1 1` for seven: `-raw` text spacing a
    // number's digits apart), or fewer with no mark where the others were (blanks not shown): a
    // row of the form's count is not proven by it either (`4 1 1 3 3 1 2` for 4 1 1 3 _ 3 12:
    // t45 published 3 under 法律服务机构 and 2 as 总计). Only its own sum tells; one failing it
    // is NULL.
    const spaced =
      spacedTable && rc.kind === 'cells' && rc.cells.every((c) => c !== null) && !stray && !delimitedLine(toks, f.at)
        ? sumFails(rc.cells, SPACED)
        : null;
    // Its values a column off by a number before or after them that is no cell and a blank not
    // shown, where its own sum tells (shift.ts): a blank may be lost anywhere in text (a converter
    // dropping empty cells), so only a reading that mends the row's sum counts. A row no reading
    // mends is the source's own error, published with its check failed; one some reading mends
    // is NULL, its check not assessable (the source's error or a stray number: not shown).
    const shifted =
      rc.kind === 'cells' && !rc.spanned?.size && !stray && !spaced
        ? shiftedReading(
            cellNumbers(
              rc.cells,
              cols.map((c) => c.kind),
              rules.moneyUnit ?? null,
            ),
            keysOf(f.def),
            rowRules,
            { extra: 'edges', lost: 'anywhere', mend: true },
            knownNumbers,
          )
        : null;
    // Its values a column off by a number after (or before) them that is no cell and a value
    // lost, not a blank (a fresh 100,000-report corpus: 4 0 0 0 0 0 4 written 0 0 0 0 0 4 21, or
    // 0 2 0 0 0 0 2 written 0 2 0 0 0 2 4, its own sum holding by chance): only the other rows'
    // column sums, which the reading without the stray number and with the value its own sum
    // makes holds where the count's fails, show it. A source's own wrong number fails its
    // column's sum under both readings and is published.
    const countNumbers =
      rc.kind === 'cells' && !rc.spanned?.size && !stray && !shifted
        ? cellNumbers(
            rc.cells,
            cols.map((c) => c.kind),
            rules.moneyUnit ?? null,
          )
        : null;
    const lostValue = countNumbers
      ? shiftedReading(
          countNumbers,
          keysOf(f.def),
          rowRules,
          { extra: 'edges', lost: 'anywhere', mend: false, lostValue: true },
          countReadings,
          cellShortFor(keysOf(f.def)),
        )
      : null;
    // Two cells glued and a stray number, where the sums tell (shift.ts, gluedReading).
    const off =
      rc.kind === 'cells' && countNumbers && !lostValue
        ? gluedReading(
            rc.cells.map((c) => c?.text ?? null),
            countNumbers,
            keysOf(f.def),
            rowRules,
            countReadings,
          )
        : null;
    // A cell written with a leading zero (`00`, `03`) is two cells glued as often as one number
    // (cell.ts): the row's count then holds only with a number too many besides (a rule read as
    // a 1), every value after it a column off. Where the row's own sum fails even with the cell
    // read as one number, nothing places them
    // (seed 17: `0 0 00 0 0 0 1`, its total a rule's 1, the column sums holding by a blank's chance).
    const gluedZero =
      rc.kind === 'cells' &&
      !stray &&
      !shifted &&
      !lostValue &&
      !off &&
      rc.cells.some((c) => c !== null && /^0\d/.test(c.text.trim())) &&
      // The cell counted as its digits (07 as 7): a number padded with a zero, its row adding up,
      // is read as before (the cell itself NULL), a column off or not. Where no sum names the row
      // (二), nothing vouches for the cells after it (t37: `规章 5 058 1` for 5 0 58).
      (!keysOf(f.def).some((key) => checked.has(key)) ||
        rowSumFails(
          keysOf(f.def),
          rc.cells.map((c) => (c && /^0\d+$/.test(c.text.trim()) ? { ...c, text: String(Number(c.text.trim())) } : c)),
          cols.map((c) => c.kind),
          rowRules,
          rules.moneyUnit ?? null,
        ) !== null)
        ? 'a cell with a leading zero (two cells glued?), and no sum of the row holds with it: the values after it may be a column off'
        : null;
    const why =
      before ??
      repeatedColumn ??
      f.clash ??
      (rc.kind === 'unknown'
        ? rc.reason
        : (ragged.get(k) ??
          gap ??
          stray ??
          spaced ??
          shifted ??
          lostValue ??
          off ??
          gluedZero ??
          pageEdge(rc) ??
          numbersInLabel(toks[f.at], rc, tableId)));
    if (why) {
      // A repeated label gets its own state, so that the reason shown is that one (not "more
      // than one reading"): the first reason found is the one said.
      const state =
        before !== undefined
          ? 'ambiguous'
          : repeatedColumn !== undefined
            ? 'repeated_column'
            : f.clash !== null && f.repeated
              ? 'repeated_row'
              : 'ambiguous';
      em.unprovenRow(f.def.key, f.no, rawOf(rc.kind === 'cells' ? rc.cells : rc.vals), state, why);
      continue;
    }
    const addrs: CellAddress[] = [];
    for (const c of cols) addrs.push({ table: tableId, row: f.def.key, col: c.key });
    if (rc.kind === 'cells') {
      const keys = keysOf(f.def);
      for (let j = 0; j < cols.length; j++) {
        const slot = rc.cells[j];
        const placement: Placement = { by: rc.by, index: j };
        if (unnamed?.cols.has(cols[j]!.key)) {
          // Not a known value for the arithmetic: a check over it is not assessable.
          em.emit({
            kind: 'unproven',
            at: addrs[j]!,
            line: slot?.no ?? f.no,
            raw: slot?.raw ?? '',
            state: 'unnamed_column',
          });
          continue;
        }
        const c = rc.spanned?.has(j)
          ? em.emit({
              kind: 'unproven',
              at: addrs[j]!,
              line: slot?.no ?? f.no,
              raw: slot?.raw ?? '',
              state: 'ambiguous',
            })
          : slot
            ? em.emit({
                kind: 'read',
                at: addrs[j]!,
                evidence: { tok: slot, start: 0, length: slot.text.length },
                placement,
              })
            : em.emit({ kind: 'blank', at: addrs[j]!, line: f.no, placement });
        knownKeys.push(keys[j]!);
        knownVals.push(c.value);
        knownNumbers.set(keys[j]!, typeof c.value === 'number' ? c.value : null);
      }
      const off = cols.filter((c) => unnamed?.cols.has(c.key));
      if (off.length)
        em.note(
          'W_CELLS_AMBIGUOUS',
          `${tableId}.${f.def.key}: ${unnamed!.why}: the header does not name ${off.map((c) => c.key).join(', ')} at its place; ${off.length} cell(s) left NULL, the other columns read by the header's labels`,
          f.no,
          addrs[cols.indexOf(off[0]!)],
        );
      if (rc.spanned)
        em.note(
          'W_CELLS_AMBIGUOUS',
          `${tableId}.${f.def.key}: a number spans several cells (colspan, or rowspan over other rows) — which of them it belongs to is not known; ${rc.spanned.size} cell(s) left NULL`,
          f.no,
          addrs[Math.min(...rc.spanned)],
        );
    } else if (rc.kind === 'short') {
      short.push({
        cells: addrs,
        kinds: cols.map((c) => c.kind),
        slots: rc.slots,
        vals: rc.vals,
        line: f.no,
        blankTail: rc.blankTail ?? 0,
        // Several values written apart: one run of digits alone (a page dump) has no such sign,
        // nor runs a page dump's &nbsp; parts (each run is then split, its ends cell edges). Apart
        // by spaces or on lines of their own as well: a blank lost for each cell missing is a
        // reading as good as digits glued (a "10" cut 1|0 where two blanks were lost, t14).
        separated: rc.vals.length >= 2 && !rc.vals.some((v) => v.glued),
      });
    }
  }
  if (short.length) {
    const known = new Map<string, Val>();
    for (let i = 0; i < knownKeys.length; i++) known.set(knownKeys[i]!, knownVals[i]!);
    resolveShort(em, short, known, rules.identities ?? []);
  }

  const foundKeys = [...found.map((f) => f.def.key), ...runKeys];
  return {
    cells: em.finish(),
    found: foundKeys,
    missing: defs.map((d) => d.key).filter((k) => !foundKeys.includes(k)),
    notes: em.notes,
  };
}

/**
 * Whether a row's cells, read by its count, hold every identity of its table that lies within
 * the row (三's six applicants adding up to 总计); a row with none holds.
 */
/**
 * Every row's reading by its count, as numbers by `row.col` (rows read as cells only; 件 or 万元
 * as the column's kind reads). Used only to check sums and try other readings, never published.
 */
function countReadingsOf(
  found: readonly FoundRow[],
  rcs: readonly RowCells[],
  unit: MoneyUnit | null,
): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (let k = 0; k < found.length; k++) {
    const rc = rcs[k]!;
    // A row not placed whose every value is 0, no more of them than columns: each cell is 0 or
    // blank, and a blank adds nothing to a column's sum either way (t: a 100,000-report corpus, a
    // row of six 0 for seven columns left 三's column sums unchecked, so a row read a column off
    // above it stood).
    if (rc.kind !== 'cells' && zeroOrNone(rc.vals, found[k]!.def.columns.length)) {
      for (const key of keysOf(found[k]!.def)) out.set(key, 0);
      continue;
    }
    if (rc.kind !== 'cells' || rc.spanned?.size) continue;
    const nums = cellNumbers(
      rc.cells,
      found[k]!.def.columns.map((c) => c.kind),
      unit,
    );
    // A blank or a mark for none (—, /, 无) adds nothing to a column's sum, as a source's total
    // counts it: more of the sums are checked.
    keysOf(found[k]!.def).forEach((key, j) => {
      const slot = rc.cells[j];
      out.set(key, nums[j] ?? (slot === null || slot === undefined || NONE.test(slot.text.trim()) ? 0 : null));
    });
  }
  return out;
}

/**
 * Whether the sums across rows that name row `d`'s cells hold with every row read by its count
 * (`readings`, countReadingsOf), at least one of them naming its last cell (三's 总计 column):
 * a row read a cell off shifts its later values, its last one always, and a sum across rows
 * then fails unless the values happen to agree. The row's own sums are rowHolds'. False when
 * none that names its last cell can be checked.
 */
function columnsHold(d: RowDef, readings: ReadonlyMap<string, number | null>, rules: Rule[]): boolean {
  const keys = keysOf(d);
  const own = new Set(keys);
  const last = keys[keys.length - 1]!;
  const sum = (ts: readonly string[]) => {
    let s = 0;
    for (const t of ts) {
      const v = readings.get(t);
      if (typeof v !== 'number') return null;
      s += v;
    }
    return s;
  };
  let lastChecked = false;
  for (const r of rulesNaming(rules, keys)) {
    const terms = termsOf(r);
    if (terms.every((t) => own.has(t))) continue;
    const lhs = sum(r.lhs);
    const rhs = sum(r.rhs);
    if (lhs === null || rhs === null) continue;
    if (Math.abs(lhs - rhs) > 1e-9) return false;
    if (terms.includes(last)) lastChecked = true;
  }
  return lastChecked;
}

/** Whether the table's arithmetic has a rule within row `d` alone (三's row sum), for rowHolds to prove it by. */
function hasOwnRule(d: RowDef, rules: Rule[]): boolean {
  const own = new Set(keysOf(d));
  return rulesNaming(rules, keysOf(d)).some((r) => termsOf(r).every((t) => own.has(t)));
}

function rowHolds(d: RowDef, cells: Slot[], rules: Rule[], unit: MoneyUnit | null): boolean {
  const keys = keysOf(d);
  const own = new Set(keys);
  const value = new Map(keys.map((key, j) => [key, parseCell(cells[j]!.text, d.columns[j]!.kind, unit).value]));
  for (const r of rulesNaming(rules, keys)) {
    const terms = termsOf(r);
    if (!terms.every((t) => own.has(t))) continue;
    if (terms.some((t) => typeof value.get(t) !== 'number')) return false;
    const sum = (ts: string[]) => ts.reduce((a, t) => a + (value.get(t) as number), 0);
    if (Math.abs(sum(r.lhs) - sum(r.rhs)) > 1e-9) return false;
  }
  return true;
}

/**
 * Why a row holding a bare number beside a page break (Tok `edge`: first on a page, or with one
 * on each side of the break) is not proven, or null: that number may be the page's, in a header,
 * and a blank cell lost would give the row its count with it.
 */
/** A table rule as OCR reads it when not as a 1: l, I, 丨, a full-width bar. */
const RULE_MARK = /^[lI丨｜]$/;

/**
 * Why a row's last cell may be its closing rule read as a 1 (read as l, I or 丨: always): the row on line `own` (its cells
 * `cells`) ends in a value `1` with no empty piece after it, where every other delimited row
 * line of the table (`lines`, at least two) ends with at least one (`trails`, rows.ts
 * trailingEmpties: a closing `|`). Null otherwise.
 */
export function ruleAsOne(cells: Slot[], trails: Map<number, number>, lines: number[], own: number): string | null {
  const last = cells[cells.length - 1]?.text.trim();
  // A rule read as a letter or a stroke is never a value, whatever the separators (t37).
  if (last !== undefined && RULE_MARK.test(last))
    return `the row ends in "${last}", a table rule read as a character: two of its cells may be glued before it, so which values are whose is not proven`;
  if (trails.get(own) !== 0 || last !== '1') return null;
  const others = lines.filter((l) => l !== own && trails.has(l));
  if (others.length < 2 || others.some((l) => trails.get(l)! < 1)) return null;
  return "the row ends in a bare 1 where the table's other rows end with their closing rule: a rule read as 1 (and two cells glued?) or a value";
}

export function pageEdge(rc: RowCells): string | null {
  const vals = rc.kind === 'cells' ? rc.cells : rc.vals;
  const at = vals.find((v) => v?.edge);
  return at
    ? `the value ${at.raw} (line ${at.no}) stands alone beside a page break: the page's number or this row's cell, which is not shown`
    : null;
}

/**
 * Whether every value of a row stands on a line of its own (one cell a line, no separators). Its
 * blank cells (an empty line read as one) do not count: an empty line among values that otherwise
 * follow each other may be a blank cell or only a break (blanksUnshown), so such a row is as
 * unproven by its count (a fresh 100,000-report corpus: `0 0 0 0 0`, an empty line, and a page's
 * number 6, read as a blank and a 总计 of 6).
 */
export function oneValueALine(cells: Slot[]): boolean {
  const lines = new Set<number>();
  for (const c of cells) {
    if (!c) continue;
    if (lines.has(c.line)) return false;
    lines.add(c.line);
  }
  return true;
}

/**
 * Whether `region`'s values stand on bare lines that would not show a blank cell: no line of it
 * is delimited (`3 |` shows a blank as ` |`), and its values are not all apart by blank lines
 * (blank-line separators show a blank as two; one empty line among values that otherwise follow
 * each other may be a blank cell or nothing). Plain pdftotext of a ruled table is so.
 */
/**
 * Whether a table of text (not delimited) shows that its values are not its cells one to one: a
 * row found with more values than it has columns, neither rows run together (`runs`, runs.ts)
 * nor read under a header's wider columns (`wide`) — a number's digits spaced apart — or with
 * fewer, nothing marking where the others were — blank cells not shown. Either way a row of the
 * form's count may be both at once.
 */
function spacedDigits(
  toks: Tok[],
  found: readonly FoundRow[],
  rcs: readonly RowCells[],
  runs: ReadonlyMap<number, unknown>,
  wide: ReadonlyArray<unknown>,
): boolean {
  return found.some((f, k) => {
    const rc = rcs[k]!;
    if (delimitedLine(toks, f.at) || runs.has(k) || wide[k]) return false;
    const n = f.def.columns.length;
    return (rc.kind === 'unknown' && rc.vals.length > 0 && rc.vals.length !== n) || rc.kind === 'short';
  });
}

export function blanksUnshown(region: Tok[]): boolean {
  let seen = false;
  let gap = 0;
  let apart = true;
  for (const t of region) {
    if ((t.t === 'eol' && t.delimited) || t.t === 'empty') return false;
    if (t.t === 'blank') gap++;
    if (t.t === 'val') {
      if (seen && gap === 0) apart = false;
      seen = true;
      gap = 0;
    }
  }
  return !apart;
}

/**
 * Why a row read by its count from one value a line is not proven, or null. One cell a line shows
 * no blank cell (it leaves no line), so the count is the row's only proof; a blank cell lost and
 * a stray number in the row (a page's number, where the text has no form feeds to show the page
 * break) give the count too, with the values after the blank a column off. So the row is not
 * proven when one of its own sums (三's applicants adding up to 总计, 四's results to each
 * block's 总计) does not hold: a source's own error breaks it as well, but which of the two it
 * is the text does not show (a number a row short of a blank also makes the source's sums look
 * wrong when they were right, and right ones look wrong), so no reading of it is published.
 * `keys`: the cells' `row.col` keys, in order.
 */
/** rowSumFails's reason for a row of one value a line; `{sum}` is the failing sum. */
const ONE_A_LINE =
  "its values stand one a line, where a blank cell leaves no line, and its own sum does not hold ({sum}): a blank cell lost and a stray number in the row (a page number) would read so, the values after the blank a column off, as would the source's own error";

/**
 * rowSumFails's reason for a row read by its count in a table that writes numbers with their
 * digits spaced apart (`spacedDigits`); `{sum}` is the failing sum.
 */
const SPACED =
  "its own sum does not hold ({sum}) in a table whose other rows show more values than columns (a number's digits spaced apart, `1 2` for 12, its blank cells not shown): a number spaced apart and a blank cell not shown give the row its count too, its values then under other columns, as would the source's own error";

export function rowSumFails(
  keys: string[],
  cells: Slot[],
  kinds: ReadonlyArray<ValueKind>,
  rules: Rule[],
  unit: MoneyUnit | null,
  cause: string = ONE_A_LINE,
): string | null {
  const index = new Map(keys.map((key, j) => [key, j]));
  // A blank cell, or one that is no number (a mark for none, 无, /, or text), counts as none here: the sum then
  // fails more often, which only leaves more rows NULL, never places a value.
  // A number with a note mark after it (`7①`, read as 7※: unreadable, not published) counts as
  // its digits: the sum tests where the values stand, not the values.
  const values = cells.map((c, j) => {
    if (!c) return 0;
    const v = parseCell(c.text, kinds[j]!, unit).value;
    if (typeof v === 'number') return v;
    const bare = /^(.*\d)\s*[※*＊†]+$/.exec(c.text);
    const b = bare ? parseCell(bare[1]!, kinds[j]!, unit).value : null;
    return typeof b === 'number' ? b : 0;
  });
  for (const r of rules) {
    const terms = [...r.lhs, ...r.rhs];
    if (!terms.every((t) => index.has(t))) continue;
    const sum = (ts: string[]) => ts.reduce((a, t) => a + (values[index.get(t)!] as number), 0);
    if (Math.abs(sum(r.lhs) - sum(r.rhs)) > 1e-9)
      return `${cause.replace('{sum}', `${r.lhs.join(' + ')} = ${sum(r.lhs)}, ${r.rhs.join(' + ')} = ${sum(r.rhs)}`)} — which, the text does not show`;
  }
  return null;
}

/** The cells' numbers in order; a blank, a mark for none or text is null (shift.ts). */
export function cellNumbers(
  cells: Slot[],
  kinds: ReadonlyArray<ValueKind>,
  unit: MoneyUnit | null,
): Array<number | null> {
  return cells.map((c, j) => {
    if (!c) return null;
    const v = parseCell(c.text, kinds[j]!, unit).value;
    return typeof v === 'number' ? v : null;
  });
}

/**
 * The rows of the table not placed whose values are their columns less one, each a number, and
 * not all 0 (those count as 0 already): the column sums through one can still be checked, with
 * it read each way (shift.ts `CellShort`; the caller takes the one sharing a sum with the row it
 * reads, none when two do). Not a row whose columns differ in kind.
 */
function cellShortRows(
  found: ReadonlyArray<{ def: RowDef }>,
  rcs: ReadonlyArray<RowCells>,
  unit: MoneyUnit | null,
): CellShort[] {
  const out: CellShort[] = [];
  for (let k = 0; k < found.length; k++) {
    const rc = rcs[k]!;
    const def = found[k]!.def;
    if (rc.kind !== 'short' || rc.vals.length !== def.columns.length - 1 || rc.slots.length !== rc.vals.length)
      continue;
    if (allZero(rc.vals, def.columns.length)) continue;
    const kind = def.columns[0]!.kind;
    if (def.columns.some((c) => c.kind !== kind)) continue;
    const values = rc.vals.map((v) => parseCell(v.text, kind, unit).value);
    if (!values.every((v): v is number => typeof v === 'number')) continue;
    out.push({ keys: keysOf(def), values });
  }
  return out;
}

/** A mark for none in a cell: a dash, a slash, 无. */
const NONE = /^(?:[—–\-－/／]+|无)$/;

/**
 * Whether `vals` are 1 to `n` values each a plain 0 (０, 0.00, or with a count's unit: 0件, 0 个 —
 * 件 "items", the form's unit): none a qualified or odd one.
 */
function allZero(vals: ReadonlyArray<ValTok>, n: number): boolean {
  return vals.length >= 1 && vals.length <= n && vals.every((v) => ZERO.test(v.text.trim()));
}

/**
 * Whether `vals` are 1 to `n` values each a plain 0 or a mark for none (—, /, 无), at least one
 * a 0: like a blank, a mark adds nothing to a column's sum (as a source's total counts it). A
 * fresh seed: `0 | / | 0 | 0 | 0 | 0 |  |` not placed (its last piece padding or a blank) left
 * 三's every column sum unchecked, so a row below, a value lost and a stray number after, stood.
 */
function zeroOrNone(vals: ReadonlyArray<ValTok>, n: number): boolean {
  return (
    allZero(
      vals.filter((v) => !NONE.test(v.text.trim())),
      n,
    ) && vals.length <= n
  );
}

const ZERO = /^[0０]+(?:[.．][0０]+)?\s*[件个条项次]?$/;

/** Whether the row label at `at` stands on a line with a full-width comma between digits (Tok eol `digitCommas`). */
function digitCommaLine(toks: Tok[], at: number): boolean {
  const line = toks[at]!.line;
  for (let i = at + 1; i < toks.length && toks[i]!.line === line; i++) {
    const t = toks[i]!;
    if (t.t === 'eol') return t.digitCommas !== undefined;
  }
  return false;
}

/** The tokens after the row label at `at` on its own line, up to the line's end or `limit` (the next row's label). */
/** The grid column of the first cell after the label at `at` on its line (not a covered position), or undefined. */
function firstCellCol(toks: readonly Tok[], at: number): number | undefined {
  const line = toks[at]!.line;
  for (let i = at + 1; i < toks.length && toks[i]!.line === line; i++) {
    const t = toks[i]!;
    if (t.t === 'eol') return undefined;
    if ((t.t === 'val' || t.t === 'empty' || t.t === 'text') && !(t.t === 'empty' && t.covered)) return t.col;
  }
  return undefined;
}

/** The drawn table of the row whose label is at `at` (its line's end: Line.table), or undefined. */
function rowTable(toks: readonly Tok[], at: number): number | undefined {
  const line = toks[at]!.line;
  for (let i = at + 1; i < toks.length && toks[i]!.line === line; i++) {
    const t = toks[i]!;
    if (t.t === 'eol') return t.table;
  }
  return undefined;
}

function labelLine(toks: Tok[], at: number, limit: number): Tok[] {
  const line = toks[at]!.line;
  let end = at + 1;
  while (end < limit && toks[end]!.line === line && toks[end]!.t !== 'eol') end++;
  return toks.slice(at + 1, end);
}

const KEYS = new WeakMap<RowDef, string[]>();
/** `row.col` keys of a row's cells, as the identities name them; made once per row definition. */
function keysOf(d: RowDef): string[] {
  let k = KEYS.get(d);
  if (!k) KEYS.set(d, (k = d.columns.map((c) => `${d.key}.${c.key}`)));
  return k;
}

/** The source text of a row's values, kept on cells that cannot be read. */
export function rawOf(slots: Slot[]): string {
  return [...new Set(slots.filter((s): s is ValTok => s !== null))].map((v) => v.raw).join(' ');
}

/** A source row with fewer cells than its template cells, and nothing placing them. */
export interface ShortRow {
  cells: CellAddress[];
  kinds: ValueKind[];
  slots: Slot[];
  vals: ValTok[];
  line: number;
  /** Read also as the slots followed by this many blank cells (rows.ts, `blankTail`). */
  blankTail: number;
  /**
   * The source separates the row's values (`|`, tab, comma, spaces; at least two values): a row short of several
   * cells may have lost them rather than had them glued, so readings with every number of
   * dropped cells compete with the splits (a split that fits one row sum is then no proof).
   */
  separated?: boolean;
}

/**
 * Short rows: every reading (glued digits split, one cell dropped) is enumerated, the table's
 * identities rule readings out jointly, and each cell is read only where every surviving
 * reading puts the same source text there.
 */
export function resolveShort(
  em: TableEmitter,
  rows: ShortRow[],
  known: Map<string, Val>,
  identities: Identity[],
): void {
  if (!rows.length) return;
  const unit = em.moneyUnit;
  const { rules, checked } = rulesOf(identities, em.template.id);
  const valuesOf = (r: ShortRow, rd: readonly ReadingCell[]): Val[] =>
    rd.map((c, j): Val =>
      c.kind === 'dropped'
        ? 'dropped'
        : c.kind === 'empty'
          ? null
          : parseCell(c.tok.text.slice(c.start, c.start + c.length), r.kinds[j]!, unit).value,
    );
  const own = (u: { cells: string[] }) => rules.filter((x) => [...x.lhs, ...x.rhs].every((c) => u.cells.includes(c)));
  // A row with more readings than the cap (a run of 20 digits for seven cells: some 38,000) is
  // read again keeping only those that hold its own sums, as every reading that cuts digits must
  // (below): a handful. Such a row (`long`) has too many readings to be told apart by the rest
  // of the table, and too many to check it: the sums through it check no other row's cells
  // unless one reading of it is left; its own cells are read as any row's.
  const long = rows.map(() => false);
  const all = rows.map((r, i) => {
    const maxDropped = r.separated ? r.cells.length - r.slots.length : 1;
    let rds = readings(r.slots, r.cells.length, undefined, maxDropped);
    if (rds === null) {
      const cells = r.cells.map(cellIn);
      const ownRules = own({ cells });
      rds = readings(
        r.slots,
        r.cells.length,
        undefined,
        maxDropped,
        (rd) => !cutsDigits(rd) || ownHolds(cells, valuesOf(r, rd), ownRules),
      );
      long[i] = rds !== null;
    }
    if (rds && r.blankTail && r.slots.length + r.blankTail === r.cells.length) {
      rds.push([
        ...r.slots.map((s): ReadingCell =>
          s === null ? { kind: 'empty', no: 0 } : { kind: 'piece', tok: s, start: 0, length: s.text.length },
        ),
        ...Array.from({ length: r.blankTail }, (): ReadingCell => ({ kind: 'empty', no: 0 })),
      ]);
    }
    return rds;
  });
  const units: Unit[] = rows.map((r, i) => ({
    cells: r.cells.map(cellIn),
    values: (all[i] ?? []).map((rd) => valuesOf(r, rd)),
  }));
  const alive = survivors(known, units, rules);
  // The cells of rows some reading of which fits the table: a rule over a row none of whose
  // readings fits checks nothing (t19: 结转 read short as "0 0 0 0 0 4", no reading fitting,
  // left the column sums unable to reject 466 284 231 513 read as 466|2|8|4|2|31|513).
  const openCells = new Set(
    units.flatMap((u, i) =>
      alive[i]!.includes(true) && (!long[i] || alive[i]!.filter(Boolean).length === 1) ? u.cells : [],
    ),
  );
  // A row no reading of which fits the whole table (another row of the source is wrong): its
  // own arithmetic (the row sum, a block total) may still decide it on its own.
  units.forEach((u, i) => {
    if (alive[i]!.includes(true) || !u.values.length) return;
    const rs = own(u);
    if (rs.length) alive[i] = survivors(new Map(), [u], rs)[0]!;
  });

  // Arithmetic places cells only in a table whose arithmetic holds: where an identity still
  // fails with every certain cell and every placement agreed on, the source has an error, and
  // a placement that "fixes" it would be a guess (a dropped cell absorbs any difference).
  const placed = new Map(known);
  rows.forEach((r, i) => {
    const kept = (all[i] ?? []).filter((_, k) => alive[i]![k]);
    if (!kept.length) return;
    units[i]!.cells.forEach((c, j) => {
      const v = units[i]!.values[alive[i]!.indexOf(true)]![j]!;
      if (agreed(kept.map((rd) => rd[j]!)) && v !== 'dropped') placed.set(c, v);
    });
  });
  const sum = (cs: string[]) => cs.reduce((a, c) => a + (placed.get(c) as number), 0);
  const numeric = (rule: Rule) => [...rule.lhs, ...rule.rhs].every((c) => typeof placed.get(c) === 'number');
  const broken = rules.some((rule) => numeric(rule) && Math.abs(sum(rule.lhs) - sum(rule.rhs)) > 1e-9);
  // A cell cut out of a run of digits is read only where a rule over it holds with every term a
  // number: a reading none can check (a blank in its row sum, the rows its columns add up with
  // unread) is no proof of where the digits part, however few readings there are (t19:
  // `无 0件 0 51 26` short of two cells published 51 26 as 5|1|2|6).
  const proven = new Set(
    rules
      .filter((rule) => numeric(rule) && Math.abs(sum(rule.lhs) - sum(rule.rhs)) <= 1e-9)
      .flatMap((rule) => [...rule.lhs, ...rule.rhs]),
  );

  // A reading no identity checks is a guess, however unique, while the values could also be
  // fewer cells with blanks (115 for three columns splits only as 1|1|5, yet the row may be 115
  // and two blank cells). Unique without arithmetic only when no shorter reading exists (005 can
  // only be 0|0|5: no number has a leading zero).
  rows.forEach((r, i) => {
    const raw = rawOf(r.vals);
    if (!units[i]!.cells.some((c) => checked.has(c)) && fewerCellsPossible(r.slots, r.cells.length)) {
      const label = `${em.template.id}.${[...new Set(r.cells.map((c) => c.row))].join('/')}`;
      for (const at of r.cells) em.emit({ kind: 'unproven', at, line: r.line, raw, state: 'ambiguous' });
      em.note(
        'W_CELLS_AMBIGUOUS',
        `${label}: ${r.vals.length} values "${raw}" for ${r.cells.length} columns — no arithmetic covers this row and the values could as well be fewer cells with blanks; ${r.cells.length} cell(s) left NULL`,
        r.line,
        r.cells[0],
      );
      return;
    }
    if (broken && all[i] && (all[i].length > 1 || long[i])) {
      const label = `${em.template.id}.${[...new Set(r.cells.map((c) => c.row))].join('/')}`;
      for (const at of r.cells) em.emit({ kind: 'unproven', at, line: r.line, raw, state: 'ambiguous' });
      em.note(
        'W_CELLS_AMBIGUOUS',
        `${label}: ${r.vals.length} values "${raw}" for ${r.cells.length} columns — the table's own arithmetic fails elsewhere, so it cannot place these cells; ${r.cells.length} cell(s) left NULL`,
        r.line,
        r.cells[0],
      );
      return;
    }
    const rds = all[i] ?? null;
    const label = `${em.template.id}.${[...new Set(r.cells.map((c) => c.row))].join('/')}`;
    if (rds === null) {
      for (const at of r.cells) em.emit({ kind: 'unproven', at, line: r.line, raw, state: 'ambiguous' });
      em.note(
        'W_CELLS_AMBIGUOUS',
        `${label}: ${r.vals.length} values "${raw}" for ${r.cells.length} columns — too many readings to decide; ${r.cells.length} cell(s) left NULL`,
        r.line,
        r.cells[0],
      );
      return;
    }
    // A reading that cuts digits apart is proven only by arithmetic: one its own row's sums reject
    // (三's applicants to 总计, a block of 四 to its 总计) is no proof, whatever the rest of the
    // table (a cell dropped elsewhere can absorb any difference). A reading of whole values with
    // a lost cell stays: its row may be one the source added up wrong.
    const ownRules = own(units[i]!);
    const kept = rds.filter(
      (rd, k) => alive[i]![k] && (!cutsDigits(rd) || ownHolds(units[i]!.cells, units[i]!.values[k]!, ownRules)),
    );
    if (!kept.length) {
      for (const at of r.cells) em.emit({ kind: 'unproven', at, line: r.line, raw, state: 'unreadable' });
      em.note(
        'W_CELLS_AMBIGUOUS',
        `${label}: ${r.vals.length} values "${raw}" for ${r.cells.length} columns — no reading (glued digits split, or a cell missing) satisfies the arithmetic; ${r.cells.length} cell(s) left NULL`,
        r.line,
        r.cells[0],
      );
      return;
    }
    // A cell the candidate readings disagree on is decided by arithmetic only when every identity
    // the template has for it checks it. With one of them unable to (an unreadable total), the
    // others are weaker proof than they look: when the source's own row sum is wrong (a typo of
    // 1 as 10), the true reading fails it and another that happens to satisfy it would be
    // published with every check passing (310140930111 as 31|0|1|40|9|30|111 — a tester's
    // file). A cell of 四 has one identity, its block total: a glued 四 whose source got a block
    // total wrong can still be split wrong, which no check of ours can see (docs/reading.md).
    const checkedAll = checkedFully(units[i]!.cells, rules, known, openCells);
    // …or where the digits can part only one way (005 in three cells: no number has a leading
    // zero, and no reading has fewer cells).
    const forced = !long[i] && rds.length === 1 && !fewerCellsPossible(r.slots, r.cells.length);
    let unsure = 0;
    r.cells.forEach((at, j) => {
      let c = checkedAll[j] || (!long[i] && agreed(rds.map((rd) => rd[j]!))) ? agreed(kept.map((rd) => rd[j]!)) : null;
      if (c?.kind === 'piece' && c.length < c.tok.text.length && !proven.has(cellIn(at)) && !forced) c = null;
      if (c?.kind === 'piece')
        em.emit({
          kind: 'read',
          at,
          evidence: { tok: c.tok, start: c.start, length: c.length },
          placement: { by: 'split', index: j, readings: kept.length },
        });
      else if (c?.kind === 'empty')
        em.emit({ kind: 'blank', at, line: r.line, placement: { by: 'split', index: j, readings: kept.length } });
      else {
        unsure++;
        em.emit({ kind: 'unproven', at, line: r.line, raw, state: 'ambiguous' });
      }
    });
    if (unsure) {
      em.note(
        'W_CELLS_AMBIGUOUS',
        `${label}: ${r.vals.length} values "${raw}" for ${r.cells.length} columns — ${kept.length} readings satisfy the arithmetic; ${unsure} cell(s) left NULL`,
        r.line,
        r.cells.find((_, j) => !agreed(kept.map((rd) => rd[j]!))),
      );
    }
  });
}

/** Whether a reading cuts a value's digits into several cells (glue.ts). */
function cutsDigits(rd: readonly ReadingCell[]): boolean {
  return rd.some((c) => c.kind === 'piece' && c.length < c.tok.text.length);
}

/** Whether every one of `rules` that a reading's values can check (no term blank or dropped) holds. */
function ownHolds(cells: string[], values: Val[], rules: Rule[]): boolean {
  const at = (c: string) => values[cells.indexOf(c)];
  for (const r of rules) {
    const vs = [...r.lhs, ...r.rhs].map(at);
    if (vs.some((v) => typeof v !== 'number')) continue;
    const sum = (cs: string[]) => cs.reduce((a, c) => a + (at(c) as number), 0);
    if (Math.abs(sum(r.lhs) - sum(r.rhs)) > 1e-9) return false;
  }
  return true;
}

const RULES = new WeakMap<Identity[], Map<string, { rules: Rule[]; checked: Set<string> }>>();
/** A table's identities as rules over `row.col` keys, and every cell they check; made once per list. */
export function rulesOf(identities: Identity[], table: string): { rules: Rule[]; checked: Set<string> } {
  let byTable = RULES.get(identities);
  if (!byTable) RULES.set(identities, (byTable = new Map<string, { rules: Rule[]; checked: Set<string> }>()));
  let r = byTable.get(table);
  if (!r) {
    const rules = identities
      .filter((i) => i.table === table)
      .map((i) => ({ lhs: i.lhs.map(cellIn), rhs: i.rhs.map(cellIn) }));
    byTable.set(table, (r = { rules, checked: new Set(rules.flatMap((rule) => [...rule.lhs, ...rule.rhs])) }));
  }
  return r;
}

/** Whether the slots can also be read as fewer than `n` cells (the rest blank), or that is unknown. */
function fewerCellsPossible(slots: Slot[], n: number): boolean {
  for (let m = Math.max(1, slots.length); m < n; m++) {
    const rds = readings(slots, m);
    if (rds === null || rds.some((rd) => !rd.some((c) => c.kind === 'dropped'))) return true;
  }
  return false;
}

/** The one reading cell every reading has at a position (same source text), or null. */
function agreed(cs: ReadingCell[]): ReadingCell | null {
  const c = cs[0]!;
  if (c.kind === 'dropped') return null;
  for (const d of cs) {
    if (d.kind !== c.kind) return null;
    if (d.kind === 'piece' && c.kind === 'piece' && (d.tok !== c.tok || d.start !== c.start || d.length !== c.length))
      return null;
  }
  return c;
}

/**
 * Per cell of a unit: whether every identity the template has for it can check it (see
 * resolveShort): each of its terms a certain number or a cell of a row being read. One with a
 * term the report lacks or left NULL (an unreadable total) checks nothing.
 */
function checkedFully(cells: string[], rules: Rule[], known: Map<string, Val>, open: Set<string>): boolean[] {
  const own = new Set(cells);
  const all = new Map<string, number>();
  const checks = new Map<string, number>();
  for (const r of rules) {
    const terms = [...r.lhs, ...r.rhs];
    const checking = terms.every((t) => open.has(t) || typeof known.get(t) === 'number');
    for (const t of terms) {
      if (!own.has(t)) continue;
      all.set(t, (all.get(t) ?? 0) + 1);
      if (checking) checks.set(t, (checks.get(t) ?? 0) + 1);
    }
  }
  return cells.map((c) => (checks.get(c) ?? 0) > 0 && checks.get(c) === all.get(c));
}

/**
 * A row read from lines other than its label's, whose label's own line holds numbers it could not
 * cut into cells (`8.属于行政查询事项 105件 0件 0件 0件 0件 件0 105件`, a unit wrapped before the
 * next column's digit): those are its values, and the line below is another row's whose label
 * comes after it (a fresh tester's `-layout` text: the next row's values published as its own).
 */
/**
 * A row's numbering in its label, wherever it stands (`不予公开1.属于国家秘密`: a group's label
 * before the row's; `(3)其他`, `3）其他`).
 */
const NUMBERING = /[（(]?[0-9０-９]{1,2}\s*[)）.．、](?![0-9０-９])/g;

function numbersInLabel(label: Tok | undefined, rc: RowCells, tableId: string): string | null {
  if (label?.t !== 'text' || rc.kind !== 'cells') return null;
  const rest = label.text.replace(
    /^\s*(?:[（(][一二三四五六七八九十]+[)）]\s*)?(?:\d{1,2}\s*[.．、]|[一二三四五六七八九十]+、)?/,
    '',
  );
  const read = rc.cells.some((c) => c !== null && c.line !== label.line);
  if (read && /\d+\s*件|件\s*\d|\d+\s+\d+/.test(rest))
    return `its label's line holds numbers not read as its cells (${rest.trim().slice(0, 40)}): the values on another line may be another row's`;
  // A digit in the label's text past its numbering, its cells on the same line: a value glued to
  // a mark that is no number (`数量  65注1  1 …`: 65注 taken into the label, the note's 1 read as
  // 自然人, a fresh tester's t53), so the values after it may each be a column off. 二's and
  // 三's labels hold no digit of their own.
  if (!read && (tableId === 'requests' || tableId === 'active') && /[0-9０-９]/.test(rest.replace(NUMBERING, '')))
    return `its label's text holds a number not read as a cell (${/\S*[0-9０-９]\S*/.exec(rest.replace(NUMBERING, ''))?.[0] ?? ''}): a value written with a mark after it, and the values after it perhaps a column off — which values are this row's is not proven`;
  return null;
}

/** Whether the rows' values mix pieces of separated text (`piece`) and bare lines of one value. */
function pastedMix(rcs: readonly RowCells[]): boolean {
  let pieces = false;
  let bare = false;
  for (const rc of rcs) {
    const vals = rc.kind === 'cells' ? rc.cells : rc.vals;
    for (const v of vals) {
      if (v === null || v.col !== undefined) continue;
      if (v.piece !== undefined) pieces = true;
      else bare = true;
    }
    if (pieces && bare) return true;
  }
  return false;
}

/**
 * Whether the empty lines among the values after the label at `at` (to `end`), one value a line,
 * are breaks rather than cells: more values and empty lines between them than the row's `n`
 * columns, set unevenly (lynx: `3`, ``, `4`, ``, ``, `0`, …). (Not seven positions or fewer:
 * `0`, ``, `1`, ``, `1`, ``, `2` is seven cells in a copy that writes a blank cell as an empty
 * line, t76.)
 */
function breakLines(toks: readonly Tok[], at: number, end: number, n: number): boolean {
  const labelLine = toks[at]!.line;
  // Per line after the label's: 1 a value, 0 none; null for a line of several values.
  const lines: number[] = [];
  let line = labelLine;
  for (let i = at + 1; i < end; i++) {
    const t = toks[i]!;
    if (t.line === labelLine || t.t === 'eol') continue;
    if (t.t === 'text') break;
    if (t.line !== line) {
      lines.push(0);
      line = t.line;
    }
    if (t.t === 'val') {
      if (lines[lines.length - 1]) return false;
      lines[lines.length - 1] = 1;
    }
  }
  const first = lines.indexOf(1);
  const last = lines.lastIndexOf(1);
  if (first < 0) return false;
  const inner = lines.slice(first, last + 1);
  if (inner.length <= n) return false;
  // An empty line after each value (a table whose rows set their cells an empty line apart, a
  // blank cell as one more: the flattenings' blank-lines style) is a layout of its own, read as
  // such by fromLines; only empty lines set unevenly among the values tell breaks from cells.
  return !inner.every((x, i) => x === (i % 2 === 0 ? 1 : 0));
}

/** The most common of `xs` (the larger on a tie), or null for none. */
function mostCommon(xs: readonly number[]): number | null {
  const count = new Map<number, number>();
  for (const x of xs) count.set(x, (count.get(x) ?? 0) + 1);
  let best: number | null = null;
  for (const [x, c] of count)
    if (best === null || c > count.get(best)! || (c === count.get(best)! && x > best)) best = x;
  return best;
}
