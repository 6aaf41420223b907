import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';

/** Announced politely: screen readers finish what they are saying first. */
export function Loading({ text }: { text: string }) {
  return (
    <p role="status" aria-live="polite" className="notice">
      {text}
    </p>
  );
}

type LoadFailedProps = { error: unknown; onRetry: () => void };

export function LoadFailed({ error, onRetry }: LoadFailedProps) {
  const { t } = useTranslation('home');
  const { t: tCommon } = useTranslation('common');
  // Offline is worth saying plainly; any other failure gets the general message.
  const text = error instanceof ApiError && error.status === 0 ? tCommon('errors.network') : t('loadFailed');
  return (
    <div role="alert" className="notice notice--error">
      <p>{text}</p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}
