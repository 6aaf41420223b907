import './words.ts';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { MessageView, ThreadDetail } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useLiveEvents } from '../notifications/live-events.tsx';
import { useLiveData } from '../inbox/use-live-data.ts';
import { Link, useRouter } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { FormAlert, FormStatus, SubmitButton, useSubmit } from '../account/fields.tsx';
import { formatDateTime, formatTime } from '../account/format.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { isStatus, useSignedIn } from '../account/use-signed-in.ts';
import { TextAreaField } from '../../components/native-fields.tsx';
import { EmergencyDialog } from './emergency-dialog.tsx';
import { suggestsEmergency } from './emergency.ts';
import { FilePicker, filesOk } from './file-picker.tsx';
import { attachmentUrl, getThread, query, reply, saveReplyDraft } from './messages-api.ts';
import { formatSize, inLanguage } from './message-words.ts';
import './messaging.css';
import { usePatientInContext } from '../appointments/patient-in-context.ts';

const AUTOSAVE_MS = 1500;

/**
 * /messages/thread?id=<thread>[&patient=]: the conversation, files to download, "Read by the care
 * team at ..." under the patient's messages, and a reply box whose text is saved as a draft while
 * the person types. Opening the page marks the care team's messages read.
 */
export function ThreadPage() {
  const { t } = useTranslation('messaging');
  const { search } = useRouter();
  const { onApiError } = useSignedIn();
  const params = new URLSearchParams(search);
  const id = params.get('id') ?? '';
  const { patientId } = usePatientInContext();
  const live = useLiveData<ThreadDetail>(useMemo(() => (id ? () => getThread(id, patientId) : null), [id, patientId]));
  // A reply from the care team (or the patient's other tab) arrives as an event with ids only:
  // read the thread again in place, so the reply box keeps its text and focus stays put.
  useLiveEvents({ type: 'change', entityType: 'MessageThread', entityId: id }, live.refresh);
  const thread = { ...live.state, reload: live.reload };
  useDocumentTitle(thread.status === 'ready' ? thread.data.subject : t('thread.title'));
  const back = `/messages${query({ patient: patientId })}`;

  if (!id) return <Missing text={t('thread.missingId')} back={back} />;
  if (thread.status === 'loading') return <Loading text={t('loading')} />;
  if (thread.status === 'error') {
    if (isStatus(thread.error, 404)) return <Missing text={t('thread.notFound')} back={back} />;
    return <LoadFailed error={thread.error} onRetry={thread.reload} />;
  }
  return <Conversation thread={thread.data} patientId={patientId} back={back} onApiError={onApiError} onSent={live.refresh} />;
}

function Missing({ text, back }: { text: string; back: string }) {
  const { t } = useTranslation('messaging');
  return (
    <>
      <PageHeading>{t('thread.title')}</PageHeading>
      <p className="notice notice--error">{text}</p>
      <p>
        <Link href={back}>{t('thread.back')}</Link>
      </p>
    </>
  );
}

type ConversationProps = { thread: ThreadDetail; patientId: string | undefined; back: string; onApiError: (e: unknown) => void; onSent: () => void };

function Conversation({ thread, patientId, back, onApiError, onSent }: ConversationProps) {
  const { t, i18n } = useTranslation('messaging');
  const language = i18n.language;
  return (
    <>
      <p>
        <Link href={back}>{t('thread.back')}</Link>
      </p>
      <PageHeading>{thread.subject}</PageHeading>
      <p className="thread-list__meta">
        {t('thread.topic', { topic: t(`topic.${thread.topic}`) })} · {t(`status.${thread.status}`)}
      </p>
      <p>{t('thread.expected', { pool: inLanguage(thread.pool.name, language), time: inLanguage(thread.pool.replyTime, language) })}</p>
      <ol className="conversation" aria-label={t('thread.messagesLabel')}>
        {thread.messages.map((m) => (
          <Message key={m.id} message={m} patientId={patientId} />
        ))}
      </ol>
      {thread.status === 'closed' ? (
        <p className="notice">{t('thread.closed')}</p>
      ) : (
        <ReplyForm thread={thread} patientId={patientId} onApiError={onApiError} onSent={onSent} />
      )}
    </>
  );
}

function Message({ message: m, patientId }: { message: MessageView; patientId: string | undefined }) {
  const { t, i18n } = useTranslation('messaging');
  const language = i18n.language;
  const fromPatientSide = m.authorKind !== 'staff';
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
                <a href={attachmentUrl(a.id, patientId)} download={a.fileName}>
                  {t('thread.download', { name: a.fileName, size: formatSize(a.size, language) })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {fromPatientSide ? (
        <p className="message__meta">
          {m.readByOtherSideAt ? t('thread.readByCareTeam', { time: formatDateTime(m.readByOtherSideAt, language) }) : t('thread.notReadYet')}
        </p>
      ) : null}
    </li>
  );
}

type ReplyFormProps = { thread: ThreadDetail; patientId: string | undefined; onApiError: (e: unknown) => void; onSent: () => void };

function ReplyForm({ thread, patientId, onApiError, onSent }: ReplyFormProps) {
  const { t, i18n } = useTranslation('messaging');
  const [body, setBody] = useState(thread.draft?.body ?? '');
  const [files, setFiles] = useState<File[]>([]);
  const [missing, setMissing] = useState(false);
  const [warning, setWarning] = useState(false);
  const [draftState, setDraftState] = useState<{ kind: 'idle' } | { kind: 'saving' } | { kind: 'saved'; at: string }>(
    thread.draft ? { kind: 'saved', at: thread.draft.savedAt } : { kind: 'idle' },
  );
  const [sent, setSent] = useState(false);
  const send = useSubmit(onApiError);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastSaved = useRef(thread.draft?.body ?? '');

  // Draft auto-save: a quiet moment after typing stores the text (nobody else sees a draft).
  useEffect(() => {
    if (body === lastSaved.current || send.isPending) return;
    const timer = setTimeout(() => {
      setDraftState({ kind: 'saving' });
      saveReplyDraft(thread.id, body, patientId).then(
        (saved) => {
          lastSaved.current = saved.body;
          setDraftState({ kind: 'saved', at: saved.savedAt });
        },
        (error: unknown) => {
          onApiError(error);
          setDraftState({ kind: 'idle' });
        },
      );
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [body, thread.id, patientId, onApiError, send.isPending]);

  async function reallySend() {
    setWarning(false);
    const result = await send.run(() => reply(thread.id, body.trim(), files, patientId));
    if (result.ok) {
      lastSaved.current = '';
      setBody('');
      setFiles([]);
      setSent(true);
      onSent();
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (send.isPending) return;
    setSent(false);
    if (!body.trim()) {
      setMissing(true);
      bodyRef.current?.focus();
      return;
    }
    setMissing(false);
    if (!filesOk(files)) return;
    if (suggestsEmergency(body)) return setWarning(true);
    void reallySend();
  }

  const draftText =
    draftState.kind === 'saving' ? t('thread.draftSaving') : draftState.kind === 'saved' ? t('thread.draftSavedAt', { time: formatTime(draftState.at, i18n.language) }) : '';
  return (
    <form className="inline-form card" onSubmit={handleSubmit} noValidate aria-label={t('thread.reply')}>
      <FormAlert message={send.failureText} />
      <FormStatus message={sent ? t('thread.replySent') : null} />
      <TextAreaField
        label={t('thread.reply')} hint={t('thread.replyHint')} name="body" maxLength={5000} rows={5}
        value={body} onChange={setBody} error={missing ? t('thread.replyMissing') : null} textareaRef={bodyRef}
      />
      <p className="field__hint" aria-live="polite">
        {draftText}
      </p>
      <FilePicker files={files} onChange={setFiles} />
      <div className="actions">
        <SubmitButton isPending={send.isPending} label={t('thread.sendReply')} pendingLabel={t('new.sending')} />
      </div>
      {warning ? <EmergencyDialog onSendAnyway={() => void reallySend()} onBack={() => setWarning(false)} /> : null}
    </form>
  );
}
