import type { Appointment, Location, Organization, Practitioner } from '@medplum/fhirtypes';
import type { AppointmentView, VisitRequestView } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { actorId, visitTypeCode } from './appointment-resource.ts';
import { clinicPhone, directionsUrl, placeOf, practitionerName } from './place.ts';
import { listVisitTypes, loadSettings, type AppointmentRow, type SchedulingSettings, type VisitTypeRow } from './scheduling.queries.ts';

/** eCheck-in opens this long before a visit (the eCheck-in slice uses the same window). */
export const CHECK_IN_WINDOW_MS = 3 * 86_400_000;
/** A video visit's join link shows from this long before the start. */
export const VIDEO_OPENS_BEFORE_MS = 30 * 60_000;

export type Locale = 'en' | 'es';

/**
 * What turning appointments into views needs, read once per request: settings, visit types and
 * the shared Practitioner, Location and Organization resources (not patient data, so read from
 * the store directly and cached for the request).
 */
export type ViewContext = {
  settings: SchedulingSettings;
  visitTypes: Map<string, VisitTypeRow>;
  locale: Locale;
  now: number;
  videoUrl: (id: string) => string;
  practitioner(id: string): Promise<Practitioner | undefined>;
  location(id: string): Promise<Location | undefined>;
  organization(id: string): Promise<Organization | undefined>;
};

export async function viewContext(ctx: AppContext, locale: Locale): Promise<ViewContext> {
  const cache = new Map<string, Promise<unknown>>();
  const shared = <T>(type: string, id: string): Promise<T | undefined> => {
    const key = `${type}/${id}`;
    if (!cache.has(key)) cache.set(key, ctx.store.readRow(type, id).then((r) => (r && !r.deleted && r.patientId === null ? r.resource : undefined)));
    return cache.get(key) as Promise<T | undefined>;
  };
  const template = ctx.config.videoVisitUrl ?? `${ctx.config.publicUrl}/video/{id}`;
  return {
    settings: await loadSettings(ctx.db),
    visitTypes: new Map((await listVisitTypes(ctx.db, { activeOnly: false })).map((v) => [v.id, v])),
    locale,
    now: Date.now(),
    videoUrl: (id) => template.replaceAll('{id}', encodeURIComponent(id)),
    practitioner: (id) => shared<Practitioner>('Practitioner', id),
    location: (id) => shared<Location>('Location', id),
    organization: (id) => shared<Organization>('Organization', id),
  };
}

export function visitTypeName(v: VisitTypeRow | undefined, locale: Locale, fallback: string): string {
  if (!v) return fallback;
  return locale === 'es' ? v.name_es : v.name_en;
}

async function phoneFor(vc: ViewContext, location: Location | undefined): Promise<string | null> {
  const orgId = location?.managingOrganization?.reference?.replace(/^Organization\//, '');
  return clinicPhone(location, orgId ? await vc.organization(orgId) : undefined);
}

/** The clinic phone to give when a change must be made by phone. */
export async function clinicPhoneFor(vc: ViewContext, locationId: string | undefined): Promise<string | null> {
  return phoneFor(vc, locationId ? await vc.location(locationId) : undefined);
}

/** One visit as the patient sees it; the table row (when there is one) holds the current status. */
export async function toView(vc: ViewContext, a: Appointment, row: AppointmentRow | undefined): Promise<AppointmentView> {
  const visitTypeId = row?.visit_type_id ?? visitTypeCode(a) ?? '';
  const visitType = vc.visitTypes.get(visitTypeId);
  const practitionerId = row?.practitioner_id ?? actorId(a, 'Practitioner');
  const locationId = row?.location_id ?? actorId(a, 'Location');
  const practitioner = practitionerId ? await vc.practitioner(practitionerId) : undefined;
  const location = locationId ? await vc.location(locationId) : undefined;
  const status = (row?.status ?? a.status) as AppointmentView['status'];
  const start = row ? new Date(row.starts_at).getTime() : Date.parse(a.start ?? '');
  const end = row ? new Date(row.ends_at).getTime() : Date.parse(a.end ?? '');
  const video = visitType?.modality === 'video';
  const place = placeOf(location);
  const changeUntil = start - vc.settings.cancelCutoffHours * 3_600_000;
  const booked = status === 'booked';
  const opens = start - VIDEO_OPENS_BEFORE_MS;
  return {
    id: a.id!,
    status,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(end).toISOString(),
    timeZone: vc.settings.timeZone,
    visitType: { id: visitTypeId, name: visitTypeName(visitType, vc.locale, a.serviceType?.[0]?.text ?? '') },
    modality: video ? 'video' : 'in-person',
    clinician: practitionerId ? { id: practitionerId, name: practitionerName(practitioner) || (a.participant?.find((p) => p.actor?.reference === `Practitioner/${practitionerId}`)?.actor?.display ?? '') } : null,
    place: video || !locationId ? null : { id: locationId, ...place, directionsUrl: directionsUrl(place) },
    videoUrl: video && booked && vc.now >= opens && vc.now < end ? vc.videoUrl(a.id!) : null,
    videoOpensAt: video ? new Date(opens).toISOString() : null,
    changeUntil: booked && vc.now < start ? new Date(changeUntil).toISOString() : null,
    canChange: booked && vc.now < changeUntil,
    checkInOpen: booked && vc.now >= start - CHECK_IN_WINDOW_MS && vc.now < start,
    checkInDone: Boolean(row?.echeckin_completed_at),
    bring: visitType ? (vc.locale === 'es' ? visitType.bring_es : visitType.bring_en) : '',
    clinicPhone: await phoneFor(vc, location),
  };
}

/** A request for a visit staff book (FHIR Appointment only, status proposed). */
export async function toRequestView(vc: ViewContext, a: Appointment): Promise<VisitRequestView> {
  const visitTypeId = visitTypeCode(a) ?? '';
  const practitionerId = actorId(a, 'Practitioner');
  const period = a.requestedPeriod?.[0];
  const day = (iso: string | undefined) => (iso ? iso.slice(0, 10) : null);
  return {
    id: a.id!,
    status: a.status === 'cancelled' ? 'cancelled' : a.status === 'booked' ? 'booked' : 'proposed',
    visitType: { id: visitTypeId, name: visitTypeName(vc.visitTypes.get(visitTypeId), vc.locale, a.serviceType?.[0]?.text ?? '') },
    clinician: practitionerId ? { id: practitionerId, name: practitionerName(await vc.practitioner(practitionerId)) } : null,
    preferredFrom: day(period?.start),
    preferredTo: day(period?.end),
    requestedAt: a.created ?? null,
  };
}
