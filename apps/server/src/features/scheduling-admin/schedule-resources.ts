import { createHash } from 'node:crypto';
import type { Location, Practitioner, Schedule } from '@medplum/fhirtypes';
import { minuteToClock } from '@ourchart/contracts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { formatName } from '../../platform/fhir-store/display.ts';
import type { FhirStore } from '../../platform/fhir-store/store.ts';
import { writeResources } from '../../platform/fhir-store/write.ts';
import { listHours, type HoursRow } from './admin.queries.ts';
import { addDays } from './clinic-time.ts';

/**
 * One FHIR Schedule per clinician and location that has weekly hours (docs/appointments/availability.md):
 *   id               schedule-<practitioner>-<location> (a digest when that is longer than FHIR allows);
 *   actor            Practitioner and Location;
 *   active           true while the pair has hours, false once its last range is removed (kept, not deleted,
 *                    so Slots and Appointments that point at it stay resolvable);
 *   planningHorizon  today .. today + booking horizon (clinic days);
 *   comment          the weekly hours in words, e.g. "Mon 08:00-12:00, 13:00-17:00".
 * Written with writeResources in the same transaction as the hours change, so the FHIR view stays true.
 */
export function scheduleId(practitionerId: string, locationId: string): string {
  const id = `schedule-${practitionerId}-${locationId}`;
  return id.length <= 64 ? id : `schedule-${createHash('sha256').update(`${practitionerId}|${locationId}`).digest('hex').slice(0, 40)}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "Mon 08:00-12:00, 13:00-17:00; Tue ..." for one clinician and location. */
export function hoursInWords(hours: HoursRow[]): string {
  const byDay = new Map<number, string[]>();
  for (const h of [...hours].sort((a, b) => a.weekday - b.weekday || a.startMinute - b.startMinute)) {
    byDay.set(h.weekday, [...(byDay.get(h.weekday) ?? []), `${minuteToClock(h.startMinute)}-${minuteToClock(h.endMinute)}`]);
  }
  return [...byDay].map(([day, ranges]) => `${DAYS[day]} ${ranges.join(', ')}`).join('; ');
}

export type ActorNames = Map<string, string>;

/** Display names of Practitioners and Locations ("Practitioner/x" → name), read before a transaction opens. */
export async function actorNames(store: FhirStore, practitionerIds: string[], locationIds: string[]): Promise<ActorNames> {
  const names: ActorNames = new Map();
  for (const id of new Set(practitionerIds)) {
    const row = await store.readRow('Practitioner', id);
    if (row && !row.deleted) names.set(`Practitioner/${id}`, practitionerName(row.resource as Practitioner));
  }
  for (const id of new Set(locationIds)) {
    const row = await store.readRow('Location', id);
    if (row && !row.deleted) names.set(`Location/${id}`, (row.resource as Location).name ?? id);
  }
  return names;
}

/** "Dr. Sarah Patel": prefix, given and family of the official (or first) name. */
export function practitionerName(p: Practitioner): string {
  const n = p.name?.find((x) => x.use === 'official') ?? p.name?.[0];
  if (!n) return p.id ?? '';
  if (n.text) return n.text;
  return [...(n.prefix ?? []), formatName([{ ...n, prefix: undefined, suffix: undefined }])].filter(Boolean).join(' ');
}

/**
 * Rewrites the Schedule of each (practitioner, location) pair named in `pairs` from the hours now in
 * the transaction: active with the hours in words while any exist, inactive otherwise. Unchanged
 * content is a no-op in writeResources, so calling this after every change is cheap.
 */
export async function syncSchedules(
  tx: Queryable, keyring: Keyring,
  o: { pairs: { practitionerId: string; locationId: string }[]; today: string; horizonDays: number; names: ActorNames },
): Promise<void> {
  const unique = new Map(o.pairs.map((p) => [`${p.practitionerId}|${p.locationId}`, p]));
  if (unique.size === 0) return;
  const hours = await listHours(tx);
  const resources: Schedule[] = [];
  for (const { practitionerId, locationId } of unique.values()) {
    const mine = hours.filter((h) => h.practitionerId === practitionerId && h.locationId === locationId);
    const practitioner = `Practitioner/${practitionerId}`;
    const location = `Location/${locationId}`;
    resources.push({
      resourceType: 'Schedule',
      id: scheduleId(practitionerId, locationId),
      active: mine.length > 0,
      actor: [
        { reference: practitioner, ...(o.names.has(practitioner) ? { display: o.names.get(practitioner) } : {}) },
        { reference: location, ...(o.names.has(location) ? { display: o.names.get(location) } : {}) },
      ],
      planningHorizon: { start: o.today, end: addDays(o.today, o.horizonDays) },
      ...(mine.length > 0 ? { comment: hoursInWords(mine) } : { comment: 'No weekly hours at this location.' }),
    });
  }
  await writeResources(tx, resources.map((resource) => ({ kind: 'put' as const, resource })), keyring);
}

/** Every pair that has hours (to refresh all Schedules, e.g. when the booking horizon changes). */
export async function allPairs(db: Queryable): Promise<{ practitionerId: string; locationId: string }[]> {
  return (await listHours(db)).map((h) => ({ practitionerId: h.practitionerId, locationId: h.locationId }));
}
