import { describe, expect, it } from 'vitest';
import {
  bucketOf,
  deltaDecode,
  deltaEncode,
  gramsOf,
  intersectSorted,
  normalizeText,
  postingsOf,
  termGrams,
  unionSorted,
} from '../src/lib/search/grams.ts';
import { CHUNK, GROUP, buildSiteIndex, buildTable } from '../src/lib/search/table.ts';
import { containsAll, editDistance, matchedAlternative, parseQuery, queryTerms } from '../src/lib/search/query.ts';
import { expansions } from '../src/lib/search/abbreviations.ts';
import { foldText } from '../src/lib/search/script.ts';
import { mulberry32 } from './helpers.ts';
import { excerptPieces, matchedForms, pinyinKeys } from '../src/lib/search/excerpt.ts';
import {
  placeCore,
  placeFiles,
  placeFilesFor,
  placesByPinyin,
  placesNear,
  type Place,
} from '../src/lib/search/places.ts';

/** Pages found for a term by the character index alone, the way the browser looks them up. */
function lookup(texts: string[], term: string): number[] {
  const { header, groups, buckets } = buildTable(
    texts.map((content, i) => ({ url: `/p/${i}/`, content, filters: { 类型: ['报告'] }, meta: {} })),
  );
  const lists = termGrams(normalizeText(term)).map((g) => deltaDecode(buckets[bucketOf(g, header.buckets)]![g] ?? []));
  return intersectSorted(lists).map((n) => Number(/\d+/.exec(groups.flat()[n]!.url)![0]));
}

describe('character index', () => {
  it('normalises white space next to CJK, width, case and zero-width word marks', () => {
    expect(normalizeText('2023 年度')).toBe('2023年度');
    expect(normalizeText('信息     404条')).toBe('信息404条');
    expect(normalizeText('政务\u200b新\u200b媒体')).toBe('政务新媒体');
    expect(normalizeText('ＪＳＯＮ  File')).toBe('json file');
  });

  it('finds a string inside longer words and across any segmentation', () => {
    const texts = ['行政审批局', '政务新媒体平台', '政务 新媒体', '石家庄市', '石家庄', '审批', '局长'];
    expect(lookup(texts, '局')).toEqual([0, 6]);
    expect(lookup(texts, '政务新媒体')).toEqual([1, 2]);
    expect(lookup(texts, '石家庄')).toEqual([3, 4]);
    expect(lookup(texts, '审批')).toEqual([0, 5]);
    expect(lookup(texts, '2023')).toEqual([]);
  });

  it('grams: single characters and adjacent pairs; a term of 3+ characters by its pairs', () => {
    expect([...gramsOf('审批局')].sort()).toEqual(['审', '审批', '局', '批', '批局'].sort());
    expect(termGrams('局')).toEqual(['局']);
    expect(termGrams('审批局')).toEqual(['审批', '批局']);
    expect(deltaDecode(deltaEncode([3, 4, 9, 30]))).toEqual([3, 4, 9, 30]);
    expect(
      unionSorted([
        [1, 4],
        [2, 4, 9],
      ]),
    ).toEqual([1, 2, 4, 9]);
  });

  it('pages in a fixed order: directory pages first, then reports newest first', () => {
    const page = (url: string, type: string, year?: string) => ({
      url,
      content: 'x',
      filters: { 类型: [type], ...(year ? { 年度: [year] } : {}) },
      meta: {},
    });
    const { chunks, groups } = buildTable([page('r1', '报告', '2019'), page('a', '机关'), page('r2', '报告', '2021')]);
    const [c] = chunks;
    expect(groups.flat().map((r) => r.url)).toEqual(['a', 'r2', 'r1']);
    expect(c!.year).toEqual([0, 2021, 2019]);
    expect(c!.facets['年度']!.values[c!.facets['年度']!.of[1]!]).toBe('2021');
  });

  it('the first stage says which shards hold a gram; page tables come in chunks, records in groups', () => {
    const site = buildSiteIndex([new Set(['局', '审批']), new Set(['局'])]);
    const lookup = (g: string) => site.files[bucketOf(g, site.buckets)]![g] ?? [];
    expect(lookup('局')).toEqual([0, 1]);
    expect(lookup('审批')).toEqual([0]);
    expect(lookup('公开')).toEqual([]);
    const many = Array.from({ length: CHUNK + 5 }, (_, i) => ({
      url: `/r/${String(i).padStart(4, '0')}/`,
      content: 'x',
      filters: { 类型: ['报告'] },
      meta: {},
    }));
    const table = buildTable(many);
    expect(table.chunks.map((c) => c.year.length)).toEqual([CHUNK, 5]);
    expect(table.header.group).toBe(GROUP);
    expect(table.groups).toHaveLength(Math.ceil((CHUNK + 5) / GROUP));
    expect(table.groups.every((g, k) => g.length === Math.min(GROUP, CHUNK + 5 - k * GROUP))).toBe(true);
    // Page n is entry n % group of group file floor(n / group), in page-table order.
    const n = 777;
    expect(table.groups[Math.floor(n / GROUP)]![n % GROUP]!.url).toBe('/r/0777/');
    expect(buildTable(many, {}, 100).groups.map((g) => g.length)).toEqual([
      ...Array.from({ length: 10 }, () => 100),
      5,
    ]);
  });
});

describe('the quick paths of the index equal their plain definitions (random texts)', () => {
  // Spaces, Han, a fold's characters, astral characters, lone surrogates, NUL, Latin.
  const alphabet = [
    ' ',
    ' ',
    '局',
    '公',
    '開',
    '資',
    '资',
    '𠀀',
    '𠀁',
    '\ud800',
    '\udc00',
    '\u0000',
    'a',
    'B',
    '年',
    '-',
    ']',
  ];
  const fold: Record<string, string> = { 開: '开', 資: '资', ']': '》', 𠀀: '一', ab: 'x' };
  const texts = (seed: number) => {
    const r = mulberry32(seed);
    return Array.from({ length: 1 + Math.floor(r() * 40) }, () =>
      Array.from({ length: Math.floor(r() * 30) }, () => alphabet[Math.floor(r() * alphabet.length)]!).join(''),
    );
  };
  it('postingsOf: the pages of each gram of gramsOf, in order of first occurrence', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const pages = texts(seed);
      const want = new Map<string, number[]>();
      let total = 0;
      pages.forEach((t, n) => {
        for (const g of gramsOf(t)) {
          want.set(g, [...(want.get(g) ?? []), n]);
          total++;
        }
      });
      const got = postingsOf(pages);
      expect([...got.postings]).toEqual([...want]);
      expect(got.total).toBe(total);
    }
  });
  it('postingsOf: also past 32,768 different characters (pairs keyed another way)', () => {
    const many = Array.from({ length: 33_000 }, (_, i) => String.fromCodePoint(0x4e00 + i)).join('');
    const c = (i: number) => String.fromCodePoint(0x4e00 + i);
    // Pairs (5, 32800) and (6, 32): one number under a key of 32,768 per character.
    const pages = [many, `${many.slice(-40)} 局${many.slice(0, 40)}`, c(5) + c(32_800), c(6) + c(32)];
    const want = new Map<string, number[]>();
    pages.forEach((t, n) => {
      for (const g of gramsOf(t)) want.set(g, [...(want.get(g) ?? []), n]);
    });
    expect([...postingsOf(pages).postings]).toEqual([...want]);
  });
  it('foldText: each character replaced by its fold, one at a time; keys of two characters never match', () => {
    for (let seed = 1; seed <= 200; seed++)
      for (const t of texts(seed)) {
        let want = '';
        for (const c of t) want += fold[c] ?? c;
        expect(foldText(t, fold)).toBe(want);
      }
    expect(foldText('ab開', {})).toBe('ab開');
  });
});

describe('traditional script in the index', () => {
  it('indexes page text folded to simplified and marks the pages the fold changes', () => {
    const fold = { 資: '资', 訊: '讯', 開: '开', 請: '请' };
    const { header, chunks, groups, buckets, folded } = buildTable(
      ['依申請公開', '依申请公开', '信息公开'].map((content, i) => ({
        url: `/p/${i}/`,
        content,
        filters: { 类型: ['报告'] },
        meta: {},
      })),
      fold,
    );
    const pages = (g: string) => deltaDecode(buckets[bucketOf(g, header.buckets)]![g] ?? []);
    const url = (n: number) => groups.flat()[n]!.url;
    expect(intersectSorted(termGrams('依申请公开').map(pages)).map(url)).toEqual(['/p/0/', '/p/1/']);
    expect(chunks[0]!.fold?.map(url)).toEqual(['/p/0/']);
    expect([...folded].sort()).toEqual(['請', '開'].sort());
  });
});

describe('queries and suggestions', () => {
  it('terms: quoted phrases whole, others split on white space, normalised', () => {
    expect(queryTerms('滨湖 "2023 年度" ＡＢ')).toEqual(['滨湖', '2023年度', 'ab']);
    expect(queryTerms('2023 年度 信息 404条')).toEqual(['2023年度', '信息404条']);
    expect(queryTerms('滨湖 复议')).toEqual(['滨湖', '复议']);
  });
  it('a space where Chinese meets digits or Latin: the words joined, or each word anywhere', () => {
    // A tester's query: 住建局 2023 was searched only as 住建局2023.
    expect(parseQuery('住建局 2023').alternatives).toEqual([['住建局2023'], ['住建局', '2023']]);
    expect(parseQuery('2023 年度 信息 404条').alternatives).toEqual([
      ['2023年度', '信息404条'],
      ['2023', '年度', '信息', '404条'],
    ]);
    // No such space: one reading; a quoted phrase is never split or joined to its neighbours.
    expect(parseQuery('滨湖 复议').alternatives).toEqual([['滨湖', '复议']]);
    expect(parseQuery('"2023 年度" 滨湖').alternatives).toEqual([['2023年度', '滨湖']]);
    expect(parseQuery('滨湖 "ab"').alternatives).toEqual([['滨湖', 'ab']]);
    expect(parseQuery('  ').alternatives).toEqual([]);
    const alts = parseQuery('住建局 2023').alternatives.map((a) => a.map((t) => [t]));
    // A page with the joined string matches the first reading (and marks it whole) …
    expect(matchedAlternative('某市住建局 2023年度报告', alts)).toBe(0);
    // … one with the words apart matches the second (each word marked) …
    expect(matchedAlternative('2023年度 某市住房和城乡建设局（住建局）', alts)).toBe(1);
    // … and one without a word matches neither.
    expect(matchedAlternative('某市住建局 2022年度', alts)).toBe(-1);
  });
  it('a quote mark without its pair is not searched: it separates words, as a space does', () => {
    // A fresh tester's: "民政局 was searched with its quote mark and found nothing.
    expect(parseQuery('"民政局').alternatives).toEqual([['民政局']]);
    expect(parseQuery('民政局"').alternatives).toEqual([['民政局']]);
    expect(parseQuery('“民政局').alternatives).toEqual([['民政局']]);
    expect(parseQuery('民政局”').alternatives).toEqual([['民政局']]);
    expect(parseQuery('"滨湖" "民政局').alternatives).toEqual([['滨湖', '民政局']]);
    expect(parseQuery('滨湖"复议').alternatives).toEqual([['滨湖', '复议']]);
    expect(parseQuery('"').alternatives).toEqual([]);
    // A pair still keeps its phrase whole.
    expect(parseQuery('"2023 年度"').alternatives).toEqual([['2023年度']]);
  });
  it('a long query is cut to its first 64 characters, white space not counted', () => {
    const long = '政府信息公开工作'.repeat(190);
    const p = parseQuery(long);
    expect(p.chars).toBe(1520);
    expect(p.cut).toBe(true);
    expect(p.alternatives).toEqual([[long.slice(0, 64)]]);
    // Grams looked up: at most 63 pairs, where all 1,519 were before.
    expect(new Set(p.alternatives.flat().flatMap(termGrams)).size).toBeLessThanOrEqual(63);
    // Several words: whole words while they fit, the last one cut.
    const words = parseQuery(`${'滨湖区'.repeat(20)} 复议 公开透明 诉讼`, 64);
    expect(words.alternatives).toEqual([['滨湖区'.repeat(20), '复议', '公开']]);
    expect(parseQuery('滨湖 复议').cut).toBe(false);
    expect(parseQuery('a'.repeat(64)).cut).toBe(false);
  });
  it('a term is any of its readings; traditional page text is folded', () => {
    // A term is found by any of its readings; a page in traditional script by its folded text.
    expect(containsAll('政府信息公开', [['资讯公开', '信息公开']])).toBe(true);
    expect(containsAll('政府資訊公開', [['资讯公开', '信息公开']], { 資: '资', 訊: '讯', 開: '开' })).toBe(true);
    expect(containsAll('政府資訊公開', [['资讯公开', '信息公开']])).toBe(false);
    expect(containsAll('行政复议 诉讼', [['复议'], ['诉讼']])).toBe(true);
  });
  it('edit distance and abbreviations', () => {
    expect(editDistance('依申清公开', '依申请公开')).toBe(1);
    expect(editDistance('审批局', '民政局', 1)).toBeGreaterThan(1);
    expect(expansions('滨湖区卫健委')).toContain('滨湖区卫生健康委员会');
  });
});

describe('excerpts', () => {
  const render = (pieces: ReturnType<typeof excerptPieces>) =>
    pieces.map((p) => (typeof p === 'string' ? p : `[${p.mark}]`)).join('');
  const meta = '滨湖区行政审批局 文件 000.txt';
  const text = `${meta}报告正文.报告开头.一、总体情况.本年度共收到行政复议申请2件,均已办结。其余工作正常开展,没有行政诉讼。`;

  it('marks each term once, in the report text, with one ellipsis per gap', () => {
    expect(render(excerptPieces(text, text, [['复议'], ['诉讼']], 6))).toBe(
      '…度共收到行政[复议]申请2件,均 …展,没有行政[诉讼]。',
    );
  });
  it('a window does not reach back into the metadata block', () => {
    expect(render(excerptPieces(text, text, [['报告开头']], 30))).toBe(
      '…[报告开头].一、总体情况.本年度共收到行政复议申请2件,均已办结。其余…',
    );
  });
  it('finds any reading, in the compared text, and shows the text as published', () => {
    const shown = '報告正文.依申請公開的情況';
    const folded = '报告正文.依申请公开的情况';
    expect(render(excerptPieces(shown, folded, [['资讯公开', '依申请公开']], 4))).toBe('…[依申請公開]的情況');
  });
  it('windows that touch are joined without an ellipsis; no match: the start of the text', () => {
    expect(render(excerptPieces('报告正文甲乙丙丁', '报告正文甲乙丙丁', [['甲'], ['丙']], 1))).toBe('…[甲]乙[丙]丁');
    expect(render(excerptPieces('一二三四五六', '一二三四五六', [['七']], 2))).toBe('一二三四…');
  });
  it('marks every term inside a window, also one that falls in another term’s window', () => {
    // A fresh tester's: 测试 2022 marked 测试 but not the 2022 just after it; 十八号 索引号 left 索引号.
    const t = '报告正文.本单位为测试十八号局2022年度报告的编制单位。';
    expect(render(excerptPieces(t, t, [['测试'], ['2022']], 6))).toBe('…本单位为[测试]十八号局[2022]年度报告的编…');
    const m = '索引号:001 十八号局 报告正文.十八号局索引号见上。';
    expect(render(excerptPieces(m, m, [['十八号'], ['索引号']], 4))).toBe('…[十八号]局[索引号]见上。');
    // Overlapping terms are one mark.
    expect(render(excerptPieces('报告正文甲乙丙', '报告正文甲乙丙', [['甲乙'], ['乙丙']], 1))).toBe('…[甲乙丙]');
  });
  it('the forms a page shows where a reading matched (for the highlight on the page)', () => {
    const shown = '依申請公開答覆;依申请公开;依申請公開';
    const folded = '依申请公开答复;依申请公开;依申请公开';
    expect(matchedForms(shown, folded, [['依申请公开'], ['答复']])).toEqual(['依申請公開', '依申请公开', '答覆']);
  });
  it('pinyin keys: each Latin term and all of them joined', () => {
    expect(pinyinKeys(['bao', 'ding'])).toEqual(['baoding', 'bao', 'ding']);
    expect(pinyinKeys(['wuxi', '滨湖', 'a'])).toEqual(['wuxi']);
  });
});

describe('place suggestions', () => {
  const places: Place[] = [
    ['wuxi', '无锡市', '/regions/320200/'],
    ['binhu', '滨湖区', '/regions/320211/'],
    ['tangshan', '唐山市', '/regions/130200/'],
    ['shijiazhuang', '石家庄市', '/regions/130100/'],
  ];
  const files = placeFiles(places);
  /** What the browser would fetch for a term, and find in it. */
  const fetched = (t: string) =>
    placeFilesFor(t).flatMap((f) => {
      const [d, k] = f.split('/') as ['p' | 'f' | 'l', string];
      return d === 'p' ? (files.pinyin[k] ?? []) : (d === 'f' ? files.first : files.last)[Number(k)]!;
    });

  it('by pinyin, from the file of its first letter', () => {
    expect(placeFilesFor('wuxi')).toEqual(['p/w']);
    expect(placesByPinyin('wuxi', fetched('wuxi')).map((p) => p[1])).toEqual(['无锡市']);
    expect(placesByPinyin('tang', fetched('tang')).map((p) => p[1])).toEqual(['唐山市']);
  });
  it('within one edit, whichever character is wrong, from two files', () => {
    for (const typo of ['唐三市', '堂山市', '唐山是', '唐三', '堂山', '石家装市', '石家装']) {
      expect(placeFilesFor(typo)).toHaveLength(2);
      expect(
        placesNear(typo, fetched(typo)).map((p) => p[1]),
        typo,
      ).toEqual([typo.startsWith('石') ? '石家庄市' : '唐山市']);
    }
    expect(placesNear('唐山市', fetched('唐山市'))).toEqual([]);
    expect(placesNear('唐山', fetched('唐山'))).toEqual([]);
    expect(placeCore('无锡市')).toBe('无锡');
  });
});
