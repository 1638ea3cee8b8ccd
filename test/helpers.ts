import type { CellRow, ReportRow } from '../src/lib/schema/datasets.ts';
import { formKeys, reportForms } from '../src/lib/site/forms.ts';
import { requestsLayoutOfCells } from '../src/lib/site/report-page.ts';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseReport, type Parsed } from '../src/lib/report/parse.ts';
import { loadGazetteer } from '../src/lib/region/load.ts';
import type { Gazetteer } from '../src/lib/region/gazetteer.ts';
import type { CellOut } from '../src/lib/tables/read.ts';

let gazetteer: Gazetteer | null = null;
export function gaz(): Gazetteer {
  return (gazetteer ??= loadGazetteer());
}

export const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

export function parseText(text: string | Uint8Array, path = 'test.txt'): Parsed {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  return parseReport({ path, bytes, sha256: sha(bytes) }, { gazetteer: gaz(), maxYear: 2026 });
}

export function ok(p: Parsed): Extract<Parsed, { ok: true }> {
  if (!p.ok) throw new Error(`expected a report, got rejection: ${p.reason}`);
  return p;
}

/** Row values as compact strings: numbers, or B(lank) N(a) A(mbiguous) U(nreadable). */
export function rowOf(cells: CellOut[], table: string, row: string): string {
  return cells
    .filter((c) => c.table_id === table && c.row_key === row)
    .map((c) => (c.state === 'number' ? String(c.value) : c.state[0]!.toUpperCase()))
    .join(' ');
}

/** Writes files (`path` relative, `bytes`) under `dir`, folders made as needed. */
export function writeCorpus(dir: string, files: ReadonlyArray<{ path: string; bytes: Uint8Array }>): void {
  for (const f of files) {
    mkdirSync(dirname(join(dir, f.path)), { recursive: true });
    writeFileSync(join(dir, f.path), f.bytes);
  }
}

/** The same files as in-memory inputs of `runInMemory`. */
export const inMemory = (files: ReadonlyArray<{ path: string; bytes: Uint8Array }>) =>
  files.map((f) => ({ path: f.path, size: f.bytes.length, read: () => f.bytes, sha256: sha }));

/** A reports row for site tests (an agency of unknown place, 2023, read in full); `over` sets the rest. */
export const reportRow = (over: Partial<ReportRow> = {}): ReportRow => ({
  report_id: '0123456789abcdef',
  source_file: 'a.txt',
  source_sha256: '0'.repeat(64),
  encoding: 'utf-8',
  title: null,
  agency: '某某局',
  agency_kind: '部门',
  year: 2023,
  period_year: null,
  same_agency_year: 0,
  title_agency: null,
  second_report_line: null,
  published_on: null,
  published_on_basis: null,
  source_url: null,
  duplicate_of: null,
  index_no: null,
  region_code: null,
  province: null,
  city: null,
  county: null,
  township: null,
  region_basis: 'unresolved',
  layout_active: '2021',
  layout_requests: '2021',
  era: '2021',
  status: 'complete',
  checks_failed: 0,
  checks_not_assessable: 0,
  superseded_by: null,
  // A complete report has checks (all three counts 0: nothing to check, present.ts checkOutcome).
  checks_passed: 40,
  cells_ambiguous: 0,
  ...over,
});

/**
 * A report page's form cells by dataset key (`table.row.col`): the page writes no key per cell,
 * so the n-th `table.form tbody td` is the n-th key of the forms the page shows (forms.ts
 * formKeys). Throws when the page has another number of cells than its forms.
 */
export function formCells(
  doc: Document,
  report: Pick<ReportRow, 'layout_active' | 'layout_requests'>,
  cells: CellRow[],
): Map<string, Element> {
  const forms = reportForms(
    report.layout_active,
    report.layout_requests ?? requestsLayoutOfCells(cells),
    new Set(cells.map((c) => c.table_id)),
  );
  const keys = formKeys(forms);
  const tds = [...doc.querySelectorAll('table.form tbody td')];
  if (tds.length !== keys.length) throw new Error(`${tds.length} form cells on the page, ${keys.length} in its forms`);
  return new Map(keys.map((k, i) => [k, tds[i]!]));
}

/**
 * A pipes report (fixtures/build.ts) re-written with delimiter `d` between cells; `field` writes
 * each cell (quoting it where the test needs; as it is by default).
 */
export function pipesAsDelimited(text: string, d: string, field: (cell: string) => string = (c) => c): string {
  return text
    .split('\n')
    .map((l) =>
      l.includes(' | ')
        ? l
            .replace(/ \| \|$/, '')
            .split(' | ')
            .map(field)
            .join(d)
        : l,
    )
    .join('\n');
}

/** The same report as a web page: `sections` are its HTML (headings, tables), ending with 五. */
export function minimalHtmlReport(sections: readonly string[]): string {
  return [
    '<html><body><h1>某某局2023年政府信息公开工作年度报告</h1>',
    '<p>一、总体情况</p><p>本局全年公开信息。</p>',
    ...sections,
    '<p>五、存在的主要问题及改进情况</p><p>无。</p>',
    '</body></html>',
  ].join('\n');
}

/** A 2023 report of 某某局 around `sections` (its lines, headings included), ending with 五. */
export function minimalReport(sections: readonly string[]): string {
  return [
    '某某局2023年政府信息公开工作年度报告',
    '一、总体情况',
    '本局全年公开信息。',
    ...sections,
    '五、存在的主要问题及改进情况',
    '无。',
  ].join('\n');
}

/** A truth file's cell (the format of ../shared/cases/truth). */
export interface TruthCell {
  table_id: string;
  row_key: string;
  col_key: string;
  value: number | null;
  lenient?: boolean;
}

/**
 * The cells published with another value than the truth file (`truth`, a JSON file with `cells`)
 * gives, as `table.row.col: value, the file v`; cells the truth does not name are not compared.
 */
export function wrongCells(
  cells: ReadonlyArray<{ table_id: string; row_key: string; col_key: string; value: number | null }>,
  truth: URL | string,
): string[] {
  const key = (c: { table_id: string; row_key: string; col_key: string }) => `${c.table_id}.${c.row_key}.${c.col_key}`;
  const want = new Map(
    (JSON.parse(readFileSync(truth, 'utf8')) as { cells: TruthCell[] }).cells.map((c) => [key(c), c.value]),
  );
  return cells
    .filter((c) => c.value !== null && want.has(key(c)) && want.get(key(c)) !== c.value)
    .map((c) => `${key(c)}: ${c.value}, the file ${want.get(key(c))}`);
}

/** The truth's numbers a reading does not publish (NULL, or no cell): what a fix must read again. */
export function missingCells(
  cells: ReadonlyArray<{ table_id: string; row_key: string; col_key: string; value: number | null }>,
  truth: URL | string,
): string[] {
  const key = (c: { table_id: string; row_key: string; col_key: string }) => `${c.table_id}.${c.row_key}.${c.col_key}`;
  const got = new Map(cells.map((c) => [key(c), c.value]));
  return (JSON.parse(readFileSync(truth, 'utf8')) as { cells: TruthCell[] }).cells
    .filter((c) => typeof c.value === 'number' && got.get(key(c)) !== c.value)
    .map((c) => `${key(c)}: ${String(got.get(key(c)) ?? null)}, the file ${String(c.value)}`);
}

/** A small deterministic generator (mulberry32): the same random cases every run. */
export function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
