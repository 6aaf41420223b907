import './words.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { MessageTopic } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { usePatientInContext } from '../appointments/patient-in-context.ts';
import { Link, useRouter } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { FormAlert, FormStatus, SubmitButton, useSubmit } from '../account/fields.tsx';
import { formatTime } from '../account/format.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { EmergencyDialog } from './emergency-dialog.tsx';
import { suggestsEmergency } from './emergency.ts';
import { FilePicker, filesOk } from './file-picker.tsx';
import { getNewDraft, getTopics, query, saveNewDraft, startThread } from './messages-api.ts';
import { inLanguage } from './message-words.ts';
import { InputField, TextAreaField } from '../../components/native-fields.tsx';
import './messaging.css';

const SUBJECT_MAX = 120;
const BODY_MAX = 5000;
type Field = 'topic' | 'subject' | 'body';

/**
 * /messages/new[?patient=]: choose a topic (each says who answers and how soon), a subject, the
 * message and optional files; Save draft keeps it for later. Before sending, emergency words bring
 * up the "call 911" notice first.
 */
export function NewMessagePage() {
  const { t, i18n } = useTranslation('messaging');
  const { navigate } = useRouter();
  const { onApiError } = useSignedIn();
  useDocumentTitle(t('new.title'));
  const { patient, patientId } = usePatientInContext();
  const topics = useApi(useCallback(() => getTopics(patientId), [patientId]));
  const [topic, setTopic] = useState<MessageTopic | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [submitted, setSubmitted] = useState(false);
  const [warning, setWarning] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const send = useSubmit(onApiError);
  const save = useSubmit(onApiError);
  const topicRef = useRef<HTMLInputElement>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);

  // A saved draft comes back when the page opens.
  useEffect(() => {
    let current = true;
    getNewDraft(patientId).then(
      ({ draft }) => {
        if (!current || !draft) return;
        setTopic(draft.topic);
        setSubject(draft.subject);
        setBody(draft.body);
        setSavedAt(draft.savedAt);
      },
      onApiError,
    );
    return () => {
      current = false;
    };
  }, [patientId, onApiError]);

  const problems: Record<Field, string | null> = {
    topic: topic ? null : t('new.topicMissing'),
    subject: subject.trim() ? null : t('new.subjectMissing'),
    body: body.trim() ? null : t('new.bodyMissing'),
  };
  const shown = submitted ? problems : { topic: null, subject: null, body: null };
  const summary = (Object.keys(problems) as Field[]).map((k) => shown[k]).filter((p): p is string => Boolean(p));

  async function reallySend() {
    setWarning(false);
    const result = await send.run(() => startThread({ topic: topic!, subject: subject.trim(), body: body.trim() }, files, patientId));
    if (result.ok) navigate(`/messages/thread${query({ id: result.value.threadId, patient: patientId })}`);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (send.isPending) return;
    setSubmitted(true);
    const first = (Object.keys(problems) as Field[]).find((k) => problems[k]);
    if (first === 'topic') return topicRef.current?.focus();
    if (first === 'subject') return subjectRef.current?.focus();
    if (first === 'body') return bodyRef.current?.focus();
    if (!filesOk(files)) return;
    if (suggestsEmergency(subject, body)) return setWarning(true);
    void reallySend();
  }

  async function saveDraft() {
    const result = await save.run(() => saveNewDraft({ topic, subject, body }, patientId));
    if (result.ok && result.value.draft) setSavedAt(result.value.draft.savedAt);
  }

  return (
    <>
      <PageHeading>{t('new.title')}</PageHeading>
      {patient && patient.relationship !== 'self' ? <p className="strong">{t('forPatient', { name: patient.name })}</p> : null}
      <p className="notice notice--info">{t('notForEmergencies')}</p>
      {topics.status === 'loading' ? <Loading text={t('new.loadingTopics')} /> : null}
      {topics.status === 'error' ? <LoadFailed error={topics.error} onRetry={topics.reload} /> : null}
      {topics.status === 'ready' ? (
        <form className="inline-form card" onSubmit={handleSubmit} noValidate aria-label={t('new.title')}>
          <FormAlert message={send.failureText ?? save.failureText} problems={summary} />
          <fieldset className="field topic-options" aria-describedby={shown.topic ? 'topic-error' : undefined}>
            <legend className="field__label">{t('new.topicLegend')}</legend>
            {shown.topic ? (
              <p id="topic-error" className="field__error">
                {shown.topic}
              </p>
            ) : null}
            {topics.data.topics.map((route, i) => (
              <label key={route.topic} className="topic-option">
                <input
                  ref={i === 0 ? topicRef : undefined}
                  type="radio"
                  name="topic"
                  value={route.topic}
                  checked={topic === route.topic}
                  onChange={() => setTopic(route.topic)}
                />
                <span className="topic-option__name">{t(`topic.${route.topic}`)}</span>
                {/* Inside the label, so it is part of the radio's name: who answers and how soon is heard with the choice. */}
                <span className="topic-option__hint">
                  {t(`topicHint.${route.topic}`)}{' '}
                  {t('answeredBy', { pool: inLanguage(route.pool.name, i18n.language), time: inLanguage(route.pool.replyTime, i18n.language) })}
                </span>
              </label>
            ))}
          </fieldset>
          <InputField
            label={t('new.subject')} hint={t('new.subjectHint')} name="subject" type="text" maxLength={SUBJECT_MAX} isRequired
            value={subject} onChange={setSubject} error={shown.subject} inputRef={subjectRef}
          />
          <TextAreaField
            label={t('new.body')} hint={t('new.bodyHint')} name="body" maxLength={BODY_MAX} rows={8}
            value={body} onChange={setBody} error={shown.body} textareaRef={bodyRef}
          />
          <FilePicker files={files} onChange={setFiles} />
          <FormStatus message={savedAt ? t('new.draftSaved', { time: formatTime(savedAt, i18n.language) }) : null} />
          <div className="actions">
            <SubmitButton isPending={send.isPending} label={t('new.send')} pendingLabel={t('new.sending')} />
            <button type="button" className="button button--secondary" onClick={() => void saveDraft()} disabled={save.isPending}>
              {save.isPending ? t('new.saving') : t('new.saveDraft')}
            </button>
            <Link className="button button--secondary" href={`/messages${query({ patient: patientId })}`}>
              {t('thread.back')}
            </Link>
          </div>
        </form>
      ) : null}
      {warning ? <EmergencyDialog onSendAnyway={() => void reallySend()} onBack={() => setWarning(false)} /> : null}
    </>
  );
}
