import JSZip from 'jszip';

/**
 * Totals written as Word fields, as agencies' templates do: the last number of a table row is
 * the result of =SUM(LEFT), either a simple field (w:fldSimple holding the result run) or a
 * complex one (w:fldChar begin, the instruction in w:instrText, separate, the result run, end).
 * The shown result is the number that was there, so the truth does not change.
 */
export type DocxFields = 'simple' | 'complex';

const RUN = /<w:r>((?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?)<w:t(?: xml:space="preserve")?>(\d+)<\/w:t><\/w:r>/;

export async function withTotalFields(docx: Uint8Array, how: DocxFields): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file('word/document.xml');
  if (!file) return docx;
  const xml = (await file.async('string')).replace(/<w:tr\b(?:(?!<\/w:tr>).)*<\/w:tr>/gs, (tr) => {
    const cells = tr.match(/<w:tc>(?:(?!<\/w:tc>).)*<\/w:tc>/gs) ?? [];
    const last = cells[cells.length - 1];
    // A total: the last cell of a row with at least two other numbers to its left.
    if (!last || !RUN.test(last) || cells.filter((c) => RUN.test(c)).length < 3) return tr;
    // The last cell by position: an earlier cell may have the same markup.
    const at = tr.lastIndexOf(last);
    const total = last.replace(RUN, (_m, rPr: string, n: string) => field(rPr, n, how));
    return tr.slice(0, at) + total + tr.slice(at + last.length);
  });
  zip.file('word/document.xml', xml);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

function field(rPr: string, n: string, how: DocxFields): string {
  const result = `<w:r>${rPr}<w:t xml:space="preserve">${n}</w:t></w:r>`;
  if (how === 'simple') return `<w:fldSimple w:instr=" =SUM(LEFT) ">${result}</w:fldSimple>`;
  const char = (t: string) => `<w:r>${rPr}<w:fldChar w:fldCharType="${t}"/></w:r>`;
  return `${char('begin')}<w:r>${rPr}<w:instrText xml:space="preserve"> =SUM(LEFT) </w:instrText></w:r>${char('separate')}${result}${char('end')}`;
}
