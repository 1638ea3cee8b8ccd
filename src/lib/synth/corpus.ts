import type { Gazetteer } from '../region/gazetteer.ts';
import { requestRows } from '../template/definitions.ts';
import { agencyPool, pickAgency, type AgencyPick } from './agencies.ts';
import { deferToAppendix, tablesAfterFour } from './appendix.ts';
import { notOwnSection, otherUnitAppendix } from './other-unit.ts';
import { encode } from './encode.ts';
import { freeForm, notAReport, otherMatters, overview, problems } from './narrative.ts';
import { Random } from './random.ts';
import { CANONICAL } from '../segment/headings.ts';
import { damageKinds } from './damage-tables.ts';
import {
  big5Safe,
  headingText,
  oldFormTable,
  otherNumbered,
  partNumbered,
  type PartNumbering,
  partNumbering,
  rowWording,
  onelineDump,
  pipeOneline,
  renderOneline,
  toTraditional,
  type OnelineTables,
} from './layouts.ts';
import { escapeHtml, renderTables, type Style, type TableQuirks } from './render.ts';
import { metadataVariant } from './metadata.ts';
import { otherYearSections } from './other-sections.ts';
import { comparisonSentence, otherYearPageTitle, otherYearTitles, withoutOwnYear } from './other-years.ts';
import { UNIT_WORDINGS, unitStatement, type StatedUnit } from './cells.ts';
import { reencodedCopy } from './copies.ts';
import { sprinkleInvisible } from './invisible.ts';
import { ISSUER_NAME_END, garbledYear } from './garbled-year.ts';
import { periodSentence, planSentences } from './period-plans.ts';
import type { Truth } from './truth.ts';
import { failingChecks, makeTables, plantError, type Tables } from './values.ts';
import { copyVariantFits, repeatCopy, type CopyVariant } from './repeat-copy.ts';

/** The template's section headings, as a table of contents lists them. */
const TOC_HEADINGS = CANONICAL.map((h, i) => `${'一二三四五六'[i]}、${h}`);

/**
 * The synthetic corpus: reports whose every number is known, in every shape real files come
 * in (docs/template.md), plus the bad inputs ingest must survive. Deterministic for a
 * seed. Agencies come in series of consecutive years with consistent carry-over.
 */

export interface SynthFile {
  path: string;
  bytes: Uint8Array;
  truth: Truth;
}

const STYLES: Record<Style, number> = {
  lines: 15,
  'blank-lines': 15,
  pipes: 20,
  markdown: 8,
  tabs: 7,
  spaces: 15,
  html: 20,
  csv: 5,
  oneline: 5,
};

/** Styles whose rows are delimited lines: a cell in words there keeps the others' columns. */
const WORDS_IN_CELLS = new Set<Style>(['pipes', 'markdown', 'tabs', 'csv', 'html']);
/** Styles whose 三 may show each item's group label glued to its own (quirk group-label-every-row). */
const GROUP_ON_EVERY_ROW = new Set<Style>(['pipes', 'markdown', 'tabs', 'csv', 'html', 'lines', 'blank-lines']);

/** Styles that write 三's first value qualified in its label's cell or line (qualified-first-value). */
const QUALIFIED_FIRST = new Set<Style>(['spaces', 'pipes', 'markdown', 'html']);

/** Styles that write each table row as one line. */
const ONE_LINE_ROWS = new Set<Style>(['pipes', 'markdown', 'tabs', 'spaces', 'csv']);

/** An agency's reports so far: its first and last year, and the last year's tables (the next year's carry-over). */
interface Series {
  pick: AgencyPick;
  first: number;
  last: number;
  tables: Tables | null;
}
const FIRST_YEAR = 2015;
const LAST_YEAR = 2025;
/** Draws of agencies already used before one of them publishes more years instead. */
const CONTINUE_AFTER = 200;
/** Draws after which the places are taken to have no agency-year left. */
const GIVE_UP = 1_000_000;

export function* generateCorpus(count: number, seed: number, g: Gazetteer): Generator<SynthFile> {
  const rng = new Random(seed);
  const pool = agencyPool(g);
  const used = new Map<string, Series>();
  let n = 0;
  const seq = () => String(n).padStart(6, '0');
  const emitted: SynthFile[] = [];
  while (n < count) {
    const kind = rng.weighted({
      series: 92,
      empty: 1,
      binary: 1,
      notReport: 1.5,
      duplicate: 2,
      reencoded: 1.5,
      badName: 0,
    });
    if (kind === 'empty') {
      yield bad(`bad/${seq()}-empty.txt`, new Uint8Array(), 'empty');
      n++;
    } else if (kind === 'binary') {
      const bytes = new Uint8Array(256).map((_, i) =>
        i < 8 ? [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a][i]! : rng.int(0, 255),
      );
      yield bad(`bad/${seq()}-image.html`, bytes, 'binary');
      n++;
    } else if (kind === 'notReport') {
      yield bad(`bad/${seq()}-news.txt`, new TextEncoder().encode(notAReport(rng).join('\n')), 'not-a-report');
      n++;
    } else if (kind === 'reencoded' && emitted.length) {
      const copy = reencodedCopy(rng, emitted, (ext) => `dup/${seq()}-other-encoding${ext}`);
      if (copy) {
        yield copy;
        n++;
      }
    } else if (kind === 'duplicate' && emitted.length) {
      const orig = rng.pick(emitted);
      const ext = orig.path.slice(orig.path.lastIndexOf('.'));
      yield {
        path: `dup/${seq()}-copy${ext}`,
        bytes: orig.bytes,
        truth: {
          ...orig.truth,
          file: `dup/${seq()}-copy${ext}`,
          outcome: 'duplicate',
          report: null,
          cells: [],
          failing_checks: [],
        },
      };
      n++;
    } else {
      let a: AgencyPick;
      let tries = 0;
      let series: Series | undefined;
      do {
        a = pickAgency(g, pool, rng);
        series = used.get(a.agency);
        // Past a few hundred thousand reports the places run out of new agencies (the loop never
        // ended at 300,000): an agency drawn again then publishes more years — its next ones,
        // continuing its series so that its cross-year numbers stay consistent, or else earlier
        // ones, a year apart from its first so that no cross-year check joins them. Never reached
        // by smaller corpora, whose stream is unchanged.
        if (series && ++tries > CONTINUE_AFTER && (series.last < LAST_YEAR || series.first - 2 >= FIRST_YEAR)) break;
        if (tries > GIVE_UP)
          throw new Error(`synth: after ${n} reports the gazetteer's places have no agency and year left`);
      } while (series);
      const years = rng.int(1, 3);
      let start: number;
      let end: number;
      let prev: Tables | null = null;
      const forward = !series || series.last < LAST_YEAR;
      if (series && forward) {
        a = series.pick;
        start = series.last + 1;
        end = Math.min(start + years, LAST_YEAR + 1);
        prev = series.tables;
      } else if (series) {
        a = series.pick;
        end = series.first - 1;
        start = Math.max(FIRST_YEAR, end - years);
      } else {
        start = rng.int(FIRST_YEAR, LAST_YEAR - years + 1);
        end = start + years;
      }
      const was = series;
      for (let y = start; y < end && n < count; y++) {
        const f = report(rng, a, y, prev, seq());
        prev = f.tables;
        used.set(
          a.agency,
          forward ? { pick: a, first: was?.first ?? start, last: y, tables: f.tables } : { ...was!, first: start },
        );
        if (emitted.length < 500) emitted.push(f.file);
        yield f.file;
        n++;
      }
    }
  }
}

function bad(path: string, bytes: Uint8Array, quirk: string): SynthFile {
  return {
    path,
    bytes,
    truth: {
      file: path,
      style: 'bad',
      quirks: [quirk],
      encoding: 'utf-8',
      outcome: 'rejected',
      report: null,
      cells: [],
      failing_checks: [],
    },
  };
}

function report(
  rng: Random,
  a: AgencyPick,
  year: number,
  prev: Tables | null,
  seq: string,
): { file: SynthFile; tables: Tables | null } {
  const style = rng.weighted(STYLES);
  const quirks = new Set<string>();
  const q = (name: string, p: number) => (rng.chance(p) ? (quirks.add(name), true) : false);
  const pre2019 = year <= 2018;
  const layoutActive = year >= 2021 ? '2021' : '2019';
  const layoutRequests = year >= 2021 && !q('mixed-layout', 0.1) ? '2021' : '2019';
  const noTables = !pre2019 && q('tables-missing', 0.04);
  const cutAfter = !pre2019 && !noTables && q('cut', 0.02) ? rng.pick(requestRows[layoutRequests]).key : null;

  let tables: Tables | null = null;
  let erroneous = new Set<string>();
  let bigNumbers = false;
  if (!pre2019) {
    const carried = prev ? prev.requests.carried_forward : undefined;
    tables = makeTables(rng, a.scale, layoutActive, layoutRequests, carried);
    if (prev && prev.layoutActive === '2021' && layoutActive === '2021') {
      for (const k of ['rules', 'normative_docs']) {
        const [issued, repealed] = tables.active[k]!;
        const r = Math.min(repealed!, prev.active[k]![2]!);
        tables.active[k] = [issued!, r, prev.active[k]![2]! + issued! - r];
      }
    }
    // Numbers in the thousands, written with thousands commas (a fresh tester's t58: rows such as
    // `本年新收… 10,598 1,753` made a document comma-delimited); a side generator, and only a
    // series' first report (its 上年结转 is no earlier report's 结转下年度).
    const big = new Random(Number(seq) * 7867 + 61);
    if (!prev && big.chance(style === 'spaces' ? 0.3 : 0.03)) {
      const k = big.int(40, 400);
      for (const row of Object.values(tables.requests)) for (let j = 0; j < row.length; j++) row[j] = row[j]! * k;
      bigNumbers = true;
    }
    // One-line dumps glue every row: a planted error could let a wrong split add up.
    if (style !== 'oneline' && q('source-error', 0.06))
      erroneous = new Set([plantError(rng, tables).startsWith('requests') ? 'total' : 'review']);
  }

  // A money unit stated outside the amount header (cells.ts), decided by a side generator.
  const unitSide = new Random(Number(seq) * 6007 + 23);
  let stated: StatedUnit | undefined;
  if (!pre2019 && style !== 'oneline' && unitSide.chance(0.08)) {
    const conflict = unitSide.chance(0.15);
    const unit = conflict ? unitSide.pick(['元', '千元'] as const) : unitSide.pick(['元', '千元', '万元'] as const);
    const at = unitSide.pick(['line', 'header-cell', 'caption', 'heading'] as const);
    // The amount header itself saying only 金额（单位：元） (its own side generator: the draws above stay).
    const bare = !conflict && new Random(Number(seq) * 6011 + 29).chance(0.25);
    stated = { unit, at: bare ? 'bare-header' : at, conflict };
    quirks.add(conflict ? 'fee-unit-conflict' : bare ? 'fee-unit-bare-header' : 'fee-unit-outside');
    // Worded as reports word it beyond 单位：元 (its own side generator: the draws above stay).
    const wording = new Random(Number(seq) * 6421 + 53);
    if (!bare && at !== 'header-cell' && wording.chance(0.5)) {
      stated.wording = wording.int(1, UNIT_WORDINGS.length - 1);
      quirks.add('fee-unit-wording');
    }
  }
  if (bigNumbers) quirks.add('big-numbers');
  // The report's own sentence on its fee, in the cell's unit or another (side generator).
  const prose = new Random(Number(seq) * 6427 + 59);
  const feeProse =
    !pre2019 && style !== 'oneline' && prose.chance(0.04) ? prose.pick(['same', 'other'] as const) : undefined;
  if (feeProse) quirks.add(`fee-prose-${feeProse}`);
  const tq: TableQuirks = {
    cell: {
      fullwidth: q('fullwidth', 0.1),
      thousands: q('thousands', 0.3) || bigNumbers,
      units: q('units', 0.1),
      headerUnit: rng.chance(0.5) ? '万元' : null,
      // Spreadsheet exports write whole numbers as 12.0 (side generator).
      floats: style === 'csv' && new Random(Number(seq) * 6151 + 13).chance(0.3),
      ...(stated ? { stated } : {}),
    },
    ...(feeProse ? { feeProse } : {}),
    blanks: q('blanks', 0.15),
    blankApplicants: style === 'blank-lines' && q('blank-applicants', 0.2),
    glued: style === 'spaces' && q('glued', 0.4),
    splitHeaders: (style === 'blank-lines' || style === 'lines') && q('split-headers', 0.4),
    footers: q('footers', 0.2),
    cutAfter,
    damage: erroneous.size || cutAfter ? [] : damageKinds(style).filter((k) => q(k, 0.03)),
    delimiter: style === 'csv' ? rng.pick([',', ',', ';'] as const) : undefined,
    // Decided by a side generator, so that the main stream (and corpora made before) stay the same.
    labelPadding: style === 'pipes' && new Random(Number(seq) * 104729 + 7).chance(0.3),
    // Three label columns, each row's label in its depth's (render.ts, labelColumns; a fresh tester's t17).
    labelColumns:
      (style === 'pipes' || style === 'markdown' || style === 'tabs' || style === 'csv') &&
      new Random(Number(seq) * 7331 + 41).chance(0.1),
    spannedNumbers: style === 'html' && new Random(Number(seq) * 7919 + 3).chance(0.2),
    rowSpannedNumbers: style === 'html' && new Random(Number(seq) * 6451 + 71).chance(0.15),
    // A side generator of its own: the corpora made before change only where it falls.
    raggedRowSpan: style === 'html' && new Random(Number(seq) * 8111 + 149).chance(0.4),
    reviewTotalFirst: new Random(Number(seq) * 3571 + 5).chance(0.03),
    blockSplit: style === 'html' && new Random(Number(seq) * 7243 + 13).chance(0.15),
    hiddenText: style === 'html' && new Random(Number(seq) * 6607 + 19).chance(0.15),
    wrappedLabels: style === 'spaces' && new Random(Number(seq) * 7727 + 29).chance(0.3),
    // `-raw` text: blanks not shown, digits spaced apart (a side generator of its own).
    ...(style === 'spaces' && new Random(Number(seq) * 7741 + 43).chance(0.1)
      ? { spacedDigits: Number(seq) * 7741 + 47 }
      : {}),
    // A note mark glued after a number (a side generator of its own).
    ...(style === 'spaces' && new Random(Number(seq) * 7753 + 53).chance(0.1)
      ? { noteMarks: Number(seq) * 7753 + 59 }
      : {}),
    // Not with a planted source error: a row short of values is NULL, and the error's check then
    // cannot be made (the truth expects it to fail).
    layoutGaps: style === 'spaces' && !erroneous.size && new Random(Number(seq) * 7727 + 31).chance(0.5),
    supByStyle: style === 'html' && new Random(Number(seq) * 4919 + 29).chance(0.15),
    unsureInk: style === 'html' && new Random(Number(seq) * 8191 + 37).chance(0.1),
    rowsOutOfOrder: new Random(Number(seq) * 5987 + 53).chance(0.04),
    groupOnEveryRow: GROUP_ON_EVERY_ROW.has(style) && new Random(Number(seq) * 7919 + 151).chance(0.05),
    wordsInCells: WORDS_IN_CELLS.has(style) && new Random(Number(seq) * 6229 + 61).chance(0.05),
    qualifiedFirst: QUALIFIED_FIRST.has(style) && new Random(Number(seq) * 6563 + 71).chance(0.03),
    activeHeaderReordered:
      style !== 'oneline' && layoutActive === '2021' && new Random(Number(seq) * 6329 + 67).chance(0.04),
    sideSeed: Number(seq) * 5381 + 23,
  };
  // Blank-lines as plain pdftotext prints a ruled table, a blank cell no line, with bare page
  // numbers between rows (a fresh tester's t6; side generator).
  const pageSide = new Random(Number(seq) * 7433 + 17);
  if (style === 'blank-lines' && !tq.blankApplicants && !tq.damage?.length && pageSide.chance(0.1)) {
    tq.pageCells = { formFeeds: pageSide.chance(0.5), seed: Number(seq) * 7433 + 19 };
    quirks.add(tq.pageCells.formFeeds ? 'page-number-cells-ff' : 'page-number-cells');
    // With an empty line after each row (a fresh tester's t12; a side generator of its own).
    if (new Random(Number(seq) * 7433 + 23).chance(0.5)) {
      tq.pageCells.rowBreaks = true;
      quirks.add('row-break-lines');
    }
    // Each row's values before its label (a fresh tester's t13; a side generator of its own).
    const valuesFirst = new Random(Number(seq) * 7433 + 29).chance(0.3);
    // Some rows' values before their labels, the others' after (a fresh tester's t58: plain
    // pdftotext of a Chromium PDF, （七）总计's values before its label, 其他处理 blank; a side
    // generator of its own).
    if (!valuesFirst && new Random(Number(seq) * 7433 + 37).chance(0.3)) {
      tq.pageCells.mixedOrder = Number(seq) * 7433 + 41;
      quirks.add('mixed-order');
    }
    // 二's first sub-table column by column (a fresh tester's t62: plain pdftotext of LibreOffice's
    // PDFs; a side generator of its own), not with rows' values moved before their labels.
    if (
      !valuesFirst &&
      tq.pageCells.mixedOrder === undefined &&
      !tq.pageCells.rowBreaks &&
      new Random(Number(seq) * 7433 + 43).chance(0.5)
    ) {
      tq.pageCells.columnWise = Number(seq) * 7433 + 47;
      quirks.add('column-wise-subtable');
    }
    if (valuesFirst) {
      tq.pageCells.valuesFirst = true;
      quirks.add('values-before-labels');
      // 三's group labels on lines of their own, once before their group's first row (a fresh
      // tester's t24: 三、本年度办理结果, （三）不予公开 as plain pdftotext prints a merged cell).
      if (new Random(Number(seq) * 7433 + 31).chance(0.5)) {
        tq.pageCells.groupLines = true;
        quirks.add('values-before-labels-groups');
      }
    }
  }
  // Blank-lines with 三's group labels on lines of their own before their first row's label, the
  // real report's .txt shape (a fresh tester's t94: （六）其他处理 alone over 1.申请人… made that row
  // NULL in 44 of 49 such reports; a side generator of its own).
  if (style === 'blank-lines' && !tq.pageCells && new Random(Number(seq) * 7433 + 53).chance(0.3)) {
    tq.groupLines = true;
    quirks.add('group-lines');
  }
  // Section 四 with a row per year (side generator): not in a page dump, nor with 总计 first or
  // damage (both rewrite the one row).
  const byYear = new Random(Number(seq) * 8191 + 37);
  if (style !== 'oneline' && !tq.damage?.length && !tq.reviewTotalFirst && byYear.chance(0.04)) {
    const block = () => {
      const v = [0, 1, 2, 3].map(() => byYear.int(0, 9));
      return [...v, v.reduce((a, b) => a + b, 0)];
    };
    tq.reviewByYear = {
      year,
      relative: byYear.chance(0.3),
      ownFirst: byYear.chance(0.5),
      other: [...block(), ...block(), ...block()],
      // Two whole tables instead (its own side generator: the draws above stay).
      tables: new Random(Number(seq) * 8209 + 43).chance(0.4),
    };
    quirks.add('review-by-year');
  }
  // A sheet saved as CSV or tab-separated text with a row a cell short (a table copied in from a
  // page whose row lost a cell): the sheet's width pads that row with an empty field after its
  // values, as a blank 总计 reads (a fresh tester's t60: published a column off). Its own side
  // generator; the damage's rows are lenient (NULL or the value).
  const sheetShort = new Random(Number(seq) * 7883 + 149);
  if (
    (style === 'csv' || style === 'tabs') &&
    !pre2019 &&
    !noTables &&
    !tq.damage?.length &&
    !erroneous.size &&
    !cutAfter &&
    sheetShort.chance(0.08)
  ) {
    tq.damage = ['short-row'];
    tq.damageRng = sheetShort;
    tq.sheet = true;
    quirks.add('short-row').add('spreadsheet-sheet').add('sheet-short-row');
  }
  // With a row a cell short too (damage `short-row`), which the sheet's width then pads with an
  // empty field after its values, like a blank 总计 (a fresh tester's t60). Tab-separated as well.
  if (
    (style === 'csv' || style === 'tabs') &&
    (tq.damage ?? []).every((k) => k === 'short-row') &&
    new Random(Number(seq) * 6737 + 41).chance(0.3)
  ) {
    tq.sheet = true;
    quirks.add('spreadsheet-sheet');
  }
  // A spreadsheet's cells wrapped with Alt+Enter, saved as CSV or tab-separated text (side
  // generator); not with damage, which rewrites cells after their truth is taken.
  const breaks = new Random(Number(seq) * 7759 + 43);
  if ((style === 'csv' || style === 'tabs') && !pre2019 && !noTables && !tq.damage?.length && breaks.chance(0.25)) {
    tq.cellBreaks = breaks;
    quirks.add('cell-line-breaks');
  }
  // A row's long label broken before its `|` cells, as a crawler writes a label cell with a line
  // break in it (side generator; not with damage).
  const pipeBreaks = new Random(Number(seq) * 8231 + 139);
  if (style === 'pipes' && !pre2019 && !noTables && !tq.damage?.length && pipeBreaks.chance(0.3)) {
    tq.pipeLabelBreaks = pipeBreaks;
    quirks.add('pipe-label-broken');
  }
  // 三's rows in <thead>/<tbody>/<tfoot> written out of the drawn order (side generator); not with
  // a number spanning two rows, which could span into the footer, nor with damage.
  const groups = new Random(Number(seq) * 7873 + 59);
  if (style === 'html' && !pre2019 && !noTables && !tq.rowSpannedNumbers && !tq.damage?.length && groups.chance(0.2)) {
    tq.rowGroups = groups;
    quirks.add('row-groups');
  }
  const gridRng = new Random(Number(seq) * 7753 + 29);
  if (style === 'markdown' && !tq.damage?.length && gridRng.chance(0.3)) {
    tq.grid = gridRng;
    quirks.add('grid-table');
  }
  // 三's header naming a column twice (side generator): where the header's cells are written whole
  // (not a page dump, a grid table's wrapped cells, a sheet or -layout text), not with damage
  // (it rewrites cells after their truth is taken) nor a planted source error (its check could
  // not be made).
  tq.requestHeaderRepeated =
    style !== 'oneline' &&
    style !== 'spaces' &&
    !tq.grid &&
    !tq.sheet &&
    !tq.damage?.length &&
    !erroneous.size &&
    new Random(Number(seq) * 6491 + 79).chance(0.01);
  // 三's 总计 column and （七）总计 row left blank in an HTML table (side generator): not with
  // damage (it rewrites cells after their truth is taken), a planted source error (its check
  // could not be made) or a header naming a column twice (no cell is placed at all).
  if (
    style === 'html' &&
    !pre2019 &&
    !noTables &&
    !tq.damage?.length &&
    !erroneous.size &&
    !tq.requestHeaderRepeated &&
    !tq.blankApplicants &&
    new Random(Number(seq) * 7129 + 97).chance(0.1)
  ) {
    tq.blankTotals = true;
    quirks.add('blank-totals');
  }
  // 四 printed as two tables, 行政复议 and 行政诉讼, each with its own header (side generator): in
  // the styles that write a table row on a line of its own, not with damage, 四 by year or with
  // 总计 first (each rewrites the one row), cells in words or a grid table's wrapped cells.
  const splitSide = new Random(Number(seq) * 7451 + 101);
  if (
    (style === 'html' || style === 'pipes' || style === 'tabs' || style === 'markdown' || style === 'spaces') &&
    !pre2019 &&
    !noTables &&
    !tq.damage?.length &&
    !tq.reviewByYear &&
    !tq.reviewTotalFirst &&
    !tq.wordsInCells &&
    !tq.grid &&
    splitSide.chance(0.05)
  ) {
    tq.reviewSplit = splitSide;
    quirks.add('review-split');
  }
  // 四's row with a row number before its values and its last 总计 blank (side generator): in the
  // styles that write the row as cells, not with damage (it rewrites the row after its truth is
  // taken) nor with 四 by year, split, with 总计 first, in words or a grid table.
  const numberSide = new Random(Number(seq) * 7673 + 109);
  if (
    (style === 'html' ||
      style === 'pipes' ||
      style === 'tabs' ||
      style === 'markdown' ||
      style === 'spaces' ||
      style === 'csv') &&
    !pre2019 &&
    !noTables &&
    !tq.damage?.length &&
    !tq.reviewByYear &&
    !tq.reviewTotalFirst &&
    !tq.reviewSplit &&
    !tq.wordsInCells &&
    !tq.grid &&
    numberSide.chance(0.04)
  ) {
    tq.reviewRowNumber = true;
    quirks.add('review-row-number');
  }
  // 三's header shapes of its own in HTML (side generators below): not with damage (it rewrites
  // cells after their truth is taken) or a header naming a column twice, one shape at a time.
  const htmlRequests = style === 'html' && !pre2019 && !noTables;
  const htmlHeaderFree = htmlRequests && !tq.damage?.length && !tq.requestHeaderRepeated;
  // 三 with a column the form does not have, named by its header.
  const extraSide = new Random(Number(seq) * 7541 + 103);
  if (htmlHeaderFree && extraSide.chance(0.1)) {
    tq.extraColumn = { kind: extraSide.pick(['subtotal', 'previous', 'row-number', 'unit'] as const), rng: extraSide };
    const lead = tq.extraColumn.kind === 'row-number' || tq.extraColumn.kind === 'unit';
    quirks.add(tq.extraColumn.kind === 'row-number' ? 'row-number-column' : lead ? 'unit-column' : 'extra-column');
    // 序号 before the row labels, as tables often print it (its own side generator: the draws
    // above stay).
    if (tq.extraColumn.kind === 'row-number' && new Random(Number(seq) * 7541 + 107).chance(0.5)) {
      tq.extraColumn.first = true;
      quirks.add('row-number-first');
    }
    // A column before 自然人 with 总计 blank in every row: read by count, every value stood a
    // column to the right (a fresh tester's t10). Half of them, where a blank total may be planted.
    if (lead && !erroneous.size && !tq.blankApplicants && extraSide.chance(0.5)) {
      tq.blankTotals = true;
      quirks.add('blank-totals');
      quirks.add('lead-column-blank-totals');
    }
  }
  // 三 without one of its 法人 columns, header and rows, and half of them with an empty 备注 column
  // after 总计 (render.ts missingColumn; a fresh tester's t67).
  const missingSide = new Random(Number(seq) * 7589 + 113);
  if (htmlHeaderFree && !tq.extraColumn && missingSide.chance(0.1)) {
    tq.missingColumn = { drop: missingSide.int(1, 5), remark: missingSide.chance(0.5) };
    quirks.add(tq.missingColumn.remark ? 'missing-column-remark' : 'missing-column');
  }
  // 二's first sub-table without one of its columns, the rows padded to the form's width
  // (render.ts activeColumnDropped; a fresh tester's t67). Side generator; the 2021 form, not
  // with another shape of 二's header (the other form's is decided after, not with this), nor
  // where a blank leaves no trace (spaces, a one-line dump) or a page's cells run column-wise.
  const droppedSide = new Random(Number(seq) * 7621 + 131);
  if (
    !pre2019 &&
    !noTables &&
    layoutActive === '2021' &&
    style !== 'oneline' &&
    style !== 'spaces' &&
    !tq.activeHeaderReordered &&
    !tq.pageCells &&
    !tq.damage?.length &&
    droppedSide.chance(0.03)
  ) {
    tq.activeColumnDropped = droppedSide.int(0, 2);
    quirks.add('active-column-dropped');
  }
  // 三 with a stray cell in one row, its 总计 blank (render.ts strayCell; a fresh tester's t90).
  // Side generator; no other shape of 三's columns or merged cells.
  const strayCellSide = new Random(Number(seq) * 7687 + 163);
  if (
    htmlHeaderFree &&
    !tq.extraColumn &&
    !tq.missingColumn &&
    !tq.columnNumbers &&
    !tq.wideGridColumn &&
    !tq.spannedNumbers &&
    !tq.rowSpannedNumbers &&
    strayCellSide.chance(0.25)
  ) {
    tq.strayCell = true;
    quirks.add('stray-cell-row');
  }
  // 二's 行政事业性收费 in a sub-table of its own with a column of the agency's (render.ts
  // activeOwnColumn; a fresh tester's t92). Side generator; the 2021 form, where a row's cells
  // stand apart, no other shape of 二's header or its fee.
  const ownSide = new Random(Number(seq) * 7673 + 151);
  if (
    !pre2019 &&
    !noTables &&
    layoutActive === '2021' &&
    // Not pipes: its rows draw from the main random stream (one row fewer in 二's table would
    // change every report after).
    (style === 'tabs' || style === 'markdown' || style === 'csv' || style === 'html') &&
    !tq.activeHeaderOtherForm &&
    !tq.activeHeaderReordered &&
    tq.activeColumnDropped === undefined &&
    !tq.feeProse &&
    !tq.cell.stated &&
    !tq.damage?.length &&
    ownSide.chance(0.15)
  ) {
    tq.activeOwnColumn = Number(seq) * 7673 + 157;
    quirks.add('active-own-column');
  }
  // 三's header with a last row numbering its columns (render.ts columnNumbers; a fresh tester's
  // t66). Side generator: HTML (and the PDFs printed from it), no other column shape.
  const numbersSide = new Random(Number(seq) * 7603 + 127);
  if (htmlRequests && !tq.extraColumn && !tq.missingColumn && numbersSide.chance(0.05)) {
    tq.columnNumbers = true;
    quirks.add('column-number-row');
  }
  // 三 on a Word grid with one column more than the form: a 法人 column's cells span two grid
  // columns, a blank or mark merged over two rows (render.ts wideGridColumn; a fresh tester's
  // t88). Side generator; no other shape of 三's columns or merged cells.
  const wideSide = new Random(Number(seq) * 7649 + 139);
  if (
    htmlHeaderFree &&
    !tq.extraColumn &&
    !tq.missingColumn &&
    !tq.columnNumbers &&
    !tq.spannedNumbers &&
    !(tq.raggedRowSpan && tq.rowSpannedNumbers) &&
    !tq.strayCell &&
    wideSide.chance(0.1)
  ) {
    tq.wideGridColumn = wideSide.int(1, 5);
    quirks.add('wide-grid-column');
  }
  // 三 with one row's blank lost and a stray number after its values (side generator): in the
  // text styles where a row's cells stand apart, not with damage or a planted source error (both
  // rewrite or check the rows), nor with the shapes that rewrite 三's rows.
  // 三's rows as the form writes them, in full: no damage, planted error or other shape of them.
  const plainRequests = () =>
    !pre2019 &&
    !noTables &&
    !cutAfter &&
    !tq.damage?.length &&
    !erroneous.size &&
    !tq.grid &&
    !tq.sheet &&
    !tq.cellBreaks &&
    !tq.glued &&
    !tq.wrappedLabels &&
    !tq.labelPadding &&
    !tq.requestHeaderRepeated;
  const straySide = new Random(Number(seq) * 7759 + 127);
  if (
    (style === 'pipes' || style === 'tabs' || style === 'spaces' || style === 'csv' || style === 'markdown') &&
    plainRequests() &&
    straySide.chance(0.04)
  ) {
    tq.strayNumber = straySide;
    quirks.add('stray-number-lost-blank');
  }
  // The same with another row of 三 a cell short (a side generator of its own; the corpora made
  // before change only where it falls): the column sums through the stray row pass a row not placed.
  const strayShortSide = new Random(Number(seq) * 7949 + 139);
  if (
    !tq.strayNumber &&
    (style === 'pipes' || style === 'tabs' || style === 'spaces' || style === 'csv' || style === 'markdown') &&
    plainRequests() &&
    strayShortSide.chance(0.03)
  ) {
    tq.strayNumber = strayShortSide;
    tq.strayShort = true;
    quirks.add('stray-number-short-row');
  }
  // 三 as plain pdftotext prints a tall merged label cell: 二's label followed by three rows'
  // values, 予以公开's and 部分公开's labels below (the real report, test/fixtures/documents; a side
  // generator of its own). Not with other shapes of 三's rows, damage or a planted error.
  if (
    style === 'blank-lines' &&
    !pre2019 &&
    !noTables &&
    !tq.pageCells &&
    !tq.blankApplicants &&
    !tq.damage?.length &&
    !erroneous.size &&
    !tq.strayNumber &&
    !tq.labelPadding &&
    !tq.labelColumns &&
    !tq.wrappedLabels &&
    new Random(Number(seq) * 7919 + 131).chance(0.2)
  ) {
    tq.labelsAfterRun = true;
    quirks.add('labels-after-run');
  }
  // 三 as OCR writes it: two cells of a row glued and a table rule read as a 1 after its values
  // (a fresh tester's t33; a side generator of its own), in delimited text styles; not with the
  // other damage of 三's rows.
  const gluedSide = new Random(Number(seq) * 7927 + 137);
  if (
    (style === 'pipes' || style === 'tabs' || style === 'csv' || style === 'markdown') &&
    plainRequests() &&
    !tq.strayNumber &&
    !tq.labelsAfterRun &&
    gluedSide.chance(0.03)
  ) {
    tq.gluedRule = gluedSide;
    quirks.add('glued-rule-one');
  }
  // A count ending in 0 written `42.0` for 420 (OCR's stray dot, a fresh tester's t33; a side
  // generator of its own), in the text styles; not beside the other shapes of 三's rows, nor with
  // a spreadsheet's floats (every count written so, where 42.0 is 42).
  const dotSide = new Random(Number(seq) * 7951 + 149);
  if (
    (style === 'pipes' || style === 'tabs' || style === 'spaces' || style === 'csv' || style === 'markdown') &&
    plainRequests() &&
    !tq.strayNumber &&
    !tq.gluedRule &&
    !tq.labelsAfterRun &&
    !tq.cell.floats &&
    dotSide.chance(0.03)
  ) {
    tq.strayDot = dotSide;
    quirks.add('stray-dot');
  }
  // 二 as OCR writes it: two cells of a row glued and its closing rule read as a 1 or a character
  // (fresh testers' t33 and t37; a side generator of its own), in the pipes style, where rows
  // close with `|`, and in tabs and spaces.
  const gluedActiveSide = new Random(Number(seq) * 7963 + 151);
  if (
    (style === 'pipes' || style === 'tabs' || style === 'spaces') &&
    plainRequests() &&
    !tq.labelsAfterRun &&
    gluedActiveSide.chance(style === 'pipes' ? 0.12 : 0.06)
  ) {
    tq.gluedRuleActive = gluedActiveSide;
    quirks.add('glued-rule-one-active');
  }
  if (tq.labelPadding) quirks.add('label-padding');
  // Not with the other shapes of 三's rows: one layout of the labels at a time.
  if (
    tq.labelColumns &&
    (pre2019 || tq.labelPadding || tq.glued || tq.wrappedLabels || tq.strayNumber || tq.gluedRule || tq.damage?.length)
  )
    tq.labelColumns = false;
  if (tq.labelColumns) quirks.add('label-columns');
  if (tq.cell.floats) quirks.add('spreadsheet-floats');
  if (tq.spannedNumbers) quirks.add('spanned-numbers');
  if (tq.wrappedLabels) quirks.add('wrapped-labels');
  // Alone among 三's other shapes of text (its rows written as they are).
  if (tq.spacedDigits !== undefined && (tq.wrappedLabels || tq.glued || tq.damage?.length || tq.cutAfter))
    delete tq.spacedDigits;
  if (tq.spacedDigits !== undefined) quirks.add('spaced-digits');
  if (tq.noteMarks !== undefined && (tq.glued || tq.damage?.length || tq.cutAfter)) delete tq.noteMarks;
  if (tq.noteMarks !== undefined) quirks.add('note-marks');
  if (tq.wrappedLabels && tq.layoutGaps) quirks.add('layout-gaps');
  // Wrapped labels with their numbers on a middle or the last piece (side generator: the corpora
  // made before stay the same).
  const wrapSide = new Random(Number(seq) * 7817 + 107);
  if (tq.wrappedLabels && wrapSide.chance(0.5)) {
    tq.wrappedNumbersAt = wrapSide.chance(0.5) ? 'middle' : 'last';
    quirks.add('wrapped-labels-middle');
  }
  // 三's header set out by position over the columns, sometimes two of them in each other's
  // place with their values (side generator: the corpora made before stay the same).
  const headSide = new Random(Number(seq) * 7937 + 127);
  if (tq.wrappedLabels && headSide.chance(0.5)) {
    tq.layoutHeader = true;
    quirks.add('layout-header');
    if (headSide.chance(0.3)) {
      const a = headSide.int(0, 4);
      tq.layoutHeaderSwap = [a, headSide.int(a + 1, 5)];
      quirks.add('layout-header-reordered');
    }
    // A short label letter-spaced (drawn last: the draws above stay the same).
    if (headSide.chance(0.3)) {
      tq.layoutHeaderSpaced = headSide.pick([0, 5, 6]);
      quirks.add('layout-header-spaced');
    }
  }
  // A centred `2 / 5` page footer between two rows of the layout table (side generator).
  const footerSide = new Random(Number(seq) * 7907 + 131);
  if (tq.wrappedLabels && footerSide.chance(0.15)) {
    tq.pageOfPages = Number(seq) * 7907 + 137;
    quirks.add('page-of-pages-footer');
  }
  // A number wrapped in its cell (side generator: the corpora made before stay the same).
  if (tq.wrappedLabels && !tq.wrappedNumbersAt && new Random(Number(seq) * 7901 + 113).chance(0.4)) {
    tq.wrappedNumber = true;
    quirks.add('wrapped-number');
  }
  if (tq.reviewTotalFirst && style !== 'oneline') quirks.add('review-total-first');
  // Damage rewrites cells after their truth is taken: not mixed with cells written as HTML.
  if (tq.damage?.length)
    tq.blockSplit = tq.hiddenText = tq.supByStyle = tq.unsureInk = tq.wordsInCells = tq.activeHeaderReordered = false;
  if (tq.blockSplit) quirks.add('block-split-cells');
  if (tq.hiddenText) quirks.add('hidden-text');
  if (tq.supByStyle) quirks.add('sup-by-style');
  if (tq.unsureInk) quirks.add('unsure-ink');
  if (tq.rowsOutOfOrder && style !== 'oneline') quirks.add('rows-out-of-order');
  // Not with three label columns, which set the group's label in a column of its own.
  if (tq.labelColumns) tq.groupOnEveryRow = false;
  if (tq.groupOnEveryRow) quirks.add('group-label-every-row');
  if (tq.grid) tq.wordsInCells = false;
  // One row shape at a time: not with rows whose labels or cells other quirks rewrite.
  if (tq.damage?.length || rowsRewritten(tq) || tq.grid) tq.qualifiedFirst = false;
  if (tq.qualifiedFirst) quirks.add('qualified-first-value');
  // A PDF-to-markdown converter's table (side generator; not with damage, nor a grid table). As
  // HTML only where no shape rewrote the rows' text: a `<td>` is a cell where it stands, so a
  // text's lost or stray value drawn as cells is a source's own table (the reader places it).
  const converter = new Random(Number(seq) * 8243 + 149);
  if (style === 'markdown' && !noTables && !tq.grid && !tq.damage?.length && converter.chance(0.3)) {
    const kind = converter.pick(['trim', 'html', 'escape', 'math'] as const);
    const rewritten =
      rowsRewritten(tq) ||
      tq.gluedRuleActive ||
      tq.strayDot ||
      tq.labelsAfterRun ||
      tq.wrappedNumber ||
      tq.wrappedNumbersAt ||
      tq.missingColumn ||
      tq.extraColumn ||
      tq.columnNumbers ||
      tq.wideGridColumn ||
      tq.activeOwnColumn !== undefined ||
      tq.activeColumnDropped !== undefined;
    if (kind !== 'html' || !rewritten) {
      tq.mdConverter = kind;
      quirks.add(`md-${kind}`);
    }
  }
  if (tq.wordsInCells) quirks.add('words-in-cells');
  if (tq.activeHeaderReordered) quirks.add('active-header-reordered');
  if (tq.requestHeaderRepeated) quirks.add('request-header-repeated');
  const short = a.agency.replace(/(?:人民政府办公厅|人民政府办公室|人民政府)$/, '').slice(-6) || a.agency;
  const titleVariant = rng.int(0, 9);
  const yearInTitle = titleVariant !== 0;
  const title = !yearInTitle
    ? `${a.agency}政府信息公开工作年度报告`
    : titleVariant < 7
      ? `${a.agency}${year}年政府信息公开工作年度报告`
      : `${a.agency}${year}年度政府信息公开工作年度报告`;
  if (!yearInTitle) quirks.add('year-in-body');
  // 二's header of the other form (side generator): where the header's cells are written whole
  // (not a page dump, a grid table's wrapped cells or a sheet), not with damage (it rewrites
  // cells after their truth is taken) nor with the header reordered, and with the year in the
  // title (the year tells the form when the headers name both).
  tq.activeHeaderOtherForm =
    !pre2019 &&
    !noTables &&
    yearInTitle &&
    style !== 'oneline' &&
    !tq.grid &&
    !tq.sheet &&
    !tq.damage?.length &&
    !tq.activeHeaderReordered &&
    tq.activeColumnDropped === undefined &&
    tq.activeOwnColumn === undefined &&
    new Random(Number(seq) * 6563 + 83).chance(0.01);
  if (tq.activeHeaderOtherForm) quirks.add('active-header-other-form');
  // Cells joined by full-width ；，、 (side generator: the main stream and earlier corpora are
  // unchanged). Not with damage (its truth is worked out for ASCII rows), cells in words (见附件
  // in 四's line of values is no value: that line is not cut), 四 by year (2023年 is no label) or
  // cells wrapped with Alt+Enter (nothing is quoted in such a copy: a line break in a label would
  // cut its row in two, a shape of its own).
  const fullwidthSide = new Random(Number(seq) * 7057 + 89);
  if (
    style === 'csv' &&
    !tq.damage?.length &&
    !tq.wordsInCells &&
    !tq.reviewByYear &&
    !tq.cellBreaks &&
    fullwidthSide.chance(0.4)
  ) {
    tq.delimiter = fullwidthSide.pick(['；', '，', '、'] as const);
    quirks.add('fullwidth-separators');
  }
  // A comma-delimited sheet written without quotes, its largest numbers in the thousands with a
  // thousands comma (4,309 as two fields; a fresh tester's t94): 三 scaled so that only its largest
  // cells pass 1,000, as in a mid-sized agency. A series' first report only (its 上年结转 is no
  // earlier report's 结转下年度); not with a planted error, damage, cells in words, wrapped cells or
  // 四 by year (their truths are worked out for quoted fields). Side generator.
  const unquotedSide = new Random(Number(seq) * 7193 + 97);
  if (
    style === 'csv' &&
    tq.delimiter === ',' &&
    tables &&
    !prev &&
    !bigNumbers &&
    !erroneous.size &&
    !tq.damage?.length &&
    !tq.wordsInCells &&
    !tq.cellBreaks &&
    !tq.reviewByYear &&
    unquotedSide.chance(0.6)
  ) {
    const top = Math.max(1, ...Object.values(tables.requests).flat());
    const k = Math.ceil(unquotedSide.int(1000, 3000) / top);
    for (const row of Object.values(tables.requests)) for (let j = 0; j < row.length; j++) row[j] = row[j]! * k;
    tq.cell.thousands = true;
    tq.unquotedThousands = true;
    quirks.add('csv-unquoted-thousands');
  }
  // 四 set out by position too, each block's labels whole, broken over two lines or
  // letter-spaced, sometimes two columns of one block in each other's place with their values
  // (side generator). Only its one row of fifteen numbers: not with 四 by year, split, numbered,
  // total first, cells in words or damage.
  const reviewSide = new Random(Number(seq) * 8111 + 131);
  if (
    tq.wrappedLabels &&
    !tq.reviewTotalFirst &&
    !tq.reviewRowNumber &&
    !tq.reviewSplit &&
    !tq.reviewByYear &&
    !tq.wordsInCells &&
    !tq.damage?.length &&
    reviewSide.chance(0.5)
  ) {
    const modes = [0, 1, 2].map(() => reviewSide.pick(['whole', 'broken', 'spaced'] as const));
    tq.layoutReview = { modes, col: reviewSide.int(14, 16) };
    quirks.add('layout-review-header');
    if (reviewSide.chance(0.3)) {
      const block = 5 * reviewSide.int(0, 2);
      const a = reviewSide.int(0, 3);
      tq.layoutReview.swap = [block + a, block + reviewSide.int(a + 1, 4)];
      quirks.add('layout-review-reordered');
    }
    // The 行政诉讼 blocks' labels as reports word them, one missing, or the two blocks (labels
    // and values) in each other's place (a side generator of its own: the draws above stay).
    const groupSide = new Random(Number(seq) * 8377 + 163);
    if (groupSide.chance(0.4)) {
      const direct = groupSide.pick(['未经复议直接起诉', '直接起诉', '未经复议起诉', null]);
      const after = groupSide.pick(['复议后起诉', '经复议后起诉', direct === null ? '复议后起诉' : null]);
      const swapped = groupSide.chance(0.5);
      tq.layoutReview.groups = { direct, after, swapped };
      quirks.add(swapped ? 'layout-review-blocks-swapped' : 'layout-review-group-words');
    }
    // Its zeros left blank, a gap under their labels (a side generator of its own; render.ts
    // blanks only the 0s among these columns).
    const blankSide = new Random(Number(seq) * 8461 + 173);
    if (blankSide.chance(0.35)) {
      tq.layoutReview.blank = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14].filter(() => blankSide.chance(0.3));
      quirks.add('layout-review-blank');
    }
  }
  // 四 as three rows of five, each labelled with its block (side generator; a fifth fresh
  // tester's shape), in styles that write a row's cells on its line.
  tq.reviewBlockRows =
    ['pipes', 'tabs', 'markdown', 'html', 'csv', 'spaces'].includes(style) &&
    !pre2019 &&
    !noTables &&
    !tq.reviewTotalFirst &&
    !tq.reviewRowNumber &&
    !tq.reviewSplit &&
    !tq.reviewByYear &&
    !tq.layoutReview &&
    !tq.damage?.length &&
    new Random(Number(seq) * 8317 + 151).chance(0.06);
  if (tq.reviewBlockRows) quirks.add('review-block-rows');
  const pub = `${year + 1}-0${rng.int(1, 3)}-${String(rng.int(10, 28))}`;
  const credit = a.clues.creditCode
    ? `11${a.clues.creditCode.padEnd(6, '0')}${String(rng.int(100000000, 999999999)).slice(0, 8)}X${rng.pick(['A', 'B', '1'])}/${year + 1}-${rng.int(10000, 99999)}`
    : null;
  const head: string[] = [];
  const metaStyle = rng.int(0, 3);
  if (metaStyle === 0) head.push(`发布时间：${pub} ${rng.pick(['09:30', '15:02'])}`);
  else if (metaStyle === 1) head.push(`来源：${a.agency}  时间：${pub} 10:00:00  访问量：${rng.int(0, 999)}`);
  else if (metaStyle === 2) {
    // The gaps between the fields lost (a PDF's U+3000 dropped from its text: a fresh tester's
    // t43), from a side generator: the corpora made before stay the same but for these lines.
    const gap = new Random(Number(seq) * 7949 + 131).chance(0.25) ? '' : '  ';
    if (!gap) quirks.add('fields-gap-lost');
    head.push(
      `索引号：${credit ?? `XXGK-${year + 1}-${rng.int(100, 999)}`}${gap}发布机构：${a.agency}${gap}发布日期：${pub.replace(/-0?(\d+)-/, '年$1月')}日`,
    );
  } else
    head.push(
      '索引号 | 公开方式 | 发布机构 |',
      `${credit ?? `XXGK-${year + 1}-${rng.int(100, 999)}`} | 主动公开 | ${a.agency} |`,
    );
  if (credit && metaStyle < 2) head.push(`索引号：${credit}`);

  const clueLines: string[] = [];
  if (a.clues.phone)
    clueLines.push(`如对本报告有疑问，请与本机关联系（联系电话：${a.clues.phone}-${rng.int(2000000, 8999999)}）。`);
  if (a.clues.platform) clueLines.push(`依托${a.clues.platform}政务服务网开展政务服务事项公开。`);
  if (q('script-text', 0.02)) clueLines.push('网页中残留的代码<script>alert("x")</script>应当作为文本保存。');
  const body: string[] = [];
  const glue = q('glued-headings', 0.2);
  const headed = (h: string, text: string[]) =>
    glue && text.length ? [`${h}${rng.pick([' ', ''])}${text[0]}`, ...text.slice(1)] : [h, ...text];
  /** Headings 二–四 and table lines, where the invisible quirk puts its characters. */
  const tableLines: string[] = [];
  /** The headings as a table of contents lists them: as the report numbers them. */
  const tocHeadings = [...TOC_HEADINGS];
  let cells: Truth['cells'] = [];
  let unknown = new Set<string>();
  let cut = false;
  /** Lines of the appendix at the end of `body` (a signature may go before them), and a section whose own table is not printed. */
  let appendixLength = 0;
  let dropped: Array<0 | 1 | 2> = [];
  /** A row of 三 to print with another total in a second copy of the report (repeat-differing). */
  let differing: { line: string; copy: string; key: string; variant: CopyVariant; rows: Set<string> } | null = null;
  // Last year's report after this one, its headings numbered the usual way while this one's are
  // not (below, with the part headings).
  let otherAfterParts: string[] = [];
  if (pre2019) {
    body.push(...freeForm(rng, short, year), ...clueLines, ...(q('old-table', 0.5) ? oldFormTable(rng) : []));
  } else {
    body.push(...headed('一、总体情况', overview(rng, short, year, clueLines)));
    const one = style === 'oneline' ? renderOneline(rng, tables!) : null;
    if (one?.nbsp) quirks.add('oneline-nbsp');
    const r = one ? onelineRendered(one) : renderTables(rng, tables!, style, tq, erroneous);
    if (!r.reviewBlockRows) {
      quirks.delete('review-block-rows');
      delete tq.reviewBlockRows;
    }
    // 四 set out by position only where its row is fifteen plain numbers (render.ts).
    if (!r.reviewLaidOut) {
      quirks.delete('layout-review-header');
      quirks.delete('layout-review-reordered');
      delete tq.layoutReview;
    }
    if (r.requests.some((l) => /<td rowspan="2">\d/.test(l))) quirks.add('row-spanned-numbers');
    if (r.requests.some((l) => l.startsWith('<tr><td></td>'))) quirks.add('ragged-row-span');
    // Some reports label the total row （七）合计; a side generator keeps older corpora the same.
    if (new Random(Number(seq) * 6151 + 11).chance(0.08) && r.requests.some((l) => l.includes('（七）总计'))) {
      r.requests = r.requests.map((l) => l.replace('（七）总计', '（七）合计'));
      quirks.add('total-heji');
    }
    // 三's rows named by the year (一、2023年新收…, 二、2022年结转…, 四、结转2024年度继续办理; a fresh
    // tester's r04), in a report whose title states its year (side generator).
    if (
      yearInTitle &&
      new Random(Number(seq) * 7963 + 109).chance(0.05) &&
      r.requests.some((l) => l.includes('本年新收'))
    ) {
      r.requests = r.requests.map((l) =>
        l
          .replace('本年新收', `${year}年新收`)
          .replace('上年结转', `${year - 1}年结转`)
          .replace('结转下年度', `结转${year + 1}年度`),
      );
      quirks.add('year-labels');
    }
    // A markdown conversion (pandoc, an LLM's) that bolds 三's totals and breaks its long labels
    // with <br> (a fresh tester's t01; side generator).
    if (style === 'markdown' && !tq.grid && new Random(Number(seq) * 8111 + 7).chance(0.1)) {
      r.requests = r.requests.map(markdownEmphasis);
      quirks.add('markdown-emphasis');
    }
    // A breakdown row (其中：网上申请) under 三's 本年新收 or 予以公开 row, its numbers about half
    // of that row's (a fresh tester's h07; side generator). Only where a row is one line of its own.
    const breakdownRng = new Random(Number(seq) * 7001 + 3);
    if (ONE_LINE_ROWS.has(style) && !tq.wrappedLabels && !tq.grid && breakdownRng.chance(0.05)) {
      const i = r.requests.findIndex((l) => /\d/.test(l) && /本年新收|予以公开/.test(l));
      const row = i < 0 ? null : breakdownRow(r.requests[i]!);
      if (row) {
        r.requests.splice(i + 1, 0, row);
        quirks.add('breakdown-row');
      }
    }
    // A row of another category of the agency's powers (行政确认, 行政征收, …) added to 二 after its
    // 行政许可, 行政处罚 or 行政强制 row, with a number of its own (side generator). Only where a
    // row is one line of its own.
    const powerRng = new Random(Number(seq) * 7019 + 29);
    if (ONE_LINE_ROWS.has(style) && !tq.wrappedLabels && !tq.grid && powerRng.chance(0.05)) {
      const at = r.active.flatMap((l, i) => (/\d/.test(l) && /行政(?:许可|处罚|强制)/.test(l) ? [i] : []));
      if (at.length) {
        const i = powerRng.pick(at);
        const row = powerRow(r.active[i]!, powerRng);
        if (row) {
          r.active.splice(i + 1, 0, row);
          quirks.add('power-row');
        }
      }
    }
    // A line numbering 四's columns (栏次: 1 … 15) above its values, as statistical forms print
    // one (a fresh tester's t7; side generator). Only where a row is one line of its own.
    const indexRng = new Random(Number(seq) * 7451 + 37);
    if (ONE_LINE_ROWS.has(style) && !tq.grid && !tq.reviewByYear && indexRng.chance(0.05)) {
      const i = r.review.findIndex((l) => (l.match(/\d[\d,.]*/g) ?? []).length === 15);
      if (i >= 0) {
        let k = 0;
        r.review.splice(
          i,
          0,
          r.review[i]!.replace(/\d[\d,.]*/g, () => String(++k)),
        );
        quirks.add('review-column-numbers');
      }
    }
    // A row of 三 printed twice, the copy identical cell for cell (side generator). Only where a
    // row is one line of its own (not HTML, whose group labels span rows, nor wrapped labels).
    const copyRng = new Random(Number(seq) * 6101 + 59);
    if (ONE_LINE_ROWS.has(style) && !tq.wrappedLabels && !tq.grid && copyRng.chance(0.04)) {
      const at = r.requests.flatMap((l, i) =>
        /\d/.test(l) && requestRows[tables!.layoutRequests].some((d) => l.includes(d.label)) ? [i] : [],
      );
      if (at.length) {
        const i = copyRng.pick(at);
        r.requests.splice(i + 1, 0, r.requests[i]!);
        quirks.add('identical-row-copy');
      }
    }
    // Row labels in other real wordings (本年度新收, 上年度结转的, 结转下一年度, 大量重复申请);
    // a side generator keeps older corpora the same.
    const wording = new Random(Number(seq) * 6373 + 47);
    if (wording.chance(0.06)) {
      r.requests = r.requests.map((l) => rowWording(wording, l));
      quirks.add('row-wording');
    }
    const hv = q('heading-variant', 0.12);
    const placeholder = ['（本部分表格以图片形式发布，详见附件。）'];
    const unitHeading = !noTables && stated?.at === 'heading' ? unitStatement(stated, 'heading') : '';
    // Headings 二–四 numbered like items, （二） or 2. (side generator). Not on a one-line dump,
    // where no heading starts a line, nor with a reworded or misspelt heading.
    const numbering = new Random(Number(seq) * 5231 + 43);
    const renumber = style !== 'oneline' && !hv && numbering.chance(0.04);
    if (renumber) quirks.add('heading-numbered-as-item');
    const h = (k: 2 | 3 | 4) => {
      const text = headingText(rng, k, hv);
      if (!renumber) return text;
      tocHeadings[k - 1] = otherNumbered(numbering, text, k);
      return tocHeadings[k - 1]!;
    };
    let s2 = [`${h(2)}${unitHeading}`, ...(noTables ? placeholder : r.active)];
    let s3 = [h(3), ...(noTables ? placeholder : r.requests)];
    let s4 = !r.cut || noTables ? [h(4), ...(noTables ? placeholder : r.review)] : null;
    tableLines.push(s2[0]!, s3[0]!, ...(s4 ? [s4[0]!] : []), ...r.active, ...r.requests, ...r.review);
    // Tables printed in an appendix after 六, the sections pointing at them (详见附件表1), or a
    // table printed again there (side generator: the main stream is unchanged). Not in a page
    // dump, where no title or 附件 starts a line, nor in a table cut off (no 六 to follow).
    const appRng = new Random(Number(seq) * 7459 + 89);
    let appendix: string[] = [];
    if (style !== 'oneline' && !noTables && s4 && appRng.chance(0.04)) {
      const d = deferToAppendix(appRng, [s2, s3, s4]);
      [s2, s3, s4] = d.sections;
      appendix = d.appendix;
      quirks.add(s2.length > 2 && s3.length > 2 && s4.length > 2 ? 'appendix-repeat' : 'tables-in-appendix');
    }
    // Another unit's table in the appendix (附件2：县教育局…, 附件：各乡镇…汇总, 填报单位：…), beside
    // the report's own or instead of it (other-unit.ts): its numbers are not the report's. Side
    // generator, so the main stream is unchanged; not where a tool's full-width separators join
    // the cells (nothing is quoted there, a shape of its own).
    // Another unit's tables as a clerk pastes them: plain cells, in the report's style and separators.
    const plainOptions: TableQuirks = {
      cell: { fullwidth: false, thousands: false, units: false, headerUnit: '万元' },
      blanks: false,
      blankApplicants: false,
      glued: false,
      splitHeaders: false,
      footers: false,
      cutAfter: null,
      ...(style === 'csv' ? { delimiter: tq.delimiter, sheet: tq.sheet } : {}),
      ...(style === 'tabs' ? { sheet: tq.sheet } : {}),
    };
    const unitRng = new Random(Number(seq) * 7219 + 67);
    if (
      style !== 'oneline' &&
      !noTables &&
      s4 &&
      !appendix.length &&
      !/[；，、]/.test(tq.delimiter ?? '') &&
      unitRng.chance(0.04)
    ) {
      const theirs = renderTables(
        unitRng,
        makeTables(unitRng, a.scale, layoutActive, layoutRequests),
        style,
        plainOptions,
        new Set(),
      );
      const u = otherUnitAppendix(unitRng, [s2, s3, s4], [theirs.active, theirs.requests, theirs.review], {
        agency: a.agency,
        place: a.place.name.replace(/办事处$/, ''),
        year,
        yearInTitle,
      });
      [s2, s3, s4] = u.sections;
      appendix = u.appendix;
      dropped = u.dropped;
      quirks.add('appendix-other-unit');
    }
    // A section whose only table is not the report's own: another unit's, said by the words over
    // it, or another year's under words saying none happened in the year (other-unit.ts
    // notOwnSection; fresh testers' t111 and t109). Side generator, so the main stream is unchanged.
    const notOwnRng = new Random(Number(seq) * 7877 + 97);
    if (
      style !== 'oneline' &&
      !noTables &&
      s4 &&
      !appendix.length &&
      !dropped.length &&
      !/[；，、]/.test(tq.delimiter ?? '') &&
      notOwnRng.chance(0.03)
    ) {
      const made = makeTables(notOwnRng, a.scale, layoutActive, layoutRequests);
      const theirs = renderTables(notOwnRng, made, style, plainOptions, new Set());
      const sum = (xs: number[] | undefined) => (xs ?? []).reduce((x, y) => x + y, 0);
      const u = notOwnSection(
        notOwnRng,
        [s2, s3, s4],
        [theirs.active, theirs.requests, theirs.review],
        { agency: a.agency, place: a.place.name.replace(/办事处$/, ''), year, yearInTitle },
        [false, sum(made.requests.new_received) > 0, sum(made.review) > 0],
      );
      [s2, s3, s4] = u.sections;
      dropped = u.dropped;
      quirks.add(u.quirk);
    }
    // The report signed before its appendix (六, then the agency's name and the date, then 附件
    // and its tables): the signature's date is the publication date — mostly where the page's
    // header states none (metaStyle 3), so that it is the only one. An appendix of the tables
    // (appendix.ts) where there is none yet; side generator, so the main stream is unchanged.
    const sigRng = new Random(Number(seq) * 6883 + 73);
    if (style !== 'oneline' && !noTables && s4 && sigRng.chance(metaStyle === 3 ? 0.1 : 0.01)) {
      if (!appendix.length) {
        const d = deferToAppendix(sigRng, [s2, s3, s4]);
        [s2, s3, s4] = d.sections;
        appendix = d.appendix;
      }
      quirks.add('signature-before-appendix');
    }
    // 二's or 三's table (and 四's) printed after 四's text, before 五, titled 表1 … (appendix.ts);
    // side generator, so the main stream is unchanged. Not with an appendix, a shape of its own.
    const fourRng = new Random(Number(seq) * 6967 + 41);
    if (style !== 'oneline' && !noTables && s4 && !appendix.length && fourRng.chance(0.05)) {
      [s2, s3, s4] = tablesAfterFour(fourRng, [s2, s3, s4]);
      quirks.add('tables-after-four');
    }
    // Sections printed in another order (三 before 二, or 四 before 三); side generator.
    const order = new Random(Number(seq) * 9049 + 31);
    const swap = style !== 'oneline' && s4 && order.chance(0.03) ? order.pick(['三二', '四三'] as const) : null;
    if (swap) quirks.add('section-order');
    body.push(...(swap === '三二' ? [...s3, ...s2] : [...s2, ...s3]));
    if (s4 && swap === '四三') body.splice(body.length - s3.length, 0, ...s4);
    else if (s4) body.push(...s4);
    const h56: string[] = [];
    if (!r.cut || noTables) {
      // In the order the main stream draws them: 五's wording, its text, 六's wording, its text.
      const h5 = headingText(rng, 5, hv);
      body.push(...headed(h5, problems(rng)));
      const h6 = headingText(rng, 6, hv);
      body.push(...headed(h6, otherMatters(rng, year)));
      body.push(...appendix);
      appendixLength = appendix.length;
      h56.push(h5, h6);
    }
    // Last year's 二–四 after 六, without an 一 of their own (other-sections.ts; a fresh tester's
    // t64), and in half of those files this report without its own 四: the file's only 四 is
    // then last year's, and this report's stays NULL. Side generator: the main stream is unchanged.
    const otherRng = new Random(Number(seq) * 7331 + 131);
    if (
      style !== 'oneline' &&
      style !== 'html' &&
      !noTables &&
      s4 &&
      !swap &&
      !r.cut &&
      !appendix.length &&
      !quirks.has('tables-after-four') &&
      otherRng.chance(0.03)
    ) {
      body.push(...otherYearSections(otherRng, a.agency, year, [s2, s3, s4]));
      if (otherRng.chance(0.5)) {
        body.splice(body.indexOf(s4[0]!), s4.length);
        dropped.push(2);
        quirks.add('other-year-sections-no-four');
      } else quirks.add('other-year-sections');
    }
    // Every heading numbered as a part (第二部分 …, 第三章、…) or not numbered at all (side
    // generator: the main stream is unchanged), rewritten where it stands. Not on a one-line
    // dump, where no heading is a line of its own, nor with headings glued to their text,
    // reworded, misspelt or numbered like items, nor with a unit after 二's heading: a heading
    // so numbered is found only as the whole of its line, in a known wording.
    const partRng = new Random(Number(seq) * 5449 + 97);
    if (
      style !== 'oneline' &&
      !glue &&
      !hv &&
      !renumber &&
      !unitHeading &&
      // Not with an appendix (its titles are lines the part headings' reader is not tried on).
      !appendix.length &&
      !quirks.has('tables-after-four') &&
      !quirks.has('other-year-sections') &&
      !quirks.has('other-year-sections-no-four') &&
      partRng.chance(0.08)
    ) {
      const numbering = partNumbering(partRng);
      // Last year's report saved after this one, numbered the usual way (一、总体情况 …): a fresh
      // tester's t86, its numbers published under this report's title. Side generator.
      const afterRng = new Random(Number(seq) * 6133 + 29);
      if (afterRng.chance(0.3))
        otherAfterParts = [
          afterRng.pick([
            `${a.agency}${year - 1}年政府信息公开工作年度报告`,
            `${year - 1}年${a.agency}政府信息公开工作年度报告`,
          ]),
          // Its numbers changed, not its years, dates or items' numbers (2.重复申请).
          ...body.map((l) => l.replace(/(?<![\d.(（第])\d+(?![\d年月日.、．])/g, (d) => String(Number(d) + 3))),
        ];
      // Or a section of the agency's own added after 一 (二、工作措施), the template's 二–六
      // numbered 三–七 (a fresh tester's t82: the whole report read as text only). Its own side
      // generator: the draws above stay.
      const added = new Random(Number(seq) * 5449 + 101).chance(0.25);
      const own = ['一、总体情况', s2[0]!, s3[0]!, s4?.[0], ...h56];
      own.forEach((heading, i) => {
        if (heading === undefined) return;
        const at = body.indexOf(heading);
        const to =
          added && i > 0
            ? `${'一二三四五六七'[i + 1]}、${heading.slice(2)}`
            : added
              ? heading
              : partNumbered(heading, i + 1, numbering);
        if (at >= 0) body[at] = to;
        const t = tableLines.indexOf(heading);
        if (t >= 0) tableLines[t] = to;
        tocHeadings[i] = to;
      });
      if (added) {
        const at = body.indexOf(tocHeadings[1]!);
        if (at >= 0)
          body.splice(at, 0, '二、工作措施', `${a.agency}健全政府信息公开工作机制，落实专人负责，加强审查把关。`);
      }
      quirks.add(added ? 'heading-renumbered' : numbering ? 'heading-numbered-as-part' : 'heading-unnumbered');
      if (otherAfterParts.length) quirks.add('other-report-after-parts');
    }
    // The same in a one-line dump, its headings numbered as parts (…条例。第二部分 主动公开…): found
    // inside the line after 第N部分 (fresh testers' t89 and t92: text only before; side generator).
    const dumpParts = new Random(Number(seq) * 5449 + 103);
    if (
      style === 'oneline' &&
      !glue &&
      !hv &&
      !renumber &&
      !unitHeading &&
      !appendix.length &&
      !quirks.has('tables-after-four') &&
      !quirks.has('other-year-sections') &&
      !quirks.has('other-year-sections-no-four') &&
      dumpParts.chance(0.1)
    ) {
      const numbering: PartNumbering = {
        unit: '部分',
        sep: dumpParts.pick([' ', '', '、', '：']),
        arabic: dumpParts.chance(0.15),
      };
      ['一、总体情况', s2[0]!, s3[0]!, s4?.[0], ...h56].forEach((heading, i) => {
        if (heading === undefined) return;
        const to = partNumbered(heading, i + 1, numbering);
        const at = body.indexOf(heading);
        if (at >= 0) body[at] = to;
        const t = tableLines.indexOf(heading);
        if (t >= 0) tableLines[t] = to;
        tocHeadings[i] = to;
      });
      quirks.add('dump-heading-parts');
    }
    if (!noTables) ({ cells, unknown, cut } = r);
    // The report correcting a figure of 三 in words in 六 (勘误：…原为14件，现更正为17件; fresh testers'
    // t116, t119): the row it names holds two figures, so the truth has it NULL (corrected). Side
    // generator (which files: `corrRng` alone; such a file's own later draws may differ, its text
    // being longer); not on a one-line dump, nor where 六 is not printed or numbered otherwise.
    const corrRng = new Random(Number(seq) * 8429 + 53);
    const h6At = h56.length ? body.indexOf(h56[1]!) : -1;
    if (!noTables && style !== 'oneline' && h6At >= 0 && corrRng.chance(0.03)) {
      const named: Array<[string, string]> = [
        ['granted', '（一）予以公开'],
        ['partly_granted', '（二）部分公开'],
        ['withheld_state_secret', '1.属于国家秘密'],
        ['declined_repeat', '2.重复申请'],
      ];
      const [key, label] = corrRng.pick(named);
      const cell = cells.find((c) => c.table_id === 'requests' && c.row_key === key && c.col_key === 'natural_person');
      if (cell && cell.state === 'number' && cell.value !== null) {
        const now = cell.value + corrRng.int(1, 5);
        const said = corrRng.pick([
          `勘误：本报告第三部分“${label}”自然人一栏数据有误，原为${cell.value}件，现更正为${now}件。`,
          `更正说明：第三部分“${label}”自然人一栏应为${now}件，原文误写为${cell.value}件，特此更正。`,
          `经复核，本报告第三部分“${label}”自然人数据误填为${cell.value}，正确数据为${now}。`,
        ]);
        body.splice(h6At + 2, 0, said);
        cells = cells.map((c) =>
          c.table_id === 'requests' && c.row_key === key ? { ...c, value: null, state: 'corrected' as const } : c,
        );
        quirks.add('correction-words');
      }
    }
    // 四's table printed again at the end of 六 with no word over it, one figure of 行政复议 otherwise
    // (a fresh tester's t121 H01): the report gives two figures for that row and says nothing of
    // which is right, so the truth has the row NULL (ambiguous). Side generator; only where 四's
    // values are one line of fifteen numbers in the form's order, and nothing follows 六.
    const bareRng = new Random(Number(seq) * 8623 + 61);
    const six = h56.length ? body.indexOf(h56[1]!) : -1;
    const valuesAt = r.review.findIndex((l) => (l.match(/\d[\d,.]*/g) ?? []).length === 15);
    if (
      !noTables &&
      s4 &&
      ONE_LINE_ROWS.has(style) &&
      !tq.grid &&
      !tq.reviewByYear &&
      !tq.layoutReview &&
      !tq.reviewBlockRows &&
      !appendixLength &&
      !quirks.has('correction-words') &&
      !quirks.has('review-column-numbers') &&
      six >= 0 &&
      valuesAt >= 0 &&
      body.includes(r.review[valuesAt]!) &&
      bareRng.chance(0.02)
    ) {
      const review = cells.filter((c) => c.table_id === 'review' && c.row_key === 'review');
      if (review.length === 5 && review.every((c) => c.state === 'number')) {
        const copy = [...r.review];
        copy[valuesAt] = copy[valuesAt]!.replace(/\d[\d,.]*/, (d) =>
          String(Number(d.replace(/,/g, '')) + bareRng.int(1, 4)),
        );
        body.splice(six + 2, 0, ...copy);
        cells = cells.map((c) =>
          c.table_id === 'review' && c.row_key === 'review' ? { ...c, value: null, state: 'ambiguous' as const } : c,
        );
        quirks.add('bare-reprint');
      }
    }
    // A sentence in 六 saying what a table is, far from it, in wordings no list held (a fresh
    // tester's t124): nothing happened (申请〇件, 业务未发生, 未引发行政争议), the table another year's
    // or unit's (第三部分表格为2022年度数据, 由局属某中心填报), or withdrawn (现予撤回); or an innocent
    // twin naming a kind of request or a comparison. The truth: the table NULL, for the first three
    // where its figures are there to contradict; unchanged for a twin. Side generator; not on a
    // one-line dump, nor beside the other shapes in 六.
    const farRng = new Random(Number(seq) * 8837 + 67);
    const sixAt = h56.length ? body.indexOf(h56[1]!) : -1;
    if (
      !noTables &&
      style !== 'oneline' &&
      sixAt >= 0 &&
      !quirks.has('correction-words') &&
      !quirks.has('bare-reprint') &&
      farRng.chance(0.03)
    ) {
      const has = (t: string, rows?: string[]) =>
        cells.some(
          (c) =>
            c.table_id === t &&
            (!rows || rows.includes(c.row_key)) &&
            c.state === 'number' &&
            c.value !== null &&
            c.value > 0,
        );
      // (Years in Chinese numerals, 二〇二二年度, as many reports write them.)
      const cn = (y: number) =>
        [...String(y)].map((d) => (d === '0' ? '〇' : '一二三四五六七八九'[Number(d) - 1])).join('');
      const prev = cn(year - 1);
      const kinds: Array<[string, string | null, Truth['cells'][number]['state'] | null]> = [
        [
          `${cn(year)}年度，本机关共收到政府信息公开申请〇件。`,
          'requests',
          has('requests', ['new_received']) ? 'contradicted' : null,
        ],
        [
          '本年度依申请公开业务未发生，第三部分表格仅为格式保留。',
          'requests',
          has('requests', ['new_received']) ? 'contradicted' : null,
        ],
        ['本年度，本机关政府信息公开工作未引发行政争议。', 'review', has('review') ? 'contradicted' : null],
        [`第三部分表格暂以${year - 1}年度数据填列，本年度数据待核实后另行公布。`, 'requests', 'other_period'],
        [`需要说明的是，本报告第四部分表格中的数据为${prev}年度数据。`, 'review', 'other_period'],
        ['本报告第三部分表格由局属综合保障服务中心填报，反映该中心依申请公开办理情况。', 'requests', 'other_unit'],
        ['第四部分表格数据经复核存在差错，现予撤回，待重新统计后另行公布。', 'review', 'corrected'],
        ['本年度未收到涉及国家秘密的政府信息公开申请。', null, null],
        [`第三部分数据与${year - 1}年度相比有所增长。`, null, null],
      ];
      const [said, table, state] = farRng.pick(kinds);
      body.splice(sixAt + 2, 0, said);
      if (table && state) cells = cells.map((c) => (c.table_id === table ? { ...c, value: null, state } : c));
      quirks.add('statement-far');
    }
    // A row of 三, one line of its own with every cell a number, that a second copy of the report
    // prints with another total (repeat-differing, below; side generator). Its label the longest
    // of the form's it holds (1. and 一、 are parts of others).
    const diffRng = new Random(Number(seq) * 8147 + 71);
    if (!noTables && ONE_LINE_ROWS.has(style) && !tq.wrappedLabels && !tq.grid && diffRng.chance(0.03)) {
      const defs = requestRows[tables!.layoutRequests];
      const rows = r.requests.flatMap((l) => {
        const d = defs.filter((x) => l.includes(x.label)).sort((x, y) => y.label.length - x.label.length)[0];
        const own = d && cells.filter((c) => c.table_id === 'requests' && c.row_key === d.key);
        return d && own!.length && own!.every((c) => c.state === 'number') && /\d+(?=\D*$)/.test(l)
          ? [{ line: l, key: d.key }]
          : [];
      });
      const pick = rows.length ? diffRng.pick(rows) : null;
      if (pick && body.filter((l) => l === pick.line).length === 1) {
        const copy = pick.line.replace(/(\d+)(?=\D*$)/, (d) => String(Number(d) + diffRng.int(1, 9)));
        // How the copy is written (repeat-copy.ts): units only where a cell ends at a rule.
        const kinds: CopyVariant[] = ['plain', 'plain', 'abbreviated', 'traditional'];
        if (style === 'pipes' || style === 'markdown') kinds.push('units');
        const kind = diffRng.pick(kinds);
        const variant = copyVariantFits(kind, a.agency) ? kind : 'plain';
        differing = { ...pick, copy, variant, rows: new Set([...rows.map((x) => x.line), copy]) };
      }
    }
    // A 法人 column not printed: its cells are not the file's, the checks over them not assessable.
    const missing = tq.missingColumn;
    if (missing && !noTables) {
      const key = requestRows[tables!.layoutRequests][0]!.columns[missing.drop]!.key;
      cells = cells.filter((c) => !(c.table_id === 'requests' && c.col_key === key));
      for (const row of requestRows[tables!.layoutRequests]) unknown.add(`requests.${row.key}.${missing.drop}`);
    }
    if (!yearInTitle) body.splice(1, 0, `${year}年度，本机关政府信息公开工作平稳有序。`);
  }
  const chrome = style !== 'oneline' && q('chrome', 0.4);
  const mv = metadataVariant(rng, {
    agency: a.agency,
    place: a.place.name.replace(/办事处$/, ''),
    year,
    pub,
    title,
    yearInTitle,
    head,
    html: style === 'html',
    cut: cut || !!cutAfter,
    credit,
  });
  // A one-line dump brings its own crawler header (layouts.ts): no metadata variant on top.
  if (style !== 'oneline') mv.quirks.forEach((x) => quirks.add(x));
  if (metaStyle === 3 && mv.head === head) mv.truth = { ...mv.truth, published_on: null, published_on_basis: null };
  // A table of contents before the report (side generator: the main stream is unchanged).
  const tocRng = new Random(Number(seq) * 4967 + 19);
  const toc =
    !pre2019 && style !== 'oneline' && tocRng.chance(0.03)
      ? ['目录', ...tocHeadings.map((h, i) => (tocRng.chance(0.5) ? `${h}……${i + 1}` : h))]
      : [];
  if (toc.length) quirks.add('table-of-contents');
  // A contents page that is not clean (side generator: the main stream and the clean contents
  // pages of corpora made before stay the same): sub-entries (（一）主动公开情况……1), a page
  // footer, an image placeholder or a line of bytes that did not decode between its entries.
  // The report after it is read as any other: the truth is unchanged.
  const untidy = new Random(Number(seq) * 5717 + 83);
  if (
    toc.length &&
    !quirks.has('heading-numbered-as-item') &&
    !quirks.has('heading-numbered-as-part') &&
    !quirks.has('heading-unnumbered') &&
    !quirks.has('heading-renumbered') &&
    untidy.chance(0.6)
  ) {
    const page = (n: number) => (untidy.chance(0.7) ? `……${n}` : '');
    const kinds = [
      () => [`（一）主动公开情况${page(1)}`, `（二）依申请公开情况${page(1)}`],
      () => [untidy.pick(['- 1 -', '— 1 —', '第 1 页'])],
      () => [untidy.pick(['[图片]', '[image]', '（图片）'])],
      () => ['\ufffd'.repeat(untidy.int(1, 4))],
    ];
    for (let n = untidy.int(1, 2); n > 0; n--) {
      // After entry 1–5 (toc[0] is 目录).
      const at = untidy.int(1, toc.length - 2);
      toc.splice(at + 1, 0, ...untidy.pick(kinds)());
    }
    quirks.add('table-of-contents-untidy');
  }
  // Other years around the report (other-years.ts), decided by a side generator so that the
  // main stream (and corpora made before) stay the same.
  const side = new Random(Number(seq) * 8191 + 19);
  const before: string[] = [];
  if (style !== 'oneline' && mv.titleLine && side.chance(0.06)) {
    before.push(...otherYearTitles(side, a.agency, year, style === 'html', yearInTitle));
    quirks.add('meta-other-year-titles');
  }
  if (style === 'html' && yearInTitle && side.chance(0.15)) {
    mv.htmlTitle = otherYearPageTitle(mv.htmlTitle, year);
    if (mv.titleLine && side.chance(0.5)) mv.titleLine = `<h1>${escapeHtml(mv.titleLine)}</h1>`;
    quirks.add('meta-html-title-year');
  }
  // More often when the title has no year: there the comparison is most likely taken for it.
  if (!pre2019 && side.chance(yearInTitle ? 0.1 : 0.4)) {
    body.splice(1, 0, comparisonSentence(side, year));
    // Nothing but the comparison and the publication date then tells the year (year.ts).
    const labelled = style === 'oneline' || (mv.truth.published_on_basis === 'label' && !!mv.truth.published_on);
    if (!yearInTitle && labelled && side.chance(0.6)) {
      body.splice(0, body.length, ...withoutOwnYear(body, year));
      quirks.add('meta-comparison-only');
    } else quirks.add('meta-comparison-year');
  }
  // The title's year garbled past reading after the agency's name (garbled-year.ts): the agency
  // is the issuer's name, and the title's is kept beside it (title_agency). Side generator: the
  // main stream is unchanged. Only where the page names the issuer in full (a 发布机构 field of
  // the header, or the signature), no other title stands before it, and the body states the year.
  const garbleRng = new Random(Number(seq) * 5903 + 89);
  const issuerNamed = mv.quirks.includes('meta-signature') || (mv.head === head && metaStyle >= 2);
  const ownYear = `${a.agency}${year}年`;
  let titleAgency: string | null = null;
  if (
    !pre2019 &&
    style !== 'oneline' &&
    issuerNamed &&
    !before.length &&
    !quirks.has('meta-html-title-year') &&
    ISSUER_NAME_END.test(a.agency) &&
    mv.title.startsWith(ownYear) &&
    garbleRng.chance(0.05)
  ) {
    titleAgency = `${a.agency}${garbledYear(garbleRng, year)}`;
    const garble = (t: string) => t.replace(ownYear, `${titleAgency}年`);
    mv.title = garble(mv.title);
    mv.htmlTitle = garble(mv.htmlTitle);
    if (mv.titleLine) mv.titleLine = garble(mv.titleLine);
    body.splice(1, 0, `${year}年度，本机关政府信息公开工作平稳有序。`);
    quirks.add('title-year-garbled');
  }
  // Signed before the appendix: the signature the metadata variant ends the page with, else the
  // agency's name and the date; the date is the publication date unless a labelled one is.
  const signature = quirks.has('signature-before-appendix')
    ? mv.tail.length
      ? mv.tail
      : [a.agency, `${Number(pub.slice(0, 4))}年${Number(pub.slice(5, 7))}月${Number(pub.slice(8))}日`]
    : null;
  if (signature && !(mv.truth.published_on_basis === 'label' && mv.truth.published_on))
    mv.truth = { ...mv.truth, published_on: pub, published_on_basis: 'signature' };
  // A title with no year, the year stated by a statistical period (before section 一 or as 一's
  // first sentence) and next year's plans in 五 said more often than the report's own year
  // (period-plans.ts; a fresh tester's v34): the year is the period's. Side generator: the main
  // stream is unchanged. Not where only a comparison tells the year, nor with other years'
  // titles before the title, nor where 五 is cut off.
  const periodRng = new Random(Number(seq) * 6983 + 71);
  const ownLine = body.indexOf(`${year}年度，本机关政府信息公开工作平稳有序。`);
  const measures = body.findIndex((l) => l.startsWith('改进措施：'));
  if (
    !pre2019 &&
    !yearInTitle &&
    !before.length &&
    !quirks.has('meta-comparison-only') &&
    ownLine >= 0 &&
    measures >= 0 &&
    periodRng.chance(0.3)
  ) {
    body[ownLine] = '本年度，本机关政府信息公开工作平稳有序。';
    body[measures] = `${body[measures]}${planSentences(periodRng, year, short)}`;
    body.splice(periodRng.chance(0.7) ? 0 : 1, 0, periodSentence(periodRng, year));
    quirks.add('period-and-plans');
  }
  // A title broken over two or three lines, as a PDF's centred title is converted (测试市商务局 /
  // 2021年政府信息 / 公开工作年度报告): after the agency's name, inside the title's own words, or
  // both. Breaks inside the agency's name are not made (docs/reading.md: not read). Side generator: the
  // main stream is unchanged.
  const wrapRng = new Random(Number(seq) * 7477 + 53);
  const words = `${year}年政府信息公开工作年度报告`;
  let titleLines = mv.titleLine ? [mv.titleLine] : [];
  if (
    style !== 'html' &&
    style !== 'oneline' &&
    !before.length &&
    titleAgency === null &&
    mv.titleLine === mv.title &&
    mv.title === `${a.agency}${words}` &&
    wrapRng.chance(0.04)
  ) {
    const cut = a.agency.length + wrapRng.int(String(year).length + 2, words.length - 3);
    titleLines = wrapRng.chance(0.5)
      ? [a.agency, mv.title.slice(a.agency.length, cut), mv.title.slice(cut)]
      : [mv.title.slice(0, cut), mv.title.slice(cut)];
    quirks.add('meta-title-wrapped');
  }
  // Last year's report saved before this one in the same file (a workbook's two sheets saved as
  // one CSV; a fresh tester's t33), under the same date, which fits this year's report only: the
  // one read is this year's (segment/reports.ts). Side generator: the main stream is unchanged.
  const prevRng = new Random(Number(seq) * 7993 + 157);
  const dated = mv.head.map((l) => HEAD_DATE.exec(l)).find((m) => m);
  const previous =
    style !== 'oneline' &&
    style !== 'html' &&
    !pre2019 &&
    mv.titleLine?.includes(`${year}年`) &&
    titleLines.length === 1 &&
    dated &&
    (Number(dated[1]) === year + 1 || (Number(dated[1]) === year && Number(dated[2]) === 12)) &&
    !toc.length &&
    !before.length &&
    !signature &&
    ![
      'duplicate-text',
      'period-and-plans',
      'title-year-garbled',
      'other-year-sections',
      'other-year-sections-no-four',
      'other-report-after-parts',
    ].some((x) => quirks.has(x)) &&
    prevRng.chance(0.05)
      ? [
          mv.titleLine.replace(`${year}年`, `${year - 1}年`),
          // The page's info box names the page's report: its 标题 field (meta-title-cell) is not
          // copied into the previous year's.
          ...mv.head.filter((l) => !/^标\s*题/.test(l)),
          ...body.map((l) => l.replace(/\d+/g, (d) => String(Number(d) + 2))),
        ]
      : [];
  if (previous.length) quirks.add('previous-year-first');
  const lines = [
    ...mv.top,
    ...(chrome && style !== 'html' ? ['当前位置：首页 > 政务公开 > 政府信息公开年报', '打印 关闭'] : []),
    ...before,
    ...previous,
    ...titleLines,
    ...mv.head,
    ...toc,
    ...(signature
      ? [...body.slice(0, body.length - appendixLength), ...signature, ...body.slice(body.length - appendixLength)]
      : body),
    ...(signature ? [] : mv.tail),
    ...(style !== 'oneline' && q('duplicate-text', 0.03) ? body : []),
    // The report saved twice, the copy's row of 三 with another total (a crawl saving a page and
    // its print copy: a fresh tester's t69, the first copy's numbers published): that row is not
    // known, every cell NULL (below). Not beside another copy or report in the file.
    ...(differing &&
    ![
      'duplicate-text',
      'previous-year-first',
      'other-year-sections',
      'other-year-sections-no-four',
      'tables-in-appendix',
      'appendix-repeat',
      'appendix-other-unit',
      'signature-before-appendix',
      'other-report-after-parts',
    ].some((x) => quirks.has(x)) &&
    !signature &&
    (quirks.add('repeat-differing'), true)
      ? (differing.variant !== 'plain' && quirks.add(`repeat-differing-${differing.variant}`),
        repeatCopy(
          differing.variant,
          titleLines,
          body.map((l) => (l === differing.line ? differing.copy : l)),
          differing.rows,
        ))
      : []),
    // Another report saved after this one (the next year's, its numbers shifted): only the
    // first is read. Decided by a side generator so that the main stream (and every corpus
    // made before this shape) stays the same.
    ...(style !== 'oneline' &&
    style !== 'html' &&
    !quirks.has('duplicate-text') &&
    !quirks.has('repeat-differing') &&
    !quirks.has('previous-year-first') &&
    !quirks.has('other-year-sections') &&
    !quirks.has('other-year-sections-no-four') &&
    !otherAfterParts.length &&
    new Random(Number(seq) * 7919 + 17).chance(0.01)
      ? (quirks.add('appended-report'), body.map((l) => l.replace(/\d+/g, (d) => String(Number(d) + 1))))
      : []),
    ...otherAfterParts,
    ...(chrome && style !== 'html' ? ['责任编辑：办公室', '分享到：'] : []),
  ];
  if (quirks.has('repeat-differing')) {
    const cols = requestRows[tables!.layoutRequests][0]!.columns;
    for (const c of cells)
      if (c.table_id === 'requests' && c.row_key === differing!.key) {
        c.value = null;
        c.state = 'unreadable';
      }
    cols.forEach((_, j) => unknown.add(`requests.${differing!.key}.${j}`));
  }
  const dump = style === 'oneline' ? onelineDump(rng, title, pub, body) : null;
  if (dump) {
    mv.title = title;
    mv.truth = { published_on: pub, published_on_basis: 'label', source_url: dump.url };
  }
  // A page as one line (below) only without other copies of the report or other titles before
  // it on the page, which only lines keep apart, nor headings numbered like items (（二）主动公开…),
  // which on one line read as the table's own （二）, nor an appendix's titles and 附件 line.
  const oneLine =
    !toc.length &&
    !before.length &&
    ![
      'duplicate-text',
      'repeat-differing',
      'appended-report',
      'previous-year-first',
      'other-year-sections',
      'other-year-sections-no-four',
      'heading-numbered-as-item',
      'heading-numbered-as-part',
      'heading-unnumbered',
      'heading-renumbered',
      'tables-in-appendix',
      'appendix-repeat',
      'appendix-other-unit',
      'signature-before-appendix',
      'tables-after-four',
    ].some((q) => quirks.has(q));
  // A `|` table page pasted as one line (side generator: the main stream is unchanged).
  const pasteRng = new Random(Number(seq) * 7901 + 61);
  const pasted = style === 'pipes' && oneLine && pasteRng.chance(0.2);
  if (pasted) quirks.add('pipe-oneline');
  // …its rows' outer bars dropped, the rows joined by a space only (t122; side generator).
  const bareRows = pasted && new Random(Number(seq) * 8971 + 71).chance(0.4);
  if (bareRows) quirks.add('pipe-oneline-bare-rows');
  // A space-aligned page as a crawler's one line (side generator; t19): the rows' values written
  // apart, with their 件 units and blank marks (无, -, /) between them, each row followed by the
  // next row's label. Not with labels wrapped onto the next line (their columns are lost).
  const spacedRng = new Random(Number(seq) * 8111 + 67);
  const spaced = style === 'spaces' && !tq.wrappedLabels && oneLine && spacedRng.chance(0.2);
  if (spaced) quirks.add('spaces-oneline');
  // The page laid out by a table, the report in one of its cells (side generator), the site's
  // menu beside it, which may list other years' reports (t19: 2019年年报).
  const layoutRng = new Random(Number(seq) * 7877 + 61);
  const layoutTable = style === 'html' && layoutRng.chance(0.1);
  const menu = layoutRng.chance(0.5)
    ? `<ul><li>机构概况</li><li>政策文件</li><li>${year - 1}年年报</li></ul>`
    : '政务公开';
  if (layoutTable) quirks.add(menu === '政务公开' ? 'layout-table' : 'layout-table-menu');
  let text =
    style === 'html'
      ? mv.finishHtml(html(mv.htmlTitle, lines, chrome, layoutTable ? menu : null))
      : dump
        ? dump.text
        : pasted
          ? pipeOneline(pasteRng, lines, bareRows)
          : spaced
            ? `${lines.join(' ').replace(/\n/g, ' ')}\n`
            : `${lines.join('\n')}\n`;
  // Traditional script (繁體), sometimes in Big5 bytes.
  const trad = style !== 'html' && q('traditional', 0.04);
  if (trad) text = toTraditional(text);
  // `pdftotext -layout` text passed through `unexpand -a`: runs of spaces ending at a stop of
  // eight turned into tabs (side generator: the corpora made before stay the same).
  if (tq.wrappedLabels && new Random(Number(seq) * 7949 + 131).chance(0.15)) {
    text = text.split('\n').map(unexpandLine).join('\n');
    quirks.add('tab-aligned');
  }
  const encoding =
    trad && big5Safe(text) && q('big5', 0.4)
      ? 'big5'
      : rng.weighted({ 'utf-8': 89, 'utf-8-bom': 3, gb18030: 5, 'utf-16le': 2, 'utf-16be': 1 });
  // Invisible format characters in the tables and headings (side generator; not in Big5, which
  // cannot encode them).
  const zw = new Random(Number(seq) * 8429 + 37);
  if (encoding !== 'big5' && style !== 'oneline' && tableLines.length && zw.chance(0.05)) {
    const touched = new Set([...tableLines, ...tableLines.map((l) => `<p>${escapeHtml(l)}</p>`)]);
    text = text
      .split('\n')
      .map((l) => (touched.has(l) ? sprinkleInvisible(l, zw) : l))
      .join('\n');
    quirks.add('invisible-chars');
  }
  let bytes = encode(text, encoding);
  if (encoding === 'utf-8' && q('bad-bytes', 0.02)) {
    const at = text.indexOf('\n', text.indexOf('一、总体情况')) + 1;
    const pre = new TextEncoder().encode(text.slice(0, at));
    bytes = new Uint8Array([...pre, 0xff, 0xfe, 0xc0, 0x0a, ...new TextEncoder().encode(text.slice(at))]);
  }
  // A stray NUL byte between two characters of the first paragraph (side generator: the main
  // stream is unchanged): still a text report, read whole, the NUL dropped (W_CONTROL_BYTES).
  if (encoding === 'utf-8' && !quirks.has('bad-bytes') && new Random(Number(seq) * 7919 + 53).chance(0.02)) {
    const at = text.indexOf('\n', text.indexOf('一、总体情况')) + 1;
    const cut = text.slice(at).search(/[\u4e00-\u9fff](?=[\u4e00-\u9fff])/);
    if (cut >= 0) {
      const k = at + cut + 1;
      const enc = new TextEncoder();
      bytes = new Uint8Array([...enc.encode(text.slice(0, k)), 0, ...enc.encode(text.slice(k))]);
      quirks.add('stray-nul');
    }
  }
  text = '';
  const picked = style === 'html' ? rng.pick(['.html', '.htm']) : rng.pick(['.txt', '.txt', '.md']);
  // A spreadsheet saved as CSV keeps its extension (side generator: the main stream is unchanged).
  const ext = style === 'csv' && new Random(Number(seq) * 6007 + 11).chance(0.5) ? '.csv' : picked;
  const sep = rng.chance(0.1) ? ' ' : '-';
  const path = `${a.place.code.slice(0, 2)}/${year}/${seq}${sep}${a.agency}${ext}`;

  // 三 found but none of its cells placed (its header names a column twice, or two columns in each
  // other's place: layoutHeaderSwap), or 二 (its header names the other form's columns), or 四
  // (its row a column off, reviewRowNumber; two columns swapped, layoutReview): not complete.
  // A section whose only table in the appendix is another unit's (other-unit.ts): the report
  // prints none of its own there, its cells are not the report's.
  const droppedTables = dropped.map((k) => (['active', 'requests', 'review'] as const)[k]);
  if (droppedTables.length) cells = cells.filter((c) => !droppedTables.includes(c.table_id));
  const status =
    pre2019 || noTables
      ? 'text_only'
      : cut ||
          tq.requestHeaderRepeated === true ||
          tq.activeHeaderOtherForm === true ||
          tq.reviewRowNumber === true ||
          tq.layoutHeaderSwap !== undefined ||
          tq.layoutReview?.swap !== undefined ||
          tq.layoutReview?.groups?.swapped === true ||
          tq.missingColumn !== undefined ||
          droppedTables.length
        ? 'partial'
        : 'complete';
  if (cut)
    for (const row of requestRows[tables!.layoutRequests])
      for (let j = 0; j < 7; j++)
        if (!cells.some((c) => c.table_id === 'requests' && c.row_key === row.key))
          unknown.add(`requests.${row.key}.${j}`);
  const failing =
    status === 'text_only'
      ? []
      : failingChecks(tables!, unknown).filter(
          (c) => !(cut && c.startsWith('review')) && !droppedTables.some((t) => c.startsWith(`${t}.`)),
        );
  // The layouts of the tables read (none of a section not printed), and the era they tell.
  const readActive = !droppedTables.includes('active');
  const readRequests = !droppedTables.includes('requests');
  const truth: Truth = {
    file: path,
    style: pre2019 ? 'pre2019' : style,
    quirks: [...quirks].sort(),
    encoding: encoding === 'utf-8-bom' ? 'utf-8' : encoding,
    outcome: status === 'complete' ? 'ok' : status,
    report: {
      agency: a.agency,
      year,
      region_code: a.region.region_code,
      region_basis: a.region.region_basis,
      layout_active: status === 'text_only' || !readActive ? null : layoutActive,
      layout_requests:
        status === 'text_only' ||
        !readRequests ||
        (cut && !cells.some((c) => c.table_id === 'requests' && /^other/.test(c.row_key)))
          ? null
          : layoutRequests,
      era: pre2019
        ? 'pre2019'
        : (readActive && layoutActive === '2021') || (readRequests && layoutRequests === '2021')
          ? '2021'
          : '2019',
      status,
      title: mv.title,
      title_agency: titleAgency,
      ...mv.truth,
      duplicate_of_file: null,
    },
    cells,
    failing_checks: failing,
  };
  return { file: { path, bytes, truth }, tables };
}

/** The report's page; with `menu`, laid out by a table: the menu's cell, then the report's. */
function html(title: string, lines: string[], chrome: boolean, menu: string | null = null): string {
  const body = lines
    .map((l) => (/^<(?:table|tr>|\/table>|ul>|h1>|\/?t(?:head|body|foot)>)/.test(l) ? l : `<p>${escapeHtml(l)}</p>`))
    .join('\n');
  const article = `<div class="article">\n${body}\n</div>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>td { border: 1px solid #999 }</style><script>var _hmt = _hmt || [];</script></head>
<body>${chrome ? '\n<nav>首页 | 政务公开 | 政府信息公开年报</nav>\n<div class="crumb">当前位置：首页 &gt; 政务公开</div>' : ''}
${menu !== null ? `<table width="100%"><tr><td class="menu">${menu}</td><td>\n${article}\n</td></tr></table>` : article}${chrome ? '\n<footer>主办单位：人民政府办公室 网站标识码：1234567890</footer>' : ''}
</body></html>
`;
}

/** One-line tables in the shape the other styles' renderer returns. */
function onelineRendered(o: OnelineTables): ReturnType<typeof renderTables> {
  return {
    active: [o.active],
    requests: [o.requests],
    review: [o.review],
    cells: o.cells,
    unknown: o.unknown,
    cut: false,
    reviewLaidOut: false,
    reviewBlockRows: false,
  };
}

/**
 * A markdown table row of 三 as converters write it: the last cell (总计), when a number, in
 * bold, and a label of 12 characters or more broken in the middle by <br>. Other lines as they are.
 */
function markdownEmphasis(line: string): string {
  if (!line.startsWith('| ') || !line.endsWith(' |') || /^\|(\s*:?-+:?\s*\|)+$/.test(line)) return line;
  const cells = line.slice(2, -2).split(' | ');
  const last = cells.length - 1;
  if (last > 0 && /^\d+$/.test(cells[last]!)) cells[last] = `**${cells[last]}**`;
  const label = cells[0]!;
  if (label.length >= 12) {
    const mid = Math.floor(label.length / 2);
    if (!/\d/.test(label[mid - 1]!) || !/\d/.test(label[mid]!))
      cells[0] = `${label.slice(0, mid)}<br>${label.slice(mid)}`;
  }
  return `| ${cells.join(' | ')} |`;
}

/** Categories of an agency's powers (权力清单) that the form's 二 does not list. */
const OTHER_POWERS = ['行政确认', '行政征收', '行政给付', '行政检查', '行政奖励', '行政裁决', '其他行政权力'];

/**
 * A row of another power for a rendered row of 二: its label (行政许可, 行政处罚 or 行政强制)
 * replaced by another category, each number by another random one; null when the label is not found.
 */
function powerRow(line: string, rng: Random): string | null {
  const m = /^([|\s"]*)[^|\t,"]*?行政(?:许可|处罚|强制)/.exec(line);
  if (!m) return null;
  const rest = line.slice(m[0].length).replace(/\d[\d,]*/g, () => String(rng.int(0, 400)));
  return `${m[1]}${rng.pick(OTHER_POWERS)}${rest}`;
}

/**
 * A 其中 line for a rendered row of 三: its label (up to and including 本年新收… or 予以公开)
 * replaced by 其中：网上申请, each number by about half of it; null when the label is not found.
 */
function breakdownRow(line: string): string | null {
  const m = /^([|\s"]*)[^|\t,"]*?(?:本年新收[\u4e00-\u9fff]*|予以公开)/.exec(line);
  if (!m) return null;
  const rest = line.slice(m[0].length).replace(/\d[\d,]*/g, (n) => String(Math.floor(Number(n.replace(/,/g, '')) / 2)));
  return `${m[1]}其中：网上申请${rest}`;
}

/** A date in a page's head lines (year, month): what segment/reports.ts reads under a title. */
const HEAD_DATE = /((?:19|20)\d{2})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*\d{1,2}/;

/**
 * A line as `unexpand -a` writes it: each run of two spaces or more that ends at a stop of eight
 * (a character one column) a tab. decode/tabs.ts expands it back.
 */
export function unexpandLine(line: string): string {
  const chars = [...line];
  let out = '';
  let run = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (ch === ' ') {
      run++;
      if ((i + 1) % 8 === 0) {
        out += run >= 2 ? '\t' : ' '.repeat(run);
        run = 0;
      }
      continue;
    }
    out += ' '.repeat(run) + ch;
    run = 0;
  }
  return out + ' '.repeat(run);
}

/** Whether a shape rewrites the rows' labels or cells (glued, wrapped, padded, a stray number). */
function rowsRewritten(tq: TableQuirks): boolean {
  return !!(tq.glued || tq.wrappedLabels || tq.labelPadding || tq.labelColumns || tq.strayNumber || tq.gluedRule);
}
