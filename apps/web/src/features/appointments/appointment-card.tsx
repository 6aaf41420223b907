import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppointmentView, CancelReason, WaitlistEntry } from '@ourchart/contracts';
import { Link } from '../../router/router.tsx';
import { FormAlert, SubmitButton, useSubmit } from '../account/fields.tsx';
import { EarlierTime } from '../waitlist/earlier-time.tsx';
import { calendarUrl, cancel } from './appointments-api.ts';
import { formatTime, formatWhen, statusText } from './appointment-words.ts';
import { withPatient } from './patient-in-context.ts';

const REASONS: readonly CancelReason[] = ['feeling-better', 'schedule-conflict', 'transportation', 'cost', 'seeing-someone-else', 'other'];

type CardProps = {
  appointment: AppointmentView;
  timeZone: string;
  patientId: string | undefined;
  onApiError: (error: unknown) => void;
  /** After a change: reload, and announce `notice`. */
  onChanged: (notice: string) => void;
  waitlistEntry?: WaitlistEntry | undefined;
  showWaitlist?: boolean;
};

/** One visit: when (in words, clinic zone), with whom, where or video, status, and what can be done now. */
export function AppointmentCard({ appointment: a, timeZone, patientId, onApiError, onChanged, waitlistEntry, showWaitlist = false }: CardProps) {
  const { t, i18n } = useTranslation('appointments');
  const locale = i18n.resolvedLanguage ?? 'en';
  const headingId = useId();
  const [cancelling, setCancelling] = useState(false);
  const when = formatWhen(a.startsAt, locale, timeZone);
  const booked = a.status === 'booked';
  const upcoming = booked && Date.parse(a.endsAt) > Date.now();
  const label = t('card.visitLabel', { visit: a.visitType.name, when });
  return (
    <li className={`item appointment appointment--${a.status}`}>
      <h3 id={headingId} className="item__name">{a.visitType.name}</h3>
      <dl className="appointment__facts">
        <dt>{t('card.when')}</dt>
        <dd>{when}</dd>
        {a.clinician ? (<><dt>{t('card.with')}</dt><dd>{a.clinician.name}</dd></>) : null}
        <dt>{t('card.where')}</dt>
        <dd>{a.modality === 'video' ? t('card.videoFromHome') : a.place ? `${a.place.name}, ${a.place.address}` : ''}</dd>
        <dt>{t('card.status')}</dt>
        <dd><span className={`status-tag appointment-status appointment-status--${a.status}`}>{statusText(t, a.status)}</span></dd>
        {upcoming && a.bring ? (<><dt>{t('card.bring')}</dt><dd>{a.bring}</dd></>) : null}
      </dl>
      {upcoming ? (
        <>
          {a.checkInDone ? <p className="strong">{t('card.checkedIn')}</p> : null}
          {a.checkInOpen && !a.checkInDone ? (
            <p><Link className="button button--primary" href={withPatient('/check-in', patientId, { appointment: a.id })}>{t('card.checkIn')}</Link></p>
          ) : null}
          {a.modality === 'video' ? (
            a.videoUrl ? (
              <p><a className="button button--primary" href={a.videoUrl} target="_blank" rel="noopener noreferrer">{t('card.join')}</a></p>
            ) : a.videoOpensAt ? <p className="item__detail">{t('card.joinLater', { time: formatTime(a.videoOpensAt, locale, timeZone) })}</p> : null
          ) : null}
          {a.canChange && a.changeUntil ? <p className="item__detail">{t('card.changeUntil', { time: formatWhen(a.changeUntil, locale, timeZone) })}</p> : null}
          {!a.canChange ? <p className="item__detail">{a.clinicPhone ? t('card.tooLate', { phone: a.clinicPhone }) : t('card.tooLateNoPhone')}</p> : null}
          <ul className="appointment__actions" aria-label={label}>
            {a.canChange ? (
              <li><Link href={withPatient('/appointments/reschedule', patientId, { appointment: a.id })} aria-describedby={headingId}>{t('card.reschedule')}</Link></li>
            ) : null}
            {a.canChange && !cancelling ? (
              <li><button type="button" className="link-button" aria-describedby={headingId} onClick={() => setCancelling(true)}>{t('card.cancel')}</button></li>
            ) : null}
            <li>
              <a href={calendarUrl(a.id, patientId)} download="appointment.ics" aria-describedby={headingId}>{t('card.calendar')}</a>
              <span className="visually-hidden"> ({t('card.calendarNote')})</span>
            </li>
            {a.modality === 'in-person' && a.place?.directionsUrl ? (
              <li>
                <a href={a.place.directionsUrl} target="_blank" rel="noopener noreferrer">{t('card.directions', { place: a.place.name })}</a>
                <span className="visually-hidden"> ({t('card.directionsNote')})</span>
              </li>
            ) : null}
          </ul>
          {cancelling ? (
            <CancelForm appointment={a} patientId={patientId} onApiError={onApiError} onDone={() => onChanged(t('cancel.done'))} onKeep={() => setCancelling(false)} />
          ) : null}
          {showWaitlist && a.canChange ? (
            <EarlierTime
              appointmentId={a.id} clinicianName={a.clinician?.name ?? null} entry={waitlistEntry} timeZone={timeZone} patientId={patientId}
              onChanged={onChanged} onApiError={onApiError}
            />
          ) : null}
        </>
      ) : null}
    </li>
  );
}

function CancelForm({ appointment, patientId, onApiError, onDone, onKeep }: {
  appointment: AppointmentView; patientId: string | undefined; onApiError: (error: unknown) => void; onDone: () => void; onKeep: () => void;
}) {
  const { t } = useTranslation('appointments');
  const titleId = useId();
  const [reason, setReason] = useState<CancelReason | 'none'>('none');
  const { isPending, failureText, run } = useSubmit(onApiError);
  const titleRef = useRef<HTMLHeadingElement>(null);
  // Opening the form moves focus to its question, so keyboard and screen reader users land in it.
  useEffect(() => titleRef.current?.focus(), []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    const result = await run(() => cancel(appointment.id, reason === 'none' ? undefined : reason, patientId));
    if (result.ok) onDone();
  }

  return (
    <form className="inline-form appointment-cancel" aria-labelledby={titleId} onSubmit={(event) => void submit(event)} noValidate>
      <h4 id={titleId} tabIndex={-1} ref={titleRef} className="strong">{t('cancel.title')}</h4>
      <FormAlert message={failureText} />
      <fieldset className="choice-group">
        <legend>{t('cancel.reason')}</legend>
        {(['none', ...REASONS] as const).map((r) => (
          <label key={r} className="choice">
            <input type="radio" name={`reason-${appointment.id}`} value={r} checked={reason === r} onChange={() => setReason(r)} />
            <span>{t(`cancel.reasons.${r}`)}</span>
          </label>
        ))}
      </fieldset>
      <div className="actions">
        <SubmitButton isPending={isPending} label={t('cancel.confirm')} pendingLabel={t('cancel.working')} />
        <button type="button" className="button button--secondary" onClick={onKeep}>{t('cancel.keep')}</button>
      </div>
    </form>
  );
}
