import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { mhtPage, quotedPrintable } from '../src/lib/decode/mht.ts';
import { sniff } from '../src/lib/decode/sniff.ts';
import { readsAsDocument } from '../src/lib/ingest/by-content.ts';
import { analyzeFile } from '../src/lib/ingest/analyze.ts';
import { missingInFile, parseDocument, testerFiles, wrongInFile } from './documents.ts';
import { buildReport } from './fixtures/build.ts';
import { gaz, rowOf, sha } from './helpers.ts';

/** A page in the shape of Chrome's "Save as single file" (quoted-printable UTF-8). */
function blink(html: string): Uint8Array {
  const qp = [...Buffer.from(html, 'utf8')]
    .map((b) =>
      b >= 33 && b <= 126 && b !== 61
        ? String.fromCharCode(b)
        : b === 10
          ? '\n'
          : `=${b.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('')
    .replace(/(.{70})/g, '$1=\n');
  return new Uint8Array(
    Buffer.from(
      [
        'From: <Saved by Blink>',
        'Snapshot-Content-Location: https://mp.weixin.qq.com/s/x',
        'MIME-Version: 1.0',
        'Content-Type: multipart/related;',
        '\ttype="text/html";',
        '\tboundary="----MultipartBoundary--abc----"',
        '',
        '',
        '------MultipartBoundary--abc----',
        'Content-Type: text/html',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        qp,
        '------MultipartBoundary--abc----',
        'Content-Type: image/png',
        'Content-Transfer-Encoding: base64',
        '',
        'iVBORw0KGgo=',
        '------MultipartBoundary--abc------',
        '',
      ].join('\r\n'),
      'latin1',
    ),
  );
}

/** Word's "single file web page": GB2312, base64. */
function word(html: string): Uint8Array {
  const b64 = iconv
    .encode(html, 'gb18030')
    .toString('base64')
    .replace(/(.{76})/g, '$1\n');
  return new Uint8Array(
    Buffer.from(
      `MIME-Version: 1.0\nContent-Type: multipart/related; boundary="----=_NextPart_01"\n\n------=_NextPart_01\nContent-Location: file:///C:/x.htm\nContent-Transfer-Encoding: base64\nContent-Type: text/html; charset="gb2312"\n\n${b64}\n\n------=_NextPart_01--\n`,
      'latin1',
    ),
  );
}

const requests = { new_received: ['5', '1', '0', '2', '0', '0', '8'], total: ['5', '1', '0', '2', '0', '0', '8'] };
const page = buildReport({ style: 'html', requests });

describe('MHTML (a web page saved as one file)', () => {
  it('is known by its MIME headers, a browser’s and Word’s', () => {
    expect(sniff(blink('<p>x</p>'))).toBe('mht');
    expect(sniff(word('<p>x</p>'))).toBe('mht');
    expect(sniff(new TextEncoder().encode('From: someone\n\nmultipart/related is a phrase'))).not.toBe('mht');
  });
  it('its page is its first text/html part, in its transfer encoding and charset', () => {
    // With the address the browser recorded (the report's 原网址); Word's file:/// is none.
    expect(mhtPage(blink('<p>年度报告 = 12</p>'))).toEqual({
      ok: true,
      html: '<p>年度报告 = 12</p>',
      url: 'https://mp.weixin.qq.com/s/x',
    });
    expect(mhtPage(word('<p>政府信息公开 34</p>'))).toEqual({ ok: true, html: '<p>政府信息公开 34</p>' });
    expect(mhtPage(new TextEncoder().encode('MIME-Version: 1.0\nContent-Type: multipart/related\n\nx')).ok).toBe(false);
    expect(quotedPrintable('a=3D=\nb=E5=B9=B4')).toBe('a=b\u00e5\u00b9\u00b4');
  });
  it('its page is the part its headers name, not an iframe’s saved before it; nested parts and a wrong charset too (t77)', () => {
    const part = (loc: string, html: string, type = 'text/html') =>
      `--B\nContent-Type: ${type}\nContent-Location: ${loc}\nContent-Transfer-Encoding: 8bit\n\n${html}\n`;
    const msg = (head: string, body: string) =>
      new Uint8Array(Buffer.from(`${head}\nContent-Type: multipart/related; boundary="B"\n\n${body}--B--\n`, 'utf8'));
    const framed = msg(
      'From: <Saved by Blink>\nSnapshot-Content-Location: http://a/main.html\nMIME-Version: 1.0',
      part('cid:frame-1@mhtml.blink', '<p>frame</p>') + part('http://a/main.html', '<p>main</p>'),
    );
    expect(mhtPage(framed)).toEqual({ ok: true, html: '<p>main</p>', url: 'http://a/main.html' });
    const nested = msg(
      'MIME-Version: 1.0',
      `--B\nContent-Type: multipart/alternative; boundary="C"\n\n--C\nContent-Type: text/plain\n\nplain\n--C\nContent-Type: text/html\n\n<p>html</p>\n--C--\n`,
    );
    expect(mhtPage(nested)).toEqual({ ok: true, html: '<p>html</p>' });
    const gbk = iconv.encode('<p>政府信息公开工作年度报告，本年新收申请数量共计十二件。</p>', 'gbk').toString('latin1');
    const wrong = new Uint8Array(
      Buffer.from(
        `MIME-Version: 1.0\nContent-Type: multipart/related; boundary="B"\n\n--B\nContent-Type: text/html; charset=utf-8\n\n${gbk}\n--B--\n`,
        'latin1',
      ),
    );
    expect(mhtPage(wrong)).toEqual({ ok: true, html: '<p>政府信息公开工作年度报告，本年新收申请数量共计十二件。</p>' });
  });
  it('gives the report the address the browser recorded as its 原网址 (a fresh tester’s t99)', () => {
    const bytes = blink(page);
    const r = analyzeFile({ path: 'a.mhtml', size: bytes.length }, () => bytes, sha, {
      gazetteer: gaz(),
      maxYear: 2026,
      maxBytes: 2 ** 22,
    });
    expect(r.rejected).toBeNull();
    if (!r.rejected) expect(r.report.source_url).toBe('https://mp.weixin.qq.com/s/x');
  });
  it('is read as the web page, under .mhtml, .mht or .html', async () => {
    for (const [name, bytes] of [
      ['a.mhtml', blink(page)],
      ['a.mht', word(page)],
      ['a.html', blink(page)],
    ] as const) {
      expect(readsAsDocument(name, bytes)).toBe(true);
      const { parsed } = await parseDocument(name, bytes);
      expect(parsed?.ok).toBe(true);
      if (parsed?.ok) expect(rowOf(parsed.cells, 'requests', 'new_received')).toBe('5 1 0 2 0 0 8');
    }
  });
});

describe('t76: every published number is the file’s, and the lost reports read', () => {
  const dir = new URL('./fixtures/tester/t76/', import.meta.url);
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(3));
  for (const file of files)
    it(file, async () => {
      expect(await wrongInFile(dir, file)).toEqual([]);
      expect(await missingInFile(dir, file)).toEqual([]);
    });
});
