import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateRawSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { GZIP_HEADER, GZIP_LEVEL, gzipFile } from '../src/lib/write/gzip.ts';

/** The `.csv.gz` files (write/gzip.ts): the same content gives the same bytes, whoever writes them. */

const dir = mkdtempSync(join(tmpdir(), 'nianbao-gzip-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BOM = Buffer.from('\uFEFF');
// About 1.5 MB of CSV, many read chunks (64 KiB each), with Chinese text and varying numbers.
const csv = Buffer.from(
  `report_id,table_id,row_key,col_key,value,raw\n${Array.from(
    { length: 20_000 },
    (_, i) =>
      `${(i * 2654435761).toString(16).padStart(16, '0')},requests,granted,total,${i % 977},"${'予以公开'.repeat(i % 5)}${i}"\n`,
  ).join('')}`,
);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function gz(name: string, content: Buffer, prefix?: Buffer) {
  const from = join(dir, `${name}.csv`);
  const to = join(dir, `${name}.csv.gz`);
  writeFileSync(from, content);
  const seen: Buffer[] = [];
  const result = await gzipFile(from, to, { prefix, tap: (c) => seen.push(Buffer.from(c)) });
  return { result, bytes: readFileSync(to), seen: Buffer.concat(seen) };
}

describe('gzipFile', () => {
  it('writes a fixed header: no name, MTIME 0, XFL 0, OS 255 (never the platform of the writer)', async () => {
    const { bytes } = await gz('header', csv, BOM);
    expect(GZIP_LEVEL).toBe(4);
    expect([...bytes.subarray(0, 10)]).toEqual([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);
    expect(bytes.subarray(0, 10).equals(GZIP_HEADER)).toBe(true);
    // zlib's own wrapper writes the platform's OS byte (3 on Linux, 19 on macOS): not used.
    expect(gzipSync(csv).readUInt32LE(4)).toBe(0);
  });

  it('is the prefix and the file, whole: gunzip gives them back; the trailer has their CRC-32 and length', async () => {
    const { bytes, result, seen } = await gz('whole', csv, BOM);
    const content = Buffer.concat([BOM, csv]);
    expect(gunzipSync(bytes).equals(content)).toBe(true);
    expect(bytes.readUInt32LE(bytes.length - 4)).toBe(content.length);
    // The tap sees the uncompressed bytes, in order.
    expect(seen.equals(content)).toBe(true);
    // The size and SHA-256 returned are those of the file written.
    expect(result).toEqual({ bytes: bytes.length, sha256: sha(bytes) });
    // Far smaller than the CSV.
    expect(bytes.length * 5).toBeLessThan(content.length);
  });

  it('is deterministic: the same content gives the same bytes, the raw DEFLATE of the whole content at GZIP_LEVEL', async () => {
    const a = await gz('a', csv, BOM);
    const b = await gz('b', csv, BOM);
    expect(a.bytes.equals(b.bytes)).toBe(true);
    const content = Buffer.concat([BOM, csv]);
    // Whatever the read chunks: the body is the DEFLATE stream of the content in one piece.
    expect(a.bytes.subarray(10, -8).equals(deflateRawSync(content, { level: GZIP_LEVEL }))).toBe(true);
    // And the same bytes as zlib's gzip apart from the OS byte of the header.
    const zlib = gzipSync(content, { level: GZIP_LEVEL });
    expect(a.bytes.subarray(10).equals(zlib.subarray(10))).toBe(true);
    expect(a.bytes.subarray(0, 9).equals(zlib.subarray(0, 9))).toBe(true);
    // The prefix is content like any other: BOM + file, or the file holding the BOM, are one gzip.
    const inFile = await gz('inline', content);
    expect(inFile.bytes.equals(a.bytes)).toBe(true);
  });

  it('an empty file is a valid gzip of nothing', async () => {
    const { bytes } = await gz('empty', Buffer.alloc(0));
    expect(gunzipSync(bytes).length).toBe(0);
    expect(bytes.subarray(0, 10).equals(GZIP_HEADER)).toBe(true);
  });
});
