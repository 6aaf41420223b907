import { describe, expect, it } from 'vitest';
import { DEMO_APPOINTMENTS, demoAppointmentStart } from './seed-appointments.ts';

const ZONE = 'America/Chicago';
const physical = DEMO_APPOINTMENTS.find((a) => a.id === 'demo-appointment-ana-physical')!;
const wellChild = DEMO_APPOINTMENTS.find((a) => a.id === 'demo-appointment-ethan-well-child')!;

describe('demo appointment times', () => {
  it("puts Ana's physical the next day at 10:00 clinic time", () => {
    // Monday 2027-02-01 + 1 = Tuesday, 10:00 CST = 16:00Z.
    expect(demoAppointmentStart(physical, '2027-02-01', ZONE).toISOString()).toBe('2027-02-02T16:00:00.000Z');
  });

  it('keeps the physical within 2 days of any seed date, so eCheck-in (3 days before) is open', () => {
    for (let d = 1; d <= 7; d++) {
      const anchor = `2027-02-0${d}`;
      const days = (demoAppointmentStart(physical, anchor, ZONE).getTime() - Date.parse(`${anchor}T06:00:00Z`)) / 86_400_000;
      expect(days, anchor).toBeGreaterThan(0);
      expect(days, anchor).toBeLessThan(2.5);
    }
  });

  it('moves a day off to the next day the clinician works', () => {
    // Saturday + 1 = Sunday → Monday 2027-02-08; in summer time 10:00 CDT = 15:00Z (Saturday 2027-07-03 + 1 → Monday 07-05).
    expect(demoAppointmentStart(physical, '2027-02-06', ZONE).toISOString()).toBe('2027-02-08T16:00:00.000Z');
    expect(demoAppointmentStart(physical, '2027-07-03', ZONE).toISOString()).toBe('2027-07-05T15:00:00.000Z');
    // Dr. Mensah works Monday to Thursday: Tuesday + 10 days = Friday → next Monday, 09:30 CST.
    expect(demoAppointmentStart(wellChild, '2027-02-02', ZONE).toISOString()).toBe('2027-02-15T15:30:00.000Z');
  });

  it('keeps every future demo visit in the future and every fulfilled one in the past', () => {
    const anchor = '2027-02-01';
    for (const spec of DEMO_APPOINTMENTS) {
      const at = demoAppointmentStart(spec, anchor, ZONE).getTime();
      expect(at > Date.parse(`${anchor}T23:59:59Z`), spec.id).toBe(spec.status === 'booked');
    }
  });
});
