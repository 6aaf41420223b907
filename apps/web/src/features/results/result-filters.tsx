import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert, TextInput } from '../../components/form-parts.tsx';
import type { ResultQuery } from './results-api.ts';

type ResultFiltersProps = { initial: ResultQuery; onApply: (query: ResultQuery) => void; isLoading: boolean };

export const EMPTY_QUERY: ResultQuery = { from: '', to: '', q: '' };

/** Date range and test name; applied when the form is sent (Enter or the button), not on each key. */
export function ResultFilters({ initial, onApply, isLoading }: ResultFiltersProps) {
  const { t } = useTranslation('results');
  const headingId = useId();
  const [query, setQuery] = useState<ResultQuery>(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const set = (key: keyof ResultQuery) => (value: string) => setQuery((q) => ({ ...q, [key]: value }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (query.from && query.to && query.from > query.to) {
      setProblem(t('filters.badRange'));
      return;
    }
    setProblem(null);
    onApply(query);
  };

  return (
    <section aria-labelledby={headingId} className="results-card result-filters">
      <h2 id={headingId} className="results-card__title">
        {t('filters.heading')}
      </h2>
      <form onSubmit={submit} noValidate className="result-filters__form">
        <FormAlert message={problem} />
        <div className="result-filters__dates">
          <TextInput label={t('filters.from')} name="from" type="date" value={query.from} onChange={set('from')} error={problem ? problem : null} />
          <TextInput label={t('filters.to')} name="to" type="date" value={query.to} onChange={set('to')} />
        </div>
        <TextInput label={t('filters.text')} description={t('filters.textHint')} name="q" type="search" maxLength={100} value={query.q} onChange={set('q')} />
        <div className="results-actions">
          <button type="submit" className="button button--primary">
            {t('filters.search')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setQuery(EMPTY_QUERY);
              setProblem(null);
              onApply(EMPTY_QUERY);
            }}
          >
            {t('filters.clear')}
          </button>
        </div>
        <span role="status" className="visually-hidden">
          {isLoading ? t('filters.searching') : ''}
        </span>
      </form>
    </section>
  );
}
