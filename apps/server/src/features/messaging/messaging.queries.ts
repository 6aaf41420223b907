import type { AuthorKind, InboxFilter, MessageTopic, ThreadStatus } from '@ourchart/contracts';
import type { Queryable } from '../../platform/db/db.ts';

/** SQL for the messaging tables (migration 0013). Encrypted columns stay encrypted here; messaging-crypto.ts opens them. */

export type PoolRow = { id: string; kind: 'care-team' | 'front-desk' | 'billing'; practitionerId: string | null; isDefault: boolean; nameEn: string; nameEs: string; replyTimeEn: string; replyTimeEs: string };
type RawPool = { id: string; kind: PoolRow['kind']; practitioner_id: string | null; is_default: boolean; name_en: string; name_es: string; reply_time_en: string; reply_time_es: string };
const POOL_COLUMNS = 'p.id, p.kind, p.practitioner_id, p.is_default, p.name_en, p.name_es, p.reply_time_en, p.reply_time_es';
const toPool = (r: RawPool): PoolRow => ({ id: r.id, kind: r.kind, practitionerId: r.practitioner_id, isDefault: r.is_default, nameEn: r.name_en, nameEs: r.name_es, replyTimeEn: r.reply_time_en, replyTimeEs: r.reply_time_es });

export type ThreadRow = {
  id: string; patientId: string; topic: MessageTopic; subjectEnc: string; poolId: string; status: ThreadStatus; assignedUserId: string | null;
  createdBy: string; createdAt: Date; lastMessageAt: Date;
};
type RawThread = { id: string; patient_id: string; topic: MessageTopic; subject_enc: string; pool_id: string; status: ThreadStatus; assigned_user_id: string | null; created_by: string; created_at: Date | string; last_message_at: Date | string };
const THREAD_COLUMNS = 't.id, t.patient_id, t.topic, t.subject_enc, t.pool_id, t.status, t.assigned_user_id, t.created_by, t.created_at, t.last_message_at';
const toThread = (r: RawThread): ThreadRow => ({
  id: r.id, patientId: r.patient_id, topic: r.topic, subjectEnc: r.subject_enc, poolId: r.pool_id, status: r.status, assignedUserId: r.assigned_user_id,
  createdBy: r.created_by, createdAt: new Date(r.created_at), lastMessageAt: new Date(r.last_message_at),
});

export type MessageRow = { id: string; threadId: string | null; patientId: string; authorUserId: string; authorKind: AuthorKind; authorName: string; bodyEnc: string; createdAt: Date };
type RawMessage = { id: string; thread_id: string | null; patient_id: string; author_user_id: string; author_kind: AuthorKind; author_name: string | null; body_enc: string; created_at: Date | string };
const toMessage = (r: RawMessage): MessageRow => ({
  id: r.id, threadId: r.thread_id, patientId: r.patient_id, authorUserId: r.author_user_id, authorKind: r.author_kind, authorName: r.author_name ?? '', bodyEnc: r.body_enc, createdAt: new Date(r.created_at),
});

export type AttachmentRow = { id: string; messageId: string; fileName: string; contentType: string; size: number };
type NewAttachment = AttachmentRow & { position: number; dataEnc: string };

// ---- Pools ----

export async function listPools(db: Queryable): Promise<PoolRow[]> {
  return (await db.query<RawPool>(`SELECT ${POOL_COLUMNS} FROM message_pools p ORDER BY p.kind, p.name_en`)).map(toPool);
}

export async function findPool(db: Queryable, id: string): Promise<PoolRow | undefined> {
  const [row] = await db.query<RawPool>(`SELECT ${POOL_COLUMNS} FROM message_pools p WHERE p.id = $1`, [id]);
  return row && toPool(row);
}

export async function poolsOfUser(db: Queryable, userId: string): Promise<PoolRow[]> {
  const rows = await db.query<RawPool>(
    `SELECT ${POOL_COLUMNS} FROM message_pools p JOIN message_pool_members m ON m.pool_id = p.id WHERE m.user_id = $1 ORDER BY p.kind, p.name_en`, [userId]);
  return rows.map(toPool);
}

export async function isPoolMember(db: Queryable, poolId: string, userId: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM message_pool_members WHERE pool_id = $1 AND user_id = $2', [poolId, userId])).length === 1;
}

export async function poolMembers(db: Queryable, poolId: string): Promise<{ id: string; name: string }[]> {
  return db.query<{ id: string; name: string }>(
    `SELECT u.id, u.display_name AS name FROM message_pool_members m JOIN users u ON u.id = m.user_id
      WHERE m.pool_id = $1 AND u.disabled_at IS NULL ORDER BY u.display_name`, [poolId]);
}

export async function addPoolMember(db: Queryable, poolId: string, userId: string): Promise<void> {
  await db.query('INSERT INTO message_pool_members (pool_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING', [poolId, userId]);
}

export async function upsertPool(db: Queryable, p: Omit<PoolRow, 'isDefault'>): Promise<void> {
  await db.query(
    `INSERT INTO message_pools (id, kind, practitioner_id, name_en, name_es, reply_time_en, reply_time_es) VALUES ($1, $2, $3, $4, $5, $6, $7)
     ON CONFLICT (id) DO NOTHING`,
    [p.id, p.kind, p.practitionerId, p.nameEn, p.nameEs, p.replyTimeEn, p.replyTimeEs]);
}

// ---- Threads ----

export async function insertThread(db: Queryable, t: { id: string; patientId: string; topic: MessageTopic; subjectEnc: string; poolId: string; createdBy: string }): Promise<void> {
  await db.query(
    `INSERT INTO message_threads (id, patient_id, topic, subject_enc, pool_id, created_by) VALUES ($1, $2, $3, $4, $5, $6)`,
    [t.id, t.patientId, t.topic, t.subjectEnc, t.poolId, t.createdBy]);
}

export async function findThread(db: Queryable, id: string): Promise<ThreadRow | undefined> {
  const [row] = await db.query<RawThread>(`SELECT ${THREAD_COLUMNS} FROM message_threads t WHERE t.id = $1`, [id]);
  return row && toThread(row);
}

/** Threads of one patient, newest activity first, with how many messages of the other side this user has not read. */
export async function threadsOfPatient(db: Queryable, patientId: string, userId: string, closed: boolean): Promise<(ThreadRow & { unread: number })[]> {
  const rows = await db.query<RawThread & { unread: number }>(
    `SELECT ${THREAD_COLUMNS},
            (SELECT count(*)::int FROM messages m WHERE m.thread_id = t.id AND NOT m.draft AND m.author_kind = 'staff'
                AND NOT EXISTS (SELECT 1 FROM message_reads r WHERE r.message_id = m.id AND r.user_id = $2)) AS unread
       FROM message_threads t WHERE t.patient_id = $1 AND (t.status = 'closed') = $3
      ORDER BY t.last_message_at DESC, t.id LIMIT 200`,
    [patientId, userId, closed]);
  return rows.map((r) => ({ ...toThread(r), unread: r.unread }));
}

// Every filter is given the same parameters; "$2::uuid IS NOT NULL" types $2 for the filters that do
// not use it (PostgreSQL refuses a parameter whose type it cannot infer).
const FILTERS: Record<InboxFilter, string> = {
  open: `t.status <> 'closed'`,
  unread: `t.status <> 'closed' AND EXISTS (SELECT 1 FROM messages m WHERE m.thread_id = t.id AND NOT m.draft AND m.author_kind <> 'staff'
             AND NOT EXISTS (SELECT 1 FROM message_reads r WHERE r.message_id = m.id AND r.reader_kind = 'staff'))`,
  mine: `t.status <> 'closed' AND t.assigned_user_id = $2`,
  waiting: `t.status = 'waiting-on-patient'`,
  done: `t.status = 'closed'`,
};

/**
 * A pool's threads under one filter, limited to patients the staff member may open. "Unread" means a
 * patient or proxy message nobody on staff has opened yet (a shared inbox); `unread` per thread counts those.
 */
export async function inboxThreads(db: Queryable, poolId: string, userId: string, filter: InboxFilter, patientIds: string[]): Promise<(ThreadRow & { unread: number })[]> {
  const rows = await db.query<RawThread & { unread: number }>(
    `SELECT ${THREAD_COLUMNS},
            (SELECT count(*)::int FROM messages m WHERE m.thread_id = t.id AND NOT m.draft AND m.author_kind <> 'staff'
                AND NOT EXISTS (SELECT 1 FROM message_reads r WHERE r.message_id = m.id AND r.reader_kind = 'staff')) AS unread
       FROM message_threads t
      WHERE t.pool_id = $1 AND t.patient_id = ANY($3::text[]) AND ${FILTERS[filter]} AND $2::uuid IS NOT NULL
      ORDER BY t.last_message_at DESC, t.id LIMIT 200`,
    [poolId, userId, patientIds]);
  return rows.map((r) => ({ ...toThread(r), unread: r.unread }));
}

export async function inboxCounts(db: Queryable, poolId: string, userId: string, patientIds: string[]): Promise<Record<InboxFilter, number>> {
  const parts = (Object.keys(FILTERS) as InboxFilter[]).map((f) => `count(*) FILTER (WHERE ${FILTERS[f]})::int AS "${f}"`).join(', ');
  const [row] = await db.query<Record<InboxFilter, number>>(
    `SELECT ${parts} FROM message_threads t WHERE t.pool_id = $1 AND t.patient_id = ANY($3::text[]) AND $2::uuid IS NOT NULL`, [poolId, userId, patientIds]);
  return row!;
}

/** Claim (assign to self) or assign; false when the thread is closed. */
export async function assignThread(db: Queryable, id: string, userId: string): Promise<boolean> {
  const rows = await db.query(`UPDATE message_threads SET assigned_user_id = $2, updated_at = now() WHERE id = $1 AND status <> 'closed' RETURNING id`, [id, userId]);
  return rows.length === 1;
}

export async function setThreadStatus(db: Queryable, id: string, status: ThreadStatus, userId: string): Promise<boolean> {
  const rows = await db.query(
    `UPDATE message_threads SET status = $2, updated_at = now(),
            closed_at = CASE WHEN $2 = 'closed' THEN now() ELSE NULL END, closed_by = CASE WHEN $2 = 'closed' THEN $3::uuid ELSE NULL END
      WHERE id = $1 AND status <> 'closed' RETURNING id`, [id, status, userId]);
  return rows.length === 1;
}

// ---- Messages and drafts ----

export async function insertMessage(db: Queryable, m: { id: string; threadId: string; patientId: string; authorUserId: string; authorKind: AuthorKind; bodyEnc: string }): Promise<void> {
  await db.query(
    `INSERT INTO messages (id, thread_id, patient_id, author_user_id, author_kind, body_enc) VALUES ($1, $2, $3, $4, $5, $6)`,
    [m.id, m.threadId, m.patientId, m.authorUserId, m.authorKind, m.bodyEnc]);
  await db.query(`UPDATE message_threads SET last_message_at = now(), updated_at = now() WHERE id = $1`, [m.threadId]);
  // The author has read what they wrote.
  await db.query(`INSERT INTO message_reads (message_id, user_id, reader_kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`, [m.id, m.authorUserId, m.authorKind]);
}

export async function threadMessages(db: Queryable, threadId: string): Promise<MessageRow[]> {
  const rows = await db.query<RawMessage>(
    `SELECT m.id, m.thread_id, m.patient_id, m.author_user_id, m.author_kind, u.display_name AS author_name, m.body_enc, m.created_at
       FROM messages m LEFT JOIN users u ON u.id = m.author_user_id
      WHERE m.thread_id = $1 AND NOT m.draft ORDER BY m.created_at, m.id`, [threadId]);
  return rows.map(toMessage);
}

/** First read of each message by the other side: staff for patient/proxy messages, patient or proxy for staff messages. */
export async function otherSideReads(db: Queryable, threadId: string): Promise<Map<string, Date>> {
  const rows = await db.query<{ message_id: string; read_at: Date | string }>(
    `SELECT r.message_id, min(r.read_at) AS read_at FROM message_reads r JOIN messages m ON m.id = r.message_id
      WHERE m.thread_id = $1 AND NOT m.draft AND ((m.author_kind = 'staff') <> (r.reader_kind = 'staff'))
      GROUP BY r.message_id`, [threadId]);
  return new Map(rows.map((r) => [r.message_id, new Date(r.read_at)]));
}

/** Marks every sent message of a thread read by this user; returns how many were new (a receipt to announce). */
export async function markThreadRead(db: Queryable, threadId: string, userId: string, readerKind: AuthorKind): Promise<number> {
  const rows = await db.query(
    `INSERT INTO message_reads (message_id, user_id, reader_kind)
     SELECT m.id, $2, $3 FROM messages m WHERE m.thread_id = $1 AND NOT m.draft ON CONFLICT DO NOTHING RETURNING message_id`, [threadId, userId, readerKind]);
  return rows.length;
}

export async function findDraft(db: Queryable, o: { threadId: string | null; patientId: string; authorUserId: string }): Promise<{ id: string; bodyEnc: string; savedAt: Date } | undefined> {
  const [row] = o.threadId
    ? await db.query<{ id: string; body_enc: string; created_at: Date | string }>(
      'SELECT id, body_enc, created_at FROM messages WHERE draft AND thread_id = $1 AND author_user_id = $2', [o.threadId, o.authorUserId])
    : await db.query<{ id: string; body_enc: string; created_at: Date | string }>(
      'SELECT id, body_enc, created_at FROM messages WHERE draft AND thread_id IS NULL AND patient_id = $1 AND author_user_id = $2', [o.patientId, o.authorUserId]);
  return row && { id: row.id, bodyEnc: row.body_enc, savedAt: new Date(row.created_at) };
}

/** Saves (replaces) a draft; the id is kept so the encryption context stays the row's. */
export async function saveDraft(db: Queryable, d: { id: string; threadId: string | null; patientId: string; authorUserId: string; authorKind: AuthorKind; bodyEnc: string }): Promise<Date> {
  const [row] = await db.query<{ created_at: Date | string }>(
    `INSERT INTO messages (id, thread_id, patient_id, author_user_id, author_kind, body_enc, draft) VALUES ($1, $2, $3, $4, $5, $6, true)
     ON CONFLICT (id) DO UPDATE SET body_enc = EXCLUDED.body_enc, created_at = now() RETURNING created_at`,
    [d.id, d.threadId, d.patientId, d.authorUserId, d.authorKind, d.bodyEnc]);
  return new Date(row!.created_at);
}

export async function deleteDraft(db: Queryable, o: { threadId: string | null; patientId: string; authorUserId: string }): Promise<number> {
  const rows = o.threadId
    ? await db.query('DELETE FROM messages WHERE draft AND thread_id = $1 AND author_user_id = $2 RETURNING id', [o.threadId, o.authorUserId])
    : await db.query('DELETE FROM messages WHERE draft AND thread_id IS NULL AND patient_id = $1 AND author_user_id = $2 RETURNING id', [o.patientId, o.authorUserId]);
  return rows.length;
}

// ---- Attachments ----

export async function insertAttachment(db: Queryable, a: NewAttachment): Promise<void> {
  await db.query(
    `INSERT INTO message_attachments (id, message_id, position, file_name, content_type, size_bytes, data_enc) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [a.id, a.messageId, a.position, a.fileName, a.contentType, a.size, a.dataEnc]);
}

export async function attachmentsOfThread(db: Queryable, threadId: string): Promise<AttachmentRow[]> {
  const rows = await db.query<{ id: string; message_id: string; file_name: string; content_type: string; size_bytes: number }>(
    `SELECT a.id, a.message_id, a.file_name, a.content_type, a.size_bytes FROM message_attachments a JOIN messages m ON m.id = a.message_id
      WHERE m.thread_id = $1 AND NOT m.draft ORDER BY a.message_id, a.position`, [threadId]);
  return rows.map((r) => ({ id: r.id, messageId: r.message_id, fileName: r.file_name, contentType: r.content_type, size: r.size_bytes }));
}

export async function findAttachment(db: Queryable, id: string): Promise<(AttachmentRow & { dataEnc: string; threadId: string; patientId: string }) | undefined> {
  const [r] = await db.query<{ id: string; message_id: string; file_name: string; content_type: string; size_bytes: number; data_enc: string; thread_id: string; patient_id: string }>(
    `SELECT a.id, a.message_id, a.file_name, a.content_type, a.size_bytes, a.data_enc, m.thread_id, m.patient_id
       FROM message_attachments a JOIN messages m ON m.id = a.message_id WHERE a.id = $1 AND NOT m.draft`, [id]);
  return r && { id: r.id, messageId: r.message_id, fileName: r.file_name, contentType: r.content_type, size: r.size_bytes, dataEnc: r.data_enc, threadId: r.thread_id, patientId: r.patient_id };
}

// ---- Templates ----

export type TemplateRow = { id: string; poolId: string; title: string; body: string };

export async function templatesOfPools(db: Queryable, poolIds: string[]): Promise<TemplateRow[]> {
  return db.query<TemplateRow>(
    `SELECT id, pool_id AS "poolId", title, body FROM message_templates WHERE pool_id = ANY($1::text[]) ORDER BY pool_id, title, id`, [poolIds]);
}

export async function findTemplate(db: Queryable, id: string): Promise<TemplateRow | undefined> {
  const [row] = await db.query<TemplateRow>(`SELECT id, pool_id AS "poolId", title, body FROM message_templates WHERE id = $1`, [id]);
  return row;
}

export async function upsertTemplate(db: Queryable, t: TemplateRow & { userId: string | null }): Promise<void> {
  await db.query(
    `INSERT INTO message_templates (id, pool_id, title, body, updated_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (id) DO UPDATE SET pool_id = EXCLUDED.pool_id, title = EXCLUDED.title, body = EXCLUDED.body, updated_by = EXCLUDED.updated_by, updated_at = now()`,
    [t.id, t.poolId, t.title, t.body, t.userId]);
}

export async function deleteTemplate(db: Queryable, id: string): Promise<void> {
  await db.query('DELETE FROM message_templates WHERE id = $1', [id]);
}

// ---- Notifications ----

/**
 * Lets a new message raise its thread's notification again: notifications are one row per user,
 * kind and item (notifyUser does nothing on a second insert), so a row the user has already READ
 * is removed first and notifyUser then writes a fresh one (with its live event, email and push
 * plan). An unread one stays as it is: the user has not looked yet, so one notification is enough.
 */
export async function clearReadThreadNotifications(db: Queryable, userIds: string[], kind: 'message-received' | 'message-waiting', threadId: string): Promise<void> {
  if (userIds.length === 0) return;
  await db.query(
    `DELETE FROM notifications WHERE user_id = ANY($1::uuid[]) AND kind = $2 AND entity_type = 'MessageThread' AND entity_id = $3 AND read_at IS NOT NULL`,
    [userIds, kind, threadId]);
}

/** The patient's own account(s): their messages are hidden from a parent under the adolescent rules. */
export async function patientOwnUserIds(db: Queryable, patientId: string): Promise<string[]> {
  return (await db.query<{ id: string }>('SELECT id FROM users WHERE patient_id = $1', [patientId])).map((r) => r.id);
}

/** Practitioner ids of staff users (a staff message's Communication.sender). */
export async function practitionerIdsOf(db: Queryable, userIds: string[]): Promise<Map<string, string | null>> {
  if (userIds.length === 0) return new Map();
  const rows = await db.query<{ id: string; practitioner_id: string | null }>('SELECT id, practitioner_id FROM users WHERE id = ANY($1::uuid[])', [userIds]);
  return new Map(rows.map((r) => [r.id, r.practitioner_id]));
}

