import type { Extension, Patient, PatientContact, RelatedPerson } from '@medplum/fhirtypes';
import { CLINIC_ID, CLINIC_NAME, PRACTITIONERS, practitionerDisplay, type PractitionerKey } from './clinic.ts';
import { birthDateForAge } from './dates.ts';
import { concept, PROFILES, ref, SYSTEMS, type Code } from './fhir-helpers.ts';
import type { SeedContext } from './seed-context.ts';

export type PatientKey = 'ana' | 'david' | 'lily' | 'ethan' | 'maria' | 'jose' | 'grace' | 'samuel' | 'priya';

/** What the history builders need to know about a generated patient. */
export type SeedPatient = {
  key: PatientKey;
  id: string;
  display: string;
  gender: 'female' | 'male';
  birthDate: string;
  age: number;
  language: 'en' | 'es';
};

type Race = 'white' | 'black' | 'asian';
type PatientSpec = {
  key: PatientKey; given: string[]; family: string; gender: 'female' | 'male'; age: number; extraDays: number;
  mrn: string; phone: string; email: string | null; line: string; city: string; postalCode: string;
  race: Race; hispanic: boolean; languages: ('en' | 'es')[]; pcp: PractitionerKey;
};

const SPECS: PatientSpec[] = [
  { key: 'ana', given: ['Ana', 'Marie'], family: 'Brooks', gender: 'female', age: 45, extraDays: 131, mrn: 'RB-100231', phone: '+1-555-014-3321', email: 'patient@ourchart.example', line: '2216 Cedar Lane', city: 'Riverbend', postalCode: '55404', race: 'white', hispanic: false, languages: ['en'], pcp: 'familyMedicine' },
  { key: 'david', given: ['David', 'Wei'], family: 'Chen', gender: 'male', age: 40, extraDays: 57, mrn: 'RB-100418', phone: '+1-555-014-7710', email: 'parent@ourchart.example', line: '87 Birch Court', city: 'Riverbend', postalCode: '55406', race: 'asian', hispanic: false, languages: ['en'], pcp: 'familyMedicine' },
  { key: 'lily', given: ['Lily', 'Mei'], family: 'Chen', gender: 'female', age: 8, extraDays: 203, mrn: 'RB-100419', phone: '+1-555-014-7710', email: null, line: '87 Birch Court', city: 'Riverbend', postalCode: '55406', race: 'asian', hispanic: false, languages: ['en'], pcp: 'pediatrics' },
  { key: 'ethan', given: ['Ethan', 'James'], family: 'Chen', gender: 'male', age: 15, extraDays: 88, mrn: 'RB-100420', phone: '+1-555-014-7710', email: null, line: '87 Birch Court', city: 'Riverbend', postalCode: '55406', race: 'asian', hispanic: false, languages: ['en'], pcp: 'pediatrics' },
  { key: 'maria', given: ['María', 'Elena'], family: 'Hernández', gender: 'female', age: 50, extraDays: 244, mrn: 'RB-100512', phone: '+1-555-014-9034', email: 'caregiver@ourchart.example', line: '530 Río Vista Drive', city: 'Riverbend', postalCode: '55407', race: 'white', hispanic: true, languages: ['es', 'en'], pcp: 'familyMedicine' },
  { key: 'jose', given: ['José', 'Luis'], family: 'Hernández', gender: 'male', age: 78, extraDays: 19, mrn: 'RB-100513', phone: '+1-555-014-9035', email: null, line: '530 Río Vista Drive', city: 'Riverbend', postalCode: '55407', race: 'white', hispanic: true, languages: ['es'], pcp: 'familyMedicine' },
  { key: 'grace', given: ['Grace', 'Adaeze'], family: 'Okafor', gender: 'female', age: 62, extraDays: 300, mrn: 'RB-100677', phone: '+1-555-014-2288', email: null, line: '14 Orchard Row', city: 'Riverbend', postalCode: '55408', race: 'black', hispanic: false, languages: ['en'], pcp: 'familyMedicine' },
  { key: 'samuel', given: ['Samuel', 'Thomas'], family: 'Whitfield', gender: 'male', age: 29, extraDays: 162, mrn: 'RB-100702', phone: '+1-555-014-5561', email: null, line: '901 Harbor Street, Apt 4B', city: 'Riverbend', postalCode: '55401', race: 'white', hispanic: false, languages: ['en'], pcp: 'familyMedicine' },
  { key: 'priya', given: ['Priya'], family: 'Natarajan', gender: 'female', age: 34, extraDays: 75, mrn: 'RB-100745', phone: '+1-555-014-6120', email: null, line: '3320 Maple Ridge Road', city: 'Riverbend', postalCode: '55409', race: 'asian', hispanic: false, languages: ['en'], pcp: 'familyMedicine' },
];

const RACE: Record<Race, Code> = {
  white: [SYSTEMS.ombRace, '2106-3', 'White'],
  black: [SYSTEMS.ombRace, '2054-5', 'Black or African American'],
  asian: [SYSTEMS.ombRace, '2028-9', 'Asian'],
};
const LANGUAGE: Record<'en' | 'es', Code> = { en: [SYSTEMS.bcp47, 'en', 'English'], es: [SYSTEMS.bcp47, 'es', 'Spanish'] };

function raceEthnicity(spec: PatientSpec): Extension[] {
  const race = RACE[spec.race];
  const ethnicity: Code = spec.hispanic ? [SYSTEMS.ombRace, '2135-2', 'Hispanic or Latino'] : [SYSTEMS.ombRace, '2186-5', 'Not Hispanic or Latino'];
  return [
    { url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-race', extension: [{ url: 'ombCategory', valueCoding: { system: race[0], code: race[1], display: race[2] } }, { url: 'text', valueString: race[2] }] },
    { url: 'http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity', extension: [{ url: 'ombCategory', valueCoding: { system: ethnicity[0], code: ethnicity[1], display: ethnicity[2] } }, { url: 'text', valueString: ethnicity[2] }] },
  ];
}

/** Who is listed as a contact (and RelatedPerson) for whom: [patient, contact, relationship code, text]. */
const FAMILY_LINKS: [PatientKey, PatientKey, Code, string][] = [
  ['lily', 'david', [SYSTEMS.roleCode, 'FTH', 'father'], 'Father'],
  ['ethan', 'david', [SYSTEMS.roleCode, 'FTH', 'father'], 'Father'],
  ['jose', 'maria', [SYSTEMS.roleCode, 'DAU', 'natural daughter'], 'Daughter and caregiver'],
];

/** RelatedPerson id for a family link, e.g. "demo-relatedperson-david-for-lily". */
export function relatedPersonId(patient: PatientKey, contact: PatientKey): string {
  return `demo-relatedperson-${contact}-for-${patient}`;
}

function patientDisplay(spec: PatientSpec): string {
  return `${spec.given[0]} ${spec.family}`;
}

/**
 * Adds the demo patients (US Core Patient) and the RelatedPerson links between family
 * members. Ages are exact at the anchor date.
 */
export function addPatients(ctx: SeedContext): Record<PatientKey, SeedPatient> {
  const out = {} as Record<PatientKey, SeedPatient>;
  const specByKey = new Map(SPECS.map((s) => [s.key, s]));
  for (const spec of SPECS) {
    const birthDate = birthDateForAge(ctx.anchor, spec.age, spec.extraDays);
    const id = `demo-patient-${spec.key}`;
    const address = { use: 'home' as const, type: 'both' as const, line: [spec.line], city: spec.city, state: 'MN', postalCode: spec.postalCode, country: 'US' };
    const contacts: PatientContact[] = FAMILY_LINKS.filter(([p]) => p === spec.key).map(([, c, code, text]) => {
      const contact = specByKey.get(c);
      if (!contact) throw new Error(`Unknown contact ${c}`);
      return {
        relationship: [concept(code, text), concept(['http://terminology.hl7.org/CodeSystem/v2-0131', 'N', 'Next-of-Kin'])],
        name: { use: 'official', family: contact.family, given: contact.given },
        telecom: [{ system: 'phone', value: contact.phone, use: 'mobile' }],
      };
    });
    const patient: Patient = {
      resourceType: 'Patient', id,
      // Samuel works at the clinic: his chart is restricted, so colleagues outside his care team must
      // "break the glass" (with a reason, audited, administrators told) to open it.
      meta: spec.key === 'samuel'
        ? { profile: [PROFILES.patient], security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R', display: 'restricted' }] }
        : { profile: [PROFILES.patient] },
      extension: raceEthnicity(spec),
      identifier: [{ use: 'usual', type: concept(['http://terminology.hl7.org/CodeSystem/v2-0203', 'MR', 'Medical record number'], 'MRN'), system: SYSTEMS.mrn, value: spec.mrn, assigner: ref('Organization', CLINIC_ID, CLINIC_NAME) }],
      active: true,
      name: [{ use: 'official', family: spec.family, given: spec.given, text: `${spec.given.join(' ')} ${spec.family}` }],
      telecom: [
        { system: 'phone', value: spec.phone, use: spec.age < 18 ? 'home' : 'mobile', rank: 1 },
        ...(spec.email ? [{ system: 'email' as const, value: spec.email, use: 'home' as const }] : []),
      ],
      gender: spec.gender, birthDate, address: [address],
      ...(contacts.length ? { contact: contacts } : {}),
      communication: spec.languages.map((lang, i) => ({ language: concept(LANGUAGE[lang]), preferred: i === 0 })),
      generalPractitioner: [ref('Practitioner', PRACTITIONERS[spec.pcp].id, practitionerDisplay(spec.pcp))],
      managingOrganization: ref('Organization', CLINIC_ID, CLINIC_NAME),
    };
    ctx.add(patient);
    out[spec.key] = { key: spec.key, id, display: patientDisplay(spec), gender: spec.gender, birthDate, age: spec.age, language: spec.languages[0] ?? 'en' };
  }
  for (const [patientKey, contactKey, code, text] of FAMILY_LINKS) {
    const contact = specByKey.get(contactKey);
    const patient = out[patientKey];
    if (!contact) throw new Error(`Unknown contact ${contactKey}`);
    ctx.add<RelatedPerson>({
      resourceType: 'RelatedPerson', id: relatedPersonId(patientKey, contactKey), meta: { profile: [PROFILES.relatedPerson] },
      active: true, patient: ref('Patient', patient.id, patient.display),
      relationship: [concept(code, text)],
      name: [{ use: 'official', family: contact.family, given: contact.given }],
      telecom: [{ system: 'phone', value: contact.phone, use: 'mobile' }, ...(contact.email ? [{ system: 'email' as const, value: contact.email, use: 'home' as const }] : [])],
      gender: contact.gender,
      address: [{ use: 'home', line: [contact.line], city: contact.city, state: 'MN', postalCode: contact.postalCode, country: 'US' }],
    });
  }
  return out;
}
