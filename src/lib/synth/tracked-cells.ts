import JSZip from 'jszip';
import type { Random } from './random.ts';

/**
 * A Word file edited with Track Changes on: in some rows of numbers, a cell deleted before one of
 * the row's number cells (`w:tcPr/w:cellDel`, its old number still in it), and some rows deleted
 * before the row they were replaced by (`w:trPr/w:del`, their old numbers). Word shows the final
 * text, the row as it was written, so the truth does not change (a fresh tester's t51: a deleted
 * cell's number was read, every value after it a column off).
 */
const ROW = /<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/gs;
const CELL = /<w:tc>(?:(?!<\/w:tc>).)*<\/w:tc>/gs;
const NUMBER_CELL = /<w:t(?: xml:space="preserve")?>\d+<\/w:t>/;
const MARK = (name: string, id: number) => `<w:${name} w:id="${id}" w:author="审核" w:date="2024-03-01T10:00:00Z"/>`;

export async function withTrackedCells(docx: Uint8Array, rng: Random): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file('word/document.xml');
  if (!file) return docx;
  let id = 900;
  const xml = (await file.async('string')).replace(ROW, (tr) => {
    const cells = [...tr.matchAll(CELL)];
    const numbers = cells.filter((c) => NUMBER_CELL.test(c[0]));
    if (numbers.length < 3 || !rng.chance(0.25)) return tr;
    const old = () => `<w:p><w:r><w:t>${rng.int(0, 999)}</w:t></w:r></w:p>`;
    if (rng.chance(0.3)) {
      // The row as it was before, deleted: its numbers changed.
      const before = tr
        .replace('<w:tr>', `<w:tr><w:trPr>${MARK('del', id++)}</w:trPr>`)
        .replace(/<w:t(?: xml:space="preserve")?>\d+<\/w:t>/g, () => `<w:t>${rng.int(0, 999)}</w:t>`);
      return before + tr;
    }
    const at = rng.pick(numbers);
    const deleted = `<w:tc><w:tcPr>${MARK('cellDel', id++)}</w:tcPr>${old()}</w:tc>`;
    return tr.slice(0, at.index) + deleted + tr.slice(at.index);
  });
  zip.file('word/document.xml', xml);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}
