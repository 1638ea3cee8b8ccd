import { closeSync, openSync, rmSync, writeSync } from 'node:fs';

/**
 * A JSON document `{ ...head, [key]: [items…], ...tail }` written item by item, never built as
 * one string: the bytes are exactly those of `JSON.stringify(doc, null, indent)` and a newline.
 * When the document would pass `limit` bytes it is abandoned (the file removed) and `finish`
 * returns false: manifest.json and reports/index.json keep their array inline only while they
 * are small; their entries are always in JSON Lines parts too (see parts.ts).
 */
export class InlineArrayDoc {
  private fd: number | null;
  private buf = '';
  private bytes = 0;
  private items = 0;
  private readonly pad: string;

  constructor(
    private readonly path: string,
    head: Record<string, unknown>,
    private readonly key: string,
    private readonly indent: number,
    private readonly limit = Infinity,
  ) {
    this.pad = ' '.repeat(indent);
    this.fd = openSync(path, 'w');
    const keys = defined(head);
    this.put('{');
    for (const [i, k] of keys.entries()) this.field(i, k, head[k]);
    this.put(`${keys.length ? ',' : ''}\n${this.pad}${JSON.stringify(key)}: [`);
  }

  /** Whether the document is still being written (not abandoned). */
  get open(): boolean {
    return this.fd !== null;
  }

  add(item: unknown): void {
    if (this.fd === null) return;
    this.put(`${this.items++ ? ',' : ''}\n${this.pad}${this.pad}${this.nest(item, 2)}`);
  }

  /** Writes the rest; false (and no file) when the document was abandoned for its size. */
  finish(tail: Record<string, unknown>): boolean {
    if (this.fd === null) return false;
    this.put(this.items ? `\n${this.pad}]` : ']');
    for (const k of defined(tail)) this.field(1, k, tail[k]);
    this.put('\n}\n');
    if (this.fd === null) return false;
    writeSync(this.fd, this.buf);
    closeSync(this.fd);
    this.fd = null;
    return true;
  }

  /** Stops writing and removes the file. */
  abandon(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
    this.buf = '';
    rmSync(this.path, { force: true });
  }

  private field(i: number, k: string, v: unknown): void {
    this.put(`${i ? ',' : ''}\n${this.pad}${JSON.stringify(k)}: ${this.nest(v, 1)}`);
  }

  /** `JSON.stringify(v, null, indent)` as it reads `depth` levels down. */
  private nest(v: unknown, depth: number): string {
    return (JSON.stringify(v, null, this.indent) ?? 'null').replace(/\n/g, `\n${this.pad.repeat(depth)}`);
  }

  private put(s: string): void {
    if (this.fd === null) return;
    this.bytes += Buffer.byteLength(s);
    if (this.bytes > this.limit) return this.abandon();
    this.buf += s;
    if (this.buf.length > 1 << 20) {
      writeSync(this.fd, this.buf);
      this.buf = '';
    }
  }
}

const defined = (o: Record<string, unknown>) => Object.keys(o).filter((k) => o[k] !== undefined);

/** A whole (small) document: `JSON.stringify(doc, null, indent)` and a newline, without the array key. */
export function writeJsonDoc(path: string, doc: Record<string, unknown>, indent: number): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `${JSON.stringify(doc, null, indent)}\n`);
  } finally {
    closeSync(fd);
  }
}
