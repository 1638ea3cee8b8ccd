import type { DiagnosticCode } from '../schema/diagnostics.ts';

/**
 * Why a file is not (fully) in the datasets, for readers: in Chinese, with a stable English
 * code beside it for machines (`reason_code` in manifest.json). The stages below write their
 * reasons as they find them (often in English, with the specifics: a size, a limit, a path);
 * this is the one place that says them in Chinese, so the quality page, the manifest and the
 * command line agree.
 */

/** Codes of a manifest reason: a diagnostic code for a rejection, or what became of a report. */
export type ReasonCode = DiagnosticCode | 'DUPLICATE_FILE' | 'TEXT_ONLY' | 'PARTIAL';

/**
 * A file holding another report beside the one read (`W_SECOND_REPORT`; segment/reports.ts): one
 * report of a file is read — of reports of different years, the year the file's name or the
 * page's title gives, else the only one whose publication date fits its year; otherwise the first.
 */
export const secondReportZh = (line: number | null) =>
  `文件中${line ? `第 ${line} 行起` : ''}还有另一份报告，未读取（一个文件只读取一份报告：各有标题且年度不同时，取文件名或页面标题所写的年度，或唯一一份发布日期与年度相符的报告；否则取第一份。请另存为单独的文件）`;

/**
 * A report whose year is NULL (`W_NO_YEAR`): not stated, or stated by sources that disagree
 * (the diagnostic lists them as `title 2022, published 2024`, see metadata/year.ts).
 */
export function noYearZh(detail: string): string {
  const m = /^the year the report covers is not certain \((.*)\)/.exec(detail);
  if (!m) return '报告未写明所属年度，年度留空';
  const claims = m[1]!.split(', ').map((c) => {
    const [source, year] = c.split(' ');
    return `${YEAR_SOURCE_ZH[source!] ?? source}${year}年`;
  });
  return `报告所属年度无法确定（${claims.join('，')}），年度留空`;
}

/**
 * A year kept although the body's statistical period names another (`W_YEAR_DISPUTED`): the
 * numbers may cover the other year.
 */
export function yearDisputedZh(detail: string): string {
  const m = /^the year (\d{4}) is kept, but the body's statistical period \(统计期限\) is (\d{4})/.exec(detail);
  return m ? yearPeriodZh(Number(m[1]), Number(m[2])) : '年度与正文的统计期限不一致，请核对原文';
}

/** The same reason from the year and the period's year (`reports.year`, `reports.period_year`). */
export const yearPeriodZh = (year: number, period: number) =>
  `报告年度记为${year}年，但正文的统计期限是${period}年：数字属于哪一年请核对原文`;

/**
 * An agency name taken from the issuer (发布机构, else the signature 落款) although the title names
 * more (`W_AGENCY_DISPUTED`, report/parse.ts writes the message): the title's words after the name
 * are no part of one, most likely a garbled year.
 */
export function agencyDisputedZh(detail: string): string {
  const m =
    /^标题中的机关名称“(.*)”与发布机构（落款）“(.*)”不一致/.exec(detail) ??
    /^标题中的机关名称“(.*)”在“(.*)”之后是乱码/.exec(detail);
  if (m) return agencyTitleZh(m[1]!, m[2]!);
  // Two names read, one kept or neither (report/parse.ts agencyConflict): the message says which.
  return /^(?:标题上一行|页面上两个报告标题|网页标题字段)/.test(detail)
    ? detail
    : '机关名称与标题所写不一致，请核对原文';
}

/** The same reason from the kept name and the title's (`reports.agency`, `reports.title_agency`). */
export const agencyTitleZh = (title: string, agency: string) =>
  `机关名称记为“${agency}”（发布机构、落款所写，或标题中乱码之前的名称），但标题写作“${title}”：标题在名称之后另有无法识别的文字（如乱码的年份），哪个名称正确请核对原文`;

const YEAR_SOURCE_ZH: Record<string, string> = {
  title: '标题写',
  'page-title': '网页标题写',
  body: '正文写',
  'body-report': '正文称现公布的是',
  'body-count': '正文最常写的是',
  period: '统计期限是',
  comparison: '正文与之比较的是',
  published: '发布于',
  plans: '下一年的计划写',
};

const KIND_ZH: Record<string, string> = {
  'a named pipe (FIFO)': '命名管道（FIFO）',
  'a device file': '设备文件',
  'a socket': '套接字',
  'not a regular file': '非普通文件',
  'something that is not a regular file': '非普通文件',
};
const kind = (k: string) => KIND_ZH[k] ?? k;

/** English detail → Chinese, by the shapes the stages write; `$n` are the specifics kept. */
const PATTERNS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [
    /^unsupported file type "(.*)": only (.*) are read$/,
    (m) => `不支持的文件类型“${m[1]}”：只读取 ${m[2]!.replace(/ and /, '、').replace(/, /g, '、')}`,
  ],
  [
    /^file is (\S+) MiB; the limit is (\S+) MiB per report$/,
    (m) => `文件大小 ${m[1]} MiB，超过每份报告 ${m[2]} MiB 的上限`,
  ],
  [/^could not read the file: (.*)$/s, (m) => `无法读取文件（${m[1]}）`],
  [/^more than (\S+) lines; the limit is/, (m) => `超过 ${m[1]} 行，超出每份报告的处理上限`],
  [/^more than (\S+) HTML elements; the limit is/, (m) => `超过 ${m[1]} 个 HTML 元素，超出每份报告的处理上限`],
  [/^HTML elements nested more than (\S+) deep/, (m) => `HTML 元素嵌套超过 ${m[1]} 层，超出处理上限`],
  [/^tables nested more than (\S+) deep/, (m) => `表格嵌套超过 ${m[1]} 层，超出处理上限`],
  [/^more than (\S+) table rows; the limit is/, (m) => `表格超过 ${m[1]} 行，超出每份报告的处理上限`],
  [/^more than (\S+) table cells; the limit is/, (m) => `表格超过 ${m[1]} 个单元格，超出每份报告的处理上限`],
  [/^parser error: (.*)$/s, (m) => `解析时出错（${m[1]}），未读取`],
  [/^a row failed validation/, () => '有一行数据未通过格式校验，未读取'],
  [/^empty file/, () => '空文件（没有文字）'],
  [/^binary file, not text/, () => '二进制文件，不是文字'],
  [
    /^not a government-information-disclosure annual report/,
    () => '不是政府信息公开工作年度报告（找不到报告各部分的标题）',
  ],
  [/^symbolic link loop/, () => '符号链接循环，未读取'],
  [/^dangling symbolic link/, () => '符号链接指向的文件不存在，未读取'],
  [/^symbolic link could not be resolved \((.*)\)/, (m) => `无法解析符号链接（${m[1]}），未读取`],
  [/^symbolic link to the raw folder itself/, () => '指向原始文件夹本身的符号链接，未跟随'],
  [
    /^symbolic link to a file outside the raw folder/,
    () => '指向原始文件夹以外的符号链接，未读取（不读取文件夹以外的任何内容）',
  ],
  [
    /^symbolic link to the folder (.*): not followed/,
    (m) => `指向文件夹 ${m[1]} 的符号链接，未跟随（其中的文件在原位置读取）`,
  ],
  [/^symbolic link to (.*): not read$/, (m) => `指向${kind(m[1]!)}的符号链接，未读取`],
  [/^(.*): not a regular file, not read$/, (m) => `${kind(m[1]!)}，不是普通文件，未读取`],
  [/^folder could not be read: (.*)$/, (m) => `无法读取文件夹（${m[1]}）`],
  [
    /^the worker thread reading this file died \((.*)\); the file is not read$/s,
    (m) => `读取该文件的工作线程异常终止（${m[1]}），该文件未读取`,
  ],
  [/^a worker thread failed/, () => '工作线程无法启动'],
];

const CJK = /[\u3400-\u9fff]/;

/**
 * The Chinese reason for `detail` (as a stage wrote it). Text already in Chinese keeps its
 * Chinese part (an English gloss in trailing parentheses is dropped); a shape not known above
 * is given as the code's general reason with the detail after it.
 */
export function reasonZh(code: ReasonCode, detail: string): string {
  for (const [re, zh] of PATTERNS) {
    const m = re.exec(detail);
    if (m) return zh(m);
  }
  if (CJK.test(detail)) return detail.replace(/\s*\((?=[^()]*[a-z]{3})[^()]*\)\s*$/, '');
  return `${GENERAL[code] ?? '未能读取'}（${detail}）`;
}

const GENERAL: Partial<Record<ReasonCode, string>> = {
  E_UNSUPPORTED_TYPE: '不支持的文件类型',
  E_EMPTY: '空文件',
  E_BINARY: '二进制文件，不是文字',
  E_TOO_LARGE: '文件超出处理上限',
  E_NOT_A_REPORT: '不是政府信息公开工作年度报告',
  E_READ_FAILED: '无法读取文件',
  E_INVALID_ROW: '数据未通过格式校验',
  E_PDF_NO_TEXT: 'PDF 没有文字层（可能是扫描件）',
  E_ENCRYPTED: '文件已加密',
  E_DOCUMENT_BROKEN: '文件已损坏',
};

export const TEXT_ONLY_ZH = '没有读到任何表格（表格缺失或以图片发布）';
/**
 * A text-only report whose file has a table all the same, outside the sections 二、三、四 that were
 * found: the headings were not recognised (or the table stands after what was taken for another
 * report), so the table was not read — not missing, nor an image. The diagnostic
 * (`W_TABLE_MISSING`, at the table's first line) says so with this message.
 */
export const TABLE_OUTSIDE_SECTIONS =
  'a table is in the file, but not under the section headings 二–四 that were found (the headings were not recognised, or the table is after what was taken for another report): not read';
export const tableOutsideSectionsZh = (line: number | null) =>
  `没有读到任何表格：文件中${line ? `第 ${line} 行起` : ''}有表格，但不在识别出的第二、三、四部分之下（章节标题未能识别），未读取`;
/**
 * A text-only report of the old template (era `pre2019`: the 2018-and-before form, 政府信息公开
 * 情况统计表): its table is not parsed at all (segment/oldform.ts), whether or not it is on the page.
 */
export const OLD_TEMPLATE_ZH = '旧版模板（2019 年前），不解析表格';
export const OLD_TEMPLATE_REASON_ZH = `${OLD_TEMPLATE_ZH}：旧版统计表的数字没有新版模板的行和列可归，只收录文字`;
export const PARTIAL_ZH = '部分表格或行未能读取';
export const duplicateZh = (of: string) => `与 ${of} 字节完全相同`;
