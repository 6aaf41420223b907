import './words.ts';
import { createContext, use, useCallback, useMemo } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CorrectionRequest } from '@ourchart/contracts';
import { useApi } from '../../api/use-api.ts';
import { listCorrections } from './corrections-api.ts';
import { formatDay, statusText } from './correction-words.ts';

/** The latest correction request per item ("Condition/abc"), loaded once for a whole page. */
const LatestByItem = createContext<ReadonlyMap<string, CorrectionRequest> | null>(null);

/**
 * Loads the patient's correction requests once, so every item on a list page can show the
 * request attached to it without a request per item. Renders its children at once; the status
 * lines appear when the list arrives (and stay absent if it fails: the page still works).
 */
export function CorrectionsProvider({ patientId, children }: { patientId?: string; children: ReactNode }) {
  const state = useApi(useCallback(() => listCorrections({ patientId }), [patientId]));
  const latest = useMemo(() => {
    const map = new Map<string, CorrectionRequest>();
    // Newest first from the server: the first one seen per item is its latest.
    if (state.status === 'ready') for (const r of state.data.requests) if (!map.has(r.item.reference)) map.set(r.item.reference, r);
    return map;
  }, [state]);
  return <LatestByItem value={latest}>{children}</LatestByItem>;
}

/** The latest correction request of one item from the page's CorrectionsProvider, or nothing. */
export function useLatestCorrection(item: string): CorrectionRequest | undefined {
  return use(LatestByItem)?.get(item);
}

/** "Your correction request from 3 May 2025: Not changed" and, for a denial, the reason given. */
export function LatestCorrection({ request }: { request: CorrectionRequest }) {
  const { t, i18n } = useTranslation('corrections');
  const locale = i18n.resolvedLanguage ?? 'en';
  return (
    <p className="item-corrections__status">
      {t('item.latest', { date: formatDay(request.requestedAt, locale), status: statusText(t, request.status) })}
      {request.status === 'denied' && request.reason ? (
        <>
          <br />
          {t('item.reason', { reason: request.reason })}
        </>
      ) : null}
    </p>
  );
}

/** For an item on a page inside CorrectionsProvider: the status of its latest correction request, if any. */
export function CorrectionStatus({ item }: { item: string }) {
  const latest = useLatestCorrection(item);
  return latest ? <LatestCorrection request={latest} /> : null;
}
