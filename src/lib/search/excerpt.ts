/**
 * Excerpts of a result: one window of text around the first match of each term, from the
 * report's own text (after 报告正文) when the term occurs there, never reaching back into the
 * metadata block before it; one ellipsis wherever text is left out.
 */

/** Plain text, or a matched term to mark. */
export type Piece = string | { mark: string };

/**
 * `shown` is the text as displayed, `search` the same text in the compared form (lower-cased,
 * folded) with the same positions; each term is a list of readings (src/lib/search/script.ts).
 */
export function excerptPieces(shown: string, search: string, terms: string[][], width = 30): Piece[] {
  const marker = search.indexOf('报告正文');
  const body = marker >= 0 ? marker + '报告正文'.length : -1;
  const spans: Array<[number, number]> = [];
  for (const readings of terms) {
    const first = (from: number) =>
      readings
        .map((r) => [search.indexOf(r, from), r.length] as const)
        .filter(([at]) => at >= 0)
        .sort((a, b) => a[0] - b[0])[0];
    const m = (body >= 0 ? first(body) : undefined) ?? first(0);
    if (m) spans.push([m[0], m[0] + m[1]]);
  }
  if (!spans.length) return [shown.length > width * 2 ? `${shown.slice(0, width * 2)}…` : shown];
  spans.sort((a, b) => a[0] - b[0]);
  // A window of text around each term's first match; windows that meet are one.
  const windows: Array<[number, number]> = [];
  for (const [a, b] of spans) {
    // A window in the report's text does not start in the metadata block before it.
    const floor = body >= 0 && a >= body ? body : 0;
    const from = Math.max(a - width, floor);
    const to = Math.min(b + width, shown.length);
    const prev = windows.at(-1);
    if (prev && from <= prev[1]) prev[1] = Math.max(prev[1], to);
    else windows.push([from, to]);
  }
  const out: Piece[] = [];
  let last = -1;
  for (const [start, end] of windows) {
    const from = Math.max(start, last);
    // Every match of every term inside the window is marked (a term's first match may fall in
    // another term's window); overlapping matches are one mark, and a mark is never cut.
    const marks: Array<[number, number]> = [];
    for (const r of new Set(terms.flat()))
      if (r)
        for (let at = search.indexOf(r, from); at >= 0 && at < end; at = search.indexOf(r, at + r.length))
          marks.push([at, at + r.length]);
    marks.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
    const merged: Array<[number, number]> = [];
    for (const m of marks) {
      const prev = merged.at(-1);
      if (prev && m[0] <= prev[1]) prev[1] = Math.max(prev[1], m[1]);
      else merged.push([...m]);
    }
    const to = Math.max(end, merged.at(-1)?.[1] ?? end);
    const gap = from > 0 && from !== last;
    let at = from;
    merged.forEach(([a, b], i) => {
      const before = shown.slice(at, a);
      out.push(i === 0 ? `${last >= 0 && gap ? ' ' : ''}${gap ? '…' : ''}${before.replace(/^[.\s]+/, '')}` : before);
      out.push({ mark: shown.slice(a, b) });
      at = b;
    });
    if (!merged.length) out.push(`${last >= 0 && gap ? ' ' : ''}${gap ? '…' : ''}${shown.slice(from, to)}`);
    else out.push(shown.slice(at, to));
    last = to;
  }
  if (last < shown.length) out.push('…');
  return out.filter((p) => typeof p !== 'string' || p !== '');
}

/** Pinyin keys to look up among place names: each Latin term, and all of them joined (`bao ding`). */
export function pinyinKeys(terms: string[]): string[] {
  const latin = terms.map((t) => t.replace(/ /g, '')).filter((t) => /^[a-z]{2,}$/.test(t));
  return [...new Set(latin.length > 1 ? [latin.join(''), ...latin] : latin)];
}

/**
 * The forms in which the terms occur in a text, as published (`shown`), found in its compared
 * form (`search`, same positions): a page in traditional script shows 依申請公開 where the
 * simplified query 依申请公开 matched, and its highlight must look for that form.
 */
export function matchedForms(shown: string, search: string, terms: string[][], max = 8): string[] {
  const out = new Set<string>();
  for (const r of terms.flat()) {
    if (!r) continue;
    for (let at = search.indexOf(r); at >= 0 && out.size < max; at = search.indexOf(r, at + r.length))
      out.add(shown.slice(at, at + r.length));
  }
  return [...out];
}
