import {
  activeRows2019,
  activeRows2021,
  requestRows2019,
  requestRows2021,
  type RowDef,
} from '../template/definitions.ts';
import { isCellText } from '../tables/cell.ts';
import { isValueLike } from '../tables/tokens.ts';
import { makeLine, sliceLine, type Line } from './lines.ts';

/**
 * Structure-less page dumps: a crawler saved the whole page as one line, with row labels glued
 * to their digits and digit runs glued to the next item's number
 * (`…属于国家秘密10000012.其他法律行政法规禁止公开2000002…`). The table readers expect a label
 * followed by its values, so a long table line is cut again ("re-lined") before each of the
 * template's row labels, found in template order, and after each label's run of values.
 *
 * - Only labels are anchors; a label that is not found gets no line, so its numbers stay on a
 *   line of their own after other text and are never read as another row's.
 * - A run of glued digits stays one piece of text: splitting it is the glue resolver's job
 *   (the arithmetic decides, or the cells are ambiguous). The only digit taken off a run is an
 *   item number: the label's own number followed by `.` or `、` (`2.其他法律…`), which a
 *   value never is.
 * - Only a line with three labels or more after the table's header words is cut, and nothing
 *   before its first label (prose that mentions 规章 stays prose).
 *
 * The same dump with the page's cell separators kept (`信息内容 | 本年制发件数 | … | 规章 | 3 | 1 |
 * 25 | 行政规范性文件 | 12 | …`: a web page's text copied, or a crawler that writes `|` between
 * cells) is cut at the same labels, found the same way, but the cells say where a row ends:
 * a row is its label's cell and the cells after it that can be values (numbers, marks, empty
 * cells, number-like text such as 约12), with the `|` closing the last of them, so that each row
 * reads as a line of a `|` table does (`规章 | 3 | 1 | 25 |`). Any other text after them (a group
 * label （三）不予公开, a sub-table's header, 本年收费金额（单位：万元）) is a line of its own, never
 * a cell of the row before. The values are not marked `relined`: a `|` is a cell's edge, so a row
 * short of a cell may have lost one (not only had two glued), and the reader weighs both.
 */

interface Anchor {
  /** The row label's key phrase (normalised text). */
  key: RegExp;
  /** The label's words after its numbering (其他法律行政法规禁止公开). */
  core: string;
  /** The label's numbering prefixes, as written in the template: （三）, 2., 一、. */
  item: string | null;
  group: string | null;
}

function anchorOf(def: RowDef): Anchor {
  const label = def.label.replace(/（/g, '(').replace(/）/g, ')');
  const m = /^(\([一二三四五六七八九十]\))?(\d+[.、])?([一二三四五六七八九十]、)?(.*)$/.exec(label)!;
  const core = m[4]!;
  // A pattern of anchored alternatives (`^(?:\(七\))?总计$|^\(七\)合计$`): each is a key phrase
  // of its own, or a dump that writes （七）合计 has no total row to cut at and the rows after
  // the last one found run together (synthetic seed 2026: a second copy of （六）其他处理 hidden
  // in that text, and the first copy published).
  const alternatives = def.match.source.split(/\$\|\^/);
  if (alternatives.length > 1) {
    const keys = alternatives.map((a) =>
      a
        .replace(/^\^/, '')
        .replace(/\$$/, '')
        .replace(/^\(\?:\\\(.\\\)\)\?/, ''),
    );
    if (keys.every((k) => /^(?:\\\([一二三四五六七八九十]\\\))?[\u4e00-\u9fff]+$/.test(k)))
      return { key: new RegExp(keys.join('|')), core, item: null, group: m[1] ?? m[3] ?? null };
  }
  // The key phrase: the row's own pattern when it is plain words (alternatives longest first,
  // so 行政规范性文件 wins over 规范性文件) or not anchored, else the core; a very short core
  // (3.其他) keeps its item number, or it would match any 其他.
  let src = def.match.source
    .replace(/^\^/, '')
    .replace(/\$$/, '')
    .replace(/^\(\?:\\\(.\\\)\)\?/, '');
  const group = /^\(\?:([^()]*)\)$/.exec(src);
  if (group) src = group[1]!;
  const words = src.split('|');
  const plain = words.every((w) => /^[\u4e00-\u9fff“”"]+$/.test(w))
    ? words.sort((x, y) => y.length - x.length).join('|')
    : !/[\^$]/.test(def.match.source)
      ? // Words with their variants (本年度?新收): the row's own pattern, unanchored as it is.
        def.match.source
      : core.length <= 2 && m[2]
        ? `${m[2].replace(/[.、]$/, '')}\\s*[.、]\\s*${core}`
        : core.replace(/\(.*$/, '');
  return { key: new RegExp(plain), core, item: m[2] ? m[2].replace(/[.、]$/, '') : null, group: m[1] ?? m[3] ?? null };
}

/** Rows of both layouts in template order (the layout is not known yet). */
function union(a: RowDef[], b: RowDef[]): RowDef[] {
  const out: RowDef[] = [];
  const seen = new Set<string>();
  let j = 0;
  for (const d of a) {
    const at = b.findIndex((x) => x.key === d.key);
    if (at >= 0) {
      for (; j < at; j++)
        if (!seen.has(b[j]!.key)) {
          seen.add(b[j]!.key);
          out.push(b[j]!);
        }
      j = Math.max(j, at + 1);
    }
    if (!seen.has(d.key)) {
      seen.add(d.key);
      out.push(d);
    }
  }
  for (; j < b.length; j++)
    if (!seen.has(b[j]!.key)) {
      seen.add(b[j]!.key);
      out.push(b[j]!);
    }
  return out;
}

const ANCHORS = {
  active: union(activeRows2019, activeRows2021).map(anchorOf),
  requests: union(requestRows2019, requestRows2021).map(anchorOf),
} as const;

/** Shorter lines hold one row at most. */
const LONG = 40;
/**
 * Header words that must come before the first label on the line: a table, not prose that
 * lists 规章 2件、行政许可 30件.
 */
const HEADER = {
  // The form's column words too: a header under another first cell (类别 ｜ 有效件数 ｜ 制发件数 ｜
  // 废止件数) is still a table's, and cut off it shows its order (synthetic seed 11).
  active: /信息内容|第二十条|制发件数|废止件数|有效件数|新制作数量|新公开数量/,
  requests: /申请人情况|自然人/,
} as const;
/** A run of values: digits with separators, signs, decimals and the spaces between them. */
const RUN = /^[+-]?\d[\d,.、\s+-]*/;
/**
 * A value written as one token (with a count unit, the ones tables/cell.ts reads, or a footnote
 * mark, which leaves that cell unread), or a unit, blank or mark on its own.
 */
const VALUE_TOKEN = /^[+-]?\d[\d,.]*(?:件|个|项|条|次)?[*※]?$/;
const UNIT_OR_BLANK = /^(?:件|个|项|条|次|无|-|—+|－|\/|／|[*※])$/;

/**
 * How much of `rest` (the text after a run of values) still belongs to the run: tokens up to the
 * last value, where only values, count units and blank marks come between (0: none).
 */
function valuesAfter(rest: string): number {
  let pos = 0;
  let end = 0;
  for (let m = /^\s*(\S+)/.exec(rest); m; m = /^\s*(\S+)/.exec(rest.slice(pos))) {
    if (VALUE_TOKEN.test(m[1]!)) end = pos + m[0].length;
    else if (!UNIT_OR_BLANK.test(m[1]!)) break;
    pos += m[0].length;
  }
  return end;
}

/** A unit of yuan right after a run of values (tables/cell.ts reads it with the number). */
const MONEY_AFTER = /^\s*(?:亿|千万|百万|十万|万|千|百)?元/;

/**
 * What, right after a number in a dump (no space between), makes it no plain value: a multiplier
 * (亿, 万, 千, 百), a bound or guess (以下, 以内, 上下, 强, 出头, 有余, 来件, 开外, 及以上), a
 * percentage, a question mark, k, a letter O for a zero, a trailing + with no digit after it, or
 * a bracketed 约/估/预计/暂; after a space too, that bracket, 来, 约, 上下, 强, 以下, 万, 件以上 or % (`49 （约）`,
 * `49 来`: no row label of the form starts so; t102, t106). Not 来源 (a page's source line) nor 强化/强调 (the text after a table).
 */
const QUALIFIED_AFTER =
  /^(?:亿|万|千|百(?!姓)|倍|成(?!效|果|立|绩)|几|以下|以内|以外|上下|强(?!化|调)|出头|有余|来(?!源)|开外|及以上|[个件项条次]以上|约|\d+\s*[角分]|[%％‰?？kKWw]|[Oo](?![a-z])|\+(?!\s*\d)|[【[]|[（(]\s*(?:约|估|预计|暂|概数|近))|^\s+(?:[（(【[]\s*(?:大约|约|估|预计|暂|概数|近|左右)|[（(【[]\s*以[上下]\s*[）)】\]]|来(?!源|自)|约(?!定)|上下|强(?!化|调|制)|以下(?![为是列])|万(?!元)|[个件项条次]以上|[%％‰])/;

export function relineTable(kind: keyof typeof ANCHORS, lines: Line[]): Line[] {
  const header = HEADER[kind];
  const candidate = (l: Line) => l.text.length >= LONG && !l.cells && header.test(l.text);
  if (!lines.some(candidate)) return lines;
  const anchors = ANCHORS[kind];
  return brokenNumbersJoined(lines, candidate).flatMap((l) => {
    if (!candidate(l)) return [l];
    const labels = findLabels(l.text, anchors, header);
    if (!labels) return [l];
    if (startsCells(l.text, labels)) return cutAtCells(l, labels, anchors, header);
    return reline(l, withCopies(l.text, labels));
  });
}

/**
 * A dump hard-wrapped inside a number (`… | 20 | 16` / `2 | 行政许可 …`: `fold`, an editor's or a
 * mailer's wrap at a column count): a dump's rows are not its lines, so its line break is no cell's
 * edge, and whether `16` and `2` are two values or `162` one the text does not show. Where a line
 * of the dump (`dump`: a long line with the table's header words) ends in a digit and the next
 * begins with a number standing alone (`2 |`, `3 第二十条…`; not a row's item number, `8.属于…`),
 * no space between, the two are joined with ⏎ between the digits: a mark inside a number, so that
 * cell is read as text, unread (a fresh tester's t110: 16 published for 162).
 */
function brokenNumbersJoined(lines: Line[], dump: (l: Line) => boolean): Line[] {
  const out: Line[] = [];
  for (const l of lines) {
    const prev = out[out.length - 1];
    if (
      prev &&
      !prev.cells &&
      !l.cells &&
      /\d$/.test(prev.raw) &&
      /^\d+(?:\.\d+)?(?=[\s|｜]|$)/.test(l.raw) &&
      (dump(prev) || dump(l))
    )
      out[out.length - 1] = makeLine(prev.no, `${prev.raw}⏎${l.raw}`);
    else out.push(l);
  }
  return out;
}

/** A row label found on a long line: where it starts (its numbering included) and where its key phrase ends. */
interface Found {
  start: number;
  keyEnd: number;
  anchor: Anchor;
}

/**
 * The template's row labels on the line, in template order (the one rule of both cuts), or null
 * when fewer than three are found or the table's header words do not come before the first.
 */
function findLabels(text: string, anchors: readonly Anchor[], header: RegExp): Found[] | null {
  const found: Found[] = [];
  let from = 0;
  for (const a of anchors) {
    a.key.lastIndex = 0;
    const m = a.key.exec(text.slice(from));
    if (!m) continue;
    const at = from + m.index;
    const start = labelStart(text, at, a, found.length ? found[found.length - 1]!.start : 0);
    from = at + m[0].length;
    found.push({ start, keyEnd: from, anchor: a });
  }
  if (found.length < 3 || !header.test(text.slice(0, found[0]!.start))) return null;
  return found;
}

/**
 * Whether the line keeps its cells' separators: most labels (at least three) start a cell, right
 * after a `|`. A stray `|` in a glued dump (a breadcrumb's) makes no cells of its rows.
 */
function startsCells(text: string, labels: Found[]): boolean {
  const atCell = labels.filter((l) => {
    // (Or after a value and a space, the row's closing `|` lost: `规章 | 2 | 0 | 12 行政规范性文件 | 19`,
    // a crawler joining a row's cells with ` | ` and rows with a space; a fresh tester's t122.)
    const before = text.slice(Math.max(0, l.start - 24), l.start);
    const bar = before.lastIndexOf('|');
    const cell = bar < 0 ? null : before.slice(bar + 1);
    return cell !== null && (!cell.trim() || (/\s$/.test(cell) && isValueLike(cell.trim())));
  }).length;
  return atCell >= 3 && atCell * 2 >= labels.length;
}

/**
 * A `|`-delimited dump cut into rows: each label's cell and the value cells after it (with the
 * `|` that closes the last), then any other text up to the next label as a line of its own.
 */
function cutAtCells(line: Line, labels: Found[], anchors: readonly Anchor[], header: RegExp): Line[] {
  const text = line.text;
  const out: Line[] = [];
  if (labels[0]!.start > 0) out.push(...beforeFirstLabel(line, labels[0]!.start, anchors, header));
  labels.forEach((l, k) => {
    const end = k + 1 < labels.length ? labels[k + 1]!.start : text.length;
    // The label's cell runs to the first `|` after its key phrase.
    let bar = text.indexOf('|', l.keyEnd);
    if (bar < 0 || bar >= end) return void out.push({ ...sliceLine(line, l.start, end), endsAtLabel: true });
    let rowEnd = bar + 1;
    for (;;) {
      const next = text.indexOf('|', bar + 1);
      const cellEnd = next < 0 || next >= end ? end : next;
      const cell = text.slice(bar + 1, cellEnd).trim();
      if (cell && !isValueLike(cell) && !isCellText(cell)) break;
      if (cellEnd === end) {
        rowEnd = end;
        break;
      }
      bar = next;
      rowEnd = next + 1;
    }
    // Cells up to the next label: only that label ends the row (Line.endsAtLabel).
    const row = sliceLine(line, l.start, rowEnd);
    out.push(rowEnd === end ? { ...row, endsAtLabel: true } : row);
    if (rowEnd < end) out.push(...atStrayLabels(line, rowEnd, end, anchors));
  });
  return out.filter((l) => l.text.trim());
}

/**
 * The text between a row's cells and the next label found, cut before any row label in it
 * (`3 行政强制|0|`: a lost `|` glued a row of its own, out of template order, to a value), so that
 * the label starts a line and the reader sees that row, and sees it twice when it is there twice
 * (two rows of one label that differ are never published as either).
 */
function atStrayLabels(line: Line, from: number, to: number, anchors: readonly Anchor[]): Line[] {
  const text = line.text;
  const cuts = new Set<number>();
  for (const a of anchors) {
    const re = new RegExp(a.key.source, 'g');
    for (const m of text.slice(from, to).matchAll(re)) {
      const at = labelStart(text, from + m.index, a, from);
      if (at > from) cuts.add(at);
    }
  }
  const bounds = [from, ...[...cuts].sort((x, y) => x - y), to];
  return bounds.slice(0, -1).map((b, i) => sliceLine(line, b, bounds[i + 1]));
}

/**
 * The text before the first label found in template order, cut before a row label in it after
 * the header's words whose cell is followed by a value (`对外公开总数量  规范性文件 | 420 | 420 |
 * 420 |`: the separator between the header's last cell and a row's label lost, that row out of
 * template order before 规章), so that the reader sees that row — and sees it twice when it is
 * there twice. A label whose cell is followed by words (the header's 总计 | 商业企业) is a header
 * cell; prose before the header is not cut.
 */
function beforeFirstLabel(line: Line, to: number, anchors: readonly Anchor[], header: RegExp): Line[] {
  const text = line.text;
  const h = header.exec(text.slice(0, to));
  if (!h) return [sliceLine(line, 0, to)];
  const from = h.index + h[0].length;
  const cuts = new Set<number>();
  for (const a of anchors) {
    const re = new RegExp(a.key.source, 'g');
    for (const m of text.slice(from, to).matchAll(re)) {
      const keyEnd = from + m.index + m[0].length;
      const bar = text.indexOf('|', keyEnd);
      if (bar < 0 || bar >= to) continue;
      const next = text.indexOf('|', bar + 1);
      const cell = text.slice(bar + 1, next < 0 || next > to ? to : next).trim();
      if (!cell || (!isValueLike(cell) && !isCellText(cell))) continue;
      const at = labelStart(text, from + m.index, a, from);
      if (at > from) cuts.add(at);
    }
  }
  const bounds = [0, ...[...cuts].sort((x, y) => x - y), to];
  return bounds.slice(0, -1).map((b, i) => sliceLine(line, b, bounds[i + 1]));
}

/**
 * Where the line is cut: at the labels found, and at every other place a label found stands (a
 * second copy of a row, `（六）其他处理 0 0 0 0 0 0 0 （六）其他处理 0 0 3 0 0 0 0 …`, `行政事业性收费
 * 5 行政事业性收费 0`), so that the reader sees that row twice and publishes neither copy when
 * they differ. A label not found stays inside the text.
 */
function withCopies(text: string, labels: Found[]): number[] {
  const cuts = new Set(labels.map((x) => x.start));
  const from = labels[0]!.start;
  for (const x of labels) {
    const re = new RegExp(x.anchor.key.source, 'g');
    for (const m of text.slice(from).matchAll(re)) {
      const at = from + m.index;
      // The label found itself, or a key inside another found label's words.
      if (labels.some((y) => at >= y.start && at < y.keyEnd)) continue;
      cuts.add(labelStart(text, at, x.anchor, from));
    }
  }
  return [...cuts].sort((a, b) => a - b);
}

/** A glued dump cut at its labels (`cuts`), and after each label's run of digits. */
function reline(line: Line, cuts: number[]): Line[] {
  const text = line.text;
  const out: Line[] = [];
  const pieceEnds = [...cuts.slice(1), text.length];
  if (cuts[0]! > 0) out.push(sliceLine(line, 0, cuts[0]));
  cuts.forEach((c, k) => {
    const end = pieceEnds[k]!;
    const piece = text.slice(c, end);
    const d = firstValue(piece);
    if (d < 0) return void out.push(sliceLine(line, c, end));
    let run = RUN.exec(piece.slice(d))![0];
    // A count unit or a blank written between values (`24 21 - 43件 0 0 88`, `无 19 10 33件 0件 无
    // 62`: a cell's unit, which tables/cell.ts reads with it, and blank cells) does not end the
    // row: cut there, the row was short and its digits were split to fill its columns (a fresh
    // tester's t19).
    run += piece.slice(d + run.length, d + run.length + valuesAfter(piece.slice(d + run.length)));
    // A run that ends in `N.` before text carries the next item's number (its label was not
    // found): the number is no value and goes with the text.
    const numbered = /\d\s*[.、]\s*$/.test(run) && /^[\u4e00-\u9fff“"]/.test(piece.slice(d + run.length));
    run = run.replace(/[\s,.、+-]+$/, '');
    if (numbered) run = run.slice(0, -1).replace(/[\s,.+-]+$/, '');
    // A money unit written after the last number is that number's (39410400元 is 3941.04 万元):
    // cut from it, the number would be read in the section's unit, ten thousand times too large.
    if (run && !numbered) run += MONEY_AFTER.exec(piece.slice(d + run.length))?.[0] ?? '';
    // Digits run into a date (`行政事业性收费72023年，本机关…`, `4991.952024年1月10日`): where
    // the value ends and the year begins the text does not show, so no value is cut (a fresh
    // tester's t18: 72023 published for 7).
    if (run && /^\s*[年月日]/.test(piece.slice(d + run.length))) return void out.push(sliceLine(line, c, end));
    // A number a word qualifies right after it (`行政强制 30至32`, `31以上`, `12余`, `32左右`): the
    // run ends inside it, and cut there the number would read as a plain value (a fresh tester's
    // t30: 30, 31, 12 published). The piece stays whole: that cell is text, unread.
    if (run && /^\s*(?:至|到|或|余|多|以上|左右|许|[~～])/.test(piece.slice(d + run.length)))
      return void out.push(sliceLine(line, c, end));
    // A mark the page could not show inside a number (`2■7`, `12?34`, `2.□5`): the run ends at
    // it, and cut there the digits before it would read as the whole value (a fresh tester's
    // t87: 2 published for 27). The piece stays whole: that cell is text, unread.
    if (run && /^[^\s\u4e00-\u9fff（(|]+\d/.test(piece.slice(d + run.length)))
      return void out.push(sliceLine(line, c, end));
    // A Latin letter glued to the number (`63S`, `7547.S`, `1l`: OCR's 5, 3 or 8 read as a letter):
    // no number, and cut there the digits before it would read as the whole value (a fresh
    // tester's t110: 63 published for 633). The piece stays whole: that cell is text, unread.
    if (run && /^[.,]?[A-Za-zＡ-Ｚａ-ｚ]/.test(piece.slice(d + run.length)))
      return void out.push(sliceLine(line, c, end));
    // A multiplier, a bound or a mark right after the number (`0.5亿`, `12万`, `1万2千`, `49以下`,
    // `49强`, `49%`, `49+`, `49?`, `12OOO` read by OCR, `49（约）`): cut there, the digits before it
    // would read as the whole value (a fresh tester's t100: 0.5 published in 万元 for 0.5亿). The
    // piece stays whole: that cell is text, unread.
    if (run && QUALIFIED_AFTER.test(piece.slice(d + run.length))) return void out.push(sliceLine(line, c, end));
    // A fraction with a count's unit (`行政事业性收费 12.5件`): no count, and no amount in 万元;
    // cut before 件 it would read as 12.5 万元 (a fresh tester's t100). The piece stays whole.
    if (/\.\d+$/.test(run) && /^\s*[件个条项次份宗笔]/.test(piece.slice(d + run.length)))
      return void out.push(sliceLine(line, c, end));
    const runEnd = d + run.length;
    if (!run) return void out.push(sliceLine(line, c, end));
    // A glued run of a signed row (a sign between digits: `774-104 704`, 2019's 本年增/减) with
    // a space before a group of three digits: in a dump that dropped every other separator, that
    // space is a thousands separator as likely as a cell's edge (`-10 | 4 704`; a fresh tester's
    // t87: -104 and 704 published for -10 and 4704). The spaces are taken out, so that the glue
    // resolver weighs both readings (tables/glue.ts: the arithmetic decides, or the cells are
    // ambiguous); the cells' raw text is the run without it.
    if (/\d[+-]\d/.test(run) && /\d\s\d{3}(?!\d)/.test(run)) {
      const row = sliceLine(line, c, c + runEnd);
      out.push(makeLine(row.no, row.raw.replace(/(\d)\s+(?=\d)/g, '$1')));
    } else out.push(sliceLine(line, c, c + runEnd));
    if (piece.slice(runEnd).trim()) out.push(sliceLine(line, c + runEnd, end));
  });
  return out.filter((l) => l.text.trim()).map((l) => ({ ...l, relined: true }));
}

/**
 * Where the label whose key phrase is at `at` begins: back over the label's own words before
 * the key phrase, its item number (`2.`, taken off a glued digit run only when it is this
 * label's number) and its group prefix (（三）, 一、).
 */
function labelStart(text: string, at: number, a: Anchor, floor: number): number {
  let i = at;
  const keyInCore = a.core.search(a.key);
  if (keyInCore > 0) {
    let k = keyInCore;
    while (k > 0 && i > floor && text[i - 1] === a.core[k - 1]) {
      i--;
      k--;
    }
  }
  while (i > floor && text[i - 1] === ' ') i--;
  if (a.item) {
    const m = /(\d+)\s*[.、]\s*$/.exec(text.slice(floor, i));
    if (m && m[1]!.endsWith(a.item) && m[1]!.length >= a.item.length) i -= m[0].length - (m[1]!.length - a.item.length);
  }
  if (a.group) {
    const g = a.group;
    const before = text.slice(floor, i);
    if (before.endsWith(g)) i -= g.length;
  }
  return Math.max(i, floor);
}

/**
 * Index of the first value in a piece (label, values, then maybe other text), or -1. A digit
 * followed by `.`/`、` and a CJK character is an item number inside the label, not a value.
 */
function firstValue(piece: string): number {
  const re = /[+-]?\d/g;
  for (let m = re.exec(piece); m; m = re.exec(piece)) {
    const rest = piece.slice(m.index);
    // A short number after text, then `.`/`、` and a word: an item number (2.重复申请).
    if (/^\d{1,2}\s*[.、]\s*[\u4e00-\u9fff“"]/.test(rest) && !/\d/.test(piece[m.index - 1] ?? '')) {
      re.lastIndex = m.index + /^[+-]?\d+/.exec(rest)![0].length;
      continue;
    }
    return m.index;
  }
  return -1;
}
