import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../shell/page-heading.tsx';

// SCAFFOLD: replaced by the real page (issue 4). Not a finished page.
export function SharedRecordPage() {
  const { t } = useTranslation();
  return <PageHeading>{t('nav.documents')}</PageHeading>;
}
