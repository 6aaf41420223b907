import { useEffect, useId, useRef } from 'react';
import type { ReactNode } from 'react';
import type { ApiResult } from '../../api/use-api.ts';
import { PageHeading } from '../../shell/page-heading.tsx';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { StaffBillingTabs } from '../staff-billing/staff-billing-tabs.tsx';

type Words = { title: string; intro: string; show: string; listTitle: string; loading: string; empty: string; count: (n: number) => string };

/**
 * The frame of the billing office's review lists (insurance updates, financial help applications):
 * the billing tabs, a waiting/answered switch, a confirmation that takes focus after each decision
 * (the answered card leaves the list, so keyboard users keep their place) and the list itself.
 */
export function StaffWorkList<F extends string, T extends { id: string }>({ words, filters, filter, onFilter, confirmation, list, items, children }: {
  words: Words; filters: { value: F; label: string }[]; filter: F; onFilter: (value: F) => void; confirmation: string | null;
  list: ApiResult<unknown>; items: T[]; children: (item: T) => ReactNode;
}) {
  const titleId = useId();
  const confirmationRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (confirmation) confirmationRef.current?.focus();
  }, [confirmation]);
  return (
    <>
      <PageHeading>{words.title}</PageHeading>
      <StaffBillingTabs />
      <p>{words.intro}</p>
      <fieldset className="field choice-group">
        <legend className="field__label">{words.show}</legend>
        {filters.map(({ value, label }) => (
          <label key={value} className="checkbox">
            <input type="radio" name="status" value={value} checked={filter === value} onChange={() => onFilter(value)} /> {label}
          </label>
        ))}
      </fieldset>
      <div role="status" className="form-alert">
        {confirmation ? <p ref={confirmationRef} tabIndex={-1} className="notice notice--success">{confirmation}</p> : null}
      </div>
      <section aria-labelledby={titleId} className="card">
        <h2 id={titleId} className="card__title">{words.listTitle}</h2>
        {list.status === 'loading' ? <Loading text={words.loading} /> : null}
        {list.status === 'error' ? <LoadFailed error={list.error} onRetry={list.reload} /> : null}
        {list.status === 'ready' ? (
          <>
            <p>{items.length === 0 ? words.empty : words.count(items.length)}</p>
            {items.length > 0 ? <ul className="item-list" aria-labelledby={titleId}>{items.map(children)}</ul> : null}
          </>
        ) : null}
      </section>
    </>
  );
}
