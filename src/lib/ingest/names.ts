/**
 * File names as bytes. A raw folder may hold names that are not valid UTF-8 (a GBK name from a
 * Windows zip, a stray \xff byte); they must be read all the same and recorded in the manifest
 * in a form that is text and leads back to the same bytes.
 *
 * A path component that is valid UTF-8 and holds no backslash is kept as it is. Otherwise every
 * byte that is not part of a valid UTF-8 character, and every backslash, is written `\xHH`
 * (two upper-case hex digits). So a backslash in an escaped path always starts an escape and
 * `unescapeName` is exact; a name with a literal "\x41" is escaped too and cannot collide.
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
  let i = 0;
  while (i < bytes.length) {
    const n = utf8Length(bytes, i);
    if (n === 0 || (n === 1 && bytes[i] === 0x5c)) {
      out += `\\x${bytes[i]!.toString(16).toUpperCase().padStart(2, '0')}`;
      i++;
    } else {
      out += utf8.decode(bytes.subarray(i, i + n));
      i += n;
    }
  }
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

/** Length of the valid UTF-8 character at `i`, or 0 when the byte there does not start one. */
function utf8Length(b: Uint8Array, i: number): number {
  const c = b[i]!;
  const n = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0;
  if (n <= 1 || i + n > b.length) return n <= 1 ? n : 0;
  try {
    utf8.decode(b.subarray(i, i + n));
    return n;
  } catch {
    return 0;
  }
}
