import { z } from 'zod';
import type { JobDefinition } from '../../platform/jobs/queue.ts';
import { OFFER_EXPIRY_JOB, offerOpeningIn } from './opening.ts';
import { expireDue } from './waitlist.queries.ts';

const Payload = z.object({ offerId: z.string().uuid() });
type Payload = z.infer<typeof Payload>;

/**
 * Runs when an offer's window ends (queued with the offer, key waitlist-offer-expiry:<offer>). An
 * offer still unanswered becomes 'expired' and its time passes to the next person in line, in the
 * job's transaction, so the expiry and the new offers commit together. An offer already answered,
 * taken or withdrawn is left alone, so running the job again changes nothing.
 */
export const offerExpiryJob: JobDefinition<Payload> = {
  kind: OFFER_EXPIRY_JOB,
  payload: Payload,
  async run(ctx, tx, { offerId }) {
    for (const offer of await expireDue(tx, offerId)) {
      await offerOpeningIn(ctx, tx, { practitionerId: offer.practitionerId, locationId: offer.locationId, startsAt: offer.openingStartsAt, endsAt: offer.openingEndsAt });
    }
  },
};
