import type { Layout } from '../write/layout.ts';

/**
 * Ready-to-run examples for the data page. `url` is where the data directory is served
 * (absolute when the site's address is known); `layout` says which files hold each table (one,
 * or parts past the part limit), so that every example reads the whole table. The DuckDB
 * examples are run by the tests against the built files.
 */
const DUCKDB_QUERY = (
  from: (t: 'summary' | 'reports') => string,
) => `-- 各省各年度本年新收申请合计，以及有此数字的报告数（空值不计为 0）
SELECT r.province, r.year,
       sum(s.requests_new) AS requests_new,
       count(s.requests_new) AS reports_with_figure,
       count(*) AS reports
FROM ${from('summary')} AS s
JOIN ${from('reports')} AS r USING (report_id)
WHERE r.duplicate_of IS NULL  -- 同一报告的副本只计一次
  AND r.same_agency_year = 0  -- 同一机关同一年度有多份不同报告的，无法确定哪份为准，均不计入；其中注明为更正版的，只计更正版（与本站合计相同）
GROUP BY r.province, r.year
ORDER BY requests_new DESC NULLS LAST, r.province, r.year
LIMIT 20;`;

export type ExampleId = 'duckdb' | 'duckdb-http' | 'duckdb-views' | 'python' | 'r';

const quoted = (s: string) => `'${s}'`;

/** A DuckDB table expression over files (a quoted path for one, a list for parts). */
const duckdbFrom = (files: string[]) =>
  files.length === 1 ? quoted(files[0]!) : `read_parquet([\n  ${files.map(quoted).join(',\n  ')}\n])`;

/** A `curl` command that downloads files keeping their paths (parts as one numbered range). */
export function curl(url: string, files: string[]): string {
  const [first] = files;
  if (files.length === 1) return `curl -O ${url}${first}`;
  // Parts are `t/t-00001.ext` … (ext `csv.gz` too): curl's range globbing keeps the zero padding.
  const m = /^(.+)-(\d{5})\.(\w+(?:\.gz)?)$/.exec(first!)!;
  const last = String(files.length).padStart(5, '0');
  return `curl --create-dirs -o "${m[1]}-#1.${m[3]}" "${url}${m[1]}-[${m[2]}-${last}].${m[3]}"`;
}

/**
 * A shell command that joins a table's `.csv.gz` parts, downloaded with their paths, into one
 * CSV: the first part whole, the others without their first line (BOM and header).
 */
export function joinGzParts(table: string, files: string[]): string {
  const [first, ...rest] = files;
  if (!rest.length) return `gzip -dc ${first} > ${table}.csv`;
  const glob = first!.replace(/-\d{5}\.csv\.gz$/, '-*.csv.gz');
  return `(gzip -dc ${first}; for f in $(ls ${glob} | tail -n +2); do gzip -dc "$f" | tail -n +2; done) > ${table}.csv`;
}

export function examples(
  url: string,
  layout: Pick<Layout, 'tables' | 'sql'>,
): Array<{ id: ExampleId; title: string; tested: boolean; note?: string; code: string }> {
  const parquet = (t: 'summary' | 'reports' | 'cells') => layout.tables[t].parquet;
  const csv = (t: 'summary' | 'reports') => layout.tables[t].csv;
  // A downloaded table in parts is read by a glob over its folder.
  const local = (t: 'summary' | 'reports') => {
    const files = parquet(t);
    return files.length === 1 ? quoted(files[0]!) : quoted(`${t}/${t}-*.parquet`);
  };
  const py = (files: string[], read: (f: string) => string) =>
    files.length === 1
      ? read(`"${url}${files[0]}"`)
      : `pd.concat([${read('u')} for u in [\n    ${files.map((f) => `"${url}${f}"`).join(',\n    ')},\n]], ignore_index=True)`;
  const r = (files: string[]) =>
    files.length === 1 ? `"${url}${files[0]}"` : `c(\n  ${files.map((f) => `"${url}${f}"`).join(',\n  ')}\n)`;
  return [
    {
      id: 'duckdb',
      title: 'DuckDB（SQL，先下载再查询）',
      tested: true,
      note: '先下载 summary 和 reports 两个表的 Parquet 文件（本页上方的链接，或下面的 curl 命令），在同一目录打开 duckdb 运行。无需联网。',
      code: `-- ${curl(url, parquet('summary'))}
-- ${curl(url, parquet('reports'))}
${DUCKDB_QUERY(local)}`,
    },
    {
      id: 'duckdb-http',
      title: 'DuckDB（SQL，直接通过 HTTP 读取 Parquet）',
      tested: true,
      note: '通过 HTTP 读取需要 DuckDB 的 httpfs 扩展：首次使用时 DuckDB 会从互联网自动下载该扩展（约数 MB）；无法联网时请用上面先下载的写法。只读取查询需要的列和行组，不必下载整个文件。',
      code: DUCKDB_QUERY((t) => duckdbFrom(parquet(t).map((f) => `${url}${f}`))),
    },
    {
      id: 'duckdb-views',
      title: `DuckDB（用 ${layout.sql} 建立全部五个表的视图）`,
      tested: true,
      note: `${layout.sql} 为 reports、cells、checks、sections、summary 五个表各建一个视图，读取本站的 Parquet 文件（无论是一个文件还是分成多个部分）。先下载 ${layout.sql}，在 duckdb 中运行下面的命令；已下载全部文件时，在该目录中运行并省略 SET VARIABLE 一行。`,
      code: `-- curl -O ${url}${layout.sql}
SET VARIABLE nianbao_base = '${url}';
.read ${layout.sql}
${DUCKDB_QUERY((t) => t)}`,
    },
    {
      id: 'python',
      title: 'Python（pandas）',
      tested: false,
      code: `import pandas as pd

reports = ${py(parquet('reports'), (f) => `pd.read_parquet(${f})`)}
cells = ${py(parquet('cells'), (f) => `pd.read_parquet(${f})`)}
# CSV also works (pandas decompresses a .csv.gz); utf-8-sig removes the byte-order mark; ids and region codes stay text
summary = ${py(csv('summary'), (f) => `pd.read_csv(${f}, encoding="utf-8-sig", dtype={"report_id": str, "region_code": str, "duplicate_of": str})`)}

granted = cells.query("table_id == 'requests' and row_key == 'granted' and col_key == 'total'")
print(granted.merge(reports, on="report_id")[["agency", "year", "value"]].head())`,
    },
    {
      id: 'r',
      title: 'R',
      tested: false,
      // readr reads a vector of files as one table (each part has its header), and decompresses .gz.
      code: `library(readr)
summary <- read_csv(${r(csv('summary'))}, col_types = cols(report_id = "c", region_code = "c", duplicate_of = "c", .default = col_guess()))
# each report once (copies point at their original); an agency-year with several different reports counts none (or only the one marked as the corrected version), as the site
summary <- subset(summary, is.na(duplicate_of) & same_agency_year == 0)
reports <- read_csv(${r(csv('reports'))}, col_types = cols(report_id = "c", region_code = "c", index_no = "c", duplicate_of = "c", .default = col_guess()))
merged <- merge(summary, reports[, c("report_id", "province")], by = "report_id")
aggregate(requests_new ~ province, data = merged, FUN = sum)  # rows with NA are left out`,
    },
  ];
}
