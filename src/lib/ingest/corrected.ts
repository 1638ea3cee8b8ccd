import type { ReportRow } from '../schema/datasets.ts';

/**
 * Words with which an agency marks a report as the corrected version of one it published before:
 * 更正 (correction: 更正版, （更正）, 关于…年度报告的更正), 勘误 (erratum), 修订版/修正版/修订稿
 * (revised edition; traditional 修訂版). 修订 alone is not one: 本年修订件数 is a column of 二.
 */
const CORRECTION = /更正|勘误|勘誤|修[订訂正]版|修[订訂]稿/;
/**
 * The same words saying the report is not (yet) corrected, or is the one corrected: 更正前 /
 * 更正之前 (before correction), 待更正 / 拟更正 (to be corrected), 未更正 / 未经更正 / 未修订版 (not
 * corrected), 已被更正, 有误 (wrong), 撤回 (withdrawn), 原报告 / 原版 / 旧版 (the original), 作废 /
 * 失效 (void): fresh testers' t71 and t72, the original named `…_更正前.txt` or re-captioned
 * （此版本有误，已更正） taken for the correction.
 */
const NOT_CORRECTED =
  /(?:未经?|待|拟|需|被|已被)(?:更正|修[订訂正]|勘误)|(?:更正|修[订訂正]|勘误)(?:之?前|以前)|有误|撤回|原报告|原版|旧版|作废|失效/;
const marks = (s: string) => CORRECTION.test(s) && !NOT_CORRECTED.test(s);

/**
 * Whether a report says it is a corrected version: its title, or its file's name (the last part
 * of `source_file`, where crawlers keep the page's link text), carries a correction word.
 */
export function correctionMarked(r: Pick<ReportRow, 'title' | 'source_file'>): boolean {
  return marks(r.title ?? '') || marks(r.source_file.slice(r.source_file.lastIndexOf('/') + 1));
}
