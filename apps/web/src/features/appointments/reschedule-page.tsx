import './words.ts';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentView, TimeOption } from '@ourchart/contracts';
import { useApi } from '../../api/use-api.ts';
import { useRouter } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { getAppointment, reschedule } from './appointments-api.ts';
import { formatWhen } from './appointment-words.ts';
import { ConfirmStep } from './confirm-step.tsx';
import { StepForm } from './step-form.tsx';
import { TimePicker } from './time-picker.tsx';
import { usePatientInContext, withPatient } from './patient-in-context.ts';
import '../account/account.css';
import './appointments.css';

/**
 * /appointments/reschedule?appointment=<id>: the same day-and-time step as booking (the visit's
 * own time counts as free), then a check step; the move is one transaction on the server.
 */
export function ReschedulePage() {
  const { t, i18n } = useTranslation('appointments');
  const locale = i18n.resolvedLanguage ?? 'en';
  const { search, navigate } = useRouter();
  const { onApiError } = useSignedIn();
  const { patient, patientId } = usePatientInContext();
  useDocumentTitle(t('reschedule.title'));
  const appointmentId = new URLSearchParams(search).get('appointment') ?? '';
  const current = useApi(useCallback(() => getAppointment(appointmentId, patientId), [appointmentId, patientId]));

  return (
    <>
      <PageHeading>{t('reschedule.title')}</PageHeading>
      {patient && patient.relationship !== 'self' ? <p className="strong">{t('forPatient', { name: patient.name })}</p> : null}
      {current.status === 'loading' ? <Loading text={t('loading')} /> : null}
      {current.status === 'error' ? <LoadFailed error={current.error} onRetry={current.reload} /> : null}
      {current.status === 'ready' ? (
        current.data.canChange ? (
          <Move appointment={current.data} patientId={patientId} onApiError={onApiError} locale={locale}
            onDone={() => navigate(withPatient('/appointments', patientId, { done: 'moved' }))} />
        ) : (
          <p className="notice notice--info">{current.data.clinicPhone ? t('card.tooLate', { phone: current.data.clinicPhone }) : t('reschedule.cannot')}</p>
        )
      ) : null}
    </>
  );
}

function Move({ appointment: a, patientId, onApiError, locale, onDone }: {
  appointment: AppointmentView; patientId: string | undefined; onApiError: (error: unknown) => void; locale: string; onDone: () => void;
}) {
  const { t } = useTranslation('appointments');
  const [step, setStep] = useState<'when' | 'confirm'>('when');
  const [anyone, setAnyone] = useState(false);
  const [time, setTime] = useState<TimeOption | null>(null);
  const [timeZone, setTimeZone] = useState(a.timeZone);
  const [missing, setMissing] = useState<string | null>(null);
  return (
    <>
      <section className="card" aria-labelledby="current-title">
        <h2 id="current-title" className="card__title">{t('reschedule.current')}</h2>
        <p className="strong">{a.visitType.name}</p>
        <p>{formatWhen(a.startsAt, locale, a.timeZone)}{a.clinician ? ` · ${a.clinician.name}` : ''}</p>
      </section>
      {step === 'when' ? (
        <StepForm title={t('new.when.title')} stepNumber={3} missing={missing} onSubmit={() => (time ? (setMissing(null), setStep('confirm')) : setMissing(t('new.when.pick')))}>
          {a.clinician ? (
            <fieldset className="choice-group">
              <legend className="strong">{t('reschedule.who')}</legend>
              <label className="choice">
                <input type="radio" name="who" checked={!anyone} onChange={() => { setAnyone(false); setTime(null); }} />
                <span>{t('reschedule.same', { name: a.clinician.name })}</span>
              </label>
              <label className="choice">
                <input type="radio" name="who" checked={anyone} onChange={() => { setAnyone(true); setTime(null); }} />
                <span>{t('reschedule.any')}</span>
              </label>
            </fieldset>
          ) : null}
          <TimePicker
            visitTypeId={a.visitType.id} practitionerId={anyone ? undefined : a.clinician?.id} locationId={anyone ? undefined : a.place?.id}
            appointmentId={a.id} patientId={patientId} showClinician={anyone} value={time}
            onChange={(chosen, zone) => { setTime(chosen); setTimeZone(zone); }} onApiError={onApiError}
          />
        </StepForm>
      ) : null}
      {step === 'confirm' && time ? (
        <ConfirmStep
          stepNumber={4} visitTypeId={a.visitType.id} visitTypeName={a.visitType.name} modality={a.modality} time={time} timeZone={timeZone} patientId={patientId}
          onApiError={onApiError} onBack={() => setStep('when')} onDone={onDone}
          action={(chosen) => reschedule(a.id, { practitionerId: chosen.practitionerId, locationId: chosen.locationId, startsAt: chosen.startsAt }, patientId)}
          submitLabel={t('reschedule.confirm')} pendingLabel={t('reschedule.working')}
        />
      ) : null}
    </>
  );
}
