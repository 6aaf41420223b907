import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

type ConfirmStepProps = {
  question: string;
  yes: string;
  no: string;
  isPending: boolean;
  error: string | null;
  onYes: () => void;
  onNo: () => void;
};

/**
 * The second step of a destructive action ("Remove", "Stop my access", "End access"), in place:
 * the question takes focus so a screen reader reads it, and "No" is as easy to reach as "Yes".
 */
export function ConfirmStep({ question, yes, no, isPending, error, onYes, onNo }: ConfirmStepProps) {
  const { t } = useTranslation('proxies');
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div className="confirm-step">
      <p ref={ref} tabIndex={-1} className="strong">
        {question}
      </p>
      <div role="alert" className="form-alert">
        {error ? <p className="notice notice--error">{error}</p> : null}
      </div>
      <div className="actions">
        <button type="button" className="button button--primary" aria-disabled={isPending || undefined} onClick={isPending ? undefined : onYes}>
          {isPending ? t('working') : yes}
        </button>
        <button type="button" className="button button--secondary" onClick={onNo}>
          {no}
        </button>
      </div>
    </div>
  );
}
