import type { WaitlistEntry, WaitlistOffer } from '@ourchart/contracts';
import type { Directory } from './directory.ts';
import type { EntryRow, OfferRow, VisitTypeFacts } from './waitlist.queries.ts';

/** What the API says about entries and offers (the response schemas list every field). */

const visitTypeNames = (id: string, types: Map<string, VisitTypeFacts>) => {
  const t = types.get(id);
  return { id, en: t?.nameEn ?? id, es: t?.nameEs ?? id };
};

export function presentEntry(e: EntryRow, appointmentStartsAt: Date, types: Map<string, VisitTypeFacts>, names: Directory): WaitlistEntry {
  return {
    id: e.id,
    appointmentId: e.appointmentId,
    appointmentStartsAt: appointmentStartsAt.toISOString(),
    visitType: visitTypeNames(e.visitTypeId, types),
    practitioner: e.practitionerId ? { id: e.practitionerId, name: names.practitioner(e.practitionerId) } : null,
    location: { id: e.locationId, name: names.location(e.locationId) },
    earliestDay: e.earliestDay,
    weekdays: e.weekdays,
    status: e.status,
    createdAt: e.createdAt.toISOString(),
  };
}

/**
 * An offer as the patient sees it. An offer still marked 'offered' whose window has passed reads
 * 'expired' (the expiry job may run a moment later), and one whose time was booked meanwhile
 * (by someone else, through the ordinary booking page) reads 'taken'.
 */
export function presentOffer(o: OfferRow, entry: EntryRow, currentStartsAt: Date, types: Map<string, VisitTypeFacts>, names: Directory, booked: boolean): WaitlistOffer {
  let status = o.status;
  if (status === 'offered' && o.expiresAt.getTime() <= Date.now()) status = 'expired';
  else if (status === 'offered' && booked) status = 'taken';
  return {
    id: o.id,
    entryId: o.entryId,
    status,
    startsAt: o.startsAt.toISOString(),
    endsAt: o.endsAt.toISOString(),
    expiresAt: o.expiresAt.toISOString(),
    practitioner: { id: o.practitionerId, name: names.practitioner(o.practitionerId) },
    location: { id: o.locationId, name: names.location(o.locationId) },
    visitType: visitTypeNames(entry.visitTypeId, types),
    currentStartsAt: currentStartsAt.toISOString(),
    createdAt: o.createdAt.toISOString(),
  };
}
