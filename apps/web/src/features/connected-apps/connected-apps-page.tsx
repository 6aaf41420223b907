import './words.ts';
import { useCallback, useId, useRef, useState } from 'react';
import type { ConnectedApp } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { FormStatus } from '../account/fields.tsx';
import { formatDateTime } from '../account/format.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { listConnectedApps, removeConnectedApp } from './apps-api.ts';
import { RemovableApp } from './removable-app.tsx';
import { accessInWords } from './scope-words.ts';
import '../../styles/connected-apps.css';

/**
 * /account/apps "Connected apps": every app the signed-in person allowed to see a record (their
 * own or one they are a proxy for), and every app a proxy connected to their own record ("Connected
 * by ..."): what it can see, when it last used it, and Remove, which revokes the app's access at once.
 */
export function ConnectedAppsPage() {
  const { t } = useTranslation('apps');
  const { onApiError } = useSignedIn();
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  useDocumentTitle(t('connected.title'));
  const list = useApi(listConnectedApps);

  const handleRemoved = useCallback(
    (message: string) => {
      setRemoved(message);
      list.reload();
      // The Remove button went away with its app: keep keyboard users on the list.
      requestAnimationFrame(() => titleRef.current?.focus());
    },
    [list],
  );

  const apps = list.status === 'ready' ? list.data.apps : [];
  return (
    <>
      <PageHeading>{t('connected.title')}</PageHeading>
      <p>{t('connected.intro')}</p>
      <FormStatus message={removed} />
      <section aria-labelledby={titleId} className="card">
        <h2 id={titleId} ref={titleRef} tabIndex={-1} className="card__title">
          {t('connected.listTitle')}
        </h2>
        {list.status === 'loading' ? <Loading text={t('connected.loading')} /> : null}
        {list.status === 'error' ? <LoadFailed error={list.error} onRetry={list.reload} /> : null}
        {list.status === 'ready' && apps.length === 0 ? (
          <>
            <p>{t('connected.empty')}</p>
            <p>{t('connected.howTo')}</p>
          </>
        ) : null}
        {apps.length > 0 ? (
          <ul className="item-list" aria-labelledby={titleId}>
            {apps.map((app) => (
              <ConnectedAppItem key={app.connectionId} app={app} onRemoved={handleRemoved} onApiError={onApiError} />
            ))}
          </ul>
        ) : null}
      </section>
    </>
  );
}

type ItemProps = { app: ConnectedApp; onRemoved: (message: string) => void; onApiError: (error: unknown) => void };

function ConnectedAppItem({ app, onRemoved, onApiError }: ItemProps) {
  const { t, i18n } = useTranslation('apps');
  const locale = i18n.resolvedLanguage ?? 'en';
  const names = { app: app.clientName, name: app.patientName };
  const words = {
    remove: t('connected.remove'), removeNamed: t('connected.removeNamed', names), confirm: t('connected.confirm', names),
    yes: t('connected.yesRemove'), no: t('connected.keep'),
  };
  return (
    <RemovableApp
      name={app.clientName}
      words={words}
      onRemove={async () => {
        await removeConnectedApp(app.connectionId);
        return t('connected.removed', names);
      }}
      onRemoved={onRemoved}
      onApiError={onApiError}
    >
      <dl className="connected-app__details">
        <dt>{t('connected.record')}</dt>
        <dd>{app.patientName}</dd>
        {app.connectedBy ? (
          <>
            <dt>{t('connected.connectedBy')}</dt>
            <dd>{app.connectedBy}</dd>
          </>
        ) : null}
        <dt>{t('connected.canSee')}</dt>
        <dd>
          <ul className="connected-app__access">
            {accessInWords(t, app.scopes).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('connected.allowedOn')}</dt>
        <dd>{formatDateTime(app.authorizedAt, locale)}</dd>
        <dt>{t('connected.lastUsed')}</dt>
        <dd>{app.lastUsedAt ? formatDateTime(app.lastUsedAt, locale) : t('connected.neverUsed')}</dd>
      </dl>
    </RemovableApp>
  );
}
