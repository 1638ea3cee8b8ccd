import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { byContent, readByContent } from '../src/lib/ingest/by-content.ts';
import { runInMemory } from '../src/lib/ingest/run.ts';
import { readSource, readSourceBytes, readSourceDocument } from '../src/lib/site/source.ts';
import { buildReport } from './fixtures/build.ts';
import { gaz, sha } from './helpers.ts';
import { testScratchDir } from './scratch.ts';

const utf8 = (s: string) => new TextEncoder().encode(s);
const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`./fixtures/documents/${name}`, import.meta.url)));
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const TEXT = buildReport({ style: 'pipes' });
const HTML = buildReport({ style: 'html' });

describe('names read by their content (a fresh tester’s v18_noext: rejected, 不支持的文件类型“(none)”)', () => {
  it('no extension, a server’s or a crawler’s; not images, archives, office files or scripts', () => {
    for (const p of [
      'a/t20230116_4567890',
      'a/report.',
      'a/index.asp',
      'a/index.ASPX',
      'a/index.php',
      'a/content.jsp',
      'a/page.shtml',
      'a/page.htm_',
      'a/page.html?id=3',
      'a/art.jsp;jsessionid=AB12',
      'a/page.cgi',
      'a/list.do',
      'a/crawl.dat',
      'a.dir/noext',
    ])
      expect(readByContent(p), p).toBe(true);
    for (const p of [
      'a/report.txt',
      'a/report.HTML',
      'a/report.pdf',
      'a/photo.png',
      'a/photo.jpg',
      'a/archive.zip',
      'a/sheet.xls',
      'a/sheet.xlsx',
      'a/slides.ppt',
      'a/app.js',
      'a/style.css',
      'a/data.json',
      'a/.hidden',
    ])
      expect(readByContent(p), p).toBe(false);
  });

  it('what the bytes are: a document at its first bytes, markup, text, or rejected', () => {
    expect(byContent('x', utf8(TEXT))).toEqual({ as: 'text' });
    expect(byContent('x', utf8(HTML))).toEqual({ as: 'html' });
    // Markup that does not open the file, or opens with a comment.
    expect(byContent('x', utf8(`\n正文前的一行\n${HTML}`))).toEqual({ as: 'html' });
    expect(byContent('x', utf8(`<!-- saved -->\n${HTML}`))).toEqual({ as: 'html' });
    // A text that writes a tag in passing is text.
    expect(byContent('x', utf8(`${TEXT}注：表中<br>为换行。\n`))).toEqual({ as: 'text' });
    expect(byContent('x', fixture('official-office.pdf'))).toEqual({ as: 'document' });
    expect(byContent('x', fixture('official.doc'))).toEqual({ as: 'document' });
    expect(byContent('x', utf8('{\\rtf1\\ansi 一、总体情况}'))).toEqual({ as: 'document' });
    expect(byContent('x', utf8('MIME-Version: 1.0\nContent-Type: multipart/related; boundary="b"\n'))).toEqual({
      as: 'document',
    });
    expect(byContent('x', new Uint8Array())).toEqual({ as: 'text' });
    const zip = (part: string) => new Uint8Array([0x50, 0x4b, 3, 4, ...utf8(`${part}\u0000\u0000`)]);
    expect(byContent('x', zip('word/document.xml'))).toEqual({ as: 'document' });
    expect(byContent('x', zip('xl/workbook.xml'))).toMatchObject({ as: 'rejected', reason: /Excel/ });
    expect(byContent('x', zip('ppt/presentation.xml'))).toMatchObject({ as: 'rejected', reason: /PowerPoint/ });
    expect(byContent('x', zip('photos/a.jpg'))).toMatchObject({ as: 'rejected', reason: /ZIP 压缩包/ });
    expect(byContent('x', new Uint8Array([...PNG, ...utf8(TEXT)]))).toMatchObject({ as: 'rejected', reason: /二进制/ });
  });

  it('the ingest reads text and web pages under such names, rejects binary with the reason, and every other name as before', () => {
    let seed = 11;
    const noise = Uint8Array.from(
      { length: 4000 },
      () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), (seed >>> 16) & 255),
    );
    const utf16 = new Uint8Array([0xff, 0xfe, ...Buffer.from(TEXT, 'utf16le')]);
    const files: Array<{ path: string; bytes: Uint8Array }> = [
      { path: 'crawl/t20230116_4567890', bytes: utf8(TEXT) },
      { path: 'crawl/gbk', bytes: new Uint8Array(iconv.encode(TEXT, 'gb18030')) },
      { path: 'crawl/utf16.dat', bytes: utf16 },
      { path: 'crawl/index', bytes: utf8(`<!-- saved by a crawler -->\n${HTML}`) },
      { path: 'crawl/content.asp', bytes: utf8(HTML) },
      { path: 'crawl/page.htm_', bytes: utf8(HTML.replace('2020年', '2021年')) },
      { path: 'crawl/printed', bytes: fixture('official-office.pdf') },
      { path: 'crawl/image', bytes: new Uint8Array([...PNG, ...utf8(TEXT)]) },
      { path: 'crawl/blob.dat', bytes: noise },
      { path: 'crawl/sheet', bytes: new Uint8Array([0x50, 0x4b, 3, 4, ...utf8('xl/workbook.xml\u0000')]) },
      { path: 'crawl/empty', bytes: new Uint8Array() },
      // Rejected by name, as before, whatever they hold.
      { path: 'keep/photo.png', bytes: utf8(TEXT) },
      { path: 'keep/archive.zip', bytes: utf8(TEXT) },
      { path: 'keep/app.js', bytes: utf8(TEXT) },
      { path: 'keep/sheet.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) },
    ];
    const data = runInMemory(
      files.map((f) => ({ path: f.path, size: f.bytes.length, read: () => f.bytes, sha256: sha })),
      { rawDir: 'raw', maxBytes: 20 * 1024 * 1024, gazetteer: gaz(), maxYear: 2026 },
    );
    const entry = (p: string) => data.manifest.files.find((f) => f.path === p)!;
    const report = (p: string) => data.reports.find((r) => r.source_file === p)!;
    for (const p of ['crawl/t20230116_4567890', 'crawl/index', 'crawl/content.asp', 'crawl/page.htm_', 'crawl/printed'])
      expect(entry(p).outcome, p).toBe('ok');
    // Copies of one report in other encodings: read, and copies (duplicate_of), not rejected.
    for (const p of ['crawl/gbk', 'crawl/utf16.dat']) expect(entry(p).outcome, p).not.toBe('rejected');
    expect(report('crawl/t20230116_4567890')).toMatchObject({ year: 2020, encoding: 'utf-8', agency: '测试市测试局' });
    expect(report('crawl/gbk').encoding).toBe('gb18030');
    expect(report('crawl/utf16.dat').encoding).toBe('utf-16le');
    expect(report('crawl/index').encoding).toBe('utf-8 (html with no extension)');
    expect(report('crawl/content.asp').encoding).toBe('utf-8 (html named .asp)');
    expect(report('crawl/printed').encoding).toMatch(/^pdf \(\d+ pages\)$/);
    // Read as HTML: the table's cells, not tags as text.
    expect(data.cells.filter((c) => c.report_id === report('crawl/content.asp').report_id).length).toBe(
      data.cells.filter((c) => c.report_id === report('crawl/t20230116_4567890').report_id).length,
    );
    const binary =
      '没有扩展名的文件按内容识别：内容是二进制数据（如图片、压缩包），不是文字、网页、PDF、Word 或 RTF，未读取';
    expect(entry('crawl/image')).toMatchObject({
      outcome: 'rejected',
      reason_code: 'E_UNSUPPORTED_TYPE',
      reason: binary,
    });
    expect(entry('crawl/blob.dat')).toMatchObject({
      outcome: 'rejected',
      reason_code: 'E_UNSUPPORTED_TYPE',
      reason: binary.replace('没有扩展名的文件', '扩展名为 .dat 的文件'),
    });
    expect(entry('crawl/sheet')).toMatchObject({
      outcome: 'rejected',
      reason_code: 'E_UNSUPPORTED_TYPE',
      reason: '没有扩展名的文件按内容识别：内容是Excel 表格（.xlsx），不是 Word 文档，暂不支持，未读取',
    });
    expect(entry('crawl/empty')).toMatchObject({ outcome: 'rejected', reason_code: 'E_EMPTY' });
    const byName = (ext: string) =>
      `不支持的文件类型“${ext}”：只读取 .txt、.md、.csv、.tsv、.html、.htm、.pdf、.docx、.doc、.rtf`;
    expect(entry('keep/photo.png')).toMatchObject({ reason_code: 'E_UNSUPPORTED_TYPE', reason: byName('.png') });
    expect(entry('keep/archive.zip')).toMatchObject({ reason_code: 'E_UNSUPPORTED_TYPE', reason: byName('.zip') });
    expect(entry('keep/app.js')).toMatchObject({ reason_code: 'E_UNSUPPORTED_TYPE', reason: byName('.js') });
    expect(entry('keep/sheet.xls').reason).toMatch(/暂不支持（WPS、Excel 等）/);
    for (const f of data.manifest.files)
      if (f.reason) expect(f.reason, f.path).not.toMatch(/\b(?:the|file|not|is|to|of|read)\b/);
  });

  it('the source view shows such a file as the ingest read it', () => {
    const dir = testScratchDir('nb-src-');
    writeFileSync(join(dir, 'noext'), '一、总体情况\n正文\n');
    writeFileSync(join(dir, 'printed'), fixture('official-office.pdf'));
    writeFileSync(join(dir, 'printed.txt'), fixture('official-office.pdf'));
    const was = process.env.NIANBAO_RAW;
    process.env.NIANBAO_RAW = dir;
    try {
      expect(readSource('noext')).toEqual(['一、总体情况', '正文', '']);
      // The PDF's extracted lines (as for report.pdf), not its bytes.
      expect(readSource('printed')?.join('\n')).toMatch(/总体情况/);
      // So is a PDF under a text name (its bytes decoded as text were binary: no source view).
      expect(readSource('printed.txt')).toEqual(readSource('printed'));
      // Only the very file the report was read from: one edited since the ingest would show other
      // numbers than the page's (a fresh tester's t44: 317 in the table, 318 in its source line).
      const read = sha(new TextEncoder().encode('一、总体情况\n正文\n'));
      expect(readSource('noext', read)).toEqual(['一、总体情况', '正文', '']);
      writeFileSync(join(dir, 'noext'), '一、总体情况\n正文改了\n');
      expect(readSource('noext', read)).toBeNull();
      expect(readSourceDocument('noext', read)).toBe('changed');
      expect(readSourceBytes('noext', read)).toBeNull();
      expect(readSourceDocument('gone', read)).toBeNull();
    } finally {
      if (was === undefined) delete process.env.NIANBAO_RAW;
      else process.env.NIANBAO_RAW = was;
    }
  });
});
