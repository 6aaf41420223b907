import type { FastifyInstance } from 'fastify';
import { CSRF } from '../../test/app.ts';

/** Test fixtures for messaging (integration tests only): tiny real files and a thread with an attachment. */

/** A 1x1 PNG. */
export const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==', 'base64');
/** A one-page PDF. */
export const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n', 'latin1');

export type FilePart = { name: string; type: string; bytes: Buffer };

/** A multipart form as the web app sends it: text fields plus files named "attachments". */
export function messageForm(fields: Record<string, string>, files: FilePart[] = []): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  for (const f of files) form.append('attachments', new Blob([new Uint8Array(f.bytes)], { type: f.type }), f.name);
  return form;
}

/**
 * The victim of the authorization matrix writes to the clinic with a PNG attached and keeps a reply
 * draft: /api/messages/threads/:id, /api/messages/attachments/:id and the staff routes are aimed at
 * these ids. Returns [threadId, messageId, attachmentId].
 */
export async function seedMessagingFor(app: FastifyInstance, cookie: string): Promise<string[]> {
  const res = await app.inject({
    method: 'POST', url: '/api/messages/threads', headers: { ...CSRF, cookie },
    payload: messageForm({ topic: 'medical-question', subject: 'Matrix rash question', body: 'A private message the matrix must never leak.' }, [{ name: 'rash.png', type: 'image/png', bytes: PNG }]),
  });
  if (res.statusCode !== 201) throw new Error(`seedMessagingFor: ${res.statusCode} ${res.body}`);
  const { threadId, messageId } = res.json<{ threadId: string; messageId: string }>();
  const thread = await app.inject({ url: `/api/messages/threads/${threadId}`, headers: { cookie } });
  const attachmentId = thread.json<{ messages: { attachments: { id: string }[] }[] }>().messages[0]!.attachments[0]!.id;
  await app.inject({ method: 'PUT', url: `/api/messages/threads/${threadId}/draft`, headers: { ...CSRF, cookie }, payload: { body: 'Draft the matrix must not leak' } });
  return [threadId, messageId, attachmentId];
}
