/** The audit report filters as typed into the form. */
export type AuditFilters = { from: string; to: string; user: string; patientId: string; action: string };

export const auditActions = [
  'sign-in', 'sign-out', 'read', 'search', 'access', 'break-glass', 'download', 'share', 'mfa-change',
  'password-change', 'password-reset', 'password-reset-request', 'email-change', 'sign-out-session',
  'sign-out-others', 'activate', 'sign-up',
] as const;

export type FilterProblem = 'dateOrder' | 'patientId' | null;

/** Checks what the server would refuse, so the form can say what to fix before asking. */
export function checkFilters(filters: AuditFilters): FilterProblem {
  if (filters.from && filters.to && filters.from > filters.to) return 'dateOrder';
  if (filters.patientId.trim() && !/^[A-Za-z0-9\-.]{1,64}$/.test(filters.patientId.trim())) return 'patientId';
  return null;
}

/**
 * The query string for GET /api/admin/audit: empty filters are left out, and `format=csv`
 * makes the same report a download. The user box takes an account id or an email; both go
 * in `userId` and the server says if it cannot use the value.
 */
export function auditQuery(filters: AuditFilters, format: 'json' | 'csv' = 'json'): string {
  const params = new URLSearchParams();
  if (filters.from) params.set('from', filters.from);
  if (filters.to) params.set('to', filters.to);
  if (filters.user.trim()) params.set('userId', filters.user.trim());
  if (filters.patientId.trim()) params.set('patientId', filters.patientId.trim());
  if (filters.action) params.set('action', filters.action);
  if (format === 'csv') params.set('format', 'csv');
  return params.toString();
}

/** A calendar day as YYYY-MM-DD in the reader's time zone (what <input type="date"> uses). */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The last `days` days up to today, as the form starts. */
export function defaultFilters(now = new Date(), days = 7): AuditFilters {
  const from = new Date(now);
  from.setDate(from.getDate() - (days - 1));
  return { from: localDay(from), to: localDay(now), user: '', patientId: '', action: '' };
}
