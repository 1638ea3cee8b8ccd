// word-extractor ships no types; only what word.ts and doc-text.ts use is declared.
declare module 'word-extractor' {
  interface Document {
    getBody(): string;
  }
  export default class WordExtractor {
    extract(source: string | Buffer): Promise<Document>;
  }
}

// Its reader for Word 97–2003 files, subclassed by doc-text.ts (the version is pinned).
declare module 'word-extractor/lib/word-ole-extractor.js' {
  export interface Piece {
    text: string;
    startFilePos: number;
    size: number;
    bpc: number;
  }
  interface Document {
    getBody(): string;
  }
  export default class WordOleExtractor {
    protected _pieces: Piece[];
    extract(reader: unknown): Promise<Document>;
    buildDocument(): Document;
    writeCharacterProperties(buffer: Buffer, table: Buffer): void;
    writeParagraphProperties(buffer: Buffer, table: Buffer): void;
  }
}

declare module 'word-extractor/lib/buffer-reader.js' {
  export default class BufferReader {
    constructor(buffer: Buffer);
    open(): Promise<void>;
    close(): Promise<void>;
  }
}

// Its OLE2 container reader, for telling a Word file from an encrypted or other Office file (ole.ts).
declare module 'word-extractor/lib/ole-compound-doc.js' {
  export default class OleCompoundDoc {
    constructor(reader: unknown);
    read(): Promise<OleCompoundDoc>;
    _rootStorage: { _dirEntry: { streams?: Record<string, unknown> } };
    stream(name: string): NodeJS.ReadableStream;
  }
}
