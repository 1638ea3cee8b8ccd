import { parseReport, type ParseContext } from '../report/parse.ts';
import { summaryRow } from '../report/summary.ts';
import { ReportRow, SummaryRow, type CellRow, type CheckRow, type SectionRow } from '../schema/datasets.ts';
import { cellRow } from '../schema/cell-row.ts';
import { diag, type Diagnostic } from '../schema/diagnostics.ts';
import { ACCEPTED, DOCUMENT, OFFICE_UNSUPPORTED } from '../decode/document-types.ts';
import { prepareDocument, type Prepared } from '../decode/document-lines.ts';
import { documentAtStart, sniff } from '../decode/sniff.ts';
import { decode } from '../decode/decode.ts';
import { byContent, extensionOf, readByContent } from './by-content.ts';
import type { CellOut } from '../tables/read.ts';
import { fingerprint, type Fingerprint } from './canonical.ts';
import { exceedsBounds } from './bounds.ts';
import { checkRow, sectionRow } from './rows.ts';

/**
 * One file → everything the run needs to know about it: its hash and either a rejection or
 * validated rows. Independent of every other file, so it can run in a worker thread.
 */

export interface FileInput {
  path: string;
  size: number;
  /** Why the walk did not read this entry (a FIFO, a link outside the raw folder…): it is rejected with that reason. */
  skip?: string;
}

/** A file's rows per big table. */
export interface RowCounts {
  cells: number;
  checks: number;
  sections: number;
}

export type FileResult =
  | { path: string; size: number; sha256: string | null; rejected: { reason: string; diagnostics: Diagnostic[] } }
  | {
      path: string;
      size: number;
      sha256: string;
      rejected: null;
      report: ReportRow;
      cells: CellRow[];
      checks: CheckRow[];
      sections: SectionRow[];
      summary: SummaryRow;
      /** Only what cross-year checks need (carry-over and in-force rows), compactly. */
      crossCells: CrossCells;
      diagnostics: Diagnostic[];
      checksFailed: number;
      /** For counting each report once (canonical.ts). */
      fingerprint: Fingerprint;
      /**
       * The big tables already serialised as newline-delimited JSON, each row ending in `\n`
       * (set by `serialize`, for worker threads: a string crosses threads far cheaper than
       * thousands of objects).
       */
      ndjson?: { cells: Uint8Array; checks: Uint8Array; sections: Uint8Array };
      /** Row counts when the rows travel as `ndjson`, or are `retained`. */
      counts?: RowCounts;
      /**
       * The rows (cells, checks, sections) are not here: they are the previous run's, in its
       * DuckDB file, which the writer copies (write/retained.ts). Set by a worker for a file the
       * previous incremental run read as it is now (same path, bytes and analysis code).
       */
      retained?: true;
      /**
       * The file's identity (walk.ts) when it was read as it was walked, or taken unread by it:
       * what the next incremental run may take it by (write/retained.ts). Not cached.
       */
      identity?: string;
    };

export { ACCEPTED };
const CROSS_ROWS = new Set(['carried_over', 'carried_forward', 'rules', 'normative_docs']);

export interface AnalyzeContext extends ParseContext {
  maxBytes: number;
}

export function analyzeFile(
  f: FileInput,
  read: () => Uint8Array,
  sha256: (b: Uint8Array) => string,
  ctx: AnalyzeContext,
): FileResult {
  const reject = (
    code: Diagnostic['code'],
    reason: string,
    sha: string | null = null,
    extra: Diagnostic[] = [],
  ): FileResult => ({
    path: f.path,
    size: f.size,
    sha256: sha,
    rejected: { reason, diagnostics: [...extra, diag(code, reason, f.path)] },
  });
  if (f.skip) return reject('E_UNSUPPORTED_TYPE', f.skip);
  if (OFFICE_UNSUPPORTED.test(f.path))
    return reject(
      'E_UNSUPPORTED_TYPE',
      `${extensionOf(f.path)} 格式暂不支持（WPS、Excel 等）：请另存为 PDF 或 .docx (unsupported office format "${extensionOf(f.path)}")`,
    );
  // A name with no extension, or a web server's or crawler's (.asp, .php, .dat, .htm_ …), is
  // read by its content (by-content.ts); any other name not accepted is rejected by name.
  const content = readByContent(f.path);
  if (!ACCEPTED.test(f.path) && !content)
    return reject(
      'E_UNSUPPORTED_TYPE',
      `unsupported file type "${extensionOf(f.path)}": only .txt, .md, .csv, .tsv, .html, .htm, .pdf, .docx, .doc and .rtf are read`,
    );
  if (f.size > ctx.maxBytes)
    return reject(
      'E_TOO_LARGE',
      `file is ${(f.size / 2 ** 20).toFixed(1)} MiB; the limit is ${(ctx.maxBytes / 2 ** 20).toFixed(0)} MiB per report`,
    );
  let bytes: Uint8Array;
  try {
    bytes = read();
  } catch (e) {
    return reject('E_READ_FAILED', `could not read the file: ${(e as Error).message}`);
  }
  // Another size than the walk saw: the file was being written (a crawler writing into raw/),
  // and what was read is not the file the entry names (a fresh tester's t29: the old size beside
  // the new file's SHA-256, and a report half rewritten read as an empty file).
  if (bytes.length !== f.size)
    return reject(
      'E_READ_FAILED',
      `the file changed while it was read (${f.size} bytes when listed, ${bytes.length} read): run the ingest again`,
    );
  const sha = sha256(bytes);
  // No bytes: empty whatever its name says (a fresh tester: an empty .docx was "a broken Word
  // file", and so were empty .txt and .pdf files of the same bytes).
  if (bytes.length === 0) return reject('E_EMPTY', 'empty file (no text)', sha);
  const bound = exceedsBounds(f.path, bytes);
  // Random bytes hold '<' and newlines too: a binary file is rejected as binary (by the parser
  // below), not for "elements nested 1,000 deep" its bytes happen to make; and a PDF's or Word
  // file's compressed bytes are no tags either (a fresh tester's t105: every PDF over about
  // 1.2 MB, a report with a photo or a seal, was rejected so). Their text is bounded as it is
  // decoded (decode/zip-limit.ts, the size limit); a document that is really a web page is
  // bounded here like any page. Decoded only here, for the rare file over a bound.
  if (bound && (DOCUMENT.test(f.path) ? sniff(bytes) === 'html' : !isBinary(bytes)))
    return reject('E_TOO_LARGE', bound, sha);
  let parsed: ReturnType<typeof parseReport>;
  let doc: Prepared | null = null;
  try {
    const by = content ? byContent(f.path, bytes) : null;
    if (by?.as === 'rejected') return reject('E_UNSUPPORTED_TYPE', by.reason, sha);
    // A document that is really a web page (Word's "save as web page" kept as .doc) is read as
    // the HTML it is, by the text path, which also reads its charset and <title>; so is markup
    // under a name read by content.
    const webPage = (DOCUMENT.test(f.path) && sniff(bytes) === 'html') || by?.as === 'html';
    // A PDF, Word or RTF file saved under a text name (report.txt) is read as what it is; only a
    // header at the very start counts here, so a text that quotes %PDF- stays text.
    const disguised = by ? by.as === 'document' : !DOCUMENT.test(f.path) && documentAtStart(bytes);
    if ((DOCUMENT.test(f.path) && !webPage) || disguised) {
      doc = prepareDocument(f.path, bytes);
      if (!doc.ok) return reject(doc.code, doc.reason, sha);
    }
    parsed = parseReport(
      {
        path: f.path,
        bytes,
        sha256: sha,
        ...(doc
          ? {
              lines: doc.lines,
              format: doc.format,
              ...(doc.ocrLines ? { ocrLines: doc.ocrLines } : {}),
              ...(doc.url ? { sourceUrl: doc.url } : {}),
            }
          : {}),
        ...(webPage ? { htmlNamed: htmlName(f.path) } : {}),
      },
      ctx,
    );
  } catch (e) {
    // A parser bug must not stop the run or hide the other files: reject with the message.
    return reject('E_READ_FAILED', `parser error: ${(e as Error).message}`, sha);
  }
  // What the document's reading found (a PDF's digits its font contradicts) comes first.
  const found = doc?.ok && doc.warnings ? doc.warnings.map((w) => diag(w.code, w.message, f.path, w.line)) : [];
  if (!parsed.ok)
    return {
      path: f.path,
      size: f.size,
      sha256: sha,
      rejected: { reason: parsed.reason, diagnostics: [...found, ...parsed.diagnostics] },
    };
  const id = parsed.report.report_id;
  try {
    // Every row is validated before it is written; a row that fails is a parser bug, and the
    // file is rejected with the message rather than published wrong.
    return {
      path: f.path,
      size: f.size,
      sha256: sha,
      rejected: null,
      report: ReportRow.parse(parsed.report),
      cells: (doc ? doc.locate(parsed.cells) : parsed.cells).map((c) => cellRow(id, c)),
      checks: parsed.checks.map((c) => checkRow(id, c)),
      sections: parsed.sections.map((x) => sectionRow(id, x)),
      summary: SummaryRow.parse(summaryRow(parsed.report, parsed.cells, parsed.index)),
      crossCells: compactCross(parsed.cells),
      diagnostics: [...found, ...parsed.diagnostics],
      checksFailed: parsed.checks.filter((c) => c.status === 'fail').length,
      fingerprint: fingerprint(parsed.text, parsed.cells),
    };
  } catch (e) {
    return reject(
      'E_INVALID_ROW',
      `a row failed validation: ${(e as Error).message.slice(0, 300)}`,
      sha,
      parsed.diagnostics,
    );
  }
}

/**
 * The cells the cross-year checks read (rows in CROSS_ROWS) as one string: `table.row|col=value,…`
 * per row, rows joined by `;`, a NULL value empty (keys are identifiers: no `.|=,;`). A run
 * over 100,000 reports keeps this for every report until the end; as one string it takes about a
 * fifth of the memory nested arrays did (1.4 KB → 0.3 KB per report, measured after the copy
 * from the worker thread).
 */
export type CrossCells = string;

export function compactCross(cells: CellOut[]): CrossCells {
  const rows = new Map<string, string[]>();
  for (const c of cells) {
    if (!CROSS_ROWS.has(c.row_key)) continue;
    const key = `${c.table_id}.${c.row_key}`;
    let cols = rows.get(key);
    if (!cols) rows.set(key, (cols = []));
    cols.push(`${c.col_key}=${c.value === null ? '' : String(c.value)}`);
  }
  return [...rows].map(([key, cols]) => `${key}|${cols.join(',')}`).join(';');
}

/** Back to cells, for the checks (only the fields they read are meaningful). */
export function expandCross(x: CrossCells): CellOut[] {
  if (!x) return [];
  return x.split(';').flatMap((row) => {
    const bar = row.indexOf('|');
    const [table_id, row_key] = row.slice(0, bar).split('.') as [CellOut['table_id'], string];
    return row
      .slice(bar + 1)
      .split(',')
      .map((pair) => {
        const eq = pair.indexOf('=');
        const value = eq === pair.length - 1 ? null : Number(pair.slice(eq + 1));
        return {
          table_id,
          row_key,
          col_key: pair.slice(0, eq),
          value,
          raw: '',
          state: value === null ? ('blank' as const) : ('number' as const),
          line: 1,
        };
      });
  });
}

const utf8 = new TextEncoder();

/**
 * Moves the big tables into NDJSON bytes (see `ndjson`), UTF-8 encoded here in the worker: each
 * array has its own buffer (`transferables`), so it crosses to the main thread without a copy
 * and the main thread only writes it. On two cores the main thread shares a core with a worker;
 * copying and encoding strings there slowed the whole run.
 */
export function serialize(r: FileResult): FileResult {
  if (r.rejected) return r;
  const nd = (rows: object[]) => {
    let text = '';
    for (const x of rows) text += `${JSON.stringify(x)}\n`;
    return utf8.encode(text);
  };
  return {
    ...r,
    ndjson: { cells: nd(r.cells), checks: nd(r.checks), sections: nd(r.sections) },
    cells: [],
    checks: [],
    sections: [],
    counts: { cells: r.cells.length, checks: r.checks.length, sections: r.sections.length },
  };
}

/**
 * The buffers of a serialised result, to transfer rather than copy across threads: each once
 * (the three arrays of a result from the analysis cache share one).
 */
export const transferables = (r: FileResult): ArrayBuffer[] =>
  r.rejected || !r.ndjson
    ? []
    : [...new Set([r.ndjson.cells.buffer, r.ndjson.checks.buffer, r.ndjson.sections.buffer] as ArrayBuffer[])];

/** A web page's extension as parse.ts names it: without its dot, or '' for none. */
const htmlName = (path: string) => (extensionOf(path) === '(none)' ? '' : extensionOf(path).slice(1));

function isBinary(bytes: Uint8Array): boolean {
  const d = decode(bytes);
  return !d.ok && d.reason === 'binary';
}
