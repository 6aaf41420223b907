import type { Location, Organization, Practitioner } from '@medplum/fhirtypes';
import type { Queryable } from '../../platform/db/db.ts';
import { placeOf, practitionerName } from '../appointments/place.ts';
import { directoryResources } from './waitlist.queries.ts';

/** Names of clinicians, places and clinics (shared directory resources, not patient data). */
export type Directory = {
  practitioner(id: string): string;
  location(id: string): string;
  /** Location name and one-line address, for emails. */
  where(locationId: string): string;
  clinic(locationId: string): string;
};

/** Loads the names of these clinicians and locations (and the locations' clinics) in one go. */
export async function loadDirectory(db: Queryable, practitionerIds: Iterable<string>, locationIds: Iterable<string>): Promise<Directory> {
  const refs = [
    ...[...new Set(practitionerIds)].map((id) => ({ type: 'Practitioner' as const, id })),
    ...[...new Set(locationIds)].map((id) => ({ type: 'Location' as const, id })),
  ];
  const found = await directoryResources(db, refs);
  const orgIds = [...found.values()]
    .filter((r) => r.resourceType === 'Location')
    .map((r) => (r as unknown as Location).managingOrganization?.reference?.split('/')[1])
    .filter((id): id is string => Boolean(id));
  const orgs = await directoryResources(db, [...new Set(orgIds)].map((id) => ({ type: 'Organization' as const, id })));
  const location = (id: string) => found.get(`Location/${id}`) as unknown as Location | undefined;
  return {
    practitioner: (id) => practitionerName(found.get(`Practitioner/${id}`) as unknown as Practitioner | undefined) || id,
    location: (id) => location(id)?.name ?? id,
    where: (id) => {
      const place = placeOf(location(id));
      return [place.name || id, place.address].filter(Boolean).join(', ');
    },
    clinic: (id) => {
      const l = location(id);
      const org = orgs.get(`Organization/${l?.managingOrganization?.reference?.split('/')[1] ?? ''}`) as unknown as Organization | undefined;
      return org?.name ?? l?.managingOrganization?.display ?? 'OurChart';
    },
  };
}
