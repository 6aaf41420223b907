import type { CSRF_HEADER as CsrfHeaderName, Problem } from '@ourchart/contracts';
import { currentLanguage } from '../i18n/index.ts';

// A value import from @ourchart/contracts would pull zod into the bundle; the type
// annotation makes `tsc` fail if the server's header name ever changes.
const CSRF_HEADER: typeof CsrfHeaderName = 'x-ourchart-csrf';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A failed API call: `status` 0 means the request never got an answer (offline, DNS, CORS). */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, problem?: Problem, options?: ErrorOptions) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`, options);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined;
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && typeof (body as Problem).title === 'string') return body as Problem;
  } catch {
    // A broken error body is reported as a bare status below.
  }
  return undefined;
}

// The record chosen in "Viewing record of" (session/patient-context.tsx sets it): every call sends
// it in a header, which the server reads unless the path has its own `?patient=` (that wins).
const PATIENT_HEADER = 'x-ourchart-patient';
let patientInContext: string | null = null;
const notFoundListeners = new Set<() => void>();

/** Sets the record every later call is about (null: the user's own, as the server decides). */
export function setPatientInContext(patientId: string | null): void {
  patientInContext = patientId;
}

/**
 * A path for a plain link or fetch that cannot send headers (downloads, files, calendar files):
 * adds `patient=<record in context>` unless the path names a patient already.
 */
export function withPatient(path: string): string {
  if (!patientInContext || /[?&]patient=/.test(path)) return path;
  return `${path}${path.includes('?') ? '&' : '?'}patient=${encodeURIComponent(patientInContext)}`;
}

/**
 * Hears every 404 answer: a proxy whose access just ended gets 404 for that record, and the
 * record switcher then checks whether the record is still theirs. Returns the function that stops.
 */
export function subscribeToNotFound(listener: () => void): () => void {
  notFoundListeners.add(listener);
  return () => notFoundListeners.delete(listener);
}

/** What the session layer hears about each answered call (see session/idle-timeout). */
export type ApiEvent = { kind: 'success'; startedAt: number } | { kind: 'session-ended' };
type ApiListener = (event: ApiEvent) => void;
const listeners = new Set<ApiListener>();

/**
 * Hears every answered API call. A success means the server saw the session active: it
 * refreshes its idle timer when the request arrives, so `startedAt` is when it was sent.
 * 'session-ended' is a 401 saying the session is gone (a wrong password is a 401 too, with
 * another code, and leaves the session alone). Returns the function that stops listening.
 */
export function subscribeToApi(listener: ApiListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function emit(event: ApiEvent): void {
  for (const listener of listeners) listener(event);
}

/**
 * Calls the OurChart API on the same origin with the session cookie.
 * State-changing requests carry the CSRF header; JSON bodies are encoded here.
 * Resolves with the parsed JSON body (undefined for 204), rejects with ApiError.
 */
export async function apiRequest<T>(method: Method, path: string, body?: unknown, extraHeaders: Record<string, string> = {}): Promise<T> {
  const headers: Record<string, string> = {
    ...extraHeaders,
    accept: 'application/json, application/problem+json',
    // Lets the server word its problem messages in the language on screen.
    'accept-language': currentLanguage(),
  };
  if (method !== 'GET') headers[CSRF_HEADER] = '1';
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (patientInContext) headers[PATIENT_HEADER] = patientInContext;

  const startedAt = Date.now();
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (cause) {
    throw new ApiError(0, undefined, { cause });
  }

  if (!response.ok) {
    const problem = await readProblem(response);
    if (response.status === 401 && problem?.code === 'UNAUTHENTICATED') emit({ kind: 'session-ended' });
    if (response.status === 404) for (const listener of notFoundListeners) listener();
    throw new ApiError(response.status, problem);
  }
  emit({ kind: 'success', startedAt });
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
