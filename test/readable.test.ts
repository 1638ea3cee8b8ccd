import { describe, expect, it } from 'vitest';
import { hasMarkup, readableLines } from '../src/lib/site/readable.ts';

describe('a web page’s source lines as a reader reads them (t117, t123)', () => {
  const page = [
    '<html><body><p>一、总体情况</p>',
    '<table><tr><td>规章</td><td>2</td><td>&nbsp;</td><td>11</td></tr>',
    '<tr><td colspan="2"',
    'class="x">行政许可</td><td>1&#48;3</td></tr></table><!-- a',
    'b --><script>var x = "<td>9</td>";</script><p>&ldquo;完&rdquo; &amp; &foo;</p>',
  ];
  it('takes the markup out, a cell’s start as | (an empty cell kept), and keeps every line’s number', () =>
    expect(readableLines(page)).toEqual(['一、总体情况', '规章 | 2 | | 11', '', '行政许可 | 103', '“完” & &foo;']));
  it('tells a page from text', () => {
    expect(hasMarkup(page)).toBe(true);
    expect(hasMarkup(['规章 | 2 | 0 | 11', '行政许可 < 5'])).toBe(false);
  });
});
