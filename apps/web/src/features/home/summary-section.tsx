import { useId } from 'react';
import type { ReactNode } from 'react';

type SummarySectionProps = {
  title: string;
  emptyText: string;
  isEmpty: boolean;
  children: ReactNode;
};

/** One titled part of the health summary: a list, or a sentence saying there is nothing on file. */
export function SummarySection({ title, emptyText, isEmpty, children }: SummarySectionProps) {
  const headingId = useId();
  return (
    <section aria-labelledby={headingId} className="summary-section">
      <h2 id={headingId} className="summary-section__title">
        {title}
      </h2>
      {isEmpty ? <p className="summary-section__empty">{emptyText}</p> : <ul className="summary-list">{children}</ul>}
    </section>
  );
}

type SummaryItemProps = {
  name: string;
  /** Plain-language lines under the name; empty ones are skipped. */
  details: readonly (string | null | undefined | false)[];
  /** Marks something a reader must not miss, such as a high-risk allergy. */
  isImportant?: boolean;
};

export function SummaryItem({ name, details, isImportant = false }: SummaryItemProps) {
  const lines = details.filter((line): line is string => typeof line === 'string' && line !== '');
  return (
    <li className={isImportant ? 'summary-item summary-item--important' : 'summary-item'}>
      <p className="summary-item__name">{name}</p>
      {lines.map((line) => (
        <p key={line} className="summary-item__detail">
          {line}
        </p>
      ))}
    </li>
  );
}
