import './words.ts';
import { useCallback, useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { Estimate, EstimatePage as EstimateData } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { apiRequest } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { Field } from '../../components/native-fields.tsx';
import { Link } from '../../router/router.tsx';
import { usePatientContext } from '../../session/patient-context.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useMoney } from '../billing/use-money.ts';
import '../../styles/forms.css';
import '../account/account.css';
import '../../styles/billing.css';
import '../../styles/billing-help.css';

const getEstimate = (visitType: string) =>
  apiRequest<EstimateData>('GET', `/api/billing/estimate${visitType ? `?visitType=${encodeURIComponent(visitType)}` : ''}`);

/**
 * /billing/estimate: pick a type of visit and see its services from the clinic price list, what
 * insurance may pay and what the patient may owe with the coverage on file. Not a bill.
 */
export function EstimatePage() {
  const { t } = useTranslation('estimates');
  const { current, isProxyView } = usePatientContext();
  const [choice, setChoice] = useState('');
  const [shown, setShown] = useState('');
  useDocumentTitle(t('title'));
  const page = useApi(useCallback(() => getEstimate(shown), [shown]));

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setShown(choice);
  }

  const types = page.status === 'ready' ? page.data.visitTypes : [];
  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      {isProxyView && current ? <p className="strong">{t('forPatient', { name: current.name })}</p> : null}
      <p>{t('intro')}</p>
      <p className="notice notice--info">{t('note')}</p>
      <p><Link href="/billing">{t('back')}</Link></p>
      {page.status === 'loading' && !shown ? <Loading text={t('loading')} /> : null}
      {page.status === 'error' ? <LoadFailed error={page.error} onRetry={page.reload} /> : null}
      {page.status === 'ready' && types.length === 0 ? <p>{t('noTypes')}</p> : null}
      {types.length > 0 ? (
        <form className="inline-form" onSubmit={handleSubmit} noValidate aria-label={t('title')}>
          <Field label={t('visitType')}>
            {(props) => (
              <select {...props} className="field__input" value={choice} onChange={(event) => setChoice(event.target.value)}>
                <option value="">{t('choose')}</option>
                {types.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
              </select>
            )}
          </Field>
          <div className="actions">
            <button type="submit" className="button button--primary">{t('show')}</button>
          </div>
        </form>
      ) : null}
      <div aria-live="polite">
        {page.status === 'loading' && shown ? <Loading text={t('loading')} /> : null}
        {page.status === 'ready' && page.data.estimate ? <EstimateResult estimate={page.data.estimate} /> : null}
        {page.status === 'ready' && !page.data.estimate && types.length > 0 ? <p>{t('chooseFirst')}</p> : null}
      </div>
    </>
  );
}

function EstimateResult({ estimate: e }: { estimate: Estimate }) {
  const { t } = useTranslation('estimates');
  const { money } = useMoney();
  const titleId = useId();
  const cents = (value: number) => money(value / 100);
  const unknownShare = e.coverage !== null && e.coverage.coinsurancePercent === null && e.lines.some((l) => l.rule === 'coinsurance');
  const columns = { price: t('price'), insurance: t('insurancePays'), you: t('youPay') };
  return (
    <section aria-labelledby={titleId} className="card billing-help">
      <h2 id={titleId} className="card__title">{t('resultTitle', { visit: e.visitType.name })}</h2>
      <p>{e.coverage ? t('withCoverage', { payer: e.coverage.payerName ?? e.coverage.planName ?? '' }) : t('noCoverage')}</p>
      {unknownShare ? <p>{t('unknownShare')}</p> : null}
      <dl className="billing-facts help-summary">
        <div><dt>{t('summary.total')}</dt><dd>{cents(e.totalCents)}</dd></div>
        <div><dt>{t('summary.insurance')}</dt><dd>{cents(e.insurancePaysCents)}</dd></div>
        <div><dt>{t('summary.you')}</dt><dd className="strong">{cents(e.youPayCents)}</dd></div>
      </dl>
      <div className="table-wrap">
        <table className="data-table data-table--stack billing-table">
          <caption className="data-table__caption">{t('caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('service')}</th>
              <th scope="col">{columns.price}</th>
              <th scope="col">{columns.insurance}</th>
              <th scope="col">{columns.you}</th>
            </tr>
          </thead>
          <tbody>
            {e.lines.map((l) => (
              <tr key={l.cpt}>
                <th scope="row">
                  {l.name}
                  <span className="billing-code">{t('code', { code: l.cpt })} · {t(`rule.${l.rule}`)}</span>
                </th>
                <td data-label={columns.price}>{cents(l.priceCents)}</td>
                <td data-label={columns.insurance}>{cents(l.insurancePaysCents)}</td>
                <td data-label={columns.you}>{cents(l.youPayCents)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('total')}</th>
              <td data-label={columns.price}>{cents(e.totalCents)}</td>
              <td data-label={columns.insurance}>{cents(e.insurancePaysCents)}</td>
              <td data-label={columns.you}>{cents(e.youPayCents)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      {e.coverage ? <p>{t('discount')}</p> : null}
    </section>
  );
}
