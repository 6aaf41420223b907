import { useEffect, useRef, useState } from 'react';
import type { RefObject } from 'react';
import type { Trend } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { isOutOfRange } from './flag-words.ts';
import { trendGeometry, type ChartSize } from './trend-geometry.ts';

/**
 * The chart's size in SVG units follows its box's width in CSS pixels, so text stays readable at
 * 360 px and at 200% zoom; the SVG also scales with its viewBox if the box changes before we measure.
 */
function useChartSize(): [RefObject<HTMLDivElement | null>, ChartSize] {
  const ref = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(640);
  useEffect(() => {
    const box = ref.current;
    if (!box || typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setWidth(Math.max(240, Math.round(entry.contentRect.width)));
    });
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  const narrow = width < 480;
  const height = Math.round(Math.min(320, Math.max(220, width * 0.55)));
  return [ref, { width, height, xTickCount: narrow ? 3 : 4, margin: { top: 16, right: narrow ? 12 : 20, bottom: 48, left: narrow ? 52 : 64 } }];
}

type TrendChartProps = { trend: Trend; summary: string };

/**
 * The values over time with the (latest) normal range as a shaded band. Out-of-range points are
 * triangles and home readings hollow, so shape tells what colour tells. Screen readers get the
 * short summary (role="img") and the data table next to it.
 */
export function TrendChart({ trend, summary }: TrendChartProps) {
  const { t, i18n } = useTranslation('results');
  const locale = i18n.resolvedLanguage ?? 'en';
  const [boxRef, SIZE] = useChartSize();
  const latest = trend.points[trend.points.length - 1];
  const band = latest && (latest.low !== null || latest.high !== null) ? { low: latest.low, high: latest.high } : null;
  const g = trendGeometry(
    trend.points.map((p) => ({ time: Date.parse(p.date), value: p.value, outOfRange: isOutOfRange(p.flag), patientReported: p.patientReported })),
    band,
    SIZE,
  );
  const dateLabel = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric' });
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const bottom = g.plot.y + g.plot.height;
  return (
    <figure className="trend-chart">
      <div ref={boxRef}>
        <svg viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} role="img" aria-label={summary} className="trend-chart__svg" preserveAspectRatio="xMidYMid meet">
          {g.band ? <rect className="trend-chart__band" x={g.plot.x} y={g.band.y} width={g.plot.width} height={g.band.height} /> : null}
          {g.yTicks.map((tick) => (
            <g key={`y${tick.value}`}>
              <line className="trend-chart__grid" x1={g.plot.x} x2={g.plot.x + g.plot.width} y1={tick.y} y2={tick.y} />
              <text className="trend-chart__tick" x={g.plot.x - 8} y={tick.y} textAnchor="end" dominantBaseline="middle">
                {number.format(tick.value)}
              </text>
            </g>
          ))}
          {g.xTicks.map((tick, i) => (
            <text
              key={`x${tick.time}`}
              className="trend-chart__tick"
              x={tick.x}
              y={bottom + 20}
              // The end labels stay inside the chart.
              textAnchor={g.xTicks.length === 1 ? 'middle' : i === 0 ? 'start' : i === g.xTicks.length - 1 ? 'end' : 'middle'}
            >
              {dateLabel.format(tick.time)}
            </text>
          ))}
          <line className="trend-chart__axis" x1={g.plot.x} x2={g.plot.x + g.plot.width} y1={bottom} y2={bottom} />
          <line className="trend-chart__axis" x1={g.plot.x} x2={g.plot.x} y1={g.plot.y} y2={bottom} />
          <text className="trend-chart__label" x={g.plot.x + g.plot.width / 2} y={SIZE.height - 4} textAnchor="middle">
            {t('trend.axisDate')}
          </text>
          <text className="trend-chart__label" transform={`translate(14 ${g.plot.y + g.plot.height / 2}) rotate(-90)`} textAnchor="middle">
            {trend.unit ? t('trend.axisValue', { unit: trend.unit }) : t('trend.axisValuePlain')}
          </text>
          <path className="trend-chart__line" d={g.path} />
          {g.dots.map((d, i) =>
            d.outOfRange ? (
              <path
                key={i}
                className={d.patientReported ? 'trend-chart__point trend-chart__point--out trend-chart__point--home' : 'trend-chart__point trend-chart__point--out'}
                d={`M${d.x} ${d.y - 8} L${d.x + 7} ${d.y + 5} L${d.x - 7} ${d.y + 5} Z`}
              />
            ) : (
              <circle key={i} className={d.patientReported ? 'trend-chart__point trend-chart__point--home' : 'trend-chart__point'} cx={d.x} cy={d.y} r={5} />
            ),
          )}
        </svg>
      </div>
      <figcaption className="trend-legend">
        <ul>
          {band ? (
            <li>
              <span aria-hidden="true" className="trend-legend__swatch trend-legend__swatch--band" /> {t('trend.legend.range')}
            </li>
          ) : null}
          <li>
            <span aria-hidden="true" className="trend-legend__mark">●</span> {t('trend.legend.inRange')}
          </li>
          <li>
            <span aria-hidden="true" className="trend-legend__mark trend-legend__mark--out">▲</span> {t('trend.legend.outOfRange')}
          </li>
          {trend.points.some((p) => p.patientReported) ? (
            <li>
              <span aria-hidden="true" className="trend-legend__mark">○</span> {t('trend.legend.patient')}
            </li>
          ) : null}
        </ul>
      </figcaption>
    </figure>
  );
}
