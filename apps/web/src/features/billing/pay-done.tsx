import { useEffect, useId, useRef } from 'react';
import type { PaymentView } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useMoney } from './use-money.ts';

/**
 * After paying: what was asked for (from the server's answer, so a repeated request shows the one
 * payment it made) and what happens next. Takes focus so screen readers hear it at once.
 */
export function PayDone({ payment, card }: { payment: PaymentView; card: 'no' | 'paid' | 'processing' }) {
  const { t } = useTranslation('billing');
  const { money } = useMoney();
  const titleId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const amount = money(payment.amount);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const next = card === 'no' ? [t('done.frontDeskNext1'), t('done.frontDeskNext2', { amount }), t('done.frontDeskNext3')] : [t('done.cardNext1'), t('done.cardNext2')];
  return (
    <section aria-labelledby={titleId} className="card card--important billing-done">
      <h2 id={titleId} ref={headingRef} tabIndex={-1} className="card__title">
        {card === 'no' ? t('done.frontDeskTitle') : t('done.cardTitle')}
      </h2>
      <p className="notice notice--success">
        {card === 'no' ? t('done.frontDesk', { amount }) : card === 'paid' ? t('done.card', { amount }) : t('done.cardProcessing', { amount })}
      </p>
      <h3 className="card__subtitle">{t('done.nextTitle')}</h3>
      <ol>
        {next.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ol>
    </section>
  );
}
