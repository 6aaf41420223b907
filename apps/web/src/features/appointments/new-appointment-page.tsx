import './words.ts';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClinicianOption, TimeOption, VisitTypeOption } from '@ourchart/contracts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { getClinicians, getVisitTypes } from './appointments-api.ts';
import { ConfirmStep } from './confirm-step.tsx';
import { StepForm, useFocusOnMount } from './step-form.tsx';
import { RequestForm } from './request-form.tsx';
import { TimePicker } from './time-picker.tsx';
import { usePatientInContext, withPatient } from './patient-in-context.ts';
import '../account/account.css';
import './appointments.css';

type Step = 'reason' | 'who' | 'when' | 'confirm' | 'done';
/** "first": first available; else "<practitionerId>|<locationId>". */
type Who = string;
const STEPS: Step[] = ['reason', 'who', 'when', 'confirm'];

/**
 * /appointments/new: schedule in four short steps on one page (reason, clinician and place or
 * "first available", day and time, check and book). Each step is a heading that takes focus, the
 * choices are radio groups, and request-only visit types get a request form instead.
 */
export function NewAppointmentPage() {
  const { t } = useTranslation('appointments');
  const { onApiError } = useSignedIn();
  const { patient, patientId } = usePatientInContext();
  useDocumentTitle(t('new.title'));
  const visitTypes = useApi(useCallback(() => getVisitTypes(patientId), [patientId]));
  const [step, setStep] = useState<Step>('reason');
  const [visitType, setVisitType] = useState<VisitTypeOption | null>(null);
  const [clinicians, setClinicians] = useState<ClinicianOption[] | null>(null);
  const [who, setWho] = useState<Who>('first');
  const [time, setTime] = useState<TimeOption | null>(null);
  const [timeZone, setTimeZone] = useState('America/Chicago');
  const [missing, setMissing] = useState<string | null>(null);

  useEffect(() => {
    if (!visitType) return;
    setClinicians(null);
    getClinicians(visitType.id, patientId).then((r) => setClinicians(r.clinicians), (error: unknown) => {
      onApiError(error);
      setClinicians([]);
    });
  }, [visitType, patientId, onApiError]);

  const go = (next: Step) => {
    setMissing(null);
    setStep(next);
  };
  const [practitionerId, locationId] = who === 'first' ? [undefined, undefined] : who.split('|');
  const stepNumber = STEPS.indexOf(step) + 1;

  return (
    <>
      <PageHeading>{t('new.title')}</PageHeading>
      {patient && patient.relationship !== 'self' ? <p className="strong">{t('forPatient', { name: patient.name })}</p> : null}
      {step === 'reason' ? <p>{t('new.intro')}</p> : null}
      {visitTypes.status === 'loading' ? <Loading text={t('loading')} /> : null}
      {visitTypes.status === 'error' ? <LoadFailed error={visitTypes.error} onRetry={visitTypes.reload} /> : null}
      {visitTypes.status === 'ready' && step === 'reason' ? (
        <StepForm title={t('new.reason.title')} stepNumber={stepNumber} missing={missing} onSubmit={() => (visitType ? go('who') : setMissing(t('new.reason.pick')))}>
          <fieldset className="choice-group">
            <legend className="visually-hidden">{t('new.reason.title')}</legend>
            {visitTypes.data.visitTypes.map((v) => (
              <label key={v.id} className="choice choice--card">
                <input type="radio" name="visitType" value={v.id} checked={visitType?.id === v.id} onChange={() => { setVisitType(v); setWho('first'); setTime(null); }} />
                <span className="choice__text">
                  <span className="strong">{v.name}</span>
                  {v.description ? <span>{v.description}</span> : null}
                  <span className="item__detail">
                    {t('new.reason.minutes', { count: v.durationMinutes })} · {v.modality === 'video' ? t('new.reason.video') : t('new.reason.inPerson')}
                  </span>
                  {v.booking === 'request' ? <span className="item__detail">{t('new.reason.requestOnly')}</span> : null}
                </span>
              </label>
            ))}
          </fieldset>
        </StepForm>
      ) : null}
      {step === 'who' && visitType?.booking === 'request' ? (
        <RequestForm visitType={visitType} clinicians={clinicians ?? []} patientId={patientId} onApiError={onApiError} onBack={() => go('reason')} />
      ) : null}
      {step === 'who' && visitType?.booking === 'self' ? (
        <StepForm title={t('new.who.title')} stepNumber={stepNumber} missing={missing} onBack={() => go('reason')} onSubmit={() => { setTime(null); go('when'); }}>
          {clinicians === null ? <Loading text={t('loading')} /> : clinicians.length === 0 ? <p>{t('new.who.none')}</p> : (
            <fieldset className="choice-group">
              <legend className="visually-hidden">{t('new.who.title')}</legend>
              <label className="choice choice--card">
                <input type="radio" name="who" value="first" checked={who === 'first'} onChange={() => setWho('first')} />
                <span className="choice__text"><span className="strong">{t('new.who.first')}</span><span className="item__detail">{t('new.who.firstHint')}</span></span>
              </label>
              {clinicians.flatMap((c) => c.locations.map((l) => (
                <label key={`${c.id}|${l.id}`} className="choice choice--card">
                  <input type="radio" name="who" value={`${c.id}|${l.id}`} checked={who === `${c.id}|${l.id}`} onChange={() => setWho(`${c.id}|${l.id}`)} />
                  <span className="choice__text">
                    <span className="strong">{visitType.modality === 'video' ? t('new.who.videoWith', { name: c.name }) : t('new.who.at', { name: c.name, place: l.name })}</span>
                    {visitType.modality === 'video' ? null : <span className="item__detail">{l.address}</span>}
                  </span>
                </label>
              )))}
            </fieldset>
          )}
        </StepForm>
      ) : null}
      {step === 'when' && visitType ? (
        <StepForm title={t('new.when.title')} stepNumber={stepNumber} missing={missing} onBack={() => go('who')} onSubmit={() => (time ? go('confirm') : setMissing(t('new.when.pick')))}>
          <TimePicker
            visitTypeId={visitType.id} practitionerId={practitionerId} locationId={locationId} patientId={patientId}
            showClinician={who === 'first'} value={time} onChange={(chosen, zone) => { setTime(chosen); setTimeZone(zone); }} onApiError={onApiError}
          />
        </StepForm>
      ) : null}
      {step === 'confirm' && visitType && time ? (
        <ConfirmStep
          stepNumber={stepNumber} visitTypeName={visitType.name} modality={visitType.modality} visitTypeId={visitType.id} time={time} timeZone={timeZone} patientId={patientId}
          onApiError={onApiError} onBack={() => go('when')} onDone={() => go('done')}
        />
      ) : null}
      {step === 'done' ? <Done patientId={patientId} /> : null}
    </>
  );
}

function Done({ patientId }: { patientId: string | undefined }) {
  const { t } = useTranslation('appointments');
  const ref = useFocusOnMount<HTMLHeadingElement>();
  return (
    <section className="card card--important" aria-labelledby="done-title">
      <h2 id="done-title" ref={ref} tabIndex={-1} className="card__title">{t('new.done.title')}</h2>
      <p>{t('new.done.body')}</p>
      <p><Link className="button button--primary" href={withPatient('/appointments', patientId)}>{t('new.done.list')}</Link></p>
    </section>
  );
}
