import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImmunizationHistory } from '@ourchart/contracts';
import { formatFhirDate } from '../home/format-date.ts';

/** Every vaccine on the record, one table per vaccine (caption = its name), newest dose first. */
export function VaccineHistory({ history }: { history: ImmunizationHistory }) {
  const { t, i18n } = useTranslation('immunizations');
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="care">
      <h2 id={headingId} className="care__title">
        {t('history.heading')}
      </h2>
      {history.groups.length === 0 ? <p className="care__empty">{t('history.empty')}</p> : null}
      {history.groups.map((group) => (
        <table key={group.vaccine} className="vaccine-table">
          <caption className="vaccine-table__caption">
            {group.vaccine} <span className="vaccine-table__count">({t('history.count', { count: group.doses.length })})</span>
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('history.date')}</th>
              <th scope="col">{t('history.dose')}</th>
              <th scope="col">{t('history.where')}</th>
            </tr>
          </thead>
          <tbody>
            {group.doses.map((dose) => (
              <tr key={dose.id}>
                <th scope="row">{dose.date ? formatFhirDate(dose.date, i18n.language) : t('history.unknown')}</th>
                <td>
                  {dose.status === 'not-done'
                    ? t('history.notGiven')
                    : dose.doseNumber !== null
                      ? t('history.doseNumber', { n: dose.doseNumber })
                      : t('history.unknown')}
                </td>
                <td>{dose.location ?? t('history.unknown')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ))}
    </section>
  );
}
