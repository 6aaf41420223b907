import type { Resource } from '@medplum/fhirtypes';
import type { Db } from '../db/db.ts';
import { protectResource, revealResource } from '../fhir-store/sensitive.ts';
import type { Keyring } from './keyring.ts';

/**
 * Every encrypted column, with the context its values are bound to. Adding an encrypted column
 * means adding it here, so rotation cannot forget it.
 */
const COLUMNS = [
  { table: 'mfa_totp', key: 'user_id', column: 'secret_enc', context: (id: string) => `mfa_totp.secret:${id}` },
  { table: 'mail_outbox', key: 'id', column: 'body_enc', context: (id: string) => `mail_outbox.body:${id}` },
  { table: 'break_glass_grants', key: 'id', column: 'reason_enc', context: (id: string) => `break_glass_grants.reason:${id}` },
  // Messaging (migration 0013, contexts in features/messaging/messaging-crypto.ts): subjects, bodies
  // (drafts included: a new-message draft is its JSON under the same context) and attachment bytes.
  { table: 'message_threads', key: 'id', column: 'subject_enc', context: (id: string) => `message_threads.subject:${id}` },
  { table: 'messages', key: 'id', column: 'body_enc', context: (id: string) => `messages.body:${id}` },
  // Up to 10 MB each: a few per transaction keeps memory bounded.
  { table: 'message_attachments', key: 'id', column: 'data_enc', context: (id: string) => `message_attachments.data:${id}`, maxBatch: 5 },
] as const;

export type RotationReport = { column: string; reencrypted: number }[];

/**
 * Re-encrypts every value written with an older key using the active key (ENCRYPTION_KEY_ID), in
 * batches, each in its own transaction. Safe to run while the portal is up and safe to re-run.
 * Old keys can be removed from ENCRYPTION_KEYS once this reports nothing left.
 */
export async function rotateKeys(db: Db, keyring: Keyring, batch = 500): Promise<RotationReport> {
  const report: RotationReport = [];
  const active = `v1:${keyring.activeKeyId}:%`;
  for (const c of COLUMNS) {
    let total = 0;
    const size = 'maxBatch' in c ? Math.min(c.maxBatch, batch) : batch;
    for (;;) {
      const n = await db.transaction(async (tx) => {
        const rows = await tx.query<{ k: string; v: string }>(
          `SELECT ${c.key}::text AS k, ${c.column} AS v FROM ${c.table} WHERE ${c.column} NOT LIKE $1 LIMIT ${size} FOR UPDATE`,
          [active],
        );
        for (const r of rows) {
          const plain = keyring.decrypt(r.v, c.context(r.k));
          await tx.query(`UPDATE ${c.table} SET ${c.column} = $2 WHERE ${c.key}::text = $1`, [r.k, keyring.encrypt(plain, c.context(r.k))]);
        }
        return rows.length;
      });
      total += n;
      if (n < size) break;
    }
    report.push({ column: `${c.table}.${c.column}`, reencrypted: total });
  }
  for (const table of ['resources', 'resource_history'] as const) {
    let total = 0;
    // Sensitive identifiers inside FHIR JSON: rows whose content holds a value under another key.
    const rows = await db.query<{ resource_type: string; id: string; version_id: number; content: Resource }>(
      `SELECT resource_type, id, version_id, content FROM ${table}
        WHERE resource_type IN ('Patient', 'RelatedPerson', 'Person', 'Practitioner')
          AND content::text LIKE '%"v1:%' AND content::text NOT LIKE $1`,
      [`%"v1:${keyring.activeKeyId}:%`],
    );
    for (const r of rows) {
      const fresh = protectResource(revealResource(r.content, keyring), keyring);
      const where = table === 'resources' ? 'resource_type = $1 AND id = $2' : 'resource_type = $1 AND id = $2 AND version_id = $4';
      await db.query(`UPDATE ${table} SET content = $3 WHERE ${where}`, table === 'resources' ? [r.resource_type, r.id, JSON.stringify(fresh)] : [r.resource_type, r.id, JSON.stringify(fresh), r.version_id]);
      total++;
    }
    report.push({ column: `${table}.content (sensitive identifiers)`, reencrypted: total });
  }
  return report;
}
