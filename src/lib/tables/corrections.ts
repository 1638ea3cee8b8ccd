import type { Line } from '../decode/lines.ts';
import { toSimplified } from '../decode/script.ts';
import { requestRows2019, requestRows2021 } from '../template/definitions.ts';
import type { TableRead } from './read.ts';

/**
 * A report correcting its own figures in words or in a 更正前/更正后 table — 勘误：…“（一）予以公开”
 * 自然人一栏数据有误，原为14件，现更正为17件; 行政许可本年处理决定数量应为10219件，原文误写为10119件;
 * 更正事项 | 更正前 | 更正后 — where no corrected copy of the table is printed to compare (copies.ts
 * does that): the rows it names hold a figure the report itself withdraws, and which one is the
 * year's is not proven by the table. Their cells are left NULL (`corrected`), with a note naming
 * the correction's line (fresh testers' t106 W2, t108 SW5, t116 W17–W19: the withdrawn numbers
 * were published). A correction of another year's report (对上年度报告…更正) is not the year's.
 */

export type Corrected = Record<'active' | 'requests' | 'review', Set<string>> & {
  line: number;
  words: string;
  /**
   * The figures of a correction known by its looser words only (LOOSE: 应是, 改为, 少统计…): a row it
   * names is withdrawn only where one of them is not among the row's own figures (the sentence
   * gives a figure the table does not: 自然人17件误印为14件), not where it only restates them.
   */
  figures?: number[];
};

/**
 * Words of a correction of figures (not 更正 alone: 依申请更正信息, 及时更正…信息 in 一's account of
 * the year's work), and words of figures beside them.
 */
const CORRECTS =
  /有误|误写|误填|笔误|勘误|更正为|修正为|订正为|修改为|正确数据为|应为\s*[\d零〇一二三四五六七八九十百]|原为\s*[\d零〇一二三四五六七八九十百]|原填报|经复核调整为|纠正为|校正为|更新为|实际为|调整后为|之误|为准|核定为|调[增减]至|经复查|经复核|经核实|经核查|审核确认|由\s*[\d零〇一二三四五六七八九十百]+\s*件?(?:调整|更正|修改|变更)为|实为\s*[\d零〇一二三四五六七八九十百]|更正前|更正后|更正说明|更正如下|撤回/;
const FIGURES = /\d|数据|数字|一栏|栏|表|[零〇一二三四五六七八九十百千]+件/;
/**
 * Looser words of a correction (a fresh tester's t124: 误印为, 改为, 应改为, 补正为, 应增加…至, 作如下修正,
 * 核减…为, 应是, 宜为, 应以…计, 少统计, 漏统计…实际数为, 正确数字为, 由…变更为, 调整后数量): a row they
 * name is withdrawn where the sentence gives it a figure the table does not (Corrected.figures).
 */
const LOOSE =
  /误|(?<!纠)错|应(?:为|是|计|改|增|减|以|当|予)|宜为|改为|补正为|修正|修订|订正|核[减增]|[少漏多](?:统)?[计算报]|实际数?为|调整后|差异|变更为|正确|此数|该数/;
/** A correction's note by a marker on the row it corrects (※该行…应计17件, ①处…应为17). */
const MARKER = /^[（(]?\s*(?:注\s*)?([※①②③④⑤⑥⑦⑧⑨⑩＊*])/;
/** The figures a sentence gives (not years, not shares, not ordinals), Chinese numerals read. */
function figuresOf(text: string): number[] {
  return [
    ...text
      .replace(/(?:19|20)\d{2}年|第[\d一二三四五六七八九十]+|\d+(?:\.\d+)?[%％]/g, '')
      .replace(/[零〇一二三四五六七八九十百千万]+(?=件|个|起|项)/g, (m) => String(chineseNumber(m)))
      .matchAll(/\d+(?:\.\d+)?/g),
  ].map((m) => Number(m[0]));
}
/** 十七 → 17, 一百零三 → 103, 〇 → 0 (counts as reports write them). */
function chineseNumber(s: string): number {
  const d = '零一二三四五六七八九';
  let total = 0;
  let n = 0;
  for (const ch of s.replace(/〇/g, '零')) {
    const i = d.indexOf(ch);
    if (i >= 0) n = i;
    else {
      const unit = ch === '十' ? 10 : ch === '百' ? 100 : ch === '千' ? 1000 : ch === '万' ? 10000 : 1;
      total += (n || (unit === 10 ? 1 : 0)) * unit;
      n = 0;
    }
  }
  return total + n;
}
/** A correction's heading or opening line, its figures after it. */
const OPENS = /更正说明|更正如下|更正前|更正后|勘误|修改说明|订正说明/;
/** Words saying the correction is of another year's report or period. */
const OTHER_REPORT = /上一?年度|去年|往年|上年|前一?年/;
/** A report named by its year (2022年度报告, 2022年政府信息公开工作年度报告): another's, unless the year is the report's. */
const YEAR_REPORT = /((?:19|20)\d{2})年度?(?:政府信息公开)?(?:工作)?(?:年度)?(?:报告|年报)/g;
/** The header of a table of corrections: a column of the old figure beside one of the new. */
const OLD_NEW =
  /(?:更正前|勘误前|修改前|调整前|修订前|原数据|原表述|原填报|原公布|原数|原为|错误|(?:^|\|)误(?=\||$)).*(?:更正后|勘误后|修改后|调整后|修订后|更正为|更正数|核实数|正确|现为|(?:^|\|)正(?=\||$))/;
/** 三's columns named as columns (“总计”列, 自然人一栏): left NULL where no row is named. */
const COLUMNS: Array<[string, RegExp]> = [
  ['natural_person', /自然人[”"]?(?:一?列|一?栏)/],
  ['commercial', /商业企业[”"]?(?:一?列|一?栏)/],
  ['research', /科研机构[”"]?(?:一?列|一?栏)/],
  ['social_org', /社会公益组织[”"]?(?:一?列|一?栏)/],
  ['legal_service', /法律服务机构[”"]?(?:一?列|一?栏)/],
  ['total', /总计[”"]?(?:一?列|一?栏)/],
];
/** A table named by its section: 第三部分, 三、收到和处理…, 主动公开…. */
const TABLES: Array<['active' | 'requests' | 'review', RegExp]> = [
  ['active', /第二部分|二、|主动公开/],
  ['requests', /第三部分|三、|收到和处理|依申请/],
  ['review', /第四部分|四、|行政复议|行政诉讼/],
];
/** 二's rows by their words in a sentence. */
const ACTIVE: Array<[string, RegExp]> = [
  ['rules', /规章/],
  ['normative_docs', /规范性文件/],
  ['licensing', /行政许可/],
  ['other_services', /其他对外管理服务事项/],
  ['penalty', /行政处罚/],
  ['coercion', /行政强制/],
  ['fees', /行政事业性收费|收费金额/],
  ['procurement', /政府集中采购|采购/],
];
const REQUESTS: Array<[string, RegExp]> = [
  ...new Map(
    [...requestRows2021, ...requestRows2019]
      .filter((r) => r.key !== 'total')
      .map((r) => [r.key, new RegExp(r.match.source.replace(/^\^|\$$/g, ''))] as const),
  ),
  // (新收 alone in a sentence: 新收及总计行相应调整.)
  ['new_received', /新收/],
];
const REVIEW: Array<[string, RegExp]> = [
  ['review', /行政复议(?!后)/],
  ['suit_direct', /直接起诉|行政诉讼(?!.{0,4}复议后)/],
  ['suit_after_review', /复议后起诉|行政诉讼(?!.{0,4}直接)/],
];

/** A heading of the report's sections, ending a correction's passage. */
const HEADING = /^[\s|]*[一二三四五六][、.．]|^[\s|]*第[一二三四五六]部分/;
/** A line this long is a page dumped as one line. */
const DUMP = 300;
/** A correction announced inside a dumped line (…第三部分数据有误，更正如下：), its words near it. */
const DUMP_SENTENCE = /[^|。；！？]{0,60}(?:更正|勘误|订正|修正)[^|。；！？]{0,40}如下\s*[:：]/g;
/** Three numbers or more apart: a run of a table's values. */
const NUMBER_RUN = /(?:\s\d+(?:\.\d+)?件?){3,}\s/;
/** The sentences of a dumped line, as lines of the same number. */
function dumpSentences(l: Line): Line[] {
  return l.text
    .split(/(?<=[。；！？])/)
    .map((s) => s.split(NUMBER_RUN).pop()!.trim())
    .filter((t) => t && t.length <= DUMP && !ROW.test(t))
    .map((text) => ({ ...l, text }));
}
/** A table's row: a value after a border, or three numbers apart. */
const ROW = /\|.*\d|(?:^|\s)\d+(?:\s*件)?(?:\s+\d+(?:\s*件)?){2,}(?:\s|$)/;

/**
 * The corrections of the report's own figures in `lines` (the report's text, sections in order),
 * each with the rows it names by table; empty when the report corrects nothing, or corrects
 * without naming a row (更正如下： and the whole table again: compared as a copy instead).
 */
export function correctionsStated(all: readonly Line[], year: number | null = null): Corrected[] {
  // A page dumped as one line: its sentences are read as lines of their own too, each from after the
  // last run of a table's numbers in it (…总计 19 … 经核查，表三…应为十七件: t124).
  const lines = all.flatMap((l) => (l.text.length > DUMP && ROW.test(l.text) ? [l, ...dumpSentences(l)] : [l]));
  const otherReport = (w: string) =>
    OTHER_REPORT.test(w) || [...w.matchAll(YEAR_REPORT)].some((m) => Number(m[1]) !== year);
  const out: Corrected[] = [];
  for (let i = 0; i < lines.length; i++) {
    const text = toSimplified(lines[i]!.text).replace(/\s+/g, '');
    // A page dumped as one line: a correction announced inside it, its corrected table after it on
    // the same line (…数据有误，更正如下： （本列…） 一、本年新收… 49 6 …): not compared as a copy, so
    // the whole table it names is withdrawn (t116 W20).
    if (text.length > DUMP && ROW.test(lines[i]!.text)) {
      for (const m of toSimplified(lines[i]!.text).matchAll(DUMP_SENTENCE)) {
        const w = m[0].replace(/\s+/g, '');
        if (otherReport(w)) continue;
        // A table of corrections right after it (更正事项 更正前 更正后 第三部分“予以公开”自然人 26 28 …):
        // the rows its words name; else the whole table the announcement names.
        const after = toSimplified(lines[i]!.text)
          .slice(m.index + m[0].length)
          .replace(/\s+/g, '');
        const listed = OLD_NEW.test(after.slice(0, 30))
          ? after.slice(0, 400).split(/[一二三四五六][、.．](?!本年|上年|结转)/)[0]!
          : null;
        const all = (t: 'active' | 'requests' | 'review', list: Array<[string, RegExp]>) =>
          new Set(
            listed !== null
              ? list.filter(([, re]) => re.test(listed)).map(([k]) => k)
              : TABLES.some(([k, re]) => k === t && re.test(w))
                ? ['*']
                : [],
          );
        const c = { active: all('active', ACTIVE), requests: all('requests', REQUESTS), review: all('review', REVIEW) };
        if (c.active.size || c.requests.size || c.review.size) out.push({ ...c, line: lines[i]!.no, words: w });
      }
      continue;
    }
    // A table of corrections with no sentence over it (修订项目 | 修订前 | 修订后): its header opens it.
    const header = !ROW.test(lines[i]!.text) && text.includes('|') && OLD_NEW.test(text) && !otherReport(text);
    const strict = CORRECTS.test(text) || /差错|错误/.test(text);
    const loose = !strict && !header;
    if (
      !header &&
      (!text ||
        ROW.test(lines[i]!.text) ||
        !(strict || LOOSE.test(text)) ||
        !(FIGURES.test(text) || OPENS.test(text)) ||
        otherReport(text))
    )
      continue;
    // The words naming rows: the sentence itself, and the labels of a 更正前/更正后 table after it
    // (更正前： and its rows, or 更正事项 | 更正前 | 更正后).
    // (A line with no figure — 更正说明：, 勘误说明： — names rows only by the table after it: 建立勘误
    // 机制，及时纠正予以公开的信息 names none.)
    const named = FIGURES.test(text) ? [text] : [];
    // A note by a marker names the row the marker stands on (（一）予以公开※ … ※该行…应计17件); 此数
    // right under a row, that row.
    const mark = MARKER.exec(text)?.[1];
    if (mark) {
      const on = lines.find((l, k) => k !== i && l.text.includes(mark) && ROW.test(l.text));
      // (Its label: the words just before the marker, in a page dumped as one line too.)
      if (on) named.push(toSimplified(on.text.slice(Math.max(0, on.text.indexOf(mark) - 40), on.text.indexOf(mark))));
    }
    if (/此数|该数/.test(text) && i > 0 && ROW.test(lines[i - 1]!.text))
      named.push(toSimplified(lines[i - 1]!.text).replace(/\s+/g, ''));
    let before = header;
    for (let j = i + 1; j < Math.min(lines.length, i + 40); j++) {
      const t = toSimplified(lines[j]!.text).replace(/\s+/g, '');
      if (HEADING.test(lines[j]!.text) && !ROW.test(lines[j]!.text)) break;
      if (/更正前|勘误前|修改前|修订前/.test(t) || OLD_NEW.test(t)) before = true;
      if (/^更正后[:：]?$/.test(t)) break;
      // (A row's words: its cells holding words, 序号 | 位置 | … as 1 | 三、…（一）予以公开 | 24 | 26.)
      if (before && ROW.test(lines[j]!.text))
        named.push(
          t.includes('|')
            ? t
                .split('|')
                .filter((c) => /[\u4e00-\u9fff]/.test(c))
                .join('')
            : (/^.*?[\u4e00-\u9fff）)](?=\d)/.exec(t)?.[0] ?? t),
        );
    }
    const words = named.join('，');
    const tables = TABLES.filter(([, re]) => re.test(text)).map(([t]) => t);
    const rows = (t: 'active' | 'requests' | 'review', list: Array<[string, RegExp]>) =>
      new Set(tables.length && !tables.includes(t) ? [] : list.filter(([, re]) => re.test(words)).map(([k]) => k));
    const requests = rows('requests', REQUESTS);
    // (总计 is 三's total row named so — （七）总计, 总计行 — or, beside a row, that row's total cell;
    // “总计”列 is a column; in 四 总计 is a column.)
    if ((requests.size || tables.includes('requests')) && /[（(]七[）)](?:总计|合计)|总计行|合计行/.test(words))
      requests.add('total');
    // Columns named where no row is (“总计”列数据有误，现予撤回: t119).
    if (!requests.size && !loose && (!tables.length || tables.includes('requests')))
      for (const [k, re] of COLUMNS) if (re.test(words)) requests.add(`col:${k}`);
    const c = {
      active: rows('active', ACTIVE),
      requests,
      review: rows('review', REVIEW),
      line: lines[i]!.no,
      words: lines[i]!.text.trim(),
      ...(loose ? { figures: figuresOf(text) } : {}),
    };
    if (c.active.size || c.requests.size || c.review.size) out.push(c);
  }
  return out;
}

/** `read` with the cells of the rows a correction names left NULL (`corrected`), one note each. */
export function correctedRows(
  read: TableRead | null,
  table: 'active' | 'requests' | 'review',
  stated: readonly Corrected[],
): TableRead | null {
  if (!read) return read;
  let out = read;
  for (const c of stated) {
    const named = c[table];
    // (A looser correction withdraws a row only where it gives a figure the row does not hold.)
    const gives = (row: string) =>
      !c.figures ||
      c.figures.some((f) => !out.cells.some((x) => x.row_key === row && x.state === 'number' && x.value === f));
    const at = (x: { row_key: string; col_key: string }) =>
      (named.has('*') || named.has(x.row_key) || named.has(`col:${x.col_key}`)) && gives(x.row_key);
    const hit = out.cells.filter((x) => x.state === 'number' && at(x));
    if (!hit.length) continue;
    const first = hit[0]!;
    out = {
      ...out,
      cells: out.cells.map((x) =>
        x.state === 'number' && at(x) ? { ...x, value: null, state: 'corrected' as const } : x,
      ),
      notes: [
        ...out.notes,
        {
          code: 'W_CELLS_AMBIGUOUS',
          message: `the report corrects these figures (line ${c.line}: "${c.words}"): the table's and the correction's differ, so which is the year's is not proven; ${hit.length} value(s) of ${named.has('*') ? 'the table' : [...named].map((k) => k.replace('col:', 'column ')).join(', ')} left NULL`,
          line: c.line,
          at: { table: first.table_id, row: first.row_key, col: first.col_key },
        },
      ],
    };
  }
  return out;
}
