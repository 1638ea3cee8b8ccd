/**
 * npm run search-index [-- --dist DIR] [--shard-pages N --budget N (tests: many shards on a small site)]
 * Builds the Pagefind search index for the built site: one index per report year plus one for
 * the directory pages (see src/lib/search/shards.ts), each in its own Pagefind process so that
 * memory stays bounded, written to DIR/pagefind/<shard>/ with DIR/pagefind/shards.json.
 */
import { readFile, readdir, rm, writeFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { pinyin } from 'pinyin-pro';
import { addShardGrams, buildSiteIndex, buildTable, type Fragment } from '../src/lib/search/table.ts';
import { characterFold, scriptData } from '../src/lib/search/script-data.ts';
import { PLACE_BUCKETS, placeCore, placeFiles, type Place } from '../src/lib/search/places.ts';
import { FIRST_QUERY_PAGE_BUDGET, planShards, ShardManifest, type IndexablePage } from '../src/lib/search/shards.ts';

const argv = process.argv.slice(2);
const dist = argv[argv.indexOf('--dist') + 1] && argv.includes('--dist') ? argv[argv.indexOf('--dist') + 1]! : 'dist';
const quiet = argv.includes('--quiet');
// For tests of a many-shard site on a small corpus: pages per shard and the first query's budget.
const option = (name: string) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : undefined);
const shardPages = option('--shard-pages');
const budget = option('--budget') ?? FIRST_QUERY_PAGE_BUDGET;
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
      pages.push(
        dir === 'reports' ? { file, kind: 'reports', year: yearOf(html) } : { file, kind: 'directory', year: null },
      );
    }
  }
  return pages;
}

/** Files of the character index are gzipped JSON (like Pagefind's), named so that no server re-encodes them. */
async function writeGz(file: string, value: unknown): Promise<void> {
  await writeFile(file, gzipSync(JSON.stringify(value), { level: 9 }));
}

/** Pagefind's fragments of one shard: gzipped, `pagefind_dcd` then JSON. */
async function readFragments(dir: string): Promise<Array<{ id: string; fragment: Fragment }>> {
  const out: Array<{ id: string; fragment: Fragment }> = [];
  for (const f of (await readdir(join(dir, 'fragment'))).sort()) {
    if (!f.endsWith('.pf_fragment')) continue;
    const text = gunzipSync(await readFile(join(dir, 'fragment', f))).toString('utf8');
    out.push({
      id: f.slice(0, -'.pf_fragment'.length),
      fragment: JSON.parse(text.slice(text.indexOf('{'))) as Fragment,
    });
  }
  return out;
}

/** The character index of one shard (see src/lib/search/grams.ts), in DIR/pagefind/<shard>/nb/; returns its grams. */
async function writeCharacterIndex(
  dir: string,
  fragments: Array<{ id: string; fragment: Fragment }>,
  fold: Record<string, string>,
  foldUsed: Set<string>,
): Promise<Set<string>> {
  const { header, chunks, buckets, grams, folded } = buildTable(fragments, fold);
  for (const c of folded) foldUsed.add(c);
  await mkdir(join(dir, 'nb', 'g'), { recursive: true });
  await mkdir(join(dir, 'nb', 'p'), { recursive: true });
  await mkdir(join(dir, 'nb', 'i'), { recursive: true });
  await writeGz(join(dir, 'nb', 'pages.nbg'), header);
  // Filter values and years (for counts and sorting) apart from fragment ids (for results shown).
  for (let i = 0; i < chunks.length; i++) {
    const { ids, ...rest } = chunks[i]!;
    await writeGz(join(dir, 'nb', 'p', `${i}.nbg`), rest);
    await writeGz(join(dir, 'nb', 'i', `${i}.nbg`), ids);
  }
  for (let i = 0; i < buckets.length; i++) await writeGz(join(dir, 'nb', 'g', `${i}.nbg`), buckets[i]);
  return grams;
}

/**
 * Data for queries and suggestions, site-wide: OpenCC's dictionaries split by character for the
 * query converters (src/lib/search/script.ts), the character fold restricted to the characters
 * that occur on the pages (to check a page's text), and place names with their pinyin
 * (pinyin-pro) and page.
 */
async function writeSuggestData(
  out: string,
  places: Array<{ name: string; url: string }>,
  fold: Record<string, string>,
  foldUsed: Set<string>,
): Promise<ShardManifest['script']> {
  const { manifest, buckets } = scriptData(fold);
  await mkdir(join(out, 'nb', 't'), { recursive: true });
  for (let i = 0; i < buckets.length; i++) await writeGz(join(out, 'nb', 't', `${i}.nbg`), buckets[i]);
  await writeGz(join(out, 'fold.nbg'), Object.fromEntries([...foldUsed].sort().map((c) => [c, fold[c]!])));
  const seen = new Set<string>();
  const list: Place[] = [];
  for (const p of places.sort((a, b) => a.url.localeCompare(b.url))) {
    if (seen.has(p.name)) continue;
    seen.add(p.name);
    // Without the administrative suffix: wuxi → 无锡市.
    list.push([pinyin(placeCore(p.name), { toneType: 'none', type: 'array' }).join(''), p.name, p.url]);
  }
  // Split, so that a suggestion fetches one or two small files (src/lib/search/places.ts).
  const files = placeFiles(list);
  for (const d of ['p', 'f', 'l']) await mkdir(join(out, 'nb', 'places', d), { recursive: true });
  for (const [letter, l] of Object.entries(files.pinyin))
    await writeGz(join(out, 'nb', 'places', 'p', `${letter}.nbg`), l);
  for (let i = 0; i < PLACE_BUCKETS; i++) {
    await writeGz(join(out, 'nb', 'places', 'f', `${i}.nbg`), files.first[i]);
    await writeGz(join(out, 'nb', 'places', 'l', `${i}.nbg`), files.last[i]);
  }
  return manifest;
}

async function main(): Promise<void> {
  const started = Date.now();
  const out = join(dist, 'pagefind');
  // A stale index would mix with the new one.
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const shards = planShards(await indexablePages(), shardPages);
  let done = 0;
  const places: Array<{ name: string; url: string }> = [];
  // The first stage, filled shard by shard so that no shard's grams are kept.
  const siteGrams = new Map<string, number[]>();
  const fold = characterFold();
  const foldUsed = new Set<string>();
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
    const fragments = await readFragments(join(out, shard.id));
    addShardGrams(
      siteGrams,
      shards.indexOf(shard),
      await writeCharacterIndex(join(out, shard.id), fragments, fold, foldUsed),
    );
    for (const { fragment } of fragments)
      if (fragment.filters['类型']?.[0] === '地区' && fragment.meta.title)
        places.push({ name: fragment.meta.title, url: fragment.url });
    done += shard.pages;
    log(
      `search-index: ${shard.id} (${shard.pages} pages) · ${done} pages in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  const script = await writeSuggestData(out, places, fold, foldUsed);
  // The first stage: which shards hold each gram.
  const site = buildSiteIndex(siteGrams);
  siteGrams.clear();
  await mkdir(join(out, 'nb', 'g'), { recursive: true });
  for (let i = 0; i < site.files.length; i++) await writeGz(join(out, 'nb', 'g', `${i}.nbg`), site.files[i]);
  const manifest = ShardManifest.parse({
    version: 4,
    budget,
    gramBuckets: site.buckets,
    shards: shards.map(({ files: _f, ...s }) => s),
    script,
  });
  await writeFile(join(out, 'shards.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  log(
    `search-index: ${shards.length} indexes, ${done} pages, ${((Date.now() - started) / 1000).toFixed(1)} s → ${out}`,
  );
}

main().catch((e) => {
  console.error(`search-index: fatal: ${(e as Error).stack ?? e}`);
  process.exit(1);
});
