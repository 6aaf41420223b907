import { useTranslation } from 'react-i18next';
import type { VitalSeries } from '@ourchart/contracts';
import { CHART, layout, type Plotted } from './chart-geometry.ts';

/**
 * The series as an SVG: shaded usual range, clinic readings as circles and home readings as
 * diamonds (shape, not only colour), blood pressure's bottom number dashed. Screen readers get
 * the table that follows instead (the SVG is one labelled image).
 */
export function VitalChart({ series, name }: { series: VitalSeries; name: string }) {
  const { t, i18n } = useTranslation('vitals');
  const g = layout(series);
  const month = new Intl.DateTimeFormat(i18n.language, { month: 'short', year: 'numeric' });
  const first = series.points[0];
  const last = series.points.at(-1);
  const line = (ys: (p: Plotted) => number | null) =>
    g.points.filter((p) => ys(p) !== null).map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${ys(p)!.toFixed(1)}`).join(' ');
  return (
    <figure className="vital-chart">
      <svg viewBox={`0 0 ${CHART.width} ${CHART.height}`} role="img" aria-label={t('chart.label', { name })} className="vital-chart__svg">
        {g.band ? <rect x={CHART.left} y={g.band.y} width={CHART.width - CHART.left - CHART.right} height={g.band.height} className="vital-chart__band" /> : null}
        {g.band2 ? <rect x={CHART.left} y={g.band2.y} width={CHART.width - CHART.left - CHART.right} height={g.band2.height} className="vital-chart__band" /> : null}
        {g.ticks.map((tick) => (
          <g key={tick.label}>
            <line x1={CHART.left} x2={CHART.width - CHART.right} y1={tick.y} y2={tick.y} className="vital-chart__grid" />
            <text x={CHART.left - 6} y={tick.y + 4} textAnchor="end" className="vital-chart__tick">{tick.label}</text>
          </g>
        ))}
        {first ? <text x={CHART.left} y={CHART.height - 8} className="vital-chart__tick">{month.format(new Date(first.date))}</text> : null}
        {last && last !== first ? <text x={CHART.width - CHART.right} y={CHART.height - 8} textAnchor="end" className="vital-chart__tick">{month.format(new Date(last.date))}</text> : null}
        <path d={line((p) => p.y)} className="vital-chart__line" />
        {series.secondRange ? <path d={line((p) => p.y2)} className="vital-chart__line vital-chart__line--second" /> : null}
        {g.points.flatMap((p, i) => [p.y, p.y2].filter((y): y is number => y !== null).map((y, j) => <Marker key={`${i}-${j}`} x={p.x} y={y} home={p.home} />))}
      </svg>
      <figcaption>
        <ul className="vital-chart__legend">
          <li><LegendShape home={false} /> {t('chart.clinic')}</li>
          <li><LegendShape home /> {t('chart.home')}</li>
          {series.secondRange ? (
            <>
              <li><LegendLine /> {t('chart.systolic')}</li>
              <li><LegendLine dashed /> {t('chart.diastolic')}</li>
            </>
          ) : null}
        </ul>
      </figcaption>
    </figure>
  );
}

function Marker({ x, y, home }: { x: number; y: number; home: boolean }) {
  return home
    ? <path d={`M${x},${y - 7} L${x + 7},${y} L${x},${y + 7} L${x - 7},${y} Z`} className="vital-chart__point vital-chart__point--home" />
    : <circle cx={x} cy={y} r={5} className="vital-chart__point" />;
}

function LegendShape({ home }: { home: boolean }) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" focusable="false">
      {home ? <path d="M9,2 L16,9 L9,16 L2,9 Z" className="vital-chart__point vital-chart__point--home" /> : <circle cx="9" cy="9" r="5" className="vital-chart__point" />}
    </svg>
  );
}

function LegendLine({ dashed = false }: { dashed?: boolean }) {
  return (
    <svg width="28" height="10" viewBox="0 0 28 10" aria-hidden="true" focusable="false">
      <line x1="1" x2="27" y1="5" y2="5" className={dashed ? 'vital-chart__line vital-chart__line--second' : 'vital-chart__line'} />
    </svg>
  );
}
