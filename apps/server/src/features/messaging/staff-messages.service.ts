import { randomUUID } from 'node:crypto';
import type { Communication } from '@medplum/fhirtypes';
import type { InboxFilter, MessageTemplate, MessageTemplateInput, StaffInbox, StaffPoolList, StaffReply, StaffThreadDetail } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { activeBreakGlassGrants, breakGlassUntil } from '../../platform/access/staff-break-glass.ts';
import { careTeamPatientIds, isOnCareTeam } from '../../platform/access/staff-care-team.ts';
import type { AuditOutcome } from '../../platform/audit/audit-log.ts';
import type { User } from '../../platform/auth/users.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { writeResources } from '../../platform/fhir-store/write.ts';
import { AppError } from '../../platform/http/errors.ts';
import { markItemNotificationsRead, notifyUser } from '../../platform/notifications/notifications.ts';
import { patientAudience } from '../../platform/access/proxy-grants.ts';
import { threadCommunications } from './communications.ts';
import { messagePosted } from './message-posted.ts';
import { announceThreadChange } from './thread-events.ts';
import { open as unseal, seal } from './messaging-crypto.ts';
import {
  assignThread, attachmentsOfThread, deleteDraft, deleteTemplate, findPool, findTemplate, findThread, inboxCounts, inboxThreads, insertMessage,
  isPoolMember, markThreadRead, clearReadThreadNotifications, patientOwnUserIds, practitionerIdsOf, poolMembers, poolsOfUser, setThreadStatus, templatesOfPools, threadMessages,
  upsertTemplate, type PoolRow, type ThreadRow,
} from './messaging.queries.ts';
import { poolInfo } from './routing.ts';
import { summarize, threadDetail } from './thread-view.ts';

/** Opens one patient's record for the signed-in staff member (staffAccessFor bound to the request). */
export type OpenRecord = (patientId: string, options?: { careTeamOnly?: boolean }) => Promise<PatientAccess>;
export type StaffDeps = { ctx: AppContext; user: User; client: { ip: string; requestId: string }; open: OpenRecord; log?: { error: (o: object, msg: string) => void } };

const NOT_FOUND = 'We could not find that conversation.';

async function audit({ ctx, user, client }: StaffDeps, a: { action: string; patientId: string | null; entityType: string; entityId: string | null; outcome?: AuditOutcome; query?: string | null }) {
  await ctx.audit.record({
    actorId: user.id, actorRole: user.role, patientId: a.patientId, action: a.action, entityType: a.entityType, entityId: a.entityId,
    query: a.query ?? null, outcome: a.outcome ?? 'success', ip: client.ip, requestId: client.requestId,
  });
}

/** Patients whose threads the staff member may see: care team (organization or CareTeam) and unexpired emergency grants. */
async function visiblePatients({ ctx, user }: StaffDeps): Promise<string[]> {
  return [...new Set([...(await careTeamPatientIds(ctx.store, user)), ...(await activeBreakGlassGrants(ctx.db, user.id)).keys()])];
}

async function mayOpen(ctx: AppContext, user: User, patientId: string): Promise<boolean> {
  return (await isOnCareTeam(ctx.store, user, patientId)) || (await breakGlassUntil(ctx.db, user.id, patientId)) !== null;
}

/** The pools the staff member belongs to, with how many threads each filter holds. */
export async function listStaffPools(deps: StaffDeps): Promise<StaffPoolList> {
  const { ctx, user } = deps;
  const pools = await poolsOfUser(ctx.db, user.id);
  const patients = pools.length > 0 ? await visiblePatients(deps) : [];
  const out: StaffPoolList['pools'] = [];
  for (const p of pools) out.push({ ...poolInfo(p), counts: await inboxCounts(ctx.db, p.id, user.id, patients) });
  return { pools: out };
}

/** A pool the user belongs to (the first one when none is named), or NOT_FOUND. */
async function memberPool({ ctx, user }: StaffDeps, poolId: string | undefined): Promise<PoolRow | null> {
  if (!poolId) return (await poolsOfUser(ctx.db, user.id))[0] ?? null;
  const pool = await findPool(ctx.db, poolId);
  if (!pool || !(await isPoolMember(ctx.db, poolId, user.id))) throw new AppError('NOT_FOUND', 'We could not find that inbox.');
  return pool;
}

/**
 * One pool's inbox under a filter. Each patient's record is opened through staffAccessFor (so the
 * name shown is an audited disclosure) and patients outside the care team are left out.
 */
export async function staffInbox(deps: StaffDeps, poolId: string | undefined, filter: InboxFilter): Promise<StaffInbox> {
  const { ctx, user, open } = deps;
  const pool = await memberPool(deps, poolId);
  if (!pool) return { poolId: '', filter, threads: [] };
  const rows = await inboxThreads(ctx.db, pool.id, user.id, filter, await visiblePatients(deps));
  const names = new Map<string, string>();
  for (const patientId of new Set(rows.map((r) => r.patientId))) {
    names.set(patientId, patientDisplayName(await (await open(patientId)).readPatient()));
  }
  const members = new Map((await poolMembers(ctx.db, pool.id)).map((m) => [m.id, m]));
  await audit(deps, { action: 'search', patientId: null, entityType: 'MessageThread', entityId: null, query: `pool=${pool.id};filter=${filter}` });
  return {
    poolId: pool.id, filter,
    threads: rows.map((t) => ({
      ...summarize(ctx.keyring, t, pool), patient: { id: t.patientId, name: names.get(t.patientId) ?? '' },
      assignedTo: t.assignedUserId ? (members.get(t.assignedUserId) ?? { id: t.assignedUserId, name: '' }) : null,
    })),
  };
}

/** A thread the staff member may act on: member of its pool and on the patient's care team (or break-glass); else 404 (audited). */
export type StaffThread = { thread: ThreadRow; pool: PoolRow; access: PatientAccess };

export async function findStaffThread(deps: StaffDeps, id: string, options: { action: string; careTeamOnly?: boolean }): Promise<StaffThread> {
  const { ctx, user, open } = deps;
  const thread = await findThread(ctx.db, id);
  const allowed = thread && (await isPoolMember(ctx.db, thread.poolId, user.id)) && (await mayOpen(ctx, user, thread.patientId));
  if (!thread || !allowed) {
    await audit(deps, { action: options.action, patientId: thread?.patientId ?? null, entityType: 'MessageThread', entityId: id, outcome: thread ? 'denied' : 'not-found' });
    throw new AppError('NOT_FOUND', NOT_FOUND);
  }
  const access = await open(thread.patientId, { careTeamOnly: options.careTeamOnly });
  return { thread, pool: (await findPool(ctx.db, thread.poolId))!, access };
}

/** Opens a thread for staff: marks the messages read by this staff member (the patient sees "Read by the care team"). */
export async function readStaffThread(deps: StaffDeps, { thread, pool, access }: StaffThread): Promise<StaffThreadDetail> {
  const { ctx, user } = deps;
  // A new read receipt reaches the patient's open page at once.
  if (await markThreadRead(ctx.db, thread.id, user.id, 'staff')) await announceThreadChange(ctx, { threadId: thread.id, patientId: thread.patientId, poolId: thread.poolId, actorUserId: user.id });
  await markItemNotificationsRead(ctx.db, user.id, 'MessageThread', thread.id);
  const patient = await access.readPatient();
  await audit(deps, { action: 'read', patientId: thread.patientId, entityType: 'MessageThread', entityId: thread.id });
  return staffView(deps, (await findThread(ctx.db, thread.id))!, pool, patientDisplayName(patient));
}

async function staffView({ ctx, user }: StaffDeps, thread: ThreadRow, pool: PoolRow, patientName: string): Promise<StaffThreadDetail> {
  const members = await poolMembers(ctx.db, pool.id);
  const detail = await threadDetail(ctx.db, ctx.keyring, thread, pool, { userId: user.id });
  const assigned = thread.assignedUserId ? (members.find((m) => m.id === thread.assignedUserId) ?? { id: thread.assignedUserId, name: '' }) : null;
  return { ...detail, patient: { id: thread.patientId, name: patientName }, assignedTo: assigned, poolMembers: members };
}

/** Assigns the thread to a member of its pool (claim = assign to oneself). Closed threads refuse (409). */
export async function assignStaffThread(deps: StaffDeps, t: StaffThread, assigneeId: string): Promise<StaffThreadDetail> {
  const { ctx } = deps;
  if (!(await isPoolMember(ctx.db, t.pool.id, assigneeId))) throw new AppError('VALIDATION', 'Choose a member of this inbox.');
  if (!(await assignThread(ctx.db, t.thread.id, assigneeId))) throw new AppError('THREAD_CLOSED', 'This conversation is closed.');
  await audit(deps, { action: 'update', patientId: t.thread.patientId, entityType: 'MessageThread', entityId: t.thread.id, query: assigneeId === deps.user.id ? 'claim' : 'assign' });
  await announceThreadChange(ctx, { threadId: t.thread.id, patientId: t.thread.patientId, poolId: t.thread.poolId, actorUserId: deps.user.id });
  return staffView(deps, (await findThread(ctx.db, t.thread.id))!, t.pool, patientDisplayName(await t.access.readPatient()));
}

/**
 * A staff reply: stored (encrypted) and the patient side notified in one transaction, before the
 * answer; optionally marks the thread waiting on the patient. Nobody assigned yet? The replier takes it.
 */
export async function staffReply(deps: StaffDeps, t: StaffThread, reply: StaffReply): Promise<{ threadId: string; messageId: string }> {
  const { ctx, user } = deps;
  if (t.thread.status === 'closed') throw new AppError('THREAD_CLOSED', 'This conversation is closed.');
  const messageId = randomUUID();
  // Who hears of the answer: the proxy policy's audience for messaging (a teen's own thread stays theirs).
  const ownThread = (await patientOwnUserIds(ctx.db, t.thread.patientId)).includes(t.thread.createdBy);
  const patientSide = await patientAudience(ctx.db, t.thread.patientId, 'messaging', { patientsOwnItem: ownThread });
  let notified = 0;
  await ctx.db.transaction(async (tx) => {
    await insertMessage(tx, { id: messageId, threadId: t.thread.id, patientId: t.thread.patientId, authorUserId: user.id, authorKind: 'staff', bodyEnc: seal.body(ctx.keyring, messageId, reply.body) });
    await deleteDraft(tx, { threadId: t.thread.id, patientId: t.thread.patientId, authorUserId: user.id });
    if (!(await setThreadStatus(tx, t.thread.id, reply.status ?? 'open', user.id))) throw new AppError('THREAD_CLOSED', 'This conversation is closed.');
    if (!t.thread.assignedUserId) await assignThread(tx, t.thread.id, user.id);
    await clearReadThreadNotifications(tx, patientSide, 'message-received', t.thread.id);
    for (const userId of patientSide) notified += await notifyUser(tx, userId, t.thread.patientId, { kind: 'message-received', entityType: 'MessageThread', entityId: t.thread.id });
  });
  await audit(deps, { action: 'create', patientId: t.thread.patientId, entityType: 'Message', entityId: messageId, query: `thread=${t.thread.id};status=${reply.status ?? 'open'}` });
  await messagePosted(ctx, { threadId: t.thread.id, messageId, patientId: t.thread.patientId, poolId: t.thread.poolId, authorKind: 'staff', authorUserId: user.id, notified }, deps.log);
  return { threadId: t.thread.id, messageId };
}

/**
 * Closes a thread and documents it in the patient's record: one FHIR Communication per message,
 * written with writeResources in the same transaction as the status change (validated there), so
 * a thread is never closed without its record entries, nor documented twice.
 */
export async function closeStaffThread(deps: StaffDeps, t: StaffThread): Promise<StaffThreadDetail> {
  const { ctx, user } = deps;
  if (t.thread.status === 'closed') throw new AppError('THREAD_CLOSED', 'This conversation is already closed.');
  const [messages, attachments, patient] = await Promise.all([threadMessages(ctx.db, t.thread.id), attachmentsOfThread(ctx.db, t.thread.id), t.access.readPatient()]);
  const staffIds = [...new Set(messages.filter((m) => m.authorKind === 'staff').map((m) => m.authorUserId))];
  const practitionerOf = await practitionerIdsOf(ctx.db, staffIds);
  const communications: Communication[] = threadCommunications({
    thread: { id: t.thread.id, patientId: t.thread.patientId, topic: t.thread.topic, subject: unseal.subject(ctx.keyring, t.thread.id, t.thread.subjectEnc), poolName: t.pool.nameEn },
    messages: messages.map((m) => ({ ...m, body: unseal.body(ctx.keyring, m.id, m.bodyEnc) })),
    attachments,
    practitionerOf,
  });
  await ctx.db.transaction(async (tx) => {
    if (!(await setThreadStatus(tx, t.thread.id, 'closed', user.id))) throw new AppError('THREAD_CLOSED', 'This conversation is already closed.');
    await writeResources(tx, communications.map((resource) => ({ kind: 'put' as const, resource })), ctx.keyring);
  });
  await audit(deps, { action: 'update', patientId: t.thread.patientId, entityType: 'MessageThread', entityId: t.thread.id, query: `close;communications=${communications.length}` });
  await announceThreadChange(ctx, { threadId: t.thread.id, patientId: t.thread.patientId, poolId: t.thread.poolId, actorUserId: user.id });
  return staffView(deps, (await findThread(ctx.db, t.thread.id))!, t.pool, patientDisplayName(patient));
}

// ---- Saved reply templates (per pool; not patient data) ----

export async function listTemplates({ ctx, user }: StaffDeps): Promise<MessageTemplate[]> {
  const pools = await poolsOfUser(ctx.db, user.id);
  return templatesOfPools(ctx.db, pools.map((p) => p.id));
}

async function requireMember({ ctx, user }: StaffDeps, poolId: string, message = 'We could not find that inbox.') {
  if (!(await isPoolMember(ctx.db, poolId, user.id))) throw new AppError('NOT_FOUND', message);
}

export async function createTemplate(deps: StaffDeps, input: MessageTemplateInput): Promise<MessageTemplate> {
  await requireMember(deps, input.poolId);
  const template = { id: randomUUID(), ...input };
  await upsertTemplate(deps.ctx.db, { ...template, userId: deps.user.id });
  return template;
}

/** A template of one of the user's pools, or NOT_FOUND. */
export async function findOwnTemplate(deps: StaffDeps, id: string): Promise<MessageTemplate> {
  const template = await findTemplate(deps.ctx.db, id);
  if (!template) throw new AppError('NOT_FOUND', 'We could not find that template.');
  await requireMember(deps, template.poolId, 'We could not find that template.');
  return template;
}

export async function updateTemplate(deps: StaffDeps, template: MessageTemplate, input: MessageTemplateInput): Promise<MessageTemplate> {
  await requireMember(deps, input.poolId);
  const next = { ...input, id: template.id };
  await upsertTemplate(deps.ctx.db, { ...next, userId: deps.user.id });
  return next;
}

export async function removeTemplate(deps: StaffDeps, template: MessageTemplate): Promise<void> {
  await deleteTemplate(deps.ctx.db, template.id);
}
