import JSZip from 'jszip';
import type { Random } from './random.ts';

/**
 * Formatting switched off in the spellings Word's schema allows besides "false" and "0": a
 * number cell's first digit in a run of its own with `<w:strike w:val="off"/>` (or "none",
 * "False"), as tools that write the transitional schema's on/off values do. Word shows the digit;
 * mammoth took every value but "false" and "0" for on and struck it (a fresh tester's t22: 347
 * read as 47). The shown number is the one that was there, so the truth does not change.
 */
const RUN = /<w:r>((?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?)<w:t(?: xml:space="preserve")?>(\d{2,})<\/w:t><\/w:r>/g;
const OFF = ['off', 'none', 'False'];

export async function withOffToggles(docx: Uint8Array, rng: Random): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file('word/document.xml');
  if (!file) return docx;
  const xml = (await file.async('string')).replace(/<w:tc>(?:(?!<\/w:tc>).)*<\/w:tc>/gs, (tc) =>
    tc.replace(RUN, (run, rPr: string, n: string) => {
      if (!rng.chance(0.3)) return run;
      const off = `<w:strike w:val="${rng.pick(OFF)}"/>`;
      const props = rPr ? rPr.replace('</w:rPr>', `${off}</w:rPr>`) : `<w:rPr>${off}</w:rPr>`;
      return `<w:r>${props}<w:t xml:space="preserve">${n[0]}</w:t></w:r><w:r>${rPr}<w:t xml:space="preserve">${n.slice(1)}</w:t></w:r>`;
    }),
  );
  zip.file('word/document.xml', xml);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}
