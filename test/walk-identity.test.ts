import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileIdentity, settled, walkRaw } from '../src/lib/ingest/walk.ts';
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
      expect(walkRaw(dir).every((e) => e.identity)).toBe(true);
    } finally {
      if (env === undefined) delete process.env.NIANBAO_SETTLED_MS;
      else process.env.NIANBAO_SETTLED_MS = env;
    }
  });
});
