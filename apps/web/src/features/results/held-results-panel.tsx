import { useCallback, useEffect, useId, useState } from 'react';
import type { HeldResult } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message.ts';
import { useApi } from '../../api/use-api.ts';
import { FormAlert, FormStatus } from '../../components/form-parts.tsx';
import { useRequest } from '../../components/use-request.ts';
import { useSession } from '../../session/session-context.tsx';
import { formatFhirDate } from '../home/format-date.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { getHeldResults, markReviewed } from './results-api.ts';
import './words.ts';
import '../../styles/results.css';

const REVIEWERS = new Set(['clinician', 'nurse']);

type HeldResultsPanelProps = { patientId: string; inCareTeam: boolean; onApiError: (error: unknown) => void };

/**
 * Staff view of a patient's results held until reviewed (the patient chose to wait), with
 * "Mark as reviewed" for clinicians and nurses of the care team (emergency access only reads).
 * Embedded in the staff patient view.
 */
export function HeldResultsPanel({ patientId, inCareTeam, onApiError }: HeldResultsPanelProps) {
  const { t, i18n } = useTranslation('results');
  const { t: tc } = useTranslation('common');
  const locale = i18n.resolvedLanguage ?? 'en';
  const { me } = useSession();
  const canReview = inCareTeam && REVIEWERS.has(me?.role ?? '');
  const headingId = useId();
  const load = useCallback(() => getHeldResults(patientId), [patientId]);
  const held = useApi(load);
  const [results, setResults] = useState<HeldResult[] | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const request = useRequest();
  const shown = results ?? (held.status === 'ready' ? held.data.results : []);

  const review = async (result: HeldResult) => {
    setDone(null);
    const answer = await request.run(() => markReviewed(patientId, `${result.entityType}/${result.id}`));
    if (answer) {
      setResults(answer.results);
      setDone(t('staff.marked', { name: result.name }));
    }
  };
  useEffect(() => {
    if (request.failure) onApiError(request.failure);
  }, [request.failure, onApiError]);

  return (
    <section aria-labelledby={headingId} className="held-results">
      <h3 id={headingId} className="held-results__title">
        {t('staff.heading')}
      </h3>
      {held.status === 'loading' ? <Loading text={t('staff.loading')} /> : null}
      {held.status === 'error' ? <LoadFailed error={held.error} onRetry={held.reload} /> : null}
      <FormAlert message={request.failure ? errorMessage(request.failure, tc) : null} />
      <FormStatus message={done} />
      {held.status === 'ready' ? (
        shown.length === 0 ? (
          <p>{t('staff.none')}</p>
        ) : (
          <>
            <p>{t('staff.intro')}</p>
            <ul className="held-results__list">
              {shown.map((result) => (
                <li key={`${result.entityType}/${result.id}`} className="held-results__item">
                  <p className="held-results__name">{result.name}</p>
                  <p>
                    {t(`staff.categories.${result.category}`)}
                    {result.effective ? ` · ${t('staff.taken', { date: formatFhirDate(result.effective, locale) })}` : ''}
                  </p>
                  {canReview ? (
                    <button
                      type="button"
                      className="button button--secondary"
                      aria-label={t('staff.markFor', { name: result.name })}
                      aria-disabled={request.isPending || undefined}
                      onClick={() => void review(result)}
                    >
                      {t('staff.mark')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </section>
  );
}
