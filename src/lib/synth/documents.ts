import { createHash } from 'node:crypto';
import { decode } from '../decode/decode.ts';
import type { SynthFile } from './corpus.ts';
import {
  blocksToDocx,
  htmlBlocks,
  pickPdfQuirks,
  pickPrintStyle,
  printPdf,
  quirkNames,
  type PrintStyle,
} from './office.ts';
import { Random } from './random.ts';
import { withAlternateContent, type AlternateShape } from './alternate.ts';
import { withTotalFields } from './fields.ts';
import { withOffToggles } from './toggles.ts';
import { withTrackedCells } from './tracked-cells.ts';
import { pickWordFormat, type Rendered } from './word-formats.ts';

/**
 * Opt-in (`npm run synth -- --pdf-share 0.05 --docx-share 0.05`): a share of the reports that
 * were rendered as HTML are published as PDF (printed by Chromium) or DOCX (with real merged
 * cells) instead, with the same truth, so `npm run eval` measures these formats. About `share`
 * of all reports when enough of them are HTML; shares adding up to more than the HTML reports
 * are scaled down together. Copies of a converted file are converted alike. A PDF may carry a
 * watermark, superscript footnote marks or fake bold (office.ts PdfQuirks), named in its quirks.
 */

export interface DocumentShares {
  seed: number;
  pdfShare: number;
  docxShare: number;
  chromium?: string;
}

/** HTML's share of the reports (corpus.ts STYLES): the shares are taken from these. */
const HTML_SHARE = 0.2;

export async function documentRenderer(
  o: DocumentShares,
): Promise<{ render(f: SynthFile): Promise<SynthFile>; close(): Promise<void> }> {
  const rng = new Random(o.seed * 7919 + 17);
  // Shares asking for more than the HTML reports there are keep their ratio (0.3 and 0.2: three
  // HTML reports in five as PDF, two as DOCX), so that both formats are always measured.
  const scale = Math.min(1, HTML_SHARE / Math.max(o.pdfShare + o.docxShare, Number.MIN_VALUE));
  const pPdf = (o.pdfShare * scale) / HTML_SHARE;
  const pDocx = (o.docxShare * scale) / HTML_SHARE;
  let browser: import('playwright-core').Browser | null = null;
  let tab: import('playwright-core').Page | null = null;
  if (pPdf > 0) {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: o.chromium ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
    });
    tab = await browser.newPage();
  }
  // What each file became (null: it stays HTML), so that its copies become the same.
  const done = new Map<string, Rendered | null>();
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  const as = (f: SynthFile, d: Rendered): SynthFile => {
    const path = f.path.replace(/\.html?$/i, d.ext);
    const format = d.format ?? d.ext.slice(1);
    return {
      path,
      bytes: d.bytes,
      truth: {
        ...f.truth,
        file: path,
        style: f.truth.outcome === 'duplicate' ? f.truth.style : format,
        quirks: [...f.truth.quirks, ...d.quirks],
        encoding: format,
      },
    };
  };
  return {
    async render(f) {
      if (!/\.html?$/i.test(f.path)) return f;
      const key = sha(f.bytes);
      const seen = done.get(key);
      if (seen) return as(f, seen);
      if (seen === null) return f;
      if (f.truth.style !== 'html' || f.truth.outcome === 'rejected') return f;
      const r = rng.next();
      const kind = r < pPdf ? 'pdf' : r < pPdf + pDocx ? 'docx' : null;
      // The style is drawn whatever happens, so the sequence does not depend on what was chosen.
      const style: PrintStyle = pickPrintStyle(rng);
      // Word's other ways to publish (word-formats.ts), for a report that would be a .docx or
      // stay HTML: from a generator of the file's own, so that the draws above stay what they were.
      const word = pDocx > 0 ? pickWordFormat(new Random(o.seed * 7349 + parseInt(key.slice(0, 8), 16))) : null;
      // Footnote marks raised by a style (hidden.ts) stay HTML, but for RTF (which writes them as
      // raised text, rtf.ts): the DOCX writer does not carry the style over, a Word web page kept
      // as .doc is not tested with them, and a printed subscript at the same size is not known as a mark.
      const rtf = kind !== 'pdf' && word?.aloneAs === 'rtf';
      if ((kind || word?.alone) && !rtf && f.truth.quirks.includes('sup-by-style')) {
        done.set(key, null);
        return f;
      }
      if (kind !== 'pdf' && word?.alone) {
        const text = decode(f.bytes);
        if (!text.ok) return f;
        const d = word.alone(text.text, f.bytes);
        done.set(key, d);
        return as(f, d);
      }
      if (!kind) return f;
      // Hidden text (hidden.ts) stays HTML: a digit hidden by a rule in @media (min-width:1px)
      // must be NULL in HTML (the reader cannot be sure of the rule), while printed its number
      // is plain, and the truth does not say which cells those are. Struck digits printed to PDF
      // are tested on their own (test/pdf.test.ts).
      if (kind === 'pdf' && (f.truth.quirks.includes('hidden-text') || f.truth.quirks.includes('unsure-ink'))) {
        done.set(key, null);
        return f;
      }
      const text = decode(f.bytes);
      if (!text.ok) return f;
      let d: Rendered;
      if (kind === 'pdf') {
        // Drawn from a generator of their own (seeded by the file), so that the styles and
        // formats drawn above stay what they were for a seed.
        const quirks = pickPdfQuirks(
          new Random(o.seed * 104729 + parseInt(key.slice(0, 8), 16)),
          f.truth.report?.year ?? 2023,
        );
        const bytes = await printPdf(tab!, text.text, { ...style, quirks });
        d = {
          ext: '.pdf',
          bytes,
          quirks: [
            `pdf-${style.page}`,
            `pdf-${style.borders}`,
            ...(style.breakRow !== null ? ['pdf-break-in-table'] : []),
            ...quirkNames(quirks),
          ],
        };
      } else {
        let bytes = await blocksToDocx(htmlBlocks(text.text));
        if (word?.fields) bytes = await withTotalFields(bytes, word.fields);
        // A stale mc:Fallback beside the shown mc:Choice (alternate.ts), from a generator of the
        // file's own so that every other draw stays what it was for a seed.
        const altRng = new Random(o.seed * 6151 + parseInt(key.slice(8, 16), 16));
        const a = altRng.next();
        const alternate: AlternateShape | null = a < 0.1 ? 'run' : a < 0.2 ? 'textbox' : null;
        if (alternate) bytes = await withAlternateContent(bytes, alternate, altRng);
        // Strike switched off as "off" (toggles.ts), from a generator of the file's own too.
        const offRng = new Random(o.seed * 7919 + parseInt(key.slice(16, 24), 16));
        const offToggles = offRng.chance(0.15);
        if (offToggles) bytes = await withOffToggles(bytes, offRng);
        // Cells and rows deleted with Track Changes on (tracked-cells.ts), a generator of its own.
        const trackRng = new Random(o.seed * 7927 + parseInt(key.slice(24, 32), 16));
        const tracked = trackRng.chance(0.1);
        if (tracked) bytes = await withTrackedCells(bytes, trackRng);
        d = {
          ext: word?.docxAsDoc ? '.doc' : '.docx',
          bytes,
          quirks: [
            'docx',
            ...(word?.fields ? [`docx-fields-${word.fields}`] : []),
            ...(alternate ? [`docx-alternate-${alternate}`] : []),
            ...(offToggles ? ['docx-strike-off'] : []),
            ...(tracked ? ['docx-tracked-cells'] : []),
            ...(word?.docxAsDoc ? ['docx-named-doc'] : []),
          ],
        };
      }
      done.set(key, d);
      return as(f, d);
    },
    async close() {
      await browser?.close();
    },
  };
}
