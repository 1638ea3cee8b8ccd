import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocBody, raisedMarks, runRaised, runVerdict, wordHyphens } from '../src/lib/decode/doc-text.ts';
import JSZip from 'jszip';
import { crAsBreaks, hideRuns, offTogglesSpelled } from '../src/lib/decode/docx-hidden.ts';
import { parseDocument } from './documents.ts';
import { SOURCE, VARIANTS, variantDocx } from './fixtures/word-variants.ts';

/**
 * Hidden and struck text in Word files (decode/docx-hidden.ts, decode/doc-text.ts): left out
 * before the text is read, or marked when the file does not say for sure.
 */
const KEY = 'requests.carried_over.total';
const total = async (path: string, bytes: Uint8Array) => {
  const { parsed } = await parseDocument(path, bytes);
  if (!parsed?.ok) throw new Error(`${path} not read`);
  const c = parsed.cells.find((x) => `${x.table_id}.${x.row_key}.${x.col_key}` === KEY);
  return c?.state === 'number' ? c.value : null;
};

describe('.docx: hidden and struck runs, by the real document path (mammoth)', () => {
  const source = new Uint8Array(readFileSync(SOURCE));
  for (const v of VARIANTS)
    it(`${v.name}: the cell shows ${v.total ?? 'nothing sure'}`, async () => {
      expect(await total(`${v.name}.docx`, await variantDocx(source, v))).toBe(v.total);
    });
});

describe('.doc (Word 97): hidden, struck and spaced runs, by the real document path (word-extractor)', () => {
  for (const v of VARIANTS.filter((x) => x.doc))
    it(`${v.name}: the cell shows ${v.doc!.total ?? 'nothing sure'}`, async () => {
      const bytes = new Uint8Array(readFileSync(new URL(`./fixtures/documents/hidden-${v.name}.doc`, import.meta.url)));
      expect(await total(`hidden-${v.name}.doc`, bytes)).toBe(v.doc!.total);
    });
});

describe('docx runs', () => {
  const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
  const doc = (body: string) => `<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`;
  const run = (t: string, rPr = '') => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ''}<w:t>${t}</w:t></w:r>`;
  const text = (xml: string | null) =>
    xml === null ? null : [...xml.matchAll(/<w:t>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const styles = (s: string) => `<w:styles xmlns:w="${W}">${s}</w:styles>`;
  const charStyle = (id: string, rPr: string, basedOn = '') =>
    `<w:style w:type="character" w:styleId="${id}">${basedOn && `<w:basedOn w:val="${basedOn}"/>`}<w:rPr>${rPr}</w:rPr></w:style>`;

  it('direct properties: hidden and struck runs lose their text, a property set off keeps it', () => {
    for (const p of ['<w:vanish/>', '<w:vanish w:val="true"/>', '<w:specVanish/>', '<w:strike/>', '<w:dstrike/>'])
      expect(text(hideRuns(doc(`<w:p>${run('1')}${run('0', p)}</w:p>`), '')), p).toBe('1');
    expect(hideRuns(doc(`<w:p>${run('1')}${run('0', '<w:vanish w:val="0"/>')}</w:p>`), '')).toBeNull();
    // Hidden in Web Layout only, printed (a fresh tester's t31: 1 and a webHidden 5 read as 1): unsure.
    expect(text(hideRuns(doc(`<w:p>${run('1')}${run('5', '<w:webHidden/>')}</w:p>`), ''))).toBe('1⁇5');
    expect(hideRuns(doc(`<w:p>${run('1')}${run('0', '<w:b/>')}</w:p>`), '')).toBeNull();
  });
  it('styles: a character style (and what it is based on), the default paragraph style', () => {
    const s = styles(charStyle('Base', '<w:vanish/>') + charStyle('H', '', 'Base'));
    expect(text(hideRuns(doc(`<w:p>${run('1')}${run('0', '<w:rStyle w:val="H"/>')}</w:p>`), s))).toBe('1');
    // A tracked change's record of the style's former properties is not the style.
    const was = styles(charStyle('W', '<w:b/><w:rPrChange w:id="1"><w:rPr><w:vanish/></w:rPr></w:rPrChange>'));
    expect(hideRuns(doc(`<w:p>${run('1')}${run('0', '<w:rStyle w:val="W"/>')}</w:p>`), was)).toBeNull();
    const para = styles('<w:style w:type="paragraph" w:default="1" w:styleId="N"><w:rPr><w:strike/></w:rPr></w:style>');
    expect(text(hideRuns(doc(`<w:p>${run('1', '<w:strike w:val="off"/>')}${run('0')}</w:p>`), para))).toBe('1');
  });
  it('two style levels that set it, or a table style: unsure, marked', () => {
    const s = styles(
      charStyle('H', '<w:vanish/>') + '<w:style w:type="paragraph" w:styleId="P"><w:rPr><w:vanish/></w:rPr></w:style>',
    );
    const p = `<w:p><w:pPr><w:pStyle w:val="P"/></w:pPr>${run('1', '<w:vanish w:val="0"/>')}${run('0', '<w:rStyle w:val="H"/>')}</w:p>`;
    expect(text(hideRuns(doc(p), s))).toBe('1⁇0');
    const t = styles(
      '<w:style w:type="table" w:styleId="T"><w:tblStylePr w:type="firstRow"><w:rPr><w:vanish/></w:rPr></w:tblStylePr></w:style>',
    );
    const tbl = `<w:tbl><w:tblPr><w:tblStyle w:val="T"/></w:tblPr><w:tr><w:tc><w:p>${run('7')}</w:p></w:tc></w:tr></w:tbl>`;
    expect(text(hideRuns(doc(tbl), t))).toBe('⁇7');
  });
  it('a superscript or subscript by a style, or a raised run: given a direct vertAlign (mammoth writes <sup>)', () => {
    const sup = (xml: string | null) =>
      xml === null ? null : (xml.match(/w:vertAlign w:val="superscript"/g) ?? []).length;
    // Word's footnote reference style, a style based on it.
    const s = styles(charStyle('a5', '<w:vertAlign w:val="superscript"/>') + charStyle('SupChar', '', 'a5'));
    expect(sup(hideRuns(doc(`<w:p>${run('36')}${run('1', '<w:rStyle w:val="a5"/>')}</w:p>`), s))).toBe(1);
    expect(sup(hideRuns(doc(`<w:p>${run('27')}${run('2', '<w:rStyle w:val="SupChar"/>')}</w:p>`), s))).toBe(1);
    const sub = styles(charStyle('L', '<w:vertAlign w:val="subscript"/>'));
    expect(sup(hideRuns(doc(`<w:p>${run('25')}${run('1', '<w:rStyle w:val="L"/>')}</w:p>`), sub))).toBe(1);
    // Raised or lowered, directly or by a style.
    expect(sup(hideRuns(doc(`<w:p>${run('7')}${run('3', '<w:position w:val="6"/>')}</w:p>`), ''))).toBe(1);
    expect(sup(hideRuns(doc(`<w:p>${run('7')}${run('3', '<w:position w:val="-4"/>')}</w:p>`), ''))).toBe(1);
    const pos = styles(charStyle('R', '<w:position w:val="6"/>'));
    expect(sup(hideRuns(doc(`<w:p>${run('7')}${run('3', '<w:rStyle w:val="R"/>')}</w:p>`), pos))).toBe(1);
    // On the baseline: nothing changes (a direct baseline wins over the style).
    expect(hideRuns(doc(`<w:p>${run('7')}${run('3', '<w:position w:val="0"/>')}</w:p>`), '')).toBeNull();
    const base = '<w:rStyle w:val="a5"/><w:vertAlign w:val="baseline"/>';
    expect(hideRuns(doc(`<w:p>${run('36')}${run('1', base)}</w:p>`), s)).toBeNull();
    expect(hideRuns(doc(`<w:p>${run('36')}${run('1', '<w:rStyle w:val="X"/>')}</w:p>`), s)).toBeNull();
  });
});

describe('doc runs (character properties, sprms)', () => {
  const none = { known: true, hiding: new Set<number>() };
  const b = (...bytes: number[]) => Buffer.from(bytes);
  it('whole property codes: vanish, strike, dstrike, specVanish hide, webHidden is unsure; a deletion deletes', () => {
    expect(runVerdict(b(0x3c, 0x08, 0x01), none)).toBe('hidden');
    expect(runVerdict(b(0x37, 0x08, 0x01), none)).toBe('hidden');
    expect(runVerdict(b(0x53, 0x2a, 0x01), none)).toBe('hidden');
    expect(runVerdict(b(0x18, 0x08, 0x01), none)).toBe('hidden');
    expect(runVerdict(b(0x11, 0x08, 0x01), none)).toBe('unsure');
    expect(runVerdict(b(0x11, 0x08, 0x00), none)).toBe('shown');
    expect(runVerdict(b(0x3c, 0x08, 0x00), none)).toBe('shown');
    expect(runVerdict(b(0x00, 0x08, 0x01), none)).toBe('deleted');
  });
  it('codes whose low five bits are a deletion’s are not one (character spacing of 7 twips, sprmCDxaSpace)', () => {
    expect(runVerdict(b(0x40, 0x88, 0x07, 0x00), none)).toBe('shown');
    expect(runVerdict(b(0x60, 0x4a, 0x01, 0x00), none)).toBe('shown');
  });
  it('as the style says (0x80, 0x81), or a style that may hide: sure only when no style hides', () => {
    expect(runVerdict(b(0x3c, 0x08, 0x81), none)).toBe('hidden');
    expect(runVerdict(b(0x3c, 0x08, 0x80), none)).toBe('shown');
    const some = { known: true, hiding: new Set([16]) };
    expect(runVerdict(b(0x3c, 0x08, 0x80), some)).toBe('unsure');
    expect(runVerdict(b(0x30, 0x4a, 0x10, 0x00), some)).toBe('unsure');
    expect(runVerdict(b(0x30, 0x4a, 0x0f, 0x00), some)).toBe('shown');
    expect(runVerdict(b(0x30, 0x4a, 0x0f, 0x00), { known: false, hiding: new Set() })).toBe('unsure');
  });
  it('superscript, subscript (sprmCIss) and raised or lowered (sprmCHpsPos): a mark, directly or by the character style', () => {
    expect(runRaised(b(0x48, 0x2a, 0x01), none)).toBe(true);
    expect(runRaised(b(0x48, 0x2a, 0x02), none)).toBe(true);
    expect(runRaised(b(0x48, 0x2a, 0x00), none)).toBe(false);
    expect(runRaised(b(0x45, 0x48, 0x06, 0x00), none)).toBe(true);
    expect(runRaised(b(0x45, 0x48, 0xfa, 0xff), none)).toBe(true);
    expect(runRaised(b(0x45, 0x48, 0x00, 0x00), none)).toBe(false);
    const sup = { known: true, hiding: new Set<number>(), raising: new Set([65]) };
    expect(runRaised(b(0x30, 0x4a, 0x41, 0x00), sup)).toBe(true);
    expect(runRaised(b(0x30, 0x4a, 0x0f, 0x00), sup)).toBe(false);
    // Both set back to the baseline in the run: the style's superscript does not count.
    expect(runRaised(b(0x30, 0x4a, 0x41, 0x00, 0x48, 0x2a, 0x00, 0x45, 0x48, 0x00, 0x00), sup)).toBe(false);
  });
  it('a non-breaking hyphen (0x1E) is a hyphen, an optional hyphen (0x1F) nothing (never "undefined")', async () => {
    expect(wordHyphens('\x1e3 1\x1f2')).toBe('\u20113 1\x002');
    const doc = new Uint8Array(readFileSync(new URL('./fixtures/documents/hyphens.doc', import.meta.url)));
    expect((await extractDocBody(doc)).trim()).toBe('change \u20113 and 12');
  });
  it('raised digits come out behind ^', () => {
    expect(raisedMarks('36\ue001\t0')).toBe('36^1\t0');
    expect(raisedMarks('2\ue001\ue002 5')).toBe('2^12 5');
    expect(raisedMarks('37')).toBe('37');
  });
});

/** The sample .docx with its hidden "0" run (after the carried-over total's "1") replaced by `run`. */
async function withRun(run: string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(new Uint8Array(readFileSync(SOURCE)));
  const xml = await zip.file('word/document.xml')!.async('string');
  const hidden = '<w:r><w:rPr><w:vanish/></w:rPr><w:t xml:space="preserve">0</w:t></w:r>';
  if (!xml.includes(hidden)) throw new Error('the hidden run is not in the source');
  zip.file('word/document.xml', xml.replace(hidden, run));
  return zip.generateAsync({ type: 'uint8array' });
}

describe('.docx: a carriage return (w:cr) in a cell', () => {
  it('is a line break like w:br: "1⏎0" is two values, never 10 (a tester published 20 for 2⏎0)', async () => {
    expect(await total('cr.docx', await withRun('<w:r><w:cr/><w:t>0</w:t></w:r>'))).toBeNull();
    expect(await total('br.docx', await withRun('<w:r><w:br/><w:t>0</w:t></w:r>'))).toBeNull();
    expect(await total('plain.docx', await withRun('<w:r><w:t>0</w:t></w:r>'))).toBe(10);
  });
  it('crAsBreaks: every w:cr of the document becomes a w:br, whatever the prefix; null when none', () => {
    const doc = (p: string, body: string) =>
      `<${p}:document xmlns:${p}="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${body}</${p}:document>`;
    expect(crAsBreaks(doc('w', '<w:r><w:t>2</w:t><w:cr/><w:t>0</w:t><w:cr></w:cr></w:r>'))).toBe(
      doc('w', '<w:r><w:t>2</w:t><w:br/><w:t>0</w:t><w:br/></w:r>'),
    );
    expect(crAsBreaks(doc('x', '<x:r><x:cr/></x:r>'))).toBe(doc('x', '<x:r><x:br/></x:r>'));
    expect(crAsBreaks(doc('w', '<w:r><w:t>20</w:t></w:r>'))).toBeNull();
    // Page and column breaks too (mammoth drops them); a plain w:br stays as it is.
    expect(crAsBreaks(doc('w', '<w:r><w:br w:type="page"/></w:r><w:r><w:br w:type="column"></w:br></w:r>'))).toBe(
      doc('w', '<w:r><w:br/></w:r><w:r><w:br/></w:r>'),
    );
    expect(crAsBreaks(doc('w', '<w:r><w:br/><w:br w:type="textWrapping"/></w:r>'))).toBeNull();
  });
  it('a page or column break between digits leaves the cell unread, never joined (a fresh tester, t22: 258 for 2|58)', async () => {
    for (const type of ['page', 'column'])
      expect(
        await total(`${type}.docx`, await withRun(`<w:r><w:br w:type="${type}"/><w:t>0</w:t></w:r>`)),
        type,
      ).toBeNull();
  });
});

describe('.docx: a toggle switched off in a spelling mammoth takes for on', () => {
  it('<w:strike w:val="off"/> is not struck: its digit stays (a fresh tester, t22: 347 read as 47)', async () => {
    for (const v of ['off', 'none', 'False', 'false', '0'])
      expect(
        await total(`${v}.docx`, await withRun(`<w:r><w:rPr><w:strike w:val="${v}"/></w:rPr><w:t>0</w:t></w:r>`)),
        v,
      ).toBe(10);
    expect(await total('on.docx', await withRun('<w:r><w:rPr><w:strike w:val="on"/></w:rPr><w:t>0</w:t></w:r>'))).toBe(
      1,
    );
  });
  it('offTogglesSpelled: such values become "false", whatever the prefix; null when none', () => {
    const doc = (p: string, body: string) =>
      `<${p}:document xmlns:${p}="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${body}</${p}:document>`;
    expect(offTogglesSpelled(doc('x', '<x:rPr><x:strike x:val="off"/><x:b x:val="None"/></x:rPr>'))).toBe(
      doc('x', '<x:rPr><x:strike x:val="false"/><x:b x:val="false"/></x:rPr>'),
    );
    expect(offTogglesSpelled(doc('w', '<w:rPr><w:strike w:val="0"/><w:strike/><w:i w:val="on"/></w:rPr>'))).toBeNull();
  });
});
