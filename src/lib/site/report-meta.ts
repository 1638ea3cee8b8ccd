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

/**
 * How to cite a report (引用): the original first — its agency, title, year and publication
 * date, and its address when the file states one — then this site's page of it. `page` is the
 * page's address: absolute when the site's address is known (SITE_URL), else its path. No date
 * of the data: a page stays the same while its report does (the incremental build's keys).
 * Plain text, for copying; fields the report does not have are left out, never guessed.
 */
export function citation(
  r: Pick<ReportRow, 'agency' | 'title' | 'year' | 'published_on' | 'source_url' | 'report_id'>,
  page: string,
): string {
  const original = [
    r.agency,
    // A title the file does not state is not made up: its year then, as a description.
    r.title
      ? `《${r.title}》${r.year && !r.title.includes(String(r.year)) ? `（${r.year}年度）` : ''}`
      : r.year
        ? `${r.year}年度报告`
        : null,
    r.published_on ? `${r.published_on}发布` : null,
    originalLink(r.source_url)?.href ?? null,
  ].filter((x): x is string => !!x);
  const here = `年报开放数据整理，${page}（报告编号 ${r.report_id}）`;
  return original.length ? `${original.join('，')}。${here}。` : `${here}。`;
}
