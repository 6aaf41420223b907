import type { Queryable } from '../../platform/db/db.ts';
import { addPoolMember, upsertPool, upsertTemplate } from './messaging.queries.ts';

/** Demo pools per clinician team (the generic care-team, front-desk and billing pools come with migration 0013). */
const POOLS = [
  { id: 'care-patel', kind: 'care-team' as const, practitionerId: 'demo-practitioner-patel', nameEn: "Dr. Patel's care team", nameEs: 'Equipo de atención de la Dra. Patel', replyTimeEn: '2 business days', replyTimeEs: '2 días hábiles' },
  { id: 'care-mensah', kind: 'care-team' as const, practitionerId: 'demo-practitioner-mensah', nameEn: "Dr. Mensah's pediatrics team", nameEs: 'Equipo de pediatría del Dr. Mensah', replyTimeEn: '2 business days', replyTimeEs: '2 días hábiles' },
];

const MEMBERS: [pool: string, email: string][] = [
  ['care-patel', 'clinician@ourchart.example'], ['care-patel', 'nurse@ourchart.example'],
  ['care-mensah', 'nurse@ourchart.example'],
  ['care-team', 'clinician@ourchart.example'], ['care-team', 'nurse@ourchart.example'],
  ['front-desk', 'frontdesk@ourchart.example'],
  ['billing-office', 'admin@ourchart.example'],
];

const TEMPLATES = [
  { id: 'tpl-patel-received', poolId: 'care-patel', title: 'We got your message', body: 'Thank you for your message. Dr. Patel\'s team is looking into it and will answer soon.' },
  { id: 'tpl-patel-refill', poolId: 'care-patel', title: 'Refill sent', body: 'We sent the refill to your pharmacy. It is usually ready within one business day.' },
  { id: 'tpl-patel-results', poolId: 'care-patel', title: 'Results are normal', body: 'Your results are in the normal range. No change to your care is needed.' },
  { id: 'tpl-mensah-received', poolId: 'care-mensah', title: 'We got your message', body: 'Thank you for writing. The pediatrics team will answer soon.' },
];

/** Seeds the demo pools, their members (demo staff, by email) and a few saved replies. Idempotent. */
export async function seedMessaging(db: Queryable): Promise<void> {
  for (const pool of POOLS) await upsertPool(db, pool);
  const users = await db.query<{ id: string; email_normalized: string }>(
    'SELECT id, email_normalized FROM users WHERE email_normalized = ANY($1::text[])', [[...new Set(MEMBERS.map(([, email]) => email))]]);
  const byEmail = new Map(users.map((u) => [u.email_normalized, u.id]));
  for (const [pool, email] of MEMBERS) {
    const userId = byEmail.get(email);
    if (userId) await addPoolMember(db, pool, userId);
  }
  const existing = new Set((await db.query<{ id: string }>('SELECT id FROM message_templates WHERE id = ANY($1::text[])', [TEMPLATES.map((t) => t.id)])).map((r) => r.id));
  for (const t of TEMPLATES) if (!existing.has(t.id)) await upsertTemplate(db, { ...t, userId: null });
}
