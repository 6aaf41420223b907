import './words.ts';
import { useCallback, useState } from 'react';
import type { StaffPatient } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { Section } from '../account/section.tsx';
import { isStatus, useSignedIn } from '../account/use-signed-in.ts';
import { Loading } from '../account/status-notices.tsx';
import { EnrollmentsSection } from './enrollments-section.tsx';
import { PatientSearch } from './patient-search.tsx';
import { MfaNeeded, PatientView } from './patient-view.tsx';

/** /staff: find a patient, read their summary (emergency access outside the care team), link sign-ups. */
export function StaffPage() {
  const { t } = useTranslation('staff');
  const { me, onApiError } = useSignedIn();
  const [open, setOpen] = useState<StaffPatient | null>(null);
  const [mfaRefused, setMfaRefused] = useState(false);
  useDocumentTitle(t('title'));

  // Any refusal for a missing second factor shows the same banner at the top.
  const handleApiError = useCallback(
    (error: unknown) => {
      onApiError(error);
      if (isStatus(error, 403, 'MFA_ENROLLMENT_REQUIRED')) setMfaRefused(true);
    },
    [onApiError],
  );

  if (!me) return <Loading text={t('loading')} />;

  if (me.role === 'patient') {
    return (
      <>
        <PageHeading>{t('heading')}</PageHeading>
        <p className="notice">{t('notStaff')}</p>
      </>
    );
  }

  return (
    <>
      <PageHeading>{t('heading')}</PageHeading>
      {me.mfaEnrollmentNeeded || mfaRefused ? <MfaNeeded /> : null}
      <div className="cards">
        <Section title={t('search.title')}>
          <PatientSearch
            onApiError={handleApiError}
            renderAction={(patient) => (
              <button
                type="button"
                className="button button--secondary"
                aria-label={t('search.openNamed', { name: patient.name })}
                onClick={() => setOpen(patient)}
              >
                {t('search.open')}
              </button>
            )}
          />
        </Section>
        {open ? <PatientView key={open.id} patient={open} onApiError={handleApiError} /> : null}
        <EnrollmentsSection onApiError={handleApiError} />
      </div>
    </>
  );
}
