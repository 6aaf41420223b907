import './words.ts';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { AdminApp, NewAdminAppResult } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { Field } from '../../components/native-fields.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { FormStatus } from '../account/fields.tsx';
import { formatDateTime } from '../account/format.ts';
import { Section } from '../account/section.tsx';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { RemovableApp } from '../connected-apps/removable-app.tsx';
import { listAdminApps, removeApp } from './admin-apps-api.ts';
import { RegisterAppForm } from './register-app-form.tsx';
import '../../styles/connected-apps.css';

type Registered = { name: string } & NewAdminAppResult;

/**
 * /admin/apps "Connected apps setup": the SMART apps patients may connect, registering one (its
 * client id, and a confidential app's secret shown once) and removing one.
 */
export function AdminAppsPage() {
  const { t } = useTranslation('adminApps');
  const { onApiError } = useSignedIn();
  const [registered, setRegistered] = useState<Registered | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const listTitleRef = useRef<HTMLHeadingElement>(null);
  useDocumentTitle(t('title'));
  const list = useApi(listAdminApps);

  const handleRegistered = useCallback(
    (app: Registered) => {
      setStatus(null);
      setRegistered(app);
      list.reload();
    },
    [list],
  );
  const handleRemoved = useCallback(
    (message: string) => {
      setStatus(message);
      list.reload();
      requestAnimationFrame(() => listTitleRef.current?.focus());
    },
    [list],
  );

  return (
    <>
      <PageHeading>{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <FormStatus message={status} />
      {registered ? <RegisteredApp app={registered} onDone={() => setRegistered(null)} /> : null}
      <Section title={t('form.title')}>
        <RegisterAppForm onRegistered={handleRegistered} onApiError={onApiError} />
      </Section>
      <Section title={t('list.title')} headingRef={listTitleRef}>
        {list.status === 'loading' ? <Loading text={t('loading')} /> : null}
        {list.status === 'error' ? <LoadFailed error={list.error} onRetry={list.reload} /> : null}
        {list.status === 'ready' && list.data.apps.length === 0 ? <p>{t('list.empty')}</p> : null}
        {list.status === 'ready' && list.data.apps.length > 0 ? (
          <ul className="item-list">
            {list.data.apps.map((app) => (
              <AdminAppItem key={app.clientId} app={app} onRemoved={handleRemoved} onApiError={onApiError} />
            ))}
          </ul>
        ) : null}
      </Section>
    </>
  );
}

/** The new app's client id and, once only, its secret, each in a read-only box with Copy. */
function RegisteredApp({ app, onDone }: { app: Registered; onDone: () => void }) {
  const { t } = useTranslation('adminApps');
  const titleId = useId();
  const titleRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => titleRef.current?.focus(), [app]);

  async function copy(value: string, what: string) {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(t('created.copied', { what }));
    } catch {
      setCopied(t('created.copyFailed'));
    }
  }

  const credential = (label: string, value: string) => (
    <Field label={label} hint={t('created.copyHint')}>
      {(control) => (
        <div className="app-credential-row">
          <input {...control} className="field__input app-credential" readOnly value={value} onFocus={(event) => event.target.select()} />
          <button type="button" className="button button--secondary" aria-label={t('created.copyNamed', { what: label })} onClick={() => void copy(value, label)}>
            {t('created.copy')}
          </button>
        </div>
      )}
    </Field>
  );

  return (
    <section aria-labelledby={titleId} className="card">
      <h2 id={titleId} ref={titleRef} tabIndex={-1} className="card__title">
        {t('created.title', { name: app.name })}
      </h2>
      {credential(t('created.clientId'), app.clientId)}
      {app.clientSecret ? (
        <>
          <p className="notice notice--info">{t('created.secretOnce')}</p>
          {credential(t('created.clientSecret'), app.clientSecret)}
        </>
      ) : null}
      <FormStatus message={copied} />
      <button type="button" className="button button--secondary" onClick={onDone}>
        {t('created.done')}
      </button>
    </section>
  );
}

type ItemProps = { app: AdminApp; onRemoved: (message: string) => void; onApiError: (error: unknown) => void };

function AdminAppItem({ app, onRemoved, onApiError }: ItemProps) {
  const { t, i18n } = useTranslation('adminApps');
  const locale = i18n.resolvedLanguage ?? 'en';
  const words = {
    remove: t('list.remove'), removeNamed: t('list.removeNamed', { name: app.name }), confirm: t('list.confirm', { name: app.name }),
    yes: t('list.yesRemove'), no: t('list.keep'),
  };
  return (
    <RemovableApp
      name={app.name}
      words={words}
      onRemove={async () => {
        await removeApp(app.clientId);
        return t('list.removed', { name: app.name });
      }}
      onRemoved={onRemoved}
      onApiError={onApiError}
    >
      <dl className="connected-app__details">
        <dt>{t('list.clientId')}</dt>
        <dd className="app-credential">{app.clientId}</dd>
        <dt>{t('list.kind')}</dt>
        <dd>{t(`list.${app.kind}`)}</dd>
        <dt>{t('list.redirects')}</dt>
        <dd>
          <ul className="connected-app__access">
            {app.redirectUris.map((uri) => (
              <li key={uri}>{uri}</li>
            ))}
          </ul>
        </dd>
        <dt>{t('list.source')}</dt>
        <dd>{t(`list.sources.${app.source}`)}</dd>
        {app.createdAt ? (
          <>
            <dt>{t('list.registeredOn')}</dt>
            <dd>{formatDateTime(app.createdAt, locale)}</dd>
          </>
        ) : null}
        <dt>{t('list.connections')}</dt>
        <dd>{new Intl.NumberFormat(locale).format(app.activeConnections)}</dd>
      </dl>
    </RemovableApp>
  );
}
