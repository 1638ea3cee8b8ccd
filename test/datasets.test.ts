import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import dp from 'datapackage';
import { describe, expect, it } from 'vitest';
import { columns, tables, type TableName } from '../src/lib/schema/datasets.ts';
import { columnDocs, keyDictionary } from '../src/lib/schema/dictionary.ts';
import { TABLE_NAMES } from '../src/lib/write/datapackage.ts';
import { parseSums } from '../src/lib/write/generation.ts';
import { layoutFiles, paths, readLayout } from '../src/lib/write/layout.ts';
import { query } from './query.ts';
import { scratchDir } from './scratch.ts';
import { copySamples } from './samples.ts';

/**
 * The published files as a user gets them: reproducible, described by a valid datapackage.json
 * with matching checksums, CSV that round-trips awkward text exactly, and a complete dictionary.
 */

/** The parts of datapackage.json these tests read. */
interface DataPackage {
  resources: Array<{
    name: string;
    path: string | string[];
    bytes: number;
    hash: string;
    type?: string;
    format: string;
    mediatype?: string;
    encoding?: string;
    compression?: string;
    schema: { primaryKey: string[]; foreignKeys?: Array<{ reference: { resource: string } }> };
  }>;
  licenses: Array<{ name: string }>;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/**
 * `workers`: 0 analyses in the main thread; otherwise worker threads even for a few files.
 * Staging files of 4 KB make the tables load in many pieces, some while files are analysed.
 */
function ingest(raw: string, out: string, workers = 0, extra: Record<string, string> = {}) {
  return spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/ingest.ts', '--raw', raw, '--out', out, '--quiet', '--workers', String(workers)],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        SOURCE_DATE_EPOCH: '1767225600',
        NIANBAO_PARALLEL_MIN: '1',
        NIANBAO_STAGING_CHUNK: '4096',
        ...extra,
      },
    },
  );
}

// Text that breaks naive CSV: quotes, commas, CR/LF, a lone CR, tabs, a leading '=' and a BOM-like char.
const AWKWARD = '他说："依法公开, 是常态"，\r\n第二行\r第三行\t制表符 ="=1+1" \uFEFF结束';
const BIG = '政务公开'.repeat(262_144); // 1,048,576 characters (3 MB of UTF-8)

const tmp = scratchDir('nianbao-data-');
const raw = join(tmp, 'raw');
mkdirSync(raw);
copySamples(join(raw, 'samples'));
const sample = readFileSync('data/raw/000_c118c1f3c5e39f04.txt', 'utf8');
// Same report with awkward text in section 五 and a 1 MB paragraph in section 六 (and other
// bytes, so it is not a duplicate; a different agency, so not a second report for the same year).
const crafted = sample
  .replace('无锡市滨湖区行政审批局', '无锡市滨湖区"测试"局,')
  .replace('五、存在的主要问题及改进情况', `五、存在的主要问题及改进情况\n${AWKWARD}`)
  .replace(/六、其他需要报告的事项/, `六、其他需要报告的事项\n${BIG}`);
mkdirSync(join(raw, 'crafted'));
writeFileSync(join(raw, 'crafted', 'awkward.txt'), crafted);
const out1 = join(tmp, 'out1');
const out2 = join(tmp, 'out2');
const first = ingest(raw, out1);
const second = ingest(raw, out2, 2);

describe('published datasets', () => {
  it('ingests twice without error', () => {
    expect(first.status, first.stderr).toBe(0);
    expect(second.status, second.stderr).toBe(0);
  });

  it('is reproducible, with or without worker threads: Parquet, CSV, manifest byte-identical; DuckDB tables identical', async () => {
    for (const t of TABLE_NAMES) {
      for (const ext of ['parquet', 'csv']) {
        const f = `${t}.${ext}`;
        expect(sha(readFileSync(join(out2, f))), f).toBe(sha(readFileSync(join(out1, f))));
      }
    }
    expect(readFileSync(join(out2, 'manifest.json'), 'utf8')).toBe(readFileSync(join(out1, 'manifest.json'), 'utf8'));
    // The DuckDB file's bytes are not reproducible (DuckDB's own block layout); its contents are.
    for (const t of TABLE_NAMES) {
      const digest = async (dir: string) =>
        (
          await query<{ h: string }>(
            `ATTACH '${join(dir, 'nianbao.duckdb')}' AS db (READ_ONLY); SELECT md5(string_agg(x::VARCHAR, '|' ORDER BY x::VARCHAR)) AS h FROM db.${t} AS x`,
          )
        )[0]!.h;
      expect(await digest(out2), t).toBe(await digest(out1));
    }
    // datapackage.json differs only in the DuckDB file's hash.
    const mask = (dir: string) =>
      readFileSync(join(dir, 'datapackage.json'), 'utf8').replace(
        /("path": "nianbao\.duckdb",\n\s*"bytes": \d+,\n\s*"hash": )"sha256:[0-9a-f]+"/,
        '$1"…"',
      );
    expect(mask(out2)).toBe(mask(out1));
    expect(mask(out1)).toContain('"created": "2026-01-01T00:00:00Z"');
  });

  it("the DuckDB file's tables hold their rows in the order of their Parquet files (a fresh tester's t91: summary's were in load order)", async () => {
    for (const t of TABLE_NAMES) {
      const rows = await query<{ n: number | bigint }>(
        `ATTACH '${join(out1, 'nianbao.duckdb')}' AS db (READ_ONLY);
         SELECT count(*) AS n FROM (SELECT x::VARCHAR AS v, row_number() OVER () AS i FROM db.${t} AS x) a
         FULL JOIN (SELECT y::VARCHAR AS v, row_number() OVER () AS i FROM '${join(out1, `${t}.parquet`)}' AS y) b
         USING (i) WHERE a.v IS DISTINCT FROM b.v`,
      );
      expect(Number(rows[0]!.n), t).toBe(0);
    }
  });

  it('datapackage.json is a valid Data Package, and its sizes and hashes match the files', async () => {
    const pkg = JSON.parse(readFileSync(join(out1, 'datapackage.json'), 'utf8')) as DataPackage;
    const result = await dp.validate(pkg);
    expect(result.errors.map((e: Error) => e.message)).toEqual([]);
    expect(result.valid).toBe(true);
    // The validator can fail.
    expect((await dp.validate({ ...pkg, resources: [{ ...pkg.resources[0], bytes: 'many' }] })).valid).toBe(false);
    const tabular = await dp.Profile.load('tabular-data-resource');
    for (const r of pkg.resources) {
      // Every resource is one file here (the default part limit); parts are tested below.
      expect(typeof r.path, r.name).toBe('string');
      const bytes = readFileSync(join(out1, r.path as string));
      expect(r.bytes, r.name).toBe(bytes.length);
      expect(r.hash, r.name).toBe(`sha256:${sha(bytes)}`);
      if (r.type === 'table')
        expect(tabular.validate({ ...r, profile: 'tabular-data-resource' }).valid, r.name).toBe(true);
    }
    expect(pkg.resources.filter((r) => r.type === 'table')).toHaveLength(10);
    expect(pkg.licenses[0]!.name).toBe('CC-BY-4.0');
  });

  it('every table is unique on its declared primaryKey, and every report_id is in reports (foreignKeys)', async () => {
    const pkg = JSON.parse(readFileSync(join(out1, 'datapackage.json'), 'utf8')) as DataPackage;
    for (const r of pkg.resources.filter((x) => x.type === 'table' && x.format === 'parquet')) {
      const file = join(out1, r.path as string).replaceAll("'", "''");
      const key = r.schema.primaryKey.join(', ');
      const [dup] = await query<{ n: bigint }>(
        `select count(*) as n from (select ${key} from '${file}' group by ${key} having count(*) > 1)`,
      );
      expect(Number(dup!.n), `${r.name} duplicates on ${key}`).toBe(0);
      for (const fk of r.schema.foreignKeys ?? []) {
        expect(fk.reference.resource).toBe('reports-parquet');
        const reports = join(out1, 'reports.parquet').replaceAll("'", "''");
        const [orphans] = await query<{ n: bigint }>(
          `select count(*) as n from '${file}' where report_id not in (select report_id from '${reports}')`,
        );
        expect(Number(orphans!.n), r.name).toBe(0);
      }
    }
  });

  it('counts are integers: BIGINT in the summary, and no count prints as 3.0 in any CSV', async () => {
    const types = new Map(columns('summary').map((c) => [c.name, c.type]));
    expect(types.get('requests_new')).toBe('BIGINT');
    expect(types.get('review_total')).toBe('BIGINT');
    const file = join(out1, 'summary.parquet').replaceAll("'", "''");
    const [t] = await query<{ t: string }>(`select typeof(requests_new) as t from '${file}' limit 1`);
    expect(t!.t).toBe('BIGINT');
    for (const name of ['summary', 'cells'] as const) {
      const rows = parse<Record<string, string>>(
        readFileSync(join(out1, `${name}.csv`), 'utf8').replace(/^\uFEFF/, ''),
        { columns: true },
      );
      const numeric = columns(name)
        .filter((c) => c.type === 'DOUBLE' || c.type === 'BIGINT')
        .map((c) => c.name);
      expect(numeric.length).toBeGreaterThan(0);
      for (const r of rows) for (const k of numeric) expect(r[k], `${name}.${k}`).not.toMatch(/^-?\d+\.0+$/);
    }
  });

  it('SHA256SUMS lists every published file with its hash', () => {
    const lines = readFileSync(join(out1, 'SHA256SUMS'), 'utf8').trim().split('\n');
    const names = lines.map((l) => l.slice(66));
    expect(names).toEqual([...names].sort());
    expect(names).toEqual(
      expect.arrayContaining([
        'datapackage.json',
        'manifest.json',
        'manifest.jsonl',
        'nianbao.duckdb',
        'nianbao.sql',
        ...TABLE_NAMES.flatMap((t) => [`${t}.csv`, `${t}.parquet`]),
      ]),
    );
    for (const l of lines) expect(l.slice(0, 64), l).toBe(sha(readFileSync(join(out1, l.slice(66)))));
  });

  it('CSV starts with a BOM, has the schema columns, and round-trips awkward text and a 1 MB field exactly', async () => {
    for (const t of TABLE_NAMES) {
      const csv = readFileSync(join(out1, `${t}.csv`));
      expect([...csv.subarray(0, 3)], t).toEqual([0xef, 0xbb, 0xbf]);
      const header = csv.toString('utf8', 3, csv.indexOf(10)).replace(/\r$/, '');
      expect(header.split(','), t).toEqual(columns(t).map((c) => c.name));
    }
    const rows = parse<{ report_id: string; section: string; text: string }>(readFileSync(join(out1, 'sections.csv')), {
      bom: true,
      columns: true,
    });
    const fromParquet = await query<{ report_id: string; section: number; text: string }>(
      `SELECT report_id, section, text FROM '${join(out1, 'sections.parquet')}'`,
    );
    expect(rows.length).toBe(fromParquet.length);
    const five = rows.find((r) => r.text.includes('他说'));
    expect(five, 'the awkward section').toBeDefined();
    expect(five!.text).toContain(AWKWARD.replace(/\r\n?/g, '\n'));
    const six = rows.find((r) => r.text.includes(BIG));
    expect(six, 'the 1 MB section').toBeDefined();
    // Every text field equals its Parquet value exactly (CSV ↔ Parquet).
    const byKey = new Map(fromParquet.map((r) => [`${r.report_id}.${r.section}`, r.text]));
    for (const r of rows)
      expect(r.text === byKey.get(`${r.report_id}.${r.section}`), `${r.report_id}.${r.section}`).toBe(true);
    // The awkward title in reports.csv too.
    const reports = parse<Record<string, string>>(readFileSync(join(out1, 'reports.csv')), {
      bom: true,
      columns: true,
    });
    expect(reports.some((r) => r.title === '无锡市滨湖区"测试"局,2020年政府信息公开工作年度报告')).toBe(true);
  });

  it('blank in the source is an empty CSV field, never 0', () => {
    const cells = parse<Record<string, string>>(readFileSync(join(out1, 'cells.csv')), { bom: true, columns: true });
    const blanks = cells.filter((c) => c.state !== 'number');
    expect(blanks.length).toBeGreaterThan(0);
    for (const c of blanks) expect(c.value).toBe('');
  });

  it('lists every row_key and col_key that the sample reports use, with a label', async () => {
    const keys = keyDictionary();
    const cells = await query<{ table_id: string; row_key: string; col_key: string }>(
      `SELECT DISTINCT table_id, row_key, col_key FROM '${join(out1, 'cells.parquet')}'`,
    );
    expect(cells.length).toBeGreaterThan(50);
    for (const c of cells) {
      expect(
        keys.some((k) => k.table_id === c.table_id && k.kind === 'row' && k.key === c.row_key),
        `${c.table_id} row ${c.row_key}`,
      ).toBe(true);
      expect(
        keys.some((k) => k.table_id === c.table_id && k.kind === 'col' && k.key === c.col_key),
        `${c.table_id} col ${c.col_key}`,
      ).toBe(true);
    }
    for (const k of keys) expect(k.label.length).toBeGreaterThan(0);
  });
});

describe('published datasets in parts (a part limit of 4 KB)', () => {
  // The same input with a tiny part limit: every table, the manifest's entries and the DuckDB
  // file are over it. Twice, with and without worker threads.
  const LIMIT = 4096;
  const small = { NIANBAO_PART_BYTES: String(LIMIT) };
  const parts1 = join(tmp, 'parts1');
  const parts2 = join(tmp, 'parts2');
  const third = ingest(raw, parts1, 0, small);
  const fourth = ingest(raw, parts2, 2, small);
  const q = (s: string) => `'${s.replaceAll("'", "''")}'`;
  const list = (dir: string, files: string[]) => `[${files.map((f) => q(join(dir, f))).join(', ')}]`;
  /** MD5 of every row as text, in scan order: equal digests mean the same rows in the same order. */
  const digest = async (from: string) =>
    (
      await query<{ h: string; n: bigint }>(
        `SELECT md5(string_agg(r::VARCHAR, chr(10) ORDER BY n)) AS h, count(*) AS n FROM (SELECT t AS r, row_number() OVER () AS n FROM ${from} AS t)`,
      )
    )[0]!;
  /** Every file under `dir`, as `/`-separated relative paths. */
  const walk = (dir: string): string[] =>
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
      .sort();

  it('ingests without error', () => {
    expect(third.status, third.stderr).toBe(0);
    expect(fourth.status, fourth.stderr).toBe(0);
  });

  it('writes every table in parts, each within the limit unless it holds a single row', async () => {
    const layout = readLayout(parts1);
    for (const t of TABLE_NAMES) {
      for (const f of [...layout.tables[t].parquet, ...layout.tables[t].csv]) {
        expect(f).toMatch(new RegExp(`^(?:${t}|${t}/${t}-\\d{5})\\.(?:csv|csv\\.gz|parquet)$`));
        if (statSync(join(parts1, f)).size <= LIMIT) continue;
        // DuckDB decompresses a .csv.gz by its name.
        const from = /\.csv(?:\.gz)?$/.test(f)
          ? `read_csv(${q(join(parts1, f))}, header = true, delim = ',', quote = '"', escape = '"', max_line_size = 8000000)`
          : q(join(parts1, f));
        expect((await digest(from)).n, `${f} is over the limit with more than one row`).toBe(1n);
      }
    }
    expect(layout.tables.cells.parquet.length).toBeGreaterThan(1);
    // The manifest's entries in shards: test/manifest-write.test.ts. Here: manifest.json stays within the limit.
    expect(statSync(join(parts1, 'manifest.json')).size).toBeLessThanOrEqual(LIMIT);
    // The DuckDB file is over the limit: written, not published.
    expect(layout.duckdb).toBeNull();
    expect(existsSync(join(parts1, 'nianbao.duckdb'))).toBe(true);
  });

  it('the parts, re-read by DuckDB (read_parquet, read_csv), give exactly the rows of the single file, in order', async () => {
    const layout = readLayout(parts1);
    for (const t of TABLE_NAMES) {
      const whole = await digest(q(join(out1, `${t}.parquet`)));
      expect(await digest(`read_parquet(${list(parts1, layout.tables[t].parquet)})`), `${t} parquet`).toEqual(whole);
      // The dialect said, not sniffed: a part without a quoted field would be sniffed otherwise.
      const csv = (files: string) =>
        `read_csv(${files}, header = true, all_varchar = true, delim = ',', quote = '"', escape = '"', max_line_size = 8000000)`;
      expect(await digest(csv(list(parts1, layout.tables[t].csv))), `${t} csv`).toEqual(
        await digest(csv(q(join(out1, `${t}.csv`)))),
      );
    }
  });

  it('a CSV over the limit is gzip-compressed (one .csv.gz, or parts cut on their compressed size); one that fits stays a plain .csv', () => {
    const layout = readLayout(parts1);
    const pkg = JSON.parse(readFileSync(join(parts1, 'datapackage.json'), 'utf8')) as DataPackage;
    for (const t of TABLE_NAMES) {
      const files = layout.tables[t].csv;
      const whole = statSync(join(out1, `${t}.csv`)).size;
      const resource = pkg.resources.find((r) => r.name === t)!;
      if (whole <= LIMIT) {
        // The same plain file as with the default limit, byte for byte, and described as before.
        expect(files, t).toEqual([`${t}.csv`]);
        expect(readFileSync(join(parts1, `${t}.csv`)).equals(readFileSync(join(out1, `${t}.csv`))), t).toBe(true);
        expect(resource.compression, t).toBeUndefined();
      } else {
        for (const f of files) expect(f, t).toMatch(/\.csv\.gz$/);
        expect(resource.compression, t).toBe('gz');
        expect([resource.format, resource.mediatype, resource.encoding], t).toEqual(['csv', 'text/csv', 'utf-8-sig']);
        // In parts only when one compressed file would be over the limit.
        if (files.length > 1)
          expect(
            files.reduce((n, f) => n + statSync(join(parts1, f)).size, 0),
            t,
          ).toBeGreaterThan(LIMIT);
      }
    }
    // This corpus has each case: plain, one .csv.gz, .csv.gz parts.
    expect(layout.tables.summary.csv).toEqual(['summary.csv']);
    expect(layout.tables.reports.csv).toEqual(['reports.csv']);
    expect(layout.tables.checks.csv).toEqual(['checks.csv.gz']);
    for (const t of ['cells', 'sections'] as const) expect(layout.tables[t].csv.length, t).toBeGreaterThan(1);
    // With the default limit nothing is compressed.
    expect(TABLE_NAMES.map((t) => readLayout(out1).tables[t].csv)).toEqual(TABLE_NAMES.map((t) => [`${t}.csv`]));
  });

  it('each .csv.gz is a whole gzip file with a fixed header (MTIME 0, no name) holding BOM and header', () => {
    const layout = readLayout(parts1);
    for (const t of TABLE_NAMES) {
      const header = readFileSync(join(out1, `${t}.csv`)).subarray(
        0,
        readFileSync(join(out1, `${t}.csv`)).indexOf(10) + 1,
      );
      for (const f of layout.tables[t].csv.filter((f) => f.endsWith('.gz'))) {
        const gz = readFileSync(join(parts1, f));
        expect([...gz.subarray(0, 10)], f).toEqual([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
        // gunzipSync refuses a truncated file or trailing garbage; one member, on its own.
        const csv = gunzipSync(gz);
        expect(csv.subarray(0, header.length).equals(header), f).toBe(true);
        expect(gz.readUInt32LE(gz.length - 4), f).toBe(csv.length);
      }
    }
  });

  it('the CSV parts, decompressed and each BOM and header after the first dropped, are byte for byte the single file; the table hashes agree', () => {
    const layout = readLayout(parts1);
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    for (const t of TABLE_NAMES) {
      const [head, ...rest] = layout.tables[t].csv.map((f) => {
        const b = readFileSync(join(parts1, f));
        return f.endsWith('.gz') ? gunzipSync(b) : b;
      });
      for (const b of [head!, ...rest]) expect(b.subarray(0, 3).equals(bom), t).toBe(true);
      const joined = Buffer.concat([head!, ...rest.map((b) => b.subarray(b.indexOf(10) + 1))]);
      expect(joined.equals(readFileSync(join(out1, `${t}.csv`))), t).toBe(true);
    }
    const tablesOf = (dir: string) =>
      (JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { tables: unknown }).tables;
    expect(tablesOf(parts1)).toEqual(tablesOf(out1));
  });

  it('is reproducible with or without worker threads: every part byte-identical', () => {
    const files = walk(parts1).filter((f) => f !== 'nianbao.duckdb' && f !== 'datapackage.json' && f !== 'SHA256SUMS');
    expect(walk(parts2).filter((f) => !['nianbao.duckdb', 'datapackage.json', 'SHA256SUMS'].includes(f))).toEqual(
      files,
    );
    for (const f of files) expect(readFileSync(join(parts2, f)).equals(readFileSync(join(parts1, f))), f).toBe(true);
    // Without a published DuckDB file, datapackage.json is reproducible too.
    expect(readFileSync(join(parts2, 'datapackage.json'), 'utf8')).toBe(
      readFileSync(join(parts1, 'datapackage.json'), 'utf8'),
    );
  });

  it('datapackage.json and SHA256SUMS list exactly the files present (besides the unpublished DuckDB file), and they exist', async () => {
    const pkg = JSON.parse(readFileSync(join(parts1, 'datapackage.json'), 'utf8')) as DataPackage;
    const result = await dp.validate(pkg);
    expect(result.errors.map((e: Error) => e.message)).toEqual([]);
    const described = pkg.resources.flatMap((r) => paths(r.path)).sort();
    const sums = [...parseSums(readFileSync(join(parts1, 'SHA256SUMS'), 'utf8')).keys()].sort();
    expect(sums).toEqual([...described, 'datapackage.json'].sort());
    expect(walk(parts1)).toEqual([...sums, 'SHA256SUMS', 'nianbao.duckdb'].sort());
    expect(described).toEqual([...layoutFiles(readLayout(parts1))].sort());
    for (const r of pkg.resources) {
      // A resource in parts has no single size or hash; one file has both, of the file as it is
      // (a .csv.gz: of the gzip bytes).
      if (Array.isArray(r.path)) expect([r.bytes, r.hash], r.name).toEqual([undefined, undefined]);
      else {
        const bytes = readFileSync(join(parts1, r.path));
        expect([r.bytes, r.hash], r.name).toEqual([bytes.length, `sha256:${sha(bytes)}`]);
      }
    }
    for (const [f, hash] of parseSums(readFileSync(join(parts1, 'SHA256SUMS'), 'utf8')))
      expect(sha(readFileSync(join(parts1, f))), f).toBe(hash);
  });

  it("nianbao.sql gives the DuckDB file's tables from the Parquet parts (and from single files)", async () => {
    for (const dir of [parts1, out1]) {
      const sql = readFileSync(join(dir, 'nianbao.sql'), 'utf8');
      expect(sql).toContain('CREATE OR REPLACE VIEW cells');
      for (const t of TABLE_NAMES) {
        const views = await query<{ h: string }>(
          `SET VARIABLE nianbao_base = ${q(`${dir}/`)}; ${sql}; SELECT md5(string_agg(x::VARCHAR, '|' ORDER BY x::VARCHAR)) AS h FROM ${t} AS x`,
        );
        const db = await query<{ h: string }>(
          `ATTACH ${q(join(dir, 'nianbao.duckdb'))} AS db (READ_ONLY); SELECT md5(string_agg(x::VARCHAR, '|' ORDER BY x::VARCHAR)) AS h FROM db.${t} AS x`,
        );
        expect(views[0]!.h, `${dir} ${t}`).toBe(db[0]!.h);
      }
    }
  });
});

describe('the data dictionary', () => {
  it('describes every column of every table in both languages', () => {
    for (const t of Object.keys(tables) as TableName[]) {
      const docs = columnDocs(t);
      expect(docs.map((d) => d.name)).toEqual(columns(t).map((c) => c.name));
      for (const d of docs) {
        expect(d.en.length, `${t}.${d.name}`).toBeGreaterThan(5);
        expect(d.zh, `${t}.${d.name}`).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });
});
