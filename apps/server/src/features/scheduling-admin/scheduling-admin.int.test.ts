import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Schedule } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, type TestApp } from '../../test/app.ts';
import { createStaffUser, sessionCookie } from '../staff/staff-fixtures.ts';
import { readSettings } from './admin.queries.ts';
import { addDays, clinicToday } from './clinic-time.ts';
import { scheduleId } from './schedule-resources.ts';
import { createClinician, createLocation, createVisitTypeRow, insertAppointment, nextWeekday } from './scheduling-fixtures.ts';
import { DEMO_HOURS, DEMO_VISIT_TYPES, seedScheduling } from './seed-scheduling.ts';

const ORG = 'org-scheduling';

describe.each(testDrivers)('scheduling setup on $name', (driver) => {
  let h: TestApp;
  let frontDesk: string;
  let clinician: string;
  let patient: string;
  let zone: string;

  beforeAll(async () => {
    h = await createTestApp(driver);
    frontDesk = (await createStaffUser(h.ctx, { role: 'staff', organizationId: ORG })).cookie;
    clinician = (await createStaffUser(h.ctx, { role: 'clinician', organizationId: ORG })).cookie;
    const p = await createPatientUser(h.ctx);
    patient = await sessionCookie(h.ctx, p.userId);
    zone = (await readSettings(h.ctx.db)).timeZone;
  }, 120_000);
  afterAll(() => h?.close());

  const send = (cookie: string, method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, language?: string) =>
    h.app.inject({ method, url, headers: { cookie, ...CSRF, ...(language ? { 'accept-language': language } : {}) }, ...(payload === undefined ? {} : { payload: payload as object }) });
  const get = (cookie: string, url: string) => h.app.inject({ url, headers: { cookie } });
  const setup = async () => (await get(frontDesk, '/api/staff/scheduling')).json();
  const visitType = (o: Record<string, unknown> = {}) => ({
    id: `check-${Math.random().toString(36).slice(2, 8)}`, nameEn: 'Blood pressure check', nameEs: 'Control de presión', durationMinutes: 15,
    modality: 'in-person', booking: 'self', practitionerIds: [], questionnaireIds: ['phq-9'], bringEn: 'Your home readings.', bringEs: 'Sus lecturas de casa.', ...o,
  });
  const schedule = async (practitionerId: string, locationId: string) => (await h.ctx.store.read('Schedule', scheduleId(practitionerId, locationId))) as Schedule;

  it('creates, lists, edits and deactivates a visit type, and explains bad input field by field', async () => {
    const doctor = await createClinician(h.ctx);
    const input = visitType({ practitionerIds: [doctor] });
    const created = await send(frontDesk, 'POST', '/api/staff/scheduling/visit-types', input);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ ...input, descriptionEn: '', descriptionEs: '', active: true, sortOrder: 0 });
    expect((await setup()).visitTypes.find((v: { id: string }) => v.id === input.id)).toMatchObject({ nameEs: 'Control de presión', practitionerIds: [doctor], questionnaireIds: ['phq-9'] });

    const edited = await send(frontDesk, 'PUT', `/api/staff/scheduling/visit-types/${input.id}`, { ...visitType({ nameEn: 'BP check', durationMinutes: 20 }), id: undefined, active: false });
    expect(edited.statusCode).toBe(200);
    const [row] = await h.ctx.db.query<{ name_en: string; duration_minutes: number; active: boolean }>('SELECT name_en, duration_minutes, active FROM visit_types WHERE id = $1', [input.id]);
    expect(row).toEqual({ name_en: 'BP check', duration_minutes: 20, active: false });

    const bad = await send(frontDesk, 'POST', '/api/staff/scheduling/visit-types', visitType({ id: 'Bad Code', nameEs: ' ', durationMinutes: 7, modality: 'phone' }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([
      { path: 'id', message: 'Use 2 to 63 small letters, numbers and dashes for the code, for example follow-up.' },
      { path: 'nameEs', message: 'Enter a name in Spanish.' },
      { path: 'durationMinutes', message: 'Use a length in steps of 5 minutes, for example 20 or 40.' },
      { path: 'modality', message: 'Choose in person or video.' },
    ]);
    const spanish = await send(frontDesk, 'POST', '/api/staff/scheduling/visit-types', visitType({ durationMinutes: 300 }), 'es');
    expect(spanish.json().errors).toEqual([{ path: 'durationMinutes', message: 'Una consulta dura como máximo 240 minutos (4 horas).' }]);
    const taken = await send(frontDesk, 'POST', '/api/staff/scheduling/visit-types', { ...input });
    expect(taken.json().errors).toEqual([{ path: 'id', message: 'Another visit type already uses that code. Choose a different code.' }]);
    const nobody = await send(frontDesk, 'POST', '/api/staff/scheduling/visit-types', visitType({ practitionerIds: ['no-such-doctor'] }));
    expect(nobody.json().errors).toEqual([{ path: 'practitionerIds', message: 'Choose clinicians from the list.' }]);
    expect((await send(frontDesk, 'PUT', '/api/staff/scheduling/visit-types/not-a-type', { nonsense: true })).statusCode).toBe(404);
    expect(await h.ctx.db.query('SELECT id FROM visit_types WHERE name_en = $1', ['Blood pressure check'])).toEqual([]);
  });

  it('lets clinicians read the setup but not change it, and patients not even see it', async () => {
    const read = await get(clinician, '/api/staff/scheduling');
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ canEdit: false, settings: { timeZone: 'America/Chicago' } });
    expect((await setup()).canEdit).toBe(true);
    const refused = await send(clinician, 'POST', '/api/staff/scheduling/visit-types', visitType());
    expect(refused.statusCode).toBe(403);
    expect((await send(clinician, 'PUT', '/api/staff/scheduling/settings', { timeZone: 'America/Denver', cancelCutoffHours: 1, bookingHorizonDays: 5, minNoticeMinutes: 0 })).statusCode).toBe(403);
    expect((await get(patient, '/api/staff/scheduling')).statusCode).toBe(404);
    expect((await send(patient, 'POST', '/api/staff/scheduling/hours', {})).statusCode).toBe(404);
    expect((await h.app.inject({ url: '/api/staff/scheduling' })).statusCode).toBe(401);
  });

  it('adds weekly hours with a FHIR Schedule per clinician and location, and refuses overlaps', async () => {
    const doctor = await createClinician(h.ctx, 'Okafor');
    const main = await createLocation(h.ctx, 'Main Street');
    const north = await createLocation(h.ctx, 'North Clinic');
    const add = (o: Record<string, unknown>) => send(frontDesk, 'POST', '/api/staff/scheduling/hours', { practitionerId: doctor, locationId: main, weekday: 1, ...o });

    expect((await add({ start: '08:00', end: '12:00' })).statusCode).toBe(201);
    expect((await add({ start: '13:00', end: '17:00' })).statusCode).toBe(201);
    expect((await add({ weekday: 3, locationId: north, start: '09:00', end: '11:30' })).statusCode).toBe(201);
    const s = await schedule(doctor, main);
    const today = clinicToday(zone);
    expect(s).toMatchObject({
      active: true, comment: 'Mon 08:00-12:00, 13:00-17:00',
      actor: [{ reference: `Practitioner/${doctor}`, display: 'Dr. Alex Okafor' }, { reference: `Location/${main}`, display: 'Main Street' }],
      planningHorizon: { start: today, end: addDays(today, 60) },
    });
    expect((await schedule(doctor, north)).comment).toBe('Wed 09:00-11:30');

    const overlap = await add({ locationId: north, start: '11:00', end: '14:00' });
    expect(overlap.statusCode).toBe(400);
    expect(overlap.json().errors[0].path).toBe('start');
    const backwards = await add({ weekday: 2, start: '12:00', end: '09:00' });
    expect(backwards.json().errors).toEqual([{ path: 'end', message: 'The end time must be after the start time.' }]);
    expect((await add({ weekday: 2, start: '08:03', end: '09:00' })).json().errors).toEqual([{ path: 'start', message: 'Use a time on a 5-minute mark, for example 08:05 or 13:30.' }]);
    expect((await add({ weekday: 2, locationId: 'nowhere', start: '08:00', end: '09:00' })).json().errors).toEqual([{ path: 'locationId', message: 'Choose a location from the list.' }]);
    const listed = (await setup()).hours.filter((r: { practitionerId: string }) => r.practitionerId === doctor);
    expect(listed.map((r: { weekday: number; start: string; end: string }) => `${r.weekday} ${r.start}-${r.end}`)).toEqual(['1 08:00-12:00', '1 13:00-17:00', '3 09:00-11:30']);
  });

  it('refuses to remove hours that booked appointments fall in, saying how many, until they are cancelled', async () => {
    const doctor = await createClinician(h.ctx);
    const place = await createLocation(h.ctx);
    const vt = await createVisitTypeRow(h.ctx);
    const p = await createPatientUser(h.ctx);
    const morning = (await send(frontDesk, 'POST', '/api/staff/scheduling/hours', { practitionerId: doctor, locationId: place, weekday: 2, start: '08:00', end: '12:00' })).json();
    const tuesday = nextWeekday(zone, 2);
    const first = await insertAppointment(h.ctx, { patientId: p.patientId, practitionerId: doctor, locationId: place, visitTypeId: vt, zone, day: tuesday, minute: 9 * 60 });
    await insertAppointment(h.ctx, { patientId: p.patientId, practitionerId: doctor, locationId: place, visitTypeId: vt, zone, day: addDays(tuesday, 7), minute: 11 * 60 });

    const refused = await send(frontDesk, 'DELETE', `/api/staff/scheduling/hours/${morning.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'SCHEDULE_CONFLICT', detail: 'This change would leave 2 booked appointments without a clinician. Cancel or move them first, then try again.' });
    const inSpanish = await send(frontDesk, 'DELETE', `/api/staff/scheduling/hours/${morning.id}`, undefined, 'es');
    expect(inSpanish.json().detail).toBe('Este cambio dejaría 2 citas reservadas sin clínico. Cancélelas o muévalas primero y vuelva a intentarlo.');
    expect(await h.ctx.db.query('SELECT id FROM clinician_hours WHERE id = $1', [morning.id])).toHaveLength(1);
    expect((await schedule(doctor, place)).active).toBe(true);

    // Hours next to the removed range do not cover visits inside it; each holding visit counts until it is cancelled.
    await send(frontDesk, 'POST', '/api/staff/scheduling/hours', { practitionerId: doctor, locationId: place, weekday: 2, start: '12:00', end: '13:00' });
    await h.ctx.db.query("UPDATE appointments SET status = 'cancelled' WHERE id <> $1 AND practitioner_id = $2", [first.id, doctor]);
    const one = await send(frontDesk, 'DELETE', `/api/staff/scheduling/hours/${morning.id}`);
    expect(one.json().detail).toBe('This change would leave 1 booked appointment without a clinician. Cancel or move it first, then try again.');
    await h.ctx.db.query("UPDATE appointments SET status = 'cancelled' WHERE id = $1", [first.id]);
    expect((await send(frontDesk, 'DELETE', `/api/staff/scheduling/hours/${morning.id}`)).statusCode).toBe(204);
    expect((await schedule(doctor, place)).comment).toBe('Tue 12:00-13:00');
    expect((await send(frontDesk, 'DELETE', `/api/staff/scheduling/hours/${morning.id}`)).statusCode).toBe(404);
    expect((await send(frontDesk, 'DELETE', '/api/staff/scheduling/hours/not-a-uuid')).statusCode).toBe(404);
  });

  it('takes time off and clinic holidays, refusing days with booked appointments', async () => {
    const doctor = await createClinician(h.ctx);
    const other = await createClinician(h.ctx);
    const place = await createLocation(h.ctx);
    const vt = await createVisitTypeRow(h.ctx);
    const p = await createPatientUser(h.ctx);
    const day = nextWeekday(zone, 4);
    await insertAppointment(h.ctx, { patientId: p.patientId, practitionerId: doctor, locationId: place, visitTypeId: vt, zone, day, minute: 14 * 60 });
    const add = (o: Record<string, unknown>) => send(frontDesk, 'POST', '/api/staff/scheduling/exceptions', { day, reason: 'Conference', ...o });

    const holiday = await add({ practitionerId: null, reason: 'Clinic holiday' });
    expect(holiday.statusCode).toBe(409);
    expect(holiday.json().detail).toBe('This change would leave 1 booked appointment without a clinician. Cancel or move it first, then try again.');
    expect((await add({ practitionerId: doctor, start: '13:50', end: '14:10' })).statusCode).toBe(409);
    const morningOff = await add({ practitionerId: doctor, start: '08:00', end: '12:00' });
    expect(morningOff.statusCode).toBe(201);
    expect(morningOff.json()).toMatchObject({ practitionerId: doctor, day, start: '08:00', end: '12:00', reason: 'Conference' });
    const otherOff = await add({ practitionerId: other });
    expect(otherOff.json()).toMatchObject({ practitionerId: other, start: null, end: null });

    expect((await add({ day: addDays(clinicToday(zone), -1) })).json().errors).toEqual([{ path: 'day', message: 'Choose today or a later day.' }]);
    expect((await add({ day: '2026-02-30' })).json().errors).toEqual([{ path: 'day', message: 'Enter a real day as year-month-day, for example 2026-12-24.' }]);
    expect((await add({ start: '08:00' })).json().errors).toEqual([{ path: 'end', message: 'Enter both a start and an end time, or leave both empty for the whole day.' }]);
    expect((await add({ reason: '' })).json().errors).toEqual([{ path: 'reason', message: 'Say why, for example "Vacation" or "Clinic holiday".' }]);

    const listed = (await setup()).exceptions.filter((e: { day: string }) => e.day === day);
    expect(listed.map((e: { practitionerId: string }) => e.practitionerId).sort()).toEqual([doctor, other].sort());
    expect((await send(frontDesk, 'DELETE', `/api/staff/scheduling/exceptions/${otherOff.json().id}`)).statusCode).toBe(204);
    expect((await send(frontDesk, 'DELETE', `/api/staff/scheduling/exceptions/${otherOff.json().id}`)).statusCode).toBe(404);
    expect((await setup()).exceptions.filter((e: { day: string }) => e.day === day)).toHaveLength(1);
  });

  it('saves clinic settings, refuses a time zone that is not IANA in words, and moves Schedule horizons', async () => {
    const doctor = await createClinician(h.ctx);
    const place = await createLocation(h.ctx);
    await send(frontDesk, 'POST', '/api/staff/scheduling/hours', { practitionerId: doctor, locationId: place, weekday: 5, start: '08:00', end: '09:00' });
    const base = { timeZone: 'America/Chicago', cancelCutoffHours: 12, bookingHorizonDays: 30, minNoticeMinutes: 60 };
    for (const timeZone of ['Mars/Olympus_Mons', 'CST', '+05:00']) {
      const bad = await send(frontDesk, 'PUT', '/api/staff/scheduling/settings', { ...base, timeZone });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().errors).toEqual([{ path: 'timeZone', message: 'That is not a time zone we know. Use a name from the IANA time zone list, like America/Chicago or America/New_York.' }]);
    }
    expect((await send(frontDesk, 'PUT', '/api/staff/scheduling/settings', { ...base, bookingHorizonDays: 0 })).json().errors).toEqual([{ path: 'bookingHorizonDays', message: 'Use 1 to 365 days.' }]);
    const saved = await send(frontDesk, 'PUT', '/api/staff/scheduling/settings', base);
    expect(saved.statusCode).toBe(200);
    expect(await readSettings(h.ctx.db)).toEqual(base);
    const today = clinicToday('America/Chicago');
    expect((await schedule(doctor, place)).planningHorizon).toEqual({ start: today, end: addDays(today, 30) });
    await send(frontDesk, 'PUT', '/api/staff/scheduling/settings', { ...base, bookingHorizonDays: 60, cancelCutoffHours: 24, minNoticeMinutes: 120 });
  });

  it('seeds the demo setup once: a re-run adds nothing and keeps what staff changed', async () => {
    // The demo ids, so the seed's Schedules and names resolve as in the demo clinic.
    for (const [id, family] of [['demo-practitioner-patel', 'Patel'], ['demo-practitioner-mensah', 'Mensah'], ['demo-practitioner-bennett', 'Bennett']] as const) {
      await h.ctx.store.update({ resourceType: 'Practitioner', id, name: [{ use: 'official', prefix: ['Dr.'], given: ['Demo'], family }] });
    }
    const count = async () => (await h.ctx.db.query<{ v: number; hrs: number; ex: number; s: number }>(
      `SELECT (SELECT count(*)::int FROM visit_types WHERE id = ANY($1::text[])) AS v,
              (SELECT count(*)::int FROM clinician_hours WHERE practitioner_id LIKE 'demo-practitioner-%') AS hrs,
              (SELECT count(*)::int FROM schedule_exceptions WHERE reason = 'Clinic holiday') AS ex,
              (SELECT count(*)::int FROM resources WHERE resource_type = 'Schedule' AND id LIKE 'schedule-demo-%') AS s`,
      [DEMO_VISIT_TYPES.map((v) => v.id)],
    ))[0];
    await seedScheduling(h.ctx.db, h.ctx.keyring, '2026-12-01');
    expect(await count()).toEqual({ v: 6, hrs: DEMO_HOURS.length, ex: 1, s: 3 });
    expect(DEMO_HOURS).toHaveLength(17);
    const [holiday] = await h.ctx.db.query<{ day: string }>("SELECT to_char(day, 'YYYY-MM-DD') AS day FROM schedule_exceptions WHERE reason = 'Clinic holiday'");
    expect(holiday!.day).toBe('2026-12-22');
    await h.ctx.db.query("UPDATE visit_types SET active = false WHERE id = 'sick-visit'");
    await seedScheduling(h.ctx.db, h.ctx.keyring, '2026-12-01');
    expect(await count()).toEqual({ v: 6, hrs: 17, ex: 1, s: 3 });
    expect((await h.ctx.db.query<{ active: boolean }>("SELECT active FROM visit_types WHERE id = 'sick-visit'"))[0]!.active).toBe(false);
    expect((await schedule('demo-practitioner-patel', 'demo-location-main')).comment).toBe(
      'Mon 08:00-12:00, 13:00-17:00; Tue 08:00-12:00, 13:00-17:00; Wed 08:00-12:00, 13:00-17:00; Thu 08:00-12:00, 13:00-17:00; Fri 08:00-12:00, 13:00-17:00; Sat 09:00-12:00',
    );
  });
});
