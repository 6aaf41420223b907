import './words.ts';
import { createContext, use, useCallback, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { RefillRequest } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { useSignedIn } from '../account/use-signed-in.ts';
import { usePatientContext } from '../../session/patient-context.tsx';
import { RefillForm } from './refill-form.tsx';
import { formatDay, statusText } from './refill-words.ts';
import { listRefills } from './refills-api.ts';
import '../../styles/refills.css';

type Refills = { latest: ReadonlyMap<string, RefillRequest>; reload: () => void };
const RefillsContext = createContext<Refills | null>(null);

/**
 * Loads the refill requests of the record in context once for the Medications page, so each
 * medicine shows its latest request without a call per item. Nothing loads (and no button shows)
 * when the record is a proxy view without the refills scope.
 */
export function RefillsProvider({ children }: { children: ReactNode }) {
  const { features } = usePatientContext();
  const allowed = features === undefined || features.includes('refills');
  const state = useApi(listRefills, { enabled: allowed });
  const value = useMemo<Refills | null>(() => {
    if (!allowed) return null;
    const latest = new Map<string, RefillRequest>();
    // Newest first from the server: the first one seen per prescription is its latest. An
    // approval's renewed prescription shows the answer too.
    if (state.status === 'ready') {
      for (const r of state.data.requests) {
        if (!latest.has(r.medication.id)) latest.set(r.medication.id, r);
        if (r.renewedMedicationId && !latest.has(r.renewedMedicationId)) latest.set(r.renewedMedicationId, r);
      }
    }
    return { latest, reload: state.reload };
  }, [allowed, state]);
  return <RefillsContext value={value}>{children}</RefillsContext>;
}

/** "Refill asked for on 3 May 2026: Denied" and the reason, in words. */
export function RefillStatusLine({ request }: { request: RefillRequest }) {
  const { t, i18n } = useTranslation('refills');
  const locale = i18n.resolvedLanguage ?? 'en';
  return (
    <p className="refill-line">
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

/**
 * On each medicine: the latest refill request and, for an active prescription without an open
 * request, `Request refill`, which opens the form in place.
 */
export function MedicationRefill({ medication, isActive }: { medication: { id: string; name: string }; isActive: boolean }) {
  const { t } = useTranslation('refills');
  const refills = use(RefillsContext);
  const { onApiError } = useSignedIn();
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const sentRef = useRef<HTMLParagraphElement>(null);
  const close = useCallback(() => {
    setOpen(false);
    requestAnimationFrame(() => buttonRef.current?.focus());
  }, []);
  if (!refills) return null;
  const latest = refills.latest.get(medication.id);
  const canAsk = isActive && latest?.status !== 'requested';

  function handleSent(request: RefillRequest) {
    setOpen(false);
    setSent(t('form.sent', { name: request.medication.name }));
    refills?.reload();
    // The form goes away: the confirmation takes focus so nobody is left on a removed button.
    requestAnimationFrame(() => sentRef.current?.focus());
  }

  return (
    <div className="refill-control">
      {sent ? (
        <p ref={sentRef} tabIndex={-1} role="status" className="notice notice--success">
          {sent}
        </p>
      ) : null}
      {latest ? <RefillStatusLine request={latest} /> : null}
      {canAsk && !open ? (
        <button ref={buttonRef} type="button" className="button button--secondary" aria-label={t('item.requestNamed', { name: medication.name })} onClick={() => { setSent(null); setOpen(true); }}>
          {t('item.request')}
        </button>
      ) : null}
      {canAsk && open ? <RefillForm medication={medication} onSent={handleSent} onCancel={close} onApiError={onApiError} /> : null}
    </div>
  );
}
