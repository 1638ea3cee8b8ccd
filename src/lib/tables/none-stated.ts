import { toSimplified } from '../decode/script.ts';
import { requestRows } from '../template/definitions.ts';
import { bareLabel } from './tokens.ts';
import { namesOtherPeriod } from './periods.ts';
import { notOwnTable } from './not-own.ts';
import type { TableRead } from './read.ts';

/**
 * A section's text saying nothing happened in the year — 本年度本机关未收到政府信息公开申请 (no
 * request received), 本年度未发生政府信息公开行政复议、行政诉讼案件 (no administrative review
 * or lawsuit) — beside a table holding figures. Text and table cannot both be the year's: the
 * table is most often last year's, printed for comparison with words the period rules do not
 * know (a passive note, a footnote mark, a quote in traditional script: a fresh tester's t109,
 * 905 cells published as the year's). Which one is right is not proven, so the table's values
 * are left NULL (state `contradicted`), and the note says why. One rule for every wording of the table's
 * period: the contradiction is in the figures themselves.
 */

/** Which rows a statement says are empty, by table: 三's new requests, 四's review or lawsuit rows. */
export interface NoneStated {
  line: number;
  words: string;
  /** Row keys of the table that must hold no figure above 0 if the statement is the year's. */
  rows: string[];
}

/** The end of a statement of none: the clause's end, or 件/事项/情况 and a bracket. */
const END = '(?=$|件|事项|情况|（|\\()';
/**
 * 三: no request received — 未收到(任何)(新的)政府信息公开申请, 没有收到依申请公开的申请, 未有…申请,
 * 无政府信息公开申请, 无依申请公开政府信息事项, 收到政府信息公开申请0件. Only requests in general:
 * 未收到涉及国家秘密的申请 (none of one kind) does not match, nor 未收到因申请引起的行政复议 (四's).
 */
const NO_REQUEST = new RegExp(
  [
    `(?:未|没有|并未|均未|未曾)(?:收到|接到|受理|接收|办理)(?:过)?(?:任何|一件)?(?:新的?)?(?:(?:群众|公众|社会公众)的?)?(?:(?:公民|自然人)、?法人(?:或|和|及)其他组织(?:提出)?的)?(?:政府信息公开|信息公开|依申请公开(?:政府信息)?)?(?:的)?申请${END}`,
    `(?:未有|没有|无)(?:任何)?(?:新的?)?(?:(?:公民|自然人)、?法人(?:或|和|及)其他组织)?(?:提出)?(?:的)?(?:政府信息公开|信息公开|依申请公开(?:政府信息)?)(?:的)?(?:申请|事项)(?:发生|产生)?${END}`,
    // 零申请 (a slogan: 实现零申请, 依申请公开零申请; t121).
    `零申请${END}`,
    // 未发生政府信息公开申请 (t119).
    `(?:未|没有|并未|均未)(?:发生|产生|出现)(?:过)?(?:任何)?(?:新的?)?(?:政府信息公开|信息公开|依申请公开(?:政府信息)?)(?:的)?(?:申请|事项)${END}`,
    // 未收到依申请公开事项 (t116).
    `(?:未|没有|并未|均未|未曾)(?:收到|接到|受理|接收)(?:过)?(?:任何)?(?:新的?)?依申请公开(?:政府信息)?(?:的)?事项${END}`,
    // Nobody asked (无人向本机关申请公开政府信息, 没有公民、法人或其他组织向本机关申请…).
    `(?:无人|没有人|没有(?:任何)?(?:公民|自然人|群众)[^，,]{0,14}?)(?:向(?:本机关|本单位|本局|我局|我单位|本部门|我委|本委))?(?:提出)?(?:政府信息公开)?申请(?:公开(?:政府)?信息|政府信息公开|公开)?(?=$|[（(])`,
    // A count of none, the clause being that count alone (本年度政府信息公开申请数量为零, 收到…申请数为0, 为零申请).
    `^(?:本年度?|全年|今年|\\d{4}年度?)?(?:本机关|本单位|本局|我局|我单位|本部门)?(?:共|全年)?(?:收到|受理|新收)?(?:的)?(?:政府信息公开|信息公开|依申请公开)?(?:的)?(?:申请(?:数量?|数|件数|总数)?|(?<=依申请公开)(?:政府信息)?(?:事项)?(?:数量?|件数|总数)?)(?:均|都)?(?:为|是|共|计)?(?:0|零)件?$`,
    `^(?:本年度?|全年|今年|\\d{4}年度?)?(?:本机关|本单位|本局|我局|我单位|本部门)?(?:依申请公开(?:政府信息)?)?为零申请$`,
  ].join('|'),
);

/** 四's cases: a review (复议) or a lawsuit (诉讼), as the sentence words them (被申请行政复议, 提起行政诉讼). */
const CASE = '(?:被申请|被提起|被|申请|提起)?(?:行政)?(?:复议|诉讼)';
/**
 * 四: no administrative review (行政复议) or lawsuit (行政诉讼) — 未发生政府信息公开行政复议、行政诉讼案件,
 * 没有因政府信息公开引起的行政复议和行政诉讼, 未发生涉及政府信息公开的行政复议…, 未因政府信息公开工作被
 * 申请行政复议或提起行政诉讼, 无行政复议、行政诉讼情况. Its group names what is empty: 复议, 诉讼, or both.
 */
const NO_CASE = new RegExp(
  `(?:未|没有|并未|均未|无)(?:被申请|被提起|被)?(?:发生|出现|产生)?(?:过)?(?:任何|一起|一件)?(?:涉及|因|由|关于)?(?:政府信息公开|信息公开)?(?:申请)?(?:工作)?(?:(?:引起|引发|产生|而引起)?的)?(?:方面的)?(${CASE}(?:(?:[、和及与或]|以及)${CASE})?)(?:的)?(?:案件|情况|事项|申请)?(?=$|（|\\()`,
);

/** 四 as a slogan: 零复议、零诉讼 (t121). Its groups name what is empty. */
const ZERO_SLOGAN = /零(?:行政)?(复议|诉讼)(?:[、和及与]零(?:行政)?(复议|诉讼))?/;
/**
 * A line saying none by a colon: 依申请公开：无, 行政复议、行政诉讼：无 (t121). Read before the clauses are
 * cut at the colon.
 */
const COLON_NONE = /(依申请公开|政府信息公开申请|行政复议|行政诉讼)[^：:，,。]{0,12}[:：]\s*无[。.；;]?$/;

/**
 * 四 counted as none, the clause being that count (行政复议、行政诉讼案件数量均为零, …均为0件): not a
 * result's count (结果维持0件).
 */
const ZERO_CASES = new RegExp(
  `^[^维纠审]*?(${CASE}(?:(?:[、和及与或]|以及)${CASE})?)(?:案件)?(?:的)?(?:数量?|数|件数|总数)?(?:均|都)?(?:为|是)(?:0|零)件?$`,
);

/**
 * A clause about part of the agency or of the year (下属单位未收到…, 本级…, 第一季度未收到…): it
 * says nothing of the whole table (t112: tables lost to them).
 */
const PART =
  /下属|所属|直属|[局委厅办处]属|派出|各(?:乡镇|乡|镇|街道|社区|村|部门|单位|科室|处室)|本级|季度|上半年|下半年|[\d一二三四五六七八九十]+月/;

/** A statement with an exception (未发生…案件（上年结转案件除外）): not of none. */
const EXCEPT = /除外|除[^，,]{1,20}外|以外/;
/** Words saying the statement's subject is the agency itself, or naming only when it happened. */
const SELF_SUBJECT =
  /^(?:本年度?|全年|今年|年内|报告期内|\d{4}年度?|[，,])*(?:本|我)?(?:机关|单位|部门|局|委|办|厅|院|中心|府|县|区|市|镇|乡|街道)?(?:本年度?|全年|今年|年内)?$/;

/**
 * Whether a clause's statement is of another subject than the agency (`own`: its names): words
 * before its negation that are no self word nor the agency's name (县政府办公室未收到… above a
 * 全县 table, one agency of a joint report: t114). Only where the agency is known.
 */
function otherSubject(words: string, own: readonly string[]): boolean {
  if (!own.length) return false;
  const at = words.search(/未|没有|并未|均未|无人|无|零|〇/);
  if (at <= 0) return false;
  const subject = words
    .slice(0, at)
    // (An item's number first: （三）全年未发生…, t116.)
    .replace(/^(?:[（(][一二三四五六七八九十\d]{1,2}[）)]|[一二三四五六七八九十\d]{1,2}[、.．])/, '')
    .replace(/^(?:本年度?|全年|今年|年内|报告期内|\d{4}年度?)/, '')
    .replace(/(?:本年度?|全年|今年|年内|均|都|也|亦|共)+$/, '');
  if (!subject || SELF_SUBJECT.test(subject)) return false;
  // Only a unit's name is another subject: the matter's words, time and manner left out, what
  // remains ends as a unit's name does (县教育局, 某中心). The agency naming itself (我馆, 本站), the
  // requesters (群众未…提出申请), a heading's words (…申请情况（本年度无）) are no other subject
  // (a fresh tester's t124: 我馆, 我处, 我所, 我署, 我站 and 群众 left tables published).
  const unit = subject
    .replace(/实际|一直|始终|一次|一件|一起|暂|尚|并|仍|确/g, '')
    .replace(
      /政府信息公开|信息公开|依申请公开|公开政府信息|申请|收到和处理|情况|业务|工作|事项|行政复议|行政诉讼|复议|诉讼|[、和及与或（(）)]/g,
      '',
    );
  if (!unit || /^[本我]/.test(unit) || !UNIT_END.test(unit)) return false;
  // (A joint report's one agency is part of it: 沭阳县农业农村局未收到… in 水利局、农业农村局's report.)
  return !own.some((o) => {
    // (区政府 is 某区人民政府's own short name.)
    const name = o.replace(/\s/g, '').replace(/人民政府/g, '政府');
    const short = unit.replace(/人民政府/g, '政府');
    // (…and a name before the subject that is an agency's itself: 水利局 + 农业农村局, one fused name.)
    const before = name.slice(0, name.length - short.length);
    return (
      name === short ||
      (!/[、，,和与及]|\s\S/.test(o.trim()) &&
        name.endsWith(short) &&
        !/(?:局|委员会|委|办公室|政府|中心|厅|院)$/.test(before))
    );
  });
}

/** How a unit's name ends (局, 委员会, 中心, 政府, 街道, 馆, 站…). */
const UNIT_END =
  /(?:局|委员会|委|办公室|办|厅|院|中心|政府|镇|乡|街道|馆|处|所|署|站|队|社|司|校|园|场|公司|单位|机构|部门|科|股|室|组|会|厂)$/;

/**
 * The general rule, beside the wordings above (a fresh tester's t124: each round of wordings found
 * some no list held — 申请〇件, “零”受理, a heading's （本年度无）, 暂无, 一次也没有, 业务未发生, 未引发行政
 * 争议, 实现“双零”, 未收到此类申请 after a sentence naming them): a clause naming the table's matter — a
 * request for 三 (申请, 依申请公开, 申请人), a review or a lawsuit for 四 (复议, 诉讼, 行政争议) — and
 * saying none of it (NONE_WORD) states that its rows are empty, unless a word narrows it to a kind
 * (NARROW: 未收到涉及国家秘密的申请, 无逾期答复的申请, 行政复议未被纠错) or it is a row label of the
 * form. A clause that is a count of none alone (：0, 均无, 全年共计0件) speaks of the matter the
 * clause before it in the sentence names (依申请公开工作：全年共计0件). Too wide a rule loses a table
 * (NULL, a reason given); too narrow a one publishes a table the report disowns.
 */
const NONE_WORD =
  /未(?!来|成年|经复议|予|能)|没有|没(?=收到|接到|受理|发生|有)|不曾|无(?!锡|为|极|棣|法|正|需|须|论|偿|误|差错|障碍)|零(?!星|售|距离|差错|门槛|跑)|(?<![一二三四五六七八九十〇零])[〇○](?![一二三四五六七八九十〇零])|(?<![\d.])0(?![\d.])|(?<![A-Za-z])O(?![A-Za-z])|空白|[:：]\s*(?:\/|—+|-+)$|^\s*(?:\/|—+|-+)\s*$/;
/** Words narrowing a request to a kind (a row of the form, a channel, a subject, a time limit). */
const NARROW_REQUEST =
  /涉及|秘密|隐私|个人信息|第三方|三安全|稳定|内部事务|过程性|执法案卷|查询|信访|举报|投诉|重复|出版物|反复|确认|逾期|超期|期限|时限|补正|收费|费用|缴|争议|不予|部分公开|予以公开|答复|办结|结转|延期|延长|方式|信函|传真|网上|网络|在线|当面|邮寄|邮件|现场|窗口|书面|口头|纸质|更正|撤回|异议|外国|境外|港澳|律师|企业|法人|自然人|其他组织|科研|公益|法律服务|商业|不明确|现成|另行制作|不掌握|不再处理|退回|转办|转交|告知|驳回|大量|比例|同比|增长|减少|下降|上升|持平/;
/** Every requester: 公民、法人或者其他组织 (its words are also one column's, 法人或其他组织). */
const EVERYONE = /(?:公民|自然人|群众)、?法人(?:或者?|和|及|、)其他组织/g;
/**
 * Words narrowing a review or lawsuit to a kind or an outcome: no new one, none received (未收到行政
 * 复议申请), no one applying, leave those carried over that ended in the year (t112, t115).
 */
const NARROW_CASE =
  /主动公开|收到|接到|受理|(?<![被依])申请(?!人)|败诉|纠错|纠正|撤销|确认违法|维持|审结|结转|新|上年|尚未|直接起诉|未经|复议后|结果|赔偿|信访|投诉|收费|逾期|补正|同比|增长|减少|下降|上升|持平|涉及(?!政府信息公开|信息公开)/;
/** Requests named in a list with reviews or lawsuits (依申请公开、行政复议…). */
const LISTED_REQUESTS = /(?:依申请公开|政府信息公开申请)(?:工作)?[、和及与]|[、和及与](?:依申请公开|政府信息公开申请)/;
/** A clause that is a count of none alone (its matter named by the clause before it). */
const NONE_ALONE =
  /^(?:本年度?|全年|今年|年内|经统计)*(?:本机关|本单位|本局|我局|我委|本委|我办|本办|我单位|本部门|(?:我|本)[镇乡馆处所站署院])?(?:共计?|合计|总计)?(?:均|都|皆|全部|也|一件也|一次也|一起也)*(?:为|是)?(?:无|暂无|尚无|没有|没|未曾|不曾|零|〇|○|0|未|\/|—+|-+)(?:发生|收到|受理|办理|申请)?(?:一起|一件|一例)?(?:此类|相关|该类)?(?:件|起|个|情况|事项)?$/;
/** A place whose name begins with 无 (无锡, 无为…) or another word NONE_WORD would misread, removed first. */
const NOT_NONE = /无锡|无为|无极|无棣|无棣/g;

function noneOfMatter(words: string, before: string | null, table: 'requests' | 'review'): string[] | null {
  const w = words.replace(NOT_NONE, '').replace(/[“”"‘’\'「」『』]/g, '');
  // (Requests listed with reviews and lawsuits are of both: 依申请公开、行政复议、行政诉讼均无.)
  const matterOf = (text: string): 'requests' | 'review' | 'both' | null =>
    /复议|诉讼|被诉|行政争议|双零|此类案件/.test(text)
      ? LISTED_REQUESTS.test(text)
        ? 'both'
        : 'review'
      : /申请|公开请求/.test(text)
        ? 'requests'
        : null;
  let matter = matterOf(w);
  let about = w;
  if (!matter && before && NONE_ALONE.test(w.replace(/[（()）]/g, ''))) {
    matter = matterOf(before.replace(NOT_NONE, ''));
    about = before + w;
  }
  if ((matter !== table && matter !== 'both') || !NONE_WORD.test(w)) return null;
  // The matter's existence denied, not any negation beside it (a fresh tester's t125: 未收取信息处理费,
  // 没有专职人员, 未出现申请人不满意的情况 voided 三): a receiving or occurring verb negated before it,
  // the noun itself negated, or its count none (EXISTS); or a count of none alone after it.
  if (about === w && !exists(w, table)) return null;
  // (Three numbers or more are a table's row, whatever joins them: …申请数量、、、1、0、0.)
  if ((w.match(/\d+/g) ?? []).length >= 3) return null;
  if (bareLabelOfForm(w)) return null;
  // (公民、法人或者其他组织 is everyone; 法人或其他组织 alone, one column: t115.)
  if (table === 'requests') return NARROW_REQUEST.test(about.replace(EVERYONE, '')) ? null : ['new_received'];
  if (NARROW_CASE.test(about)) return null;
  const both = /行政争议|双零|此类案件/.test(about) || (/复议/.test(about) && /诉讼|被诉/.test(about));
  return both
    ? ['review', 'suit_direct', 'suit_after_review']
    : /复议/.test(about)
      ? ['review']
      : ['suit_direct', 'suit_after_review'];
}

/** A negation (未, 没有, 不曾, 暂无…). */
const NEG = '(?:未曾|未|没有|没|不曾|并未|从未|尚未|均未|都未|无|暂无|尚无|均无|并无|从无)';
/** Between a negation and its verb: adverbs only (未曾收到过, 一次也没有收到). */
const ADV =
  '(?:过|曾|再|有|均|都|也|亦|还|实际|一件也|一次也|一起也|一例也|通过(?:上述|以上|任何)?(?:渠道|途径|方式))*';
/** Words of anyone or anything, any kind, this kind: no kind of its own (任何形式的, 公民、法人或者其他组织, 此类). */
const GENERIC =
  '(?:过|任何(?:形式的?)?|一件|一起|一例|一次|新的?|群众|公众|社会公众|公民|自然人|法人|其他组织|或者?|和|及|、|的|提出|提交|向本机关|向本单位|向本部门|向我[局委办院镇乡馆处所站署](?:中心|街道)?|此类|这类|该类|上述|相关|政府信息公开|信息公开|依申请公开|公开政府信息|方面|类)*';
/** A count of none (0, 〇, 零, 无). */
const ZERO = '(?:0|０|零|〇|○|O|无|空白|\\/|—+|-+)';
const MATTER = {
  requests: '(?:申请人|申请公开政府信息|申请政府信息公开|申请|请求|依申请公开(?:政府信息)?(?:事项|业务|工作)?)',
  review:
    '(?:(?:行政)?(?:复议|诉讼|被诉)(?:(?:[、和及与或]|以及)(?:被?提起|被申请|被)?(?:行政)?(?:复议|诉讼|诉))*(?:案件|情况|事项|申请)?|行政争议|此类案件)',
};
const VERB = {
  requests: '(?:收到|接到|受理|接收|收悉|办理|发生|产生|出现|提出|提交|有|接待)',
  review: '(?:发生|出现|产生|引发|引起|有|被申请|被提起|被起诉|被诉|提起)',
};
/** A case's words before its name (因政府信息公开引起的, 政府信息公开类, 被申请). */
const CASE_GENERIC =
  '(?:任何|一起|一件|一例|因|由|涉及|关于|政府信息公开|信息公开|申请人|申请|工作|而|引起|引发|产生|的|类|方面|被申请|被提起|提起|被)*';
/** How a statement of none ends: nothing more than 的情况, 事项, 件, a bracket. */
const END_OF = '(?:的)?(?:情况|事项|件|事件|案件)?(?:[（(][^）)]*[）)])?$';
const EXISTS = {
  requests: [
    new RegExp(`${NEG}${ADV}${VERB.requests}${GENERIC}${MATTER.requests}${END_OF}`),
    new RegExp(`${NEG}${GENERIC}${MATTER.requests}${END_OF}`),
    new RegExp(
      `${MATTER.requests}(?:数量?|件数|总数|量|业务|工作|情况|事项)?(?:均|都)?(?:为|是|计|共计?|[:：])?${ZERO}(?:件|个)?$`,
    ),
    new RegExp(`${VERB.requests}${GENERIC}${MATTER.requests}(?:共计?|合计)?${ZERO}(?:件|个)$`),
    new RegExp(`${MATTER.requests}(?:业务|工作)?(?:均|都)?(?:未发生|没有发生|未曾发生|为零|无)$`),
    // A heading's bracket, or a title's: （本年度无）, （无申请）.
    new RegExp(`${MATTER.requests}[^，,。]{0,12}[（(](?:本年度?|全年)?(?:无|暂无|无申请)[）)]$`),
  ],
  review: [
    new RegExp(`${NEG}${ADV}${VERB.review}${CASE_GENERIC}${MATTER.review}${END_OF}`),
    new RegExp(`${NEG}${CASE_GENERIC}${MATTER.review}${END_OF}`),
    new RegExp(`${MATTER.review}(?:数量?|件数|总数)?(?:均|都)?(?:为|是|[:：])?${ZERO}(?:件|起)?$`),
    new RegExp(`${MATTER.review}(?:均|都)?(?:未发生|没有发生|为零|无)$`),
    new RegExp(`${MATTER.review}[^，,。]{0,12}[（(](?:本年度?|全年)?无[）)]$`),
    /双零/,
  ],
};

function exists(words: string, table: 'requests' | 'review'): boolean {
  // (Listed with the other table's matter: 依申请公开、行政复议、行政诉讼均无.)
  const w = words.replace(/[“”"‘’'「」『』]/g, '').replace(EVERYONE, '公民');
  return (
    EXISTS[table].some((re) => re.test(w)) || (LISTED_REQUESTS.test(w) && /均无|均未发生|都没有|均为[0零]/.test(w))
  );
}

/**
 * A clause that is a row label of 三's form (申请人无正当理由逾期不补正…), or the start of one wrapped
 * over lines (（六）1.申请人无 / 正当理由…: seed 148): no statement.
 */
function bareLabelOfForm(words: string): boolean {
  // (Both numbers off: （六）1.申请人无.)
  const bare = bareLabel(bareLabel(words.normalize('NFKC')));
  return [...requestRows['2019'], ...requestRows['2021']].some(
    (d) => d.match.test(bare) || (bare.length >= 3 && bareLabel(bareLabel(d.label.normalize('NFKC'))).startsWith(bare)),
  );
}

/**
 * The prose clauses of text (split at ，。；！？：), traditional script read as simplified, spaces gone,
 * each with its line; a sentence wrapped over lines (本年度本机关未收到政府信息公 / 开申请。) read
 * whole. Table rows (a `|`, or three numbers) are no prose.
 */
function clauses(
  lines: ReadonlyArray<{ no: number; text: string }>,
): Array<{ line: number; words: string; before?: string }> {
  const prose: Array<{ line: number; text: string }> = [];
  let open = false;
  for (const l of lines) {
    const text = toSimplified(l.text).replace(/\s+/g, '');
    if (!text || text.includes('|') || TABLE_ROW.test(l.text)) {
      // A page dumped as one line holds the section's sentences beside its table's cells (三、… 本年度，
      // 本机关没有收到政府信息公开申请。 （本列…）|申请人情况|…: seed 146): its sentences, each
      // ending in 。；！？ and holding no cell border, are prose.
      for (const m of toSimplified(l.text).matchAll(SENTENCE_IN_ROW))
        prose.push({ line: l.no, text: m[0].replace(/\s+/g, '') });
      // …and the words before its table's own (三、…申请情况（本年度无）（本列数据…: t124).
      const lead = l.text.includes('|') ? null : TABLE_LEAD.exec(toSimplified(l.text));
      if (lead?.[1] && !/[。；;！!？?]/.test(lead[1])) prose.push({ line: l.no, text: lead[1].replace(/\s+/g, '') });
      open = false;
      continue;
    }
    const last = prose[prose.length - 1];
    // (A numbered line — a heading, 三、…（本年度无） — starts anew: t125, after 二's wrapped last line.)
    if (open && last && !/^[（(]?[一二三四五六七八九十\d]+[）)、.．]/.test(text)) last.text += text;
    else prose.push({ line: l.no, text });
    // (A short line — a numbered heading, （二）依申请公开 — is no wrapped sentence.)
    open =
      !/[。；;！!？?：:]$/.test(text) && text.length >= 14 && !/^[（(]?[一二三四五六七八九十\d]+[）)、.．]/.test(text);
  }
  return prose.flatMap((p) =>
    p.text.split(/[。；;！!？?]/).flatMap((sentence) => {
      const parts = sentence.split(/[，,：:]/).filter(Boolean);
      // (The clause before: the nearest one naming a matter — …提出的申请，经统计，一件也没有.
      // Kept as it goes: a page's one line may be one sentence of a hundred thousand clauses.)
      let matter: string | undefined;
      return parts.map((words, i) => {
        const before = matter ?? parts[i - 1];
        if (MATTER_WORD.test(words)) matter = words;
        return { line: p.line, words, ...(i ? { before: before! } : {}) };
      });
    }),
  );
}
/** A clause naming a matter of 三 or 四. */
const MATTER_WORD = /申请|复议|诉讼|行政争议/;
/** A sentence inside a table's line: text with no border ending in 。；！？ (its numbers' run before it cut off). */
const SENTENCE_IN_ROW = /[^|\d\s][^|]*?[。；;！!？?]/g;
/** A dumped table line's words before its table's own (its header's first words). */
export const TABLE_LEAD = /^(.+?)(?=[（(]本列数据|申请人情况|行政复议\s*\|?\s*行政诉讼|信息内容|第二十条)/;
/** A line of a table: three numbers or more apart (with 件 after them too: 0    0件     0). */
const TABLE_ROW = /(?:^|[\s,，、；;\t])\d+(?:\.\d+)?件?(?:[\s,，、；;\t]+\d+(?:\.\d+)?件?){2,}/;

/**
 * Every clause of a section's own text (`lines`: the section as printed, table rows
 * included — no row label says 未收到…申请) stating that nothing of table `table` happened in the
 * report's year `year`; null when none does. A clause naming another period (上年度未收到申请,
 * 2022年未发生…) is not about the year.
 */
export function noneStatements(
  lines: ReadonlyArray<{ no: number; text: string }>,
  table: 'requests' | 'review',
  year: number | null,
  own: readonly string[] = [],
): NoneStated[] {
  const out: NoneStated[] = [];
  for (const l of lines) {
    const text = toSimplified(l.text).replace(/\s+/g, '');
    const m = text.includes('|') ? null : COLON_NONE.exec(text);
    // (The words before the colon are the topic, not a subject: no otherSubject test.)
    if (!m || PART.test(text) || namesOtherPeriod(text, year)) continue;
    const rows =
      table === 'requests'
        ? /申请/.test(m[1]!)
          ? ['new_received']
          : []
        : [
            ...(/复议/.test(text) ? ['review'] : []),
            ...(/诉讼/.test(text) ? ['suit_direct', 'suit_after_review'] : []),
          ];
    if (rows.length && (table === 'requests' || !/申请/.test(m[1]!))) out.push({ line: l.no, words: text, rows });
  }
  for (const c of clauses(lines)) {
    if (namesOtherPeriod(c.words, year) || PART.test(c.words) || EXCEPT.test(c.words) || otherSubject(c.words, own))
      continue;
    // (A count of none alone speaks of the clause before: that clause must not be of a part either.)
    const before = c.before && !(namesOtherPeriod(c.before, year) || PART.test(c.before)) ? c.before : null;
    const general = noneOfMatter(c.words, before, table);
    if (general) {
      out.push({ line: c.line, words: c.words, rows: general });
      continue;
    }
    if (table === 'requests') {
      if (NO_REQUEST.test(c.words)) out.push({ line: c.line, words: c.words, rows: ['new_received'] });
      continue;
    }
    // (No new case — 未收到新的行政复议申请 — leaves cases carried over that ended in the year.)
    const slogan = ZERO_SLOGAN.exec(c.words);
    if (slogan) {
      const what = `${slogan[1]}${slogan[2] ?? ''}`;
      out.push({
        line: c.line,
        words: c.words,
        rows: [
          ...(what.includes('复议') ? ['review'] : []),
          ...(what.includes('诉讼') ? ['suit_direct', 'suit_after_review'] : []),
        ],
      });
      continue;
    }
    const m = /新/.test(c.words)
      ? null
      : (NO_CASE.exec(c.words) ??
        (/复议后|直接|维持|纠正|结果|审结/.test(c.words)
          ? null
          : ZERO_CASES.exec(c.words.replace(/^(?:本年度?|全年|今年)/, ''))));
    if (!m) continue;
    const what = m[1]!;
    const rows = [
      ...(what.includes('复议') ? ['review'] : []),
      ...(what.includes('诉讼') ? ['suit_direct', 'suit_after_review'] : []),
    ];
    out.push({ line: c.line, words: c.words, rows });
  }
  return out;
}

/** The first statement of none (noneStatements), or null. */
export function noneStated(
  lines: ReadonlyArray<{ no: number; text: string }>,
  table: 'requests' | 'review',
  year: number | null,
  own: readonly string[] = [],
): NoneStated | null {
  return noneStatements(lines, table, year, own)[0] ?? null;
}

/**
 * The table `read` with every value NULL (`contradicted`) when a row a statement says is empty
 * holds a figure above 0, with a note naming the statement's line; else `read` unchanged.
 */
export function noneStatedTable(read: TableRead, said: NoneStated | readonly NoneStated[] | null): TableRead {
  // Each statement against the rows it speaks of (一 saying no lawsuit, 四 no review: t115).
  for (const none of said === null ? [] : 'rows' in said ? [said] : said) {
    const above = (c: TableRead['cells'][number]) => c.state === 'number' && c.value !== null && c.value > 0;
    // (三's new requests not read at all, none carried over: any figure of requests handled is
    // against the statement — seed 151, the new row a cell short, the rest published.)
    const unread =
      none.rows.includes('new_received') &&
      !read.cells.some((c) => c.row_key === 'new_received' && c.state === 'number') &&
      !read.cells.some((c) => c.row_key === 'carried_over' && above(c));
    const against =
      read.cells.find((c) => above(c) && none.rows.includes(c.row_key)) ??
      (unread ? read.cells.find((c) => above(c) && c.row_key !== 'carried_over') : undefined);
    if (against) return contradicted(read, none, against);
  }
  return read;
}

function contradicted(read: TableRead, none: NoneStated, against: TableRead['cells'][number]): TableRead {
  return notOwnTable(
    read,
    none.line,
    'contradicted',
    (n) =>
      `the section's text says there was none in the year ("${none.words}") but the table holds ${against.value} in ${against.row_key}/${against.col_key}: text and table disagree, so which period the table's ${n} value(s) are is not proven; left NULL`,
  );
}
