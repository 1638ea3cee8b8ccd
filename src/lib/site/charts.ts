import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';

/**
 * Charts rendered at build time to inline SVG (no JavaScript in the browser), with a title and
 * an accessible description; native tooltips through the `title` channel. Labels are not
 * measured on the server, so margins are set by hand.
 */

export const SERIES_COLORS: Record<string, string> = {
  本年新收申请: '#0b5cad',
  予以公开: '#1d6b2f',
  不予公开: '#a1121b',
  行政复议: '#8a4b00',
  行政诉讼: '#6a3d9a',
};
const FONT = '"Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export interface Point {
  year: number;
  value: number;
  series: string;
}

/** Values by year, one line per series; a dashed rule marks the 2021 change of the form. */
export function yearLines(points: Point[], title: string, description: string): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const years = points.map((p) => p.year);
  const span = years.length ? [Math.min(...years), Math.max(...years)] : [2019, 2021];
  const marks: Plot.Markish[] = [
    Plot.ruleY([0]),
    Plot.lineY(points, { x: 'year', y: 'value', stroke: 'series', z: 'series', marker: 'circle' }),
    Plot.dot(points, { x: 'year', y: 'value', stroke: 'series', title: (d: Point) => `${d.year} 年 ${d.series}：${d.value}` }),
    // Direct labels at the end of each line instead of a legend.
    Plot.text(points, Plot.selectLast({ x: 'year', y: 'value', z: 'series', text: 'series', fill: 'series', textAnchor: 'start', dx: 6 })),
  ];
  if (span[0]! <= 2020 && span[1]! >= 2021) marks.push(Plot.ruleX([2020.5], { stroke: '#888', strokeDasharray: '4,3' }), Plot.text([{ x: 2020.5, t: '2021 年起新表式' }], { x: 'x', text: 't', frameAnchor: 'top', dy: 6, fill: '#555' }));
  const svg = Plot.plot({
    document,
    width: 640,
    height: 260,
    marginLeft: 48,
    marginRight: 100,
    style: { fontFamily: FONT, fontSize: '12px' },
    // Whole years only (a fractional tick would print as a repeated year).
    x: { label: '年度', tickFormat: 'd', ticks: Array.from({ length: span[1]! - span[0]! + 1 }, (_, i) => span[0]! + i).filter((y, _i, all) => all.length <= 12 || y % 2 === 0) },
    y: { label: '件', grid: true },
    color: { domain: Object.keys(SERIES_COLORS), range: Object.values(SERIES_COLORS), legend: false },
    ariaLabel: title,
    ariaDescription: description,
    marks,
  }) as unknown as { outerHTML: string };
  return svg.outerHTML;
}
