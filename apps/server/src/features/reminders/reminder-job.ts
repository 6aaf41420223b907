import type { Location, Organization } from '@medplum/fhirtypes';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../platform/db/db.ts';
import type { JobDefinition } from '../../platform/jobs/queue.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import type { Locale } from '../../platform/mail/templates.ts';
import { notifyPatient } from '../../platform/notifications/notifications.ts';
import { placeOf, spokenTime } from '../appointments/place.ts';
import { reminderEmail } from './reminder-email.ts';
import { readPreferences } from './reminders.queries.ts';

export const REMINDER_JOB = 'appointment-reminder';
const DAY = 24 * 3600 * 1000;
export const REMINDER_OFFSETS = { '7d': 7 * DAY, '1d': DAY } as const;

/** The job key: one reminder per appointment, offset and planned start (a moved visit gets new keys). */
export const reminderKey = (appointmentId: string, which: '7d' | '1d', startsAtIso: string) => `reminder:${appointmentId}:${which}:${startsAtIso}`;

const Payload = z.object({ appointmentId: z.string(), which: z.enum(['7d', '1d']), startsAt: z.string() });
type Payload = z.infer<typeof Payload>;

type AppointmentRow = { patient_id: string; location_id: string; starts_at: Date | string; status: string; modality: string | null };

/**
 * Sends one planned reminder, in the job's transaction. It re-reads the appointment first: a
 * cancelled visit, or one moved to another time, gets nothing (so cancel and reschedule need no
 * extra call). Then it follows the patient's reminder settings: an email to the patient's own
 * account (in the account's language) and an in-app notification for everyone who sees the
 * patient's record.
 */
async function sendReminder(ctx: AppContext, tx: Queryable, p: Payload): Promise<void> {
  const [appt] = await tx.query<AppointmentRow>(
    `SELECT a.patient_id, a.location_id, a.starts_at, a.status, v.modality
       FROM appointments a LEFT JOIN visit_types v ON v.id = a.visit_type_id WHERE a.id = $1`,
    [p.appointmentId],
  );
  if (!appt || appt.status !== 'booked' || new Date(appt.starts_at).getTime() !== new Date(p.startsAt).getTime()) return;
  const prefs = await readPreferences(tx, appt.patient_id);
  if (!(p.which === '7d' ? prefs.weekBefore : prefs.dayBefore)) return;

  if (prefs.email) {
    const [account] = await tx.query<{ email: string; locale: Locale }>(
      'SELECT email, locale FROM users WHERE patient_id = $1 AND disabled_at IS NULL', [appt.patient_id],
    );
    if (account) {
      const details = await visitPlace(tx, appt);
      const [settings] = await tx.query<{ time_zone: string }>('SELECT time_zone FROM scheduling_settings WHERE id = 1');
      const when = spokenTime(new Date(appt.starts_at), settings?.time_zone ?? 'America/Chicago', account.locale);
      const link = `${ctx.config.publicUrl}/appointments`;
      await enqueueMail(tx, ctx.keyring, reminderEmail(account.email, account.locale, { when, where: details.where, clinic: details.clinic, link, which: p.which }));
    }
  }
  if (prefs.inApp) {
    // One reminder notification per visit: the day-before one replaces the week-before one, so it
    // shows as new even when the first was read (notifications are unique per user and item).
    await tx.query(`DELETE FROM notifications WHERE kind = $1 AND entity_type = 'Appointment' AND entity_id = $2`, ['appointment-reminder', p.appointmentId]);
    await notifyPatient(tx, appt.patient_id, { kind: 'appointment-reminder', entityType: 'Appointment', entityId: p.appointmentId });
  }
}

/** Where the visit is (location name and address; null for video) and the clinic's name. */
async function visitPlace(tx: Queryable, appt: AppointmentRow): Promise<{ where: string | null; clinic: string }> {
  const read = async <T>(type: string, id: string | undefined) => {
    if (!id) return undefined;
    const [row] = await tx.query<{ content: T }>('SELECT content FROM resources WHERE resource_type = $1 AND id = $2 AND NOT deleted', [type, id]);
    return row?.content;
  };
  const location = await read<Location>('Location', appt.location_id);
  const orgId = location?.managingOrganization?.reference?.split('/')[1];
  const org = await read<Organization>('Organization', orgId);
  const clinic = org?.name ?? location?.managingOrganization?.display ?? 'OurChart';
  if (appt.modality === 'video') return { where: null, clinic };
  const place = placeOf(location);
  return { where: [place.name || clinic, place.address].filter(Boolean).join(', '), clinic };
}

export const reminderJob: JobDefinition<Payload> = {
  kind: REMINDER_JOB,
  payload: Payload,
  run: (ctx, tx, payload) => sendReminder(ctx, tx, payload),
};
