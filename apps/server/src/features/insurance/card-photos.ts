import type { FastifyRequest } from 'fastify';
import { INSURANCE_PHOTO_LIMITS } from '@ourchart/contracts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { AppError } from '../../platform/http/errors.ts';
import { checkFile, type CheckedFile } from '../messaging/attachments.ts';

/** The form of an insurance update as it arrived: text fields plus the two card photos, each checked by content. */
export type CardForm = { fields: Record<string, unknown>; front: CheckedFile; back: CheckedFile };

const PHOTO_TYPES = new Set<string>(INSURANCE_PHOTO_LIMITS.types);
export const PHOTO_REFUSED = 'Card photos must be JPEG, PNG or HEIC pictures.';
export const PHOTO_TOO_LARGE = 'Each card photo can be up to 10 MB. Take the photo again at a smaller size.';
const NEEDS_BOTH = 'Add a photo of the front and of the back of the card.';

/**
 * Checks one photo with the messaging attachment check (content sniffed with file-type, declared
 * type and extension must agree, at most 10 MB), then narrows to pictures: a PDF is refused here.
 */
async function checkPhoto(side: 'front' | 'back', fileName: string, declared: string, bytes: Buffer): Promise<CheckedFile> {
  const file = await checkFile(fileName, declared, bytes).catch((err: unknown) => {
    if (err instanceof AppError && err.code === 'ATTACHMENT_TYPE') throw new AppError('ATTACHMENT_TYPE', PHOTO_REFUSED, { errors: [{ path: side, message: PHOTO_REFUSED }] });
    throw err;
  });
  if (!PHOTO_TYPES.has(file.contentType)) throw new AppError('ATTACHMENT_TYPE', PHOTO_REFUSED, { errors: [{ path: side, message: PHOTO_REFUSED }] });
  return file;
}

/**
 * Reads a multipart insurance update: text fields, and files named "front" and "back" (one each).
 * Both photos are read and checked before anything is written, so a bad file stores nothing.
 */
export async function readCardForm(request: FastifyRequest): Promise<CardForm> {
  if (!request.isMultipart()) throw new AppError('VALIDATION', NEEDS_BOTH, { errors: [{ path: 'front', message: NEEDS_BOTH }] });
  const fields: Record<string, unknown> = {};
  const raw: Partial<Record<'front' | 'back', { fileName: string; declared: string; bytes: Buffer }>> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        const side = part.fieldname === 'front' || part.fieldname === 'back' ? part.fieldname : null;
        if (!side || raw[side]) throw new AppError('VALIDATION', NEEDS_BOTH, { errors: [{ path: part.fieldname, message: NEEDS_BOTH }] });
        raw[side] = { fileName: part.filename, declared: part.mimetype ?? '', bytes: await part.toBuffer() };
      } else {
        fields[part.fieldname] = part.value;
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('PAYLOAD_TOO_LARGE', PHOTO_TOO_LARGE, { cause: err });
    if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new AppError('VALIDATION', NEEDS_BOTH, { cause: err });
    throw err;
  }
  const missing = (['front', 'back'] as const).filter((s) => !raw[s]);
  if (missing.length) throw new AppError('VALIDATION', NEEDS_BOTH, { errors: missing.map((s) => ({ path: s, message: NEEDS_BOTH })) });
  const front = await checkPhoto('front', raw.front!.fileName, raw.front!.declared, raw.front!.bytes);
  const back = await checkPhoto('back', raw.back!.fileName, raw.back!.declared, raw.back!.bytes);
  return { fields, front, back };
}

/** Encryption contexts for the insurance_updates columns: table, column and row id as additional data. */
export const seal = {
  details: (k: Keyring, id: string, json: string) => k.encrypt(json, `insurance_updates.details:${id}`),
  photo: (k: Keyring, id: string, side: 'front' | 'back', bytes: Buffer) => k.encrypt(bytes.toString('base64'), `insurance_updates.${side}:${id}`),
  reason: (k: Keyring, id: string, text: string) => k.encrypt(text, `insurance_updates.reason:${id}`),
};

export const unseal = {
  details: (k: Keyring, id: string, value: string) => k.decrypt(value, `insurance_updates.details:${id}`),
  photo: (k: Keyring, id: string, side: 'front' | 'back', value: string) => Buffer.from(k.decrypt(value, `insurance_updates.${side}:${id}`), 'base64'),
  reason: (k: Keyring, id: string, value: string) => k.decrypt(value, `insurance_updates.reason:${id}`),
};
