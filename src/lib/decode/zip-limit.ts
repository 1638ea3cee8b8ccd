import { inflateRawSync } from 'node:zlib';
import type JSZip from 'jszip';

/**
 * How much a zip package (.docx) may hold once inflated. The 20 MiB cap on input files counts
 * raw bytes; DEFLATE compresses a run of one byte about a thousandfold, so a 400 KB file could
 * hold a 400 MB document.xml (a tester's "zip bomb" took 45 s and 2.35 GB before it was turned
 * away). A report's parts, images included, inflate to a few MiB; 64 MiB is far above any.
 */
export const MAX_INFLATED_BYTES = 64 * 1024 * 1024;

/** What JSZip keeps of an entry read from a file (not in its types). */
interface Stored {
  compressedSize: number;
  uncompressedSize: number;
  compression: { magic: string };
  compressedContent: Uint8Array;
}

/**
 * Whether the package's entries, inflated, stay within `cap` bytes in all, and are the sizes
 * they declare: 'ok', 'too-large' or 'broken'. The sizes the central directory declares are
 * checked first (a declared bomb is turned away without inflating anything) but not trusted:
 * each DEFLATE entry is then inflated by zlib with its output capped at what is left of `cap`
 * (zlib stops there, the memory held is at most the cap). An entry whose size is not the one it
 * declares is a broken package: JSZip (and mammoth through it) would throw on it uncaught.
 */
export function inflatedSize(zip: JSZip, cap = MAX_INFLATED_BYTES): 'ok' | 'too-large' | 'broken' {
  const entries = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => (f as unknown as { _data?: Stored })._data);
  let declared = 0;
  for (const d of entries) {
    declared += d?.uncompressedSize ?? 0;
    if (declared > cap) return 'too-large';
  }
  let total = 0;
  for (const d of entries) {
    // An entry added in memory, not read from a file: nothing to inflate.
    if (!d?.compressedContent) continue;
    let size: number;
    if (d.compression.magic === '\x00\x00') size = d.compressedContent.length;
    else if (d.compression.magic === '\x08\x00') {
      try {
        size = inflateRawSync(d.compressedContent, { maxOutputLength: Math.max(1, cap - total + 1) }).length;
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return 'too-large';
        return 'broken';
      }
    } else return 'broken';
    total += size;
    if (total > cap) return 'too-large';
    if (size !== d.uncompressedSize) return 'broken';
  }
  return 'ok';
}
