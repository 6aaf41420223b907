import type { Queryable } from '../../platform/db/db.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { REMINDER_JOB, REMINDER_OFFSETS, reminderKey } from './reminder-job.ts';

/**
 * Plans the 7-day and 1-day reminders of a booked appointment, in the booking's transaction.
 * Each is a job keyed by appointment, offset and start time, so planning twice queues once, and a
 * reschedule (new start time) plans new jobs while the old ones find the start moved and send
 * nothing. A reminder whose time has already passed (a visit booked for tomorrow) is skipped.
 */
export async function planReminders(tx: Queryable, appointment: { id: string; startsAt: Date }): Promise<void> {
  const now = Date.now();
  for (const [which, ms] of Object.entries(REMINDER_OFFSETS) as [keyof typeof REMINDER_OFFSETS, number][]) {
    const runAt = new Date(appointment.startsAt.getTime() - ms);
    if (runAt.getTime() <= now) continue;
    const startsAt = appointment.startsAt.toISOString();
    await enqueueJob(tx, { kind: REMINDER_JOB, key: reminderKey(appointment.id, which, startsAt), runAt, payload: { appointmentId: appointment.id, which, startsAt } });
  }
}
