import './words.ts';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SchedulingSetup } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/use-api.ts';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from '../account/status-notices.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { ExceptionsSection } from './exceptions-section.tsx';
import { HoursSection } from './hours-section.tsx';
import { getSetup } from './scheduling-api.ts';
import { SettingsSection } from './settings-section.tsx';
import { VisitTypesSection } from './visit-types-section.tsx';
import '../../styles/forms.css';
import '../account/account.css';
import './scheduling-admin.css';

/** What each section gets: the setup, whether the user may change it, and how to report a saved change. */
export type SectionProps = { setup: SchedulingSetup; onChanged: (message: string) => Promise<void>; onApiError: (error: unknown) => void };

/**
 * /staff/scheduling: visit types, weekly hours per clinician, time off and holidays, and clinic
 * settings. Front desk staff and admins change them; clinicians and nurses see them read-only.
 * After a change the setup reloads in place (forms keep focus) and the change is announced.
 */
export function SchedulingSetupPage() {
  const { t } = useTranslation('schedulingAdmin');
  const { onApiError } = useSignedIn();
  useDocumentTitle(t('setup.title'));
  const first = useApi(getSetup);
  const [setup, setSetup] = useState<SchedulingSetup | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const statusRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (first.status === 'ready') setSetup(first.data);
  }, [first]);

  const onChanged = useCallback(
    async (message: string) => {
      setAnnouncement(message);
      try {
        setSetup(await getSetup());
      } catch (error) {
        onApiError(error);
      }
    },
    [onApiError],
  );

  return (
    <>
      <PageHeading>{t('setup.title')}</PageHeading>
      <p>{t('setup.intro')}</p>
      <div ref={statusRef} role="status" aria-live="polite" className="form-alert">
        {announcement ? <p className="notice notice--success">{announcement}</p> : null}
      </div>
      {first.status === 'loading' ? <Loading text={t('setup.loading')} /> : null}
      {first.status === 'error' ? <LoadFailed error={first.error} onRetry={first.reload} /> : null}
      {setup ? (
        <div className="cards">
          {setup.canEdit ? null : <p className="notice notice--info">{t('setup.readOnly')}</p>}
          <VisitTypesSection setup={setup} onChanged={onChanged} onApiError={onApiError} />
          <HoursSection setup={setup} onChanged={onChanged} onApiError={onApiError} />
          <ExceptionsSection setup={setup} onChanged={onChanged} onApiError={onApiError} />
          <SettingsSection setup={setup} onChanged={onChanged} onApiError={onApiError} />
        </div>
      ) : null}
    </>
  );
}
