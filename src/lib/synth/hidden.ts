import type { Written } from './cells.ts';
import { escapeHtml } from './render.ts';
import type { Random } from './random.ts';

/**
 * HTML number cells as real pages and Word's HTML export write them, with their truth:
 *
 * - `block-split-cells`: the cell's text in two block boxes (<p>3</p><p>1</p>, <div>s, list
 *   items, Word's MsoNormal paragraphs, a number and a <div class="note"> after it, spans made
 *   blocks by a style): the page shows two values in one cell, so the truth is unreadable — unless
 *   the second box holds only the unit (0 and 件): that is one value.
 *   Sometimes a single block (<p>31</p>): the number, as written.
 * - `hidden-text`: digits the page does not show beside the number — display:none,
 *   visibility:hidden or opacity:0 inline or by the page's stylesheet (a class), the hidden
 *   attribute, a form field's text (<textarea>), a ruby parenthesis (<rp>), text drawn so that no
 *   reader sees it (white or transparent on the page, the colour of its background, font-size 0
 *   or 1px, a zero scale, far off the page; in the DOCX, white or 1pt runs), a CSS comment in the
 *   declaration, an !important declaration before a normal one, a gradient of one colour — or
 *   struck through (<del>, <s>, <strike>, line-through inline or by a class). The truth is the
 *   number shown. One variant hides by a descendant selector (evaluated exactly), one by a rule
 *   in `@media (min-width:1px)`, which the reader does not take as sure: it must come out NULL (never with
 *   the hidden digits), though the truth is the number.
 * - `sup-by-style`: a footnote mark after (or before) the number, set off the baseline by a style
 *   rather than <sup>: Word's `<a href="#_ftn1"><span class=MsoFootnoteReference>1</span></a>`
 *   raised by the page's stylesheet, vertical-align super, sub, top or text-top inline or by a
 *   class, or a plain link to an in-page footnote (`<a href="#fn1">1</a>`). The page shows a
 *   number and a mark, never one number with the mark as a digit: the truth is unreadable.
 * - `unsure-ink`: a digit beside the number drawn so that no reader can tell it (a fresh tester's
 *   t25): zoom:0.01, a blur, letters laid over each other (letter-spacing:-1em), a picture font
 *   (Wingdings: its "1" is a candle), a faint opacity, filter:invert(), a blend, an inset shadow. The page shows something there, never plainly the number:
 *   the truth is unreadable. Not printed to PDF (documents.ts): a printed blur or overlap is drawn.
 *
 * `html` is the cell's inner HTML; the rendered table adds SHEET when a cell needs its classes.
 */
export const SHEET =
  '<style>.nb-hid{display:none} .nb-vis{visibility:hidden} .nb-del{text-decoration:line-through} .article td .nb-desc{display:none} @media (min-width:1px){.nb-maybe{display:none}} .nb-block{display:block} .nb-imp{visibility:hidden !important;visibility:visible}</style>';

/** The stylesheet the `sup-by-style` cells need (added only to pages that have them). */
export const SUP_SHEET =
  '<style>span.MsoFootnoteReference{vertical-align:super} .nb-sup{vertical-align:super;font-size:smaller}</style>';

export interface HtmlWritten extends Written {
  html?: string;
}

export function blockSplit(rng: Random, w: Written): HtmlWritten {
  const t = escapeHtml(w.text);
  if (rng.chance(0.2))
    return {
      ...w,
      html: rng.pick([`<p>${t}</p>`, `<div>${t}</div>`, `<p class="MsoNormal"><span lang="EN-US">${t}</span></p>`]),
    };
  // Two pieces: the text cut in two, or the text and another digit after it.
  const cut = w.text.length >= 2 ? rng.int(1, w.text.length - 1) : -1;
  const [a, b] =
    cut > 0 ? [escapeHtml(w.text.slice(0, cut)), escapeHtml(w.text.slice(cut))] : [t, String(rng.int(0, 9))];
  const html = rng.pick([
    `<p>${a}</p><p>${b}</p>`,
    `<div>${a}</div><div>${b}</div>`,
    `<ul><li>${a}</li><li>${b}</li></ul>`,
    `<p class="MsoNormal"><span lang="EN-US">${a}</span></p><p class="MsoNormal"><span lang="EN-US">${b}</span></p>`,
    `${a}<div class="note">${b}</div>`,
    `<span class="nb-block">${a}</span><span class="nb-block">${b}</span>`,
    `<h5>${a}</h5>${b}`,
  ]);
  // A number and its unit in two boxes (<li>0</li><li>件</li>) still show one value: 0件.
  const unitAfter = cut > 0 && /^[\d,.０-９，．]+$/.test(w.text.slice(0, cut)) && !/[\d０-９]/.test(w.text.slice(cut));
  return { text: w.text, html, truth: unitAfter ? w.truth : { value: null, state: 'unreadable' } };
}

export function hiddenText(rng: Random, w: Written): HtmlWritten {
  const t = escapeHtml(w.text);
  const h = String(rng.int(0, rng.chance(0.5) ? 9 : 99));
  const [open, close] = rng.pick([
    ['<span style="display:none">', '</span>'],
    ['<span class="nb-hid">', '</span>'],
    ['<i class="x nb-vis">', '</i>'],
    ['<span hidden>', '</span>'],
    ['<del>', '</del>'],
    ['<s>', '</s>'],
    ['<strike>', '</strike>'],
    ['<span style="text-decoration: line-through">', '</span>'],
    ['<span class="nb-del">', '</span>'],
    ['<span class="nb-desc">', '</span>'],
    ['<span class="nb-maybe">', '</span>'],
    ['<span style="opacity:0">', '</span>'],
    ['<textarea>', '</textarea>'],
    // <rp> is never shown where ruby is (every browser now). Not <rt>: a ruby annotation is drawn
    // over its base, and digits there make the number unreadable (decode/html.ts, t32).
    ['<rp>', '</rp>'],
    // Drawn so that no reader sees it: white or transparent on the white page, the colour of
    // its own background, no size or 1pt, a zero scale on a box, far off the page to the left;
    // a CSS comment inside the declaration (nothing, as CSS reads it).
    ['<span style="color:#fff">', '</span>'],
    ['<span style="color:white">', '</span>'],
    ['<font color="#FFFFFF">', '</font>'],
    ['<span style="color:rgba(0,0,0,0)">', '</span>'],
    ['<span style="background:#000;color:#000">', '</span>'],
    ['<span style="font-size:0">', '</span>'],
    ['<span style="font-size:1px">', '</span>'],
    ['<span style="font-size:0.1pt">', '</span>'],
    ['<span style="display:inline-block;transform:scale(0)">', '</span>'],
    ['<span style="position:absolute;left:-9999px">', '</span>'],
    ['<span style="/*c*/display:none">', '</span>'],
    ['<span style="display:none/*x*/">', '</span>'],
    // An !important declaration beats a later normal one of its block (a fifth fresh tester);
    // a gradient of one colour is that colour.
    ['<span style="display:none !important;display:inline">', '</span>'],
    ['<span style="color:#fff!important;color:#000">', '</span>'],
    ['<span class="nb-imp">', '</span>'],
    ['<span style="background:linear-gradient(#000,#000);color:#000">', '</span>'],
    // Not drawn until a script opens it (a sixth fresh tester's).
    ['<span popover>', '</span>'],
  ] as const);
  const hidden = `${open}${h}${close}`;
  // Before, after, or (struck corrections) in front of the number.
  const html = rng.chance(0.5) ? `${t}${hidden}` : `${hidden}${t}`;
  return { ...w, html };
}

export function unsureInk(rng: Random, w: Written): HtmlWritten {
  const t = escapeHtml(w.text);
  const d = String(rng.int(0, 9));
  const [open, close] = rng.pick([
    ['<span style="zoom:0.01">', '</span>'],
    ['<span style="zoom:5%">', '</span>'],
    ['<span style="filter:blur(20px)">', '</span>'],
    ['<span style="letter-spacing:-1em">', '</span>'],
    ['<span style="font-family:Wingdings">', '</span>'],
    ['<span style="font:10pt Webdings">', '</span>'],
    ['<font face="Wingdings">', '</font>'],
    // Faint (an opacity over 0 and under a half), colours a filter or a blend changes, an inset
    // shadow under it (a fifth fresh tester's: each read as a digit of the number).
    ['<span style="opacity:0.01">', '</span>'],
    ['<span style="opacity:.2">', '</span>'],
    ['<span style="filter:opacity(5%)">', '</span>'],
    ['<span style="filter:invert(1)">', '</span>'],
    ['<span style="mix-blend-mode:difference">', '</span>'],
    ['<span style="box-shadow:inset 0 0 0 99px #000">', '</span>'],
    // Every property reset, placed or moved out of its place, masked, floated, laid over the
    // text beside it, white but outlined (a sixth fresh tester's; each checked in Chromium).
    ['<span style="display:none;all:unset">', '</span>'],
    ['<span style="position:absolute">', '</span>'],
    ['<span style="position:relative;top:-.5em;font-size:60%">', '</span>'],
    ['<span style="float:left">', '</span>'],
    ['<span style="margin-left:-.6em">', '</span>'],
    ['<span style="-webkit-mask-image:linear-gradient(transparent,transparent)">', '</span>'],
    ['<span style="color:#fff;-webkit-text-stroke:1px #000">', '</span>'],
  ] as const);
  const html = rng.chance(0.5) ? `${t}${open}${d}${close}` : `${open}${d}${close}${t}`;
  return { text: w.text, html, truth: { value: null, state: 'unreadable' } };
}

export function supByStyle(rng: Random, w: Written): HtmlWritten {
  const t = escapeHtml(w.text);
  const d = String(rng.int(1, 9));
  const mark = rng.pick([
    `<a href="#_ftn${d}"><span class="MsoFootnoteReference">${d}</span></a>`,
    `<span style="vertical-align:super">${d}</span>`,
    `<span style="vertical-align:sub">${d}</span>`,
    `<span class="nb-sup">${d}</span>`,
    `<span style="vertical-align:top;font-size:8px">${d}</span>`,
    `<span style="vertical-align: text-top; font-size: 60%">${d}</span>`,
    `<a href="#fn${d}">${d}</a>`,
  ]);
  const html = rng.chance(0.85) ? `${t}${mark}` : `${mark}${t}`;
  return { text: w.text, html, truth: { value: null, state: 'unreadable' } };
}
