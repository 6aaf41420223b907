import { useCallback } from 'react';
import type { DocumentItem } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { Section } from '../account/section.tsx';
import { documentsApi } from './documents-api.ts';
import { formatDay } from './range-fields.tsx';

/** "Your documents": clinical documents (GET /api/records/documents), each file opened or saved. */
export function DocumentListSection({ patientId }: { patientId: string | null }) {
  const { t, i18n } = useTranslation('documents');
  const locale = i18n.resolvedLanguage ?? 'en';
  const load = useCallback(() => documentsApi.documents(patientId), [patientId]);
  const list = useApi(load);

  const files = (d: DocumentItem) =>
    d.attachments.length === 0 ? t('yourDocuments.noFile') : (
      <ul className="plain-list">
        {d.attachments.map((a) => {
          const title = a.title ?? d.title;
          return (
            <li key={a.index}>
              <a href={documentsApi.contentUrl(patientId, d.id, a.index, false)} target="_blank" rel="noreferrer">{t('yourDocuments.open', { title })}</a>
              {' · '}
              <a href={documentsApi.contentUrl(patientId, d.id, a.index, true)} download>{t('yourDocuments.download', { title })}</a>
            </li>
          );
        })}
      </ul>
    );

  return (
    <Section title={t('yourDocuments.title')}>
      {list.status === 'loading' ? <Loading text={t('loading')} /> : null}
      {list.status === 'error' ? <LoadFailed error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ready' && list.data.documents.length === 0 ? <p className="notice">{t('yourDocuments.empty')}</p> : null}
      {list.status === 'ready' && list.data.documents.length > 0 ? (
        <table className="data-table data-table--stack" role="table">
          <caption className="data-table__caption">{t('yourDocuments.caption')}</caption>
          <thead role="rowgroup">
            <tr role="row">
              {(['title', 'date', 'author', 'open'] as const).map((c) => <th key={c} role="columnheader" scope="col">{t(`yourDocuments.columns.${c}`)}</th>)}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {list.data.documents.map((d) => (
              <tr role="row" key={d.id}>
                <td role="cell" data-label={t('yourDocuments.columns.title')}>
                  {d.title}
                  {d.confidential ? <span className="tag"> ({t('yourDocuments.private')})</span> : null}
                </td>
                <td role="cell" data-label={t('yourDocuments.columns.date')}>{d.date ? formatDay(d.date, locale) : t('yourDocuments.unknown')}</td>
                <td role="cell" data-label={t('yourDocuments.columns.author')}>{d.author ?? t('yourDocuments.unknown')}</td>
                <td role="cell" data-label={t('yourDocuments.columns.open')}>{files(d)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Section>
  );
}
