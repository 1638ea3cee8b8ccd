import { rawSlice } from '../decode/normalize.ts';
import { markPageNumbers, type Line } from '../decode/lines.ts';
import { isChrome, isPageFooter } from '../segment/chrome.ts';
import { isCellText } from './cell.ts';
import { activeRows2019 } from '../template/definitions.ts';

/** Rows with a signed column (本年增/减): only their glued digits may carry a sign inside. */
const SIGNED_ROWS = activeRows2019.filter((d) => d.columns.some((c) => c.kind === 'signed'));

/**
 * Lines of a table section → a flat stream of tokens, whatever the flattening: one cell per
 * line, `|`-joined rows, markdown, tab-separated, whitespace-separated numbers after a label,
 * or exact cells from HTML. `line` marks tokens that came from a delimited row (so the row's
 * cells are exactly known); blank lines and empty cells are kept as tokens because their
 * positions can matter.
 */

export type Tok =
  /** `glued`: from a one-line page dump (Line.relined), where a space is a scrape's &nbsp;. */
  /**
   * `spansRows`: a number cell spanning rows; `above`: the position it covers in a row below
   * (text `↑` and the number's raw: never read as a number of that row). Neither is proven.
   */
  /** `col`, `span`: a drawn table's grid column (LineCell.col, LineCell.span). */
  /**
   * `piece`: the index of the piece it came from in a `|`, tab or comma-separated text row, whose
   * empty pieces are kept in place (`a | | b`, `a,,b`): a cell's position in its row (columns.ts,
   * `byPosition`). Not on a drawn table's cells (they have `col`) nor on full-width rows.
   */
  | {
      t: 'val';
      text: string;
      raw: string;
      no: number;
      line: number;
      glued?: true;
      /** A bare number beside a page break: the page's number or a cell (Line.pageNumber `edge`). */
      edge?: true;
      spansRows?: true;
      above?: true;
      col?: number;
      piece?: number;
    }
  | { t: 'text'; text: string; raw: string; no: number; line: number; col?: number; span?: number; piece?: number }
  /**
   * `spanned`: a position covered by the cell before it (HTML colspan over a cell with text).
   * `covered`: a position a merged cell covers (LineCell.covered: a colspan, a PDF's cell over
   * two ruled columns), no cell of its own (columns.ts, rowExtent).
   */
  | { t: 'empty'; no: number; line: number; spanned?: true; covered?: true; col?: number; piece?: number }
  | { t: 'blank'; no: number; line: number }
  /**
   * `padded`: a `|`-delimited text row. Converters to such text (markdown and the like) pad a
   * row short of a cell to the header's width, so its trailing empty pieces prove no blank
   * cell. HTML rows and tab-separated rows are not padded; a PDF's ruled row ending in an empty
   * cell may be (Line.padded). `endsAtLabel`: only the next row label found ends the row
   * (Line.endsAtLabel). `grid`: the row's cells are a drawn table's (Line.grid), none the
   * flattening's own.
   */
  /** `digitCommas`: the row has a full-width comma between digits (Line.digitCommas). */
  | {
      t: 'eol';
      no: number;
      line: number;
      delimited: boolean;
      padded?: boolean;
      /** A PDF's ruled row whose empty last cell may be the void beside it (no `|` closing it). */
      voidEnd?: true;
      /** A row of a markdown table (the text has a delimiter row, `| --- |`): its header gives the width. */
      markdown?: true;
      grid?: true;
      /** The drawn table the row is in (Line.table). */
      table?: number;
      /**
       * The cells are a `-layout` line's placed by position (Line.layoutCells): no delimiter of
       * the source's, so a number wrapped in its cell may leave its first digits on it.
       */
      layoutCells?: true;
      endsAtLabel?: true;
      digitCommas?: 'count' | 'always';
    };

/** A number (with sign, thousands separators, decimals, unit) or a not-applicable marker. */
const VALUE =
  /^(?:[+-]?\s*(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\s*(?:万元|元|件|个|条|项|次)?|\/|-{1,2}|—{1,2}|无|\\|×)$/;
/** A part of a whitespace-separated line: a number with its unit a space after it, or a run of non-spaces. */
const SPACED_PART = /[+-]?\d[\d,]*(?:\.\d+)?[ \u3000]+(?:万元|元|件|个|条|项|次)(?=\s|$)|\S+/g;

export function isValueLike(text: string): boolean {
  return VALUE.test(text);
}

/**
 * A label's text ending in what qualifies the number after it (group 2), the label before it
 * (group 1): 约, 近, 逾, 超 (about, nearly, over); comparisons and guesses (超过, 少于, 不足, 至少,
 * 预计, 估算, 大致, 最高, 可能 …: a fresh tester's t100 found 估算5 read as 5); a
 * word for what the number counts (含 including, 本年, 上年, 累计, 受理, 第 …: not 合计 or 总计, the
 * total row's own label); a
 * number and a range's or a list's joiner (10至, 10或, 10~, 10、); a bracket holding a number
 * ((10), （含10）).
 */
const QUALIFIED =
  /^(|.*[^约近逾超\s])\s*((?:\d[\d.,]*\s*(?:至|到|或|和|及|与|~|～|-|－|—|\/|、|,|，)|多于|大于|高于|超过|少于|低于|小于|不足|不到|至少|最多|最少|最高|最低|至多|顶多|上限|下限|预计|预估|估计|估算|估摸|粗估|约莫|约达|大概是?|大约有?是?|大致|差不多|可能是?|或许|也许|约为|约合|约有|近乎|几乎|将近|接近|[约近逾超含第]|本年|上年|今年|去年|全年|累计|受理|其中|[(（][^()（）]*\d[^()（）]*[)）]))$/;

/**
 * Trailing number glued to a label: 行政规范性文件693665, （七）总计 3. Each number of the tail
 * ends at its unit, a space, the next one's sign (370-19) or the end, never inside its digits:
 * with an optional space between numbers, the digits of a long run could be divided in
 * exponentially many ways before a character that fails the match (a fresh tester's t87: a
 * 3.7 KB dump that never finished).
 */
const GLUED_TAIL =
  /([\u4e00-\u9fff)）”"’」』》])\s*((?:[+-]?\d[\d,]*(?:\.\d+)?(?:\s*(?:万元|元|件)\s*|\s+|$|(?=[+-]\d)))+)$/;
/**
 * A Markdown table's delimiter row: `| --- | :-: |`, or with fewer dashes when it opens with a
 * bar (`| -- | - |`, valid Markdown: a fresh tester's fuzzer lost the rule and read a row a
 * column off). A dash alone on its line is a blank cell's mark, no rule.
 */
const MD_RULE = /^(?:\|\s*:?-+:?\s*)+\|?$|^\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?$/;

/**
 * `2 / 5`, `3／8` set in from the margin as a centred footer is (eight spaces or more: a cell
 * alone on its line is not): a page's number of the pages, the first no greater than the second.
 */
function pageOfPages(raw: string): boolean {
  const m = /^(?:\f|[ \t\u3000]{8,}|\f[ \t\u3000]*)([1-9]\d{0,2})\s*[/／]\s*([1-9]\d{0,2})[\s\f]*$/.exec(raw);
  return m !== null && Number(m[1]) <= Number(m[2]);
}

export function tokenize(lines: Line[]): Tok[] {
  const toks: Tok[] = [];
  // Markdown (it has a |---| rule): a leading `|` opens the row. Elsewhere `|` ends a cell, so
  // a leading `|` closes an empty first cell.
  // (The rule has dashes: a line without one is no rule, and is not trimmed and matched.)
  const markdown = lines.some((l) => l.text.includes('-') && MD_RULE.test(l.text.trim()));
  // Marked on the whole text already (segment); marked again here for lines that reach the
  // tables some other way.
  const marked = markPageNumbers([...lines]);
  const pageOf = (li: number) => lines[li]!.pageNumber ?? marked[li]!.pageNumber;
  // Empty lines right before a page break (then the page's number, if any): the page's end, not
  // blank cells (one cell a line shows a blank cell as an empty line).
  const beforeBreak = new Set<number>();
  for (let li = lines.length - 1, breaking = false; li >= 0; li--) {
    const raw = lines[li]!.raw;
    if (/^\s*\f/.test(raw)) breaking = true;
    else if (!raw.trim()) {
      if (breaking) beforeBreak.add(li);
    } else if (pageOf(li) !== 'footer') breaking = false;
    if (/\S/.test(raw.replace(/\f/g, '')) && /\f\s*$/.test(raw)) breaking = true;
  }
  lines.forEach((line, li) => {
    const page = pageOf(li);
    if (beforeBreak.has(li)) return;
    // A page's number (decode/lines.ts, markPageNumbers), or the form feed alone on its line
    // (the break itself, no blank cell).
    if (page === 'footer' || (line.raw.includes('\f') && !line.raw.replace(/\f/g, '').trim())) return;
    // A page's `2 / 5` alone on its line (WPS's and Word's footers, in text converted without
    // form feeds): no values of a row (a fresh tester's t82: the rows beside it NULL).
    if (!line.cells && pageOfPages(line.raw)) return;
    const from = toks.length;
    tokenizeLine(line, li);
    if (page === 'edge')
      for (let k = from; k < toks.length; k++) {
        const t = toks[k]!;
        if (t.t === 'val') toks[k] = { ...t, edge: true };
      }
    if (line.relined)
      for (let k = from; k < toks.length; k++) {
        const t = toks[k]!;
        if (t.t === 'val') toks[k] = { ...t, glued: true };
      }
  });
  return toks;

  function tokenizeLine(line: Line, li: number): void {
    const no = line.no;
    if (line.cells) {
      line.cells.forEach((c, piece) => {
        const from = toks.length;
        if (c.spanned) toks.push({ t: 'empty', no: c.no, line: li, spanned: true });
        else if (c.above) toks.push({ t: 'val', text: '↑', raw: c.raw.trim(), no: c.no, line: li, above: true });
        else {
          pushCell(toks, c.text.trim(), c.raw.trim(), c.no, li, true);
          const last = toks.at(-1);
          if (c.spansRows && last?.t === 'val') last.spansRows = true;
          if (c.covered && toks.length > from && last?.t === 'empty') last.covered = true;
        }
        if (c.col !== undefined)
          for (let k = from; k < toks.length; k++) {
            const t = toks[k]!;
            if (t.t === 'eol' || t.t === 'blank') continue;
            t.col = c.col;
            if (c.span && t.t === 'text') t.span = c.span;
          }
        else if (line.pieces)
          for (let k = from; k < toks.length; k++) {
            const t = toks[k]!;
            if (t.t !== 'eol' && t.t !== 'blank') t.piece = piece;
          }
      });
      toks.push({
        t: 'eol',
        no,
        line: li,
        delimited: true,
        ...(line.padded ? { padded: true, voidEnd: true as const } : {}),
        ...(line.grid ? { grid: true as const } : {}),
        ...(line.table !== undefined ? { table: line.table } : {}),
        ...(line.layoutCells ? { layoutCells: true as const } : {}),
        ...(line.digitCommas ? { digitCommas: line.digitCommas } : {}),
      });
      return;
    }
    const text = line.text;
    if (!text.trim()) {
      toks.push({ t: 'blank', no, line: li });
      return;
    }
    if ((text.includes('-') && MD_RULE.test(text.trim())) || isChrome(text) || isPageFooter(text)) return;
    // A line of bare pipes (`|`, `||`) is a row boundary left by the scrape, not a cell; a
    // blank cell in that flattening is written " |". Spaces after the pipes change neither (a
    // fresh tester's fuzzer: `| ` read as a blank cell put 四's values a column off).
    if (/^\|+$/.test(line.raw.trimEnd())) return;
    const sep = text.includes('|') ? '|' : text.includes('\t') ? '\t' : null;
    if (sep) {
      // Split on the separator, keeping positions so each cell's raw text can be recovered.
      let start = 0;
      const pieces: Array<[number, number]> = [];
      for (let i = 0; i <= text.length; i++) {
        // (`\|` in a markdown cell is a `|` of its text, no separator.)
        if (i === text.length || (text[i] === sep && !(markdown && sep === '|' && text[i - 1] === '\\'))) {
          pieces.push([start, i]);
          start = i + 1;
        }
      }
      // A leading separator (markdown) opens the row rather than closing an empty cell.
      if (markdown && sep === '|' && text.trimStart().startsWith(sep)) pieces.shift();
      pieces.forEach(([a, b], piece) => {
        const from = toks.length;
        const cellText = markdown && sep === '|' ? markdownCell(text.slice(a, b)) : text.slice(a, b).trim();
        pushCell(toks, cellText, rawSlice(line.raw, line, a, b).trim(), no, li, true);
        for (let k = from; k < toks.length; k++) {
          const t = toks[k]!;
          if (t.t !== 'eol' && t.t !== 'blank') t.piece = piece;
        }
      });
      toks.push({
        t: 'eol',
        no,
        line: li,
        delimited: true,
        ...(sep === '|' ? { padded: true } : {}),
        ...(sep === '|' && markdown ? { markdown: true as const } : {}),
        ...(line.endsAtLabel ? { endsAtLabel: true as const } : {}),
      });
      return;
    }
    // Whitespace-separated numbers after a label (PDF text): 规章 0 0 0. A unit a space after its
    // number is the number's (`规章  8 件  2 件  89 件`: a fresh tester's t91, the whole of 二 and
    // 三 unread as text).
    const parts = text.trim().match(SPACED_PART) ?? [];
    if (parts.length > 1 && parts.slice(1).every(isValueLike) && parts.slice(1).some((p) => /\d/.test(p))) {
      let pos = text.indexOf(parts[0]!);
      for (const p of parts) {
        const a = text.indexOf(p, pos);
        pushCell(toks, p, rawSlice(line.raw, line, a, a + p.length), no, li, false);
        pos = a + p.length;
      }
    } else {
      pushCell(toks, text.trim(), line.raw.trim(), no, li, false);
    }
    toks.push({ t: 'eol', no, line: li, delimited: false });
  }
}

/**
 * A markdown table cell's text as a reader sees it. Converters (pandoc, LLM "to markdown") bold
 * totals (`**53**`, `__53__`) and break long labels with `<br>` (`属于行<br>政执法案卷`): the
 * emphasis wrapping the whole cell is dropped, and a line break inside a cell joins its pieces
 * (Chinese has no spaces between words; between two digits the break stays a space, so that
 * `12<br>3` is not read as 123). Struck text (`~~53~~`) is left as it is, so not a number.
 * A backslash escape is the character it escapes (`1\.属于国家秘密`, a blank `\-`: pandoc and
 * markdownify escape what could start a list), and a number set as inline math the number
 * (`$12$`: MinerU; a fresh tester's t73). Math holding anything else (`$1 2$`) is left as it is.
 */
export function markdownCell(text: string): string {
  let t = text
    .trim()
    .replace(/\s*<br\s*\/?>\s*/gi, (br, at: number, all: string) =>
      /\d/.test(all[at - 1] ?? '') && /\d/.test(all[at + br.length] ?? '') ? ' ' : '',
    )
    .replace(MD_ESCAPE, '$1');
  for (let m = EMPHASIS.exec(t) ?? MATH_NUMBER.exec(t); m; m = EMPHASIS.exec(t) ?? MATH_NUMBER.exec(t))
    t = m[2]!.trim();
  return t;
}
/** CommonMark's backslash escape: a backslash before ASCII punctuation. */
const MD_ESCAPE = /\\([!-/:-@[-`{-~])/g;
/** A number alone as inline math, `$12$`, `$$2395.73$$` (its digits only: no space inside). */
const MATH_NUMBER = /^(\$\$?)\s*(\d[\d,]*(?:\.\d+)?)\s*\1$/;
/** Emphasis around a whole cell: `**x**`, `__x__`, `*x*`, `_x_` (and nested, `***x***`). */
const EMPHASIS = /^(\*\*|__|\*|_)(?!\s)(.*\S)\1$/;

function pushCell(toks: Tok[], text: string, raw: string, no: number, line: number, delimited: boolean): void {
  if (!text) {
    if (delimited) toks.push({ t: 'empty', no, line });
    return;
  }
  if (isValueLike(text)) {
    toks.push({ t: 'val', text, raw, no, line });
    return;
  }
  if (isPageFooter(text)) return;
  // A number cell with text that is no number (约12, 12*): one cell, not a label and digits.
  if (isCellText(text)) {
    toks.push({ t: 'text', text, raw, no, line });
    return;
  }
  const m = GLUED_TAIL.exec(text);
  // The text before a glued tail must read as one label: at most an item number (1. （三）)
  // and no digit run of its own. Otherwise it is several rows run together, and the tail is
  // the last row's values, not the first label's.
  if (m && m[2] && /\d/.test(m[2]) && isOneLabel(text.slice(0, text.length - m[2].length))) {
    // A label glued to a qualified number (行政查询事项约0: the separator before 约0 lost; 数量
    // 10至12, 超过12, (10)12): the qualifier belongs to the number, which is then no number but
    // cell text (约12), as in a cell of its own; no template label ends in one (a fresh tester's
    // t27: 12 published as 自然人 for `10至12`, `少于12`).
    const approx = QUALIFIED.exec(text.slice(0, text.length - m[2].length).trimEnd());
    if (approx) {
      const [first, ...rest] = m[2].trim().split(/\s+/);
      const cellText = `${approx[2]}${first}`;
      const at = raw.lastIndexOf(cellText);
      // A cell of its own that is only the qualified number (四's `超过5 | 3 | …`): no label.
      if (approx[1]!.trim())
        toks.push({
          t: 'text',
          text: approx[1]!.trim(),
          raw: at > 0 ? raw.slice(0, at).trim() : approx[1]!.trim(),
          no,
          line,
        });
      toks.push({ t: 'text', text: cellText, raw: cellText, no, line });
      for (const n of rest) toks.push({ t: isValueLike(n) ? 'val' : 'text', text: n, raw: n, no, line });
      return;
    }
    const cut = text.length - m[2].length;
    const rawCut = Math.max(0, raw.length - (text.length - cut));
    toks.push({ t: 'text', text: text.slice(0, cut).trim(), raw: raw.slice(0, rawCut).trim(), no, line });
    const tail = m[2].trim();
    const rawTail = raw.slice(rawCut).trim();
    // "总计 3 0 0": several numbers after the label, separated by spaces.
    const nums = tail.split(/\s+/);
    if (nums.length > 1 && nums.every(isValueLike)) {
      const rawNums = rawTail.split(/\s+/);
      nums.forEach((n, i) => toks.push({ t: 'val', text: n, raw: rawNums[i] ?? n, no, line }));
    } else if (isValueLike(tail.replace(/\s+/g, ''))) {
      toks.push({ t: 'val', text: tail.replace(/\s+/g, ''), raw: rawTail, no, line });
    } else {
      // Glued digits with a sign inside (370-1949031): a sign always starts a number, so the
      // run is cut there and nowhere else; the digit runs stay whole for the glue resolver.
      // Only a run with no space in it: where spaces part the row's cells, a dash inside one of
      // them is a range or a slip (`370  -19  49031-9`: the spaces taken out, -19 and 49031 were
      // published as -1949031; `7-9  0` as 7, -9 and 0 — a fresh tester's t53), no sign.
      const flat = /\s/.test(tail) ? '' : tail;
      const rawFlat = rawTail.replace(/\s+/g, '');
      const parts = flat.split(/(?=[+-])/);
      // Only after a label whose row has a signed column (本年增/减): elsewhere a dash in digits
      // is a date or a range (2021-01-26), not a sign.
      const head = text.slice(0, cut).trim();
      if (parts.length > 1 && parts.every(isValueLike) && SIGNED_ROWS.some((d) => d.match.test(bareLabel(head)))) {
        let at = 0;
        for (const p of parts) {
          const r = rawFlat.length === flat.length ? rawFlat.slice(at, at + p.length) : p;
          toks.push({ t: 'val', text: p, raw: r, no, line });
          at += p.length;
        }
      }
    }
    return;
  }
  toks.push({ t: 'text', text, raw, no, line });
}

function isOneLabel(head: string): boolean {
  // A number and a comma first (`5，其中转办` of `5，其中转办1件`): a value and its note, no label
  // (a fresh tester's t100: the note's 1 was published for 四's first cell).
  if (/^\s*\d+\s*[，,]/.test(head)) return false;
  const runs = head.match(/\d+/g) ?? [];
  return runs.length <= 2 && runs.every((r) => r.length <= 2);
}

/**
 * Label text for matching: spaces removed, trailing colon dropped, 其它 (the variant spelling of
 * 其他, "other") as 其他 — a fresh tester's t104: （六）3.其它 lost its row, and in 2019's form
 * （六）其它处理 the table's layout.
 */
export function labelKey(text: string): string {
  const k = text.replace(/\s+/g, '').replace(/[:：]$/, '');
  return k.includes('其它') ? k.replaceAll('其它', '其他') : k;
}

/** A unit in brackets at a label's end: （件）, (单位：件), （万元）; its unit in group 1. */
const LABEL_UNIT = /[(（](?:单位[:：]?)?(件|个|项|条|次|人次|(?:十|百|千|万|十万|百万|千万|亿)?元)[)）][:：]?$/;

/**
 * A matching key's unit in brackets at its end (（七）总计（件）, 规章（件）, 行政事业性收费（万元）: fresh
 * testers' t91 and t92 lost those rows), the key without it and whether the unit is money's; null
 * when there is none. Which rows it may name is the caller's: a count's unit names a row of counts
 * only, a money unit a row with an amount (t97: 行政事业性收费（项） 5 published as 5 万元).
 */
export function labelUnit(key: string): { bare: string; money: boolean } | null {
  const m = LABEL_UNIT.exec(key);
  return m ? { bare: key.slice(0, m.index), money: m[1]!.endsWith('元') } : null;
}

/** A label's words for telling a label from other text: its key without a unit at its end. */
export const labelWords = (text: string): string => {
  const key = labelKey(text);
  return labelUnit(key)?.bare ?? key;
};

/** Label with its numbering prefix (1. / (一) / 一、) removed, for exact-label rows. */
export function bareLabel(text: string): string {
  return labelKey(text).replace(/^(?:\d{1,2}[.、]|\([一二三四五六七八九十\d]{1,2}\)|[一二三四五六七八九十][、.])/, '');
}
