import './words.ts';
import { useId } from 'react';
import type { BillingSummary } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../router/router.tsx';
import { usePatientContext } from '../../session/patient-context.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { getBilling } from './billing-api.ts';
import { PaperlessForm } from './paperless-form.tsx';
import { PaymentHistory } from './payment-history.tsx';
import { StatementSection } from './statement-section.tsx';
import { useMoney } from './use-money.ts';
import '../../styles/forms.css';
import '../account/account.css';
import '../../styles/billing.css';

/**
 * /billing: what the record in context owes and by when, with `Pay` up top; the statement itemized
 * per visit; payments with their receipts; the payment plan; paper or paperless statements; and
 * the ways to get help (insurance, estimates, financial help).
 */
export function BillingPage() {
  const { t } = useTranslation('billing');
  const { current, isProxyView } = usePatientContext();
  useDocumentTitle(t('title'));
  const summary = useApi(getBilling);

  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      {isProxyView && current ? <p className="strong">{t('forPatient', { name: current.name })}</p> : null}
      {summary.status === 'loading' ? <Loading text={t('loading')} /> : null}
      {summary.status === 'error' ? <LoadFailed error={summary.error} onRetry={summary.reload} /> : null}
      {summary.status === 'ready' ? (
        <div className="cards billing">
          <AmountDue summary={summary.data} />
          <HelpLinks />
          <PlanCard summary={summary.data} />
          <StatementSection visits={summary.data.statements} />
          <PaymentHistory payments={summary.data.payments} />
          <PaperlessForm paperless={summary.data.paperless} />
        </div>
      ) : null}
    </>
  );
}

function AmountDue({ summary }: { summary: BillingSummary }) {
  const { t } = useTranslation('billing');
  const { money, day } = useMoney();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="card card--important">
      <h2 id={titleId} className="card__title">
        {t('summary.title')}
      </h2>
      {summary.balanceDue > 0 ? (
        <dl className="billing-due">
          <dt>{t('summary.amountDue')}</dt>
          <dd className="billing-due__amount">{money(summary.balanceDue)}</dd>
          {summary.dueDate ? <dd>{t(isPast(summary.dueDate) ? 'summary.pastDue' : 'summary.dueBy', { date: day(summary.dueDate) })}</dd> : null}
        </dl>
      ) : (
        <p className="strong">{t('summary.nothingDue')}</p>
      )}
      {summary.pendingAmount > 0 ? <p>{t('summary.pending', { amount: money(summary.pendingAmount) })}</p> : null}
      {summary.maxPayment > 0 ? (
        <>
          {summary.pendingAmount > 0 ? <p>{t('summary.canPay', { amount: money(summary.maxPayment) })}</p> : null}
          <p>
            <Link href="/billing/pay" className="button button--primary">
              {t('summary.pay')}
            </Link>
          </p>
        </>
      ) : null}
      <p className="item__detail">{t('summary.guarantor', { name: summary.guarantor.name, relationship: summary.guarantor.relationship })}</p>
    </section>
  );
}

/** True for a calendar day (YYYY-MM-DD) before today where the reader is. */
function isPast(day: string): boolean {
  const now = new Date();
  const today = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
  return day < today;
}

function HelpLinks() {
  const { t } = useTranslation('billing');
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId} className="card__title">
        {t('help.title')}
      </h2>
      <ul className="inline-list">
        <li>
          <Link href="/billing/insurance">{t('help.insurance')}</Link>
        </li>
        <li>
          <Link href="/billing/estimate">{t('help.estimate')}</Link>
        </li>
        <li>
          <Link href="/billing/assistance">{t('help.assistance')}</Link>
        </li>
      </ul>
    </section>
  );
}

function PlanCard({ summary }: { summary: BillingSummary }) {
  const { t } = useTranslation('billing');
  const { money, day } = useMoney();
  const titleId = useId();
  const plan = summary.plan;
  const next = plan?.instalments.find((i) => i.status === 'due' || i.status === 'scheduled' || i.status === 'missed');
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId} className="card__title">
        {t('planCard.title')}
      </h2>
      {plan ? (
        <>
          <p>{t('planCard.active', { amount: money(plan.instalments[0]?.amount ?? 0), remaining: money(plan.remaining) })}</p>
          {next ? <p>{t('planCard.next', { amount: money(next.amount), date: day(next.dueDate) })}</p> : null}
          <p>
            <Link href="/billing/plan">{t('planCard.see')}</Link>
          </p>
        </>
      ) : summary.planChoices.length > 0 ? (
        <>
          <p>{t('planCard.offer')}</p>
          <p>
            <Link href="/billing/plan">{t('planCard.setUp')}</Link>
          </p>
        </>
      ) : (
        <p>{t('planCard.notNow', { amount: money(summary.planRules.minBalance) })}</p>
      )}
    </section>
  );
}
