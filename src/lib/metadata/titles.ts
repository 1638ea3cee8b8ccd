import { sliceLine, type Line } from '../decode/lines.ts';
import { FORMAT_TAG, isChrome, leadingCrumb, leadingNoise } from '../segment/chrome.ts';
import { TITLE, TITLE_LABEL, cleanTitle } from './agency.ts';

/**
 * The lines before section 一 that read as a report title, and what each one is. A page holds
 * more titles than its own: the site's `<title>` (a template's, sometimes of another page), and
 * lists of the agency's other reports (相关文章, 往年年报, links). Only the report's own heading
 * speaks for the report: a crawler's `标题:` field, an `<h1>`, or a plain title line that is in
 * no list. The year is decided from these in `year.ts`.
 */

export type TitleKind =
  /** A crawler's or a page's labelled title (标题: …). */
  | 'labelled'
  /** The report's own heading: an `<h1>`, or a title line of the text in no list. */
  | 'heading'
  /** The HTML `<title>`: the site's name for the page. */
  | 'page'
  /** A title in a list of other articles (after a label, or links in a row): another report, not this one. */
  | 'listed';

export interface TitleCandidate {
  line: Line;
  kind: TitleKind;
}

/** Spacing and table borders off a header line. */
export function clean(s: string): string {
  // Both border patterns need a `|`: a line without one (most) skips them, the same result.
  const bare = s.includes('|') ? s.replace(/(?:\s*\|)+\s*$/, '').replace(/^\s*(?:\|\s*)+/, '') : s;
  // Markup of a page's source saved as text (`<b>XX局</b>2020年…`, a fresh user's t39): no words.
  const t = bare.includes('<') ? bare.replace(FORMAT_TAG, '') : bare;
  return t.replace(/\s+/g, ' ').trim();
}

/** A line that reads as a report title (not a sentence that names one). */
export function readsAsTitle(l: Line): boolean {
  return (
    TITLE.test(l.text) &&
    cleanTitle(clean(l.raw)).length <= 80 &&
    !/^(?:根据|按照|本报告|本年度报告)/.test(l.text.trim()) &&
    // The opening sentence wrapped so that a line holds its middle (…要求,现将我局2020年政府信息公开
    // 工作年度报告总结如下。: a fresh tester's t105, taken for a second title, the agency NULL).
    !/现将|如下\s*[。:：]?\s*$/.test(l.text) &&
    !SECTION_HEADING.test(l.text.trim())
  );
}

/**
 * A section's heading (三、收到和处理政府信息公开申请情况, 二、主动公开政府信息情况): no title, though
 * its words read as one (a fresh tester's t28: a report with no title line was titled so, its
 * agency 三、收到和处理).
 */
const SECTION_HEADING =
  /^(?:[一二三四五六七八九十]{1,2}\s*[、.．]|[(（][一二三四五六七八九十]{1,2}[)）]|第[一二三四五六七八九十]+部分)\s*(?:总体情况|(?:政府信息)?主动公开|收到和处理|(?:因)?政府信息公开(?:工作)?(?:行政复议|被申请行政复议)|政府信息公开(?:工作)?存在|存在的主要问题|其他需要报告)/;

/** A label that opens a list of other articles (the item may follow on the same line). */
const RELATED =
  /^\s*(?:相关(?:文章|阅读|推荐|新闻|信息|文件|报告|年报|内容|链接)|往期(?:回顾|年报|报告)|往年(?:年报|报告)|历年(?:年报|报告)|推荐阅读|延伸阅读|猜你喜欢|热点推荐|热门文章|其他年度(?:年报|报告)?|更多(?:年报|报告))\s*[:：]?/;

/** A list item's date after its title: 2019-01-23, 2019/1/23, 2019.01.23, [01-23]. */
const ITEM_DATE = /(?:(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|[[(（]\d{1,2}-\d{1,2}[\])）])\s*$/;

/** The page's labelled fields (索引号, 发布机构, 发布日期 …): they stand under the report's own title. */
const FIELDS =
  /(?:索\s*引\s*号|发\s*布\s*机\s*构|发文机关|发布单位|发\s*布\s*日\s*期|发布时间|发文日期|成文日期|来\s*源\s*[:：])/;

/**
 * Every title line of `head` (the lines before section 一, blank lines included: a blank line
 * ends a list), in order, with its kind. A list opened by a RELATED label runs over the title
 * lines that follow it and ends at a blank line, at any other line, at an `<h1>`, or at a title
 * that the page's fields (索引号, 发布日期 …) directly follow — that one is the report's own.
 */
export function titleCandidates(head: Line[]): TitleCandidate[] {
  const out: TitleCandidate[] = [];
  const labelled = head.some((l) => TITLE_LABEL.test(l.text) && TITLE.test(l.text));
  let inList = false;
  // The list's items so far are links.
  let linkItems = false;
  // With a crawler's 标题: field, the report's own first title line after it (not in a list, no
  // link) is a candidate too: where the two disagree (year or agency) the field alone does not
  // prove either (a fresh tester's t28: 标题: …2022年… over the report's own …2023年…, published
  // as 2022's, silently).
  let afterLabel = false;
  let ownHeading = false;
  head.forEach((l, i) => {
    const text = l.text.trim();
    if (!text) {
      inList = false;
      return;
    }
    const related = RELATED.test(text);
    if (related) {
      inList = true;
      linkItems = false;
    }
    if (!readsAsTitle(l) || (!related && isChrome(text))) {
      if (!related && !isChrome(text)) inList = false;
      return;
    }
    // Today's rule, kept: a crawler's 标题: field is the title (other title lines then never are).
    if (labelled) {
      if (TITLE_LABEL.test(l.text)) {
        out.push({ line: l, kind: 'labelled' });
        afterLabel = true;
      } else if (afterLabel && !ownHeading && !related && !inList && l.role !== 'link' && l.role !== 'page-title') {
        out.push({ line: l, kind: 'heading' });
        ownHeading = true;
      }
      return;
    }
    let kind: TitleKind;
    if (l.role === 'page-title') kind = 'page';
    else if (l.role === 'heading') kind = 'heading';
    else if (related || (l.role === 'link' && linkList(head, i))) kind = 'listed';
    // A list of links ends at a title that is no link (HTML has no blank line to end it): 往年年报：
    // and two linked titles, then the page's own title in a <p>.
    // Nor is a list's item with its date after it (…年度报告 2019-01-23), though fields follow it: a
    // page with no title of its own under a 相关文章 list (a fresh tester's t57, filed as 2018's).
    else if (inList && (!fieldsFollow(head, i) || ITEM_DATE.test(text)) && !(linkItems && l.role !== 'link'))
      kind = 'listed';
    else kind = 'heading';
    if (kind === 'heading') inList = false;
    if (kind === 'listed' && l.role === 'link') linkItems = true;
    out.push({ line: l, kind });
  });
  // A page's <h1> title is its own: the plain title lines before it are the page's chrome and
  // lists (a 热点 box, a sidebar of other reports with no label: a fresh tester's t32, filed
  // under the sidebar's first agency and year).
  const h1 = out.findIndex((c) => c.kind === 'heading' && c.line.role === 'heading');
  for (let i = 0; i < h1; i++) if (out[i]!.kind === 'heading') out[i]!.kind = 'listed';
  return out;
}

/** Where the space-delimited word holding `at` starts: after the last space before it (0: none). */
function wordStart(text: string, at: number): number {
  return text.slice(0, at).search(/\s\S*$/) + 1;
}

/**
 * The one title of the report's own (`heading`) that the page's fields (索引号, 发布日期 …)
 * directly follow, or null when none or several are: the titles before it are the page's chrome
 * and lists (a breadcrumb, 相关链接, a sidebar of the agency's other years, links or not), whose
 * other year made the year NULL and gave the title (a fresh tester). A line of fields is no title.
 */
export function fieldsTitle(head: Line[], candidates: TitleCandidate[]): TitleCandidate | null {
  const anchored = candidates.filter(
    (c) => c.kind === 'heading' && !FIELDS.test(c.line.text) && fieldsFollow(head, head.indexOf(c.line)),
  );
  return anchored.length === 1 ? anchored[0]! : null;
}

/**
 * A link title beside another link title: a list of links (other pages). A lone link title is
 * taken for the report's own (some sites link the article's title to itself).
 */
function linkList(head: Line[], i: number): boolean {
  const near = [head.slice(0, i).findLast((l) => l.text.trim()), head.slice(i + 1).find((l) => l.text.trim())];
  return near.some((l) => l?.role === 'link' && readsAsTitle(l));
}

function fieldsFollow(head: Line[], i: number): boolean {
  const next = head.slice(i + 1).find((l) => l.text.trim());
  return !!next && FIELDS.test(next.text);
}

/** An opening sentence that may follow the title on a dumped line: 根据《条例》… */
const OPENER = /(?:根据|按照|依据)《|本报告(?:所列|中所列|由|是)/;
/** A bare 时间： or 日期： after the title (a period or a date: its own line, read by dates.ts). */
const BARE_DATE = /(?:时\s*间|日\s*期)(?=\s*[:：]|\s+(?:19|20)\d{2}\s*[-年/.])/;
const CUT = new RegExp(`${FIELDS.source}|${OPENER.source}|${BARE_DATE.source}`, 'g');
// Lazy: the title's words end at its first 报告 (…年度报告 本报告所列…: not at the sentence's).
const TITLES = new RegExp(TITLE.source.replace('.{0,12}', '.{0,12}?'), 'g');
/** A printed page's header before the title: an address, a page counter (1/3), a time. */
const PRINTED = /(?:https?:\/\/\S*|www\.\S*|\S*\.s?html?|\b\d+\s*\/\s*\d+|\d{1,2}:\d{2})\s*$/;
/**
 * A browser's print header opening the line: the page's address, then perhaps its page counter
 * (1/5) and print time. It is never part of what follows, be that the agency's name before a
 * title broken by a space (`…_10842.htm 1/5 XX局 2015年政府信息公开 工作年度报告`) or the page's
 * chrome (`… 1/5 当前位置：首页 > …`).
 */
const PRINTED_HEAD =
  /^\s*(?:https?:\/\/|www\.)\S+(?:\s+(?:\d{1,4}\s*[/／]\s*\d{1,4}|(?:19|20)\d{2}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?))*\s+/;

/**
 * A head line that runs a title into the page's fields or the opening sentence (a crawler that
 * saved the page as one line: `XX局2022年政府信息公开工作年度报告 索引号：… 发布机构：XX局 发布日期：…
 * 根据《…》…`) cut before each field label and before the opening sentence that follow the title,
 * so that the title, each field and the sentence are lines of their own (`W_NO_TITLE` otherwise, or
 * a title that swallows the fields). A cut is made after a space or a punctuation mark, or
 * where a field's label with its colon (索引号：) or the opening sentence is glued on; a line with
 * no title, or no field or opening sentence after it, is left whole. What stands before the title
 * is cut off at the space before the title's word when it is a printed page's header (address,
 * page counter) or chrome naming the column (当前位置：… > 政府信息公开年报 打印 关闭).
 */
export function splitHeadLine(l: Line): Line[] {
  const titles = [...l.text.matchAll(TITLES)];
  if (titles.length === 0) return [l];
  const from = titles[0]!.index + titles[0]![0].length;
  const cuts: number[] = [];
  for (const m of l.text.matchAll(CUT)) {
    if (m.index < from) continue;
    // After a space or a mark; or glued (…年度报告索引号：…发布机构：市政府办发布日期：…) when the
    // label is a field's, with its colon.
    const spaced = /[\s，,。；;：:|]/.test(l.text[m.index - 1] ?? '');
    const field = OPENER.test(m[0]) || /^\s*[:：]/.test(l.text.slice(m.index + m[0].length));
    if (spaced || field) cuts.push(m.index);
  }
  // What a printed page puts before the title (its address and page counter, `…_62139.htm 1/3
  // 永州市…报告`): not the title's. The title's word starts after the last space before it.
  const fieldsAt = cuts[0] ?? l.text.length;
  const word = wordStart(l.text, titles[0]!.index);
  if (word > 1 && PRINTED.test(l.text.slice(0, word))) cuts.push(word);
  const header = PRINTED_HEAD.exec(l.text)?.[0].length ?? 0;
  if (header > 0 && header <= titles[0]!.index) cuts.push(header);
  // A breadcrumb before the title (a one-line dump: `当前位置： 首页 > 政务公开 XX局2023年…年度报告 一、…`):
  // the whole line read as chrome, and the report's own title with it (a fresh tester's t30: a
  // crawler's 标题: field of another year or agency then stood alone).
  // After a printed page's header too, with chrome words after it (`…htm 1/5 当前位置：首页 > … >
  // 政府信息公开年报 打印 关闭 XX委员会 2024年政府信 息公开…`: the breadcrumb's 年报 was the title and
  // 当前位置:首页> the agency). What follows must read as a title.
  const crumbFrom = header > 0 && header <= titles[0]!.index ? header : 0;
  const crumb = leadingCrumb(l.text.slice(crumbFrom));
  if (crumb > 0 && TITLE.test(l.text.slice(crumbFrom + crumb))) {
    if (crumbFrom > 0) cuts.push(crumbFrom);
    cuts.push(crumbFrom + crumb);
  }
  // Chrome words or markup before the title (`【 打印 】 XX局…年度报告`, `<img …> XX局…`: a fresh
  // user's t39): the whole line read as chrome (no title), or the markup as the agency's name.
  // A cell of the page's before the title's, a tab between (a table of menu and title flattened,
  // an RTF row's \cell: `机构概况 政策文件 2018年年报<TAB>XX厅2019年…年度报告` gave the title the
  // menu's words, the agency 机构概况政策文件 and the year 2018). No name holds a tab.
  const tab = l.text.lastIndexOf('\t', titles[0]!.index);
  if (tab >= 0 && l.text.slice(0, tab).trim()) cuts.push(tab + 1);
  const noise = leadingNoise(l.text);
  if (noise > 0 && noise <= titles[0]!.index && TITLE.test(l.text.slice(noise))) cuts.push(noise);
  // Page chrome glued before the title (当前位置：首页 > … > 政府信息公开年报 打印 关闭 XX局…年度报告):
  // a later title before the fields starts a line at the space before its word.
  for (const t of titles.slice(1)) {
    const at = wordStart(l.text, t.index);
    if (at > 1 && at < fieldsAt) cuts.push(at);
  }
  if (cuts.length === 0) return [l];
  const bounds = [0, ...[...new Set(cuts)].sort((a, b) => a - b), l.text.length];
  return bounds
    .slice(0, -1)
    .map((at, i) => ({ ...sliceLine(l, at, bounds[i + 1]), ...(l.role ? { role: l.role } : {}) }));
}

/**
 * A title's last words on a line of their own (工作年度报告, 年度报告, 度报告), the line before it
 * holding the year and 信息公开 or 政务公开, the two together ending as a report's title.
 */
const TITLE_END = /^[工作年度报告]{2,6}$|^年报$/;
const BROKEN_AT = /(?:19|20)\d{2}\s*年.*(?:信息公开|政务公开)/;
const REPORT_END = /(?:信息公开|政务公开)(?:工作)?(?:年度报告|年报)$/;

/** A piece of a title broken over lines: short, no punctuation, no field. */
const PIECE = /^[^:：|,，。；;、]{1,30}$/;

/**
 * The head's lines with a title broken inside its own words joined into one line: two or three
 * lines in a row, each short and without punctuation, whose text run together reads as a title
 * that begins on the first and ends on the last (a PDF's centred title: `2021年政府信息` /
 * `公开工作年度报告`, or `…政府信息公开工作年` / `度报告`, where no piece reads as the title, or
 * the last piece alone gave 公开 for the agency). A line with the whole title, or a title and other
 * words, is left alone; so are lines a blank line or chrome parts. The agency's name on a line of
 * its own before it is joined later (metadata.ts), as for any title.
 */
export function joinBrokenTitle(head: Line[]): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < head.length; i++) {
    // A long title broken before its last words (…住房和城乡建设局2023年政府信息公开 / 工作年度报告):
    // the first line too long for a piece, the second only the title's end.
    const next = head[i + 1];
    const first = head[i]!.text.trim();
    if (
      next &&
      TITLE_END.test(next.text.trim()) &&
      BROKEN_AT.test(first) &&
      !/(?:报告|年报)$/.test(first) &&
      REPORT_END.test(`${first}${next.text.trim()}`) &&
      first.length <= 80 &&
      !isChrome(head[i]!.text) &&
      !FIELDS.test(head[i]!.text)
    ) {
      out.push({
        ...head[i]!,
        text: `${head[i]!.text.trim()}${next.text.trim()}`,
        raw: `${head[i]!.raw.trim()}${next.raw.trim()}`,
        map: null,
      });
      i++;
      continue;
    }
    let joined: Line | null = null;
    for (let j = i + 1; j <= i + 2 && j < head.length && !joined; j++) {
      const pieces = head.slice(i, j + 1);
      if (!pieces.every((l) => PIECE.test(l.text.trim()) && !isChrome(l.text) && !FIELDS.test(l.text))) break;
      const texts = pieces.map((l) => l.text.trim());
      const lastAt = texts.slice(0, -1).join('').length;
      const m = TITLE.exec(texts.join(''));
      // The title's words begin on the first line (a banner before them, 宁波市人民政府 or a date,
      // is no part of them: t18) and end on the last.
      // Not a whole title followed by more words (…年度报告 / 历年年报: the match runs on greedily).
      const whole = TITLE.test(texts.slice(0, -1).join(''));
      if (m && !whole && m.index < texts[0]!.length && m.index + m[0].length > lastAt)
        joined = {
          ...pieces[0]!,
          text: texts.join(''),
          raw: pieces.map((l) => l.raw.trim()).join(''),
          map: null,
        };
      if (joined) {
        out.push(joined);
        i = j;
      }
    }
    if (!joined) out.push(head[i]!);
  }
  return out;
}
