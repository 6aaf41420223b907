import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { AppContext } from '../../context.ts';
import type { Queryable } from '../../platform/db/db.ts';
import { enqueueJob } from '../../platform/jobs/queue.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { notifyPatient } from '../../platform/notifications/notifications.ts';
import { spokenTime } from '../appointments/place.ts';
import { loadDirectory } from './directory.ts';
import { freeStartFinder } from './free-start.ts';
import { offerMail } from './offer-mail.ts';
import {
  clinicTimeZone, closeStaleEntries, insertOffer, loadWaitlistSettings, lockOpening, matchingEntries, openOffersOfOpening, recipientsOf,
} from './waitlist.queries.ts';

/** Time that became free on a clinician's calendar (a cancellation, a move, new hours). */
export type Opening = { practitionerId: string; locationId: string; startsAt: Date; endsAt: Date };

/** The job that ends an unanswered offer and passes the time on (expiry.ts). */
export const OFFER_EXPIRY_JOB = 'waitlist-offer-expiry';

type Deps = Pick<AppContext, 'keyring' | 'config'>;

/**
 * Offers newly free time to patients waiting for an earlier visit. Never throws to the caller:
 * the cancellation or move that freed the time has already committed and must not look failed.
 */
export async function offerOpening(ctx: AppContext, opening: Opening): Promise<void> {
  try {
    await ctx.db.transaction((tx) => offerOpeningIn(ctx, tx, opening));
  } catch (err) {
    // Ids and codes only: the error of a SQL statement names no patient.
    console.warn(`waitlist: offering freed time failed (${(err as Error)?.message ?? err})`);
  }
}

/**
 * The offer step, in the caller's transaction (a route's, or the job queue's when an offer
 * expires): finds the active entries the opening suits, in the order people asked, and offers it
 * to as many as the setting allows minus those already holding an offer for it. Each offer gets
 * its row, an in-app notification, an email to everyone who sees the patient's record and an
 * expiry job, all committed together. Returns the new offer ids.
 */
export async function offerOpeningIn(ctx: Deps, tx: Queryable, opening: Opening): Promise<string[]> {
  if (!(opening.startsAt < opening.endsAt)) return [];
  const { timeZone, minNoticeMinutes } = await clinicTimeZone(tx);
  const latestAnswer = opening.startsAt.getTime() - minNoticeMinutes * 60_000;
  // Too soon to book: patients could not get there (and booking would refuse it).
  if (latestAnswer <= Date.now()) return [];
  await lockOpening(tx, opening.practitionerId, opening.startsAt);
  await closeStaleEntries(tx);
  const settings = await loadWaitlistSettings(tx);
  const room = settings.offersPerOpening - (await openOffersOfOpening(tx, opening.practitionerId, opening.startsAt));
  if (room <= 0) return [];
  const local = DateTime.fromJSDate(opening.startsAt, { zone: timeZone });
  // A few more than there is room for: some may find no bookable start of their visit type inside the opening.
  const candidates = await matchingEntries(tx, { ...opening, localDay: local.toISODate()!, weekday: local.weekday % 7, limit: room + 20 });
  if (candidates.length === 0) return [];
  const freeStart = freeStartFinder(tx, opening, timeZone, minNoticeMinutes);

  const directory = await loadDirectory(tx, [opening.practitionerId], [opening.locationId]);
  // An offer ends after the window, and never later than the last moment the time can be booked.
  const expiresAt = new Date(Math.min(Date.now() + settings.offerWindowMinutes * 60_000, latestAnswer));
  const ids: string[] = [];
  for (const { entry, durationMinutes, currentStartsAt } of candidates) {
    if (ids.length >= room) break;
    const startsAt = await freeStart(durationMinutes);
    if (!startsAt || startsAt >= currentStartsAt) continue;
    const id = randomUUID();
    const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
    await insertOffer(tx, {
      id, entryId: entry.id, patientId: entry.patientId, practitionerId: opening.practitionerId, locationId: opening.locationId,
      openingStartsAt: opening.startsAt, openingEndsAt: opening.endsAt, startsAt, endsAt, expiresAt,
    });
    await notifyPatient(tx, entry.patientId, { kind: 'waitlist-offer', entityType: 'WaitlistOffer', entityId: id });
    for (const to of await recipientsOf(tx, entry.patientId)) {
      await enqueueMail(tx, ctx.keyring, offerMail(to.email, to.locale, {
        when: spokenTime(startsAt, timeZone, to.locale), until: spokenTime(expiresAt, timeZone, to.locale),
        where: directory.where(opening.locationId), clinic: directory.clinic(opening.locationId), link: `${ctx.config.publicUrl}/appointments`,
      }));
    }
    await enqueueJob(tx, { kind: OFFER_EXPIRY_JOB, key: `${OFFER_EXPIRY_JOB}:${id}`, runAt: expiresAt, payload: { offerId: id } });
    ids.push(id);
  }
  return ids;
}
