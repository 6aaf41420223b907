import type { GroupPreference, NotificationGroup, NotificationKind, Role } from '@ourchart/contracts';
import type { Queryable } from '../db/db.ts';

/** Which group each kind belongs to: people choose email and push per group, not per kind. */
export const KIND_GROUP: Record<NotificationKind, NotificationGroup> = {
  'message-received': 'messages',
  'message-waiting': 'messages',
  'refill-waiting': 'messages',
  'result-available': 'results',
  'result-reviewed': 'results',
  'appointment-reminder': 'appointments',
  'waitlist-offer': 'appointments',
  'waitlist-offer-taken': 'appointments',
  'care-due': 'appointments',
  'amendment-decided': 'record',
  'share-viewed': 'record',
  'care-alert': 'care-alerts',
  'proxy-granted': 'record',
  'proxy-ended': 'record',
  'refill-decided': 'record',
  'payment-received': 'record',
  'payment-plan-reminder': 'record',
  'insurance-reviewed': 'record',
  'assistance-waiting': 'messages',
  'assistance-decided': 'record',
};

/** Emailed (and pushed) when the account has not chosen otherwise. Others are in-app only by default. */
const PATIENT_DEFAULTS = new Set<NotificationKind>(['message-received', 'message-waiting', 'result-available', 'waitlist-offer', 'amendment-decided', 'refill-decided']);
/** Staff get email for care alerts only, unless they turn more on. */
const STAFF_DEFAULTS = new Set<NotificationKind>(['care-alert']);

/**
 * Kinds whose feature sends its own email in the same transaction: appointment reminders
 * (features/reminders) and earlier-time offers (features/waitlist, with the time to answer by).
 * Never a second email for them; device alerts still follow the settings.
 */
export const NEVER_EMAILED = new Set<NotificationKind>(['appointment-reminder', 'waitlist-offer', 'payment-received', 'payment-plan-reminder']);

const isStaff = (role: Role) => role !== 'patient';

/** The groups an account can set: care alerts are for staff only. */
export function groupsFor(role: Role): NotificationGroup[] {
  const all: NotificationGroup[] = ['messages', 'results', 'appointments', 'record', 'care-alerts'];
  return isStaff(role) ? all : all.filter((g) => g !== 'care-alerts');
}

function kindDefault(kind: NotificationKind, role: Role): boolean {
  return (isStaff(role) ? STAFF_DEFAULTS : PATIENT_DEFAULTS).has(kind);
}

/** A group is shown as on by default when one of its kinds goes out on that channel by default. */
function groupDefault(group: NotificationGroup, role: Role, channel: 'email' | 'push'): boolean {
  return (Object.keys(KIND_GROUP) as NotificationKind[]).some((k) => KIND_GROUP[k] === group && kindDefault(k, role) && (channel === 'push' || !NEVER_EMAILED.has(k)));
}

type PrefRow = { kind_group: NotificationGroup; email: boolean; push: boolean };

/** The account's settings per group (its saved choices, else the defaults). */
export async function readGroupPreferences(db: Queryable, userId: string, role: Role): Promise<GroupPreference[]> {
  const rows = await db.query<PrefRow>('SELECT kind_group, email, push FROM notification_preferences WHERE user_id = $1', [userId]);
  const saved = new Map(rows.map((r) => [r.kind_group, r]));
  return groupsFor(role).map((group) => {
    const row = saved.get(group);
    return { group, email: row?.email ?? groupDefault(group, role, 'email'), push: row?.push ?? groupDefault(group, role, 'push') };
  });
}

/** Saves the given groups (one statement each, in the caller's transaction). Groups the role cannot set are ignored. */
export async function saveGroupPreferences(db: Queryable, userId: string, role: Role, groups: GroupPreference[]): Promise<void> {
  const allowed = new Set(groupsFor(role));
  for (const g of groups) {
    if (!allowed.has(g.group)) continue;
    await db.query(
      `INSERT INTO notification_preferences (user_id, kind_group, email, push) VALUES ($1, $2, $3, $4)
       ON CONFLICT (user_id, kind_group) DO UPDATE SET email = EXCLUDED.email, push = EXCLUDED.push, updated_at = now()`,
      [userId, g.group, g.email, g.push],
    );
  }
}

/**
 * Whether one notification of `kind` goes out by email and by push to this account. A saved group
 * choice applies to every kind in the group; without one, each kind has its own default.
 */
export function channelsFor(kind: NotificationKind, role: Role, saved: { email: boolean | null; push: boolean | null }): { email: boolean; push: boolean } {
  const fallback = kindDefault(kind, role);
  return { email: !NEVER_EMAILED.has(kind) && (saved.email ?? fallback), push: saved.push ?? fallback };
}
