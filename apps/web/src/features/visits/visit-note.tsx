import type { DocumentAttachment, DocumentItem } from '@ourchart/contracts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../router/router.tsx';
import { formatFhirDate } from '../home/format-date.ts';
import { nestHeadings } from './note-headings.ts';
import { attachmentUrl, getAttachmentText } from './visits-api.ts';
import { CorrectionStatus } from '../corrections/correction-status.tsx';

/** One note of a visit: title, who wrote it and when, and its content (text, HTML or PDF links). */
export function VisitNote({ note }: { note: DocumentItem }) {
  const { t, i18n } = useTranslation('visits');
  const locale = i18n.resolvedLanguage ?? 'en';
  const byline = [note.author && t('writtenBy', { name: note.author }), note.date && t('writtenOn', { date: formatFhirDate(note.date, locale) })];
  return (
    <li className="visit-note">
      <h3 className="visit-note__title">{note.title}</h3>
      {byline.some(Boolean) ? <p className="visit-note__byline">{byline.filter(Boolean).join(' ')}</p> : null}
      {note.confidential ? <p className="visit-note__private">{t('confidential')}</p> : null}
      {note.attachments.map((a) => (
        <Attachment key={a.index} documentId={note.id} attachment={a} title={note.title} />
      ))}
      <CorrectionStatus item={`DocumentReference/${note.id}`} />
      <p className="record-item__actions">
        <Link href={`/corrections?item=${encodeURIComponent(`DocumentReference/${note.id}`)}`}>
          {t('correction')}
          <span className="visually-hidden"> {t('correctionAbout', { name: note.title })}</span>
        </Link>
      </p>
    </li>
  );
}

function Attachment({ documentId, attachment, title }: { documentId: string; attachment: DocumentAttachment; title: string }) {
  const { t } = useTranslation('visits');
  const name = attachment.title ?? title;
  if (attachment.contentType === 'text/plain' || attachment.contentType === 'text/html') {
    return <NoteText documentId={documentId} index={attachment.index} html={attachment.contentType === 'text/html'} />;
  }
  if (attachment.contentType === 'application/pdf') {
    return (
      <p className="visit-note__links">
        <a href={attachmentUrl(documentId, attachment.index)}>
          {t('openPdf')}
          <span className="visually-hidden"> {name}</span>
        </a>
        <a href={attachmentUrl(documentId, attachment.index, true)} download>
          {t('downloadPdf')}
          <span className="visually-hidden"> {name}</span>
        </a>
      </p>
    );
  }
  return (
    <p className="visit-note__links">
      <a href={attachmentUrl(documentId, attachment.index, true)} download>
        {t('openFile')}
        <span className="visually-hidden"> {name}</span>
      </a>
    </p>
  );
}

/** Plain text keeps its line breaks; HTML (sanitized by the server) keeps its formatting. */
function NoteText({ documentId, index, html }: { documentId: string; index: number; html: boolean }) {
  const { t } = useTranslation('visits');
  const load = useCallback(() => getAttachmentText(documentId, index), [documentId, index]);
  const text = useApi(load);
  if (text.status === 'loading') return <p role="status" className="notice">{t('loadingNote')}</p>;
  if (text.status === 'error') {
    return (
      <p role="alert" className="notice notice--error">
        {t('noteFailed')}
      </p>
    );
  }
  // The only HTML this page injects: allow-listed by sanitize-html on the server (see the documents API).
  if (html) return <div className="visit-note__body visit-note__body--html" dangerouslySetInnerHTML={{ __html: nestHeadings(text.data, 3) }} />;
  return <div className="visit-note__body visit-note__body--text">{text.data}</div>;
}
