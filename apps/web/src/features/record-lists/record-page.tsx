import { useEffect, useId } from 'react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { useSession } from '../../session/session-context.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { formatFhirDate, formatList } from '../home/format-date.ts';
import './words.ts';
import '../../styles/records.css';
import { CorrectionsProvider } from '../corrections/correction-status.tsx';

type Kind = 'medications' | 'allergies' | 'conditions';

type RecordPageProps<T> = {
  kind: Kind;
  load: () => Promise<{ active: T[]; past: T[] }>;
  renderItem: (item: T) => ReactNode;
};

/** A record page: heading, a short explanation, then current items and past items in their own sections. */
export function RecordPage<T>({ kind, load, renderItem }: RecordPageProps<T>) {
  const { t } = useTranslation('records');
  const { t: tCommon } = useTranslation();
  const { setMe } = useSession();
  const title = tCommon(`nav.${kind}`);
  useDocumentTitle(title);
  const list = useApi(load);

  useEffect(() => {
    // The session ended: forget the user, which sends them to sign in.
    if (list.status === 'error' && list.error instanceof ApiError && list.error.status === 401) setMe(null);
  }, [list, setMe]);

  return (
    <>
      <PageHeading>{title}</PageHeading>
      <p className="page__intro">{t(`intro.${kind}`)}</p>
      {list.status === 'loading' ? (
        <p role="status" aria-live="polite" className="notice">
          {t('loading')}
        </p>
      ) : list.status === 'error' ? (
        <div role="alert" className="notice notice--error">
          <p>{list.error instanceof ApiError && list.error.status === 0 ? tCommon('errors.network') : t('loadFailed')}</p>
          <button type="button" className="button button--secondary" onClick={list.reload}>
            {t('retry')}
          </button>
        </div>
      ) : (
        <CorrectionsProvider>
          <div className="record-page">
            <RecordSection title={t(`sections.${kind}.active`)} empty={t(`empty.${kind}.active`)} items={list.data.active} renderItem={renderItem} />
            <RecordSection title={t(`sections.${kind}.past`)} empty={t(`empty.${kind}.past`)} items={list.data.past} renderItem={renderItem} />
          </div>
        </CorrectionsProvider>
      )}
    </>
  );
}

function RecordSection<T>({ title, empty, items, renderItem }: { title: string; empty: string; items: T[]; renderItem: (item: T) => ReactNode }) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="record-section">
      <h2 id={headingId} className="record-section__title">
        {title}
      </h2>
      {items.length === 0 ? <p className="record-section__empty">{empty}</p> : <ul className="record-list">{items.map(renderItem)}</ul>}
    </section>
  );
}

/** Dates and lists in the language on screen, and FHIR codes in words (unknown codes say so). */
export function useRecordWords() {
  const { t, i18n } = useTranslation('records');
  const locale = i18n.resolvedLanguage ?? 'en';
  const word = (words: Record<string, string>, code: string | null): string | null =>
    code === null ? null : (words[code] ?? t('statusUnknown'));
  return {
    t,
    locale,
    word,
    date: (value: string | null) => (value ? formatFhirDate(value, locale) : null),
    list: (items: readonly string[]) => (items.length ? formatList(items, locale) : null),
  };
}
