import type { QuestionnaireItem, QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer } from '@medplum/fhirtypes';
import type { AssistanceDecision, StaffAssistanceApplication } from '@ourchart/contracts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { careTeamPatientIds, isOnCareTeam } from '../../platform/access/staff-care-team.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { AppError } from '../../platform/http/errors.ts';
import { notifyPatient } from '../../platform/notifications/notifications.ts';
import { isPoolMember, poolsOfUser } from '../messaging/messaging.queries.ts';
import { applyFinancialHelp, financialHelpContext } from '../billing/adjustments.ts';
import { staffAudit, type StaffAuditEntry, type StaffDeps } from '../insurance/staff-insurance.service.ts';
import { assistanceQuestionnaire } from './assistance-questionnaire.ts';
import { sealReason, toApplication } from './assistance.service.ts';
import { applicationsForPools, findApplication, markDecided, type ApplicationRow } from './assistance.queries.ts';

const LISTED = 200;
const NOT_FOUND = 'We could not find that application.';
const DECIDED = 'This application was already answered. Reload the list to see the answer.';

const audit = (deps: StaffDeps, a: StaffAuditEntry) => staffAudit(deps, 'AssistanceApplication', a);

function answerText(a: QuestionnaireResponseItemAnswer): string {
  if (a.valueCoding) return a.valueCoding.display ?? a.valueCoding.code ?? '';
  if (a.valueBoolean !== undefined) return a.valueBoolean ? 'Yes' : 'No';
  return String(a.valueString ?? a.valueInteger ?? a.valueDecimal ?? a.valueDate ?? '');
}

/** The answers as question and answer text, in the questionnaire's order (English). */
function readableAnswers(qr: QuestionnaireResponse): { question: string; answer: string }[] {
  const given = new Map<string, QuestionnaireResponseItem>();
  const walk = (items: QuestionnaireResponseItem[] | undefined) => items?.forEach((i) => { given.set(i.linkId, i); walk(i.item); });
  walk(qr.item);
  const out: { question: string; answer: string }[] = [];
  const visit = (items: QuestionnaireItem[] | undefined) => items?.forEach((item) => {
    const a = given.get(item.linkId)?.answer;
    if (a?.length) out.push({ question: item.text ?? item.linkId, answer: a.map(answerText).join(', ') });
    visit(item.item);
  });
  visit(assistanceQuestionnaire().item);
  return out;
}

async function staffView(deps: StaffDeps, access: PatientAccess, row: ApplicationRow): Promise<StaffAssistanceApplication> {
  const [patient, qr] = await Promise.all([access.readPatient(), access.read<QuestionnaireResponse>('QuestionnaireResponse', row.responseId)]);
  return { ...toApplication(deps.ctx.keyring, row), patient: { id: row.patientId, name: patientDisplayName(patient) }, answers: readableAnswers(qr) };
}

/**
 * The billing office's list: waiting (or decided) applications routed to the staff member's
 * billing pools, of patients on their care team. Records are opened through staffAccessFor.
 */
export async function listApplications(deps: StaffDeps, waiting: boolean): Promise<StaffAssistanceApplication[]> {
  const { ctx, user, open } = deps;
  const pools = (await poolsOfUser(ctx.db, user.id)).filter((p) => p.kind === 'billing');
  if (pools.length === 0) return [];
  const rows = await applicationsForPools(ctx.db, pools.map((p) => p.id), waiting, await careTeamPatientIds(ctx.store, user), LISTED);
  const out: StaffAssistanceApplication[] = [];
  for (const row of rows) {
    if (!(await isOnCareTeam(ctx.store, user, row.patientId))) continue;
    out.push(await staffView(deps, await open(row.patientId, { careTeamOnly: true }), row));
  }
  await audit(deps, { action: 'search', patientId: null, entityId: out.map((a) => a.id).join(',') || null, query: `assistance=${waiting ? 'submitted' : 'decided'}` });
  return out;
}

export type DecidableApplication = { row: ApplicationRow; access: PatientAccess };

/** Finds an application before anything else is read: outside the staff member's pool or care team it does not exist (404, audited). */
export async function findDecidable(deps: StaffDeps, id: string): Promise<DecidableApplication> {
  const { ctx, user } = deps;
  const row = await findApplication(ctx.db, id);
  if (!row || !(await isPoolMember(ctx.db, row.poolId, user.id)) || !(await isOnCareTeam(ctx.store, user, row.patientId))) {
    await audit(deps, { action: 'update', patientId: row?.patientId ?? null, entityId: id, query: 'assistance', outcome: row ? 'denied' : 'not-found' });
    throw new AppError('NOT_FOUND', NOT_FOUND);
  }
  return { row, access: await deps.open(row.patientId, { careTeamOnly: true }) };
}

/**
 * Approve with a discount or deny with a reason; one transaction with the patient's notification.
 * An approval also writes the financial-help adjustment (features/billing/adjustments.ts) in that
 * transaction: the discount comes off what the patient owes now, or nothing is recorded at all.
 */
export async function decideApplication(deps: StaffDeps, target: DecidableApplication, decision: AssistanceDecision): Promise<StaffAssistanceApplication> {
  const { ctx, user } = deps;
  const { row } = target;
  if (row.state !== 'submitted') throw new AppError('VERSION_CONFLICT', DECIDED);
  const approved = decision.decision === 'approve';
  const d = {
    state: approved ? 'approved' as const : 'denied' as const, userId: user.id,
    discountPercent: decision.decision === 'approve' ? decision.discountPercent : null,
    reasonEnc: decision.decision === 'deny' ? sealReason(ctx.keyring, row.id, decision.reason) : null,
  };
  // Read from the record before the transaction (PGlite: one connection).
  const help = approved ? await financialHelpContext(target.access) : null;
  await ctx.db.transaction(async (tx) => {
    if (!(await markDecided(tx, row.id, d))) throw new AppError('VERSION_CONFLICT', DECIDED);
    if (help && d.discountPercent !== null) await applyFinancialHelp(tx, help, { applicationId: row.id, percent: d.discountPercent, approvedBy: user.id });
    await notifyPatient(tx, row.patientId, { kind: 'assistance-decided', entityType: 'AssistanceApplication', entityId: row.id });
  });
  await audit(deps, { action: 'update', patientId: row.patientId, entityId: row.id, query: `decision=${decision.decision}` });
  return staffView(deps, target.access, { ...row, state: d.state, discountPercent: d.discountPercent, reasonEnc: d.reasonEnc, decidedAt: new Date() });
}
