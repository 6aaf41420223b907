import { randomUUID } from 'node:crypto';
import type { AuthorKind, MessageTopic, NewThread, NewThreadDraft, NewThreadDraftState, ThreadDetail, ThreadList, TopicRouting } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import type { AuditOutcome } from '../../platform/audit/audit-log.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { AppError } from '../../platform/http/errors.ts';
import { markItemNotificationsRead, notifyUser } from '../../platform/notifications/notifications.ts';
import type { CheckedFile } from './attachments.ts';
import { messagePosted } from './message-posted.ts';
import { announceThreadChange } from './thread-events.ts';
import { open, seal } from './messaging-crypto.ts';
import {
  deleteDraft, findAttachment, findDraft, findPool, findThread, insertAttachment, insertMessage, insertThread, listPools, markThreadRead,
  clearReadThreadNotifications, patientOwnUserIds, poolMembers, saveDraft, setThreadStatus, threadsOfPatient, type ThreadRow,
} from './messaging.queries.ts';
import { poolInfo, routeTopics } from './routing.ts';
import { summarize, threadDetail } from './thread-view.ts';

type Deps = { ctx: AppContext; access: PatientAccess; log?: { error: (o: object, msg: string) => void } };

export const THREAD_NOT_FOUND = 'We could not find that conversation.';
const CLOSED = 'This conversation is closed. To ask something more, start a new message.';

export const authorKindOf = (access: PatientAccess): AuthorKind => (access.relationship === 'self' ? 'patient' : 'proxy');

/** One audit event per read or write; never the text (PHI): ids and the kind of action only. */
export async function auditMessaging(ctx: AppContext, access: PatientAccess, action: string, entityType: string, entityId: string | null, outcome: AuditOutcome = 'success', query: string | null = null) {
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action, entityType, entityId, query,
    outcome, ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
}

/** Each topic with who answers it and how soon, for the patient in context. */
export async function topicRouting({ ctx, access }: Deps): Promise<TopicRouting> {
  const routes = await routeTopics(ctx.db, access);
  return { topics: [...routes].map(([topic, pool]) => ({ topic, pool: poolInfo(pool) })) };
}

/** The patient's conversations (open ones, or closed ones), newest activity first. */
export async function listThreads({ ctx, access }: Deps, status: 'open' | 'closed'): Promise<ThreadList> {
  const [rows, pools, hidden] = await Promise.all([threadsOfPatient(ctx.db, access.patientId, access.actor.userId, status === 'closed'), listPools(ctx.db), hiddenAuthors(ctx, access)]);
  await auditMessaging(ctx, access, 'search', 'MessageThread', null, 'success', `status=${status}`);
  const byId = new Map(pools.map((p) => [p.id, p]));
  return { threads: rows.filter((t) => !hidden.has(t.createdBy)).map((t) => summarize(ctx.keyring, t, byId.get(t.poolId)!)) };
}

/**
 * Adolescent rules (issue 7, PatientAccess.hidesPatientsOwnMessages): a parent does not see what the
 * teen wrote, so threads the teen started and the teen's messages are left out for that proxy.
 */
async function hiddenAuthors(ctx: AppContext, access: PatientAccess): Promise<Set<string>> {
  return new Set(access.hidesPatientsOwnMessages ? await patientOwnUserIds(ctx.db, access.patientId) : []);
}

/** A thread of the patient in context, or NOT_FOUND (audited) for anything else. */
export async function findOwnThread({ ctx, access }: Deps, id: string, action = 'read'): Promise<ThreadRow> {
  const thread = await findThread(ctx.db, id);
  if (!thread || thread.patientId !== access.patientId || (await hiddenAuthors(ctx, access)).has(thread.createdBy)) {
    await auditMessaging(ctx, access, action, 'MessageThread', id, 'not-found');
    throw new AppError('NOT_FOUND', THREAD_NOT_FOUND);
  }
  return thread;
}

/** Opens a conversation: marks what the user has not read yet and their notification about it. */
export async function readThread(deps: Deps, id: string): Promise<ThreadDetail> {
  const { ctx, access } = deps;
  const thread = await findOwnThread(deps, id);
  // A new read receipt reaches the care team's open inbox at once.
  if (await markThreadRead(ctx.db, id, access.actor.userId, authorKindOf(access))) {
    await announceThreadChange(ctx, { threadId: id, patientId: access.patientId, poolId: thread.poolId, actorUserId: access.actor.userId });
  }
  await markItemNotificationsRead(ctx.db, access.actor.userId, 'MessageThread', id);
  await auditMessaging(ctx, access, 'read', 'MessageThread', id);
  return threadDetail(ctx.db, ctx.keyring, thread, (await findPool(ctx.db, thread.poolId))!, { userId: access.actor.userId, hiddenAuthors: await hiddenAuthors(ctx, access) });
}

/** Writes a message and its attachments in the caller's transaction (bytes and body encrypted). */
async function writeMessage(tx: Queryable, ctx: AppContext, m: { id: string; threadId: string; patientId: string; authorUserId: string; authorKind: AuthorKind; body: string }, files: CheckedFile[]) {
  await insertMessage(tx, { ...m, bodyEnc: seal.body(ctx.keyring, m.id, m.body) });
  for (const [position, f] of files.entries()) {
    const id = randomUUID();
    await insertAttachment(tx, { id, messageId: m.id, position, fileName: f.fileName, contentType: f.contentType, size: f.bytes.length, dataEnc: seal.bytes(ctx.keyring, id, f.bytes) });
  }
}

/** Who on staff hears about a patient message: the assignee, or everyone in the pool when nobody has it. */
async function staffToNotify(db: Queryable, thread: { poolId: string; assignedUserId: string | null }): Promise<string[]> {
  if (thread.assignedUserId) return [thread.assignedUserId];
  return (await poolMembers(db, thread.poolId)).map((m) => m.id);
}

async function notifyStaff(tx: Queryable, userIds: string[], patientId: string, threadId: string) {
  await clearReadThreadNotifications(tx, userIds, 'message-waiting', threadId);
  for (const userId of userIds) await notifyUser(tx, userId, patientId, { kind: 'message-waiting', entityType: 'MessageThread', entityId: threadId });
}

export type Posted = { threadId: string; messageId: string };

/**
 * Starts a conversation. Thread, first message, attachments, the staff notification and removing
 * the new-message draft are one transaction that commits before the caller answers 201: a failure
 * anywhere leaves nothing. The pool comes from the topic (routing.ts).
 */
export async function startThread(deps: Deps, input: NewThread, files: CheckedFile[]): Promise<Posted> {
  const { ctx, access } = deps;
  const pool = (await routeTopics(ctx.db, access)).get(input.topic);
  if (!pool) throw new AppError('VALIDATION', 'This clinic does not take messages on that topic yet. Please call the clinic.');
  const threadId = randomUUID();
  const messageId = randomUUID();
  const authorKind = authorKindOf(access);
  const members = await staffToNotify(ctx.db, { poolId: pool.id, assignedUserId: null });
  await ctx.db.transaction(async (tx) => {
    await insertThread(tx, { id: threadId, patientId: access.patientId, topic: input.topic, subjectEnc: seal.subject(ctx.keyring, threadId, input.subject), poolId: pool.id, createdBy: access.actor.userId });
    await writeMessage(tx, ctx, { id: messageId, threadId, patientId: access.patientId, authorUserId: access.actor.userId, authorKind, body: input.body }, files);
    await deleteDraft(tx, { threadId: null, patientId: access.patientId, authorUserId: access.actor.userId });
    await notifyStaff(tx, members, access.patientId, threadId);
  });
  await auditMessaging(ctx, access, 'create', 'MessageThread', threadId, 'success', `topic=${input.topic};attachments=${files.length}`);
  await messagePosted(ctx, { threadId, messageId, patientId: access.patientId, poolId: pool.id, authorKind, authorUserId: access.actor.userId, notified: members.length }, deps.log);
  return { threadId, messageId };
}

/** A reply from the patient or a proxy; a thread waiting on the patient is open again. Closed threads refuse (409). */
export async function replyToThread(deps: Deps, thread: ThreadRow, body: string, files: CheckedFile[]): Promise<Posted> {
  const { ctx, access } = deps;
  if (thread.status === 'closed') throw new AppError('THREAD_CLOSED', CLOSED);
  const messageId = randomUUID();
  const authorKind = authorKindOf(access);
  const notify = await staffToNotify(ctx.db, thread);
  await ctx.db.transaction(async (tx) => {
    await writeMessage(tx, ctx, { id: messageId, threadId: thread.id, patientId: access.patientId, authorUserId: access.actor.userId, authorKind, body }, files);
    await deleteDraft(tx, { threadId: thread.id, patientId: access.patientId, authorUserId: access.actor.userId });
    if (thread.status === 'waiting-on-patient' && !(await setThreadStatus(tx, thread.id, 'open', access.actor.userId))) throw new AppError('THREAD_CLOSED', CLOSED);
    await notifyStaff(tx, notify, access.patientId, thread.id);
  });
  await auditMessaging(ctx, access, 'create', 'Message', messageId, 'success', `thread=${thread.id};attachments=${files.length}`);
  await messagePosted(ctx, { threadId: thread.id, messageId, patientId: access.patientId, poolId: thread.poolId, authorKind, authorUserId: access.actor.userId, notified: notify.length }, deps.log);
  return { threadId: thread.id, messageId };
}

/** Saves the user's reply draft in a thread (one per user per thread). */
export async function saveReplyDraft({ ctx, access }: Deps, thread: ThreadRow, body: string): Promise<{ body: string; savedAt: string }> {
  if (thread.status === 'closed') throw new AppError('THREAD_CLOSED', CLOSED);
  const key = { threadId: thread.id, patientId: access.patientId, authorUserId: access.actor.userId };
  const id = (await findDraft(ctx.db, key))?.id ?? randomUUID();
  const savedAt = await saveDraft(ctx.db, { ...key, id, authorKind: authorKindOf(access), bodyEnc: seal.body(ctx.keyring, id, body) });
  await auditMessaging(ctx, access, 'update', 'MessageDraft', id, 'success', `thread=${thread.id}`);
  return { body, savedAt: savedAt.toISOString() };
}

export async function removeReplyDraft({ ctx, access }: Deps, thread: ThreadRow): Promise<void> {
  await deleteDraft(ctx.db, { threadId: thread.id, patientId: access.patientId, authorUserId: access.actor.userId });
  await auditMessaging(ctx, access, 'delete', 'MessageDraft', null, 'success', `thread=${thread.id}`);
}

/** The new-message draft of this user for the patient in context (topic, subject and text, encrypted together). */
export async function getNewThreadDraft({ ctx, access }: Deps): Promise<NewThreadDraftState> {
  const row = await findDraft(ctx.db, { threadId: null, patientId: access.patientId, authorUserId: access.actor.userId });
  await auditMessaging(ctx, access, 'read', 'MessageDraft', row?.id ?? null, row ? 'success' : 'not-found');
  if (!row) return { draft: null };
  const saved = JSON.parse(open.body(ctx.keyring, row.id, row.bodyEnc)) as { topic: MessageTopic | null; subject: string; body: string };
  return { draft: { topic: saved.topic, subject: saved.subject, body: saved.body, savedAt: row.savedAt.toISOString() } };
}

export async function saveNewThreadDraft({ ctx, access }: Deps, draft: NewThreadDraft): Promise<NewThreadDraftState> {
  const key = { threadId: null, patientId: access.patientId, authorUserId: access.actor.userId };
  const id = (await findDraft(ctx.db, key))?.id ?? randomUUID();
  const savedAt = await saveDraft(ctx.db, { ...key, id, authorKind: authorKindOf(access), bodyEnc: seal.body(ctx.keyring, id, JSON.stringify(draft)) });
  await auditMessaging(ctx, access, 'update', 'MessageDraft', id);
  return { draft: { ...draft, savedAt: savedAt.toISOString() } };
}

export async function removeNewThreadDraft({ ctx, access }: Deps): Promise<void> {
  await deleteDraft(ctx.db, { threadId: null, patientId: access.patientId, authorUserId: access.actor.userId });
  await auditMessaging(ctx, access, 'delete', 'MessageDraft', null);
}

/** An attachment of a message in one of the patient's threads (404 otherwise), decrypted. */
export async function downloadAttachment({ ctx, access }: Deps, id: string): Promise<{ fileName: string; contentType: string; bytes: Buffer }> {
  const row = await findAttachment(ctx.db, id);
  if (!row || row.patientId !== access.patientId) {
    await auditMessaging(ctx, access, 'read', 'MessageAttachment', id, 'not-found');
    throw new AppError('NOT_FOUND', 'We could not find that file.');
  }
  await auditMessaging(ctx, access, 'read', 'MessageAttachment', id, 'success', `thread=${row.threadId}`);
  return { fileName: row.fileName, contentType: row.contentType, bytes: open.bytes(ctx.keyring, id, row.dataEnc) };
}
