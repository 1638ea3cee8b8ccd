/**
 * Ready-to-run examples for the data page. `url` is where the data directory is served
 * (absolute when the site's address is known). The DuckDB example is run by the tests against
 * the built files.
 */
const DUCKDB_QUERY = (
  from: (t: string) => string,
) => `-- 各省各年度本年新收申请合计，以及有此数字的报告数（空值不计为 0）
SELECT r.province, r.year,
       sum(s.requests_new) AS requests_new,
       count(s.requests_new) AS reports_with_figure,
       count(*) AS reports
FROM ${from('summary')} AS s
JOIN ${from('reports')} AS r USING (report_id)
WHERE r.duplicate_of IS NULL  -- 同一报告的副本只计一次
GROUP BY r.province, r.year
ORDER BY requests_new DESC NULLS LAST, r.province, r.year
LIMIT 20;`;

export type ExampleId = 'duckdb' | 'duckdb-http' | 'python' | 'r';

export function examples(
  url: string,
): Array<{ id: ExampleId; title: string; tested: boolean; note?: string; code: string }> {
  return [
    {
      id: 'duckdb',
      title: 'DuckDB（SQL，先下载再查询）',
      tested: true,
      note: '先下载 summary.parquet 和 reports.parquet（本页上方的链接，或 curl -O），在同一目录打开 duckdb 运行。无需联网。',
      code: `-- curl -O ${url}summary.parquet -O ${url}reports.parquet
${DUCKDB_QUERY((t) => `'${t}.parquet'`)}`,
    },
    {
      id: 'duckdb-http',
      title: 'DuckDB（SQL，直接通过 HTTP 读取 Parquet）',
      tested: true,
      note: '通过 HTTP 读取需要 DuckDB 的 httpfs 扩展：首次使用时 DuckDB 会从互联网自动下载该扩展（约数 MB）；无法联网时请用上面先下载的写法。只读取查询需要的列和行组，不必下载整个文件。',
      code: DUCKDB_QUERY((t) => `'${url}${t}.parquet'`),
    },
    {
      id: 'python',
      title: 'Python（pandas）',
      tested: false,
      code: `import pandas as pd

reports = pd.read_parquet("${url}reports.parquet")
cells = pd.read_parquet("${url}cells.parquet")
# CSV also works; utf-8-sig removes the byte-order mark, region codes stay text
summary = pd.read_csv("${url}summary.csv", encoding="utf-8-sig", dtype={"region_code": str})

granted = cells.query("table_id == 'requests' and row_key == 'granted' and col_key == 'total'")
print(granted.merge(reports, on="report_id")[["agency", "year", "value"]].head())`,
    },
    {
      id: 'r',
      title: 'R',
      tested: false,
      code: `library(readr)
summary <- read_csv("${url}summary.csv", col_types = cols(region_code = "c", duplicate_of = "c", .default = col_guess()))
summary <- subset(summary, is.na(duplicate_of))  # each report once: copies point at their original
reports <- read_csv("${url}reports.csv", col_types = cols(region_code = "c", index_no = "c", .default = col_guess()))
merged <- merge(summary, reports[, c("report_id", "province")], by = "report_id")
aggregate(requests_new ~ province, data = merged, FUN = sum)  # rows with NA are left out`,
    },
  ];
}
