import { registerJob } from './platform/jobs/queue.ts';
import { reminderJob } from './features/reminders/reminder-job.ts';
import { offerExpiryJob } from './features/waitlist/expiry.ts';
import { notificationEmailJob } from './platform/notifications/email-job.ts';
import { notificationPushJob } from './platform/notifications/push.ts';
import { planDueJob, planReminderJob } from './features/billing/plan-jobs.ts';
import { smartCleanupJob } from './features/smart/cleanup-job.ts';

/**
 * Every kind of background job, registered by hand (like routes in app.ts) so the whole list is
 * readable in one place. main.ts and stand-alone workers call this before starting the worker.
 */
export function registerJobs(): void {
  registerJob(reminderJob);
  registerJob(offerExpiryJob);
  registerJob(notificationEmailJob);
  registerJob(notificationPushJob);
  registerJob(planReminderJob);
  registerJob(planDueJob);
  registerJob(smartCleanupJob);
}
