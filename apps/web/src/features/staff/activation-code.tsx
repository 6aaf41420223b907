import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, useSubmit } from '../account/fields.tsx';
import { formatDateTime } from '../account/format.ts';
import { newActivationCode } from './staff-api.ts';

type ActivationCodeProps = { patientId: string; patientName: string; onApiError: (error: unknown) => void };

/** A one-time code a patient uses to make their account, shown large so it can be read out or printed. */
export function ActivationCodePanel({ patientId, patientName, onApiError }: ActivationCodeProps) {
  const { t, i18n } = useTranslation('staff');
  const locale = i18n.resolvedLanguage ?? 'en';
  const [issued, setIssued] = useState<{ code: string; expiresAt: string } | null>(null);
  const { isPending, failureText, run } = useSubmit(onApiError);
  const codeRef = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (issued) codeRef.current?.focus();
  }, [issued]);

  async function issue() {
    if (isPending) return;
    const result = await run(() => newActivationCode(patientId));
    if (result.ok) setIssued(result.value);
  }

  return (
    <div className="inline-form">
      <FormAlert message={failureText} />
      {issued ? (
        <div className="card card--important printable">
          <h3 className="card__subtitle">{t('activation.title', { name: patientName })}</h3>
          <p ref={codeRef} tabIndex={-1} className="activation-code">
            {issued.code}
          </p>
          <p>{t('activation.instructions', { date: formatDateTime(issued.expiresAt, locale) })}</p>
          <div className="actions no-print">
            <button type="button" className="button button--secondary" onClick={() => window.print()}>
              {t('activation.print')}
            </button>
          </div>
        </div>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="button button--secondary"
          aria-disabled={isPending || undefined}
          onClick={() => void issue()}
        >
          {isPending ? t('working') : issued ? t('activation.again') : t('activation.make')}
        </button>
      </div>
    </div>
  );
}
