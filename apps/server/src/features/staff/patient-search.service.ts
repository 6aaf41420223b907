import type { Patient } from '@medplum/fhirtypes';
import type { StaffPatient } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { User } from '../../platform/auth/users.ts';
import { activeBreakGlassGrants } from '../../platform/access/staff-break-glass.ts';
import { careTeamSubjectIds, isRestricted } from '../../platform/access/staff-care-team.ts';
import type { SearchQuery } from '../../platform/fhir-store/search.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';

const MAX_RESULTS = 50;
const BIRTH_DATE = /^\d{4}-\d{2}-\d{2}$/;

type Client = { ip: string; requestId: string };

/**
 * Staff patient look-up by name, MRN or birth date (YYYY-MM-DD). Scope: patients whose
 * managingOrganization is the user's organization, patients who are the subject of an active
 * CareTeam listing the user's organization or practitioner, and patients the user currently holds
 * emergency access to. Nobody else is ever returned, whatever the query. Audited as one search.
 */
export async function searchPatients({ ctx, user, client }: { ctx: AppContext; user: User; client: Client }, q: string): Promise<StaffPatient[]> {
  const [teamIds, grants] = await Promise.all([careTeamSubjectIds(ctx.store, user), activeBreakGlassGrants(ctx.db, user.id)]);
  const scopes: { query: SearchQuery; managed: boolean }[] = [];
  if (user.organizationId) scopes.push({ query: [['organization', `Organization/${user.organizationId}`]], managed: true });
  const listed = [...new Set([...teamIds, ...grants.keys()])];
  if (listed.length > 0) scopes.push({ query: [['_id', listed.join(',')]], managed: false });

  const matchers: SearchQuery[] = BIRTH_DATE.test(q)
    ? [[['birthdate', q]]]
    : [q.split(/\s+/).filter(Boolean).map((word): [string, string] => ['name', word]), [['identifier', q]]];

  const found = new Map<string, Patient>();
  const managed = new Set<string>();
  for (const scope of scopes) {
    for (const matcher of matchers) {
      const page = await ctx.store.search('Patient', [...scope.query, ...matcher, ['_count', String(MAX_RESULTS)]]);
      for (const p of page.resources as Patient[]) {
        found.set(p.id!, p);
        if (scope.managed && !isRestricted(p)) managed.add(p.id!);
      }
    }
  }
  await ctx.audit.record({
    actorId: user.id, actorRole: user.role, patientId: null, action: 'search', entityType: 'Patient',
    query: new URLSearchParams({ q, results: String(found.size) }).toString(), outcome: 'success', ip: client.ip, requestId: client.requestId,
  });
  return [...found.values()]
    .map((p) => ({
      id: p.id!,
      name: patientDisplayName(p),
      birthDate: p.birthDate ?? null,
      mrn: mrnOf(p),
      inCareTeam: managed.has(p.id!) || teamIds.has(p.id!),
      emergencyAccessUntil: grants.get(p.id!)?.toISOString() ?? null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, MAX_RESULTS);
}

/** The medical record number: the identifier typed MR, else one whose system names an MRN. */
function mrnOf(p: Patient): string | null {
  const ids = p.identifier ?? [];
  const mr = ids.find((i) => i.type?.coding?.some((c) => c.code === 'MR')) ?? ids.find((i) => /mrn/i.test(i.system ?? ''));
  return mr?.value ?? null;
}
