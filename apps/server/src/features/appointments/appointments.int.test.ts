import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notifyUser } from '../../platform/notifications/notifications.ts';
import type { Appointment } from '@medplum/fhirtypes';
import { DateTime } from 'luxon';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, type TestApp } from '../../test/app.ts';
import { sessionCookie } from '../staff/staff-fixtures.ts';
import { bookAppointment, freeSlots } from './booking.ts';
import { PatientAccess } from '../../platform/access/patient-access.ts';
import { addVisitType, buildClinic, setSchedulingSettings } from './scheduling-fixtures.ts';

const ZONE = 'America/Chicago';

/** The Monday at least `weeksAhead` weeks from now, as a clinic date. */
function mondayAhead(weeksAhead: number): DateTime {
  const d = DateTime.now().setZone(ZONE).startOf('day').plus({ weeks: weeksAhead });
  return d.plus({ days: (8 - d.weekday) % 7 });
}
const at = (day: DateTime, hhmm: string) => day.set({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3)) }).toUTC().toISO()!;
const localTimes = (slots: { startsAt: string }[]) => slots.map((s) => DateTime.fromISO(s.startsAt, { zone: ZONE }).toFormat('HH:mm'));

describe.each(testDrivers)('patient scheduling on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
    await setSchedulingSettings(h.ctx, { minNoticeMinutes: 0, bookingHorizonDays: 365, cancelCutoffHours: 24, timeZone: ZONE });
  }, 120_000);
  afterAll(() => h?.close());

  const post = (cookie: string, url: string, payload: unknown, headers: Record<string, string> = {}) =>
    h.app.inject({ method: 'POST', url, headers: { cookie, ...CSRF, ...headers }, payload: payload as object });
  const get = (cookie: string, url: string, headers: Record<string, string> = {}) => h.app.inject({ url, headers: { cookie, ...headers } });
  async function patient(given = 'Ana') {
    const u = await createPatientUser(h.ctx, { given });
    return { ...u, cookie: await sessionCookie(h.ctx, u.userId) };
  }
  const unitsOf = (id: string) => h.ctx.db.query<{ unit_start: Date }>('SELECT unit_start FROM booked_units WHERE appointment_id = $1 ORDER BY unit_start', [id]);

  it('offers times from weekly hours minus exceptions, clinic holidays and booked time', async () => {
    const c = await buildClinic(h.ctx, { weekdays: [1, 2], startMinute: 540, endMinute: 660 }); // 09:00-11:00 Mon, Tue
    const monday = mondayAhead(2);
    const day = (d: DateTime) => ({ from: d.toJSDate(), to: d.endOf('day').toJSDate() });
    expect(localTimes(await freeSlots(h.ctx, { visitTypeId: c.visitTypeId, ...day(monday) }))).toEqual(['09:00', '09:20', '09:40', '10:00', '10:20', '10:40']);
    // Nothing on Wednesday (no hours).
    expect(await freeSlots(h.ctx, { visitTypeId: c.visitTypeId, ...day(monday.plus({ days: 2 })) })).toEqual([]);

    await h.ctx.db.query("INSERT INTO schedule_exceptions (id, practitioner_id, day, start_minute, end_minute) VALUES (gen_random_uuid(), $1, $2, 570, 610)", [c.practitionerId, monday.toISODate()]);
    await h.ctx.db.query("INSERT INTO schedule_exceptions (id, practitioner_id, day) VALUES (gen_random_uuid(), NULL, $1)", [monday.plus({ days: 1 }).toISODate()]);
    expect(localTimes(await freeSlots(h.ctx, { visitTypeId: c.visitTypeId, ...day(monday) }))).toEqual(['09:00', '10:20', '10:40']);
    expect(await freeSlots(h.ctx, { visitTypeId: c.visitTypeId, ...day(monday.plus({ days: 1 })) })).toEqual([]);

    // A booked 40-minute visit of the same clinician removes the 20-minute times it overlaps.
    const long = await addVisitType(h.ctx, c.practitionerId, 40);
    const p = await patient();
    const res = await post(p.cookie, '/api/appointments', { visitTypeId: long, practitionerId: c.practitionerId, locationId: c.locationId, startsAt: at(monday.plus({ weeks: 1 }), '09:40') });
    expect(res.statusCode).toBe(201);
    expect(localTimes(await freeSlots(h.ctx, { visitTypeId: c.visitTypeId, ...day(monday.plus({ weeks: 1 })) }))).toEqual(['09:00', '09:20', '10:20', '10:40']);
  });

  it('keeps minimum notice and the booking horizon', async () => {
    const c = await buildClinic(h.ctx, { weekdays: [0, 1, 2, 3, 4, 5, 6], startMinute: 0, endMinute: 1440, durationMinutes: 60 });
    const now = Date.now();
    try {
      await setSchedulingSettings(h.ctx, { minNoticeMinutes: 180, bookingHorizonDays: 2 });
      const slots = await freeSlots(h.ctx, { visitTypeId: c.visitTypeId, from: new Date(now - 86_400_000), to: new Date(now + 10 * 86_400_000) });
      expect(slots.length).toBeGreaterThan(40);
      expect(Date.parse(slots[0]!.startsAt)).toBeGreaterThanOrEqual(now + 180 * 60_000);
      expect(Date.parse(slots[0]!.startsAt)).toBeLessThan(now + 240 * 60_000);
      expect(Date.parse(slots.at(-1)!.startsAt)).toBeLessThanOrEqual(now + 2 * 86_400_000 + 60_000);
    } finally {
      await setSchedulingSettings(h.ctx, { minNoticeMinutes: 0, bookingHorizonDays: 365 });
    }
  });

  it('gives the same wall-clock times in the week clocks change (DST)', async () => {
    const c = await buildClinic(h.ctx, { weekdays: [1], startMinute: 540, endMinute: 580 });
    // The next US clock change (second Sunday of March or first Sunday of November) whose Monday
    // before is still ahead, so both Mondays are bookable (at most about eight months away).
    const now = DateTime.now().setZone(ZONE);
    const nthSunday = (year: number, month: number, n: number) => {
      const first = DateTime.fromObject({ year, month, day: 1 }, { zone: ZONE });
      return first.plus({ days: (7 - first.weekday) % 7 + 7 * (n - 1) });
    };
    const dstSunday = [now.year, now.year + 1]
      .flatMap((y) => [nthSunday(y, 3, 2), nthSunday(y, 11, 1)])
      .find((d) => d.minus({ days: 6 }) > now.plus({ days: 1 }))!;
    const springForward = dstSunday.month === 3;
    const slots = await freeSlots(h.ctx, { visitTypeId: c.visitTypeId, from: dstSunday.minus({ days: 7 }).toJSDate(), to: dstSunday.plus({ days: 2 }).toJSDate() });
    expect(localTimes(slots)).toEqual(['09:00', '09:20', '09:00', '09:20']);
    // Same wall-clock time, one hour less (spring) or more (fall) between them in UTC.
    expect(Date.parse(slots[2]!.startsAt) - Date.parse(slots[0]!.startsAt)).toBe(7 * 86_400_000 + (springForward ? -3_600_000 : 3_600_000));
  });

  it('books in one transaction (row, units, FHIR Appointment, email) and refuses the same time to someone else', async () => {
    const c = await buildClinic(h.ctx);
    const ana = await patient('Ana');
    const ben = await patient('Ben');
    const startsAt = at(mondayAhead(1).plus({ days: 1 }), '10:00');
    const input = { visitTypeId: c.visitTypeId, practitionerId: c.practitionerId, locationId: c.locationId, startsAt };

    const res = await post(ana.cookie, '/api/appointments', input);
    expect(res.statusCode).toBe(201);
    const view = res.json();
    expect(view).toMatchObject({
      status: 'booked', startsAt: new Date(startsAt).toISOString(), modality: 'in-person', canChange: true,
      clinician: { id: c.practitionerId }, place: { id: c.locationId, address: '12 Main Street, Riverbend, MN 55401', phone: '+1-555-010-4242' },
      bring: 'Your medicines.', videoUrl: null,
    });
    expect(view.place.directionsUrl).toBe('https://www.openstreetmap.org/search?query=12%20Main%20Street%2C%20Riverbend%2C%20MN%2055401');
    expect((await unitsOf(view.id)).map((u) => new Date(u.unit_start).toISOString())).toHaveLength(4);
    const fhir = (await h.ctx.store.read('Appointment', view.id)) as Appointment;
    expect(fhir).toMatchObject({ status: 'booked', minutesDuration: 20, start: new Date(startsAt).toISOString(), serviceType: [{ coding: [{ code: c.visitTypeId }] }] });
    expect(fhir.participant!.map((p) => p.actor!.reference)).toEqual([`Patient/${ana.patientId}`, `Practitioner/${c.practitionerId}`, `Location/${c.locationId}`]);
    const [mail] = await h.ctx.db.query<{ subject: string }>('SELECT subject FROM mail_outbox WHERE to_address = $1', [ana.email]);
    expect(mail?.subject).toBe('Your visit is booked');
    expect(await h.ctx.db.query("SELECT 1 FROM audit_events WHERE action = 'create' AND entity_type = 'Appointment' AND entity_id = $1", [view.id])).toHaveLength(1);

    const taken = await post(ben.cookie, '/api/appointments', input);
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'SLOT_TAKEN', title: 'That time was just taken.' });
    expect(taken.json().alternatives).toHaveLength(3);
    expect(taken.json().alternatives.map((a: { startsAt: string }) => a.startsAt)).not.toContain(new Date(startsAt).toISOString());
    // A time that is not offered at all (outside hours) is refused the same way, with nothing written.
    const before = await h.ctx.db.query('SELECT id FROM appointments');
    expect((await post(ben.cookie, '/api/appointments', { ...input, startsAt: at(mondayAhead(1), '03:00') })).statusCode).toBe(409);
    expect(await h.ctx.db.query('SELECT id FROM appointments')).toHaveLength(before.length);

    // A reminder about the visit is read once Ana sees her list.
    await notifyUser(h.ctx.db, ana.userId, ana.patientId, { kind: 'appointment-reminder', entityType: 'Appointment', entityId: view.id });
    const list = (await get(ana.cookie, '/api/appointments')).json();
    expect((await h.ctx.db.query<{ read_at: Date | null }>("SELECT read_at FROM notifications WHERE user_id = $1 AND kind = 'appointment-reminder'", [ana.userId]))[0]!.read_at).not.toBeNull();
    expect(list.timeZone).toBe(ZONE);
    expect(list.upcoming.map((a: { id: string }) => a.id)).toEqual([view.id]);
    expect((await get(ben.cookie, '/api/appointments')).json().upcoming).toEqual([]);
  });

  it('rolls the booking back when a write that must go with it fails (accepting a waitlist offer)', async () => {
    const c = await buildClinic(h.ctx);
    const ana = await patient('Rollback');
    const access = new PatientAccess({ store: h.ctx.store, audit: h.ctx.audit, actor: { userId: ana.userId, role: 'patient' }, patientId: ana.patientId, relationship: 'self' });
    const startsAt = at(mondayAhead(2).plus({ days: 2 }), '11:00');
    const input = { visitTypeId: c.visitTypeId, practitionerId: c.practitionerId, locationId: c.locationId, startsAt };
    await expect(bookAppointment(h.ctx, access, input, { alsoInTransaction: async () => { throw new Error('offer update failed'); } })).rejects.toThrow('offer update failed');
    expect(await h.ctx.db.query('SELECT 1 FROM appointments WHERE patient_id = $1', [ana.patientId])).toEqual([]);
    expect(await h.ctx.db.query('SELECT 1 FROM booked_units WHERE practitioner_id = $1 AND unit_start = $2', [c.practitionerId, startsAt])).toEqual([]);
    // The time is still free for anyone.
    expect((await post(ana.cookie, '/api/appointments', input)).statusCode).toBe(201);
  });

  it("answers 404 for another patient's appointment on every route, and lets a proxy act with ?patient=", async () => {
    const c = await buildClinic(h.ctx);
    const ana = await patient('Ana');
    const startsAt = at(mondayAhead(1).plus({ days: 2 }), '09:00');
    const { id } = (await post(ana.cookie, '/api/appointments', { visitTypeId: c.visitTypeId, practitionerId: c.practitionerId, locationId: c.locationId, startsAt })).json();
    const outsider = await patient('Otto');
    expect((await get(outsider.cookie, `/api/appointments/${id}`)).statusCode).toBe(404);
    expect((await get(outsider.cookie, `/api/appointments/${id}/ics`)).statusCode).toBe(404);
    expect((await post(outsider.cookie, `/api/appointments/${id}/cancel`, {})).statusCode).toBe(404);
    expect((await post(outsider.cookie, `/api/appointments/${id}/reschedule`, { practitionerId: c.practitionerId, locationId: c.locationId, startsAt })).statusCode).toBe(404);
    expect((await get(outsider.cookie, `/api/appointments?patient=${ana.patientId}`)).statusCode).toBe(404);
    expect(((await h.ctx.store.read('Appointment', id)) as Appointment).status).toBe('booked');

    const parentUser = await createPatientUser(h.ctx, { given: 'Parent', proxyFor: [ana.patientId] });
    const parent = await sessionCookie(h.ctx, parentUser.userId);
    expect((await get(parent, `/api/appointments/${id}?patient=${ana.patientId}`)).json()).toMatchObject({ id, status: 'booked' });
    expect((await get(parent, `/api/appointments/${id}`)).statusCode).toBe(404); // the parent's own record has no such visit
  });

  it('moves a visit in one transaction: new time booked, old time freed and cancelled', async () => {
    const c = await buildClinic(h.ctx);
    const ana = await patient();
    const day = mondayAhead(1).plus({ days: 3 });
    const first = (await post(ana.cookie, '/api/appointments', { visitTypeId: c.visitTypeId, practitionerId: c.practitionerId, locationId: c.locationId, startsAt: at(day, '09:00') })).json();
    // Overlapping its own old time is fine: 09:00 → 09:20 is free once the old booking is released.
    const availability = (await get(ana.cookie, `/api/appointments/availability?visitType=${c.visitTypeId}&practitioner=${c.practitionerId}&appointment=${first.id}&from=${encodeURIComponent(day.toUTC().toISO()!)}`)).json();
    expect(availability.days[0].date).toBe(day.toISODate());
    expect(localTimes(availability.days[0].times).slice(0, 2)).toEqual(['09:00', '09:20']);

    const moved = await post(ana.cookie, `/api/appointments/${first.id}/reschedule`, { practitionerId: c.practitionerId, locationId: c.locationId, startsAt: at(day, '09:20') });
    expect(moved.statusCode).toBe(200);
    const next = moved.json();
    expect(next.id).not.toBe(first.id);
    expect(localTimes([next])).toEqual(['09:20']);
    expect(await unitsOf(first.id)).toEqual([]);
    expect(await unitsOf(next.id)).toHaveLength(4);
    expect((await h.ctx.db.query<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [first.id]))[0]!.status).toBe('cancelled');
    expect(((await h.ctx.store.read('Appointment', first.id)) as Appointment).cancelationReason?.coding?.[0]?.code).toBe('rescheduled');
    const list = (await get(ana.cookie, '/api/appointments')).json();
    expect(list.upcoming.map((a: { id: string }) => a.id)).toEqual([next.id]);
    expect(list.past.map((a: { id: string; status: string }) => [a.id, a.status])).toEqual([[first.id, 'cancelled']]);
    // The cancelled one cannot be moved again.
    expect((await post(ana.cookie, `/api/appointments/${first.id}/reschedule`, { practitionerId: c.practitionerId, locationId: c.locationId, startsAt: at(day, '10:00') })).statusCode).toBe(409);
  });

  it('cancels with a reason and frees the time; refuses after the cut-off with the clinic phone (English and Spanish)', async () => {
    const c = await buildClinic(h.ctx);
    const ana = await patient();
    const startsAt = at(mondayAhead(1).plus({ days: 4 }), '11:00');
    const { id } = (await post(ana.cookie, '/api/appointments', { visitTypeId: c.visitTypeId, practitionerId: c.practitionerId, locationId: c.locationId, startsAt })).json();
    expect((await post(ana.cookie, `/api/appointments/${id}/cancel`, { reason: 'not-a-reason' })).statusCode).toBe(400);
    const res = await post(ana.cookie, `/api/appointments/${id}/cancel`, { reason: 'schedule-conflict' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id, status: 'cancelled', canChange: false });
    expect(await unitsOf(id)).toEqual([]);
    const fhir = (await h.ctx.store.read('Appointment', id)) as Appointment;
    expect(fhir.status).toBe('cancelled');
    expect(fhir.cancelationReason?.coding?.[0]?.code).toBe('schedule-conflict');
    expect(localTimes(await freeSlots(h.ctx, { visitTypeId: c.visitTypeId, from: new Date(startsAt), to: new Date(startsAt) }))).toEqual(['11:00']);
    expect((await post(ana.cookie, `/api/appointments/${id}/cancel`, {})).statusCode).toBe(409);

    // Within the cut-off: a clinician who works around the clock, a visit a couple of hours from now.
    const soon = await buildClinic(h.ctx, { weekdays: [0, 1, 2, 3, 4, 5, 6], startMinute: 0, endMinute: 1440 });
    const [slot] = await freeSlots(h.ctx, { visitTypeId: soon.visitTypeId, from: new Date(Date.now() + 2 * 3_600_000), to: new Date(Date.now() + 5 * 3_600_000) });
    const near = (await post(ana.cookie, '/api/appointments', { visitTypeId: soon.visitTypeId, practitionerId: soon.practitionerId, locationId: soon.locationId, startsAt: slot!.startsAt })).json();
    expect(near.canChange).toBe(false);
    const late = await post(ana.cookie, `/api/appointments/${near.id}/cancel`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'TOO_LATE_TO_CHANGE', clinicPhone: '+1-555-010-4242' });
    expect(late.json().detail).toBe('Visits can be changed online until 24 hours before they start. To cancel this visit, please call +1-555-010-4242.');
    const tarde = await post(ana.cookie, `/api/appointments/${near.id}/cancel`, {}, { 'accept-language': 'es-MX' });
    expect(tarde.json().detail).toBe('Las citas se pueden cambiar en línea hasta 24 horas antes de que empiecen. Para cancelar esta cita, llame al +1-555-010-4242.');
    expect(tarde.json().title).toBe('Ya es tarde para cambiar esta cita en línea.');
    expect(((await h.ctx.store.read('Appointment', near.id)) as Appointment).status).toBe('booked');
    expect(await unitsOf(near.id)).toHaveLength(4);
  });

  it('serves an .ics with time, place and clinic and nothing clinical', async () => {
    const c = await buildClinic(h.ctx, { nameEn: 'Diabetes check' });
    const ana = await patient();
    const startsAt = at(mondayAhead(3).plus({ days: 1 }), '09:40');
    const { id } = (await post(ana.cookie, '/api/appointments', { visitTypeId: c.visitTypeId, practitionerId: c.practitionerId, locationId: c.locationId, startsAt })).json();
    const res = await get(ana.cookie, `/api/appointments/${id}/ics`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/calendar');
    const ics = res.body.replace(/\r\n[ \t]/g, '');
    const utc = DateTime.fromISO(startsAt).toUTC().toFormat("yyyyMMdd'T'HHmmss'Z'");
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain(`DTSTART:${utc}`);
    expect(ics).toContain(`UID:${id}@ourchart`);
    expect(ics).toMatch(/LOCATION:Main Street Clinic [0-9a-f]+\\, 12 Main Street\\, Riverbend\\, MN 55401/);
    expect(ics).toContain(`SUMMARY:Clinic visit – Clinic ${c.organizationId.slice(4)}`);
    expect(ics).toContain('+1-555-010-4242');
    expect(ics).not.toContain('Diabetes');
    expect(ics).not.toContain('Tester');
  });

  it('shows the video link only from 30 minutes before', async () => {
    const c = await buildClinic(h.ctx, { weekdays: [0, 1, 2, 3, 4, 5, 6], startMinute: 0, endMinute: 1440, modality: 'video' });
    const ana = await patient();
    const slots = await freeSlots(h.ctx, { visitTypeId: c.visitTypeId, from: new Date(Date.now() + 60_000), to: new Date(Date.now() + 2 * 86_400_000) });
    const soon = slots.find((s) => Date.parse(s.startsAt) - Date.now() < 25 * 60_000)!;
    const later = slots.find((s) => Date.parse(s.startsAt) - Date.now() > 2 * 3_600_000)!;
    const book = (s: { startsAt: string }) => post(ana.cookie, '/api/appointments', { visitTypeId: c.visitTypeId, practitionerId: c.practitionerId, locationId: c.locationId, startsAt: s.startsAt });
    const now = (await book(soon)).json();
    const afterwards = (await book(later)).json();
    expect(now).toMatchObject({ modality: 'video', place: null, videoUrl: `http://localhost:3000/video/${now.id}` });
    expect(afterwards.videoUrl).toBeNull();
    expect(afterwards.videoOpensAt).toBe(new Date(Date.parse(later.startsAt) - 30 * 60_000).toISOString());
  });

  it('lists visit types in the caller language, clinicians with places, and takes requests for request-only types', async () => {
    const c = await buildClinic(h.ctx);
    const heart = await addVisitType(h.ctx, c.practitionerId, 40, { booking: 'request' });
    const ana = await patient();
    const es = (await get(ana.cookie, '/api/appointments/visit-types', { 'accept-language': 'es' })).json();
    expect(es.visitTypes.find((v: { id: string }) => v.id === c.visitTypeId)).toMatchObject({ name: expect.stringMatching(/^Chequeo /), booking: 'self', durationMinutes: 20 });
    const clinicians = (await get(ana.cookie, `/api/appointments/visit-types/${c.visitTypeId}/clinicians`)).json();
    expect(clinicians.clinicians).toEqual([{ id: c.practitionerId, name: expect.stringMatching(/^Dr\. Rita Lopez/), locations: [expect.objectContaining({ id: c.locationId, address: '12 Main Street, Riverbend, MN 55401' })] }]);

    // Request-only: no free times, booking refused, a request stored as a proposed FHIR Appointment.
    expect(await freeSlots(h.ctx, { visitTypeId: heart, from: new Date(), to: new Date(Date.now() + 30 * 86_400_000) })).toEqual([]);
    const startsAt = at(mondayAhead(1), '09:00');
    expect((await post(ana.cookie, '/api/appointments', { visitTypeId: heart, practitionerId: c.practitionerId, locationId: c.locationId, startsAt })).statusCode).toBe(400);
    const from = mondayAhead(1).toISODate()!;
    const to = mondayAhead(2).toISODate()!;
    expect((await post(ana.cookie, '/api/appointments/requests', { visitTypeId: heart, preferredFrom: to, preferredTo: from })).json().errors[0].message).toBe('The last day must be on or after the first day.');
    const req = await post(ana.cookie, '/api/appointments/requests', { visitTypeId: heart, practitionerId: c.practitionerId, preferredFrom: from, preferredTo: to });
    expect(req.statusCode).toBe(201);
    expect(req.json()).toMatchObject({ status: 'proposed', preferredFrom: from, preferredTo: to, clinician: { id: c.practitionerId } });
    const fhir = (await h.ctx.store.read('Appointment', req.json().id)) as Appointment;
    expect(fhir.status).toBe('proposed');
    expect(fhir.requestedPeriod?.[0]?.start?.slice(0, 10)).toBe(from);
    expect(await h.ctx.db.query('SELECT 1 FROM appointments WHERE id = $1', [req.json().id])).toEqual([]);
    expect((await get(ana.cookie, '/api/appointments')).json().requests.map((r: { id: string }) => r.id)).toEqual([req.json().id]);
  });
});
