/**
 * npm run lighthouse [-- --dist DIR]
 * Lighthouse (performance, accessibility, best practices, SEO) of the home, a region and a
 * report page of a built site, with Debian's chromium, served locally by scripts/serve.ts.
 * Writes bench/lighthouse.md. Scores are recorded, not a test gate.
 */
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cpus, release, totalmem } from 'node:os';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { serveStatic } from './serve.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium.ts';
import { exitOnHelp } from './help.ts';

exitOnHelp(import.meta.url);

const argv = process.argv.slice(2);
const dist = argv.includes('--dist') ? argv[argv.indexOf('--dist') + 1]! : 'dist';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;

const reports = readdirSync(join(dist, 'reports')).filter((e) => /^[0-9a-f]{16}$/.test(e));
const regions = readdirSync(join(dist, 'regions')).filter((e) => /^\d{6}$/.test(e) && !e.endsWith('0000'));
const pages: Array<[string, string]> = [
  ['home', ''],
  ['region', `regions/${regions[0]}/`],
  ['report', `reports/${reports[0]}/`],
];

const { server, url } = await serveStatic(dist, '/', 0);
const chrome = await chromeLauncher.launch({
  chromePath: CHROMIUM,
  chromeFlags: CHROMIUM_FLAGS,
});
const rows: string[] = [];
const problems: string[] = [];
try {
  for (const [name, path] of pages) {
    const result = await lighthouse(url + path, {
      port: chrome.port,
      output: 'json',
      logLevel: 'error',
      onlyCategories: [...CATEGORIES],
    });
    const lhr = result!.lhr;
    const scores = CATEGORIES.map((c) => Math.round((lhr.categories[c]?.score ?? 0) * 100));
    rows.push(`| ${name} | \`/${path}\` | ${scores.join(' | ')} |`);
    for (const c of CATEGORIES) {
      const cat = lhr.categories[c]!;
      if ((cat.score ?? 0) >= 0.95) continue;
      const failing = cat.auditRefs
        .map((r) => lhr.audits[r.id]!)
        .filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode !== 'informative')
        .map((a) => `${a.id} (${a.displayValue ?? a.score})`);
      problems.push(`- ${name} · ${c} ${Math.round((cat.score ?? 0) * 100)}: ${failing.slice(0, 6).join(', ')}`);
    }
    console.error(`lighthouse: ${name}: ${scores.join(' / ')}`);
  }
} finally {
  chrome.kill();
  server.close();
}
const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, Linux ${release()}, Node ${process.version}`;
const text = `# Lighthouse

Produced by \`npm run lighthouse -- --dist ${dist}\` on ${new Date().toISOString().slice(0, 10)} (Lighthouse 13, Debian chromium, default mobile
emulation with simulated throttling; pages served uncompressed by \`scripts/serve.ts\`). Machine: ${machine}.

| page | path | performance | accessibility | best practices | SEO |
|---|---|---:|---:|---:|---:|
${rows.join('\n')}

${problems.length ? `Below 95:\n\n${problems.join('\n')}\n` : 'Every score is 95 or more.\n'}`;
mkdirSync('bench', { recursive: true });
writeFileSync('bench/lighthouse.md', text);
console.log(text);
