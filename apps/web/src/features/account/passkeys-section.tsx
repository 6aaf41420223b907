import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { passkeyOptions, removePasskey, verifyPasskey } from './account-api.ts';
import type { Passkey } from './account-api.ts';
import { ConfirmPassword } from './confirm-password.tsx';
import { FormAlert, FormStatus, SubmitButton, TextInput, useSubmit } from './fields.tsx';
import { formatDateTime } from './format.ts';
import { Section } from './section.tsx';

type PasskeysSectionProps = {
  passkeys: readonly Passkey[];
  onChanged: () => void;
  onRecoveryCodes: (codes: string[]) => void;
  onApiError: (error: unknown) => void;
};

/** The browser said no: the person cancelled, the prompt timed out, or the key was already added. */
class PasskeyCancelled extends Error {}

async function createPasskey(name: string) {
  // Loaded only when someone adds a passkey, so the page stays small.
  const { startRegistration } = await import('@simplewebauthn/browser');
  const { options } = await passkeyOptions();
  let response: unknown;
  try {
    response = await startRegistration({ optionsJSON: options as unknown as Parameters<typeof startRegistration>[0]['optionsJSON'] });
  } catch (cause) {
    throw new PasskeyCancelled('cancelled', { cause });
  }
  return verifyPasskey(response, name.trim() || undefined);
}

/** Passkeys: list, add with the device's screen lock, remove with the password. */
export function PasskeysSection({ passkeys, onChanged, onRecoveryCodes, onApiError }: PasskeysSectionProps) {
  const { t, i18n } = useTranslation('account');
  const locale = i18n.resolvedLanguage ?? 'en';
  const [name, setName] = useState('');
  const [removing, setRemoving] = useState<Passkey | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const adding = useSubmit(onApiError);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const supported = typeof window !== 'undefined' && 'PublicKeyCredential' in window;

  async function handleAdd(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (adding.isPending) return;
    setDone(null);
    const result = await adding.run(() => createPasskey(name));
    if (!result.ok) return;
    setName('');
    setDone(t('passkeys.added', { name: result.value.passkey.name }));
    onChanged();
    if (result.value.recoveryCodes) onRecoveryCodes(result.value.recoveryCodes);
  }

  const addFailure = adding.failure instanceof PasskeyCancelled ? t('passkeys.cancelled') : adding.failureText;

  return (
    <Section title={t('passkeys.title')} headingRef={headingRef}>
      <p>{t('passkeys.intro')}</p>
      <FormStatus message={done} />
      {passkeys.length === 0 ? (
        <p>{t('passkeys.none')}</p>
      ) : (
        <ul className="item-list">
          {passkeys.map((passkey) => (
            <li key={passkey.id} className="item">
              <p className="item__name">{passkey.name}</p>
              <p className="item__detail">{t('passkeys.created', { date: formatDateTime(passkey.createdAt, locale) })}</p>
              <p className="item__detail">
                {passkey.lastUsedAt
                  ? t('passkeys.lastUsed', { date: formatDateTime(passkey.lastUsedAt, locale) })
                  : t('passkeys.neverUsed')}
              </p>
              {removing?.id === passkey.id ? (
                <ConfirmPassword
                  intro={t('passkeys.removeIntro', { name: passkey.name })}
                  submitLabel={t('passkeys.remove')}
                  onApiError={onApiError}
                  onCancel={() => setRemoving(null)}
                  onConfirm={async (password) => {
                    await removePasskey(passkey.id, password);
                    setRemoving(null);
                    setDone(t('passkeys.removed', { name: passkey.name }));
                    onChanged();
                    headingRef.current?.focus();
                  }}
                />
              ) : (
                <button
                  type="button"
                  className="button button--secondary"
                  aria-label={t('passkeys.removeNamed', { name: passkey.name })}
                  onClick={() => { setDone(null); setRemoving(passkey); }}
                >
                  {t('passkeys.remove')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}

      {supported ? (
        <form className="inline-form" onSubmit={(event) => void handleAdd(event)} noValidate>
          <h3 className="card__subtitle">{t('passkeys.addTitle')}</h3>
          <FormAlert message={addFailure} />
          <TextInput
            label={t('passkeys.nameLabel')}
            description={t('passkeys.nameHint')}
            name="passkey-name"
            autoComplete="off"
            maxLength={60}
            value={name}
            onChange={setName}
          />
          <div className="actions">
            <SubmitButton isPending={adding.isPending} label={t('passkeys.add')} pendingLabel={t('passkeys.adding')} />
          </div>
        </form>
      ) : (
        <p>{t('passkeys.notSupported')}</p>
      )}
    </Section>
  );
}
