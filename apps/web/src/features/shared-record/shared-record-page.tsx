import './words.ts';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import type { ExportFormat, SharedRecord } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { errorMessage } from '../../api/error-message.ts';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { Loading } from '../account/status-notices.tsx';
import { formatDay, formatMoment } from '../documents/range-fields.tsx';
import { sharedApi, tokenFromHash } from './shared-api.ts';
import { SharedSections } from './shared-sections.tsx';
import '../../styles/forms.css';
import '../account/account.css';
import '../../styles/documents.css';

type State =
  | { kind: 'loading' }
  | { kind: 'code'; problem: unknown }
  | { kind: 'gone'; reason: 'SHARE_EXPIRED' | 'SHARE_REVOKED' | 'SHARE_LOCKED' | 'notFound' | 'noToken' }
  | { kind: 'error'; error: unknown }
  | { kind: 'ready'; record: SharedRecord };

const GONE = ['SHARE_EXPIRED', 'SHARE_REVOKED', 'SHARE_LOCKED'] as const;

/**
 * /shared#<token>: the public, read-only view of a shared record. The token is read from the
 * #fragment and sent only in POST bodies. Asks for the access code when the link has one, and
 * says in plain words when a link has expired, was turned off, or locked.
 */
export function SharedRecordPage() {
  const { t, i18n } = useTranslation('shared');
  const { t: tc } = useTranslation('common');
  const locale = i18n.resolvedLanguage ?? 'en';
  useDocumentTitle(t('title'));
  const [token] = useState(() => tokenFromHash(window.location.hash));
  const [state, setState] = useState<State>(token ? { kind: 'loading' } : { kind: 'gone', reason: 'noToken' });
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | null>(null);
  const [download, setDownload] = useState<{ pending: boolean; text: string | null; error: string | null }>({ pending: false, text: null, error: null });
  const codeRef = useRef<HTMLInputElement>(null);

  const open = useCallback(async (withCode?: string) => {
    if (!token) return;
    try {
      const record = await sharedApi.view({ token, ...(withCode ? { code: withCode } : {}) });
      setState({ kind: 'ready', record });
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem?.code : undefined;
      if (problem === 'SHARE_CODE_REQUIRED') setState({ kind: 'code', problem: null });
      else if (problem === 'SHARE_CODE_WRONG') {
        setState({ kind: 'code', problem: error });
        codeRef.current?.focus();
      } else if (GONE.includes(problem as (typeof GONE)[number])) setState({ kind: 'gone', reason: problem as (typeof GONE)[number] });
      else if (error instanceof ApiError && error.status === 404) setState({ kind: 'gone', reason: 'notFound' });
      else setState({ kind: 'error', error });
    }
    // Opened once per token: a language switch must not count as another view.
  }, [token]);

  useEffect(() => {
    void open();
  }, [open]);

  function submitCode(event: FormEvent) {
    event.preventDefault();
    if (!/^\d{6}$/.test(code.trim())) {
      setCodeError(t('codeMissing'));
      return;
    }
    setCodeError(null);
    void open(code.trim());
  }

  async function save(format: ExportFormat) {
    if (!token || download.pending) return;
    setDownload({ pending: true, text: null, error: null });
    try {
      const file = await sharedApi.download({ token, ...(code.trim() ? { code: code.trim() } : {}) }, format);
      setDownload({ pending: false, text: t('downloaded', { file }), error: null });
    } catch (error) {
      const problem = error instanceof ApiError ? error.problem?.code : undefined;
      if (GONE.includes(problem as (typeof GONE)[number])) setState({ kind: 'gone', reason: problem as (typeof GONE)[number] });
      setDownload({ pending: false, text: null, error: errorMessage(error, tc) });
    }
  }

  return (
    <>
      <PageHeading>{t('heading')}</PageHeading>
      {state.kind === 'loading' ? <Loading text={t('loading')} /> : null}
      {state.kind === 'gone' ? <p role="alert" className="notice notice--error">{state.reason === 'noToken' ? t('noToken') : t(`gone.${state.reason}`)}</p> : null}
      {state.kind === 'error' ? <p role="alert" className="notice notice--error">{errorMessage(state.error, tc)}</p> : null}
      {state.kind === 'code' ? (
        <section aria-labelledby="shared-code-title" className="card">
          <h2 id="shared-code-title" className="card__title">{t('codeTitle')}</h2>
          <p>{t('codeIntro')}</p>
          <form className="inline-form" noValidate onSubmit={submitCode}>
            <div className="field">
              <label className="field__label" htmlFor="shared-code">{t('code')}</label>
              <p id="shared-code-hint" className="field__hint">{t('codeHint')}</p>
              <input
                ref={codeRef} id="shared-code" className="field__input field__input--short" inputMode="numeric" autoComplete="one-time-code" maxLength={6}
                value={code} onChange={(e) => setCode(e.target.value)} aria-invalid={codeError || state.problem ? true : undefined}
                aria-describedby={`shared-code-hint${codeError ? ' shared-code-error' : ''}`}
              />
              {codeError ? <p id="shared-code-error" className="field__error">{codeError}</p> : null}
            </div>
            <div role="alert" className="form-alert">{state.problem ? <p className="notice notice--error">{errorMessage(state.problem, tc)}</p> : null}</div>
            <div className="actions"><button type="submit" className="button button--primary">{t('open')}</button></div>
          </form>
        </section>
      ) : null}
      {state.kind === 'ready' ? (
        <>
          <section aria-labelledby="shared-about" className="card card--important">
            <h2 id="shared-about" className="card__title">{t('about')}</h2>
            <dl className="facts">
              <dt>{t('patient')}</dt><dd>{state.record.patientName}</dd>
              <dt>{t('birthDate')}</dt><dd>{state.record.birthDate ? formatDay(state.record.birthDate, locale) : ''}</dd>
              <dt>{t('sharedBy')}</dt><dd>{state.record.sharedBy}</dd>
              <dt>{t('dates')}</dt><dd>{t('datesValue', { from: formatDay(state.record.from, locale), to: formatDay(state.record.to, locale) })}</dd>
              <dt>{t('expires')}</dt><dd>{formatMoment(state.record.expiresAt, locale)}</dd>
            </dl>
            {state.record.message ? (
              <div className="shared-note">
                <p className="strong">{t('note', { name: state.record.sharedBy })}</p>
                <p>{state.record.message}</p>
              </div>
            ) : null}
            <p>{t('readOnly')}</p>
          </section>
          <section aria-labelledby="shared-downloads" className="card">
            <h2 id="shared-downloads" className="card__title">{t('downloads')}</h2>
            <div className="actions">
              <button type="button" className="button button--secondary" aria-disabled={download.pending || undefined} onClick={() => save('pdf')}>{t('downloadPdf')}</button>
              <button type="button" className="button button--secondary" aria-disabled={download.pending || undefined} onClick={() => save('ccda')}>{t('downloadCcda')}</button>
              <button type="button" className="button button--secondary" aria-disabled={download.pending || undefined} onClick={() => save('fhir')}>{t('downloadFhir')}</button>
            </div>
            <div role="status" className="form-alert">
              {download.pending ? <p className="notice">{t('downloading')}</p> : null}
              {download.text ? <p className="notice notice--success">{download.text}</p> : null}
            </div>
            <div role="alert" className="form-alert">{download.error ? <p className="notice notice--error">{download.error}</p> : null}</div>
          </section>
          <SharedSections sections={state.record.sections} />
        </>
      ) : null}
    </>
  );
}
