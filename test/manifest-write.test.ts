import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeManifestFile } from '../src/lib/write/manifest.ts';

const dir = mkdtempSync(join(tmpdir(), 'nianbao-manifest-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('manifest.json written entry by entry', () => {
  it('gives exactly the bytes of JSON.stringify(manifest, null, 2) and a newline', () => {
    const entry = (i: number) => ({
      path: `a/${i}-报告 "x".txt`,
      bytes: i,
      outcome: i % 2 ? 'ok' : 'rejected',
      reason: i % 2 ? null : '文件\n为空',
      same_agency_year: i % 3 ? [] : ['b/1.txt', 'b/2.txt'],
      diagnostics: i % 2 ? [] : [{ code: 'E_EMPTY', message: 'empty', file: `a/${i}`, line: null, column: null }],
      nested: { deep: { list: [1, [2, {}], []] } },
    });
    for (const files of [[], [entry(1)], Array.from({ length: 3000 }, (_, i) => entry(i))]) {
      const m = {
        generated: '2026-11-30',
        counts: { files: files.length },
        files,
        empty: {},
        list: [],
        tables: { cells: { rows: 3 } },
      };
      const p = join(dir, `m-${files.length}.json`);
      writeManifestFile(p, m);
      expect(readFileSync(p, 'utf8')).toBe(`${JSON.stringify(m, null, 2)}\n`);
    }
    const p = join(dir, 'empty.json');
    writeManifestFile(p, {});
    expect(readFileSync(p, 'utf8')).toBe(`${JSON.stringify({}, null, 2)}\n`);
  });
});
