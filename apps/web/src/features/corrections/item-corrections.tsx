import './words.ts';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../router/router.tsx';
import { listCorrections } from './corrections-api.ts';
import { formatDay, statusText } from './correction-words.ts';
import '../../styles/corrections.css';

type ItemCorrectionsProps = {
  /** The record item, as "Type/id" (e.g. "Condition/abc"). */
  item: string;
  /** For a proxy looking at someone else's record; the user's own record when absent. */
  patientId?: string;
};

/**
 * A small block for any record item: the status of the latest correction request attached to it
 * (with the reason when denied) and the "Ask for a correction" link. Self-contained: it loads its
 * own words and data, so other pages embed it with just the item reference.
 */
export function ItemCorrections({ item, patientId }: ItemCorrectionsProps) {
  const { t, i18n } = useTranslation('corrections');
  const locale = i18n.resolvedLanguage ?? 'en';
  const state = useApi(useCallback(() => listCorrections({ item, patientId }), [item, patientId]));
  // "Condition/abc" stays readable in the address ("/" is allowed in a query string).
  const href = `/corrections?item=${encodeURIComponent(item).replace('%2F', '/')}${patientId ? `&patient=${encodeURIComponent(patientId)}` : ''}`;

  // While loading or when the call failed, the link alone is still useful.
  const data = state.status === 'ready' ? state.data : null;
  const latest = data?.requests[0];
  const name = data?.item?.name;
  return (
    <div className="item-corrections">
      {latest ? (
        <p>
          {t('item.latest', { date: formatDay(latest.requestedAt, locale), status: statusText(t, latest.status) })}
          {latest.status === 'denied' && latest.reason ? (
            <>
              <br />
              {t('item.reason', { reason: latest.reason })}
            </>
          ) : null}
        </p>
      ) : null}
      {latest?.status === 'open' ? (
        <Link href={href}>{t('item.see')}</Link>
      ) : (
        <Link href={href} aria-label={name ? t('item.askNamed', { name }) : undefined}>
          {t('item.ask')}
        </Link>
      )}
    </div>
  );
}
