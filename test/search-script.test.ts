import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { characterFold, scriptData } from '../src/lib/search/script-data.ts';
import { foldText, readingsOf, ScriptTables } from '../src/lib/search/script.ts';
import { normalizeText } from '../src/lib/search/grams.ts';

/**
 * Query readings from the split dictionaries (what the browser fetches) against opencc-js's own
 * converters over the whole dictionaries.
 */
const fold = characterFold();
const { manifest, buckets } = scriptData(fold);
const t2s = OpenCC.Converter({ from: 't', to: 'cn' });
const tw2sp = OpenCC.Converter({ from: 'twp', to: 'cn' });
const toHK = OpenCC.Converter({ from: 'cn', to: 'hk' });
const toTWP = OpenCC.Converter({ from: 'cn', to: 'twp' });

async function readings(terms: string[]): Promise<{ out: string[][]; fetched: number[] }> {
  const fetched: number[] = [];
  const tables = new ScriptTables(manifest);
  const out = await readingsOf(terms, tables, (n) => {
    fetched.push(n);
    return Promise.resolve(buckets[n]!);
  });
  return { out, fetched };
}

const expected = (t: string) => [...new Set([t2s(t), tw2sp(t)].map((r) => foldText(r, fold)))];

describe('traditional script in queries', () => {
  it('reads a term with the ingest converter and with Taiwan phrases', async () => {
    const { out } = await readings(['資訊公開', '政府資訊', '依申請公開', '行政複議', '相關資料', '信息公开']);
    expect(out).toEqual([
      ['资讯公开', '信息公开'],
      ['政府资讯', '政府信息'],
      ['依申请公开'],
      ['行政复议'],
      ['相关资料', '相关数据'],
      ['信息公开'],
    ]);
  });

  it('gives exactly what opencc-js gives with its whole dictionaries', async () => {
    const sample = readFileSync('data/raw/000_c118c1f3c5e39f04.txt', 'utf8').replace(/\s+/g, '');
    const words = ['乾隆', '頭髮', '軟體', '伺服器', '網路', '電腦程式', '乾淨', '著作權', '於是', '後來', '滑鼠'];
    const terms = [...words, ...words.map((w) => `${w}資料庫`)];
    for (let i = 0; i + 12 < sample.length && terms.length < 160; i += 37) {
      const s = sample.slice(i, i + 12);
      terms.push(toHK(s), toTWP(s), s);
    }
    const normalised = terms.map(normalizeText);
    const { out } = await readings(normalised);
    normalised.forEach((t, i) => expect(out[i], t).toEqual(expected(t)));
  });

  it('fetches only a few small files for a query', async () => {
    const { fetched } = await readings(['資訊公開']);
    const bytes = fetched.reduce((n, b) => n + gzipSync(JSON.stringify(buckets[b])).length, 0);
    expect(fetched.length).toBeLessThanOrEqual(12);
    expect(bytes).toBeLessThan(6000);
    const all = buckets.reduce((n, b) => n + gzipSync(JSON.stringify(b)).length, 0);
    expect(all).toBeGreaterThan(10 * bytes);
  });

  it('folds page text one character for one character', () => {
    expect(foldText('依申請公開，資訊', fold)).toBe('依申请公开，资讯');
    for (const [k, v] of Object.entries(fold)) expect(v.length, k).toBe(k.length);
  });
});
