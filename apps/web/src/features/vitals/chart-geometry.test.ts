import { describe, expect, it } from 'vitest';
import type { VitalSeries } from '@ourchart/contracts';
import { CHART, layout } from './chart-geometry.ts';

const point = (date: string, value: number, secondValue: number | null = null, patientReported = false) => ({ observationId: date, date, value, secondValue, unit: 'mmHg', patientReported });

describe('chart layout', () => {
  it('puts the oldest reading on the left, higher values higher, and keeps the range band in view', () => {
    const series: VitalSeries = {
      kind: 'blood-pressure', unit: 'mmHg', range: { low: 90, high: 120 }, secondRange: { low: 60, high: 80 },
      points: [point('2025-01-01', 140, 90), point('2025-06-01', 128, 82, true)],
    };
    const g = layout(series);
    expect(g.points[0]!.x).toBe(CHART.left);
    expect(g.points[1]!.x).toBe(CHART.width - CHART.right);
    expect(g.points[0]!.y).toBeLessThan(g.points[1]!.y);
    expect(g.points[0]!.y2).toBeGreaterThan(g.points[0]!.y);
    expect(g.points.map((p) => p.home)).toEqual([false, true]);
    expect(g.band!.y).toBeGreaterThanOrEqual(CHART.top);
    expect(g.band2!.y + g.band2!.height).toBeLessThanOrEqual(CHART.height - CHART.bottom);
  });

  it('centres a single reading and has no band without a range', () => {
    const g = layout({ kind: 'weight', unit: 'kg', range: null, secondRange: null, points: [point('2025-01-01', 80)] });
    expect(g.points[0]!.x).toBe(CHART.left + (CHART.width - CHART.left - CHART.right) / 2);
    expect(g.band).toBeNull();
    expect(Number.isFinite(g.points[0]!.y)).toBe(true);
  });
});
