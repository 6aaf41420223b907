import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../platform/db/db.ts';

/** Test fixtures for reminders: a visit type, a clinic location, and appointment rows written directly. */

export const TEST_VISIT_TYPE = 'reminder-test-visit';
export const TEST_VIDEO_TYPE = 'reminder-test-video';
/** Words that must never appear in a reminder: the visit type's name and the clinician's id. */
export const VISIT_TYPE_NAME = 'Confidential Oncology Follow-up';
export const TEST_PRACTITIONER = 'pract-reminder-oncologist';
export const TEST_LOCATION = 'loc-reminder-main';
export const TEST_ORG = 'org-reminder-clinic';

/** The clinic (Organization + Location, written straight into the store's table) and two visit types. */
export async function seedReminderClinic(db: Queryable): Promise<void> {
  const org = { resourceType: 'Organization', id: TEST_ORG, name: 'Lakeside Family Clinic' };
  const location = {
    resourceType: 'Location', id: TEST_LOCATION, name: 'Lakeside North Office', status: 'active',
    address: { line: ['12 Harbor Road'], city: 'Duluth', state: 'MN', postalCode: '55802' },
    managingOrganization: { reference: `Organization/${TEST_ORG}`, display: 'Lakeside Family Clinic' },
  };
  for (const r of [org, location]) {
    await db.query(
      `INSERT INTO resources (resource_type, id, version_id, last_updated, patient_id, content, deleted)
       VALUES ($1, $2, 1, now(), NULL, $3::jsonb, false) ON CONFLICT DO NOTHING`,
      [r.resourceType, r.id, JSON.stringify({ ...r, meta: { versionId: '1', lastUpdated: new Date().toISOString() } })],
    );
  }
  await db.query(
    `INSERT INTO visit_types (id, name_en, name_es, duration_minutes, modality, booking) VALUES
       ($1, $3, $3, 20, 'in-person', 'self'), ($2, 'Video check-in', 'Video', 20, 'video', 'self') ON CONFLICT DO NOTHING`,
    [TEST_VISIT_TYPE, TEST_VIDEO_TYPE, VISIT_TYPE_NAME],
  );
}

/** A booked appointment row (what booking writes), starting at `startsAt`. */
export async function insertAppointment(db: Queryable, o: { patientId: string; startsAt: Date; video?: boolean; status?: string }): Promise<string> {
  const id = `appt-${randomUUID()}`;
  await db.query(
    `INSERT INTO appointments (id, patient_id, practitioner_id, location_id, visit_type_id, starts_at, ends_at, status)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, o.patientId, TEST_PRACTITIONER, TEST_LOCATION, o.video ? TEST_VIDEO_TYPE : TEST_VISIT_TYPE, o.startsAt, new Date(o.startsAt.getTime() + 20 * 60_000), o.status ?? 'booked'],
  );
  return id;
}

export const DAY_MS = 24 * 3600 * 1000;

/** Mail queued to an address (the outbox is where every email starts). */
export async function queuedMail(db: Db | Queryable, to: string): Promise<{ subject: string }[]> {
  return db.query<{ subject: string }>('SELECT subject FROM mail_outbox WHERE to_address = $1 ORDER BY created_at', [to]);
}
