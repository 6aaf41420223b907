import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { NotificationList } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';
import { useApi } from '../../api/use-api.ts';
import { Link } from '../../router/router.tsx';
import { careWords } from '../immunizations/care-words.ts';
import { getPrevention } from '../immunizations/prevention-api.ts';
import '../immunizations/words.ts';
import { attentionItems, type AttentionItem } from './attention-items.ts';
import { formatList } from './format-date.ts';
import { Loading } from './status-notices.tsx';

const MAX_NAMES = 3;

function getNotifications(): Promise<NotificationList> {
  return apiRequest<NotificationList>('GET', '/api/notifications');
}

/** "What needs attention" at the top of home: new results, due care and unread items, each linked. */
export function AttentionSection() {
  const { t } = useTranslation('home');
  const headingId = useId();
  const notifications = useApi(getNotifications);
  const prevention = useApi(getPrevention);
  const loading = notifications.status === 'loading' || prevention.status === 'loading';
  const failed = notifications.status === 'error' || prevention.status === 'error';
  const items = attentionItems(
    notifications.status === 'ready' ? notifications.data.items : [],
    prevention.status === 'ready' ? prevention.data.items : [],
  );
  const unread = notifications.status === 'ready' ? notifications.data.unread : 0;
  return (
    <section aria-labelledby={headingId} className="attention">
      <h2 id={headingId} className="attention__title">
        {t('attention.heading')}
      </h2>
      {loading ? <Loading text={t('attention.loading')} /> : (
        <>
          {unread > 0 ? <p>{t('attention.unread', { count: unread })}</p> : null}
          {items.length > 0 ? (
            <ul className="attention__list">
              {items.map((item) => <AttentionEntry key={item.key} item={item} />)}
            </ul>
          ) : failed ? null : <p className="attention__empty">{t('attention.empty')}</p>}
          {failed ? <p className="notice">{t('attention.loadFailed')}</p> : null}
          <p><Link href="/vitals">{t('attention.vitalsLink')}</Link></p>
        </>
      )}
    </section>
  );
}

function AttentionEntry({ item }: { item: AttentionItem }) {
  const { t, i18n } = useTranslation('home');
  const text = (() => {
    switch (item.key) {
      case 'results': return t('attention.results', { count: item.count });
      case 'corrections': return t('attention.corrections', { count: item.count });
      case 'shares': return t('attention.shares', { count: item.count });
      case 'offers': return t('attention.offers', { count: item.count });
      case 'reminders': return t('attention.reminders', { count: item.count });
      case 'care': {
        const names = item.ids.slice(0, MAX_NAMES).map((id) => careWords({ id }).name);
        const rest = item.ids.length - MAX_NAMES;
        const list = formatList(rest > 0 ? [...names, t('attention.more', { count: rest })] : names, i18n.language);
        return t('attention.care', { count: item.count, names: list });
      }
    }
  })();
  const link = { results: 'attention.resultsLink', care: 'attention.careLink', corrections: 'attention.correctionsLink', shares: 'attention.sharesLink', offers: 'attention.offersLink', reminders: 'attention.remindersLink' } as const;
  return (
    <li className="attention__item">
      <p className="attention__text">{text}</p>
      <Link href={item.href}>{t(link[item.key])}</Link>
    </li>
  );
}
