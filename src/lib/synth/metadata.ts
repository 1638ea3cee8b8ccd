import { Random } from './random.ts';

/**
 * Metadata as real pages write it (issue 12, section 3): titles that start with the year,
 * 发布机构 ("publishing body") abbreviated (市政府办), crawler header blocks (标题: … 原文链接: …),
 * date labels spaced out or named 发文日期/成文日期, a date only under the signature at the end,
 * and the page's address — in a crawler header, a `<link rel=canonical>`/`og:url` with a site
 * suffix on the HTML title, or printed on the page's first line. Each variant is a quirk of its
 * own in `npm run eval`, and the truth holds the date, where it came from and the address.
 */

export interface MetaInput {
  agency: string;
  /** The agency's own place name (泰州市, 西湖区, 新华街道). */
  place: string;
  year: number;
  /** Publication date, ISO. */
  pub: string;
  /** The title as the generator made it, and whether it has the year. */
  title: string;
  yearInTitle: boolean;
  /** The header lines the generator made (labelled date, 索引号 …). */
  head: string[];
  html: boolean;
  /** The report may end early (a cut download): no signature then. */
  cut: boolean;
  /** 索引号 with the agency's credit code (a region clue the truth counts on), kept in every variant. */
  credit: string | null;
}

export interface MetaVariant {
  /** The title line of the text (null: the crawler header holds it). */
  titleLine: string | null;
  /** The title as the HTML <title> holds it. */
  htmlTitle: string;
  /** The report's own title, as the parser should find it. */
  title: string;
  head: string[];
  /** Lines after the report text (the signature). */
  tail: string[];
  /** Lines before everything (a browser's print header). */
  top: string[];
  /** Rewrites the finished HTML page (canonical link, og:url). */
  finishHtml: (html: string) => string;
  quirks: string[];
  truth: { published_on: string | null; published_on_basis: 'label' | 'signature' | null; source_url: string | null };
}

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const cnYear = (y: number) =>
  String(y)
    .split('')
    .map((d) => CN[Number(d)])
    .join('');
const cnSmall = (n: number) =>
  n < 10 ? CN[n]! : `${n >= 20 ? CN[Math.floor(n / 10)] : ''}十${n % 10 ? CN[n % 10] : ''}`;
const cnDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${cnYear(y)}年${cnSmall(m)}月${cnSmall(d)}日`;
};
const zhDate = (iso: string) => {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return `${y}年${m}月${d}日`;
};

/** The agency's name without its place, as a site's 发布机构 field writes it: 市政府办, 区教育局. */
function abbreviation(agency: string, place: string): string {
  const level = /[市区县旗]$/.test(place)
    ? place.slice(-1)
    : /街道$/.test(place)
      ? '街道'
      : /[镇乡]$/.test(place)
        ? place.slice(-1)
        : '本级';
  const rest = agency.slice(agency.lastIndexOf(place) + place.length);
  if (/^人民政府(?:办公室|办公厅)?$/.test(rest) || rest === '') return `${level}政府办`;
  return `${level}${rest.replace(/^人民政府/, '')}`;
}

export function metadataVariant(parent: Random, m: MetaInput): MetaVariant {
  const rng = new Random(parent.int(1, 2 ** 31 - 1));
  const out: MetaVariant = {
    titleLine: m.title,
    htmlTitle: m.title,
    title: m.title,
    head: m.head,
    tail: [],
    top: [],
    finishHtml: (h) => h,
    quirks: [],
    truth: { published_on: m.pub, published_on_basis: 'label', source_url: null },
  };
  const url = `https://www.xxgk${rng.int(100, 999)}.gov.cn/zwgk/ndbg/${m.pub.slice(0, 7).replace('-', '')}/t${m.pub.replace(/-/g, '')}_${rng.int(1000, 99999)}.htm`;

  if (m.yearInTitle && rng.chance(0.12)) {
    out.title = `${m.year}年${m.agency}政府信息公开工作年度报告`;
    out.titleLine = out.htmlTitle = out.title;
    out.quirks.push('meta-year-first');
  }

  // A year in Chinese numerals (二〇二五年, 二○二四年度), as many sites write titles; the title
  // keeps it, the year and agency are read as if in digits.
  if (m.yearInTitle && rng.chance(0.05)) {
    const zero = rng.pick(['〇', '○']);
    const cn = [...String(m.year)].map((d) => (d === '0' ? zero : '一二三四五六七八九'[Number(d) - 1])).join('');
    out.title = out.title.replace(`${m.year}年`, `${cn}年`);
    out.titleLine = out.htmlTitle = out.title;
    out.quirks.push('meta-cn-year');
  }

  const kind = rng.weighted({ keep: 64, crawler: 8, abbrev: 7, labels: 7, signature: m.cut ? 0 : 6, url: 8 });
  const index =
    m.credit ?? `${rng.int(10000000, 99999999)}/${m.year + 1}-${String(rng.int(1, 99999)).padStart(5, '0')}`;
  const creditLine = m.credit ? [`索引号：${m.credit}`] : [];
  if (kind === 'crawler') {
    out.titleLine = null;
    out.head = [
      `标题: ${out.title}`,
      `发布时间: ${m.pub} ${rng.int(8, 18)}:${String(rng.int(0, 59)).padStart(2, '0')}`,
      ...(m.credit ? [`索引号: ${m.credit}`] : []),
      '文号: ',
      rng.chance(0.5) ? '发布机构: ' : `发布机构: ${abbreviation(m.agency, m.place)}`,
      '栏目: 政府信息公开年报',
      `原文链接: ${url}`,
      '==================== 正文 ====================',
    ];
    out.truth.source_url = url;
    out.quirks.push('meta-crawler');
  } else if (kind === 'abbrev') {
    const dateLabel = rng.pick(['发文日期', '发布日期', '成文日期']);
    out.head = [
      `索 引 号 | ${index} | 分 类 | 政府信息公开年报 |`,
      `发布机构 | ${abbreviation(m.agency, m.place)} | ${dateLabel} | ${m.pub} |`,
      '文 号 | | 有 效 性 | |',
    ];
    out.quirks.push('meta-abbreviation');
    // The box's 标题 row, its value cell spanning the row (a tenth fresh tester: the title and
    // agency were published with the cell's bar, `|测试杨局`). A side stream keeps every other
    // choice as it was.
    const side = new Random([...index].reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 2147483647, 7) + 1);
    if (side.chance(0.3)) {
      out.head.splice(2, 0, `标\u3000\u3000题： | ${out.title} |`);
      out.quirks.push('meta-title-cell');
    }
  } else if (kind === 'labels') {
    const label = rng.pick(['发 布 日 期', '发布日期', '发文日期', '成文日期', '发布时间', '时间', '日期']);
    const sep = rng.pick(['：', ':', ' ', '： ']);
    const date = rng.pick([
      m.pub,
      m.pub.replace(/-/g, '/') + ` ${rng.int(8, 18)}:${String(rng.int(10, 59))}:01`,
      zhDate(m.pub),
    ]);
    out.head = [`${label}${sep}${date}`, ...creditLine];
    out.quirks.push('meta-date-label');
  } else if (kind === 'signature') {
    out.head = creditLine;
    out.tail = [m.agency, rng.chance(0.4) ? cnDate(m.pub) : zhDate(m.pub)];
    out.truth.published_on_basis = 'signature';
    out.quirks.push('meta-signature');
  } else if (kind === 'url') {
    if (m.html) {
      out.htmlTitle = `${out.title}${rng.pick(['_政府信息公开年报', `-${m.place}人民政府网`, ` | ${m.place}人民政府门户网站`])}`;
      const tag = rng.chance(0.5)
        ? `<link rel="canonical" href="${url}">`
        : `<meta property="og:url" content="${url}">`;
      out.finishHtml = (h) => h.replace('</head>', `${tag}\n</head>`);
      out.quirks.push('meta-canonical');
    } else {
      out.top = [`${url} 1/${rng.int(3, 9)}`];
      out.quirks.push('meta-printed-url');
    }
    out.truth.source_url = url;
  }
  // Drawn after every other choice, so that those stay as they were (a fresh tester's t28):
  // the statistical period under a date label (`时间：2023年1月1日—12月31日`), no publication date,
  // where no other label gives one; a title passed on (`转发…`), whose verb is no part of the name.
  if (!out.head.some((l) => /日期|时间/.test(l)) && rng.chance(0.08)) {
    // In place: the caller tells its own header kept by identity (no labelled date: corpus.ts).
    out.head.push(`${rng.pick(['时间', '日期'])}：${m.year}年1月1日—12月31日`);
    out.quirks.push('meta-period-label');
  }
  if (out.titleLine !== null && !out.quirks.includes('meta-year-first') && rng.chance(0.02)) {
    out.title = `转发${out.title}`;
    out.titleLine = out.htmlTitle = out.title;
    out.quirks.push('meta-title-verb');
  }
  // A browser's print header before the title, as the text of a PDF printed from the page has it
  // on its first line (a fresh tester's: the agency 12/6/26,7:48AM淮安市人民政府); a side stream.
  const stamp = new Random([...out.title].reduce((a, c) => (a * 31 + c.charCodeAt(0)) % 2147483647, 11) + 1);
  if (out.titleLine !== null && !m.html && stamp.chance(0.03)) {
    const time = `${stamp.int(1, 12)}:${String(stamp.int(0, 59)).padStart(2, '0')} ${stamp.pick(['AM', 'PM'])}`;
    const date = `${stamp.int(1, 12)}/${stamp.int(1, 28)}/${String(m.year + 1).slice(2)}`;
    out.titleLine = `${date}, ${time}${' '.repeat(stamp.int(4, 18))}${out.titleLine}`;
    out.quirks.push('meta-print-stamp');
  }
  return out;
}
