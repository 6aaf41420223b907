import { useId } from 'react';
import type { ResultValue } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../router/router.tsx';
import { formatFhirDate } from '../home/format-date.ts';
import { correctionHref, trendHref } from './results-api.ts';
import { flagLook, isNotableStatus, rangeShape, statusKey } from './flag-words.ts';
import { CorrectionStatus } from '../corrections/correction-status.tsx';

/** A value with its unit, as people read it ("182 mg/dL"). */
export function formatValue(value: ResultValue['value'], unit: string | null, locale: string): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? new Intl.NumberFormat(locale, { maximumFractionDigits: 4 }).format(value) : value;
  return unit ? `${text} ${unit}` : text;
}

/** The words and symbol of a flag, coloured by tone (the words carry the meaning). */
export function FlagBadge({ flag }: { flag: ResultValue['flag'] }) {
  const { t } = useTranslation('results');
  const look = flagLook(flag);
  return (
    <span className={`flag flag--${look.tone}`}>
      <span aria-hidden="true" className="flag__symbol">
        {look.symbol}
      </span>{' '}
      {t(`flags.${look.key}`)}
    </span>
  );
}

export function StatusWords({ status }: { status: string }) {
  const { t } = useTranslation('results');
  return <span className={isNotableStatus(status) ? 'result-status result-status--notable' : 'result-status'}>{t(`status.${statusKey(status)}`)}</span>;
}

/** One value of a result: number and unit, range, flag and status in words, correction, explanation, links. */
export function ResultValueView({ value }: { value: ResultValue }) {
  const { t, i18n } = useTranslation('results');
  const locale = i18n.resolvedLanguage ?? 'en';
  const headingId = useId();
  const shape = rangeShape(value.range);
  const rangeText = !shape
    ? t('noRange')
    : 'text' in shape
      ? shape.text
      : `${t(shape.key, { low: shape.low === null ? '' : formatValue(shape.low, null, locale), high: shape.high === null ? '' : formatValue(shape.high, null, locale) })}${value.unit ? ` ${value.unit}` : ''}`;
  const isNumeric = typeof value.value === 'number' && value.code !== null;
  return (
    <section aria-labelledby={headingId} className={`result-value result-value--${flagLook(value.flag).tone}`}>
      <h3 id={headingId} className="result-value__name">
        {value.name}
      </h3>
      <dl className="result-value__facts">
        <div>
          <dt>{t('value')}</dt>
          <dd className="result-value__number">{formatValue(value.value, value.unit, locale) || t('noValue')}</dd>
        </div>
        <div>
          <dt>{t('range')}</dt>
          <dd>{rangeText}</dd>
        </div>
        <div>
          <dt>{t('flag')}</dt>
          <dd>
            <FlagBadge flag={value.flag} />
          </dd>
        </div>
        <div>
          <dt>{t('statusLabel')}</dt>
          <dd>
            <StatusWords status={value.status} />
            {value.effective ? ` · ${t('takenOn', { date: formatFhirDate(value.effective, locale) })}` : ''}
          </dd>
        </div>
      </dl>
      {value.correction ? (
        <div className="result-correction">
          <p className="result-correction__what">
            {value.correction.previousValue !== null
              ? t('correction.changed', { before: formatValue(value.correction.previousValue, value.unit, locale), after: formatValue(value.value, value.unit, locale) })
              : t('correction.same')}
          </p>
          {value.correction.note ? <p>{t('correction.note', { note: value.correction.note })}</p> : null}
        </div>
      ) : null}
      {value.explanation ? (
        <details className="explain">
          <summary>{t('explain.summary')}</summary>
          <dl className="explain__list">
            <dt>{t('explain.measures')}</dt>
            <dd>{value.explanation.measures}</dd>
            {value.explanation.high ? (
              <>
                <dt>{t('explain.high')}</dt>
                <dd>{value.explanation.high}</dd>
              </>
            ) : null}
            {value.explanation.low ? (
              <>
                <dt>{t('explain.low')}</dt>
                <dd>{value.explanation.low}</dd>
              </>
            ) : null}
            <dt>{t('explain.ask')}</dt>
            <dd>{value.explanation.askCareTeam}</dd>
          </dl>
          <p className="explain__source">
            {t('explain.source')}{' '}
            <a href={value.explanation.source.url} rel="noreferrer">
              {value.explanation.source.name}
            </a>
          </p>
        </details>
      ) : null}
      <CorrectionStatus item={`Observation/${value.id}`} />
      <p className="result-value__links">
        {isNumeric ? (
          <Link href={trendHref(value.code!)} aria-label={t('seeTrendFor', { name: value.name })}>
            {t('seeTrend')}
          </Link>
        ) : null}
        <Link href={correctionHref(value.id)} aria-label={t('askCorrectionFor', { name: value.name })}>
          {t('askCorrection')}
        </Link>
      </p>
    </section>
  );
}
