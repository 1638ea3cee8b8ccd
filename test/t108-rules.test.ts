import { describe, expect, it } from 'vitest';
import { missingInFile, testerFiles, wrongInFile } from './documents.ts';

/**
 * A fresh tester's t108 (test/fixtures/tester/t108, README.txt its notes): the period and copy
 * rules as revised after t106, attacked again — last year's correction in 五, pointing words, notes
 * on how a table was made, citations — each file read right by the code before the session
 * (L*) or wrong before and after the first revision (NW*, SW*).
 */
const dir = new URL('./fixtures/tester/t108/', import.meta.url);

// Known and left (wrong before this session too): a long line whose clause names the data's year
// and a format (现将2022年度按新格式统计的…情况列示如下：), a correction printing both 更正前 and 更正后
// rows or written in words only.
const LEFT_WRONG = new Set(['SW4_x_l_geshi_in_clause.txt', 'SW5_e_corr_before_after.txt', 'SW5_e_corr_words_only.txt']);
// Known and left as losses: 以下数据引自本机关2023年度报告统计系统，2022年度数据另行公布：, and t108's
// older losses (a heading's remark naming 2008, a format's year 2019 in a heading).
const LEFT_LOST = new Set(['L3_o_c_yinzi_own.txt', 'P1_h_own_2_2019geshi.txt', 'P1_h_own_3_2008.txt']);

describe('t108: the revised period and copy rules, attacked again', () => {
  const files = testerFiles(dir);
  it('has its files', () => expect(files.length).toBe(76));
  for (const file of files)
    it(file, async () => {
      if (!LEFT_WRONG.has(file)) expect(await wrongInFile(dir, file)).toEqual([]);
      if (/^(?:L|P1_)/.test(file) && !LEFT_LOST.has(file)) expect(await missingInFile(dir, file)).toEqual([]);
    });
});
