import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import CFB from 'cfb';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { textToLines, withSpannedCells } from '../src/lib/decode/lines.ts';
import { rtfToText } from '../src/lib/decode/rtf.ts';
import { sniff } from '../src/lib/decode/sniff.ts';
import { readDocx } from '../src/lib/decode/word.ts';
import { readSource } from '../src/lib/site/source.ts';
import { fieldResults } from '../src/lib/decode/docx-fields.ts';
import { withTotalFields } from '../src/lib/synth/fields.ts';
import { blocksToDocx, htmlBlocks } from '../src/lib/synth/office.ts';
import { Random } from '../src/lib/synth/random.ts';
import { blocksToRtf, blocksToRtfWith } from '../src/lib/synth/rtf.ts';
import { expected, parseDocument, score } from './documents.ts';
import { officialHtml, officialValues } from './fixtures/official.ts';
import { testScratchDir } from './scratch.ts';

/**
 * Word files that are not what their extension says (RTF or a web page saved as .doc, a Word 97
 * file renamed .docx), encryption told by the file's own flags, and totals written as fields.
 */
const officialDoc = new Uint8Array(readFileSync(new URL('./fixtures/documents/official.doc', import.meta.url)));
const values = officialValues();
const want = expected(values);
const blocks = () => htmlBlocks(officialHtml(values));
const ascii = (s: string) => new TextEncoder().encode(s);

/** official.doc with its WordDocument stream's FIB flags changed, or a stream added. */
function oleWith(change: (c: CFB.CFB$Container) => void): Uint8Array {
  const c = CFB.read(Buffer.from(officialDoc), { type: 'buffer' });
  change(c);
  return new Uint8Array(CFB.write(c, { type: 'buffer' }) as Buffer);
}

describe('what a file is, from its first bytes', () => {
  it('tells OLE2, ZIP, RTF, HTML, MHT and PDF apart whatever the name', () => {
    expect(sniff(officialDoc)).toBe('ole');
    expect(sniff(new Uint8Array([0x50, 0x4b, 3, 4, 0]))).toBe('zip');
    expect(sniff(ascii('{\\rtf1\\ansi x}'))).toBe('rtf');
    expect(sniff(ascii('\uFEFF  <html xmlns:o="urn:schemas-microsoft-com:office:office"><body>'))).toBe('html');
    expect(sniff(ascii('<?xml version="1.0"?>\n<!-- saved --><html>'))).toBe('html');
    expect(sniff(ascii('MIME-Version: 1.0\nContent-Type: multipart/related; boundary="x"'))).toBe('mht');
    expect(sniff(ascii('junk\n%PDF-1.7\n'))).toBe('pdf');
    expect(sniff(ascii('一、总体情况'))).toBe('unknown');
  });
});

describe('RTF', () => {
  it('reads text in \\uN (skipping its fallback) and in GBK bytes, and tables by \\cell and \\row', () => {
    const rtf =
      "{\\rtf1\\ansi\\ansicpg936{\\fonttbl{\\f0\\fcharset134 \\'cb\\'ce;}}{\\*\\generator x;}" +
      "\\pard\\f0 \\'d2\\'bb\\'a1\\'a2\\u24635?\\u20307?\\par" +
      '\\trowd\\clvmgf\\cellx900\\cellx1800\\pard\\intbl \\u35268?\\cell 3\\cell\\row' +
      '\\trowd\\clvmrg\\cellx900\\cellx1800\\pard\\intbl \\cell {\\field{\\*\\fldinst =SUM(ABOVE)}{\\fldrslt 4}}\\cell\\row' +
      '\\pard end\\par}';
    expect(rtfToText(ascii(rtf)).text).toBe('一、总体\n规\t3\n\t4\nend');
    // Binary picture data (\binN) may hold braces and digits: skipped by its length.
    expect(rtfToText(ascii('{\\rtf1{\\*\\shppict{\\pict\\bin6 }{9\\x}}}a 1\\par}')).text).toBe('a 1');
  });

  it('a file named .rtf is read too', async () => {
    const { converted } = await parseDocument('report.rtf', blocksToRtf(blocks(), 'unicode'));
    expect(converted).toMatchObject({ ok: true, format: 'rtf' });
    expect(converted.ok && converted.named).toBeFalsy();
  });

  it('an RTF report (\\uN or GBK bytes, merged cells) saved as .doc: every number right, none misplaced', async () => {
    for (const how of ['unicode', 'gbk'] as const) {
      const { converted, parsed, cells } = await parseDocument('report.doc', blocksToRtf(blocks(), how));
      expect(converted, how).toMatchObject({ ok: true, format: 'rtf', named: 'doc' });
      expect(parsed?.ok, how).toBe(true);
      if (parsed?.ok) expect(parsed.report.encoding).toBe('rtf (named .doc)');
      const s = score(cells, want);
      expect(s.wrong, how).toEqual([]);
      expect(
        s.missing.filter((k) => !k.startsWith('review.')),
        how,
      ).toEqual([]);
    }
  });
});

describe('RTF character formatting (as the .docx, .doc and HTML readers read it)', () => {
  const SHEET =
    '{\\stylesheet{\\s0 Normal;}{\\*\\cs15 \\additive\\v Hidden;}{\\*\\cs16 \\additive\\sbasedon15 Based;}' +
    '{\\*\\cs17 \\additive\\super footnote reference;}{\\s2 \\v Hidden paragraph;}{\\*\\cs18 \\additive\\up6 Raised;}}';
  const body = (s: string) => rtfToText(ascii(`{\\rtf1\\ansi${SHEET}\\pard ${s}\\par}`)).text;

  it('hidden (\\v), struck (\\strike, \\striked1) and deleted (\\deleted) text is left out', () => {
    expect(body('{\\v 9}21210')).toBe('21210');
    expect(body('{\\strike 9}815')).toBe('815');
    expect(body('{\\striked1 9}815')).toBe('815');
    expect(body('{\\deleted 9}114653')).toBe('114653');
    expect(body('{\\webhidden 9}1')).toBe('1');
    // Set off again, by a group inside, or by \plain; a group's end restores the outer state.
    expect(body('{\\v 1{\\v0 2}3\\plain 4}5')).toBe('245');
    expect(body('{\\strike\\striked0\\strike0 9}1')).toBe('91');
    expect(body('\\v 9\\v0 1')).toBe('1');
  });

  it('by a character style (and what it is based on); direct formatting wins; \\plain drops the style', () => {
    expect(body('{\\cs15 9}815')).toBe('815');
    expect(body('{\\cs16 9}815')).toBe('815');
    expect(body('{\\cs15\\v0 9}815')).toBe('9815');
    expect(body('{\\cs15 9\\plain 8}15')).toBe('815');
    // A style the stylesheet does not define hides nothing.
    expect(body('{\\cs40 9}815')).toBe('9815');
  });

  it('by a paragraph style until \\pard; two style levels that set it: unsure, marked', () => {
    expect(rtfToText(ascii(`{\\rtf1${SHEET}\\pard\\s2 9\\par\\pard 1\\par}`)).text).toBe('\n1');
    expect(rtfToText(ascii(`{\\rtf1${SHEET}\\pard\\s2 {\\cs15 9}\\par}`)).text).toBe('⁇9');
    expect(rtfToText(ascii(`{\\rtf1${SHEET}\\pard\\s2 {\\v0 9}\\par}`)).text).toBe('9');
  });

  it('raised or lowered text (\\super, \\sub, \\up, \\dn, by a style too) is a mark: its digits behind ^', () => {
    expect(body('37{\\super 1}')).toBe('37^1');
    expect(body('232{\\up6 1}')).toBe('232^1');
    expect(body('5320.64{\\sub 2}')).toBe('5320.64^2');
    expect(body('7{\\dn4 3}')).toBe('7^3');
    expect(body('36{\\cs17 1}')).toBe('36^1');
    expect(body('36{\\cs18 1}')).toBe('36^1');
    expect(body('2{\\super 1}{\\super 2}')).toBe('2^12');
    expect(body('2{\\super a1}')).toBe('2a^1');
    // Back on the baseline: directly (\nosupersub, \up0), over a style too.
    expect(body('{\\super\\nosupersub 4}5')).toBe('45');
    expect(body('{\\cs17\\nosupersub 4}5')).toBe('45');
    expect(body('{\\up6\\up0 4}5')).toBe('45');
    // An automatic footnote number is a mark too; the footnote's paragraphs are not the body's.
    expect(body('37{\\super\\chftn}{\\footnote 1 note}')).toBe('37^');
    expect(body('a{\\footnote\\pard\\plain b\\par}c')).toBe('ac');
    const cell =
      '\\trowd\\cellx900\\cellx1800\\pard\\intbl 1\\cell 7{\\cs17\\chftn}{\\footnote\\pard\\plain n\\par}\\cell\\row';
    expect(rtfToText(ascii(`{\\rtf1${SHEET}${cell}}`)).text).toBe('1\t7^');
  });

  it('a non-breaking hyphen (\\_) is a hyphen (a minus before digits); an optional hyphen (\\-) shows nothing', () => {
    expect(body('\\_3')).toBe('\u20113');
    expect(body('1\\-2')).toBe('12');
  });

  it('an index or contents entry ({\\xe …}, {\\tc …}) shows nothing: 5{\\xe 3} is 5, not 53', () => {
    // A fresh tester's t25: 12 cells published with the entry's digits run into the number.
    expect(body('5{\\xe 3}')).toBe('5');
    expect(body('14{\\tc 4}')).toBe('14');
    expect(body('14{\\tcn 4}')).toBe('14');
    expect(body('{\\xe {\\txe 9}}2')).toBe('2');
  });

  it('a picture, object, shape or drawing in a table cell marks it (OBJECT_MARK): never the digits beside it', () => {
    // A fresh tester's t25: 43 cells published as the text beside a picture (a picture of a 2
    // before 5 shows 25, published 5).
    const cell = (s: string) =>
      rtfToText(ascii(`{\\rtf1\\trowd\\cellx900\\cellx1800\\pard\\intbl x\\cell ${s}\\cell\\row}`)).text;
    for (const obj of [
      '{\\pict\\pngblip 89504e47}',
      '{\\*\\shppict{\\pict\\pngblip 89504e47}}{\\nonshppict{\\pict\\wmetafile8 0100}}',
      '{\\pict\\bin4 {}\\9}',
      '{\\object\\objemb{\\*\\objdata 0105}{\\result 2}}',
      '{\\shp{\\*\\shpinst{\\shptxt 9}}}',
      '{\\*\\do\\dobxcolumn\\dptxbx{\\dptxbx 9}}',
    ])
      expect(cell(`${obj}5`)).toBe('x\t\ufffc5');
    // Outside a table, as before: skipped (a letterhead's logo is no cell).
    expect(body('{\\pict\\pngblip 89504e47}x')).toBe('x');
    // In a skipped destination (a header's picture): nothing.
    expect(cell('{\\header{\\pict\\pngblip 00}}5')).toBe('x\t5');
  });

  it('a merged cell (\\clmgf, \\clmrg) holding a number is reported as spanning; a label or empty one is not', () => {
    const row = (a: string, b: string) =>
      `\\trowd\\cellx900\\clmgf\\cellx1800\\clmrg\\cellx2700\\cellx3600\\pard\\intbl 其他\\cell ${a}\\cell ${b}\\cell 5\\cell\\row`;
    // Chinese as \\uN (the file is ASCII).
    const u = (t: string) =>
      t.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0) - (c.charCodeAt(0) > 32767 ? 65536 : 0)}?`);
    const r = rtfToText(ascii(u(`{\\rtf1\\pard x\\par${row('0', '')}${row('合计', '')}${row('', '')}}`)));
    expect(r.text).toBe('x\n其他\t0\t\t5\n其他\t合计\t\t5\n其他\t\t\t5');
    expect(r.spans).toEqual([{ line: 1, cells: [2] }]);
    const [line] = withSpannedCells(textToLines('其他\t0\t\t5'), [{ line: 0, cells: [2] }]);
    expect(line!.cells?.map((c) => [c.text, c.spanned ?? false])).toEqual([
      ['其他', false],
      ['0', false],
      ['', true],
      ['5', false],
    ]);
  });
});

describe('synthetic RTF: hidden text and footnote marks as RTF formatting, old merges', () => {
  const page =
    '<html><head><style>.h{display:none} .up{vertical-align:super}</style></head><body><table>' +
    '<tr><td>行政处罚</td><td>21210<span class="h">9</span></td><td><del>9</del>815</td></tr>' +
    '<tr><td>规章</td><td>37<sup>1</sup></td><td><span class="up">2</span>232</td></tr>' +
    '<tr><td>其他</td><td colspan="2">0</td></tr></table></body></html>';
  it('the reader reads what the page shows, whichever way each is written', () => {
    const blocks = htmlBlocks(page);
    expect(blocks[0]).toMatchObject({ kind: 'table' });
    const seen = new Set<string>();
    for (let seed = 1; seed <= 40; seed++) {
      const { bytes, quirks } = blocksToRtfWith(blocks, seed % 2 ? 'unicode' : 'gbk', new Random(seed));
      quirks.forEach((q) => seen.add(q));
      const r = rtfToText(bytes);
      const [a, b, c] = r.text.split('\n');
      expect(a, String(seed)).toBe('行政处罚\t21210\t815');
      // A mark Word numbers itself (\chftn) shows no digit of the text's: `^` alone.
      expect(b, String(seed)).toMatch(/^规章\t37\^1?\t\^2?232$/);
      if (quirks.includes('rtf-old-hmerge')) {
        expect(c).toBe('其他\t0\t');
        expect(r.spans).toEqual([{ line: 2, cells: [2] }]);
      } else expect(c).toBe('其他\t0');
    }
    expect([...seen].sort()).toEqual(['rtf-hidden-text', 'rtf-old-hmerge', 'rtf-raised-marks']);
    // Without a generator, the text as before: what the page shows, marks as plain digits.
    expect(rtfToText(blocksToRtf(blocks, 'unicode')).text.split('\n')[1]).toBe('规章\t371\t2232');
  });
});

describe('Word fields', () => {
  it('a simple field is its result runs; a complex field its result, never its instruction', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const simple = `<w:document ${W}><w:p><w:fldSimple w:instr=" =SUM(LEFT) "><w:r><w:t>95</w:t></w:r></w:fldSimple></w:p></w:document>`;
    expect(fieldResults(simple)).toMatch(/<w:p><w:r><w:t>95<\/w:t><\/w:r><\/w:p>/);
    const complex =
      `<w:document ${W}><w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:t>12</w:t></w:r>` +
      `<w:r><w:instrText> =SUM(LEFT) </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>` +
      `<w:r><w:t>7</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p></w:document>`;
    const out = fieldResults(complex)!;
    expect(out).not.toMatch(/<w:t>12<\/w:t>/);
    expect(out).toMatch(/<w:t>7<\/w:t>/);
    expect(fieldResults(`<w:document ${W}><w:p><w:r><w:t>1</w:t></w:r></w:p></w:document>`)).toBeNull();
  });

  it('.docx totals written as =SUM(LEFT) fields, simple or complex, are read as shown', async () => {
    for (const how of ['simple', 'complex'] as const) {
      const docx = await withTotalFields(await blocksToDocx(blocks()), how);
      const { parsed, cells } = await parseDocument('report.docx', docx);
      expect(parsed?.ok, how).toBe(true);
      const s = score(cells, want);
      expect(s.wrong, how).toEqual([]);
      expect(s.missing, how).toEqual([]);
      expect(
        cells.find((c) => c.table_id === 'requests' && c.row_key === 'total' && c.col_key === 'total')?.value,
      ).toBe(want.get('requests.total.total'));
    }
  });
});

describe('.docx packages', () => {
  it('without a styles part (it is optional), a table naming a table style is read', async () => {
    const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
    const zip = new JSZip();
    zip.file(
      '[Content_Types].xml',
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
    );
    zip.file(
      '_rels/.rels',
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
    );
    zip.file(
      'word/document.xml',
      `<w:document xmlns:w="${W}"><w:body><w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/></w:tblPr>` +
        '<w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr>' +
        '</w:tbl></w:body></w:document>',
    );
    const out = await readDocx(await zip.generateAsync({ type: 'uint8array' }));
    expect(out).toMatchObject({ ok: true, format: 'docx' });
    expect(out.ok && out.format === 'docx' && out.html).toMatch(/<td><p>规章<\/p>\s*<\/td><td><p>3<\/p>/);
  });
});

describe('OLE2 files: Word 97 under any name, encrypted only when it says so', () => {
  it('a Word 97 file named .docx is read as .doc, and says so', async () => {
    const { converted, parsed, cells } = await parseDocument('report.docx', officialDoc);
    expect(converted).toMatchObject({ ok: true, format: 'doc', named: 'docx' });
    if (parsed?.ok) expect(parsed.report.encoding).toBe('doc (named .docx)');
    expect(score(cells, want).wrong).toEqual([]);
  });

  it('encrypted: the FIB fEncrypted flag, or an encrypted OOXML package (EncryptionInfo)', async () => {
    const encrypted = oleWith((c) => {
      const fib = CFB.find(c, 'WordDocument')!.content as Buffer;
      fib.writeUInt16LE(fib.readUInt16LE(0x0a) | 0x0100, 0x0a);
    });
    for (const name of ['x.doc', 'x.docx'])
      expect((await parseDocument(name, encrypted)).converted).toMatchObject({ ok: false, code: 'E_ENCRYPTED' });
    const ooxml = CFB.utils.cfb_new();
    CFB.utils.cfb_add(ooxml, 'EncryptionInfo', Buffer.alloc(64, 1));
    CFB.utils.cfb_add(ooxml, 'EncryptedPackage', Buffer.alloc(4096, 2));
    const locked = new Uint8Array(CFB.write(ooxml, { type: 'buffer' }) as Buffer);
    expect((await parseDocument('x.docx', locked)).converted).toMatchObject({ ok: false, code: 'E_ENCRYPTED' });
  });

  it('an Excel 97 file, or a cut-off container, is rejected for what it is, not as encrypted', async () => {
    const xls = CFB.utils.cfb_new();
    CFB.utils.cfb_add(xls, 'Workbook', Buffer.alloc(4096, 3));
    const excel = await parseDocument('x.doc', new Uint8Array(CFB.write(xls, { type: 'buffer' }) as Buffer));
    expect(excel.converted).toMatchObject({ ok: false, code: 'E_UNSUPPORTED_TYPE' });
    expect(excel.converted.ok ? '' : excel.converted.reason).toMatch(/Excel/);
    const cut = await parseDocument('x.docx', officialDoc.subarray(0, 8));
    expect(cut.converted).toMatchObject({ ok: false, code: 'E_DOCUMENT_BROKEN' });
  });
});

describe('the source view of a Word file that is something else', () => {
  it('shows a web page kept as .doc as its text, the lines the ingest counted', () => {
    const dir = testScratchDir('nb-src-');
    writeFileSync(join(dir, 'page.doc'), '<html><body><p>一、总体情况</p>\n<p>正文</p></body></html>');
    const was = process.env.NIANBAO_RAW;
    process.env.NIANBAO_RAW = dir;
    try {
      expect(readSource('page.doc')).toEqual(['<html><body><p>一、总体情况</p>', '<p>正文</p></body></html>']);
    } finally {
      if (was === undefined) delete process.env.NIANBAO_RAW;
      else process.env.NIANBAO_RAW = was;
    }
  });
});
