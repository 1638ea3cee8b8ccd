import { createHash } from 'node:crypto';
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

/** The chart as one image for assistive technology: Plot labels inner groups, which is not allowed on <g>. */
function accessible(svg: {
  outerHTML: string;
  setAttribute(n: string, v: string): void;
  querySelectorAll(s: string): Iterable<{ removeAttribute(n: string): void }>;
}): string {
  svg.setAttribute('role', 'img');
  for (const el of svg.querySelectorAll('g[aria-label], g[aria-description]')) {
    el.removeAttribute('aria-label');
    el.removeAttribute('aria-description');
  }
  return svg.outerHTML;
}

export interface Point {
  year: number;
  value: number;
  series: string;
}

/**
 * A chart drawn twice, for a wide screen and for a phone (390 px): CSS shows one (site.css,
 * `.chart-r`). Labels are not measured on the server, so a chart cannot shrink its own margins;
 * a narrow drawing with fewer ticks and labels inside fits the screen instead of scrolling.
 */
function responsive(wide: string, narrow: string): string {
  return `<div class="chart-r"><div class="chart-wide">${wide}</div><div class="chart-narrow">${narrow}</div></div>`;
}

/** At most `max` whole-year ticks, evenly spaced, always including the last year. */
export function yearTicks(first: number, last: number, max: number): number[] {
  const all = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const step = Math.max(1, Math.ceil(all.length / max));
  return all.filter((y) => (last - y) % step === 0);
}

/**
 * Whether a chart of these points draws the dashed rule of the 2021 change of the form (years
 * on both sides of it): a caption mentions the rule only then (a fresh user's t39: an agency's
 * 2021–2023 chart said so with no rule drawn).
 */
export function showsFormChange(points: Point[]): boolean {
  const years = points.map((p) => p.year);
  return years.length > 0 && Math.min(...years) <= 2020 && Math.max(...years) >= 2021;
}

/**
 * Vertical offsets (px) for the labels at the lines' ends, so that no two are nearer than `gap`:
 * Plot does not measure or dodge text (a fresh user's t39: 予以公开 over 行政复议). `ends`: each
 * label's value; `max`: the y domain's top (from 0); `height`: the plot area's height in px.
 * Labels keep their order by value; each is moved as little as the ones below it need.
 */
export function labelOffsets(ends: number[], max: number, height: number, gap = 13): number[] {
  const px = ends.map((v) => (max > 0 ? height - (v / max) * height : height));
  const order = px.map((_, i) => i).sort((a, b) => px[b]! - px[a]! || a - b);
  const placed = new Array<number>(ends.length);
  let last = Infinity;
  for (const i of order) {
    const y = Math.min(px[i]!, last - gap);
    placed[i] = y;
    last = y;
  }
  return placed.map((y, i) => y - px[i]!);
}

/** The y domain's top for values up to `max`: a round number at or above it (1 for none). */
export function niceTop(max: number): number {
  if (!(max > 0)) return 1;
  const unit = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (max <= m * unit + 1e-9) return m * unit;
  return 10 * unit;
}

/** Values by year, one line per series; a dashed rule marks the 2021 change of the form. */
export function yearLines(points: Point[], title: string, description: string): string {
  return ownMarkerIds(
    responsive(yearLinesAt(points, title, description, 'wide'), yearLinesAt(points, title, description, 'narrow')),
    `${title}\n${description}`,
  );
}

/**
 * Plot numbers its line markers from one counter per process (`plot-marker-471`), so a chart's
 * bytes would depend on how many charts were drawn before it — in another order, or in another
 * shard of a sharded build (shard.ts). The markers are renumbered per chart, under a prefix from
 * the chart's title, so that two charts on one page keep distinct ids.
 */
export function ownMarkerIds(svg: string, key: string): string {
  const prefix = createHash('sha256').update(key).digest('hex').slice(0, 8);
  const ids = new Map<string, string>();
  return svg.replace(/plot-marker-\d+/g, (id) => {
    let own = ids.get(id);
    if (!own) ids.set(id, (own = `plot-marker-${prefix}-${ids.size + 1}`));
    return own;
  });
}

/**
 * The points of a line with a break at every year a series has no value for between its first
 * and last: a year without data is not drawn as a straight line from the year before to the
 * year after (which would show a value for it). Plot leaves a gap at a null value.
 */
export function withGaps(points: Point[]): Array<Omit<Point, 'value'> & { value: number | null }> {
  // Series in the order they first appear (Plot draws them so), each by year.
  const bySeries = new Map<string, Array<Omit<Point, 'value'> & { value: number | null }>>();
  for (const p of points) (bySeries.get(p.series) ?? bySeries.set(p.series, []).get(p.series)!).push(p);
  return [...bySeries].flatMap(([series, own]) => {
    const years = new Set(own.map((p) => p.year));
    const ys = [...years];
    for (let y = Math.min(...ys) + 1; y < Math.max(...ys); y++)
      if (!years.has(y)) own.push({ year: y, value: null, series });
    return own.sort((a, b) => a.year - b.year);
  });
}

function yearLinesAt(points: Point[], title: string, description: string, size: 'wide' | 'narrow'): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const narrow = size === 'narrow';
  const years = points.map((p) => p.year);
  const span = years.length ? [Math.min(...years), Math.max(...years)] : [2019, 2021];
  const height = narrow ? 240 : 260;
  const [marginTop, marginBottom] = narrow ? [28, 40] : [20, 30];
  // The y domain set here (not Plot's nice one) so that the labels' offsets are exact.
  const top = niceTop(Math.max(0, ...points.map((p) => p.value)));
  // Each series' last point, and the offset of its label (wide: labels at the lines' ends).
  const lasts = [...new Map(points.map((p) => [p.series, p] as const)).values()].map((p) =>
    points.filter((q) => q.series === p.series).reduce((a, b) => (b.year > a.year ? b : a)),
  );
  const offsets = labelOffsets(
    lasts.map((p) => p.value),
    top,
    height - marginTop - marginBottom,
  );
  const dyOf = new Map(lasts.map((p, i) => [p.series, offsets[i]!]));
  const marks: Plot.Markish[] = [
    Plot.ruleY([0]),
    Plot.lineY(withGaps(points), { x: 'year', y: 'value', stroke: 'series', z: 'series', marker: 'circle' }),
    Plot.dot(points, {
      x: 'year',
      y: 'value',
      stroke: 'series',
      title: (d: Point) => `${d.year} 年 ${d.series}：${d.value}`,
    }),
    // Wide: direct labels at the end of each line instead of a legend. Narrow: the labels go
    // inside the plot, left of the last point and above it. Each is moved apart from the others
    // (labelOffsets) in data units: Plot's dy is one constant for all.
    Plot.text(
      lasts.map((p) => ({ ...p, value: p.value - (dyOf.get(p.series)! * top) / (height - marginTop - marginBottom) })),
      {
        x: 'year',
        y: 'value',
        text: 'series',
        fill: 'series',
        textAnchor: narrow ? 'end' : 'start',
        dx: narrow ? -4 : 6,
        dy: narrow ? -8 : 0,
      },
    ),
  ];
  if (showsFormChange(points))
    marks.push(
      Plot.ruleX([2020.5], { stroke: '#888', strokeDasharray: '4,3' }),
      Plot.text([{ x: 2020.5, t: '2021 年起新表式' }], { x: 'x', text: 't', frameAnchor: 'top', dy: 6, fill: '#555' }),
    );
  const svg = Plot.plot({
    document,
    width: narrow ? 350 : 640,
    height,
    marginLeft: 48,
    marginRight: narrow ? 16 : 100,
    marginTop,
    marginBottom,
    style: { fontFamily: FONT, fontSize: '12px' },
    // Whole years only (a fractional tick would print as a repeated year).
    x: { label: '年度', tickFormat: 'd', ticks: yearTicks(span[0]!, span[1]!, narrow ? 5 : 12), inset: narrow ? 8 : 0 },
    y: { label: '件', grid: true, ticks: narrow ? 4 : undefined, domain: [0, top] },
    color: { domain: Object.keys(SERIES_COLORS), range: Object.values(SERIES_COLORS), legend: false },
    ariaLabel: title,
    ariaDescription: description,
    marks,
  }) as unknown as Parameters<typeof accessible>[0];
  return accessible(svg);
}

/** One colour per category everywhere on the site (outcomes, applicants, reviews). */
export const CATEGORY_COLORS: Record<string, string> = {
  予以公开: '#1d6b2f',
  部分公开: '#6a9f3a',
  不予公开: '#a1121b',
  无法提供: '#8a4b00',
  不予处理: '#6a3d9a',
  其他处理: '#5a5a5a',
  自然人: '#0b5cad',
  法人或其他组织: '#8a4b00',
  行政复议: '#8a4b00',
  行政诉讼: '#6a3d9a',
};

export interface Bar {
  label: string;
  share: number;
  count: number;
}

/** Horizontal bars of shares (0…1), labelled with the percentage; the same numbers go in a table beside it. */
export function shareBars(bars: Bar[], title: string, description: string): string {
  return responsive(shareBarsAt(bars, title, description, 'wide'), shareBarsAt(bars, title, description, 'narrow'));
}

function shareBarsAt(bars: Bar[], title: string, description: string, size: 'wide' | 'narrow'): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const narrow = size === 'narrow';
  const svg = Plot.plot({
    document,
    width: narrow ? 350 : 480,
    height: 40 + 28 * bars.length,
    // The longest category label (法人或其他组织) is 7 characters of 12 px.
    marginLeft: narrow ? 92 : 110,
    marginRight: 48,
    marginBottom: narrow ? 40 : 30,
    style: { fontFamily: FONT, fontSize: '12px' },
    x: { label: '占比', domain: [0, 1], tickFormat: '%', grid: true, ticks: narrow ? 4 : undefined },
    y: { label: null, domain: bars.map((b) => b.label) },
    color: { domain: Object.keys(CATEGORY_COLORS), range: Object.values(CATEGORY_COLORS) },
    ariaLabel: title,
    ariaDescription: description,
    marks: [
      Plot.barX(bars, {
        x: 'share',
        y: 'label',
        fill: 'label',
        title: (b: Bar) => `${b.label}：${(100 * b.share).toFixed(1)}%（${b.count} 件）`,
      }),
      // A label past 80 % would leave the plot: it goes inside the bar, in white.
      Plot.text(
        bars.filter((b) => !(narrow && b.share > 0.8)),
        {
          x: 'share',
          y: 'label',
          text: (b: Bar) => `${(100 * b.share).toFixed(1)}%`,
          textAnchor: 'start',
          dx: 4,
          fill: '#1b1b1b',
        },
      ),
      Plot.text(
        bars.filter((b) => narrow && b.share > 0.8),
        {
          x: 'share',
          y: 'label',
          text: (b: Bar) => `${(100 * b.share).toFixed(1)}%`,
          textAnchor: 'end',
          dx: -4,
          fill: '#fff',
        },
      ),
      Plot.ruleX([0]),
    ],
  }) as unknown as Parameters<typeof accessible>[0];
  return accessible(svg);
}
