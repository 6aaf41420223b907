import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getHealthSummary } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { AllergyList, ConditionList, ImmunizationList, MedicationList } from './summary-lists.tsx';
import { LoadFailed, Loading } from './status-notices.tsx';

type HealthSummaryProps = {
  /** Called with the error when loading fails, so the page can handle an ended session. */
  onError: (error: unknown) => void;
};

export function HealthSummaryView({ onError }: HealthSummaryProps) {
  const { t } = useTranslation('home');
  const summary = useApi(getHealthSummary);

  useEffect(() => {
    if (summary.status === 'error') onError(summary.error);
  }, [summary, onError]);

  if (summary.status === 'loading') return <Loading text={t('loading')} />;
  if (summary.status === 'error') return <LoadFailed error={summary.error} onRetry={summary.reload} />;

  const { conditions, medications, allergies, immunizations } = summary.data;
  return (
    <div className="summary">
      <ConditionList items={conditions} />
      <MedicationList items={medications} />
      <AllergyList items={allergies} />
      <ImmunizationList items={immunizations} />
    </div>
  );
}
