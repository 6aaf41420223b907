import './words.ts';
import { useTranslation } from 'react-i18next';
import { Link } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { featureForPath } from '../../shell/nav-items.ts';

type PagePath = keyof typeof import('../../i18n/en/proxies.json')['blocked']['page'];

/**
 * What a proxy reads on a page their access does not include: a plain sentence and the way
 * home, not an error (the server refuses the data anyway).
 */
export function FeatureBlocked({ name, path }: { name: string; path: string }) {
  const { t } = useTranslation('proxies');
  useDocumentTitle(t('blocked.title'));
  const feature = featureForPath(path) ?? 'record';
  const what = path in PAGE_WORDS ? t(`blocked.page.${path as PagePath}`) : t(`blocked.what.${feature}`);
  return (
    <>
      <PageHeading>{t('blocked.title')}</PageHeading>
      <p className="notice notice--info">{t('blocked.body', { name, what })}</p>
      <p>
        <Link href="/">{t('blocked.home')}</Link>
      </p>
    </>
  );
}

const PAGE_WORDS: Record<PagePath, true> = {
  '/results': true, '/results/trend': true, '/vitals': true, '/medications': true, '/allergies': true, '/conditions': true,
  '/visits': true, '/documents': true, '/corrections': true,
};
