import type { Line } from '../decode/lines.ts';

/**
 * Reports for 2018 and before end with the old statistics table, 政府信息公开情况统计表, whose
 * rows are 指标名称 (indicator) / 计量单位 (unit) / 统计数 (count): 收到申请数, 当面申请数,
 * 行政复议数量… None of its numbers has a place in the 2019/2021 template, so such a report is
 * text only: reading it with the new rows would invent a table from words they share
 * (部分公开, 国家秘密, 行政复议).
 */

/** Header words of the old table. */
const OLD_HEADER = /指标名称.{0,40}?计量单位|政府信息公开情况统计表/s;
/** Header words only the 2019/2021 tables have. */
const NEW_HEADER = /申请人情况|本年新收|第二十条第|本年制发件数|本年新制作数量|本年处理决定数量|结转下年度继续办理/;

/** The line where the old-form table starts, or null when the report has none (or a new one). */
export function oldFormTable(lines: Line[]): number | null {
  if (!lines.some((l) => l.text.includes('计量单位') || l.text.includes('统计表'))) return null;
  // Each line squashed once (a window joins two).
  const squashed = lines.map((l) => l.text.replace(/[\s|]/g, ''));
  if (squashed.some((s) => NEW_HEADER.test(s))) return null;
  for (let i = 0; i < lines.length; i++) {
    if (OLD_HEADER.test(squashed[i]! + (squashed[i + 1] ?? ''))) return lines[i]!.no;
  }
  return null;
}
