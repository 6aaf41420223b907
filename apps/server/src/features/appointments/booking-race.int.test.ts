import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, type TestApp } from '../../test/app.ts';
import { sessionCookie } from '../staff/staff-fixtures.ts';
import { addVisitType, buildClinic, setSchedulingSettings } from './scheduling-fixtures.ts';

const ZONE = 'America/Chicago';

/**
 * No double booking under real concurrency: many patients ask for the same or overlapping time at
 * the same instant, through the real HTTP app. On PostgreSQL the requests run in parallel on a real
 * connection pool (the booked_units primary key decides); on PGlite they interleave on its one
 * connection. Either way exactly one wins and everyone else gets 409 SLOT_TAKEN with alternatives.
 */
describe.each(testDrivers)('concurrent booking on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
    await setSchedulingSettings(h.ctx, { minNoticeMinutes: 0, bookingHorizonDays: 365, timeZone: ZONE });
  }, 120_000);
  afterAll(() => h?.close());

  it('lets exactly one of 24 simultaneous bookings of the same and overlapping times win', { timeout: 120_000 }, async () => {
    const c = await buildClinic(h.ctx, { weekdays: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 720 });
    const long = await addVisitType(h.ctx, c.practitionerId, 40);
    let day = DateTime.now().setZone(ZONE).startOf('day').plus({ days: 9 });
    while (day.weekday > 5) day = day.plus({ days: 1 });
    const t = (hhmm: string) => day.set({ hour: Number(hhmm.slice(0, 2)), minute: Number(hhmm.slice(3)) }).toUTC().toISO()!;

    const patients = await Promise.all(Array.from({ length: 24 }, async (_, i) => {
      const u = await createPatientUser(h.ctx, { given: `Racer${i}` });
      return { ...u, cookie: await sessionCookie(h.ctx, u.userId) };
    }));
    // 12 ask for 10:00 (20 minutes), 12 for 09:40 (40 minutes, overlapping 10:00-10:20).
    const bodies = patients.map((_, i) => i % 2 === 0
      ? { visitTypeId: c.visitTypeId, practitionerId: c.practitionerId, locationId: c.locationId, startsAt: t('10:00') }
      : { visitTypeId: long, practitionerId: c.practitionerId, locationId: c.locationId, startsAt: t('09:40') });

    const responses = await Promise.all(patients.map((p, i) => h.app.inject({
      method: 'POST', url: '/api/appointments', headers: { cookie: p.cookie, ...CSRF }, payload: bodies[i],
    })));

    const statuses = responses.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(23);
    for (const r of responses.filter((x) => x.statusCode === 409)) {
      const body = r.json();
      expect(body.code).toBe('SLOT_TAKEN');
      expect(body.alternatives.length).toBeGreaterThan(0);
      expect(body.alternatives.length).toBeLessThanOrEqual(3);
    }
    const winner = responses.find((r) => r.statusCode === 201)!.json();
    const winnerIndex = responses.findIndex((r) => r.statusCode === 201);
    const expectedUnits = winnerIndex % 2 === 0 ? 4 : 8;

    const units = await h.ctx.db.query<{ appointment_id: string }>('SELECT appointment_id FROM booked_units WHERE practitioner_id = $1', [c.practitionerId]);
    expect(units).toHaveLength(expectedUnits);
    expect(new Set(units.map((u) => u.appointment_id))).toEqual(new Set([winner.id]));
    expect(await h.ctx.db.query('SELECT id FROM appointments WHERE practitioner_id = $1', [c.practitionerId])).toEqual([{ id: winner.id }]);
    const fhir = await h.ctx.db.query<{ id: string }>(
      "SELECT id FROM resources WHERE resource_type = 'Appointment' AND NOT deleted AND patient_id = ANY($1::text[])", [patients.map((p) => p.patientId)],
    );
    expect(fhir).toEqual([{ id: winner.id }]);
    // Only the winner got a confirmation email queued.
    const mails = await h.ctx.db.query<{ to_address: string }>('SELECT to_address FROM mail_outbox WHERE to_address = ANY($1::text[])', [patients.map((p) => p.email)]);
    expect(mails.map((m) => m.to_address)).toEqual([patients[winnerIndex]!.email]);
  });
});
