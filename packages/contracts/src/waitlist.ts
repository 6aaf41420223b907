import { z } from 'zod';

/**
 * Waitlist for an earlier time (issue 5): a patient with a booked visit asks to hear about an
 * earlier time; when one opens, the first few who asked get an offer, and the first to accept gets
 * the time (the old visit is cancelled in the same step). Times are ISO-8601 UTC; the web app shows
 * them in the clinic's time zone.
 */

export const WaitlistEntryStatus = z.enum(['active', 'fulfilled', 'cancelled']);
export type WaitlistEntryStatus = z.infer<typeof WaitlistEntryStatus>;

/** offered: waiting for an answer; taken: someone else accepted first, or the time was booked. */
export const WaitlistOfferStatus = z.enum(['offered', 'accepted', 'declined', 'expired', 'taken', 'withdrawn']);
export type WaitlistOfferStatus = z.infer<typeof WaitlistOfferStatus>;

const Named = z.object({ id: z.string(), name: z.string() });
/** Visit type names in both languages (the page picks the reader's). */
const VisitTypeNames = z.object({ id: z.string(), en: z.string(), es: z.string() });

export const WaitlistEntry = z.object({
  id: z.string(),
  appointmentId: z.string(),
  /** When the visit this entry would replace starts. */
  appointmentStartsAt: z.string(),
  visitType: VisitTypeNames,
  /** null: any clinician who sees this visit type. */
  practitioner: Named.nullable(),
  location: Named,
  earliestDay: z.string().nullable(),
  /** 0 = Sunday ... 6 = Saturday; null: any day. */
  weekdays: z.array(z.number().int()).nullable(),
  status: WaitlistEntryStatus,
  createdAt: z.string(),
});
export type WaitlistEntry = z.infer<typeof WaitlistEntry>;

export const WaitlistOffer = z.object({
  id: z.string(),
  entryId: z.string(),
  status: WaitlistOfferStatus,
  startsAt: z.string(),
  endsAt: z.string(),
  expiresAt: z.string(),
  practitioner: Named,
  location: Named,
  visitType: VisitTypeNames,
  /** The visit the offer would replace. */
  currentStartsAt: z.string(),
  createdAt: z.string(),
});
export type WaitlistOffer = z.infer<typeof WaitlistOffer>;

/** GET /api/waitlist[?patient=]: the patient's entries (active first) and offers (open first, then newest). */
export const WaitlistOverview = z.object({ timeZone: z.string(), entries: z.array(WaitlistEntry), offers: z.array(WaitlistOffer) });
export type WaitlistOverview = z.infer<typeof WaitlistOverview>;

const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the earliest day as year-month-day, for example 2026-12-01.');

/** POST /api/waitlist[?patient=]: ask for an earlier time for one booked visit. */
export const NewWaitlistEntry = z.object({
  appointmentId: z.string({ error: 'Choose the visit you want to move earlier.' }).regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Choose the visit you want to move earlier.'),
  /** true: any clinician who sees this visit type; false: only the clinician of the visit. */
  anyClinician: z.boolean().default(false),
  earliestDay: Day.nullish(),
  weekdays: z
    .array(z.number().int().min(0, 'Choose days from Sunday to Saturday.').max(6, 'Choose days from Sunday to Saturday.'))
    .min(1, 'Choose at least one day, or leave the days empty for any day.')
    .max(7)
    .nullish(),
});
export type NewWaitlistEntry = z.infer<typeof NewWaitlistEntry>;

/** POST /api/waitlist/offers/:id/accept → the new visit. */
export const AcceptedOffer = z.object({
  offer: WaitlistOffer,
  appointment: z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string() }),
});
export type AcceptedOffer = z.infer<typeof AcceptedOffer>;
