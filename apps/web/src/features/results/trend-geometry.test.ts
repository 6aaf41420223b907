import { describe, expect, it } from 'vitest';
import { linearScale, niceStep, niceTicks, timeTicks, trendGeometry, type ChartSize } from './trend-geometry.ts';

const size: ChartSize = { width: 600, height: 300, margin: { top: 10, right: 10, bottom: 40, left: 50 } };
const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const point = (iso: string, value: number, extra: { outOfRange?: boolean; patientReported?: boolean } = {}) => ({
  time: day(iso), value, outOfRange: extra.outOfRange ?? false, patientReported: extra.patientReported ?? false,
});

describe('trend chart geometry', () => {
  it('picks round tick steps and ticks that cover the values', () => {
    expect(niceStep(10, 5)).toBe(2);
    expect(niceStep(3.3, 5)).toBe(1);
    expect(niceStep(0.7, 5)).toBe(0.2);
    expect(niceTicks(6.8, 8.4)).toEqual([6.5, 7, 7.5, 8, 8.5]);
    expect(niceTicks(70, 182)).toEqual([50, 100, 150, 200]);
    expect(niceTicks(0.1, 0.3)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
    // All values equal: room above and below.
    const flat = niceTicks(5, 5);
    expect(flat[0]).toBeLessThan(5);
    expect(flat[flat.length - 1]).toBeGreaterThan(5);
  });

  it('maps values and times onto the plot, with y growing upwards', () => {
    const y = linearScale([0, 10], [250, 10]);
    expect(y(0)).toBe(250);
    expect(y(10)).toBe(10);
    expect(y(5)).toBe(130);
    expect(timeTicks(0, 300, 4)).toEqual([0, 100, 200, 300]);
  });

  it('draws the line in time order, the range band, and keeps flags on the dots', () => {
    const g = trendGeometry(
      [point('2024-01-10', 7.9, { outOfRange: true }), point('2023-01-10', 8.4, { outOfRange: true }), point('2025-01-10', 5.5, { patientReported: true })],
      { low: null, high: 5.7 },
      size,
    );
    expect(g.plot).toEqual({ x: 50, y: 10, width: 540, height: 250 });
    expect(g.dots.map((d) => d.value)).toEqual([8.4, 7.9, 5.5]);
    expect(g.dots[0]!.x).toBe(50);
    expect(g.dots[2]!.x).toBe(590);
    // Domain 5..9 over 250 px from y=260 up to y=10: 8.4 is 3.4/4 of the way up.
    expect(g.yTicks.map((t) => t.value)).toEqual([5, 6, 7, 8, 9]);
    expect(g.yTicks[0]!.y).toBe(260);
    expect(g.dots[0]!.y).toBe(47.5);
    expect(g.path).toBe('M50 47.5 L319.6 78.7 L590 228.8');
    expect(g.dots[0]).toMatchObject({ outOfRange: true, patientReported: false });
    expect(g.dots[2]).toMatchObject({ patientReported: true });
    // Only a high limit: the band runs from the bottom of the plot up to 5.7.
    expect(g.band).toEqual({ y: 216.3, height: 43.7 });
    expect(g.xTicks[0]!.x).toBe(50);
    expect(g.xTicks[g.xTicks.length - 1]!.x).toBe(590);
  });

  it('stretches the value axis to show the whole range band, and centres a single reading', () => {
    const g = trendGeometry([point('2025-03-01', 100)], { low: 70, high: 99 }, size);
    expect(g.yTicks[0]!.value).toBeLessThanOrEqual(70);
    expect(g.yTicks[g.yTicks.length - 1]!.value).toBeGreaterThanOrEqual(100);
    expect(g.dots[0]!.x).toBe(320);
    expect(g.path).toBe(`M320 ${g.dots[0]!.y}`);
    expect(g.band!.height).toBeGreaterThan(0);
    expect(trendGeometry([point('2025-03-01', 1)], null, size).band).toBeNull();
    expect(trendGeometry([], null, size)).toMatchObject({ path: '', dots: [] });
  });
});
