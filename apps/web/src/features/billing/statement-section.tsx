import { useId } from 'react';
import type { StatementVisit } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { statementPdfUrl } from './billing-api.ts';
import { useMoney } from './use-money.ts';

/** The statement: one block per visit (newest first), each with a table of its charges. */
export function StatementSection({ visits }: { visits: StatementVisit[] }) {
  const { t } = useTranslation('billing');
  const { locale: lang } = useMoney();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId} className="card__title">
        {t('statement.title')}
      </h2>
      <p>{t('statement.intro')}</p>
      <p>
        <a className="button button--secondary" href={statementPdfUrl(lang)} download>
          {t('statement.download')}
        </a>
      </p>
      {visits.length === 0 ? <p>{t('statement.empty')}</p> : null}
      {visits.length > 0 ? (
        <ul className="item-list billing-visits">
          {visits.map((visit) => (
            <VisitStatement key={visit.id} visit={visit} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/**
 * One visit: who and where, its status in words, then the charges. On narrow screens the table
 * stacks into one box per charge (account.css data-table--stack), each value under its column name.
 */
function VisitStatement({ visit }: { visit: StatementVisit }) {
  const { t } = useTranslation('billing');
  const { money, day } = useMoney();
  const headingId = useId();
  const captionId = useId();
  const date = day(visit.date);
  const columns = { charge: t('statement.charge'), insurancePaid: t('statement.insurancePaid'), adjustment: t('statement.adjustment'), youOwe: t('statement.youOwe') };
  return (
    <li className="item billing-visit">
      <article aria-labelledby={headingId} className="billing-visit__body">
        <h3 id={headingId} className="item__name billing-visit__title">
          {t('statement.visitTitle', { date })}
        </h3>
        <p className="item__detail">
          {[visit.clinician ? t('statement.with', { name: visit.clinician }) : null, visit.location ? t('statement.at', { place: visit.location }) : null].filter(Boolean).join(' · ')}
        </p>
        <p>
          <span className={`status-tag billing-status billing-status--${visit.status}`}>{t(`statement.status.${visit.status}`)}</span>
        </p>
        {visit.status === 'pending-insurance' ? <p>{t('statement.pendingInsurance')}</p> : null}
        {/* Scrolls inside its own box when a language's words need more room (focusable, so keyboards can scroll it). */}
        <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
          <table className="data-table data-table--stack billing-table">
            <caption id={captionId} className="data-table__caption">
              {t('statement.caption', { date })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('statement.billed')}</th>
                <th scope="col">{columns.charge}</th>
                <th scope="col">{columns.insurancePaid}</th>
                <th scope="col">{columns.adjustment}</th>
                <th scope="col">{columns.youOwe}</th>
              </tr>
            </thead>
            <tbody>
              {visit.items.map((item, index) => (
                <tr key={`${item.code ?? ''}-${index}`}>
                  <th scope="row">
                    {item.description}
                    {item.code ? <span className="billing-code"> {t('statement.code', { code: item.code })}</span> : null}
                  </th>
                  <td className="billing-amount" data-label={columns.charge}>{money(item.charge)}</td>
                  <td className="billing-amount" data-label={columns.insurancePaid}>{money(item.insurancePaid)}</td>
                  <td className="billing-amount" data-label={columns.adjustment}>{money(item.adjustment)}</td>
                  <td className="billing-amount" data-label={columns.youOwe}>{money(item.youOwe)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('statement.total')}</th>
                <td className="billing-amount" data-label={columns.charge}>{money(visit.totals.charge)}</td>
                <td className="billing-amount" data-label={columns.insurancePaid}>{money(visit.totals.insurancePaid)}</td>
                <td className="billing-amount" data-label={columns.adjustment}>{money(visit.totals.adjustment)}</td>
                <td className="billing-amount" data-label={columns.youOwe}>{money(visit.totals.youOwe)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        <dl className="billing-facts">
          <div>
            <dt>{t('statement.paid')}</dt>
            <dd>{money(visit.paid)}</dd>
          </div>
          {visit.financialHelp > 0 ? (
            <div>
              <dt>{t('statement.financialHelp')}</dt>
              <dd>{t('statement.financialHelpAmount', { amount: money(visit.financialHelp) })}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('statement.balance')}</dt>
            <dd>{money(visit.balance)}</dd>
          </div>
          {visit.dueDate && visit.balance > 0 ? (
            <div>
              <dt>{t('statement.dueBy')}</dt>
              <dd>{day(visit.dueDate)}</dd>
            </div>
          ) : null}
        </dl>
      </article>
    </li>
  );
}
