import type { AppContext } from '../../context.ts';
import { ageRulesFor, patientAgeFacts, proxyViewOf } from '../../platform/access/proxy-grants.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { notifyUser } from '../../platform/notifications/notifications.ts';
import { proxyMail } from './proxy-mail.ts';
import { activeParentGrants, endGrant } from './proxies.queries.ts';

type Logger = { info(obj: object, msg: string): void; warn(obj: object, msg: string): void };

/**
 * Ends parents' access to patients who have reached the adult age (issue 7), and tells both: the
 * parent in the app, the new adult in the app and by email (how to give access again). PatientAccess
 * already refuses such grants from the birthday on, whether or not this has run; this records why
 * the grant ended and sends the news. Safe on several nodes: only the node whose UPDATE ends the
 * grant sends anything. Returns how many grants ended.
 */
export async function endParentAccessAtMajority(ctx: AppContext, log?: Logger): Promise<number> {
  let ended = 0;
  for (const grant of await activeParentGrants(ctx.db)) {
    const view = await proxyViewOf(ctx.db, { patientId: grant.patient_id, relationship: 'parent', scopes: grant.scopes });
    if (!view.endedByAge) continue;
    const { adultAge } = await ageRulesFor(ctx.db, (await patientAgeFacts(ctx.db, grant.patient_id)).organizationId);
    const done = await ctx.db.transaction(async (tx) => {
      if (!(await endGrant(tx, grant.id, 'age-of-majority', null))) return false;
      await notifyUser(tx, grant.grantee_user_id, grant.patient_id, { kind: 'proxy-ended', entityType: 'ProxyGrant', entityId: grant.id });
      const [adult] = await tx.query<{ id: string; email: string; locale: 'en' | 'es' }>(
        'SELECT id, email, locale FROM users WHERE patient_id = $1 AND disabled_at IS NULL LIMIT 1', [grant.patient_id],
      );
      if (adult) {
        await notifyUser(tx, adult.id, grant.patient_id, { kind: 'proxy-ended', entityType: 'ProxyGrant', entityId: grant.id });
        await enqueueMail(tx, ctx.keyring, proxyMail.adultNow(adult.email, adult.locale, `${ctx.config.publicUrl}/sharing`, adultAge));
      }
      return true;
    });
    if (done) ended++;
  }
  if (ended) log?.info({ ended }, 'parent access ended at the age of majority');
  return ended;
}

/** Runs the sweep at start and then every `intervalMs` (default 6 hours). Returns stop(). */
export function startMajoritySweep(ctx: AppContext, log: Logger, intervalMs = 6 * 3600_000): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(() => endParentAccessAtMajority(ctx, log)).catch((err) => log.warn({ err: String(err) }, 'age-of-majority sweep failed'));
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  tick();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
