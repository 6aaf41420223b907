import type { Address, ContactPoint, Location, Organization, Practitioner, PractitionerRole } from '@medplum/fhirtypes';
import { concept, PROFILES, ref, SYSTEMS, type Code } from './fhir-helpers.ts';
import type { SeedContext } from './seed-context.ts';

export const CLINIC_ID = 'demo-org-riverbend';
export const CLINIC_NAME = 'Riverbend Community Health';
export const INSURER_COMMERCIAL_ID = 'demo-org-bluepeak';
export const INSURER_MEDICARE_ID = 'demo-org-medicare';

export const LOCATIONS = {
  main: { id: 'demo-location-main', name: 'Riverbend Main Clinic' },
  westside: { id: 'demo-location-westside', name: 'Riverbend Westside Pediatrics & Heart Center' },
} as const;
export type LocationKey = keyof typeof LOCATIONS;

type PractitionerSpec = {
  id: string;
  given: string;
  family: string;
  prefix?: string;
  suffix: string;
  gender: 'female' | 'male';
  npiBase: string;
  role: Code;
  specialty: Code;
  location: LocationKey;
};

export const PRACTITIONERS = {
  familyMedicine: {
    id: 'demo-practitioner-patel', given: 'Sarah', family: 'Patel', prefix: 'Dr.', suffix: 'MD', gender: 'female',
    npiBase: '123456701', role: [SYSTEMS.snomed, '309343006', 'Physician'],
    specialty: [SYSTEMS.nucc, '207Q00000X', 'Family Medicine Physician'], location: 'main',
  },
  pediatrics: {
    id: 'demo-practitioner-mensah', given: 'Kwame', family: 'Mensah', prefix: 'Dr.', suffix: 'MD', gender: 'male',
    npiBase: '123456702', role: [SYSTEMS.snomed, '309343006', 'Physician'],
    specialty: [SYSTEMS.nucc, '208000000X', 'Pediatrics Physician'], location: 'westside',
  },
  cardiology: {
    id: 'demo-practitioner-bennett', given: 'Laura', family: 'Bennett', prefix: 'Dr.', suffix: 'MD', gender: 'female',
    npiBase: '123456703', role: [SYSTEMS.snomed, '309343006', 'Physician'],
    specialty: [SYSTEMS.nucc, '207RC0000X', 'Cardiovascular Disease Physician'], location: 'westside',
  },
  nurse: {
    id: 'demo-practitioner-nguyen', given: 'Emily', family: 'Nguyen', suffix: 'RN', gender: 'female',
    npiBase: '123456704', role: [SYSTEMS.snomed, '224535009', 'Registered nurse'],
    specialty: [SYSTEMS.nucc, '163W00000X', 'Registered Nurse'], location: 'main',
  },
} as const satisfies Record<string, PractitionerSpec>;
export type PractitionerKey = keyof typeof PRACTITIONERS;

/** Display name like "Dr. Sarah Patel, MD". */
export function practitionerDisplay(key: PractitionerKey): string {
  const p: PractitionerSpec = PRACTITIONERS[key];
  return `${p.prefix ? `${p.prefix} ` : ''}${p.given} ${p.family}, ${p.suffix}`;
}

/** NPI check digit (Luhn over "80840" + 9 digits), so demo NPIs are well-formed. */
export function npi(base9: string): string {
  const digits = `80840${base9}`.split('').map(Number);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    const fromRight = digits.length - i;
    let d = digits[i] ?? 0;
    if (fromRight % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return `${base9}${(10 - (sum % 10)) % 10}`;
}

const cityAddress = (line: string, postalCode: string): Address => ({
  use: 'work', line: [line], city: 'Riverbend', state: 'MN', postalCode, country: 'US',
});
const phone = (value: string, use: ContactPoint['use'] = 'work'): ContactPoint => ({ system: 'phone', value, use });

/**
 * Adds the clinic, its two locations, the two payers, four practitioners and their roles.
 */
export function addClinic(ctx: SeedContext): void {
  ctx.add<Organization>({
    resourceType: 'Organization', id: CLINIC_ID, meta: { profile: [PROFILES.organization] }, active: true,
    identifier: [{ system: SYSTEMS.npi, value: npi('198765430') }],
    type: [concept(['http://terminology.hl7.org/CodeSystem/organization-type', 'prov', 'Healthcare Provider'])],
    name: CLINIC_NAME,
    telecom: [phone('+1-555-010-2000'), { system: 'url', value: 'https://ourchart.example', use: 'work' }],
    address: [cityAddress('400 Mill Street', '55401')],
  });
  const payers: [string, string, Code, string][] = [
    [INSURER_COMMERCIAL_ID, 'BluePeak Health Plan', ['http://terminology.hl7.org/CodeSystem/organization-type', 'ins', 'Insurance Company'], '+1-555-010-7000'],
    [INSURER_MEDICARE_ID, 'Medicare (Centers for Medicare & Medicaid Services)', ['http://terminology.hl7.org/CodeSystem/organization-type', 'govt', 'Government'], '+1-555-010-7100'],
  ];
  for (const [id, name, type, tel] of payers) {
    ctx.add<Organization>({
      resourceType: 'Organization', id, meta: { profile: [PROFILES.organization] }, active: true,
      type: [concept(type)], name, telecom: [phone(tel)],
      address: [{ use: 'work', line: ['PO Box 1200'], city: 'Saint Paul', state: 'MN', postalCode: '55101', country: 'US' }],
    });
  }
  const locationDetails: Record<LocationKey, [Address, string]> = {
    main: [cityAddress('400 Mill Street', '55401'), '+1-555-010-2000'],
    westside: [cityAddress('1870 West Lake Avenue, Suite 200', '55405'), '+1-555-010-2400'],
  };
  for (const key of ['main', 'westside'] as const) {
    const [address, tel] = locationDetails[key];
    ctx.add<Location>({
      resourceType: 'Location', id: LOCATIONS[key].id, meta: { profile: [PROFILES.location] }, status: 'active',
      name: LOCATIONS[key].name, mode: 'instance',
      type: [key === 'main'
        ? concept([SYSTEMS.roleCode, 'FMC', 'Family medicine clinic'], 'Primary care clinic')
        : concept([SYSTEMS.roleCode, 'PEDC', 'Pediatrics clinic'], 'Pediatrics and cardiology clinic')],
      telecom: [phone(tel)], address, managingOrganization: ref('Organization', CLINIC_ID, CLINIC_NAME),
    });
  }
  for (const key of Object.keys(PRACTITIONERS) as PractitionerKey[]) {
    const p: PractitionerSpec = PRACTITIONERS[key];
    ctx.add<Practitioner>({
      resourceType: 'Practitioner', id: p.id, meta: { profile: [PROFILES.practitioner] }, active: true,
      identifier: [{ system: SYSTEMS.npi, value: npi(p.npiBase) }],
      name: [{ use: 'official', family: p.family, given: [p.given], ...(p.prefix ? { prefix: [p.prefix] } : {}), suffix: [p.suffix], text: practitionerDisplay(key) }],
      telecom: [phone('+1-555-010-2000'), { system: 'email', value: `${p.given.toLowerCase()}.${p.family.toLowerCase()}@riverbend.example`, use: 'work' }],
      gender: p.gender, address: [locationDetails[p.location][0]],
    });
    ctx.add<PractitionerRole>({
      resourceType: 'PractitionerRole', id: `${p.id}-role`, meta: { profile: [PROFILES.practitionerRole] }, active: true,
      practitioner: ref('Practitioner', p.id, practitionerDisplay(key)),
      organization: ref('Organization', CLINIC_ID, CLINIC_NAME),
      code: [concept(p.role)], specialty: [concept(p.specialty)],
      location: [ref('Location', LOCATIONS[p.location].id, LOCATIONS[p.location].name)],
      telecom: [phone(locationDetails[p.location][1])],
    });
  }
}
