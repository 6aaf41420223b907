import { randomBytes, randomUUID } from 'node:crypto';
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
import { insertAttachment, insertMessage, insertThread, saveDraft } from '../../features/messaging/messaging.queries.ts';
import { open as unseal, seal } from '../../features/messaging/messaging-crypto.ts';

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

  it('re-encrypts message subjects, bodies, drafts and attachment bytes, which still open with the new key alone', async () => {
    const first = keyringFrom({ keys: `k1:${k1}`, activeKeyId: undefined });
    const patient = await new FhirStore(t.db, first).create(buildPatient());
    const userId = await upsertUser(t.db, { email: `msg-${patient.id}@example.test`, role: 'patient', displayName: 'M', patientId: patient.id!, practitionerId: null, passwordHash: null });
    const [threadId, messageId, draftId, fileId] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()];
    const png = randomBytes(64);
    await insertThread(t.db, { id: threadId, patientId: patient.id!, topic: 'medical-question', subjectEnc: seal.subject(first, threadId, 'Rash on my arm'), poolId: 'care-team', createdBy: userId });
    await insertMessage(t.db, { id: messageId, threadId, patientId: patient.id!, authorUserId: userId, authorKind: 'patient', bodyEnc: seal.body(first, messageId, 'It itches at night.') });
    await insertAttachment(t.db, { id: fileId, messageId, position: 0, fileName: 'arm.png', contentType: 'image/png', size: png.length, dataEnc: seal.bytes(first, fileId, png) });
    await saveDraft(t.db, { id: draftId, threadId, patientId: patient.id!, authorUserId: userId, authorKind: 'patient', bodyEnc: seal.body(first, draftId, 'Also a fever.') });

    const raw = async () => {
      const [row] = await t.db.query<{ subject: string; bodies: string[]; data: string }>(
        `SELECT (SELECT subject_enc FROM message_threads WHERE id = $1) AS subject,
                (SELECT array_agg(body_enc ORDER BY draft) FROM messages WHERE thread_id = $1) AS bodies,
                (SELECT data_enc FROM message_attachments WHERE id = $2) AS data`, [threadId, fileId]);
      return row!;
    };
    const before = await raw();
    expect([before.subject, ...before.bodies, before.data].every((v) => v.startsWith('v1:k1:'))).toBe(true);
    expect(JSON.stringify(before)).not.toContain('Rash');

    const second = keyringFrom({ keys: `k1:${k1},k2:${k2}`, activeKeyId: 'k2' });
    const report = await rotateKeys(t.db, second);
    expect(report.find((r) => r.column === 'message_threads.subject_enc')?.reencrypted).toBe(1);
    expect(report.find((r) => r.column === 'messages.body_enc')?.reencrypted).toBe(2);
    expect(report.find((r) => r.column === 'message_attachments.data_enc')?.reencrypted).toBe(1);

    // The raw rows now carry k2, and open with k2 alone under their own row contexts.
    const after = await raw();
    expect([after.subject, ...after.bodies, after.data].every((v) => v.startsWith('v1:k2:'))).toBe(true);
    const onlyK2 = keyringFrom({ keys: `k2:${k2}`, activeKeyId: undefined });
    expect(unseal.subject(onlyK2, threadId, after.subject)).toBe('Rash on my arm');
    expect(unseal.body(onlyK2, messageId, after.bodies[0]!)).toBe('It itches at night.');
    expect(unseal.body(onlyK2, draftId, after.bodies[1]!)).toBe('Also a fever.');
    expect(unseal.bytes(onlyK2, fileId, after.data).equals(png)).toBe(true);
    expect((await rotateKeys(t.db, second)).every((r) => r.reencrypted === 0)).toBe(true);
  });
});
