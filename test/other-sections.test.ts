import { describe, expect, it } from 'vitest';
import { doubledNumbers, otherYearSections } from '../src/lib/synth/other-sections.ts';
import { Random } from '../src/lib/synth/random.ts';

describe('generator: another year’s sections after a report (other-sections.ts)', () => {
  it('doubles every number a table prints, not an item’s or a heading’s numbering', () => {
    expect(doubledNumbers('| （三）1.属于国家秘密 | 0 | 5 | 12 | 1,610 | 2003.86 |')).toBe(
      '| （三）1.属于国家秘密 | 0 | 10 | 24 | 3,220 | 4007.72 |',
    );
    expect(doubledNumbers('2、重复申请 3 4')).toBe('2、重复申请 6 8');
    expect(doubledNumbers('第二十条第（一）项')).toBe('第二十条第（一）项');
  });

  it('keeps the headings and opens with the other year', () => {
    const out = otherYearSections(new Random(1), '某局', 2024, [
      ['二、主动公开政府信息情况', '规章 | 1 | 2 | 3'],
      ['三、收到和处理政府信息公开申请情况', '（七）总计 | 4'],
      ['四、政府信息公开行政复议、行政诉讼情况', '1 2 3'],
    ]);
    expect(out.join('\n')).toMatch(/2023年/);
    expect(out).toContain('二、主动公开政府信息情况');
    expect(out).toContain('规章 | 2 | 4 | 6');
    expect(out).toContain('2 4 6');
  });
});
