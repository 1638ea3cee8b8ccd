import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceShas } from '../src/lib/site/source-shas.ts';
import { timesKept } from '../src/lib/ingest/walk.ts';
import { tmpdir } from 'node:os';
import { testScratchDir } from './scratch.ts';

/**
 * The raw files' hashes the incremental build's page keys remember between builds
 * (source-shas.ts): a remembered hash is used only for a file with the same identity (device,
 * inode, size, modification and change times), never for a file written since, even one whose
 * size and modification time were put back; a file written just before it was read is not
 * remembered.
 */

const hex = (s: string) => createHash('sha256').update(s).digest('hex');
const raw = process.env.NIANBAO_RAW;
afterEach(() => {
  if (raw === undefined) delete process.env.NIANBAO_RAW;
  else process.env.NIANBAO_RAW = raw;
});

function setup() {
  const dir = testScratchDir('nianbao-source-shas-');
  const root = join(dir, 'raw');
  mkdirSync(join(root, 'a'), { recursive: true });
  process.env.NIANBAO_RAW = root;
  const cache = join(dir, 'cache', 'shas.tsv');
  // Files written "long ago" for the racy rule: the clock of these tests is two minutes ahead.
  const later = () => BigInt(Date.now() + 120_000) * 1_000_000n;
  return { root, cache, later };
}

// A temporary folder on tmpfs remembers nothing (walk.ts timesKept): these tests need another.
describe.skipIf(!timesKept(tmpdir()))('SourceShas', () => {
  it('hashes the file; a remembered hash is used while the file is the same, so it is not read', () => {
    const { root, cache, later } = setup();
    writeFileSync(join(root, 'a', 'r.txt'), 'one');
    const first = new SourceShas(cache, later);
    expect(first.sha('a/r.txt')).toBe(hex('one'));
    expect(first.sha('a/missing.txt')).toBeNull();
    expect(first.sha('../outside.txt')).toBeNull();
    first.save();
    // The cache file's hash stands for the file while its identity is unchanged: plant another.
    const text = readFileSync(cache, 'utf8');
    expect(text).toContain(hex('one'));
    writeFileSync(cache, text.replace(hex('one'), hex('planted')));
    expect(new SourceShas(cache, later).sha('a/r.txt')).toBe(hex('planted'));
  });

  it('reads the file again once it was written, even with its size and modification time put back', async () => {
    const { root, cache, later } = setup();
    const file = join(root, 'a', 'r.txt');
    writeFileSync(file, 'one');
    // A whole second, so that putting it back gives the very nanoseconds.
    utimesSync(file, 1_600_000_000, 1_600_000_000);
    const s = new SourceShas(cache, later);
    expect(s.sha('a/r.txt')).toBe(hex('one'));
    s.save();
    const before = statSync(file, { bigint: true });
    // Past the file system's clock tick (a few ms), as between an ingest and an edit.
    await new Promise((r) => setTimeout(r, 50));
    writeFileSync(file, 'two');
    utimesSync(file, 1_600_000_000, 1_600_000_000);
    const after = statSync(file, { bigint: true });
    expect([after.ino, after.size, after.mtimeNs]).toEqual([before.ino, before.size, before.mtimeNs]);
    expect(new SourceShas(cache, later).sha('a/r.txt')).toBe(hex('two'));
    rmSync(file);
    expect(new SourceShas(cache, later).sha('a/r.txt')).toBeNull();
  });

  it('does not remember a file written less than a minute before it was read, nor files not asked for in this build', () => {
    const { root, cache, later } = setup();
    writeFileSync(join(root, 'a', 'new.txt'), 'fresh');
    writeFileSync(join(root, 'a', 'old.txt'), 'old');
    const now = new SourceShas(cache);
    expect(now.sha('a/new.txt')).toBe(hex('fresh'));
    now.save();
    expect(readFileSync(cache, 'utf8')).not.toContain(hex('fresh'));
    // Half a minute later: a write through a memory map may not have moved the times yet.
    const soon = new SourceShas(cache, () => BigInt(Date.now() + 30_000) * 1_000_000n);
    expect(soon.sha('a/new.txt')).toBe(hex('fresh'));
    soon.save();
    expect(readFileSync(cache, 'utf8')).not.toContain(hex('fresh'));
    const a = new SourceShas(cache, later);
    a.sha('a/old.txt');
    a.save();
    const b = new SourceShas(cache, later);
    b.sha('a/new.txt');
    b.save();
    const text = readFileSync(cache, 'utf8');
    expect(text).toContain(hex('fresh'));
    expect(text).not.toContain(hex('old'));
  });

  it('ignores a cache file of another format or with broken lines', () => {
    const { root, cache, later } = setup();
    writeFileSync(join(root, 'a', 'r.txt'), 'one');
    mkdirSync(join(cache, '..'), { recursive: true });
    writeFileSync(cache, 'something else\nxx\tyy\tzz\n');
    expect(new SourceShas(cache, later).sha('a/r.txt')).toBe(hex('one'));
  });
});
