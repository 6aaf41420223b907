import type { MessageView, ThreadDetail, ThreadSummary } from '@ourchart/contracts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { open } from './messaging-crypto.ts';
import { attachmentsOfThread, findDraft, otherSideReads, threadMessages, type PoolRow, type ThreadRow } from './messaging.queries.ts';
import { poolInfo } from './routing.ts';

export const iso = (d: Date) => d.toISOString();

export function summarize(keyring: Keyring, t: ThreadRow & { unread: number }, pool: PoolRow): ThreadSummary {
  return {
    id: t.id, topic: t.topic, subject: open.subject(keyring, t.id, t.subjectEnc), status: t.status, pool: poolInfo(pool),
    lastMessageAt: iso(t.lastMessageAt), unread: t.unread,
  };
}

/**
 * A thread as its reader sees it: the messages (decrypted), their attachments, when the other side
 * first read each one, and the reader's own draft. `viewer` decides "mine".
 */
export async function threadDetail(db: Queryable, keyring: Keyring, t: ThreadRow, pool: PoolRow, viewer: { userId: string; hiddenAuthors?: ReadonlySet<string> }): Promise<ThreadDetail> {
  const [messages, attachments, reads, draft] = await Promise.all([
    threadMessages(db, t.id), attachmentsOfThread(db, t.id), otherSideReads(db, t.id),
    findDraft(db, { threadId: t.id, patientId: t.patientId, authorUserId: viewer.userId }),
  ]);
  const views: MessageView[] = messages.filter((m) => !viewer.hiddenAuthors?.has(m.authorUserId)).map((m) => {
    const readAt = reads.get(m.id);
    return {
      id: m.id, authorKind: m.authorKind, authorName: m.authorName, mine: m.authorUserId === viewer.userId,
      body: open.body(keyring, m.id, m.bodyEnc), sentAt: iso(m.createdAt),
      attachments: attachments.filter((a) => a.messageId === m.id).map((a) => ({ id: a.id, fileName: a.fileName, contentType: a.contentType, size: a.size })),
      readByOtherSideAt: readAt ? iso(readAt) : null,
    };
  });
  return {
    // Opening a thread marks everything in it read for the viewer, so nothing is unread here.
    ...summarize(keyring, { ...t, unread: 0 }, pool),
    createdAt: iso(t.createdAt),
    messages: views,
    draft: draft ? { body: open.body(keyring, draft.id, draft.bodyEnc), savedAt: iso(draft.savedAt) } : null,
  };
}
