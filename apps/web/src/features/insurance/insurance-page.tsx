import './words.ts';
import { useId, useRef, useState } from 'react';
import type { CoverageView, InsuranceUpdate } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../router/router.tsx';
import { usePatientContext } from '../../session/patient-context.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { useMoney } from '../billing/use-money.ts';
import { FactList, StateTag } from './fact-list.tsx';
import { getInsurance } from './insurance-api.ts';
import { InsuranceUpdateForm } from './insurance-update-form.tsx';
import '../../styles/forms.css';
import '../account/account.css';
import '../../styles/billing.css';
import '../../styles/billing-help.css';

/**
 * /billing/insurance: the coverage on file (FHIR Coverage) with copay and coinsurance, the updates
 * sent and their answers, and "Update my insurance" (card details and photos, reviewed by staff).
 */
export function InsurancePage() {
  const { t } = useTranslation('insurance');
  const { onApiError } = useSignedIn();
  const { current, isProxyView } = usePatientContext();
  const [editing, setEditing] = useState(false);
  const [sent, setSent] = useState(false);
  const sentRef = useRef<HTMLParagraphElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  useDocumentTitle(t('title'));
  const overview = useApi(getInsurance);
  const pending = overview.status === 'ready' && overview.data.updates.some((u) => u.state === 'pending');

  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      {isProxyView && current ? <p className="strong">{t('forPatient', { name: current.name })}</p> : null}
      <p>{t('intro')}</p>
      <p><Link href="/billing">{t('back')}</Link></p>
      <div role="status" className="form-alert">
        {sent ? <p ref={sentRef} tabIndex={-1} className="notice notice--success">{t('form.sent')}</p> : null}
      </div>
      {overview.status === 'loading' ? <Loading text={t('loading')} /> : null}
      {overview.status === 'error' ? <LoadFailed error={overview.error} onRetry={overview.reload} /> : null}
      {overview.status === 'ready' ? (
        <div className="cards">
          <Coverages coverages={overview.data.coverages} />
          {overview.data.updates.length > 0 ? <Updates updates={overview.data.updates} /> : null}
          {pending ? null : (
            <section className="card">
              {editing ? (
                <InsuranceUpdateForm
                  onApiError={onApiError}
                  onCancel={() => { setEditing(false); requestAnimationFrame(() => openRef.current?.focus()); }}
                  onSent={() => {
                    setEditing(false);
                    setSent(true);
                    overview.reload();
                    requestAnimationFrame(() => sentRef.current?.focus());
                  }}
                />
              ) : (
                <button ref={openRef} type="button" className="button button--primary" onClick={() => { setSent(false); setEditing(true); }}>{t('form.open')}</button>
              )}
            </section>
          )}
        </div>
      ) : null}
    </>
  );
}

function Coverages({ coverages }: { coverages: CoverageView[] }) {
  const { t } = useTranslation('insurance');
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId} className="card__title">{t('coverage.title')}</h2>
      {coverages.length === 0 ? <p>{t('coverage.none')}</p> : (
        <ul className="item-list" aria-labelledby={titleId}>
          {coverages.map((c) => <li key={c.id} className="item"><CoverageFacts coverage={c} /></li>)}
        </ul>
      )}
    </section>
  );
}

/** One coverage as a list of facts (also used on the staff page). */
export function CoverageFacts({ coverage: c, headingLevel = 3 }: { coverage: CoverageView; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation('insurance');
  const { money, day } = useMoney();
  const Heading = `h${headingLevel}` as const;
  const facts: [string, string | null][] = [
    [t('coverage.plan'), c.planName],
    [t('coverage.memberId'), c.memberId],
    [t('coverage.group'), c.groupNumber],
    [t('coverage.subscriber'), c.subscriberName],
    [t('coverage.relationship'), c.relationship && ['self', 'spouse', 'child', 'other'].includes(c.relationship) ? t(`relationship.${c.relationship as 'self'}`) : c.relationship],
    [t('coverage.dates'), c.start ? (c.end ? t('coverage.range', { start: day(c.start), end: day(c.end) }) : t('coverage.since', { start: day(c.start) })) : null],
    [t('coverage.copay'), c.copayCents === null ? null : money(c.copayCents / 100)],
    [t('coverage.coinsurance'), c.coinsurancePercent === null ? null : t('coverage.percent', { value: c.coinsurancePercent })],
  ];
  return (
    <article className="billing-help">
      <Heading className="item__name">
        {c.payerName ?? t('coverage.payer')}{' '}
        <span className={`status-tag billing-status--${c.current ? 'paid' : 'canceled'}`}>{t(c.current ? 'coverage.current' : 'coverage.ended')}</span>
      </Heading>
      <FactList facts={facts} />
    </article>
  );
}

function Updates({ updates }: { updates: InsuranceUpdate[] }) {
  const { t } = useTranslation('insurance');
  const { day } = useMoney();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId} className="card__title">{t('updates.title')}</h2>
      <ul className="item-list" aria-labelledby={titleId}>
        {updates.map((u) => (
          <li key={u.id} className="item">
            <article className="billing-help">
              <h3 className="item__name">{u.payerName} · {u.memberId}</h3>
              <FactList facts={[
                [t('updates.status'), <StateTag state={u.state} text={t(`state.${u.state}`)} />],
                [t('updates.sent'), day(u.submittedAt)],
                [t('updates.reviewed'), u.decidedAt ? day(u.decidedAt) : null],
                [t('updates.reason'), u.reason],
              ]} />
              {u.state === 'pending' ? <p>{t('updates.waiting')}</p> : null}
            </article>
          </li>
        ))}
      </ul>
    </section>
  );
}
