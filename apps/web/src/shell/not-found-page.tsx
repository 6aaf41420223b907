import { useTranslation } from 'react-i18next';
import { Link } from '../router/router.tsx';
import { PageHeading } from './page-heading.tsx';
import { useDocumentTitle } from './use-document-title.ts';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));

  return (
    <>
      <PageHeading>{t('notFound.heading')}</PageHeading>
      <p>{t('notFound.body')}</p>
      <p>
        <Link href="/">{t('notFound.homeLink')}</Link>
      </p>
    </>
  );
}
