import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sha } from './helpers.ts';

/**
 * What the command line refuses before it reads or writes anything: a raw folder that is not
 * there (or not a folder, or empty), and an output folder holding files that publishing would
 * remove. And one spelling of the raw folder is one set of datasets.
 */

const tmp = mkdtempSync(join(tmpdir(), 'nianbao-guards-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const raw = join(tmp, 'raw');
cpSync('data/raw', raw, { recursive: true });

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
