import './words.ts';
import '../questionnaire/words.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { EcheckinStep, EcheckinView } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { Link, useRouter } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { isStatus, useSignedIn } from '../account/use-signed-in.ts';
import { CrisisMessage } from './crisis-message.tsx';
import { DemographicsStep } from './demographics-step.tsx';
import { completeCheckin, getCheckin } from './echeckin-api.ts';
import { InsuranceStep } from './insurance-step.tsx';
import { MedicationsStep } from './medications-step.tsx';
import { QuestionnairesStep } from './questionnaires-step.tsx';
import { StepButtons, useStepSubmit } from './step-parts.tsx';
import '../../styles/forms.css';
import '../account/account.css';
import '../questionnaire/questionnaire.css';
import { usePatientInContext } from '../appointments/patient-in-context.ts';

type Step = EcheckinStep | 'bring';
const STEPS: Step[] = ['demographics', 'insurance', 'medications', 'questionnaires', 'bring'];
const ID = /^[A-Za-z0-9\-.]{1,64}$/;

/** The visit time in the clinic's time zone, in the reader's language. */
function when(iso: string, timeZone: string, locale: string) {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/**
 * /check-in?appointment=ID[&patient=ID]: eCheck-in from 3 days before a visit until it starts.
 * Steps: details, insurance, medicines and allergies, the visit's questionnaires, what to bring.
 * Each step is saved on the server as it is finished, so the patient can stop and come back.
 */
export function EcheckinPage() {
  const { t, i18n } = useTranslation('echeckin');
  const locale = i18n.resolvedLanguage ?? 'en';
  const { search } = useRouter();
  const { onApiError } = useSignedIn();
  useDocumentTitle(t('title'));
  const params = new URLSearchParams(search);
  const appointmentId = params.get('appointment') ?? '';
  const { patientId } = usePatientInContext();
  const valid = ID.test(appointmentId);
  // The server words some parts (visit type, what to bring, questionnaire titles): load again when the language changes.
  const loaded = useApi(useCallback(() => getCheckin(appointmentId, patientId), [appointmentId, patientId, locale]), { enabled: valid });
  const [view, setView] = useState<EcheckinView | null>(null);
  const [step, setStep] = useState<Step | null>(null);
  const [crisis, setCrisis] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const moved = useRef(false);
  const finish = useStepSubmit(onApiError);

  useEffect(() => {
    if (loaded.status !== 'ready') return;
    setView(loaded.data);
    setStep((s) => s ?? STEPS.find((x) => x === 'bring' || !loaded.data.done.includes(x)) ?? 'bring');
  }, [loaded]);

  useEffect(() => {
    // After a step, the next one's heading takes focus so keyboard and screen reader users start there.
    if (moved.current) headingRef.current?.focus();
  }, [step, view?.completedAt]);

  if (!valid) return <Shell><p>{t('noVisit')}</p></Shell>;
  if (!view && loaded.status !== 'error') return <Shell><Loading text={t('loading')} /></Shell>;
  if (loaded.status === 'error' && !view) {
    return <Shell>{isStatus(loaded.error, 404) ? <p className="notice notice--error">{t('notFound')}</p> : <LoadFailed error={loaded.error} onRetry={loaded.reload} />}</Shell>;
  }
  const v = view!;
  const saved = (next: EcheckinView) => {
    moved.current = true;
    setView(next);
    const at = STEPS.indexOf(step ?? 'demographics');
    setStep(STEPS.slice(at + 1).find((x) => x === 'bring' || !next.done.includes(x)) ?? 'bring');
  };

  const facts = (
    <section aria-labelledby="visit-heading" className="card">
      <h2 id="visit-heading" className="card__title">{t('visit')}: {v.appointment.visitType}</h2>
      <dl className="echeckin-facts">
        <dt>{t('when')}</dt>
        <dd>{when(v.appointment.startsAt, v.appointment.timeZone, locale)}</dd>
        {v.appointment.practitioner ? <><dt>{t('with')}</dt><dd>{v.appointment.practitioner}</dd></> : null}
        {v.appointment.location ? <><dt>{t('where')}</dt><dd>{v.appointment.location}</dd></> : null}
      </dl>
    </section>
  );

  if (v.completedAt) {
    return (
      <Shell>
        {facts}
        {crisis ? <CrisisMessage /> : null}
        <section aria-labelledby="step-heading" className="card">
          <h2 id="step-heading" ref={headingRef} tabIndex={-1} className="card__title">{t('done.title')}</h2>
          <p>{t('done.body')}</p>
          <p><Link href={patientId ? `/appointments?patient=${patientId}` : '/appointments'}>{t('done.visits')}</Link></p>
        </section>
      </Shell>
    );
  }
  if (v.window.state !== 'open') {
    const text = v.window.state === 'not-yet' ? t('windowNotYet', { date: when(v.window.opensAt, v.appointment.timeZone, locale) })
      : v.window.state === 'closed' ? t('windowClosed') : t('windowCancelled');
    return <Shell>{facts}<p className="notice notice--info">{text}</p></Shell>;
  }

  const current = step ?? 'demographics';
  const stepProps = { view: v, patientId, onSaved: saved, onApiError };
  return (
    <Shell>
      {facts}
      {crisis ? <CrisisMessage /> : null}
      <nav aria-label={t('progress')}>
        <ol className="inline-list steps">
          {STEPS.map((s) => {
            const isDone = s !== 'bring' && v.done.includes(s);
            return (
              <li key={s} className={`steps__item${isDone ? ' steps__item--done' : ''}`} aria-current={s === current ? 'step' : undefined}>
                {isDone ? t('stepDone', { step: t(`steps.${s}`) }) : t(`steps.${s}`)}
              </li>
            );
          })}
        </ol>
      </nav>
      <section aria-labelledby="step-heading" className="card">
        <p className="muted">{t('stepOf', { n: STEPS.indexOf(current) + 1, total: STEPS.length })}</p>
        <h2 id="step-heading" ref={headingRef} tabIndex={-1} className="card__title">{t(`steps.${current}`)}</h2>
        {current === 'demographics' ? <DemographicsStep {...stepProps} /> : null}
        {current === 'insurance' ? <InsuranceStep {...stepProps} /> : null}
        {current === 'medications' ? <MedicationsStep {...stepProps} /> : null}
        {current === 'questionnaires' ? <QuestionnairesStep {...stepProps} onCrisis={() => setCrisis(true)} onRefresh={setView} /> : null}
        {current === 'bring' ? (
          <form
            className="inline-form"
            noValidate
            aria-labelledby="step-heading"
            onSubmit={(event) => {
              event.preventDefault();
              moved.current = true;
              void finish.run([], () => completeCheckin(v.appointment.id, patientId), setView);
            }}
          >
            {finish.failure ? <p role="alert" className="notice notice--error">{finish.failure}</p> : null}
            {finish.problems.length ? (
              <p role="alert" className="notice notice--error">{finish.problems.map((p) => t(`steps.${p.id as EcheckinStep}`)).join(', ')}</p>
            ) : null}
            <p>{t('bring.intro')}</p>
            <p className="strong">{v.bring || t('bring.default')}</p>
            <StepButtons pending={finish.pending} label={t('bring.finish')} />
          </form>
        ) : null}
        {current !== 'demographics' ? (
          <div className="actions">
            <button
              type="button"
              className="button button--secondary"
              onClick={() => {
                moved.current = true;
                setStep(STEPS[STEPS.indexOf(current) - 1]!);
              }}
            >
              {t('back')}
            </button>
          </div>
        ) : null}
      </section>
    </Shell>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const { t } = useTranslation('echeckin');
  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <div className="cards">{children}</div>
    </>
  );
}
