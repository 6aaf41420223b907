import { useRef, useState, type FormEvent } from 'react';
import type { ExportFormat } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message.ts';
import { Section } from '../account/section.tsx';
import { documentsApi } from './documents-api.ts';
import { FormatChoice } from './format-choice.tsx';
import { checkRange, defaultRange, DURATIONS, formatDay, formatMoment, RangeFields, type Range } from './range-fields.tsx';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * "Send your record": an email address, dates, file type and how long the link works, then a
 * confirm step that says exactly what will be sent, to whom and until when, before anything goes.
 */
export function SendSection({ patientId, onSent }: { patientId: string | null; onSent: () => void }) {
  const { t, i18n } = useTranslation('documents');
  const { t: tc } = useTranslation('common');
  const locale = i18n.resolvedLanguage ?? 'en';
  const [email, setEmail] = useState('');
  const [message, setMessage] = useState('');
  const [range, setRange] = useState<Range>(defaultRange);
  const [format, setFormat] = useState<ExportFormat>('pdf');
  const [hours, setHours] = useState<(typeof DURATIONS)[number]>('168');
  const [errors, setErrors] = useState<{ email?: string; from?: string; to?: string }>({});
  const [step, setStep] = useState<'edit' | 'confirm' | 'pending'>('edit');
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const confirmRef = useRef<HTMLHeadingElement>(null);

  function review(event: FormEvent) {
    event.preventDefault();
    const found = checkRange(range);
    const next = {
      email: EMAIL.test(email.trim()) ? undefined : t('send.errors.email'),
      from: found.from && t(`range.errors.${found.from}`),
      to: found.to && t(`range.errors.${found.to}`),
    };
    setErrors(next);
    setResult(null);
    if (next.email || next.from || next.to) return;
    setStep('confirm');
    // Move focus to the summary so keyboard and screen-reader users land on what they must check.
    setTimeout(() => confirmRef.current?.focus(), 0);
  }

  async function send() {
    if (step === 'pending') return;
    setStep('pending');
    try {
      await documentsApi.transmit(patientId, { email: email.trim(), format, ...range, expiresInHours: Number(hours), ...(message.trim() ? { message: message.trim() } : {}) });
      setResult({ ok: true, text: t('send.done', { email: email.trim() }) });
      setEmail('');
      setMessage('');
      setStep('edit');
      onSent();
    } catch (error) {
      setResult({ ok: false, text: errorMessage(error, tc) });
      setStep('confirm');
    }
  }

  const until = formatMoment(new Date(Date.now() + Number(hours) * 3_600_000).toISOString(), locale);
  return (
    <Section title={t('send.title')}>
      <p>{t('send.intro')}</p>
      {step === 'edit' ? (
        <form className="inline-form" noValidate onSubmit={review}>
          <div className="field">
            <label className="field__label" htmlFor="send-email">{t('send.email')}</label>
            <p id="send-email-hint" className="field__hint">{t('send.emailHint')}</p>
            <input
              id="send-email" name="email" type="email" inputMode="email" autoComplete="off" autoCapitalize="none" spellCheck={false}
              className="field__input" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={254}
              aria-invalid={errors.email ? true : undefined} aria-describedby={`send-email-hint${errors.email ? ' send-email-error' : ''}`}
            />
            {errors.email ? <p id="send-email-error" className="field__error">{errors.email}</p> : null}
          </div>
          <RangeFields id="send" range={range} onChange={setRange} errors={errors} />
          <FormatChoice id="send" value={format} onChange={setFormat} />
          <div className="field">
            <label className="field__label" htmlFor="send-hours">{t('send.expires')}</label>
            <select id="send-hours" className="field__input field__input--short" value={hours} onChange={(e) => setHours(e.target.value as typeof hours)}>
              {DURATIONS.map((d) => <option key={d} value={d}>{t(`durations.${d}`)}</option>)}
            </select>
          </div>
          <div className="field">
            <label className="field__label" htmlFor="send-message">{t('send.message')}</label>
            <p id="send-message-hint" className="field__hint">{t('send.messageHint')}</p>
            <textarea id="send-message" className="field__input" rows={3} maxLength={500} value={message} aria-describedby="send-message-hint" onChange={(e) => setMessage(e.target.value)} />
          </div>
          <div className="actions">
            <button type="submit" className="button button--primary">{t('send.next')}</button>
          </div>
        </form>
      ) : (
        <div className="confirm-box">
          <h3 ref={confirmRef} tabIndex={-1} className="card__subtitle">{t('send.confirmTitle')}</h3>
          <p>
            {t('send.confirmText', {
              email: email.trim(), from: formatDay(range.from, locale), to: formatDay(range.to, locale),
              format: t(`formats.${format}`), duration: t(`durations.${hours}`), until,
            })}
          </p>
          <div className="actions">
            <button type="button" className="button button--primary" aria-disabled={step === 'pending' || undefined} onClick={send}>
              {step === 'pending' ? t('send.pending') : t('send.confirm')}
            </button>
            <button type="button" className="button button--secondary" onClick={() => setStep('edit')}>{t('send.back')}</button>
          </div>
        </div>
      )}
      <div role="status" className="form-alert">{result?.ok ? <p className="notice notice--success">{result.text}</p> : null}</div>
      <div role="alert" className="form-alert">{result && !result.ok ? <p className="notice notice--error">{result.text}</p> : null}</div>
    </Section>
  );
}
