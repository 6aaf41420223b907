import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers, type TestDb } from '../../test/databases.ts';
import { buildAllergy, buildObservation, buildPatient } from '../../test/factories.ts';
import { AuditLog } from '../audit/audit-log.ts';
import { FhirStore } from '../fhir-store/store.ts';
import { PatientAccess } from './patient-access.ts';

describe.each(testDrivers)('PatientAccess and the audit trail on $name', (driver) => {
  let t: TestDb;
  let store: FhirStore;
  let audit: AuditLog;
  beforeAll(async () => {
    t = await driver.open();
    store = new FhirStore(t.db);
    audit = new AuditLog(t.db);
  });
  afterAll(() => t?.dispose());

  const accessFor = (patientId: string) =>
    new PatientAccess({ store, audit, actor: { userId: `user-${patientId}`, role: 'patient', ip: '127.0.0.1', requestId: 'req-1' }, patientId, relationship: 'self' });

  it('lets a patient read only their own compartment: another patient\'s ids are 404', async () => {
    const alice = await store.create(buildPatient());
    const bob = await store.create(buildPatient());
    const bobsResult = await store.create(buildObservation(bob.id!));
    const alicesAllergy = await store.create(buildAllergy(alice.id!));
    const access = accessFor(alice.id!);

    expect((await access.read('AllergyIntolerance', alicesAllergy.id!)).id).toBe(alicesAllergy.id);
    await expect(access.read('Observation', bobsResult.id!)).rejects.toMatchObject({ code: 'NOT_FOUND', status: 404 });
    await expect(access.read('Patient', bob.id!)).rejects.toMatchObject({ status: 404 });
    await expect(access.read('Observation', 'does-not-exist')).rejects.toMatchObject({ status: 404 });

    // A search naming someone else's id still only sees the caller's compartment.
    const sneaky = await access.search('Observation', [['patient', `Patient/${bob.id}`]]);
    expect(sneaky.total).toBe(0);
    const own = await access.search('AllergyIntolerance');
    expect(own.resources.map((r) => r.id)).toEqual([alicesAllergy.id]);
    // The audit trail names exactly what was disclosed.
    const [searchEvent] = await audit.forPatient(alice.id!, 1);
    expect(searchEvent).toMatchObject({ action: 'search', entity_type: 'AllergyIntolerance', entity_id: alicesAllergy.id });
  });

  it('audits every read and search, including refused ones, in a verifiable hash chain', async () => {
    const carol = await store.create(buildPatient());
    const dave = await store.create(buildPatient());
    const daves = await store.create(buildObservation(dave.id!));
    const access = accessFor(carol.id!);
    await access.readPatient();
    await access.search('Observation', [['code', '4548-4']]);
    await access.read('Observation', daves.id!).catch(() => {});

    const events = await audit.forPatient(carol.id!);
    expect(events.map((e) => [e.action, e.entity_type, e.outcome])).toEqual([
      ['read', 'Observation', 'not-found'],
      ['search', 'Observation', 'success'],
      ['read', 'Patient', 'success'],
    ]);
    expect(events[0]).toMatchObject({ actor_id: `user-${carol.id}`, ip: '127.0.0.1', request_id: 'req-1' });
    expect(events[1]?.query).toBe('code=4548-4');
    expect(events[1]?.entity_id).toBeNull(); // nothing matched for Carol: nothing disclosed
    expect(await audit.verify()).toMatchObject({ ok: true });
  });

  it('refuses to change or delete audit rows, and detects tampering', async () => {
    await expect(t.db.query("UPDATE audit_events SET outcome = 'success'")).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);

    // Someone with the power to disable the trigger edits history: the chain no longer verifies.
    await t.db.exec('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_or_delete');
    const [first] = await t.db.query<{ seq: number }>('SELECT seq FROM audit_events ORDER BY seq LIMIT 1');
    await t.db.query("UPDATE audit_events SET actor_id = 'someone-else' WHERE seq = $1", [first!.seq]);
    await t.db.exec('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_or_delete');
    const result = await audit.verify();
    expect(result.ok).toBe(false);
    expect(result.brokenAtSeq).toBe(Number(first!.seq));
  });
});
