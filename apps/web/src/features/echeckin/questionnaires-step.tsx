import { useCallback, useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import type { EcheckinView, ItemAnswer, QuestionnaireView, SavedResponse } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { completeResponse, getQuestionnaire, saveDraft } from '../questionnaire/questionnaire-api.ts';
import { QuestionnaireForm } from '../questionnaire/questionnaire-form.tsx';
import { confirmQuestionnaires, getCheckin } from './echeckin-api.ts';
import { ErrorSummary } from '../../components/native-fields.tsx';
import { StepButtons, useStepSubmit, type StepProps } from './step-parts.tsx';

type QuestionnairesStepProps = StepProps & { onCrisis: () => void; /** A new view without moving to the next step. */ onRefresh: (view: EcheckinView) => void };

/** One questionnaire of the visit, loaded with the patient's draft for this appointment. */
function OneQuestionnaire({ id, appointmentId, patientId, onSubmitted, onApiError }: { id: string; appointmentId: string; patientId: string | undefined; onSubmitted: (r: SavedResponse) => void; onApiError: (e: unknown) => void }) {
  const { t, i18n } = useTranslation('echeckin');
  const language = i18n.resolvedLanguage;
  const context = { appointmentId, patientId };
  // Loaded again in the new language when it changes; the form stays mounted, so answers being typed are kept.
  const view = useApi(useCallback(() => getQuestionnaire(id, { appointmentId, patientId }), [id, appointmentId, patientId, language]));
  const [data, setData] = useState<QuestionnaireView | null>(null);
  useEffect(() => {
    if (view.status === 'ready') setData(view.data);
  }, [view]);
  const draft = useCallback((answers: ItemAnswer[]) => saveDraft(id, answers, { appointmentId, patientId }), [id, appointmentId, patientId]);
  if (view.status === 'error' && !data) return <LoadFailed error={view.error} onRetry={view.reload} />;
  if (!data) return <Loading text={t('questionnaires.loading')} />;
  return (
    <section aria-labelledby={`questionnaire-${id}`} className="card">
      <h3 id={`questionnaire-${id}`} className="card__title">{data.questionnaire.title}</h3>
      <QuestionnaireForm
        key={id}
        questionnaire={data.questionnaire}
        initialAnswers={data.response?.status === 'in-progress' ? data.response.answers : []}
        saveDraft={draft}
        submit={(answers) => completeResponse(id, answers, context)}
        onSubmitted={onSubmitted}
        onApiError={onApiError}
      />
    </section>
  );
}

/** Step 4: the visit type's questionnaires, one after another; then on. */
export function QuestionnairesStep({ view, patientId, onSaved, onApiError, onCrisis, onRefresh }: QuestionnairesStepProps) {
  const { t } = useTranslation('echeckin');
  const [done, setDone] = useState<string | null>(null);
  const { problems, failure, pending, summaryRef, run } = useStepSubmit(onApiError);
  const current = view.questionnaires.find((q) => q.status !== 'completed');

  async function handleSubmitted(response: SavedResponse, title: string) {
    if (response.crisis) onCrisis();
    setDone(title);
    onRefresh(await getCheckin(view.appointment.id, patientId));
  }

  function handleContinue(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void run([], () => confirmQuestionnaires(view.appointment.id, patientId), onSaved);
  }

  return (
    <div className="inline-form">
      <p>{view.questionnaires.length ? t('questionnaires.intro') : t('questionnaires.none')}</p>
      {view.questionnaires.length ? (
        <ul className="item-list">
          {view.questionnaires.map((q) => (
            <li key={q.id}>
              <span className="strong">{q.title}</span>: {t(`questionnaires.status.${q.status}`)}
            </li>
          ))}
        </ul>
      ) : null}
      <div role="status" className="form-alert">
        {done ? <p className="notice notice--success">{t('questionnaires.saved', { title: done })}</p> : null}
      </div>
      {current ? (
        <OneQuestionnaire
          key={current.id} id={current.id} appointmentId={view.appointment.id} patientId={patientId} onApiError={onApiError}
          onSubmitted={(r) => void handleSubmitted(r, current.title)}
        />
      ) : (
        <form className="inline-form" onSubmit={handleContinue} noValidate aria-labelledby="step-heading">
          <ErrorSummary title={t('fixThese')} problems={problems} summaryRef={summaryRef} />
          {failure ? <p className="notice notice--error">{failure}</p> : null}
          {view.questionnaires.length ? <p>{t('questionnaires.allDone')}</p> : null}
          <StepButtons pending={pending} label={t('next')} />
        </form>
      )}
    </div>
  );
}
