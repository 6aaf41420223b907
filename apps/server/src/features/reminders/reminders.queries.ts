import type { ReminderPreferencesResponse } from '@ourchart/contracts';
import type { Queryable } from '../../platform/db/db.ts';

type PreferencesRow = { email: boolean; in_app: boolean; week_before: boolean; day_before: boolean; updated_at: Date | string };

/** A patient's reminder settings; every setting is on when the patient has no row yet. */
export async function readPreferences(db: Queryable, patientId: string): Promise<ReminderPreferencesResponse> {
  const [row] = await db.query<PreferencesRow>('SELECT email, in_app, week_before, day_before, updated_at FROM reminder_preferences WHERE patient_id = $1', [patientId]);
  if (!row) return { email: true, inApp: true, weekBefore: true, dayBefore: true, updatedAt: null };
  return { email: row.email, inApp: row.in_app, weekBefore: row.week_before, dayBefore: row.day_before, updatedAt: new Date(row.updated_at).toISOString() };
}

/** Saves all four settings at once (upsert). */
export async function writePreferences(
  db: Queryable, patientId: string, userId: string, p: { email: boolean; inApp: boolean; weekBefore: boolean; dayBefore: boolean },
): Promise<void> {
  await db.query(
    `INSERT INTO reminder_preferences (patient_id, email, in_app, week_before, day_before, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, now(), $6)
     ON CONFLICT (patient_id) DO UPDATE SET email = $2, in_app = $3, week_before = $4, day_before = $5, updated_at = now(), updated_by = $6`,
    [patientId, p.email, p.inApp, p.weekBefore, p.dayBefore, userId],
  );
}
