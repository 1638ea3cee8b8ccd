import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The documents a newcomer reads link only to files that exist in the repository: a link to a
 * path outside it (such as ../shared/…) works on one machine and nowhere else.
 */
const ROOT = resolve('.');
const DOCS = [
  'README.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  ...readdirSync('docs')
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

/** Relative targets of Markdown links `[text](target)` and of bare backticked paths like `../x/y.md`. */
export function localLinks(md: string): string[] {
  const out: string[] = [];
  for (const m of md.matchAll(/\]\(([^)\s]+)\)/g)) {
    const t = m[1]!;
    if (/^[a-z]+:/i.test(t) || t.startsWith('#') || t.startsWith('/')) continue;
    out.push(t.split('#')[0]!);
  }
  for (const m of md.matchAll(/`(\.\.\/[^`\s]+)`/g)) out.push(m[1]!);
  return out;
}

describe('documentation links', () => {
  it('finds links (the checker can fail)', () => {
    expect(localLinks('see [a](docs/a.md#x), [b](https://x.org), `../shared/spec/datasets.md`')).toEqual([
      'docs/a.md',
      '../shared/spec/datasets.md',
    ]);
  });
  for (const doc of DOCS) {
    it(`${doc}: every relative link points to a file inside the repository`, () => {
      const bad: string[] = [];
      for (const link of localLinks(readFileSync(doc, 'utf8'))) {
        const target = resolve(dirname(doc), link);
        if (relative(ROOT, target).startsWith('..') || !existsSync(target)) bad.push(link);
      }
      expect(bad).toEqual([]);
    });
  }
  it('the data contract and the layout spec are in the repository', () => {
    expect(existsSync(join('docs', 'datasets.md'))).toBe(true);
    expect(existsSync(join('docs', 'template.md'))).toBe(true);
  });
});
