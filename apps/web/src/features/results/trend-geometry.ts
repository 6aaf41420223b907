// Pure geometry of the trend chart: scales, ticks, the reference-range band and the line.
// No React and no DOM, so it is unit-tested on its own (trend-geometry.test.ts).

export type GeometryPoint = { time: number; value: number; outOfRange: boolean; patientReported: boolean };
export type Margin = { top: number; right: number; bottom: number; left: number };
export type ChartSize = { width: number; height: number; margin: Margin; xTickCount?: number };
export type Band = { low: number | null; high: number | null };

export type TrendGeometry = {
  plot: { x: number; y: number; width: number; height: number };
  xTicks: { x: number; time: number }[];
  yTicks: { y: number; value: number }[];
  /** The reference range as a rectangle across the plot; null without a range. */
  band: { y: number; height: number } | null;
  /** SVG path "M x y L x y …" through the points in time order. */
  path: string;
  dots: (GeometryPoint & { x: number; y: number })[];
};

const DAY = 86_400_000;

/** A step of 1, 2 or 5 × 10^n that splits the span into about `count` parts. */
export function niceStep(span: number, count: number): number {
  if (!(span > 0) || count < 1) return 1;
  const raw = span / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}

/** Round-numbered ticks covering [min, max]: the first is at or below min, the last at or above max. */
export function niceTicks(min: number, max: number, count = 5): number[] {
  let lo = min;
  let hi = max;
  if (lo === hi) {
    // One value (or all equal): give it room above and below.
    const pad = lo === 0 ? 1 : Math.abs(lo) * 0.1;
    lo -= pad;
    hi += pad;
  }
  const step = niceStep(hi - lo, count);
  const first = Math.floor(lo / step) * step;
  const ticks: number[] = [];
  // Rounded to the step's decimals so 0.1 + 0.2 prints as 0.3.
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  for (let v = first; v < hi + step / 2; v += step) ticks.push(Number(v.toFixed(decimals)));
  if (ticks[ticks.length - 1]! < hi) ticks.push(Number((ticks[ticks.length - 1]! + step).toFixed(decimals)));
  return ticks;
}

/** Maps a domain onto a range linearly (pixels grow downwards for y: pass [bottom, top]). */
export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): (v: number) => number {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** About `count` evenly spaced times from t0 to t1 inclusive (both ends labelled). */
export function timeTicks(t0: number, t1: number, count = 4): number[] {
  if (t1 <= t0) return [t0];
  const n = Math.max(1, count - 1);
  return Array.from({ length: n + 1 }, (_, i) => Math.round(t0 + ((t1 - t0) * i) / n));
}

const round = (n: number) => Math.round(n * 10) / 10;

/** Everything the chart draws, in SVG user units of a viewBox of size.width × size.height. */
export function trendGeometry(points: GeometryPoint[], band: Band | null, size: ChartSize): TrendGeometry {
  const { margin } = size;
  const plot = { x: margin.left, y: margin.top, width: size.width - margin.left - margin.right, height: size.height - margin.top - margin.bottom };
  const sorted = [...points].sort((a, b) => a.time - b.time);
  const values = sorted.map((p) => p.value);
  const limits = [band?.low, band?.high].filter((v): v is number => typeof v === 'number');
  const all = [...values, ...limits];
  const yTickValues = all.length ? niceTicks(Math.min(...all), Math.max(...all)) : [0, 1];
  const yDomain: [number, number] = [yTickValues[0]!, yTickValues[yTickValues.length - 1]!];
  const y = linearScale(yDomain, [plot.y + plot.height, plot.y]);

  const t0 = sorted[0]?.time ?? 0;
  const t1 = sorted[sorted.length - 1]?.time ?? t0;
  // One reading (or one day) sits in the middle instead of on the edge.
  const xDomain: [number, number] = t1 > t0 ? [t0, t1] : [t0 - DAY, t0 + DAY];
  const x = linearScale(xDomain, [plot.x, plot.x + plot.width]);

  const dots = sorted.map((p) => ({ ...p, x: round(x(p.time)), y: round(y(p.value)) }));
  const path = dots.map((d, i) => `${i === 0 ? 'M' : 'L'}${d.x} ${d.y}`).join(' ');

  let bandRect: TrendGeometry['band'] = null;
  if (band && (band.low !== null || band.high !== null)) {
    const top = round(y(band.high ?? yDomain[1]));
    const bottom = round(y(band.low ?? yDomain[0]));
    bandRect = { y: top, height: round(bottom - top) };
  }

  return {
    plot,
    xTicks: (t1 > t0 ? timeTicks(t0, t1, size.xTickCount ?? 4) : [t0]).map((time) => ({ x: round(x(time)), time })),
    yTicks: yTickValues.map((value) => ({ y: round(y(value)), value })),
    band: bandRect,
    path,
    dots,
  };
}
