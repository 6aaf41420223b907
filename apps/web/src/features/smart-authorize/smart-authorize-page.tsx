import '../connected-apps/words.ts';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { SmartInteraction, SmartPatientChoice } from '@ourchart/contracts';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { getMe } from '../../api/endpoints.ts';
import { useApi } from '../../api/use-api.ts';
import { ChoiceGroup } from '../../components/native-fields.tsx';
import { useRouter } from '../../router/router.tsx';
import { useSession } from '../../session/session-context.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { FormAlert, useSubmit } from '../account/fields.tsx';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { approveInteraction, denyInteraction, getInteraction } from '../connected-apps/apps-api.ts';
import { accessInWords, recordLimitInWords } from '../connected-apps/scope-words.ts';
import { pendingAppRequest } from './pending-authorization.tsx';
import '../../styles/connected-apps.css';

/**
 * /smart/authorize?uid=<uid>: where the authorization server (/oauth) sends the browser when an
 * app asks for a record. Signed-out people sign in first (the request waits in this tab, see
 * pending-authorization.tsx); then the page says, in plain words, which app wants what, lets a
 * proxy choose whose record, and answers Allow or Don't allow, which returns the browser to the app.
 */
export function SmartAuthorizePage() {
  const { search, navigate } = useRouter();
  const uid = new URLSearchParams(search).get('uid') ?? '';
  const { me, setMe } = useSession();
  // Not behind RequireSession: that would send people to sign-in and forget this address.
  const who = useApi(getMe, { enabled: me === undefined });
  useEffect(() => {
    if (who.status === 'ready') setMe(who.data);
    if (who.status === 'error' && who.error instanceof ApiError && who.error.status === 401) setMe(null);
  }, [who, setMe]);
  useEffect(() => {
    if (me === null && uid) {
      pendingAppRequest.set(uid);
      navigate('/sign-in', { replace: true });
    } else if (me) {
      pendingAppRequest.clear();
    }
  }, [me, uid, navigate]);

  if (me && uid) return <Consent uid={uid} />;
  const failed = who.status === 'error' && !(who.error instanceof ApiError && who.error.status === 401) ? who : null;
  return <Waiting hasRequest={Boolean(uid)} failure={failed ? { error: failed.error, retry: failed.reload } : null} />;
}

/** Before the request can be shown: no request in the address, still asking who is signed in, or that failed. */
function Waiting({ hasRequest, failure }: { hasRequest: boolean; failure: { error: unknown; retry: () => void } | null }) {
  const { t } = useTranslation('apps');
  useDocumentTitle(t('consent.titleLoading'));
  let body;
  if (!hasRequest) body = <p className="notice">{t('consent.noRequest')}</p>;
  else if (failure) body = <LoadFailed error={failure.error} onRetry={failure.retry} />;
  else body = <Loading text={t('consent.loading')} />;
  return (
    <>
      <PageHeading>{t('consent.titleLoading')}</PageHeading>
      {body}
    </>
  );
}

function Consent({ uid }: { uid: string }) {
  const { t } = useTranslation('apps');
  const request = useApi(useCallback(() => getInteraction(uid), [uid]));
  const data = request.status === 'ready' ? request.data : null;
  const ownOnly = data !== null && data.patients.length > 0 && data.patients.every((p) => p.relationship === 'self');
  const title = data ? t(ownOnly ? 'consent.title' : 'consent.titleFor', { app: data.client.name }) : t('consent.titleLoading');
  useDocumentTitle(title);
  return (
    <>
      <PageHeading>{title}</PageHeading>
      {request.status === 'loading' ? <Loading text={t('consent.loading')} /> : null}
      {request.status === 'error' ? <LoadFailed error={request.error} onRetry={request.reload} /> : null}
      {data ? <ConsentForm request={data} /> : null}
    </>
  );
}

function recordLabel(t: TFunction<'apps'>, patient: SmartPatientChoice): string {
  return patient.relationship === 'self' ? t('consent.whoseSelf', { name: patient.name }) : patient.name;
}

function ConsentForm({ request }: { request: SmartInteraction }) {
  const { t, i18n } = useTranslation('apps');
  const locale = i18n.resolvedLanguage ?? 'en';
  const { onApiError } = useSignedIn();
  const whatId = useId();
  const app = request.client.name;
  const [patientId, setPatientId] = useState<string | null>(request.patients.length === 1 ? request.patients[0]!.id : null);
  const [missing, setMissing] = useState(false);
  const [leaving, setLeaving] = useState<'allow' | 'deny' | null>(null);
  const { isPending, failureText, run } = useSubmit(onApiError);
  const leavingRef = useRef<HTMLParagraphElement>(null);
  const choicesRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (leaving) leavingRef.current?.focus();
  }, [leaving]);

  async function answer(kind: 'allow' | 'deny') {
    if (isPending || leaving) return;
    if (kind === 'allow' && !patientId) {
      setMissing(true);
      choicesRef.current?.querySelector('input')?.focus();
      return;
    }
    const result = await run(() => (kind === 'allow' ? approveInteraction(request.uid, patientId!) : denyInteraction(request.uid)));
    if (!result.ok) return;
    setLeaving(kind);
    // The authorization server finishes the request and sends the browser on to the app.
    window.location.assign(result.value.redirectTo);
  }

  const lines = accessInWords(t, request.scopes);
  const canAllow = request.patients.length > 0;
  // A proxy's app sees no more than the proxy may see of that record: say so where it counts.
  const limitOf = (patient: SmartPatientChoice) => recordLimitInWords(t, locale, patient);
  const chosen = request.patients.find((p) => p.id === patientId);
  const chosenLimit = chosen ? limitOf(chosen) : null;
  return (
    <div className="consent">
      <p className="notice notice--info">{t('consent.notOurs')}</p>
      {request.client.uri ? <p className="consent__app-site">{t('consent.appSite', { uri: request.client.uri })}</p> : null}
      <section aria-labelledby={whatId} className="card">
        <h2 id={whatId} className="card__title">
          {t('consent.whatTitle')}
        </h2>
        <p>{t('consent.whatIntro', { app })}</p>
        <ul className="consent__list">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
        {chosenLimit ? <p className="notice notice--info">{chosenLimit}</p> : null}
        <p>{t('consent.readOnly')}</p>
        {request.scopes.ignored.length > 0 ? <p>{t('see.ignored')}</p> : null}
      </section>
      {!canAllow ? <p className="notice">{t('consent.noRecord')}</p> : null}
      {request.patients.length === 1 ? <p className="strong">{t('consent.onlyRecord', { name: recordLabel(t, request.patients[0]!) })}</p> : null}
      {request.patients.length > 1 ? (
        <div ref={choicesRef}>
          <ChoiceGroup legend={t('consent.whoseLegend')} hint={t('consent.whoseHint')} error={missing && !patientId ? t('consent.chooseRecord') : undefined}>
            {request.patients.map((patient) => (
              <label key={patient.id} className="checkbox">
                <input
                  type="radio"
                  name="patient"
                  value={patient.id}
                  checked={patientId === patient.id}
                  onChange={() => setPatientId(patient.id)}
                />
                <span>
                  {recordLabel(t, patient)}
                  {limitOf(patient) ? <span className="consent__record-limit">{limitOf(patient)}</span> : null}
                </span>
              </label>
            ))}
          </ChoiceGroup>
        </div>
      ) : null}
      <p>{t('consent.removeLater')}</p>
      <FormAlert message={failureText} />
      {leaving ? (
        <p ref={leavingRef} tabIndex={-1} role="status" className="notice">
          {t(leaving === 'allow' ? 'consent.sending' : 'consent.denied')}
        </p>
      ) : (
        <div className="actions">
          {canAllow ? (
            <button type="button" className="button button--primary" aria-disabled={isPending || undefined} onClick={() => void answer('allow')}>
              {t('consent.allow')}
            </button>
          ) : null}
          <button type="button" className="button button--secondary" aria-disabled={isPending || undefined} onClick={() => void answer('deny')}>
            {t('consent.deny')}
          </button>
        </div>
      )}
    </div>
  );
}
