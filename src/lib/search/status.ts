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

/**
 * Candidates of 3+ character terms are checked against their text in the background after the
 * first page is shown, when there are at most this many pages in at most this many record
 * groups not fetched yet. A group of 16 records is about 4 times the size a single record was
 * (about 6 KB compressed on the synthetic corpus), so 75 groups cost what 300 single records did.
 */
export const VERIFY_IN_BACKGROUND = 300;
export const VERIFY_GROUPS_IN_BACKGROUND = 75;

/**
 * The check of the candidates not shown: none left (the count is exact), running in the
 * background, not done because there are too many (the count stays an upper bound), or broken
 * off by an error.
 */
export type CheckState = 'none' | 'checking' | 'capped' | 'failed';

/** Whether the candidates not yet checked (`rest`, in `groups` record groups not fetched) are checked in the background. */
export function backgroundCheck(rest: number, groups: number): 'none' | 'checking' | 'capped' {
  if (rest === 0) return 'none';
  return rest > VERIFY_IN_BACKGROUND || groups > VERIFY_GROUPS_IN_BACKGROUND ? 'capped' : 'checking';
}

/** What the count says about the pages not checked: only while the check runs is it said to be running. */
export function checkNote(check: CheckState): string {
  switch (check) {
    case 'checking':
      return '（其余页面正在核对是否含有完整词语，数目可能减少。）';
    case 'capped':
      return '（结果较多，只核对了到本页为止的页面；其余页面含有这些字，未逐一核对是否含有完整词语，实际数目可能更少。）';
    case 'failed':
      return '（核对其余页面时出错，未能完成；实际数目可能更少。）';
    case 'none':
      return '';
  }
}

/** What a search found, for the status line. */
export interface StatusFacts {
  /** How the query was read (queryLabel, with the cut note before it). */
  said: string;
  /** Results after the filters: at most (pages known not to hold the terms left out) … */
  total: number;
  /**
   * … and at least (pages checked and found to hold them; src/lib/search/paging.ts); the count
   * is exact when they are equal. Omitted: equal to total.
   */
  atLeast?: number;
  check: CheckState;
  page: number;
  pages: number;
  /** Numbers of the first and last result on this page. */
  first: number;
  last: number;
  /** Whether sorting by year put pages without a year last. */
  undatedLast: boolean;
  /** Several terms in a reading (the no-result wording). */
  many: boolean;
  /**
   * When nothing passes the chosen filters: the results of the query without them (at most n
   * when not every candidate was checked); null when no filter is chosen or nothing is found
   * without them either.
   */
  excluded: { n: number; atMost: boolean } | null;
  /** Shards not searched yet: the labels of those searched, and how many pages the rest hold. */
  missing: { searched: string[]; pages: number } | null;
  /**
   * Candidates before this page's last result that could not be checked (their records did not
   * load, even on a second try; src/lib/search/paging.ts, failedBefore), and results of this
   * page whose records did not load. Omitted: none.
   */
  failedBefore?: number;
  unloaded?: number;
}

/**
 * Said when records did not load (a network error, after one retry): what is shown is what was
 * checked, and what that leaves uncertain. Empty when everything loaded.
 */
export function loadNote(failedBefore: number, unloaded: number): string {
  const out: string[] = [];
  if (failedBefore > 0)
    out.push(
      `有 ${failedBefore} 个候选页面因网络错误未能载入，无法核对是否含有这些词语，未列出；本页只列出已核对的结果，其序号可能因此偏小。`,
    );
  if (unloaded > 0) out.push(`本页有 ${unloaded} 个结果因网络错误未能载入。`);
  return out.join('');
}

/**
 * Said while the candidates before a page far from the first are checked against their text
 * (src/client/search.ts), so that the page is not blank meanwhile.
 */
export function checkingProgress(page: number, done: number, of: number): string {
  return `正在核对第 ${page} 页及之前的候选页面是否含有完整词语（已核对 ${done}/${of}）…`;
}

/**
 * A filter value and its count among this search's results (the candidates not known not to
 * hold the terms): exact when every candidate is checked, otherwise an upper bound, said so.
 */
export function filterOption(value: string, n: number, exact: boolean): string {
  return exact ? `${value}（${n}）` : `${value}（最多 ${n}）`;
}

/** What is searched (said when nothing is found). */
export const WHAT =
  '搜索范围：报告标题、发布机构、地区、年度等基本信息和报告正文的文字；表格中的数字和栏目名称、核对结果和图表不在搜索范围内。';

/** The status line after a search (the page adds a link to clear the filters when `excluded`). */
export function statusText(f: StatusFacts): string {
  let out: string;
  if (f.total > 0) {
    const atLeast = f.atLeast ?? f.total;
    const exact = atLeast >= f.total;
    const range = f.last >= f.first ? `（第 ${f.first}–${f.last} 个）` : '';
    const where = f.pages > 1 ? (exact ? `，第 ${f.page}/${f.pages} 页` : `，第 ${f.page} 页，最多 ${f.pages} 页`) : '';
    const found = exact ? `${f.total}` : `至少 ${atLeast}、最多 ${f.total}`;
    out =
      `${f.said}找到 ${found} 个页面${where}${f.pages > 1 ? range : ''}。` +
      (exact ? (f.check === 'checking' ? '（筛选中各项的数目正在核对。）' : '') : checkNote(f.check)) +
      (f.undatedLast ? '按年度排序时，机关、地区等没有年度的页面排在报告之后。' : '');
  } else if (f.excluded)
    out = `${f.said}找到${f.excluded.atMost ? '最多' : ''} ${f.excluded.n} 个页面，但都不符合所选的筛选条件。`;
  else if (!f.missing) out = `${f.said}没有找到含有${f.many ? '全部这些词语' : '这些文字'}的页面。${WHAT}`;
  else out = `${f.said}已搜索的部分中没有找到。`;
  if (f.missing)
    out += ` 已搜索：${f.missing.searched.join('、')}；其余 ${f.missing.pages} 个页面中可能还有结果，尚未搜索。`;
  const load = loadNote(f.failedBefore ?? 0, f.unloaded ?? 0);
  if (load) out += ` ${load}`;
  return out;
}
