import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { crc32, createDeflateRaw } from 'node:zlib';

/**
 * gzip files (RFC 1952) whose bytes depend on their content only: the published `.csv.gz`
 * parts (export.ts) must be the same bytes for the same rows, whoever runs the ingest.
 *
 * zlib's own gzip wrapper would write the header itself, and its OS byte is the platform's (3 on
 * Linux, 19 on macOS, 10 on Windows): the same rows would give another file, and another
 * SHA-256, on a Mac. So the member is framed here: a fixed 10-byte header (no file name, MTIME 0,
 * OS 255 "unknown", as Python's gzip writes it), the raw DEFLATE stream of node:zlib at a fixed
 * level, and the trailer (CRC-32 and length of the uncompressed bytes).
 *
 * The DEFLATE bytes are node:zlib's (Chromium's zlib, bundled with Node): the same Node
 * version gives the same bytes for the same input, whatever the read chunks. A Node with
 * another zlib may compress differently (still valid gzip, same content), and so may a CPU
 * without CRC32C instructions: Chromium's zlib hashes the input with them when the CPU has them
 * (SSE4.2 and PCLMUL on x86-64, the CRC extension on ARMv8), and with zlib's own hash otherwise.
 * The project runs the Node version its lockfile pins.
 */

/**
 * Level 4: on a 268 MB part of the cells' CSV at 100,000 reports, 1.2 s and 20.8 MB, against
 * 3.2 s and 20.0 MB at zlib's default 6 (and 0.6 s, 24.1 MB at 1). The exports keep both cores
 * busy, so the gzip's time is the ingest's: 4 % larger files for some 7 s less of an update.
 */
export const GZIP_LEVEL = 4;

/** ID1 ID2, CM 8 (deflate), FLG 0, MTIME 0, XFL 0 (levels 2 to 8), OS 255 (unknown). */
export const GZIP_HEADER: Readonly<Buffer> = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);

/**
 * Bytes read from the file, and written by zlib, at a time: 1 MiB and 256 KiB rather than
 * Node's 64 KiB and 16 KiB (the chunks change nothing in the DEFLATE stream, only how many
 * times its JavaScript runs: at 100,000 reports the cells' CSV is some 850 MB).
 */
const READ_CHUNK = 1 << 20;
const DEFLATE_CHUNK = 1 << 18;

export interface Gzipped {
  /** Size of the gzip file. */
  bytes: number;
  /** SHA-256 of the gzip file (hex). */
  sha256: string;
}

/**
 * Writes `prefix` and then the bytes of the file `from` as one gzip member to `to`. `tap` sees
 * the uncompressed bytes in order (for a hash of the content); returns the size and SHA-256 of
 * the file written.
 */
export async function gzipFile(
  from: string,
  to: string,
  opts: { prefix?: Uint8Array; tap?: (chunk: Buffer) => void } = {},
): Promise<Gzipped> {
  let crc = 0;
  let length = 0;
  async function* input() {
    if (opts.prefix?.length) yield Buffer.from(opts.prefix);
    for await (const chunk of createReadStream(from, { highWaterMark: READ_CHUNK })) yield chunk as Buffer;
  }
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      crc = crc32(chunk, crc);
      length += chunk.length;
      opts.tap?.(chunk);
      done(null, chunk);
    },
  });
  const hash = createHash('sha256');
  let bytes = 0;
  // Header, the DEFLATE stream, trailer; each chunk hashed and counted as it goes out.
  async function* framed(deflated: AsyncIterable<Buffer>) {
    const out = (b: Buffer) => {
      hash.update(b);
      bytes += b.length;
      return b;
    };
    yield out(Buffer.from(GZIP_HEADER));
    for await (const chunk of deflated) yield out(chunk);
    // The input has been read whole once the DEFLATE stream has ended.
    const trailer = Buffer.alloc(8);
    trailer.writeUInt32LE(crc >>> 0, 0);
    trailer.writeUInt32LE(length % 2 ** 32, 4);
    yield out(trailer);
  }
  await pipeline(
    Readable.from(input()),
    count,
    createDeflateRaw({ level: GZIP_LEVEL, chunkSize: DEFLATE_CHUNK }),
    framed,
    createWriteStream(to),
  );
  return { bytes, sha256: hash.digest('hex') };
}
