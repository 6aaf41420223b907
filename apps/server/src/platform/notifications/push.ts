import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import webpush from 'web-push';
import { z } from 'zod';
import { NotificationKind, type PushSubscriptionInput, type Role } from '@ourchart/contracts';
import type { Config } from '../../config.ts';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../db/db.ts';
import type { JobDefinition } from '../jobs/queue.ts';
import { NOTIFICATION_PUSH_JOB } from './delivery.ts';
import { channelsFor, KIND_GROUP } from './preferences.ts';
import { wordsFor } from './words.ts';

export type VapidKeys = { publicKey: string; privateKey: string; subject: string };

const cache = new Map<string, VapidKeys | null>();

/**
 * The VAPID keys pushes are signed with: VAPID_PUBLIC_KEY/VAPID_PRIVATE_KEY when set. In
 * development without them, a pair is generated once and kept in DATA_DIR/vapid.json, so restarts
 * keep browser subscriptions valid. In production without them, push is off (null).
 */
export function vapidKeys(config: Config): VapidKeys | null {
  if (config.vapid) return config.vapid;
  if (config.production) return null;
  const file = join(config.dataDir, 'vapid.json');
  if (cache.has(file)) return cache.get(file)!;
  let keys: VapidKeys;
  if (existsSync(file)) {
    keys = JSON.parse(readFileSync(file, 'utf8')) as VapidKeys;
  } else {
    const pair = webpush.generateVAPIDKeys();
    keys = { publicKey: pair.publicKey, privateKey: pair.privateKey, subject: config.vapidSubject };
    mkdirSync(config.dataDir, { recursive: true });
    // Private key: readable by the server's user only.
    writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  }
  cache.set(file, keys);
  return keys;
}

/** Saves a browser's subscription for this account (the same browser subscribing again replaces its keys). */
export async function savePushSubscription(db: Queryable, userId: string, sub: PushSubscriptionInput): Promise<void> {
  await db.query(
    `INSERT INTO push_subscriptions (id, user_id, endpoint, p256dh, auth) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (endpoint) DO UPDATE SET user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth, created_at = now()`,
    [randomUUID(), userId, sub.endpoint, sub.keys.p256dh, sub.keys.auth],
  );
}

/** Stops pushes to one browser of this account; false when it was not subscribed. */
export async function deletePushSubscription(db: Queryable, userId: string, endpoint: string): Promise<boolean> {
  return (await db.query('DELETE FROM push_subscriptions WHERE user_id = $1 AND endpoint = $2 RETURNING id', [userId, endpoint])).length > 0;
}

export async function countPushSubscriptions(db: Queryable, userId: string): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM push_subscriptions WHERE user_id = $1', [userId]);
  return row?.n ?? 0;
}

const Payload = z.object({ subscriptionId: z.string(), kind: NotificationKind });
type Payload = z.infer<typeof Payload>;

type SubRow = { endpoint: string; p256dh: string; auth: string; locale: 'en' | 'es'; role: Role; disabled: boolean; pref: boolean | null };

/**
 * Sends one push to one browser. The payload (encrypted by web-push for that browser) says only
 * that something is waiting, and where to look. A 404 or 410 means the browser dropped the
 * subscription: it is deleted and the job ends. Other failures throw, so the job is retried.
 */
async function sendPush(ctx: AppContext, tx: Queryable, p: Payload): Promise<void> {
  const keys = vapidKeys(ctx.config);
  if (!keys) return;
  const [sub] = await tx.query<SubRow>(
    `SELECT s.endpoint, s.p256dh, s.auth, u.locale, u.role, (u.disabled_at IS NOT NULL) AS disabled, pr.push AS pref
       FROM push_subscriptions s JOIN users u ON u.id = s.user_id
       LEFT JOIN notification_preferences pr ON pr.user_id = u.id AND pr.kind_group = $2
      WHERE s.id = $1`,
    [p.subscriptionId, KIND_GROUP[p.kind]],
  );
  if (!sub || sub.disabled || !channelsFor(p.kind, sub.role, { email: null, push: sub.pref }).push) return;
  const words = wordsFor(p.kind, sub.locale);
  const body = JSON.stringify({ title: words.push, body: words.action, url: '/notifications' });
  try {
    await webpush.sendNotification({ endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } }, body, {
      vapidDetails: keys,
      TTL: 24 * 3600,
      // The job holds its transaction while it waits; give up quickly and retry later.
      timeout: 5000,
    });
  } catch (err) {
    const status = (err as { statusCode?: number }).statusCode;
    if (status === 404 || status === 410) {
      await tx.query('DELETE FROM push_subscriptions WHERE id = $1', [p.subscriptionId]);
      return;
    }
    // The status only: the endpoint is a capability URL and stays out of logs.
    throw new Error(`push service answered ${status ?? 'nothing'}`);
  }
}

export const notificationPushJob: JobDefinition<Payload> = { kind: NOTIFICATION_PUSH_JOB, payload: Payload, run: (ctx, tx, p) => sendPush(ctx, tx, p) };
