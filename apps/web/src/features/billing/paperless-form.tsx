import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../components/form-alert.tsx';
import { useServerForm } from '../../components/use-server-form.ts';
import { useSignedIn } from '../account/use-signed-in.ts';
import { setPaperless } from './billing-api.ts';

/** Paper or paperless statements: a checkbox and Save, with what was saved said in words. */
export function PaperlessForm({ paperless }: { paperless: boolean }) {
  const { t } = useTranslation('billing');
  const { onApiError } = useSignedIn();
  const [checked, setChecked] = useState(paperless);
  const [saved, setSaved] = useState<boolean | null>(null);
  const { pending, message, run, formRef } = useServerForm(onApiError);
  const titleId = useId();
  const boxId = useId();

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    setSaved(null);
    const result = await run(() => setPaperless({ paperless: checked }));
    if (result.ok) setSaved(result.value.paperless);
  }

  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId} className="card__title">
        {t('paperless.title')}
      </h2>
      <form ref={formRef} className="inline-form" onSubmit={(event) => void handleSubmit(event)} noValidate aria-labelledby={titleId}>
        <FormAlert message={message} />
        <div className="checkbox">
          <input id={boxId} type="checkbox" checked={checked} onChange={(event) => setChecked(event.target.checked)} />
          <label htmlFor={boxId}>{t('paperless.label')}</label>
        </div>
        <div className="actions">
          <button type="submit" className="button button--secondary" aria-disabled={pending || undefined}>
            {pending ? t('paperless.saving') : t('paperless.save')}
          </button>
        </div>
        <p role="status">{saved === null ? '' : t(saved ? 'paperless.savedOn' : 'paperless.savedOff')}</p>
      </form>
    </section>
  );
}
