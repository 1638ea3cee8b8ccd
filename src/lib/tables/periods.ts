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
const LAST_YEAR = /(?<!以)上一?个?年|去年|(?<!当)前一?年|往期/;
/** A span of years: 2008年以来 (a year's, not 今年以来 or 施行以来), 历年, 近三年, 2021-2023年, 2021至2023年. */
const SPAN =
  /(?:19|20)\d{2}年度?以来|历年|往年|近[\d一二三两四五六七八九十]+年|(?:19|20)\d{2}\s*年?\s*(?:[-—–~～至到])\s*(?:19|20)\d{2}/;
/** Cumulative: 累计 of no year or up to a date (截至2023年底累计); 本年累计, 全年累计, 截至…本年度累计 are the year's. */
const CUMULATIVE = /累计/;
const UP_TO = /截至|截止/;
const THIS_YEAR = /本年|今年|当年|全年|年度累计|\d{1,2}\s*[-—–~～至到]\s*\d{1,2}\s*月/;
/** A date (2024年01月25日: a page's publication date) or a book's title (《…纲要（2021-2025年）》): no period of a table. */
const NOT_PERIODS = /《[^》]*》|(?<![至到\-—~～])(?:19|20)\d{2}年\d{1,2}月(?:\d{1,2}日)?(?![\d日]|\s*[至到\-—~～])/g;
/** The form's own words with 上年 or another year in them, and a table including last year's carried-over requests (含上年度…). */
const OWN_WORDS =
  /(?:上一?年|(?:19|20)\d{2}年)度?结转|结转(?:至|到)?(?:下一?年|(?:19|20)\d{2}年)度?|(?:今年|本年度?|年初)以来|[含包括](?:上一?年度?|去年)/g;

/**
 * Whether `words` name a period that is not the report's year `year`: a year other than it, a
 * span of years, last year, or a cumulative count up to a date. False for words naming no
 * period, or the report's own year only (2023年度数据, 本年). With `year` unknown, any year
 * number counts as another's. Not for prose: a sentence comparing two years names both.
 */
export function namesOtherPeriod(words: string, year: number | null): boolean {
  const all = arabicYears(words.replace(/\s+/g, ''));
  const w = all.replace(NOT_PERIODS, '').replace(OWN_WORDS, '');
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
/** A section heading's numbering (三、). */
const HEADING = /^\s*[一二三四五六七八九十]+\s*[、.．]/;
/** A report's title, a page's running head (某县人民政府2022年政府信息公开工作年度报告, t89: a slip of last year's): no caption of a table. */
const REPORT_TITLE = /年度报告|年报/;
/** Words comparing the year with another (较上年增长…): such a sentence names both. Not 供比较 (for comparison: a caption). */
const COMPARING = /相比|同比|环比|(?<!比)较|比上年|比去年|增长|下降|减少|增加|持平|上升/;
/** Words citing another report (摘自本机关2022年度报告：): the table is that report's, no running head. */
const CITED = /摘自|摘录自?|引自|援引|转引|出自|来源于?|详见|参见|见/;
/** A remark in brackets (（本年度无增加）): it speaks of the report's year, not of the table's period. */
const REMARK = /（[^（）]*）|\([^()]*\)/g;
/** A note after a table about the table (注：上表为2022年度数据): its words that point at the table. */
const NOTE = /^\s*[（(]?\s*(?:注|说明|备注|附注)\s*[:：]/;
const POINTS_AT_TABLE = /上表|本表|该表|此表|表中|以上数据|上述数据|表内数据/;

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
  const lines = heading ? [heading, ...body] : body;
  const first = heading ? 1 : 0;
  let end = first;
  while (
    end < lines.length &&
    ((TITLE.test(lines[end]!.text) && !lines[end]!.text.includes('|')) ||
      /。/.test(lines[end]!.text) ||
      (!TABLE_START.test(lines[end]!.text) && !/(?:^|[\s|])\d+(?:[\s|]+\d+){2,}/.test(lines[end]!.text)))
  )
    end++;
  if (end >= lines.length) return null;
  const said = (no: number, words: string) => {
    const w = words.trim();
    if (!w || (REPORT_TITLE.test(w) && !CITED.test(w))) return null;
    // A comparison in a bracketed remark only (2022年度情况如下（本年度无增加）：) leaves the rest
    // to say the period; the remark itself is read only where nothing compares (（2008年以来累计）).
    const outside = w.replace(REMARK, '');
    if (COMPARING.test(outside)) return null;
    return namesOtherPeriod(COMPARING.test(w) ? outside : w, year) ? { line: no, words: w } : null;
  };
  const intro = lines.slice(0, end).filter((l) => l.text.trim());
  for (const [k, l] of intro.entries()) {
    const text = l.text.trim();
    if (text.length <= 40 || (k === 0 && first === 1)) {
      const hit = said(l.no, text.replace(HEADING, ''));
      if (hit) return hit;
    } else if (/[:：]$/.test(text)) {
      // A long line ending in a colon introduces what follows (…统计如下，供读者参考：), even
      // when a unit line (单位：件) stands between it and the table: its last sentence.
      const hit = said(l.no, lastSentence(text));
      if (hit) return hit;
    }
  }
  // A note after the table about the table (注：上表为2022年度数据。).
  for (const l of lines.slice(end)) {
    if (!NOTE.test(l.text)) continue;
    for (const s of sentences(l.text.replace(NOTE, ''))) {
      const hit = POINTS_AT_TABLE.test(s) ? said(l.no, s) : null;
      if (hit) return hit;
    }
  }
  const last = intro[intro.length - 1];
  if (!last || (last === intro[0] && first === 1)) return null;
  return said(last.no, lastSentence(last.text));
}

function sentences(text: string): string[] {
  return text.split(/[。；;！!？?]/).filter((s) => s.trim());
}

function lastSentence(text: string): string {
  return sentences(text).at(-1) ?? '';
}

/**
 * `read` with every number NULL (`ambiguous`) and a note naming `caption`: the table is another
 * period's by its caption (otherPeriodCaption), so none of its values is the report's year's.
 */
export function otherPeriodTable(read: TableRead, caption: { line: number; words: string }): TableRead {
  const numbers = read.cells.filter((c) => c.state === 'number');
  if (!numbers.length) return read;
  const first = numbers[0]!;
  return {
    ...read,
    cells: read.cells.map((c) => (c.state === 'number' ? { ...c, value: null, state: 'ambiguous' as const } : c)),
    notes: [
      ...read.notes,
      {
        code: 'W_CELLS_AMBIGUOUS',
        message: `the table is introduced as another period's ("${caption.words}"), not the report's year: its ${numbers.length} value(s) left NULL`,
        line: caption.line,
        at: { table: first.table_id, row: first.row_key, col: first.col_key },
      },
    ],
  };
}
