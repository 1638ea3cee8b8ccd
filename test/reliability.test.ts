import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { exceedsBounds, LIMITS, nextTag } from '../src/lib/ingest/bounds.ts';
import { escapeName, unescapeName } from '../src/lib/ingest/names.ts';
import { runParallel } from '../src/lib/ingest/parallel.ts';
import { runInMemory } from '../src/lib/ingest/run.ts';
import { readRaw, walkRaw } from '../src/lib/ingest/walk.ts';
import { Manifest } from '../src/lib/schema/datasets.ts';
import { readSource } from '../src/lib/site/source.ts';
import { generateCorpus } from '../src/lib/synth/corpus.ts';
import { csvDocument, safeText } from '../src/lib/write/csv.ts';
import { TABLE_NAMES } from '../src/lib/write/datapackage.ts';
import { csvSelect } from '../src/lib/write/export.ts';
import { columns } from '../src/lib/schema/datasets.ts';
import { datasets } from '../src/integrations/datasets.ts';
import { CAP, capLines, capSections, sectionNote, sourceNote } from '../src/lib/site/cap.ts';
import { gaz, sha, inMemory, writeCorpus } from './helpers.ts';
import { query } from './query.ts';

/**
 * The odd inputs and unlucky operations of issue 14, each with the same kind of input that
 * broke the run: names that are not UTF-8, links, FIFOs and devices, a huge HTML table, a dying
 * worker, an empty raw folder, formula text in CSV, and Parquet made by worker threads.
 */

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-rel-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const SAMPLE = readFileSync('data/raw/000_c118c1f3c5e39f04.txt');
const SAMPLE2 = readFileSync('data/raw/001_8c5126968789870d.txt');

function ingest(raw: string, out: string, ...extra: string[]) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/ingest.ts', '--raw', raw, '--out', out, '--quiet', ...extra],
    {
      encoding: 'utf8',
      env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600' },
      timeout: 120_000,
    },
  );
}

const manifestOf = (out: string) => Manifest.parse(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')));
const hashes = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, sha(readFileSync(join(dir, f)))]),
  );

describe('file names as bytes', () => {
  const gbk = iconv.encode('无锡市报告.txt', 'gbk');
  it('keeps a valid UTF-8 name and escapes a name that is not, reversibly', () => {
    expect(escapeName(Buffer.from('报告 2020.txt'))).toBe('报告 2020.txt');
    expect(escapeName(Buffer.from([0x61, 0xff, 0x2e, 0x74, 0x78, 0x74]))).toBe('a\\xFF.txt');
    const escaped = escapeName(gbk);
    expect(escaped).toMatch(/^(\\x[0-9A-F]{2}|[^\\])+$/);
    expect(escaped.endsWith('.txt')).toBe(true);
    for (const b of [
      gbk,
      Buffer.from([0xff]),
      Buffer.from('a\\x41b'),
      Buffer.from([0xe6, 0x97]),
      Buffer.from('政务\\'),
    ])
      expect(unescapeName(escapeName(b)).equals(b), b.toString('hex')).toBe(true);
    // A literal "\x41" in a valid name cannot be confused with an escaped byte.
    expect(escapeName(Buffer.from('a\\x41b'))).toBe('a\\x5Cx41b');
  });
});

describe('the raw folder: odd names, links, FIFOs and devices', () => {
  const raw = join(tmp, 'odd', 'raw');
  const outside = join(tmp, 'odd', 'outside');
  mkdirSync(join(raw, 'sub'), { recursive: true });
  mkdirSync(outside, { recursive: true });
  const gbkName = iconv.encode('无锡市报告.txt', 'gbk');
  writeFileSync(Buffer.concat([Buffer.from(`${raw}/`), gbkName]), SAMPLE);
  writeFileSync(Buffer.from(`${raw}/sub/bad\xffname.txt`, 'latin1'), SAMPLE2);
  writeFileSync(join(outside, 'secret.txt'), Buffer.concat([SAMPLE, Buffer.from('\n外部文件\n')]));
  writeFileSync(join(raw, 'real.txt'), readFileSync('data/raw/002_8c505244d5763fc4.txt'));
  symlinkSync('real.txt', join(raw, 'z-link-inside.txt'));
  symlinkSync(join(outside, 'secret.txt'), join(raw, 'link-outside.txt'));
  symlinkSync(join(raw, 'no-such-file.txt'), join(raw, 'link-dangling.txt'));
  symlinkSync(join(raw, 'loop-b.txt'), join(raw, 'loop-a.txt'));
  symlinkSync(join(raw, 'loop-a.txt'), join(raw, 'loop-b.txt'));
  symlinkSync(join(raw, 'sub'), join(raw, 'link-dir'));
  symlinkSync(raw, join(raw, 'sub', 'link-to-root'));
  execFileSync('mkfifo', [join(raw, 'pipe.txt')]);
  let device = true;
  try {
    execFileSync('mknod', [join(raw, 'null.txt'), 'c', '1', '3'], { stdio: 'ignore' });
  } catch {
    device = false; // not allowed here (not root): the FIFO covers "not a regular file"
  }
  const out = join(tmp, 'odd', 'out');
  const run = ingest(raw, out);
  const byPath = () => new Map(manifestOf(out).files.map((f) => [f.path, f]));

  it('finishes (no hang on the FIFO) with every entry in the manifest', () => {
    expect(run.status, run.stderr).toBe(0);
    expect([...byPath().keys()].sort()).toEqual(
      [
        escapeName(gbkName),
        'sub/bad\\xFFname.txt',
        'real.txt',
        'z-link-inside.txt',
        'link-outside.txt',
        'link-dangling.txt',
        'loop-a.txt',
        'loop-b.txt',
        'link-dir',
        'sub/link-to-root',
        'pipe.txt',
        ...(device ? ['null.txt'] : []),
      ].sort(),
    );
  });

  it('reads files whose names are not UTF-8 and records them escaped', () => {
    const files = byPath();
    expect(files.get(escapeName(gbkName))!.outcome).toBe('ok');
    expect(files.get('sub/bad\\xFFname.txt')!.outcome).not.toBe('rejected');
    // The source view finds the file again from the escaped name.
    const prev = process.env.NIANBAO_RAW;
    process.env.NIANBAO_RAW = raw;
    try {
      expect(readSource(escapeName(gbkName))?.join('\n')).toContain('政府信息公开');
      expect(readSource('link-outside.txt')).toBeNull();
    } finally {
      if (prev === undefined) delete process.env.NIANBAO_RAW;
      else process.env.NIANBAO_RAW = prev;
    }
  });

  it('gives each link, FIFO and device an outcome and a reason, and reads nothing outside', () => {
    const files = byPath();
    expect(files.get('z-link-inside.txt')).toMatchObject({ outcome: 'duplicate', duplicate_of: 'real.txt' });
    const reasons: Record<string, RegExp> = {
      'link-outside.txt': /指向原始文件夹以外的符号链接/,
      'link-dangling.txt': /符号链接指向的文件不存在/,
      'loop-a.txt': /符号链接循环/,
      'loop-b.txt': /符号链接循环/,
      'link-dir': /指向文件夹 sub 的符号链接，未跟随/,
      'sub/link-to-root': /未跟随/,
      'pipe.txt': /命名管道（FIFO）/,
      ...(device ? { 'null.txt': /设备文件/ } : {}),
    };
    for (const [p, re] of Object.entries(reasons)) {
      expect(files.get(p)!.outcome, p).toBe('rejected');
      expect(files.get(p)!.reason, p).toMatch(re);
      expect(files.get(p)!.sha256, `${p} was not read`).toBeNull();
    }
    expect(readFileSync(join(out, 'sections.csv'), 'utf8')).not.toContain('外部文件');
    expect(manifestOf(out).counts.reports).toBe(3);
  });

  it('the reader refuses a FIFO or a link at read time without blocking', () => {
    expect(() => readRaw(join(raw, 'pipe.txt'))).toThrow(/FIFO/);
    expect(() => readRaw(join(raw, 'link-outside.txt'))).toThrow(/ELOOP|symbolic/);
    expect(walkRaw(raw).length).toBe(byPath().size);
  });
});

/** An HTML page that is one huge table: `rows` × `cols` cells. */
function hugeTable(rows: number, cols: number): Buffer {
  const row = `<tr>${'<td>1</td>'.repeat(cols)}</tr>\n`;
  return Buffer.from(
    `<!doctype html><html><head><meta charset="utf-8"><title>某某局2021年政府信息公开工作年度报告</title></head><body><table>${row.repeat(rows)}</table></body></html>`,
  );
}

describe('bounds on the work per file', () => {
  const ctx = { rawDir: 'x', maxBytes: 20 * 1024 * 1024, maxYear: 2026 };
  const big = hugeTable(3_000, 20); // 60,000 cells in 0.6 MB
  const file = (path: string, bytes: Uint8Array) => ({ path, size: bytes.length, read: () => bytes, sha256: sha });

  it('names the limit a file exceeds', () => {
    expect(exceedsBounds('a.html', big)).toBe(
      `more than ${LIMITS.cells.toLocaleString('en-US')} table cells; the limit is ${LIMITS.cells.toLocaleString('en-US')} per report`,
    );
    expect(exceedsBounds('a.html', hugeTable(12_000, 1))).toMatch(/more than 10,000 table rows/);
    expect(exceedsBounds('a.html', Buffer.from('<table>'.repeat(20)))).toMatch(/tables nested more than 12 deep/);
    expect(exceedsBounds('a.html', Buffer.from(`${'<div><span>'.repeat(600)}x`))).toBe(
      'HTML elements nested more than 1,000 deep; the limit is 1,000',
    );
    // Elements in one parent: a page of 100,000 is read, one more is rejected in every mode
    // (pages of 340,000 could abort the process from a worker, nodejs/node#47224).
    const spans = (n: number) => Buffer.from(`<div>${'<span a="1">字</span>'.repeat(n - 1)}</div>`);
    expect(exceedsBounds('a.html', spans(100_000))).toBeNull();
    expect(exceedsBounds('a.html', spans(100_001))).toBe(
      'more than 100,000 HTML elements; the limit is 100,000 per report',
    );
    // Tags whose end tag may be left out, void and self-closed ones do not nest.
    expect(exceedsBounds('a.html', Buffer.from('<p>段落<br><img src=x><li>项<span/>'.repeat(3_000)))).toBeNull();
    expect(exceedsBounds('a.txt', SAMPLE)).toBeNull();
    // UTF-16 is decoded before counting.
    expect(
      exceedsBounds('a.html', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(big.toString('utf8'), 'utf16le')])),
    ).toMatch(/table cells/);
  });

  it('scans tags as the pattern /<(\\/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)/g matches them', () => {
    // Random markup from pieces that meet at every edge the pattern has.
    const pieces = ['<', '>', '/', '</', '<!--', '-->', 'td', 'TR', 'a1', '1', ' ', 'x="/"', '/>', '表', '\n', '<<'];
    let seed = 7;
    const rand = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    for (let k = 0; k < 2_000; k++) {
      let text = '';
      for (let n = rand(30); n > 0; n--) text += pieces[rand(pieces.length)];
      const want = [...text.matchAll(/<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)/g)].map((m) => [
        !!m[1],
        m[2],
        m[3]!.endsWith('/'),
        m.index + m[0].length,
      ]);
      const got = [];
      for (let t = nextTag(text, text.indexOf('<')); t; t = nextTag(text, text.indexOf('<', t.end)))
        got.push([t.close, t.name, t.selfClosing, t.end]);
      expect(got, text).toEqual(want);
    }
  });

  it('rejects a huge HTML table with that reason and keeps the other files', () => {
    const run = runInMemory([file('a/huge.html', big), file('b/report.txt', SAMPLE)], { ...ctx, gazetteer: gaz() });
    expect(run.manifest.files.map((f) => [f.path, f.outcome])).toEqual([
      ['a/huge.html', 'rejected'],
      ['b/report.txt', 'ok'],
    ]);
    expect(run.manifest.files[0]!.reason).toMatch(/表格超过 50,000 个单元格/);
    expect(run.manifest.files[0]!.reason_code).toBe('E_TOO_LARGE');
    expect(run.manifest.files[0]!.diagnostics[0]!.code).toBe('E_TOO_LARGE');
  });

  it('random bytes are rejected as binary, not for the tags their bytes happen to make', () => {
    let seed = 5;
    const noise = Buffer.from(
      Array.from({ length: 3_000_000 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), (seed >>> 16) & 255)),
    );
    // Its '<' and letters make tags nested deeper than the limit…
    expect(exceedsBounds('x.txt', noise)).not.toBeNull();
    // …but it is no text at all.
    const run = runInMemory([file('x.txt', noise)], { ...ctx, gazetteer: gaz() });
    expect(run.manifest.files[0]!.reason_code).toBe('E_BINARY');
  });

  it('a PDF whose compressed bytes happen to make tags is read, not rejected for them (t105 F1)', () => {
    // A report with a photo or a seal: 1.5 MB of image bytes after the text's own PDF.
    const pdf = readFileSync(new URL('./fixtures/tester/t40/m01_pdf_wrapped_number_top.pdf', import.meta.url));
    let seed = 5;
    const image = Buffer.from(
      Array.from({ length: 1_500_000 }, () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), (seed >>> 16) & 255)),
    );
    const bytes = Buffer.concat([pdf, image]);
    expect(exceedsBounds('r.pdf', bytes)).not.toBeNull();
    const run = runInMemory([file('r.pdf', bytes)], { ...ctx, gazetteer: gaz() });
    expect(run.manifest.files[0]!.reason_code ?? null).not.toBe('E_TOO_LARGE');
    expect(run.cells.filter((c) => c.state === 'number').length).toBeGreaterThan(100);
  });

  it('a 19 MB HTML table in a worker-thread run: rejected with the reason, the run completes', () => {
    const raw = join(tmp, 'bounds-cli', 'raw');
    mkdirSync(raw, { recursive: true });
    const huge = hugeTable(95_000, 20); // 1.9 million cells, 19 MB
    expect(huge.length).toBeGreaterThan(19_000_000);
    writeFileSync(join(raw, 'huge.html'), huge);
    writeFileSync(join(raw, 'a.txt'), SAMPLE);
    writeFileSync(join(raw, 'b.txt'), SAMPLE2);
    const out = join(tmp, 'bounds-cli', 'out');
    const r = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/ingest.ts', '--raw', raw, '--out', out, '--quiet', '--workers', '2'],
      { encoding: 'utf8', env: { ...process.env, NIANBAO_PARALLEL_MIN: '1' }, timeout: 120_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const files = manifestOf(out).files;
    expect(files.find((f) => f.path === 'huge.html')).toMatchObject({
      outcome: 'rejected',
      reason: '表格超过 50,000 个单元格，超出每份报告的处理上限',
      reason_code: 'E_TOO_LARGE',
    });
    expect(files.filter((f) => f.outcome !== 'rejected')).toHaveLength(2);
  }, 120_000);

  it('a worker that dies on a file is replaced; that file is failed with the reason, the run goes on', async () => {
    const dir = join(tmp, 'workers');
    const corpus = [...generateCorpus(12, 5, gaz())];
    corpus.splice(5, 0, { ...corpus[0]!, path: 'boom/huge-table.html', bytes: hugeTable(100, 10) });
    writeCorpus(dir, corpus);
    const seq = runInMemory(
      corpus.filter((f) => !f.path.startsWith('boom/')).map((f) => file(f.path, f.bytes)),
      { ...ctx, gazetteer: gaz() },
    );
    const par = await runParallel(
      corpus.map((f) => ({ path: f.path, size: f.bytes.length, abs: join(dir, f.path) })),
      // The test worker exhausts its heap on that file, as a 19 MB table did with ERR_WORKER_OUT_OF_MEMORY;
      // so does the roomier worker that reads it again.
      { ...ctx, workers: 2, batchSize: 4, heapMb: 96, retryHeapMb: 160, crashOn: 'boom/' },
      { cells: () => {}, checks: () => {}, sections: () => {}, ndjson: () => {} },
    );
    const boom = par.manifest.files.find((f) => f.path === 'boom/huge-table.html')!;
    expect(boom.outcome).toBe('rejected');
    expect(boom.reason).toMatch(/读取该文件的工作线程异常终止（ERR_WORKER_OUT_OF_MEMORY/);
    expect(boom.diagnostics[0]!.message).toMatch(/worker thread reading this file died \(ERR_WORKER_OUT_OF_MEMORY/);
    expect(boom.diagnostics[0]!.code).toBe('E_READ_FAILED');
    const rest = par.manifest.files.filter((f) => f !== boom);
    expect(rest).toEqual(seq.manifest.files);
    expect(par.reports).toEqual(seq.reports);
  }, 120_000);
});

describe('a file too large for a worker heap but not for one thread', () => {
  it('is read again, alone, in a worker with a larger heap: the same run as with no worker threads', async () => {
    const dir = join(tmp, 'roomy');
    const corpus = [...generateCorpus(16, 8, gaz())];
    // Two reports that a worker reads holding about 200 MB more: more than the 96 MB heap of an
    // ordinary test worker, well within the 512 MB of the retry.
    for (const k of [2, 9]) corpus[k] = { ...corpus[k]!, path: `big/${corpus[k]!.path}` };
    writeCorpus(dir, corpus);
    const ctx = { rawDir: 'x', maxBytes: 20 * 1024 * 1024, maxYear: 2026 };
    const seq = runInMemory(inMemory(corpus), { ...ctx, gazetteer: gaz() });
    const sink = { cells: () => {}, checks: () => {}, sections: () => {}, ndjson: () => {} };
    const par = await runParallel(
      corpus.map((f) => ({ path: f.path, size: f.bytes.length, abs: join(dir, f.path) })),
      { ...ctx, workers: 2, batchSize: 5, heapMb: 96, retryHeapMb: 512, crashOn: 'big/', crashMb: 200 },
      sink,
    );
    expect(par.manifest.files.filter((f) => f.path.startsWith('big/')).map((f) => f.outcome)).toEqual(['ok', 'ok']);
    expect(par.manifest).toEqual(seq.manifest);
    expect(par.reports).toEqual(seq.reports);
    expect(par.summary).toEqual(seq.summary);
  }, 120_000);
});

describe('an empty or missing raw folder', () => {
  const raw = join(tmp, 'empty', 'raw');
  const empty = join(tmp, 'empty', 'none');
  const out = join(tmp, 'empty', 'out');
  mkdirSync(raw, { recursive: true });
  mkdirSync(empty, { recursive: true });
  writeFileSync(join(raw, 'a.txt'), SAMPLE);
  const first = ingest(raw, out);

  it('does not replace non-empty datasets, unless --allow-empty', () => {
    expect(first.status, first.stderr).toBe(0);
    const before = hashes(out);
    for (const from of [empty, join(tmp, 'empty', 'missing')]) {
      const r = ingest(from, out);
      expect(r.status, from).toBe(2);
      expect(r.stderr).toMatch(
        /ingest: the raw folder .* (holds no files|does not exist).*; nothing was written; the datasets in .* \(1 reports\) are kept\./,
      );
      expect(hashes(out)).toEqual(before);
    }
    const allowed = ingest(empty, out, '--allow-empty');
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(manifestOf(out).counts.reports).toBe(0);
  });

  it('an output folder inside the raw folder is refused before anything is read or written', () => {
    const r = ingest(raw, join(raw, 'build'));
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/ingest: the output folder .* is inside the raw folder/);
    expect(existsSync(join(raw, 'build'))).toBe(false);
  });

  it('an empty raw folder with no datasets yet is refused too; --allow-empty gives empty datasets', () => {
    const fresh = join(tmp, 'empty', 'fresh');
    expect(ingest(empty, fresh).status).toBe(2);
    expect(existsSync(fresh)).toBe(false);
    expect(ingest(empty, fresh, '--allow-empty').status).toBe(0);
    expect(manifestOf(fresh).counts.files).toBe(0);
  });
});

describe('CSV: formula injection, csv-stringify', () => {
  it('prefixes text that a spreadsheet would run, never numbers', () => {
    for (const s of ['=HYPERLINK("http://x","y")', '+1', '-2+3', '@SUM(A1)', '\tx', '\rx'])
      expect(safeText(s)).toBe(`'${s}`);
    for (const s of ['政府', '1=1', ' =x', '']) expect(safeText(s)).toBe(s);
    const doc = csvDocument(
      ['t', 'n'],
      [
        ['=cmd|calc', '-5'],
        [null, null],
        ['', '3'],
      ],
      [true, false],
    );
    expect(doc).toBe('\uFEFFt,n\n\'=cmd|calc,-5\n,\n"",3\n');
  });

  it('a hostile report: the CSV prefixes, Parquet keeps the exact text', async () => {
    const raw = join(tmp, 'csv', 'raw');
    const out = join(tmp, 'csv', 'out');
    mkdirSync(raw, { recursive: true });
    const evil = '=HYPERLINK("http://evil.example/","点击")';
    writeFileSync(
      join(raw, 'evil.txt'),
      SAMPLE.toString('utf8')
        .replace('五、存在的主要问题及改进情况', `五、存在的主要问题及改进情况\n${evil}`)
        .replace(/(五、存在的主要问题及改进情况\n=HYPERLINK[^\n]*\n)[^]*?(?=六、)/, '$1'),
    );
    expect(ingest(raw, out).status).toBe(0);
    const fromParquet = await query<{ text: string }>(
      `SELECT text FROM '${join(out, 'sections.parquet')}' WHERE text LIKE '=HYPERLINK%'`,
    );
    expect(fromParquet.map((r) => r.text)).toEqual([evil]);
    const rows = parse<{ text: string }>(readFileSync(join(out, 'sections.csv')), { bom: true, columns: true });
    expect(rows.filter((r) => r.text.includes('HYPERLINK')).map((r) => r.text)).toEqual([`'${evil}`]);
    // Numbers stay numbers.
    const cells = parse<{ value: string }>(readFileSync(join(out, 'cells.csv')), { bom: true, columns: true });
    expect(cells.every((c) => c.value === '' || !c.value.startsWith("'"))).toBe(true);
  });
});

describe('Parquet is byte-identical for identical input, also with worker threads', () => {
  it('two parallel runs and a sequential one: same Parquet, several row groups; DuckDB tables hash the same', async () => {
    const raw = join(tmp, 'det', 'raw');
    for (const f of generateCorpus(40, 21, gaz())) {
      mkdirSync(dirname(join(raw, f.path)), { recursive: true });
      writeFileSync(join(raw, f.path), f.bytes);
    }
    const env = { NIANBAO_PARALLEL_MIN: '1', NIANBAO_ROW_GROUP_SIZE: '500' };
    const run = (out: string, workers: string) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'scripts/ingest.ts', '--raw', raw, '--out', out, '--quiet', '--workers', workers],
        { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 },
      );
    const outs = [join(tmp, 'det', 'a'), join(tmp, 'det', 'b'), join(tmp, 'det', 'seq')];
    for (const [i, o] of outs.entries()) expect(run(o, i < 2 ? '2' : '0').status).toBe(0);
    for (const t of TABLE_NAMES) {
      const a = readFileSync(join(outs[0]!, `${t}.parquet`));
      expect(readFileSync(join(outs[1]!, `${t}.parquet`)).equals(a), t).toBe(true);
      expect(readFileSync(join(outs[2]!, `${t}.parquet`)).equals(a), t).toBe(true);
    }
    const groups = await query<{ n: bigint }>(
      `SELECT count(DISTINCT row_group_id) AS n FROM parquet_metadata('${join(outs[0]!, 'cells.parquet')}')`,
    );
    expect(Number(groups[0]!.n)).toBeGreaterThan(1);
    // The per-table hash in the manifest is the SHA-256 of the table's published CSV, and a
    // DuckDB file whose table is rendered the same way gives the same bytes.
    const m = manifestOf(outs[0]!);
    expect(sha(readFileSync(join(outs[0]!, 'cells.csv')))).toBe(m.tables!.cells!.sha256);
    const copy = join(tmp, 'det', 'cells-copy.csv');
    await query(
      `ATTACH '${join(outs[1]!, 'nianbao.duckdb')}' AS db (READ_ONLY); COPY (SELECT ${csvSelect('cells')} FROM db.cells) TO '${copy}' (FORMAT csv, HEADER true)`,
    );
    expect(sha(Buffer.concat([Buffer.from('\uFEFF'), readFileSync(copy)]))).toBe(m.tables!.cells!.sha256);
    expect(manifestOf(outs[1]!).tables).toEqual(m.tables);
  }, 240_000);
});

describe('atomic output', () => {
  it('the output is a link to a complete generation; a plain folder that is not ours is never replaced', () => {
    const raw = join(tmp, 'atomic', 'raw');
    mkdirSync(raw, { recursive: true });
    writeFileSync(join(raw, 'a.txt'), SAMPLE);
    const out = join(tmp, 'atomic', 'out');
    expect(ingest(raw, out).status).toBe(0);
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
    expect(ingest(raw, out).status).toBe(0);
    // One generation is left: the previous one is removed after the switch.
    expect(readdirSync(join(tmp, 'atomic')).filter((e) => e.startsWith('.out.'))).toHaveLength(1);
    const mine = join(tmp, 'atomic', 'mine');
    mkdirSync(mine);
    writeFileSync(join(mine, 'thesis.docx'), 'precious');
    const r = ingest(raw, mine);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('is not a dataset folder');
    expect(existsSync(join(mine, 'thesis.docx'))).toBe(true);
  });
});

describe('the build publishes the datasets it checked, as copies', () => {
  type Hook = (o: object) => unknown;
  const logger = { info: () => {}, warn: () => {} };

  it('refuses inconsistent data, naming the file', () => {
    const raw = join(tmp, 'build', 'raw');
    mkdirSync(raw, { recursive: true });
    writeFileSync(join(raw, 'a.txt'), SAMPLE);
    const data = join(tmp, 'build', 'data');
    expect(ingest(raw, data).status).toBe(0);
    const torn = join(tmp, 'build', 'torn');
    cpSync(data, torn, { recursive: true, dereference: true });
    writeFileSync(join(torn, 'summary.csv'), 'half a file');
    const setup = datasets({ dataDir: () => torn }).hooks['astro:config:setup'] as unknown as Hook;
    const prev = process.env.NIANBAO_DATA;
    try {
      expect(() => setup({ command: 'build', logger })).toThrow(`summary.csv does not match its SHA-256 in SHA256SUMS`);
      rmSync(join(torn, 'summary.csv'));
      expect(() => setup({ command: 'build', logger })).toThrow(/summary\.csv is listed in SHA256SUMS but missing/);
    } finally {
      if (prev === undefined) delete process.env.NIANBAO_DATA;
      else process.env.NIANBAO_DATA = prev;
    }
  });

  it('copies (never hard-links): a later ingest does not change a built site', async () => {
    const raw = join(tmp, 'build', 'raw');
    const data = join(tmp, 'build', 'data');
    const dist = join(tmp, 'build', 'dist');
    mkdirSync(dist, { recursive: true });
    const integration = datasets({ dataDir: () => data });
    const prev = process.env.NIANBAO_DATA;
    try {
      (integration.hooks['astro:config:setup'] as unknown as Hook)({ command: 'build', logger });
      await (integration.hooks['astro:build:done'] as unknown as Hook)({ dir: new URL(`file://${dist}/`), logger });
    } finally {
      if (prev === undefined) delete process.env.NIANBAO_DATA;
      else process.env.NIANBAO_DATA = prev;
    }
    const published = hashes(join(dist, 'data'));
    expect(Object.keys(published)).toContain('SHA256SUMS');
    for (const f of Object.keys(published)) expect(lstatSync(join(dist, 'data', f)).nlink, f).toBe(1);
    writeFileSync(join(raw, 'b.txt'), SAMPLE2);
    expect(ingest(raw, data).status).toBe(0);
    expect(hashes(join(dist, 'data'))).toEqual(published);
  });
});

describe('a 10 MB single-line report', () => {
  it('is accepted, and a page and the search index get a bounded part of it, with a note', () => {
    const line = '我局持续推进政务公开标准化规范化建设，'.repeat((10 * 1024 * 1024) / 57);
    const bytes = Buffer.from(
      SAMPLE.toString('utf8').replace('六、其他需要报告的事项', `六、其他需要报告的事项\n${line}`),
    );
    expect(bytes.length).toBeGreaterThan(10 * 1024 * 1024);
    const run = runInMemory([{ path: 'big.txt', size: bytes.length, read: () => bytes, sha256: sha }], {
      rawDir: 'x',
      maxBytes: 20 * 1024 * 1024,
      maxYear: 2026,
      gazetteer: gaz(),
    });
    expect(run.manifest.files[0]!.outcome).toBe('ok');
    const capped = capSections(run.sections);
    const shown = capped.reduce((a, s) => a + s.text.length, 0);
    expect(shown).toBeLessThanOrEqual(CAP.report);
    const six = capped.find((s) => s.section === 6)!;
    expect(six.cutFrom).toBeGreaterThan(line.length);
    expect(sectionNote(six.text.length, six.cutFrom!)).toMatch(
      /^（本部分共 [\d,]+ 字，页面只显示前 [\d,]+ 字；全文见本页的原文（逐行）和 sections 数据集。）$/,
    );
    const src = capLines(bytes.toString('utf8').split('\n'));
    expect(src.lines.reduce((a, l) => a + l.text.length, 0)).toBeLessThanOrEqual(CAP.source);
    expect(src.lines.some((l) => l.cutFrom === line.length)).toBe(true);
    // Lines after the total are left out (and said so).
    const many = capLines(Array.from({ length: 400_000 }, () => '政务公开'));
    expect(many.lines.length).toBeLessThan(many.total);
    expect(sourceNote(many.lines.length, many.total)).toContain('只显示前');
  });
});

describe('the two CSV writers agree', () => {
  it("DuckDB's CSV of a table (datasets) and csv-stringify (per-report CSV) give the same bytes, prefix included", async () => {
    const cols = columns('checks');
    const texts = [
      '=HYPERLINK("http://x","y")',
      '+1',
      '-2',
      '@A1',
      '\tTAB',
      '\rCR',
      'a,b',
      'say "hi"',
      'line\nbreak',
      'lone\rcr',
      '',
      ' =x',
      '政务公开',
    ];
    const rows = texts.map((t, i) => [`r${i}`, `c${i}`, 'pass', i % 3 === 0 ? null : -i * 1.5, i, t]);
    const lit = (v: string | number | null) =>
      v === null ? 'NULL' : typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "''")}'`;
    const file = join(tmp, 'agree.csv');
    const got = await query<Record<string, string | null>>(
      `CREATE TABLE checks (${cols.map((c) => `"${c.name}" ${c.type}`).join(', ')});
       INSERT INTO checks VALUES ${rows.map((r) => `(${r.map(lit).join(', ')})`).join(', ')};
       COPY (SELECT ${csvSelect('checks')} FROM checks) TO '${file}' (FORMAT csv, HEADER true);
       SELECT ${cols.map((c) => `CAST("${c.name}" AS VARCHAR) AS "${c.name}"`).join(', ')} FROM checks`,
    );
    const viaStringify = csvDocument(
      cols.map((c) => c.name),
      // The per-report CSV gets the numbers as JavaScript numbers (3, not "3.0").
      got.map((r) => cols.map((c) => (c.type === 'VARCHAR' || r[c.name] === null ? r[c.name] : Number(r[c.name])))),
      cols.map((c) => c.type === 'VARCHAR'),
    );
    expect(`\uFEFF${readFileSync(file, 'utf8')}`).toBe(viaStringify);
  });
});
