import { decode } from '../decode/decode.ts';
import { htmlToLines } from '../decode/html.ts';
import { textToLines, type Line } from '../decode/lines.ts';
import { expandAlignmentTabs } from '../decode/tabs.ts';
import { foldScript } from '../decode/script.ts';
import { proseUnitConflicts } from '../checks/prose-units.ts';
import { unverifiedOcrCells } from '../checks/ocr.ts';
import { linesWithTables } from '../decode/embedded-tables.ts';
import { delimitedRows } from '../decode/delimited.ts';
import { gridRows } from '../decode/grid.ts';
import { gluedPageMarks } from '../decode/page-marks.ts';
import { quotedTabRows } from '../decode/records.ts';
import { relineTable } from '../decode/oneline.ts';
import { joinWrappedLabels } from '../decode/wrapped.ts';
import { layoutBlankCells } from '../decode/layout-cells.ts';
import { maskOrphanLabels } from '../decode/orphans.ts';
import { oldFormTable } from '../segment/oldform.ts';
import { extractMetadata } from '../metadata/metadata.ts';
import { describeConflict } from '../metadata/year.ts';
import type { Gazetteer } from '../region/gazetteer.ts';
import { nameAcross, resolveRegion } from '../region/resolve.ts';
import { diag, type Diagnostic } from '../schema/diagnostics.ts';
import { TABLE_OUTSIDE_SECTIONS } from '../ingest/reasons.ts';
import { unheadedSections } from '../segment/unheaded.ts';
import { UNCERTAIN_STATES, type ReportRow, type SectionRow } from '../schema/datasets.ts';
import { indexCells, reportChecks, type CellIndex, type CheckOut } from '../checks/checks.ts';
import { segment, sectionText, type Section } from '../segment/sections.ts';
import { chooseReport } from '../segment/reports.ts';
import {
  appendixReference,
  findAppendix,
  isCorrection,
  opensBareTable,
  opensRunInFive,
  placeAppendix,
  type Appendix,
  type Placed,
} from '../segment/appendix.ts';
import { tablesApart, withoutProse } from '../tables/apart.ts';
import { ownThenRepeats, type TableCopy } from '../tables/copies.ts';
import { correctedRows, correctionsStated } from '../tables/corrections.ts';
import { tablesNamed, type NamedTable, type TableNamed } from '../tables/named.ts';
import { statedMoneyUnits } from '../tables/units.ts';
import type { CellOut, TableRead } from '../tables/read.ts';
import { TABLE_LEAD, noneStatements, noneStatedTable, type NoneStated } from '../tables/none-stated.ts';
import { otherUnitCaption, otherUnitTable } from '../tables/other-unit.ts';
import { otherPeriodCaption, otherPeriodOpener, otherPeriodReference, otherPeriodTable } from '../tables/periods.ts';
import { layoutCount, readActive, readRequests, readReview, rowPadding } from '../tables/sections.ts';
import { relativeYearLabels } from '../tables/year-labels.ts';
import { requestColumns } from '../template/definitions.ts';

/**
 * One file's bytes → everything the datasets hold about it. Pure: the caller reads the file,
 * hashes it and passes the gazetteer.
 */

/** A tag, a comment or a character reference: any markup of a web page. */
const MARKUP = /<(?:!--|!doctype\b|\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>)|&(?:#\d+|#x[0-9a-f]+|[a-z]+);/i;
export interface ParseContext {
  gazetteer: Gazetteer;
  /** Latest plausible report year (from the run's clock, passed in). */
  maxYear: number;
}

export interface ParseInput {
  path: string;
  bytes: Uint8Array;
  sha256: string;
  /** Lines already extracted from a document (PDF, Word); the bytes are then not decoded. */
  lines?: Line[];
  /** What the lines were extracted from (reported as the encoding), with `lines`. */
  format?: string;
  /** The lines that are a scan's OCR text layer (a PDF's invisible text over its image): checks/ocr.ts. */
  ocrLines?: ReadonlySet<number>;
  /**
   * A web page under another extension (Word's "save as web page" kept as .doc): read as HTML,
   * and the encoding says so, with the extension it had.
   */
  htmlNamed?: string;
  /** The address a saved page's file records (an MHTML's), when the page names none itself. */
  sourceUrl?: string;
}

export type Parsed =
  | { ok: false; reason: string; diagnostics: Diagnostic[] }
  | {
      ok: true;
      report: ReportRow;
      cells: CellOut[];
      checks: CheckOut[];
      sections: Array<Omit<SectionRow, 'report_id'>>;
      diagnostics: Diagnostic[];
      /** The normalised text, for finding copies of the same report (ingest/canonical.ts). */
      text: string;
      /** `cells` indexed (checks/checks.ts), for the summary row. */
      index: CellIndex;
    };

export function parseReport(input: ParseInput, ctx: ParseContext): Parsed {
  const file = input.path;
  const decoded: ReturnType<typeof decode> = input.lines
    ? { ok: true, text: '', encoding: input.format ?? 'document', badLines: [], controlLines: [] }
    : decode(input.bytes);
  if (!decoded.ok) {
    const reason = decoded.reason === 'empty' ? 'empty file (no text)' : 'binary file, not text';
    return {
      ok: false,
      reason,
      diagnostics: [diag(decoded.reason === 'empty' ? 'E_EMPTY' : 'E_BINARY', reason, file)],
    };
  }
  const diagnostics: Diagnostic[] = decoded.badLines
    .slice(0, 20)
    .map((line) =>
      diag(
        'W_UNREADABLE_BYTES',
        'bytes that do not decode (replaced by U+FFFD, or read as a private-use character that shows as nothing)',
        file,
        line,
      ),
    );

  if (decoded.controlLines.length)
    diagnostics.push(
      ...decoded.controlLines
        .slice(0, 20)
        .map((line) =>
          diag(
            'W_CONTROL_BYTES',
            '文字中夹有控制字符（如 NUL 空字节），已删去；夹在两个数字之间的记为无法识别的字符 (stray control bytes such as NUL, dropped; one between two digits is made U+FFFD)',
            file,
            line,
          ),
        ),
    );

  // A file named .html with no markup at all is a text file (a page's text saved under the
  // page's name, a fresh user's t39): read as HTML its lines run into one paragraph.
  const namedHtml = /\.html?$/i.test(file);
  const plainNamedHtml = namedHtml && input.htmlNamed === undefined && !MARKUP.test(decoded.text);
  const isHtml =
    input.htmlNamed !== undefined ||
    (namedHtml && !plainNamedHtml) ||
    /^\s*(?:<!doctype html|<html|<head|<body)/i.test(decoded.text.slice(0, 500));
  if (input.htmlNamed !== undefined && decoded.ok)
    decoded.encoding = `${decoded.encoding} (html ${input.htmlNamed ? `named .${input.htmlNamed}` : 'with no extension'})`;
  if (plainNamedHtml && decoded.ok) decoded.encoding = `${decoded.encoding} (named .html, no markup: read as text)`;
  // Traditional script is folded to simplified for matching; `raw` keeps it (decode/script.ts).
  // A text file's HTML tables (MinerU's markdown) are read as tables (decode/embedded-tables.ts).
  const textLines = (text: string) =>
    delimitedRows(quotedTabRows(gridRows(gluedPageMarks(textToLines(expandAlignmentTabs(text))))));
  const { lines: fileLines, folded } = foldScript(
    input.lines ??
      (isHtml
        ? htmlToLines(decoded.text)
        : (linesWithTables(decoded.text, textLines, /\.(?:md|markdown)$/i.test(file)) ?? textLines(decoded.text))),
  );
  // Several reports in one file: one is read (segment/reports.ts); `lines` are its own.
  const chosen = chooseReport(fileLines, file);
  const { lines, segmented } = chosen;
  const { duplicateFrom } = segmented;
  // The report again further on with other text (reports.ts repeatsOf): more copies of its
  // tables, compared with its own below (copies.ts checkedByRepeats). Another report beside them
  // begins at `otherAt`.
  const hasRepeats = chosen.repeats.length > 0;
  const secondAt = hasRepeats ? chosen.otherAt : duplicateFrom;
  const repeat = hasRepeats && secondAt === null ? 'same' : segmented.repeat;
  const sections = unheadedSections(segmented.sections);
  // At the first repeat's first line (not where the next part begins: A, B, A′; nor where the
  // report not read begins, when a later part is read with its repeats).
  const repeatAt = chosen.repeats[0]?.find((l) => l.text.trim())?.no;
  if (repeatAt !== undefined)
    diagnostics.push(
      diag(
        'W_DUPLICATE_TEXT',
        'the report text repeats from here with other text in places: its tables are read as copies of the first, and a cell the copies read differently is left NULL',
        file,
        repeatAt,
      ),
    );
  if (secondAt)
    diagnostics.push(
      !hasRepeats && repeat === 'same'
        ? diag('W_DUPLICATE_TEXT', 'the report text repeats from here; the repeat is ignored', file, duplicateFrom)
        : diag(
            'W_SECOND_REPORT',
            chosen.years
              ? `another report begins here: the file holds the reports of ${chosen.years.join(', ')}, and only the one of ${chosen.year} is read (${chosen.by === 'file-name' ? "the year in the file's name" : chosen.by === 'page-title' ? "the year of the page's title above the reports" : chosen.by === 'date' ? 'the only one whose publication date fits its year' : chosen.by === 'body' ? "the only one whose body states its title's year" : 'the first'}); save the others as files of their own`
              : 'another report begins here (a second 一、总体情况, or a title and the first heading again, with different text): only the first report in the file is read; save the second as a file of its own',
            file,
            secondAt,
          ),
    );

  const all = lines.map((l) => l.text).join('\n');
  const headings = sections.filter((s) => s.index > 0).length;
  if (!/政府信息公开|政务公开|信息公开/.test(all) || (headings < 2 && !/年度报告|年报/.test(all))) {
    const reason = 'not a government-information-disclosure annual report (no 政府信息公开 report headings found)';
    return { ok: false, reason, diagnostics: [...diagnostics, diag('E_NOT_A_REPORT', reason, file)] };
  }

  const sec = (i: number) => sections.find((s) => s.index === i);
  const head = sec(0)?.lines ?? [];
  // The numbered sections' lines, in order (a loop: flatMap over every line of the report was slow).
  const body: Line[] = [];
  for (const s of sections) if (s.index > 0) for (const l of s.lines) body.push(l);
  // The appendix (附件) in the last section (segment/appendix.ts): its tables are read below, and
  // a signature standing before it is the report's (metadata/dates.ts).
  const found = lastAppendix(sections);
  const meta = extractMetadata(head.length ? head : lines.slice(0, 30), body.length ? body : lines, ctx.maxYear, {
    ...(isHtml ? { html: decoded.text } : {}),
    traditional: folded,
    appendixAt: found?.appendix.no ?? null,
    outlook: new Set([...(sec(5)?.lines ?? []), ...(sec(6)?.lines ?? [])]),
    nameAcross: (before, after) => nameAcross(ctx.gazetteer, before, after),
  });
  if (!meta.title) diagnostics.push(diag('W_NO_TITLE', 'no report title found before section 一', file));
  if (!meta.agency) diagnostics.push(diag('W_NO_AGENCY', 'no publishing agency (发布机构) found', file));
  if (meta.agencyDisputed)
    diagnostics.push(
      diag(
        'W_AGENCY_DISPUTED',
        meta.agencyDisputed.garbled
          ? `标题中的机关名称“${meta.agencyDisputed.title}”在“${meta.agencyDisputed.issuer}”之后是乱码：机关名称取“${meta.agencyDisputed.issuer}”`
          : `标题中的机关名称“${meta.agencyDisputed.title}”与发布机构（落款）“${meta.agencyDisputed.issuer}”不一致：标题在机关名称后另有无法识别的文字，机关名称取“${meta.agencyDisputed.issuer}”`,
        file,
        meta.titleLine,
      ),
    );
  if (meta.agencyConflict) {
    const { label, heading, kept } = meta.agencyConflict;
    diagnostics.push(
      diag(
        'W_AGENCY_DISPUTED',
        meta.agencyConflict.above
          ? `标题上一行的机关“${label}”与发布机构“${heading}”不一致（上一行可能是网站的横幅）：${kept ? `机关名称取${kept === heading ? '发布机构' : '上一行'}所写的“${kept}”（正文称本报告为其报告、发布机构与落款一致，或上一行是发布网站所属政府的下属单位）` : '正文和落款都不能确定是哪一个，机关名称留空'}`
          : `${meta.agencyConflict.headings ? `页面上两个报告标题的机关“${label}”与“${heading}”不一致（其一可能是侧栏或热点列表中的其他报告）` : `网页标题字段（标题：）的机关“${label}”与报告本身标题的机关“${heading}”不一致`}：${kept ? `机关名称取发布机构（落款）所写的“${kept}”` : '发布机构和落款都不能确定是哪一个，机关名称留空'}`,
        file,
        meta.titleLine,
      ),
    );
  }
  if (meta.year === null)
    diagnostics.push(
      diag(
        'W_NO_YEAR',
        meta.yearConflict
          ? `the year the report covers is not certain (${describeConflict(meta.yearConflict)}); left NULL`
          : 'the year the report covers is not stated',
        file,
      ),
    );

  if (meta.yearDisputed)
    diagnostics.push(
      diag(
        'W_YEAR_DISPUTED',
        `the year ${meta.yearDisputed.year} is kept, but the body's statistical period (统计期限) is ${meta.yearDisputed.period}: check which year the numbers cover`,
        file,
        meta.yearDisputed.line,
      ),
    );

  for (let i = 1; i <= 6; i++)
    if (!sec(i)) diagnostics.push(diag('W_SECTION_MISSING', `section ${'一二三四五六'[i - 1]} not found`, file));

  const cells: CellOut[] = [];
  // Columns of diagnostics count characters in the file's own lines: known for text input
  // (not for HTML, whose cells come from markup, nor for PDF/Word, whose lines are extracted).
  const exactColumn = !isHtml && !input.lines;
  // The file's own lines, split only when a note needs a column (most reports have none).
  let split: string[] | undefined;
  const sourceLines = () => (split ??= decoded.text.split(/\r\n|\r|\n/));
  // The pre-2019 form (政府信息公开情况统计表) has no place in the template: text only.
  const oldForm = oldFormTable(lines);
  if (oldForm !== null)
    diagnostics.push(
      diag(
        'W_TABLE_MISSING',
        'the table is the pre-2019 form (政府信息公开情况统计表: 指标名称/计量单位), which the 2019/2021 template does not hold; the report is read as text only',
        file,
        oldForm,
      ),
    );
  const tsec = (i: number) => (oldForm === null ? sec(i) : undefined);
  // Tables printed in an appendix (附件) after the last section, or titled after 四's text before
  // 五 (segment/appendix.ts): each section's copies are its own table and those tables proven to
  // be its. The report's agency names its own tables there: a table titled with another unit's
  // name (县教育局, 各乡镇…汇总) is not placed.
  const agencies = [meta.agency, meta.agencyDisputed?.title].filter((a): a is string => !!a);
  const runs = oldForm === null ? placedRuns(sections, found, meta.year, agencies) : [];
  for (const r of runs) for (const u of r.placed.unplaced) diagnostics.push(diag('W_TABLE_MISSING', u.why, file, u.no));
  // The repeats' sections (reports.ts repeatsOf), each section's body lines a copy of its table.
  // The repeats' sections and appendix runs (reports.ts repeatsOf): each table a copy of the report's.
  const repeated = (oldForm === null ? chosen.repeats : []).map((r) => {
    const secs = unheadedSections(segment(foldScript(r).lines).sections);
    return { secs, runs: placedRuns(secs, lastAppendix(secs), meta.year, agencies) };
  });
  type Copy = {
    lines: Line[];
    line: number;
    where: string;
    body: boolean;
    units: Line[];
    /** The section's heading, for a copy that is the section's own lines. */
    heading?: { no: number; text: string };
    repeat?: true;
    /** A copy printed as a correction of the section's (TableCopy.correction). */
    correction?: true;
    /** The section's own words saying this copy, printed elsewhere, is another period's. */
    reference?: { line: number; words: string };
    /** The section's own words saying nothing of the table happened in the year (none-stated.ts). */
    none?: NoneStated[];
  };
  // A section's copies of its table `i`: its own lines before its appendix run (`body`, empty
  // for a repeat's with none), then the tables the runs placed as its. A repeat's (repeatsOf)
  // are marked so and named apart.
  const sectionCopies = (own: Section | undefined, rs: typeof runs, i: 2 | 3 | 4, repeat: boolean): Copy[] => {
    const run = rs.find((r) => r.section === own);
    const body = own ? (run ? own.lines.slice(0, run.at) : own.lines) : null;
    const mark = repeat ? { repeat: true as const } : {};
    const where = (w: string) => (repeat ? '文件中重复的报告' : w);
    // 本年度未收到申请，上年度情况见附表: the table printed elsewhere is another period's (t106).
    const reference = body ? otherPeriodReference(body, meta.year) : null;
    // 本年度未收到政府信息公开申请 beside a table of figures, said in the section or in 一's overview:
    // the table is not proven the year's (t109, t112).
    // Said in the section (its heading too: 三、…申请情况（本年度无）), in 一's overview, or anywhere
    // else in the report (本年度本局无依申请公开事项，故第三部分表格不作统计。 in 六: fresh testers' t124, t125).
    const none =
      own && body && i !== 2
        ? noneStatements(
            // (Anywhere in the report: before 一, in 二, in the other table's section too: t125.)
            [0, 1, 2, 3, 4, 5, 6].flatMap((k) => {
              const other = tsec(k);
              return k === own.index ? headed(own, body) : other ? headed(other, other.lines) : [];
            }),
            i === 3 ? 'requests' : 'review',
            meta.year,
            agencies,
          )
        : [];
    const said = none.length ? { none } : {};
    // A table printed after 四 (表2 …统计表) with the statement under its own title (本年度，本机关
    // 没有收到政府信息公开申请。): said of that copy too (seed 146: 175 cells a file published).
    const saidOf = (b: { title?: Line | null; lines: Line[] }) => {
      if (i === 2) return said;
      const more = noneStatements(
        [...(b.title ? [b.title] : []), ...b.lines],
        i === 3 ? 'requests' : 'review',
        meta.year,
        agencies,
      );
      return more.length ? { none: [...none, ...more] } : said;
    };
    // The section's table printed twice under words of their own (上年同期情况： / 本年度情况：):
    // each a copy, judged by its own words (tables/apart.ts; t116).
    const parts = body && body.length ? tablesApart(body) : [];
    return [
      ...(own && body && (!repeat || body.length)
        ? (parts.length > 1 ? parts : [body]).map((lines, k) => ({
            lines,
            line: k ? lines[0]!.no : own.line,
            where: where('正文'),
            body: !repeat && k === 0,
            units: [],
            ...(own.heading && k === 0 ? { heading: { no: own.line, text: own.heading } } : {}),
            ...mark,
            ...said,
          }))
        : []),
      ...rs.flatMap((r) =>
        r.placed.tables[i].map((b) => ({
          lines: b.lines,
          line: b.title?.no ?? b.lines[0]!.no,
          where: where(r.where),
          body: false,
          // 二's money unit stated in its title (表1 主动公开政府信息情况（单位：元）).
          units: b.title ? unitLines([b.title.line]) : [],
          ...mark,
          ...saidOf({ title: b.title?.line ?? null, lines: b.lines }),
          ...(r.correction ? { correction: true as const } : {}),
          ...(r.bare ? { repeat: true as const } : {}),
          ...((reference ?? r.opener) ? { reference: (reference ?? r.opener)! } : {}),
        })),
      ),
    ];
  };
  const copies = (i: 2 | 3 | 4): Copy[] => [
    ...sectionCopies(tsec(i), runs, i, false),
    ...repeated.flatMap(({ secs, runs: theirs }) =>
      sectionCopies(
        secs.find((x) => x.index === i),
        theirs,
        i,
        true,
      ),
    ),
  ];
  // A table its caption or introducing sentence says is another period's (上年度情况如下：, 表3
  // 2022年…, 截至…累计): none of its values is the report's year's (tables/periods.ts).
  // Such a copy is marked, so that the year's own copy, where there is one, is read without it
  // (copies.ts ownThenRepeats: t108, last year's correction in 五 left the year's 三 NULL).
  const ownPeriod = (read: TableRead, c: Copy): { read: TableRead; otherPeriod?: true } => {
    // (A page dumped as one line: the words before its table's own on the line are read as over it.)
    const lines = leadApart(c.lines);
    const caption = otherPeriodCaption(c.heading ?? null, lines, meta.year) ?? c.reference ?? null;
    if (caption) return { read: otherPeriodTable(read, caption), otherPeriod: true };
    // 下属单位某处…情况如下：, 填报单位：某站, 三、局属某处收到…: another unit's table (t111).
    const unit = otherUnitCaption(c.heading ?? null, lines, agencies);
    if (unit) return { read: otherUnitTable(read, unit), otherPeriod: true };
    const checked = noneStatedTable(read, c.none ?? null);
    return checked === read ? { read } : { read: checked, otherPeriod: true };
  };
  // A whole table on one line (page dumps) is first cut again before each row label (oneline.ts).
  const activeCopies: TableCopy[] = [];
  const activeList = copies(2);
  const bodyUnits = activeList[0]?.body ? unitLines(activeList[0].lines) : [];
  for (const c of activeList) {
    // A unit the section states in words (二、主动公开政府信息情况（金额单位：元）, 单位：元) applies
    // to its table in the appendix too (元 and 万元 differ ten-thousandfold): where the section
    // prints a copy of its own, an appendix copy read without it took its header's 万元 for
    // proven while the section's copy left the amount NULL for the two units (a fresh
    // 100,000-report corpus: 1935800 published in 万元 under a heading stating 元).
    const units = c.body ? [] : [...bodyUnits, ...c.units];
    // Labels wrapped around their row's numbers (`其他对外管理服务事` / `277 20 72,614` / `项`: a
    // PDF's or `-layout` text's narrow label column; a fresh tester's t61) joined as in 三.
    const r = readActive(joinWrappedLabels(relineTable('active', [...units, ...c.lines])), meta.year);
    if (r.read) activeCopies.push({ ...c, ...ownPeriod(r.read, c), layout: r.layout });
  }
  const active = {
    layout: activeCopies.find((c) => !c.repeat)?.layout ?? null,
    read: ownThenRepeats('active', activeCopies),
  };
  const requestList = copies(3);
  const requestCopies = requestList.flatMap((c) => {
    const r = readRequests(
      maskOrphanLabels(
        joinWrappedLabels(
          layoutBlankCells(
            relineTable('requests', relativeYearLabels(withoutProse(c.lines), meta.year)),
            requestColumns.length,
            true,
          ),
        ),
      ),
      meta.year,
    );
    return r.read ? [{ ...c, ...ownPeriod(r.read, c), known: r.layout, layout: r.rowsLayout ?? r.layout }] : [];
  });
  const ownRequests = requestCopies.filter((c) => !c.repeat);
  const requests: ReturnType<typeof readRequests> = ownRequests.length
    ? {
        layout: ownRequests.find((c) => c.known)?.known ?? null,
        read: ownThenRepeats('requests', requestCopies),
        ...(ownRequests[0]!.layout ? { rowsLayout: ownRequests[0]!.layout } : {}),
      }
    : { layout: null, read: null };
  const reviewCopies = copies(4).flatMap((c) => {
    // The empty pieces 三's rows end with, where they all agree: the flattening's own padding,
    // against which 四's one row (its other lines are its header's) is measured.
    const r = readReview(
      withoutProse(leadApart(c.lines)),
      meta.year,
      () => rowPadding(requestList[0]?.lines ?? []),
      () => layoutCount(requestList[0]?.lines ?? []),
    );
    return r ? [{ ...c, ...ownPeriod(r, c), layout: null }] : [];
  });
  // A correction in words or in a 更正前/更正后 table naming rows (tables/corrections.ts): those rows' figures
  // are withdrawn by the report itself, not proven the year's.
  const stated = correctionsStated(lines, meta.year);
  // Words naming a table by its part (第三部分表格为2022年度数据, 由局属某中心填报, 现予撤回; in 本表
  // notes in its section): what they say of it applies to the whole table (tables/named.ts; t124).
  const named = oldForm === null ? namedInReport(sections, meta.year, agencies) : [];
  active.read = namedTables(correctedRows(active.read, 'active', stated), 'active', named);
  requests.read = namedTables(correctedRows(requests.read, 'requests', stated), 'requests', named);
  const review = namedTables(correctedRows(ownThenRepeats('review', reviewCopies), 'review', stated), 'review', named);
  const tables = [
    { name: '二', sec: 2, read: active.read, line: sec(2)?.line ?? activeCopies.find((c) => !c.repeat)?.line ?? null },
    { name: '三', sec: 3, read: requests.read, line: sec(3)?.line ?? ownRequests[0]?.line ?? null },
    { name: '四', sec: 4, read: review, line: sec(4)?.line ?? reviewCopies.find((c) => !c.repeat)?.line ?? null },
  ];
  let complete = true;
  for (const t of tables) {
    if (!t.read) {
      complete = false;
      if (tsec(t.sec))
        diagnostics.push(
          diag(
            'W_TABLE_MISSING',
            `section ${t.name} has no readable table (published as an image, or cut off)`,
            file,
            sec(t.sec)!.line,
          ),
        );
      continue;
    }
    cells.push(...t.read.cells);
    for (const n of t.read.notes)
      diagnostics.push(
        diag(
          n.code,
          n.message,
          file,
          n.line,
          exactColumn ? columnOf(sourceLines(), n.line, cellRaw(t.read.cells, n.at)) : null,
          n.at,
        ),
      );
    // A table whose every cell is ambiguous or unreadable (a column dropped, a scan's digits)
    // was found but not read: the report is not complete, whatever rows were recognised.
    if (t.read.cells.length && t.read.cells.every((c) => UNCERTAIN_STATES.has(c.state))) {
      complete = false;
      diagnostics.push(
        diag(
          'W_TABLE_MISSING',
          `section ${t.name}: the table was found, but none of its cells could be read (all ambiguous or unreadable)`,
          file,
          t.line,
        ),
      );
    }
    if (t.read.missing.length) {
      // 2019 二 has no optional rows; a missing row means the table was cut off or mangled.
      complete = false;
      diagnostics.push(
        diag('W_ROW_MISSING', `section ${t.name}: rows not found: ${t.read.missing.join(', ')}`, file, t.line),
      );
    }
  }
  const status: ReportRow['status'] = cells.length === 0 ? 'text_only' : complete ? 'complete' : 'partial';
  // Nothing read, but a table in the file outside sections 二–四 (their headings not recognised, or
  // the table after what was taken for another report): say so, not "missing or an image".
  if (status === 'text_only' && oldForm === null) {
    const inTables = new Set<number>();
    for (const i of [2, 3, 4] as const) {
      for (const l of sec(i)?.lines ?? []) inTables.add(l.no);
      for (const r of runs) for (const b of r.placed.tables[i]) for (const l of b.lines) inTables.add(l.no);
    }
    const table = lines.find((l) => !inTables.has(l.no) && isTableLine(l.text));
    if (table) diagnostics.push(diag('W_TABLE_MISSING', TABLE_OUTSIDE_SECTIONS, file, table.no));
  }

  const year = meta.year;
  const layoutEra =
    active.layout === '2021' || requests.layout === '2021' ? '2021' : active.layout || requests.layout ? '2019' : null;
  const era: ReportRow['era'] =
    layoutEra ??
    (oldForm !== null
      ? 'pre2019'
      : year === null
        ? 'unknown'
        : year <= 2018
          ? 'pre2019'
          : sec(3) || sec(2)
            ? year >= 2021
              ? '2021'
              : '2019'
            : 'unknown');

  const region = resolveRegion(ctx.gazetteer, {
    agency: meta.agency,
    title: meta.title,
    index_no: meta.index_no,
    text: all,
  });
  if (region.region_basis === 'ambiguous')
    diagnostics.push(
      diag(
        'W_REGION_AMBIGUOUS',
        `place name matches several places${region.region_code ? `; only ${region.region_code} is certain` : ''}`,
        file,
      ),
    );
  if (region.region_basis === 'unresolved')
    diagnostics.push(diag('W_REGION_UNRESOLVED', 'no place name or clue identifies the region', file));

  // One index of the cells for the checks and the summary row (ingest/analyze.ts).
  const checkLayout = requests.read ? (requests.rowsLayout ?? requests.layout) : null;
  let index = indexCells(cells);
  let checks = reportChecks(cells, checkLayout, !!review, index);
  // An OCR text layer's numbers stand only where the arithmetic vouches for them (checks/ocr.ts).
  if (input.ocrLines?.size) {
    const drop = unverifiedOcrCells(cells, checks, checkLayout, input.ocrLines);
    if (drop.size) {
      const tables = new Map<string, number>();
      cells.forEach((c, k) => {
        if (!drop.has(`${c.table_id}.${c.row_key}.${c.col_key}`)) return;
        cells[k] = { ...c, value: null, state: 'unreadable' };
        tables.set(c.table_id, (tables.get(c.table_id) ?? 0) + 1);
      });
      for (const [table, n] of tables)
        diagnostics.push(
          diag(
            'W_CELLS_AMBIGUOUS',
            `${table}: 扫描件的文字识别（OCR）层：${n} 个数字没有校验关系可以核对或校验不通过，不采用 (an OCR text layer over a scan: numbers no identity vouches for are left NULL)`,
            file,
          ),
        );
      index = indexCells(cells);
      checks = reportChecks(cells, checkLayout, !!review, index);
    }
  }
  // An amount the report's own sentence gives in another unit than it was read in (prose-units.ts).
  const prose = proseUnitConflicts(cells, all);
  if (prose.size) {
    cells.forEach((c, k) => {
      const why = prose.get(`${c.table_id}.${c.row_key}.${c.col_key}`);
      if (!why) return;
      cells[k] = { ...c, value: null, state: 'ambiguous' };
      diagnostics.push(diag('W_UNIT_UNKNOWN', `${c.table_id}.${c.row_key}.${c.col_key}: ${why}`, file, c.line));
    });
    index = indexCells(cells);
    checks = reportChecks(cells, checkLayout, !!review, index);
  }
  const checksFailed = checks.filter((c) => c.status === 'fail').length;
  for (const c of checks)
    if (c.status === 'fail') diagnostics.push(diag('W_CHECK_FAILED', `${c.check_id}: ${c.detail}`, file));

  const report: ReportRow = {
    report_id: input.sha256.slice(0, 16),
    source_file: file,
    source_sha256: input.sha256,
    encoding: decoded.encoding,
    title: meta.title,
    agency: meta.agency,
    agency_kind: meta.agency_kind,
    year,
    period_year: meta.period?.year ?? null,
    published_on: meta.published_on,
    published_on_basis: meta.published_on_basis,
    index_no: meta.index_no,
    source_url: meta.source_url ?? input.sourceUrl ?? null,
    ...region,
    layout_active: active.read ? active.layout : null,
    layout_requests: requests.read ? requests.layout : null,
    era,
    status,
    checks_failed: checksFailed,
    checks_not_assessable: checks.filter((c) => c.status === 'not_assessable').length,
    cells_ambiguous: cells.filter((c) => UNCERTAIN_STATES.has(c.state)).length,
    // Set by the run, which sees every file (see ingest/canonical.ts).
    duplicate_of: null,
    same_agency_year: 0,
    // The name the title gives when the issuer's was kept instead (W_AGENCY_DISPUTED above).
    title_agency: meta.agencyDisputed?.title ?? null,
    // Where the second report of the file starts (W_SECOND_REPORT above): it is not read.
    second_report_line: secondAt && repeat !== 'same' ? secondAt : null,
    // Set by the run, which sees the agency's other reports of the year (ingest/run.ts).
    superseded_by: null,
    checks_passed: checks.filter((c) => c.status === 'pass').length,
  };

  const sectionRows = sections.map((s) => ({ section: s.index, heading: s.heading, text: sectionText(s.lines) }));
  return { ok: true, report, cells, checks, sections: sectionRows, diagnostics, text: all, index };
}

/** The statements naming a form table in the report's sections (tables/named.ts), 本表 in 二–四 naming their own. */
function namedInReport(sections: Section[], year: number | null, own: readonly string[]): TableNamed[] {
  const HERE: Record<number, NamedTable> = { 2: 'active', 3: 'requests', 4: 'review' };
  // (本表, 上表 in a section printing two tables name one of them: its caption and note rules read
  // that one, tables/apart.ts.)
  return sections.flatMap((s) =>
    s.index === 0
      ? []
      : tablesNamed(headed(s, s.lines), tablesApart(s.lines).length > 1 ? null : (HERE[s.index] ?? null), year, own),
  );
}

/** `read` with what the statements naming `table` say of it: withdrawn (corrected), another period's or unit's. */
function namedTables(read: TableRead | null, table: NamedTable, named: readonly TableNamed[]): TableRead | null {
  let out = read;
  for (const n of named.filter((x) => x.table === table)) {
    if (!out) return out;
    if (n.kind === 'withdrawn')
      out = correctedRows(out, table, [
        {
          active: new Set(),
          requests: new Set(),
          review: new Set(),
          [table]: new Set(['*']),
          line: n.line,
          words: n.words,
        },
      ]);
    else if (n.kind === 'other_period') out = otherPeriodTable(out, n);
    else out = otherUnitTable(out, { line: n.line, words: n.words, unit: n.unit ?? '' });
  }
  return out;
}

/**
 * A section's lines, its first one cut before its table's own words where the page is dumped as one
 * line (…情况（上年度）（本列数据…） 申请人情况 …, 丛台区国有林场…统计表 行政复议 行政诉讼 …: a fresh
 * tester's t124, the caption rules saw no line over the table).
 */
function leadApart(lines: Line[]): Line[] {
  const first = lines[0];
  const m = first && /(?:\s\d+(?:\.\d+)?){3,}/.test(first.text) ? TABLE_LEAD.exec(first.text) : null;
  if (!first || !m || !m[1]!.trim()) return lines;
  return [{ ...first, text: m[1]!.trim() }, { ...first, text: first.text.slice(m[1]!.length) }, ...lines.slice(1)];
}

/**
 * A section's lines with its heading: words after the heading on its line (三、…申请情况（本年度无）,
 * cut off as the body's first line) are read as a clause after it (none-stated.ts: a count of none
 * alone speaks of the matter the clause before it names).
 */
function headed(own: Section, body: Line[]): Array<{ no: number; text: string }> {
  if (!own.heading) return body;
  const first = body[0];
  return first && first.no === own.line
    ? [{ no: first.no, text: `${own.heading}：${first.text}` }, ...body.slice(1)]
    : [{ no: own.line, text: own.heading }, ...body];
}

/** The appendix of the report (segment/appendix.ts): in its last section in the file, from the line that opens it. */
function lastAppendix(sections: Section[]): { section: Section; appendix: Appendix } | null {
  let last: Section | undefined;
  for (const s of sections) if (s.index > 0 && (!last || s.line > last.line)) last = s;
  if (!last) return null;
  // (A correction's line opens it too: 更正说明…更正如下： and the table in 六 or after the
  // signature, as in 五: t116, the withdrawn numbers were published.)
  const appendix = findAppendix(last.lines, opensRunInFive, firstOpens(last.lines));
  return appendix ? { section: last, appendix } : null;
}

/**
 * Tables standing outside their sections, placed by the sections' references (见附件表1) and
 * their rows (segment/appendix.ts): the appendix in the last section, and a run of tables after
 * 四's text before 五 (表1 主动公开政府信息情况 … opened as an appendix is) when it holds another
 * section's table — one of 四's own only is read in 四 as before. In the file's order.
 */
function placedRuns(
  sections: Section[],
  last: { section: Section; appendix: Appendix } | null,
  year: number | null,
  agencies: readonly string[],
): Array<{
  section: Section;
  at: number;
  placed: Placed;
  where: string;
  correction: boolean;
  /** A run no title or words open (opensBareTable): it only takes values away. */
  bare: boolean;
  opener: { line: number; words: string } | null;
}> {
  const four = sections.find((s) => s.index === 4);
  const afterFour = four && four !== last?.section ? findAppendix(four.lines) : null;
  // A table of 二, 三 or 四 printed again inside 五, under a title (附表2：收到和处理…) or a
  // correction (更正如下：): compared with the section's own like an appendix's (t104).
  const five = sections.find((s) => s.index === 5);
  const inFive =
    five && five !== last?.section ? findAppendix(five.lines, opensRunInFive, firstOpens(five.lines)) : null;
  const found = [
    ...(four && afterFour?.blocks.some((b) => b.table !== 'review') ? [{ section: four, appendix: afterFour }] : []),
    ...(five && inFive?.blocks.some((b) => b.table !== null && b.table !== 'mixed')
      ? [{ section: five, appendix: inFive }]
      : []),
    ...(last ? [last] : []),
  ];
  // A correction printed above the report (【更正说明】…更正后表格如下： and the table, before the
  // title: a site's note on a corrected report; t116, the withdrawn numbers were published).
  const zero = sections.find((s) => s.index === 0);
  const atTop = zero && zero !== last?.section ? findAppendix(zero.lines, isCorrection, 0) : null;
  if (zero && atTop?.blocks.some((b) => b.table !== null && b.table !== 'mixed'))
    found.unshift({ section: zero, appendix: atTop });
  // A section's table printed again in 五 or 六 with no word over it (t121 H01: 四's table in 六,
  // one figure otherwise than in 四, nothing saying which is right): `bare`, compared with the
  // section's own only, never read in its place (a repeat's rule, tables/copies.ts).
  const bare = new Set<Appendix>();
  for (const s of sections)
    if ((s.index === 5 || s.index === 6) && !found.some((f) => f.section === s)) {
      const run = findAppendix(s.lines, opensBareTable, 1);
      // Only under sentences saying nothing of it: a title or caption over it (附：2022年度…统计,
      // t84), or words naming another period or unit, make it no copy of the section's.
      const before = run ? s.lines.slice(1, run.at) : [];
      const saysNothing =
        before.every((l) => !l.text.trim() || /[。；！？]\s*$/.test(l.text.trim())) &&
        !before.some((l) => otherPeriodOpener(l, year)) &&
        !otherUnitCaption(null, s.lines, agencies);
      if (saysNothing && run?.blocks.some((b) => b.table !== null && b.table !== 'mixed')) {
        bare.add(run);
        found.push({ section: s, appendix: run });
      }
    }
  // The sections' own text points at them: the lines before a run in its section.
  const refs: Partial<Record<2 | 3 | 4, ReturnType<typeof appendixReference>>> = {};
  for (const s of sections)
    if (s.index >= 2 && s.index <= 4) {
      const run = found.find((f) => f.section === s);
      refs[s.index as 2 | 3 | 4] = appendixReference(run ? s.lines.slice(0, run.appendix.at) : s.lines);
    }
  return found.map(({ section, appendix }) => {
    const where = bare.has(appendix)
      ? section.index === 5
        ? '第五部分中'
        : '第六部分中'
      : section === last?.section
        ? '附件'
        : section === five
          ? '第五部分中'
          : section === zero
            ? '报告前的更正说明中'
            : '第四部分文字之后';
    const opening = section.lines[appendix.at];
    return {
      section,
      at: appendix.at,
      placed: placeAppendix(
        appendix.blocks,
        refs,
        year,
        agencies,
        where === '附件' ? '附件中' : where,
        appendix.announced,
      ),
      where,
      // A run a correction opens (更正如下：) is the report's own table again, corrected.
      correction: isCorrection(opening?.text ?? ''),
      bare: bare.has(appendix),
      // Unless the line opening it names another period (对上年度报告中…更正如下：, 附件：2022年度…).
      opener: opening ? otherPeriodOpener(opening, year) : null,
    };
  });
}

/**
 * Where a run of tables may open in a section's lines: from its first line when that announces a
 * correction (勘误：…更正如下： as the whole of 六 or 五: t119, the withdrawn figures published), else
 * after it, as findAppendix does.
 */
function firstOpens(lines: Line[]): 0 | 1 {
  return lines[0] && isCorrection(lines[0].text) ? 0 : 1;
}

/** The lines that state a money unit (tables/units.ts), for either amount column. */
function unitLines(lines: Line[]): Line[] {
  return lines.filter((l) => statedMoneyUnits([l], '收费金额').length || statedMoneyUnits([l], '采购总金额').length);
}

/** The raw source text of the cell at `at` (its first value, for a row left NULL). */
function cellRaw(cells: CellOut[], at: { table: string; row: string; col: string } | undefined): string | null {
  if (!at) return null;
  const c = cells.find((x) => x.table_id === at.table && x.row_key === at.row && x.col_key === at.col);
  return c?.raw.split(' ')[0] || null;
}

/** 1-based column of `raw` in source line `line` (1-based), or null when it is not found there. */
export function columnOf(lines: string[], line: number | null, raw: string | null): number | null {
  if (line === null || !raw) return null;
  const i = lines[line - 1]?.indexOf(raw) ?? -1;
  return i < 0 ? null : i + 1;
}

/** Header words only a template table has (not prose: 本年新收 alone may be a sentence's). */
const TABLE_WORDS = /申请人情况|本年制发件数|本年新制作数量|本年处理决定数量|结转下年度继续办理|信息内容(?:本年|$)/;

/** A line of a 2019/2021 table: its header words, or a request row with numbers; no sentence. */
function isTableLine(text: string): boolean {
  if (text.length > 300 || text.includes('。')) return false;
  const t = text.replace(/[\s|]/g, '');
  return TABLE_WORDS.test(t) || (/本年新收|上年结转/.test(t) && (text.match(/\d+/g)?.length ?? 0) >= 3);
}
