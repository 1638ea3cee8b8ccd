import { describe, expect, it } from 'vitest';
import { withGaps, yearLines } from '../src/lib/site/charts.ts';

describe('year lines', () => {
  const points = [
    { year: 2019, value: 5, series: '行政复议' },
    { year: 2019, value: 9, series: '本年新收申请' },
    { year: 2021, value: 7, series: '行政复议' },
    { year: 2020, value: 8, series: '本年新收申请' },
    { year: 2022, value: 3, series: '行政复议' },
  ];
  it('breaks a series at a year it has no value for, between its first and last (a fresh tester: the home chart joined 2019 to 2021)', () => {
    expect(withGaps(points)).toEqual([
      { year: 2019, value: 5, series: '行政复议' },
      { year: 2020, value: null, series: '行政复议' },
      { year: 2021, value: 7, series: '行政复议' },
      { year: 2022, value: 3, series: '行政复议' },
      { year: 2019, value: 9, series: '本年新收申请' },
      { year: 2020, value: 8, series: '本年新收申请' },
    ]);
  });
  it('draws the broken series as two pieces, the whole one as one', () => {
    const svg = yearLines(points, '测试', '说明');
    const wide = svg.slice(0, svg.indexOf('chart-narrow'));
    // The lines' paths (with markers at their points): one "M…" run per unbroken piece.
    const lines = [...wide.matchAll(/<path[^>]*>/g)].map((m) => m[0]).filter((p) => p.includes('marker-'));
    const pieces = lines.map((p) => /\sd="([^"]*)"/.exec(p)![1]!.split('M').length - 1);
    expect(pieces.sort()).toEqual([1, 2]);
  });
});
