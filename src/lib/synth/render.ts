import { activeRows, requestRows, reviewColumns } from '../template/definitions.ts';
import {
  gluedTruth,
  NA_MARKS,
  writeCount,
  writeMoney,
  writeStatedMoney,
  unitStatement,
  type CellStyle,
  type Written,
} from './cells.ts';
import { GROUPS as GROUP_OF, commaPair, delimitedTable, writesThousandsOtherwise } from './layouts.ts';
import type { TruthCell } from './truth.ts';
import type { Tables } from './values.ts';
import {
  damageTables,
  gluedActiveTable,
  gluedTable,
  strayDotTable,
  strayShortTable,
  strayTable,
  type DamageTarget,
} from './damage-tables.ts';
import type { DamageKind } from './damage.ts';
import { blockSplit, hiddenText, SHEET, SUP_SHEET, supByStyle, unsureInk, type HtmlWritten } from './hidden.ts';
import { Random } from './random.ts';
import { gridTable } from './grid-table.ts';
import {
  layoutReview,
  layoutRows,
  type ReviewBlockMode,
  type ReviewGroups,
  type WrappedNumber,
} from './layout-text.ts';

/** The form's full wording of 部分公开, its note printed in the label. */
const PARTLY_GRANTED_FULL = '（二）部分公开（区分处理的，只计这一情形，不计其他情形）';

/**
 * Renders the three tables in one flattening and records, cell by cell, what was written.
 */

export type Style = 'lines' | 'blank-lines' | 'pipes' | 'markdown' | 'tabs' | 'spaces' | 'html' | 'csv' | 'oneline';

export interface TableQuirks {
  cell: CellStyle;
  /** Blank or n/a cells at random positions (styles where positions stay knowable). */
  blanks: boolean;
  /**
   * Blank-lines style as plain pdftotext prints a ruled table: one cell a line, a blank cell no
   * line at all, and the page's bare number (2, 3 …) after some rows, where the page breaks (after
   * a row with a blank cell more often: the case that reads a row's count right with its
   * values a column off; without form feeds, never after such a row of 二, which no sum checks);
   * `formFeeds`: with the form feed pdftotext writes before the next page (a converter that
   * drops them leaves the number alone). `seed`: the side generator's. `rowBreaks`: an empty
   * line after each row (header rows too), as pdftotext writes between rows drawn apart: a
   * reader taking it for a blank cell puts the values of a row short of one a column off.
   * `valuesFirst`: each row's values before its label, as pdftotext reads a label set in the
   * middle of a tall cell (a fresh tester's t13): a reader giving each label the values after it
   * gives it the next row's. Truth: 二's and 三's cells as written, which a reader may leave NULL.
   * `groupLines`: 三's group labels (三、本年度办理结果, （三）不予公开 …) on lines of their own
   * before their group's first row, its own label without them (1.属于国家秘密).
   */
  pageCells?: {
    formFeeds: boolean;
    seed: number;
    rowBreaks?: boolean;
    valuesFirst?: boolean;
    groupLines?: boolean;
    /** A side generator's seed: each row's values before its label by chance (three in ten), the others' after. */
    mixedOrder?: number;
    /**
     * A side generator's seed: 二's first sub-table written column by column, as plain pdftotext
     * reads LibreOffice's PDFs (a fresh tester's t62): 规章's first values, 规范性文件's label and
     * its values (its last cells blank, no line), then the rest of 规章's. Both rows' truth NULL:
     * the text reads as 规章 short and 规范性文件 whole.
     */
    columnWise?: number;
  };
  /** 驼峰路-style: every applicant cell blank, only 总计 filled in (blank-lines style). */
  blankApplicants: boolean;
  /** 三's group labels on lines of their own before their group's first row (blank-lines style, not pageCells'). */
  groupLines?: boolean;
  /** Rows glued into one digit run (spaces style). */
  glued: boolean;
  splitHeaders: boolean;
  footers: boolean;
  /** Stop after this row of 三 (a download cut off mid-table). */
  cutAfter: string | null;
  /** Damage to the tables (`damage-tables.ts`): glued cells, short or duplicated rows, text in a cell. */
  damage?: DamageKind[];
  /** The generator of `damage` when a side generator chose it (else the main stream's). */
  damageRng?: Random;
  /**
   * The field delimiter of the csv style; a full-width one (；，、) joins the cells of a table
   * copied by a tool that writes its own separator between cells (quirk fullwidth-separators).
   */
  delimiter?: ',' | ';' | '；' | '，' | '、';
  /**
   * Csv style: fields are not quoted, so a number written with a thousands comma (4,309) is two
   * fields in a comma-delimited sheet, as a hand-made or naive export writes it (a fresh tester's
   * t94). Its row's values are unproven (the truth: ambiguous).
   */
  unquotedThousands?: boolean;
  /**
   * Pipes style, section 三: an empty piece after each label that spans the sub-label column
   * (`一、本年新收… || 59 | …`, `（一）予以公开 || 1 | …`), as a scraped HTML table with colspan
   * gives: with a short row, that piece is no blank cell.
   */
  labelPadding?: boolean;
  /**
   * Delimited styles, section 三: three label columns, as a sheet or an HTML table with
   * rowspans flattened writes them, every row as wide: 一、/二、/四、 in the first, （一）… in the
   * second (三、本年度办理结果 beside the first of them), an item 1.… in the third with its group's
   * label (（三）不予公开) beside the group's first item; the other label cells empty. A row with
   * blank cells must be read by the columns, not by what follows its label (a fresh tester's t17).
   */
  labelColumns?: boolean;
  /**
   * HTML style, section 三: in one row, two neighbouring equal numbers drawn as one cell spanning
   * both columns (`<td colspan="2">0</td>`); the number belongs to neither column provably.
   */
  spannedNumbers?: boolean;
  /**
   * HTML style, section 三: two equal numbers one above the other drawn as one cell spanning both
   * rows (`<td rowspan="2">0</td>`, as Word's vMerge converts); it belongs to neither row
   * provably (truth ambiguous), the rows' other cells keep their columns.
   */
  rowSpannedNumbers?: boolean;
  /**
   * With `rowSpannedNumbers`: the row below the spanning number carries one label cell more (an
   * empty one before its label, a group label not spanned over its rows: a ragged grid, as
   * scraped pages have), so the position the number covers falls a column to the left of its own
   * among that row's values (a fresh tester's t38). That row's cells are not proven.
   */
  raggedRowSpan?: boolean;
  /**
   * Section 四 with 总计 as the first column of each block, the header saying so and the values
   * in that order: a reader placing them by the form's order would shift every value.
   */
  reviewTotalFirst?: boolean;
  /**
   * Section 四 with a row per year: last year's and the report's (2023年 / 2024年, 上年 / 本年),
   * in either order, each with its own 15 values; only the report's year's row is its truth.
   */
  /**
   * `tables`: two whole tables, each under a caption naming its year (2023年情况： / 本年度：) and a
   * header of its own, instead of a row per year (a fresh tester's t26: plain pdftotext, one value
   * a line, the first table's values published).
   */
  reviewByYear?: { year: number; relative: boolean; ownFirst: boolean; other: number[]; tables?: boolean };
  /**
   * HTML style, section 三: the 总计 column and the （七）总计 row left blank (`<td></td>` in every
   * row), as agencies that fill in only the applicants' counts print it: no arithmetic checks
   * such a table, the grid alone places its cells (truth: the others numbers, those blank).
   */
  blankTotals?: boolean;
  /**
   * Section 四 printed as two tables, each under a header of its own: 行政复议 (five columns), then
   * 行政诉讼 split into 未经复议直接起诉 and 复议后起诉 (ten), at times a 续表 caption between (the
   * second table on the next page). The side generator of the caption, apart from the main stream.
   */
  reviewSplit?: Random;
  /**
   * Section 四's one row of values with a row number (1) before its fifteen values, the header
   * naming no column for it, and its last 总计 left blank: a reader taking the fifteen pieces by
   * their count puts every value a column to the right. Truth: the values as written, which a
   * reader may leave NULL (only the blocks' sums show the shift); the blank 总计 blank.
   */
  reviewRowNumber?: boolean;
  /**
   * Blank-lines style (plain pdftotext of a ruled table), section 三: the tall 三、本年度办理结果
   * cell and the labels of （一）予以公开 and （二）部分公开 beside it printed below the rows'
   * numbers, so that 二's label is followed by its own, 予以公开's and 部分公开's values (the real
   * report of ../shared/real). Only where the three rows are numbers in every cell. Truth: the
   * values as written (tables/runs.ts reads them where every sum of the table holds).
   */
  labelsAfterRun?: boolean;
  /**
   * Text styles, section 三: one row's blank cell lost and a stray number (a page's, a note's)
   * after its values (damage-tables.ts, strayTable; the side generator of the damage).
   */
  strayNumber?: Random;
  /** With `strayNumber`: another row of 三 a cell short besides (damage-tables.ts, strayShortTable). */
  strayShort?: boolean;
  /**
   * Text styles, section 三: two cells of a row glued (`305` for 30 | 5) and a table rule read as
   * a `1` after its values, as OCR writes a table (damage-tables.ts, gluedTable; a side generator).
   */
  gluedRule?: Random;
  /**
   * Text styles, section 三: a count ending in 0 written with a stray dot, `42.0` for 420
   * (damage-tables.ts, strayDotTable; a side generator).
   */
  strayDot?: Random;
  /**
   * Pipes, tabs and spaces styles, section 二: two cells of a row glued and its closing rule read as
   * a 1 (the line left open) or l, I, 丨 (damage-tables.ts, gluedActiveTable; a side generator).
   */
  gluedRuleActive?: Random;
  /**
   * HTML style, section 三: a column the form does not have, named by the header — 法人或其他组织's
   * 小计 after 其他, a 上年总计 after 总计, or between the row labels and 自然人 a row-number column
   * (行次, 栏次, 序号) or a unit column of 件 (单位, 计量单位, or 类别, which no rule leaves out:
   * those rows are NULL) (the side generator of its numbers, apart from the main stream). Truth:
   * the form's cells as written; the extra column is no cell of the form.
   */
  /** `first`: a row-number column before the row labels, as tables often print 序号 (t82). */
  extraColumn?: { kind: 'subtotal' | 'previous' | 'row-number' | 'unit'; rng: Random; first?: boolean };
  /**
   * HTML style, section 三: one of the 法人 columns not printed, in the header or the rows (`drop`:
   * 1 商业企业 … 5 其他), and with `remark` an empty 备注 column after 总计, so that a row has the
   * form's count of cells again (a fresh tester's t67). Truth: the column's cells are not the
   * file's; the checks over them are not assessable.
   */
  missingColumn?: { drop: number; remark: boolean };
  /**
   * HTML style, section 三: a last header row numbering the columns (1 … 7 under an empty label
   * cell, as statistical forms print one), in the <thead> a printed PDF repeats on every page (a
   * fresh tester's t66). Truth: no cell of the form.
   */
  columnNumbers?: boolean;
  /**
   * Section 二 (2021 form): 行政事业性收费 in a sub-table of its own whose header names a column
   * of the agency's beside 本年收费金额 (本年收费项目数量, either side), its amount blank half the
   * time (a fresh tester's t92: the agency's count published as the amount in 万元). The seed of
   * its side generator. Truth: the amount as written (blank: NULL); the agency's column none.
   */
  activeOwnColumn?: number;
  /**
   * HTML style, section 三, drawn on a Word grid with one column more than the form (a fresh
   * tester's t88): the 法人 column at this index of the row's cells (1 … 5), its header cell
   * included, spans two grid columns (`colspan="2"`), a blank there too; and the first blank or
   * mark for none above an equal one in the rows of 三、本年度办理结果 is one cell merged over
   * both rows (`rowspan="2"`). Truth: unchanged (a blank or a mark is NULL in either row).
   */
  wideGridColumn?: number;
  /**
   * HTML style, section 三: one row under 三、本年度办理结果 with a cell inserted after its third
   * (a stray `<td>`, as broken CMS tables have) and its 总计 blank, so that the row runs a cell
   * past its header (a fresh tester's t90: read by count, a value a column right and 总计 the
   * stray's neighbour). Truth: that row's cells ambiguous.
   */
  strayCell?: boolean;
  /** HTML style, section 三: number cells in two block boxes (hidden.ts). */
  blockSplit?: boolean;
  /** HTML style, section 三: hidden or struck digits beside numbers (hidden.ts). */
  hiddenText?: boolean;
  /** HTML style, section 三: footnote marks raised by a style after numbers (hidden.ts). */
  supByStyle?: boolean;
  /** HTML style, section 三: digits drawn so that no reader can tell them, beside numbers (hidden.ts). */
  unsureInk?: boolean;
  /**
   * Markdown style: tables drawn as pandoc grid tables, cells wrapped inside `+---+` borders
   * (grid-table.ts); the generator of their column widths, apart from the main stream.
   */
  grid?: Random;
  /**
   * Csv and tabs styles: a spreadsheet saved as CSV or tab-separated text (sheetRows): every row
   * written to the sheet's width, section 三's labels merged over three columns (two empty fields
   * after each); a row a cell short (damage) padded with an empty field after its values.
   */
  sheet?: boolean;
  /**
   * Spaces style, section 三: as `pdftotext -layout` writes a narrow label column, each long
   * label wrapped every few characters, its numbers on the first piece's line, aligned in
   * columns, and the other pieces on the lines below (layout-text.ts).
   */
  wrappedLabels?: boolean;
  /**
   * 三's rows as `pdftotext -raw` writes a table whose blank cells are drawn empty and whose
   * numbers are letter-spaced (a fresh tester's t45): values one space apart, zeros left blank
   * (their cells blank in the truth) and no gap where they stood, a number of two digits or more
   * with its digits spaced apart (`1 2` for 12). The seed of its side generator.
   */
  spacedDigits?: number;
  /**
   * 三's rows with a note mark glued after a number (`65注1`, `12注2`: a fresh tester's t53, the
   * note's digit read as the cell), in text whose cells are parted by spaces: the seed of its
   * side generator. The truth stays the number; a reader may leave the row NULL.
   */
  noteMarks?: number;
  /**
   * With wrappedLabels (numbers on the first piece): one number of 三 of two digits or more
   * wrapped in its cell, its last digit on a line of its own below (layout-text.ts
   * WrappedNumber); that row's cells are NULL in the truth.
   */
  wrappedNumber?: boolean;
  /** With wrappedLabels: blank cells of section 三, left as gaps between the aligned numbers. */
  layoutGaps?: boolean;
  /**
   * With wrappedLabels: 三's header set out by position over its columns, its labels wrapped
   * (layout-text.ts layoutHeader), instead of the style's header lines; with `layoutHeaderSwap`,
   * two of its columns (0 = 自然人 … 5 = 其他) printed in each other's place, their values too in
   * every row (the truth by meaning, unchanged: a reader placing by the form's order would
   * publish one column's values as the other's).
   */
  layoutHeader?: boolean;
  layoutHeaderSwap?: [number, number];
  /** With layoutHeader: the label of this column (自然人, 其他 or 总计) letter-spaced, `自 然 人`. */
  layoutHeaderSpaced?: number;
  /**
   * With wrappedLabels: 四 set out by position over its one row of fifteen values (layout-text.ts
   * layoutReview), each block's labels as `modes` says; with `swap`, two columns of one block in
   * each other's place, labels and values (the truth by meaning, unchanged).
   */
  layoutReview?: {
    modes: ReviewBlockMode[];
    col: number;
    swap?: [number, number];
    groups?: ReviewGroups;
    /** Columns (indexes into the fifteen) left blank: a gap under their labels. */
    blank?: number[];
  };
  /** 四 as three rows of five under the flattened header, each labelled with its block. */
  reviewBlockRows?: boolean;
  /**
   * With wrappedLabels: the numbers on the middle or the last piece of each wrapped label (a cell
   * centred or set to the bottom), and （二）部分公开 with the note the form prints in it.
   */
  wrappedNumbersAt?: 'middle' | 'last';
  /**
   * Section 三: two rows of one group printed in each other's place (二、上年结转 before
   * 一、本年新收, （五）4 before （五）2), each with its label intact.
   */
  rowsOutOfOrder?: boolean;
  /**
   * Section 三: each numbered item's label after its group's, glued (（三）不予公开1.属于国家秘密 …
   * （六）其他处理3.其他): a merged group cell repeated onto every row it spans and joined to the
   * item's (a fresh tester's t60: 3.其他 so was not found).
   */
  groupOnEveryRow?: boolean;
  /**
   * Cells written in words (their truth unreadable, the row's other cells still readable): a
   * change of 二 as 减少21 / 增加5, one cell of 四 as 见附件. Row-per-line delimited styles only, never
   * with damage (whose draws depend on the truth).
   */
  wordsInCells?: boolean;
  /**
   * 三's first value written qualified in its label's cell or on its line (`…申请数量 10至12 | 2 |`,
   * `超过12`, `（13）12`: a fresh tester's t27), on a side generator: NULL, never 12.
   */
  qualifiedFirst?: boolean;
  /**
   * 2021 section 二: the （一） header names 现行有效件数 first and its rows' values follow it.
   * Those rows are unprovable (truth ambiguous); the one-value rows below are still read.
   */
  activeHeaderReordered?: boolean;
  /**
   * Section 三's header names a column twice (科研机构 written over 社会公益组织): no number of the
   * table can be placed by column (truth repeated_column, every cell).
   */
  requestHeaderRepeated?: boolean;
  /**
   * Section 二's header names the other form's columns (本年新制作数量 | 本年新公开数量 | 对外公开总数量
   * over the rows of a 2021 report, 本年制发件数 | 本年废止件数 | 现行有效件数 over 2019 rows): which
   * column a number is under is not proven, and the header is over every row of 二 (truth
   * ambiguous, every cell).
   */
  activeHeaderOtherForm?: boolean;
  /**
   * 二's first sub-table (2021 form) without one of its three columns (the index dropped), header
   * and rows, the rows padded with an empty cell to the form's width (a fresh tester's t67:
   * 信息内容 | 本年废止件数 | 现行有效件数 | over 规章 | 0 | 18 |). Truth: the column's cells are
   * not the file's.
   */
  activeColumnDropped?: number;
  /**
   * Csv and tabs styles: labels and header cells wrapped inside their quoted fields, as a
   * spreadsheet's Alt+Enter saves them (`"行政规范性⏎文件",27,…`), and “” written as ASCII quotes
   * (doubled inside the quoted field): the side generator of where, apart from the main stream.
   */
  cellBreaks?: Random;
  /**
   * Pipes style: a numbered label of ten characters or more broken before its row's `|` cells
   * (`（二）部分公开（区分处理的，只计这一情形，` over `不计其他情形） | 41 | …`), as a crawler writes a
   * label cell with a line break in it: the side generator of where.
   */
  pipeLabelBreaks?: Random;
  /**
   * Markdown style: the table as a PDF-to-markdown converter writes it (a fresh tester's t73):
   * `trim`, each row's trailing empty cells dropped (marker, LLMs); `html`, an HTML table on one
   * line inside the markdown (MinerU); `escape`, `1\.` and `\-` escaped (pandoc, markdownify);
   * `math`, every number as inline math (`$12$`, MinerU).
   */
  mdConverter?: 'trim' | 'html' | 'escape' | 'math';
  /**
   * HTML style, section 三: its rows in <thead>, <tbody> and <tfoot> groups written in another
   * order than the browser draws them (<tfoot> first or between two <tbody>, <thead> after the
   * body): the side generator of which order.
   */
  rowGroups?: Random;
  /**
   * Seed of the side generators of blockSplit, hiddenText and supByStyle (HTML) and of
   * wrappedLabels and layoutGaps (spaces), apart from the main stream (older corpora stay the same).
   */
  sideSeed?: number;
  /**
   * A sentence in 二 giving the fee with a unit (本年度共收取行政事业性收费7547.5元。): `same`, the
   * unit the cell is in; `other`, another, so that the amount's unit is not certain (a fresh
   * tester's t82: the form's 万元 published against the report's own 元).
   */
  feeProse?: 'same' | 'other';
  /**
   * Seed of a side generator placing a centred `2 / 5` footer between two rows of a layout
   * table (WPS's and Word's page footers in text converted without form feeds: a fresh tester's
   * t82). Truth unchanged: it is no row's.
   */
  pageOfPages?: number;
}

export interface Rendered {
  text: string[];
  cells: TruthCell[];
  /** table.row.colIndex of cells that are not numbers (for the expected checks). */
  unknown: Set<string>;
  cut: boolean;
}

type Row = { label: string; cells: HtmlWritten[]; glued?: boolean };

export function renderTables(
  rng: Random,
  t: Tables,
  style: Style,
  q: TableQuirks,
  erroneous: Set<string>,
): {
  active: string[];
  requests: string[];
  review: string[];
  cells: TruthCell[];
  unknown: Set<string>;
  cut: boolean;
  /** 四 was set out by position (q.layoutReview: only a row of fifteen plain numbers is). */
  reviewLaidOut: boolean;
  /** 四 was written as three rows of five, each labelled with its block (q.reviewBlockRows). */
  reviewBlockRows: boolean;
} {
  const cells: TruthCell[] = [];
  const unknown = new Set<string>();
  const record = (table: TruthCell['table_id'], row: string, cols: string[], ws: Written[]) => {
    ws.forEach((w, j) => {
      cells.push({ table_id: table, row_key: row, col_key: cols[j]!, value: w.truth.value, state: w.truth.state });
      if (w.truth.state !== 'number') unknown.add(`${table}.${row}.${j}`);
    });
  };
  // Not where a blank leaves no trace (spaces) or two lines (blank-lines) — but in pdftotext's
  // one cell a line (pageCells), where it leaves none and the page numbers may take its place.
  const canBlank =
    (q.blanks && style !== 'spaces' && style !== 'blank-lines') ||
    q.pageCells !== undefined ||
    q.labelColumns === true ||
    q.wideGridColumn !== undefined;
  const side = new Random(q.sideSeed ?? 1);
  const disguise = (w: Written): Written => {
    if (w.truth.state !== 'number') return w;
    if (q.blockSplit && side.chance(0.08)) return blockSplit(side, w);
    if (q.hiddenText && side.chance(0.08)) return hiddenText(side, w);
    if (q.supByStyle && side.chance(0.08)) return supByStyle(side, w);
    if (q.unsureInk && side.chance(0.08)) return unsureInk(side, w);
    return w;
  };
  const gaps = new Random((q.sideSeed ?? 1) + 101);
  const words = q.wordsInCells ? new Random((q.sideSeed ?? 1) + 307) : null;
  const qualifiers = q.qualifiedFirst ? new Random((q.sideSeed ?? 1) + 331) : null;
  const reorderFirst = q.activeHeaderReordered === true && t.layoutActive === '2021';
  const blank = { value: null, state: 'blank' as const };
  // pageCells' blanks from a side generator: the main stream (and every report after) stays the same.
  // So are label columns' (labelColumns), more of them: a row of blanks and zeros, whose sums
  // cannot show where its values stand, is the shape that was read a column off (t17).
  const mainBlanks = q.blanks && style !== 'spaces' && style !== 'blank-lines';
  const blanks =
    q.pageCells && !mainBlanks
      ? new Random(q.pageCells.seed + 1)
      : q.labelColumns && !mainBlanks
        ? new Random((q.sideSeed ?? 1) + 211)
        : q.wideGridColumn && !mainBlanks
          ? new Random((q.sideSeed ?? 1) + 223)
          : rng;
  // So are a wide grid's (wideGridColumn): blanks and marks beside and under its wide cells.
  const blankShare = (q.labelColumns || q.wideGridColumn) && !mainBlanks && !q.pageCells ? 0.15 : 0.04;
  const maybeBlank = (w: Written): Written => {
    if (!canBlank || !blanks.chance(blankShare)) return w;
    if (w.truth.value === 0 && blanks.chance(0.5))
      return { text: blanks.pick(NA_MARKS), truth: { value: null, state: 'na' } };
    return { text: '', truth: { value: null, state: 'blank' } };
  };

  // ── 二 ──
  const aRows: Row[] = [];
  for (const def of activeRows[t.layoutActive]) {
    const vals = t.active[def.key]!;
    // A unit stated outside the header: the amount is written bare in it (after the usual draw,
    // so that the main random stream stays the same).
    let ws = def.columns.map((c, j) =>
      c.kind === 'money'
        ? ((w) => (q.cell.stated ? writeStatedMoney(vals[j]!, q.cell.stated) : w))(writeMoney(vals[j]!, q.cell, rng))
        : writeCount(vals[j]!, q.cell, rng, c.kind === 'signed'),
    );
    let glued = false;
    if (
      q.glued &&
      style === 'spaces' &&
      def.columns.length > 1 &&
      def.columns.every((c) => c.kind === 'count') &&
      vals.every((v) => v >= 0) &&
      rng.chance(0.25)
    ) {
      const truth = gluedTruth(vals, () => true)!;
      ws = vals.map((v, j) => ({ text: String(v), truth: truth[j]! }));
      glued = true;
    } else ws = ws.map(maybeBlank);
    if (reorderFirst && def.columns.length === 3) {
      if (!glued) ws = [ws[2]!, ws[0]!, ws[1]!];
      ws = ws.map((w) => ({ text: w.text, truth: { value: null, state: 'ambiguous' as const } }));
    }
    if (words && !glued)
      ws = ws.map((w, j) =>
        def.columns[j]!.kind === 'signed' && w.truth.state === 'number' && w.truth.value && words.chance(0.5)
          ? changeInWords(w.truth.value)
          : w,
      );
    if (q.activeHeaderOtherForm)
      ws = ws.map((w) => ({ text: w.text, truth: { value: null, state: 'ambiguous' as const } }));
    record(
      'active',
      def.key,
      def.columns.map((c) => c.key),
      ws,
    );
    const drop = q.activeColumnDropped;
    if (drop !== undefined && def.columns.length === 3) {
      const at = cells.findIndex(
        (c) => c.table_id === 'active' && c.row_key === def.key && c.col_key === def.columns[drop]!.key,
      );
      if (at >= 0) cells.splice(at, 1);
      unknown.add(`active.${def.key}.${drop}`);
      ws = [...ws.filter((_, j) => j !== drop), { text: '', truth: blank }];
    }
    aRows.push({ label: def.label, cells: ws, glued });
  }

  // The report's own sentence on its fee (TableQuirks.feeProse), over a bare non-zero amount.
  let feeSentence: string | null = null;
  if (q.feeProse && t.layoutActive === '2021') {
    const written = aRows.find((r) => r.label === '行政事业性收费')?.cells[0];
    const truth = cells.find((c) => c.table_id === 'active' && c.row_key === 'fees' && c.col_key === 'amount');
    if (written && truth && /^\d+(?:\.\d+)?$/.test(written.text) && truth.state === 'number' && truth.value) {
      const inUnit = q.cell.stated && !q.cell.stated.conflict ? q.cell.stated.unit : '万元';
      const unit = q.feeProse === 'same' ? inUnit : inUnit === '万元' ? '元' : '万元';
      feeSentence = `本年度共收取行政事业性收费${written.text}${unit}。`;
      if (q.feeProse === 'other') {
        truth.value = null;
        truth.state = 'ambiguous';
      }
    }
  }

  // ── 三 ──
  const rRows: Row[] = [];
  const spaced = q.spacedDigits === undefined ? null : new Random(q.spacedDigits);
  const notes = q.noteMarks === undefined ? null : new Random(q.noteMarks);
  let cut = false;
  const reqCols = ['natural_person', 'commercial', 'research', 'social_org', 'legal_service', 'other_org', 'total'];
  for (const def of requestRows[t.layoutRequests]) {
    const vals = t.requests[def.key]!;
    let ws: Written[] = vals.map((v) => writeCount(v, q.cell, rng));
    let glued = false;
    const rowSumOk = (v: number[]) => v.slice(0, 6).reduce((a, b) => a + b, 0) === v[6];
    if (q.blankApplicants) {
      ws = ws.map((w, j) => (j < 6 ? { text: '', truth: { value: null, state: 'blank' as const } } : w));
    } else if (q.glued && style === 'spaces' && !erroneous.has(def.key) && rowSumOk(vals) && rng.chance(0.15)) {
      const truth = gluedTruth(vals, rowSumOk);
      if (truth) {
        ws = vals.map((v, j) => ({ text: String(v), truth: truth[j]! }));
        glued = true;
      }
    } else ws = ws.map(maybeBlank);
    // A blank cell of pdftotext -layout text is only a wider gap (side generator: the main
    // stream stays as it was).
    if (q.wrappedLabels && q.layoutGaps && !glued)
      ws = ws.map((w) => (gaps.chance(0.04) ? { text: '', truth: blank } : w));
    if (q.blankTotals) ws = ws.map((w, j) => (j === 6 || def.key === 'total' ? { text: '', truth: blank } : w));
    if (notes && !glued && notes.chance(0.15)) {
      const j = notes.int(0, ws.length - 1);
      const w = ws[j]!;
      if (w.truth.state === 'number' && /^\d+$/.test(w.text))
        ws = ws.map((x, k) => (k === j ? { ...x, text: `${x.text}${notes.pick(['注1', '注2', '注', '注①'])}` } : x));
    }
    if (spaced && !glued)
      ws = ws.map((w) =>
        w.truth.state !== 'number' || !/^\d+$/.test(w.text)
          ? w
          : w.truth.value === 0
            ? spaced.chance(0.7)
              ? { text: '', truth: blank }
              : w
            : { text: [...w.text].join(' '), truth: w.truth },
      );
    if (style === 'html' && (q.blockSplit || q.hiddenText || q.supByStyle || q.unsureInk))
      ws = ws.map((w) => disguise(w));
    if (q.requestHeaderRepeated)
      ws = ws.map((w) => ({ ...w, truth: { value: null, state: 'repeated_column' as const } }));
    let label = def.label;
    const first = ws[0]!;
    if (qualifiers && !glued && first.truth.state === 'number' && qualifiers.chance(0.15)) {
      const v = first.truth.value!;
      const words = qualifiers.pick([
        '约',
        '超过',
        '少于',
        '不足',
        '至少',
        '预计',
        `${v + 2}至`,
        `${v + 1}或`,
        `（${v + 1}）`,
        '含',
        '累计',
      ]);
      label = `${def.label} ${words}${first.text}`;
      ws = [{ text: '', truth: { value: null, state: 'unreadable' } }, ...ws.slice(1)];
    }
    record('requests', def.key, reqCols, ws);
    const moved = label !== def.label;
    if (q.groupOnEveryRow)
      label = label.replace(/^（([三四五六])）(\d)/, (_, g: string, d: string) => `（${g}）${GROUP_OF[g]}${d}`);
    rRows.push({ label, cells: moved ? ws.slice(1) : ws, glued });
    if (q.cutAfter === def.key) {
      cut = true;
      break;
    }
  }

  // Values before their labels (pageCells.valuesFirst, mixedOrder): 二's and 三's cells may be NULL.
  if (q.pageCells?.valuesFirst || q.pageCells?.mixedOrder !== undefined)
    for (const c of cells)
      if ((c.table_id === 'active' || c.table_id === 'requests') && c.state === 'number') {
        c.state = 'ambiguous';
        unknown.add(`${c.table_id}.${c.row_key}.${colIndex(c)}`);
      }

  // ── 四 ──
  const reviewWs: Written[] = t.review.map((v) => maybeBlank(writeCount(v, q.cell, rng)));
  if (words) {
    const j = words.int(1, reviewWs.length - 2);
    reviewWs[j] = { text: words.pick(['见附件', '详见附件', '不详']), truth: { value: null, state: 'unreadable' } };
  }
  if (q.reviewRowNumber) reviewWs[14] = { text: '', truth: blank };
  if (!cut) {
    ['review', 'suit_direct', 'suit_after_review'].forEach((row, b) =>
      record(
        'review',
        row,
        reviewColumns.map((c) => c.key),
        reviewWs.slice(b * 5, b * 5 + 5),
      ),
    );
    if (q.reviewRowNumber)
      for (const c of cells)
        if (c.table_id === 'review' && c.state === 'number') {
          c.state = 'ambiguous';
          unknown.add(`review.${c.row_key}.${colIndex(c)}`);
        }
  }

  // Damage (after the truth of the intact tables is recorded; it marks what damage changes).
  let reviewRowsOut: Written[][] = [reviewWs];
  const damageTarget = (): DamageTarget => ({
    layoutActive: t.layoutActive,
    layoutRequests: t.layoutRequests,
    active: aRows,
    requests: rRows,
    review: reviewRowsOut,
  });
  if (q.damage?.length && !cut) {
    const target = damageTarget();
    damageTables(q.damageRng ?? rng, q.damage, target, cells, unknown);
    aRows.splice(0, aRows.length, ...target.active);
    rRows.splice(0, rRows.length, ...target.requests);
    reviewRowsOut = target.review;
  }
  if (q.gluedRule && !cut) {
    const target = damageTarget();
    gluedTable(q.gluedRule, target, cells, unknown);
    rRows.splice(0, rRows.length, ...target.requests);
  }
  // The 二 row whose closing rule OCR read as a 1: written with no `|` after it.
  let openRow: string | null = null;
  if (q.gluedRuleActive && !cut) {
    const target = damageTarget();
    // In `|` text a 1 where the rule stood (its line left open) or a character; in tabs or spaces,
    // where no rule closes a row, only a character tells (a 1 there reads as a value: t37's limit).
    const marks = style === 'pipes' ? ['1', '1', 'l', 'I', '丨'] : ['l', 'I', '丨'];
    openRow = gluedActiveTable(q.gluedRuleActive, target, cells, unknown, marks);
    aRows.splice(0, aRows.length, ...target.active);
  }
  if (q.strayDot && !cut) {
    const target = damageTarget();
    strayDotTable(q.strayDot, target, cells, unknown);
    rRows.splice(0, rRows.length, ...target.requests);
  }
  if (q.strayNumber && !cut) {
    const target = damageTarget();
    (q.strayShort ? strayShortTable : strayTable)(q.strayNumber, target, cells, unknown);
    rRows.splice(0, rRows.length, ...target.requests);
  }
  if (q.rowsOutOfOrder) swapRows(new Random((q.sideSeed ?? 1) + 211), rRows);
  const splitHeader = (s: string) => (q.splitHeaders && s.length > 4 ? `${s.slice(0, 3)}\n${s.slice(3)}` : s);
  const activeHeader =
    (t.layoutActive === '2019') !== (q.activeHeaderOtherForm === true)
      ? ['信息内容', '本年新制作数量', '本年新公开数量', '对外公开总数量']
      : reorderFirst
        ? reorderedHeader(new Random((q.sideSeed ?? 1) + 409))
        : ['信息内容', '本年制发件数', '本年废止件数', '现行有效件数'];
  // 二's first sub-table column by column (pageCells.columnWise): 规章's first k values, 规范性文件
  // with k values and its blanks, then 规章's others; both rows' truth NULL.
  const columnWise = (rows: string[][]): string[][] => {
    const seed = style === 'blank-lines' ? q.pageCells?.columnWise : undefined;
    const [a, b] = rows;
    if (seed === undefined || !a || !b || a.length !== 4 || b.length !== 4) return rows;
    if (a.slice(1).some((c) => c === '') || b.slice(1).some((c) => c === '')) return rows;
    const k = new Random(seed).int(1, 2);
    const keys = activeRows[t.layoutActive].slice(0, 2).map((d) => d.key);
    for (const c of cells)
      if (c.table_id === 'active' && keys.includes(c.row_key)) {
        c.value = null;
        c.state = 'ambiguous';
      }
    return [[a[0]!, ...a.slice(1, 1 + k)], [b[0]!, ...b.slice(1, 1 + k)], ['', ...a.slice(1 + k)], ...rows.slice(2)];
  };
  if (q.activeColumnDropped !== undefined) {
    activeHeader.splice(q.activeColumnDropped + 1, 1);
    activeHeader.push('');
  }
  // 二's 行政事业性收费 in a sub-table of its own with a column of the agency's (activeOwnColumn).
  let ownFee: string[][] | null = null;
  const feeAt = aRows.findIndex((r) => r.label === '行政事业性收费');
  if (
    q.activeOwnColumn !== undefined &&
    t.layoutActive === '2021' &&
    !q.activeHeaderOtherForm &&
    !q.gluedRuleActive &&
    !q.damage?.length &&
    feeAt >= 0 &&
    !aRows[feeAt]!.glued
  ) {
    const side = new Random(q.activeOwnColumn);
    const own = side.pick(['本年收费项目数量', '收费项目数量', '上年收费金额（单位：万元）']);
    const items = String(side.int(0, 40));
    let amount = aRows[feeAt]!.cells[0]!.text;
    if (side.chance(0.5)) {
      amount = '';
      const c = cells.find((c) => c.table_id === 'active' && c.row_key === 'fees' && c.col_key === 'amount');
      if (c) Object.assign(c, blank);
      unknown.add('active.fees.0');
    }
    const ownFirst = side.chance(0.5);
    ownFee = [
      ['信息内容', ...(ownFirst ? [own, '本年收费金额（单位：万元）'] : ['本年收费金额（单位：万元）', own])],
      ['行政事业性收费', ...(ownFirst ? [items, amount] : [amount, items])],
    ];
    aRows.splice(feeAt, 1);
  }
  const stated = q.cell.stated;
  if (stated?.at === 'header-cell') activeHeader[0] = `信息内容（单位：${stated.unit}）`;
  const unitLines = !stated
    ? []
    : stated.at === 'line'
      ? [unitStatement(stated, 'line')]
      : stated.at === 'caption'
        ? [`第二十条第（${t.layoutActive === '2021' ? '八' : '九'}）项${unitStatement(stated, 'caption')}`]
        : [];
  const moneyHeader =
    stated?.at === 'bare-header'
      ? new Random((q.sideSeed ?? 1) + 419).pick([
          `金额（单位：${stated.unit}）`,
          `金额（${stated.unit}）`,
          `金额(${stated.unit})`,
        ])
      : (stated ? stated.conflict : q.cell.headerUnit)
        ? t.layoutActive === '2019'
          ? '采购总金额（万元）'
          : '本年收费金额（单位：万元）'
        : t.layoutActive === '2019'
          ? '采购总金额'
          : '本年收费金额';
  const active = [
    ...(feeSentence ? [feeSentence] : []),
    ...unitLines,
    ...table(style, [activeHeader.map(splitHeader), ...columnWise(aRows.map(rowCells))], q, rng, openRow),
  ];
  active.push(...table(style, [[moneyHeader]], q, rng));
  // Its own random stream: the main one (and every report after) stays the same.
  if (ownFee) active.push(...table(style, ownFee, q, new Random((q.activeOwnColumn ?? 0) + 1)));
  const reqHeader = [
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', '申请人情况'],
    ['自然人', '法人或其他组织', '总计'],
    applicantHeader(q),
  ];
  // 三's rows with the header's swapped columns (layoutHeaderSwap) in each other's place.
  const swapped = <T>(xs: T[]): T[] => {
    const sw = q.layoutHeaderSwap;
    if (!sw || xs.length !== 7) return xs;
    const out = [...xs];
    [out[sw[0]], out[sw[1]]] = [xs[sw[1]]!, xs[sw[0]]!];
    return out;
  };
  const laidOut = q.layoutHeader ? rRows.map((r) => ({ ...r, cells: swapped(r.cells) })) : rRows;
  const requests =
    style === 'html'
      ? htmlRequests(
          rRows,
          q.spannedNumbers === true,
          (q.blockSplit || q.hiddenText ? SHEET : '') + (q.supByStyle ? SUP_SHEET : ''),
          q.rowSpannedNumbers && !q.damage?.length && !q.requestHeaderRepeated
            ? (r, k) => {
                const key = requestRows[t.layoutRequests].find((d) => d.label === r.label)?.key;
                const c = cells.find((c) => c.table_id === 'requests' && c.row_key === key && c.col_key === reqCols[k]);
                if (!c) return;
                c.value = null;
                c.state = 'ambiguous';
                unknown.add(`requests.${key}.${k}`);
              }
            : undefined,
          applicantHeader(q),
          q.rowGroups,
          q.extraColumn,
          q.raggedRowSpan === true,
          q.missingColumn,
          q.columnNumbers === true,
          q.wideGridColumn,
          q.strayCell
            ? (r) => {
                const key = requestRows[t.layoutRequests].find((d) => d.label === r.label)?.key;
                for (const c of cells)
                  if (c.table_id === 'requests' && c.row_key === key) {
                    c.value = null;
                    c.state = 'ambiguous';
                    unknown.add(`requests.${key}.${reqCols.indexOf(c.col_key)}`);
                  }
              }
            : undefined,
        )
      : q.wrappedLabels
        ? [
            ...(q.layoutHeader ? [reqHeader[0]![0]!, ''] : table(style, reqHeader, q, rng)),
            ...pageOfPagesFooter(
              q.pageOfPages,
              layoutRows(
                laidOut
                  .map(rowCells)
                  .map(([label = '', ...cells]) => [
                    q.wrappedNumbersAt && label === '（二）部分公开' ? PARTLY_GRANTED_FULL : label,
                    ...cells,
                  ]),
                new Random(q.sideSeed ?? 1),
                q.wrappedNumbersAt,
                q.wrappedNumber && !q.wrappedNumbersAt ? wrapOne(laidOut) : undefined,
                q.layoutHeader
                  ? swapped(
                      ['自然人', ...applicantHeader(q), '总计'].map((l, k) =>
                        k === q.layoutHeaderSpaced ? [...l].join(' ') : l,
                      ),
                    )
                  : undefined,
              ),
            ),
          ]
        : q.labelColumns
          ? table(style, labelColumnRows(reqHeader, rRows.map(rowCells)), q, rng)
          : table(
              style,
              [
                ...reqHeader,
                ...labelsAfterRun(
                  rRows
                    .map(rowCells)
                    .map((r) =>
                      q.labelPadding && r.length > 1 && /^(?:[一二四]、|（[一二七]）)/.test(r[0]!)
                        ? [r[0]!, '', ...r.slice(1)]
                        : r,
                    ),
                  q.labelsAfterRun === true && style === 'blank-lines' && !q.pageCells,
                ),
              ],
              q,
              rng,
            );
  const by = q.reviewByYear;
  const reviewValues = reviewRowsOut.length === 1 ? reviewRowsOut[0]!.map((w) => w.text) : [];
  const reviewLaidOut =
    !cut && !by && !!q.layoutReview && reviewValues.length === 15 && reviewValues.every((v) => /^\d+$/.test(v));
  // 四 as three rows of five, each labelled with its block (q.reviewBlockRows): a row of plain
  // numbers (a blank or words in it leave the table NULL, and the report partial).
  const blockRows =
    !cut &&
    !by &&
    !reviewLaidOut &&
    !!q.reviewBlockRows &&
    !q.reviewTotalFirst &&
    !q.reviewRowNumber &&
    reviewValues.length === 15 &&
    reviewValues.every((v) => /^\d+$/.test(v));
  // Its blank columns (q.layoutReview.blank), those of them whose value is 0 (a report leaves a
  // cell blank for no case): blank in the truth, their checks not assessable.
  const reviewBlank = (q.layoutReview?.blank ?? []).filter((k) => reviewValues[k] === '0');
  if (reviewLaidOut && reviewBlank.length) {
    const own = cells.filter((c) => c.table_id === 'review');
    for (const k of reviewBlank) {
      const c = own[k];
      if (!c) continue;
      c.value = null;
      c.state = 'blank';
      unknown.add(`review.${c.row_key}.${colIndex(c)}`);
    }
  }
  const review = cut
    ? []
    : reviewLaidOut && q.layoutReview
      ? layoutReview(
          reviewValues.map((v, k) => (reviewBlank.includes(k) ? '' : v)),
          q.layoutReview.modes,
          q.layoutReview.col,
          q.layoutReview.swap,
          q.layoutReview.groups,
        )
      : by
        ? table(
            style,
            yearRowsTable(
              by,
              reviewRowsOut[0]!.map((w) => w.text),
            ),
            q,
            rng,
          )
        : table(
            style,
            [
              ['行政复议', '行政诉讼'],
              q.reviewTotalFirst
                ? ['总计', '结果维持', '结果纠正', '其他结果', '尚未审结', '未经复议直接起诉', '复议后起诉']
                : ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
              ...reviewRowsOut.map((r) =>
                q.reviewTotalFirst && r.length === 15
                  ? [0, 5, 10].flatMap((b) => [r[b + 4]!, ...r.slice(b, b + 4)]).map((w) => w.text)
                  : q.reviewRowNumber
                    ? ['1', ...r.map((w) => w.text)]
                    : r.map((w) => w.text),
              ),
            ],
            q,
            rng,
          );
  // Drawn after the one table (whose draws stay in the main stream), and instead of it.
  if (blockRows)
    review.splice(
      0,
      review.length,
      ...table(
        style,
        [
          ['行政复议', '行政诉讼'],
          ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
          ...['行政复议', '未经复议直接起诉', '复议后起诉'].map((label, b) => [
            label,
            ...reviewValues.slice(5 * b, 5 * b + 5),
          ]),
        ],
        q,
        new Random((q.sideSeed ?? 1) + 521),
      ),
    );
  if (style === 'csv' && q.delimiter === '，') commaPairsUnproven();
  if (style === 'csv' && q.unquotedThousands) rowsUnproven((cells) => cells.some((c) => c.includes(',')));
  // Drawn after the one table (whose draws stay in the main stream), and instead of it.
  const split = q.reviewSplit;
  if (split && !cut && !by) {
    const results = ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计'];
    const values = reviewRowsOut[0]!.map((w) => w.text);
    review.splice(
      0,
      review.length,
      ...table(style, [['行政复议'], results, values.slice(0, 5)], q, split),
      ...(split.chance(0.3) ? ['（续表）'] : []),
      ...table(
        style,
        [['行政诉讼'], ['未经复议直接起诉', '复议后起诉'], [...results, ...results], values.slice(5)],
        q,
        split,
      ),
    );
  }
  return { active, requests, review, cells, unknown, cut, reviewLaidOut, reviewBlockRows: blockRows };

  /**
   * Rows joined by full-width commas with a comma between digit cells (60，036) in a document
   * that does not show how it writes thousands: no value of such a row is proven (ambiguous).
   */
  function commaPairsUnproven(): void {
    rowsUnproven(commaPair, writesThousandsOtherwise);
  }

  /**
   * Every row of 二 and 三 whose printed cells after the label `unsure` finds (and 四 when its
   * values are) made unproven (ambiguous), unless `proven` finds the document shows how it
   * writes its numbers.
   */
  function rowsUnproven(
    unsure: (cells: string[]) => boolean,
    proven: (rows: Array<{ cells: string[]; columns: number[] }>) => boolean = () => false,
  ): void {
    const sheetOf = (rows: string[][]) => (q.sheet ? sheetRows(rows) : rows);
    const columnsOf = (label: string) =>
      [...activeRows['2019'], ...activeRows['2021'], ...requestRows['2019'], ...requestRows['2021']]
        .filter((d) => d.label === label || (d.key === 'normative_docs' && /规范性文件$/.test(label)))
        .map((d) => d.columns.length);
    const printed = (header: string[][], rows: Row[]) =>
      sheetOf([...header, ...rows.map(rowCells)]).slice(header.length);
    const aPrinted = printed([activeHeader], aRows);
    const rPrinted = printed(reqHeader, rRows);
    const data = [
      ...aPrinted.map((r, i) => ({ r, row: aRows[i]! })),
      ...rPrinted.map((r, i) => ({ r, row: rRows[i]! })),
    ];
    if (proven(data.map(({ r, row }) => ({ cells: r.slice(1), columns: columnsOf(row.label) })))) return;
    const unproven = (table: TruthCell['table_id'], rowKeys: string[]) => {
      for (const c of cells)
        if (c.table_id === table && rowKeys.includes(c.row_key) && c.state !== 'repeated_column') {
          c.value = null;
          c.state = 'ambiguous';
        }
    };
    for (const { r, row } of data) {
      if (!unsure(r.slice(1))) continue;
      const a = activeRows[t.layoutActive].find((d) => d.label === row.label);
      if (a && aRows.includes(row)) unproven('active', [a.key]);
      const d = requestRows[t.layoutRequests].find((x) => x.label === row.label);
      if (d && rRows.includes(row)) unproven('requests', [d.key]);
    }
    const printedReview = q.reviewTotalFirst
      ? [0, 5, 10].flatMap((b) => [reviewWs[b + 4]!, ...reviewWs.slice(b, b + 4)])
      : reviewWs;
    if (!cut && unsure(printedReview.map((w) => w.text)))
      unproven('review', ['review', 'suit_direct', 'suit_after_review']);
    for (const c of cells) if (c.state === 'ambiguous') unknown.add(`${c.table_id}.${c.row_key}.${colIndex(c)}`);
  }

  /** The cell's column index in its row, as `unknown` names it. */
  function colIndex(c: TruthCell): number {
    if (c.table_id === 'review') return reviewColumns.findIndex((x) => x.key === c.col_key);
    if (c.table_id === 'requests') return reqCols.indexOf(c.col_key);
    return activeRows[t.layoutActive].find((d) => d.key === c.row_key)!.columns.findIndex((x) => x.key === c.col_key);
  }

  /**
   * The first number of 三 of two digits or more, from a row picked at random on: wrapped in its
   * cell (q.wrappedNumber); its row's cells are NULL in the truth, which row the digit below
   * belongs to being unproven (tables/rows.ts).
   */
  function wrapOne(rows: Row[]): WrappedNumber | undefined {
    const pick = new Random((q.sideSeed ?? 1) + 401);
    const from = pick.int(0, rows.length - 1);
    for (let d = 0; d < rows.length; d++) {
      const i = (from + d) % rows.length;
      const r = rows[i]!;
      if (r.glued) continue;
      const k = r.cells.findIndex((c) => /^\d{2,}$/.test(c.text));
      if (k < 0) continue;
      const key = requestRows[t.layoutRequests].find((def) => def.label === r.label)?.key;
      if (!key) continue;
      for (const c of cells)
        if (c.table_id === 'requests' && c.row_key === key) {
          c.value = null;
          c.state = 'ambiguous';
          unknown.add(`requests.${key}.${reqCols.indexOf(c.col_key)}`);
        }
      // Drawn after the others so that the corpora made before stay the same.
      const beside = pick.chance(0.5);
      return { row: i, cell: k, beside, above: new Random((q.sideSeed ?? 1) + 409).chance(0.3) };
    }
    return undefined;
  }

  function rowCells(r: Row): string[] {
    if (r.glued) return [`${r.label}${rng.chance(0.5) ? '' : ' '}${r.cells.map((c) => c.text).join('')}`];
    if (q.blankApplicants && r.cells.length === 7) return [r.label, ...r.cells.map((c) => c.text)];
    // No gap where a blank cell stood (q.spacedDigits).
    if (spaced) return [[r.label, ...r.cells.map((c) => c.text).filter((t) => t !== '')].join(' ')];
    return [r.label, ...r.cells.map((c) => c.text)];
  }
}

/** 三's header and rows with three label columns (TableQuirks.labelColumns). */
export function labelColumnRows(header: string[][], rows: string[][]): string[][] {
  const groups = GROUP_OF;
  const seen = new Set<string>();
  let results = false;
  const body = rows.map(([label = '', ...cells]) => {
    const item = /^（([三四五六])）\s*(\d+\s*[.．、].*)$/.exec(label);
    if (item) {
      const first = !seen.has(item[1]!);
      seen.add(item[1]!);
      return ['', first ? `（${item[1]}）${groups[item[1]!]}` : '', item[2]!, ...cells];
    }
    if (/^（[一二三四五六七]）/.test(label)) {
      const cell = results ? '' : '三、本年度办理结果';
      results = true;
      return [cell, label, '', ...cells];
    }
    return [label, '', '', ...cells];
  });
  const [note = [], top = [], applicants = []] = header;
  return [[note[0] ?? '', '', '', ...note.slice(1)], ['', '', '', ...top], ['', '', '', '', ...applicants], ...body];
}

/**
 * Section 三 as real HTML reports lay it out: merged header cells, labels of 一/二/四 spanning
 * two columns, and 三、本年度办理结果 spanning every row of its group (rowspan/colspan).
 */
function htmlRequests(
  rows: Row[],
  spannedNumbers = false,
  sheet = '',
  rowSpanned?: (r: Row, k: number) => void,
  applicants = applicantHeader({}),
  groups?: Random,
  extra?: TableQuirks['extraColumn'],
  ragged = false,
  missing?: TableQuirks['missingColumn'],
  columnNumbers = false,
  wide?: number,
  stray?: (r: Row) => void,
): string[] {
  // A column not printed: no number merged or spanning rows across it (one shape at a time).
  if (missing) {
    spannedNumbers = false;
    rowSpanned = undefined;
  }
  const remark = missing?.remark ? 1 : 0;
  const td = (text: string, attrs = '') => `<td${attrs}>${escapeHtml(text)}</td>`;
  const numbered = extra?.kind === 'row-number' || extra?.kind === 'unit';
  const leadLabel = !numbered
    ? ''
    : extra.rng.pick(extra.kind === 'unit' ? ['单位', '计量单位', '类别'] : ['行次', '栏次', '序号']);
  // The row numbers before the labels (序号 first), not between them and the values.
  const lead = numbered && extra.first === true;
  // A cell written as HTML of its own (hidden.ts) keeps it.
  const cell = (c: HtmlWritten) => (c.html !== undefined ? `<td>${c.html}</td>` : td(c.text));
  const out = [
    // The classes hidden.ts uses: a <style> inside the table applies to the page as one in <head>.
    `<table border="1">${sheet}`,
    `<tr>${lead ? td(leadLabel, ' rowspan="3"') : ''}${td('（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ' rowspan="3" colspan="2"')}${numbered && !lead ? td(leadLabel, ' rowspan="3"') : ''}${td('申请人情况', ` colspan="${(extra && !numbered ? 8 : 7) - (missing ? 1 : 0) + remark + (wide ? 1 : 0)}"`)}</tr>`,
    `<tr>${td('自然人', ' rowspan="2"')}${td('法人或其他组织', ` colspan="${(extra?.kind === 'subtotal' ? 6 : 5) - (missing ? 1 : 0) + (wide ? 1 : 0)}"`)}${td('总计', ' rowspan="2"')}${extra?.kind === 'previous' ? td('上年总计', ' rowspan="2"') : ''}${remark ? td('备注', ' rowspan="2"') : ''}</tr>`,
    `<tr>${[...applicants.filter((_, k) => !missing || k !== missing.drop - 1), ...(extra?.kind === 'subtotal' ? ['小计'] : [])].map((h, k) => td(h, k + 1 === wide ? ' colspan="2"' : '')).join('')}</tr>`,
  ];
  if (columnNumbers)
    out.push(`<tr>${td('', ' colspan="2"')}${Array.from({ length: 7 }, (_, k) => td(String(k + 1))).join('')}</tr>`);
  /** The extra column's cell of a row: the 法人 columns' sum as written, last year's total, or its number. */
  const extraCell = (r: Row): string => {
    if (!extra) return '';
    if (numbered) return td(extra.kind === 'unit' ? '件' : String(rows.indexOf(r) + 1));
    if (extra.kind === 'previous') return td(String(extra.rng.int(0, 300)));
    const org = r.cells.slice(1, 6).map((c) => c.text);
    return td(org.every((x) => /^\d+$/.test(x)) ? String(org.reduce((a, x) => a + Number(x), 0)) : '');
  };
  const grouped = rows.filter((r) => !/^(?:一、|二、|四、)/.test(r.label));
  // With row groups, （七）总计 and 四、结转 stand in the <tfoot>: 三、本年度办理结果 spans the rows
  // above 总计 only (a rowspan never reaches into another group), and 总计 spans both label columns.
  const footed = groups ? rows.filter((r) => /^(?:（七）|四、)/.test(r.label)) : [];
  const spanned = grouped.filter((r) => !footed.includes(r));
  // The first grouped row with two equal neighbours among its applicant columns gets them merged.
  const merged = spannedNumbers
    ? grouped
        .map((r) => ({
          r,
          k: r.cells.findIndex(
            (c, k) =>
              k < 5 &&
              c.text !== '' &&
              c.html === undefined &&
              r.cells[k + 1]?.html === undefined &&
              c.text === r.cells[k + 1]?.text,
          ),
        }))
        .find((x) => x.k >= 0)
    : undefined;
  // The first two grouped rows, one above the other, with the same plain number in an applicant
  // column get it as one cell spanning both (not with a colspan merge: one shape at a time).
  const plain = (c: HtmlWritten | undefined) => c !== undefined && c.html === undefined && /^\d+$/.test(c.text);
  let down: { r: Row; k: number } | undefined;
  if (rowSpanned && !merged)
    for (let i = 0; i + 1 < grouped.length && !down; i++) {
      const [a, b] = [grouped[i]!, grouped[i + 1]!];
      const k = a.cells.findIndex((c, k) => k < 6 && plain(c) && plain(b.cells[k]) && c.text === b.cells[k]!.text);
      if (k >= 0 && a.cells.length === 7 && b.cells.length === 7 && !a.glued && !b.glued) down = { r: a, k };
    }
  const below = down ? grouped[grouped.indexOf(down.r) + 1] : undefined;
  if (down && below) {
    rowSpanned!(down.r, down.k);
    rowSpanned!(below, down.k);
  }
  // On the wide grid: the first blank or mark above an equal one, merged over both rows (not
  // beside the spanning number's rows: one merge at a time).
  const none = (c: HtmlWritten | undefined) => c !== undefined && c.html === undefined && !/\d/.test(c.text);
  let vmerge: { r: Row; k: number } | undefined;
  if (wide)
    for (let i = 0; i + 1 < spanned.length && !vmerge; i++) {
      const [a, b] = [spanned[i]!, spanned[i + 1]!];
      if (a === down?.r || a === below || b === down?.r || a.cells.length !== 7 || b.cells.length !== 7) continue;
      const k = a.cells.findIndex((c, k) => none(c) && none(b.cells[k]) && c.text === b.cells[k]!.text);
      if (k >= 0) vmerge = { r: a, k };
    }
  const vbelow = vmerge ? spanned[spanned.indexOf(vmerge.r) + 1] : undefined;
  // A cell's merges on the wide grid: over the extra column, over the row below.
  const spans = (r: Row, k: number) =>
    (k === wide ? ' colspan="2"' : '') +
    ((down?.r === r && k === down.k) || (vmerge?.r === r && k === vmerge.k) ? ' rowspan="2"' : '');
  const covers = (r: Row, k: number) => (below === r && k === down!.k) || (vbelow === r && k === vmerge!.k);
  const spanning = (c: HtmlWritten, attrs: string) =>
    c.html !== undefined ? `<td${attrs}>${c.html}</td>` : td(c.text, attrs);
  // The row with a stray cell (strayCell): the first of 三's plain rows under 三、本年度办理结果,
  // none of the merges' (one shape at a time).
  const strayRow = stray
    ? spanned.find(
        (r) =>
          r.cells.length === 7 &&
          !r.glued &&
          r.cells.every((c) => c.html === undefined) &&
          r !== merged?.r &&
          r !== down?.r &&
          r !== below &&
          r !== vmerge?.r &&
          r !== vbelow,
      )
    : undefined;
  if (strayRow) stray!(strayRow);
  const trs = new Map<Row, string>();
  rows.forEach((r) => {
    const tds =
      strayRow === r
        ? [...r.cells.slice(0, 3).map(cell), cell(r.cells[2]!), ...r.cells.slice(3, 6).map(cell), td('')]
        : wide
          ? r.cells.map((c, k) => (covers(r, k) ? '' : spanning(c, spans(r, k))))
          : merged?.r === r
            ? r.cells.map((c, k) => (k === merged.k ? td(c.text, ' colspan="2"') : k === merged.k + 1 ? '' : cell(c)))
            : down?.r === r
              ? r.cells.map((c, k) => (k === down.k ? td(c.text, ' rowspan="2"') : cell(c)))
              : below === r
                ? r.cells.map((c, k) => (k === down!.k ? '' : cell(c)))
                : r.cells.map(cell);
    if (extra && !lead) tds.splice(extra.kind === 'subtotal' ? 6 : numbered ? 0 : tds.length, 0, extraCell(r));
    const tr = lead ? `<tr>${extraCell(r)}` : '<tr>';
    if (missing) {
      tds.splice(missing.drop, 1);
      if (remark) tds.push(td(''));
    }
    const values = tds.join('');
    if (/^(?:一、|二、|四、)/.test(r.label) || footed.includes(r))
      trs.set(r, `${tr}${td(r.label, ' colspan="2"')}${values}</tr>`);
    else if (r === spanned[0])
      trs.set(r, `${tr}${td('三、本年度办理结果', ` rowspan="${spanned.length}"`)}${td(r.label)}${values}</tr>`);
    // The ragged row: a label cell more, so its values start a grid column later than the
    // spanning number's row's (not the first row, whose 三、 cell spans the others, nor a footer's).
    else if (ragged && below === r && down!.k >= 1 && !footed.includes(r))
      trs.set(r, `${tr}<td></td>${td(r.label)}${values}</tr>`);
    else trs.set(r, `${tr}${td(r.label)}${values}</tr>`);
  });
  if (!groups) out.push(...rows.map((r) => trs.get(r)!));
  else {
    const group = (tag: string, rs: Row[]) =>
      rs.length ? [`<${tag}>`, ...rs.map((r) => trs.get(r)!), `</${tag}>`] : [];
    const head = ['<thead>', ...out.splice(1), '</thead>'];
    const top = group(
      'tbody',
      rows.filter((r) => !grouped.includes(r) && !footed.includes(r)),
    );
    const body = group('tbody', spanned);
    const foot = group('tfoot', footed);
    const whole = group(
      'tbody',
      rows.filter((r) => !footed.includes(r)),
    );
    const order = groups.pick(['foot-first', 'foot-between', 'head-after', 'bodies'] as const);
    out.push(
      ...(order === 'foot-first'
        ? [...head, ...foot, ...whole]
        : order === 'foot-between'
          ? [...head, ...top, ...foot, ...body]
          : order === 'head-after'
            ? [...whole, ...head, ...foot]
            : [...head, ...top, ...body, ...foot]),
    );
  }
  out.push('</table>');
  return out;
}

/** Section 四's rows with a year column: the report's year's row and last year's, in the drawn order. */
function yearRowsTable(by: NonNullable<TableQuirks['reviewByYear']>, own: string[]): string[][] {
  if (by.tables) {
    const [ownCap, otherCap] = by.relative
      ? ['本年度：', '上年度：']
      : [`${by.year}年情况：`, `${by.year - 1}年情况：`];
    const one = (caption: string, values: string[]) => [
      [caption],
      ['行政复议', '行政诉讼'],
      ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
      values,
    ];
    const [a, b] = [one(ownCap, own), one(otherCap, by.other.map(String))];
    return by.ownFirst ? [...a, ...b] : [...b, ...a];
  }
  const [ownLabel, otherLabel] = by.relative ? ['本年', '上年'] : [`${by.year}年`, `${by.year - 1}年`];
  const rows = [
    [ownLabel, ...own],
    [otherLabel, ...by.other.map(String)],
  ];
  return [
    ['年度', '行政复议', '行政诉讼'],
    ['结果维持', '结果纠正', '其他结果', '尚未审结', '总计', '未经复议直接起诉', '复议后起诉'],
    ...(by.ownFirst ? rows : rows.reverse()),
  ];
}

/**
 * 2021's （一） header in another order (现行有效件数 first), as agencies write it: the form's words,
 * or shortened under another first cell (类别 | 有效件数 | 制发件数 | 废止件数: a fresh tester's t26).
 */
function reorderedHeader(rng: Random): string[] {
  const lead = rng.pick(['信息内容', '信息内容', '类别', '名称', '项目']);
  const words = rng.pick([
    ['现行有效件数', '本年制发件数', '本年废止件数'],
    ['有效件数', '制发件数', '废止件数'],
    ['现行有效', '本年制发', '本年废止'],
  ]);
  return [lead, ...words];
}

/**
 * 三's rows with 二's label followed by its own, 予以公开's and 部分公开's values, and those two
 * labels with the tall 三、本年度办理结果 cell's characters after the next row (TableQuirks
 * `labelsAfterRun`). The rows as they are when `on` is false or a cell of the three is no number.
 */
function labelsAfterRun(rows: string[][], on: boolean): string[][] {
  const at = rows.findIndex((r) => r[0]?.startsWith('二、上年结转'));
  const run = rows.slice(at, at + 3);
  if (
    !on ||
    at < 0 ||
    !run[1]?.[0]?.startsWith('（一）予以公开') ||
    !run[2]?.[0]?.startsWith('（二）部分公开') ||
    !rows[at + 3] ||
    !run.every((r) => r.length === 8 && r.slice(1).every((c) => /^[0-9０-９]+$/.test(c)))
  )
    return rows;
  const moved = [run[1][0], run[2][0], '三、', '本', '年', '度', '办', '理', '结', '果'];
  return [
    ...rows.slice(0, at),
    [run[0]![0]!, ...run.flatMap((r) => r.slice(1))],
    rows[at + 3]!,
    moved,
    ...rows.slice(at + 4),
  ];
}

/** Layout rows with a centred `N / M` footer after one of them (TableQuirks.pageOfPages). */
function pageOfPagesFooter(seed: number | undefined, lines: string[]): string[] {
  if (seed === undefined) return lines;
  const side = new Random(seed);
  // After a row's end (its empty line), not the last.
  const ends = lines.flatMap((l, i) => (l === '' && i < lines.length - 1 ? [i] : []));
  if (!ends.length) return lines;
  const at = side.pick(ends);
  const of = side.int(2, 9);
  return [
    ...lines.slice(0, at + 1),
    `${' '.repeat(side.int(30, 50))}${side.int(1, of)} / ${of}`,
    ...lines.slice(at + 1),
  ];
}

/** `open`: the label of a row written with no closing rule (pipes; `gluedRuleActive`). */
function table(style: Style, rows: string[][], q: TableQuirks, rng: Random, open: string | null = null): string[] {
  const out: string[] = [];
  const footer = () => q.footers && rng.chance(0.05) && out.push(`-${rng.int(2, 9)}-`);
  switch (style) {
    case 'lines':
      rows.forEach((r) => {
        out.push(...r.map((c) => `${c} |`), rng.pick(['|', '||']));
        footer();
      });
      break;
    case 'blank-lines':
      if (q.pageCells) {
        const side = new Random(q.pageCells.seed);
        const mixed = q.pageCells.mixedOrder !== undefined ? new Random(q.pageCells.mixedOrder) : null;
        let page = side.int(2, 6);
        let group = '';
        rows.forEach((r) => {
          if (q.pageCells!.groupLines) r = withGroupLine(r, group, (g) => (group = g));
          const shown = r.filter((c) => c !== '');
          // A row with a label (四's one row has none: its first cell 0件 or 无 is a value, and
          // moving it after the others wrote a row whose truth no reader could find) and values.
          const values =
            (q.pageCells!.valuesFirst || (mixed?.chance(0.3) ?? false)) &&
            /[\u4e00-\u9fff]/.test(shown[0] ?? '') &&
            !/^(?:[\d０-９.,，]+\s*(?:件|个|条|项|次|万元|元)?|无)$/.test(shown[0]!) &&
            shown.slice(1).some((c) => /\d/.test(c));
          // A group label's line stands right before its row's label, in either order.
          const label = shown[0]!.split('\n');
          out.push(
            ...(values ? [...shown.slice(1), ...label] : [...label, ...shown.slice(1)]),
            ...(q.pageCells!.rowBreaks ? [''] : []),
          );
          // Not after a short row (二's) with a blank: its lost blank and the page number give
          // its count, and no sum tells them apart — where the text keeps no form feeds, the
          // reader cannot see that case at all (docs/template.md, a known limit).
          const blank = r.slice(1).includes('');
          if (blank && r.length < 8 && !q.pageCells!.formFeeds) return;
          // With group lines, a table on one page (t24's shape: no page number to show a row off).
          if (q.pageCells!.groupLines) return;
          if (side.chance(blank ? 0.5 : 0.06)) out.push(String(page++), ...(q.pageCells!.formFeeds ? ['\f'] : []));
        });
        break;
      }
      {
        let group = '';
        rows.forEach((r) => {
          if (q.groupLines) r = withGroupLine(r, group, (g) => (group = g));
          const [label, ...cs] = r;
          if (q.blankApplicants && cs.length === 7 && cs.slice(0, 6).every((c) => c === '')) {
            out.push(label!, ...Array<string>(7).fill(''), ` ${cs[6]}`, '');
          } else out.push(...r.flatMap((c) => (q.groupLines ? c.split('\n') : [c]).flatMap((l) => [l, ''])));
          footer();
        });
      }
      break;
    case 'pipes':
      rows.forEach((r) => {
        // Drawn for every row, so the random stream is the same with an open row or none.
        const tail = rng.pick(['', ' |', ' ||']);
        const line = open !== null && r[0] === open ? r.join(' | ') : `${r.join(' | ')} |${tail}`;
        const cut = q.pipeLabelBreaks && r.length > 1 ? labelBreak(r[0]!, q.pipeLabelBreaks) : -1;
        out.push(...(cut > 0 ? [line.slice(0, cut), line.slice(cut)] : [line]));
      });
      break;
    case 'markdown': {
      if (q.grid) {
        out.push(...gridTable(rows, q.grid));
        break;
      }
      const w = Math.max(...rows.map((r) => r.length));
      const pad = (r: string[]) => [...r, ...Array<string>(w - r.length).fill('')];
      if (q.mdConverter === 'html') {
        const tr = (r: string[]) =>
          `<tr>${pad(r)
            .map((c) => `<td>${escapeHtml(c)}</td>`)
            .join('')}</tr>`;
        out.push(`<table>${rows.map(tr).join('')}</table>`);
        break;
      }
      if (q.mdConverter === 'escape')
        rows = rows.map((r) => r.map((c) => (c === '-' ? '\\-' : c.replace(/^(\d+)\./, '$1\\.'))));
      if (q.mdConverter === 'math')
        rows = rows.map((r) => r.map((c) => (/^\d[\d,]*(?:\.\d+)?$/.test(c) ? `$${c}$` : c)));
      if (q.mdConverter === 'trim') {
        const head = `| ${pad(rows[0]!).join(' | ')} |`;
        const trimmed = (r: string[]) => {
          const c = pad(r);
          while (c.length > 1 && c.at(-1) === '') c.pop();
          return `| ${c.join(' | ')} |`;
        };
        out.push(head, `|${' --- |'.repeat(w)}`, ...rows.slice(1).map(trimmed));
        break;
      }
      out.push(
        `| ${pad(rows[0]!).join(' | ')} |`,
        // The delimiter row as Markdown allows it, a dash or two too (side stream: a fresh
        // tester's fuzzer found `| -- |` not known as one).
        `|${` ${new Random((q.sideSeed ?? 1) * 31 + w).pick(['---', '---', '---', '--', '-', ':-:', ':--'])} |`.repeat(w)}`,
        ...rows.slice(1).map((r) => `| ${pad(r).join(' | ')} |`),
      );
      break;
    }
    case 'tabs':
      if (q.cellBreaks) rows = breakCells(rows, q.cellBreaks);
      (q.sheet ? sheetRows(rows) : rows).forEach((r) =>
        out.push((q.cellBreaks ? r.map(quotedTabField) : r).join('\t')),
      );
      break;
    case 'spaces':
      rows.forEach((r) => out.push(r.join(' ')));
      break;
    case 'csv':
      if (q.cellBreaks) rows = breakCells(rows, q.cellBreaks);
      out.push(...delimitedTable(q.sheet ? sheetRows(rows) : rows, q.delimiter ?? ',', q.unquotedThousands));
      break;
    case 'oneline':
      throw new Error('oneline tables are rendered by layouts.ts');
    case 'html':
      out.push(
        '<table border="1">',
        ...rows.map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`),
        '</table>',
      );
      break;
  }
  return out;
}

/**
 * Cells of words as a spreadsheet holds them when they were wrapped with Alt+Enter: a line break
 * between two Chinese characters of some long cells (labels, headers), and “” typed as ASCII
 * quotes. Numbers are never wrapped (a break in one would make it two).
 */
function breakCells(rows: string[][], rng: Random): string[][] {
  const ascii = rng.chance(0.5);
  return rows.map((r) =>
    r.map((c) => {
      const t = ascii ? c.replace(/[“”]/g, '"') : c;
      const at: number[] = [];
      for (let k = 3; k < t.length - 2; k++)
        if (/[\u4e00-\u9fff]/.test(t[k - 1]!) && /[\u4e00-\u9fff]/.test(t[k]!)) at.push(k);
      if (!at.length || !rng.chance(0.3)) return t;
      const k = rng.pick(at);
      return `${t.slice(0, k)}${rng.pick(['\n', '\r\n'])}${t.slice(k)}`;
    }),
  );
}

/**
 * Where a numbered row label of ten characters or more is broken (pipeLabelBreaks): between two
 * CJK characters, six or more from its start and two from its end; -1 for none (three in ten).
 */
function labelBreak(label: string, rng: Random): number {
  if (label.length < 10 || !/^[（(\d]/.test(label) || /\d\s*$/.test(label)) return -1;
  const at: number[] = [];
  for (let k = 6; k < label.length - 2; k++)
    if (/[\u4e00-\u9fff]/.test(label[k - 1]!) && /[\u4e00-\u9fff]/.test(label[k]!)) at.push(k);
  if (!at.length || !rng.chance(0.3)) return -1;
  return rng.pick(at);
}

/** A field of tab-separated text as a spreadsheet saves it: quoted when it holds a break, tab or quote. */
function quotedTabField(s: string): string {
  return /[\t\r\n"]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** 三's group of each numbered label of the 2019/2021 form: （三）1.… is under （三）不予公开. */
const GROUPS: Record<string, string> = {
  '（一）': '三、本年度办理结果\n（一）',
  '（三）': '（三）不予公开',
  '（四）': '（四）无法提供',
  '（五）': '（五）不予处理',
  '（六）': '（六）其他处理',
};

/**
 * A row whose label opens a group (`（三）1.属于国家秘密`, `（一）予以公开`) with its group's label
 * on a line of its own before it (`（三）不予公开` then `1.属于国家秘密`; `三、本年度办理结果` then
 * `（一）予以公开`), the label and the group's joined by a line break; a later row of the same
 * group without it. `seen` is the last group written, `set` records this row's.
 */
function withGroupLine(r: string[], seen: string, set: (g: string) => void): string[] {
  const m = /^(（[一三四五六]）)(\d+\..*)$/.exec(r[0] ?? '') ?? /^(（一）)(予以公开.*)$/.exec(r[0] ?? '');
  if (!m || !GROUPS[m[1]!]) return r;
  const [, g, rest] = m;
  if (g === '（一）') {
    set(g);
    return [`三、本年度办理结果\n（一）${rest}`, ...r.slice(1)];
  }
  if (g === seen) return [rest!, ...r.slice(1)];
  set(g!);
  return [`${GROUPS[g!]}\n${rest}`, ...r.slice(1)];
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * A table as a spreadsheet saves it: section 三 (rows of a label and seven values) with its
 * labels merged over three columns, so two empty fields follow each label and the header cells
 * stand over the value columns; every row padded with empty fields to the sheet's width.
 */
function sheetRows(rows: string[][]): string[][] {
  const w = Math.max(...rows.map((r) => r.length));
  // A row of values a cell short (damage `short-row`) keeps its label in the first column; the
  // sheet's width then pads it with an empty field after its values (a fresh tester's t60).
  const labelled = (r: string[]) =>
    r.length === w || r[0]!.startsWith('（本列') || r.slice(1).some((c) => /\d/.test(c));
  const merged = w === 8 ? rows.map((r) => (labelled(r) ? [r[0]!, '', '', ...r.slice(1)] : ['', '', '', ...r])) : rows;
  const width = Math.max(...merged.map((r) => r.length));
  return merged.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
}

/**
 * Two rows of one group of section 三 swapped in place: 一 and 二, or two items of （三）–（六）
 * (labels as the template writes them, （五）2.重复申请). The truth is by row, so it stays.
 */
function swapRows(rng: Random, rows: Row[]): void {
  const groupOf = (label: string) =>
    /^[一二]、/.test(label) ? 'head' : (/^（[三四五六]）\d/.exec(label)?.[0].slice(0, 3) ?? null);
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < rows.length; i++)
    for (let j = i + 1; j < rows.length; j++) {
      const g = groupOf(rows[i]!.label);
      if (g && g === groupOf(rows[j]!.label)) pairs.push([i, j]);
    }
  if (!pairs.length) return;
  const [i, j] = rng.pick(pairs);
  [rows[i], rows[j]] = [rows[j]!, rows[i]!];
}

/** A change of 本年增/减 written in words: 减少21 ("decreased by 21"), 增加5; unreadable. */
function changeInWords(v: number): Written {
  return { text: `${v < 0 ? '减少' : '增加'}${Math.abs(v)}`, truth: { value: null, state: 'unreadable' } };
}

/** The header cells of 三's 法人或其他组织 columns: 科研机构 twice when the header names it twice. */
function applicantHeader(q: Pick<TableQuirks, 'requestHeaderRepeated'>): string[] {
  return q.requestHeaderRepeated
    ? ['商业企业', '科研机构', '科研机构', '法律服务机构', '其他']
    : ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'];
}
