/**
 * One copy of each repeated short string. Rows and diagnostics from worker threads arrive as
 * copies, every string its own (`utf-8`, `complete`, `W_SECTION_MISSING`, a province's name,
 * the file's path in each of its diagnostics); the main thread keeps them for every file until
 * the end of the run (run.ts Collector), so at 100,000 files the copies were a good part of its
 * heap. Bounded: past `max` distinct values, new ones are kept as they are.
 */
export class Interner {
  private readonly seen = new Map<string, string>();
  constructor(private readonly max = 200_000) {}

  /** The one copy of `v`. */
  string(v: string): string {
    const known = this.seen.get(v);
    if (known !== undefined) return known;
    if (this.seen.size < this.max) this.seen.set(v, v);
    return v;
  }

  /** `o` with each of its string fields up to `maxLength` characters replaced by its one copy (in place). */
  fields<T extends object>(o: T, maxLength = 32): T {
    const rec = o as Record<string, unknown>;
    for (const k of Object.keys(rec)) {
      const v = rec[k];
      if (typeof v === 'string' && v.length <= maxLength) rec[k] = this.string(v);
    }
    return o;
  }
}
