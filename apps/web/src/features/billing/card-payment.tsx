import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { Stripe, StripeElements } from '@stripe/stripe-js';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { Loading } from '../account/status-notices.tsx';
import { useMoney } from './use-money.ts';

type Props = {
  publishableKey: string;
  /** The PaymentIntent's client secret from POST /api/billing/payments. */
  clientSecret: string;
  amount: number;
  /** `processing`: the bank has not confirmed yet (the webhook will). */
  onPaid: (processing: boolean) => void;
};

/**
 * The card step: Stripe's Payment Element (its own secure frame, loaded from js.stripe.com only
 * now, so the rest of the app never downloads it) and one button that confirms the PaymentIntent.
 * The balance changes when Stripe's signed webhook reaches the server, not here.
 */
export function CardPayment({ publishableKey, clientSecret, amount, onPaid }: Props) {
  const { t, i18n } = useTranslation('billing');
  const { money } = useMoney();
  const titleId = useId();
  const mountRef = useRef<HTMLDivElement>(null);
  const stripeRef = useRef<{ stripe: Stripe; elements: StripeElements } | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>('loading');
  const [paying, setPaying] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const language = i18n.resolvedLanguage === 'es' ? 'es' : 'en';

  useEffect(() => {
    let cancelled = false;
    let destroy = () => undefined as void;
    import('@stripe/stripe-js')
      .then(({ loadStripe }) => loadStripe(publishableKey))
      .then((stripe) => {
        if (cancelled || !mountRef.current) return;
        if (!stripe) throw new Error('Stripe did not load');
        const elements = stripe.elements({ clientSecret, locale: language });
        const element = elements.create('payment');
        element.on('ready', () => setState('ready'));
        element.mount(mountRef.current);
        stripeRef.current = { stripe, elements };
        destroy = () => element.destroy();
      })
      .catch(() => {
        if (!cancelled) setState('failed');
      });
    return () => {
      cancelled = true;
      destroy();
    };
  }, [publishableKey, clientSecret, language]);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const loaded = stripeRef.current;
    if (!loaded || paying || state !== 'ready') return;
    setPaying(true);
    setError(null);
    const result = await loaded.stripe.confirmPayment({
      elements: loaded.elements,
      redirect: 'if_required',
      confirmParams: { return_url: `${window.location.origin}/billing` },
    });
    setPaying(false);
    if (result.error) setError(t('card.failed', { reason: result.error.message ?? '' }));
    else onPaid(result.paymentIntent.status !== 'succeeded');
  }

  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId} className="card__title">
        {t('card.title')}
      </h2>
      <form className="inline-form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-labelledby={titleId}>
        <FormAlert message={state === 'failed' ? t('card.loadFailed') : error} />
        {state === 'loading' ? <Loading text={t('card.loading')} /> : null}
        <div ref={mountRef} className="billing-card-element" />
        <div className="actions">
          <button type="submit" className="button button--primary" aria-disabled={paying || state !== 'ready' || undefined}>
            {paying ? t('card.paying') : t('card.pay', { amount: money(amount) })}
          </button>
        </div>
      </form>
    </section>
  );
}
