import { pinyin } from 'pinyin-pro';
import type { ReportRow } from '../schema/datasets.ts';
import { pathOf, shortName, type Gazetteer, type Place } from './gazetteer.ts';
import { STAT_ZONE_CODE, ZONES } from './zones.ts';

/**
 * Region of a report: place names in the agency and title, looked up in the gazetteer, then
 * narrowed by clues — the region code inside the 索引号's unified social credit code, phone area
 * codes, e-mail and web domains, and provincial platforms named in the text (江苏政务服务网).
 * A name shared by several places stays ambiguous unless a clue decides it; a clue never
 * overrides a name that is unique. A development zone or new area that is no GB/T 2260 division
 * (zones.ts) is placed at the division that administers it, with basis `zone`.
 */

export type Region = Pick<ReportRow, 'region_code' | 'province' | 'city' | 'county' | 'township' | 'region_basis'>;

export interface RegionInput {
  agency: string | null;
  title: string | null;
  index_no: string | null;
  /** Whole text, for phone numbers, domains and platforms. */
  text: string;
}

interface Clue {
  kind: string;
  prefixes: string[];
}

export function resolveRegion(g: Gazetteer, input: RegionInput): Region {
  // Joined by a mark no name holds: joined by a space, which names may hold and which is
  // dropped, the agency's end and the title's start read as a name across the join (宁县卫生健康
  // 委员会 + 宁县… as 会宁县, …人民政府 + 河镇… as 府河镇: the 100,000-report corpus).
  const { zones, rest } = findZones(g, [input.agency, input.title].filter(Boolean).join(NO_NAME));
  // Zones last: on a tie in level the later name decides, and the zone is the more specific.
  const names = [...findNames(g, rest), ...zones];
  const clues = findClues(g, input);

  if (names.length === 0) {
    for (const clue of clues) {
      const places = clue.prefixes.map((p) => placeForPrefix(g, p)).filter((p): p is Place => !!p);
      const unique = [...new Map(places.map((p) => [p.code, p])).values()];
      if (unique.length === 1) return regionOf(g, unique[0]!, 'clue');
    }
    return empty('unresolved');
  }

  return fromNames(g, names, zones, clues);
}

type Named = { name: string; places: Place[] };

function fromNames(g: Gazetteer, names: Named[], zones: Named[], clues: Clue[]): Region {
  // The most specific name decides; the others narrow it (无锡市 + 滨湖区).
  // A name that several places share, at any level (滨海新区 is a district and a township), is
  // ambiguous until another name or a clue decides.
  const deepest = names.reduce((a, b) => (maxLevel(b.places) >= maxLevel(a.places) ? b : a));
  let cands = deepest.places;
  let stated = false;
  let contradicted = false;
  for (const other of names) {
    if (other === deepest) continue;
    const narrowed = cands.filter((c) => other.places.some((o) => isAncestor(g, o, c)));
    if (narrowed.length) {
      stated = true;
      cands = narrowed;
    } else if (other.places.every((o) => cands.every((c) => o.level < c.level))) contradicted = true;
  }
  // A more specific name none of whose places lies in a wider one the text also names (泰州市 and
  // a 林业局 in 黑龙江, a 镇 of another province): the text is not about that place; the other
  // names decide without it.
  if (contradicted)
    return fromNames(
      g,
      names.filter((n) => n !== deepest),
      zones,
      clues,
    );
  let usedClue = false;
  if (cands.length > 1) {
    for (const clue of clues) {
      const narrowed = cands.filter(
        (c) =>
          clue.prefixes.some((p) => c.code.startsWith(p)) ||
          (clue.kind === 'domain' && domainMatches(g, c, clue.prefixes)),
      );
      if (narrowed.length && narrowed.length < cands.length) {
        cands = narrowed;
        usedClue = true;
      }
      if (cands.length === 1) break;
    }
  }
  if (cands.length === 1) {
    const place = cands[0]!;
    if (zones.includes(deepest)) return regionOf(g, place, 'zone');
    const parent = zoneParent(g, place);
    if (parent) return regionOf(g, parent, 'zone');
    return regionOf(g, place, usedClue ? 'clue' : stated || place.level === 1 ? 'stated' : 'gazetteer');
  }
  // Several places: publish only what they share.
  const common = commonAncestor(g, cands);
  return common ? { ...regionOf(g, zoneParent(g, common) ?? common, 'ambiguous') } : empty('ambiguous');
}

/** A county-level place with a statistical zone code (320576 苏州工业园区) → the city above it. */
export function zoneParent(g: Gazetteer, place: Place): Place | null {
  if (place.level !== 3 || !STAT_ZONE_CODE.test(place.code) || !place.parent) return null;
  return g.byCode.get(place.parent) ?? null;
}

/** A mark no place name holds, kept by findNames: a name is not read across it. */
const NO_NAME = '|';

/** Listed zones named in the text, each standing for the division that administers it; the rest of the text. */
function findZones(g: Gazetteer, text: string): { zones: Array<{ name: string; places: Place[] }>; rest: string } {
  const zones: Array<{ name: string; places: Place[] }> = [];
  let rest = text.replace(/\s+/g, '');
  for (const z of ZONES) {
    if (!rest.includes(z.name)) continue;
    const place = g.byCode.get(z.code);
    if (!place) continue;
    zones.push({ name: z.name, places: [place] });
    rest = rest.split(z.name).join(NO_NAME);
  }
  return { zones, rest };
}

function empty(basis: Region['region_basis']): Region {
  return { region_code: null, province: null, city: null, county: null, township: null, region_basis: basis };
}

function regionOf(g: Gazetteer, place: Place, basis: Region['region_basis']): Region {
  const path = pathOf(g, place.code);
  const at = (level: number) => path.find((p) => p.level === level)?.name ?? null;
  return { region_code: place.code, province: at(1), city: at(2), county: at(3), township: at(4), region_basis: basis };
}

const maxLevel = (ps: Place[]) => Math.max(...ps.map((p) => p.level));

function isAncestor(g: Gazetteer, a: Place, c: Place): boolean {
  for (
    let p = c.parent ? g.byCode.get(c.parent) : undefined, depth = 0;
    p && depth < 4;
    p = p.parent ? g.byCode.get(p.parent) : undefined, depth++
  )
    if (p.code === a.code) return true;
  return false;
}

function commonAncestor(g: Gazetteer, ps: Place[]): Place | null {
  const paths = ps.map((p) => pathOf(g, p.code));
  let common: Place | null = null;
  for (let i = 0; ; i++) {
    const code = paths[0]?.[i]?.code;
    if (!code || !paths.every((p) => p[i]?.code === code)) break;
    common = paths[0]![i]!;
  }
  return common;
}

/**
 * The gazetteer's names as a trie over UTF-16 code units, built once per gazetteer: node ids are
 * numbers, the edge from node n by code unit c is `edges.get(n * 0x10000 + c)` (one flat map,
 * a few MB, rather than a map per node), and `names[n]` is the name ending at node n.
 */
interface NameTrie {
  edges: Map<number, number>;
  names: Array<string | null>;
}
const NAME_TRIES = new WeakMap<Gazetteer, NameTrie>();

function nameTrie(g: Gazetteer): NameTrie {
  let trie = NAME_TRIES.get(g);
  if (trie) return trie;
  trie = { edges: new Map(), names: [null] };
  for (const name of g.byName.keys()) {
    let node = 0;
    for (let k = 0; k < name.length; k++) {
      const key = node * 0x10000 + name.charCodeAt(k);
      let child = trie.edges.get(key);
      if (child === undefined) {
        child = trie.names.length;
        trie.names.push(null);
        trie.edges.set(key, child);
      }
      node = child;
    }
    trie.names[node] = name;
  }
  NAME_TRIES.set(g, trie);
  return trie;
}

/** Ends that let a 2-character name count: X县, X区, X镇, X乡, X市, X旗. */
const SHORT_NAME_END = new Set([...'县区镇乡市旗'].map((c) => c.charCodeAt(0)));

type Found = { name: string; places: Place[]; at: number };

/**
 * Longest gazetteer names found left to right (2-character names only as X县, X区, X镇, X乡, X市,
 * X旗), each once. A walk down the name trie from each position: no substring is built or hashed
 * unless it is a name.
 */
export function findNames(g: Gazetteer, text: string): Array<{ name: string; places: Place[] }> {
  const out: Array<{ name: string; places: Place[] }> = [];
  const seen = new Set<string>();
  for (const { name, places } of scanNames(g, text.replace(/\s+/g, '')))
    if (!seen.has(name)) {
      seen.add(name);
      out.push({ name, places });
    }
  return out;
}

/**
 * Whether a name the gazetteer holds begins in `before` and ends in `after`, read run together:
 * the two lines are one name broken in two (吉林省四平市铁 / 东区…: 铁东区; 临汾市乡 / 宁县…: 乡宁县).
 */
export function nameAcross(g: Gazetteer, before: string, after: string): boolean {
  const b = before.replace(/\s+/g, '');
  return scanNames(g, b + after.replace(/\s+/g, '')).some((f) => f.at < b.length && f.at + f.name.length > b.length);
}

/** Every occurrence of a name, where it is (findNames). */
function scanNames(g: Gazetteer, t: string): Found[] {
  const out: Found[] = [];
  const { edges, names } = nameTrie(g);
  let lastEnd = 0;
  for (let i = 0; i < t.length;) {
    let hit: string | null = null;
    let node: number | undefined = 0;
    for (let j = i; j < t.length; j++) {
      node = edges.get(node * 0x10000 + t.charCodeAt(j));
      if (node === undefined) break;
      const len = j - i + 1;
      const name = names[node] ?? null;
      if (name !== null && len >= 2 && (len !== 2 || SHORT_NAME_END.has(t.charCodeAt(j)))) hit = name;
    }
    if (hit && !startsAtBoundary(g, t, i, lastEnd)) hit = null;
    const prev = out.at(-1);
    if (hit && prev && i === lastEnd) {
      const places = g.byName.get(hit)!;
      // Two names run together, the first containing none of the second's places (nor being it
      // again, or within it: 淮安市清江浦区江苏省淮安市…, a name written twice): the second is no
      // place here. When the first is no wider than the second (新镇 + 康县 in 新镇康县, a county
      // no gazetteer holds), they are one unknown name's pieces: neither counts (t57).
      const related = prev.places.some((p) =>
        places.some((c) => c === p || isAncestor(g, p, c) || isAncestor(g, c, p)),
      );
      if (!related) {
        if (Math.min(...prev.places.map((p) => p.level)) >= maxLevel(places)) out.pop();
        hit = null;
      }
    }
    if (hit) {
      out.push({ name: hit, places: g.byName.get(hit)!, at: i });
      i += hit.length;
      lastEnd = i;
    } else i++;
  }
  return out;
}

/** Chinese characters, with 〇 (a zero in years written in Chinese numerals). */
const CJK = /[\u3007\u3400-\u9fff\uf900-\ufaff]/;
/**
 * What may stand between a proper boundary and a place name, though the gazetteer holds no such
 * name: an autonomous prefecture's or a league's short form (恩施州鹤峰县, 兴安盟…), a year's
 * 年 or 年度 (二〇二三年度…), 中共 ("the Communist Party of"), a title's verb (关于 "on", 印发
 * "issuing", 转发 "forwarding", 公布/发布 "publishing"), the end of an institution's name and a
 * joining word after it (国家税务总局浏阳市…, …统计局和浏阳市…). Whole words, not a character:
 * 县, 乡, 镇, 会, 行 are inside names too (镇康县, 新乡县, 会理县, 行唐县), and 新镇康县 is no 康县.
 */
const NAME_LEAD = new RegExp(
  '^(?:[\u4e00-\u9fff]{2,3}[州盟]|[〇零一二三四五六七八九十○]*年度?)$' +
    '|(?:中共|关于|印发|转发|公布|发布|(?:局|厅|委|委员会|总局|银行|支行|分行|中心|办公室|办公厅|政府|海关|共青团|调查队|党委)[和与及]?)$',
);

/**
 * Whether a place name found at `i` starts at a proper boundary: at the text's start, after what
 * is no Chinese character (a digit, a mark, the agency–title join), right after another name
 * found (江门市 + 蓬江区), or after a run of characters from such a boundary that is a province's
 * short name (浙江杭州市) or a NAME_LEAD. A name found inside any other run is that run's tail,
 * not a place: a fresh tester's t57 published 凤潮连街道 (no such division) as 江门市's 潮连街道,
 * 龙鹤峰县 as 鹤峰县, and the abolished 宜宾县, 密云县, 绍兴县, 玉环县 as 黑龙江's 宾县, 云南's
 * 云县, 山西's 兴县, 甘肃's 环县. Such a name stays unresolved.
 */
export function startsAtBoundary(g: Gazetteer, t: string, i: number, lastEnd: number): boolean {
  let k = i;
  while (k > lastEnd && CJK.test(t[k - 1]!)) k--;
  if (k === i) return true;
  const lead = t.slice(k, i);
  // After a province's short name (湖北恩施州…, 浙江杭州市…), what follows it.
  const short = [3, 2].find((n) => n <= lead.length && g.provinceShort.has(lead.slice(0, n))) ?? 0;
  return short === lead.length || NAME_LEAD.test(lead.slice(short));
}

function placeForPrefix(g: Gazetteer, prefix: string): Place | null {
  const code = prefix.padEnd(6, '0');
  return g.byCode.get(code) ?? null;
}

const CREDIT_CODE = /(?<![0-9A-Z])[0-9A-HJ-NPQRTUWXY]{2}(\d{6})[0-9A-HJ-NPQRTUWXY]{9}[0-9A-HJ-NPQRTUWXY](?![0-9A-Z])/;
/** A provincial platform named in the text (江苏政务服务网): the two or three characters before it. */
const PLATFORM =
  /([\u4e00-\u9fff]{2,3})(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)?(?:政务服务网|政务服务平台|政府网站统一技术平台|政务服务一张网|政府门户网站)/g;
const SKIP_LABELS = new Set([
  'www',
  'gov',
  'cn',
  'com',
  'net',
  'org',
  'mail',
  'email',
  'http',
  'https',
  'zwgk',
  'xxgk',
  'sina',
  'qq',
  '163',
  '126',
]);

/**
 * A company's name right before a phone number's label (技术支持：北京某某软件有限公司 电话：010-…):
 * the company's number, not the agency's. Not a company named elsewhere on the line (…邮政储蓄银行
 * 公司业务部楼上） 电话：…, 委托第三方公司…请致电…), nor a role's words (网站运维：朝阳区政务服务中心
 * 电话：…): the agency's own (a fresh tester's t97).
 */
const VENDOR = /(?:公司|集团|科技|软件)\s*[)）]?\s*(?:联系|咨询|服务)?(?:电话|热线|tel|phone)?\s*[:：]?\s*$/i;

export function findClues(g: Gazetteer, input: RegionInput): Clue[] {
  const clues: Clue[] = [];
  const credit = CREDIT_CODE.exec((input.index_no ?? '').toUpperCase());
  if (credit) {
    const code = credit[1]!;
    // The most specific level of the embedded code that exists in the gazetteer.
    const known = [code, `${code.slice(0, 4)}00`, `${code.slice(0, 2)}0000`].find((c) => g.byCode.has(c));
    if (known) clues.push({ kind: 'credit_code', prefixes: [known.replace(/(00)+$/, '') || known] });
  }
  const head = input.text.slice(0, 200_000);
  const phones = new Set<string>();
  // Not a company's number (a web vendor's 技术支持：北京某某软件有限公司 in the page's footer: a fresh
  // tester's t96, 长春's 朝阳区 filed as 北京's by the vendor's 010): the name right before it, since
  // the line's start or the number before, says whose it is.
  let after = 0;
  for (const m of head.matchAll(/(?<!\d)(0\d{2,3})\s*[-—－)）]\s*\d{7,8}(?!\d)/g)) {
    const from = Math.max(after, head.lastIndexOf('\n', m.index) + 1, m.index - 60);
    after = m.index + m[0].length;
    if (!VENDOR.test(head.slice(from, m.index))) phones.add(m[1]!);
  }
  const phonePrefixes = [...phones].flatMap((p) =>
    (g.phone.get(p) ?? []).map((c) => c.code.slice(0, c.level === 1 ? 2 : 4)),
  );
  if (phonePrefixes.length) clues.push({ kind: 'phone', prefixes: [...new Set(phonePrefixes)] });
  const labels = new Set<string>();
  for (const m of head.matchAll(/(?:@|https?:\/\/|www\.)([a-z0-9-]+(?:\.[a-z0-9-]+)+)/gi)) {
    for (const l of m[1]!.toLowerCase().split('.')) if (!SKIP_LABELS.has(l) && /^[a-z]{3,}$/.test(l)) labels.add(l);
  }
  if (labels.size) clues.push({ kind: 'domain', prefixes: [...labels] });
  const provinces: string[] = [];
  for (const m of head.matchAll(PLATFORM)) {
    const before = m[1]!;
    const place = g.provinceShort.get(before.slice(-2)) ?? g.provinceShort.get(before.slice(-3));
    if (place && !provinces.includes(place.code.slice(0, 2))) provinces.push(place.code.slice(0, 2));
  }
  if (provinces.length) clues.push({ kind: 'platform', prefixes: provinces });
  return clues;
}

const pinyinCache = new Map<string, string>();
function py(name: string): string {
  let v = pinyinCache.get(name);
  if (v === undefined) {
    const base = shortName(name).replace(/(?:区|县|街道|镇|乡|自治州|自治县|盟|旗)$/, '');
    v = pinyin(base, { toneType: 'none', type: 'array' }).join('').replace(/ü/g, 'v');
    pinyinCache.set(name, v);
  }
  return v;
}

function domainMatches(g: Gazetteer, place: Place, labels: string[]): boolean {
  return pathOf(g, place.code).some((p) => labels.includes(py(p.name)));
}
