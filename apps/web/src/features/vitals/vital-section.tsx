import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { VitalSeries } from '@ourchart/contracts';
import { VitalChart } from './vital-chart.tsx';

type UnitKey = 'mmHg' | 'kg' | 'mg/dL' | '/min' | 'kg/m2';

/** One vital sign: heading, usual range in words, chart, and the same readings as a table. */
export function VitalSection({ series }: { series: VitalSeries }) {
  const { t, i18n } = useTranslation('vitals');
  const headingId = useId();
  const name = t(`kinds.${series.kind}`);
  const unit = t(`units.${series.unit as UnitKey}`);
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const newestFirst = [...series.points].reverse();
  return (
    <section aria-labelledby={headingId} className="vital card">
      <h2 id={headingId} className="card__title">{name}</h2>
      {series.range && series.secondRange ? (
        <p className="vital__range">{t('chart.bpRange', { low: series.range.low, high: series.range.high, low2: series.secondRange.low, high2: series.secondRange.high })}</p>
      ) : series.range ? (
        <p className="vital__range">{t('chart.range', { low: number.format(series.range.low), high: number.format(series.range.high), unit })}</p>
      ) : null}
      {series.points.length === 0 ? <p className="vital__empty">{t('chart.empty')}</p> : (
        <>
          <VitalChart series={series} name={name} />
          <div className="vital__table-wrap">
            <table className="vital-table">
              <caption className="vital-table__caption">{t('table.caption', { name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('table.date')}</th>
                  <th scope="col">{t('table.value')}</th>
                  <th scope="col">{t('table.source')}</th>
                </tr>
              </thead>
              <tbody>
                {newestFirst.map((p) => (
                  <tr key={p.observationId} className={p.patientReported ? 'vital-table__home' : undefined}>
                    <th scope="row">{when.format(new Date(p.date))}</th>
                    <td>{p.secondValue === null ? number.format(p.value) : `${number.format(p.value)}/${number.format(p.secondValue)}`} {unit}</td>
                    <td>{p.patientReported ? t('form.where.home') : t('form.where.clinic')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
