import './words.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WaitlistOverview } from '@ourchart/contracts';
import { useApi } from '../../api/use-api.ts';
import { Link, useRouter } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { getWaitlist } from '../waitlist/waitlist-api.ts';
import { OffersList, isCurrentOffer } from '../waitlist/offers-list.tsx';
import { AppointmentCard } from './appointment-card.tsx';
import { listAppointments } from './appointments-api.ts';
import { formatDate, zoneName } from './appointment-words.ts';
import { usePatientInContext, withPatient } from './patient-in-context.ts';
import '../account/account.css';
import './appointments.css';

/**
 * /appointments[?patient=<id>]: upcoming visits (with reschedule, cancel, calendar, directions or
 * video, eCheck-in and "Get an earlier time"), visit requests, and past and cancelled visits.
 */
export function AppointmentsPage() {
  const { t, i18n } = useTranslation('appointments');
  const locale = i18n.resolvedLanguage ?? 'en';
  const { onApiError } = useSignedIn();
  const { patient, patientId } = usePatientInContext();
  useDocumentTitle(t('title'));
  const list = useApi(useCallback(() => listAppointments(patientId), [patientId]));
  const [waitlist, setWaitlist] = useState<WaitlistOverview | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);
  const { search } = useRouter();
  const justDone = new URLSearchParams(search).get('done');

  // The waitlist is an extra: when it cannot load, visits still show, without "Get an earlier time".
  const reloadWaitlist = useCallback(() => {
    getWaitlist(patientId).then(setWaitlist, () => setWaitlist(null));
  }, [patientId]);
  useEffect(reloadWaitlist, [reloadWaitlist]);
  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const changed = (text: string) => {
    setNotice(text);
    list.reload();
    reloadWaitlist();
  };

  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      {patient && patient.relationship !== 'self' ? <p className="strong">{t('forPatient', { name: patient.name })}</p> : null}
      <div className="appointments-links">
        <Link className="button button--primary" href={withPatient('/appointments/new', patientId)}>
          {t('schedule')}
        </Link>
        <Link href={withPatient('/appointments/reminders', patientId)}>{t('reminderSettings')}</Link>
        <Link href={withPatient('/appointments/offers', patientId)}>{t('earlierTimes')}</Link>
      </div>
      {notice || justDone ? (
        <p ref={noticeRef} tabIndex={-1} role="status" className="notice notice--success">
          {notice ?? (justDone === 'moved' ? t('reschedule.done') : t('new.done.body'))}
        </p>
      ) : null}
      {/* Offers of an earlier time first: they end within hours. One someone else took stays until its window ends, so a late
          "Accept" is answered in place (all offers: /appointments/offers). */}
      {waitlist && waitlist.offers.some(isCurrentOffer) ? (
        <OffersList offers={waitlist.offers.filter(isCurrentOffer)} timeZone={waitlist.timeZone} patientId={patientId} onChanged={changed} onApiError={onApiError} />
      ) : null}
      {list.status === 'loading' ? <Loading text={t('loading')} /> : null}
      {list.status === 'error' ? <LoadFailed error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ready' ? (
        <div className="cards">
          <p>{t('timeZoneNote', { zone: zoneName(locale, list.data.timeZone) })}</p>
          <section aria-labelledby="upcoming-title" className="card">
            <h2 id="upcoming-title" className="card__title">{t('upcoming.title')}</h2>
            {list.data.upcoming.length === 0 ? <p>{t('upcoming.empty')}</p> : (
              <ul className="item-list" aria-labelledby="upcoming-title">
                {list.data.upcoming.map((a) => (
                  <AppointmentCard
                    key={a.id} appointment={a} timeZone={list.data.timeZone} patientId={patientId} onApiError={onApiError} onChanged={changed}
                    waitlistEntry={waitlist?.entries.find((e) => e.appointmentId === a.id && e.status === 'active')} showWaitlist={waitlist !== null}
                  />
                ))}
              </ul>
            )}
          </section>
          {list.data.requests.length > 0 ? (
            <section aria-labelledby="requests-title" className="card">
              <h2 id="requests-title" className="card__title">{t('requests.title')}</h2>
              <ul className="item-list" aria-labelledby="requests-title">
                {list.data.requests.map((r) => (
                  <li key={r.id} className="item appointment">
                    <h3 className="item__name">{r.visitType.name}</h3>
                    <p className="strong">{r.status === 'proposed' ? t('requests.status') : r.status === 'booked' ? t('requests.booked') : t('requests.cancelled')}</p>
                    {r.clinician ? <p>{t('requests.with', { name: r.clinician.name })}</p> : null}
                    {r.preferredFrom && r.preferredTo ? (
                      <p className="item__detail">{t('requests.days', { from: formatDate(r.preferredFrom, locale), to: formatDate(r.preferredTo, locale) })}</p>
                    ) : null}
                  </li>
                ))}
              </ul>
            </section>
          ) : null}
          <section aria-labelledby="past-title" className="card">
            <h2 id="past-title" className="card__title">{t('past.title')}</h2>
            {list.data.past.length === 0 ? <p>{t('past.empty')}</p> : (
              <ul className="item-list" aria-labelledby="past-title">
                {list.data.past.map((a) => (
                  <AppointmentCard key={a.id} appointment={a} timeZone={list.data.timeZone} patientId={patientId} onApiError={onApiError} onChanged={changed} />
                ))}
              </ul>
            )}
          </section>
        </div>
      ) : null}
    </>
  );
}
