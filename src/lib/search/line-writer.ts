import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * Lines appended to a file through a buffer of about 4 MB (many small writes would dominate a
 * search index's records). `write` returns the byte offset at which its line starts in the file,
 * for an index into it (site-records.ts).
 */
export class LineWriter {
  private readonly fd: number;
  private buffer: string[] = [];
  private buffered = 0;
  private written = 0;
  private closed = false;

  constructor(file: string) {
    this.fd = openSync(file, 'w');
  }

  /** Appends `line` and a newline; returns the byte offset of the line's start. */
  write(line: string): number {
    const at = this.written;
    const bytes = Buffer.byteLength(line) + 1;
    this.written += bytes;
    this.buffer.push(line, '\n');
    this.buffered += bytes;
    if (this.buffered > 1 << 22) this.flush();
    return at;
  }

  private flush(): void {
    if (this.buffer.length) writeSync(this.fd, this.buffer.join(''));
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
