import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message.ts';
import type { ApiResult } from '../../api/use-api.ts';

// Loading and failure notices for the account, staff and admin pages. Kept apart from
// fields.tsx so a page without forms does not download react-aria's field code.

/** Announced politely: screen readers finish what they are saying first. */
export function Loading({ text }: { text: string }) {
  return (
    <p role="status" aria-live="polite" className="notice">
      {text}
    </p>
  );
}

/** A page or part that did not load: what went wrong, in words, and a way to try again. */
export function LoadFailed({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation('common');
  return (
    <div role="alert" className="notice notice--error">
      <p>{errorMessage(error, t)}</p>
      <button type="button" className="button button--secondary" onClick={onRetry}>
        {t('retry')}
      </button>
    </div>
  );
}

/**
 * What a queue or list shows until its data is ready: the loading notice, or the failure with
 * Retry (the failure also goes to the page's onApiError, e.g. to send a signed-out person to
 * sign in). Nothing once ready.
 */
export function ApiStatus({ result, loadingText, onApiError }: { result: ApiResult<unknown>; loadingText: string; onApiError: (error: unknown) => void }) {
  if (result.status === 'loading') return <Loading text={loadingText} />;
  if (result.status !== 'error') return null;
  const { error } = result;
  return (
    <LoadFailed
      error={error}
      onRetry={() => {
        onApiError(error);
        result.reload();
      }}
    />
  );
}
