import { useCallback, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { CorrectionRequest } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { FormAlert, SubmitButton, useSubmit } from '../account/fields.tsx';
import { isStatus } from '../account/use-signed-in.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { askForCorrection, listCorrections } from './corrections-api.ts';
import { LIMITS, isLongEnough, typeLabel } from './correction-words.ts';
import { TextAreaField } from '../../components/native-fields.tsx';

type CorrectionFormProps = {
  /** "Condition/abc", from the page address. */
  item: string;
  patientId: string | undefined;
  onSent: (request: CorrectionRequest) => void;
  onApiError: (error: unknown) => void;
};

type Field = 'whatIsWrong' | 'shouldSay';

/**
 * "Ask for a correction" for one item: its name (read through the API, so an item that is not in
 * this record is refused), two questions, and a confirmation that replaces the form once sent.
 */
export function CorrectionForm({ item, patientId, onSent, onApiError }: CorrectionFormProps) {
  const { t } = useTranslation('corrections');
  const target = useApi(useCallback(() => listCorrections({ item, patientId }), [item, patientId]));
  const [values, setValues] = useState<Record<Field, string>>({ whatIsWrong: '', shouldSay: '' });
  const [submitted, setSubmitted] = useState(false);
  const [sent, setSent] = useState<CorrectionRequest | null>(null);
  const { isPending, failure, failureText, run } = useSubmit(onApiError);
  const refs = { whatIsWrong: useRef<HTMLTextAreaElement>(null), shouldSay: useRef<HTMLTextAreaElement>(null) };
  const sentRef = useRef<HTMLParagraphElement>(null);

  if (target.status === 'loading') return <Loading text={t('form.itemLoading')} />;
  if (target.status === 'error') {
    if (isStatus(target.error, 404)) return <p className="notice notice--error">{t('form.notFound')}</p>;
    return <LoadFailed error={target.error} onRetry={target.reload} />;
  }
  const { item: info, requests } = target.data;
  const name = info ? `${typeLabel(t, info.resourceType)}: ${info.name}` : item;

  const problems: Record<Field, string | null> = {
    whatIsWrong: isLongEnough(values.whatIsWrong, LIMITS.whatIsWrong) ? null : t('form.whatIsWrongMissing'),
    shouldSay: isLongEnough(values.shouldSay, LIMITS.shouldSay) ? null : t('form.shouldSayMissing'),
  };
  const shown = submitted ? problems : { whatIsWrong: null, shouldSay: null };
  const summary = (Object.keys(problems) as Field[]).map((key) => shown[key]).filter((p): p is string => Boolean(p));

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (isPending) return;
    setSubmitted(true);
    const first = (Object.keys(problems) as Field[]).find((key) => problems[key]);
    if (first) {
      refs[first].current?.focus();
      return;
    }
    const result = await run(() => askForCorrection({ item, whatIsWrong: values.whatIsWrong.trim(), shouldSay: values.shouldSay.trim() }, patientId));
    if (result.ok) {
      setSent(result.value);
      onSent(result.value);
      // The form goes away; the confirmation takes focus so nobody is left on a removed button.
      requestAnimationFrame(() => sentRef.current?.focus());
    }
  }

  const hasOpen = requests.some((r) => r.status === 'open');
  const alreadyOpen = isStatus(failure, 409) ? t('form.alreadyOpen') : null;
  return (
    <div className="inline-form">
      <p className="correction-target">
        <span className="strong">{t('form.item')}:</span> {name}
      </p>
      {sent ? (
        <p ref={sentRef} tabIndex={-1} role="status" className="notice notice--success">
          {t('form.sent', { name: sent.item.name })}
        </p>
      ) : hasOpen ? (
        <p className="notice">{t('form.alreadyOpen')}</p>
      ) : (
        <form className="inline-form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={t('form.title')}>
          <FormAlert message={alreadyOpen ?? failureText} problems={summary} />
          <TextAreaField
            label={t('form.whatIsWrong')} hint={t('form.whatIsWrongHint')} name="whatIsWrong" maxLength={LIMITS.max}
            value={values.whatIsWrong} onChange={(v) => setValues({ ...values, whatIsWrong: v })} error={shown.whatIsWrong} textareaRef={refs.whatIsWrong}
          />
          <TextAreaField
            label={t('form.shouldSay')} hint={t('form.shouldSayHint')} name="shouldSay" maxLength={LIMITS.max}
            value={values.shouldSay} onChange={(v) => setValues({ ...values, shouldSay: v })} error={shown.shouldSay} textareaRef={refs.shouldSay}
          />
          <div className="actions">
            <SubmitButton isPending={isPending} label={t('form.submit')} pendingLabel={t('form.sending')} />
          </div>
        </form>
      )}
    </div>
  );
}
