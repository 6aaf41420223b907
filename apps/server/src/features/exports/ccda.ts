import { convertCcdaToXml, convertFhirToCcda } from '@medplum/ccda';
import type { Bundle, CodeableConcept, Composition, CompositionSection, Organization, Resource } from '@medplum/fhirtypes';
import { conceptText, patientDisplayName } from '../../platform/fhir-store/display.ts';
import { clinicalDate } from './clinical-dates.ts';
import { allResources, type RecordData } from './record-data.ts';

const LOINC = 'http://loinc.org';
const PORTAL_ORG_ID = 'ourchart-portal';

/** CCD sections, their LOINC codes (C-CDA R2.1) and which part of the data fills each. */
const SECTIONS: { code: string; title: string; pick: (d: RecordData) => Resource[] }[] = [
  { code: '48765-2', title: 'Allergies and adverse reactions', pick: (d) => d.allergies },
  { code: '10160-0', title: 'Medications', pick: (d) => d.medications },
  { code: '11450-4', title: 'Problems', pick: (d) => d.conditions },
  { code: '11369-6', title: 'Immunizations', pick: (d) => d.immunizations },
  {
    code: '30954-2', title: 'Results',
    // Values inside a report travel in its organizer; only stand-alone values get their own entry.
    pick: (d) => {
      const inReports = new Set(d.reports.flatMap((r) => r.result?.map((x) => x.reference) ?? []));
      return [...d.reports, ...d.labs.filter((o) => !inReports.has(`Observation/${o.id}`))];
    },
  },
  { code: '8716-3', title: 'Vital signs', pick: (d) => d.vitals },
  { code: '46240-8', title: 'Encounters', pick: (d) => d.encounters },
  { code: '47519-4', title: 'Procedures', pick: (d) => d.procedures },
  { code: '18776-5', title: 'Plan of treatment', pick: (d) => d.carePlans },
  { code: '61146-7', title: 'Goals', pick: (d) => d.goals },
];

/**
 * The record as a C-CDA R2.1 Continuity of Care Document, for another clinic's system. Built with
 * @medplum/ccda, which needs a Composition naming each section's entries. Every CCD section is
 * present; an empty one says so in its narrative, as the standard asks.
 */
export function toCcdaXml(data: RecordData, generatedAt: Date): string {
  const portal: Organization = { resourceType: 'Organization', id: PORTAL_ORG_ID, name: 'OurChart patient portal' };
  const resources = allResources(data);
  const composition: Composition = {
    resourceType: 'Composition',
    id: `export-${generatedAt.getTime()}`,
    status: 'final',
    language: 'en-US',
    type: { coding: [{ system: LOINC, code: '34133-9', display: 'Summarization of Episode Note' }] },
    subject: { reference: `Patient/${data.patient.id}`, display: patientDisplayName(data.patient) },
    date: generatedAt.toISOString(),
    author: [{ reference: `Organization/${PORTAL_ORG_ID}` }],
    custodian: { reference: `Organization/${PORTAL_ORG_ID}` },
    title: `Health record from ${data.range.from} to ${data.range.to}`,
    event: [{ period: { start: data.range.from, end: data.range.to } }],
    section: SECTIONS.map((s) => section(s.code, s.title, s.pick(data))),
  };
  const bundle: Bundle = {
    resourceType: 'Bundle',
    type: 'document',
    entry: [composition, portal, ...resources].map((resource) => ({ resource })),
  };
  return convertCcdaToXml(convertFhirToCcda(bundle));
}

function section(code: string, title: string, entries: Resource[]): CompositionSection {
  const rows = entries.map((r) => `<item>${escapeXml(label(r))}${clinicalDate(r) ? ` (${clinicalDate(r)})` : ''}</item>`).join('');
  return {
    title,
    code: { coding: [{ system: LOINC, code }] },
    text: {
      status: 'generated',
      div: `<div xmlns="http://www.w3.org/1999/xhtml">${rows ? `<list>${rows}</list>` : '<paragraph>No information in this date range.</paragraph>'}</div>`,
    },
    entry: entries.map((r) => ({ reference: `${r.resourceType}/${r.id}` })),
    ...(entries.length === 0 ? { emptyReason: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/list-empty-reason', code: 'nilknown' }] } } : {}),
  };
}

/** The item's name for the section's narrative (what a person reading the CCD in a viewer sees). */
function label(r: Resource): string {
  const any = r as { code?: CodeableConcept; vaccineCode?: CodeableConcept; medicationCodeableConcept?: CodeableConcept; type?: CodeableConcept[]; description?: CodeableConcept | string; title?: string };
  const fromDescription = typeof any.description === 'string' ? any.description : conceptText(any.description);
  return conceptText(any.code ?? any.vaccineCode ?? any.medicationCodeableConcept ?? any.type?.[0]) ?? any.title ?? fromDescription ?? r.resourceType;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
