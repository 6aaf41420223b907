import { useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { InsuranceUpdate, SubscriberRelationship } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { ChoiceGroup, ErrorSummary, Field, InputField } from '../../components/native-fields.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import { sendInsuranceUpdate } from './insurance-api.ts';

const RELATIONSHIPS: SubscriberRelationship[] = ['self', 'spouse', 'child', 'other'];
const PHOTO_TYPES = new Set(['image/jpeg', 'image/png', 'image/heic', 'image/heif']);
const PHOTO_EXTENSIONS = /\.(jpe?g|png|heic|heif)$/i;
const MAX_BYTES = 10 * 1024 * 1024;

type Text = 'payerName' | 'memberId' | 'groupNumber' | 'subscriberName';
type Key = Text | 'relationship' | 'front' | 'back';

/**
 * "Update my insurance": what the new card says and a photo of each side. Checked here first
 * (required fields, picture type and size, as the server checks them by content), then sent for
 * staff review. Problems are listed at the top, each linking to its field.
 */
export function InsuranceUpdateForm({ onSent, onCancel, onApiError }: { onSent: (update: InsuranceUpdate) => void; onCancel: () => void; onApiError: (error: unknown) => void }) {
  const { t } = useTranslation('insurance');
  const id = useId();
  const [text, setText] = useState<Record<Text, string>>({ payerName: '', memberId: '', groupNumber: '', subscriberName: '' });
  const [relationship, setRelationship] = useState<SubscriberRelationship | ''>('');
  const [photos, setPhotos] = useState<{ front: File | null; back: File | null }>({ front: null, back: null });
  const [checked, setChecked] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);
  const server = useServerForm(onApiError);
  const fieldId = (key: Key) => (key === 'relationship' ? `${id}-relationship-self` : `${id}-${key}`);

  const photoProblem = (side: 'front' | 'back'): string | null => {
    const file = photos[side];
    if (!file) return t(`form.missing.${side}`);
    if (!PHOTO_TYPES.has(file.type) && !PHOTO_EXTENSIONS.test(file.name)) return t('form.photoType');
    return file.size > MAX_BYTES ? t('form.photoSize') : null;
  };
  const local: Partial<Record<Key, string | null>> = {
    payerName: text.payerName.trim() ? null : t('form.missing.payerName'),
    memberId: text.memberId.trim() ? null : t('form.missing.memberId'),
    subscriberName: text.subscriberName.trim() ? null : t('form.missing.subscriberName'),
    relationship: relationship ? null : t('form.missing.relationship'),
    front: photoProblem('front'),
    back: photoProblem('back'),
  };
  const errorOf = (key: Key): string | null => (checked ? local[key] ?? null : null) ?? server.errors[key] ?? null;
  const keys: Key[] = ['payerName', 'memberId', 'groupNumber', 'subscriberName', 'relationship', 'front', 'back'];
  const problems = keys.map((key) => ({ id: fieldId(key), text: errorOf(key) })).filter((p): p is { id: string; text: string } => !!p.text);

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (server.pending) return;
    setChecked(true);
    if (Object.values(local).some(Boolean) || !relationship || !photos.front || !photos.back) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    const input = { payerName: text.payerName.trim(), memberId: text.memberId.trim(), groupNumber: text.groupNumber.trim(), subscriberName: text.subscriberName.trim(), relationship };
    const result = await server.run(() => sendInsuranceUpdate(input, photos.front!, photos.back!));
    if (result.ok) onSent(result.value);
    else requestAnimationFrame(() => summaryRef.current?.focus());
  }

  const textField = (key: Text, hint?: string, autoComplete?: string) => (
    <InputField id={fieldId(key)} label={t(`form.${key}`)} hint={hint} name={key} value={text[key]} maxLength={key === 'payerName' || key === 'subscriberName' ? 120 : 40}
      isRequired={key !== 'groupNumber'} autoComplete={autoComplete} error={errorOf(key)} onChange={(value) => setText((v) => ({ ...v, [key]: value }))} />
  );
  const photoField = (side: 'front' | 'back') => (
    <Field id={fieldId(side)} label={t(`form.${side}`)} hint={t('form.photoHint')} error={errorOf(side)}>
      {(props) => (
        <input {...props} type="file" name={side} className="field__input" accept="image/jpeg,image/png,image/heic,.heic" aria-required="true"
          onChange={(event) => { const file = event.target.files?.[0] ?? null; setPhotos((p) => ({ ...p, [side]: file })); }} />
      )}
    </Field>
  );

  return (
    <form ref={server.formRef} className="insurance-form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="card__title">{t('form.title')}</h2>
      <p>{t('form.intro')}</p>
      <ErrorSummary title={t('form.problems')} problems={problems} summaryRef={summaryRef} message={server.message} />
      {textField('payerName')}
      {textField('memberId', t('form.memberIdHint'), 'off')}
      {textField('groupNumber', undefined, 'off')}
      {textField('subscriberName', t('form.subscriberHint'), 'name')}
      <ChoiceGroup legend={t('form.relationship')} error={errorOf('relationship') ?? undefined}>
        {RELATIONSHIPS.map((r) => (
          <label key={r} className="checkbox">
            <input id={`${id}-relationship-${r}`} type="radio" name="relationship" value={r} checked={relationship === r} onChange={() => setRelationship(r)} />
            {t(`relationship.${r}`)}
          </label>
        ))}
      </ChoiceGroup>
      {photoField('front')}
      {photoField('back')}
      <div className="actions">
        <button type="submit" className="button button--primary" aria-disabled={server.pending || undefined}>
          {server.pending ? t('form.sending') : t('form.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>{t('form.cancel')}</button>
      </div>
    </form>
  );
}
