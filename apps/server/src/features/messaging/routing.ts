import type { MessageTopic, PoolInfo } from '@ourchart/contracts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { listPools, type PoolRow } from './messaging.queries.ts';

/** Which kind of pool answers each topic. */
export const TOPIC_POOL_KIND: Record<MessageTopic, PoolRow['kind']> = {
  'medical-question': 'care-team', prescription: 'care-team', 'test-result': 'care-team',
  scheduling: 'front-desk', other: 'front-desk', billing: 'billing',
};

export const TOPICS = Object.keys(TOPIC_POOL_KIND) as MessageTopic[];

export const poolInfo = (p: PoolRow): PoolInfo => ({ id: p.id, name: { en: p.nameEn, es: p.nameEs }, replyTime: { en: p.replyTimeEn, es: p.replyTimeEs } });

/**
 * The pool for each topic for the patient in context. Clinical topics go to the care-team pool of
 * the patient's own clinician (Patient.generalPractitioner, read through PatientAccess, so audited),
 * or the default care-team pool when none matches; the rest to the default front-desk or billing pool.
 */
export async function routeTopics(db: Queryable, access: PatientAccess): Promise<Map<MessageTopic, PoolRow>> {
  const pools = await listPools(db);
  const patient = await access.readPatient();
  const clinicians = (patient.generalPractitioner ?? [])
    .map((r) => /^(?:.*\/)?Practitioner\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/.*)?$/.exec(r.reference ?? '')?.[1])
    .filter((id): id is string => !!id);
  const own = clinicians.map((id) => pools.find((p) => p.kind === 'care-team' && p.practitionerId === id)).find((p) => p !== undefined);
  const byKind = (kind: PoolRow['kind']) => pools.find((p) => p.kind === kind && p.isDefault) ?? pools.find((p) => p.kind === kind);
  const out = new Map<MessageTopic, PoolRow>();
  for (const topic of TOPICS) {
    const kind = TOPIC_POOL_KIND[topic];
    const pool = kind === 'care-team' ? (own ?? byKind(kind)) : byKind(kind);
    if (pool) out.set(topic, pool);
  }
  return out;
}
