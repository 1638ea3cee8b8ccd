import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildReport } from './fixtures/build.ts';
import { copySamples } from './samples.ts';

/**
 * Builds the sites the site, search and browser tests look at, once and one after another
 * (two `astro build`s in one project must not run at the same time):
 * - the bundled samples, at / and under /nianbao/;
 * - a small synthetic corpus (fixed seed) plus the samples, with its search index.
 */

export interface BuiltSites {
  samples: { raw: string; data: string; dist: string; distSub: string };
  synthetic: { raw: string; data: string; dist: string };
}

declare module 'vitest' {
  export interface ProvidedContext {
    sites: BuiltSites;
  }
}

/** vitest sets BASE_URL, MODE, DEV, PROD, SSR and NODE_ENV for its own Vite; a child build must not inherit them. */
export function buildEnv(extra: Record<string, string>): Record<string, string | undefined> {
  const env: Record<string, string | undefined> = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
  for (const k of ['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV']) delete env[k];
  return env;
}

function run(what: string, args: string[], env: Record<string, string> = {}): void {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: buildEnv(env), maxBuffer: 64 << 20 });
  if (r.status !== 0)
    throw new Error(`test setup: ${what} failed (exit ${r.status})\n${r.stderr}\n${r.stdout.slice(-4000)}`);
}

const tsx = (script: string, ...args: string[]) => ['--import', 'tsx', script, ...args];
const astro = (outDir: string) => ['node_modules/astro/bin/astro.mjs', 'build', '--outDir', outDir];

export const SYNTHETIC_PART_BYTES = 16384;

/** A sample of data/raw/ the synthetic corpus also holds a copy of (zz-copies/COPY_FILE: other line ends). */
export const COPIED_SAMPLE = '001_8c5126968789870d.txt';
export const COPY_FILE = '龙泉市2020-crlf.txt';

export const HOSTILE_FILE = '"><img src=x onerror=alert(7)>.txt';
export const HOSTILE_TITLE = '无锡市滨湖区<script>alert(1)</script>行政审批局2020年政府信息公开工作年度报告';

function hostileReport(): string {
  const sample = readFileSync('data/raw/000_c118c1f3c5e39f04.txt', 'utf8');
  return sample
    .replace('无锡市滨湖区行政审批局2020年政府信息公开工作年度报告', HOSTILE_TITLE)
    .replace(
      '五、存在的主要问题及改进情况',
      '五、存在的主要问题及改进情况\n见<img src=x onerror=alert(2)>与<a href="javascript:alert(3)">链接</a>，以及 <iframe src="https://example.com"></iframe>。',
    );
}

/**
 * A report whose title says 2020 and whose statistical period (统计期限) says 2019: its year is
 * kept and disputed (W_YEAR_DISPUTED), which its page and the quality page must say.
 */
export const DISPUTED_FILE = 'disputed/淮安市清江浦区测试局2020年报告.txt';
function disputedReport(): string {
  return buildReport({ title: '淮安市清江浦区测试局2020年政府信息公开工作年度报告' }).replace(
    '一、总体情况\n',
    '一、总体情况\n本报告中所列数据的统计期限自2019年1月1日起至2019年12月31日止。\n',
  );
}

/**
 * A report whose title's year is garbled past reading (锟斤拷: mojibake) after the agency's name:
 * the name is its issuer's (发布机构), kept and disputed (W_AGENCY_DISPUTED, reports.title_agency),
 * which its page, its agency's page and the quality page must say.
 */
export const AGENCY_DISPUTED_FILE = 'disputed/淮安市清江浦区乱码测试局报告.txt';
export const AGENCY_DISPUTED_TITLE_NAME = '淮安市清江浦区乱码测试局锟斤拷';
function agencyDisputedReport(): string {
  return buildReport({
    title: `${AGENCY_DISPUTED_TITLE_NAME}年政府信息公开工作年度报告`,
    head: ['发布机构：淮安市清江浦区乱码测试局', '发布时间：2021-01-20'],
  });
}

/**
 * Reports of one name whose place is not known, two years each: 朝阳街道办事处 (a name of many
 * places: region_code NULL) and 店上镇人民政府 (in 潞城区 and in 壶关县: ambiguous, 140400). Each
 * pair shares an agency page (its old address), which must not show them as one agency's years.
 */
export const NAMESAKE_FILES: Record<string, string> = {
  'namesakes/朝阳街道2020.txt': buildReport({ title: '朝阳街道办事处2020年政府信息公开工作年度报告' }),
  'namesakes/朝阳街道2021.txt': buildReport({
    title: '朝阳街道办事处2021年政府信息公开工作年度报告',
    head: ['发布时间：2022-01-20'],
    requests: { new_received: ['5', '1', '0', '2', '0', '0', '8'], granted: ['3', '1', '0', '1', '0', '0', '5'] },
  }),
  'namesakes/店上镇2020.txt': buildReport({ title: '店上镇人民政府2020年政府信息公开工作年度报告' }),
  'namesakes/店上镇2021.txt': buildReport({
    title: '店上镇人民政府2021年政府信息公开工作年度报告',
    head: ['发布时间：2022-01-20'],
    requests: { new_received: ['2', '0', '0', '0', '0', '0', '2'], granted: ['1', '0', '0', '0', '0', '0', '1'] },
  }),
};

/**
 * Two different reports of one agency (淮安市测试局, place known) for one year, say an original and
 * its corrected version with other numbers: neither is a copy of the other (same_agency_year 1
 * each), neither is in a total; the quality page lists them together and search tells them apart.
 */
export const CONFLICT_FILES: Record<string, string> = {
  'conflict/淮安市测试局2020年报告.txt': buildReport({
    title: '淮安市测试局2020年政府信息公开工作年度报告',
    requests: { new_received: ['5', '1', '0', '2', '0', '0', '8'], granted: ['3', '1', '0', '1', '0', '0', '5'] },
  }),
  'conflict/淮安市测试局2020年报告（另一版本）.txt': buildReport({
    title: '淮安市测试局2020年政府信息公开工作年度报告',
    head: ['发布时间：2021-02-03'],
    requests: { new_received: ['6', '1', '0', '2', '0', '0', '9'], granted: ['4', '1', '0', '1', '0', '0', '6'] },
  }),
};

/**
 * A 2020 and a 2021 report saved as one file (W_SECOND_REPORT): the first is read, and its row
 * (second_report_line), its page and the quality page say where the second, unread, begins.
 */
export const SECOND_REPORT_FILE = 'second/淮安市两份报告测试局.txt';
function secondReportFile(): string {
  const title = (y: number) => `淮安市两份报告测试局${y}年政府信息公开工作年度报告`;
  return `${buildReport({ title: title(2020) })}\n${buildReport({ title: title(2021), head: ['发布时间：2022-01-20'] }).replace(/2020年，/g, '2021年，')}`;
}

/**
 * A report whose year is NULL (W_NO_YEAR): its title says 2021 but it was published in January
 * 2021, before a 2021 report could be. The quality page must list it with that reason.
 */
export const NO_YEAR_FILE = 'noyear/淮安市年度不详测试局报告.txt';
export const NO_YEAR_REASON = '报告所属年度无法确定（标题写2021年，发布于2021年），年度留空';
function noYearReport(): string {
  return buildReport({
    title: '淮安市年度不详测试局2021年政府信息公开工作年度报告',
    head: ['发布时间：2021-01-20'],
  });
}

/**
 * A report file edited after a first run (its agency corrected two numbers): the first version is
 * ingested alone into the synthetic site's output folder, from the same raw folder, before the
 * whole corpus is. The report's id changes with its bytes; its first id must redirect to the new
 * one (manifest `replaces`, `_redirects`, the 404 page's script).
 */
export const EDITED_FILE = 'edited/淮安市更正测试局2020年报告.txt';
export const EDITED_BEFORE = buildReport({
  title: '淮安市更正测试局2020年政府信息公开工作年度报告',
  requests: { new_received: ['5', '1', '0', '2', '0', '0', '8'], granted: ['3', '1', '0', '1', '0', '0', '5'] },
});
function editedReport(): string {
  return buildReport({
    title: '淮安市更正测试局2020年政府信息公开工作年度报告',
    requests: { new_received: ['6', '1', '0', '2', '0', '0', '9'], granted: ['4', '1', '0', '1', '0', '0', '6'] },
  });
}

/**
 * A report and its corrected version (（更正版） in the title): the corrected one is the year's
 * report and in totals; the other names it in reports.superseded_by, and the pages link each other.
 */
// 2021 and 宿迁市: apart from the year, region and agency the tests of CONFLICT_FILES count over.
const correctedReport = (title: string, new_received: string[]) =>
  buildReport({
    title,
    head: ['发布时间：2022-01-20'],
    requests: { new_received, granted: ['3', '1', '0', '1', '0', '0', '5'] },
  }).replace(/2020年，/g, '2021年，');
export const CORRECTED_FILES = {
  'corrected/宿迁市复核测试局2021年报告.txt': correctedReport('宿迁市复核测试局2021年政府信息公开工作年度报告', [
    '5',
    '1',
    '0',
    '2',
    '0',
    '0',
    '8',
  ]),
  'corrected/宿迁市复核测试局2021年报告（更正）.txt': correctedReport(
    '宿迁市复核测试局2021年政府信息公开工作年度报告（更正版）',
    ['7', '1', '0', '2', '0', '0', '10'],
  ),
};

/** The sub-path build's public address (SITE_URL). */
export const SUB_SITE_URL = 'https://nianbao.example.org';

export default function setup(project: TestProject): () => void {
  // Inside the project: Astro puts a build's prerender files under its outDir only when the
  // outDir is inside the working directory (otherwise in the shared .astro/), and two builds
  // sharing that folder break each other (e.g. a test run beside `npm run bench`).
  mkdirSync('.test-sites', { recursive: true });
  const tmp = resolve(mkdtempSync(join('.test-sites', 'run-')));
  const samples = {
    raw: join(tmp, 'samples-raw'),
    data: join(tmp, 'samples-data'),
    dist: join(tmp, 'samples-dist'),
    distSub: join(tmp, 'samples-dist-sub'),
  };
  // The samples alone, copied: a user's own reports beside them in data/raw/ are not the tests'.
  copySamples(samples.raw);
  run('ingest (samples)', tsx('scripts/ingest.ts', '--raw', samples.raw, '--out', samples.data, '--quiet'), {
    SOURCE_DATE_EPOCH: '1767225600',
  });
  run('astro build (samples)', astro(samples.dist), { NIANBAO_DATA: samples.data, NIANBAO_RAW: samples.raw });
  run('search index (samples)', tsx('scripts/search-index.ts', '--dist', samples.dist, '--quiet'));
  run('astro build (samples, BASE_PATH)', astro(samples.distSub), {
    NIANBAO_DATA: samples.data,
    NIANBAO_RAW: samples.raw,
    BASE_PATH: '/nianbao/',
    // The site's address known: canonical links and the data page's Dataset description are absolute.
    SITE_URL: SUB_SITE_URL,
  });
  run('search index (samples, BASE_PATH)', tsx('scripts/search-index.ts', '--dist', samples.distSub, '--quiet'));

  const synthetic = { raw: join(tmp, 'synth', 'raw'), data: join(tmp, 'synth-data'), dist: join(tmp, 'synth-dist') };
  // The edited file's first version, the only file of a first run (see EDITED_FILE).
  mkdirSync(join(synthetic.raw, 'edited'), { recursive: true });
  writeFileSync(join(synthetic.raw, EDITED_FILE), EDITED_BEFORE);
  run(
    'ingest (synthetic, before an edit)',
    tsx('scripts/ingest.ts', '--raw', synthetic.raw, '--out', synthetic.data, '--quiet', '--workers', '0'),
  );
  run('synth', tsx('scripts/synth.ts', '--count', '120', '--seed', '11', '--out', join(tmp, 'synth')));
  // The synth emptied the raw folder: the edited file's second version.
  mkdirSync(join(synthetic.raw, 'edited'));
  writeFileSync(join(synthetic.raw, EDITED_FILE), editedReport());
  copySamples(join(synthetic.raw, 'samples'));
  // A copy of a sample (the same report with other line ends): a report whose duplicate_of is
  // the sample (it comes after it in path order), for the tests of copies in search and counts.
  mkdirSync(join(synthetic.raw, 'zz-copies'));
  const original = readFileSync(join('data/raw', COPIED_SAMPLE), 'utf8');
  writeFileSync(
    join(synthetic.raw, 'zz-copies', COPY_FILE),
    original.includes('\r\n') ? original.replace(/\r\n/g, '\n') : original.replace(/\n/g, '\r\n'),
  );
  // A hostile file: markup and script in its name, title and text must stay inert everywhere.
  mkdirSync(join(synthetic.raw, 'hostile'));
  writeFileSync(join(synthetic.raw, 'hostile', HOSTILE_FILE), hostileReport());
  mkdirSync(join(synthetic.raw, 'disputed'));
  writeFileSync(join(synthetic.raw, DISPUTED_FILE), disputedReport());
  writeFileSync(join(synthetic.raw, AGENCY_DISPUTED_FILE), agencyDisputedReport());
  mkdirSync(join(synthetic.raw, 'second'));
  writeFileSync(join(synthetic.raw, SECOND_REPORT_FILE), secondReportFile());
  mkdirSync(join(synthetic.raw, 'noyear'));
  writeFileSync(join(synthetic.raw, NO_YEAR_FILE), noYearReport());
  mkdirSync(join(synthetic.raw, 'namesakes'));
  for (const [f, text] of Object.entries(NAMESAKE_FILES)) writeFileSync(join(synthetic.raw, f), text);
  mkdirSync(join(synthetic.raw, 'corrected'));
  for (const [f, text] of Object.entries(CORRECTED_FILES)) writeFileSync(join(synthetic.raw, f), text);
  mkdirSync(join(synthetic.raw, 'conflict'));
  for (const [f, text] of Object.entries(CONFLICT_FILES)) writeFileSync(join(synthetic.raw, f), text);
  // A part limit of 16 KB: the synthetic site publishes its datasets, the manifest's entries and
  // the reports index in parts, and no DuckDB file (the samples site has every file whole).
  run(
    'ingest (synthetic)',
    tsx('scripts/ingest.ts', '--raw', synthetic.raw, '--out', synthetic.data, '--quiet', '--workers', '0'),
    { NIANBAO_PART_BYTES: String(SYNTHETIC_PART_BYTES) },
  );
  run('astro build (synthetic)', astro(synthetic.dist), {
    NIANBAO_DATA: synthetic.data,
    NIANBAO_RAW: synthetic.raw,
    NIANBAO_PART_BYTES: String(SYNTHETIC_PART_BYTES),
  });
  run('search index (synthetic)', tsx('scripts/search-index.ts', '--dist', synthetic.dist, '--quiet'));
  project.provide('sites', { samples, synthetic });
  return () => rmSync(tmp, { recursive: true, force: true });
}
