import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { TestApp } from '../../test/app.ts';
import { CSRF } from '../../test/app.ts';

/**
 * A small clinic of its own per test (unique ids, so tests never share an opening): one location
 * with its organization, two clinicians who work every day around the clock, and one self-booked
 * visit type for both (20 minutes unless told).
 */
export async function buildClinic(h: TestApp, options: { minutes?: number } = {}) {
  const tag = randomUUID().slice(0, 8);
  const org = `wl-org-${tag}`;
  const location = `wl-loc-${tag}`;
  const [a, b] = [`wl-pract-a-${tag}`, `wl-pract-b-${tag}`];
  await h.ctx.store.update({ resourceType: 'Organization', id: org, name: `Lakeside Clinic ${tag}` });
  await h.ctx.store.update({
    resourceType: 'Location', id: location, name: `Lakeside Main ${tag}`, status: 'active',
    address: { line: ['12 Shore Road'], city: 'Riverbend', state: 'MN', postalCode: '55401' }, managingOrganization: { reference: `Organization/${org}` },
  });
  for (const [id, family] of [[a, 'Alvarez'], [b, 'Baker']] as const) {
    await h.ctx.store.update({ resourceType: 'Practitioner', id, name: [{ prefix: ['Dr.'], given: ['Sam'], family }] });
  }
  const visitType = `wl-visit-${tag}`;
  await h.ctx.db.query(
    `INSERT INTO visit_types (id, name_en, name_es, duration_minutes, modality, booking, practitioner_ids) VALUES ($1, 'Check-up', 'Chequeo', $2, 'in-person', 'self', $3)`,
    [visitType, options.minutes ?? 20, [a, b]],
  );
  for (const p of [a, b]) {
    for (let weekday = 0; weekday <= 6; weekday++) {
      await h.ctx.db.query('INSERT INTO clinician_hours (id, practitioner_id, location_id, weekday, start_minute, end_minute) VALUES ($1, $2, $3, $4, 0, 1440)', [randomUUID(), p, location, weekday]);
    }
  }
  return { org, location, a, b, visitType, tag };
}

/** Another self-booked visit type of the clinic's two clinicians. */
export async function addVisitType(h: TestApp, clinic: { a: string; b: string; tag: string }, minutes: number): Promise<string> {
  const id = `wl-visit-${minutes}-${clinic.tag}`;
  await h.ctx.db.query(
    `INSERT INTO visit_types (id, name_en, name_es, duration_minutes, modality, booking, practitioner_ids) VALUES ($1, 'Long visit', 'Cita larga', $2, 'in-person', 'self', $3)`,
    [id, minutes, [clinic.a, clinic.b]],
  );
  return id;
}

export type Clinic = Awaited<ReturnType<typeof buildClinic>>;

/** A clinic-time instant (America/Chicago) `days` from today at hh:mm. */
export function at(days: number, hour: number, minute = 0): Date {
  return DateTime.now().setZone('America/Chicago').startOf('day').plus({ days }).set({ hour, minute }).toJSDate();
}

export function api(h: TestApp) {
  const post = (cookie: string, url: string, payload: object = {}) => h.app.inject({ method: 'POST', url, headers: { cookie, ...CSRF }, payload });
  const get = (cookie: string, url: string) => h.app.inject({ url, headers: { cookie } });
  return {
    post, get,
    /** Books through the real booking route; returns the appointment id. */
    async book(cookie: string, clinic: Clinic, practitionerId: string, startsAt: Date, patient?: string, visitTypeId = clinic.visitType): Promise<string> {
      const res = await post(cookie, `/api/appointments${patient ? `?patient=${patient}` : ''}`, {
        visitTypeId, practitionerId, locationId: clinic.location, startsAt: startsAt.toISOString(),
      });
      if (res.statusCode !== 201) throw new Error(`booking failed: ${res.statusCode} ${res.body}`);
      return res.json().id as string;
    },
    join: (cookie: string, appointmentId: string, more: object = {}, patient?: string) =>
      post(cookie, `/api/waitlist${patient ? `?patient=${patient}` : ''}`, { appointmentId, ...more }),
    cancel: (cookie: string, appointmentId: string) => post(cookie, `/api/appointments/${appointmentId}/cancel`),
    overview: async (cookie: string, patient?: string) => (await get(cookie, `/api/waitlist${patient ? `?patient=${patient}` : ''}`)).json(),
    accept: (cookie: string, offerId: string) => post(cookie, `/api/waitlist/offers/${offerId}/accept`),
    decline: (cookie: string, offerId: string) => post(cookie, `/api/waitlist/offers/${offerId}/decline`),
    stop: (cookie: string, entryId: string) => post(cookie, `/api/waitlist/${entryId}/stop`),
  };
}

/** Offers of one opening (clinician and start), as rows: oldest first, then in the order their patients asked. */
export async function offersOf(h: TestApp, practitionerId: string, startsAt: Date) {
  return h.ctx.db.query<{ id: string; patient_id: string; status: string; entry_id: string }>(
    `SELECT o.id, o.patient_id, o.status, o.entry_id FROM waitlist_offers o JOIN waitlist_entries e ON e.id = o.entry_id
      WHERE o.practitioner_id = $1 AND o.opening_starts_at = $2 ORDER BY o.created_at, e.created_at, o.id`,
    [practitionerId, startsAt.toISOString()],
  );
}

/**
 * A waitlist entry and an open offer for a patient, written straight into the tables (no clinic
 * needed): the authorization matrix aims every /api/waitlist route at their ids.
 */
export async function seedWaitlistFor(h: TestApp, patientId: string, userId: string): Promise<string[]> {
  const tag = randomUUID().slice(0, 8);
  const visitType = `wl-matrix-${tag}`;
  const appointmentId = `wl-appt-${tag}`;
  const [entryId, offerId] = [randomUUID(), randomUUID()];
  const starts = at(30, 9, 0);
  const ends = new Date(starts.getTime() + 20 * 60_000);
  const earlier = at(10, 9, 0);
  const earlierEnd = new Date(earlier.getTime() + 20 * 60_000);
  await h.ctx.db.query(`INSERT INTO visit_types (id, name_en, name_es, duration_minutes, modality, booking) VALUES ($1, 'Check-up', 'Chequeo', 20, 'in-person', 'self')`, [visitType]);
  await h.ctx.db.query(
    `INSERT INTO appointments (id, patient_id, practitioner_id, location_id, visit_type_id, starts_at, ends_at, status) VALUES ($1, $2, 'wl-matrix-pract', 'wl-matrix-loc', $3, $4, $5, 'booked')`,
    [appointmentId, patientId, visitType, starts.toISOString(), ends.toISOString()],
  );
  await h.ctx.db.query(
    `INSERT INTO waitlist_entries (id, patient_id, appointment_id, visit_type_id, practitioner_id, location_id, created_by) VALUES ($1, $2, $3, $4, 'wl-matrix-pract', 'wl-matrix-loc', $5)`,
    [entryId, patientId, appointmentId, visitType, userId],
  );
  await h.ctx.db.query(
    `INSERT INTO waitlist_offers (id, entry_id, patient_id, practitioner_id, location_id, opening_starts_at, opening_ends_at, starts_at, ends_at, expires_at)
     VALUES ($1, $2, $3, 'wl-matrix-pract', 'wl-matrix-loc', $4, $5, $4, $5, now() + interval '2 hours')`,
    [offerId, entryId, patientId, earlier.toISOString(), earlierEnd.toISOString()],
  );
  return [entryId, offerId];
}
