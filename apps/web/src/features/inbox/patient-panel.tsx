import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { AllergyList, MedicationList } from '../home/summary-lists.tsx';
import { HeldResultsPanel } from '../results/held-results-panel.tsx';
import { getPatientSummary } from '../staff/staff-api.ts';
import { RecentResults } from './recent-results.tsx';
import '../../styles/summary.css';

type Props = { patient: { id: string; name: string }; onApiError: (error: unknown) => void };

/**
 * Beside the conversation: the patient's medications and allergies (the staff summary API,
 * audited), their newest results, and results waiting for the care team's review. The inbox only lists patients
 * of the user's care team, so no emergency access is asked for here.
 */
export function PatientPanel({ patient, onApiError }: Props) {
  const { t } = useTranslation('inbox');
  const summary = useApi(useCallback(() => getPatientSummary(patient.id), [patient.id]));
  return (
    <aside aria-labelledby="inbox-patient-heading" className="card inbox-patient">
      <h2 id="inbox-patient-heading" className="card__title">
        {t('patient.heading', { name: patient.name })}
      </h2>
      {summary.status === 'loading' ? <Loading text={t('patient.loading')} /> : null}
      {summary.status === 'error' ? <LoadFailed error={summary.error} onRetry={summary.reload} /> : null}
      {summary.status === 'ready' ? (
        <div className="summary inbox-patient__lists">
          <MedicationList items={summary.data.medications} />
          <AllergyList items={summary.data.allergies} />
        </div>
      ) : null}
      <RecentResults patientId={patient.id} />
      <HeldResultsPanel patientId={patient.id} inCareTeam onApiError={onApiError} />
    </aside>
  );
}
