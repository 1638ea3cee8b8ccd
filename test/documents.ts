import { readdirSync, readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { convertDocument, type Converted } from '../src/lib/decode/document.ts';
import { prepareDocument } from '../src/lib/decode/document-lines.ts';
import { readsAsDocument } from '../src/lib/ingest/by-content.ts';
import { parseReport, type Parsed } from '../src/lib/report/parse.ts';
import type { CellOut } from '../src/lib/tables/read.ts';
import { requestRows2021, reviewColumns, reviewRows } from '../src/lib/template/definitions.ts';
import type { Official } from './fixtures/official.ts';
import { gaz, missingCells, ok, parseText, sha, wrongCells } from './helpers.ts';

/** A document through the ingest's own steps (conversion awaited here instead of in a thread). */
export async function parseDocument(
  path: string,
  bytes: Uint8Array,
): Promise<{
  converted: Converted;
  parsed: Parsed | null;
  cells: Array<CellOut & { page: number | null; bbox: string | null }>;
}> {
  const converted = await convertDocument(path, bytes);
  const prepared = prepareDocument(path, bytes, () => converted);
  if (!prepared.ok) return { converted, parsed: null, cells: [] };
  const parsed = parseReport(
    {
      path,
      bytes,
      sha256: sha(bytes),
      lines: prepared.lines,
      format: prepared.format,
      ...(prepared.ocrLines ? { ocrLines: prepared.ocrLines } : {}),
    },
    { gazetteer: gaz(), maxYear: 2026 },
  );
  return { converted, parsed, cells: parsed.ok ? prepared.locate(parsed.cells) : [] };
}

/** Every known value of the official fixture, as `table.row.col` → value. */
export function expected(v: Official): Map<string, number> {
  const m = new Map<string, number>();
  for (const r of requestRows2021)
    v.requests[r.key]!.forEach((x, j) => m.set(`requests.${r.key}.${r.columns[j]!.key}`, x));
  reviewRows.forEach((r, i) =>
    reviewColumns.forEach((c, j) => m.set(`review.${r.key}.${c.key}`, v.review[i * 5 + j]!)),
  );
  const cols: Record<string, string[]> = {
    rules: ['issued', 'repealed', 'in_force'],
    normative_docs: ['issued', 'repealed', 'in_force'],
    licensing: ['decisions'],
    penalty: ['decisions'],
    coercion: ['decisions'],
    fees: ['amount'],
  };
  for (const [row, cs] of Object.entries(cols)) cs.forEach((c, j) => m.set(`active.${row}.${c}`, v.active[row]![j]!));
  return m;
}

/** Cells read right, wrong (a published number that differs) and missing. */
export function score(
  cells: CellOut[],
  want: Map<string, number>,
): { right: number; wrong: string[]; missing: string[] } {
  const got = new Map(cells.map((c) => [`${c.table_id}.${c.row_key}.${c.col_key}`, c]));
  const wrong: string[] = [];
  const missing: string[] = [];
  let right = 0;
  for (const c of cells) {
    const k = `${c.table_id}.${c.row_key}.${c.col_key}`;
    if (c.state === 'number' && want.has(k) && Math.abs(c.value! - want.get(k)!) > 1e-9)
      wrong.push(`${k}: ${c.value} (want ${want.get(k)})`);
  }
  for (const [k, v] of want) {
    const c = got.get(k);
    if (c?.state === 'number' && Math.abs(c.value! - v) < 1e-9) right++;
    else if (!c || c.state !== 'number') missing.push(k);
  }
  return { right, wrong, missing };
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A WordprocessingML document part around `body` (its w:body's children). */
export const wordDocument = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;

/** A minimal .docx package whose document part holds `body`. */
export async function wordPackage(body: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file('word/document.xml', wordDocument(body));
  return zip.generateAsync({ type: 'uint8array' });
}

/** A tester's kept files in `dir` (each with its truth `<file>.json`; README.txt their notes). */
export function testerFiles(dir: URL): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((f) => f.isFile() && !f.name.endsWith('.json') && f.name !== 'README.txt')
    .map((f) => f.name);
}

/** The cells of a tester's file as the ingest reads it: a document (PDF, Word, MHTML) through the document path. */
async function cellsOfFile(dir: URL, file: string) {
  const bytes = readFileSync(new URL(file, dir));
  return readsAsDocument(file, bytes) ? (await parseDocument(file, bytes)).cells : ok(parseText(bytes, file)).cells;
}

/** A tester's text or web file read as the ingest reads it, and its truth's `expect`. */
export function reportAndTruth(
  dir: URL,
  file: string,
): { report: Extract<Parsed, { ok: true }>['report']; expect: { agency: string | null; region_code?: string | null } } {
  const truth = JSON.parse(readFileSync(new URL(`${file}.json`, dir), 'utf8')) as {
    expect: { agency: string | null; region_code?: string | null };
  };
  return { report: ok(parseText(readFileSync(new URL(file, dir)), file)).report, expect: truth.expect };
}

/** The wrong cells of a tester's file against its truth. */
export async function wrongInFile(dir: URL, file: string): Promise<string[]> {
  return wrongCells(await cellsOfFile(dir, file), new URL(`${file}.json`, dir));
}

/** The truth's numbers of a tester's file that its reading does not publish. */
export async function missingInFile(dir: URL, file: string): Promise<string[]> {
  return missingCells(await cellsOfFile(dir, file), new URL(`${file}.json`, dir));
}
