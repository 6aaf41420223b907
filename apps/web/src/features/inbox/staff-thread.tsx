import { useEffect, useId, useRef, useState } from 'react';
import type { MessageView, StaffThreadDetail } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { FormAlert, FormStatus, useSubmit } from '../account/fields.tsx';
import { formatDateTime } from '../account/format.ts';
import { useSession } from '../../session/session-context.tsx';
import { formatSize } from '../messaging/message-words.ts';
import { assignThread, claimThread, closeThread, staffAttachmentUrl } from './inbox-api.ts';
import { CloseDialog } from './close-dialog.tsx';
import { StaffReplyForm } from './staff-reply-form.tsx';

type Props = {
  thread: StaffThreadDetail;
  onApiError: (error: unknown) => void;
  /** After an action: the thread as the server now has it (or null to read it again). */
  onChanged: (thread: StaffThreadDetail | null) => void;
};

/**
 * One conversation for the care team: who it is with, the messages with their files and whether
 * the patient has read ours, then Claim / Assign / Close and the reply box. Opening it (the GET)
 * marks the patient's messages read, which the patient sees as "Read by the care team".
 */
export function StaffThreadView({ thread, onApiError, onChanged }: Props) {
  const { t, i18n } = useTranslation('inbox');
  const { t: tm } = useTranslation('messaging');
  const { me } = useSession();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const assignId = useId();
  const [assignee, setAssignee] = useState(thread.assignedTo?.id ?? thread.poolMembers[0]?.id ?? '');
  const [done, setDone] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const action = useSubmit(onApiError);
  const closed = thread.status === 'closed';
  const mine = thread.assignedTo?.id === me?.id;

  // Opening a conversation moves focus to it, so keyboard and screen reader users land on it
  // (on a phone it is below the list).
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function act(work: () => Promise<StaffThreadDetail>, message: (next: StaffThreadDetail) => string) {
    setDone(null);
    const result = await action.run(work);
    if (result.ok) {
      setDone(message(result.value));
      onChanged(result.value);
    }
  }

  return (
    <article aria-labelledby="inbox-thread-heading" className="card inbox-thread">
      <h2 id="inbox-thread-heading" ref={headingRef} tabIndex={-1} className="card__title">
        {thread.subject}
      </h2>
      <ul className="inbox-thread__facts">
        <li>{t('thread.patient', { name: thread.patient.name })}</li>
        <li>{t('thread.topic', { topic: tm(`topic.${thread.topic}`) })}</li>
        <li>{t(`status.${thread.status}`)}</li>
        <li>{thread.assignedTo ? t('thread.assigned', { name: thread.assignedTo.name }) : t('thread.unassigned')}</li>
      </ul>
      <ol className="conversation" aria-label={t('thread.messagesLabel')}>
        {thread.messages.map((m) => (
          <StaffMessage key={m.id} message={m} language={i18n.language} />
        ))}
      </ol>

      <FormAlert message={action.failureText} />
      <FormStatus message={done} />
      {closed ? (
        <p className="notice">{t('thread.closed')}</p>
      ) : (
        <>
          <section aria-label={t('actions.label')} className="inbox-actions">
            {!mine ? (
              <button type="button" className="button" disabled={action.isPending} onClick={() => void act(() => claimThread(thread.id), () => t('actions.claimed'))}>
                {t('actions.claim')}
              </button>
            ) : null}
            <form
              className="inbox-actions__assign"
              onSubmit={(event) => {
                event.preventDefault();
                if (assignee) void act(() => assignThread(thread.id, assignee), (next) => t('actions.assigned', { name: next.assignedTo?.name ?? '' }));
              }}
            >
              <label htmlFor={assignId} className="field__label">
                {t('actions.assignLabel')}
              </label>
              <select id={assignId} className="field__input" value={assignee} onChange={(event) => setAssignee(event.target.value)}>
                {thread.poolMembers.map((member) => (
                  <option key={member.id} value={member.id}>
                    {member.name}
                  </option>
                ))}
              </select>
              <button type="submit" className="button button--secondary" disabled={action.isPending}>
                {t('actions.assign')}
              </button>
            </form>
            <button type="button" className="button button--secondary" disabled={action.isPending} onClick={() => setConfirming(true)}>
              {t('actions.close')}
            </button>
          </section>
          <StaffReplyForm thread={thread} onApiError={onApiError} onSent={() => onChanged(null)} />
        </>
      )}
      {confirming ? (
        <CloseDialog
          onConfirm={() => {
            setConfirming(false);
            void act(() => closeThread(thread.id), () => t('actions.closed'));
          }}
          onCancel={() => setConfirming(false)}
        />
      ) : null}
    </article>
  );
}

function StaffMessage({ message: m, language }: { message: MessageView; language: string }) {
  const { t } = useTranslation('inbox');
  return (
    <li className={`message${m.mine ? ' message--mine' : ''}`}>
      <p className="message__author">{m.mine ? t('thread.you') : m.authorName}</p>
      <p className="message__meta">
        <time dateTime={m.sentAt}>{t('thread.sentAt', { time: formatDateTime(m.sentAt, language) })}</time>
      </p>
      <p className="message__body">{m.body}</p>
      {m.attachments.length > 0 ? (
        <div>
          <p className="strong">{t('thread.attachments')}</p>
          <ul className="message__files">
            {m.attachments.map((a) => (
              <li key={a.id}>
                <a href={staffAttachmentUrl(a.id)} download={a.fileName}>
                  {t('thread.download', { name: a.fileName, size: formatSize(a.size, language) })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {m.authorKind === 'staff' ? (
        <p className="message__meta">
          {m.readByOtherSideAt ? t('thread.readByPatient', { time: formatDateTime(m.readByOtherSideAt, language) }) : t('thread.notReadByPatient')}
        </p>
      ) : null}
    </li>
  );
}
