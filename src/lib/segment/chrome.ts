import { isSpaceCode } from './space.ts';

/**
 * Site chrome (当前位置 "you are here", 打印/关闭 "print/close", 责任编辑 "editor", 附件下载
 * "attachments", share buttons, font-size switches) and page footers (-3-, 第3页) that scrapes
 * leave around and inside the report. Whole lines only: a line that also carries report text
 * is kept.
 */
const CHROME = new RegExp(
  '^(?:' +
    [
      '当前位置',
      '您当前的位置',
      '您的位置',
      '首页\\s*>',
      '打印',
      '关闭',
      '【?\\s*打印',
      '责任编辑',
      '编辑\\s*:',
      '附件下载',
      '附件\\s*:',
      '分享\\s*(?:到)?\\s*:?',
      '字体大小',
      '字号\\s*:?',
      '\\[?\\s*大\\s*中\\s*小\\s*\\]?',
      '【\\s*大\\s*中\\s*小\\s*】',
      '访问量',
      '浏览次数',
      '扫一扫',
      '微信扫',
      '收藏',
      '返回顶部',
      '上一篇',
      '下一篇',
      '相关链接',
      '主办单位',
      '版权所有',
      '网站标识码',
      '.*ICP备',
    ].join('|') +
    ')',
);

const FOOTER =
  /^(?:-\s*\d{1,3}\s*-|—\s*\d{1,3}\s*—|第\s*\d{1,3}\s*页(?:\s*[,，]?\s*共\s*\d{1,3}\s*页)?|共\s*\d{1,3}\s*页)$/;

/**
 * Every first character either pattern can start with (the text is trimmed first, so an
 * optional space never comes first); CHROME's `.*ICP备` can start anywhere, and is looked for
 * on its own.
 */
const FIRST = new Set([...'-—第共当您首打关【责编附分字[大访浏扫微收返上下相主版网'].map((c) => c.charCodeAt(0)));

export function isChrome(text: string): boolean {
  if (text.length > 120) return false;
  // Most lines start with a character no pattern starts with: decided without the copy and the
  // two patterns (test/segment.test.ts compares this with the patterns alone).
  // The first character that is no space and no `|` (text.search(/[^\s|]/), by codes).
  let at = 0;
  for (let c = text.charCodeAt(0); at < text.length && (c === 0x7c || isSpaceCode(c)); c = text.charCodeAt(++at));
  if (at >= text.length) return false;
  if (!FIRST.has(text.charCodeAt(at)) && !text.includes('ICP备')) return false;
  return chromeByPatterns(text);
}

/** isChrome without the quick test (exported for the test that compares the two). */
export function chromeByPatterns(text: string): boolean {
  if (text.length > 120) return false;
  const t = (text.includes('|') ? text.replace(/\|/g, ' ') : text).trim();
  if (!t) return false;
  if (FOOTER.test(t)) return true;
  return t.length <= 40 && CHROME.test(t);
}

export function isPageFooter(text: string): boolean {
  return FOOTER.test(text.trim());
}

/** Chrome words a scrape glues to the end of the last paragraph: 打印 关闭 附件下载, 分享到… */
const CHROME_WORD =
  '(?:【\\s*)?(?:打印(?:本页|此页)?|关闭(?:窗口|本页)?|附件下载|分享到\\s*[:：]?|返回顶部|收藏(?:本页)?|扫一扫|\\[?\\s*大\\s*中\\s*小\\s*\\]?)(?:\\s*】)?';
const CRUMB_CHROME = new RegExp(`^(?:\\s*${CHROME_WORD})+\\s*`);
const TRAILING_CHROME = new RegExp(`(?<=^|[\\s。；;！!？?）)”"])(?:\\s*${CHROME_WORD})+\\s*$`);
/**
 * Chrome words (【 打印 】, [ 大 中 小 ]) and markup (`<img …>`, `<b>`: a page's source saved as
 * text) opening a line: its length, 0 when there are none.
 */
export function leadingNoise(text: string): number {
  return LEADING_NOISE.exec(text)?.[0].length ?? 0;
}
/**
 * A formatting element's tag (`<b>`, `</font>`, `<img src=…>`): what a page's source saved as text
 * puts in a line, no words of it. Not `<script>` and the like: their text is kept, and shown
 * escaped (never read as markup).
 */
export const FORMAT_TAG =
  /<\/?(?:a|b|i|u|s|em|strong|span|font|img|br|p|div|h[1-6]|sup|sub|small|big|center|strike|del|ins|mark)(?:\s[^<>\n]{0,200})?\/?>/gi;
const LEADING_NOISE = new RegExp(`^(?:\\s*(?:${CHROME_WORD}|${FORMAT_TAG.source}))+\\s*`, 'i');

/** A breadcrumb (当前位置：首页 > 政务公开 > 年报) at the start of a line that goes on with text. */
const LEADING_CRUMB =
  /^\s*(?:当前位置|您当前的位置|您的位置|您所在的位置|您现在的位置|您当前所在位置|所在位置|当前位置是|位置)\s*[:：]?\s*(?:网站)?首页(?:\s*[>＞»›→]+\s*[^\s>＞»›→]{1,20}(?=\s|[>＞»›→]|$))*\s*[>＞»›→]*\s*/;

/**
 * A line's text without the chrome glued to it: a breadcrumb in front, print/close/share words
 * behind. Whole chrome lines are dropped by `isChrome`; this handles one-line page dumps, where
 * the chrome shares a line with the report.
 */
export function stripChrome(text: string): string {
  let t = text;
  if (t.includes('位置')) t = t.replace(LEADING_CRUMB, '');
  if (CHROME_HINT.test(t)) t = t.replace(TRAILING_CHROME, '');
  return t;
}

/**
 * The length of a breadcrumb opening `text` (当前位置：首页 > 政务公开 ), with the chrome words a
 * page prints after it (打印 关闭), 0 when there is none.
 */
export function leadingCrumb(text: string): number {
  const crumb = text.includes('位置') ? (LEADING_CRUMB.exec(text)?.[0].length ?? 0) : 0;
  return crumb && crumb + (CRUMB_CHROME.exec(text.slice(crumb))?.[0].length ?? 0);
}

/** A cheap test before the costly trailing-chrome pattern (most lines have none of these). */
const CHROME_HINT = /打印|关闭|附件|分享|返回顶部|收藏|扫一扫|小\s*\]?\s*$/;
