/**
 * npm run search-index [-- --dist DIR]
 * Builds the Pagefind search index for the built site: one index per report year plus one for
 * the directory pages (see src/lib/search/shards.ts), each in its own Pagefind process so that
 * memory stays bounded, written to DIR/pagefind/<shard>/ with DIR/pagefind/shards.json.
 */
import { readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { FIRST_QUERY_PAGE_BUDGET, planShards, ShardManifest, type IndexablePage } from '../src/lib/search/shards.ts';

const argv = process.argv.slice(2);
const dist = argv[argv.indexOf('--dist') + 1] && argv.includes('--dist') ? argv[argv.indexOf('--dist') + 1]! : 'dist';
const quiet = argv.includes('--quiet');
const log = (s: string) => quiet || console.log(s);

/** Pages Pagefind should see: report pages (by year) and the directory pages. */
async function indexablePages(): Promise<IndexablePage[]> {
  const pages: IndexablePage[] = [];
  const yearOf = (html: string) => {
    const m = /data-pagefind-sort="year:(\d{4})"/.exec(html);
    return m ? Number(m[1]) : null;
  };
  for (const dir of ['reports', 'agencies', 'regions', 'years', 'kinds']) {
    let entries: string[] = [];
    try {
      entries = await readdir(join(dist, dir));
    } catch {
      continue;
    }
    for (const e of entries.sort()) {
      const file = `${dir}/${e}/index.html`;
      let html: string;
      try {
        html = await readFile(join(dist, file), 'utf8');
      } catch {
        continue;
      }
      // Only pages that mark what to index (lists and paging pages do not).
      if (!html.includes('data-pagefind-body')) continue;
      pages.push(dir === 'reports' ? { file, kind: 'reports', year: yearOf(html) } : { file, kind: 'directory', year: null });
    }
  }
  return pages;
}

async function main(): Promise<void> {
  const started = Date.now();
  const out = join(dist, 'pagefind');
  // A stale index would mix with the new one.
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const shards = planShards(await indexablePages());
  let done = 0;
  for (const shard of shards) {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    if (!index) throw new Error(`pagefind: ${errors.join('; ')}`);
    for (const file of shard.files) {
      const content = await readFile(join(dist, file), 'utf8');
      const r = await index.addHTMLFile({ sourcePath: file, content });
      if (r.errors.length) console.error(`search-index: ${file}: ${r.errors.join('; ')}`);
    }
    const w = await index.writeFiles({ outputPath: join(out, shard.id) });
    if (w.errors.length) throw new Error(`pagefind: writing ${shard.id}: ${w.errors.join('; ')}`);
    // Each shard in a fresh Pagefind process: its memory is returned before the next one.
    await pagefind.close();
    done += shard.pages;
    log(`search-index: ${shard.id} (${shard.pages} pages) · ${done} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  const manifest = ShardManifest.parse({ version: 2, budget: FIRST_QUERY_PAGE_BUDGET, shards: shards.map(({ files: _f, ...s }) => s) });
  await writeFile(join(out, 'shards.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  log(`search-index: ${shards.length} indexes, ${done} pages, ${((Date.now() - started) / 1000).toFixed(1)} s → ${out}`);
}

main().catch((e) => {
  console.error(`search-index: fatal: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
