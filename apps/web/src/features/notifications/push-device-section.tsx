import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationPreferences } from '@ourchart/contracts';
import { isStatus } from '../account/use-signed-in.ts';
import { addPushSubscription, removePushSubscription } from './notifications-api.ts';
import { currentSubscription, PushDenied, pushSupported, subscribeThisDevice } from './push-device.ts';

type State = 'checking' | 'on' | 'off' | 'unsupported' | 'not-set-up';

/** Turns alerts on or off for this browser (web push). Which kinds are pushed is set above. */
export function PushDevice({ prefs, onChange }: { prefs: NotificationPreferences; onChange: (p: NotificationPreferences) => void }) {
  const { t } = useTranslation('notifications');
  const [state, setState] = useState<State>('checking');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<'pushDenied' | 'pushFailed' | null>(null);

  useEffect(() => {
    if (!prefs.pushPublicKey) return setState('not-set-up');
    if (!pushSupported()) return setState('unsupported');
    currentSubscription().then(
      (sub) => setState(sub ? 'on' : 'off'),
      () => setState('off'),
    );
  }, [prefs.pushPublicKey]);

  const turnOn = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const sub = await subscribeThisDevice(prefs.pushPublicKey!);
      onChange(await addPushSubscription(sub));
      setState('on');
    } catch (error) {
      setProblem(error instanceof PushDenied ? 'pushDenied' : 'pushFailed');
      if (isStatus(error, 401)) setProblem('pushFailed');
    } finally {
      setBusy(false);
    }
  };
  const turnOff = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const sub = await currentSubscription();
      if (sub) {
        onChange(await removePushSubscription(sub.endpoint));
        await sub.unsubscribe();
      }
      setState('off');
    } catch {
      setProblem('pushFailed');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="push-heading" className="card notification-settings__device">
      <h2 id="push-heading">{t('settings.pushHeading')}</h2>
      <p>{t('settings.pushIntro')}</p>
      {state === 'not-set-up' ? <p className="notice">{t('settings.pushNotSetUp')}</p> : null}
      {state === 'unsupported' ? <p className="notice">{t('settings.pushUnsupported')}</p> : null}
      {state === 'on' || state === 'off' ? (
        <>
          <p role="status">{state === 'on' ? t('settings.pushOn') : t('settings.pushOff')}</p>
          <button type="button" className="button button--secondary" disabled={busy} onClick={() => void (state === 'on' ? turnOff() : turnOn())}>
            {busy ? t('settings.pushWorking') : state === 'on' ? t('settings.pushTurnOff') : t('settings.pushTurnOn')}
          </button>
        </>
      ) : null}
      {problem ? (
        <p role="alert" className="notice notice--error">
          {t(`settings.${problem}`)}
        </p>
      ) : null}
      {prefs.pushDevices > 0 ? <p>{t('settings.devices', { count: prefs.pushDevices })}</p> : null}
    </section>
  );
}
