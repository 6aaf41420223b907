import type { VitalSeries } from '@ourchart/contracts';

export const CHART = { width: 600, height: 220, left: 44, right: 12, top: 12, bottom: 28 } as const;

export type Plotted = { x: number; y: number; y2: number | null; home: boolean };
export type Geometry = {
  points: Plotted[];
  band: { y: number; height: number } | null;
  band2: { y: number; height: number } | null;
  ticks: { y: number; label: string }[];
};

/**
 * Places a series on the chart: time on x (evenly by date), values on y with the range bands
 * included so the shaded "usual range" is always in view. Pure, so it is unit-tested.
 */
export function layout(series: VitalSeries): Geometry {
  const { width, height, left, right, top, bottom } = CHART;
  const values = series.points.flatMap((p) => (p.secondValue === null ? [p.value] : [p.value, p.secondValue]));
  for (const r of [series.range, series.secondRange]) if (r) values.push(r.low, r.high);
  const rawMin = Math.min(...values);
  const rawMax = Math.max(...values);
  const pad = (rawMax - rawMin) * 0.1 || 1;
  const min = Math.floor(rawMin - pad);
  const max = Math.ceil(rawMax + pad);
  const times = series.points.map((p) => Date.parse(p.date));
  const t0 = Math.min(...times);
  const t1 = Math.max(...times);
  const x = (t: number) => (t1 === t0 ? left + (width - left - right) / 2 : left + ((t - t0) / (t1 - t0)) * (width - left - right));
  const y = (v: number) => top + (1 - (v - min) / (max - min)) * (height - top - bottom);
  const band = (r: { low: number; high: number } | null) => (r ? { y: y(r.high), height: y(r.low) - y(r.high) } : null);
  const ticks = [min, Math.round((min + max) / 2), max].map((v) => ({ y: y(v), label: String(v) }));
  return {
    points: series.points.map((p, i) => ({ x: x(times[i]!), y: y(p.value), y2: p.secondValue === null ? null : y(p.secondValue), home: p.patientReported })),
    band: band(series.range),
    band2: band(series.secondRange),
    ticks,
  };
}
