import { randomUUID } from 'node:crypto';
import type { Questionnaire, QuestionnaireResponse, Resource } from '@medplum/fhirtypes';
import type { ItemAnswer, QuestionnaireView, SavedResponse } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { writeResources } from '../../platform/fhir-store/write.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findAppointmentRow } from '../echeckin/appointment.queries.ts';
import { alertFlag, raiseAlerts } from './alerts.ts';
import { checkAnswers } from './check-answers.ts';
import { toFormQuestionnaire, type Language } from './localize.ts';
import { currentResponse, insertDraft, lockDraft, markCompleted, touchDraft, usersOfPractitioner } from './questionnaires.queries.ts';
import { answersOf, buildResponse } from './response-resource.ts';
import { alertsFor, needsCrisisMessage, scoreResponse } from './scoring.ts';

type Deps = { ctx: AppContext; access: PatientAccess };

/** Where a response is answered: for an appointment of the patient in context, or on its own. */
export type ResponseContext = { appointmentId: string | null; practitionerId: string | null };

const NOT_FOUND = 'We could not find that questionnaire.';

/**
 * A questionnaire definition from the store. Questionnaires are shared definitions, not patient
 * data (no compartment), so they are read from the store directly; only active ones are offered.
 */
export async function loadQuestionnaire(ctx: AppContext, id: string): Promise<Questionnaire> {
  const row = await ctx.store.readRow('Questionnaire', id);
  if (!row || row.deleted || row.patientId !== null || (row.resource as Questionnaire).status !== 'active') throw new AppError('NOT_FOUND', NOT_FOUND);
  return row.resource as Questionnaire;
}

/** The appointment context: the appointment must be the patient's own (read through PatientAccess, 404 otherwise). */
export async function resolveContext({ ctx, access }: Deps, appointmentId: string | undefined): Promise<ResponseContext> {
  if (!appointmentId) return { appointmentId: null, practitionerId: null };
  await access.read('Appointment', appointmentId);
  const row = await findAppointmentRow(ctx.db, appointmentId);
  if (!row || row.patientId !== access.patientId) throw new AppError('NOT_FOUND', 'We could not find that appointment.');
  return { appointmentId, practitionerId: row.practitionerId };
}

async function auditResponse(ctx: AppContext, access: PatientAccess, action: string, id: string, query: string) {
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action, entityType: 'QuestionnaireResponse', entityId: id,
    query, outcome: 'success', ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
}

function toSaved(q: Questionnaire, qr: QuestionnaireResponse): SavedResponse {
  const answers = answersOf(qr, q);
  const scored = qr.status === 'completed' ? scoreResponse(q, answers) : null;
  return {
    id: qr.id!, status: qr.status === 'completed' ? 'completed' : 'in-progress', authored: qr.authored ?? qr.meta?.lastUpdated ?? '',
    answers, score: scored?.score ?? null, crisis: needsCrisisMessage(scored),
  };
}

/** The form in the reader's language with the patient's draft (or completed answers) in this context. */
export async function getQuestionnaireView({ ctx, access }: Deps, q: Questionnaire, context: ResponseContext, language: Language): Promise<QuestionnaireView> {
  const row = await currentResponse(ctx.db, access.patientId, q.id!, context.appointmentId ?? '');
  const qr = row ? await access.read<QuestionnaireResponse>('QuestionnaireResponse', row.id) : null;
  return { questionnaire: toFormQuestionnaire(q, language), response: qr ? toSaved(q, qr) : null };
}

function authorOf(access: PatientAccess): QuestionnaireResponse['author'] {
  return access.relationship === 'self' ? { reference: `Patient/${access.patientId}` } : { display: `Proxy (${access.relationship})` };
}

const ALREADY_DONE = 'You already finished this questionnaire for this visit.';

/**
 * Saves answers as a draft: the QuestionnaireResponse (status in-progress) is created on the
 * first save and replaced by later ones; one draft per patient, questionnaire and context.
 */
export async function saveDraft({ ctx, access }: Deps, q: Questionnaire, context: ResponseContext, answers: ItemAnswer[]): Promise<SavedResponse> {
  const kept = checkAnswers(toFormQuestionnaire(q, 'en'), answers, { complete: false });
  const contextId = context.appointmentId ?? '';
  const current = await currentResponse(ctx.db, access.patientId, q.id!, contextId);
  if (contextId && current?.status === 'completed') throw new AppError('VERSION_CONFLICT', ALREADY_DONE);
  const saved = await ctx.db.transaction(async (tx) => {
    const draft = await lockDraft(tx, access.patientId, q.id!, contextId);
    const id = draft?.id ?? randomUUID();
    if (!draft && !(await insertDraft(tx, { id, patientId: access.patientId, questionnaireId: q.id!, contextId, userId: access.actor.userId }))) {
      throw new AppError('VERSION_CONFLICT', 'Your answers were saved from another window at the same time. Reload the page to see them.');
    }
    const qr = buildResponse({
      id, questionnaire: q, answers: kept, status: 'in-progress', patientId: access.patientId, author: authorOf(access),
      authored: new Date().toISOString(), appointmentId: context.appointmentId, scored: null,
    });
    const [written] = await writeResources(tx, [{ kind: 'put', resource: qr }], ctx.keyring);
    await touchDraft(tx, id);
    return written!.resource as QuestionnaireResponse;
  });
  await auditResponse(ctx, access, current?.status === 'in-progress' ? 'update' : 'create', saved.id!, `questionnaire=${q.id}&status=in-progress`);
  return toSaved(q, saved);
}

/**
 * Completes a response: every enabled required question answered, scored by the published rule
 * (PHQ-9, GAD-7), stored as a completed QuestionnaireResponse with the total, and — in the same
 * transaction — any care alert it raises: a FHIR Flag in the patient's record, a care_alerts row
 * and an in-app notification to the clinician of the appointment.
 */
export async function completeResponse({ ctx, access }: Deps, q: Questionnaire, context: ResponseContext, answers: ItemAnswer[]): Promise<SavedResponse> {
  const kept = checkAnswers(toFormQuestionnaire(q, 'en'), answers, { complete: true });
  const contextId = context.appointmentId ?? '';
  const current = await currentResponse(ctx.db, access.patientId, q.id!, contextId);
  if (contextId && current?.status === 'completed') throw new AppError('VERSION_CONFLICT', ALREADY_DONE);
  const scored = scoreResponse(q, kept);
  const kinds = alertsFor(scored);
  const clinicians = context.practitionerId && kinds.length ? await usersOfPractitioner(ctx.db, context.practitionerId) : [];
  const now = new Date().toISOString();
  const saved = await ctx.db.transaction(async (tx) => {
    const draft = await lockDraft(tx, access.patientId, q.id!, contextId);
    const id = draft?.id ?? randomUUID();
    const qr = buildResponse({
      id, questionnaire: q, answers: kept, status: 'completed', patientId: access.patientId, author: authorOf(access),
      authored: now, appointmentId: context.appointmentId, scored,
    });
    const flags = kinds.map((kind) => alertFlag({ id: randomUUID(), kind, patientId: access.patientId, responseId: id, score: scored!.score.total, now }));
    const written = await writeResources(tx, [{ kind: 'put', resource: qr }, ...flags.map((f) => ({ kind: 'put' as const, resource: f as Resource }))], ctx.keyring);
    await markCompleted(tx, { id, patientId: access.patientId, questionnaireId: q.id!, contextId, userId: access.actor.userId, score: scored?.score.total ?? null });
    await raiseAlerts(tx, { patientId: access.patientId, responseId: id, context, score: scored?.score.total ?? 0, flags, clinicians });
    return written[0]!.resource as QuestionnaireResponse;
  }).catch((err: unknown) => {
    // Another completion for the same visit won a race (questionnaire_responses_once_per_visit_idx).
    const e = err as { code?: string; constraint?: string; message?: string };
    if (e.code === '23505' && /questionnaire_responses/.test(`${e.constraint ?? ''} ${e.message ?? ''}`)) throw new AppError('VERSION_CONFLICT', ALREADY_DONE);
    throw err;
  });
  await auditResponse(ctx, access, current?.status === 'in-progress' ? 'update' : 'create', saved.id!, `questionnaire=${q.id}&status=completed`);
  return toSaved(q, saved);
}
