import type { ActivityEntry } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { activityRows } from './audit-queries.ts';
import { shareActivity } from '../sharing/share-activity.ts';

const MAX_ENTRIES = 200;

/**
 * Who opened this record and when (HIPAA accounting of access): every audited event on the
 * patient in context, newest first, with the actor's name and role. A patient account acting for
 * someone else shows as 'proxy'; events without an actor show as OurChart ('system'). For the
 * account holder's own record, their sign-ins and account changes are included.
 */
export async function getActivity({ ctx, access }: { ctx: AppContext; access: PatientAccess }): Promise<ActivityEntry[]> {
  const own = access.relationship === 'self' ? access.actor.userId : null;
  const rows = await activityRows(ctx.db, access.patientId, own, MAX_ENTRIES);
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action: 'read', entityType: 'AuditEvent',
    query: `results=${rows.length}`, outcome: 'success', ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
  // Downloads, sends and share links carry their format, dates and recipient; share visitors their label.
  const shares = await shareActivity(ctx.db, rows);
  return rows.map((r) => {
    const share = shares.get(String(r.seq));
    return {
      at: new Date(r.recorded_at).toISOString(),
      actorName: r.actor_id === null ? 'OurChart' : (share?.actorName ?? r.display_name ?? 'Unknown user'),
      actorRole: r.actor_id === null ? 'system' : r.actor_role === 'patient' && r.actor_patient_id !== access.patientId ? 'proxy' : (r.actor_role ?? 'unknown'),
      action: r.action,
      what: r.entity_type,
      outcome: r.outcome,
      ...(share?.details ? { details: share.details } : {}),
      // Reads by a connected app (FHIR API) name the app; the demo client is configured in code, so its id stands in.
      ...(r.app_id ? { app: r.app_name ?? decodeURIComponent(r.app_id) } : {}),
    };
  });
}
