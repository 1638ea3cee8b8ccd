import { describe, expect, it } from 'vitest';
import { decode } from '../src/lib/decode/decode.ts';
import { normalizeLine, normalizeSlow, rawSlice } from '../src/lib/decode/normalize.ts';
import { Random } from '../src/lib/synth/random.ts';
import { htmlToLines } from '../src/lib/decode/html.ts';
import { textToLines } from '../src/lib/decode/lines.ts';

const text = '驼峰路街道办事处2020年政府信息公开工作年度报告\n一、总体情况\n';

function utf16(s: string, le: boolean, bom: boolean): Uint8Array {
  const out: number[] = bom ? (le ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(...(le ? [c & 0xff, c >> 8] : [c >> 8, c & 0xff]));
  }
  return new Uint8Array(out);
}

/** GB18030 bytes of a few characters, from the standard's code table. */
const GB_BYTES = new Uint8Array([
  0xd5, 0xfe, 0xb8, 0xae, 0xd0, 0xc5, 0xcf, 0xa2, 0xb9, 0xab, 0xbf, 0xaa, 0x32, 0x30, 0x32, 0x30, 0xc4, 0xea,
]); // 政府信息公开2020年

describe('decode', () => {
  it('UTF-8 without and with BOM', () => {
    const plain = new TextEncoder().encode(text);
    expect(decode(plain)).toMatchObject({ ok: true, encoding: 'utf-8', text });
    expect(decode(new Uint8Array([0xef, 0xbb, 0xbf, ...plain]))).toMatchObject({ ok: true, encoding: 'utf-8', text });
  });

  it('UTF-16 LE/BE with a BOM, and without one', () => {
    for (const le of [true, false]) {
      for (const bom of [true, false]) {
        const d = decode(utf16(text, le, bom));
        expect(d).toMatchObject({ ok: true, encoding: le ? 'utf-16le' : 'utf-16be', text });
      }
    }
  });

  it('GB18030 / GBK', () => {
    expect(decode(GB_BYTES)).toMatchObject({ ok: true, encoding: 'gb18030', text: '政府信息公开2020年' });
  });

  it('empty and whitespace-only files', () => {
    expect(decode(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
    expect(decode(new TextEncoder().encode(' \n\t\n'))).toEqual({ ok: false, reason: 'empty' });
  });

  it('binary files', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    expect(decode(png)).toEqual({ ok: false, reason: 'binary' });
  });

  it('one stray NUL in a text report: still text, the NUL dropped and its line reported', () => {
    const bytes = new TextEncoder().encode('一、总体情况\n本年度\u0000工作平稳有序。\n');
    const d = decode(bytes);
    expect(d).toMatchObject({ ok: true, encoding: 'utf-8', text: '一、总体情况\n本年度工作平稳有序。\n' });
    if (d.ok) expect(d.controlLines).toEqual([2]);
  });

  it('a short text file with a stray NUL is text: a few control bytes are never binary, whatever the size', () => {
    // 39 bytes, one NUL: 2.6 % of the file, over the 2 % that alone would make it binary.
    const bytes = new TextEncoder().encode('一、总体情况\n本年度\u0000工作平稳。\n');
    expect(bytes.length).toBeLessThan(50);
    expect(decode(bytes)).toMatchObject({ ok: true, encoding: 'utf-8', text: '一、总体情况\n本年度工作平稳。\n' });
    // Even length, mostly ASCII: not taken for UTF-16 for its one NUL (paired, 'ab' reads as CJK).
    expect(decode(new TextEncoder().encode('abc\u0000def\n12'))).toMatchObject({
      ok: true,
      encoding: 'utf-8',
      text: 'abcdef\n12',
    });
    // Three stray control bytes in twelve: still text; four are more than a few, and 2 % of it.
    expect(decode(new TextEncoder().encode('ab\u0000cd\u0001ef\u0002gh'))).toMatchObject({
      ok: true,
      text: 'abcdefgh',
    });
    expect(decode(new TextEncoder().encode('ab\u0000cd\u0001ef\u0002gh\u0003'))).toEqual({
      ok: false,
      reason: 'binary',
    });
    // A tiny binary without a known header: more than a few control bytes.
    expect(decode(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 1, 2, 3]))).toEqual({ ok: false, reason: 'binary' });
  });

  it('a few stray NULs and control bytes (GB18030 too): dropped, each line reported', () => {
    const body = '驼峰路街道办事处2020年政府信息公开工作年度报告\n'.repeat(20);
    const d = decode(new TextEncoder().encode(`\u0000${body}一、总体\u0000\u0001情况\n${body}第三\u0000段\n`));
    expect(d.ok).toBe(true);
    if (d.ok) {
      expect(d.text).toBe(`${body}一、总体情况\n${body}第三段\n`);
      expect(d.controlLines).toEqual([1, 21, 42]);
    }
    const gbLine = [...GB_BYTES, 0x0a];
    const gb = decode(
      new Uint8Array([...gbLine, ...GB_BYTES.subarray(0, 6), 0, ...GB_BYTES.subarray(6), 0x0a, ...gbLine, ...gbLine]),
    );
    expect(gb).toMatchObject({
      ok: true,
      encoding: 'gb18030',
      text: '政府信息公开2020年\n'.repeat(4),
      controlLines: [2],
    });
  });

  it('a NUL between two digits is not dropped (it would join two numbers): made U+FFFD', () => {
    const head = '驼峰路街道办事处2020年政府信息公开工作年度报告\n';
    const d = decode(new TextEncoder().encode(`${head}申请数 | 12\u000034\n`));
    expect(d).toMatchObject({ ok: true, text: `${head}申请数 | 12\uFFFD34\n`, badLines: [2], controlLines: [2] });
  });

  it('UTF-16 (many NULs) is still text, LE/BE, with and without BOM, with digits and ASCII', () => {
    const s = `${text}申请数 | 12 | 34\nABC report 2020\n`;
    for (const le of [true, false]) {
      for (const bom of [true, false]) {
        const d = decode(utf16(s, le, bom));
        expect(d).toMatchObject({ ok: true, encoding: le ? 'utf-16le' : 'utf-16be', text: s, controlLines: [] });
      }
    }
  });

  it('real binaries are still binary: PNG, JPEG, GIF, a ZIP, gzip, ELF, random bytes, many NULs', () => {
    const pad = (head: number[]) =>
      new Uint8Array([...head, ...new TextEncoder().encode('政府信息公开年度报告'.repeat(50))]);
    for (const head of [
      [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
      [0xff, 0xd8, 0xff, 0xe0],
      [0x47, 0x49, 0x46, 0x38, 0x39, 0x61],
      [0x50, 0x4b, 0x03, 0x04],
      [0x1f, 0x8b, 0x08],
      [0x7f, 0x45, 0x4c, 0x46],
    ])
      expect(decode(pad(head))).toEqual({ ok: false, reason: 'binary' });
    let seed = 7;
    const noise = Uint8Array.from(
      { length: 20000 },
      () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), (seed >>> 16) & 255),
    );
    expect(decode(noise)).toEqual({ ok: false, reason: 'binary' });
    // Text bytes with a NUL every 20 bytes (5 %): not a few stray ones.
    const dense = new TextEncoder().encode('政府信息公开年度报告'.repeat(100)).map((b, i) => (i % 20 === 0 ? 0 : b));
    expect(decode(dense)).toEqual({ ok: false, reason: 'binary' });
  });

  it('unreadable bytes in an otherwise good file are replaced and their lines reported', () => {
    const good = new TextEncoder().encode('一、总体情况\n第二行\n');
    const bad = new Uint8Array([...good, 0xff, 0xfe, 0x80, 0x0a, ...new TextEncoder().encode('第四行\n')]);
    const d = decode(bad);
    expect(d.ok).toBe(true);
    if (d.ok) {
      expect(d.encoding).toBe('utf-8');
      expect(d.badLines).toEqual([3]);
      expect(d.text).toContain('第四行');
    }
  });
});

describe('normalize', () => {
  it('folds full-width digits and punctuation and maps back to raw text', () => {
    const raw = '（一）予以公开｜１２３';
    const n = normalizeLine(raw);
    expect(n.text).toBe('(一)予以公开|123');
    const start = n.text.indexOf('123');
    expect(rawSlice(raw, n, start, start + 3)).toBe('１２３');
  });
});

describe('html', () => {
  it('drops scripts, styles and navigation and keeps source lines', () => {
    const lines = htmlToLines(
      '<html><head><style>p{}</style><title>标题</title></head>\n<body><nav>导航</nav>\n<p>正文一</p>\n<script>alert(1)</script><p>正文<br>二</p></body></html>',
    );
    expect(lines.map((l) => l.raw)).toEqual(['标题', '正文一', '正文', '二']);
    expect(lines.map((l) => l.no)).toEqual([1, 3, 4, 4]);
  });

  it('says which lines were the <title>, the <h1> and links only (for the metadata)', () => {
    const lines = htmlToLines(
      '<html><head><title>页标题</title></head><body><h1>报告<a href="#x">标题</a></h1><ul><li><a href="/a">别的报告</a></li></ul><p>正文<a href="/b">链接</a></p><p><a name="x">锚</a></p></body></html>',
    );
    expect(lines.map((l) => [l.raw, l.role])).toEqual([
      ['页标题', 'page-title'],
      ['报告标题', 'heading'],
      ['别的报告', 'link'],
      ['正文链接', undefined],
      ['锚', undefined],
    ]);
  });

  it('reads table rows in the order the browser draws them: <thead> first, <tfoot> last', () => {
    const rows = (html: string) => htmlToLines(html).map((l) => l.raw);
    const row = (...c: string[]) => `<tr>${c.map((x) => `<td>${x}</td>`).join('')}</tr>`;
    const head = `<thead>${row('信息内容', '数量')}</thead>`;
    const foot = `<tfoot>${row('（七）总计', '9')}</tfoot>`;
    const body = (...r: string[]) => `<tbody>${r.join('')}</tbody>`;
    const want = ['信息内容 | 数量', '（一）予以公开 | 4', '（二）部分公开 | 5', '（七）总计 | 9'];
    // <tfoot> before <tbody> (HTML 4), in the middle of several <tbody>, <thead> after the body.
    expect(
      rows(`<table>${head}${foot}${body(row('（一）予以公开', '4'), row('（二）部分公开', '5'))}</table>`),
    ).toEqual(want);
    expect(
      rows(`<table>${head}${body(row('（一）予以公开', '4'))}${foot}${body(row('（二）部分公开', '5'))}</table>`),
    ).toEqual(want);
    expect(
      rows(`<table>${body(row('（一）予以公开', '4'), row('（二）部分公开', '5'))}${foot}${head}</table>`),
    ).toEqual(want);
    // Only the first <thead> and <tfoot> are drawn apart; a second one is a body group in place.
    expect(
      rows(`<table>${foot}${body(row('（一）予以公开', '4'))}<tfoot>${row('（二）部分公开', '5')}</tfoot></table>`),
    ).toEqual(['（一）予以公开 | 4', '（二）部分公开 | 5', '（七）总计 | 9']);
  });

  it('reads a table that lays out the page as blocks, and the tables inside it as tables', () => {
    const lines = htmlToLines(
      '<table><tr><td>菜单</td><td><p>二、主动公开</p><table><tfoot><tr><td>（七）总计</td><td>9</td></tr></tfoot>' +
        '<tr><td>（一）予以公开</td><td>4</td></tr></table><p>四、复议</p></td></tr></table>',
    );
    expect(lines.map((l) => [l.raw, l.cells?.length])).toEqual([
      ['菜单', undefined],
      ['二、主动公开', undefined],
      ['（一）予以公开 | 4', 2],
      ['（七）总计 | 9', 2],
      ['四、复议', undefined],
    ]);
    // A label beside a cell holding only a table: a data row, the inner table's text its value.
    const data = htmlToLines(
      '<table><tr><td>（一）予以公开</td><td><table><tr><td>1</td><td>2</td></tr></table></td></tr></table>',
    );
    expect(data.map((l) => l.cells?.map((c) => c.raw))).toEqual([['（一）予以公开', '1 2']]);
  });
});

describe('normalizeLine quick scan', () => {
  it("gives the patterns' result for every character and on random lines", () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      for (const raw of [ch, `a${ch}，b`, `本${ch}&nbsp;（1）`])
        expect(normalizeLine(raw), JSON.stringify(raw)).toEqual(normalizeSlow(raw));
    }
    const rng = new Random(5);
    const chars = [...'a1 |,.-本年收到，（）：；！？、。《》“”‘’—–－\u3000\u00a0\u200b①㈠ｆ０\ufeff'];
    const pieces = [...chars, '&nbsp;', '\ud83d\ude00', '\ud800'];
    for (let n = 0; n < 20_000; n++) {
      let raw = '';
      const len = rng.int(0, 12);
      for (let i = 0; i < len; i++) raw += pieces[rng.int(0, pieces.length - 1)];
      expect(normalizeLine(raw), JSON.stringify(raw)).toEqual(normalizeSlow(raw));
    }
  });
});

describe('textToLines: the line breaks other tools write (t105)', () => {
  it('breaks at a vertical tab, NEL, U+2028 and U+2029 as at CR and LF', () =>
    expect(textToLines('a\vb\u0085c\u2028d\u2029e\r\nf\rg\nh').map((l) => l.raw)).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
    ]));
  it('keeps a form feed in its line', () => expect(textToLines('a\n\fb').map((l) => l.raw)).toEqual(['a', '\fb']));
});

describe('htmlToLines: preformatted text (t105)', () => {
  it('keeps the spaces and line breaks of a <pre>, leaves hidden text out', () => {
    const lines = htmlToLines(
      '<p>标题</p><pre>\n行政许可      12    3\n<span style="display:none">99</span>行政处罚   4\n\n总计  <b>7</b></pre><p>后</p>',
    );
    expect(lines.map((l) => l.raw)).toEqual(['标题', '行政许可      12    3', '行政处罚   4', '', '总计  7', '后']);
    expect(lines[1]!.no).toBe(2);
  });
});
