import { basename } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import { MESSAGE_LIMITS } from '@ourchart/contracts';
import { AppError } from '../../platform/http/errors.ts';

/** A file that passed the checks: its type is what its bytes are, not what the browser said. */
export type CheckedFile = { fileName: string; contentType: string; bytes: Buffer };

/** A message as it arrived: text fields plus files (multipart), or the JSON body. */
export type IncomingMessage = { fields: Record<string, unknown>; files: CheckedFile[] };

const ALLOWED = new Set<string>(MESSAGE_LIMITS.attachmentTypes);
const BY_EXTENSION: Record<string, string> = { jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', heic: 'image/heic', pdf: 'application/pdf' };
// What a browser may honestly send for a file it does not know (HEIC on many systems).
const UNKNOWN_DECLARED = new Set(['', 'application/octet-stream']);
const ALIASES: Record<string, string> = { 'image/jpg': 'image/jpeg', 'image/pjpeg': 'image/jpeg', 'image/heif': 'image/heic' };

export const TYPE_REFUSED = 'You can attach photos (JPEG, PNG or HEIC) and PDF files only.';
export const FILE_TOO_LARGE = 'Each file can be up to 10 MB. Make the file smaller or send it another way.';
export const TOO_MANY_FILES = 'You can attach up to 5 files to one message.';

/** Keeps a file name readable and harmless: no folders, no control characters, at most 120 characters. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = basename(name.replaceAll('\\', '/')).replace(/[\u0000-\u001f\u007f"]/g, '').trim().slice(-120);
  return cleaned || 'attachment';
}

/**
 * Checks one file BY ITS CONTENT (file-type reads the magic numbers): the detected type must be an
 * allowed image or PDF, and a declared Content-Type or file extension that says otherwise is
 * refused, so a renamed or mislabelled file never gets in. Errors name the file so a person can fix it.
 */
export async function checkFile(fileName: string, declaredType: string, bytes: Buffer): Promise<CheckedFile> {
  const name = cleanFileName(fileName);
  if (bytes.length === 0) throw new AppError('VALIDATION', `"${name}" is empty. Choose the file again.`);
  if (bytes.length > MESSAGE_LIMITS.attachmentBytes) throw new AppError('PAYLOAD_TOO_LARGE', FILE_TOO_LARGE);
  const detected = (await fileTypeFromBuffer(bytes))?.mime;
  const contentType = detected && (ALIASES[detected] ?? detected);
  if (!contentType || !ALLOWED.has(contentType)) throw new AppError('ATTACHMENT_TYPE', `"${name}" is not a photo or PDF. ${TYPE_REFUSED}`);
  const declared = declaredType.split(';')[0]!.trim().toLowerCase();
  if (!UNKNOWN_DECLARED.has(declared) && (ALIASES[declared] ?? declared) !== contentType) {
    throw new AppError('ATTACHMENT_TYPE', `"${name}" says it is ${declared} but it is not. ${TYPE_REFUSED}`);
  }
  const extension = name.includes('.') ? name.split('.').pop()!.toLowerCase() : '';
  if (extension && BY_EXTENSION[extension] !== contentType) {
    throw new AppError('ATTACHMENT_TYPE', `The name "${name}" does not match what the file is. ${TYPE_REFUSED}`);
  }
  return { fileName: name, contentType, bytes };
}

/**
 * Reads a message request: multipart/form-data (text fields plus files named "attachments", each
 * checked by content) or JSON (text only). Every file is read and checked before anything is
 * written, so one bad file refuses the whole message.
 */
export async function readIncomingMessage(request: FastifyRequest): Promise<IncomingMessage> {
  if (!request.isMultipart()) return { fields: (request.body ?? {}) as Record<string, unknown>, files: [] };
  const fields: Record<string, unknown> = {};
  const raw: { fileName: string; declared: string; bytes: Buffer }[] = [];
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (raw.length >= MESSAGE_LIMITS.attachmentsPerMessage) throw new AppError('VALIDATION', TOO_MANY_FILES);
        raw.push({ fileName: part.filename, declared: part.mimetype ?? '', bytes: await part.toBuffer() });
      } else {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', FILE_TOO_LARGE, { cause: err });
    if (code === 'FST_FILES_LIMIT') throw new AppError('VALIDATION', TOO_MANY_FILES, { cause: err });
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError('VALIDATION', 'The form has more parts than a message can have.', { cause: err });
    throw err;
  }
  const files: CheckedFile[] = [];
  for (const f of raw) files.push(await checkFile(f.fileName, f.declared, f.bytes));
  return { fields, files };
}
