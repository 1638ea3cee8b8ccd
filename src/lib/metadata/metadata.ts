import type { Line } from '../decode/lines.ts';
import { isChrome } from '../segment/chrome.ts';
import {
  AGENCY_END,
  agencyFromTitle,
  agencyOfPlace,
  escapeRegExp,
  cleanTitle,
  isAbbreviation,
  isZone,
  titleAgency,
} from './agency.ts';
import {
  DATE_LABELS,
  arabicYears,
  isoDate,
  isPeriod,
  labelledDate,
  signatureDate,
  signatureName,
  type DateBasis,
} from './dates.ts';
import { htmlSourceUrl, labelledUrl, printedUrl } from './source-url.ts';
import { toSimplified } from '../decode/script.ts';
import { UNSURE_MARK } from '../decode/shown.ts';
import { clean, fieldsTitle, joinBrokenTitle, splitHeadLine, titleCandidates, type TitleCandidate } from './titles.ts';
import { bodyYears, decideYear, periodYear, titleYear, titleYears, type BodyYears, type YearClaim } from './year.ts';

export { agencyFromTitle } from './agency.ts';

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
  /**
   * Set when the title's agency part is the issuer's name (发布机构 or the signature, 落款) with
   * more after it that is no part of a name (a garbled year: XX局某年…): the issuer's name is taken.
   */
  agencyDisputed: { title: string; issuer: string; garbled?: true } | null;
  year: number | null;
  /** Set when the year is NULL because sources disagree (year.ts): what each said. */
  yearConflict: YearClaim[] | null;
  /**
   * Set when a crawler's 标题: field and the report's own title line name different agencies:
   * each name, and the one kept (the issuer's: 发布机构, else the signature), or null for neither.
   */
  /**
   * `headings`: two of the report's own title lines (no <h1> to tell which is the page's: a
   * sidebar's or a hot list's title before the report's) rather than a crawler's field and a title.
   * `above`: the line above a title naming no agency (`label`) against the 发布机构 field
   * (`heading`): bannerOrIssuer.
   */
  agencyConflict: { label: string; heading: string; kept: string | null; headings?: true; above?: true } | null;
  /**
   * Set when the year was decided but the body's statistical period (统计期限) names another
   * whole year: the year stands (a title is the report's statement of it), the reader is warned.
   */
  yearDisputed: { year: number; period: number; line: number } | null;
  /** The one whole year the body's statistical period (统计期限) states, and its line; null when none. */
  period: { year: number; line: number } | null;
  published_on: string | null;
  /** Where published_on came from: a labelled header field, or the signature at the end. */
  published_on_basis: DateBasis | null;
  index_no: string | null;
  /** The report's original address (原网址), http(s) only. */
  source_url: string | null;
}

export interface MetadataExtra {
  /**
   * Whether a place's name begins in one line and ends in the next, read run together (the
   * gazetteer's: region/resolve.ts nameAcross).
   */
  nameAcross?: (before: string, after: string) => boolean;
  /** The raw HTML, for `<link rel=canonical>` and `og:url`. */
  html?: string;
  /** The text is in traditional script (decode/script.ts): the title is given in simplified. */
  traditional?: boolean;
  /**
   * The line number where the report's appendix (附件) begins (segment/appendix.ts): a signature
   * before it is the report's (dates.ts signatureTails).
   */
  appendixAt?: number | null;
  /**
   * The lines of sections 五 and 六 (of `body`), where a year may be next year's plans
   * (2023年，我馆将…), not the report's (year.ts).
   */
  outlook?: ReadonlySet<Line>;
}

/** A place's mark in a name (省, 市, 区, 县, 州, 盟, 旗, 镇, 乡, 街道). */
const PLACE = /[省市区县州盟旗镇乡]|街道/;
/**
 * Words of an office's name with a place's mark in them that name no place: 城乡 (urban and
 * rural, 住房和城乡建设局), 市场 (market, 市场监督管理局), 市政 (municipal works), 城市 (city, as a
 * field), 乡村 (rural, 乡村振兴局), 区域 (regional), 社区 (community).
 */
const NO_PLACE_WORDS = /城乡|市场|市政|城市|乡村|区域|社区/g;
const namesPlace = (name: string) => PLACE.test(name.replace(NO_PLACE_WORDS, ''));
/**
 * A line that is a title's first words broken inside a name (吉林省四平市铁 / 东区文化和旅游局2022年…,
 * 安徽省黄山 / 市休宁县…): Chinese characters only, naming a place, and ending with neither a
 * place's nor an agency's name (a banner's 宁波市人民政府 ends so), nor with a site's word. Its
 * next line alone is a fragment, which may be a real place elsewhere: a fresh tester's t57
 * published 东区文化和旅游局 of 四川省攀枝花市东区 for 吉林省四平市铁东区文化和旅游局.
 */
export function titleBeginning(line: string): boolean {
  return (
    /^[\u4e00-\u9fff]{3,30}$/.test(line) &&
    namesPlace(line) &&
    !PLACE_END.test(line) &&
    !AGENCY_END.test(line) &&
    !/(?:网|网站|门户|平台|首页|专栏|频道|栏目|公开|报告|年报|通知|公告)$/.test(line) &&
    !isChrome(line)
  );
}
/** A line ending with a place's name (杭州市西湖区, 杭州市). */
const PLACE_END = /(?:[省市区县州盟旗镇乡]|街道)$/;

export function extractMetadata(lines: Line[], body: Line[], maxYear: number, extra: MetadataExtra = {}): Metadata {
  // A title run into the page's fields on one line (a one-line page dump) is cut first (titles.ts).
  const head = joinBrokenTitle(lines.flatMap(splitHeadLine));
  const headLines = head.filter((l) => l.text.trim() && !isChrome(l.text));
  const fields = keyValues(headLines);

  let published_on = null as string | null;
  for (const k of DATE_LABELS) {
    const v = fields.get(k);
    if (v && !isPeriod(v)) published_on ??= isoDate(v);
  }
  published_on ??= labelledDate(headLines);

  // The year first (year.ts): which title is the report's own depends on it when several are.
  const candidates = titleCandidates(head);
  // The title the page's fields follow speaks for the report, and the titles before it are lists
  // (titles.ts fieldsTitle), unless the publication date rules its year out (published before
  // that year ended): then all of them go to decideYear as before.
  const anchor = fieldsTitle(head, candidates);
  const anchorYear = anchor ? titleYear(candidateText(anchor), maxYear) : null;
  if (anchor && anchorYear !== null && (published_on === null || Number(published_on.slice(0, 4)) > anchorYear)) {
    const at = head.indexOf(anchor.line);
    for (const c of candidates) if (c.kind === 'heading' && head.indexOf(c.line) < at) c.kind = 'listed';
  }
  const own = candidates.filter((c) => c.kind === 'labelled' || c.kind === 'heading');
  // The statistical period is often in the opening paragraph, before section 一 (the template's place).
  const period = periodYear(head, maxYear) ?? periodYear(body, maxYear);
  let years: BodyYears | undefined;
  const decided = decideYear({
    titles: own.flatMap((c) => titleYears(candidateText(c), maxYear)),
    pageTitles: candidates
      .filter((c) => c.kind === 'page')
      .map((c) => titleYear(candidateText(c), maxYear))
      .filter((y): y is number => y !== null),
    // Read only when no own title settles the year (most reports' title does): bodyYears scans
    // the first 400 lines of the body with several patterns.
    get body() {
      return (years ??= bodyYears(body, maxYear, { period: period?.year ?? null, outlook: extra.outlook, head }));
    },
    published: published_on,
  });
  const year = decided.year;

  // The title: the first of the report's own titles and the page's <title>, in page order (a
  // list of other articles never gives it) — the first naming the year decided, when one does.
  const titled = candidates.filter((c) => c.kind !== 'listed');
  const ofYear = (c: TitleCandidate) => year !== null && titleYear(candidateText(c), maxYear) === year;
  // The report's own title before the page's <title> (a site's template, another page's: t32, t34).
  const chosen0 =
    titled.find((c) => c.kind !== 'page' && ofYear(c)) ??
    titled.find(ofYear) ??
    titled.find((c) => c.kind !== 'page') ??
    titled[0];
  // A crawler's 标题: field and the report's own title line naming different agencies: the one
  // the issuer (发布机构, else the signature) names — its title is then the report's — else
  // neither (a fresh tester's t28: 标题: 泰州市住房和城乡建设局… over the report's own
  // 扬州市住房和城乡建设局…, filed under 泰州).
  // The signature's (落款) full name, when one is needed.
  const signature = () => signatureName(body, (x) => AGENCY_END.test(x) && !isAbbreviation(x), extra.appendixAt);
  // Or two of the report's own title lines of its year naming different agencies (a sidebar's
  // title before the report's, no <h1> to tell: a fresh tester's t34, filed under the sidebar's).
  const headings = candidates.filter((c) => c.kind === 'heading' && (year === null || ofYear(c)));
  const conflict =
    chosen0?.kind === 'labelled'
      ? labelConflict(candidates, year, maxYear)
      : headings.length >= 2
        ? pairConflict(headings[0]!, headings[1]!, year, maxYear)
        : null;
  let agencyConflict: Metadata['agencyConflict'] = null;
  if (conflict) {
    const issuerRaw = issuerField(fields) ?? signature();
    const issuer = issuerRaw ? norm(issuerRaw) : null;
    const names = (a: string) => !!issuer && (issuer === a || issuer.endsWith(a) || a.endsWith(issuer));
    const kept = names(conflict.heading) ? conflict.heading : names(conflict.label) ? conflict.label : null;
    agencyConflict = { ...conflict, kept, ...(chosen0?.kind === 'labelled' ? {} : { headings: true as const }) };
  }
  const chosen =
    agencyConflict && agencyConflict.kept === agencyConflict.heading
      ? agencyConflict.headings
        ? headings[1]
        : candidates.find((c) => c.kind === 'heading')
      : chosen0;

  let title: string | null = null;
  let titleNorm: string | null = null;
  let titleLine: number | null = null;
  // The line above a title naming no agency, joined to it as its agency (a banner, or the
  // title's own first line: bannerOrIssuer decides against the 发布机构 field).
  let above: Line | null = null;
  if (chosen) {
    const l = chosen.line;
    // A traditional title is folded before its label (標題:) is cut, like every other field.
    const traditional = extra.traditional === true;
    // A space between two characters of a Chinese title is a line's wrap or a PDF's gap, no word
    // break (…政府信息公开 工作年度报告, XX局 2023年…).
    title = cleanTitle(clean(asRead(l.raw, traditional))).replace(CJK_GAP, '');
    titleNorm = arabicYears(cleanTitle(clean(l.text)));
    titleLine = l.no;
    // A title broken after the agency's name (淮安市人民政府 / 2024 年政府信息公开…), or inside
    // it (杭州市西湖区 / 人民政府2021年…, 杭州市西湖区人民 / 政府2023年…, 杭州市 / 西湖区教育局…: the
    // line's own agency then names no place, and the line before ends one or the name's first
    // words; a fresh tester's t18): join it. (A title broken inside its own words is one line
    // already: titles.ts, joinBrokenTitle.)
    const prev = headLines[headLines.indexOf(l) - 1];
    const prevText = prev ? clean(prev.text) : '';
    const own = titleAgency(titleNorm)?.name ?? null;
    const suffix = (s: string) => AGENCY_END.exec(s)?.[0].length ?? 0;
    const placeless = own !== null && !namesPlace(own);
    // A title wrapped after its year (沈阳市和平区司法局2023年度 / 政府信息公开…), or inside the
    // agency's last word (…宁海路街道办事 / 处2023年…): a fresh tester's t96, agency NULL.
    const yearTail = /^(.{2,})?(?<![\d])[(（]?(?:19|20)\d{2}\s*年度?[)）]?$/.exec(prevText)?.[1] ?? '';
    const lead = /^[\u4e00-\u9fff]{1,3}(?=(?:19|20)\d{2}\s*年)/.exec(titleNorm)?.[0] ?? '';
    const wrapped =
      own === null && (AGENCY_END.test(yearTail) || (lead !== '' && AGENCY_END.test(`${prevText}${lead}`)));
    const joins =
      own === null
        ? AGENCY_END.test(prevText) || wrapped
        : (placeless && (PLACE_END.test(prevText) || suffix(`${prevText}${own}`) > suffix(own))) ||
          titleBeginning(prevText) ||
          // Or a place's name runs on from that line into this one (临汾市乡 / 宁县…, 白银市会 /
          // 宁县…, 临 / 高县…: t57, 乡宁县 filed as 甘肃's 宁县).
          (/^[\u4e00-\u9fff]{1,30}$/.test(prevText) && extra.nameAcross?.(prevText, titleNorm) === true);
    // (Not the rest of a table row's last cell wrapped onto that line: `…| 凉州区市场监` over
    // `督管理局`, a page's issuer box printed narrow — t105, the agency published as 督管理局.)
    const before = headLines[headLines.indexOf(l) - 2]?.text.trim() ?? '';
    const cellRest = before.includes('|') && /[\u4e00-\u9fff]$/.test(before);
    if (prev && prevText.length <= 30 && !/[:：|,，。]/.test(prevText) && !isChrome(prevText) && joins && !cellRest) {
      title = `${clean(asRead(prev.raw, traditional))}${title}`;
      titleNorm = `${prevText}${titleNorm}`;
      if (own === null && !wrapped) above = prev;
    }
  }

  const picked = pickAgency(
    titleNorm,
    fields,
    headLines,
    titleLine,
    () => [...headLines, ...body.slice(0, 400)].map((l) => l.text).join('\n'),
    signature,
  );
  let agency = picked.agency;
  if (agencyConflict && agencyConflict.kept === null) agency = null;
  if (above && agency && !agencyConflict && !picked.disputed) {
    // Sentences only, and the page's own <title>: a line that is a title alone, or a link to one
    // (相关阅读, 上一篇：…), names a report of the site's, not this one (t98: the posting unit's own
    // report linked).
    const words = [...headLines, ...body.slice(0, 400)]
      .filter(
        (l) =>
          l !== above &&
          !ISSUER_LABEL.test(l.text) &&
          !SOURCE_LABEL.test(l.text) &&
          (l.role === 'page-title' || /[。，,；;]|如下/.test(l.text)) &&
          !/^\s*(?:上一篇|下一篇|相关|推荐|热点)/.test(l.text),
      )
      .map((l) => l.text)
      .join('')
      .replace(/\s+/g, '');
    // The issuer: the 发布机构 field, else the page's 来源 ("source") field, else the signature.
    const source = fields.get('来源');
    const field = issuerField(fields) ?? (source && !SOURCE_NO_ISSUER.test(norm(source)) ? source : null);
    const signed = signature();
    const issuer = field ?? signed;
    const proves = (a: string) =>
      namesReport(words, a) || (field !== null && signed !== null && norm(field) === a && norm(signed) === a);
    const banner = bannerOrIssuer(agency, issuer, proves);
    if (banner) {
      agencyConflict = banner;
      agency = banner.kept;
    }
  }

  let published_on_basis: DateBasis | null = published_on ? 'label' : null;
  if (!published_on) {
    published_on = signatureDate(body, year, maxYear, extra.appendixAt);
    if (published_on) published_on_basis = 'signature';
  }
  const index_no = fields.get('索引号')?.replace(/\s+/g, '') || null;
  // A labelled address at the top (crawler header) or the bottom (本文链接: …) of the page.
  const source_url =
    labelledUrl(headLines) ??
    labelledUrl(body.slice(-10)) ??
    (extra.html ? htmlSourceUrl(extra.html) : null) ??
    printedUrl(head.slice(0, 5), body.slice(-5));

  return {
    title,
    titleLine,
    agency,
    agency_kind: agency ? agencyKind(agency) : null,
    agencyDisputed: picked.disputed,
    agencyConflict,
    year,
    yearConflict: decided.conflict,
    yearDisputed:
      period && year !== null && period.year !== year ? { year, period: period.year, line: period.line } : null,
    period,
    published_on,
    published_on_basis,
    index_no,
    source_url,
  };
}

/**
 * The agency joined to a title from the line above it (XX县人民政府 / 2023年政府信息公开工作年度报告)
 * against the issuer naming another agency in full — the 发布机构 field, else 来源 (not a media or
 * information centre's, nor a site's), else the signature (落款). The line may be a portal's banner
 * (fresh testers' t93 M1 and t96: 测试县财政局's report filed under 测试县人民政府), or the title's
 * first line with the report posted, compiled or signed by an office or another unit (t97: 沭阳县
 * 人民政府's report posted by 沭阳县政务公开办公室; a bureau's report posted by its county's portal).
 * Only strong evidence decides (`proves`): the report's own words naming one of them with the
 * report (…现将2023年测试县财政局政府信息公开工作报告如下, XX局2023年政府信息公开…), or the field and the
 * signature naming the same one; when it proves one and not the other, that one; else, when the
 * issuer is a place's government and the line one of that place's units, the line; else neither
 * (NULL, `W_AGENCY_DISPUTED`). Null when there is no conflict: no issuer, an abbreviation
 * (市政府办), a longer or shorter form of the same name, or the line's government's own office
 * (XX县人民政府办公室).
 */
export function bannerOrIssuer(
  joined: string,
  issuerRaw: string | undefined | null,
  proves: (agency: string) => boolean,
): { label: string; heading: string; kept: string | null; above: true } | null {
  const issuer = issuerRaw ? norm(issuerRaw) : '';
  if (!issuer || isAbbreviation(issuer) || !AGENCY_END.test(issuer)) return null;
  if (issuer === joined || issuer.endsWith(joined) || joined.endsWith(issuer) || issuer.startsWith(joined)) return null;
  // The line's government's own office, its name shortened (沭阳县政府办公室 for 沭阳县人民政府办公室: t98).
  const own = /^(.+?)人民政府$/.exec(joined)?.[1];
  if (own && new RegExp(`^${escapeRegExp(own)}(?:人民)?政府(?:办公室|办公厅|办)$`).test(issuer)) return null;
  const conflict = { label: joined, heading: issuer, above: true as const };
  const [forIssuer, forJoined] = [proves(issuer), proves(joined)];
  if (forIssuer !== forJoined) return { ...conflict, kept: forIssuer ? issuer : joined };
  // A place's government as the issuer over its own unit's line (沭阳县财政局 / 2023年…, 来源：沭阳县
  // 人民政府): the unit's report on its government's portal (t97). Not the other way round: a
  // government's line over one of its units is a banner as often as the title's first line.
  const place = /^(.+?)人民政府$/.exec(issuer)?.[1];
  return { ...conflict, kept: place && joined.startsWith(place) ? joined : null };
}

/** A 来源 that names no issuer: a media or information centre, a newspaper, a site. */
const SOURCE_NO_ISSUER = /(?:中心|网|网站|报|报社|电视台|台|社|门户)$/;

/** The report's own words naming `agency` with the report: XX局2023年政府信息公开工作年度报告, 2023年XX局政府信息公开工作报告. */
function namesReport(words: string, agency: string): boolean {
  const a = escapeRegExp(agency);
  const year = '(?:(?:19|20)\\d{2}\\s*年度?)';
  const report = '(?:政府)?信息公开(?:工作)?(?:年度)?(?:报告|年报)';
  return new RegExp(`${a}${year}?${report}|${year}${a}${report}`).test(words);
}

/**
 * The agencies of a crawler's 标题: field and of the report's own title line after it, when the
 * two name different ones (neither a longer form of the other) of the same year: null otherwise.
 */
function labelConflict(
  candidates: TitleCandidate[],
  year: number | null,
  maxYear: number,
): { label: string; heading: string } | null {
  const label = candidates.find((c) => c.kind === 'labelled');
  const heading = candidates.find((c) => c.kind === 'heading');
  return label && heading ? pairConflict(label, heading, year, maxYear) : null;
}

/** The agencies of two title candidates of the year, when they name different ones; null otherwise. */
function pairConflict(
  label: TitleCandidate,
  heading: TitleCandidate,
  year: number | null,
  maxYear: number,
): { label: string; heading: string } | null {
  const [a, b] = [label, heading].map((c) => {
    const text = candidateText(c);
    return year === null || titleYear(text, maxYear) === year ? agencyFromTitle(text) : null;
  });
  if (!a || !b) return null;
  const [x, y] = [norm(a), norm(b)];
  return x === y || x.endsWith(y) || y.endsWith(x) ? null : { label: x, heading: y };
}

/**
 * A year-first title `2017年度佳镇人民政府…` reads as 2017年度 + 佳镇… or 2017年 + 度佳镇…; the body
 * tells: a 度 before the name's first two characters that follows no 年 (`2017年，度佳镇按照…`) is
 * the name's own (the 100,000-report corpus: 度佳镇 published as 佳镇). Returns that name, or null.
 */
function yearDu(titleNorm: string, name: string, text: () => string): string | null {
  const head = name.slice(0, 2);
  if (!/^[\u4e00-\u9fff]{2}$/.test(head)) return null;
  if (!new RegExp(`^(?:关于)?[(（]?(?:19|20)\\d{2}年度${head}`).test(titleNorm.replace(/\s+/g, ''))) return null;
  return new RegExp(`(?<![年季])度${head}`).test(text().replace(/\s+/g, '')) ? `度${name}` : null;
}

/**
 * The agency's full name. A name written in the title wins; the issuer's name — the 发布机构
 * field, else the signature (落款) — wins only when it is that name in full: a longer form of it
 * (滨湖区行政审批局 → 无锡市滨湖区行政审批局), the title names just the place and the field names
 * that place's agency, or the title's name is the issuer's with more after it that ends no
 * agency's name (XX局某年政府信息公开…, a year garbled past reading: `disputed`, and a warning). A
 * title naming only a place takes the agency the text names for it (平潭综合实验区管委会), else the
 * place's 人民政府 — never for a zone, which has none.
 */
function pickAgency(
  titleNorm: string | null,
  fields: Map<string, string>,
  headLines: Line[],
  titleLine: number | null,
  text: () => string,
  signature: () => string | null,
): { agency: string | null; disputed: Metadata['agencyDisputed'] } {
  const fieldRaw = issuerField(fields);
  const field = fieldRaw ? norm(fieldRaw) || null : null;
  const fromTitle = titleNorm ? titleAgency(titleNorm) : null;
  const only = (agency: string | null) => ({ agency, disputed: null });
  if (fromTitle && !fromTitle.placeOnly) {
    const t = norm(fromTitle.name);
    if (field && field !== t && field.endsWith(t) && !isAbbreviation(field)) return only(field);
    // The issuer's full name, and more in the title that ends no name: the title's agency part
    // holds what is left of something else (a year garbled past reading).
    if (!AGENCY_END.test(t)) {
      const issuer = field && !isAbbreviation(field) && AGENCY_END.test(field) ? field : signature();
      if (issuer && issuer !== t && t.startsWith(issuer) && AGENCY_END.test(issuer) && !isAbbreviation(issuer))
        return { agency: issuer, disputed: { title: t, issuer } };
      // No issuer to name it, and what follows the name is mojibake (a year lost to U+FFFD and
      // saved as GBK, 锟斤拷; full-width digits' UTF-8 read as GBK, 锛掞紣…): no name holds such
      // text, so the name is what stands before it (100,000 reports, seed 2026: 33 agencies
      // published with it, one-line dumps whose 发布机构 and signature are not read).
      // (And the year's digits before it, its 年 lost: XX局2023锟斤拷政府…; or mojibake before the name.)
      const bare = t
        .replace(MOJIBAKE_END, '')
        .replace(/(?:19|20)\d{2}$/, '')
        .replace(MOJIBAKE_START, '');
      if (bare !== t && AGENCY_END.test(bare))
        return { agency: bare, disputed: { title: t, issuer: bare, garbled: true } };
    }
    return only(yearDu(titleNorm!, t, text) ?? t);
  }
  if (fromTitle?.placeOnly) {
    // A title naming the place is, by convention, the report of the place's government (or
    // committee): the name the page gives it wins over the office that posted the page.
    const place = norm(fromTitle.name);
    const named = agencyOfPlace(place, text().replace(/\s+/g, ''));
    if (named) return only(norm(named));
    if (field && field.startsWith(place) && AGENCY_END.test(field)) return only(field);
    return only(isZone(place) ? place : `${place}人民政府`);
  }
  if (field && !isAbbreviation(field)) {
    // A portal's publisher (发布机构：XX市人民政府办公室) over another agency's report, its signature
    // naming that agency (a fresh tester's t28): where the two differ, the one the text names.
    const signed = signature();
    if (signed && signed !== field && !signed.endsWith(field) && !field.endsWith(signed)) {
      const words = text()
        .split('\n')
        .filter((l) => !ISSUER_LABEL.test(l))
        .join('')
        .replace(/\s+/g, '');
      if (words.includes(signed) && !words.includes(field)) return only(signed);
    }
    return only(field);
  }
  if (titleLine) {
    // Title without the agency ("2020年度政府信息公开工作落实情况"): the line above or below names it.
    const i = headLines.findIndex((l) => l.no === titleLine);
    for (const l of [headLines[i - 1], headLines[i + 1]]) {
      const t = l ? clean(l.text) : '';
      if (t && t.length <= 30 && AGENCY_END.test(t) && !/[:：|]/.test(t)) return only(norm(t));
    }
  }
  // No name in the title or beside it: the signature's full name, else the field as written.
  return only(field ?? signature());
}

/** Mojibake at the end of a title's agency part: 锟斤拷 (U+FFFD saved as GBK), full-width forms' UTF-8 read as GBK (锛掞紣…). */
const MOJIBAKE_END = /(?:锟斤拷|\uFFFD|[锛锝][\u4e00-\u9fff]{1,2})+$/;
const MOJIBAKE_START = /^(?:锟斤拷|\uFFFD)+/;

/** Spaces between two Chinese characters, or before a number after one. */
const CJK_GAP = /(?<=[\u4e00-\u9fff〇○])\s+(?=[\u4e00-\u9fff〇○0-9])/g;

/** A line holding the issuer's field. */
const ISSUER_LABEL = /发\s*布\s*机\s*构|发文机关|发布单位/;
/** A line holding the page's 来源 field (the posting unit, or a site's name). */
const SOURCE_LABEL = /来\s*源\s*[:：]/;

/** The page's field naming the issuer (发布机构, 发文机关, 发布单位), as written; null when none. */
const issuerField = (fields: Map<string, string>): string | null =>
  fields.get('发布机构') ?? fields.get('发文机关') ?? fields.get('发布单位') ?? null;

const TITLE_LABEL_PREFIX = /^\s*(?:[【\[]\s*(?:标题|题目)\s*[】\]]|标题|题目|来源)\s*[:：]?\s*/;

/** An agency name as compared and published: label cut, spacing removed, full-width brackets. */
function norm(a: string): string {
  return a.replace(TITLE_LABEL_PREFIX, '').replace(/\s+/g, '').replace(/\(/g, '（').replace(/\)/g, '）');
}

// The helpers below were closures inside extractMetadata; at module level the TypeScript loader
// does not name a new function object (Object.defineProperty) on every call.

/** A title candidate's text as its year is read: cleaned, label and site name cut, years in digits. */
function candidateText(c: TitleCandidate): string {
  return arabicYears(cleanTitle(clean(c.line.text)));
}

/** Raw text as the parser reads it: folded to simplified script for a traditional report. */
function asRead(raw: string, traditional: boolean): string {
  return traditional ? toSimplified(raw) : raw;
}

export function agencyKind(agency: string): string {
  if (/(?:人民政府办公室|人民政府办公厅|政府办公室|政府办公厅|政府办)$/.test(agency)) return '人民政府办公室';
  if (/街道办事处$|街道办$|街道$/.test(agency)) return '街道办事处';
  if (/(?:镇|乡)人民政府$|(?:镇|乡)政府$/.test(agency)) return '乡镇人民政府';
  if (/人民政府$/.test(agency)) return '人民政府';
  return '部门';
}

const KEYS = [
  '索引号',
  '发布机构',
  '发文机关',
  '发布单位',
  '发布时间',
  '发布日期',
  '发文日期',
  '成文日期',
  '公开日期',
  '公开方式',
  '主题分类',
  '分类',
  '文号',
  '来源',
  '标题',
  '原文链接',
  '栏目',
  '生成日期',
];

// A key may be spaced out (`索  引  号：`, `发 布 机 构 ：`), as pages align their labels.
const KEY_ALT = KEYS.map((k) => k.split('').join('\\s*')).join('|');
/**
 * An inline field, 索引号:xxx or 【索引号】xxx, up to the next field (with or without a space
 * before it: a PDF's wide gap, U+3000, may be lost in its text), a wide gap or a tab (a page's
 * cells saved as text), a bracket or a cell border (matchAll copies it).
 */
const INLINE_FIELD = new RegExp(
  `(?:【\\s*(${KEY_ALT})\\s*】|(${KEY_ALT})\\s*[:：])[\\s|]*(.+?)(?=\\s*【|\\s*(?:${KEY_ALT})\\s*[:：]|\\s{2,}|\\t|\\s*\\[|\\s*\\||$)`,
  'g',
);

/**
 * A line's text without the marks of text that may not be shown (UNSURE_MARK: a page's info box
 * under a style the reader cannot judge, the text itself kept after the mark): a field's key and
 * value are read through them (a tenth fresh tester's pages published the agency `|⁇测试杨局`).
 */
const unmarked = (s: string) => s.replaceAll(UNSURE_MARK, '');

/** A line that is one key and its colon, nothing else; a line that starts with a key. */
const KEY_ALONE = new RegExp(`^(${KEY_ALT})\\s*[:：]$`);
const KEY_START = new RegExp(`^(?:【\\s*)?(?:${KEY_ALT})\\s*[:：】]`);

/**
 * Labelled fields of the page header, inline ("索引号:xxx 发布机构:yyy") or as a two-row table
 * ("索引号 | 公开方式 | 发布机构" then the values in the same columns).
 */
export function keyValues(lines: Line[]): Map<string, string> {
  const out = new Map<string, string>();
  lines.forEach((l, i) => {
    const text = unmarked(l.text);
    const cells = l.cells
      ? l.cells.map((c) => unmarked(c.text).trim())
      : text.includes('|')
        ? text.split('|').map((c) => c.trim())
        : null;
    // A header row: two keys or more and nothing else (索引号 | 发布机构), its values on the next
    // line. A row with a value among its keys (发文日期 | 2024-01-22 | 文号 | |) holds its own
    // values: the next line is other text (a dump's opening sentence, whose 2023年1月1日 was
    // taken for the date).
    const isKey = (c: string) => KEYS.includes(c.replace(/[:：\s]/g, ''));
    if (cells && cells.filter(isKey).length >= 2 && cells.every((c) => !c || isKey(c))) {
      const next = lines[i + 1];
      const pieces = (m: Line) =>
        (m.cells ? m.cells.map((c) => c.text) : m.text.split('|')).map((c) => unmarked(c).trim());
      // The header row printed again (a browser's page title over each printed page): its values
      // are on the line after the last copy, not the next key row (t105: 发布机构 published).
      if (next && pieces(next).every((c) => !c || isKey(c))) return;
      if (next) {
        const vals = pieces(next);
        // The value row's last cell wrapped onto the line after it (`…| 凉州区市场监` over `督管理局 |`):
        // the header and that line end with the table's border, the value row does not (t105: the
        // agency published as 督管理局).
        const after = lines[i + 2] && unmarked(lines[i + 2]!.text).trim();
        // Without borders, an issuer's name that ends only with that line (凉州区市场监 + 督管理局).
        const rest = after?.match(/^([^|\d:：]{1,12}?)\s*(\|?)$/);
        const last = vals.length - 1;
        const issuerKey = /^(?:发布机构|发文机关|发布单位)$/.test(cells[last]?.replace(/[:：\s]/g, '') ?? '');
        if (
          rest &&
          !isKey(rest[1]!) &&
          vals[last] &&
          ((rest[2] && /\|\s*$/.test(text) && !/\|\s*$/.test(next.text) && vals.length === cells.length - 1) ||
            (issuerKey && !AGENCY_END.test(vals[last]) && AGENCY_END.test(vals[last] + rest[1]!)))
        )
          vals[last] += rest[1]!.trim();
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
    // A key alone on its line (`索 引 号：`), its value on the next (a page's label cell over its
    // value cell, flattened: a fresh tester's index number and date were NULL).
    const alone = !cells && KEY_ALONE.exec(text.trim());
    if (alone) {
      const key = alone[1]!.replace(/\s+/g, '');
      const next = lines[i + 1] && unmarked(lines[i + 1]!.text).trim();
      if (next && !KEY_START.test(next) && !next.includes('|') && !out.has(key)) out.set(key, next);
      return;
    }
    // INLINE_FIELD needs a colon after its key or brackets around it: a line without (most) is
    // not run through it.
    if (!text.includes(':') && !text.includes('：') && !text.includes('【')) return;
    for (const m of text.matchAll(INLINE_FIELD)) {
      const key = (m[1] ?? m[2]!).replace(/\s+/g, '');
      const v = m[3]!.trim().replace(/^[(（](.*)[)）]$/, '$1');
      if (v && !out.has(key)) out.set(key, v);
    }
  });
  return out;
}
