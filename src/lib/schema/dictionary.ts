import type { z } from 'zod';
import { columns, tables, type TableName } from './datasets.ts';
import { activeRows, requestColumns, requestRows, reviewColumns, reviewRows } from '../template/definitions.ts';
import { DEFAULT_PART_BYTES } from '../write/parts.ts';

/**
 * The data dictionary: every table and column in English and Chinese, and every row_key and
 * col_key with the official label it stands for. Column names and types come from the zod
 * schemas, keys and labels from the template definitions; the descriptions below are typed so
 * that a column added to a schema without a description does not compile.
 */

type Doc = readonly [en: string, zh: string];
type ColumnDocs<T extends TableName> = { readonly [K in keyof z.infer<(typeof tables)[T]>]-?: Doc };

export const TABLE_DOCS: Record<TableName, Doc> = {
  reports: [
    'One row per report (agency and year): where it came from, who published it, where, and how well it was read.',
    '每份报告一行：来源文件、发布机关、地区、年度及读取情况。',
  ],
  cells: [
    'Every number of the tables in sections 二, 三 and 四, one row per cell (tidy).',
    '第二、三、四部分表格中的每一格，一格一行（长表）。',
  ],
  checks: [
    'One row per arithmetic check per report: does the report add up?',
    '每份报告每项算术核对一行：报告自身的数字是否相符。',
  ],
  sections: ['The narrative text of each section (0 = text before 一).', '各部分的文字（0 为“一、”之前的开头部分）。'],
  summary: [
    'One wide row per report with the headline figures; a figure is NULL when any input is blank or uncertain.',
    '每份报告一行的主要数字（宽表）；任一组成格为空白或无法确定时为空值。',
  ],
};

const reportId: Doc = [
  'Stable report id (first 16 hex digits of a hash of the source bytes); used in page URLs.',
  '报告编号（源文件内容哈希的前 16 位），稳定不变，用于网址。',
];
/** How the CSV files differ from Parquet and DuckDB (formula-injection protection, OWASP). */
export const CSV_NOTE: Doc = [
  'CSV files (UTF-8 with BOM): a text field that begins with =, +, -, @, a TAB or a CR is written with a leading apostrophe (\'), so that a spreadsheet shows it as text instead of running it as a formula. Number columns are never prefixed. Parquet and DuckDB keep the exact text. An empty field is NULL; an empty string is "".',
  'CSV 文件（带 BOM 的 UTF-8）：以 =、+、-、@、制表符或回车开头的文本字段，前面加一个单引号（\'），使电子表格把它当作文本显示而不当作公式执行；数值列不加。Parquet 和 DuckDB 保留原文。空字段为空值；空字符串写作 ""。',
];

const MIB = `${DEFAULT_PART_BYTES / 1024 / 1024} MiB`;

/**
 * How the published files are laid out (the data contract, docs/datasets.md): no file grows with
 * the corpus, so large tables, the manifest's entries and the reports index come in parts.
 */
export const FILE_DOCS: ReadonlyArray<{ id: string; name: string; doc: Doc }> = [
  {
    id: 'parts',
    name: '<table>.parquet, <table>.csv, <table>.csv.gz',
    doc: [
      `Each table is one Parquet and one CSV file while the file is at most ${MIB}. A larger Parquet file is published as numbered parts of at most ${MIB} each, <table>/<table>-00001.parquet, -00002 and so on. A CSV file over ${MIB} is published gzip-compressed instead, <table>.csv.gz (decompress with gzip or 7-Zip), and in parts <table>/<table>-00001.csv.gz … only when the compressed file is over ${MIB}: each part is a whole gzip file. Files are listed in order in datapackage.json (path is then an array, a Frictionless multipart resource; compression "gz") and SHA256SUMS (the hashes of the files as published). The parts in order are the table: every CSV part starts with the BOM and the header row, so each opens on its own; dropping them from every part after the first (once decompressed) gives exactly the table's CSV as one file. A single row larger than the limit is a part of its own.`,
      `每个表在文件不超过 ${MIB} 时为一个 Parquet 文件和一个 CSV 文件。更大的 Parquet 文件分为若干部分，每部分不超过 ${MIB}：<table>/<table>-00001.parquet、-00002 …。超过 ${MIB} 的 CSV 文件改为 gzip 压缩发布：<table>.csv.gz（用 gzip 或 7-Zip 解压）；压缩后仍超过 ${MIB} 时才分为若干部分 <table>/<table>-00001.csv.gz …，每部分都是完整的 gzip 文件。这些文件按顺序列在 datapackage.json（此时 path 为列表，即 Frictionless 的多部分资源；compression 为 "gz"）和 SHA256SUMS（所发布文件本身的校验值）中。各部分按顺序相接即为完整的表：每个 CSV 部分都以 BOM 和表头开始，可单独打开；解压后去掉第二部分起各部分的 BOM 和表头再相接，与整表的单个 CSV 文件逐字节相同。超过上限的单行自成一部分。`,
    ],
  },
  {
    id: 'duckdb',
    name: 'nianbao.duckdb, nianbao.sql',
    doc: [
      `nianbao.duckdb holds the five tables; it is published while it is at most ${MIB} (npm run ingest always writes it). nianbao.sql creates the five tables as DuckDB views over the Parquet files, from the current folder or, after SET VARIABLE nianbao_base = '<address of the data folder>/', over HTTP.`,
      `nianbao.duckdb 含全部五个表，不超过 ${MIB} 时发布（npm run ingest 总会生成）。nianbao.sql 在 DuckDB 中为五个表建立视图，读取当前目录中的 Parquet 文件；先运行 SET VARIABLE nianbao_base = '<数据目录的网址>/' 则通过 HTTP 读取。`,
    ],
  },
  {
    id: 'manifest',
    name: 'manifest.json, manifest.jsonl',
    doc: [
      `manifest.json (version 2): version, raw_dir, counts (input files by outcome, reports, cells …), tables (rows and the SHA-256 of each table's CSV as one file) and files_jsonl, the JSON Lines files holding one entry per input file (path, bytes, sha256, outcome, reason, reason_code, report_id, duplicate_of, same_agency_year, diagnostics), in path order: manifest.jsonl, or parts manifest/manifest-00001.jsonl … of at most ${MIB}. While manifest.json stays under ${MIB}, the entries are also inline as files (as in version 1).`,
      `manifest.json（第 2 版）：version、raw_dir、counts（各结果的文件数、报告数、单元格数等）、tables（每个表的行数及其整表 CSV 的 SHA-256）和 files_jsonl，即按路径顺序每行记录一个输入文件（path、bytes、sha256、outcome、reason、reason_code、report_id、duplicate_of、same_agency_year、diagnostics）的 JSON Lines 文件：manifest.jsonl，或每部分不超过 ${MIB} 的 manifest/manifest-00001.jsonl …。manifest.json 不超过 ${MIB} 时，这些记录也以 files 列在其中（与第 1 版相同）。`,
    ],
  },
  {
    id: 'index',
    name: 'reports/index.json, reports/index.jsonl',
    doc: [
      `The reports index: reports/index.json has count and reports_jsonl, the addresses of the JSON Lines files with one report per line (report_id, title, agency, year, region_code, status, checks_failed, checks_not_assessable, duplicate_of, same_agency_year, page, json; duplicate_of and same_agency_year as in reports: sum only reports where duplicate_of is null and same_agency_year is 0) in report_id order: reports/index.jsonl, or parts reports/index/index-00001.jsonl … of at most ${MIB}. While reports/index.json stays under ${MIB}, the reports are also inline as reports.`,
      `报告索引：reports/index.json 含 count 和 reports_jsonl，即按 report_id 顺序每行一份报告（report_id、title、agency、year、region_code、status、checks_failed、checks_not_assessable、duplicate_of、same_agency_year、page、json；duplicate_of 与 same_agency_year 同 reports 表：合计只计 duplicate_of 为空且 same_agency_year 为 0 的报告）的 JSON Lines 文件地址：reports/index.jsonl，或每部分不超过 ${MIB} 的 reports/index/index-00001.jsonl …。reports/index.json 不超过 ${MIB} 时，报告也以 reports 列在其中。`,
    ],
  },
];

const region: Doc = [
  'GB/T 2260 code of the most specific place resolved (6 or 9 digits); NULL when unresolved.',
  '所能确定的最具体地区的 GB/T 2260 代码（6 位或 9 位）；无法确定时为空值。',
];
const dup: Doc = [
  "report_id of the canonical report when this row is another copy of it (the same report in another encoding or file, or another file of the same agency and year with the same numbers; the same agency is the same name and the same known place: a report whose region_code is NULL or ambiguous is no other report's agency; or a conversion of the same file — the same name but for its format suffix, such as .pdf, .txt and .layout.txt — of the same agency name and year whose numbers nowhere differ); NULL for the canonical report. Totals count only rows where it is NULL (and same_agency_year is 0).",
  '若本行是另一份报告的副本（同一报告的不同编码或文件，或同一机关同一年度且数字相同的另一文件；同一机关指名称相同且地区已确定并相同，地区为空值或有歧义的报告不与其他报告视为同一机关；或同一文件的另一格式或转换：文件名除格式后缀（如 .pdf、.txt、.layout.txt）外相同、机关名称与年度相同且数字无一不同），为所保留报告的编号；保留的报告为空值。合计只计此列为空值（且 same_agency_year 为 0）的行。',
];
const sameAgencyYear: Doc = [
  'How many other reports, not copies of this one, the same agency (the same name and the same known place) has for the same year (warning W_SAME_AGENCY_YEAR), such as two conversions of one report read differently, or a report and its corrected version; for a report whose place is not known (NULL or ambiguous), how many other reports of the same agency name and year whose place is not known either (warning W_SAME_NAME_YEAR: whether they are one agency or namesakes is not known). Above 0, which one is right is not known, and totals add none of them. 0 for the one report of such an agency and year whose title or file name says it is the corrected version (更正, 勘误, 修订版): totals add it, and the others name it in superseded_by.',
  '同一机关（名称相同且地区已确定并相同）同一年度另有几份不同的报告（不含副本；警告 W_SAME_AGENCY_YEAR），例如同一报告的两种转换读出不同数字，或报告与其更正版；地区未确定（空值或有歧义）的报告，为同一年度另有几份地区也未确定的同名机关的报告（警告 W_SAME_NAME_YEAR：无法判断是同一机关还是同名机关）。大于 0 时无法判断哪份正确，合计不计入其中任何一份。其中标题或文件名注明为更正版（更正、勘误、修订版）的唯一一份报告为 0：合计计入该份，其他各份在 superseded_by 中指向它。',
];
const fig = (en: string, zh: string): Doc => [
  `${en}; NULL when any cell it comes from is blank or uncertain.`,
  `${zh}；任一来源格为空白或无法确定时为空值。`,
];

const COLUMN_DOCS: { [T in TableName]: ColumnDocs<T> } = {
  reports: {
    report_id: reportId,
    source_file: [
      'Path of the source file relative to data/raw/, with / separators.',
      '源文件相对 data/raw/ 的路径（以 / 分隔）。',
    ],
    source_sha256: ['Hex SHA-256 of the raw bytes of the source file.', '源文件原始字节的 SHA-256（十六进制）。'],
    encoding: [
      "Detected encoding of the raw bytes (utf-8, gb18030, utf-16le, …), or for a document what it was read as: pdf (N pages) (', OCR text layer on page …' for a scan's pages, whose numbers stand only where an identity checks them; ', digits whose text is not what the font draws on page …' for pages whose digits are NULL for it), docx, doc, rtf, mht (a page saved as one file).",
      '检测到的源文件编码（utf-8、gb18030、utf-16le 等）；文档则为读取方式：pdf（页数；扫描件页面注明 OCR 文字识别层，其数字只在勾稽关系核对一致时采用）、docx、doc、rtf、mht（存为单个文件的网页）。',
    ],
    title: [
      'Report title as written (a label such as 标题: cut; in simplified script when the report is in traditional).',
      '报告标题（原文；去掉“标题：”等标签；繁体报告给出简体）。',
    ],
    agency: ["The publishing agency's full name.", '发布机关全称。'],
    agency_kind: [
      'Kind of agency: 人民政府, 人民政府办公室, 部门, 街道办事处, 乡镇人民政府 …',
      '机关类型：人民政府、人民政府办公室、部门、街道办事处、乡镇人民政府等。',
    ],
    year: [
      'The year the report covers (not the year it was published); NULL when not stated, or when the title, the page title and the body disagree and nothing settles it.',
      '报告所属年度（不是发布年份）；未写明，或标题、网页标题与正文所写年度不一致且无法判断时为空值。',
    ],
    published_on: [
      'Publication date: a labelled date of the page header (发布日期, 发布时间, 发文日期, 成文日期, 时间, 日期), else the date under the signature at the end of the report; NULL when neither is stated.',
      '发布日期：取页面标注的日期（发布日期、发布时间、发文日期、成文日期、时间、日期），没有时取报告末尾落款日期；均未写明时为空值。',
    ],
    published_on_basis: [
      'Where published_on came from: label (a labelled header field) or signature (the date under the signature at the end); NULL when published_on is NULL.',
      '发布日期的来源：label（页面标注的日期）或 signature（报告末尾落款日期）；无发布日期时为空值。',
    ],
    index_no: ['索引号 (the index number on the government website), when stated.', '索引号（原文写明时）。'],
    source_url: [
      "The report's original address (原网址): a crawler header's 原文链接, the page's canonical link or og:url, or an address printed on the page; http(s) only; NULL when the file does not say.",
      '报告的原网址：取自抓取头部的“原文链接”、网页的 canonical 链接或 og:url，或页面上印出的网址；仅限 http(s)；文件未写明时为空值。',
    ],
    region_code: region,
    province: ['Province name along region_code.', '地区代码对应的省级名称。'],
    city: [
      "City (prefecture) name along region_code, as GB/T 2260 writes it: 市辖区 or 县 for a municipality's districts and counties, 省直辖县级行政区划 for a county-level city under its province — group by province and city together, not by city alone.",
      '地区代码对应的地级名称，按 GB/T 2260 原文：直辖市的区县为“市辖区”或“县”，省直辖的县级市为“省直辖县级行政区划”——按地级分组时须同时按省份分组，不能只按此列。',
    ],
    county: ['County or district name along region_code.', '地区代码对应的县级名称。'],
    township: ['Township or street name along region_code.', '地区代码对应的乡级名称。'],
    region_basis: [
      'How the region was found: stated, gazetteer, clue, zone (a development zone or new area that is not a GB/T 2260 division: region_code is the division that administers it), ambiguous, unresolved.',
      '地区的判断依据：stated（原文写明）、gazetteer（地名库唯一匹配）、clue（线索判定）、zone（开发区、新区等不属于 GB/T 2260 的区域，地区代码为其管辖行政区）、ambiguous（有歧义）、unresolved（无法确定）。',
    ],
    layout_active: [
      'Layout of section 二: 2019, 2021, or NULL when absent.',
      '第二部分表格的样式：2019、2021，缺失时为空值。',
    ],
    layout_requests: [
      'Layout of section 三: 2019, 2021, or NULL when absent.',
      '第三部分表格的样式：2019、2021，缺失时为空值。',
    ],
    era: ['Template era: 2019, 2021, pre2019, unknown.', '模板时期：2019、2021、pre2019（2019 年前）、unknown。'],
    status: [
      'complete (sections 二 三 四 all read), partial, or text_only.',
      'complete（二、三、四部分均已读取）、partial（部分读取）或 text_only（仅文字）。',
    ],
    checks_failed: [
      "How many arithmetic checks fail, the cross-year ones included (check_id cross_year.*: this year's 上年结转 against the agency's report of the year before). For a report's own arithmetic only, count the checks rows with status fail whose check_id does not start with cross_year.",
      '算术核对不一致的项数，含跨年度核对（check_id 以 cross_year 开头：本年“上年结转”与本机关上一年度报告的“结转下年度”等）。只看报告自身的数字是否一致时，请在 checks 表中统计 status 为 fail 且 check_id 不以 cross_year 开头的行。',
    ],
    checks_not_assessable: [
      'How many arithmetic checks could not be made (a term blank, NULL or unreadable; status not_assessable in checks). Above 0 with checks_failed 0, the numbers are consistent only as far as they could be checked.',
      '因某项空白、为空值或无法读取而无法核对的算术核对项数（checks 中 status 为 not_assessable）。大于 0 且 checks_failed 为 0 时，数字只在可核对的范围内一致。',
    ],
    checks_passed: [
      'How many arithmetic checks pass (cross-year ones included). With checks_failed and checks_not_assessable, every check of the report: all three 0, the report has nothing that can be checked.',
      '算术核对一致的项数（含跨年度核对）。与 checks_failed、checks_not_assessable 合起来是本报告的全部核对；三者均为 0 时，本报告没有可核对的内容。',
    ],
    cells_ambiguous: ['How many cells could not be read with certainty.', '无法确定数值的格数。'],
    duplicate_of: dup,
    period_year: [
      "The one whole calendar year the body's statistical period (统计期限) states (自2023年1月1日起至2023年12月31日止, 2023.1.1-2023.12.31, 二〇二三年一月一日至二〇二三年十二月三十一日); NULL when it states none (another report's period does not count). When it differs from year, the year was kept from the title and is disputed: check which year the numbers cover.",
      '正文统计期限所写的完整自然年（如“自2023年1月1日起至2023年12月31日止”、2023.1.1-2023.12.31、“二〇二三年一月一日至二〇二三年十二月三十一日”）；正文未写明时为空值（引述其他报告的统计期限不计）。与报告年度不同时，报告年度按标题记录但有争议，数字属于哪一年请核对原文。',
    ],
    same_agency_year: sameAgencyYear,
    title_agency: [
      "The agency's name as the title writes it, when another was kept: the title gives the issuer's name (发布机构, else the signature 落款) with more after it that ends no agency's name (a garbled year: XX局锟斤拷年政府信息公开…), and agency is the issuer's (warning W_AGENCY_DISPUTED). NULL for every other report. Check the original for which name is right.",
      '标题所写的机关名称，仅在机关名称另取时填写：标题在发布机构（或落款）的名称之后另有不成机关名称的文字（如年份乱码：XX局锟斤拷年政府信息公开…），机关名称取发布机构（落款）的名称（警告 W_AGENCY_DISPUTED）。其他报告为空值。哪个名称正确请核对原文。',
    ],
    second_report_line: [
      'The line (of the text as read, from 1) where another report in the same file, not read, begins (warning W_SECOND_REPORT): one report of a file is read — of reports each titled with a different year, the year the file’s name or the page’s title gives, else the only one whose publication date fits its year; otherwise the first — so the other’s numbers are in no dataset. NULL for a file holding one report.',
      '同一文件中另一份未读取的报告开始的行号（按读取的文字计，从 1 起；警告 W_SECOND_REPORT）：一个文件只读取一份报告——各份报告都有标题且年度不同时，取文件名或页面标题所写的年度，或唯一一份发布日期与年度相符的报告；其他情况取第一份——另一份报告的数字不在任何数据集中，请另存为单独的文件。文件只有一份报告时为空值。',
    ],
    superseded_by: [
      "report_id of this report's corrected version (warning W_SUPERSEDED): another report of the same agency (the same name and the same known place) and year, not a copy, and the only one of them whose title or file name says it corrects (更正, 勘误, 修订版). Totals add the corrected version, not this one. NULL for every other report.",
      '本报告更正版的报告编号（警告 W_SUPERSEDED）：同一机关（名称相同且地区已确定并相同）同一年度的另一份不同报告（不是副本），且是其中唯一一份标题或文件名注明更正（更正、勘误、修订版）的报告。合计计入更正版，不计入本报告。其他报告为空值。',
    ],
  },
  cells: {
    report_id: reportId,
    table_id: [
      'Which table: active (section 二), requests (三), review (四).',
      '表格：active（第二部分）、requests（第三部分）、review（第四部分）。',
    ],
    row_key: ['Row of the official form; see the key list.', '官方表格的行；见下方键值表。'],
    col_key: ['Column of the official form; see the key list.', '官方表格的列；见下方键值表。'],
    value: [
      'The number (money in 万元, ten thousand yuan); NULL when blank or not read with certainty.',
      '数值（金额以万元计）；空白或无法确定时为空值。',
    ],
    raw: ['The exact source text of the cell.', '该格在原文中的文字。'],
    state: [
      "number, blank, na (/, -, 无 …), ambiguous, unreadable, repeated_row (the row label heads two rows of the table that are written differently), repeated_column (a column label of the header appears twice), unnamed_column (the header names, at the place of this column, a column the form does not have; its other columns are read), other_period (the whole table is of another year or cumulative, as its caption or its section words say), other_unit (the whole table is of another unit: a subordinate unit, the townships summed), contradicted (the section text says nothing of the kind happened in the year, and the table holds figures), corrected (the report corrects this cell's row or column in words or in a table of corrections, so it holds two figures).",
      'number（数字）、blank（空白）、na（/、-、无 等）、ambiguous（有多种读法）、unreadable（无法读取）、repeated_row（表中这一行的名称出现两次且两行所写不同，无法确定数字属于哪一行）、repeated_column（表头中有一列的名称出现两次，无法确定数字属于哪一列）、unnamed_column（表头在这一列的位置写的是表格没有的列名，这一列留空，其他列照常读取）、other_period（原文说明整张表为其他年度或累计的数据）、other_unit（原文说明整张表为下属单位或其他单位的数据）、contradicted（正文说本年度没有此类事项，表中却有数字）、corrected（报告自行更正了这一格所在的行或列，前后两个数字不同）。',
    ],
    line: [
      '1-based line of the raw file where the cell was read (for PDF and Word files: of the extracted text).',
      '该格所在的原文行号（从 1 起；PDF、Word 文件为提取文本的行号）。',
    ],
    page: [
      'PDF only: 1-based page where the cell was read; NULL for other files.',
      '仅 PDF：该格所在页码（从 1 起）；其他文件为空值。',
    ],
    bbox: [
      'PDF only: the cell box "x0,y0,x1,y1" in PDF points from the bottom-left corner of the page; NULL for other files.',
      '仅 PDF：该格的位置框“x0,y0,x1,y1”（PDF 点，自页面左下角起）；其他文件为空值。',
    ],
  },
  checks: {
    report_id: reportId,
    check_id: [
      'Which check, e.g. requests.row_sum.total (a row adds up to its total), requests.identity.total, requests.leaf_sum.total, review.block_sum.review.',
      '核对项编号，如 requests.row_sum.total（行合计）、requests.identity.total、requests.leaf_sum.total、review.block_sum.review。',
    ],
    status: [
      'pass, fail, or not_assessable (an input is blank or uncertain).',
      'pass（相符）、fail（不符）或 not_assessable（有输入为空白或无法确定）。',
    ],
    expected: [
      "The value checked, as the report states it: a total, this year's 上年结转 (carried over), 现行有效件数 (in force); for an identity with sums on both sides (本年新收 + 上年结转 = （七）总计 + 结转下年度), the left side's sum.",
      '被核对的数值，即报告所填：总计、本年「上年结转」、现行有效件数等；等号两边都是和的核对（本年新收 + 上年结转 = （七）总计 + 结转下年度）为等号左边之和。',
    ],
    actual: [
      "The value computed from other cells as the report states them: the parts' sum (the right side's, for an identity with sums on both sides), last year's 结转下年度 (carried forward), last year's 现行有效 + 本年制发 − 本年废止. A check passes when actual = expected.",
      '由报告所填的其他数值算得的数值：各项之和（等号两边都是和的核对为等号右边之和）、上年报告的「结转下年度继续办理」、上年现行有效件数 + 本年制发 − 本年废止。两者相等即相符。',
    ],
    detail: ['What was compared, in words.', '核对内容的说明。'],
  },
  sections: {
    report_id: reportId,
    section: ['Section number: 0 for the text before 一, then 1–6.', '部分编号：0 为开头，1–6 为一至六。'],
    heading: ['Section heading as written.', '该部分的标题（原文）。'],
    text: ['The section text.', '该部分的文字。'],
  },
  summary: {
    report_id: reportId,
    agency: ["The publishing agency's full name.", '发布机关全称。'],
    year: ['The year the report covers.', '报告所属年度。'],
    region_code: region,
    duplicate_of: dup,
    requests_new: fig('Requests received this year (一、本年新收, total column)', '本年新收申请数（总计列）'),
    requests_new_natural_person: fig('Of those, from natural persons (自然人)', '其中自然人申请数'),
    requests_new_organisations: fig('Of those, from legal persons and other organisations', '其中法人或其他组织申请数'),
    requests_carried_over: fig('Requests carried over from the previous year (二、上年结转)', '上年结转申请数'),
    granted: fig('Granted (（一）予以公开)', '予以公开'),
    partly_granted: fig('Partly granted (（二）部分公开)', '部分公开'),
    withheld: fig('Withheld, all reasons (（三）不予公开 1–8)', '不予公开（1–8 项之和）'),
    unable: fig('Unable to provide, all reasons (（四）无法提供)', '无法提供（各项之和）'),
    declined: fig('Not processed, all reasons (（五）不予处理)', '不予处理（各项之和）'),
    other: fig('Other handling (（六）其他处理)', '其他处理（各项之和）'),
    requests_handled: fig('Total handled (（七）总计)', '办理结果总计'),
    carried_forward: fig('Carried forward to next year (四、结转下年度继续办理)', '结转下年度继续办理'),
    review_total: fig('Administrative reviews (行政复议), total', '行政复议总数'),
    review_corrected: fig('Administrative reviews whose result corrected the agency (结果纠正)', '行政复议结果纠正数'),
    suit_direct_total: fig('Lawsuits filed directly (未经复议直接起诉), total', '未经复议直接起诉的行政诉讼总数'),
    suit_direct_corrected: fig('Of those, corrected', '其中结果纠正数'),
    suit_after_review_total: fig('Lawsuits filed after review (复议后起诉), total', '复议后起诉的行政诉讼总数'),
    suit_after_review_corrected: fig('Of those, corrected', '其中结果纠正数'),
    same_agency_year: sameAgencyYear,
  },
};

export interface ColumnEntry {
  name: string;
  type: string;
  en: string;
  zh: string;
}

/** Columns of a table with SQL type and descriptions, in the schema's order. */
export function columnDocs(table: TableName): ColumnEntry[] {
  const docs = COLUMN_DOCS[table] as Record<string, Doc>;
  return columns(table).map((c) => ({ ...c, en: docs[c.name]![0], zh: docs[c.name]![1] }));
}

export interface KeyEntry {
  table_id: 'active' | 'requests' | 'review';
  /** Which layout has this key: 2019, 2021 or both. */
  layout: '2019' | '2021' | 'both';
  kind: 'row' | 'col';
  /** For a column of section 二: the row it belongs to (columns differ by row there). */
  row_key: string | null;
  key: string;
  label: string;
}

/** Every row_key and col_key with its official label, from the template definitions. */
export function keyDictionary(): KeyEntry[] {
  const out: KeyEntry[] = [];
  const both = <T extends { key: string }>(a: T[], b: T[], k: T) =>
    a.some((x) => x.key === k.key) && b.some((x) => x.key === k.key) ? 'both' : a.includes(k) ? '2019' : '2021';
  const push = (e: KeyEntry) => {
    if (
      !out.some(
        (o) =>
          o.table_id === e.table_id &&
          o.kind === e.kind &&
          o.row_key === e.row_key &&
          o.key === e.key &&
          o.label === e.label,
      )
    )
      out.push(e);
  };
  for (const layout of ['2019', '2021'] as const) {
    for (const row of activeRows[layout]) {
      const other = activeRows[layout === '2019' ? '2021' : '2019'].find((r) => r.key === row.key);
      const shared = other && other.label === row.label ? 'both' : layout;
      push({ table_id: 'active', layout: shared, kind: 'row', row_key: null, key: row.key, label: row.label });
      for (const col of row.columns) {
        const sameCol = other?.columns.some((c) => c.key === col.key && c.label === col.label);
        push({
          table_id: 'active',
          layout: sameCol ? 'both' : layout,
          kind: 'col',
          row_key: row.key,
          key: col.key,
          label: col.label,
        });
      }
    }
  }
  for (const layout of ['2019', '2021'] as const) {
    for (const row of requestRows[layout])
      push({
        table_id: 'requests',
        layout: both(requestRows['2019'], requestRows['2021'], row),
        kind: 'row',
        row_key: null,
        key: row.key,
        label: row.label,
      });
  }
  for (const col of requestColumns)
    push({ table_id: 'requests', layout: 'both', kind: 'col', row_key: null, key: col.key, label: col.label });
  for (const row of reviewRows)
    push({ table_id: 'review', layout: 'both', kind: 'row', row_key: null, key: row.key, label: row.label });
  for (const col of reviewColumns)
    push({ table_id: 'review', layout: 'both', kind: 'col', row_key: null, key: col.key, label: col.label });
  return out;
}
