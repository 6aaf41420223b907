import type { Patient, Questionnaire, QuestionnaireItem, QuestionnaireResponse } from '@medplum/fhirtypes';
import type { CareAlert, StaffResponse } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { activeBreakGlassGrants, breakGlassUntil } from '../../platform/access/staff-break-glass.ts';
import { careTeamPatientIds, isOnCareTeam } from '../../platform/access/staff-care-team.ts';
import type { User } from '../../platform/auth/users.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { AppError } from '../../platform/http/errors.ts';
import { findAppointmentRow } from '../echeckin/appointment.queries.ts';
import { acknowledgeAlert, completedResponses, findAlert, listAlerts, type AlertRow } from './questionnaires.queries.ts';
import { answersOf } from './response-resource.ts';
import { pointsFor, ruleFor, scoreResponse } from './scoring.ts';

export type OpenRecord = (patientId: string, options?: { careTeamOnly?: boolean }) => Promise<PatientAccess>;
type Deps = { ctx: AppContext; user: User; client: { ip: string; requestId: string }; open: OpenRecord };

const LISTED = 200;
const NOT_FOUND = 'We could not find that alert.';

async function mayOpen(ctx: AppContext, user: User, patientId: string): Promise<boolean> {
  return (await isOnCareTeam(ctx.store, user, patientId)) || (await breakGlassUntil(ctx.db, user.id, patientId)) !== null;
}

async function toCareAlert(ctx: AppContext, row: AlertRow, name: string): Promise<CareAlert> {
  const appointment = row.appointmentId ? await findAppointmentRow(ctx.db, row.appointmentId) : undefined;
  return {
    id: row.id, kind: row.kind, score: row.score, createdAt: row.createdAt.toISOString(),
    patient: { id: row.patientId, name },
    appointmentStartsAt: appointment ? appointment.startsAt.toISOString() : null,
    acknowledged: row.acknowledgedAt ? { by: row.acknowledgedByName ?? 'Unknown', at: row.acknowledgedAt.toISOString() } : null,
  };
}

/**
 * Care alerts of patients the staff member may see (care team or emergency access), open or
 * acknowledged, newest first. Each patient's record is opened through staffAccessFor, and the
 * Flag behind each alert is read through it, so every disclosure is audited.
 */
export async function listCareAlerts({ ctx, user, open }: Deps, acknowledged: boolean): Promise<CareAlert[]> {
  const candidates = new Set([...(await careTeamPatientIds(ctx.store, user)), ...(await activeBreakGlassGrants(ctx.db, user.id)).keys()]);
  const rows = await listAlerts(ctx.db, acknowledged, [...candidates], LISTED);
  const names = new Map<string, string | null>();
  const out: CareAlert[] = [];
  for (const row of rows) {
    if (!names.has(row.patientId)) {
      if (!(await mayOpen(ctx, user, row.patientId))) {
        names.set(row.patientId, null);
      } else {
        const access = await open(row.patientId);
        names.set(row.patientId, patientDisplayName((await access.readPatient()) as Patient));
        await access.search('Flag', [['_id', rows.filter((r) => r.patientId === row.patientId).map((r) => r.flagId).join(',')]]);
      }
    }
    const name = names.get(row.patientId);
    if (name) out.push(await toCareAlert(ctx, row, name));
  }
  return out;
}

/** Acknowledges an alert (care team only; outsiders get 404, emergency access 403). Once. */
export async function acknowledgeCareAlert({ ctx, user, client, open }: Deps, id: string): Promise<CareAlert> {
  const row = await findAlert(ctx.db, id);
  if (!row || !(await mayOpen(ctx, user, row.patientId))) {
    await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId: row?.patientId ?? null, action: 'update', entityType: 'Flag', entityId: row?.flagId ?? id, outcome: row ? 'denied' : 'not-found', ip: client.ip, requestId: client.requestId });
    throw new AppError('NOT_FOUND', NOT_FOUND);
  }
  const access = await open(row.patientId, { careTeamOnly: true });
  const patient = await access.readPatient();
  const changed = await ctx.db.transaction((tx) => acknowledgeAlert(tx, id, user.id));
  if (!changed) throw new AppError('VERSION_CONFLICT', 'Someone already acknowledged this alert.');
  await ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId: row.patientId, action: 'update', entityType: 'Flag', entityId: row.flagId, query: 'acknowledge', outcome: 'success', ip: client.ip, requestId: client.requestId });
  const updated = (await findAlert(ctx.db, id))!;
  return toCareAlert(ctx, updated, patientDisplayName(patient));
}

function itemTexts(items: QuestionnaireItem[] | undefined, out = new Map<string, string>()): Map<string, string> {
  for (const i of items ?? []) {
    if (i.text) out.set(i.linkId, `${i.prefix ? `${i.prefix} ` : ''}${i.text}`);
    itemTexts(i.item, out);
  }
  return out;
}

/** A patient's completed questionnaires with their scores, each question with its answers in words (staff view). */
export async function staffResponses(ctx: AppContext, access: PatientAccess): Promise<StaffResponse[]> {
  const rows = await completedResponses(ctx.db, access.patientId);
  if (rows.length === 0) return [];
  const found = await access.search<QuestionnaireResponse>('QuestionnaireResponse', [['_id', rows.map((r) => r.id).join(',')], ['_count', String(rows.length)]]);
  const byId = new Map(found.resources.map((r) => [r.id!, r]));
  const out: StaffResponse[] = [];
  for (const row of rows) {
    const qr = byId.get(row.id);
    const q = (await ctx.store.readRow('Questionnaire', row.questionnaireId))?.resource as Questionnaire | undefined;
    if (!qr || !q) continue;
    const answers = answersOf(qr, q);
    const texts = itemTexts(q.item);
    const scored = ruleFor(q) ? scoreResponse(q, answers) : null;
    out.push({
      id: qr.id!, questionnaireId: q.id!, title: q.title ?? q.id!, authored: qr.authored ?? '', score: scored?.score ?? null,
      items: answers.map((a) => ({
        linkId: a.linkId,
        text: texts.get(a.linkId) ?? a.linkId,
        answers: a.answer.map((v) => v.valueCoding?.display ?? v.valueCoding?.code ?? String(v.valueString ?? v.valueInteger ?? v.valueDecimal ?? v.valueDate ?? (v.valueBoolean === undefined ? '' : v.valueBoolean ? 'Yes' : 'No'))),
        points: ruleFor(q) ? pointsFor(q, a.linkId, answers) : null,
      })),
    });
  }
  return out;
}
