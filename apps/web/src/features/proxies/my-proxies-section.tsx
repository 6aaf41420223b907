import { useRef, useState } from 'react';
import type { ProxyGrantView } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message.ts';
import { Section } from '../account/section.tsx';
import { ConfirmStep } from './confirm-step.tsx';
import { GrantChangeForm } from './grant-change-form.tsx';
import { GrantDetails } from './grant-details.tsx';
import { useFormatDay } from './form-bits.tsx';
import { proxiesApi } from './proxies-api.ts';

type Props = { grants: ProxyGrantView[]; canChange: boolean; onChanged: () => void; onApiError: (error: unknown) => void };

/** "People who can see your record": each proxy with Change and Remove (with a confirm step). */
export function MyProxiesSection({ grants, canChange, onChanged, onApiError }: Props) {
  const { t } = useTranslation('proxies');
  const day = useFormatDay();
  const [status, setStatus] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const open = grants.filter((g) => g.status !== 'ended');
  const ended = grants.filter((g) => g.status === 'ended' && g.endsAt);

  return (
    <Section title={t('mine.title')} headingRef={heading}>
      <p role="status" className={status ? 'notice notice--success' : undefined}>
        {status}
      </p>
      {open.length === 0 ? <p>{t('mine.empty')}</p> : null}
      {open.length > 0 ? (
        <ul className="proxy-list">
          {open.map((grant) => (
            <MyProxy
              key={grant.id} grant={grant} canChange={canChange} onApiError={onApiError}
              onDone={(message) => {
                setStatus(message);
                onChanged();
              }}
              onRemoved={(message) => {
                setStatus(message);
                onChanged();
                // The item is gone; the section heading keeps the reader's place.
                heading.current?.focus();
              }}
            />
          ))}
        </ul>
      ) : null}
      {ended.length > 0 ? (
        <>
          <h3 className="card__subtitle">{t('mine.ended')}</h3>
          <ul>
            {ended.map((g) => (
              <li key={g.id}>{t('mine.endedItem', { name: g.name, why: t(`endedReason.${g.endedReason ?? 'revoked'}`), date: day(g.endsAt!) })}</li>
            ))}
          </ul>
        </>
      ) : null}
    </Section>
  );
}

type MyProxyProps = {
  grant: ProxyGrantView;
  canChange: boolean;
  onDone: (message: string) => void;
  onRemoved: (message: string) => void;
  onApiError: (error: unknown) => void;
};

function MyProxy({ grant, canChange, onDone, onRemoved, onApiError }: MyProxyProps) {
  const { t } = useTranslation('proxies');
  const tc = useTranslation('common').t;
  const [mode, setMode] = useState<'view' | 'change' | 'remove'>('view');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const changeButton = useRef<HTMLButtonElement>(null);

  async function remove() {
    setPending(true);
    setError(null);
    try {
      await proxiesApi.endGrant(grant.id);
      onRemoved(t('mine.removed', { name: grant.name }));
    } catch (failure) {
      onApiError(failure);
      setError(errorMessage(failure, tc));
      setPending(false);
    }
  }

  const back = () => {
    setMode('view');
    requestAnimationFrame(() => changeButton.current?.focus());
  };

  return (
    <GrantDetails grant={grant} ageNote={t('mine.limitedByAge')}>
      {mode === 'view' ? (
        <div className="actions">
          {canChange ? (
            <button ref={changeButton} type="button" className="button button--secondary" aria-label={t('mine.changeNamed', { name: grant.name })} onClick={() => setMode('change')}>
              {t('mine.change')}
            </button>
          ) : null}
          <button type="button" className="button button--secondary" aria-label={t('mine.removeNamed', { name: grant.name })} onClick={() => setMode('remove')}>
            {t('mine.remove')}
          </button>
        </div>
      ) : null}
      {mode === 'change' ? (
        <GrantChangeForm
          grant={grant} onApiError={onApiError} onCancel={back}
          onSaved={(saved) => {
            setMode('view');
            onDone(t('mine.changed', { name: saved.name }));
          }}
        />
      ) : null}
      {mode === 'remove' ? (
        <ConfirmStep
          question={t('mine.confirmRemove', { name: grant.name })} yes={t('mine.confirmRemoveYes')} no={t('mine.keep')}
          isPending={pending} error={error} onYes={() => void remove()} onNo={back}
        />
      ) : null}
    </GrantDetails>
  );
}
