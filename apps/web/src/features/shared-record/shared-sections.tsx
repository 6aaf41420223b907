import { useId } from 'react';
import type { RecordSummarySection } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { formatDay } from '../documents/range-fields.tsx';

/** One shared section: a heading and a table (what, date, status, details), or "nothing in these dates". */
function SharedSection({ section }: { section: RecordSummarySection }) {
  const { t, i18n } = useTranslation('shared');
  const locale = i18n.resolvedLanguage ?? 'en';
  const id = useId();
  const title = t(`sections.${section.key}`);
  const status = (s: string | null) => (s ? t(`statuses.${s}` as 'statuses.active', { defaultValue: s }) : '');
  return (
    <section aria-labelledby={id} className="card">
      <h2 id={id} className="card__title">{title}</h2>
      {section.items.length === 0 ? <p>{t('nothing')}</p> : (
        <table className="data-table data-table--stack" role="table">
          <caption className="visually-hidden">{t('sectionCaption', { section: title })}</caption>
          <thead role="rowgroup">
            <tr role="row">
              {(['name', 'date', 'status', 'detail'] as const).map((c) => <th key={c} role="columnheader" scope="col">{t(`columns.${c}`)}</th>)}
            </tr>
          </thead>
          <tbody role="rowgroup">
            {section.items.map((item, index) => (
              <tr role="row" key={index}>
                <td role="cell" data-label={t('columns.name')}>{item.name}</td>
                <td role="cell" data-label={t('columns.date')}>{item.date ? formatDay(item.date, locale) : ''}</td>
                <td role="cell" data-label={t('columns.status')}>{status(item.status)}</td>
                <td role="cell" data-label={t('columns.detail')}>{item.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function SharedSections({ sections }: { sections: RecordSummarySection[] }) {
  return (
    <div className="cards">
      {sections.map((s) => <SharedSection key={s.key} section={s} />)}
    </div>
  );
}
