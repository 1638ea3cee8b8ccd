import type { Random } from './random.ts';
import { PLANS } from './narrative.ts';

/**
 * A report whose title names no year and whose body says it twice over (a fresh tester's v34):
 * a statistical period of one whole year (统计期限, most often in the opening paragraph before
 * section 一), and next year's plans in section 五 (2024年，我局将…), written more often than the
 * report's own year. The report's year is the period's: the plans are the next year's. Each
 * function gives lines for one year, `year` the report's.
 */

const CN = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const cnYear = (y: number) => [...String(y)].map((d) => CN[Number(d)]).join('');

/** The statistical period, in one of the ways reports write it. */
export function periodSentence(rng: Random, year: number): string {
  return rng.pick([
    `本报告中所列数据的统计期限自${year}年1月1日起至${year}年12月31日止。`,
    `本报告所列数据统计期限为${year}年1月1日至12月31日。`,
    `本报告数据统计期限为${year}.1.1-${year}.12.31。`,
    `本报告中所列数据的统计期限自${cnYear(year)}年一月一日起至${cnYear(year)}年十二月三十一日止。`,
  ]);
}

/** Two to four sentences of next year's plans (year + 1), for section 五. */
export function planSentences(rng: Random, year: number, agencyShort: string): string {
  const next = year + 1;
  const out: string[] = [];
  for (let n = rng.int(2, 4); n > 0; n--)
    out.push(
      rng.pick([
        `${next}年，${agencyShort}将${rng.pick(PLANS)}。`,
        `${next}年将${rng.pick(PLANS)}。`,
        `${next}年，我们将${rng.pick(PLANS)}。`,
        `${next}年拟${rng.pick(PLANS)}。`,
        `${next}年度工作计划：${rng.pick(PLANS)}。`,
      ]),
    );
  return out.join('');
}
