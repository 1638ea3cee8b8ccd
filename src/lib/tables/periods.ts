import { notOwnTable } from './not-own.ts';
import type { TableRead } from './read.ts';
/**
 * Which period a table's words name. A report's tables hold its own year's figures; a row label,
 * a caption or the sentence introducing a table may say they are another year's (2022年数据,
 * 上年度情况如下, 表3 2022年…) or cumulative (累计 with a span: 2008年以来, 历年, 截至…累计). Such
 * figures are no value of the report's year: a fresh tester's t101 found them published as the
 * year's own. The words are the text of a label or caption, normalised (ASCII digits).
 */

const CN_DIGIT: Record<string, string> = {
  〇: '0',
  零: '0',
  '○': '0',
  一: '1',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/** Years written in Chinese numerals (二〇二二年) as digits (2022年); other text unchanged. */
function arabicYears(words: string): string {
  return words.replace(/[〇零○一二三四五六七八九]{4}(?=\s*年)/g, (y) => [...y].map((c) => CN_DIGIT[c]).join(''));
}

/**
 * Another year than the report's: 上年, 上一年度, 上一个年度, 去年, 前年, 前一年度, 往期 (last year,
 * the year before, earlier periods); not 以上年度 (the years above) nor 当前年度 (the current year).
 */
const LAST_YEAR = /(?<!以)上一?(?:个)?(?:统计|报告)?年|去年|(?<!当)前一?个?年|往期/;
/** A span of years: 2008年以来 (a year's, not 今年以来 or 施行以来), 历年, 近三年, 2021-2023年, 2021至2023年. */
const SPAN =
  /(?:19|20)\d{2}年度?以来|历年|往年|近[\d一二三两四五六七八九十]+年|(?:19|20)\d{2}\s*年?\s*(?:[-—–~～至到])\s*(?:19|20)\d{2}/;
/** Cumulative: 累计 of no year or up to a date (截至2023年底累计); 本年累计, 全年累计, 截至…本年度累计 are the year's. */
const CUMULATIVE = /累计/;
const UP_TO = /截至|截止/;
const THIS_YEAR = /本年|今年|当年|全年|年度累计|\d{1,2}\s*[-—–~～至到]\s*\d{1,2}\s*月/;
/**
 * A date (2024年01月25日: a page's publication date; 截至2024年1月10日, a count's cut-off) or a
 * book's title (《…纲要（2021-2025年）》): no period of a table. Not a span's end (…至2023年12月31日).
 */
const NOT_PERIODS =
  /《[^》]*》|(?<!(?<![截])至)(?<![到\-—~～])(?:19|20)\d{2}年(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})日)?(?![\d日一二三四五六七八九十]|\s*[至到\-—~～])/g;
const NUMERIC_SPAN =
  /((?:19|20)\d{2})[./-]\d{1,2}[./-]\d{1,2}\s*[—–~～至到-]+\s*((?:19|20)\d{2})[./-]\d{1,2}[./-]\d{1,2}/g;
const UP_TO_NOW = /((?:19|20)\d{2})年(?:\d{1,2}月(?:\d{1,2}日)?)?[^，,。；;]{0,24}?至今/;
/**
 * From an event to now or the year's end (自《条例》施行之日起至本年末, 自本中心成立以来至今): a running
 * total since the event, not the year's (t109). 施行以来 with no end stays innocent (新修订条例施行以来，…).
 */
const SINCE_EVENT =
  /自([^，,。；;]{0,40}?)(?:施行|实施|生效|颁布|公布|成立|设立|组建|开通|上线)(?:之日|以来|后)?起?[^，,。；;]{0,4}?(?:至|到)(?:今|本年末|本年底|年末|年底|目前|本期末|报告期末)/;
/**
 * A statistical year from day to day ending in the report's year (2022年12月21日至2023年12月20日:
 * an agency counting from the 21st; t106): the report's own period.
 */
const OWN_SPAN = /((?:19|20)\d{2})年\d{1,2}月(?:\d{1,2}日?)?[至到\-—~～]((?:19|20)\d{2})年\d{1,2}月(?:\d{1,2}日?)?/g;
/** The form's own words with 上年 or another year in them, and a table including last year's carried-over requests (含上年度…). */
const OWN_WORDS =
  /(?:上一?年|去年|(?:19|20)\d{2}年)度?结转|结转(?:至|到)?(?:下一?年|(?:19|20)\d{2}年)度?|(?:今年|本年度?|年初)以来|[含包括](?:上一?年度?|去年)/g;

/**
 * Whether `words` name a period that is not the report's year `year`: a year other than it, a
 * span of years, last year, or a cumulative count up to a date. False for words naming no
 * period, or the report's own year only (2023年度数据, 本年). With `year` unknown, any year
 * number counts as another's. Not for prose: a sentence comparing two years names both.
 */
export function namesOtherPeriod(words: string, year: number | null): boolean {
  const all = arabicYears(words.replace(/\s+/g, ''));
  // A span of dates written with dots or slashes (2022.1.1—2022.12.31): its years, as a span's;
  // one ending in the report's year and starting the year before is the report's (a statistical
  // year). Since a year up to now (自2008年5月1日《条例》施行至今): cumulative (t109).
  for (const m of all.matchAll(NUMERIC_SPAN)) {
    const [from, to] = [Number(m[1]), Number(m[2])];
    if (!(to === year && from >= (year ?? 0) - 1)) return true;
  }
  const up = UP_TO_NOW.exec(all);
  if (up && Number(up[1]) !== year) return true;
  // (An event within the report's year — 自2023年3月组建之日起至年末 in a 2023 report — starts the
  // agency's own year: t112.)
  const since = SINCE_EVENT.exec(all);
  if (since && !(year !== null && since[1]!.includes(`${year}年`)) && !/本年|今年|当年/.test(since[1]!)) return true;
  const w = all
    .replace(OWN_SPAN, (m, from: string, to: string) => (Number(to) === year && Number(from) >= year - 1 ? '' : m))
    .replace(NOT_PERIODS, '')
    .replace(OWN_WORDS, '');
  // A span from the report's own year (2023年以来 in a 2023 report) is the year's.
  const own = w.replace(/((?:19|20)\d{2})年度?以来/g, (m, y: string) => (Number(y) === year ? '' : m));
  if (SPAN.test(own) || LAST_YEAR.test(own)) return true;
  // Four digits, or two (22年 for 2022).
  const years = [
    ...[...w.matchAll(/(?:19|20)\d{2}(?=年)/g)].map((m) => Number(m[0])),
    ...[...w.replace(/(?:19|20)\d{2}(?=年)/g, '').matchAll(/(?<!\d)\d{2}(?=年)/g)].map((m) => 2000 + Number(m[0])),
  ];
  if (years.some((y) => y !== year)) return true;
  // 累计 of no year (累计, 截至目前累计) is a running total over years; so may be one up to a day of
  // the report's own year (截至2023年底累计: t101 meant the years since 2008, t102 the year's), which
  // only 本年, 全年 or 本年度 tells apart (截至2023年12月31日，本年度共累计…).
  return CUMULATIVE.test(w) && !THIS_YEAR.test(w) && (UP_TO.test(all) || year === null || !all.includes(`${year}年`));
}

/** A line where a table of 二, 三 or 四 begins: its header's or first row's words, or numbers. */
const TABLE_START =
  /信息内容|本年制发|本年新制作|本年废止|现行有效|第二十条|规章|申请人情况|自然人|法人或其他组织|本年新收|行政复议|行政诉讼|结果维持|处理决定数量|采购项目|收费金额/;
/** A table's title (one cell: no `|`), not its header, though it names the form's words (表4 2022年…行政诉讼情况). */
const TITLE = /^\s*表\s*[\d一二三四五六七八九十]|(?:情况|统计表?|一览表)\s*[:：]?\s*$/;
/** The end of a sentence introducing what follows: 如下：, 如下。, a colon. */
const INTRO_END = /(?:如下\s*[:：。.]?|[:：])\s*$/;
/** A section heading's numbering (三、). */
const HEADING = /^\s*[一二三四五六七八九十]+\s*[、.．]/;
/** A report's title, a page's running head (某县人民政府2022年政府信息公开工作年度报告, t89: a slip of last year's): no caption of a table. */
const REPORT_TITLE = /年度报告|年报/;
/** Words comparing the year with another (较上年增长…): such a sentence names both. Not 供比较 (for comparison: a caption). */
const COMPARING = /相比|同比|环比|(?<!比)较|比上年|比去年|增长|下降|减少|增加|持平|上升/;
/** The base of a comparison: 同比基数, 基期数, 对比基数. */
const BASE = /基数|基期/;
/**
 * Words quoting another report (摘自本机关2022年度报告：, 以下为2022年度报告所列): the table is that
 * report's, no running head. Not 来源, 见 or 详见 (数据来源：…年报系统, 详见2022年年报: a fresh
 * tester's t106, tables lost to them).
 */
const CITED =
  /摘自|摘录自|摘编自|引自|引用自|转引自|取自|来自|源自|转录|(?:年度报告|年报)中?所(?:列|载)|(?:年度报告|年报)(?:中的?|的)?(?:相关)?(?:数据|数字|统计)/;
/**
 * Words of how a table was made, whose year is a format's, a rule's or a basis's, not the
 * figures' (按照2021年印发的格式, 2022年修订的统计口径, 在2022年度统计基础上, 自2019年《条例》施行以来:
 * fresh testers' t106 and t108, whole tables lost to them).
 */
const BASIS =
  /格式|口径|修订|修正|印发|制度|施行|标准|规定|办法|基础上|起(?:执行|实施|施行|使用)|版本|新版|沿用|栏目|表式|样式/;
/** A figure stated in a sentence (35件), and words pointing at the table below. */
const FIGURE_STATED = /\d+\s*[件项个条次]/;
const POINTS_AT_TABLE = /下表|如下|以下|见表|附表|表\s*\d/;
/** Another period's figure in a remark: 2022年为38件, 上年同期是5件. */
const FIGURE_OF = /(?:年度?|同期)(?:为|是|共|计)?\s*\d+\s*[件项个条次]/;
/** A remark in brackets (（本年度无增加）): it speaks of the report's year, not of the table's period. */
const REMARK = /（[^（）]*）|\([^()]*\)/g;
/**
 * A note after a table saying what the whole table is (注：上表为2022年度数据, 以上均为…, 上述表格数据
 * 系…): the words after its copula, up to the clause's end. Not a note on a part of it (表中“上年
 * 结转”为2022年度未办结的申请, 本表统计期间为…, 本表按照2021年…格式填报: t106, tables lost).
 */
const TABLE_IS =
  /^\s*[*＊※]?\s*[（(]?\s*(?:(?:注|说明|备注|附注)\s*(?:[\d①-⑩]|[（(]\d[）)])?\s*[:：\s]\s*)?(?:(?:上表|本表|该表|此表|以上|上述|表中|表格|以上表格|上述表格)(?:中的|中|内|所列|的)?(?:数据|数字|情况|统计数据|内容|各项)?(?:的)?(?:统计(?:时段|期间|时间|区间|口径))?(?:所示|所列)?|统计(?:时段|期间|时间|区间|口径))[，,]?\s*(?:均|皆|全部)?(为|是|系|属|反映的是|来自|取自|摘自|源自)([^，,。；;）)]*)/;
/**
 * What a note's predicate must start with to say the table's period (2022年度数据, 上年度的, 2008年以来
 * 累计, 二〇二二年): a year or a period's word — not 本机关自2022年起…, 依据2021年新版格式… (t108).
 */
const PERIOD_FIRST =
  /^\s*自?\s*(?:(?:19|20)\d{2}|[〇零○一二三四五六七八九]{4}|\d{2})\s*年|^\s*(?:上一?(?:个|统计|报告)?年|去年|前一?个?年|往年|历年|往期|近[\d一二三两四五]+年)|^.{0,12}累计/;

/**
 * The caption or introducing sentence of a section's table that says the table is another
 * period's (上年度情况如下：, 表3 2022年…, <caption>2022年度</caption>, 截至2023年底累计情况（2008年
 * 以来）：, 三、…（2008年以来累计）): its line and words, or null. `heading`: the section's
 * heading (no: its line), null for none; `body`: the lines after it. Read: the heading, every
 * short line (40 characters or fewer) before the table's first header or value line (a title,
 * 表4 2022年…情况, is no header), and the last sentence before it; a sentence comparing years
 * (较上年增长…) says nothing of the table's period.
 */
export function otherPeriodCaption(
  heading: { no: number; text: string } | null,
  body: ReadonlyArray<{ no: number; text: string }>,
  year: number | null,
): { line: number; words: string } | null {
  const { lines, first, end } = tableStart(heading, body);
  if (end >= lines.length) return null;
  // (`about`: words said of the table itself, a note's predicate — 上表数据均来自本机关2022年度报告 —
  // where a report's title is the table's source, never a running head.)
  const said = (no: number, words: string, own = year, about = false) => {
    const w = words.trim();
    if (!w || (!about && REPORT_TITLE.test(w) && !(CITED.test(w) && !BASIS.test(w)))) return null;
    // A comparison in a bracketed remark only (2022年度情况如下（本年度无增加）：) leaves the rest
    // to say the period; the remark itself is read only where nothing compares (（2008年以来累计）).
    const outside = w.replace(REMARK, '');
    // (A comparison's base named with its year, 同比基数（2022年）, 基期, is that year's table: t121.)
    if (COMPARING.test(outside) && !BASE.test(w)) return null;
    // (A remark giving another year's figure, （2022年为38件）, compares as well: t106.)
    const compares = !BASE.test(w) && (COMPARING.test(w) || (w.match(REMARK) ?? []).some((r) => FIGURE_OF.test(r)));
    const judged = compares ? outside : w;
    return namesOtherPeriod(judged, own) || partOfYear(judged) ? { line: no, words: w } : null;
  };
  const intro = introLines(lines.slice(0, end), first);
  for (const [k, l] of intro.entries()) {
    const text = l.text.trim();
    if (k === 0 && first === 1) {
      // The heading: with the report's year unknown, a year it names alone is taken for the
      // report's (三、2023年收到和处理…: t106, every table NULL).
      const words = text.replace(HEADING, '');
      const hit = said(l.no, words, year ?? soleYear(words));
      if (hit) return hit;
    } else if (text.length <= 40) {
      const hit = said(l.no, introduced(text, year).replace(HEADING, ''));
      if (hit) return hit;
    } else if (introduced(text, year) !== text) {
      // A long line whose last clause introduces the year's table (…较上年同期有所增长。2023年度情况如下：).
      const hit = said(l.no, introduced(text, year));
      if (hit) return hit;
    } else if (/[:：]$|如下\s*[。.]?$|(?:列于|列在|见)下表\s*[。.]?$/.test(text)) {
      // A long line ending in a colon or 如下 introduces what follows (上年度（2022年）本机关收到和处理…的
      // 情况，按照规定格式统计如下，…：), even with a unit line (单位：件) between it and the table:
      // its clauses that speak of the figures (情况, 数据, 统计), not of a format's or a law's year
      // (按照2021年…印发的格式, 自2019年…施行以来: t106).
      for (const clause of text.split(/[，,。；;]/))
        if (/情况|数据|统计|结果|申请|件数/.test(clause) && !BASIS.test(clause)) {
          const hit = said(l.no, clause);
          if (hit) return hit;
        }
    }
  }
  // A note after the table saying what the whole table is (注：上表为2022年度数据。).
  for (const l of lines.slice(end)) {
    const m = TABLE_IS.exec(l.text);
    // (本机关2022年度报告 after a source's verb, 来自; a predicate naming the year as well — 去年受理、
    // 今年审结的案件 — says what the table adds up, not another period's: t109.)
    const source = /^(?:来自|取自|摘自|源自)$/.test(m?.[1] ?? '');
    const predicate = ((source ? m?.[2]?.replace(/^\s*本机关/, '') : m?.[2]) ?? '').trim();
    const hit =
      PERIOD_FIRST.test(predicate) &&
      (!BASIS.test(predicate) || /累计/.test(predicate)) &&
      !/本年|今年|当年/.test(predicate)
        ? said(l.no, predicate, year, true)
        : null;
    if (hit) return hit;
  }
  const last = intro[intro.length - 1];
  if (!last || (last === intro[0] && first === 1)) return null;
  // A remark stating another year's figure (2022年度共收到政府信息公开申请35件。) over the table says
  // what that year had, not that the table is that year's, unless it points at the table (见下表,
  // 如下, 以下): t120, the year's own table NULL.
  const sentence = lastSentence(last.text);
  if (FIGURE_STATED.test(sentence) && !INTRO_END.test(last.text) && !POINTS_AT_TABLE.test(last.text)) return null;
  return said(last.no, introduced(sentence, year));
}

/**
 * What a line introducing a table speaks of: its last clause where that introduces what follows
 * and names the report's year or 本年度 (2022年度我局未收到申请，2023年度情况如下：; 上年度共收到申请35件，
 * 本年度情况如下：: the clauses before it speak of something else; t116, t119, the year's own table
 * NULL); else the whole line.
 */
function introduced(text: string, year: number | null): string {
  const clause = text.split(/[，,；;。]/).at(-1) ?? text;
  // (The clause must introduce the figures itself: 本年度无新增： after 上年度…统计如下 says nothing of
  // the table's period: t102.)
  const own =
    ((year !== null && clause.includes(`${year}年`)) || /^(?:本年度?|今年|全年)/.test(clause)) &&
    /情况|数据|如下/.test(clause);
  return clause !== text && INTRO_END.test(text) && own ? clause : text;
}

/**
 * Words naming part of the year, not all of it (上半年情况：, 其中第四季度情况：, 12月份): a table under
 * them is not the year's (a fresh tester's t119: beside the year's own, both NULL). Not a span to
 * the year's end (1—12月, 全年).
 */
function partOfYear(words: string): boolean {
  return (
    PART_OF_YEAR.test(words) &&
    !/全年|1\s*[-—–~～至到]\s*12\s*月|(?:截至|截止|至)\s*(?:(?:19|20)\d{2}\s*年)?\s*\d{1,2}\s*月/.test(words)
  );
}
const PART_OF_YEAR = /上半年|下半年|(?:第)?[一二三四1-4]\s*季度|(?<![\d-—–~～至到])\d{1,2}\s*月份/;

/**
 * Where a section's table begins: `lines` (the heading, when given, then `body`), `first` (1 when
 * the heading leads them) and `end`, the index of the table's first header or value line (a
 * title, 表4 2022年…情况, and prose are no header): `lines.length` when no table begins.
 */
export function tableStart(
  heading: { no: number; text: string } | null,
  body: ReadonlyArray<{ no: number; text: string }>,
): { lines: ReadonlyArray<{ no: number; text: string }>; first: 0 | 1; end: number } {
  const lines = heading ? [heading, ...body] : body;
  const first = heading ? 1 : 0;
  let end: number = first;
  while (
    end < lines.length &&
    ((TITLE.test(lines[end]!.text) && !lines[end]!.text.includes('|')) ||
      /。/.test(lines[end]!.text) ||
      // A sentence introducing the table, though it names the form's words (下属单位…行政复议、行政诉讼情况如下：).
      (INTRO_END.test(lines[end]!.text) && !lines[end]!.text.includes('|')) ||
      (!TABLE_START.test(lines[end]!.text) && !/(?:^|[\s|])\d+(?:[\s|]+\d+){2,}/.test(lines[end]!.text)))
  )
    end++;
  // A page dumped as one line: the sentence introducing the table on the table's own line (所属
  // 事业单位某馆情况如下： 行政复议 行政诉讼 结果维持 …: seed 145) is a line of its own before it.
  const intro = end < lines.length ? INTRO_IN_LINE.exec(lines[end]!.text) : null;
  if (intro && !/(?:^|[\s|])\d+(?:[\s|]+\d+){2,}/.test(intro[1]!)) {
    const at = lines[end]!;
    return {
      lines: [...lines.slice(0, end), { no: at.no, text: intro[1]! }, ...lines.slice(end)],
      first,
      end: end + 1,
    };
  }
  return { lines, first, end };
}

/** A sentence ending 如下： or in a colon, then the table's first words (or 三's （本列…）), on one line (no border before). */
const INTRO_IN_LINE = new RegExp(
  `^([^|]*?\\S[^|]*?(?:如下\\s*[:：。.]?|[:：]))\\s*(?=[（(]本列|${TABLE_START.source})`,
);

/**
 * The lines before a table (`before`: the heading first when `first` is 1), blank ones gone and a
 * sentence wrapped over two lines (2022 / 年度收到…如下：) joined into one: a fresh tester's t109.
 */
export function introLines(
  before: ReadonlyArray<{ no: number; text: string }>,
  first: 0 | 1,
): Array<{ no: number; text: string }> {
  const intro: Array<{ no: number; text: string }> = [];
  for (const l of before) {
    if (!l.text.trim()) continue;
    const prev = intro[intro.length - 1];
    if (prev && intro.length > first && !/[。：:；;！!？?）)]\s*$/.test(prev.text) && !HEADING.test(l.text))
      intro[intro.length - 1] = { no: prev.no, text: prev.text.trimEnd() + l.text.trim() };
    else intro.push(l);
  }
  return intro;
}

/** The one four-digit year `words` name, or null for none or several. */
function soleYear(words: string): number | null {
  const years = new Set([...arabicYears(words).matchAll(/(?:19|20)\d{2}(?=\s*年)/g)].map((m) => Number(m[0])));
  return years.size === 1 ? [...years][0]! : null;
}

function sentences(text: string): string[] {
  return text.split(/[。；;！!？?]/).filter((s) => s.trim());
}

function lastSentence(text: string): string {
  return sentences(text).at(-1) ?? '';
}

/**
 * A clause pointing at a table printed elsewhere: 见附表, 详见附件2, 附后, 见文末, 见后表, 列后, 附在本
 * 报告最后, 见本报告第五部分, 下表 (t108: the wordings the first list lacked).
 */
const POINTS_ELSEWHERE =
  /见.{0,8}附(?:表|件)|附后|附表|附件|见.{0,4}(?:文末|文后|后表|表格|下表|第[五六]部分)|列(?:后|于文后|于文末)|附[在于].{0,8}(?:最后|后面|文末|之后|后)|下表/;

/**
 * The clause of a section's own text that points at its table printed elsewhere (an appendix,
 * a run in 五) and says that table is another period's (本年度未收到申请，上年度情况见附表; 2022年度
 * 情况附后): its line and words, or null. A fresh tester's t106: last year's table in the
 * appendix, its title naming no year, was published as the year's.
 */
export function otherPeriodReference(
  lines: ReadonlyArray<{ no: number; text: string }>,
  year: number | null,
): { line: number; words: string } | null {
  // A section with no table of its own (本年度未收到申请。上年度情况见文末。): any clause of its text
  // naming another period speaks for the table printed elsewhere, whatever words point at it.
  // Sentences of the text with its lines joined (a bracket or a period wrapped over two lines: t109),
  // each with the line it starts on; where a sentence points at the table (本年度情况见附表, 2022年度
  // 的情况，详见附表), the pointing sentences decide, clause by clause.
  const ownTable = lines.some((l) => TABLE_ROW.test(l.text));
  const said: Array<{ line: number; words: string }> = [];
  for (const l of lines)
    for (const [k, piece] of l.text.split(/(?<=[。；;！!？?])/).entries()) {
      const last = said[said.length - 1];
      if (k === 0 && last && !/[。；;！!？?]\s*$/.test(last.words)) last.words += piece;
      else said.push({ line: l.no, words: piece });
    }
  const clauses = (ss: typeof said) =>
    ss.flatMap((x) =>
      x.words
        .split(/[，,。；;！!？?]/)
        .map((c) => ({ line: x.line, words: c.trim() }))
        .filter((c) => c.words && !COMPARING.test(c.words.replace(REMARK, '')) && !BASIS.test(c.words)),
    );
  const pointing = said.filter((x) => POINTS_ELSEWHERE.test(x.words) && !BASIS.test(x.words));
  if (!pointing.length && ownTable) return null;
  // (With no pointing words, only clauses that speak of the figures: 2019年以来本机关… does not.)
  const candidates = pointing.length
    ? clauses(pointing)
    : clauses(said).filter((c) => /情况|数据|统计|申请数/.test(c.words));
  return candidates.find((c) => namesOtherPeriod(c.words, year)) ?? null;
}

/** A line of a table: three numbers or more apart (its values), as a section's own table has. */
const TABLE_ROW = /(?:^|[\s|,，\t])\d+(?:\.\d+)?(?:[\s|,，\t]+\d+(?:\.\d+)?){2,}/;

/**
 * The line opening a run of tables elsewhere (附件：2022年度…统计表, 对上年度报告中…数据更正如下：)
 * when it names another period: its tables are that period's (t108: last year's correction in 五
 * published as the year's). A report's title in it counts here: the run is that report's.
 */
export function otherPeriodOpener(
  l: { no: number; text: string },
  year: number | null,
): { line: number; words: string } | null {
  const w = l.text.trim();
  return w && !COMPARING.test(w.replace(REMARK, '')) && !BASIS.test(w) && namesOtherPeriod(w, year)
    ? { line: l.no, words: w }
    : null;
}

/**
 * `read` with every number NULL (`ambiguous`) and a note naming `caption`: the table is another
 * period's by its caption (otherPeriodCaption), so none of its values is the report's year's.
 */
export function otherPeriodTable(read: TableRead, caption: { line: number; words: string }): TableRead {
  return notOwnTable(
    read,
    caption.line,
    'other_period',
    (n) =>
      `the table is introduced as another period's ("${caption.words}"), not the report's year: its ${n} value(s) left NULL`,
  );
}
