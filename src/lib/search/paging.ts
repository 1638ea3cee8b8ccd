/**
 * Paging over checked results (src/client/search.ts). The index gives candidates, in the order
 * results are listed; a candidate whose terms were found by their character pairs holds them
 * only if its text says so (checked: true or false; undefined while unchecked). A page of results
 * is taken from the candidates known to hold the terms, in order, so that what a URL shows does
 * not depend on how much has been checked: page k is results (k−1)·per+1 to k·per, each page is
 * full but the last, and no result falls between two pages.
 */

/**
 * A candidate's state: holds the terms (true), does not (false), not checked yet (undefined), or
 * could not be checked — its record would not load, even on a second try ('failed'). A failed
 * candidate is skipped: never shown (it is not known to hold the terms), never checked again for
 * this page, and said to be missing (ResultPage.failedBefore).
 */
export type Checked = boolean | undefined | 'failed';

export interface ResultPage {
  /** The page shown (a page past the last result shows the last page). */
  page: number;
  /** Pages: exact when every candidate is checked, otherwise at most this many. */
  pages: number;
  /** Indices of the candidates shown, in order. */
  shown: number[];
  /** Numbers of the first and last result shown (last < first only when nothing is found). */
  first: number;
  last: number;
  /** Results: at least (checked and found), at most (not known not to hold the terms). */
  atLeast: number;
  atMost: number;
  /**
   * Candidates that could not be checked ('failed') placed before the last result shown (before
   * the end of the list when nothing is shown): each may be a result the numbers of this page
   * leave out, so they are lower bounds unless this is 0.
   */
  failedBefore: number;
}

/**
 * The candidates to check before page `page` can be shown: the unchecked ones among the first,
 * as many as could still fill the page; none when it can be shown (see resultPage).
 */
export function toCheck(checked: ReadonlyArray<Checked>, page: number, per: number): number[] {
  const want = Math.max(1, page) * per;
  let yes = 0;
  const need: number[] = [];
  for (let i = 0; i < checked.length && yes + need.length < want; i++) {
    if (checked[i] === true) yes++;
    else if (checked[i] === undefined) need.push(i);
  }
  return need;
}

/**
 * Page `page` of the results, once toCheck says nothing more is needed for it. Candidates that
 * failed are skipped: the page is taken from the results known, and says how many failed before
 * its last result (failedBefore).
 */
export function resultPage(checked: ReadonlyArray<Checked>, page: number, per: number): ResultPage {
  const found: number[] = [];
  let atMost = 0;
  checked.forEach((c, i) => {
    if (c === true) found.push(i);
    if (c !== false) atMost++;
  });
  const atLeast = found.length;
  let p = Math.max(1, Math.floor(page) || 1);
  // Past the last result: every candidate up to there is checked or failed (toCheck), so the
  // last page of the results known is known.
  if ((p - 1) * per >= atLeast && p > 1) p = Math.max(1, Math.ceil(atLeast / per));
  const shown = found.slice((p - 1) * per, p * per);
  const pages = Math.max(1, p, Math.ceil(atMost / per));
  const first = (p - 1) * per + 1;
  const end = shown.length ? shown.at(-1)! : checked.length;
  let failedBefore = 0;
  for (let i = 0; i < end; i++) if (checked[i] === 'failed') failedBefore++;
  return { page: p, pages, shown, first, last: first + shown.length - 1, atLeast, atMost, failedBefore };
}
