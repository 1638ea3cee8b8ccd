import type { ReportRow } from '../schema/datasets.ts';

/**
 * Words with which an agency marks a report as the corrected version of one it published before:
 * 更正 (correction: 更正版, （更正）, 关于…年度报告的更正), 勘误 (erratum), 修订版/修正版/修订稿
 * (revised edition; traditional 修訂版). 修订 alone is not one: 本年修订件数 is a column of 二.
 */
const CORRECTION = /更正|勘误|勘誤|修[订訂正]版|修[订訂]稿/;

/**
 * Whether a report says it is a corrected version: its title, or its file's name (the last part
 * of `source_file`, where crawlers keep the page's link text), carries a correction word.
 */
export function correctionMarked(r: Pick<ReportRow, 'title' | 'source_file'>): boolean {
  return CORRECTION.test(r.title ?? '') || CORRECTION.test(r.source_file.slice(r.source_file.lastIndexOf('/') + 1));
}
