import type { Line } from '../decode/lines.ts';
import { bareLabel, tokenize } from '../tables/tokens.ts';
import { activeRows, requestRows } from '../template/definitions.ts';
import { announcedIssuer, isNameLine, isUnitField, namesIssuer, otherIssuer } from './issuer.ts';

/**
 * Tables printed in an appendix (附件) after the report's last section, with sections 二–四
 * saying only 详见附件表1 ("see appendix table 1"), or printing their table and then again.
 *
 * The appendix starts at a line 附件 / 附件1 / 附件：… / 附表… (or a numbered table title that
 * names a section: 表1 主动公开政府信息情况) in the last section. It is cut into tables at their
 * titles (表1…, 表一…, 附表1…, 附件2…, a section's own words) and, where a title is missing,
 * where the rows change from one section's table to another's. A table is given to a section
 * only when that is proven: its rows and header words are that section's template's and no
 * other's, and its title, if it names a section (in words, or by 表N that the body's 见附件表N of
 * a section points at), names the same one. Anything else is left where it is, unread.
 */

export type AppendixTableId = 'active' | 'requests' | 'review';

/** The section (2–4) each table belongs to. */
export const SECTION_OF: Record<AppendixTableId, 2 | 3 | 4> = { active: 2, requests: 3, review: 4 };
const TABLE_OF: Record<2 | 3 | 4, AppendixTableId> = { 2: 'active', 3: 'requests', 4: 'review' };

/** A table's number: 附件2 (`att`), 表1 / 附表1 (`tab`). */
export interface Label {
  att?: number;
  tab?: number;
}

export interface AppendixBlock {
  /** Whose rows the block holds; `mixed` when a line holds two tables' words (not placed). */
  table: AppendixTableId | 'mixed' | null;
  /** The title's line number and text, if the block has one. */
  title: { no: number; text: string; line: Line; label: Label | null; names: AppendixTableId | null } | null;
  lines: Line[];
  /**
   * What names the table besides its rows: the titles over it (its part's 附件 line, its own) and
   * the lines with no table's words before its rows (issuer.ts reads who the table is of).
   */
  context: { titles: string[]; lines: string[] };
  /**
   * The appendix's part the table stands in (a 附件 line or a title naming an issuer opens one):
   * a name anywhere in the part (填报单位：… after its last table too) speaks for all its tables.
   */
  part: number;
}

export interface Appendix {
  /** Index (into the section's lines) where the appendix begins. */
  at: number;
  /** Line number of the appendix's first line. */
  no: number;
  blocks: AppendixBlock[];
  /**
   * The name a sentence just before the appendix gives its tables (现将局属某小学本年度数据一并附后:
   * issuer.ts announcedIssuer), or null: it names every table of the appendix.
   */
  announced: string | null;
}

export interface Placed {
  /** The blocks placed under each section (2–4), in the appendix's order. */
  tables: Record<2 | 3 | 4, AppendixBlock[]>;
  /** Blocks with a template table that were not placed, and why (Chinese). */
  unplaced: Array<{ no: number; why: string }>;
}

const NUM = '[0-9]{1,2}|[一二三四五六七八九十]{1,3}';
const CN = '一二三四五六七八九十';

/** 一 → 1, 十二 → 12, 3 → 3. */
function toNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN.indexOf(s) + 1;
  const [a, b] = [...s];
  if (a === '十') return 10 + CN.indexOf(b!) + 1;
  return (CN.indexOf(a!) + 1) * 10 + (b === '十' ? 0 : CN.indexOf(b!) + 1);
}

/**
 * A title's prefix: 附件 / 附件2 / 附表1 / 表1 / 表一, a separator, then the rest; 附件1 表1 holds
 * both numbers. 表 alone needs its number (表格… is a word).
 */
const TITLE_PREFIX = new RegExp(
  `^(?:(附件|附表)\\s*(${NUM})?|(表)\\s*(${NUM}))(?![0-9])\\s*[:：.、．]?\\s*(?:(?:附表|表)\\s*(${NUM})(?![0-9])\\s*[:：.、．]?\\s*)?`,
);

/** A section named by a title's words (主动公开政府信息情况, 政府信息公开申请情况统计表, …). */
const TITLE_WORDS: Array<[AppendixTableId, RegExp]> = [
  ['active', /主动公开/],
  ['requests', /依申请公开|公开申请|申请公开|收到和处理/],
  ['review', /复议.{0,12}诉讼/],
];
/** How a title in words ends: 情况, 统计表, 表, with a unit after it. */
const TITLE_END = /(?:情况|统计|统计表|情况表|表)(?:[(（]单位[:：][^)）]{1,4}[)）])?$/;

/** How the title of a statistics table naming no section ends: 统计表, 情况表, 汇总, 数据. */
const STATS_END = /(?:统计表|情况表|统计|汇总表?|数据表?)(?:[(（]单位[:：][^)）]{1,4}[)）])?$/;

function titleNames(words: string): AppendixTableId | null {
  const hits = TITLE_WORDS.filter(([, re]) => re.test(words)).map(([t]) => t);
  return hits.length === 1 ? hits[0]! : null;
}

/**
 * A table title on its own line: a prefix (附件2：…, 表1 …) with anything after it, or a
 * section's words alone (主动公开政府信息情况, 二、主动公开政府信息情况统计表). Null for a line
 * that is none: a sentence, a table row, a number.
 */
export function tableTitle(text: string): { label: Label | null; names: AppendixTableId | null } | null {
  const t = text
    .replace(/\|/g, ' ')
    .trim()
    .replace(/[\s\u3000]+/g, ' ');
  if (!t || t.length > 60 || /[。；;！？]/.test(t) || /^附件下载/.test(t)) return null;
  const m = TITLE_PREFIX.exec(t);
  if (m) {
    const rest = t.slice(m[0].length).replace(/\s/g, '');
    const label: Label = {};
    if (m[1] === '附件' && m[2]) label.att = toNumber(m[2]);
    if (m[1] === '附表' && m[2]) label.tab = toNumber(m[2]);
    if (m[4]) label.tab = toNumber(m[4]);
    if (m[5]) label.tab = toNumber(m[5]);
    // A row of numbers after the prefix is no title (表1 | 2 | 3).
    if (/\d\s*\d/.test(rest) && !/\d{4}年/.test(rest)) return null;
    return { label: Object.keys(label).length ? label : null, names: rest ? titleNames(rest) : null };
  }
  // Words alone: no cell borders, no digit (but a year), a section's words and a title's ending.
  if (text.replace(/^[\s|]+|[\s|]+$/g, '').includes('|')) return null;
  const w = t
    .replace(/\s/g, '')
    .replace(/^(?:[一二三四五六七八九十]{1,2}[、.．]|[(（][一二三四五六七八九十]{1,2}[)）])/, '');
  if (/\d/.test(w.replace(/(?:19|20)\d{2}年度?/g, ''))) return null;
  const names = TITLE_END.test(w) ? titleNames(w) : null;
  if (names) return { label: null, names };
  // A statistics table's title naming no section (某县教育局2023年政府信息公开情况统计表): it
  // starts a table, and names whose it is (issuer.ts).
  return /信息公开/.test(w) && STATS_END.test(w) ? { label: null, names: null } : null;
}

/** A line that opens the appendix: 附件 / 附件1 / 附件：… / 附表…, or 表N naming a section. */
function opensAppendix(text: string): boolean {
  const t = tableTitle(text);
  if (!t) return false;
  const s = text.replace(/[\s|]/g, '');
  return /^(?:附件|附表)/.test(s) || (t.label?.tab !== undefined && t.names !== null);
}

/**
 * A line announcing a correction of the report's figures (更正说明：…有误，更正如下：, 更正后如下):
 * a table after it in 五 is a copy of a section's table (a fresh tester's t104: the withdrawn
 * numbers were published, the corrected copy never compared).
 */
const CORRECTION =
  /(?:更正|勘误|修正|订正|修订|修改|纠正|校正|正确|为准|核实).{0,60}(?:如下|下表|表格)\s*[:：]?\s*$|(?:以|按|见)下表(?:数据)?为准\s*[:：。]?\s*$|^(?:附件|附表)\s*\d{0,2}\s*[:：]?\s*(?:更正|修正|订正|勘误)后的?[^。；，,]{0,40}表$/;

/** Whether a line announces a correction of the report's figures (CORRECTION). */
export const isCorrection = (text: string): boolean => CORRECTION.test(text.trim());

/** A line that opens a run of tables inside 五: an appendix's opening line, or a correction's. */
export function opensRunInFive(text: string): boolean {
  return opensAppendix(text) || CORRECTION.test(text.trim());
}

/**
 * The appendix in a section's lines (the report's last section): from its first opening line
 * after the heading's own line on. Null when there is none.
 */
export function findAppendix(
  lines: Line[],
  opens: (text: string) => boolean = opensAppendix,
  from = 1,
): Appendix | null {
  for (let i = from; i < lines.length; i++)
    if (opens(lines[i]!.text)) {
      const rest = lines.slice(i);
      const before = lines
        .slice(Math.max(0, i - 6), i)
        .map((l) => l.text)
        .filter((t) => t.trim())
        .slice(-3);
      return { at: i, no: lines[i]!.no, blocks: appendixBlocks(rest), announced: announcedIssuer(before) };
    }
  return null;
}

/** Header words only one table has (总计, 合计, 其他 are in more than one: they tell nothing). */
const HEADER_WORDS: Array<[AppendixTableId, RegExp]> = [
  [
    'active',
    // A fee's amount column under its bare word with the unit (金额（单位：千元）, units.ts
    // BARE_AMOUNT) is 二's too: cut off, its 千元 was lost and the amount read in 万元.
    /第二十条|信息内容|制发件数|废止件数|现行有效|新制作数量|新公开数量|对外公开总数量|处理决定数量|上一年项目数量|本年增|收费金额|采购项目数量|采购总金额|^金额[(（]/,
  ],
  [
    'requests',
    /申请人情况|勾稽关系|自然人|法人或其他组织|商业企业|科研机构|社会公益组织|法律服务机构|本年度办理结果|不予公开|无法提供|不予处理|其他处理/,
  ],
  ['review', /行政复议|行政诉讼|结果维持|结果纠正|其他结果|尚未审结|未经复议|复议后起诉/],
];
const ROWS: Array<[AppendixTableId, RegExp[]]> = [
  ['active', [...activeRows['2019'], ...activeRows['2021']].map((d) => d.match)],
  ['requests', [...requestRows['2019'], ...requestRows['2021']].map((d) => d.match)],
];

/** Whose table a cell's words are: a row label or a header word of one table only. */
function cellTable(text: string): AppendixTableId | 'mixed' | null {
  const squashed = text.replace(/[\s|]/g, '');
  const bare = bareLabel(text);
  if (!squashed || /^(?:\(七\))?(?:总计|合计)$|^其他$/.test(bare)) return null;
  const hits = new Set<AppendixTableId>();
  for (const [t, re] of HEADER_WORDS) if (re.test(squashed)) hits.add(t);
  for (const [t, res] of ROWS) if (res.some((re) => re.test(bare))) hits.add(t);
  return hits.size === 1 ? [...hits][0]! : hits.size ? 'mixed' : null;
}

/** A sentence or a date (the signature under the last table): what ends a table. */
const PROSE = /[。；！？]|^\d{4}年\d{1,2}月\d{1,2}日$/;

/**
 * A line that opens a table printed with no title or words over it: a line of one template
 * table's header words or row labels (行政复议 | 行政诉讼, 结果维持 | 结果纠正 …), no sentence.
 * For 五 and 六, where such a table is 二's, 三's or 四's printed again (t121 H01: 四 reprinted in
 * 六, its figures differing from 四's own, with no word saying which is right).
 */
export function opensBareTable(text: string): boolean {
  if (text.length > 300 || PROSE.test(text)) return false;
  const t = cellTable(text);
  return t !== null && t !== 'mixed';
}

/** A row's label as the form numbers it: （四）2.…, 一、…, （七）总计. */
const ROW_LABEL = /^(?:[（(][一二三四五六七八九十][)）]|[一二三四五六七八九十][、.．])/;

/** A 附件 line that is its label alone: 附件, 附件：, 附件2：. */
const LABEL_ALONE = new RegExp(`^(?:附件|附表)(?:${NUM})?[:：.、．]?$`);

/** A title that opens a part of the appendix (附件, 附件2：…, 附表 alone), not one table's (表1, 附表1). */
function opensPart(text: string): boolean {
  return /^(?:附件|附表(?![0-9一二三四五六七八九十]))/.test(text.replace(/[\s|]/g, ''));
}

/**
 * The appendix's lines cut into tables: at each title, and where the rows change from one
 * table's to another's (a title missing). Lines of no table's words (numbers, blank lines,
 * fragments of a label broken over lines) go with the table they stand in; header fragments
 * with no number before a new table's first line go with that table. A sentence ends a table.
 *
 * Each table keeps what names it besides its rows (`context`): the titles over it — its own, and
 * the 附件 line of its part of the appendix (附件：各乡镇…汇总 over 表1, 表2) — and the lines with
 * no table's words between them and its rows (a name on a line of its own, 填报单位：…).
 */
export function appendixBlocks(lines: Line[]): AppendixBlock[] {
  const toks = tokenize(lines);
  const kinds: Array<AppendixTableId | 'mixed' | null> = lines.map(() => null);
  for (const t of toks) {
    if (t.t !== 'text') continue;
    const k = cellTable(t.text);
    if (!k) continue;
    const was = kinds[t.line];
    kinds[t.line] = !was || was === k ? k : 'mixed';
  }
  const kindOf = new Map(lines.map((l, i) => [l, kinds[i]]));
  const blocks: AppendixBlock[] = [];
  let partNo = 0;
  const empty = (): AppendixBlock => ({
    table: null,
    title: null,
    lines: [],
    context: { titles: [], lines: [] },
    part: partNo,
  });
  let cur = empty();
  // The table a sentence just ended, until another table or title starts.
  let ended: AppendixBlock | null = null;
  // The titles and lines of the appendix's part (附件2：… and what follows it before a table) and
  // of the table to come (its title, the lines after it before its rows). Not the lines after a
  // table's rows: those may be pieces of its own labels (…本机关不掌 / 握相关政府 / 信息).
  let part: AppendixBlock['context'] = { titles: [], lines: [] };
  let next: AppendixBlock['context'] = { titles: [], lines: [] };
  let inPart = false;
  // After a 附件 line that is its label alone (附件： / 附件2), the next line is the part's title,
  // whatever it reads as (测试市乙中心 names whose the part is as a title does).
  let bare = false;
  const close = () => {
    if (cur.table) blocks.push(cur);
  };
  const start = (k: AppendixTableId | 'mixed') => {
    cur.table = k;
    cur.context = { titles: [...part.titles, ...next.titles], lines: [...part.lines, ...next.lines] };
    cur.part = partNo;
    next = { titles: [], lines: [] };
    inPart = false;
  };
  lines.forEach((line, i) => {
    // A title first: its words may be a table's too (表3 政府信息公开行政复议、行政诉讼情况).
    const title = tableTitle(line.text);
    const afterBare = bare && line.text.trim() !== '';
    if (afterBare) bare = false;
    if (title) {
      const here = { no: line.no, text: line.text.trim(), line, ...title };
      // A title over two lines (附件1 / 主动公开政府信息情况统计表): the number from the first.
      const prev = cur.table === null ? cur.title : null;
      if (prev && prev.label && !prev.names && !title.label && title.names) here.label = prev.label;
      close();
      if (opensPart(line.text)) {
        partNo++;
        part = { titles: [here.text], lines: [] };
        next = { titles: [], lines: [] };
        inPart = true;
        bare = LABEL_ALONE.test(line.text.replace(/[\s|]/g, ''));
      } else if (namesIssuer(line.text)) {
        partNo++;
        // A title naming an issuer (附件： / 测试市乙中心2023年…统计表, 表1 某县财政局…) heads the rest
        // of its part, every table under it, until the next 附件 line or the next title naming one.
        part = { titles: [...part.titles.filter((t) => !namesIssuer(t)), here.text], lines: [] };
        next = { titles: [], lines: [] };
        inPart = true;
      } else {
        next = { titles: [...next.titles, here.text], lines: next.lines };
        inPart = false;
      }
      cur = { ...empty(), title: here };
      return;
    }
    // (A table's own cell may hold a full stop: 勾稽关系…之和。 is 三's header, not prose.)
    if (!kinds[i] && PROSE.test(line.text.trim())) {
      // A sentence under a table's title, before its table (表2 …统计表 / 本年度，本机关没有收到政府信息
      // 公开申请。 / the table): the table's own words, kept with it for the rules that read them
      // (none-stated.ts, periods.ts). It ended the table, so the title was lost and the table read
      // as nobody's note's (seed 146: 175 cells a file published against the sentence).
      if (cur.title && !cur.table && !cur.lines.some((l) => kindOf.get(l))) {
        cur.lines.push(line);
        next.lines.push(line.text);
        return;
      }
      close();
      ended = cur.table ? cur : null;
      cur = empty();
      next = { titles: [], lines: [] };
      return;
    }
    // A table's row right after a sentence that ended a table of its kind, no title between (a
    // note among its rows, 注：本表数据由本机关统计。): the table goes on. As a table of its own it
    // had no header, and was read in the form's order under a header naming another (a fresh
    // tester's fuzzer: a blank under 其他 published as 0).
    const held = cur.lines.filter((l) => l.text.trim());
    if (
      kinds[i] &&
      ended &&
      !cur.table &&
      !cur.title &&
      kinds[i] === ended.table &&
      ROW_LABEL.test((held[0] ?? line).text.trim())
    ) {
      blocks.splice(blocks.lastIndexOf(ended), 1);
      ended.lines.push(...cur.lines, line);
      cur = ended;
      ended = null;
      next = { titles: [], lines: [] };
      return;
    }
    const k = kinds[i];
    if (k && cur.table && k !== cur.table) {
      // A new table with no title: the trailing lines without a number go with it, but a line of
      // the table's own words (本年收费金额 under 二's last row) stays.
      let cut = cur.lines.length;
      while (cut > 0 && !/\d/.test(cur.lines[cut - 1]!.text) && kindOf.get(cur.lines[cut - 1]!) !== cur.table) cut--;
      const moved = cur.lines.splice(cut);
      close();
      cur = { ...empty(), lines: [...moved, line] };
      start(k);
      return;
    }
    if (!k && !cur.table && afterBare) part.titles.push(line.text.trim());
    else if (k && !cur.table) start(k);
    else if (!k && !cur.table && line.text.trim())
      (inPart || isNameLine(line.text) ? part.lines : next.lines).push(line.text);
    cur.lines.push(line);
  });
  close();
  return blocks;
}

/**
 * A section's reference to the appendix: 详见附件表1 → { tab: 1 }, 见附表2 → { tab: 2 },
 * 具体情况见附件2 → { att: 2 }, 详见附件 / （详见附表） → {}. Null when the section has none.
 */
export function appendixReference(lines: Line[]): Label | null {
  const re = new RegExp(`见\\s*(?:(附件)\\s*(${NUM})?\\s*(?:中?的?\\s*(?:附表|表)\\s*(${NUM}))?|附表\\s*(${NUM})?)`);
  for (const l of lines) {
    const m = re.exec(l.text);
    if (!m) continue;
    const label: Label = {};
    if (m[2]) label.att = toNumber(m[2]);
    if (m[3]) label.tab = toNumber(m[3]);
    if (m[4]) label.tab = toNumber(m[4]);
    return label;
  }
  return null;
}

/** A reference points at a title's label: the same table number, else the same 附件 number. */
function points(ref: Label, label: Label | null): boolean {
  if (!label) return false;
  if (ref.tab !== undefined) return label.tab === ref.tab;
  return ref.att !== undefined && label.att === ref.att && label.tab === undefined;
}

const REVIEW_HEADER = /复议.*诉讼.*维持|维持.*复议.*诉讼/;

/** The year a table title names (2022年度…, 2022年…), or null when it names none. */
export function titleYearOf(title: string): number | null {
  const m = /(?<!\d)((?:19|20)\d{2})\s*年/.exec(title);
  return m ? Number(m[1]) : null;
}

/**
 * A line stating the period a table covers (统计期限：…, 截至2022年12月31日, 2022年度数据,
 * 2022年1月1日至2022年12月31日), not a date alone (填报日期：2024年1月15日 is when, not what).
 */
export function isPeriodLine(text: string): boolean {
  if (!/(?:19|20)\d{2}\s*年/.test(text)) return false;
  return (
    /统计(?:期限|期间|时段|时间|范围|区间|周期)|数据(?:期间|时段|区间)|截[至止]|年度/.test(text) ||
    /(?:19|20)\d{2}\s*年.{0,12}?(?:至|到|—|–|~|～|-)\s*(?:19|20)\d{2}\s*年/.test(text)
  );
}

const NAME: Record<AppendixTableId, string> = { active: '二', requests: '三', review: '四' };

/**
 * Which section each block of the appendix is under: its rows' table, when its title names no
 * other section (in words, or by the label a section's reference points at), no other year and
 * no other unit than the report's agency (issuer.ts). `refs` are the body's references, by
 * section; `agencies` the report's agency's names (none when it is not known); `where` says
 * where the tables stand, for the reasons (附件中, 第四部分文字之后).
 */
export function placeAppendix(
  blocks: AppendixBlock[],
  refs: Partial<Record<2 | 3 | 4, Label | null>>,
  year: number | null,
  agencies: readonly string[] = [],
  where = '附件中',
  announced: string | null = null,
): Placed {
  const out: Placed = { tables: { 2: [], 3: [], 4: [] }, unplaced: [] };
  // What names a part's tables, wherever it stands in the part: a 填报单位 line after its last
  // table (…总计 | 2 / 填报单位：某县实验小学) is the unit of every table above it, not only of the
  // last one's rows. One before a table's rows (its header's place) is that table's only: the
  // part's other tables may be the report's own.
  const fields = (b: AppendixBlock) => b.lines.map((l) => l.text).filter(isUnitField);
  const trailing = (b: AppendixBlock) => {
    const rows = b.lines.findIndex((l) => /\d/.test(l.text));
    return rows < 0 ? [] : fields({ ...b, lines: b.lines.slice(rows) });
  };
  const partFields = new Map<number, string[]>();
  for (const b of blocks) partFields.set(b.part, [...(partFields.get(b.part) ?? []), ...trailing(b)]);
  for (const b of blocks) {
    const no = b.title?.no ?? b.lines[0]?.no ?? 0;
    // A title naming another year (附件：2022年度政府信息公开申请情况统计表 in a 2023 report: last
    // year's table printed for comparison), or any year when the report's is not known, is no
    // proof that the table is this report's.
    // Its own title, or its part's (附件：某局2022年…统计表 over a section heading and its table),
    // or a statistical period over its rows (统计期限：2022年1月1日至2022年12月31日).
    const dated = [b.title?.text ?? '', ...b.context.titles, ...b.context.lines.filter(isPeriodLine)]
      .map((text) => ({ text: text.trim(), year: titleYearOf(text) }))
      .find((t) => t.year !== null && t.year !== year);
    if (dated) {
      out.unplaced.push({
        no,
        why:
          year === null
            ? `${where}的表格（${dated.text}）标题写明是${dated.year}年度的，而报告年度未能确定：不能证明属于本报告，未读取`
            : `${where}的表格（${dated.text}）标题写明是${dated.year}年度的，不是报告年度${year}年：不能证明属于本报告，未读取`,
      });
      continue;
    }
    if (b.table === 'mixed' || b.table === null) {
      if (b.table === 'mixed')
        out.unplaced.push({ no, why: `${where}的表格混有两个部分的表格文字，无法确定属于哪一部分，未读取` });
      continue;
    }
    // 四's table is one row of numbers: only its own header (复议 … 诉讼 … 维持) says a run of
    // numbers is it (a list of documents may name 行政复议 beside a number).
    if (b.table === 'review' && !REVIEW_HEADER.test(b.lines.map((l) => l.text.replace(/[\s|]/g, '')).join('')))
      continue;
    // A table of another unit (附件2：县教育局…统计表, 附件：各乡镇…汇总, 填报单位：某镇人民政府)
    // is no proof of the report's own numbers, whatever its rows (issuer.ts).
    const unit = otherIssuer(
      [...(announced ? [announced] : []), ...b.context.titles],
      [...b.context.lines, ...fields(b), ...(partFields.get(b.part) ?? [])],
      agencies,
    );
    if (unit !== null) {
      out.unplaced.push({
        no,
        why: `${where}的表格${b.title ? `（${b.title.text}）` : ''}写明是“${unit}”的，${
          agencies.length ? `不是本报告的发布机关（${agencies[0]}）本身的` : '而本报告的发布机关未能确定'
        }：不能证明属于本报告，未读取`,
      });
      continue;
    }
    const claims = new Set<AppendixTableId>();
    if (b.title?.names) claims.add(b.title.names);
    // A label only one section points at names that section (附件1 that all three point at,
    // holding every table, names none).
    const pointing = ([2, 3, 4] as const).filter((s) => refs[s] && b.title && points(refs[s], b.title.label));
    if (pointing.length === 1) claims.add(TABLE_OF[pointing[0]!]);
    const other = [...claims].find((c) => c !== b.table);
    if (other) {
      out.unplaced.push({
        no,
        why: `${where}的表格（${b.title?.text ?? ''}）按标题或正文的引用属于第${NAME[other]}部分，但表中的行是第${NAME[b.table]}部分的：不确定属于哪一部分，未读取`,
      });
      continue;
    }
    out.tables[SECTION_OF[b.table]].push(b);
  }
  return out;
}
