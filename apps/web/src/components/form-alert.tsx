import { useTranslation } from 'react-i18next';
import './forms-words.ts';

// The form's alert, without react-aria, so pages with native fields (native-fields.tsx) can use
// it too; form-parts.tsx exports it for the rest.

/**
 * Always in the page (an empty live region), so screen readers announce the message the
 * moment it appears. With several field problems it lists them all, like GOV.UK's error summary,
 * under `summary` when given (else the shared "There are N problems" line).
 */
export function FormAlert({ message, problems = [], summary }: { message?: string | null; problems?: string[]; summary?: string }) {
  const { t } = useTranslation('forms');
  return (
    <div role="alert" className="form-alert">
      {message ? <p className="notice notice--error">{message}</p> : null}
      {!message && problems.length > 0 ? (
        <div className="notice notice--error error-summary">
          <p>{summary ?? t('formErrors.summary', { count: problems.length })}</p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
