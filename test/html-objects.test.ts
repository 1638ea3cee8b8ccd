import { describe, expect, it } from 'vitest';
import { htmlToLines } from '../src/lib/decode/html.ts';
import { OBJECT_MARK } from '../src/lib/decode/shown.ts';
import { parseCell } from '../src/lib/tables/cell.ts';

/**
 * Images, embedded objects, form controls and structured equations in an HTML table cell
 * (decode/html.ts): what they show is not read as text, so the digits beside them are never the
 * cell's number. A tester's <td><img alt="2" src="digit.png">20</td> (220 drawn) was published 20.
 */
const cell = (inner: string, head = '') =>
  htmlToLines(
    `<html><head>${head}</head><body><table><tr><td>（一）予以公开</td><td>${inner}</td></tr></table></body></html>`,
  )[0]!.cells![1]!.raw;

describe('html: content a cell shows but the reader does not read', () => {
  it('an image beside digits or alone: marked, the cell is no number (not 20, not blank)', () => {
    expect(cell('<img alt="2" src="digit.png">20')).toBe(`${OBJECT_MARK}20`);
    expect(cell('<img src="stamp.png">')).toBe(OBJECT_MARK);
    for (const t of [cell('<img alt="2" src="d.png">20'), cell('<img src="s.png">')])
      expect(parseCell(t, 'count').state).toBe('unreadable');
  });
  it('svg, object, embed, canvas, iframe, video, form controls: marked the same', () => {
    for (const el of [
      '<svg><text>2</text></svg>',
      '<object data="x.swf">2</object>',
      '<embed src="x.swf">',
      '<canvas></canvas>',
      '<iframe src="x"></iframe>',
      '<video src="x"></video>',
      '<input value="2">',
      '<button>2</button>',
      '<select><option>2</option></select>',
      '<textarea>2</textarea>',
    ])
      expect(cell(`${el}0`), el).toBe(`${OBJECT_MARK}0`);
  });
  it('in a label’s cell (a bullet image) the mark is left out: the label is still found', () => {
    expect(cell('<img src="dot.gif">（一）予以公开')).toBe('（一）予以公开');
    // Units and a lone 无 are no label: marked.
    expect(cell('<img alt="2" src="d.png">0件')).toBe(`${OBJECT_MARK}0件`);
    expect(cell('<img src="d.png">0.5万元')).toBe(`${OBJECT_MARK}0.5万元`);
    expect(cell('<img src="d.png">无')).toBe(`${OBJECT_MARK}无`);
  });
  it('not rendered: a hidden image or a hidden input leaves the cell’s text as it is', () => {
    expect(cell('<img src="d.png" style="display:none">20')).toBe('20');
    expect(cell('<img src="d.png" hidden>20')).toBe('20');
    expect(cell('<input type="hidden" value="2">20')).toBe('20');
    expect(cell('<span class="x"><img src="d.png"></span>20', '<style>.x{display:none}</style>')).toBe('20');
  });
  it('MathML: a plain row of tokens is its text; a fraction, script or root is marked', () => {
    expect(cell('<math><mn>1</mn></math>56')).toBe('156');
    expect(cell('<math><mfrac><mn>1</mn><mn>2</mn></mfrac></math>')).toBe(OBJECT_MARK);
    expect(cell('<math><msup><mn>3</mn><mn>2</mn></msup></math>')).toBe(OBJECT_MARK);
  });
  it('ruby keeps its base text, the annotation left out (unchanged)', () => {
    expect(cell('<ruby>1<rt>x</rt></ruby>58')).toBe('158');
  });
});
