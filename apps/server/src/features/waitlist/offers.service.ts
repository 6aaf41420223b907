import type { AcceptedOffer, WaitlistOffer } from '@ourchart/contracts';
import { AppError } from '../../platform/http/errors.ts';
import { notifyPatient } from '../../platform/notifications/notifications.ts';
import { bookAppointment } from '../appointments/booking.ts';
import { loadDirectory } from './directory.ts';
import { offerOpeningIn, type Opening } from './opening.ts';
import { presentOffer } from './present.ts';
import {
  appointmentFacts, findEntry, findOffer, markAccepted, settleOffer, takeOverlappingOffers, visitTypeFacts, withdrawOffersOfEntry,
  type EntryRow, type OfferRow,
} from './waitlist.queries.ts';
import { auditWaitlist, type Deps } from './waitlist.service.ts';

export const NO_LONGER_AVAILABLE = 'This time is no longer available. You are still on the waitlist, and we will tell you if another time opens.';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type OwnOffer = { offer: OfferRow; entry: EntryRow };

/** An offer of the patient in context, or NOT_FOUND (audited) for anything else. */
export async function ownOffer(deps: Deps, id: string): Promise<OwnOffer> {
  const offer = UUID.test(id) ? await findOffer(deps.ctx.db, id) : undefined;
  const entry = offer && (await findEntry(deps.ctx.db, offer.entryId));
  if (!offer || !entry || offer.patientId !== deps.access.patientId) {
    await auditWaitlist(deps, 'read', 'WaitlistOffer', UUID.test(id) ? id : null, null, 'not-found');
    throw new AppError('NOT_FOUND', 'We could not find that offer.');
  }
  return { offer, entry };
}

const openingOf = (o: OfferRow): Opening => ({ practitionerId: o.practitionerId, locationId: o.locationId, startsAt: o.openingStartsAt, endsAt: o.openingEndsAt });
const isOpen = (o: OfferRow, entry: EntryRow) => o.status === 'offered' && o.expiresAt.getTime() > Date.now() && entry.status === 'active';

async function present(deps: Deps, id: string): Promise<WaitlistOffer> {
  const { ctx } = deps;
  const offer = (await findOffer(ctx.db, id))!;
  const entry = (await findEntry(ctx.db, offer.entryId))!;
  const current = await appointmentFacts(ctx.db, entry.appointmentId);
  const names = await loadDirectory(ctx.db, [offer.practitionerId], [offer.locationId]);
  return presentOffer(offer, entry, current!.startsAt, await visitTypeFacts(ctx.db, [entry.visitTypeId]), names, false);
}

/**
 * Accepts an earlier time: books it and cancels the visit it replaces in one booking transaction
 * (bookAppointment with `replacing`), so the first to accept gets it and a late one gets SLOT_TAKEN
 * from the calendar itself. In the booking's own transaction: the offer is accepted, the entry fulfilled,
 * its other offers withdrawn (and passed on), everyone else's offers of that time marked taken and
 * those patients told, and what is left of the opening (a longer freed time) offered again. The
 * visit the patient gave up is offered to the waitlist by bookAppointment after its commit.
 * A late accept answers 409 and leaves the entry active.
 */
export async function acceptOffer(deps: Deps, { offer, entry }: OwnOffer): Promise<AcceptedOffer> {
  const { ctx, access } = deps;
  if (!isOpen(offer, entry)) throw new AppError('VERSION_CONFLICT', NO_LONGER_AVAILABLE);
  let booked: Awaited<ReturnType<typeof bookAppointment>>;
  try {
    booked = await bookAppointment(ctx, access, {
      visitTypeId: entry.visitTypeId, practitionerId: offer.practitionerId, locationId: offer.locationId, startsAt: offer.startsAt.toISOString(),
    }, {
      replacing: entry.appointmentId,
      // The offer's side commits with the booking, or neither does.
      alsoInTransaction: async (tx, { id, startsAt, endsAt }) => {
        await markAccepted(tx, offer.id, id);
        // The booking cancelled the old visit in this transaction; the entry is fulfilled now.
        await tx.query(`UPDATE waitlist_entries SET status = 'fulfilled', closed_at = now() WHERE id = $1 AND status <> 'fulfilled'`, [entry.id]);
        for (const taken of await takeOverlappingOffers(tx, offer.practitionerId, startsAt, endsAt, offer.id)) {
          await notifyPatient(tx, taken.patientId, { kind: 'waitlist-offer-taken', entityType: 'WaitlistOffer', entityId: taken.id });
        }
        for (const other of await withdrawOffersOfEntry(tx, entry.id)) await offerOpeningIn(ctx, tx, openingOf(other));
        // What is left of a longer opening (a 40-minute visit given up, a 20-minute one booked) is offered again.
        if (startsAt > offer.openingStartsAt) await offerOpeningIn(ctx, tx, { ...openingOf(offer), endsAt: startsAt });
        if (endsAt < offer.openingEndsAt) await offerOpeningIn(ctx, tx, { ...openingOf(offer), startsAt: endsAt });
      },
    });
  } catch (err) {
    if ((err as { code?: string }).code !== 'SLOT_TAKEN') throw err;
    await ctx.db.transaction(async (tx) => {
      if (await settleOffer(tx, offer.id, 'taken')) await notifyPatient(tx, offer.patientId, { kind: 'waitlist-offer-taken', entityType: 'WaitlistOffer', entityId: offer.id });
    });
    await auditWaitlist(deps, 'update', 'WaitlistOffer', offer.id, 'answer=accept&outcome=taken');
    throw new AppError('VERSION_CONFLICT', NO_LONGER_AVAILABLE);
  }
  await auditWaitlist(deps, 'update', 'WaitlistOffer', offer.id, `answer=accept&appointment=${booked.id}`);
  return { offer: await present(deps, offer.id), appointment: booked };
}

/** "No thanks": the offer is declined and its time passes to the next person in line (same transaction). */
export async function declineOffer(deps: Deps, { offer, entry }: OwnOffer): Promise<WaitlistOffer> {
  const { ctx } = deps;
  if (!isOpen(offer, entry)) throw new AppError('VERSION_CONFLICT', 'This offer has already ended, so there is nothing to decline.');
  await ctx.db.transaction(async (tx) => {
    if (!(await settleOffer(tx, offer.id, 'declined'))) throw new AppError('VERSION_CONFLICT', 'This offer has already ended, so there is nothing to decline.');
    await offerOpeningIn(ctx, tx, openingOf(offer));
  });
  await auditWaitlist(deps, 'update', 'WaitlistOffer', offer.id, 'answer=decline');
  return present(deps, offer.id);
}
