import type { Immunization } from '@medplum/fhirtypes';
import type { ImmunizationHistory, VaccineDose } from '@ourchart/contracts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { conceptText, referenceText } from '../../platform/fhir-store/display.ts';
import { SYSTEM } from './rule-types.ts';

/**
 * The patient's vaccine history grouped by vaccine (the name the record gives), each group's doses
 * newest first and groups by their latest dose. Doses offered and not given stay, marked, because
 * the record shows them; entered-in-error ones are left out. Reads go through PatientAccess.
 */
export async function getImmunizationHistory({ access }: { access: PatientAccess }): Promise<ImmunizationHistory> {
  const found = await access.search<Immunization>('Immunization', [['_count', '1000'], ['_sort', '-date']]);
  const groups = new Map<string, { vaccine: string; cvx: string | null; doses: VaccineDose[] }>();
  for (const i of found.resources) {
    if (i.status === 'entered-in-error') continue;
    const vaccine = conceptText(i.vaccineCode) ?? 'Vaccine';
    const group = groups.get(vaccine) ?? { vaccine, cvx: i.vaccineCode.coding?.find((c) => c.system === SYSTEM.cvx)?.code ?? null, doses: [] };
    const dose = i.protocolApplied?.[0]?.doseNumberPositiveInt ?? Number(i.protocolApplied?.[0]?.doseNumberString ?? NaN);
    group.doses.push({
      id: i.id!,
      date: i.occurrenceDateTime ?? i.occurrenceString ?? null,
      doseNumber: Number.isInteger(dose) ? dose : null,
      location: referenceText(i.location) ?? null,
      status: i.status,
    });
    groups.set(vaccine, group);
  }
  const latest = (g: { doses: VaccineDose[] }) => g.doses.map((d) => d.date ?? '').sort().at(-1) ?? '';
  for (const g of groups.values()) g.doses.sort((a, b) => (b.date ?? '').localeCompare(a.date ?? ''));
  return { groups: [...groups.values()].sort((a, b) => latest(b).localeCompare(latest(a)) || a.vaccine.localeCompare(b.vaccine)) };
}
