import './words.ts';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { AppointmentList, WaitlistOverview } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { usePatientInContext } from '../appointments/patient-in-context.ts';
import { Link } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { EarlierTime } from './earlier-time.tsx';
import { OffersList } from './offers-list.tsx';
import { getAppointments, getWaitlist } from './waitlist-api.ts';
import { formatWhen } from './waitlist-words.ts';

/** Keeps the last loaded value while a reload runs, so cards (and what they announce) stay put. */
function useLastReady<T>(load: () => Promise<T>) {
  const state = useApi(load);
  const [last, setLast] = useState<T | null>(null);
  useEffect(() => {
    if (state.status === 'ready') setLast(state.data);
  }, [state]);
  return { state, last };
}

/**
 * /appointments/offers[?patient=<id>]: offers of an earlier time (where the offer notification
 * and email lead), and "Get an earlier time" or the waitlist status under each upcoming visit.
 */
export function WaitlistPage() {
  const { t } = useTranslation('waitlist');
  const { me, onApiError } = useSignedIn();
  useDocumentTitle(t('title'));
  // A proxy follows the record they are looking at; anything else means the user's own record.
  const { patient, patientId } = usePatientInContext();
  const waitlist = useLastReady(useCallback(() => getWaitlist(patientId), [patientId]));
  const visits = useLastReady(useCallback(() => getAppointments(patientId), [patientId]));
  const [notice, setNotice] = useState('');
  const noticeRef = useRef<HTMLParagraphElement>(null);

  const onChanged = useCallback(
    (text: string) => {
      setNotice(text);
      waitlist.state.reload();
      visits.state.reload();
      if (text) requestAnimationFrame(() => noticeRef.current?.focus());
    },
    [waitlist.state, visits.state],
  );

  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      {patient && patient.relationship !== 'self' ? <p className="strong">{t('forPatient', { name: patient.name })}</p> : null}
      <p>{t('intro')}</p>
      <OtherRecords current={patient?.id ?? me?.patients.find((p) => p.relationship === 'self')?.id} />
      <div role="status" className="form-alert">
        {notice ? (
          <p ref={noticeRef} tabIndex={-1} className="notice notice--success">
            {notice}
          </p>
        ) : null}
      </div>
      <div className="cards">
        {waitlist.last ? (
          <OffersList offers={waitlist.last.offers} timeZone={waitlist.last.timeZone} patientId={patientId} onChanged={onChanged} onApiError={onApiError} />
        ) : waitlist.state.status === 'error' ? (
          <LoadFailed error={waitlist.state.error} onRetry={waitlist.state.reload} />
        ) : (
          <Loading text={t('loading')} />
        )}
        <UpcomingVisits waitlist={waitlist.last} visits={visits.last} visitsState={visits.state} patientId={patientId} onChanged={onChanged} onApiError={onApiError} />
      </div>
    </>
  );
}

/** For proxies: links to the same page for everyone else whose record they see (offers come per patient). */
function OtherRecords({ current }: { current: string | undefined }) {
  const { t } = useTranslation('waitlist');
  const { me } = useSignedIn();
  const others = (me?.patients ?? []).filter((p) => p.id !== current);
  if (others.length === 0) return null;
  return (
    <nav aria-label={t('others.label')}>
      <ul className="waitlist-others">
        {others.map((p) => (
          <li key={p.id}>
            <Link href={p.relationship === 'self' ? '/appointments/offers' : `/appointments/offers?patient=${encodeURIComponent(p.id)}`}>
              {p.relationship === 'self' ? t('others.yours') : t('others.link', { name: p.name })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type UpcomingProps = {
  waitlist: WaitlistOverview | null;
  visits: AppointmentList | null;
  visitsState: ReturnType<typeof useApi<AppointmentList>>;
  patientId: string | undefined;
  onChanged: (notice: string) => void;
  onApiError: (error: unknown) => void;
};

function UpcomingVisits({ waitlist, visits, visitsState, patientId, onChanged, onApiError }: UpcomingProps) {
  const { t, i18n } = useTranslation('waitlist');
  const locale = i18n.resolvedLanguage ?? 'en';
  const titleId = useId();
  const booked = visits?.upcoming.filter((v) => v.status === 'booked') ?? [];
  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId} className="card__title">
        {t('visits.title')}
      </h2>
      {!visits || !waitlist ? (
        visitsState.status === 'error' ? <LoadFailed error={visitsState.error} onRetry={visitsState.reload} /> : <Loading text={t('loading')} />
      ) : booked.length === 0 ? (
        <p>{t('visits.none')}</p>
      ) : (
        <ul className="item-list" aria-labelledby={titleId}>
          {booked.map((visit) => {
            const when = formatWhen(visit.startsAt, locale, visits.timeZone);
            const entry = waitlist.entries.find((e) => e.appointmentId === visit.id && e.status === 'active');
            return (
              <li key={visit.id} className="item">
                <h3 className="waitlist-visit__title">
                  {visit.visitType.name}: {when}
                </h3>
                {visit.clinician ? <p className="item__detail">{t('visits.with', { name: visit.clinician.name })}</p> : null}
                <EarlierTime
                  appointmentId={visit.id} clinicianName={visit.clinician?.name ?? null} entry={entry} timeZone={waitlist.timeZone}
                  patientId={patientId} onChanged={onChanged} onApiError={onApiError}
                />
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
