import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { Section } from '../account/section.tsx';
import { documentsApi } from './documents-api.ts';
import { ShareCreate } from './share-create.tsx';
import { ShareList } from './share-list.tsx';

/** "Share links": make one, and see every link and emailed record with its status and views. */
export function ShareLinksSection({ patientId, version, onChanged }: { patientId: string | null; version: number; onChanged: () => void }) {
  const { t } = useTranslation('documents');
  // `version` changes when a record is sent by email, so the list shows it too.
  const load = useCallback(() => documentsApi.shares(patientId), [patientId, version]);
  const list = useApi(load);
  const changed = () => {
    list.reload();
    onChanged();
  };
  return (
    <Section title={t('share.title')}>
      <p>{t('share.intro')}</p>
      <ShareCreate patientId={patientId} onCreated={changed} />
      {list.status === 'loading' ? <Loading text={t('loading')} /> : null}
      {list.status === 'error' ? <LoadFailed error={list.error} onRetry={list.reload} /> : null}
      {list.status === 'ready' ? <ShareList patientId={patientId} shares={list.data.shares} onChanged={changed} /> : null}
    </Section>
  );
}
