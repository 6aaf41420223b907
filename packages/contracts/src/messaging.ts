import { z } from 'zod';

/**
 * Secure messaging (issue 6): a patient (or proxy) writes to the clinic choosing a topic; the topic
 * routes the thread to a pool of staff (the patient's clinician's care team, the front desk or the
 * billing office). Bodies and attachments are stored encrypted; read receipts are kept per reader.
 */

export const MessageTopic = z.enum(['medical-question', 'prescription', 'test-result', 'scheduling', 'billing', 'other'], {
  error: 'Choose a topic: medical-question, prescription, test-result, scheduling, billing or other.',
});
export type MessageTopic = z.infer<typeof MessageTopic>;

export const ThreadStatus = z.enum(['open', 'waiting-on-patient', 'closed']);
export type ThreadStatus = z.infer<typeof ThreadStatus>;

export const AuthorKind = z.enum(['patient', 'proxy', 'staff']);
export type AuthorKind = z.infer<typeof AuthorKind>;

/** Limits shared by the browser checks and the server (the authority). */
export const MESSAGE_LIMITS = {
  subjectMax: 120,
  bodyMax: 5000,
  attachmentsPerMessage: 5,
  attachmentBytes: 10 * 1024 * 1024,
  attachmentTypes: ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'],
} as const;

const subject = z.string().trim().min(1, 'Write a short subject.').max(MESSAGE_LIMITS.subjectMax, `Keep the subject under ${MESSAGE_LIMITS.subjectMax} characters.`);
const body = z.string().trim().min(1, 'Write your message.').max(MESSAGE_LIMITS.bodyMax, `Keep the message under ${MESSAGE_LIMITS.bodyMax} characters.`);

/** Who answers a topic for the patient in context, and how soon. Words in both languages. */
export const PoolInfo = z.object({
  id: z.string(),
  name: z.object({ en: z.string(), es: z.string() }),
  replyTime: z.object({ en: z.string(), es: z.string() }),
});
export type PoolInfo = z.infer<typeof PoolInfo>;

/** GET /api/messages/topics → each topic with the pool it goes to. */
export const TopicRouting = z.object({ topics: z.array(z.object({ topic: MessageTopic, pool: PoolInfo })) });
export type TopicRouting = z.infer<typeof TopicRouting>;

/** POST /api/messages/threads (JSON, or multipart fields with files named "attachments"). */
export const NewThread = z.object({ topic: MessageTopic, subject, body });
export type NewThread = z.infer<typeof NewThread>;

/** POST .../replies (JSON, or multipart with files). Staff may mark the thread waiting on the patient. */
export const NewReply = z.object({ body });
export type NewReply = z.infer<typeof NewReply>;
export const StaffReply = z.object({ body, status: z.enum(['open', 'waiting-on-patient']).optional() });
export type StaffReply = z.infer<typeof StaffReply>;

/** PUT .../draft: a reply draft (body only). */
export const ReplyDraft = z.object({ body: z.string().max(MESSAGE_LIMITS.bodyMax, `Keep the message under ${MESSAGE_LIMITS.bodyMax} characters.`) });
export type ReplyDraft = z.infer<typeof ReplyDraft>;
/** PUT /api/messages/draft: the new-message draft (any part may still be empty). */
export const NewThreadDraft = z.object({
  topic: MessageTopic.nullable().default(null),
  subject: z.string().max(MESSAGE_LIMITS.subjectMax, `Keep the subject under ${MESSAGE_LIMITS.subjectMax} characters.`).default(''),
  body: z.string().max(MESSAGE_LIMITS.bodyMax, `Keep the message under ${MESSAGE_LIMITS.bodyMax} characters.`).default(''),
});
export type NewThreadDraft = z.infer<typeof NewThreadDraft>;
export const NewThreadDraftState = z.object({ draft: NewThreadDraft.extend({ savedAt: z.string() }).nullable() });
export type NewThreadDraftState = z.infer<typeof NewThreadDraftState>;

export const AttachmentInfo = z.object({ id: z.string(), fileName: z.string(), contentType: z.string(), size: z.number().int() });
export type AttachmentInfo = z.infer<typeof AttachmentInfo>;

export const MessageView = z.object({
  id: z.string(),
  authorKind: AuthorKind,
  authorName: z.string(),
  /** True for messages the signed-in user wrote. */
  mine: z.boolean(),
  body: z.string(),
  sentAt: z.string(),
  attachments: z.array(AttachmentInfo),
  /** For a patient or proxy message: when someone on the care team first read it. For a staff message: when the patient (or a proxy) first read it. */
  readByOtherSideAt: z.string().nullable(),
});
export type MessageView = z.infer<typeof MessageView>;

export const ThreadSummary = z.object({
  id: z.string(),
  topic: MessageTopic,
  subject: z.string(),
  status: ThreadStatus,
  pool: PoolInfo,
  lastMessageAt: z.string(),
  /** Messages from the other side this user has not opened yet. */
  unread: z.number().int(),
});
export type ThreadSummary = z.infer<typeof ThreadSummary>;

/** GET /api/messages/threads[?status=open|closed] → newest activity first. */
export const ThreadList = z.object({ threads: z.array(ThreadSummary) });
export type ThreadList = z.infer<typeof ThreadList>;

/** GET /api/messages/threads/:id → the conversation (opening it marks the user's reads). */
export const ThreadDetail = ThreadSummary.extend({
  createdAt: z.string(),
  messages: z.array(MessageView),
  /** The user's own unsent reply. */
  draft: z.object({ body: z.string(), savedAt: z.string() }).nullable(),
});
export type ThreadDetail = z.infer<typeof ThreadDetail>;

// ---- Staff inbox ----

export const InboxFilter = z.enum(['open', 'unread', 'mine', 'waiting', 'done'], { error: 'Choose filter=open, unread, mine, waiting or done.' });
export type InboxFilter = z.infer<typeof InboxFilter>;

export const StaffMember = z.object({ id: z.string(), name: z.string() });
export type StaffMember = z.infer<typeof StaffMember>;

/** GET /api/staff/messages/pools → the pools the staff member belongs to, with counts per filter. */
export const StaffPoolList = z.object({
  pools: z.array(PoolInfo.extend({ counts: z.object({ open: z.number().int(), unread: z.number().int(), mine: z.number().int(), waiting: z.number().int(), done: z.number().int() }) })),
});
export type StaffPoolList = z.infer<typeof StaffPoolList>;

export const StaffThreadSummary = ThreadSummary.extend({
  patient: z.object({ id: z.string(), name: z.string() }),
  assignedTo: StaffMember.nullable(),
});
export type StaffThreadSummary = z.infer<typeof StaffThreadSummary>;

/** GET /api/staff/messages/inbox?pool=&filter= */
export const StaffInbox = z.object({ poolId: z.string(), filter: InboxFilter, threads: z.array(StaffThreadSummary) });
export type StaffInbox = z.infer<typeof StaffInbox>;

export const StaffThreadDetail = ThreadDetail.extend({
  patient: z.object({ id: z.string(), name: z.string() }),
  assignedTo: StaffMember.nullable(),
  /** Who the thread can be assigned to (the pool's members). */
  poolMembers: z.array(StaffMember),
});
export type StaffThreadDetail = z.infer<typeof StaffThreadDetail>;

export const AssignThread = z.object({ userId: z.string().uuid('Choose a member of the pool.') });
export type AssignThread = z.infer<typeof AssignThread>;

export const MessageTemplate = z.object({ id: z.string(), poolId: z.string(), title: z.string(), body: z.string() });
export type MessageTemplate = z.infer<typeof MessageTemplate>;
export const MessageTemplateList = z.object({ templates: z.array(MessageTemplate) });
export type MessageTemplateList = z.infer<typeof MessageTemplateList>;
export const MessageTemplateInput = z.object({
  poolId: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Choose a pool.'),
  title: z.string().trim().min(1, 'Give the template a title.').max(80, 'Keep the title under 80 characters.'),
  body: z.string().trim().min(1, 'Write the template text.').max(MESSAGE_LIMITS.bodyMax, `Keep the text under ${MESSAGE_LIMITS.bodyMax} characters.`),
});
export type MessageTemplateInput = z.infer<typeof MessageTemplateInput>;
