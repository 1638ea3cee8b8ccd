/**
 * File names as bytes. A raw folder may hold names that are not valid UTF-8 (a GBK name from a
 * Windows zip, a stray \xff byte); they must be read all the same and recorded in the manifest
 * in a form that is text and leads back to the same bytes.
 *
 * A path component that is valid UTF-8 and holds no backslash is kept as it is. Otherwise every
 * byte that is not printable ASCII, and every backslash, is written `\xHH` (two upper-case hex
 * digits): a GBK name is not half-decoded into wrong characters, a backslash in an escaped path
 * always starts an escape, and `unescapeName` is exact (a name with a literal "\x41" is escaped
 * too and cannot collide).
 */

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function escapeName(bytes: Uint8Array): string {
  try {
    const s = utf8.decode(bytes);
    if (!s.includes('\\')) return s;
  } catch {
    // falls through: escape byte by byte
  }
  let out = '';
  for (const b of bytes)
    out +=
      b >= 0x20 && b < 0x7f && b !== 0x5c
        ? String.fromCharCode(b)
        : `\\x${b.toString(16).toUpperCase().padStart(2, '0')}`;
  return out;
}

/** The bytes of an escaped name (or path: `/` is kept). */
export function unescapeName(name: string): Buffer {
  const parts: Buffer[] = [];
  let last = 0;
  for (const m of name.matchAll(/\\x([0-9A-F]{2})/g)) {
    parts.push(Buffer.from(name.slice(last, m.index), 'utf8'), Buffer.from([parseInt(m[1]!, 16)]));
    last = m.index + m[0].length;
  }
  parts.push(Buffer.from(name.slice(last), 'utf8'));
  return Buffer.concat(parts);
}
