import type { FastifyReply, FastifyRequest } from 'fastify';
import { wantsSpanish } from '../../platform/http/messages-es.ts';

/** Why a share link did not open. The viewer words each case; these are the server's own words. */
export type ShareProblemCode = 'SHARE_CODE_REQUIRED' | 'SHARE_CODE_WRONG' | 'SHARE_EXPIRED' | 'SHARE_REVOKED' | 'SHARE_LOCKED';

const PROBLEMS: Record<ShareProblemCode, { status: number; en: string; es: string }> = {
  SHARE_CODE_REQUIRED: { status: 403, en: 'Enter the 6-digit access code to see this record.', es: 'Escriba el código de acceso de 6 dígitos para ver este registro.' },
  SHARE_CODE_WRONG: { status: 403, en: 'That access code is not right.', es: 'Ese código de acceso no es correcto.' },
  SHARE_EXPIRED: { status: 410, en: 'This link has expired. Ask the person who shared it to send a new one.', es: 'Este enlace ya venció. Pida a la persona que lo compartió que le envíe uno nuevo.' },
  SHARE_REVOKED: { status: 410, en: 'This link was turned off by the person who shared it.', es: 'La persona que compartió este enlace lo desactivó.' },
  SHARE_LOCKED: { status: 410, en: 'This link is locked because of too many wrong access codes. Ask for a new link.', es: 'Este enlace está bloqueado por demasiados códigos equivocados. Pida un enlace nuevo.' },
};

export class ShareProblem extends Error {
  readonly code: ShareProblemCode;
  readonly attemptsLeft: number | undefined;
  constructor(code: ShareProblemCode, attemptsLeft?: number) {
    super(PROBLEMS[code].en);
    this.name = 'ShareProblem';
    this.code = code;
    this.attemptsLeft = attemptsLeft;
  }
}

/** Renders a ShareProblem as problem+json (410 Gone for expired, revoked and locked links). */
export function sendShareProblem(reply: FastifyReply, request: FastifyRequest, err: ShareProblem) {
  const p = PROBLEMS[err.code];
  const es = wantsSpanish(request.headers['accept-language']);
  let detail = es ? p.es : p.en;
  if (err.attemptsLeft !== undefined) detail += es ? ` Le quedan ${err.attemptsLeft} intento(s).` : ` You have ${err.attemptsLeft} ${err.attemptsLeft === 1 ? 'try' : 'tries'} left.`;
  return reply.status(p.status).type('application/problem+json').send({
    type: `https://ourchart.example/problems/${err.code.toLowerCase().replaceAll('_', '-')}`,
    title: es ? p.es : p.en, status: p.status, detail, code: err.code, requestId: request.id,
  });
}
