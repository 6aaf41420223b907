import { useId } from 'react';
import type { Trend } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { formatFhirDate } from '../home/format-date.ts';
import { rangeShape } from './flag-words.ts';
import { FlagBadge, formatValue } from './result-value.tsx';

/** Every value of the trend as a table: what the chart shows, for everyone and screen readers first. */
export function TrendTable({ trend }: { trend: Trend }) {
  const { t, i18n } = useTranslation('results');
  const locale = i18n.resolvedLanguage ?? 'en';
  const captionId = useId();
  // "Who measured it" only when some readings are the patient's own (home readings).
  const mixed = trend.points.some((p) => p.patientReported);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
  const range = (low: number | null, high: number | null) => {
    const shape = rangeShape({ low, high, text: null });
    if (!shape || 'text' in shape) return t('noRange');
    return t(shape.key, { low: shape.low === null ? '' : formatValue(shape.low, null, locale), high: shape.high === null ? '' : formatValue(shape.high, null, locale) });
  };
  return (
    // Narrow screens scroll the table inside its own box (focusable, so keyboards can scroll it), never the page.
    <div className="trend-table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="trend-table">
        <caption id={captionId}>{t('trend.caption', { name: trend.name })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('trend.date')}</th>
            <th scope="col">{t('trend.value')}</th>
            <th scope="col">{t('trend.range')}</th>
            <th scope="col">{t('trend.flag')}</th>
            {mixed ? <th scope="col">{t('trend.source')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {trend.points.map((p) => (
            <tr key={p.observationId}>
              <th scope="row">{/^\d{4}-\d{2}-\d{2}T/.test(p.date) ? day.format(new Date(p.date)) : formatFhirDate(p.date, locale)}</th>
              <td>{formatValue(p.value, p.unit, locale)}</td>
              <td>{range(p.low, p.high)}</td>
              <td>
                <FlagBadge flag={p.flag} />
              </td>
              {mixed ? <td>{p.patientReported ? t('trend.patient') : t('trend.clinic')}</td> : null}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
