import { useRef, useState } from 'react';
import type { ProxyGrantView, ProxyInvitationView, ProxyOverview } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message.ts';
import { getMe } from '../../api/endpoints.ts';
import { useSession } from '../../session/session-context.tsx';
import { Section } from '../account/section.tsx';
import { ConfirmStep } from './confirm-step.tsx';
import { GrantDetails } from './grant-details.tsx';
import { useFormatDay } from './form-bits.tsx';
import { proxiesApi } from './proxies-api.ts';
import { featuresToName, listInWords } from './scope-words.ts';

type OnApiError = (error: unknown) => void;

/** "Invitations waiting": who was invited, with what, until when; Cancel. */
export function InvitationsSection({ invitations, onChanged, onApiError }: { invitations: ProxyInvitationView[]; onChanged: () => void; onApiError: OnApiError }) {
  const { t } = useTranslation('proxies');
  const tc = useTranslation('common').t;
  const day = useFormatDay();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  async function cancel(invitation: ProxyInvitationView) {
    setError(null);
    try {
      await proxiesApi.cancelInvitation(invitation.id);
      setStatus(t('waiting.cancelled', { email: invitation.email }));
      onChanged();
      heading.current?.focus();
    } catch (failure) {
      onApiError(failure);
      setError(errorMessage(failure, tc));
    }
  }

  return (
    <Section title={t('waiting.title')} headingRef={heading}>
      <p role="status" className={status ? 'notice notice--success' : undefined}>
        {status}
      </p>
      <div role="alert" className="form-alert">
        {error ? <p className="notice notice--error">{error}</p> : null}
      </div>
      {invitations.length === 0 ? <p>{t('waiting.empty')}</p> : null}
      {invitations.length > 0 ? (
        <ul className="proxy-list">
          {invitations.map((inv) => (
            <li key={inv.id} className="proxy-item" aria-label={inv.email}>
              <p className="proxy-item__name strong">{inv.email}</p>
              <p>{t('relationshipIs', { relationship: t(`relationship.${inv.relationship}`) })}</p>
              <p>{inv.scopes.map((s) => t(`scope.${s}`)).join(' · ')}</p>
              <p>{t('waiting.sent', { date: day(inv.createdAt), until: day(inv.expiresAt) })}</p>
              <div className="actions">
                <button type="button" className="button button--secondary" aria-label={t('waiting.cancelNamed', { email: inv.email })} onClick={() => void cancel(inv)}>
                  {t('waiting.cancel')}
                </button>
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

/** "Records you can see": whose, what, until; "Stop my access" with a confirm step. */
export function RecordsISeeSection({ grants, onChanged, onApiError }: { grants: ProxyGrantView[]; onChanged: () => void; onApiError: OnApiError }) {
  const { t } = useTranslation('proxies');
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const open = grants.filter((g) => g.status !== 'ended');
  return (
    <Section title={t('theirs.title')} headingRef={heading}>
      <p role="status" className={status ? 'notice notice--success' : undefined}>
        {status}
      </p>
      {open.length === 0 ? <p>{t('theirs.empty')}</p> : null}
      {open.length > 0 ? (
        <ul className="proxy-list">
          {open.map((grant) => (
            <RecordISee
              key={grant.id} grant={grant} onApiError={onApiError}
              onStopped={(message) => {
                setStatus(message);
                onChanged();
                heading.current?.focus();
              }}
            />
          ))}
        </ul>
      ) : null}
    </Section>
  );
}

function RecordISee({ grant, onStopped, onApiError }: { grant: ProxyGrantView; onStopped: (message: string) => void; onApiError: OnApiError }) {
  const { t } = useTranslation('proxies');
  const tc = useTranslation('common').t;
  const { me, setMe } = useSession();
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const stopButton = useRef<HTMLButtonElement>(null);

  async function stop() {
    setPending(true);
    setError(null);
    try {
      await proxiesApi.endGrant(grant.id);
      // The switcher drops the record at once.
      if (me) setMe(await getMe().catch(() => me));
      onStopped(t('theirs.stopped', { name: grant.name }));
    } catch (failure) {
      onApiError(failure);
      setError(errorMessage(failure, tc));
      setPending(false);
    }
  }

  return (
    <GrantDetails grant={grant} ageNote={t('theirs.limitedByAge', { name: grant.name })}>
      {confirming ? (
        <ConfirmStep
          question={t('theirs.confirmStop', { name: grant.name })} yes={t('theirs.confirmStopYes')} no={t('mine.keep')}
          isPending={pending} error={error} onYes={() => void stop()}
          onNo={() => {
            setConfirming(false);
            requestAnimationFrame(() => stopButton.current?.focus());
          }}
        />
      ) : (
        <div className="actions">
          <button ref={stopButton} type="button" className="button button--secondary" aria-label={t('theirs.stopNamed', { name: grant.name })} onClick={() => setConfirming(true)}>
            {t('theirs.stop')}
          </button>
        </div>
      )}
    </GrantDetails>
  );
}

/** The organization's age rules, in words. */
export function RulesSection({ rules }: { rules: ProxyOverview['rules'] }) {
  const { t, i18n } = useTranslation('proxies');
  const teenList = listInWords(featuresToName(rules.adolescentParentFeatures).map((f) => t(`feature.${f}`)), i18n.resolvedLanguage ?? 'en');
  return (
    <Section title={t('rules.title')}>
      <ul className="rules-list">
        <li>{t('rules.child', { teen: rules.adolescentAge })}</li>
        {rules.adolescentAge < rules.adultAge ? (
          <li>{t('rules.teen', { teen: rules.adolescentAge, lastTeen: rules.adultAge - 1, list: teenList || t('canDoNothing') })}</li>
        ) : null}
        <li>{t('rules.ownAccount', { age: rules.ownAccountMinAge })}</li>
        <li>{t('rules.adult', { age: rules.adultAge })}</li>
        <li>{t('rules.caregiver')}</li>
      </ul>
    </Section>
  );
}
