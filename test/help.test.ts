import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { usageOf } from '../scripts/help.ts';

describe('--help on every npm script: the usage, and nothing run', () => {
  it('usageOf: the header comment without its comment marks', () => {
    expect(usageOf('/**\n * npm run x [-- --y]\n *   does x\n */\nimport a from "b";')).toBe(
      'npm run x [-- --y]\n  does x',
    );
    expect(usageOf('const x = 1;')).toBe('');
  });

  // A fresh tester's `npm run build -- --help` built the site and replaced dist/, and
  // `npm run bench -- --help` started the whole benchmark.
  it.each(['build', 'bench', 'bench-update', 'lighthouse', 'search-index'])(
    '%s --help prints its usage and exits 0',
    (s) => {
      const r = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${s}.ts`, '--help'], {
        encoding: 'utf8',
        timeout: 60_000,
        env: { ...process.env, NIANBAO_DATA: '/nonexistent-help-test' },
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toMatch(/^npm run /);
    },
  );
});
