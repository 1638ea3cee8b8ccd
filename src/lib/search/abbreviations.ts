/**
 * Common short forms of agency names (简称) and the full words used in report titles. Suggested
 * when a query finds nothing; kept as data so that it can grow without code changes.
 */
export const ABBREVIATIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['卫健委', ['卫生健康委员会', '卫生健康局']],
  ['卫健局', ['卫生健康局']],
  ['发改委', ['发展和改革委员会', '发展改革委员会']],
  ['发改局', ['发展和改革局', '发展改革局']],
  ['市监局', ['市场监督管理局']],
  ['市场监管局', ['市场监督管理局']],
  ['人社局', ['人力资源和社会保障局']],
  ['人社厅', ['人力资源和社会保障厅']],
  ['住建局', ['住房和城乡建设局']],
  ['住建委', ['住房和城乡建设委员会']],
  ['住建厅', ['住房和城乡建设厅']],
  ['自然资源局', ['自然资源和规划局', '自然资源局']],
  ['规划局', ['自然资源和规划局', '规划局']],
  ['生态环境局', ['生态环境局', '环境保护局']],
  ['环保局', ['环境保护局', '生态环境局']],
  ['交通局', ['交通运输局']],
  ['交委', ['交通运输委员会']],
  ['农业局', ['农业农村局']],
  ['农委', ['农业农村委员会']],
  ['文旅局', ['文化和旅游局', '文化广电和旅游局', '文化广电旅游局']],
  ['教育局', ['教育局', '教育体育局']],
  ['教体局', ['教育体育局', '教育和体育局']],
  ['应急局', ['应急管理局']],
  ['医保局', ['医疗保障局']],
  ['退役军人局', ['退役军人事务局']],
  ['行政审批局', ['行政审批服务局', '行政审批局']],
  ['审批局', ['行政审批局', '行政审批服务局']],
  ['统计局', ['统计局']],
  ['公安局', ['公安局']],
  ['司法局', ['司法局']],
  ['民政局', ['民政局']],
  ['财政局', ['财政局']],
  ['水务局', ['水务局', '水利局']],
  ['城管局', ['城市管理局', '城市管理综合行政执法局']],
  ['政府办', ['人民政府办公室']],
  ['区政府', ['区人民政府']],
  ['县政府', ['县人民政府']],
  ['市政府', ['市人民政府']],
  ['国资委', ['国有资产监督管理委员会']],
  ['侨办', ['侨务办公室']],
  ['信访局', ['信访局']],
  ['数据局', ['大数据管理局', '数据资源管理局']],
];

/** Full forms suggested for a term (exact short form, or a term that contains one). */
export function expansions(term: string): string[] {
  const out: string[] = [];
  for (const [short, full] of ABBREVIATIONS) {
    if (!term.includes(short)) continue;
    for (const f of full) {
      const s = term.replace(short, f);
      if (s !== term && !out.includes(s)) out.push(s);
    }
  }
  return out;
}
