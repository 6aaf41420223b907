import './words.ts';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SetupNamedRef, StaffDayAppointment, StaffStatusChange } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message.ts';
import { useApi } from '../../api/use-api.ts';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { Field } from '../../components/native-fields.tsx';
import { changeStatus, getDay } from './scheduling-api.ts';
import { clockText, dayText } from './time-words.ts';
import '../../styles/forms.css';
import '../account/account.css';
import './scheduling-admin.css';

/**
 * /staff/schedule: one clinic day's appointments per clinician, with check in, no-show and undo.
 * Every change is announced in a polite live region and focus stays on the appointment acted on.
 */
export function SchedulePage() {
  const { t, i18n } = useTranslation('schedulingAdmin');
  const { t: tc } = useTranslation('common');
  const { onApiError } = useSignedIn();
  useDocumentTitle(t('day.title'));
  const [date, setDate] = useState('');
  const [practitioner, setPractitioner] = useState('');
  const day = useApi(useCallback(() => getDay({ date: date || undefined, practitioner: practitioner || undefined }), [date, practitioner]));
  const [clinicians, setClinicians] = useState<SetupNamedRef[]>([]);
  const [changed, setChanged] = useState<Map<string, StaffDayAppointment>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const language = i18n.resolvedLanguage ?? 'en';

  useEffect(() => {
    if (day.status !== 'ready') return;
    setClinicians(day.data.clinicians);
    setChanged(new Map());
  }, [day]);

  useEffect(() => {
    if (!focusId) return;
    listRef.current?.querySelector<HTMLButtonElement>(`[data-appointment="${focusId}"] button`)?.focus();
    setFocusId(null);
  }, [focusId, changed]);

  const data = day.status === 'ready' ? day.data : null;
  const shownDate = date || data?.date || '';
  const appointments = useMemo(() => (data ? data.appointments.map((a) => changed.get(a.id) ?? a) : []), [data, changed]);
  const groups = useMemo(() => {
    const names = new Map(clinicians.map((c) => [c.id, c.name]));
    const byClinician = new Map<string, StaffDayAppointment[]>();
    for (const a of appointments) byClinician.set(a.practitionerId, [...(byClinician.get(a.practitionerId) ?? []), a]);
    return [...byClinician].map(([id, list]) => ({ id, name: names.get(id) ?? id, list })).sort((a, b) => a.name.localeCompare(b.name));
  }, [appointments, clinicians]);

  async function act(appointment: StaffDayAppointment, status: StaffStatusChange['status']) {
    if (busy) return;
    setBusy(appointment.id);
    setFailure(null);
    try {
      const next = await changeStatus(appointment.id, status);
      setChanged((current) => new Map(current).set(next.id, next));
      setAnnouncement(t(`day.announce.${status}`, { name: next.patient.name }));
      setFocusId(next.id);
    } catch (error) {
      onApiError(error);
      setFailure(errorMessage(error, tc));
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <PageHeading>{t('day.title')}</PageHeading>
      <p>{t('day.intro')}</p>
      <form className="card schedule-filters" aria-label={t('day.filters')} onSubmit={(event) => event.preventDefault()}>
        <Field label={t('day.dayLabel')} className="field--short">
          {(props) => <input {...props} type="date" name="date" className="field__input" value={shownDate} onChange={(event) => setDate(event.target.value)} />}
        </Field>
        <Field label={t('day.clinicianLabel')}>
          {(props) => (
            <select {...props} name="practitioner" className="field__input" value={practitioner} onChange={(event) => setPractitioner(event.target.value)}>
              <option value="">{t('day.allClinicians')}</option>
              {clinicians.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="schedule-filters__today">
          <button type="button" className="button button--secondary" onClick={() => setDate('')}>
            {t('day.today')}
          </button>
        </div>
      </form>
      <div role="status" aria-live="polite" className="form-alert">
        {announcement ? <p className="notice notice--success">{announcement}</p> : null}
      </div>
      <div role="alert" className="form-alert">
        {failure ? <p className="notice notice--error">{failure}</p> : null}
      </div>
      {day.status === 'loading' ? <Loading text={t('day.loading')} /> : null}
      {day.status === 'error' ? <LoadFailed error={day.error} onRetry={day.reload} /> : null}
      {data ? (
        <div ref={listRef}>
          <h2 className="schedule-day">{t('day.heading', { day: dayText(data.date, language) })}</h2>
          <p className="field__hint">{t('day.timeZone', { zone: data.timeZone })}</p>
          {appointments.length === 0 ? <p>{t('day.empty')}</p> : null}
          {data.hiddenCount > 0 ? <p className="notice notice--info">{t('day.hidden', { count: data.hiddenCount })}</p> : null}
          {groups.map((group) => (
            <section key={group.id} className="card" aria-labelledby={`clinician-${group.id}`}>
              <h3 id={`clinician-${group.id}`} className="card__title">
                {group.name} <span className="schedule-count">({t('day.count', { count: group.list.length })})</span>
              </h3>
              <ul className="item-list appointment-list">
                {group.list.map((a) => (
                  <AppointmentItem key={a.id} appointment={a} language={language} busy={busy === a.id} onAct={(status) => void act(a, status)} />
                ))}
              </ul>
            </section>
          ))}
        </div>
      ) : null}
    </>
  );
}

function AppointmentItem({ appointment: a, language, busy, onAct }: { appointment: StaffDayAppointment; language: string; busy: boolean; onAct: (status: StaffStatusChange['status']) => void }) {
  const { t } = useTranslation('schedulingAdmin');
  const start = clockText(a.start, language);
  const who = t('day.actionFor', { name: a.patient.name, time: start });
  const hidden = <span className="visually-hidden"> {who}</span>;
  const canArrive = a.status === 'booked' || a.status === 'checked-in';
  const canUndo = a.status === 'arrived' || a.status === 'noshow';
  return (
    <li className="item appointment" data-appointment={a.id}>
      <p className="appointment__time">{t('day.time', { start, end: clockText(a.end, language) })}</p>
      <p className="item__name">{a.patient.name}</p>
      <dl className="appointment__facts">
        <div>
          <dt>{t('day.visitType')}</dt>
          <dd>{language === 'es' ? a.visitType.nameEs : a.visitType.nameEn}</dd>
        </div>
        <div>
          <dt>{t('day.status')}</dt>
          <dd className={`appointment-status appointment-status--${a.status}`}>{t(`day.statuses.${a.status}`)}</dd>
        </div>
        <div>
          <dt>{t('day.echeckin')}</dt>
          <dd>{a.echeckinDone ? t('day.echeckinDone') : t('day.echeckinNotDone')}</dd>
        </div>
      </dl>
      {canArrive || canUndo ? (
        <div className="actions">
          {canArrive ? (
            <>
              <button type="button" className="button button--primary" aria-disabled={busy || undefined} onClick={() => onAct('arrived')}>
                {t('day.checkIn')}
                {hidden}
              </button>
              <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => onAct('noshow')}>
                {t('day.noShow')}
                {hidden}
              </button>
            </>
          ) : null}
          {canUndo ? (
            <button type="button" className="button button--secondary" aria-disabled={busy || undefined} onClick={() => onAct('booked')}>
              {t('day.undo')}
              {hidden}
            </button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
