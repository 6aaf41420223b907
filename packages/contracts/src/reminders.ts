import { z } from 'zod';

/**
 * Appointment reminder settings of one patient (issue 5): how reminders come (email, in the
 * portal) and when (a week before, a day before). Every setting is on until someone turns it off.
 */
export const ReminderPreferences = z.object({
  email: z.boolean({ error: 'Say whether to send reminders by email (true or false).' }),
  inApp: z.boolean({ error: 'Say whether to show reminders in OurChart (true or false).' }),
  weekBefore: z.boolean({ error: 'Say whether to send a reminder 7 days before (true or false).' }),
  dayBefore: z.boolean({ error: 'Say whether to send a reminder 1 day before (true or false).' }),
});
export type ReminderPreferences = z.infer<typeof ReminderPreferences>;

/** GET / PUT /api/appointments/reminder-preferences[?patient=<id>] */
export const ReminderPreferencesResponse = ReminderPreferences.extend({
  /** When someone last changed them; null while they are the defaults. */
  updatedAt: z.string().nullable(),
});
export type ReminderPreferencesResponse = z.infer<typeof ReminderPreferencesResponse>;

/**
 * The demo mail outbox (no SMTP_URL): every email the portal queued, for staff to read while
 * trying the portal. Bodies are plain text.
 */
export const OutboxEmail = z.object({
  id: z.string(),
  to: z.string(),
  subject: z.string(),
  queuedAt: z.string(),
  sentAt: z.string().nullable(),
  text: z.string(),
});
export type OutboxEmail = z.infer<typeof OutboxEmail>;

/** GET /api/staff/outbox?page=1 → newest first, `pageSize` per page. */
export const OutboxPage = z.object({
  emails: z.array(OutboxEmail),
  page: z.number().int(),
  pageSize: z.number().int(),
  total: z.number().int(),
});
export type OutboxPage = z.infer<typeof OutboxPage>;

export const OutboxQuery = z.object({
  page: z.coerce.number({ error: 'Give the page as a number, for example page=2.' }).int('Give the page as a whole number.').min(1, 'Pages start at 1.').max(10000, 'That page is too far; pages stop at 10000.').default(1),
});
