import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileIdentity, readRawAs, settled, timesKept, walkRaw } from '../src/lib/ingest/walk.ts';
import { testScratchDir } from './scratch.ts';

/**
 * An incremental ingest takes a file the previous run read, unread, when its identity is the
 * one recorded then (walk.ts, write/retained.ts): anything that may have changed its bytes must
 * change its identity, and a file changed too recently to tell has none.
 */
describe('a raw file’s identity', () => {
  const identityOf = (file: string) => fileIdentity(statSync(file, { bigint: true }));

  it('changes when the file is written again, even to the same size with its time put back', () => {
    const dir = testScratchDir('nianbao-identity-');
    const file = join(dir, 'a.txt');
    writeFileSync(file, '收到申请 12 件');
    const before = identityOf(file);
    expect(before).toMatch(/^\d+:\d+:\d+:\d+:\d+$/);
    expect(identityOf(file)).toBe(before);
    // Its times kept to the nanosecond (`touch -r`; utimes from JavaScript cannot).
    const times = join(dir, 'times');
    writeFileSync(times, '');
    execFileSync('touch', ['-r', file, times]);
    // The change time moves on a clock that ticks every few milliseconds.
    const until = Date.now() + 20;
    while (Date.now() < until);
    writeFileSync(file, '收到申请 13 件');
    execFileSync('touch', ['-r', times, file]);
    expect(statSync(file, { bigint: true }).mtimeNs).toBe(statSync(times, { bigint: true }).mtimeNs);
    expect(identityOf(file)).not.toBe(before);
  });

  it('is not given to a file changed within the settling time before the walk', () => {
    const dir = testScratchDir('nianbao-identity-');
    writeFileSync(join(dir, 'new.txt'), 'x');
    writeFileSync(join(dir, 'old.txt'), 'x');
    const s = statSync(join(dir, 'old.txt'), { bigint: true });
    expect(settled(s, s.ctimeNs + 1000n, 1000n)).toBe(false);
    expect(settled(s, s.ctimeNs + 1001n, 1000n)).toBe(true);
    expect(settled(s, s.ctimeNs + 59_000_000_000n)).toBe(false);
    const env = process.env.NIANBAO_SETTLED_MS;
    try {
      delete process.env.NIANBAO_SETTLED_MS;
      expect(walkRaw(dir).map((e) => e.identity)).toEqual([undefined, undefined]);
      process.env.NIANBAO_SETTLED_MS = '-1';
      // (A temporary folder on tmpfs gives none: below.)
      expect(walkRaw(dir).every((e) => e.identity)).toBe(timesKept(dir));
    } finally {
      if (env === undefined) delete process.env.NIANBAO_SETTLED_MS;
      else process.env.NIANBAO_SETTLED_MS = env;
    }
  });

  it('is what the file was read as only when the file opened is the one walked, unchanged', () => {
    const dir = testScratchDir('nianbao-identity-');
    const file = join(dir, 'a.txt');
    writeFileSync(file, '收到申请 12 件');
    const walked = fileIdentity(statSync(file, { bigint: true }));
    expect(readRawAs(file, walked)).toEqual({ bytes: Buffer.from('收到申请 12 件'), identity: walked });
    expect(readRawAs(file).identity).toBeNull();
    // Another file put in its place after the walk (a folder swapped, a rename over it).
    writeFileSync(join(dir, 'b.txt'), '收到申请 13 件');
    renameSync(join(dir, 'b.txt'), file);
    expect(readRawAs(file, walked)).toEqual({ bytes: Buffer.from('收到申请 13 件'), identity: null });
  });

  it.skipIf(!existsSync('/dev/shm') || timesKept('/dev/shm'))(
    'is not given on tmpfs, where a write through a memory map never moves the times',
    () => {
      const dir = mkdtempSync('/dev/shm/nianbao-identity-');
      const env = process.env.NIANBAO_SETTLED_MS;
      try {
        writeFileSync(join(dir, 'a.txt'), 'x');
        process.env.NIANBAO_SETTLED_MS = '-1';
        expect(timesKept(dir)).toBe(false);
        expect(walkRaw(dir).map((e) => e.identity)).toEqual([undefined]);
      } finally {
        if (env === undefined) delete process.env.NIANBAO_SETTLED_MS;
        else process.env.NIANBAO_SETTLED_MS = env;
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
