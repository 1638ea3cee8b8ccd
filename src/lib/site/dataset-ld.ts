import type { DataPackageJson } from '../write/layout.ts';
import { paths } from '../write/layout.ts';

/**
 * The data page's description of the datasets for search engines: a schema.org `Dataset` as
 * JSON-LD (what Google Dataset Search and others read), made from datapackage.json, so that it
 * names the same files, licence and date as the data package itself. Pure: the page passes the
 * package, the years the reports cover and the data folder's address.
 *
 * Addresses: absolute when the site's address is known (SITE_URL; search engines want absolute
 * ones), else relative to the data page (valid JSON-LD, resolved against the page).
 */

export const SITE_NAME = '年报开放数据';
export const LICENSE_URL = 'https://creativecommons.org/licenses/by/4.0/';

/** A table in hundreds of parts names its first ones: the description stays small (as the data page's list). */
export const PARTS_DESCRIBED = 20;

export interface DatasetLdInput {
  pkg: DataPackageJson;
  /** The data folder's address, ending in `/` (absolute, or relative to the data page: `./`). */
  dataUrl: string;
  /** The data page's own address (absolute), when known. */
  pageUrl: string | null;
  /** Report years covered, lowest and highest; null when no report has a year. */
  years: [number, number] | null;
}

const ENCODING: Record<string, string> = {
  csv: 'text/csv',
  parquet: 'application/vnd.apache.parquet',
  json: 'application/json',
  jsonl: 'application/jsonl',
  sql: 'application/sql',
};

export function datasetLd({ pkg, dataUrl, pageUrl, years }: DatasetLdInput): Record<string, unknown> {
  const distribution = pkg.resources.flatMap((r) =>
    paths(r.path)
      .slice(0, PARTS_DESCRIBED)
      .map((p) => ({
        '@type': 'DataDownload',
        name: p,
        contentUrl: `${dataUrl}${p}`,
        encodingFormat: p.endsWith('.gz')
          ? 'application/gzip'
          : (ENCODING[r.format ?? ''] ?? 'application/octet-stream'),
        ...(r.title ? { description: r.title } : {}),
        // Not the DuckDB file's: its bytes differ from one ingest of the same input to the next,
        // and the page would change with them (README, `/data/`; a fresh tester's t44).
        ...(r.bytes !== undefined && r.format !== 'duckdb' ? { contentSize: `${r.bytes} B` } : {}),
      })),
  );
  return {
    '@context': 'https://schema.org/',
    '@type': 'Dataset',
    name: `${SITE_NAME}：政府信息公开工作年度报告表格数据`,
    description:
      '各行政机关公开发布的《政府信息公开工作年度报告》中的表格（收到和处理政府信息公开申请情况、主动公开政府信息情况、行政复议和行政诉讼情况等），逐格录入为数据。空白或无法确定的数值为空值（NULL），从不记为 0；每个数字都可追溯到原文所在行。',
    inLanguage: 'zh-CN',
    keywords: ['政府信息公开', '政府信息公开工作年度报告', '依申请公开', '行政复议', '开放数据'],
    license: LICENSE_URL,
    isAccessibleForFree: true,
    creator: { '@type': 'Organization', name: SITE_NAME },
    dateModified: pkg.created,
    ...(pageUrl ? { url: pageUrl } : {}),
    ...(years ? { temporalCoverage: years[0] === years[1] ? `${years[0]}` : `${years[0]}/${years[1]}` } : {}),
    spatialCoverage: { '@type': 'Place', name: '中华人民共和国' },
    distribution,
  };
}

/**
 * JSON for a `<script type="application/ld+json">` element: `<` escaped, so that no string in
 * it (a file name, a description) can close the element.
 */
export const ldJson = (x: unknown): string => JSON.stringify(x).replace(/</g, '\\u003c');
