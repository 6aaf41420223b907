import './activity-words-i18n.ts';
import { useCallback, useEffect, useState } from 'react';
import type { ActivityEntry, Me } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../../router/router.tsx';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { LoadFailed, Loading } from './status-notices.tsx';
import { getActivity } from './account-api.ts';
import { outcomeKey, roleKey, sharingSentence, wordAction } from './activity-words.ts';
import { formatDateTime, isoOrUndefined } from './format.ts';
import { useSignedIn } from './use-signed-in.ts';
import '../../styles/forms.css';
import './account.css';

type Loaded = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; entries: ActivityEntry[] };

/** The patient named in ?patient=, if this user may see them; else the first one (self first). */
function initialPatient(me: Me): string | null {
  const asked = new URLSearchParams(window.location.search).get('patient');
  if (asked && me.patients.some((patient) => patient.id === asked)) return asked;
  return me.patients[0]?.id ?? null;
}

/** Words for one row, in the language on screen. */
function useActivityWords() {
  const { t, i18n } = useTranslation('activity');
  const locale = i18n.resolvedLanguage ?? 'en';
  return {
    when: (entry: ActivityEntry) => formatDateTime(entry.at, locale),
    role: (entry: ActivityEntry) => {
      const key = roleKey(entry.actorRole);
      return key ? t(`roles.${key}`) : entry.actorRole;
    },
    what: (entry: ActivityEntry) => {
      const wording = wordAction(entry);
      if (wording.kind === 'plain') return t(`actions.${wording.action}`);
      if (wording.kind === 'sharing') return sharingSentence(wording, t as unknown as Parameters<typeof sharingSentence>[1], locale);
      if (wording.kind === 'thing') {
        return t(`actionsOn.${wording.action}`, { thing: t(`things.${wording.thing}`) });
      }
      return t('otherAction', { action: wording.action });
    },
    outcome: (entry: ActivityEntry) => {
      const key = outcomeKey(entry.outcome);
      return key ? t(`outcomes.${key}`) : entry.outcome;
    },
  };
}

/** /account/activity: who opened this record and when, staff included. */
export function ActivityPage() {
  const { t } = useTranslation('activity');
  const { navigate } = useRouter();
  const { me, onApiError } = useSignedIn();
  const [patientId, setPatientId] = useState<string | null | undefined>(undefined);
  const [activity, setActivity] = useState<Loaded>({ status: 'loading' });
  const words = useActivityWords();
  useDocumentTitle(t('title'));

  useEffect(() => {
    if (me && patientId === undefined) setPatientId(initialPatient(me));
  }, [me, patientId]);

  const load = useCallback(() => {
    if (patientId === undefined) return () => undefined;
    let isCurrent = true;
    setActivity({ status: 'loading' });
    getActivity(patientId).then(
      (page) => isCurrent && setActivity({ status: 'ready', entries: page.entries }),
      (error: unknown) => {
        onApiError(error);
        if (isCurrent) setActivity({ status: 'error', error });
      },
    );
    return () => {
      isCurrent = false;
    };
  }, [patientId, onApiError]);
  useEffect(load, [load]);

  if (!me) {
    return <Loading text={t('loading')} />;
  }

  if (me.patients.length === 0) {
    return (
      <>
        <PageHeading>{t('heading')}</PageHeading>
        <p className="notice">{t('noRecord')}</p>
      </>
    );
  }

  const patient = me.patients.find((candidate) => candidate.id === patientId);
  const whose = !patient || patient.relationship === 'self' ? t('yourRecord') : t('theirRecord', { name: patient.name });

  function choose(id: string) {
    setPatientId(id);
    navigate(`/account/activity?patient=${encodeURIComponent(id)}`, { replace: true });
  }

  return (
    <>
      <PageHeading>{t('heading')}</PageHeading>
      <p className="page__intro">{t('intro')}</p>
      {me.patients.length > 1 ? (
        <div className="field field--picker">
          <label className="field__label" htmlFor="activity-patient">
            {t('pickPatient')}
          </label>
          <select
            id="activity-patient"
            className="field__input"
            value={patientId ?? ''}
            onChange={(event) => choose(event.target.value)}
          >
            {me.patients.map((option) => (
              <option key={option.id} value={option.id}>
                {option.relationship === 'self' ? t('me', { name: option.name }) : option.name}
              </option>
            ))}
          </select>
        </div>
      ) : null}

      {activity.status === 'loading' ? <Loading text={t('loading')} /> : null}
      {activity.status === 'error' ? <LoadFailed error={activity.error} onRetry={load} /> : null}
      {activity.status === 'ready' && activity.entries.length === 0 ? (
        <p className="notice">{t('empty', { whose })}</p>
      ) : null}
      {activity.status === 'ready' && activity.entries.length > 0 ? (
        // Explicit roles: the narrow layout restyles rows as cards, which would otherwise drop table semantics.
        <table className="data-table data-table--stack" role="table">
          <caption className="data-table__caption">{t('caption', { whose })}</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th role="columnheader" scope="col">{t('columns.when')}</th>
              <th role="columnheader" scope="col">{t('columns.who')}</th>
              <th role="columnheader" scope="col">{t('columns.what')}</th>
              <th role="columnheader" scope="col">{t('columns.outcome')}</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {activity.entries.map((entry, index) => (
              <tr role="row" key={`${entry.at}-${index}`}>
                <td role="cell" data-label={t('columns.when')}>
                  <time dateTime={isoOrUndefined(entry.at)}>{words.when(entry)}</time>
                </td>
                <td role="cell" data-label={t('columns.who')}>
                  {t('who', { name: entry.actorName, role: words.role(entry) })}
                  {entry.app ? <> {t('throughApp', { app: entry.app })}</> : null}
                </td>
                <td role="cell" data-label={t('columns.what')}>{words.what(entry)}</td>
                <td role="cell" data-label={t('columns.outcome')}>{words.outcome(entry)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </>
  );
}
