import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundleEntry } from '../src/lib/ingest/bundle.ts';
import { scratchDir } from './scratch.ts';

describe('bundleEntry (a thread entry as one module)', () => {
  const dir = scratchDir('nianbao-bundle-');
  mkdirSync(join(dir, 'lib'));
  writeFileSync(
    join(dir, 'main.ts'),
    `import { here, twice } from './lib/b.ts';\nexport const out: number = twice(21);\nexport { here };\n`,
  );
  writeFileSync(
    join(dir, 'lib', 'b.ts'),
    `export const here: string = import.meta.url;\nexport const twice = (n: number): number => 2 * n;\n`,
  );

  it('bundles TypeScript, keeping each module its own import.meta.url', async () => {
    const cache = join(dir, 'cache');
    const e = await bundleEntry(pathToFileURL(join(dir, 'main.ts')), cache);
    expect(e).not.toBeNull();
    expect(e!.execArgv).toEqual([]);
    const m = (await import(e!.url.href)) as { out: number; here: string };
    expect(m.out).toBe(42);
    // Not the bundle's URL: files beside a module are found from the bundle too.
    expect(m.here).toBe(pathToFileURL(join(dir, 'lib', 'b.ts')).href);
    // The same sources give the same file, written once.
    const again = await bundleEntry(pathToFileURL(join(dir, 'main.ts')), cache);
    expect(again!.url.href).toBe(e!.url.href);
    expect(readdirSync(cache)).toHaveLength(1);
  });

  it('is null when the sources do not build (the caller runs them with tsx)', async () => {
    writeFileSync(join(dir, 'broken.ts'), 'export const = ;\n');
    expect(await bundleEntry(pathToFileURL(join(dir, 'broken.ts')), join(dir, 'cache2'))).toBeNull();
  });
});
