import * as OpenCC from 'opencc-js';
import * as Preset from 'opencc-js/preset/t2cn';
import { scriptBucketOf, type ConverterSpec, type ScriptBucket, type ScriptManifest } from './script.ts';

/**
 * Build side of src/lib/search/script.ts: OpenCC's dictionaries for the query converters, split
 * into small files by the first character of the key, and the character fold. Node only (the
 * browser never imports opencc-js).
 */

/** The converters a query is read with: the ingest's (t2s) first, then Taiwan phrases (tw2sp). */
export const QUERY_CONVERTERS = ['t2s', 'tw2sp'] as const;

/** About this many entries per file (a few hundred bytes compressed). */
export const ENTRIES_PER_SCRIPT_BUCKET = 40;

type Group = readonly string[];
interface Config {
  normalizationChain?: readonly Group[];
  segmentation?: string | Group;
  conversionChain: readonly Group[];
}

/** One character → one simplified character (same UTF-16 length), by t2s, else tw2s, else hk2s. */
export function characterFold(): Record<string, string> {
  const convs = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
  const fold: Record<string, string> = {};
  for (let cp = 0x3400; cp <= 0x9fff; cp++) {
    const ch = String.fromCodePoint(cp);
    for (const conv of convs) {
      const s = conv(ch);
      if (s !== ch && s.length === ch.length && Array.from(s).length === 1) {
        fold[ch] = s;
        break;
      }
    }
  }
  return fold;
}

function entries(dict: string): Array<[string, string]> {
  return dict
    .split('|')
    .map((line) => line.split(' '))
    .filter((p): p is [string, string] => typeof p[0] === 'string' && typeof p[1] === 'string' && p[0] !== '')
    .map(([k, v]) => [k, v]);
}

export function scriptData(fold: Record<string, string> = characterFold()): {
  manifest: ScriptManifest;
  buckets: ScriptBucket[];
} {
  const configs = (Preset as unknown as { configs: Record<string, Config> }).configs;
  const dicts: string[] = [];
  const id = (d: string) => {
    const i = dicts.indexOf(d);
    return i >= 0 ? i : dicts.push(d) - 1;
  };
  const converters: ConverterSpec[] = QUERY_CONVERTERS.map((name) => {
    const c = configs[name];
    if (!c) throw new Error(`opencc-js has no ${name} configuration`);
    const seg =
      c.segmentation === undefined ? null : typeof c.segmentation === 'string' ? [c.segmentation] : c.segmentation;
    return {
      normalization: (c.normalizationChain ?? []).map((g) => g.map(id)),
      segmentation: seg ? seg.map(id) : null,
      chain: c.conversionChain.map((g) => g.map(id)),
    };
  });
  const all = dicts.map(entries);
  const foldId = all.push(Object.entries(fold)) - 1;
  const total = all.reduce((n, e) => n + e.length, 0);
  const count = Math.max(1, Math.ceil(total / ENTRIES_PER_SCRIPT_BUCKET));
  const buckets: ScriptBucket[] = Array.from({ length: count }, () => ({}));
  all.forEach((list, d) => {
    for (const [k, v] of list) (buckets[scriptBucketOf(k, count)]![d] ??= []).push([k, v]);
  });
  return { manifest: { buckets: count, converters, fold: foldId }, buckets };
}
