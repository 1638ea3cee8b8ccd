/**
 * The ingest-speed part of `npm run bench -- --compare-ingest REF`: the same corpus ingested by
 * this tree and by an earlier commit (REF, checked out into a temporary git worktree that shares
 * this tree's node_modules), in alternating pairs so that a change in the machine's load hits
 * both sides alike. Reports each side's median wall time and the ratio.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function ingestSeconds(cwd: string, raw: string, out: string): number {
  const started = Date.now();
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/ingest.ts', '--raw', raw, '--out', out, '--quiet'],
    {
      cwd,
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    },
  );
  if (r.status !== 0) throw new Error(`ingest in ${cwd} failed: ${(r.stderr ?? '').slice(-400)}`);
  return (Date.now() - started) / 1000;
}

export function compareIngest(raw: string, ref: string, pairs = 3): string {
  const tmp = mkdtempSync(join(tmpdir(), 'nianbao-compare-'));
  const tree = join(tmp, 'ref');
  const add = spawnSync('git', ['worktree', 'add', '--detach', tree, ref], { encoding: 'utf8' });
  if (add.status !== 0) return `### Ingest speed against ${ref}\n\ngit worktree failed: ${add.stderr.trim()}\n`;
  try {
    symlinkSync(resolve('node_modules'), join(tree, 'node_modules'));
    const here: number[] = [];
    const then: number[] = [];
    for (let i = 0; i < pairs; i++) {
      then.push(ingestSeconds(tree, raw, join(tmp, 'out-ref')));
      here.push(ingestSeconds(process.cwd(), raw, join(tmp, 'out-here')));
    }
    const ratio = median(here) / median(then);
    const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(', ');
    return `### Ingest speed against ${ref} (${pairs} alternating pairs, same corpus, default workers)

| code | runs (s) | median |
|---|---|---:|
| ${ref} | ${fmt(then)} | ${median(then).toFixed(1)} s |
| this tree | ${fmt(here)} | ${median(here).toFixed(1)} s |

This tree takes ${(ratio * 100).toFixed(0)} % of ${ref}'s time (${ratio <= 1.1 ? 'within' : '**beyond**'} the 10 % allowed).
`;
  } finally {
    spawnSync('git', ['worktree', 'remove', '--force', tree]);
    if (existsSync(tmp)) rmSync(tmp, { recursive: true, force: true });
  }
}
