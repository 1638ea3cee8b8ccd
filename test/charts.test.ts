import { describe, expect, it } from 'vitest';
import { labelOffsets, niceTop, showsFormChange, withGaps, yearLines } from '../src/lib/site/charts.ts';

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

describe('year lines: labels and the form change (a fresh user’s t39)', () => {
  it('moves the labels at the lines’ ends apart, keeping their order', () => {
    // Two labels 1 px apart and one far: the upper of the two is moved up to the gap.
    expect(labelOffsets([10, 10.1, 50], 100, 200, 13).map((x) => Math.round(x * 10) / 10)).toEqual([0, -12.8, 0]);
    // Far apart: none moved.
    expect(labelOffsets([10, 60], 100, 200, 13)).toEqual([0, 0]);
    // Three equal: stacked upward in their order.
    expect(labelOffsets([5, 5, 5], 10, 100, 10)).toEqual([0, -10, -20]);
  });

  it('draws two labels of close values apart', () => {
    const close = [
      { year: 2022, value: 40, series: '予以公开' },
      { year: 2023, value: 41, series: '予以公开' },
      { year: 2022, value: 42, series: '行政复议' },
      { year: 2023, value: 42, series: '行政复议' },
    ];
    const svg = yearLines(close, '测试', '说明');
    const wide = svg.slice(0, svg.indexOf('chart-narrow'));
    // The labels' y positions (Plot writes each text's transform).
    const ys = ['予以公开', '行政复议'].map((t) => {
      const m = new RegExp(`<text[^>]*transform="translate\\(([\\d.]+),([\\d.]+)\\)"[^>]*>${t}</text>`).exec(wide);
      return Number(m![2]);
    });
    expect(Math.abs(ys[0]! - ys[1]!)).toBeGreaterThanOrEqual(12);
  });

  it('says the dashed rule is there only when it is drawn', () => {
    expect(
      showsFormChange([
        { year: 2021, value: 1, series: 'a' },
        { year: 2023, value: 1, series: 'a' },
      ]),
    ).toBe(false);
    expect(
      showsFormChange([
        { year: 2020, value: 1, series: 'a' },
        { year: 2021, value: 1, series: 'a' },
      ]),
    ).toBe(true);
    const svg = (years: number[]) =>
      yearLines(
        years.map((year) => ({ year, value: 1, series: '予以公开' })),
        't',
        'd',
      );
    expect(svg([2021, 2023])).not.toContain('stroke-dasharray');
    expect(svg([2019, 2022])).toContain('stroke-dasharray');
  });

  it('niceTop: a round top at or above the largest value', () => {
    expect([0, 1, 7, 11, 41, 95, 101, 2400].map(niceTop)).toEqual([1, 1, 8, 12, 50, 100, 120, 2500]);
  });
});
