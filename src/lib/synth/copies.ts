import { encode } from './encode.ts';
import type { Random } from './random.ts';
import type { SynthFile } from './corpus.ts';

/**
 * The same report saved again in another encoding (GB18030, UTF-16, with a byte-order mark or
 * with CRLF line ends): different bytes, same report. Ingest keeps both rows and marks the copy
 * `duplicate_of` the original (issue 12, section 4); the truth says which file it copies.
 */
export function reencodedCopy(rng: Random, emitted: SynthFile[], path: (ext: string) => string): SynthFile | null {
  const pool = emitted.filter(
    (f) => f.truth.encoding === 'utf-8' && f.truth.report && !f.truth.quirks.includes('bad-bytes'),
  );
  if (!pool.length) return null;
  const orig = rng.pick(pool);
  let text = new TextDecoder('utf-8', { ignoreBOM: false }).decode(orig.bytes);
  const encoding = rng.pick(['gb18030', 'utf-16le', 'utf-8-bom', 'crlf'] as const);
  if (encoding === 'crlf') text = text.replace(/\r?\n/g, '\r\n');
  const bytes = encode(text, encoding === 'crlf' ? 'utf-8' : encoding);
  const file = path(orig.path.slice(orig.path.lastIndexOf('.')));
  return {
    path: file,
    bytes,
    truth: {
      ...orig.truth,
      file,
      encoding: encoding === 'crlf' || encoding === 'utf-8-bom' ? 'utf-8' : encoding,
      quirks: [...orig.truth.quirks, 'reencoded-copy'].sort(),
      report: { ...orig.truth.report!, duplicate_of_file: orig.truth.file },
    },
  };
}
