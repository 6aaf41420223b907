import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AssignThread, InboxFilter, MESSAGE_LIMITS, MessageTemplate, MessageTemplateInput, MessageTemplateList, NewReply, NewThread, NewThreadDraft,
  NewThreadDraftState, ReplyDraft, StaffInbox, StaffPoolList, StaffReply, StaffThreadDetail, ThreadDetail, ThreadList, TopicRouting,
} from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { requireStaff, staffAccessFor } from '../../platform/access/staff-access.ts';
import type { User } from '../../platform/auth/users.ts';
import { AppError } from '../../platform/http/errors.ts';
import { readIncomingMessage } from './attachments.ts';
import { findAttachment } from './messaging.queries.ts';
import { open as unseal } from './messaging-crypto.ts';
import {
  downloadAttachment, findOwnThread, getNewThreadDraft, listThreads, readThread, removeNewThreadDraft, removeReplyDraft, replyToThread,
  saveNewThreadDraft, saveReplyDraft, startThread, topicRouting,
} from './patient-messages.service.ts';
import {
  assignStaffThread, closeStaffThread, createTemplate, findOwnTemplate, findStaffThread, listStaffPools, listTemplates, readStaffThread,
  removeTemplate, staffInbox, staffReply, updateTemplate, type StaffDeps,
} from './staff-messages.service.ts';

const safeId = (what: string) => z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, `Not a valid ${what} id.`);
const PatientQuery = z.object({ patient: safeId('patient').optional() });
const ListQuery = PatientQuery.extend({ status: z.enum(['open', 'closed'], { error: 'Choose status=open or status=closed.' }).default('open') });
const IdParam = z.object({ id: safeId('conversation') });
const InboxQuery = z.object({ pool: safeId('inbox').optional(), filter: InboxFilter.default('open') });
const Posted = z.object({ threadId: z.string(), messageId: z.string() });
const SavedDraft = z.object({ body: z.string(), savedAt: z.string() });

/** Five files of 10 MB plus the text fields and multipart framing. */
const UPLOAD_LIMIT = MESSAGE_LIMITS.attachmentsPerMessage * MESSAGE_LIMITS.attachmentBytes + 1024 * 1024;

/** Sends a decrypted attachment as a download (never rendered inline, so a crafted PDF cannot run in our origin). */
function sendFile(reply: FastifyReply, file: { fileName: string; contentType: string; bytes: Buffer }) {
  const ascii = file.fileName.replace(/[^\x20-\x7e]/g, '_').replaceAll('"', '_');
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(file.bytes);
}

/**
 * Secure messaging. Patients and proxies: /api/messages/* (?patient=<id> for a proxied record),
 * through patientAccessFor. Staff: /api/staff/messages/*, pool membership plus staffAccessFor.
 * Multipart (attachments) is registered in this plugin only.
 */
export function registerMessagingRoutes(app: FastifyInstance, ctx: AppContext) {
  app.register(async (scope) => {
    await scope.register(multipart, {
      limits: { fileSize: MESSAGE_LIMITS.attachmentBytes, files: MESSAGE_LIMITS.attachmentsPerMessage + 1, fields: 10, fieldSize: 64 * 1024, parts: 20 },
    });
    registerPatientRoutes(scope, ctx);
    registerStaffRoutes(scope, ctx);
  });
}

function registerPatientRoutes(app: FastifyInstance, ctx: AppContext) {
  // A proxy's grant must cover messaging (issue 7 scopes, narrowed by the patient's age): FORBIDDEN, audited, otherwise.
  const deps = async (request: FastifyRequest, patient?: string) => {
    const access = await patientAccessFor(ctx, request, patient);
    await access.require('messaging');
    return { ctx, access, log: request.log };
  };

  app.get('/api/messages/topics', async (request) => {
    const { patient } = PatientQuery.parse(request.query);
    return TopicRouting.parse(await topicRouting(await deps(request, patient)));
  });

  app.get('/api/messages/threads', async (request) => {
    const { patient, status } = ListQuery.parse(request.query);
    return ThreadList.parse(await listThreads(await deps(request, patient), status));
  });

  app.post('/api/messages/threads', { bodyLimit: UPLOAD_LIMIT }, async (request, reply) => {
    const { patient } = PatientQuery.parse(request.query);
    const d = await deps(request, patient);
    const incoming = await readIncomingMessage(request);
    const input = NewThread.parse(incoming.fields);
    return reply.status(201).send(Posted.parse(await startThread(d, input, incoming.files)));
  });

  app.get('/api/messages/threads/:id', async (request) => {
    const { id } = IdParam.parse(request.params);
    const { patient } = PatientQuery.parse(request.query);
    return ThreadDetail.parse(await readThread(await deps(request, patient), id));
  });

  app.post('/api/messages/threads/:id/replies', { bodyLimit: UPLOAD_LIMIT }, async (request, reply) => {
    const { id } = IdParam.parse(request.params);
    const { patient } = PatientQuery.parse(request.query);
    const d = await deps(request, patient);
    // Whose thread it is is settled before the body is read: an outsider learns nothing from a 400.
    const thread = await findOwnThread(d, id, 'create');
    const incoming = await readIncomingMessage(request);
    const { body } = NewReply.parse(incoming.fields);
    return reply.status(201).send(Posted.parse(await replyToThread(d, thread, body, incoming.files)));
  });

  app.put('/api/messages/threads/:id/draft', async (request) => {
    const { id } = IdParam.parse(request.params);
    const { patient } = PatientQuery.parse(request.query);
    const d = await deps(request, patient);
    const thread = await findOwnThread(d, id, 'update');
    const { body } = ReplyDraft.parse(request.body ?? {});
    return SavedDraft.parse(await saveReplyDraft(d, thread, body));
  });

  app.delete('/api/messages/threads/:id/draft', async (request, reply) => {
    const { id } = IdParam.parse(request.params);
    const { patient } = PatientQuery.parse(request.query);
    const d = await deps(request, patient);
    await removeReplyDraft(d, await findOwnThread(d, id, 'delete'));
    return reply.status(204).send();
  });

  app.get('/api/messages/draft', async (request) => {
    const { patient } = PatientQuery.parse(request.query);
    return NewThreadDraftState.parse(await getNewThreadDraft(await deps(request, patient)));
  });

  app.put('/api/messages/draft', async (request) => {
    const { patient } = PatientQuery.parse(request.query);
    const d = await deps(request, patient);
    return NewThreadDraftState.parse(await saveNewThreadDraft(d, NewThreadDraft.parse(request.body ?? {})));
  });

  app.delete('/api/messages/draft', async (request, reply) => {
    const { patient } = PatientQuery.parse(request.query);
    await removeNewThreadDraft(await deps(request, patient));
    return reply.status(204).send();
  });

  app.get('/api/messages/attachments/:id', async (request, reply) => {
    const { id } = z.object({ id: safeId('file') }).parse(request.params);
    const { patient } = PatientQuery.parse(request.query);
    return sendFile(reply, await downloadAttachment(await deps(request, patient), id));
  });
}

function staffDeps(ctx: AppContext, request: FastifyRequest, user: User): StaffDeps {
  return {
    ctx, user, client: { ip: request.ip, requestId: request.id }, log: request.log,
    open: (patientId, options) => staffAccessFor(ctx, request, patientId, options),
  };
}

function registerStaffRoutes(app: FastifyInstance, ctx: AppContext) {
  const staff = async (request: FastifyRequest) => staffDeps(ctx, request, await requireStaff(ctx, request));

  app.get('/api/staff/messages/pools', async (request) => StaffPoolList.parse(await listStaffPools(await staff(request))));

  app.get('/api/staff/messages/inbox', async (request) => {
    const d = await staff(request);
    const { pool, filter } = InboxQuery.parse(request.query);
    return StaffInbox.parse(await staffInbox(d, pool, filter));
  });

  app.get('/api/staff/messages/threads/:id', async (request) => {
    const d = await staff(request);
    const { id } = IdParam.parse(request.params);
    return StaffThreadDetail.parse(await readStaffThread(d, await findStaffThread(d, id, { action: 'read' })));
  });

  app.post('/api/staff/messages/threads/:id/claim', async (request) => {
    const d = await staff(request);
    const { id } = IdParam.parse(request.params);
    const t = await findStaffThread(d, id, { action: 'update', careTeamOnly: true });
    return StaffThreadDetail.parse(await assignStaffThread(d, t, d.user.id));
  });

  app.post('/api/staff/messages/threads/:id/assign', async (request) => {
    const d = await staff(request);
    const { id } = IdParam.parse(request.params);
    const t = await findStaffThread(d, id, { action: 'update', careTeamOnly: true });
    const { userId } = AssignThread.parse(request.body ?? {});
    return StaffThreadDetail.parse(await assignStaffThread(d, t, userId));
  });

  app.post('/api/staff/messages/threads/:id/replies', async (request, reply) => {
    const d = await staff(request);
    const { id } = IdParam.parse(request.params);
    const t = await findStaffThread(d, id, { action: 'create', careTeamOnly: true });
    const input = StaffReply.parse(request.body ?? {});
    return reply.status(201).send(Posted.parse(await staffReply(d, t, input)));
  });

  app.post('/api/staff/messages/threads/:id/close', async (request) => {
    const d = await staff(request);
    const { id } = IdParam.parse(request.params);
    const t = await findStaffThread(d, id, { action: 'update', careTeamOnly: true });
    return StaffThreadDetail.parse(await closeStaffThread(d, t));
  });

  app.get('/api/staff/messages/attachments/:id', async (request, reply) => {
    const d = await staff(request);
    const { id } = z.object({ id: safeId('file') }).parse(request.params);
    const file = await findAttachment(ctx.db, id);
    if (!file) throw new AppError('NOT_FOUND', 'We could not find that file.');
    const t = await findStaffThread(d, file.threadId, { action: 'read' });
    await ctx.audit.record({
      actorId: d.user.id, actorRole: d.user.role, patientId: t.thread.patientId, action: 'read', entityType: 'MessageAttachment', entityId: id,
      query: `thread=${t.thread.id}`, outcome: 'success', ip: request.ip, requestId: request.id,
    });
    return sendFile(reply, { fileName: file.fileName, contentType: file.contentType, bytes: unseal.bytes(ctx.keyring, id, file.dataEnc) });
  });

  app.get('/api/staff/messages/templates', async (request) => MessageTemplateList.parse({ templates: await listTemplates(await staff(request)) }));

  app.post('/api/staff/messages/templates', async (request, reply) => {
    const d = await staff(request);
    return reply.status(201).send(MessageTemplate.parse(await createTemplate(d, MessageTemplateInput.parse(request.body ?? {}))));
  });

  app.put('/api/staff/messages/templates/:id', async (request) => {
    const d = await staff(request);
    const { id } = z.object({ id: safeId('template') }).parse(request.params);
    const template = await findOwnTemplate(d, id);
    return MessageTemplate.parse(await updateTemplate(d, template, MessageTemplateInput.parse(request.body ?? {})));
  });

  app.delete('/api/staff/messages/templates/:id', async (request, reply) => {
    const d = await staff(request);
    const { id } = z.object({ id: safeId('template') }).parse(request.params);
    await removeTemplate(d, await findOwnTemplate(d, id));
    return reply.status(204).send();
  });
}
