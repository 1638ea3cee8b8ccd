import { describe, expect, it } from 'vitest';
import { htmlToLines } from '../src/lib/decode/html.ts';
import { hideRuns } from '../src/lib/decode/docx-hidden.ts';
import { runVerdict } from '../src/lib/decode/doc-text.ts';
import { rtfToText } from '../src/lib/decode/rtf.ts';
import { contrast, inkOfColour, inkOfSize, WHITE, BLACK } from '../src/lib/decode/ink.ts';

/**
 * Text drawn so that no reader sees it (decode/ink.ts): colour against its background, tiny
 * size, moved out of sight — left out when surely unseen, marked (⁇, the cell no number) when
 * maybe, in every format that has the property. A tester published 97 for a cell showing 7.
 */

const cells = (body: string, head = '') =>
  htmlToLines(
    `<!DOCTYPE html><html><head>${head}</head><body><table><tr><td>标签</td>${body}</tr></table></body></html>`,
  )
    .find((l) => l.cells)!
    .cells!.slice(1)
    .map((c) => c.raw);
const cell = (body: string, head = '') => cells(`<td>${body}</td>`, head)[0];

describe('the rule (ink.ts)', () => {
  it('contrast: the same colour 1, black on white 21', () => {
    expect(contrast(WHITE, WHITE)).toBe(1);
    expect(Math.round(contrast(BLACK, WHITE))).toBe(21);
  });
  it('colour over its background: not seen, maybe, seen; size: 1pt not seen, under 4pt maybe', () => {
    expect(inkOfColour(WHITE, WHITE)).toBe('hidden');
    expect(inkOfColour({ r: 238, g: 238, b: 238, a: 1 }, WHITE)).toBe('unsure');
    expect(inkOfColour({ r: 51, g: 51, b: 51, a: 1 }, WHITE)).toBe('shown');
    expect(inkOfColour(null, WHITE)).toBe('unsure');
    expect(inkOfSize(1)).toBe('hidden');
    expect(inkOfSize(3)).toBe('unsure');
    expect(inkOfSize(9)).toBe('shown');
  });
});

describe('HTML: CSS comments and escapes are read as CSS reads them', () => {
  it('a comment anywhere in a declaration is nothing; an escape is its character', () => {
    expect(cell('<span style="/*c*/display:none">9</span>7')).toBe('7');
    expect(cell('<span style="display:/**/none">9</span>5')).toBe('5');
    expect(cell('<span style="display:none/*x*/">9</span>1')).toBe('1');
    expect(cell('<span style="display:\\6e one">9</span>3')).toBe('3');
    expect(cell('<span class="c">9</span>3', '<style>.c /*x*/ {display: /**/ none}</style>')).toBe('3');
  });
});

describe('HTML: colour equal to the background', () => {
  it('white, transparent or fully see-through text on the white page is left out', () => {
    for (const c of [
      '#fff',
      '#FFFFFF',
      'white',
      'rgb(255,255,255)',
      'rgb(100% 100% 100%)',
      'transparent',
      'rgba(0,0,0,0)',
      '#0000',
      'hsl(0 0% 100%)',
    ])
      expect(cell(`<span style="color:${c}">9</span>7`), c).toBe('7');
    expect(cell('<font color="#FFFFFF">9</font>7')).toBe('7');
    expect(cell('<font color="ffffff">9</font>7')).toBe('7');
    expect(cell('<span class="w">9</span>7', '<style>.w{color:#fff}</style>')).toBe('7');
  });
  it('text the colour of its cell’s (or an ancestor’s) background is left out; a contrasting colour is read', () => {
    expect(
      cells('<td style="background:#000"><span style="color:#000">9</span><span style="color:#fff">7</span></td>')[0],
    ).toBe('7');
    expect(cells('<td bgcolor="red"><font color="red">9</font>7</td>')[0]).toBe('7');
    expect(cell('<span style="background-color:#333;color:#333">9</span>7')).toBe('7');
    expect(cell('<span style="color:#333">9</span>7')).toBe('97');
    expect(cell('<span style="color:red">9</span>7')).toBe('97');
  });
  it('white text on a dark page is read', () => {
    const lines = htmlToLines(
      '<body bgcolor="#000" text="#fff"><table><tr><td>标签</td><td>97</td></tr></table></body>',
    );
    expect(lines.find((l) => l.cells)!.cells![1]!.raw).toBe('97');
  });
  it('faint, or of a colour not known (a variable, a rule that may apply): marked, never read', () => {
    expect(cell('<span style="color:#eee">9</span>7')).toBe('⁇97');
    expect(cell('<span style="color:var(--x)">9</span>7')).toBe('⁇97');
    expect(
      cell('<span class="w">9</span>7', '<style>.w{color:#fff} @media (max-width:600px){.w{color:#000}}</style>'),
    ).toBe('⁇97');
  });
  it('an element inside may be seen again: its own colour decides', () => {
    expect(cell('<span style="color:#fff">9<b style="color:#000">1</b></span>')).toBe('1');
  });
});

describe('HTML: tiny or moved out of sight', () => {
  it('font-size 0, 1px, 0.1pt (at most 1pt) is left out; under 4pt marked', () => {
    for (const s of ['0', '0px', '1px', '0.1pt', '1pt', '0em', '0%'])
      expect(cell(`<span style="font-size:${s}">9</span>7`), s).toBe('7');
    expect(cell('<span style="font:bold 0px/1 serif">9</span>7')).toBe('7');
    expect(cell('<font size="1">9</font>7')).toBe('97');
    expect(cell('<span style="font-size:3px">9</span>7')).toBe('⁇97');
    expect(cell('<span style="font-size:0.05em">9</span>7')).toBe('7');
    expect(cell('<span style="font-size:12px">9</span>7')).toBe('97');
  });
  it('a zero scale on a block, far off to the left or top: left out; where the box decides: marked', () => {
    expect(cell('<span style="display:inline-block;transform:scale(0)">9</span>7')).toBe('7');
    expect(cell('<span style="position:absolute;left:-9999px">9</span>7')).toBe('7');
    // A transform does nothing to an inline box; text-indent moves only a block's first line.
    expect(cell('<span style="transform:scale(0)">9</span>7')).toBe('⁇97');
    expect(cell('<span style="text-indent:-9999px">9</span>7')).toBe('⁇97');
    expect(cell('<span style="width:0;overflow:hidden">9</span>7')).toBe('⁇97');
    // Marked twice: clipped by its box, and placed out of its place among the text.
    expect(cell('<span style="position:absolute;clip:rect(0 0 0 0)">9</span>7')).toMatch(/^⁇+97$/);
  });

  it('a tiny zoom, a blur, letters laid over each other, a picture font: marked, never a digit (t25)', () => {
    // A fresh tester's t25: each of these was read as a digit of the number (918 for a cell
    // showing 18; 93 for 3; 161 for 16 and a Wingdings candle).
    expect(cell('<span style="zoom:0.01">9</span>18')).toBe('⁇918');
    expect(cell('<span style="zoom:1%">9</span>18')).toBe('⁇918');
    expect(cell('<span style="filter:blur(20px)">9</span>19')).toBe('⁇919');
    expect(cell('<span style="letter-spacing:-1em">9</span>3')).toBe('⁇93');
    expect(cell('20<span style="font-family:Wingdings">1</span>')).toBe('20⁇1');
    expect(cell('20<span style="font:12px Webdings">1</span>')).toBe('20⁇1');
    expect(cell('20<font face="Wingdings">1</font>')).toBe('20⁇1');
    expect(cell('20<span class="w">1</span>', '<style>.w{font-family:"Wingdings 2"}</style>')).toBe('20⁇1');
    // What draws the digits plainly: read.
    expect(cell('<span style="zoom:1;letter-spacing:1px;filter:blur(0.2px)">9</span>18')).toBe('918');
    expect(cell('20<span style="font-family:Symbol">1</span>')).toBe('201');
  });

  it('a script writing where it stands (document.write): the cell shows what it writes, not read', () => {
    expect(cell('2<script>document.write("1")</script>')).toBe('2\ufffc');
    expect(cell('2<script>var x = 1;</script>')).toBe('2');
  });
});

describe('HTML: a cell drawn but not seen keeps its place in the row', () => {
  it('visibility:hidden, struck or white: an empty cell, never the next cell moved into its column', () => {
    expect(cells('<td style="visibility:hidden">9</td><td>7</td>')).toEqual(['', '7']);
    expect(cells('<td style="text-decoration:line-through">9</td><td>7</td>')).toEqual(['', '7']);
    expect(cells('<td style="color:#fff">9</td><td>7</td>')).toEqual(['', '7']);
    expect(cells('<td style="display:none">9</td><td>7</td>')).toEqual(['7']);
  });
});

describe('.docx runs: colour, shading, size', () => {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const doc = (body: string) => `<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
  const run = (t: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t>${t}</w:t></w:r>`;
  const text = (xml: string | null) =>
    xml === null ? null : [...xml.matchAll(/<w:t>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const p = (...runs: string[]) => `<w:p>${runs.join('')}</w:p>`;
  const styles = (s: string) => `<w:styles xmlns:w="${W}">${s}</w:styles>`;

  it('white or background1 text on the page, 1pt text: left out', () => {
    expect(text(hideRuns(doc(p(run('9', '<w:color w:val="FFFFFF"/>'), run('0'))), ''))).toBe('0');
    expect(text(hideRuns(doc(p(run('9', '<w:color w:val="000000" w:themeColor="background1"/>'), run('0'))), ''))).toBe(
      '0',
    );
    expect(text(hideRuns(doc(p(run('9', '<w:sz w:val="2"/>'), run('3'))), ''))).toBe('3');
    expect(text(hideRuns(doc(p(run('9', '<w:sz w:val="1"/>'), run('3'))), ''))).toBe('3');
  });
  it('text the colour of its run, paragraph or cell shading: left out; auto or contrasting: read', () => {
    expect(
      text(hideRuns(doc(p(run('9', '<w:color w:val="FF0000"/><w:shd w:val="clear" w:fill="FF0000"/>'), run('0'))), '')),
    ).toBe('0');
    expect(
      text(hideRuns(doc(p(run('9', '<w:color w:val="000000"/><w:highlight w:val="black"/>'), run('0'))), '')),
    ).toBe('0');
    const cellShd = `<w:tbl><w:tr><w:tc><w:tcPr><w:shd w:val="clear" w:fill="000000"/></w:tcPr>${p(run('9', '<w:color w:val="000000"/>'), run('7', '<w:color w:val="FFFFFF"/>'))}</w:tc></w:tr></w:tbl>`;
    expect(text(hideRuns(doc(cellShd), ''))).toBe('7');
    expect(
      hideRuns(doc(p(run('9', '<w:color w:val="auto"/><w:shd w:val="clear" w:fill="000000"/>'), run('0'))), ''),
    ).toBeNull();
    expect(hideRuns(doc(p(run('9', '<w:color w:val="FF0000"/>'), run('0'))), '')).toBeNull();
  });
  it('by a style, or the document defaults', () => {
    const s = styles('<w:style w:type="character" w:styleId="W"><w:rPr><w:color w:val="FFFFFF"/></w:rPr></w:style>');
    expect(text(hideRuns(doc(p(run('9', '<w:rStyle w:val="W"/>'), run('0'))), s))).toBe('0');
    expect(hideRuns(doc(p(run('9', '<w:rStyle w:val="W"/><w:color w:val="000000"/>'), run('0'))), s)).toBeNull();
  });
  it('faint or small but not unseen (under 4pt), a theme tint, a page colour: marked', () => {
    expect(text(hideRuns(doc(p(run('9', '<w:sz w:val="6"/>'), run('3'))), ''))).toBe('⁇93');
    expect(text(hideRuns(doc(p(run('9', '<w:color w:val="EEEEEE"/>'), run('3'))), ''))).toBe('⁇93');
    expect(
      text(
        hideRuns(
          `<w:document xmlns:w="${W}"><w:background w:color="000000"/><w:body>${p(run('9', '<w:color w:val="FFFFFF"/>'), run('3'))}</w:body></w:document>`,
          '',
        ),
      ),
    ).toBe('⁇93');
  });
});

describe('.doc runs: colour and size (sprms)', () => {
  const none = { known: true, hiding: new Set<number>() };
  const b = (...bytes: number[]) => Buffer.from(bytes);
  it('white (sprmCIco 8, sprmCCv ffffff), 1pt (sprmCHps 2): hidden; under 4pt unsure; others shown', () => {
    expect(runVerdict(b(0x42, 0x2a, 0x08), none)).toBe('hidden');
    expect(runVerdict(b(0x70, 0x68, 0xff, 0xff, 0xff, 0x00), none)).toBe('hidden');
    expect(runVerdict(b(0x70, 0x68, 0xff, 0xff, 0xff, 0xff), none)).toBe('shown'); // fAuto
    expect(runVerdict(b(0x43, 0x4a, 0x02, 0x00), none)).toBe('hidden');
    expect(runVerdict(b(0x43, 0x4a, 0x06, 0x00), none)).toBe('unsure');
    expect(runVerdict(b(0x43, 0x4a, 0x15, 0x00), none)).toBe('shown');
    expect(runVerdict(b(0x42, 0x2a, 0x06), none)).toBe('shown');
    // Black on a black highlight.
    expect(runVerdict(b(0x42, 0x2a, 0x01, 0x0c, 0x2a, 0x01), none)).toBe('hidden');
  });
});

describe('RTF: colour and size', () => {
  const ct = '{\\colortbl;\\red255\\green255\\blue255;\\red0\\green0\\blue0;\\red238\\green238\\blue238;}';
  const text = (body: string, head = '') =>
    rtfToText(new TextEncoder().encode(`{\\rtf1 ${ct}${head} ${body}\\par}`)).text.trim();
  it('white (\\cf of a white entry), 1pt (\\fs2), black on black highlight: left out', () => {
    expect(text('{\\cf1 9}7')).toBe('7');
    expect(text('{\\fs2 9}7')).toBe('7');
    expect(text('{\\cf2\\highlight2 9}7')).toBe('7');
    expect(text('{\\cs15 9}7', '{\\stylesheet{\\s0 Normal;}{\\*\\cs15 \\additive\\cf1 W;}}')).toBe('7');
  });
  it('black, auto, 10pt: read; faint or under 4pt: marked', () => {
    expect(text('{\\cf2 9}7')).toBe('97');
    expect(text('{\\cf0\\fs20 9}7')).toBe('97');
    expect(text('{\\cf3 9}7')).toBe('⁇97');
    expect(text('{\\fs6 9}7')).toBe('⁇97');
  });
});
