import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { choiceOverFallback } from '../src/lib/decode/docx-alternate.ts';
import { parseDocument } from './documents.ts';

/**
 * Markup compatibility in a .docx (decode/docx-alternate.ts): Word shows the mc:Choice it knows,
 * mammoth reads the mc:Fallback. A fresh tester's t16 (test/fixtures/tester/t16) had 1 and 2 in
 * the Choice and 3 and 4 in the Fallback, in a run and in a text box: 3 and 4 were published.
 */
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const W14 = 'http://schemas.microsoft.com/office/word/2010/wordml';
const WPS = 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape';
const doc = (body: string, extra = '') =>
  `<w:document xmlns:w="${W}" xmlns:mc="${MC}" xmlns:w14="${W14}" xmlns:wps="${WPS}" xmlns:v="urn:schemas-microsoft-com:vml"${extra}><w:body><w:p>${body}</w:p></w:body></w:document>`;
const run = (t: string) => `<w:r><w:t>${t}</w:t></w:r>`;
const alt = (requires: string, choice: string, fallback: string) =>
  `<mc:AlternateContent><mc:Choice Requires="${requires}">${choice}</mc:Choice><mc:Fallback>${fallback}</mc:Fallback></mc:AlternateContent>`;
/** What mammoth reads of the result: no AlternateContent is left, each settled into its Fallback's content. */
const fallbackText = (xml: string) => {
  expect(xml).not.toContain('AlternateContent');
  return [...xml.matchAll(/<w:t>([^<]*)<\/w:t>/g)].map((m) => m[1]!);
};
const box = (t: string) => `<w:txbxContent><w:p>${run(t)}</w:p></w:txbxContent>`;

describe('choiceOverFallback', () => {
  it('a run whose Choice requires a Word namespace: the Choice is what is read', () => {
    const out = choiceOverFallback(doc(alt('w14', run('1'), run('3'))));
    expect(out && fallbackText(out)).toEqual(['1']);
  });
  it('a text box: the Choice’s text box content replaces the VML fallback’s, the shape kept', () => {
    const choice = `<w:drawing><wps:wsp><wps:txbx>${box('2')}</wps:txbx></wps:wsp></w:drawing>`;
    const fallback = `<w:pict><v:shape><v:textbox>${box('4')}</v:textbox></v:shape></w:pict>`;
    const out = choiceOverFallback(doc(`<w:r>${alt('wps', choice, fallback)}</w:r>`));
    expect(out).toContain('<v:textbox>');
    expect(out && fallbackText(out)).toEqual(['2']);
  });
  it('a Choice requiring a namespace no application here knows: the Fallback stays (as Word would show it)', () => {
    const xml = doc(alt('x', run('1'), run('3')), ' xmlns:x="urn:example:unknown"');
    expect(choiceOverFallback(xml)).toBeNull();
    expect(choiceOverFallback(doc(alt('', run('1'), run('3'))))).toBeNull();
  });
  it('several Choices: the first Word knows; core namespaces (m, v …) are known (t18)', () => {
    const two = `<mc:AlternateContent><mc:Choice Requires="x">${run('9')}</mc:Choice><mc:Choice Requires="w14">${run('1')}</mc:Choice><mc:Fallback>${run('3')}</mc:Fallback></mc:AlternateContent>`;
    const out = choiceOverFallback(doc(two, ' xmlns:x="urn:example:unknown"'));
    expect(out && fallbackText(out)).toEqual(['1']);
    const m = choiceOverFallback(
      doc(alt('m', run('5'), run('105')), ' xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"'),
    );
    expect(m && fallbackText(m)).toEqual(['5']);
  });
  it('nested: an outer Choice is compared by what its inner ones settle to (t18: 14 against a fallback 1414)', () => {
    const inner = alt('w14', run('14'), run('14'));
    const out = choiceOverFallback(doc(alt('w14', inner, run('1414'))));
    expect(out && fallbackText(out)).toEqual(['14']);
  });
  it('nothing to change: null (the same bytes are read)', () => {
    expect(choiceOverFallback(doc(run('5')))).toBeNull();
    expect(choiceOverFallback(doc(alt('w14', run('5'), run('5'))))).toBeNull();
  });
  it('a drawing that is no text box, or several text boxes: the Fallback stays', () => {
    const picture = `<w:drawing><wps:wsp/></w:drawing>`;
    expect(choiceOverFallback(doc(`<w:r>${alt('wps', picture, run('3'))}</w:r>`))).toBeNull();
    const two = `<w:drawing>${box('1')}${box('2')}</w:drawing>`;
    expect(choiceOverFallback(doc(`<w:r>${alt('wps', two, `<w:pict>${box('3')}</w:pict>`)}</w:r>`))).toBeNull();
  });
});

interface TruthCell {
  table_id: string;
  row_key: string;
  col_key: string;
  value: number | null;
}
const dir = new URL('./fixtures/tester/t16/', import.meta.url);

describe('t16: the numbers Word shows, not the stale fallback', () => {
  const files = readdirSync(dir).filter((f) => f.endsWith('.docx'));
  it('has its minimal files', () => expect(files.length).toBe(2));
  for (const file of files)
    it(file, async () => {
      const truth = JSON.parse(readFileSync(new URL(`${file}.json`, dir), 'utf8')) as { cells: TruthCell[] };
      const want = new Map(truth.cells.map((c) => [`${c.table_id}.${c.row_key}.${c.col_key}`, c.value]));
      const { cells } = await parseDocument(file, readFileSync(new URL(file, dir)));
      const key = (c: TruthCell) => `${c.table_id}.${c.row_key}.${c.col_key}`;
      const published = cells.filter((c) => c.value !== null);
      expect(published.filter((c) => want.get(key(c)) !== c.value).map(key)).toEqual([]);
      // The two cells the Fallback held stale values for are read, not left NULL.
      expect(published.length).toBe(truth.cells.filter((c) => c.value !== null).length);
    });
});
