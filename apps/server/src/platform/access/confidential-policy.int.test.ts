import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentReference, Patient } from '@medplum/fhirtypes';
import { testDrivers, type TestDb } from '../../test/databases.ts';
import { buildPatient } from '../../test/factories.ts';
import { AuditLog } from '../audit/audit-log.ts';
import { FhirStore } from '../fhir-store/store.ts';
import { PatientAccess, type Relationship } from './patient-access.ts';

const label = (code: string) => ({ security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code }] });

describe.each(testDrivers)('confidentiality policy in PatientAccess on $name', (driver) => {
  let t: TestDb;
  let store: FhirStore;
  let audit: AuditLog;
  beforeAll(async () => {
    t = await driver.open();
    store = new FhirStore(t.db);
    audit = new AuditLog(t.db);
  });
  afterAll(() => t?.dispose());

  const accessAs = (patientId: string, relationship: Relationship) =>
    new PatientAccess({ store, audit, actor: { userId: `user-${relationship}`, role: relationship === 'care-team' ? 'clinician' : 'patient' }, patientId, relationship });

  it('withholds R and V labelled resources from parents, guardians and caregivers only', async () => {
    // Even a restricted Patient resource stays readable: its label is about staff, not proxies.
    const patient = await store.create(buildPatient({ meta: label('R') }));
    const doc = (meta: DocumentReference['meta']) => store.create<DocumentReference>({
      resourceType: 'DocumentReference', status: 'current', subject: { reference: `Patient/${patient.id}` }, meta,
      content: [{ attachment: { contentType: 'text/plain', data: 'aGk=' } }],
    });
    const normal = await doc(label('N'));
    const restricted = await doc(label('R'));
    const veryRestricted = await doc(label('V'));

    for (const relationship of ['self', 'care-team', 'break-glass'] as const) {
      const access = accessAs(patient.id!, relationship);
      expect((await access.search('DocumentReference')).total).toBe(3);
      expect((await access.read('DocumentReference', restricted.id!)).id).toBe(restricted.id);
    }
    for (const relationship of ['parent', 'guardian', 'caregiver'] as const) {
      const access = accessAs(patient.id!, relationship);
      const found = await access.search('DocumentReference');
      expect(found.resources.map((r) => r.id)).toEqual([normal.id]);
      expect(found.total).toBe(1);
      await expect(access.read('DocumentReference', veryRestricted.id!)).rejects.toMatchObject({ status: 404 });
      expect(await access.previousVersion('DocumentReference', restricted.id!)).toBeUndefined();
      expect((await access.readPatient() as Patient).id).toBe(patient.id);
    }
    const events = await audit.forPatient(patient.id!, 200);
    const denied = events.filter((e) => e.outcome === 'denied');
    expect(denied.map((e) => [e.actor_id, e.action])).toEqual(expect.arrayContaining([['user-parent', 'search'], ['user-parent', 'read'], ['user-caregiver', 'read']]));
    expect(denied.every((e) => e.query === 'policy=confidential' && e.actor_id !== 'user-self')).toBe(true);
  });
});
