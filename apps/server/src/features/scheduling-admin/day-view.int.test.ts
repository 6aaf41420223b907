import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appointment } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createTestApp, CSRF, type TestApp } from '../../test/app.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { upsertUser } from '../../platform/auth/users.ts';
import { createManagedPatient, createStaffUser, sessionCookie } from '../staff/staff-fixtures.ts';
import { readSettings } from './admin.queries.ts';
import { createClinician, createLocation, createVisitTypeRow, insertAppointment, nextWeekday } from './scheduling-fixtures.ts';

const ORG = 'org-day-view';
const OTHER_ORG = 'org-day-view-elsewhere';

describe.each(testDrivers)('staff day view on $name', (driver) => {
  let h: TestApp;
  let frontDesk: string;
  let nurse: string;
  let outsider: string;
  let zone: string;
  let doctor: string;
  let otherDoctor: string;
  let place: string;
  let visitType: string;
  let day: string;

  beforeAll(async () => {
    h = await createTestApp(driver);
    frontDesk = (await createStaffUser(h.ctx, { role: 'staff', organizationId: ORG })).cookie;
    nurse = (await createStaffUser(h.ctx, { role: 'nurse', organizationId: ORG })).cookie;
    outsider = (await createStaffUser(h.ctx, { role: 'admin', organizationId: OTHER_ORG })).cookie;
    zone = (await readSettings(h.ctx.db)).timeZone;
    doctor = await createClinician(h.ctx, 'Day');
    otherDoctor = await createClinician(h.ctx, 'Night');
    place = await createLocation(h.ctx);
    visitType = await createVisitTypeRow(h.ctx);
    day = nextWeekday(zone, 3);
  }, 120_000);
  afterAll(() => h?.close());

  const get = (cookie: string, url: string) => h.app.inject({ url, headers: { cookie } });
  const setStatus = (cookie: string, id: string, payload: unknown) =>
    h.app.inject({ method: 'POST', url: `/api/staff/schedule/appointments/${id}/status`, headers: { cookie, ...CSRF }, payload: payload as object });

  async function patientWithVisit(family: string, minute: number, o: { org?: string; practitionerId?: string } = {}) {
    const p = await createManagedPatient(h.ctx, o.org ?? ORG, { name: [{ use: 'official', given: ['Rosa'], family }] });
    const a = await insertAppointment(h.ctx, { patientId: p.id!, practitionerId: o.practitionerId ?? doctor, locationId: place, visitTypeId: visitType, zone, day, minute });
    return { patientId: p.id!, appointmentId: a.id };
  }
  const fhirStatus = async (id: string) => ((await h.ctx.store.read('Appointment', id)) as Appointment).status;
  const rowStatus = async (id: string) => (await h.ctx.db.query<{ status: string }>('SELECT status FROM appointments WHERE id = $1', [id]))[0]!.status;

  it('lists a day of appointments with patient, time, visit type, status and eCheck-in, per clinician or all', async () => {
    const first = await patientWithVisit('Alvarez', 9 * 60 + 40);
    const second = await patientWithVisit('Baker', 8 * 60, { practitionerId: otherDoctor });
    await h.ctx.db.query('UPDATE appointments SET echeckin_completed_at = now() WHERE id = $1', [first.appointmentId]);
    const cancelled = await patientWithVisit('Cole', 10 * 60);
    await h.ctx.db.query("UPDATE appointments SET status = 'cancelled' WHERE id = $1", [cancelled.appointmentId]);

    const res = await get(frontDesk, `/api/staff/schedule?date=${day}`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ date: day, timeZone: zone, hiddenCount: 0 });
    expect(body.clinicians.map((c: { id: string }) => c.id)).toEqual(expect.arrayContaining([doctor, otherDoctor]));
    expect(body.appointments).toEqual([
      expect.objectContaining({ id: second.appointmentId, start: '08:00', end: '08:20', practitionerId: otherDoctor, patient: { id: second.patientId, name: 'Rosa Baker' }, status: 'booked', echeckinDone: false }),
      expect.objectContaining({
        id: first.appointmentId, start: '09:40', end: '10:00', practitionerId: doctor, locationId: place, patient: { id: first.patientId, name: 'Rosa Alvarez' },
        visitType: { id: visitType, nameEn: 'Test visit', nameEs: 'Consulta de prueba' }, status: 'booked', echeckinDone: true,
      }),
    ]);
    const one = (await get(nurse, `/api/staff/schedule?date=${day}&practitioner=${doctor}`)).json();
    expect(one.appointments.map((a: { id: string }) => a.id)).toEqual([first.appointmentId]);
    expect((await get(frontDesk, '/api/staff/schedule?date=2026-13-01')).statusCode).toBe(400);
    expect((await get(frontDesk, '/api/staff/schedule?date=tomorrow')).json().errors[0].message).toBe('Enter the day as year-month-day, for example 2026-12-24.');

    // Each patient shown is opened through staff access, and the disclosure is audited with their id.
    const audited = await h.ctx.db.query<{ entity_id: string }>("SELECT entity_id FROM audit_events WHERE patient_id = $1 AND entity_type = 'Appointment' AND action = 'search'", [first.patientId]);
    expect(audited.map((a) => a.entity_id)).toContain(first.appointmentId);
  });

  it('shows staff of another organization nothing but a count, and patients nothing at all', async () => {
    const theirs = await patientWithVisit('Secretname', 11 * 60);
    const res = await get(outsider, `/api/staff/schedule?date=${day}`);
    expect(res.statusCode).toBe(200);
    expect(res.json().appointments).toEqual([]);
    expect(res.json().hiddenCount).toBeGreaterThan(0);
    expect(res.body).not.toContain('Secretname');
    expect(res.body).not.toContain(theirs.patientId);
    expect((await setStatus(outsider, theirs.appointmentId, { status: 'arrived' })).statusCode).toBe(404);
    expect(await rowStatus(theirs.appointmentId)).toBe('booked');

    const email = `rosa-${theirs.patientId.slice(0, 8)}@example.test`;
    const userId = await upsertUser(h.ctx.db, { email, role: 'patient', displayName: 'Rosa', patientId: theirs.patientId, practitionerId: null, passwordHash: await hashPassword('correct horse battery staple') });
    const patient = await sessionCookie(h.ctx, userId);
    expect((await get(patient, `/api/staff/schedule?date=${day}`)).statusCode).toBe(404);
    expect((await setStatus(patient, theirs.appointmentId, { status: 'arrived' })).statusCode).toBe(404);
    expect(await rowStatus(theirs.appointmentId)).toBe('booked');
  });

  it('checks in, marks no-show and undoes, changing the row and the FHIR Appointment together, audited', async () => {
    const { patientId, appointmentId } = await patientWithVisit('Checkin', 13 * 60);

    const arrived = await setStatus(frontDesk, appointmentId, { status: 'arrived' });
    expect(arrived.statusCode).toBe(200);
    expect(arrived.json()).toMatchObject({ id: appointmentId, status: 'arrived', patient: { name: 'Rosa Checkin' }, start: '13:00' });
    expect([await rowStatus(appointmentId), await fhirStatus(appointmentId)]).toEqual(['arrived', 'arrived']);

    const undone = await setStatus(nurse, appointmentId, { status: 'booked' });
    expect(undone.json().status).toBe('booked');
    expect([await rowStatus(appointmentId), await fhirStatus(appointmentId)]).toEqual(['booked', 'booked']);

    expect((await setStatus(frontDesk, appointmentId, { status: 'noshow' })).json().status).toBe('noshow');
    expect([await rowStatus(appointmentId), await fhirStatus(appointmentId)]).toEqual(['noshow', 'noshow']);
    // A no-show cannot be checked in without undoing first.
    const conflict = await setStatus(frontDesk, appointmentId, { status: 'arrived' });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.json().detail).toBe('This appointment changed meanwhile. Reload the schedule to see where it stands.');
    expect([await rowStatus(appointmentId), await fhirStatus(appointmentId)]).toEqual(['noshow', 'noshow']);

    const audit = await h.ctx.db.query<{ query: string; actor_role: string }>(
      "SELECT query, actor_role FROM audit_events WHERE patient_id = $1 AND entity_type = 'Appointment' AND action = 'update' AND outcome = 'success' ORDER BY seq", [patientId],
    );
    expect(audit).toEqual([{ query: 'status=arrived', actor_role: 'staff' }, { query: 'status=booked', actor_role: 'nurse' }, { query: 'status=noshow', actor_role: 'staff' }]);

    expect((await setStatus(frontDesk, appointmentId, { status: 'fulfilled' })).statusCode).toBe(400);
    expect((await setStatus(frontDesk, 'no-such-appointment', { status: 'arrived' })).statusCode).toBe(404);
  });

  it('leaves the row alone when the FHIR write fails (one transaction)', async () => {
    const { appointmentId } = await patientWithVisit('Atomic', 15 * 60);
    // Someone else writes a new version of the Appointment between the read and the write: the
    // versioned write is refused and the row's status change is rolled back with it.
    const current = (await h.ctx.store.read('Appointment', appointmentId)) as Appointment;
    await h.ctx.db.query(
      "UPDATE resources SET version_id = version_id + 5 WHERE resource_type = 'Appointment' AND id = $1", [appointmentId],
    );
    const res = await setStatus(frontDesk, appointmentId, { status: 'arrived' });
    expect(res.statusCode).toBe(409);
    expect(await rowStatus(appointmentId)).toBe('booked');
    expect(current.status).toBe('booked');
  });
});
