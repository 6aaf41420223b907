import { describe, expect, it } from 'vitest';
import { computeSlots, unitKey } from './slots.ts';
import type { HoursRow } from './scheduling.queries.ts';

const ZONE = 'America/Chicago';
const hours = (weekday: number, start: number, end: number, practitioner = 'p1'): HoursRow => ({ practitioner_id: practitioner, location_id: 'l1', weekday, start_minute: start, end_minute: end });
const base = { timeZone: ZONE, durationMinutes: 20, exceptions: [], booked: new Set<string>() };

describe('computeSlots', () => {
  it('builds starts every duration from the wall-clock start of each block, in the clinic zone', () => {
    // Monday 2027-02-01 (CST, UTC-6): 09:00-10:00 gives 09:00, 09:20, 09:40.
    const slots = computeSlots({ ...base, hours: [hours(1, 540, 600)], earliest: new Date('2027-02-01T00:00:00Z'), latest: new Date('2027-02-02T12:00:00Z') });
    expect(slots.map((s) => s.startsAt)).toEqual(['2027-02-01T15:00:00.000Z', '2027-02-01T15:20:00.000Z', '2027-02-01T15:40:00.000Z']);
    expect(slots[2]!.endsAt).toBe('2027-02-01T16:00:00.000Z');
  });

  it('keeps 09:00 at 09:00 across the spring-forward and fall-back weeks', () => {
    const at9 = (earliest: string, latest: string) =>
      computeSlots({ ...base, hours: [hours(1, 540, 560)], earliest: new Date(earliest), latest: new Date(latest) }).map((s) => s.startsAt);
    // DST starts Sunday 2027-03-14: Monday before is UTC-6, Monday after is UTC-5.
    expect(at9('2027-03-07T00:00:00Z', '2027-03-16T00:00:00Z')).toEqual(['2027-03-08T15:00:00.000Z', '2027-03-15T14:00:00.000Z']);
    // DST ends Sunday 2027-11-07.
    expect(at9('2027-10-31T00:00:00Z', '2027-11-09T00:00:00Z')).toEqual(['2027-11-01T14:00:00.000Z', '2027-11-08T15:00:00.000Z']);
  });

  it('skips a start inside the spring-forward gap instead of moving it', () => {
    // Sunday 2027-03-14 02:00-03:00 does not exist in Chicago.
    const slots = computeSlots({ ...base, durationMinutes: 30, hours: [hours(0, 60, 240)], earliest: new Date('2027-03-14T00:00:00Z'), latest: new Date('2027-03-15T00:00:00Z') });
    const local = slots.map((s) => new Date(s.startsAt).toLocaleTimeString('en-US', { timeZone: ZONE, hour: 'numeric', minute: '2-digit' }));
    expect(local).toEqual(['1:00 AM', '1:30 AM', '3:00 AM', '3:30 AM']);
  });

  it('removes clinician and clinic-wide exceptions, booked units and times outside notice and horizon', () => {
    const monday = { earliest: new Date('2027-02-01T15:10:00Z'), latest: new Date('2027-02-08T23:00:00Z') };
    const booked = new Set([unitKey('p1', Date.parse('2027-02-01T16:25:00Z'))]); // 10:25 local
    const slots = computeSlots({
      ...base, ...monday, booked,
      hours: [hours(1, 540, 720)],
      exceptions: [
        { practitioner_id: 'p1', day: '2027-02-01', start_minute: 660, end_minute: 690 }, // 11:00-11:30 off
        { practitioner_id: null, day: '2027-02-08', start_minute: null, end_minute: null }, // clinic closed next Monday
        { practitioner_id: 'someone-else', day: '2027-02-01', start_minute: null, end_minute: null },
      ],
    });
    const local = slots.map((s) => new Date(s.startsAt).toLocaleTimeString('en-US', { timeZone: ZONE, hour: 'numeric', minute: '2-digit' }));
    // 09:00 is before the earliest start (09:10); 10:20 holds the booked 10:25 unit; 11:00 and 11:20 meet the time off.
    expect(local).toEqual(['9:20 AM', '9:40 AM', '10:00 AM', '10:40 AM', '11:40 AM']);
    expect(slots.every((s) => s.startsAt < '2027-02-02')).toBe(true);
  });
});
