import type { ReportRow } from '../schema/datasets.ts';

/**
 * The report page's metadata lines that need more than a field: the original address (原网址)
 * as a safe outbound link, where the publication date came from, and whether the report is a
 * copy of another one.
 */

export interface OutLink {
  href: string;
  text: string;
}

/** An http(s) link to the original page; anything else (javascript:, data:, relative) is no link. */
export function originalLink(url: string | null): OutLink | null {
  if (!url) return null;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const text = u.href.length > 100 ? `${u.href.slice(0, 97)}…` : u.href;
  return { href: u.href, text };
}

export const DATE_BASIS_LABEL: Record<NonNullable<ReportRow['published_on_basis']>, string> = {
  label: '页面标注的日期',
  signature: '据报告末尾落款日期',
};

export function publishedView(r: Pick<ReportRow, 'published_on' | 'published_on_basis'>): string {
  if (!r.published_on) return '原文未写明';
  return r.published_on_basis ? `${r.published_on}（${DATE_BASIS_LABEL[r.published_on_basis]}）` : r.published_on;
}

/**
 * The source view's page marks: for each line, the PDF page that starts at it (a mark before
 * the first line of each page), or null (no page change, or not a PDF).
 */
export function pageMarks(pages: ReadonlyArray<number | null>): Array<number | null> {
  return pages.map((p, i) => (p !== null && p !== (i > 0 ? pages[i - 1] : null) ? p : null));
}
