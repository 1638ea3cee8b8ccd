import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, inject, it } from 'vitest';
import type { CellRow, Manifest, ReportRow } from '../src/lib/schema/datasets.ts';
import { formCells } from './helpers.ts';
import {
  AGENCY_DISPUTED_FILE,
  AGENCY_DISPUTED_TITLE_NAME,
  CONFLICT_FILES,
  DISPUTED_FILE,
  CORRECTED_FILES,
  NAMESAKE_FILES,
  NO_YEAR_FILE,
  NO_YEAR_REASON,
  SYNTHETIC_PART_BYTES,
} from './global-setup.ts';
import { NAMESAKE_NOTE, agencyKey, placeKnown } from '../src/lib/site/agencies.ts';
import { parquetOf, reportIndex } from './published.ts';
import { readLayout } from '../src/lib/write/layout.ts';
import { parseSums } from '../src/lib/write/generation.ts';
import { manifestEntries } from '../src/lib/write/manifest.ts';
import { query } from './query.ts';
import { pageRecord } from '../src/lib/search/record.ts';
import { SUB_SITE_URL } from './global-setup.ts';

/**
 * The data page's nianbao.sql example as one SQL text against the files in `dataDir`: the
 * `.read` command (DuckDB's shell) replaced by the file itself, the site's address by the folder.
 */
function viewsExample(doc: Document, dataDir: string): string {
  const code = doc.querySelector('pre[data-example="duckdb-views"]')!.textContent;
  expect(code).toContain('.read nianbao.sql');
  return code
    .replaceAll('https://本站地址/data/', `${dataDir}/`)
    .replace('.read nianbao.sql', readFileSync(join(dataDir, 'nianbao.sql'), 'utf8'));
}

/** The site built from the bundled samples (test/global-setup.ts): checks what a reader sees against the datasets. */
describe('the built site (sample reports)', () => {
  const { data, dist, distSub: sub } = inject('sites').samples;
  const page = (path: string) => parseHTML(readFileSync(join(dist, path), 'utf8')).document;

  const cellsOf = () => query<CellRow>(`SELECT * FROM '${join(data, 'cells.parquet')}'`);

  it('writes two files per report: the page (holding its source view) and the JSON; no source page, no CSV', () => {
    const manifest = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')) as Manifest;
    const ids = [...new Set(manifest.files.flatMap((f) => (f.report_id ? [f.report_id] : [])))];
    expect(ids.length).toBe(5);
    for (const id of ids) {
      expect(existsSync(join(dist, `reports/${id}.json`)), `${id}.json`).toBe(true);
      expect(readdirSync(join(dist, 'reports', id)), id).toEqual(['index.html']);
      expect(page(`reports/${id}/index.html`).querySelector('section#source pre.source'), id).not.toBeNull();
      expect(existsSync(join(dist, `reports/${id}.csv`)), `${id}.csv`).toBe(false);
    }
    const perReport = readdirSync(join(dist, 'reports')).filter((e) => /^[0-9a-f]{16}/.test(e));
    expect(perReport).toHaveLength(2 * ids.length);
  });

  it('every number on a report page equals the dataset, and blanks are not shown as 0', async () => {
    const cells = await cellsOf();
    let numbers = 0;
    let blanks = 0;
    const reports = new Map(
      (await query<ReportRow>(`SELECT * FROM '${join(data, 'reports.parquet')}'`)).map((r) => [r.report_id, r]),
    );
    for (const id of new Set(cells.map((c) => c.report_id))) {
      const own = cells.filter((x) => x.report_id === id);
      const tds = formCells(page(`reports/${id}/index.html`), reports.get(id)!, own);
      for (const c of own) {
        const td = tds.get(`${c.table_id}.${c.row_key}.${c.col_key}`);
        expect(td, `${id} ${c.table_id}.${c.row_key}.${c.col_key}`).not.toBeNull();
        if (c.state === 'number') {
          expect(Number(td!.textContent.replace(/,/g, ''))).toBe(c.value);
          expect(td!.querySelector('a')!.getAttribute('href')).toContain(`#L${c.line}`);
          numbers++;
        } else {
          expect(td!.textContent).not.toBe('0');
          expect(td!.getAttribute('title')).toBeTruthy();
          expect(td!.className).toBe(c.state);
          if (c.state === 'blank') blanks++;
        }
      }
    }
    expect(numbers + blanks).toBe(cells.length);
    expect(blanks).toBe(6 * 23); // 驼峰路: six blank applicant cells in each row of 三
  });

  it('a number links to the source line that holds it', async () => {
    const doc = page('reports/73637db0b893b0ab/index.html');
    const own = (await cellsOf()).filter((c) => c.report_id === '73637db0b893b0ab');
    const [report] = await query<ReportRow>(
      `SELECT * FROM '${join(data, 'reports.parquet')}' WHERE report_id = '73637db0b893b0ab'`,
    );
    const a = formCells(doc, report!, own).get('active.licensing.decisions')!.querySelector('a')!;
    expect(a.textContent).toBe('8,458');
    // The line is on the same page, in its #source section.
    expect(a.getAttribute('href')).toMatch(/^#L\d+$/);
    const line = doc.querySelector(`section#source [id="${a.getAttribute('href')!.slice(1)}"]`)!;
    expect(line.textContent).toContain('8458');
    expect(doc.querySelector('a[href="#source"]')).not.toBeNull();
  });

  it('text-only reports say so and show no table', () => {
    const doc = page('reports/800650f213f3cc77/index.html');
    expect(doc.querySelector('table.form')).toBeNull();
    expect(doc.body.textContent).toContain('仅文字');
  });

  it('every directory level has an index: agencies (by province), years and kinds', () => {
    const agencies = page('agencies/index.html');
    const listed = new Set(
      [...agencies.querySelectorAll('#agency-list a[href*="/agencies/"]')].map((a) =>
        a.getAttribute('href')!.split('/').at(-2),
      ),
    );
    const built = readdirSync(join(dist, 'agencies')).filter((d) => d !== 'index.html');
    expect(built.length).toBeGreaterThan(0);
    expect([...listed].sort()).toEqual(built.sort());
    expect(agencies.querySelector('input[data-filter-target]')).not.toBeNull();
    const years = page('years/index.html');
    for (const y of readdirSync(join(dist, 'years')).filter((d) => /^\d{4}$/.test(d)))
      expect(years.querySelector(`a[href$="/years/${y}/"]`), y).not.toBeNull();
    const kinds = page('kinds/index.html');
    expect(kinds.querySelectorAll('a[href*="/kinds/"]').length).toBe(
      readdirSync(join(dist, 'kinds')).filter((d) => d !== 'index.html').length,
    );
  });

  it('text-only reports are never called consistent (一致): 无表格可核对', () => {
    const list = page('reports/index.html');
    const index = JSON.parse(readFileSync(join(dist, 'reports/index.json'), 'utf8')) as {
      reports: Array<{ report_id: string; status: string }>;
    };
    const textOnly = index.reports.filter((r) => r.status === 'text_only');
    expect(textOnly.length).toBeGreaterThan(0);
    for (const r of textOnly) {
      const row = list.querySelector(`a[href$="/reports/${r.report_id}/"]`)!.closest('tr')!;
      expect(row.textContent).toContain('无表格可核对');
      expect(page(`reports/${r.report_id}/index.html`).querySelector('dl.meta')!.textContent).not.toContain(
        '核对未发现不一致',
      );
    }
  });

  it('internal links resolve', () => {
    const files = readdirSync(dist, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.html'));
    for (const f of files) {
      for (const a of page(f).querySelectorAll('a[href^="/"]')) {
        const href = decodeURIComponent(a.getAttribute('href')!.split('#')[0]!);
        const target = join(dist, href.endsWith('/') ? `${href}index.html` : href);
        expect(existsSync(target), `${f} → ${href}`).toBe(true);
      }
    }
  });

  it('agency, region, year, quality and about pages exist and agree with the datasets', () => {
    expect(existsSync(join(dist, 'about/index.html'))).toBe(true);
    const region = page('regions/320211/index.html');
    expect(region.querySelector('h1')!.textContent).toBe('滨湖区');
    // 2020 row: one report, 3 new requests (无锡市滨湖区行政审批局).
    const row = [...region.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent === '2020')!;
    expect(row.querySelectorAll('td')[1]!.textContent).toBe('3');
    const year = page('years/2020/index.html');
    expect(year.querySelector('h1')!.textContent).toContain('4 份');
    const quality = page('quality/index.html');
    expect(quality.body.textContent).toContain('表格不完整、缺失或未解析的报告（1）');
    const unplaced = page('regions/unplaced/index.html');
    expect(unplaced.querySelector('h1')!.textContent).toContain('地区未确定或有重名的报告（0）');
    const report = page('reports/f2402906da5a6c27/index.html');
    const agency = report.querySelector('dl.meta a[href*="/agencies/"]')!.getAttribute('href')!;
    expect(page(`${agency.slice(1)}index.html`).querySelector('h1')!.textContent).toBe('驼峰路街道办事处');
  });

  it('names each page for link previews, and with SITE_URL its own address (canonical)', () => {
    const report = page('reports/f2402906da5a6c27/index.html');
    const meta = (doc: Document, p: string) => doc.querySelector(`meta[property="${p}"]`)?.getAttribute('content');
    expect(meta(report, 'og:site_name')).toBe('年报开放数据');
    expect(meta(report, 'og:locale')).toBe('zh_CN');
    expect(meta(report, 'og:title')).toBe(report.querySelector('title')!.textContent.replace(/ · 年报开放数据$/, ''));
    // No SITE_URL: no address to name.
    expect(report.querySelector('link[rel="canonical"]')).toBeNull();
    const subPage = (path: string) => parseHTML(readFileSync(join(sub, path), 'utf8')).document;
    const canonical = (doc: Document) => doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
    expect(canonical(subPage('reports/f2402906da5a6c27/index.html'))).toBe(
      `${SUB_SITE_URL}/nianbao/reports/f2402906da5a6c27/`,
    );
    expect(meta(subPage('index.html'), 'og:url')).toBe(`${SUB_SITE_URL}/nianbao/`);
    expect(canonical(subPage('404.html'))).toBeUndefined();
  });

  it('describes the datasets as a schema.org Dataset whose every download is a published file', () => {
    for (const [dir, prefix] of [
      [dist, ''],
      [sub, `${SUB_SITE_URL}/nianbao/data/`],
    ] as const) {
      const doc = parseHTML(readFileSync(join(dir, 'data/index.html'), 'utf8')).document;
      const scripts = [...doc.querySelectorAll('script[type="application/ld+json"]')];
      expect(scripts).toHaveLength(1);
      const ld = JSON.parse(scripts[0]!.textContent) as {
        '@type': string;
        license: string;
        temporalCoverage: string;
        distribution: Array<{ contentUrl: string; encodingFormat: string }>;
      };
      expect(ld['@type']).toBe('Dataset');
      expect(ld.license).toBe('https://creativecommons.org/licenses/by/4.0/');
      expect(ld.temporalCoverage).toMatch(/^20\d\d(\/20\d\d)?$/);
      const names = readFileSync(join(dir, 'data/SHA256SUMS'), 'utf8')
        .trim()
        .split('\n')
        .map((l) => l.split(/\s+\*?/)[1]);
      expect(ld.distribution.length).toBeGreaterThanOrEqual(10);
      for (const d of ld.distribution) {
        const rel = prefix ? d.contentUrl.slice(prefix.length) : d.contentUrl.replace(/^\.\//, '');
        if (prefix) expect(d.contentUrl.startsWith(prefix), d.contentUrl).toBe(true);
        expect(existsSync(join(dir, 'data', rel)), d.contentUrl).toBe(true);
        expect(names, d.contentUrl).toContain(rel);
      }
      expect(ld.distribution.map((d) => d.encodingFormat)).toContain('application/vnd.apache.parquet');
    }
  });

  it("leaves the page's own label 报告开头 out of a report's search text (a fresh user's t39: excerpts began with it)", () => {
    let opened = 0;
    for (const id of readdirSync(join(dist, 'reports')).filter((e) => /^[0-9a-f]{16}$/.test(e))) {
      const html = readFileSync(join(dist, 'reports', id, 'index.html'), 'utf8');
      if (!html.includes('>报告开头<')) continue;
      opened++;
      const r = pageRecord(html, `/reports/${id}/`)!;
      expect(r.content).toContain('报告正文');
      expect(r.content, id).not.toContain('报告开头');
    }
    expect(opened).toBeGreaterThan(0);
  });

  it('works under a sub-path (BASE_PATH)', () => {
    const files = readdirSync(sub, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.html'));
    let links = 0;
    for (const f of files) {
      const doc = parseHTML(readFileSync(join(sub, f), 'utf8')).document;
      for (const el of [...doc.querySelectorAll('a[href^="/"]'), ...doc.querySelectorAll('link[href^="/"]')]) {
        const href = decodeURIComponent(el.getAttribute('href')!.split('#')[0]!);
        expect(href.startsWith('/nianbao/'), `${f}: ${href}`).toBe(true);
        const rel = href.slice('/nianbao/'.length);
        expect(
          existsSync(join(sub, rel.endsWith('/') || rel === '' ? `${rel}index.html` : rel)),
          `${f} → ${href}`,
        ).toBe(true);
        links++;
      }
    }
    expect(links).toBeGreaterThan(100);
  });

  it('publishes every data file under /data/, matching SHA256SUMS', () => {
    const sums = readFileSync(join(dist, 'data/SHA256SUMS'), 'utf8').trim().split('\n');
    // Five tables as Parquet and CSV, the DuckDB file, nianbao.sql, manifest.json and .jsonl, datapackage.json.
    expect(sums.length).toBe(15);
    for (const l of sums) {
      const served = readFileSync(join(dist, 'data', l.slice(66)));
      expect(createHash('sha256').update(served).digest('hex'), l).toBe(l.slice(0, 64));
    }
  });

  it('the data page lists every dataset with its row count and every download resolves', async () => {
    const doc = page('data/index.html');
    for (const t of ['reports', 'cells', 'checks', 'sections', 'summary']) {
      const n = (await query<{ n: bigint }>(`SELECT count(*) AS n FROM '${join(data, `${t}.parquet`)}'`))[0]!.n;
      expect(doc.querySelector(`#h-${t}`)!.textContent).toContain(`${Number(n).toLocaleString('zh-CN')} 行`);
      for (const ext of ['parquet', 'csv'])
        expect(doc.querySelector(`a[href="/data/${t}.${ext}"]`), `${t}.${ext}`).not.toBeNull();
    }
    expect(doc.querySelector('a[href="/data/nianbao.duckdb"]')).not.toBeNull();
    // No size for it: its bytes differ from run to run, and the page is to be the same (t29).
    expect(doc.querySelector('#duckdb + dd')!.textContent).not.toMatch(/\d\s*(?:KB|MB|GB|KiB|MiB|字节)/);
    expect(doc.querySelector('a[href="/data/nianbao.sql"]')).not.toBeNull();
    expect(doc.querySelector('a[href="/data/manifest.jsonl"]')).not.toBeNull();
    const dict = page('data/dictionary/index.html');
    expect(dict.querySelector('#keys-requests')!.textContent).toContain('withheld_three_safeties');
    expect(dict.querySelector('section#files')!.textContent).toContain('20 MiB');
    // The index: inline as before (a small site), and the same entries as JSON Lines.
    const index = reportIndex(dist);
    expect(index).toMatchObject({ count: 5, inline: true });
    const inline = (JSON.parse(readFileSync(join(dist, 'reports/index.json'), 'utf8')) as { reports: unknown[] })
      .reports;
    expect(inline).toEqual(index.reports);
    for (const r of index.reports) expect(existsSync(join(dist, r.json.slice(1))), r.json).toBe(true);
  });

  it('the DuckDB examples on the data page (downloaded files, and over HTTP) run against the published files', async () => {
    const check = async (local: string) => {
      const rows = await query<{ province: string | null; year: number; requests_new: bigint | null; reports: bigint }>(
        local,
      );
      expect(rows.length).toBeGreaterThan(0);
      const total = rows.reduce((s, r) => s + Number(r.reports), 0);
      expect(total).toBe(5);
      expect(Number(rows.find((r) => r.province === '江苏省' && r.year === 2020)!.requests_new)).toBe(3);
    };
    const downloaded = page('data/index.html').querySelector('pre[data-example="duckdb"]')!.textContent;
    // The first example reads files downloaded into the working directory: point it at dist/data.
    const local = downloaded.replace(/'(\w+)\.parquet'/g, (_m, t: string) => `'${join(dist, 'data', `${t}.parquet`)}'`);
    expect(local).not.toBe(downloaded);
    await check(local);
    const http = page('data/index.html').querySelector('pre[data-example="duckdb-http"]')!.textContent;
    // The second reads over HTTP (httpfs); here the same files are read from dist/data (no network in tests).
    const viaDist = http.replaceAll('https://本站地址/data/', `${join(dist, 'data')}/`);
    expect(viaDist).not.toBe(http);
    await check(viaDist);
    expect(page('data/index.html').querySelector('main')!.textContent).toContain('httpfs');
    await check(viewsExample(page('data/index.html'), join(dist, 'data')));
  });

  it("a report's JSON has the cells with the columns of cells.csv, in the same order (without report_id)", () => {
    const header = readFileSync(join(dist, 'data', 'cells.csv'), 'utf8')
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/)[0]!
      .split(',');
    const json = JSON.parse(readFileSync(join(dist, 'reports', '73637db0b893b0ab.json'), 'utf8')) as {
      cells: { columns: string[]; rows: unknown[][] };
    };
    expect(json.cells.rows.length).toBeGreaterThan(0);
    expect(json.cells.columns).toEqual(header.filter((h) => h !== 'report_id'));
    for (const c of json.cells.rows) expect(c).toHaveLength(json.cells.columns.length);
  });

  it('keeps the old addresses of the source view and the per-report CSV: _redirects, under the base path too', () => {
    const rules = (d: string) =>
      readFileSync(join(d, '_redirects'), 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('#'));
    expect(rules(dist)).toContain('/reports/:id/source/ /reports/:id/ 301');
    expect(rules(dist)).toContain('/reports/:id.csv /reports/:id.json 301');
    expect(rules(sub)).toContain('/nianbao/reports/:id/source/ /nianbao/reports/:id/ 301');
    // A few rules, not one per report.
    expect(rules(dist).length).toBeLessThan(10);
    // The 404 page carries the same rules for hosts without _redirects.
    expect(page('404.html').querySelector('script[src]')).not.toBeNull();
  });

  it('every fixed URL the README lists exists in the build', () => {
    const readme = readFileSync('README.md', 'utf8');
    const paths = [...readme.matchAll(/`(\/[a-z0-9/._-]*)`/g)]
      .map((m) => m[1]!)
      .filter((p) => !p.includes('{') && p !== '/nianbao/'); // /nianbao/ is the BASE_PATH example
    expect(paths.length).toBeGreaterThan(8);
    for (const p of new Set(paths)) {
      const rel = p.slice(1);
      expect(existsSync(join(dist, rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel)), p).toBe(true);
    }
  });

  it('pages are Chinese and carry source and licence', () => {
    const doc = page('index.html');
    expect(doc.documentElement.getAttribute('lang')).toBe('zh-CN');
    expect(doc.querySelector('footer')!.textContent).toContain('许可');
  });
});

/** The synthetic site (test/global-setup.ts) is built with a part limit of 16 KB: everything large comes in parts. */
describe('a site whose datasets are in parts (the synthetic site)', () => {
  const { data, dist } = inject('sites').synthetic;
  const page = (path: string) => parseHTML(readFileSync(join(dist, path), 'utf8')).document;
  const published = join(dist, 'data');
  const layout = readLayout(published);
  const walk = (dir: string) =>
    existsSync(dir)
      ? readdirSync(dir, { recursive: true, withFileTypes: true })
          .filter((e) => e.isFile())
          .map((e) => join(e.parentPath, e.name))
      : [];

  it('publishes no data file over the part limit, and no DuckDB file; the ingest keeps it', () => {
    for (const t of ['cells', 'reports', 'sections'] as const)
      expect(layout.tables[t].parquet.length, t).toBeGreaterThan(1);
    // A CSV over the limit is gzip-compressed, in parts only past the limit compressed.
    expect(layout.tables.cells.csv.length).toBeGreaterThan(1);
    for (const f of layout.tables.cells.csv) expect(f).toMatch(/^cells\/cells-\d{5}\.csv\.gz$/);
    expect(layout.tables.summary.csv).toEqual(['summary.csv']);
    expect(layout.manifestEntries.length).toBeGreaterThan(1);
    expect(layout.duckdb).toBeNull();
    expect(existsSync(join(published, 'nianbao.duckdb'))).toBe(false);
    expect(existsSync(join(data, 'nianbao.duckdb'))).toBe(true);
    const sums = [...parseSums(readFileSync(join(published, 'SHA256SUMS'), 'utf8')).keys()];
    const files = [
      ...sums.map((f) => join(published, f)),
      ...walk(join(dist, 'reports/index')),
      join(dist, 'reports/index.json'),
    ];
    // The CSV files gzip-compressed: fewer parts than when they were plain (over 100).
    expect(files.length).toBeGreaterThan(30);
    // datapackage.json holds the schemas and grows only by a line per part (58 KB here).
    for (const f of files.filter((f) => !f.endsWith('datapackage.json')))
      expect(statSync(f).size, f).toBeLessThanOrEqual(SYNTHETIC_PART_BYTES);
    // dist/data has the ingest's files, and only them (besides the data pages).
    const rel = (dir: string) =>
      walk(dir)
        .map((f) => f.slice(dir.length + 1))
        .sort();
    expect([...sums, 'SHA256SUMS'].sort()).toEqual(rel(data).filter((f) => f !== 'nianbao.duckdb'));
    expect(rel(published).filter((f) => !/^(index\.html|dictionary\.json|dictionary\/index\.html)$/.test(f))).toEqual(
      [...sums, 'SHA256SUMS'].sort(),
    );
  });

  it('a year, region or kind page counts each report once, as its tables do: a copy is not another report', () => {
    // A fresh tester's: 「2023 年度报告（3 份）」 over tables of 2 — one was a copy (duplicate_of).
    // The synthetic corpus holds a copy of a 2020 sample (test/global-setup.ts, COPY_FILE), and
    // two different reports of one agency for 2020 (CONFLICT_FILES), which no total adds: the
    // tables are over the others, and the page says how many it left out.
    const doc = page('years/2020/index.html');
    const heading = Number(/（([\d,]+) 份）/.exec(doc.querySelector('h1')!.textContent)![1]!.replace(/,/g, ''));
    const of = doc.querySelector('table.list tbody tr td:last-child')!.textContent.split('/')[1]!.replace(/,/g, '');
    const undecided = Object.keys(CONFLICT_FILES).length;
    expect(Number(of)).toBe(heading - undecided);
    expect(doc.body.textContent).toContain('另有 1 份为同一报告的副本，不重复计数');
    expect(doc.body.textContent).toContain(`另有 ${undecided} 份报告未计入合计`);
    // Its list shows every report, the copy and the agency-year's two marked (a fresh tester's t56:
    // 172 reports listed under a heading of 171, the copy unmarked).
    const items = [...doc.querySelectorAll('h2 + ul li')];
    expect(items.length).toBe(heading + 1);
    expect(items.filter((li) => li.textContent.includes('（副本）'))).toHaveLength(1);
    expect(
      items.filter((li) => li.textContent.includes('淮安市测试局') && li.textContent.includes('（文件')),
    ).toHaveLength(undecided);
    const years = page('years/index.html');
    const row = [...years.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')!.textContent === '2020')!;
    expect(Number(row.querySelector('td')!.textContent.replace(/,/g, ''))).toBe(heading);
  });

  it("a region's totals are over the reports they add: an agency-year's different reports are in no denominator, and said apart", async () => {
    // A tester's: the region of the two different reports of 淮安市测试局 2020 (CONFLICT_FILES)
    // showed 1/3 份报告有此数 and the footnote 部分报告缺少该数字 though every report added had
    // the number; the year page said 有此数的报告 3/5 and the home page 计入的报告 17/19.
    const rows = await query<{ region_code: string; n: number; known: number; sum: number | null }>(
      `SELECT any_value(r.region_code) AS region_code, count(*)::INT AS n, count(s.requests_new)::INT AS known,
              sum(s.requests_new)::INT AS sum
       FROM ${parquetOf(published, 'reports')} r JOIN ${parquetOf(published, 'summary')} s USING (report_id)
       WHERE r.duplicate_of IS NULL AND r.same_agency_year = 0 AND r.year = 2020
         AND r.region_code LIKE '3208%'`,
    );
    const [{ n, known, sum }] = rows as [(typeof rows)[0]];
    expect(n).toBeGreaterThan(0);
    const undecided = Object.keys(CONFLICT_FILES).length;
    const region = page('regions/320800/index.html');
    const row = [...region.querySelectorAll('tbody tr')].find((tr) => tr.querySelector('th')?.textContent === '2020')!;
    const [count, requests] = row.querySelectorAll('td');
    expect(Number(count!.textContent.replace(/,/g, ''))).toBe(n);
    expect(requests!.getAttribute('title')).toBe(`${known}/${n} 份报告有此数`);
    expect(requests!.textContent.replace(/\d+\/\d+/, '').replace(/[,*\s]/g, '')).toBe(known ? String(sum) : '—');
    expect(requests!.querySelector('sup') !== null).toBe(known < n);
    // Under a partial total, how many reports have it, visible (not only in the title).
    expect(requests!.querySelector('small.of')?.textContent).toBe(known < n ? `${known}/${n}` : undefined);
    const notes = [...region.querySelectorAll('p.undecided-note')];
    expect(notes).toHaveLength(1);
    expect(notes[0]!.textContent).toContain(`另有 ${undecided} 份报告未计入合计：同一机关同一年度有两份以上不同的报告`);
    expect(notes[0]!.querySelector('a')!.getAttribute('href')).toBe('/quality/#same-agency-year');
    // The home page: its yearly row and its rates are over the same reports, and it says so too.
    const [all] = await query<{ n: number }>(
      `SELECT count(*)::INT AS n FROM ${parquetOf(published, 'reports')}
       WHERE duplicate_of IS NULL AND same_agency_year = 0`,
    );
    const home = page('index.html');
    // The home page's count is over every year: the superseded report of CORRECTED_FILES too.
    const superseded = Object.keys(CORRECTED_FILES).length - 1;
    expect(home.querySelector('p.undecided-note')!.textContent).toContain(
      `另有 ${undecided + superseded} 份报告未计入合计`,
    );
    const review = [...home.querySelectorAll('section[aria-labelledby="h-review"] tbody tr')];
    for (const tr of review) expect(tr.querySelector('td:last-child')!.textContent.split('/')[1]).toBe(String(all!.n));
    // A page whose reports have none left out says nothing of them.
    expect(page('regions/320211/index.html').querySelector('p.undecided-note')).toBeNull();
  });

  it("a region page says how many of its reports have no known year: they are in no year's row", async () => {
    // A fresh tester's: a region page said 6 份报告 and its yearly totals added 5, the sixth
    // undated, with nothing on the page saying so.
    const rows = await query<{ region_code: string }>(
      `SELECT region_code FROM ${parquetOf(published, 'reports')}
       WHERE duplicate_of IS NULL AND same_agency_year = 0 AND year IS NULL AND region_code IS NOT NULL`,
    );
    expect(rows.length).toBeGreaterThan(0);
    const province = rows[0]!.region_code.slice(0, 2);
    const n = rows.filter((r) => r.region_code.startsWith(province)).length;
    const note = page(`regions/${province}0000/index.html`).querySelector('p.undated-note');
    expect(note!.textContent).toContain(`另有 ${n} 份报告年度不明，不在任何年度的合计中`);
    expect(note!.querySelector('a')!.getAttribute('href')).toBe('/quality/#no-year');
  });

  it('the data page lists the parts, each link resolving, and says how to get the DuckDB file', () => {
    const doc = page('data/index.html');
    const links = [...doc.querySelectorAll('a[href^="/data/"]')].map((a) => a.getAttribute('href')!.slice(1));
    for (const t of ['reports', 'cells', 'checks', 'sections', 'summary'] as const) {
      const section = doc.querySelector(`section#${t}`)!;
      for (const ext of ['parquet', 'csv'] as const) {
        const files = layout.tables[t][ext];
        // The first part is always linked (a long list shows its first ones and the last).
        expect(links, `${t}.${ext}`).toContain(`data/${files[0]}`);
        expect(links).toContain(`data/${files.at(-1)}`);
        const name = files[0]!.endsWith('.gz') ? `${t}.csv.gz` : `${t}.${ext}`;
        if (files.length > 1) expect(section.textContent).toContain(`${name} 分为 ${files.length} 个部分`);
      }
      // A gzip-compressed CSV says how to open it, and how to join its parts.
      if (layout.tables[t].csv[0]!.endsWith('.gz')) {
        expect(section.textContent, t).toContain('用 7-Zip 或 gzip 解压');
        if (layout.tables[t].csv.length > 1)
          expect(section.textContent, t).toContain(`gzip -dc ${layout.tables[t].csv[0]}`);
        if (layout.tables[t].parquet.length === 1) expect(section.textContent, t).toContain('Parquet 只有一个文件');
      } else expect(section.textContent, t).not.toContain('解压');
    }
    expect(doc.querySelector('main')!.textContent).toContain('以 gzip 压缩的 CSV 发布');
    for (const l of links) expect(existsSync(join(dist, l.split('#')[0]!.replace(/\/$/, '/index.html'))), l).toBe(true);
    expect(doc.querySelector('a[href="/data/cells.csv"]')).toBeNull();
    expect(doc.querySelector('#duckdb + dd')!.textContent).toContain('npm run ingest');
    expect(doc.querySelector('a[href="/data/nianbao.sql"]')).not.toBeNull();
  });

  it('_redirects sends the old addresses of files now in parts to their section, and only those', () => {
    const rules = readFileSync(join(dist, '_redirects'), 'utf8').split('\n');
    expect(rules).toContain('/data/cells.csv /data/#cells 302');
    expect(rules).toContain('/data/cells.parquet /data/#cells 302');
    expect(rules).toContain('/data/nianbao.duckdb /data/#duckdb 302');
    // The plain CSV parts of before (the .csv.gz parts hold other rows): one placeholder rule.
    expect(rules).toContain('/data/cells/:part.csv /data/#cells 302');
    // summary.csv is one file: no rule may shadow it.
    expect(rules.some((r) => r.startsWith('/data/summary.csv '))).toBe(false);
    const samples = readFileSync(join(inject('sites').samples.dist, '_redirects'), 'utf8');
    expect(samples).not.toContain('/data/');
  });

  it('reports/index.json gives the count and its JSON Lines parts, which hold every report', async () => {
    const doc = JSON.parse(readFileSync(join(dist, 'reports/index.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(['count', 'reports_jsonl']);
    const index = reportIndex(dist);
    expect((doc.reports_jsonl as string[]).length).toBeGreaterThan(1);
    const ids = await query<{ report_id: string }>(
      `SELECT report_id FROM ${parquetOf(data, 'reports')} ORDER BY report_id`,
    );
    expect(index.reports.map((r) => r.report_id)).toEqual(ids.map((r) => r.report_id));
    expect(index.count).toBe(ids.length);
  });

  it('the DuckDB examples and nianbao.sql read the parts', async () => {
    const doc = page('data/index.html');
    // The reports the site's totals add: no copy, and no agency-year with several different reports.
    const expected = await query<{ n: bigint }>(
      `SELECT count(*) AS n FROM ${parquetOf(data, 'reports')} WHERE duplicate_of IS NULL AND same_agency_year = 0`,
    );
    const total = async (sql: string) =>
      (await query<{ reports: bigint }>(sql.replace(/LIMIT 20;\s*$/, ';'))).reduce((s, r) => s + r.reports, 0n);
    const downloaded = doc.querySelector('pre[data-example="duckdb"]')!.textContent;
    expect(downloaded).toContain("'reports/reports-*.parquet'");
    expect(downloaded).toContain('curl --create-dirs');
    // Downloaded with their paths into the working directory: here, dist/data.
    const local = downloaded.replace(/'([\w/*-]+\.parquet)'/g, (_m, f: string) => `'${join(published, f)}'`);
    expect(await total(local)).toBe(expected[0]!.n);
    const http = doc.querySelector('pre[data-example="duckdb-http"]')!.textContent;
    expect(http).toContain('read_parquet([');
    expect(await total(http.replaceAll('https://本站地址/data/', `${published}/`))).toBe(expected[0]!.n);
    expect(await total(viewsExample(doc, published))).toBe(expected[0]!.n);
  });

  it('a disputed year (W_YEAR_DISPUTED) is noted on its report page and counted on the quality page', async () => {
    const disputed = await query<{ report_id: string; year: number; period_year: number; source_file: string }>(
      `SELECT report_id, year, period_year, source_file FROM ${parquetOf(published, 'reports')}
       WHERE period_year IS NOT NULL AND period_year <> year ORDER BY report_id`,
    );
    expect(disputed.map((r) => r.source_file)).toContain(DISPUTED_FILE);
    for (const r of disputed) {
      const note = page(`reports/${r.report_id}/index.html`).querySelector('dl.meta .year-note');
      expect(note?.textContent, r.source_file).toContain(
        `报告年度记为${r.year}年，但正文的统计期限是${r.period_year}年：数字属于哪一年请核对原文`,
      );
    }
    // A report whose period agrees has no note.
    const [agreeing] = await query<{ report_id: string }>(
      `SELECT report_id FROM ${parquetOf(published, 'reports')} WHERE period_year IS NULL OR period_year = year LIMIT 1`,
    );
    expect(page(`reports/${agreeing!.report_id}/index.html`).querySelector('.year-note')).toBeNull();
    const quality = page('quality/index.html');
    expect(quality.querySelector('main')!.textContent).toContain(`报告年度有疑问的报告（${disputed.length}）`);
    const links = [...quality.querySelectorAll('main a')].map((a) => a.getAttribute('href'));
    for (const r of disputed) expect(links).toContain(`/reports/${r.report_id}/`);
  });

  it('a report and its corrected version: the pages link each other, totals take the corrected one, the quality page counts the other apart', async () => {
    const rows = await query<ReportRow>(
      `SELECT * FROM ${parquetOf(published, 'reports')} WHERE source_file LIKE 'corrected/%' ORDER BY source_file`,
    );
    const [original, corrected] = [
      rows.find((r) => !r.title!.includes('更正'))!,
      rows.find((r) => r.title!.includes('更正'))!,
    ];
    expect(Object.keys(CORRECTED_FILES)).toContain(original.source_file);
    expect([original.superseded_by, Number(original.same_agency_year)]).toEqual([corrected.report_id, 1]);
    expect([corrected.superseded_by, Number(corrected.same_agency_year)]).toEqual([null, 0]);
    const meta = (r: ReportRow) => page(`reports/${r.report_id}/index.html`).querySelector('dl.meta')!;
    expect(meta(original).textContent).toContain('不计入合计：本机关2021年度另有一份报告在标题或文件名中注明为更正版');
    expect(meta(original).querySelector('.correction-links a')!.getAttribute('href')).toBe(
      `/reports/${corrected.report_id}/`,
    );
    expect(meta(corrected).textContent).toContain('更正版：本报告在标题或文件名中注明为更正版');
    expect(meta(corrected).querySelector('.correction-links a')!.getAttribute('href')).toBe(
      `/reports/${original.report_id}/`,
    );
    // The agency's list of reports marks the superseded one as such, not as undecided.
    const agency = page(`agencies/${agencyKey(corrected)}/index.html`).querySelector('main')!.textContent;
    expect(agency).toContain('已由同年注明的更正版取代，不计入合计');
    expect(agency).not.toContain('同年另有 1 份不同报告');
    const quality = page('quality/index.html');
    expect(quality.querySelector('#superseded')!.textContent).toMatch(/另有\s*1\s*份报告已由本机关同年/);
    const listed = [...quality.querySelectorAll('ul.conflicts a')].map((a) => a.getAttribute('href'));
    expect(listed).not.toContain(`/reports/${original.report_id}/`);
  });

  it('a file holding a second report (W_SECOND_REPORT) is listed on the quality page, with the line it starts at', async () => {
    // A fresh tester: a file of a 2023 and a 2022 report showed the first only, and nothing on the
    // site said another was in the file (only manifest.json did).
    const header = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')) as Manifest;
    const withSecond: Manifest['files'] = [];
    for await (const e of manifestEntries(data, header))
      if (e.report_id && e.outcome !== 'duplicate' && e.diagnostics.some((d) => d.code === 'W_SECOND_REPORT'))
        withSecond.push(e);
    const quality = page('quality/index.html');
    // Copies of another report counted apart, as the page's other lists (a fresh tester's t70).
    const copies = withSecond.filter((e) => e.duplicate_of).length;
    expect(quality.querySelector('h2#second-report')!.textContent).toBe(
      `文件中另有报告未读取（${withSecond.length - copies}${copies ? `，另有 ${copies} 份副本` : ''}）`,
    );
    const items = [...quality.querySelectorAll('ul.second-report > li')];
    expect(items).toHaveLength(Math.min(withSecond.length, 200));
    for (const e of withSecond.slice(0, 200)) {
      const li = items.find((x) => x.querySelector('a')!.getAttribute('href') === `/reports/${e.report_id}/`);
      expect(li?.textContent, e.path).toContain('还有另一份报告，未读取');
    }
    // The report page says so too, with the line (reports.second_report_line).
    expect(withSecond.length).toBeGreaterThan(0);
    for (const e of withSecond.slice(0, 5)) {
      const line = e.diagnostics.find((d) => d.code === 'W_SECOND_REPORT')!.line;
      const note = page(`reports/${e.report_id}/index.html`).querySelector('dl.meta #second-report');
      expect(note?.textContent, e.path).toContain(`本文件第 ${line} 行起还有另一份报告`);
    }
  });

  it('a disputed agency name (W_AGENCY_DISPUTED) is kept in the data and noted on its report, agency and quality pages', async () => {
    const disputed = await query<ReportRow>(
      `SELECT * FROM ${parquetOf(published, 'reports')} WHERE title_agency IS NOT NULL ORDER BY report_id`,
    );
    const r = disputed.find((x) => x.source_file === AGENCY_DISPUTED_FILE)!;
    expect(r).toMatchObject({
      agency: '淮安市清江浦区乱码测试局',
      title_agency: AGENCY_DISPUTED_TITLE_NAME,
      year: 2020,
    });
    const why = `机关名称记为“${r.agency}”（发布机构、落款所写，或标题中乱码之前的名称），但标题写作“${r.title_agency}”`;
    // The static API's report file has the column; the manifest entry says why, in Chinese.
    const json = JSON.parse(readFileSync(join(dist, `reports/${r.report_id}.json`), 'utf8')) as { report: ReportRow };
    expect(json.report.title_agency).toBe(AGENCY_DISPUTED_TITLE_NAME);
    const header = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')) as Manifest;
    let entry: Manifest['files'][number] | undefined;
    for await (const e of manifestEntries(data, header)) if (e.path === AGENCY_DISPUTED_FILE) entry = e;
    expect(entry).toMatchObject({ reason_code: 'W_AGENCY_DISPUTED', reason: expect.stringContaining(why) as unknown });
    for (const x of disputed) {
      const note = page(`reports/${x.report_id}/index.html`).querySelector('dl.meta .year-note');
      expect(note?.textContent, x.source_file).toContain(`机关名称有疑问：机关名称记为“${x.agency}”`);
      expect(note!.querySelector('a')!.getAttribute('href')).toBe('/quality/#agency-disputed');
    }
    expect(page(`agencies/${agencyKey(r)}/index.html`).querySelector('.agency-note')?.textContent).toBe(
      `（机关名称有疑问：标题写作“${AGENCY_DISPUTED_TITLE_NAME}”）`,
    );
    // A report whose name is no dispute has no such note.
    const [plain] = await query<{ report_id: string }>(
      `SELECT report_id FROM ${parquetOf(published, 'reports')} WHERE title_agency IS NULL AND period_year IS NULL AND same_agency_year = 0 LIMIT 1`,
    );
    expect(page(`reports/${plain!.report_id}/index.html`).querySelector('.year-note')).toBeNull();
    const quality = page('quality/index.html');
    expect(quality.querySelector('h2#agency-disputed')!.textContent).toBe(
      `机关名称有疑问的报告（${disputed.filter((x) => !x.duplicate_of).length}${disputed.some((x) => x.duplicate_of) ? `，另有 ${disputed.filter((x) => x.duplicate_of).length} 份副本` : ''}）`,
    );
    const items = [...quality.querySelectorAll('ul.agency-disputed > li')];
    expect(items.map((li) => li.querySelector('a')!.getAttribute('href')).sort()).toEqual(
      disputed.map((x) => `/reports/${x.report_id}/`).sort(),
    );
    expect(
      items.find((li) => li.querySelector('a')!.getAttribute('href') === `/reports/${r.report_id}/`)!.textContent,
    ).toContain(why);
  });

  it('lists the reports of no agency on the quality page (a fresh user’s t39: counted in totals, said nowhere)', async () => {
    const none = await query<{ report_id: string; duplicate_of: string | null }>(
      `SELECT report_id, duplicate_of FROM ${parquetOf(published, 'reports')} WHERE agency IS NULL`,
    );
    const quality = page('quality/index.html');
    const own = none.filter((x) => !x.duplicate_of).length;
    const copies = none.length - own;
    expect(quality.querySelector('h2#no-agency')!.textContent).toBe(
      `发布机关不明的报告（${own}${copies ? `，另有 ${copies} 份副本` : ''}）`,
    );
    expect(
      [...quality.querySelectorAll('ul.no-agency > li')]
        .map((li) => li.querySelector('a')!.getAttribute('href'))
        .sort(),
    ).toEqual(none.map((x) => `/reports/${x.report_id}/`).sort());
  });

  it("every count of a page agrees with the others: the home page's figures, the quality page's lists, undated and disputed reports, sub-regions", async () => {
    // A fresh tester's: the home page's 个表格数字 and 格无法确定 added a copy's cells, the
    // quality page listed a copy's cells with no word that it was one, the shares said 共 6 份
    // over a year table of 5 (one undated), a disputed year was said nowhere beside the totals,
    // and the sub-region table's sums were over every year with nothing saying so.
    const reports = parquetOf(published, 'reports');
    const [n] = await query<{ reports: number; copies: number; numbers: number; uncertain: number; failing: number }>(
      `SELECT count(*) FILTER (WHERE duplicate_of IS NULL)::INT AS reports,
              count(*) FILTER (WHERE duplicate_of IS NOT NULL)::INT AS copies,
              (SELECT count(*)::INT FROM ${parquetOf(published, 'cells')} c JOIN ${reports} r USING (report_id)
               WHERE c.state = 'number' AND r.duplicate_of IS NULL) AS numbers,
              sum(cells_ambiguous) FILTER (WHERE duplicate_of IS NULL)::INT AS uncertain,
              count(*) FILTER (WHERE duplicate_of IS NULL AND checks_failed > 0)::INT AS failing
       FROM ${reports}`,
    );
    expect(n!.copies).toBeGreaterThan(0);
    const home = page('index.html');
    const figures = [...home.querySelectorAll('ul.figures li')].map((li) => li.querySelector('.v')!.textContent);
    const num = (x: number) => x.toLocaleString('en-US');
    expect(figures).toEqual([num(n!.reports), num(n!.numbers), num(n!.failing), num(n!.uncertain)]);
    expect(home.querySelector('ul.figures li')!.textContent).toContain(
      `另有 ${n!.copies} 份为同一报告的副本，不重复计数`,
    );
    // The quality page: a list's heading counts reports once, and a copy in it is marked, linked to
    // its original (the copy here is of a text-only sample: in the list of incomplete tables).
    const copies = await query<{ report_id: string; duplicate_of: string }>(
      `SELECT report_id, duplicate_of FROM ${reports} WHERE duplicate_of IS NOT NULL AND status <> 'complete'`,
    );
    expect(copies.length).toBeGreaterThan(0);
    const [incomplete] = await query<{ n: number }>(
      `SELECT count(*)::INT AS n FROM ${reports} WHERE duplicate_of IS NULL AND status <> 'complete'`,
    );
    const quality = page('quality/index.html');
    expect(quality.querySelector('main')!.textContent).toContain(
      `表格不完整、缺失或未解析的报告（${incomplete!.n}，另有 ${copies.length} 份副本）`,
    );
    for (const c of copies) {
      const li = [...quality.querySelectorAll('ul.incomplete > li')].find(
        (x) => x.querySelector('a')!.getAttribute('href') === `/reports/${c.report_id}/`,
      )!;
      const mark = li.querySelector('small.copy-mark')!;
      expect(mark.textContent.replace(/\s+/g, '')).toMatch(/^（副本，未计入总数；与.+为同一报告）$/);
      expect(mark.querySelector('a')!.getAttribute('href')).toBe(`/reports/${c.duplicate_of}/`);
    }
    // Undated reports: under the year table and over the shares of the home page.
    const [undated] = await query<{ n: number }>(
      `SELECT count(*)::INT AS n FROM ${reports} WHERE duplicate_of IS NULL AND same_agency_year = 0 AND year IS NULL`,
    );
    expect(undated!.n).toBeGreaterThan(0);
    expect(home.querySelector('p.undated-note')!.textContent).toContain(`另有 ${undated!.n} 份报告年度不明`);
    const shares = home.querySelector('p.undated-shares-note')!;
    expect(shares.textContent).toContain(`含 ${undated!.n} 份年度不明的报告`);
    expect(shares.querySelector('a')!.getAttribute('href')).toBe('/quality/#no-year');
    // A disputed year: said on its year's page, linked to the quality page's list.
    const disputed = await query<{ year: number; n: number }>(
      `SELECT year, count(*)::INT AS n FROM ${reports}
       WHERE duplicate_of IS NULL AND period_year IS NOT NULL AND year IS NOT NULL AND period_year <> year GROUP BY year`,
    );
    expect(disputed.length).toBeGreaterThan(0);
    for (const d of disputed) {
      const note = page(`years/${d.year}/index.html`).querySelector('p.disputed-note')!;
      expect(note.textContent).toContain(`其中 ${d.n} 份报告的年度有疑问`);
      expect(note.querySelector('a')!.getAttribute('href')).toBe('/quality/#year-disputed');
    }
    expect(quality.querySelector('h2#year-disputed')).not.toBeNull();
    // The sub-region table says it is over every year.
    const region = page('regions/320800/index.html');
    expect(region.querySelector('table.sortable caption')!.textContent).toContain('历年合计');
    expect(region.querySelector('p.children-note')!.textContent).toContain('历年合计');
  });

  it('the quality page lists the different reports of one agency-year together, each linked, and says why none is counted', async () => {
    // A fresh tester's: the reports left out of totals (same_agency_year > 0) were on no list.
    const rows = await query<{
      report_id: string;
      source_file: string;
      agency: string;
      year: number;
      region_code: string;
    }>(
      `SELECT report_id, source_file, agency, year, region_code FROM ${parquetOf(published, 'reports')}
       WHERE same_agency_year > 0 AND duplicate_of IS NULL AND superseded_by IS NULL`,
    );
    rows.sort((a, b) => (a.source_file < b.source_file ? -1 : 1));
    expect(rows.map((r) => r.source_file)).toEqual(Object.keys(CONFLICT_FILES).sort());
    const quality = page('quality/index.html');
    const heading = quality.querySelector('h2#same-agency-year')!;
    expect(heading.textContent).toBe(`同一机关同一年度的多份不同报告（${rows.length}）`);
    expect(quality.querySelector('main')!.textContent).toContain(
      '同一机关同一年度有多份不同的报告，无法确定以哪份为准，均不计入合计',
    );
    const groups = [...quality.querySelectorAll('ul.conflicts > li')];
    expect(groups).toHaveLength(1);
    const [group] = groups;
    expect(group!.textContent).toContain(`${rows[0]!.agency} ${rows[0]!.year} 年度（江苏省 › 淮安市）：2 份不同的报告`);
    // The agency's page first, then each report's page, by file.
    expect(group!.querySelector('a')!.getAttribute('href')).toBe(`/agencies/${agencyKey(rows[0]!)}/`);
    const listed = [...group!.querySelector('ul')!.querySelectorAll('a')];
    expect(listed.map((a) => [a.getAttribute('href'), a.textContent])).toEqual(
      rows.map((r) => [`/reports/${r.report_id}/`, r.source_file]),
    );
  });

  it('the agency page tells the different reports of one year apart: each row names its file and how many others', async () => {
    // A fresh tester's: two rows of 2020（同年另有不同报告，不计入合计）, alike but for the link.
    const rows = await query<{ report_id: string; source_file: string; agency: string; region_code: string }>(
      `SELECT report_id, source_file, agency, region_code FROM ${parquetOf(published, 'reports')}
       WHERE same_agency_year > 0 AND duplicate_of IS NULL AND superseded_by IS NULL ORDER BY source_file`,
    );
    expect(rows.map((r) => r.source_file)).toEqual(Object.keys(CONFLICT_FILES).sort());
    const agency = page(`agencies/${agencyKey(rows[0]!)}/index.html`);
    const cells = rows.map((r) =>
      agency.querySelector(`table.list a[href="/reports/${r.report_id}/"]`)!.closest('td')!,
    );
    for (const [i, r] of rows.entries()) {
      expect(cells[i]!.textContent, r.source_file).toContain(`文件 ${r.source_file}`);
      expect(cells[i]!.textContent, r.source_file).toContain('同年另有 1 份不同报告，不计入合计');
    }
    expect(new Set(cells.map((c) => c.textContent)).size).toBe(rows.length);
    // So does the other's row under 同一机关的其他年度 on each report's page.
    for (const [r, other] of [
      [rows[0]!, rows[1]!],
      [rows[1]!, rows[0]!],
    ] as const) {
      const link = page(`reports/${r.report_id}/index.html`).querySelector(
        `table.list a[href="/reports/${other.report_id}/"]`,
      )!;
      expect(link.closest('th')!.textContent).toContain(`文件 ${other.source_file}`);
    }
  });

  it('a copy in a report page’s other years is marked as one; a report whose only others are its copies has no such table (t80)', async () => {
    const rows = await query<{
      report_id: string;
      duplicate_of: string | null;
      agency: string | null;
      region_code: string | null;
    }>(`SELECT report_id, duplicate_of, agency, region_code FROM ${parquetOf(published, 'reports')}`);
    const ids = new Set(rows.filter((r) => r.duplicate_of).map((r) => r.report_id));
    const history = (id: string) =>
      [...page(`reports/${id}/index.html`).querySelectorAll('section')].find((x) =>
        x.querySelector('h2')?.textContent?.includes('同一机关的其他年度'),
      );
    let alone = 0;
    for (const r of rows) {
      const section = history(r.report_id);
      // t80: a year twice, its copy unmarked.
      for (const a of section?.querySelectorAll('tbody th a') ?? []) {
        const id = /reports\/([0-9a-f]+)\//.exec(a.getAttribute('href') ?? '')?.[1];
        if (id && ids.has(id)) expect(a.closest('th')!.textContent, `${r.report_id} → ${id}`).toContain('（副本）');
      }
      // t80 B4: a report and its copies alone are no "other years".
      const group = r.duplicate_of ?? r.report_id;
      const peers = rows.filter((x) => x.agency === r.agency && x.region_code === r.region_code && x !== r);
      if (r.agency && peers.length && peers.every((x) => x.report_id === group || x.duplicate_of === group)) {
        alone++;
        expect(section, r.report_id).toBeUndefined();
      }
    }
    expect(alone).toBeGreaterThan(0);
  });

  it('the quality page lists the reports whose year is NULL, each with its reason', async () => {
    // A fresh tester's: a report of no year was on no list of the quality page (nor on any year's page).
    const rows = await query<{ report_id: string; source_file: string }>(
      `SELECT report_id, source_file FROM ${parquetOf(published, 'reports')} WHERE year IS NULL ORDER BY source_file`,
    );
    expect(rows.map((r) => r.source_file)).toContain(NO_YEAR_FILE);
    const quality = page('quality/index.html');
    expect(quality.querySelector('h2#no-year')!.textContent).toBe(`报告年度不明的报告（${rows.length}）`);
    const items = [...quality.querySelectorAll('ul.no-year > li')];
    expect(items.map((li) => li.querySelector('a')!.getAttribute('href')).sort()).toEqual(
      rows.map((r) => `/reports/${r.report_id}/`).sort(),
    );
    const item = items.find(
      (li) =>
        li.querySelector('a')!.getAttribute('href') ===
        `/reports/${rows.find((r) => r.source_file === NO_YEAR_FILE)!.report_id}/`,
    )!;
    expect(item.textContent).toContain(NO_YEAR_REASON);
    // Its page said 原文未写明 (the source states two years): now 未能确定, and where the reason is.
    const year = page(`reports/${rows.find((r) => r.source_file === NO_YEAR_FILE)!.report_id}/index.html`)
      .querySelector('dl.meta')!
      .querySelector('a[href="/quality/#no-year"]')!
      .closest('dd')!;
    expect(year.textContent).toContain('未能确定');
  });

  it('a number links to a line of the source view shown whole, also a long line of a one-line dump', () => {
    // A fresh tester's: lines were cut at 2,000 characters, so a number read past them linked to hidden text.
    let long = 0;
    for (const id of readdirSync(join(dist, 'reports'), { withFileTypes: true })) {
      if (!id.isDirectory() || !/^[0-9a-f]{16}$/.test(id.name)) continue;
      const doc = page(`reports/${id.name}/index.html`);
      for (const a of doc.querySelectorAll('table.form a[href^="#L"]')) {
        const line = doc.querySelector(`section#source [id="${a.getAttribute('href')!.slice(1)}"]`);
        expect(line, `${id.name} ${a.getAttribute('href')}`).not.toBeNull();
        expect(line!.textContent, `${id.name} ${a.getAttribute('href')}`).not.toContain('只显示前');
        if (line!.textContent.length > 2000) long++;
      }
    }
    // The synthetic corpus has one-line dumps whose numbers are on lines of over 2,000 characters.
    expect(long).toBeGreaterThan(0);
  });

  it("reports of one name whose place is unknown are not one agency's years (同名机关，地区不明，未必为同一机关)", async () => {
    type Row = {
      report_id: string;
      source_file: string;
      agency: string;
      agency_kind: string;
      year: number;
      region_code: string | null;
      region_basis: 'ambiguous' | 'unresolved';
      duplicate_of: string | null;
    };
    const reports = await query<Row>(
      `SELECT report_id, source_file, agency, agency_kind, year, region_code, region_basis, duplicate_of
       FROM ${parquetOf(published, 'reports')} ORDER BY source_file`,
    );
    const namesakes = reports.filter((r) => r.source_file in NAMESAKE_FILES);
    expect(namesakes.map((r) => [r.agency, r.year, r.region_code, r.region_basis])).toEqual([
      ['店上镇人民政府', 2020, '140400', 'ambiguous'],
      ['店上镇人民政府', 2021, '140400', 'ambiguous'],
      ['朝阳街道办事处', 2020, null, 'ambiguous'],
      ['朝阳街道办事处', 2021, null, 'ambiguous'],
    ]);
    const index = page('agencies/index.html');
    for (const [a, b] of [namesakes.slice(0, 2), namesakes.slice(2)] as Array<[Row, Row]>) {
      // The agency page keeps its address (name|region code): both reports link to it.
      const key = agencyKey(a)!;
      expect(agencyKey(b)).toBe(key);
      for (const r of [a, b])
        expect(
          page(`reports/${r.report_id}/index.html`)
            .querySelector('dl.meta a[href*="/agencies/"]')!
            .getAttribute('href'),
        ).toBe(`/agencies/${key}/`);
      const agency = page(`agencies/${key}/index.html`);
      const main = agency.querySelector('main')!.textContent;
      expect(agency.querySelector('.namesake-note')!.textContent, a.agency).toContain(NAMESAKE_NOTE);
      // No chart of the years, no table of one agency's years: each report listed on its own.
      expect(agency.querySelector('figure svg'), a.agency).toBeNull();
      expect(main).not.toContain('各年度报告');
      const listed = [...agency.querySelectorAll('table.namesakes a')].map((l) => l.getAttribute('href'));
      expect(listed).toEqual([`/reports/${a.report_id}/`, `/reports/${b.report_id}/`]);
      // Each report page: no other years, no change from the year before; the other is a namesake.
      for (const [r, other] of [
        [a, b],
        [b, a],
      ] as Array<[Row, Row]>) {
        const doc = page(`reports/${r.report_id}/index.html`);
        const text = doc.querySelector('article')!.textContent;
        expect(text, r.source_file).not.toContain('同一机关的其他年度');
        expect(text, r.source_file).not.toContain('较上年');
        const section = doc.querySelector('section.namesakes')!;
        expect(section.querySelector('.namesake-note')!.textContent).toContain(NAMESAKE_NOTE);
        expect([...section.querySelectorAll('a')].map((l) => l.getAttribute('href'))).toEqual([
          `/reports/${other.report_id}/`,
        ]);
      }
      // The directory marks the entry.
      const entry = index.querySelector(`#agency-list a[href="/agencies/${key}/"]`)!.closest('li')!;
      expect(entry.textContent).toContain('同名，地区不明');
    }
    expect(index.querySelector('.namesake-note')!.textContent).toContain(NAMESAKE_NOTE);
    // Two reports of 朝阳街道办事处 of unknown place are one or two agencies: a range, said why.
    const kinds = page('kinds/index.html');
    const row = [...kinds.querySelectorAll('tbody tr')].find(
      (tr) => tr.querySelector('th')!.textContent === '街道办事处',
    )!;
    expect(row.querySelectorAll('td')[1]!.textContent).toMatch(/^\d+–\d+$/);
    expect(kinds.querySelector('.namesake-note')!.textContent).toContain(NAMESAKE_NOTE);

    // An agency of known place with two years still has its years compared, and no note.
    const byKey = new Map<string, Row[]>();
    for (const r of reports)
      if (placeKnown(r) && r.duplicate_of === null) byKey.set(agencyKey(r)!, [...(byKey.get(agencyKey(r)!) ?? []), r]);
    const series = [...byKey.values()].find((rs) => new Set(rs.map((r) => r.year)).size >= 2)!;
    expect(series, 'a placed agency with two years in the synthetic corpus').toBeDefined();
    const doc = page(`reports/${series[0]!.report_id}/index.html`);
    expect(doc.querySelector('article')!.textContent).toContain('同一机关的其他年度');
    expect(doc.querySelector('section.namesakes')).toBeNull();
    expect(page(`agencies/${agencyKey(series[0]!)}/index.html`).querySelector('.namesake-note')).toBeNull();
  });

  it("the quality page counts the files without a report and lists them from the manifest's JSON Lines", () => {
    const m = JSON.parse(readFileSync(join(data, 'manifest.json'), 'utf8')) as { counts: Record<string, number> };
    const n = (m.counts.rejected ?? 0) + (m.counts.duplicate ?? 0);
    expect(n).toBeGreaterThan(0);
    const quality = page('quality/index.html');
    expect(quality.querySelector('main')!.textContent).toContain(`未生成报告的文件（${n}）`);
    const listed = [...quality.querySelectorAll('main table.list tbody tr')];
    expect(listed.length).toBe(Math.min(n, 200));
  });
});
