import iconv from 'iconv-lite';

/** Text → bytes in the encodings real files come in (GB18030 through iconv-lite). */
export function encode(text: string, encoding: string): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);
    case 'gb18030':
      return new Uint8Array(iconv.encode(text, 'gb18030'));
    case 'utf-16le':
      return new Uint8Array([0xff, 0xfe, ...iconv.encode(text, 'utf-16le')]);
    case 'big5':
      return new Uint8Array(iconv.encode(text, 'big5'));
    case 'utf-16be':
      return new Uint8Array(iconv.encode(text, 'utf-16be'));
    default:
      throw new Error(`unknown encoding ${encoding}`);
  }
}
