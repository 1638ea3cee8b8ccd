/**
 * The line under a search result's title (src/client/search.ts), from the page's record: where,
 * which report, and what the report page says about other reports of it — its copies (no results
 * of their own), and other, different reports of its agency and year (results of their own,
 * with the same title: the file and the count tell them apart). Metadata from the report page
 * (src/lib/site/report-page.ts, searchMeta).
 */
export function resultDetails(kind: string, place: string, meta: Readonly<Record<string, string>>): string {
  const copies = Number(meta.copies) || 0;
  const conflicts = Number(meta.conflicts) || 0;
  return [
    kind === '报告' ? place || '地区未确定' : kind,
    kind === '报告' && meta.agency ? meta.title : '',
    copies > 0 ? `另有 ${copies} 份副本` : '',
    conflicts > 0 && meta.file ? `文件 ${meta.file}` : '',
    conflicts > 0 ? `同年另有 ${conflicts} 份不同报告` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}
