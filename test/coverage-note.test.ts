import { describe, expect, it } from 'vitest';
import { COVERAGE_RATIO, coverageNote } from '../src/lib/site/aggregate.ts';

/**
 * A chart of totals by year over years of very different coverage says so (a fresh user's t39:
 * the home chart rose tenfold from 2019 to 2024 because ten times more reports were collected).
 */

const row = (y: number, inTotals: number) => ({ y, n: { inTotals } });

describe('coverageNote (aggregate.ts)', () => {
  it('names the least and best covered years when they differ by the ratio or more', () => {
    const note = coverageNote([row(2019, 300), row(2020, 2000), row(2024, 9000)]);
    expect(note).toContain('2019 年 300 份');
    expect(note).toContain('2024 年 9,000 份');
    expect(note).toContain('合计的升降主要反映收录了多少报告');
  });

  it('says nothing when the years are covered alike', () => {
    expect(coverageNote([row(2019, 100), row(2020, Math.ceil(100 * COVERAGE_RATIO) - 1)])).toBeNull();
    expect(coverageNote([row(2019, 100), row(2020, 100 * COVERAGE_RATIO)])).not.toBeNull();
  });

  it('leaves out years whose totals add no report, and one year alone', () => {
    expect(coverageNote([row(2019, 0), row(2020, 500)])).toBeNull();
    expect(coverageNote([row(2020, 5)])).toBeNull();
    expect(coverageNote([])).toBeNull();
  });
});
