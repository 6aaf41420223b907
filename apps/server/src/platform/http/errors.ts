/**
 * The one error type. Services throw `new AppError('NOT_FOUND')`; the HTTP layer renders it as
 * application/problem+json (and as an OperationOutcome under /fhir). Titles are plain language
 * because people read them; `detail` carries the specific, actionable part.
 */
export const ERROR_CODES = {
  VALIDATION: { status: 400, title: 'Some of the information sent is missing or not valid.' },
  INVALID_RESOURCE: { status: 400, title: 'The FHIR resource is not valid.' },
  INVALID_SEARCH: { status: 400, title: 'The search could not be run.' },
  INVALID_BUNDLE: { status: 400, title: 'The bundle could not be processed.' },
  FHIR_NOT_SUPPORTED: { status: 400, title: 'The FHIR API does not support this.' },
  UNAUTHENTICATED: { status: 401, title: 'Please sign in to continue.' },
  INVALID_CREDENTIALS: { status: 401, title: 'That email and password do not match our records.' },
  CSRF: { status: 403, title: 'This request was blocked to protect your account. Reload the page and try again.' },
  FORBIDDEN: { status: 403, title: 'You do not have access to this.' },
  MFA_ENROLLMENT_REQUIRED: { status: 403, title: 'Set up two-step verification before you can see patient information.' },
  BREAK_GLASS_REQUIRED: { status: 403, title: 'This patient is not on your care team. Emergency access needs a reason.' },
  MFA_REQUIRED: { status: 401, title: 'Enter your second sign-in step to continue.' },
  INVALID_CODE: { status: 400, title: 'That code did not work.' },
  WEAK_PASSWORD: { status: 400, title: 'Choose a different password.' },
  NOT_FOUND: { status: 404, title: 'We could not find that.' },
  VERSION_CONFLICT: { status: 409, title: 'Someone else changed this at the same time. Reload and try again.' },
  SLOT_TAKEN: { status: 409, title: 'That time was just taken.' },
  ECHECKIN_CLOSED: { status: 409, title: 'eCheck-in is not open for this visit.' },
  SCHEDULE_CONFLICT: { status: 409, title: 'This change would leave booked appointments without a clinician.' },
  TOO_LATE_TO_CHANGE: { status: 409, title: 'It is too late to change this visit online.' },
  PAYLOAD_TOO_LARGE: { status: 413, title: 'The request is too large.' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, title: 'Send the request as JSON.' },
  ATTACHMENT_TYPE: { status: 415, title: 'This kind of file cannot be attached.' },
  THREAD_CLOSED: { status: 409, title: 'This conversation is closed.' },
  RATE_LIMITED: { status: 429, title: 'Too many attempts.' },
  NOT_READY: { status: 503, title: 'The service is starting or its database is not reachable.' },
  INTERNAL: { status: 500, title: 'Something went wrong on our side. Please try again.' },
} as const satisfies Record<string, { status: number; title: string }>;

export type ErrorCode = keyof typeof ERROR_CODES;

export type FieldError = { path: string; message: string };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly detail: string | undefined;
  readonly errors: FieldError[] | undefined;
  /** Extra problem+json members (e.g. alternative times offered with SLOT_TAKEN). No PHI. */
  readonly extra: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, detail?: string, options?: { errors?: FieldError[]; cause?: unknown; extra?: Record<string, unknown> }) {
    super(detail ?? ERROR_CODES[code].title, { cause: options?.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = ERROR_CODES[code].status;
    this.detail = detail;
    this.errors = options?.errors;
    this.extra = options?.extra;
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}
