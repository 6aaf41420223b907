import { randomUUID } from 'node:crypto';
import type { QuestionnaireResponse } from '@medplum/fhirtypes';
import type { AssistanceApplication, AssistanceOverview, ItemAnswer, SavedResponse } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { writeResources } from '../../platform/fhir-store/write.ts';
import { AppError } from '../../platform/http/errors.ts';
import { notifyUser } from '../../platform/notifications/notifications.ts';
import { listPools, poolMembers, type PoolRow } from '../messaging/messaging.queries.ts';
import { checkAnswers } from '../questionnaires/check-answers.ts';
import { toFormQuestionnaire, type Language } from '../questionnaires/localize.ts';
import { currentResponse, lockDraft, markCompleted } from '../questionnaires/questionnaires.queries.ts';
import { saveDraft } from '../questionnaires/questionnaires.service.ts';
import { answersOf, buildResponse } from '../questionnaires/response-resource.ts';
import { ensureAssistanceQuestionnaire } from './assistance-questionnaire.ts';
import { applicationsOfPatient, insertApplication, type ApplicationRow } from './assistance.queries.ts';

type Deps = { ctx: AppContext; access: PatientAccess };

const LISTED = 20;
/** Applications are answered outside any visit: the questionnaire's context id is empty. */
const NO_VISIT = { appointmentId: null, practitionerId: null };
export const ALREADY_WAITING = 'You already sent an application. The billing office will answer it soon, and we will tell you here.';

export const sealReason = (k: Keyring, id: string, text: string) => k.encrypt(text, `assistance_applications.reason:${id}`);
const openReason = (k: Keyring, id: string, value: string) => k.decrypt(value, `assistance_applications.reason:${id}`);

export function toApplication(keyring: Keyring, row: ApplicationRow): AssistanceApplication {
  return {
    id: row.id, state: row.state, submittedAt: row.createdAt.toISOString(), decidedAt: row.decidedAt?.toISOString() ?? null,
    discountPercent: row.discountPercent, reason: row.reasonEnc ? openReason(keyring, row.id, row.reasonEnc) : null,
  };
}

/** The billing office pool (migration 0013): the default pool of kind billing. */
export async function billingPool(ctx: AppContext): Promise<PoolRow> {
  const pools = (await listPools(ctx.db)).filter((p) => p.kind === 'billing');
  const pool = pools.find((p) => p.isDefault) ?? pools[0];
  if (!pool) throw new Error('No billing message pool exists (migration 0013 creates one).');
  return pool;
}

/**
 * The application page: the form in the reader's language, the saved draft (shown to those whose
 * access covers questionnaire answers, which are part of the health record) and past applications.
 */
export async function assistanceOverview({ ctx, access }: Deps, language: Language): Promise<AssistanceOverview> {
  await access.require('billing');
  const q = await ensureAssistanceQuestionnaire(ctx.store);
  const row = access.allows('record') ? await currentResponse(ctx.db, access.patientId, q.id!, '') : undefined;
  const draft = row?.status === 'in-progress' ? await access.read<QuestionnaireResponse>('QuestionnaireResponse', row.id) : null;
  const saved: SavedResponse | null = draft
    ? { id: draft.id!, status: 'in-progress', authored: draft.authored ?? '', answers: answersOf(draft, q), score: null, crisis: false }
    : null;
  const applications = (await applicationsOfPatient(ctx.db, access.patientId, LISTED)).map((r) => toApplication(ctx.keyring, r));
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action: 'read', entityType: 'AssistanceApplication',
    entityId: applications.map((a) => a.id).join(',') || null, query: 'part=assistance', outcome: 'success', ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
  return { questionnaire: toFormQuestionnaire(q, language), draft: saved, applications };
}

/** Saves unfinished answers as an in-progress QuestionnaireResponse (the questionnaires feature's draft). */
export async function saveAssistanceDraft({ ctx, access }: Deps, answers: ItemAnswer[]): Promise<SavedResponse> {
  await access.require('billing');
  return saveDraft({ ctx, access }, await ensureAssistanceQuestionnaire(ctx.store), NO_VISIT, answers);
}

/**
 * Submits an application: the answers checked against the questionnaire (every required one), then
 * in one transaction the completed QuestionnaireResponse in the patient's record, the application
 * row routed to the billing office and an in-app notification to each of its members. One waiting
 * application per patient (409 for a second).
 */
export async function submitApplication({ ctx, access }: Deps, answers: ItemAnswer[]): Promise<AssistanceApplication> {
  await access.require('billing');
  const q = await ensureAssistanceQuestionnaire(ctx.store);
  const kept = checkAnswers(toFormQuestionnaire(q, 'en'), answers, { complete: true });
  const pool = await billingPool(ctx);
  const id = randomUUID();
  const author: QuestionnaireResponse['author'] = access.relationship === 'self' ? { reference: `Patient/${access.patientId}` } : { display: `Proxy (${access.relationship})` };
  const row = await ctx.db.transaction(async (tx) => {
    const draft = await lockDraft(tx, access.patientId, q.id!, '');
    const responseId = draft?.id ?? randomUUID();
    if (!(await insertApplication(tx, { id, patientId: access.patientId, responseId, poolId: pool.id, submittedBy: access.actor.userId }))) {
      throw new AppError('VERSION_CONFLICT', ALREADY_WAITING);
    }
    const qr = buildResponse({
      id: responseId, questionnaire: q, answers: kept, status: 'completed', patientId: access.patientId, author,
      authored: new Date().toISOString(), appointmentId: null, scored: null,
    });
    await writeResources(tx, [{ kind: 'put', resource: qr }], ctx.keyring);
    await markCompleted(tx, { id: responseId, patientId: access.patientId, questionnaireId: q.id!, contextId: '', userId: access.actor.userId, score: null });
    // The billing office hears of it at once (in-app; the kind says nothing about the answers).
    for (const member of await poolMembers(tx, pool.id)) {
      await notifyUser(tx, member.id, access.patientId, { kind: 'assistance-waiting', entityType: 'AssistanceApplication', entityId: id });
    }
    return (await applicationsOfPatient(tx, access.patientId, 1))[0]!;
  });
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action: 'create', entityType: 'AssistanceApplication', entityId: id,
    query: `response=QuestionnaireResponse/${row.responseId};pool=${pool.id}`, outcome: 'success', ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
  return toApplication(ctx.keyring, row);
}
