import JSZip from 'jszip';
import type { Random } from './random.ts';

/**
 * Markup compatibility as Word writes it (mc:AlternateContent, ECMA-376 part 3): an mc:Choice in
 * Word's own extension namespaces, which Word, WPS and LibreOffice show, and an mc:Fallback for
 * older readers. Where a tool updated one copy and not the other, the Fallback is stale (a fresh
 * tester's t16). Some number cells get the shown number in the Choice and another in the
 * Fallback: a run (`run`, Requires="w14") or a text box (`textbox`, Requires="wps", with a VML
 * fallback). The shown number is the one that was there, so the truth does not change.
 */
export type AlternateShape = 'run' | 'textbox';

const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const NAMESPACES: Record<string, string> = {
  mc: MC,
  w14: 'http://schemas.microsoft.com/office/word/2010/wordml',
  wps: 'http://schemas.microsoft.com/office/word/2010/wordprocessingShape',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  v: 'urn:schemas-microsoft-com:vml',
};
const RUN = /<w:r>((?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?)<w:t(?: xml:space="preserve")?>(\d+)<\/w:t><\/w:r>/g;

export async function withAlternateContent(docx: Uint8Array, shape: AlternateShape, rng: Random): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(docx);
  const file = zip.file('word/document.xml');
  if (!file) return docx;
  const xml = (await file.async('string'))
    .replace(/<w:document\b[^>]*>/, declared)
    .replace(/<w:tc>(?:(?!<\/w:tc>).)*<\/w:tc>/gs, (tc) =>
      tc.replace(RUN, (run, rPr: string, n: string) => (rng.chance(0.3) ? alternate(run, rPr, n, shape, rng) : run)),
    );
  zip.file('word/document.xml', xml);
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

/** The document's root with every namespace the alternates use declared. */
function declared(root: string): string {
  const missing = Object.entries(NAMESPACES).filter(([p]) => !root.includes(`xmlns:${p}=`));
  const ignorable = root.includes('mc:Ignorable') ? '' : ' mc:Ignorable="w14 wp14"';
  return root.replace(/\/?>$/, (end) => `${missing.map(([p, u]) => ` xmlns:${p}="${u}"`).join('')}${ignorable}${end}`);
}

function alternate(run: string, rPr: string, n: string, shape: AlternateShape, rng: Random): string {
  const stale = String(Number(n) + rng.int(1, 9));
  const staleRun = `<w:r>${rPr}<w:t xml:space="preserve">${stale}</w:t></w:r>`;
  if (shape === 'run')
    return `<mc:AlternateContent><mc:Choice Requires="w14">${run}</mc:Choice><mc:Fallback>${staleRun}</mc:Fallback></mc:AlternateContent>`;
  const box = (r: string) => `<w:txbxContent><w:p>${r}</w:p></w:txbxContent>`;
  const drawing =
    `<w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="300000" cy="200000"/>` +
    `<wp:docPr id="1" name="tb"/><a:graphic><a:graphicData uri="${NAMESPACES.wps}"><wps:wsp><wps:txbx>${box(run)}` +
    `</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing>`;
  const pict = `<w:pict><v:shape style="width:20pt;height:15pt"><v:textbox>${box(staleRun)}</v:textbox></v:shape></w:pict>`;
  return `<w:r>${rPr}<mc:AlternateContent><mc:Choice Requires="wps">${drawing}</mc:Choice><mc:Fallback>${pict}</mc:Fallback></mc:AlternateContent></w:r>`;
}
