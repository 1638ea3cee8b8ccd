import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columns } from '../src/lib/schema/datasets.ts';

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

/** The `| column | type | meaning |` rows of one `## <table> —` section of docs/datasets.md, in order. */
export function documentedColumns(md: string, table: string): Array<{ name: string; type: string }> {
  const text = `\n${md}`;
  const start = text.indexOf(`\n## ${table} —`);
  if (start < 0) return [];
  const end = text.indexOf('\n## ', start + 1);
  const out: Array<{ name: string; type: string }> = [];
  for (const line of text.slice(start, end < 0 ? undefined : end).split('\n')) {
    const m = /^\| ([a-z_][a-z0-9_, ]*) \| ([A-Z]+) \|/.exec(line);
    // `| province, city, county, township | VARCHAR |` is four columns of one type.
    if (m) for (const name of m[1]!.split(', ')) out.push({ name, type: m[2]! });
  }
  return out;
}

describe('the data contract (docs/datasets.md)', () => {
  it("reads a section's column rows (the checker can fail)", () => {
    const md =
      '## reports — x\n\n| column | type | meaning |\n|---|---|---|\n| a | INTEGER | m |\n| b, c | VARCHAR | |\n\n## cells — y\n| d | DATE | |\n';
    expect(documentedColumns(md, 'reports')).toEqual([
      { name: 'a', type: 'INTEGER' },
      { name: 'b', type: 'VARCHAR' },
      { name: 'c', type: 'VARCHAR' },
    ]);
  });
  it('lists the reports columns in the published order, with their types (a column is only appended)', () => {
    const md = readFileSync(join('docs', 'datasets.md'), 'utf8');
    expect(documentedColumns(md, 'reports')).toEqual(columns('reports'));
    // The columns added since the first release, each appended after the one before.
    expect(
      columns('reports')
        .slice(-7)
        .map((c) => c.name),
    ).toEqual([
      'period_year',
      'same_agency_year',
      'title_agency',
      'second_report_line',
      'checks_not_assessable',
      'superseded_by',
      'checks_passed',
    ]);
  });
  it('lists the cells columns in the published order, with their types', () => {
    const md = readFileSync(join('docs', 'datasets.md'), 'utf8');
    expect(documentedColumns(md, 'cells')).toEqual(columns('cells'));
  });
});
