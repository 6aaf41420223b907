import type { CareTeam } from '@medplum/fhirtypes';
import type { FhirStore } from '../fhir-store/store.ts';
import { splitReference } from '../fhir-store/indexer.ts';

/**
 * The care-team rule: which patients a staff member (clinician, nurse, staff, admin) may open
 * without breaking the glass. For a user of organization O who may also be practitioner P:
 *
 *   (a) the Patient's managingOrganization is Organization/O and the record is not restricted, or
 *   (b) an active CareTeam (status not inactive or entered-in-error) whose subject is the patient
 *       lists Organization/O or Practitioner/P as a participant member.
 *
 * Both are FHIR searches on the store (Patient `organization`; CareTeam `subject`, `participant`,
 * `status`), so references in any form (relative, absolute, versioned) match the same way.
 * Not used, on purpose: Patient.generalPractitioner (not an indexed search parameter here; a
 * practitioner of another organization joins through a CareTeam instead), and
 * CareTeam.managingOrganization (R4 has no search parameter for it; an organization that runs a
 * care team is listed as a participant member).
 *
 * A restricted record (meta.security confidentiality R or V: a staff member's own chart, a public
 * figure, a protected case) is not opened through (a): only its own care team sees it, and
 * everyone else must break the glass, as in the large EHRs.
 */
export type StaffScope = { organizationId: string | null; practitionerId: string | null };

const CONFIDENTIALITY = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';

/** True for a record labelled restricted (R) or very restricted (V). */
export function isRestricted(resource: { meta?: { security?: { system?: string; code?: string }[] } }): boolean {
  return (resource.meta?.security ?? []).some((s) => s.system === CONFIDENTIALITY && (s.code === 'R' || s.code === 'V'));
}

const ACTIVE_TEAM: [string, string] = ['status:not', 'inactive,entered-in-error'];
const PAGE = 1000;

function memberRefs(u: StaffScope): string[] {
  return [u.organizationId && `Organization/${u.organizationId}`, u.practitionerId && `Practitioner/${u.practitionerId}`].filter((r): r is string => !!r);
}

/** True when the patient is on one of the staff member's care teams (rule above). */
export async function isOnCareTeam(store: FhirStore, user: StaffScope, patientId: string): Promise<boolean> {
  if (user.organizationId) {
    const managed = await store.search('Patient', [['_id', patientId], ['organization', `Organization/${user.organizationId}`], ['_count', '1']]);
    if (managed.resources[0] && !isRestricted(managed.resources[0])) return true;
  }
  const refs = memberRefs(user);
  if (refs.length === 0) return false;
  const teams = await store.search('CareTeam', [['subject', `Patient/${patientId}`], ['participant', refs.join(',')], ACTIVE_TEAM, ['_count', '1']]);
  return teams.total > 0;
}

/** Patients who are the subject of an active CareTeam with the staff member's organization or practitioner (rule b). */
export async function careTeamSubjectIds(store: FhirStore, user: StaffScope): Promise<Set<string>> {
  const ids = new Set<string>();
  const refs = memberRefs(user);
  if (refs.length === 0) return ids;
  for (let offset = 0; ; offset += PAGE) {
    const page = await store.search('CareTeam', [['participant', refs.join(',')], ACTIVE_TEAM, ['_count', String(PAGE)], ['_offset', String(offset)]]);
    for (const team of page.resources as CareTeam[]) {
      const subject = team.subject?.reference ? splitReference(team.subject.reference) : undefined;
      if (subject?.targetType === 'Patient') ids.add(subject.targetId);
    }
    if (page.resources.length < PAGE) return ids;
  }
}

/** Every patient on the organization's care teams (rules a and b): the scope of the admin audit report. */
export async function careTeamPatientIds(store: FhirStore, user: StaffScope): Promise<string[]> {
  const ids = await careTeamSubjectIds(store, user);
  if (user.organizationId) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await store.search('Patient', [['organization', `Organization/${user.organizationId}`], ['_count', String(PAGE)], ['_offset', String(offset)]]);
      for (const p of page.resources) ids.add(p.id!);
      if (page.resources.length < PAGE) break;
    }
  }
  return [...ids];
}
