import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Lines appended to a file through a buffer of about 4 MB (many small writes would dominate a
 * search index's records). `write` returns the byte offset at which its line starts in the file,
 * for an index into it (site-records.ts).
 */
export class LineWriter {
  private readonly fd: number;
  private buffer: Array<string | Buffer> = [];
  private buffered = 0;
  private written = 0;
  private closed = false;

  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  /**
   * Appends `line` (text, or its UTF-8 bytes, which are copied) and a newline; returns the byte
   * offset of the line's start.
   */
  write(line: string | Uint8Array): number {
    const at = this.written;
    const bytes = (typeof line === 'string' ? Buffer.byteLength(line) : line.length) + 1;
    this.written += bytes;
    this.buffer.push(typeof line === 'string' ? line : Buffer.from(line), '\n');
    this.buffered += bytes;
    if (this.buffered > 1 << 22) this.flush();
    return at;
  }

  private flush(): void {
    if (this.buffer.every((p) => typeof p === 'string')) {
      if (this.buffer.length) writeSync(this.fd, this.buffer.join(''));
    } else writeSync(this.fd, Buffer.concat(this.buffer.map((p) => (typeof p === 'string' ? Buffer.from(p) : p))));
    this.buffer = [];
    this.buffered = 0;
  }

  /** Writes what is buffered and closes the file; a second call does nothing. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.flush();
    closeSync(this.fd);
  }
}
