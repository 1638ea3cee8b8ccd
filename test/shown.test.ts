import { describe, expect, it } from 'vitest';
import { htmlToLines } from '../src/lib/decode/html.ts';
import { mediaApplies, parseSheet, subjectOf } from '../src/lib/decode/css.ts';

/**
 * What a web page shows of a table cell (decode/shown.ts, css.ts): block boxes keep their text
 * apart, hidden and struck text is left out, text that may be hidden is marked (⁇).
 */
const cells = (body: string, head = '', doctype = '<!DOCTYPE html>') =>
  htmlToLines(`${doctype}<html><head>${head}</head><body><table><tr><td>标签</td>${body}</tr></table></body></html>`)
    .find((l) => l.cells)!
    .cells!.slice(1)
    .map((c) => c.raw);
const cell = (body: string, head = '', doctype?: string) => cells(`<td>${body}</td>`, head, doctype)[0];
const style = (css: string) => `<style>${css}</style>`;

describe('block boxes inside a cell keep their text apart', () => {
  it('paragraphs, divisions, list items, headings, nested tables: two values, never one number', () => {
    expect(cell('<p>3</p><p>1</p>')).toBe('3 1');
    expect(cell('<div>3</div><div>1</div>')).toBe('3 1');
    expect(cell('<ul><li>3</li><li>1</li></ul>')).toBe('3 1');
    expect(cell('<h4>3</h4><h4>1</h4>')).toBe('3 1');
    expect(cell('12<div class="note">3</div>')).toBe('12 3');
    expect(cell('<table><tr><td>1</td><td>2</td></tr></table>')).toBe('1 2');
    // Word's export: MsoNormal paragraphs with spans inside, minified.
    expect(
      cell('<p class="MsoNormal"><span lang="EN-US">3</span></p><p class="MsoNormal"><span lang="EN-US">1</span></p>'),
    ).toBe('3 1');
  });
  it('a box made by a style separates too; inline elements do not', () => {
    expect(cell('<span style="display:block">3</span><span style="display:block">1</span>')).toBe('3 1');
    expect(cell('<span class="b">3</span><span class="b">1</span>', style('.b{display:block}'))).toBe('3 1');
    expect(cell('<span>1</span><b>2</b><font>3</font>')).toBe('123');
    expect(cell('<p><span>1</span><span>2</span></p>')).toBe('12');
  });
});

describe('hidden by the page’s own stylesheet', () => {
  it('simple selectors are evaluated: the hidden text is left out', () => {
    expect(cell('5<span class="hid">8</span>', style('.hid{display:none}'))).toBe('5');
    expect(cell('5<span id="x">8</span>', style('#x { visibility : hidden }'))).toBe('5');
    expect(cell('5<span class="a hid">8</span>', style('span.hid{display:none}'))).toBe('5');
    expect(cell('5<i>8</i>', style('b, i {display:none}'))).toBe('5');
    expect(
      cell(
        '5<span class="hid">8</span>',
        style('<!-- /* comment */ .x{color:red} .hid{display : none !important} -->'),
      ),
    ).toBe('5');
    // A rule that does not match leaves the text.
    expect(cell('5<span class="hidden-not">8</span>', style('.hid{display:none}'))).toBe('58');
    expect(cell('5<span class="hid">8</span>', style('div.hid{display:none}'))).toBe('58');
  });
  it('class names match by case only in quirks mode (a page without a doctype)', () => {
    expect(cell('5<span class="hid">8</span>', style('.HID{display:none}'))).toBe('58');
    expect(cell('5<span class="hid">8</span>', style('.HID{display:none}'), '')).toBe('5');
  });
  it('any selector css-select evaluates is exact; the cascade decides between rules', () => {
    expect(cell('5<span class="hid">8</span>', style('table .hid{display:none}'))).toBe('5');
    expect(cell('5<span class="hid">8</span>', style('div .hid{display:none}'))).toBe('58');
    expect(cell('5<span>8</span>', style('td > span{display:none}'))).toBe('5');
    expect(cell('5<span data-x="1">8</span>', style('[data-x]{display:none}'))).toBe('5');
    expect(cell('5<span>8</span><span>9</span>', style('span:first-child{display:none}'))).toBe('59');
    // Later wins a tie; the more specific rule wins whatever the order; !important wins.
    expect(cell('5<span class="hid on">8</span>', style('.hid{display:none} .on{display:inline}'))).toBe('58');
    expect(cell('5<span class="hid on">8</span>', style('.on{display:inline} .hid{display:none}'))).toBe('5');
    expect(cell('5<span class="hid on">8</span>', style('span.hid{display:none} .on{display:inline}'))).toBe('5');
    expect(cell('5<span class="hid on">8</span>', style('.hid{display:none!important} span.on{display:inline}'))).toBe(
      '5',
    );
    // An inline style beats a sheet rule, unless the rule is !important.
    expect(cell('5<span class="hid" style="display:inline">8</span>', style('.hid{display:none}'))).toBe('58');
    expect(cell('5<span class="hid" style="display:inline">8</span>', style('.hid{display:none!important}'))).toBe('5');
  });
  it('media: the page as a screen shows it — print rules do not apply, screen rules do', () => {
    expect(cell('5<span class="hid">8</span>', style('@media print{.hid{display:none}}'))).toBe('58');
    expect(cell('5<span class="hid">8</span>', style('@media only screen{.hid{display:none}}'))).toBe('5');
    expect(cell('5<span class="hid">8</span>', '<style media="print">.hid{display:none}</style>')).toBe('58');
    // The common print sheet: everything hidden but the article.
    expect(cell('5<span>8</span>', style('@media print{*{display:none} .article{display:block}}'))).toBe('58');
    expect(mediaApplies('print, screen and (max-width:600px)')).toBeNull();
    expect(mediaApplies('print, screen')).toBe(true);
    expect(mediaApplies('print')).toBe(false);
  });
  it('a hiding rule that is not sure to apply marks the text: never a number read with it', () => {
    // @media, nesting, a pseudo-class css-select does not know (matched by its subject).
    expect(cell('5<span class="hid">8</span>', style('@media screen and (min-width:1px){.hid{display:none}}'))).toBe(
      '5⁇8',
    );
    expect(cell('5<span class="hid">8</span>', style('td{ .hid{display:none} }'))).toBe('5⁇8');
    expect(cell('5<span class="hid">8</span>', style('.hid:focus-visible{display:none}'))).toBe('5⁇8');
    // A rule that may apply and that the winner does not surely beat.
    expect(
      cell('5<span class="hid">8</span>', style('.hid{display:none} @media (max-width:600px){.hid{display:inline}}')),
    ).toBe('5⁇8');
    expect(
      cell(
        '5<span class="hid">8</span>',
        style('@media (max-width:600px){.hid{display:none}} span.hid{display:inline}'),
      ),
    ).toBe('58');
    // Generated text: ::after content adds text the document does not hold.
    expect(cell('5<span class="z">8</span>', style('.z::after{content:"0"}'))).toBe('5⁇8');
  });
  it('what may be hidden marks everything inside it: the tables and lines in a block too', () => {
    const lines = htmlToLines(
      `<!DOCTYPE html><html><head>${style('@media (max-width:600px){.tab{display:none}}')}</head><body><div class="tab"><p>（一）予以公开 9 9</p><table><tr><td>予以公开</td><td>9</td></tr></table></div><p>正文</p></body></html>`,
    );
    expect(lines.map((l) => l.raw)).toEqual(['⁇（一）予以公开 9 9', '⁇予以公开 | ⁇9', '正文']);
  });
  it('rules that hide no document text are ignored', () => {
    expect(
      cell('5<span class="x">8</span>', style('.x::before{display:none} .x::-webkit-scrollbar{display:none}')),
    ).toBe('58');
    expect(
      cell('5<span class="x">8</span>', style('.x::after{content:""} @font-face{font-family:a} .x{color:red}')),
    ).toBe('58');
  });
  it('inline styles, the hidden attribute and closed details', () => {
    expect(cell('5<span style="display:none">8</span>')).toBe('5');
    expect(cell('5<span style="visibility:hidden">8</span>')).toBe('5');
    expect(cell('5<span hidden>8</span>')).toBe('5');
    expect(cell('5<details><summary>注</summary>8</details>')).toBe('5 注');
    // visibility:hidden with a descendant that may be shown again: unsure, not dropped.
    expect(cell('5<span style="visibility:hidden">8<b style="visibility:visible">9</b></span>')).toBe('5⁇89');
  });
  it('opacity 0 hides an element and all inside it (a descendant cannot undo it); a faint one shows', () => {
    expect(cell('7<span style="opacity:0">9</span>')).toBe('7');
    expect(cell('7<span style="opacity: 0.0 !important">9</span>')).toBe('7');
    expect(cell('7<span style="opacity:0%">9<b style="opacity:1">9</b></span>')).toBe('7');
    expect(cell('7<span class="t">9</span>', style('.t{opacity:0}'))).toBe('7');
    // Faint, over 0 but under a half: not known whether it is seen (a fifth fresh tester: 1290).
    expect(cell('7<span style="opacity:0.3">9</span>')).toBe('7⁇9');
    expect(cell('7<span style="opacity:0.001">9</span>')).toBe('7⁇9');
    expect(cell('7<span style="opacity:.001"><b>9</b></span>')).toBe('7⁇9');
    expect(cell('7<span class="q">9</span>', style('.q{opacity:.001}'))).toBe('7⁇9');
    expect(cell('7<span style="filter:opacity(0.01)">9</span>')).toBe('7⁇9');
    expect(cell('7<span class="q" style="opacity:1">9</span>', style('.q{opacity:.001}'))).toBe('79');
    expect(cell('7<span style="opacity:0.5">9</span>')).toBe('79');
    expect(cell('7<span style="opacity:1">9</span>')).toBe('79');
    // A filter's opacity(0) too (a fresh tester's t10: 19 for 1); another filter draws it.
    expect(cell('1<span style="filter:opacity(0)">9</span>')).toBe('1');
    expect(cell('1<span style="filter: blur(1px) opacity(0%)">9</span>')).toBe('1');
    expect(cell('1<span style="filter:opacity(0.5)">9</span>')).toBe('19');
    expect(cell('1<span style="filter:grayscale(1)">9</span>')).toBe('19');
    // Filters that change its colours, a blend, an inset shadow under it: not evaluated, not known.
    expect(cell('1<span style="filter:invert(1)">9</span>')).toBe('1⁇9');
    expect(cell('1<span style="mix-blend-mode:screen">9</span>')).toBe('1⁇9');
    expect(cell('1<span style="box-shadow:inset 0 0 0 100px #000">9</span>')).toBe('1⁇9');
    expect(cell('1<span style="box-shadow:0 0 2px #000">9</span>')).toBe('19');
    // A rule not sure to apply: marked, never read as a number.
    expect(cell('7<span class="t">9</span>', style('@media (min-width: 900px) { .t{opacity:0} }'))).toBe('7⁇9');
  });
  it("a form field's text and ruby's annotation are not the page's text", () => {
    // A form field shows a box the reader does not read: marked, the cell is no number (86 or
    // 869 are both guesses; html-objects.test.ts).
    expect(cell('86<textarea>9</textarea>')).toBe('86\ufffc');
    // Ruby over a number with a digit in it: 2 or 29, not shown which (t32): marked.
    expect(cell('2<ruby><rt>9</rt></ruby>')).toBe('2⁇');
    expect(cell('<ruby>十二<rp>(</rp><rt>shí èr</rt><rp>)</rp></ruby>')).toBe('十二');
  });
});

describe('which stylesheets a browser applies (a fresh tester’s t32)', () => {
  it('a <style> of another type is no stylesheet: its rules hide nothing', () => {
    for (const type of ['text/less', 'text/x-template', 'text/plain', 'text/javascript', 'text/css; charset=utf-8'])
      expect(cell('4<span class="a">7</span>', `<style type="${type}">.a{display:none}</style>`), type).toBe('47');
    for (const type of ['text/css', 'TEXT/CSS', ''])
      expect(cell('4<span class="a">7</span>', `<style type="${type}">.a{display:none}</style>`), type).toBe('4');
  });
  it('a stylesheet given as a data: URL, linked or imported, is applied', () => {
    const css = '.a{display:none}';
    const link = (href: string) => `<link rel="stylesheet" href="${href}">`;
    expect(cell('4<span class="a">7</span>', link(`data:text/css,${encodeURIComponent(css)}`))).toBe('4');
    expect(cell('4<span class="a">7</span>', link(`data:text/css;base64,${Buffer.from(css).toString('base64')}`))).toBe(
      '4',
    );
    expect(cell('4<span class="a">7</span>', style(`@import url("data:text/css,${encodeURIComponent(css)}");`))).toBe(
      '4',
    );
    expect(cell('4<span class="a">7</span>', style(`@import "data:text/css,${encodeURIComponent(css)}" print;`))).toBe(
      '47',
    );
    // Not a stylesheet: another type, an alternate one, an address not fetched.
    expect(cell('4<span class="a">7</span>', link(`data:text/plain,${encodeURIComponent(css)}`))).toBe('47');
    expect(cell('4<span class="a">7</span>', `<link rel="alternate stylesheet" href="data:text/css,${css}">`)).toBe(
      '47',
    );
    // Nor a disabled one, one of another type, an @import after a rule (a fresh tester's t34).
    const data = `data:text/css,${encodeURIComponent(css)}`;
    expect(cell('4<span class="a">7</span>', `<link rel="stylesheet" disabled href="${data}">`)).toBe('47');
    expect(cell('4<span class="a">7</span>', `<link rel="stylesheet" type="text/less" href="${data}">`)).toBe('47');
    expect(cell('4<span class="a">7</span>', style(`.b{color:red} @import url("${data}");`))).toBe('47');
    expect(cell('4<span class="a">7</span>', style(`@charset "utf-8"; @import url("${data}");`))).toBe('4');
  });
  it('a ruby annotation holding a digit over a number marks it: 47 or 479, not shown which', () => {
    expect(cell('<ruby>47<rp>(</rp><rt>9</rt><rp>)</rp></ruby>')).toBe('47⁇');
    expect(cell('<ruby>汉<rt>hàn</rt></ruby>')).toBe('汉');
  });
});

describe('struck-through text is deleted text', () => {
  it('<del>, <s>, <strike> and line-through are left out: what remains is what the page says', () => {
    expect(cell('<del>9</del>5')).toBe('5');
    expect(cell('<s>9</s>5')).toBe('5');
    expect(cell('<strike>9</strike>5')).toBe('5');
    expect(cell('<span style="text-decoration: underline line-through">9</span>5')).toBe('5');
    expect(cell('<span class="old">9</span>5', style('.old{text-decoration-line:line-through}'))).toBe('5');
    // Inserted text (<ins>, underlined) is text of the page.
    expect(cell('<ins>9</ins>5')).toBe('95');
    // Deleted by its markup, drawn without the line by a style: unsure.
    expect(cell('<del>9</del>5', style('del{text-decoration:none}'))).toBe('⁇95');
  });
});

describe('hidden rows and cells', () => {
  const table = (rows: string, head = '') =>
    htmlToLines(`<!DOCTYPE html><html><head>${head}</head><body><table>${rows}</table></body></html>`)
      .filter((l) => l.cells)
      .map((l) => l.cells!.map((c) => c.raw).join('|'));
  it('a hidden row is not read; a hidden cell takes no place in the row, as in the browser', () => {
    expect(
      table('<tr style="display:none"><td>予以公开</td><td>9</td></tr><tr><td>予以公开</td><td>5</td></tr>'),
    ).toEqual(['予以公开|5']);
    expect(table('<tr><td>予以公开</td><td class="h">9</td><td>5</td></tr>', style('.h{display:none}'))).toEqual([
      '予以公开|5',
    ]);
  });
  it('a row or cell that may be hidden: no cell of the table is sure', () => {
    expect(
      table(
        '<tr><td>予以公开</td><td class="h">9</td><td>5</td></tr>',
        style('@media (max-width:600px){.h{display:none}}'),
      ),
    ).toEqual(['⁇予以公开|⁇⁇9|⁇5']);
  });
});

describe('hidden text outside tables', () => {
  it('is left out of the lines too', () => {
    const lines = htmlToLines(
      `<!DOCTYPE html><html><head>${style('.hid{display:none}')}</head><body><p>共5<span class="hid">8</span>件<del>9</del></p></body></html>`,
    );
    expect(lines.map((l) => l.raw)).toEqual(['共5件']);
  });
});

describe('css', () => {
  it('keeps only rules that bear on text, one per selector, with whether it holds only sometimes', () => {
    const rules = parseSheet(
      'p.MsoNormal{margin:0} .a .b, #c{display:none} @media (orientation:portrait){ i{visibility:hidden} } @media print{b{display:none}}',
    );
    expect(rules.map((r) => [r.selector, r.conditional, r.decl.display ?? r.decl.visibility])).toEqual([
      ['.a .b', false, 'hide'],
      ['#c', false, 'hide'],
      ['i', true, 'hide'],
    ]);
  });
  it('the subject of a selector css-select cannot evaluate, as a superset', () => {
    expect(subjectOf('.a > li.x:focus-visible')).toEqual({
      compound: { tag: 'li', id: null, classes: ['x'] },
      pseudo: null,
    });
    expect(subjectOf('.a::after')).toEqual({ compound: { tag: null, id: null, classes: ['a'] }, pseudo: 'generated' });
    expect(subjectOf('.a::selection')).toBeNull();
  });
});

describe('text a style raises off the baseline is a mark, like <sup>', () => {
  it('vertical-align super, sub, top, text-top, a length: the cell is no number', () => {
    expect(cell('36<sup>1</sup>')).toBe('36^1');
    expect(cell('27<span style="vertical-align:super">2</span>')).toBe('27^2');
    expect(cell('25<span style="vertical-align:sub">1</span>')).toBe('25^1');
    expect(cell('11<span style="vertical-align:top;font-size:8px">1</span>')).toBe('11^1');
    expect(cell('15<span style="vertical-align:text-top">2</span>')).toBe('15^2');
    expect(cell('<span style="vertical-align: super">2</span>5')).toBe('^25');
    expect(cell('3<span style="vertical-align:4px">1</span>')).toBe('3^1');
    expect(cell('3<span style="vertical-align:33%">1</span>')).toBe('3^1');
    expect(cell("3<span style='mso-text-raise:4.0pt'>1</span>")).toBe('3^1');
  });
  it("by the page stylesheet: Word's MsoFootnoteReference, a class", () => {
    const word = style('span.MsoFootnoteReference{vertical-align:super}');
    expect(cell('36<a href="#_ftn1"><span class=MsoFootnoteReference>1</span></a>', word)).toBe('36^1');
    expect(cell('7<span class="sup">3</span>', style('.sup{vertical-align:super;font-size:smaller}'))).toBe('7^3');
    // A rule that may apply (a viewport query): still a mark.
    expect(cell('7<span class="n">3</span>', style('@media (min-width:600px){.n{vertical-align:super}}'))).toBe('7^3');
  });
  it('on the baseline, or on a table cell (where it places the content): a number', () => {
    expect(cell('<span style="vertical-align:baseline">31</span>')).toBe('31');
    expect(cell('<span style="vertical-align:middle">31</span>')).toBe('31');
    expect(cell('<span style="vertical-align:0">31</span>')).toBe('31');
    expect(cells('<td style="vertical-align:top">31</td>')[0]).toBe('31');
    expect(cells('<td class="c">31</td>', style('td{vertical-align:top} .c{vertical-align:middle}'))[0]).toBe('31');
    expect(cell('<p style="vertical-align:top">31</p>')).toBe('31');
    expect(cell('3<span class="n">1</span>', style('.n{vertical-align:super} span.n{vertical-align:baseline}'))).toBe(
      '31',
    );
  });
  it('a link to an in-page footnote right after a number is a mark', () => {
    expect(cell('36<a href="#fn1">1</a>')).toBe('36^1');
    expect(cell('36<a href="#_edn2">2</a>')).toBe('36^2');
    expect(cell('<a href="/report/36">36</a>')).toBe('36');
  });
});

describe('!important, gradients and legacy colours (a fifth fresh tester: 1290 for 120)', () => {
  it('an !important declaration beats a later normal one of the same block', () => {
    for (const decl of [
      'display:none !important;display:inline',
      'display:none ! important;display:inline',
      'visibility:hidden !important; visibility:visible',
      'opacity:0 !important;opacity:1',
      'color:#fff!important;color:black',
      'font-size:0 !important; font-size:14px',
    ]) {
      expect(cell(`12<span style="${decl}">9</span>0`), decl).toBe('120');
      expect(cell('12<span class="s">9</span>0', style(`.s{${decl}}`)), decl).toBe('120');
    }
    expect(cell('12<span style="display:inline;display:none">9</span>0')).toBe('120');
    expect(cell('12<span style="display:none;display:inline">9</span>0')).toBe('1290');
  });
  it('a gradient of one colour is that colour; of several, not known; an image is not evaluated', () => {
    expect(cell('12<span style="background:linear-gradient(#000,#000)">9</span>0')).toBe('120');
    expect(cell('12<span style="background-image:linear-gradient(to right, #000, #000)">9</span>0')).toBe('120');
    expect(cell('12<span style="background:linear-gradient(#000,#fff)">9</span>0')).toBe('12⁇90');
    expect(cell('12<span style="background:linear-gradient(#fff,#fff)">9</span>0')).toBe('1290');
  });
  it('<font color> by HTML’s legacy colour rules: transparent and empty are no colour', () => {
    expect(cell('12<font color="transparent">9</font>0')).toBe('1290');
    expect(cell('12<font color="">9</font>0')).toBe('1290');
    expect(cell('12<font color="white">9</font>0')).toBe('120');
    expect(cell('12<font color="#fff">9</font>0')).toBe('120');
    expect(cell('12<font color="ffffff">9</font>0')).toBe('120');
    // `fff` is #0f0f0f (near black), `fffzzzfff` #f000f0 (seen).
    expect(cell('12<font color="fff">9</font>0')).toBe('1290');
    expect(cell('12<td bgcolor="chucknorris"><font color="#c00000">9</font></td>')).not.toContain('9');
  });
});

describe('what a sixth fresh tester’s page draws (checked in Chromium)', () => {
  it('`all` undoes the block’s earlier declarations and marks the text', () => {
    expect(cell('12<span style="display:none;all:unset">9</span>0')).toBe('12⁇90');
    expect(cell('12<span class="h" style="all:unset">9</span>0', style('.h{display:none}'))).toBe('12⁇90');
  });
  it('::first-letter or ::first-line painted marks the cell', () => {
    expect(cell('9120', style('td.fl::first-letter{color:#fff}'))).toBe('9120');
    expect(cells('<td class="fl">9120</td>', style('.fl::first-letter{color:#fff}'))[0]).toContain('⁇');
  });
  it('a popover, a layered !important, an alternate style sheet, an invalid `\\9`', () => {
    expect(cell('12<span popover>9</span>0')).toBe('120');
    expect(
      cell('12<span class="h">9</span>0', style('@layer a{.h{display:none!important}} .h{display:inline!important}')),
    ).toBe('12⁇90');
    expect(
      cell('12<span class="h">9</span>0', '<style title="a"></style><style title="b">.h{display:none}</style>'),
    ).toBe('1290');
    expect(cell('12<span style="display:none\\9">9</span>0')).toBe('1290');
  });
  it('masks, positions, order, float and negative margins mark; outlines and shadows are seen', () => {
    for (const decl of [
      '-webkit-mask-image:linear-gradient(transparent,transparent)',
      'position:fixed;top:-500px',
      'position:absolute',
      'position:relative;top:-.5em;font-size:60%',
      'position:absolute;inset:-9999px auto auto -9999px',
      'float:left',
      'order:2',
      'grid-column:2',
      'margin-left:-.6em',
    ])
      expect(cell(`12<span style="${decl}">9</span>0`), decl).toBe('12⁇90');
    expect(cell('12<span style="position:relative;top:0">9</span>0')).toBe('1290');
    expect(cell('12<span style="color:#fff;-webkit-text-stroke:1px #000">9</span>0')).toBe('12⁇90');
    expect(cell('12<span style="color:transparent;text-shadow:0 0 0 #000">9</span>0')).toBe('12⁇90');
    expect(cell('12<span style="text-shadow:none;color:#fff">9</span>0')).toBe('120');
    expect(cell('12<xmp>9</xmp>0')).not.toBe('1290');
    // A block container floated, placed or offset moves its text whole: the report's tables in a
    // page's floated or positioned column are read.
    for (const wrap of [
      'float:left',
      'position:absolute;left:200px',
      'position:relative;top:10px',
      'margin-left:-5.4pt',
      'grid-area:main',
      'order:2',
      'display:flex;flex-direction:row-reverse',
    ]) {
      const lines = htmlToLines(
        `<!DOCTYPE html><html><body><div style="${wrap}"><table><tr><td>标签</td><td>120</td></tr></table></div></body></html>`,
      );
      expect(
        lines
          .find((l) => l.cells)!
          .cells!.slice(1)
          .map((c) => c.raw),
        wrap,
      ).toEqual(['120']);
    }
  });
});

describe('a size or colour a media rule may set instead (a tenth fresh tester’s portal pages)', () => {
  it('is judged as well: seen in each, read; hidden or faint in one, marked', () => {
    expect(cell('120', style('@media (max-width:480px){td{font-size:10px}}'))).toBe('120');
    expect(cell('120', style('@media (max-width:768px){td{color:#333}}'))).toBe('120');
    expect(cell('120', style('@media (max-width:768px){td{font-size:1px}}'))).toBe('⁇120');
    expect(cell('120', style('@media (max-width:768px){td{color:#fff}}'))).toBe('⁇120');
    // Inherited: a span on black hides the digit in black, shows it in the grey a phone sets.
    expect(
      cell('12<span style="background:#000">9</span>0', style('@media (max-width:768px){td{color:#888}}')),
    ).toContain('⁇');
  });
});
