import './words.ts';
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import type { AuditRow } from '@ourchart/contracts';
import { useTranslation } from 'react-i18next';
import { PageHeading } from '../../shell/page-heading.tsx';
import { useDocumentTitle } from '../../shell/use-document-title.ts';
import { FormAlert, SubmitButton, TextInput, useSubmit } from '../account/fields.tsx';
import { Loading } from '../account/status-notices.tsx';
import { formatDateTime } from '../account/format.ts';
import { Section } from '../account/section.tsx';
import { useSignedIn } from '../account/use-signed-in.ts';
import { getAuditReport } from './admin-api.ts';
import { AlertsSection } from './alerts-section.tsx';
import { auditActions, auditQuery, checkFilters, defaultFilters } from './audit-query.ts';
import type { AuditFilters, FilterProblem } from './audit-query.ts';

type Report = { rows: AuditRow[]; truncated: boolean; query: string };

/** /admin/audit: security alerts, and the audit log filtered by dates, user, patient and action. */
export function AuditPage() {
  const { t, i18n } = useTranslation('admin');
  const locale = i18n.resolvedLanguage ?? 'en';
  const { me, onApiError } = useSignedIn();
  const [filters, setFilters] = useState<AuditFilters>(() => defaultFilters());
  const [problem, setProblem] = useState<FilterProblem>(null);
  const [report, setReport] = useState<Report | null>(null);
  const statusText = useStatusText();
  const { isPending, failureText, run } = useSubmit(onApiError);
  const fromRef = useRef<HTMLInputElement>(null);
  const patientRef = useRef<HTMLInputElement>(null);
  useDocumentTitle(t('title'));

  const set = (key: keyof AuditFilters) => (value: string) => setFilters((old) => ({ ...old, [key]: value }));

  async function show(current: AuditFilters) {
    const found = checkFilters(current);
    setProblem(found);
    if (found) return (found === 'dateOrder' ? fromRef : patientRef).current?.focus();
    const query = auditQuery(current);
    const result = await run(() => getAuditReport(query));
    if (result.ok) setReport({ ...result.value, query });
  }

  const isAdmin = me?.role === 'admin';
  useEffect(() => {
    if (isAdmin) void show(filters);
    // The first report uses the default filters; later ones come from the form.
  }, [isAdmin]);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isPending) void show(filters);
  }

  if (!me) return <Loading text={t('loading')} />;
  if (!isAdmin) {
    return (
      <>
        <PageHeading>{t('heading')}</PageHeading>
        <p className="notice">{t('notAdmin')}</p>
      </>
    );
  }

  const dateError = problem === 'dateOrder' ? t('errors.dateOrder') : null;
  const patientError = problem === 'patientId' ? t('errors.patientId') : null;
  return (
    <>
      <PageHeading>{t('heading')}</PageHeading>
      <div className="cards wide-page">
        <AlertsSection onApiError={onApiError} />
        <Section title={t('report.title')}>
          <form className="inline-form filters" onSubmit={handleSubmit} noValidate>
            <FormAlert message={dateError ?? patientError ?? failureText} />
            <div className="filters__grid">
              <TextInput label={t('filters.from')} name="from" type="date" value={filters.from} onChange={set('from')} error={dateError} inputRef={fromRef} />
              <TextInput label={t('filters.to')} name="to" type="date" value={filters.to} onChange={set('to')} />
              <TextInput label={t('filters.user')} description={t('filters.userHint')} name="user" autoComplete="off" value={filters.user} onChange={set('user')} />
              <TextInput label={t('filters.patient')} name="patientId" autoComplete="off" value={filters.patientId} onChange={set('patientId')} error={patientError} inputRef={patientRef} />
              <div className="field">
                <label className="field__label" htmlFor="audit-action">
                  {t('filters.action')}
                </label>
                <select id="audit-action" className="field__input" value={filters.action} onChange={(event) => set('action')(event.target.value)}>
                  <option value="">{t('filters.anyAction')}</option>
                  {auditActions.map((action) => (
                    <option key={action} value={action}>
                      {t(`actions.${action}`)}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <div className="actions">
              <SubmitButton isPending={isPending} label={t('filters.submit')} pendingLabel={t('filters.loading')} />
              <a className="button button--secondary" href={`/api/admin/audit?${auditQuery(filters, 'csv')}`} download>
                {t('report.csv')}
              </a>
            </div>
          </form>
          <p role="status">
            {report ? statusText(report) : ''}
          </p>
          {report && report.rows.length > 0 ? <AuditTable rows={report.rows.slice(0, ROWS_ON_SCREEN)} locale={locale} /> : null}
        </Section>
      </div>
    </>
  );
}

/**
 * A table of thousands of rows is unusable (and slow for screen readers): the page shows the newest
 * ROWS_ON_SCREEN and says how many matched; filters narrow them and the CSV holds them all.
 */
const ROWS_ON_SCREEN = 500;

function useStatusText() {
  const { t } = useTranslation('admin');
  return (report: Report) => {
    if (report.truncated) return t('report.truncated', { count: report.rows.length });
    if (report.rows.length > ROWS_ON_SCREEN) return t('report.shown', { count: ROWS_ON_SCREEN, total: report.rows.length });
    return t('report.count', { count: report.rows.length });
  };
}

function AuditTable({ rows, locale }: { rows: AuditRow[]; locale: string }) {
  const { t } = useTranslation('admin');
  const captionId = useId();
  // The request id stays in the CSV download; on screen it only squeezes the other columns.
  const columns = ['when', 'user', 'patient', 'action', 'what', 'outcome', 'ip'] as const;
  return (
    // Between phone and desktop widths the table may be wider than the page: it scrolls on its own,
    // and takes keyboard focus so it can be scrolled without a mouse.
    <div className="table-wrap" role="region" aria-labelledby={captionId} tabIndex={0}>
      <table className="data-table data-table--stack data-table--small" role="table">
        <caption id={captionId} className="data-table__caption">{t('report.caption')}</caption>
        <thead role="rowgroup">
          <tr role="row">
            {columns.map((column) => (
              <th key={column} role="columnheader" scope="col">
                {t(`columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((row) => {
            const cells: Record<(typeof columns)[number], string> = {
              when: formatDateTime(row.at, locale),
              user: [row.actorEmail ?? row.actorId ?? t('report.system'), row.actorRole ? `(${row.actorRole})` : ''].join(' ').trim(),
              patient: row.patientId ?? '—',
              action: row.action,
              what: [row.entityType, row.entityId].filter(Boolean).join('/') || '—',
              outcome: row.outcome,
              ip: row.ip ?? '—',
            };
            return (
              <tr role="row" key={row.seq}>
                {columns.map((column) => (
                  <td key={column} role="cell" data-label={t(`columns.${column}`)}>
                    {column === 'when' ? <time dateTime={row.at}>{cells.when}</time> : cells[column]}
                  </td>
                ))}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
