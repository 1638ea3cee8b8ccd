import { toSimplified } from '../decode/script.ts';
import { namesOtherPeriod } from './periods.ts';
import { notOwnTable } from './not-own.ts';
import type { TableRead } from './read.ts';

/**
 * A section's text saying nothing happened in the year — 本年度本机关未收到政府信息公开申请 (no
 * request received), 本年度未发生政府信息公开行政复议、行政诉讼案件 (no administrative review
 * or lawsuit) — beside a table holding figures. Text and table cannot both be the year's: the
 * table is most often last year's, printed for comparison with words the period rules do not
 * know (a passive note, a footnote mark, a quote in traditional script: a fresh tester's t109,
 * 905 cells published as the year's). Which one is right is not proven, so the table's values
 * are left NULL (state `contradicted`), and the note says why. One rule for every wording of the table's
 * period: the contradiction is in the figures themselves.
 */

/** Which rows a statement says are empty, by table: 三's new requests, 四's review or lawsuit rows. */
export interface NoneStated {
  line: number;
  words: string;
  /** Row keys of the table that must hold no figure above 0 if the statement is the year's. */
  rows: string[];
}

/** The end of a statement of none: the clause's end, or 件/事项/情况 and a bracket. */
const END = '(?=$|件|事项|情况|（|\\()';
/**
 * 三: no request received — 未收到(任何)(新的)政府信息公开申请, 没有收到依申请公开的申请, 未有…申请,
 * 无政府信息公开申请, 无依申请公开政府信息事项, 收到政府信息公开申请0件. Only requests in general:
 * 未收到涉及国家秘密的申请 (none of one kind) does not match, nor 未收到因申请引起的行政复议 (四's).
 */
const NO_REQUEST = new RegExp(
  [
    `(?:未|没有|并未|均未|未曾)(?:收到|接到|受理|接收|办理)(?:过)?(?:任何|一件)?(?:新的?)?(?:(?:群众|公众|社会公众)的?)?(?:(?:公民|自然人)、?法人(?:或|和|及)其他组织(?:提出)?的)?(?:政府信息公开|信息公开|依申请公开(?:政府信息)?)?(?:的)?申请${END}`,
    `(?:未有|没有|无)(?:任何)?(?:新的?)?(?:(?:公民|自然人)、?法人(?:或|和|及)其他组织)?(?:提出)?(?:的)?(?:政府信息公开|信息公开|依申请公开(?:政府信息)?)(?:的)?(?:申请|事项)(?:发生|产生)?${END}`,
    // 零申请 (a slogan: 实现零申请, 依申请公开零申请; t121).
    `零申请${END}`,
    // 未发生政府信息公开申请 (t119).
    `(?:未|没有|并未|均未)(?:发生|产生|出现)(?:过)?(?:任何)?(?:新的?)?(?:政府信息公开|信息公开|依申请公开(?:政府信息)?)(?:的)?(?:申请|事项)${END}`,
    // 未收到依申请公开事项 (t116).
    `(?:未|没有|并未|均未|未曾)(?:收到|接到|受理|接收)(?:过)?(?:任何)?(?:新的?)?依申请公开(?:政府信息)?(?:的)?事项${END}`,
    // Nobody asked (无人向本机关申请公开政府信息, 没有公民、法人或其他组织向本机关申请…).
    `(?:无人|没有人|没有(?:任何)?(?:公民|自然人|群众)[^，,]{0,14}?)(?:向(?:本机关|本单位|本局|我局|我单位|本部门|我委|本委))?(?:提出)?(?:政府信息公开)?申请(?:公开(?:政府)?信息|政府信息公开|公开)?(?=$|[（(])`,
    // A count of none, the clause being that count alone (本年度政府信息公开申请数量为零, 收到…申请数为0, 为零申请).
    `^(?:本年度?|全年|今年|\\d{4}年度?)?(?:本机关|本单位|本局|我局|我单位|本部门)?(?:共|全年)?(?:收到|受理|新收)?(?:的)?(?:政府信息公开|信息公开|依申请公开)?(?:的)?(?:申请(?:数量?|数|件数|总数)?|(?<=依申请公开)(?:政府信息)?(?:事项)?(?:数量?|件数|总数)?)(?:均|都)?(?:为|是|共|计)?(?:0|零)件?$`,
    `^(?:本年度?|全年|今年|\\d{4}年度?)?(?:本机关|本单位|本局|我局|我单位|本部门)?(?:依申请公开(?:政府信息)?)?为零申请$`,
  ].join('|'),
);

/** 四's cases: a review (复议) or a lawsuit (诉讼), as the sentence words them (被申请行政复议, 提起行政诉讼). */
const CASE = '(?:被申请|被提起|被|申请|提起)?(?:行政)?(?:复议|诉讼)';
/**
 * 四: no administrative review (行政复议) or lawsuit (行政诉讼) — 未发生政府信息公开行政复议、行政诉讼案件,
 * 没有因政府信息公开引起的行政复议和行政诉讼, 未发生涉及政府信息公开的行政复议…, 未因政府信息公开工作被
 * 申请行政复议或提起行政诉讼, 无行政复议、行政诉讼情况. Its group names what is empty: 复议, 诉讼, or both.
 */
const NO_CASE = new RegExp(
  `(?:未|没有|并未|均未|无)(?:被申请|被提起|被)?(?:发生|出现|产生)?(?:过)?(?:任何|一起|一件)?(?:涉及|因|由|关于)?(?:政府信息公开|信息公开)?(?:申请)?(?:工作)?(?:(?:引起|引发|产生|而引起)?的)?(?:方面的)?(${CASE}(?:(?:[、和及与或]|以及)${CASE})?)(?:的)?(?:案件|情况|事项|申请)?(?=$|（|\\()`,
);

/** 四 as a slogan: 零复议、零诉讼 (t121). Its groups name what is empty. */
const ZERO_SLOGAN = /零(?:行政)?(复议|诉讼)(?:[、和及与]零(?:行政)?(复议|诉讼))?/;
/**
 * A line saying none by a colon: 依申请公开：无, 行政复议、行政诉讼：无 (t121). Read before the clauses are
 * cut at the colon.
 */
const COLON_NONE = /(依申请公开|政府信息公开申请|行政复议|行政诉讼)[^：:，,。]{0,12}[:：]\s*无[。.；;]?$/;

/**
 * 四 counted as none, the clause being that count (行政复议、行政诉讼案件数量均为零, …均为0件): not a
 * result's count (结果维持0件).
 */
const ZERO_CASES = new RegExp(
  `^[^维纠审]*?(${CASE}(?:(?:[、和及与或]|以及)${CASE})?)(?:案件)?(?:的)?(?:数量?|数|件数|总数)?(?:均|都)?(?:为|是)(?:0|零)件?$`,
);

/**
 * A clause about part of the agency or of the year (下属单位未收到…, 本级…, 第一季度未收到…): it
 * says nothing of the whole table (t112: tables lost to them).
 */
const PART =
  /下属|所属|直属|[局委厅办处]属|派出|各(?:乡镇|乡|镇|街道|社区|村|部门|单位|科室|处室)|本级|季度|上半年|下半年|[\d一二三四五六七八九十]+月/;

/** A statement with an exception (未发生…案件（上年结转案件除外）): not of none. */
const EXCEPT = /除外|除[^，,]{1,20}外|以外/;
/** Words saying the statement's subject is the agency itself, or naming only when it happened. */
const SELF_SUBJECT =
  /^(?:本年度?|全年|今年|年内|报告期内|\d{4}年度?|[，,])*(?:本|我)?(?:机关|单位|部门|局|委|办|厅|院|中心|府|县|区|市|镇|乡|街道)?(?:本年度?|全年|今年|年内)?$/;

/**
 * Whether a clause's statement is of another subject than the agency (`own`: its names): words
 * before its negation that are no self word nor the agency's name (县政府办公室未收到… above a
 * 全县 table, one agency of a joint report: t114). Only where the agency is known.
 */
function otherSubject(words: string, own: readonly string[]): boolean {
  if (!own.length) return false;
  const at = words.search(/未|没有|并未|均未|无人|无/);
  if (at <= 0) return false;
  const subject = words
    .slice(0, at)
    // (An item's number first: （三）全年未发生…, t116.)
    .replace(/^(?:[（(][一二三四五六七八九十\d]{1,2}[）)]|[一二三四五六七八九十\d]{1,2}[、.．])/, '')
    .replace(/^(?:本年度?|全年|今年|年内|报告期内|\d{4}年度?)/, '')
    .replace(/(?:本年度?|全年|今年|年内|均|都|也|亦|共)+$/, '');
  if (!subject || SELF_SUBJECT.test(subject)) return false;
  // (A joint report's one agency is part of it: 沭阳县农业农村局未收到… in 水利局、农业农村局's report.)
  return !own.some((o) => {
    const name = o.replace(/\s/g, '');
    // (…and a name before the subject that is an agency's itself: 水利局 + 农业农村局, one fused name.)
    const before = name.slice(0, name.length - subject.length);
    return (
      name === subject ||
      (!/[、，,和与及]|\s\S/.test(o.trim()) &&
        name.endsWith(subject) &&
        !/(?:局|委员会|委|办公室|政府|中心|厅|院)$/.test(before))
    );
  });
}

/**
 * The prose clauses of text (split at ，。；！？：), traditional script read as simplified, spaces gone,
 * each with its line; a sentence wrapped over lines (本年度本机关未收到政府信息公 / 开申请。) read
 * whole. Table rows (a `|`, or three numbers) are no prose.
 */
function clauses(lines: ReadonlyArray<{ no: number; text: string }>): Array<{ line: number; words: string }> {
  const prose: Array<{ line: number; text: string }> = [];
  let open = false;
  for (const l of lines) {
    const text = toSimplified(l.text).replace(/\s+/g, '');
    if (!text || text.includes('|') || TABLE_ROW.test(l.text)) {
      // A page dumped as one line holds the section's sentences beside its table's cells (三、… 本年度，
      // 本机关没有收到政府信息公开申请。 （本列…）|申请人情况|…: seed 146): its sentences, each
      // ending in 。；！？ and holding no cell border, are prose.
      for (const m of toSimplified(l.text).matchAll(SENTENCE_IN_ROW))
        prose.push({ line: l.no, text: m[0].replace(/\s+/g, '') });
      open = false;
      continue;
    }
    const last = prose[prose.length - 1];
    if (open && last) last.text += text;
    else prose.push({ line: l.no, text });
    // (A short line — a numbered heading, （二）依申请公开 — is no wrapped sentence.)
    open =
      !/[。；;！!？?：:]$/.test(text) && text.length >= 14 && !/^[（(]?[一二三四五六七八九十\d]+[）)、.．]/.test(text);
  }
  return prose.flatMap((p) =>
    p.text
      .split(/[，,。；;！!？?：:]/)
      .filter(Boolean)
      .map((words) => ({ line: p.line, words })),
  );
}
/** A sentence inside a table's line: text with no border ending in 。；！？ (its numbers' run before it cut off). */
const SENTENCE_IN_ROW = /[^|\d\s][^|]*?[。；;！!？?]/g;
/** A line of a table: three numbers or more apart. */
const TABLE_ROW = /(?:^|[\s,，\t])\d+(?:\.\d+)?(?:[\s,，\t]+\d+(?:\.\d+)?){2,}/;

/**
 * Every clause of a section's own text (`lines`: the section as printed, table rows
 * included — no row label says 未收到…申请) stating that nothing of table `table` happened in the
 * report's year `year`; null when none does. A clause naming another period (上年度未收到申请,
 * 2022年未发生…) is not about the year.
 */
export function noneStatements(
  lines: ReadonlyArray<{ no: number; text: string }>,
  table: 'requests' | 'review',
  year: number | null,
  own: readonly string[] = [],
): NoneStated[] {
  const out: NoneStated[] = [];
  for (const l of lines) {
    const text = toSimplified(l.text).replace(/\s+/g, '');
    const m = text.includes('|') ? null : COLON_NONE.exec(text);
    // (The words before the colon are the topic, not a subject: no otherSubject test.)
    if (!m || PART.test(text) || namesOtherPeriod(text, year)) continue;
    const rows =
      table === 'requests'
        ? /申请/.test(m[1]!)
          ? ['new_received']
          : []
        : [
            ...(/复议/.test(text) ? ['review'] : []),
            ...(/诉讼/.test(text) ? ['suit_direct', 'suit_after_review'] : []),
          ];
    if (rows.length && (table === 'requests' || !/申请/.test(m[1]!))) out.push({ line: l.no, words: text, rows });
  }
  for (const c of clauses(lines)) {
    if (namesOtherPeriod(c.words, year) || PART.test(c.words) || EXCEPT.test(c.words) || otherSubject(c.words, own))
      continue;
    if (table === 'requests') {
      if (NO_REQUEST.test(c.words)) out.push({ ...c, rows: ['new_received'] });
      continue;
    }
    // (No new case — 未收到新的行政复议申请 — leaves cases carried over that ended in the year.)
    const slogan = ZERO_SLOGAN.exec(c.words);
    if (slogan) {
      const what = `${slogan[1]}${slogan[2] ?? ''}`;
      out.push({
        ...c,
        rows: [
          ...(what.includes('复议') ? ['review'] : []),
          ...(what.includes('诉讼') ? ['suit_direct', 'suit_after_review'] : []),
        ],
      });
      continue;
    }
    const m = /新/.test(c.words)
      ? null
      : (NO_CASE.exec(c.words) ??
        (/复议后|直接|维持|纠正|结果|审结/.test(c.words)
          ? null
          : ZERO_CASES.exec(c.words.replace(/^(?:本年度?|全年|今年)/, ''))));
    if (!m) continue;
    const what = m[1]!;
    const rows = [
      ...(what.includes('复议') ? ['review'] : []),
      ...(what.includes('诉讼') ? ['suit_direct', 'suit_after_review'] : []),
    ];
    out.push({ ...c, rows });
  }
  return out;
}

/** The first statement of none (noneStatements), or null. */
export function noneStated(
  lines: ReadonlyArray<{ no: number; text: string }>,
  table: 'requests' | 'review',
  year: number | null,
  own: readonly string[] = [],
): NoneStated | null {
  return noneStatements(lines, table, year, own)[0] ?? null;
}

/**
 * The table `read` with every value NULL (`contradicted`) when a row a statement says is empty
 * holds a figure above 0, with a note naming the statement's line; else `read` unchanged.
 */
export function noneStatedTable(read: TableRead, said: NoneStated | readonly NoneStated[] | null): TableRead {
  // Each statement against the rows it speaks of (一 saying no lawsuit, 四 no review: t115).
  for (const none of said === null ? [] : 'rows' in said ? [said] : said) {
    const against = read.cells.find(
      (c) => c.state === 'number' && none.rows.includes(c.row_key) && c.value !== null && c.value > 0,
    );
    if (against) return contradicted(read, none, against);
  }
  return read;
}

function contradicted(read: TableRead, none: NoneStated, against: TableRead['cells'][number]): TableRead {
  return notOwnTable(
    read,
    none.line,
    'contradicted',
    (n) =>
      `the section's text says there was none in the year ("${none.words}") but the table holds ${against.value} in ${against.row_key}/${against.col_key}: text and table disagree, so which period the table's ${n} value(s) are is not proven; left NULL`,
  );
}
