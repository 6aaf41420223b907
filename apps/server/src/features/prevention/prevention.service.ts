import type { CodeableConcept, DiagnosticReport, Immunization, Observation, Procedure } from '@medplum/fhirtypes';
import type { PreventionList } from '@ourchart/contracts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { ageInMonths, dueCare, type HistoryEntry } from './due-care.ts';

// The newest 1000 of each type: the last time something was done is what the rules need.
const MAX = '1000';
const VOID = new Set(['entered-in-error', 'cancelled', 'not-done', 'stopped']);

/**
 * Vaccines and screenings due for the patient in context, from the CDC and USPSTF rules in this
 * folder, using the real date. Every read goes through PatientAccess (compartment-limited, audited).
 * `today` is for tests that need a fixed date; the route never passes it.
 */
export async function getPrevention({ access }: { access: PatientAccess }, today: string = new Date().toISOString().slice(0, 10)): Promise<PreventionList> {
  const [patient, immunizations, procedures, observations, reports] = await Promise.all([
    access.readPatient(),
    access.search<Immunization>('Immunization', [['_count', MAX], ['_sort', '-date']]),
    access.search<Procedure>('Procedure', [['_count', MAX], ['_sort', '-date']]),
    access.search<Observation>('Observation', [['_count', MAX], ['_sort', '-date']]),
    access.search<DiagnosticReport>('DiagnosticReport', [['_count', MAX], ['_sort', '-date']]),
  ]);
  const history: HistoryEntry[] = [
    ...immunizations.resources.filter((i) => i.status === 'completed').flatMap((i) => entries(i.vaccineCode, i.occurrenceDateTime)),
    ...procedures.resources.filter((p) => p.status === 'completed').flatMap((p) => entries(p.code, p.performedDateTime ?? p.performedPeriod?.start)),
    ...observations.resources.filter((o) => !VOID.has(o.status)).flatMap((o) => entries(o.code, o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued)),
    ...reports.resources.filter((r) => !VOID.has(r.status)).flatMap((r) => entries(r.code, r.effectiveDateTime ?? r.effectivePeriod?.start ?? r.issued)),
  ];
  if (!patient.birthDate) return { today, ageYears: 0, items: [] };
  return {
    today,
    ageYears: Math.floor(ageInMonths(patient.birthDate, today) / 12),
    items: dueCare({ birthDate: patient.birthDate, sex: patient.gender ?? null, today, history }),
  };
}

/** One history entry per coding (a record coded in LOINC and CPT matches either list). */
function entries(code: CodeableConcept | undefined, date: string | undefined): HistoryEntry[] {
  if (!date || !/^\d{4}-\d{2}-\d{2}/.test(date)) return [];
  return (code?.coding ?? []).filter((c) => c.system && c.code).map((c) => ({ system: c.system!, code: c.code!, date: date.slice(0, 10) }));
}
