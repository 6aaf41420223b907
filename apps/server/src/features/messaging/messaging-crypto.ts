import type { Keyring } from '../../platform/crypto/keyring.ts';

/**
 * Encryption contexts for the messaging columns: the table, column and row id are bound as
 * additional data, so a value copied into another row does not decrypt (platform/crypto/keyring.ts).
 */
export const seal = {
  subject: (k: Keyring, threadId: string, text: string) => k.encrypt(text, `message_threads.subject:${threadId}`),
  body: (k: Keyring, messageId: string, text: string) => k.encrypt(text, `messages.body:${messageId}`),
  // The keyring works on strings, so bytes travel as base64 inside the ciphertext.
  bytes: (k: Keyring, attachmentId: string, bytes: Buffer) => k.encrypt(bytes.toString('base64'), `message_attachments.data:${attachmentId}`),
};

export const open = {
  subject: (k: Keyring, threadId: string, value: string) => k.decrypt(value, `message_threads.subject:${threadId}`),
  body: (k: Keyring, messageId: string, value: string) => k.decrypt(value, `messages.body:${messageId}`),
  bytes: (k: Keyring, attachmentId: string, value: string) => Buffer.from(k.decrypt(value, `message_attachments.data:${attachmentId}`), 'base64'),
};
