import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { patchEventTarget } from '../scripts/linkedom-listeners.mjs';

const patch = patchEventTarget as (source: string) => string;
const installed = (build: 'esm' | 'cjs') =>
  readFileSync(`node_modules/linkedom/${build}/interface/event-target.js`, 'utf8');

describe('linkedom listener maps made lazily (scripts/linkedom-listeners.mjs)', () => {
  it('applies to the installed linkedom, ESM and CommonJS (a new version: look at the hook again)', () => {
    for (const build of ['esm', 'cjs'] as const) {
      const source = installed(build);
      const patched = patch(source);
      expect(patched, build).not.toBe(source);
      expect(patched).not.toContain('wm.set(this, new Map);\n  }');
      expect(patched).toContain('if (!map) wm.set(this, (map = new Map));');
    }
  });

  it('leaves a text it does not know as it is', () => {
    expect(patch('class DOMEventTarget { constructor() { wm.set(this, new Map) } }')).toBe(
      'class DOMEventTarget { constructor() { wm.set(this, new Map) } }',
    );
  });

  it('under the hook, events still reach their listeners, and charts draw the same bytes', () => {
    const script = `
      import { parseHTML } from 'linkedom';
      const { document, window } = parseHTML('<p></p>');
      const p = document.querySelector('p');
      p.removeEventListener('click', () => {});
      let calls = 0;
      const f = () => calls++;
      p.addEventListener('click', f);
      p.dispatchEvent(new window.Event('click'));
      p.removeEventListener('click', f);
      p.dispatchEvent(new window.Event('click'));
      const { yearLines } = await import('./src/lib/site/charts.ts');
      const svg = yearLines([{ year: 2020, value: 3, series: '予以公开' }, { year: 2021, value: 5, series: '予以公开' }], 't', 'd');
      console.log(JSON.stringify({ calls, svg }));`;
    const runIt = (hook: boolean) => {
      const r = spawnSync(
        process.execPath,
        [
          ...(hook ? ['--import', './scripts/linkedom-listeners.mjs'] : []),
          '--import',
          'tsx',
          '--input-type=module',
          '-e',
          script,
        ],
        { encoding: 'utf8' },
      );
      expect(r.stderr).toBe('');
      return JSON.parse(r.stdout) as { calls: number; svg: string };
    };
    const withHook = runIt(true);
    expect(withHook.calls).toBe(1);
    expect(withHook.svg).toBe(runIt(false).svg);
  });
});
