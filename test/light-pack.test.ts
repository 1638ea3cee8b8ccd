import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serialize } from 'node:v8';
import { afterAll, describe, expect, it } from 'vitest';
import type { FileResult } from '../src/lib/ingest/analyze.ts';
import {
  LightPackWriter,
  MAX_PACKS,
  lightEntry,
  lightOf,
  readEntries,
  type PackIndex,
} from '../src/lib/ingest/light-pack.ts';
import { mulberry32 } from './helpers.ts';

/**
 * The light packs (src/lib/ingest/light-pack.ts): entries written in order are read back as
 * they were, a batch at a time or one by one; an entry taken from a previous pack stays where it
 * is, the others go to the run's own pack, and many packs or mostly dead ones become one. An
 * entry is taken only for the very file it names, and damaged bytes never. The run that uses
 * them: test/analysis-cache.test.ts.
 */

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
let made = 0;
const newPack = () => join(tmp, `p${made++}.pack`);

type Ok = Extract<FileResult, { rejected: null }>;
/** A result as a worker returns it (rows as bytes, marks of this run), enough for the pack. */
const result = (i: number, title = `第${i}号报告`): Ok =>
  ({
    path: `p/${String(i).padStart(4, '0')}.txt`,
    size: 100 + i,
    sha256: String(i % 10).repeat(64),
    rejected: null,
    report: { title },
    cells: [],
    checks: [],
    sections: [],
    counts: { cells: i, checks: 0, sections: 1 },
    ndjson: { cells: new Uint8Array([1, 2]), checks: new Uint8Array(), sections: new Uint8Array() },
    retained: true,
    identity: `1:${i}:2:3:4`,
  }) as unknown as Ok;

const fileOf = (r: Ok) => ({ path: r.path, size: r.size, sha256: r.sha256 });
const all = Array.from({ length: 300 }, (_, i) => result(i));

/** Every entry of `index` read and taken for `results`, in one batch. */
function readAll(index: PackIndex, results: Ok[]): Map<string, FileResult | null> {
  const open = new Map<string, number | null>();
  const got = readEntries(
    results.map((r) => index.get(r.path)!),
    open,
  );
  return new Map(results.map((r, k) => [r.path, got[k] ? lightEntry(got[k], fileOf(r)) : null]));
}

describe('the light packs', () => {
  const w = new LightPackWriter(newPack);
  for (const r of all) w.add(r);
  // A rejected file and one without counted rows have no entry.
  w.add({ path: 'x', size: 1, sha256: null, rejected: { reason: 'r', diagnostics: [] } });
  w.add({ ...result(999), counts: undefined });
  const first = w.close();

  it('keeps each entry without its rows and this run’s marks, in order, in one pack', () => {
    expect(first).toHaveLength(1);
    expect([...w.index.keys()]).toEqual(all.map((r) => r.path));
    for (const r of all) {
      const e = readAll(w.index, [r]).get(r.path);
      expect(e).toEqual(lightOf(r));
      expect(e).not.toHaveProperty('ndjson');
      expect(e).not.toHaveProperty('retained');
      expect(e).not.toHaveProperty('identity');
    }
  });

  it('reads any subset, close together or far apart, as written', () => {
    const rand = mulberry32(20261205);
    for (let round = 0; round < 50; round++) {
      const pick = all.filter(() => rand() < (round % 2 ? 0.02 : 0.5));
      const got = readAll(w.index, pick);
      for (const r of pick) expect(got.get(r.path)).toEqual(lightOf(r));
    }
  });

  it('an update keeps the entries taken from the packs where they are, and writes the others into a pack of its own', () => {
    const before = readFileSync(first[0]!);
    // Every 10th file changed (a new title), every 7th gone.
    const next = all.filter((_, i) => i % 7 !== 3).map((r, i) => (i % 10 === 0 ? result(all.indexOf(r), '改') : r));
    const u = new LightPackWriter(newPack, w.index);
    for (const r of next) u.add(r, r.report.title !== '改');
    const packs = u.close();
    expect(packs).toHaveLength(2);
    expect(readFileSync(first[0]!)).toEqual(before);
    const own = packs.find((f) => f !== first[0]);
    for (const r of next) {
      expect(u.index.get(r.path)!.file).toBe(r.report.title === '改' ? own : first[0]);
      expect(readAll(u.index, [r]).get(r.path)).toEqual(lightOf(r));
    }
    // All in one batch: one read per pack.
    const got = readAll(u.index, next);
    for (const r of next) expect(got.get(r.path)).toEqual(lightOf(r));
  });

  it(`writes one pack again when the entries are in more than ${MAX_PACKS} packs, or mostly dead`, () => {
    let index = w.index;
    let packs: string[] = [];
    const rand = mulberry32(3);
    let current = all;
    for (let round = 0; round < 12; round++) {
      // A few files change each time: each update adds a pack, until they are written into one.
      const changedNow = new Set<string>();
      current = current.map((r) => {
        if (rand() >= 0.05) return r;
        changedNow.add(r.path);
        return result(Number(r.path.slice(2, 6)), `改${round}`);
      });
      const u = new LightPackWriter(newPack, index);
      // A file whose entry was written last time is taken from it; a changed one is not.
      for (const r of current) u.add(r, !changedNow.has(r.path));
      packs = u.close();
      expect(packs.length).toBeLessThanOrEqual(MAX_PACKS);
      for (const f of packs) expect(existsSync(f)).toBe(true);
      const got = readAll(u.index, current);
      for (const r of current) expect(got.get(r.path)).toEqual(lightOf(r));
      index = u.index;
    }
    // Mostly dead: one file of 300 left, and its entry is in a pack of all 300.
    const u = new LightPackWriter(newPack, w.index);
    u.add(all[5]!, true);
    const one = u.close();
    expect(one).toHaveLength(1);
    expect(one[0]).not.toBe(first[0]);
    expect(statSync(one[0]!).size).toBe(u.index.get(all[5]!.path)!.length);
    expect(readAll(u.index, [all[5]!]).get(all[5]!.path)).toEqual(lightOf(all[5]!));
  });

  it('keeps only the entries of the files the ledger records, and no pack of its own that holds none of them', () => {
    const u = new LightPackWriter(newPack, w.index);
    // Taken: stays in the first pack. New: in this run's pack, but a copy of another file.
    for (const r of all) u.add(r.path === all[2]!.path ? result(2, '副本') : r, r.path !== all[2]!.path);
    const packs = u.close((p) => p !== all[2]!.path);
    expect(packs).toEqual(first);
    expect([...u.index.keys()]).toEqual(all.filter((r) => r !== all[2]).map((r) => r.path));
    expect(existsSync(join(tmp, `p${made - 1}.pack`))).toBe(false);
  });

  it('never gives damaged bytes for an entry: any byte of a pack changed leaves out the entry it falls in', () => {
    const rand = mulberry32(7);
    const bytes = readFileSync(first[0]!);
    const damaged = join(tmp, 'damaged.pack');
    const index: PackIndex = new Map([...w.index].map(([p, ref]) => [p, { ...ref, file: damaged }]));
    for (let round = 0; round < 200; round++) {
      const bad = Buffer.from(bytes);
      const at = Math.floor(rand() * bad.length);
      bad[at]! ^= 1 + Math.floor(rand() * 255);
      writeFileSync(damaged, bad);
      const got = readEntries(
        all.map((r) => index.get(r.path)!),
        new Map(),
      );
      const hit = all.findIndex((r) => {
        const { at: from, length } = index.get(r.path)!;
        return at >= from && at < from + length;
      });
      got.forEach((b, k) => {
        if (k === hit) expect(b).toBeNull();
        else expect(lightEntry(b!, fileOf(all[k]!))).toEqual(lightOf(all[k]!));
      });
    }
    // Cut short, or gone: no entry rather than a wrong one.
    writeFileSync(damaged, bytes.subarray(0, bytes.length >> 1));
    const cut = readEntries(
      all.map((r) => index.get(r.path)!),
      new Map(),
    );
    expect(cut.filter((b) => b === null).length).toBeGreaterThan(all.length / 3);
    cut.forEach((b, k) => b && expect(lightEntry(b, fileOf(all[k]!))).toEqual(lightOf(all[k]!)));
    rmSync(damaged);
    expect(readEntries([index.get(all[0]!.path)!], new Map())).toEqual([null]);
  });

  it('takes an entry only for the file it names', () => {
    const r = all[7]!;
    const bytes = serialize(lightOf(r));
    expect(lightEntry(bytes, fileOf(r))).toEqual(lightOf(r));
    expect(lightEntry(bytes, { ...fileOf(r), sha256: 'f'.repeat(64) })).toBeNull();
    expect(lightEntry(bytes, { ...fileOf(r), size: r.size + 1 })).toBeNull();
    expect(lightEntry(bytes, { ...fileOf(r), path: 'p/other.txt' })).toBeNull();
    expect(lightEntry(serialize({ ...lightOf(r), rejected: { reason: 'x', diagnostics: [] } }), fileOf(r))).toBeNull();
    expect(lightEntry(serialize(null), fileOf(r))).toBeNull();
  });
});
