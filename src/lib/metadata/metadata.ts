import type { Line } from '../decode/lines.ts';
import { isChrome } from '../segment/chrome.ts';

/**
 * Report metadata from the text before section 一 (and, where needed, the body): title, agency
 * (发布机构, the publishing body), its kind, the year covered (never the publication year by
 * mistake), publication date (发布时间) and index number (索引号).
 */

export interface Metadata {
  title: string | null;
  titleLine: number | null;
  agency: string | null;
  agency_kind: string | null;
  year: number | null;
  published_on: string | null;
  index_no: string | null;
}

const TITLE = /政府信息公开.{0,12}(?:年度报告|年报|工作报告|报告|情况)|年度报告/;
const YEAR_MIN = 1990;

export function extractMetadata(head: Line[], body: Line[], maxYear: number): Metadata {
  const headLines = head.filter((l) => l.text.trim() && !isChrome(l.text));
  const fields = keyValues(headLines);

  let title: string | null = null;
  let titleLine: number | null = null;
  for (const l of headLines) {
    const t = clean(l.raw);
    if (TITLE.test(l.text) && t.length <= 80 && !/^(?:根据|按照|本报告|本年度报告)/.test(l.text.trim())) {
      title = t;
      titleLine = l.no;
      break;
    }
  }

  const titleNorm = title ? clean(headLines.find((l) => l.no === titleLine)!.text) : null;
  let agency = fields.get('发布机构') ?? fields.get('发文机关') ?? fields.get('发布单位') ?? null;
  if (!agency && titleNorm) agency = agencyFromTitle(titleNorm);
  if (!agency && titleLine) {
    // Title without the agency ("2020年度政府信息公开工作落实情况"): the line above or below names it.
    const i = headLines.findIndex((l) => l.no === titleLine);
    for (const l of [headLines[i - 1], headLines[i + 1]]) {
      const t = l ? clean(l.text) : '';
      if (t && t.length <= 30 && AGENCY_END.test(t)) {
        agency = t;
        break;
      }
    }
  }
  // Official names use full-width brackets; the normalised copy has ASCII ones.
  if (agency) agency = agency.replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');

  const year = yearFrom(titleNorm, maxYear) ?? yearFromBody(body, maxYear);
  const published_on = dateFrom(fields.get('发布时间') ?? fields.get('发布日期') ?? fields.get('成文日期') ?? null) ?? labelledDate(headLines);
  const index_no = fields.get('索引号')?.replace(/\s+/g, '') || null;

  return { title, titleLine, agency, agency_kind: agency ? agencyKind(agency) : null, year, published_on, index_no };
}

function clean(s: string): string {
  return s.replace(/(?:\s*\|)+\s*$/, '').replace(/^\s*(?:\|\s*)+/, '').replace(/\s+/g, ' ').trim();
}

const AGENCY_END = /(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|办公室|办公厅|街道办事处|办事处|委员会|管理局|局|厅|委|办|中心|院|所|署|会)$/;
const PLACE_END = /(?:省|市|区|县|旗|自治州|自治县|盟|州)$/;

/** "无锡市滨湖区行政审批局2020年政府信息公开…" → 无锡市滨湖区行政审批局; a bare place → its 人民政府. */
export function agencyFromTitle(title: string): string | null {
  let t = title.replace(/\s+/g, '');
  const cut = t.search(/(?:19|20)\d{2}\s*年|关于|政府信息公开|政务公开|信息公开/);
  if (cut <= 0) return null;
  t = t.slice(0, cut).replace(/[(（][^()（）]*[)）]$/, '').replace(/[的:：,，]$/, '');
  if (t.length < 2) return null;
  if (PLACE_END.test(t) && !AGENCY_END.test(t)) return `${t}人民政府`;
  return t;
}

export function agencyKind(agency: string): string {
  if (/(?:人民政府办公室|人民政府办公厅|政府办公室|政府办公厅|政府办)$/.test(agency)) return '人民政府办公室';
  if (/街道办事处$|街道办$|街道$/.test(agency)) return '街道办事处';
  if (/(?:镇|乡)人民政府$|(?:镇|乡)政府$/.test(agency)) return '乡镇人民政府';
  if (/人民政府$/.test(agency)) return '人民政府';
  return '部门';
}

function yearFrom(text: string | null, maxYear: number): number | null {
  if (!text) return null;
  const m = /((?:19|20)\d{2})\s*年/.exec(text);
  const y = m ? Number(m[1]) : null;
  return y !== null && y >= YEAR_MIN && y <= maxYear ? y : null;
}

/** The year covered, from the body: "2020年度" first, else the most frequent "YYYY年" that is no date. */
function yearFromBody(body: Line[], maxYear: number): number | null {
  const text = body
    .slice(0, 400)
    .map((l) => l.text)
    .join('\n')
    .replace(/《[^》]*》|〔[^〕]*〕|\[[^\]]*\]|【[^】]*】/g, '');
  const ok = (y: number) => y >= YEAR_MIN && y <= maxYear;
  const ndu = /((?:19|20)\d{2})\s*年度/.exec(text);
  if (ndu && ok(Number(ndu[1]))) return Number(ndu[1]);
  const counts = new Map<number, number>();
  for (const m of text.matchAll(/((?:19|20)\d{2})\s*年(?!\s*\d{1,2}\s*月)/g)) {
    const y = Number(m[1]);
    if (ok(y)) counts.set(y, (counts.get(y) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestN = 0;
  for (const [y, n] of counts) {
    if (n > bestN) [best, bestN] = [y, n];
    else if (n === bestN) best = null; // a tie is no answer
  }
  return best;
}

function dateFrom(s: string | null): string | null {
  if (!s) return null;
  const m = /((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function labelledDate(lines: Line[]): string | null {
  for (const l of lines) {
    const m = /(?:发布时间|发布日期|成文日期|时间|日期)\s*[:：]?\s*((?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2})/.exec(l.text);
    if (m) return dateFrom(m[1]!);
  }
  return null;
}

const KEYS = ['索引号', '发布机构', '发文机关', '发布单位', '发布时间', '发布日期', '成文日期', '公开方式', '主题分类', '文号', '来源'];

/**
 * Labelled fields of the page header, inline ("索引号:xxx 发布机构:yyy") or as a two-row table
 * ("索引号 | 公开方式 | 发布机构" then the values in the same columns).
 */
export function keyValues(lines: Line[]): Map<string, string> {
  const out = new Map<string, string>();
  const keyAlt = KEYS.join('|');
  lines.forEach((l, i) => {
    const cells = l.cells ? l.cells.map((c) => c.text.trim()) : l.text.includes('|') ? l.text.split('|').map((c) => c.trim()) : null;
    if (cells && cells.filter((c) => KEYS.includes(c.replace(/[:：\s]/g, ''))).length >= 2) {
      const next = lines[i + 1];
      if (next) {
        const vals = next.cells ? next.cells.map((c) => c.text.trim()) : next.text.split('|').map((c) => c.trim());
        cells.forEach((c, j) => {
          const key = c.replace(/[:：\s]/g, '');
          const v = vals[j];
          if (KEYS.includes(key) && v && !out.has(key)) out.set(key, v);
        });
      }
      return;
    }
    // Header row with key and value in adjacent cells: 索引号 | xxx | 发布机构 | yyy.
    if (cells) {
      cells.forEach((c, j) => {
        const key = c.replace(/[:：\s]/g, '');
        const v = cells[j + 1];
        if (KEYS.includes(key) && v && !KEYS.includes(v.replace(/[:：\s]/g, '')) && !out.has(key)) out.set(key, v);
      });
    }
    const re = new RegExp(`(${keyAlt})\\s*[:：]\\s*(.+?)(?=\\s+(?:${keyAlt})\\s*[:：]|\\s{2,}|\\s*\\[|\\s*\\||$)`, 'g');
    for (const m of l.text.matchAll(re)) {
      const v = m[2]!.trim().replace(/^[(（](.*)[)）]$/, '$1');
      if (v && !out.has(m[1]!)) out.set(m[1]!, v);
    }
  });
  return out;
}
