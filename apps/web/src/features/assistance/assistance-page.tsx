import './words.ts';
import { useId, useRef, useState } from 'react';
import type { AssistanceApplication, AssistanceOverview, ItemAnswer, SavedResponse } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../router/router.tsx';
import { usePatientContext } from '../../session/patient-context.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { useMoney } from '../billing/use-money.ts';
import { QuestionnaireForm } from '../questionnaire/questionnaire-form.tsx';
import { FactList, StateTag } from '../insurance/fact-list.tsx';
import { applyForAssistance, getAssistance, saveAssistanceDraft } from './assistance-api.ts';
import '../../styles/forms.css';
import '../account/account.css';
import '../../styles/billing.css';
import '../../styles/billing-help.css';

/**
 * /billing/assistance: the financial assistance questionnaire (the shared FHIR Questionnaire
 * renderer, with drafts), and the applications sent with the billing office's answer.
 */
export function AssistancePage() {
  const { t } = useTranslation('assistance');
  const { onApiError } = useSignedIn();
  const { current, isProxyView } = usePatientContext();
  const [sent, setSent] = useState(false);
  const sentRef = useRef<HTMLParagraphElement>(null);
  useDocumentTitle(t('title'));
  const overview = useApi(getAssistance);

  async function submit(answers: ItemAnswer[]): Promise<SavedResponse> {
    const application = await applyForAssistance(answers);
    return { id: application.id, status: 'completed', authored: application.submittedAt, answers, score: null, crisis: false };
  }

  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      {isProxyView && current ? <p className="strong">{t('forPatient', { name: current.name })}</p> : null}
      <p>{t('intro')}</p>
      <p><Link href="/billing">{t('back')}</Link></p>
      <div role="status" className="form-alert">
        {sent ? <p ref={sentRef} tabIndex={-1} className="notice notice--success">{t('sent')}</p> : null}
      </div>
      {overview.status === 'loading' ? <Loading text={t('loading')} /> : null}
      {overview.status === 'error' ? <LoadFailed error={overview.error} onRetry={overview.reload} /> : null}
      {overview.status === 'ready' ? (
        <div className="cards">
          {overview.data.applications.length > 0 ? <Applications applications={overview.data.applications} /> : null}
          <ApplyCard
            data={overview.data}
            saveDraft={saveAssistanceDraft}
            submit={submit}
            onApiError={onApiError}
            onSubmitted={() => {
              setSent(true);
              overview.reload();
              requestAnimationFrame(() => sentRef.current?.focus());
            }}
          />
        </div>
      ) : null}
    </>
  );
}

function ApplyCard({ data, saveDraft, submit, onSubmitted, onApiError }: {
  data: AssistanceOverview; saveDraft: (answers: ItemAnswer[]) => Promise<unknown>; submit: (answers: ItemAnswer[]) => Promise<SavedResponse>;
  onSubmitted: () => void; onApiError: (error: unknown) => void;
}) {
  const { t } = useTranslation('assistance');
  const titleId = useId();
  const waiting = data.applications.some((a) => a.state === 'submitted');
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId} className="card__title">{t('formTitle')}</h2>
      {waiting ? <p>{t('waitingForm')}</p> : (
        <QuestionnaireForm
          questionnaire={data.questionnaire}
          initialAnswers={data.draft?.answers ?? []}
          saveDraft={saveDraft}
          submit={submit}
          onSubmitted={onSubmitted}
          onApiError={onApiError}
        />
      )}
    </section>
  );
}

function Applications({ applications }: { applications: AssistanceApplication[] }) {
  const { t } = useTranslation('assistance');
  const { day } = useMoney();
  const titleId = useId();
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId} className="card__title">{t('list.title')}</h2>
      <ul className="item-list" aria-labelledby={titleId}>
        {applications.map((a) => (
          <li key={a.id} className="item">
            <FactList facts={[
              [t('list.status'), <StateTag state={a.state} text={t(`state.${a.state}`)} />],
              [t('list.sent'), day(a.submittedAt)],
              [t('list.decided'), a.decidedAt ? day(a.decidedAt) : null],
              [t('list.discount'), a.discountPercent !== null ? t('percent', { value: a.discountPercent }) : null],
              [t('list.reason'), a.reason],
            ]} />
          </li>
        ))}
      </ul>
    </section>
  );
}
