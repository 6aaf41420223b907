import type { ReminderPreferences, ReminderPreferencesResponse } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { readPreferences, writePreferences } from './reminders.queries.ts';

type Deps = { ctx: AppContext; access: PatientAccess };

async function auditPreferences({ ctx, access }: Deps, action: 'read' | 'update', query?: string) {
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action,
    entityType: 'ReminderPreferences', entityId: access.patientId, query: query ?? null, outcome: 'success',
    ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
}

/** The reminder settings of the patient in context (the patient themself or a proxy). */
export async function getReminderPreferences(deps: Deps): Promise<ReminderPreferencesResponse> {
  const prefs = await readPreferences(deps.ctx.db, deps.access.patientId);
  await auditPreferences(deps, 'read');
  return prefs;
}

/** Saves the reminder settings of the patient in context; they apply to reminders not sent yet. */
export async function saveReminderPreferences(deps: Deps, input: ReminderPreferences): Promise<ReminderPreferencesResponse> {
  await writePreferences(deps.ctx.db, deps.access.patientId, deps.access.actor.userId, input);
  const on = Object.entries(input).filter(([, v]) => v).map(([k]) => k).join(',');
  await auditPreferences(deps, 'update', `on=${on}`);
  return readPreferences(deps.ctx.db, deps.access.patientId);
}
