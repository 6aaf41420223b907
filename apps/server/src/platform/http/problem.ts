import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { AppError, ERROR_CODES, type ErrorCode } from './errors.ts';
import { toSpanish, wantsSpanish } from './messages-es.ts';

/** Renders an AppError as RFC 9457 application/problem+json with the request id. */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, err: AppError, extraHeaders: Record<string, string> = {}) {
  const t = wantsSpanish(request.headers['accept-language']) ? toSpanish : (m: string) => m;
  return reply
    .status(err.status)
    .headers(extraHeaders)
    .type('application/problem+json')
    .send({
      type: `https://ourchart.example/problems/${err.code.toLowerCase().replaceAll('_', '-')}`,
      title: t(ERROR_CODES[err.code].title),
      status: err.status,
      // Without a detail of its own, a form error's detail lists what to fix in each field.
      ...(err.detail ? { detail: t(err.detail) } : err.errors?.length ? { detail: err.errors.map((e) => t(e.message)).join(' ') } : {}),
      code: err.code,
      requestId: request.id,
      ...(err.errors ? { errors: err.errors.map((e) => ({ ...e, message: t(e.message) })) } : {}),
      ...(err.extra ?? {}),
    });
}

/** Maps any thrown value to an AppError; unknown errors become a generic 500 (logged, never shown). */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof ZodError) {
    const errors = err.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    return new AppError('VALIDATION', undefined, { errors });
  }
  const fe = err as FastifyError;
  if (fe?.statusCode === 429) return new AppError('RATE_LIMITED', fe.message);
  if (fe?.statusCode === 413 || fe?.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE');
  if (fe?.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (fe?.statusCode === 400 && fe.code?.startsWith('FST_ERR_CTP')) return new AppError('VALIDATION', 'The request body is not valid JSON.');
  if ((err as { code?: string })?.code === '23505' && /resource_history/.test(String((err as Error).message))) {
    return new AppError('VERSION_CONFLICT');
  }
  return new AppError('INTERNAL', undefined, { cause: err });
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err, request, reply) => {
    const appErr = toAppError(err);
    if (appErr.code === 'INTERNAL') request.log.error({ err }, 'unhandled error');
    else if (appErr.status >= 500) request.log.warn({ code: appErr.code }, 'request failed');
    return sendProblem(reply, request, appErr);
  });
}

export function problem(code: ErrorCode, detail?: string): AppError {
  return new AppError(code, detail);
}
