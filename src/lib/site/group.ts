/**
 * Items grouped by key (or by several keys each), in first-seen order. Appends in place: the
 * site groups 100,000 reports by year, region and kind, where copying arrays would be quadratic.
 */
export function groupBy<T, K>(items: Iterable<T>, keys: (item: T) => K | readonly K[] | null | undefined): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = keys(item);
    if (k === null || k === undefined) continue;
    for (const key of (Array.isArray(k) ? k : [k]) as K[]) {
      const list = out.get(key);
      if (list) list.push(item);
      else out.set(key, [item]);
    }
  }
  return out;
}
