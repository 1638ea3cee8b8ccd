import type { DocxFields } from './fields.ts';
import { htmlBlocks } from './office.ts';
import type { Random } from './random.ts';
import { blocksToRtfWith } from './rtf.ts';

/**
 * How else an agency's Word publishes a report, beside a plain .docx: totals as fields
 * (fields.ts), a .docx renamed .doc, and — for a report that stays HTML otherwise — Word's
 * "save as web page" kept under .doc, or RTF saved as .doc (with hidden text and footnote marks as
 * RTF formatting, rtf.ts). The ingest must read each by what it is, not by its name; the truth is
 * the HTML's.
 */
export interface Rendered {
  ext: string;
  bytes: Uint8Array;
  quirks: string[];
  /** The style the eval tallies it under (default: the extension). */
  format?: string;
}

export interface WordFormat {
  fields: DocxFields | null;
  docxAsDoc: boolean;
  /** A report that stays HTML is published in one of these instead (null: it stays HTML). */
  alone: ((html: string, bytes: Uint8Array) => Rendered) | null;
  /** Which: RTF (hidden text and footnote marks written as its formatting), or the page itself. */
  aloneAs: 'rtf' | 'html-doc' | null;
}

export function pickWordFormat(rng: Random): WordFormat {
  const f = rng.next();
  const fields: DocxFields | null = f < 0.25 ? 'simple' : f < 0.4 ? 'complex' : null;
  const docxAsDoc = rng.chance(0.15);
  const a = rng.next();
  const rtf = rng.pick(['unicode', 'gbk'] as const);
  const aloneAs = a < 0.1 ? 'rtf' : a < 0.16 ? 'html-doc' : null;
  const alone: WordFormat['alone'] =
    aloneAs === 'rtf'
      ? (html) => {
          // Drawn after the choices above, from the file's own generator.
          const { bytes, quirks } = blocksToRtfWith(htmlBlocks(html), rtf, rng);
          return { ext: '.doc', bytes, quirks: ['rtf-named-doc', `rtf-${rtf}`, ...quirks], format: 'rtf' };
        }
      : aloneAs === 'html-doc'
        ? (_html, bytes) => ({ ext: '.doc', bytes, quirks: ['html-named-doc'], format: 'html-doc' })
        : null;
  return { fields, docxAsDoc, alone, aloneAs };
}
