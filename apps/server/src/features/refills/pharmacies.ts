import type { Organization } from '@medplum/fhirtypes';
import type { Pharmacy } from '@ourchart/contracts';
import type { FhirStore } from '../../platform/fhir-store/store.ts';

/**
 * Pharmacies are shared Organization resources (no patient compartment) typed as pharmacies with
 * the HL7 v3 RoleCode PHARM, so any FHIR client reads them the same way.
 */
export const PHARMACY_TYPE = { system: 'http://terminology.hl7.org/CodeSystem/v3-RoleCode', code: 'PHARM', display: 'Pharmacy' };

export function isPharmacy(o: Organization): boolean {
  return o.active !== false && (o.type ?? []).some((t) => t.coding?.some((c) => c.system === PHARMACY_TYPE.system && c.code === PHARMACY_TYPE.code));
}

export function toPharmacy(o: Organization): Pharmacy {
  const a = o.address?.[0];
  const address = a ? [...(a.line ?? []), a.city].filter(Boolean).join(', ') : '';
  return { id: o.id!, name: o.name ?? 'Pharmacy', address: address || null, phone: o.telecom?.find((t) => t.system === 'phone')?.value ?? null };
}

/** Every active pharmacy, by name. Not patient data: read from the store directly. */
export async function listPharmacies(store: FhirStore): Promise<Pharmacy[]> {
  const found = await store.search('Organization', [['type', `${PHARMACY_TYPE.system}|${PHARMACY_TYPE.code}`], ['_count', '200']]);
  return (found.resources as Organization[]).filter(isPharmacy).map(toPharmacy).sort((a, b) => a.name.localeCompare(b.name));
}

/** One pharmacy by id, or undefined when it is not an active pharmacy. */
export async function findPharmacy(store: FhirStore, id: string): Promise<Pharmacy | undefined> {
  const row = await store.readRow('Organization', id);
  if (!row || row.deleted || row.resource.resourceType !== 'Organization' || !isPharmacy(row.resource)) return undefined;
  return toPharmacy(row.resource);
}

const DEMO: { id: string; name: string; line: string; city: string; phone: string }[] = [
  { id: 'demo-pharmacy-main-street', name: 'Main Street Pharmacy', line: '120 Main Street', city: 'Springfield', phone: '(555) 010-2001' },
  { id: 'demo-pharmacy-westside', name: 'Westside Drug Store', line: '45 West Avenue', city: 'Springfield', phone: '(555) 010-2002' },
  { id: 'demo-pharmacy-mail-order', name: 'OurChart Mail-Order Pharmacy', line: 'PO Box 300', city: 'Springfield', phone: '(555) 010-2003' },
];

/** The demo clinic's pharmacies (idempotent: unchanged writes create no version). */
export async function seedPharmacies(store: FhirStore): Promise<void> {
  for (const p of DEMO) {
    await store.update<Organization>({
      resourceType: 'Organization', id: p.id, active: true, name: p.name, type: [{ coding: [PHARMACY_TYPE], text: 'Pharmacy' }],
      telecom: [{ system: 'phone', value: p.phone, use: 'work' }],
      address: [{ use: 'work', line: [p.line], city: p.city, state: 'IL', postalCode: '62701', country: 'US' }],
    });
  }
}
