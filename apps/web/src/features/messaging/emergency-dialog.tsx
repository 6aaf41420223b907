import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/dialog.css';

type EmergencyDialogProps = { onSendAnyway: () => void; onBack: () => void };

/**
 * The emergency notice shown before a message with emergency words is sent: a native modal
 * <dialog> with role alertdialog (the browser keeps focus inside and Escape goes back), a tel: link
 * to call 911, and a way to send anyway. Focus starts on "Call 911", the safest choice.
 */
export function EmergencyDialog({ onSendAnyway, onBack }: EmergencyDialogProps) {
  const { t } = useTranslation('messaging');
  const ref = useRef<HTMLDialogElement>(null);
  const callRef = useRef<HTMLAnchorElement>(null);
  const titleId = useId();
  const textId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    callRef.current?.focus();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      role="alertdialog"
      className="dialog emergency-dialog"
      aria-labelledby={titleId}
      aria-describedby={textId}
      onCancel={(event) => {
        event.preventDefault();
        onBack();
      }}
    >
      <h2 id={titleId} className="dialog__title">
        {t('emergency.title')}
      </h2>
      <p id={textId} className="strong">
        {t('emergency.text')}
      </p>
      <div className="dialog__actions">
        <a ref={callRef} className="button emergency-dialog__call" href="tel:911">
          {t('emergency.call')}
        </a>
        <button type="button" className="button button--secondary" onClick={onSendAnyway}>
          {t('emergency.sendAnyway')}
        </button>
        <button type="button" className="button button--secondary" onClick={onBack}>
          {t('emergency.back')}
        </button>
      </div>
    </dialog>
  );
}
