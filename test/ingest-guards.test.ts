import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rawDirLabel } from '../src/lib/ingest/folders.ts';
import { foreignEntries, foreignMessage } from '../src/lib/write/foreign.ts';
import { sha } from './helpers.ts';
import { copySamples } from './samples.ts';

/**
 * What the command line refuses before it reads or writes anything: a raw folder that is not
 * there (or not a folder, or empty), and an output folder holding files that publishing would
 * remove. And one spelling of the raw folder is one set of datasets.
 */

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-guards-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const raw = join(tmp, 'raw');
copySamples(raw);

function ingest(from: string, out: string, env: Record<string, string> = {}, ...extra: string[]) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/ingest.ts', '--raw', from, '--out', out, '--quiet', '--workers', '0', ...extra],
    {
      encoding: 'utf8',
      // NIANBAO_PHASE_TIMES: the run says on stderr when it has analysed the files.
      env: { ...process.env, SOURCE_DATE_EPOCH: '1767225600', NIANBAO_PHASE_TIMES: '1', ...env },
      timeout: 120_000,
    },
  );
}

/** Every file under `dir` (links followed) with its hash. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true }))
    if (!e.isDirectory()) {
      const p = join(e.parentPath, e.name);
      out[p.slice(dir.length + 1)] = sha(readFileSync(p));
    }
  return out;
}

/** What is beside `out` in its parent folder: the link, its generations, a lock, a journal. */
const siblings = (out: string) =>
  readdirSync(join(out, '..'))
    .filter((e) => e === 'out' || e.startsWith('.out.'))
    .sort();

describe('a raw folder that is missing, not a folder, or empty', () => {
  const base = join(tmp, 'raw-problems');
  mkdirSync(join(base, 'empty', 'sub'), { recursive: true });
  writeFileSync(join(base, 'a-file'), 'x');
  const cases: Array<[string, string, RegExp]> = [
    ['missing', join(base, 'missing'), /the raw folder .*missing does not exist: check --raw/],
    ['a file', join(base, 'a-file'), /the raw folder .*a-file is not a folder/],
    [
      'empty (only an empty sub-folder)',
      join(base, 'empty'),
      /the raw folder .*empty holds no files, so there is nothing to publish; .*Put the report files in it .* or run with --allow-empty/,
    ],
  ];

  for (const [what, from, message] of cases) {
    it(`${what}: refused with a message, non-zero, nothing written (new output)`, () => {
      const out = join(base, `new-${what.split(' ')[0]}`, 'out');
      const r = ingest(from, out);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('nothing was written');
      expect(r.stderr).not.toContain('phase analysed');
      expect(existsSync(join(out, '..'))).toBe(false);
    });
  }

  it('refused the same way with previous datasets, which stay byte-identical', () => {
    const out = join(base, 'kept', 'out');
    expect(ingest(raw, out).status).toBe(0);
    const before = tree(out);
    const links = siblings(out);
    for (const [what, from, message] of cases) {
      const r = ingest(from, out);
      expect(r.status, what).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toMatch(/the datasets in .*out \(5 reports\) are kept/);
      expect(tree(out)).toEqual(before);
      expect(siblings(out)).toEqual(links);
    }
    // --allow-empty publishes an empty folder on purpose, never a missing one.
    expect(ingest(join(base, 'missing'), out, {}, '--allow-empty').status).toBe(2);
    expect(tree(out)).toEqual(before);
    const allowed = ingest(join(base, 'empty'), out, {}, '--allow-empty');
    expect(allowed.status, allowed.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'))).toMatchObject({ counts: { files: 0 } });
  });
});

describe('files a user put in the output folder', () => {
  it('are named, and the run refuses before it analyses anything; all stays as it was', () => {
    const out = join(tmp, 'foreign', 'out');
    expect(ingest(raw, out).status).toBe(0);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    mkdirSync(join(out, 'thesis'));
    writeFileSync(join(out, 'thesis', 'draft.docx'), 'mine');
    const before = tree(out);
    const links = siblings(out);
    const r = ingest(raw, out);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(
      'the output folder holds entries this tool did not write (notes.txt, thesis/); publishing the datasets replaces the whole folder, so they would be lost. Move them out of it and run again',
    );
    expect(r.stderr).not.toContain('phase analysed');
    expect(tree(out)).toEqual(before);
    expect(siblings(out)).toEqual(links);
    // Moved out: the run goes on.
    rmSync(join(out, 'notes.txt'));
    rmSync(join(out, 'thesis'), { recursive: true });
    expect(ingest(raw, out).status).toBe(0);
  });

  it('a previous run in parts, with the DuckDB file kept unlisted, is only ours: the next run proceeds', () => {
    const out = join(tmp, 'parts', 'out');
    const env = { NIANBAO_PART_BYTES: '4096' };
    expect(ingest(raw, out, env).status).toBe(0);
    expect(readdirSync(out)).toContain('cells');
    expect(readFileSync(join(out, 'SHA256SUMS'), 'utf8')).not.toContain('nianbao.duckdb');
    expect(existsSync(join(out, 'nianbao.duckdb'))).toBe(true);
    const again = ingest(raw, out, env);
    expect(again.status, again.stderr).toBe(0);
    // A file of the user's among the parts is found there too.
    writeFileSync(join(out, 'cells', 'cells-notes.csv'), 'mine');
    const r = ingest(raw, out, env);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('(cells/cells-notes.csv)');
  });

  it('an empty existing folder is used as before', () => {
    const out = join(tmp, 'empty-out', 'out');
    mkdirSync(out, { recursive: true });
    expect(ingest(raw, out).status).toBe(0);
  });

  it('a plain folder from an older version: its own files (with or without SHA256SUMS) and nothing else', () => {
    const dir = join(tmp, 'legacy');
    mkdirSync(join(dir, '.staging'), { recursive: true });
    mkdirSync(join(dir, 'cells'));
    for (const f of [
      'manifest.json',
      'reports.parquet',
      'cells.csv',
      'nianbao.duckdb',
      '.staging/cells.ndjson',
      '.DS_Store',
      'cells/._cells-00001.csv',
    ])
      writeFileSync(join(dir, f), '');
    writeFileSync(join(dir, 'cells', 'cells-00002.parquet'), '');
    // A table's CSV past the part limit: gzip-compressed, one file or parts.
    writeFileSync(join(dir, 'checks.csv.gz'), '');
    writeFileSync(join(dir, 'cells', 'cells-00003.csv.gz'), '');
    expect(foreignEntries(dir, new Set())).toEqual([]);
    writeFileSync(join(dir, 'extra.parquet'), '');
    // 年.txt in GBK: not UTF-8, named with its bytes escaped as in the manifest.
    writeFileSync(Buffer.concat([Buffer.from(`${dir}/`), Buffer.from([0xc4, 0xea]), Buffer.from('.txt')]), '');
    writeFileSync(join(dir, 'cells', 'reports-00001.csv'), '');
    writeFileSync(join(dir, 'cells', 'cells-00004.csv.gz.bak'), '');
    mkdirSync(join(dir, 'empty'));
    expect(foreignEntries(dir, new Set())).toEqual([
      '\\xC4\\xEA.txt',
      'cells/cells-00004.csv.gz.bak',
      'cells/reports-00001.csv',
      'empty/',
      'extra.parquet',
    ]);
    // Whatever SHA256SUMS lists is ours.
    expect(foreignEntries(dir, new Set(['extra.parquet', 'empty/x']))).toEqual([
      '\\xC4\\xEA.txt',
      'cells/cells-00004.csv.gz.bak',
      'cells/reports-00001.csv',
    ]);
    expect(foreignMessage(['a', 'b\x1b[2J', 'c', 'd', 'e', 'f', 'g'])).toMatch(
      /^the output folder holds entries this tool did not write \(a, b\\x1b\[2J, c, d, e and 2 more\)/,
    );
  });
});

describe('the raw folder as typed', () => {
  it('is normalised: data/raw/, ./data/raw and data/raw are one folder', () => {
    expect(rawDirLabel('data/raw/')).toBe('data/raw');
    expect(rawDirLabel('./data//raw')).toBe('data/raw');
    expect(rawDirLabel('data/raw', '/home/alice/nianbao')).toBe('data/raw');
  });

  it('is never an absolute path: relative to the working directory inside it, else the base name', () => {
    const cwd = '/home/alice/nianbao';
    expect(rawDirLabel('/home/alice/nianbao/data/raw/', cwd)).toBe('data/raw');
    expect(rawDirLabel('/home/alice/nianbao', cwd)).toBe('.');
    expect(rawDirLabel('.', cwd)).toBe('.');
    expect(rawDirLabel('/srv/reports/raw/', cwd)).toBe('raw');
    expect(rawDirLabel('../shared/raw', cwd)).toBe('raw');
    expect(rawDirLabel('/home/alice/nianbao-old/raw', cwd)).toBe('raw');
    // A folder whose name starts with two dots is inside.
    expect(rawDirLabel('..raw', cwd)).toBe('..raw');
    expect(rawDirLabel('/', cwd)).toBe('');
    for (const raw of ['data/raw', '/srv/reports/raw', '../x', '/', '/home/alice/nianbao/a'])
      expect(rawDirLabel(raw, cwd).startsWith('/')).toBe(false);
  });

  it('with and without a trailing slash: the same datasets, byte for byte', () => {
    const a = join(tmp, 'slash', 'a');
    const b = join(tmp, 'slash', 'b');
    expect(ingest(raw, a).status).toBe(0);
    expect(ingest(`${raw}/`, b).status).toBe(0);
    const ta = tree(a);
    const tb = tree(b);
    // The DuckDB file is not byte-reproducible; datapackage.json and SHA256SUMS carry its hash.
    for (const t of [ta, tb]) for (const f of ['nianbao.duckdb', 'datapackage.json', 'SHA256SUMS']) delete t[f];
    expect(tb).toEqual(ta);
    // The raw folder is outside the working directory: its base name, never the machine's path.
    expect(JSON.parse(readFileSync(join(b, 'manifest.json'), 'utf8'))).toMatchObject({ raw_dir: 'raw' });
  });
});

describe('a folder named with bytes that are not UTF-8', () => {
  it('is refused (Node reads each bad byte as U+FFFD: the run would write another folder), nothing written', () => {
    // The bytes reach the process as they are only through a shell: Node's own spawn takes strings.
    const parent = join(tmp, 'latin1');
    mkdirSync(parent);
    const r = spawnSync(
      'bash',
      [
        '-c',
        `exec "$0" --import tsx scripts/ingest.ts --raw "$1" --out "$2$(printf 'out-\\351')" --quiet --workers 0`,
        process.execPath,
        raw,
        `${parent}/`,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--out: .*UTF-8/);
    expect(readdirSync(parent)).toEqual([]);
  });
});
