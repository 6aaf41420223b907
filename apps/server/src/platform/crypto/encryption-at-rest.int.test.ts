import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Patient } from '@medplum/fhirtypes';
import { testDrivers, type TestDb } from '../../test/databases.ts';
import { buildPatient } from '../../test/factories.ts';
import { FhirStore } from '../fhir-store/store.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { startTotp } from '../auth/totp.ts';
import { upsertUser } from '../auth/users.ts';
import { keyringFrom } from './keyring.ts';
import { rotateKeys } from './rotate.ts';

const SSN = '999-12-3456';
const k1 = randomBytes(32).toString('base64');
const k2 = randomBytes(32).toString('base64');

describe.each(testDrivers)('encryption at rest on $name', (driver) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await driver.open();
  });
  afterAll(() => t?.dispose());

  it('never stores an SSN, a TOTP secret or an email body in clear text, and rotates keys', async () => {
    const first = keyringFrom({ keys: `k1:${k1}`, activeKeyId: undefined });
    const store = new FhirStore(t.db, first);
    const patient = await store.create(buildPatient({ identifier: [{ system: 'http://hl7.org/fhir/sid/us-ssn', value: SSN }, { system: 'https://ourchart.example/mrn', value: 'MRN-42' }] }));
    await store.update({ ...patient, gender: 'male' } as Patient);
    const userId = await upsertUser(t.db, { email: `enc-${patient.id}@example.test`, role: 'patient', displayName: 'E', patientId: patient.id!, practitionerId: null, passwordHash: null });
    const { secret } = await startTotp(t.db, first, { id: userId, email: 'e@example.test' });
    await enqueueMail(t.db, first, { to: 'e@example.test', subject: 'Code', text: 'Your code is 314159' });

    const dump = async () =>
      JSON.stringify(await t.db.query(`SELECT
        (SELECT json_agg(content) FROM resources) AS r, (SELECT json_agg(content) FROM resource_history) AS h,
        (SELECT json_agg(s) FROM search_token s) AS idx, (SELECT json_agg(m) FROM mfa_totp m) AS totp, (SELECT json_agg(o) FROM mail_outbox o) AS mail`));
    const raw = await dump();
    expect(raw).not.toContain(SSN);
    expect(raw).not.toContain(secret);
    expect(raw).not.toContain('314159');
    expect(raw).toContain('MRN-42'); // ordinary identifiers stay searchable
    expect(((await store.read('Patient', patient.id!)) as Patient).identifier?.[0]?.value).toBe(SSN);
    expect(((await store.history('Patient', patient.id!))[1]!.resource as Patient).identifier?.[0]?.value).toBe(SSN);

    // Rotate to k2: everything is re-encrypted, still readable, and k1 is no longer needed.
    const second = keyringFrom({ keys: `k1:${k1},k2:${k2}`, activeKeyId: 'k2' });
    const report = await rotateKeys(t.db, second);
    expect(report.find((r) => r.column === 'mfa_totp.secret_enc')?.reencrypted).toBe(1);
    expect(report.find((r) => r.column.startsWith('resource_history'))?.reencrypted).toBe(2);
    const after = await dump();
    expect(after).not.toContain('"v1:k1:');
    expect(after).not.toContain(SSN);
    const onlyK2 = keyringFrom({ keys: `k2:${k2}`, activeKeyId: undefined });
    expect(((await new FhirStore(t.db, onlyK2).read('Patient', patient.id!)) as Patient).identifier?.[0]?.value).toBe(SSN);
    expect((await rotateKeys(t.db, second)).every((r) => r.reencrypted === 0)).toBe(true);
  });
});
