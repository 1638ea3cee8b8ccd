import { describe, expect, it } from 'vitest';
import { decideYear, titleYears } from '../src/lib/metadata/year.ts';

const body = { own: null, count: null, comparisons: [] };

describe('the years a title names', () => {
  it('one year, or both of two joined (no one year is the report’s)', () => {
    expect(titleYears('某局2023年政府信息公开工作年度报告', 2026)).toEqual([2023]);
    expect(titleYears('某局2022年、2023年政府信息公开工作年度报告', 2026)).toEqual([2022, 2023]);
    expect(titleYears('某局2022和2023年度政府信息公开工作年度报告', 2026)).toEqual([2022, 2023]);
    expect(titleYears('某局2022—2023年政府信息公开工作报告', 2026)).toEqual([2022, 2023]);
    // A later date in the title is no second subject.
    expect(titleYears('某局2023年政府信息公开工作年度报告（2024年1月20日）', 2026)).toEqual([2023]);
  });
});

describe('a title against the publication date', () => {
  it('stands when published after its year', () => {
    expect(decideYear({ titles: [2023], pageTitles: [], body, published: '2024-01-18' }).year).toBe(2023);
    expect(decideYear({ titles: [2023], pageTitles: [], body, published: null }).year).toBe(2023);
  });
  it('is NULL, with both claims, when the date is within or before its year (tester 9, m10)', () => {
    const d = decideYear({ titles: [2023], pageTitles: [], body, published: '2023-01-18' });
    expect(d.year).toBeNull();
    expect(d.conflict).toEqual([
      { source: 'title', year: 2023 },
      { source: 'published', year: 2023 },
    ]);
  });
  it('two years in the title: NULL unless the date leaves one', () => {
    expect(decideYear({ titles: [2022, 2023], pageTitles: [], body, published: '2024-01-20' }).year).toBeNull();
    expect(decideYear({ titles: [2022, 2023], pageTitles: [], body, published: '2023-01-20' }).year).toBe(2022);
  });
});
