import { useCallback, useEffect, useRef, useState } from 'react';
import type { HealthSummary, StaffPatient } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../router/router.tsx';
import { isStatus } from '../account/use-signed-in.ts';
import { formatTime } from '../account/format.ts';
import { AllergyList, ConditionList, ImmunizationList, MedicationList } from '../home/summary-lists.tsx';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { ActivationCodePanel } from './activation-code.tsx';
import { BreakGlassDialog } from './break-glass-dialog.tsx';
import { emergencyActive } from './patient-card.tsx';
import { getPatientSummary } from './staff-api.ts';
import { HeldResultsPanel } from '../results/held-results-panel.tsx';
import { StaffResponsesSection } from '../echeckin/staff-responses-section.tsx';
import { StaffProxiesSection } from '../proxies/staff-proxies-section.tsx';
import { useSession } from '../../session/session-context.tsx';
import '../../styles/summary.css';

type View =
  | { status: 'loading' }
  | { status: 'ready'; summary: HealthSummary }
  | { status: 'break-glass' }
  | { status: 'mfa' }
  | { status: 'error'; error: unknown };

type PatientViewProps = { patient: StaffPatient; onApiError: (error: unknown) => void };

/** One patient's summary, read-only; outside the care team it asks for emergency access first. */
export function PatientView({ patient, onApiError }: PatientViewProps) {
  const { t, i18n } = useTranslation('staff');
  const locale = i18n.resolvedLanguage ?? 'en';
  const { me } = useSession();
  const [view, setView] = useState<View>({ status: 'loading' });
  const [asking, setAsking] = useState(false);
  const [emergencyUntil, setEmergencyUntil] = useState<string | null>(
    emergencyActive(patient.emergencyAccessUntil) ? patient.emergencyAccessUntil : null,
  );
  const headingRef = useRef<HTMLHeadingElement>(null);
  // Focus can only leave the modal dialog once it is gone, so move it after that render.
  const [refocus, setRefocus] = useState(0);
  useEffect(() => {
    if (refocus > 0) headingRef.current?.focus();
  }, [refocus]);

  const load = useCallback(() => {
    setView({ status: 'loading' });
    getPatientSummary(patient.id).then(
      (summary) => setView({ status: 'ready', summary }),
      (error: unknown) => {
        onApiError(error);
        if (isStatus(error, 403, 'BREAK_GLASS_REQUIRED')) {
          setView({ status: 'break-glass' });
          setAsking(true);
        } else if (isStatus(error, 403, 'MFA_ENROLLMENT_REQUIRED')) {
          setView({ status: 'mfa' });
        } else {
          setView({ status: 'error', error });
        }
      },
    );
  }, [patient.id, onApiError]);

  useEffect(() => {
    load();
    headingRef.current?.focus();
  }, [load]);

  return (
    <section aria-labelledby="patient-heading" className="card">
      <h2 id="patient-heading" ref={headingRef} tabIndex={-1} className="card__title">
        {patient.name}
      </h2>
      {emergencyUntil ? (
        <p className="banner banner--danger strong">
          {t('breakGlass.banner', { time: formatTime(emergencyUntil, locale) })}
        </p>
      ) : null}

      {view.status === 'loading' ? <Loading text={t('patient.loading')} /> : null}
      {view.status === 'error' ? <LoadFailed error={view.error} onRetry={load} /> : null}
      {view.status === 'mfa' ? <MfaNeeded /> : null}
      {view.status === 'break-glass' ? (
        <div className="inline-form">
          <p>{t('breakGlass.needed', { name: patient.name })}</p>
          <div className="actions">
            <button type="button" className="button button--primary" onClick={() => setAsking(true)}>
              {t('breakGlass.open')}
            </button>
          </div>
        </div>
      ) : null}
      {asking ? (
        <BreakGlassDialog
          patientId={patient.id}
          patientName={patient.name}
          onApiError={onApiError}
          onCancel={() => {
            setAsking(false);
            setRefocus((n) => n + 1);
          }}
          onGranted={(expiresAt) => {
            setAsking(false);
            setEmergencyUntil(expiresAt);
            load();
            setRefocus((n) => n + 1);
          }}
        />
      ) : null}

      {view.status === 'ready' ? (
        <>
          {patient.inCareTeam ? (
            <ActivationCodePanel patientId={patient.id} patientName={patient.name} onApiError={onApiError} />
          ) : null}
          <HeldResultsPanel patientId={patient.id} inCareTeam={patient.inCareTeam} onApiError={onApiError} />
          <div className="summary">
            <ConditionList items={view.summary.conditions} />
            <MedicationList items={view.summary.medications} />
            <AllergyList items={view.summary.allergies} />
            <ImmunizationList items={view.summary.immunizations} />
          </div>
          <StaffResponsesSection patientId={patient.id} />
          <StaffProxiesSection
            patientId={patient.id} patientName={patient.name} onApiError={onApiError}
            canEdit={patient.inCareTeam && (me?.role === 'staff' || me?.role === 'admin')}
          />
        </>
      ) : null}
    </section>
  );
}

/** Staff without a second factor cannot open records; say what to do and where. */
export function MfaNeeded() {
  const { t } = useTranslation('staff');
  return (
    <div className="banner" role="note">
      <p className="strong">{t('mfa.title')}</p>
      <p>
        {t('mfa.body')} <Link href="/account/security">{t('mfa.link')}</Link>
      </p>
    </div>
  );
}
