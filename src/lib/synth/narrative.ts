import type { Random } from './random.ts';

/**
 * Narrative text from a small grammar: varied enough that full-text search has real words to
 * find, with no copied text. Never produces a heading numeral pattern, a phone number, a
 * domain or a platform name (those are clues and are placed deliberately).
 */

const OPENERS = [
  '坚持以人民为中心的发展思想',
  '深入贯彻落实《中华人民共和国政府信息公开条例》',
  '认真落实上级关于政务公开工作的部署',
  '围绕优化营商环境和法治政府建设',
  '以公开为常态、不公开为例外',
];
const TOPICS = [
  '重大建设项目',
  '财政预决算',
  '公共资源交易',
  '行政执法',
  '减税降费',
  '乡村振兴',
  '生态环境保护',
  '教育招生',
  '医疗卫生',
  '社会救助',
  '安全生产',
  '食品药品监管',
  '城乡规划',
  '就业创业',
  '养老服务',
  '住房保障',
];
const ACTIONS = [
  '细化公开内容',
  '完善发布机制',
  '加强政策解读',
  '强化回应关切',
  '规范依申请公开办理流程',
  '推进基层政务公开标准化规范化',
  '加强政府网站和政务新媒体建设',
  '健全保密审查机制',
  '开展业务培训',
  '落实考核评议',
];
const CHANNELS = [
  '政府门户网站',
  '政务新媒体',
  '政务公开专栏',
  '新闻发布会',
  '公开栏',
  '微信公众号',
  '政务服务大厅',
  '12345热线',
];
const PROBLEMS = [
  '公开内容的全面性和及时性还需提升',
  '政策解读形式较为单一',
  '基层工作人员业务能力有待加强',
  '依申请公开答复的规范性还需提高',
  '政务新媒体更新频率不够稳定',
  '公众参与的渠道还不够丰富',
];
export const PLANS = [
  '进一步完善主动公开目录',
  '加大重点领域信息公开力度',
  '提升政策解读质量',
  '加强工作人员培训',
  '健全依申请公开会商机制',
  '强化监督考核',
];

export function overview(rng: Random, agencyShort: string, year: number, extra: string[]): string[] {
  const out: string[] = [];
  out.push(
    `${year}年，${agencyShort}${rng.pick(OPENERS)}，${rng.pick(ACTIONS)}，${rng.pick(ACTIONS)}，政府信息公开工作取得新进展。`,
  );
  const n = rng.int(2, 4);
  for (let i = 0; i < n; i++) {
    const topic = rng.pick(TOPICS);
    out.push(
      `（${'一二三四'[i]}）${rng.pick(ACTIONS)}。全年通过${rng.pick(CHANNELS)}主动公开${topic}领域信息${rng.int(3, 900)}条，围绕${rng.pick(TOPICS)}发布政策解读${rng.int(1, 40)}篇，${rng.pick(ACTIONS)}。`,
    );
  }
  out.push(...extra);
  return out;
}

export function problems(rng: Random): string[] {
  return [
    `存在的问题：一是${rng.pick(PROBLEMS)}；二是${rng.pick(PROBLEMS)}。`,
    `改进措施：一是${rng.pick(PLANS)}；二是${rng.pick(PLANS)}；三是${rng.pick(PLANS)}。`,
  ];
}

export function otherMatters(rng: Random, year: number): string[] {
  if (year >= 2021 && rng.chance(0.5)) return [`本年度未收取信息处理费。`];
  return [rng.pick(['无。', '无其他需要报告的事项。', '本年度无其他需要报告的事项。'])];
}

/** A pre-2019 free-form report body (2008 Regulations): sections with other names, no template tables. */
export function freeForm(rng: Random, agencyShort: string, year: number): string[] {
  return [
    '一、概述',
    `${year}年，${agencyShort}按照《中华人民共和国政府信息公开条例》要求，${rng.pick(ACTIONS)}。`,
    '二、主动公开政府信息情况',
    `全年主动公开政府信息${rng.int(10, 3000)}条，其中${rng.pick(TOPICS)}类信息${rng.int(1, 200)}条。`,
    '三、依申请公开政府信息情况',
    `全年共受理政府信息公开申请${rng.int(0, 60)}件，均已按期答复。`,
    '四、政府信息公开的收费及减免情况',
    '本年度未收取任何费用。',
    '五、因政府信息公开申请提起行政复议、行政诉讼的情况',
    `本年度发生行政复议${rng.int(0, 3)}件，行政诉讼${rng.int(0, 2)}件。`,
    '六、政府信息公开工作存在的主要问题及改进情况',
    ...problems(rng),
    '七、其他需要报告的事项',
    '无。',
  ];
}

export function notAReport(rng: Random): string[] {
  return [
    `${rng.pick(['本地', '全市', '全区'])}天气预报`,
    `今天白天多云转晴，气温${rng.int(5, 20)}到${rng.int(21, 35)}摄氏度，东南风三到四级。`,
    '明天有小雨，请市民出行注意安全。',
  ];
}
