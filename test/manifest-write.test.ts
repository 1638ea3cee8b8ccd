import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Manifest, ManifestEntry } from '../src/lib/schema/datasets.ts';
import { InlineArrayDoc } from '../src/lib/write/json-doc.ts';
import { manifestEntries, readManifestHeader, writeManifest, writeManifestWhile } from '../src/lib/write/manifest.ts';
import { LineParts } from '../src/lib/write/parts.ts';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes `{...head, [key]: items, ...tail}` with InlineArrayDoc; returns whether it fit. */
function inline(
  path: string,
  head: Record<string, unknown>,
  items: unknown[],
  tail: Record<string, unknown>,
  indent = 2,
  limit = Infinity,
) {
  const doc = new InlineArrayDoc(path, head, 'files', indent, limit);
  for (const x of items) doc.add(x);
  return doc.finish(tail);
}

const entry = (i: number): ManifestEntry => ({
  path: `a/${i}-报告 "x".txt`,
  bytes: i,
  sha256: i % 5 ? 'ab'.repeat(32) : null,
  outcome: i % 2 ? 'ok' : 'rejected',
  reason: i % 2 ? null : '文件\n为空',
  reason_code: i % 2 ? null : 'E_EMPTY',
  report_id: i % 2 ? `${i}`.padStart(16, '0') : null,
  duplicate_of: null,
  same_agency_year: i % 3 ? [] : ['b/1.txt', 'b/2.txt'],
  diagnostics: i % 2 ? [] : [{ code: 'E_EMPTY', message: 'empty', file: `a/${i}`, line: null, column: null }],
});

describe('JSON documents written item by item', () => {
  it('give exactly the bytes of JSON.stringify(doc, null, indent) and a newline', () => {
    const item = (i: number) => ({ ...entry(i), nested: { deep: { list: [1, [2, {}], []] } } });
    for (const indent of [1, 2])
      for (const items of [[], [item(1)], Array.from({ length: 3000 }, (_, i) => item(i))]) {
        const head = { generated: '2026-11-30', counts: { files: items.length }, gone: undefined };
        const tail = { empty: {}, list: [], tables: { cells: { rows: 3 } } };
        const p = join(dir, `m-${indent}-${items.length}.json`);
        expect(inline(p, head, items, tail, indent)).toBe(true);
        expect(readFileSync(p, 'utf8')).toBe(`${JSON.stringify({ ...head, files: items, ...tail }, null, indent)}\n`);
      }
    const p = join(dir, 'bare.json');
    expect(inline(p, {}, [], {})).toBe(true);
    expect(readFileSync(p, 'utf8')).toBe(`${JSON.stringify({ files: [] }, null, 2)}\n`);
  });

  it('are abandoned, leaving no file, once they would pass the limit', () => {
    const items = Array.from({ length: 100 }, (_, i) => entry(i));
    const whole = `${JSON.stringify({ n: 1, files: items, t: 2 }, null, 2)}\n`;
    const p = join(dir, 'limit.json');
    expect(inline(p, { n: 1 }, items, { t: 2 }, 2, Buffer.byteLength(whole))).toBe(true);
    expect(inline(p, { n: 1 }, items, { t: 2 }, 2, Buffer.byteLength(whole) - 1)).toBe(false);
    expect(existsSync(p)).toBe(false);
  });
});

describe('JSON Lines in parts under a byte limit', () => {
  it('cuts between lines, keeps order, and is one file when everything fits', () => {
    const lines = Array.from({ length: 50 }, (_, i) => JSON.stringify(entry(i)));
    const limit = 2000;
    const out = join(dir, 'lines');
    mkdirSync(out);
    const w = new LineParts(out, 'things', 'jsonl', limit);
    for (const l of lines) w.write(l);
    const parts = w.close();
    expect(parts.length).toBeGreaterThan(3);
    expect(parts[0]).toBe('things/things-00001.jsonl');
    expect(parts).toEqual([...parts].sort());
    expect(readdirSync(join(out, 'things')).length).toBe(parts.length);
    for (const p of parts) expect(statSync(join(out, p)).size).toBeLessThanOrEqual(limit);
    expect(parts.map((p) => readFileSync(join(out, p), 'utf8')).join('')).toBe(lines.map((l) => `${l}\n`).join(''));
    const one = new LineParts(out, 'small', 'jsonl', 1 << 20);
    for (const l of lines) one.write(l);
    expect(one.close()).toEqual(['small.jsonl']);
    expect(existsSync(join(out, 'small'))).toBe(false);
    // A line longer than the limit is a part of its own.
    const long = new LineParts(out, 'long', 'jsonl', 10);
    for (const l of ['a', 'x'.repeat(40), 'b']) long.write(l);
    expect(long.close().map((p) => readFileSync(join(out, p), 'utf8'))).toEqual(['a\n', `${'x'.repeat(40)}\n`, 'b\n']);
  });
});

describe('manifest.json and its entries', () => {
  const manifest = (n: number): Manifest => ({
    version: 2,
    raw_dir: 'data/raw',
    counts: { files: n },
    files: Array.from({ length: n }, (_, i) => entry(i)),
    tables: { cells: { rows: 3, sha256: 'cd'.repeat(32) } },
  });
  const reread = async (out: string) => {
    const header = readManifestHeader(out);
    const entries: ManifestEntry[] = [];
    for await (const e of manifestEntries(out, header)) entries.push(e);
    return { header, entries };
  };

  it('small: the entries inline as before, and in manifest.jsonl', async () => {
    const out = join(dir, 'small-manifest');
    mkdirSync(out);
    const m = manifest(20);
    expect(writeManifest(out, m, 1 << 20)).toEqual(['manifest.json', 'manifest.jsonl']);
    const { files, ...header } = m;
    const text = readFileSync(join(out, 'manifest.json'), 'utf8');
    expect(JSON.parse(text)).toEqual({ ...header, files, files_jsonl: ['manifest.jsonl'] });
    const again = await reread(out);
    expect(again.entries).toEqual(files);
    expect(again.header.counts).toEqual(m.counts);
  });

  it('written in shards (a small part limit) re-reads to the same records, and manifest.json stays small', async () => {
    const out = join(dir, 'sharded-manifest');
    mkdirSync(out);
    const m = manifest(300);
    const limit = 8192;
    const written = writeManifest(out, m, limit);
    expect(written.length).toBeGreaterThan(5);
    for (const p of written) expect(statSync(join(out, p)).size, p).toBeLessThanOrEqual(limit);
    const doc = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(doc.files).toBeUndefined();
    expect(doc.files_jsonl).toEqual(written.slice(1));
    expect(Object.keys(doc)).toEqual(['version', 'raw_dir', 'counts', 'files_jsonl', 'tables']);
    const again = await reread(out);
    expect(again.entries).toEqual(m.files);
    expect(again.header.tables).toEqual(m.tables);
    // A reader may stop early (the site keeps the first few).
    const first: ManifestEntry[] = [];
    for await (const e of manifestEntries(out, again.header)) if (first.push(e) === 3) break;
    expect(first).toEqual(m.files.slice(0, 3));
  });

  it('reads a version 1 manifest (entries inline only)', async () => {
    const out = join(dir, 'v1-manifest');
    mkdirSync(out);
    const m = { ...manifest(3), version: 1 as const };
    const w = new InlineArrayDoc(
      join(out, 'manifest.json'),
      { version: 1, raw_dir: m.raw_dir, counts: m.counts },
      'files',
      2,
    );
    for (const e of m.files) w.add(e);
    w.finish({ tables: m.tables });
    expect((await reread(out)).entries).toEqual(m.files);
  });
});

describe('the manifest written while the tables are exported (writeManifestWhile)', () => {
  const files = (d: string) =>
    Object.fromEntries(
      readdirSync(d, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => [join(e.parentPath, e.name).slice(d.length), readFileSync(join(e.parentPath, e.name), 'utf8')]),
    );
  it.each([
    ['inline', 30, 1 << 20],
    ['in parts', 5000, 60_000],
  ])('gives the bytes writeManifest gives (%s)', async (_, n, limit) => {
    const tables = { cells: { rows: 3, sha256: 'cd'.repeat(32) } };
    const m: Manifest = {
      version: 2,
      raw_dir: 'r',
      counts: { files: n },
      files: Array.from({ length: n }, (_, i) => entry(i)),
    };
    const a = join(dir, `while-a-${n}`);
    const b = join(dir, `while-b-${n}`);
    mkdirSync(a);
    mkdirSync(b);
    const sync = writeManifest(a, { ...m, tables }, limit);
    // The tables arrive after the entries are written (a stale `tables` in the input is not kept).
    const later = new Promise<Manifest['tables']>((r) => setTimeout(() => r(tables), 20));
    const paths = await writeManifestWhile(b, { ...m, tables: { old: { rows: 1, sha256: 'x' } } }, later, limit);
    expect(paths).toEqual(sync);
    expect(files(b)).toEqual(files(a));
  });

  it('fails when the tables do', async () => {
    const b = join(dir, 'while-fail');
    mkdirSync(b);
    const m: Manifest = { version: 2, raw_dir: 'r', counts: { files: 1 }, files: [entry(1)] };
    await expect(writeManifestWhile(b, m, Promise.reject(new Error('export failed')), 1 << 20)).rejects.toThrow(
      'export failed',
    );
  });
});
