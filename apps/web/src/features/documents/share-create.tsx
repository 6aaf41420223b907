import { useRef, useState, type FormEvent } from 'react';
import type { CreatedShare } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/error-message.ts';
import { documentsApi } from './documents-api.ts';
import { checkRange, defaultRange, DURATIONS, RangeFields, type Range } from './range-fields.tsx';

/** Makes a share link and shows it (and its access code) this one time, with a copy button. */
export function ShareCreate({ patientId, onCreated }: { patientId: string | null; onCreated: () => void }) {
  const { t } = useTranslation('documents');
  const { t: tc } = useTranslation('common');
  const [label, setLabel] = useState('');
  const [range, setRange] = useState<Range>(defaultRange);
  const [hours, setHours] = useState<(typeof DURATIONS)[number]>('168');
  const [withCode, setWithCode] = useState(false);
  const [errors, setErrors] = useState<{ from?: string; to?: string }>({});
  const [pending, setPending] = useState(false);
  const [created, setCreated] = useState<CreatedShare | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const resultRef = useRef<HTMLParagraphElement>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const found = checkRange(range);
    setErrors({ from: found.from && t(`range.errors.${found.from}`), to: found.to && t(`range.errors.${found.to}`) });
    if (found.from || found.to) return;
    setPending(true);
    setProblem(null);
    setCopied(false);
    try {
      const share = await documentsApi.createShare(patientId, { ...range, expiresInHours: Number(hours), withCode, ...(label.trim() ? { label: label.trim() } : {}) });
      setCreated(share);
      setLabel('');
      onCreated();
      setTimeout(() => resultRef.current?.focus(), 0);
    } catch (error) {
      setProblem(errorMessage(error, tc));
    } finally {
      setPending(false);
    }
  }

  async function copy() {
    if (!created) return;
    await navigator.clipboard?.writeText(created.url).then(() => setCopied(true), () => setCopied(false));
  }

  return (
    <>
      <form className="inline-form" noValidate onSubmit={submit}>
        <div className="field">
          <label className="field__label" htmlFor="share-label">{t('share.label')}</label>
          <p id="share-label-hint" className="field__hint">{t('share.labelHint')}</p>
          <input id="share-label" className="field__input" maxLength={80} value={label} aria-describedby="share-label-hint" onChange={(e) => setLabel(e.target.value)} />
        </div>
        <RangeFields id="share" range={range} onChange={setRange} errors={errors} />
        <div className="field">
          <label className="field__label" htmlFor="share-hours">{t('share.expires')}</label>
          <select id="share-hours" className="field__input field__input--short" value={hours} onChange={(e) => setHours(e.target.value as typeof hours)}>
            {DURATIONS.map((d) => <option key={d} value={d}>{t(`durations.${d}`)}</option>)}
          </select>
        </div>
        <div className="choice">
          <input id="share-code" type="checkbox" checked={withCode} aria-describedby="share-code-hint" onChange={(e) => setWithCode(e.target.checked)} />
          <label htmlFor="share-code">
            <span className="choice__label">{t('share.withCode')}</span>
            <span id="share-code-hint" className="field__hint choice__hint">{t('share.withCodeHint')}</span>
          </label>
        </div>
        <div role="alert" className="form-alert">{problem ? <p className="notice notice--error">{problem}</p> : null}</div>
        <div className="actions">
          <button type="submit" className="button button--primary" aria-disabled={pending || undefined}>{pending ? t('share.pending') : t('share.create')}</button>
        </div>
      </form>
      {created ? (
        <div className="notice notice--success share-result">
          <p ref={resultRef} tabIndex={-1}>{t('share.created')}</p>
          <div className="field">
            <label className="field__label" htmlFor="share-url">{t('share.linkLabel')}</label>
            <input id="share-url" className="field__input share-result__url" readOnly value={created.url} onFocus={(e) => e.target.select()} />
          </div>
          {created.code ? (
            <p>
              {t('share.codeLabel')}: <strong className="share-result__code">{created.code}</strong>
            </p>
          ) : null}
          <div className="actions">
            <button type="button" className="button button--secondary" onClick={copy}>{t('share.copy')}</button>
          </div>
          <p role="status">{copied ? t('share.copied') : ''}</p>
        </div>
      ) : null}
    </>
  );
}
