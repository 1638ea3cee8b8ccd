import { readFileSync } from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readableInline, relationshipIds } from '../src/lib/decode/docx-inline.ts';
import { readDocx } from '../src/lib/decode/word.ts';
import { inflatedSize } from '../src/lib/decode/zip-limit.ts';
import { Random } from '../src/lib/synth/random.ts';
import { parseDocument } from './documents.ts';
import { SOURCE } from './fixtures/word-variants.ts';

/**
 * Text in a .docx that mammoth does not read (decode/docx-inline.ts): read where its meaning is
 * plain, else the cell holding it is no number. A tester's w:bdo "2" before "80" was published 80.
 */
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const M = 'http://schemas.openxmlformats.org/officeDocument/2006/math';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MARK = '\ufffc';
const doc = (body: string) => `<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`;
const run = (t: string) => `<w:r><w:t>${t}</w:t></w:r>`;
/** The paragraphs' shown text as mammoth will read it: w:t in document order. */
const text = (xml: string | null) =>
  xml === null ? null : [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('readableInline', () => {
  it('w:bdo and w:dir: the runs they hold are read; a right-to-left w:bdo (digits shown reversed) is marked', () => {
    expect(text(readableInline(doc(`<w:p><w:bdo w:val="ltr">${run('2')}</w:bdo>${run('80')}</w:p>`), null))).toBe(
      '280',
    );
    // A fresh tester's t7: <w:bdo w:val="rtl">1234</w:bdo> is shown 4321 and was published 1234.
    expect(text(readableInline(doc(`<w:p><w:bdo w:val="rtl">${run('1234')}</w:bdo></w:p>`), null))).toContain(MARK);
    expect(text(readableInline(doc(`<w:p><w:dir w:val="ltr">${run('2')}</w:dir>${run('77')}</w:p>`), null))).toBe(
      '277',
    );
  });
  it('w:ruby: the base text, not the annotation; the run around it is split, its properties kept', () => {
    const ruby = `<w:r><w:rPr><w:b/></w:rPr><w:t>1</w:t><w:ruby><w:rubyPr/><w:rt>${run('x')}</w:rt><w:rubyBase>${run('2')}</w:rubyBase></w:ruby><w:t>3</w:t></w:r>`;
    const out = readableInline(doc(`<w:p>${ruby}${run('87')}</w:p>`), null);
    expect(text(out)).toBe('12387');
    expect(out!.match(/<w:b\/>/g)).toHaveLength(2);
  });
  it('m:oMath: a plain row of math runs is its text; a fraction or a script is marked', () => {
    const plain = `<m:oMath xmlns:m="${M}"><m:r><m:t>2</m:t></m:r></m:oMath>`;
    expect(text(readableInline(doc(`<w:p>${plain}${run('38')}</w:p>`), null))).toBe('238');
    const para = `<m:oMathPara xmlns:m="${M}"><m:oMathParaPr/><m:oMath><m:r><m:t>45</m:t></m:r></m:oMath></m:oMathPara>`;
    expect(text(readableInline(doc(`<w:p>${para}</w:p>`), null))).toBe('45');
    const frac = `<m:oMath xmlns:m="${M}"><m:f><m:num><m:r><m:t>1</m:t></m:r></m:num><m:den><m:r><m:t>2</m:t></m:r></m:den></m:f></m:oMath>`;
    expect(text(readableInline(doc(`<w:p>${frac}</w:p>`), null))).toBe(MARK);
  });
  it('an element mammoth does not know: marked where it holds text, left alone where it holds none', () => {
    expect(text(readableInline(doc(`<w:p><w:foo>${run('2')}</w:foo>${run('0')}</w:p>`), null))).toBe(`${MARK}0`);
    expect(text(readableInline(doc(`<w:p><x:y xmlns:x="urn:x">${run('2')}</x:y>${run('0')}</w:p>`), null))).toBe(
      `${MARK}0`,
    );
    // Inside a run (a page number field Word fills in), in a cell between paragraphs, between cells.
    expect(text(readableInline(doc(`<w:p><w:r><w:t>1</w:t><w:pgNum/></w:r></w:p>`), null))).toBe(`1${MARK}`);
    const cell = (c: string) => `<w:tbl><w:tr><w:tc>${c}</w:tc><w:tc><w:p>${run('5')}</w:p></w:tc></w:tr></w:tbl>`;
    expect(text(readableInline(doc(cell(`<w:foo><w:p>${run('3')}</w:p></w:foo>`)), null))).toBe(`${MARK}5`);
    const row = `<w:tbl><w:tr><w:tc><w:p>${run('1')}</w:p></w:tc><w:foo><w:tc><w:p>${run('2')}</w:p></w:tc></w:foo><w:tc><w:p>${run('3')}</w:p></w:tc></w:tr></w:tbl>`;
    // The cell inside is lost to mammoth: every cell of the row is marked (no shifted number).
    expect(text(readableInline(doc(row), null))).toBe(`1${MARK}3${MARK}`);
    // Nothing shown: permissions, bookmarks, deleted text inside an unknown wrapper.
    expect(readableInline(doc(`<w:p><w:permStart w:id="1"/>${run('20')}<w:permEnd w:id="1"/></w:p>`), null)).toBeNull();
    expect(
      readableInline(
        doc(`<w:p><w:foo><w:del><w:r><w:delText>2</w:delText></w:r></w:del></w:foo>${run('0')}</w:p>`),
        null,
      ),
    ).toBeNull();
  });
  it('known wrappers and mammoth’s own reading are left as they are', () => {
    const xml = doc(
      `<w:p><w:smartTag>${run('1')}</w:smartTag><w:customXml>${run('2')}</w:customXml><w:ins>${run('3')}</w:ins>` +
        `<w:sdt><w:sdtPr><w:alias w:val="x"/></w:sdtPr><w:sdtContent>${run('4')}</w:sdtContent></w:sdt><w:r><w:tab/><w:t>5</w:t></w:r></w:p>`,
    );
    expect(readableInline(xml, null)).toBeNull();
  });
  it('a picture in a table cell is marked (not outside a table); a text box is not', () => {
    const blip = `<w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><a:blip r:embed="rId5"/></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>`;
    const ids = new Set(['rId5']);
    const inCell = (p: string) => `<w:tbl><w:tr><w:tc><w:p>${p}</w:p></w:tc></w:tr></w:tbl>`;
    expect(text(readableInline(doc(inCell(`${blip}${run('20')}`)), ids))).toBe(`${MARK}20`);
    expect(readableInline(doc(`<w:p>${blip}${run('封面')}</w:p>`), ids)).toBeNull();
    const vml = `<w:r><w:pict><v:shape xmlns:v="urn:schemas-microsoft-com:vml"><v:imagedata r:id="rId5"/></v:shape></w:pict></w:r>`;
    expect(text(readableInline(doc(inCell(`${vml}${run('20')}`)), ids))).toBe(`${MARK}20`);
    const box = `<w:r><w:pict><v:textbox xmlns:v="urn:schemas-microsoft-com:vml"><w:txbxContent><w:p>${run('3')}</w:p></w:txbxContent></v:textbox></w:pict></w:r>`;
    expect(readableInline(doc(inCell(box)), ids)).toBeNull();
  });
  it('a reference to a relationship the part does not have is taken away, the text kept', () => {
    const out = readableInline(doc(`<w:p><w:hyperlink r:id="rId99">${run('3399')}</w:hyperlink></w:p>`), new Set());
    expect(out).not.toMatch(/rId99/);
    expect(text(out)).toBe('3399');
    expect(
      readableInline(doc(`<w:p><w:hyperlink r:id="rId1">${run('3')}</w:hyperlink></w:p>`), new Set(['rId1'])),
    ).toBeNull();
    expect([
      ...relationshipIds(
        '<Relationships><Relationship Id="rId1" Type="t" Target="x"/><Relationship Type="t" Id="rId2"/></Relationships>',
      ),
    ]).toEqual(['rId1', 'rId2']);
  });
});

/**
 * By the real document path (mammoth): the fifth tester's cell 四、结转下年度继续办理 / 总计,
 * its content replaced by a number split over runs, one part wrapped in an element from a list
 * that holds known, plainly read and unknown ones. The cell is the whole number or NULL, never
 * another number. Seed: DOCX_INLINE_SEED.
 */
describe('.docx: a number split over runs, one part in a wrapper', () => {
  const KEY = 'requests.carried_over.total';
  const CELL =
    '<w:r><w:t xml:space="preserve">1</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">0</w:t></w:r>';
  const source = new Uint8Array(readFileSync(SOURCE));
  const withCell = async (runs: string, rels?: string) => {
    const zip = await JSZip.loadAsync(source);
    const xml = await zip.file('word/document.xml')!.async('string');
    if (!xml.includes(CELL)) throw new Error('the cell is not in the source');
    zip.file('word/document.xml', xml.replace(CELL, runs));
    if (rels === '') zip.remove('word/_rels/document.xml.rels');
    return zip.generateAsync({ type: 'uint8array' });
  };
  const valueOf = async (bytes: Uint8Array) => {
    const { parsed } = await parseDocument('cell.docx', bytes);
    if (!parsed?.ok) throw new Error('not read');
    const c = parsed.cells.find((x) => `${x.table_id}.${x.row_key}.${x.col_key}` === KEY);
    return c?.state === 'number' ? c.value : null;
  };
  const r = (t: string) => `<w:r><w:t xml:space="preserve">${t}</w:t></w:r>`;
  /** Wrappers: `read` when the number must come out whole. */
  const WRAPPERS: Array<{ name: string; wrap: (t: string) => string; read: boolean }> = [
    { name: 'w:bdo', wrap: (t) => `<w:bdo w:val="ltr">${r(t)}</w:bdo>`, read: true },
    { name: 'w:bdo rtl', wrap: (t) => `<w:bdo w:val="rtl">${r(t)}</w:bdo>`, read: false },
    { name: 'w:dir', wrap: (t) => `<w:dir w:val="ltr">${r(t)}</w:dir>`, read: true },
    {
      name: 'w:ruby',
      wrap: (t) => `<w:r><w:ruby><w:rubyPr/><w:rt>${r('x')}</w:rt><w:rubyBase>${r(t)}</w:rubyBase></w:ruby></w:r>`,
      read: true,
    },
    { name: 'm:oMath', wrap: (t) => `<m:oMath xmlns:m="${M}"><m:r><m:t>${t}</m:t></m:r></m:oMath>`, read: true },
    { name: 'w:smartTag', wrap: (t) => `<w:smartTag w:element="x">${r(t)}</w:smartTag>`, read: true },
    { name: 'w:customXml', wrap: (t) => `<w:customXml w:element="x">${r(t)}</w:customXml>`, read: true },
    { name: 'w:sdt', wrap: (t) => `<w:sdt><w:sdtContent>${r(t)}</w:sdtContent></w:sdt>`, read: true },
    { name: 'dangling w:hyperlink', wrap: (t) => `<w:hyperlink r:id="rId404">${r(t)}</w:hyperlink>`, read: true },
    {
      name: 'm:oMath fraction',
      wrap: (t) => `<m:oMath xmlns:m="${M}"><m:f><m:num><m:r><m:t>${t}</m:t></m:r></m:num><m:den/></m:f></m:oMath>`,
      read: false,
    },
    { name: 'w:foo', wrap: (t) => `<w:foo>${r(t)}</w:foo>`, read: false },
    { name: 'x:bar', wrap: (t) => `<x:bar xmlns:x="urn:example">${r(t)}</x:bar>`, read: false },
    {
      name: 'w14:foo',
      wrap: (t) => `<w14:foo xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">${r(t)}</w14:foo>`,
      read: false,
    },
  ];

  it('the tester’s shapes: w:bdo, w:dir, w:ruby, m:oMath read whole; a dangling hyperlink read (not a crash)', async () => {
    expect(await valueOf(await withCell(`<w:bdo w:val="ltr">${r('2')}</w:bdo>${r('80')}`))).toBe(280);
    expect(await valueOf(await withCell(`<w:hyperlink r:id="rId99">${r('33')}</w:hyperlink>`, ''))).toBe(33);
    // The whole number in an unknown wrapper: not a blank, not read.
    const { parsed } = await parseDocument('all.docx', await withCell(`<w:foo>${r('17')}</w:foo>`));
    const c = parsed!.ok ? parsed!.cells.find((x) => `${x.table_id}.${x.row_key}.${x.col_key}` === KEY) : null;
    expect(c?.state).toBe('unreadable');
  });

  it('random numbers, split points and wrappers: the whole number or NULL, never another', async () => {
    const rng = new Random(Number(process.env.DOCX_INLINE_SEED ?? 7));
    const wrong: string[] = [];
    for (let k = 0; k < 16; k++) {
      const n = rng.int(10, 99999);
      const s = String(n);
      const at = rng.int(1, s.length - 1);
      const w = rng.pick(WRAPPERS);
      const first = rng.chance(0.5);
      const runs = first ? w.wrap(s.slice(0, at)) + r(s.slice(at)) : r(s.slice(0, at)) + w.wrap(s.slice(at));
      const got = await valueOf(await withCell(runs));
      if (got !== null && got !== n) wrong.push(`${w.name} ${s.slice(0, at)}|${s.slice(at)}: ${got}`);
      if (w.read && got !== n) wrong.push(`${w.name} ${s.slice(0, at)}|${s.slice(at)}: ${got} (must be read)`);
    }
    expect(wrong).toEqual([]);
  }, 120_000);
});

describe('.docx packages that inflate far beyond their size', () => {
  /** A package whose document.xml is `size` bytes of one letter (DEFLATE makes it tiny). */
  const packed = async (size: number) => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<Types/>');
    zip.file('word/document.xml', 'a'.repeat(size));
    return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  };
  /** The size document.xml declares (in its local and central headers) set to `declared`. */
  const lie = (bytes: Uint8Array, declared: number) => {
    const out = Uint8Array.from(bytes);
    const v = new DataView(out.buffer);
    const named = (at: number, len: number) =>
      new TextDecoder().decode(out.subarray(at, at + v.getUint16(len, true))) === 'word/document.xml';
    for (let i = 0; i + 46 < out.length; i++) {
      const sig = v.getUint32(i, true);
      if (sig === 0x04034b50 && named(i + 30, i + 26)) v.setUint32(i + 22, declared, true);
      if (sig === 0x02014b50 && named(i + 46, i + 28)) v.setUint32(i + 24, declared, true);
    }
    return out;
  };
  it('within the cap: read; past it: stopped, whether the sizes are declared or hidden', async () => {
    expect(inflatedSize(await JSZip.loadAsync(await packed(100_000)), 1 << 20)).toBe('ok');
    const big = await packed(3 << 20);
    expect(inflatedSize(await JSZip.loadAsync(big), 1 << 20)).toBe('too-large');
    // Sizes that lie (10 bytes declared): inflating stops at the cap all the same.
    expect(inflatedSize(await JSZip.loadAsync(lie(big, 10)), 1 << 20)).toBe('too-large');
    // Within the cap but not the size declared: broken (JSZip would throw on it uncaught).
    expect(inflatedSize(await JSZip.loadAsync(lie(await packed(1000), 10)), 1 << 20)).toBe('broken');
  });
  it('a .docx declaring more than 64 MiB is rejected as too large, with a reason in Chinese', async () => {
    const out = await readDocx(lie(await packed(1000), 100 << 20));
    expect(out).toMatchObject({ ok: false, code: 'E_TOO_LARGE' });
    expect(!out.ok && out.reason).toMatch(/解压后超过 64 MiB/);
  });
});
