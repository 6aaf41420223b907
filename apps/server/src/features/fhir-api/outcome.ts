import type { FastifyReply, FastifyRequest } from 'fastify';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { ERROR_CODES, type AppError, type ErrorCode } from '../../platform/http/errors.ts';
import { toAppError } from '../../platform/http/problem.ts';

/** The media type of every answer under /fhir (FHIR R4 JSON). */
export const FHIR_JSON = 'application/fhir+json; charset=utf-8';

/** FHIR issue types for our error codes (http://hl7.org/fhir/R4/valueset-issue-type.html). */
function issueCode(code: ErrorCode, status: number): OperationOutcomeIssue['code'] {
  if (code === 'FHIR_NOT_SUPPORTED') return 'not-supported';
  if (code === 'RATE_LIMITED') return 'throttled';
  if (status === 401) return 'login';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not-found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'too-long';
  if (status < 500) return 'invalid';
  return 'exception';
}

/** An AppError as an OperationOutcome: the title as details.text, the specific sentence as diagnostics. */
export function operationOutcome(err: AppError): OperationOutcome {
  const issues: OperationOutcomeIssue[] = err.errors?.length
    ? err.errors.map((e) => ({ severity: 'error', code: issueCode(err.code, err.status), diagnostics: e.message, ...(e.path ? { expression: [e.path] } : {}) }))
    : [{ severity: 'error', code: issueCode(err.code, err.status), details: { text: ERROR_CODES[err.code].title }, ...(err.detail ? { diagnostics: err.detail } : {}) }];
  return { resourceType: 'OperationOutcome', issue: issues };
}

/** Sends a FHIR JSON body with the FHIR media type. */
export function sendFhir(reply: FastifyReply, body: object, status = 200) {
  return reply.status(status).type(FHIR_JSON).send(JSON.stringify(body));
}

/**
 * Renders any error under /fhir as an OperationOutcome (never problem+json). A 401 carries
 * `WWW-Authenticate: Bearer` (RFC 6750), with `error="invalid_token"` when a token was sent.
 */
export function sendOutcome(reply: FastifyReply, request: FastifyRequest, error: unknown) {
  const err = toAppError(error);
  if (err.code === 'INTERNAL') request.log.error({ err: error }, 'unhandled error');
  if (err.status === 401) {
    reply.header('www-authenticate', request.headers.authorization ? 'Bearer realm="fhir", error="invalid_token"' : 'Bearer realm="fhir"');
  }
  return sendFhir(reply, operationOutcome(err), err.status);
}
