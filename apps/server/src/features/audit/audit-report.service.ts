import type { z } from 'zod';
import type { AdminAlert, AuditRow } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { User } from '../../platform/auth/users.ts';
import { listAdminAlerts } from '../../platform/access/staff-break-glass.ts';
import { careTeamPatientIds } from '../../platform/access/staff-care-team.ts';
import { toCsv } from './csv.ts';
import { reportRows, type ReportFilter } from './audit-queries.ts';

export const MAX_REPORT_ROWS = 10_000;

type Who = { ctx: AppContext; user: User; client: { ip: string; requestId: string } };

/**
 * The audit report for an administrator (ONC 170.315(d)(3)): events on the organization's
 * patients (the care-team rule of staff-care-team.ts) and account events of its staff and
 * patients, filtered, newest first, at most 10,000 rows (`truncated` says more matched).
 * Running a report is itself audited ('audit-report').
 */
export async function getAuditReport({ ctx, user, client }: Who, filter: ReportFilter): Promise<{ rows: AuditRow[]; truncated: boolean }> {
  const patientIds = await careTeamPatientIds(ctx.store, user);
  const rows = await reportRows(ctx.db, { organizationId: user.organizationId, patientIds }, filter, MAX_REPORT_ROWS + 1);
  const query = new URLSearchParams(
    Object.entries({ from: filter.from?.toISOString(), to: filter.to?.toISOString(), userId: filter.userId, patientId: filter.patientId, action: filter.action })
      .filter((e): e is [string, string] => typeof e[1] === 'string'),
  ).toString();
  await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId: filter.patientId, action: 'audit-report', entityType: 'AuditEvent', query, outcome: 'success', ip: client.ip, requestId: client.requestId });
  return {
    truncated: rows.length > MAX_REPORT_ROWS,
    rows: rows.slice(0, MAX_REPORT_ROWS).map((r) => ({
      seq: Number(r.seq), at: new Date(r.recorded_at).toISOString(), actorId: r.actor_id, actorEmail: r.actor_email, actorRole: r.actor_role,
      patientId: r.patient_id, action: r.action, entityType: r.entity_type, entityId: r.entity_id, outcome: r.outcome, ip: r.ip, requestId: r.request_id,
    })),
  };
}

const CSV_COLUMNS = ['seq', 'at', 'actorId', 'actorEmail', 'actorRole', 'patientId', 'action', 'entityType', 'entityId', 'outcome', 'ip', 'requestId'] as const;

/** The report as CSV, one column per AuditRow field (truncation is sent as a response header). */
export function auditReportCsv(report: { rows: AuditRow[] }): string {
  return toCsv([...CSV_COLUMNS], report.rows.map((r) => CSV_COLUMNS.map((c) => r[c])));
}

/** Alerts for the administrators of the user's organization (break-the-glass, with the reason given). Audited. */
export async function getAdminAlerts({ ctx, user, client }: Who): Promise<z.infer<typeof AdminAlert>[]> {
  const rows = await listAdminAlerts(ctx.db, ctx.keyring, user.organizationId);
  await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId: null, action: 'read', entityType: 'AdminAlert', query: `results=${rows.length}`, outcome: 'success', ip: client.ip, requestId: client.requestId });
  return rows.map((r) => ({
    id: r.id, kind: r.kind, at: r.at.toISOString(), actorEmail: r.actorEmail, patientId: r.patientId,
    message: r.reason ? `${r.message} Reason given: ${r.reason}` : r.message,
  }));
}
