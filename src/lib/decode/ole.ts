import BufferReader from 'word-extractor/lib/buffer-reader.js';
import OleCompoundDoc from 'word-extractor/lib/ole-compound-doc.js';

/**
 * What an OLE2 compound file (D0 CF 11 E0) holds, read from its directory with word-extractor's
 * own OLE reader. The same container holds a Word 97–2003 document (a WordDocument stream), an
 * Office 2007+ file protected with a password (EncryptionInfo + EncryptedPackage streams: a
 * .docx that was encrypted), an Excel or PowerPoint 97 file, a WPS file… Only the first is read;
 * a file is called encrypted only when it says so: the OOXML encryption streams, or the Word
 * file's own flags (FIB fEncrypted, or fObfuscated: XOR obfuscation, also needs the password).
 */

export type OleContent =
  | { kind: 'word' }
  | { kind: 'word-encrypted' }
  | { kind: 'ooxml-encrypted' }
  | { kind: 'other'; streams: string[] }
  | { kind: 'broken'; message: string };

const F_ENCRYPTED = 0x0100;
const F_OBFUSCATED = 0x8000;
const WORD_MAGIC = 0xa5ec;

export async function oleContent(bytes: Uint8Array): Promise<OleContent> {
  const reader = new BufferReader(Buffer.from(bytes));
  await reader.open();
  try {
    const doc = new OleCompoundDoc(reader);
    await doc.read();
    const streams = Object.keys(doc._rootStorage._dirEntry.streams ?? {});
    if (streams.includes('EncryptionInfo') || streams.includes('EncryptedPackage')) return { kind: 'ooxml-encrypted' };
    if (!streams.includes('WordDocument')) return { kind: 'other', streams };
    const fib = await streamHead(doc.stream('WordDocument'), 0x20);
    if (fib.length < 0x0c || fib.readUInt16LE(0) !== WORD_MAGIC) return { kind: 'other', streams };
    const flags = fib.readUInt16LE(0x0a);
    return flags & (F_ENCRYPTED | F_OBFUSCATED) ? { kind: 'word-encrypted' } : { kind: 'word' };
  } catch (e) {
    return { kind: 'broken', message: (e as Error)?.message ?? String(e) };
  } finally {
    await reader.close();
  }
}

/** The first `n` bytes of an OLE stream (a Readable). */
function streamHead(stream: NodeJS.ReadableStream, n: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    let got = 0;
    stream.on('data', (b: Buffer) => {
      parts.push(b);
      got += b.length;
      if (got >= n) {
        stream.removeAllListeners('data');
        resolve(Buffer.concat(parts).subarray(0, n));
      }
    });
    stream.on('end', () => resolve(Buffer.concat(parts)));
    stream.on('error', reject);
  });
}
