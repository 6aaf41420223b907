import { useCallback, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { StaffThreadDetail } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { FormAlert, FormStatus, SubmitButton, useSubmit } from '../account/fields.tsx';
import { TextAreaField } from '../corrections/text-area-field.tsx';
import { getTemplates, replyToThread } from './inbox-api.ts';

type Props = { thread: StaffThreadDetail; onApiError: (error: unknown) => void; onSent: () => void };

/**
 * The care team's reply: a saved reply (the thread's team's templates) can be inserted into the
 * box and edited before sending; "Waiting on patient" marks the thread as waiting for their answer.
 */
export function StaffReplyForm({ thread, onApiError, onSent }: Props) {
  const { t } = useTranslation('inbox');
  const templateId = useId();
  const waitingId = useId();
  const waitingHintId = useId();
  const templates = useApi(useCallback(() => getTemplates(), []));
  const own = templates.status === 'ready' ? templates.data.templates.filter((tpl) => tpl.poolId === thread.pool.id) : [];
  const [chosen, setChosen] = useState('');
  const [body, setBody] = useState('');
  const [waiting, setWaiting] = useState(false);
  const [missing, setMissing] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const send = useSubmit(onApiError);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  function insertTemplate() {
    const template = own.find((tpl) => tpl.id === chosen);
    if (!template) return;
    // Added where the text already is, so a greeting typed first is kept.
    setBody((text) => (text.trim() ? `${text.trimEnd()}\n\n${template.body}` : template.body));
    setMissing(false);
    setStatus(t('reply.inserted'));
    bodyRef.current?.focus();
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (send.isPending) return;
    setStatus(null);
    if (!body.trim()) {
      setMissing(true);
      bodyRef.current?.focus();
      return;
    }
    setMissing(false);
    const result = await send.run(() => replyToThread(thread.id, body.trim(), waiting));
    if (result.ok) {
      setBody('');
      setWaiting(false);
      setStatus(t('reply.sent'));
      onSent();
    }
  }

  return (
    <form className="inline-form inbox-reply" onSubmit={(event) => void handleSubmit(event)} noValidate aria-label={t('reply.label')}>
      <FormAlert message={send.failureText} />
      <FormStatus message={status} />
      {own.length > 0 ? (
        <div className="inbox-reply__templates">
          <label htmlFor={templateId} className="field__label">
            {t('reply.templates')}
          </label>
          <select id={templateId} className="field__input" value={chosen} onChange={(event) => setChosen(event.target.value)}>
            <option value="">{t('reply.templatePick')}</option>
            {own.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.title}
              </option>
            ))}
          </select>
          <button type="button" className="button button--secondary" disabled={!chosen} onClick={insertTemplate}>
            {t('reply.insert')}
          </button>
        </div>
      ) : null}
      <TextAreaField
        label={t('reply.label')} hint={t('reply.hint')} name="body" maxLength={5000} rows={6}
        value={body} onChange={setBody} error={missing ? t('reply.missing') : null} textareaRef={bodyRef}
      />
      <div className="checkbox-field">
        <input id={waitingId} type="checkbox" checked={waiting} onChange={(event) => setWaiting(event.target.checked)} aria-describedby={waitingHintId} />
        <label htmlFor={waitingId}>{t('reply.waiting')}</label>
        <p id={waitingHintId} className="field__hint">
          {t('reply.waitingHint')}
        </p>
      </div>
      <div className="actions">
        <SubmitButton isPending={send.isPending} label={t('reply.send')} pendingLabel={t('reply.sending')} />
      </div>
    </form>
  );
}
