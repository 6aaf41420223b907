import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import '../../styles/dialog.css';

/**
 * "Close this conversation?" as a native modal <dialog> (focus stays inside; Escape keeps it
 * open). Focus starts on "Keep it open", the choice that changes nothing.
 */
export function CloseDialog({ onConfirm, onCancel }: { onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation('inbox');
  const ref = useRef<HTMLDialogElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const textId = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    keepRef.current?.focus();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={textId}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <p id={textId} className="strong">
        {t('actions.confirmClose')}
      </p>
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onConfirm}>
          {t('actions.confirmCloseYes')}
        </button>
        <button ref={keepRef} type="button" className="button button--secondary" onClick={onCancel}>
          {t('actions.confirmCloseNo')}
        </button>
      </div>
    </dialog>
  );
}
