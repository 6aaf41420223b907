import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { StaffRefill } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { FormAlert, SubmitButton, useSubmit } from '../account/fields.tsx';
import { isStatus } from '../account/use-signed-in.ts';
import { formatDay, isLongEnough, LIMITS, statusText } from './refill-words.ts';
import { addRefillNote, approveRefill, denyRefill } from './refills-api.ts';
import { TextAreaField } from '../../components/native-fields.tsx';

type CardProps = {
  request: StaffRefill;
  /** A confirmation to announce; `reload` when the queue changed. */
  onDone: (message: string, reload: boolean) => void;
  onStale: () => void;
  onApiError: (error: unknown) => void;
};

type Acting = 'deny' | 'note' | null;

/** One refill request in the staff queue: the medicine, the prescription, allergies and current medicines, and the actions. */
export function StaffRefillCard({ request, onDone, onStale, onApiError }: CardProps) {
  const { t, i18n } = useTranslation('refills');
  const locale = i18n.resolvedLanguage ?? 'en';
  const headingId = useId();
  const [acting, setActing] = useState<Acting>(null);
  const approving = useSubmit(onApiError);
  const buttons = { deny: useRef<HTMLButtonElement>(null), note: useRef<HTMLButtonElement>(null) };
  const names = { medicine: request.medication.name, name: request.patient.name };
  const open = request.status === 'requested';

  function cancel() {
    const was = acting;
    setActing(null);
    if (was) requestAnimationFrame(() => buttons[was].current?.focus());
  }

  async function approve() {
    if (approving.isPending) return;
    const result = await approving.run(() => approveRefill(request.id));
    if (result.ok) onDone(t('staff.approved', names), true);
  }

  const list = (items: string[]) => (items.length ? new Intl.ListFormat(locale, { type: 'conjunction' }).format(items) : null);
  const allergies = request.allergies.map((a) => (a.criticality === 'high' ? `${a.substance} (${t('staff.highRisk')})` : a.substance));
  return (
    <li className="item refill">
      <article aria-labelledby={headingId} className="refill">
        <h3 id={headingId} className="item__name refill__title">
          {request.patient.name}: {request.medication.name}
        </h3>
        <dl className="refill-details">
          {!open ? (
            <>
              <dt>{t('staff.status')}</dt>
              <dd>
                <span className={`refill-status refill-status--${request.status}`}>{statusText(t, request.status)}</span>
                {request.decidedAt ? ` · ${formatDay(request.decidedAt, locale)}` : ''}
              </dd>
            </>
          ) : null}
          {request.reason ? (
            <>
              <dt>{t('staff.reason')}</dt>
              <dd>{request.reason}</dd>
            </>
          ) : null}
          <dt>{t('staff.asked')}</dt>
          <dd>{formatDay(request.requestedAt, locale)}</dd>
          <dt>{t('staff.prescribed')}</dt>
          <dd>{[formatDay(request.prescription.authoredOn, locale), request.prescription.prescriber].filter(Boolean).join(' · ') || '—'}</dd>
          {request.prescription.instructions ? (
            <>
              <dt>{t('staff.howToTake')}</dt>
              <dd>{request.prescription.instructions}</dd>
            </>
          ) : null}
          {request.prescription.refills !== null ? (
            <>
              <dt>{t('staff.refillsLeft')}</dt>
              <dd>{new Intl.NumberFormat(locale).format(request.prescription.refills)}</dd>
            </>
          ) : null}
          <dt>{t('staff.allergies')}</dt>
          <dd>{list(allergies) ?? t('staff.noAllergies')}</dd>
          <dt>{t('staff.activeMedications')}</dt>
          <dd>{list(request.activeMedications) ?? '—'}</dd>
          {request.pharmacy ? (
            <>
              <dt>{t('staff.pharmacy')}</dt>
              <dd>{request.pharmacy.name}</dd>
            </>
          ) : null}
          {request.note ? (
            <>
              <dt>{t('staff.patientNote')}</dt>
              <dd>{request.note}</dd>
            </>
          ) : null}
          {request.staffNotes.length > 0 ? (
            <>
              <dt>{t('staff.teamNotes')}</dt>
              <dd>
                <ul>
                  {request.staffNotes.map((n, i) => (
                    <li key={`${n.at}-${i}`}>
                      {n.author} ({formatDay(n.at, locale)}): {n.text}
                    </li>
                  ))}
                </ul>
              </dd>
            </>
          ) : null}
        </dl>
        {open ? <FormAlert message={isStatus(approving.failure, 409) ? t('staff.alreadyDecided') : approving.failureText} /> : null}
        {open && acting === null ? (
          <div className="actions">
            {request.canApprove ? (
              <button type="button" className="button" aria-label={t('staff.approveNamed', names)} aria-disabled={approving.isPending || undefined} onClick={() => void approve()}>
                {approving.isPending ? t('staff.working') : t('staff.approve')}
              </button>
            ) : null}
            <button ref={buttons.deny} type="button" className="button button--secondary" aria-label={t('staff.denyNamed', names)} onClick={() => setActing('deny')}>
              {t('staff.deny')}
            </button>
            <button ref={buttons.note} type="button" className="button button--secondary" aria-label={t('staff.addNoteNamed', names)} onClick={() => setActing('note')}>
              {t('staff.addNote')}
            </button>
          </div>
        ) : null}
        {open && acting ? (
          <TextForm
            request={request}
            kind={acting}
            onCancel={cancel}
            onStale={onStale}
            onApiError={onApiError}
            onSaved={() => {
              setActing(null);
              onDone(acting === 'deny' ? t('staff.denied', names) : t('staff.noted'), true);
            }}
          />
        ) : null}
      </article>
    </li>
  );
}

type TextFormProps = { request: StaffRefill; kind: 'deny' | 'note'; onSaved: () => void; onCancel: () => void; onStale: () => void; onApiError: (error: unknown) => void };

/** Deny (a reason the patient reads) or a note for the team; both need words. */
function TextForm({ request, kind, onSaved, onCancel, onStale, onApiError }: TextFormProps) {
  const { t } = useTranslation('refills');
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const { isPending, failure, failureText, run } = useSubmit(onApiError);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const deny = kind === 'deny';
  const names = { medicine: request.medication.name, name: request.patient.name };

  useEffect(() => {
    fieldRef.current?.focus();
  }, []);

  const problem = isLongEnough(text, deny ? LIMITS.reason : LIMITS.note) ? null : t(deny ? 'staff.reasonMissing' : 'staff.noteMissing');
  const shown = submitted ? problem : null;

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    setSubmitted(true);
    if (problem) {
      fieldRef.current?.focus();
      return;
    }
    const result = await run(() => (deny ? denyRefill(request.id, text.trim()) : addRefillNote(request.id, text.trim())));
    if (result.ok) onSaved();
  }

  const stale = isStatus(failure, 409);
  return (
    <form className="inline-form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={t(deny ? 'staff.denyNamed' : 'staff.addNoteNamed', names)}>
      <FormAlert message={shown ?? (stale ? t('staff.alreadyDecided') : failureText)} />
      <TextAreaField
        label={t(deny ? 'staff.reasonLabel' : 'staff.noteLabel')}
        hint={deny ? t('staff.reasonHint') : undefined}
        name={deny ? 'reason' : 'note'}
        rows={3}
        maxLength={LIMITS.max}
        value={text}
        onChange={setText}
        error={shown}
        textareaRef={fieldRef}
      />
      <div className="actions">
        <SubmitButton isPending={isPending} label={t(deny ? 'staff.confirmDeny' : 'staff.saveNote')} pendingLabel={t('staff.working')} />
        <button type="button" className="button button--secondary" onClick={stale ? onStale : onCancel}>
          {t('staff.cancel')}
        </button>
      </div>
    </form>
  );
}
