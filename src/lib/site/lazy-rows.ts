/**
 * One block of reports' rows of a table (load.ts), each report's rows kept as the JSON text
 * DuckDB made of them and parsed only when a page asks for them. A block is 256 reports: an
 * incremental build renders a few reports here and there (the new ones, their agencies' other
 * reports), and each of them brings in its whole block, so parsing every report of a block made
 * the routine update parse nearly every row of the corpus (10,000 reports: 3.4 s of the Astro
 * process's 20 s of CPU in JSON.parse, for 260 report pages rendered).
 */
export class LazyRows<T> {
  private readonly texts = new Map<string, string>();
  private readonly parsed = new Map<string, T[]>();

  /** `ids[i]`'s rows as the JSON array `texts[i]`. */
  constructor(ids: readonly string[], texts: readonly string[]) {
    for (let i = 0; i < ids.length; i++) this.texts.set(ids[i]!, texts[i]!);
  }

  /**
   * From a query's columns (`report_id`, the rows' JSON text), as DuckDB's `getColumnsJS` gives
   * them: no columns at all when no report has a row (a routine update whose changed reports have
   * no tables: a fresh tester's t42 crashed the build here).
   */
  static fromColumns<T>(columns: readonly unknown[][]): LazyRows<T> {
    const [ids = [], texts = []] = columns as [string[]?, string[]?];
    return new LazyRows<T>(ids, texts);
  }

  /** The report's rows (parsed once), or an empty list when it has none. */
  get(id: string): T[] {
    let rows = this.parsed.get(id);
    if (rows) return rows;
    const text = this.texts.get(id);
    if (text === undefined) return [];
    rows = JSON.parse(text) as T[];
    this.parsed.set(id, rows);
    this.texts.delete(id);
    return rows;
  }
}
