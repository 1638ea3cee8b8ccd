/**
 * The search page's status line (src/client/search.ts), as pure functions of what a search
 * found, so that each wording is tested without a browser.
 */

/**
 * How the query was read: each reading's terms, a term in its script readings (“资讯公开”或“信息公开”),
 * and, when there are two readings, the second introduced as such.
 */
export function queryLabel(alternatives: ReadonlyArray<string[][]>, folded: boolean, original: string): string {
  if (!alternatives.length) return '';
  const terms = (a: string[][]) => a.map((r) => `“${r.join('”或“')}”`).join('');
  const [first, ...rest] = alternatives;
  const said = [terms(first!), ...rest.map((a) => `或同时含有${terms(a)}`)].join('，');
  return `${said}${folded ? `（由“${original}”转为简体）` : ''}：`;
}

/** Said when a long query was cut (src/lib/search/query.ts, MAX_QUERY_CHARS). */
export function cutNote(chars: number, max: number): string {
  return `查询共 ${chars} 个字，太长，只按前 ${max} 个字搜索。`;
}
