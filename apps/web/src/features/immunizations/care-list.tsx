import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CareItem } from '@ourchart/contracts';
import { formatFhirDate } from '../home/format-date.ts';
import { careWords } from './care-words.ts';

type CareListProps = { title: string; emptyText: string; items: readonly CareItem[]; intro?: string };

/** A titled list of vaccines and health checks, each with its status in words, reason and source. */
export function CareList({ title, emptyText, items, intro }: CareListProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="care">
      <h2 id={headingId} className="care__title">
        {title}
      </h2>
      {intro ? <p>{intro}</p> : null}
      {items.length === 0 ? <p className="care__empty">{emptyText}</p> : null}
      {items.length > 0 ? (
        <ul className="care__list">
          {items.map((item) => (
            <CareCard key={item.id} item={item} />
          ))}
        </ul>
      ) : null}
    </section>
  );
}

function CareCard({ item }: { item: CareItem }) {
  const { t, i18n } = useTranslation('immunizations');
  const words = careWords(item);
  const date = (value: string) => formatFhirDate(value, i18n.language);
  const kind = item.kind === 'vaccine' ? t('due.vaccine') : t('due.screening');
  return (
    <li className={`care-card care-card--${item.status}`}>
      <h3 className="care-card__name">{words.name}</h3>
      <p className="care-card__status">
        <span className="care-card__badge">{t(`status.${item.status}`)}</span>
        <span className="care-card__kind">{kind}</span>
      </p>
      {words.why ? <p>{words.why}</p> : null}
      <p className="care-card__detail">{item.lastDone ? t('lastDone', { date: date(item.lastDone) }) : t('neverDone')}</p>
      {item.dosesNeeded !== null ? <p className="care-card__detail">{t('doses', { done: Math.min(item.doneCount, item.dosesNeeded), needed: item.dosesNeeded })}</p> : null}
      {item.dueDate && item.status === 'up-to-date' ? <p className="care-card__detail">{t('nextDue', { date: date(item.dueDate) })}</p> : null}
      {item.dueDate && item.status === 'overdue' ? <p className="care-card__detail">{t('dueSince', { date: date(item.dueDate) })}</p> : null}
      <p className="care-card__source">
        {t('source')} <a href={item.source.url} rel="noreferrer">{item.source.name}</a>
      </p>
    </li>
  );
}
