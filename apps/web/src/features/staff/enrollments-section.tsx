import { useEffect, useRef, useState } from 'react';
import type { StaffPatient } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { FormAlert, FormStatus, useSubmit } from '../account/fields.tsx';
import { formatDateTime } from '../account/format.ts';
import { Section } from '../account/section.tsx';
import { formatFhirDate } from '../home/format-date.ts';
import { PatientSearch } from './patient-search.tsx';
import { getEnrollments, linkEnrollment } from './staff-api.ts';
import type { PendingEnrollment } from './staff-api.ts';

/** People who signed up themselves and matched no single patient: staff find the record and link it. */
export function EnrollmentsSection({ onApiError }: { onApiError: (error: unknown) => void }) {
  const { t, i18n } = useTranslation('staff');
  const locale = i18n.resolvedLanguage ?? 'en';
  const enrollments = useApi(getEnrollments);
  const [matching, setMatching] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { failureText, run } = useSubmit(onApiError);
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (enrollments.status === 'error') onApiError(enrollments.error);
  }, [enrollments, onApiError]);

  async function link(enrollment: PendingEnrollment, patient: StaffPatient) {
    const result = await run(() => linkEnrollment(enrollment.userId, patient.id));
    if (!result.ok) return;
    setMatching(null);
    setDone(t('enrollments.linked', { email: enrollment.email, name: patient.name }));
    enrollments.reload();
    headingRef.current?.focus();
  }

  const list = enrollments.status === 'ready' ? enrollments.data.enrollments : [];
  return (
    <Section title={t('enrollments.title')} headingRef={headingRef}>
      <p>{t('enrollments.intro')}</p>
      <FormStatus message={done} />
      <FormAlert message={failureText} />
      {enrollments.status === 'loading' ? <p role="status">{t('enrollments.loading')}</p> : null}
      {enrollments.status === 'error' ? (
        <div className="notice notice--error">
          <p>{t('enrollments.loadFailed')}</p>
          <button type="button" className="button button--secondary" onClick={enrollments.reload}>
            {t('retry')}
          </button>
        </div>
      ) : null}
      {enrollments.status === 'ready' && list.length === 0 ? <p>{t('enrollments.none')}</p> : null}
      {list.length > 0 ? (
        <ul className="item-list">
          {list.map((enrollment) => {
            const name = `${enrollment.givenName} ${enrollment.familyName}`;
            return (
              <li key={enrollment.userId} className="item">
                <p className="item__name">{name}</p>
                <p className="item__detail">{t('patient.born', { date: formatFhirDate(enrollment.birthDate, locale) })}</p>
                <p className="item__detail">{t('enrollments.email', { email: enrollment.email })}</p>
                <p className="item__detail">{t('enrollments.signedUp', { date: formatDateTime(enrollment.createdAt, locale) })}</p>
                {matching === enrollment.userId ? (
                  <PatientSearch
                    initialQuery={enrollment.birthDate}
                    onApiError={onApiError}
                    renderAction={(patient) => (
                      <button
                        type="button"
                        className="button button--primary"
                        aria-label={t('enrollments.linkNamed', { name: patient.name })}
                        onClick={() => void link(enrollment, patient)}
                      >
                        {t('enrollments.link')}
                      </button>
                    )}
                  />
                ) : (
                  <button
                    type="button"
                    className="button button--secondary"
                    aria-label={t('enrollments.findNamed', { name })}
                    onClick={() => setMatching(enrollment.userId)}
                  >
                    {t('enrollments.find')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      ) : null}
    </Section>
  );
}
