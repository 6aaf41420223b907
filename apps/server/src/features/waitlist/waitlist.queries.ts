import type { Queryable } from '../../platform/db/db.ts';
import { patientAudience } from '../../platform/access/proxy-grants.ts';

// All SQL of the waitlist (migration 0012). Rows hold workflow state and ids only; callers reach
// them through PatientAccess (routes) or as the system (offering freed time, expiry).

export type EntryStatus = 'active' | 'fulfilled' | 'cancelled';
export type OfferStatus = 'offered' | 'accepted' | 'declined' | 'expired' | 'taken' | 'withdrawn';

export type EntryRow = {
  id: string; patientId: string; appointmentId: string; visitTypeId: string; practitionerId: string | null; locationId: string;
  earliestDay: string | null; weekdays: number[] | null; status: EntryStatus; createdAt: Date;
};

export type OfferRow = {
  id: string; entryId: string; patientId: string; practitionerId: string; locationId: string;
  openingStartsAt: Date; openingEndsAt: Date; startsAt: Date; endsAt: Date; status: OfferStatus; expiresAt: Date; createdAt: Date;
  appointmentId: string | null;
};

export type WaitlistSettings = { offersPerOpening: number; offerWindowMinutes: number };

type RawEntry = {
  id: string; patient_id: string; appointment_id: string; visit_type_id: string; practitioner_id: string | null; location_id: string;
  earliest_day: string | null; weekdays: number[] | null; status: EntryStatus; created_at: Date | string;
};
type RawOffer = {
  id: string; entry_id: string; patient_id: string; practitioner_id: string; location_id: string; opening_starts_at: Date | string;
  opening_ends_at: Date | string; starts_at: Date | string; ends_at: Date | string; status: OfferStatus; expires_at: Date | string;
  created_at: Date | string; appointment_id: string | null;
};

const ENTRY_COLUMNS = `e.id, e.patient_id, e.appointment_id, e.visit_type_id, e.practitioner_id, e.location_id,
  to_char(e.earliest_day, 'YYYY-MM-DD') AS earliest_day, e.weekdays, e.status, e.created_at`;
const OFFER_COLUMNS = `o.id, o.entry_id, o.patient_id, o.practitioner_id, o.location_id, o.opening_starts_at, o.opening_ends_at,
  o.starts_at, o.ends_at, o.status, o.expires_at, o.created_at, o.appointment_id`;

const toEntry = (r: RawEntry): EntryRow => ({
  id: r.id, patientId: r.patient_id, appointmentId: r.appointment_id, visitTypeId: r.visit_type_id, practitionerId: r.practitioner_id,
  locationId: r.location_id, earliestDay: r.earliest_day, weekdays: r.weekdays ? r.weekdays.map(Number) : null, status: r.status,
  createdAt: new Date(r.created_at),
});
const toOffer = (r: RawOffer): OfferRow => ({
  id: r.id, entryId: r.entry_id, patientId: r.patient_id, practitionerId: r.practitioner_id, locationId: r.location_id,
  openingStartsAt: new Date(r.opening_starts_at), openingEndsAt: new Date(r.opening_ends_at), startsAt: new Date(r.starts_at),
  endsAt: new Date(r.ends_at), status: r.status, expiresAt: new Date(r.expires_at), createdAt: new Date(r.created_at), appointmentId: r.appointment_id,
});

export async function loadWaitlistSettings(db: Queryable): Promise<WaitlistSettings> {
  const [row] = await db.query<{ offers_per_opening: number; offer_window_minutes: number }>(
    'SELECT offers_per_opening, offer_window_minutes FROM waitlist_settings WHERE id = 1',
  );
  return { offersPerOpening: row?.offers_per_opening ?? 3, offerWindowMinutes: row?.offer_window_minutes ?? 120 };
}

export async function clinicTimeZone(db: Queryable): Promise<{ timeZone: string; minNoticeMinutes: number }> {
  const [row] = await db.query<{ time_zone: string; min_notice_minutes: number }>('SELECT time_zone, min_notice_minutes FROM scheduling_settings WHERE id = 1');
  return { timeZone: row?.time_zone ?? 'America/Chicago', minNoticeMinutes: row?.min_notice_minutes ?? 120 };
}

/** The appointment row behind an entry (scheduling table of migration 0009). */
export type AppointmentFacts = {
  id: string; patientId: string; practitionerId: string; locationId: string; visitTypeId: string; startsAt: Date; endsAt: Date; status: string;
};

export async function appointmentFacts(db: Queryable, id: string): Promise<AppointmentFacts | undefined> {
  const [r] = await db.query<{ id: string; patient_id: string; practitioner_id: string; location_id: string; visit_type_id: string; starts_at: Date | string; ends_at: Date | string; status: string }>(
    'SELECT id, patient_id, practitioner_id, location_id, visit_type_id, starts_at, ends_at, status FROM appointments WHERE id = $1',
    [id],
  );
  return r && {
    id: r.id, patientId: r.patient_id, practitionerId: r.practitioner_id, locationId: r.location_id, visitTypeId: r.visit_type_id,
    startsAt: new Date(r.starts_at), endsAt: new Date(r.ends_at), status: r.status,
  };
}

export type VisitTypeFacts = { id: string; nameEn: string; nameEs: string; durationMinutes: number; practitionerIds: string[]; booking: string };

export async function visitTypeFacts(db: Queryable, ids: string[]): Promise<Map<string, VisitTypeFacts>> {
  if (ids.length === 0) return new Map();
  const rows = await db.query<{ id: string; name_en: string; name_es: string; duration_minutes: number; practitioner_ids: string[]; booking: string }>(
    'SELECT id, name_en, name_es, duration_minutes, practitioner_ids, booking FROM visit_types WHERE id = ANY($1::text[])',
    [ids],
  );
  return new Map(rows.map((r) => [r.id, { id: r.id, nameEn: r.name_en, nameEs: r.name_es, durationMinutes: r.duration_minutes, practitionerIds: r.practitioner_ids, booking: r.booking }]));
}

/** Inserts an active entry; false when the appointment already has one (the partial unique index, even under a race). */
export async function insertEntry(tx: Queryable, e: Omit<EntryRow, 'status' | 'createdAt'> & { createdBy: string }): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO waitlist_entries (id, patient_id, appointment_id, visit_type_id, practitioner_id, location_id, earliest_day, weekdays, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7::date, $8::smallint[], $9)
     ON CONFLICT (appointment_id) WHERE status = 'active' DO NOTHING RETURNING id`,
    [e.id, e.patientId, e.appointmentId, e.visitTypeId, e.practitionerId, e.locationId, e.earliestDay, e.weekdays, e.createdBy],
  );
  return rows.length === 1;
}

export async function findEntry(db: Queryable, id: string): Promise<EntryRow | undefined> {
  const [row] = await db.query<RawEntry>(`SELECT ${ENTRY_COLUMNS} FROM waitlist_entries e WHERE e.id = $1`, [id]);
  return row && toEntry(row);
}

/** A patient's entries: active first, then newest. */
export async function entriesOfPatient(db: Queryable, patientId: string, limit = 50): Promise<EntryRow[]> {
  const rows = await db.query<RawEntry>(
    `SELECT ${ENTRY_COLUMNS} FROM waitlist_entries e WHERE e.patient_id = $1
      ORDER BY (e.status = 'active') DESC, e.created_at DESC, e.id LIMIT $2`,
    [patientId, limit],
  );
  return rows.map(toEntry);
}

/** Closes an active entry; false when it was no longer active. */
export async function closeEntry(tx: Queryable, id: string, status: 'fulfilled' | 'cancelled'): Promise<boolean> {
  const rows = await tx.query(`UPDATE waitlist_entries SET status = $2, closed_at = now() WHERE id = $1 AND status = 'active' RETURNING id`, [id, status]);
  return rows.length === 1;
}

/**
 * Closes active entries whose visit is no longer a booked future visit (cancelled, moved by staff,
 * or already past): there is nothing left to move earlier.
 */
export async function closeStaleEntries(tx: Queryable): Promise<void> {
  await tx.query(
    `UPDATE waitlist_entries e SET status = 'cancelled', closed_at = now()
      FROM appointments a WHERE a.id = e.appointment_id AND e.status = 'active' AND (a.status <> 'booked' OR a.starts_at <= now())`,
  );
}

export async function findOffer(db: Queryable, id: string): Promise<OfferRow | undefined> {
  const [row] = await db.query<RawOffer>(`SELECT ${OFFER_COLUMNS} FROM waitlist_offers o WHERE o.id = $1`, [id]);
  return row && toOffer(row);
}

/** A patient's offers: open ones first (soonest to expire), then newest. */
export async function offersOfPatient(db: Queryable, patientId: string, limit = 50): Promise<OfferRow[]> {
  const rows = await db.query<RawOffer>(
    `SELECT ${OFFER_COLUMNS} FROM waitlist_offers o WHERE o.patient_id = $1
      ORDER BY (o.status = 'offered') DESC, CASE WHEN o.status = 'offered' THEN o.expires_at END, o.created_at DESC, o.id LIMIT $2`,
    [patientId, limit],
  );
  return rows.map(toOffer);
}

/** Serialises work on one opening across nodes (two cancellations of the same time, an expiry and a decline). */
export async function lockOpening(tx: Queryable, practitionerId: string, startsAt: Date): Promise<void> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtext($1)) AS locked', [`waitlist:${practitionerId}:${startsAt.toISOString()}`]);
}

/** Offers of this opening still waiting for an answer. */
export async function openOffersOfOpening(tx: Queryable, practitionerId: string, openingStartsAt: Date): Promise<number> {
  const [row] = await tx.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM waitlist_offers WHERE practitioner_id = $1 AND opening_starts_at = $2 AND status = 'offered' AND expires_at > now()`,
    [practitionerId, openingStartsAt.toISOString()],
  );
  return row?.n ?? 0;
}

export type Candidate = { entry: EntryRow; durationMinutes: number; currentStartsAt: Date };

/**
 * Active entries this opening may suit, in the order people asked: same clinician (or any clinician
 * of the visit type; an empty list on the visit type means any clinician), same location, the visit
 * is no longer than the opening, the opening starts before the visit they have, on or after their
 * earliest day and on one of their days, and not offered this opening before. Whether a bookable
 * start of their visit type is free inside the opening is checked by the caller (opening.ts).
 */
export async function matchingEntries(tx: Queryable, o: {
  practitionerId: string; locationId: string; startsAt: Date; endsAt: Date; localDay: string; weekday: number; limit: number;
}): Promise<Candidate[]> {
  const rows = await tx.query<RawEntry & { duration_minutes: number; current_starts_at: Date | string }>(
    `SELECT ${ENTRY_COLUMNS}, vt.duration_minutes, a.starts_at AS current_starts_at
       FROM waitlist_entries e
       JOIN appointments a ON a.id = e.appointment_id AND a.status = 'booked'
       JOIN visit_types vt ON vt.id = e.visit_type_id AND vt.active
      WHERE e.status = 'active'
        AND (e.practitioner_id = $1 OR (e.practitioner_id IS NULL AND (cardinality(vt.practitioner_ids) = 0 OR $1 = ANY(vt.practitioner_ids))))
        AND e.location_id = $2
        AND a.starts_at > $3::timestamptz
        AND $3::timestamptz + make_interval(mins => vt.duration_minutes) <= $4::timestamptz
        AND (e.earliest_day IS NULL OR e.earliest_day <= $5::date)
        AND (e.weekdays IS NULL OR $6::smallint = ANY(e.weekdays))
        AND NOT EXISTS (SELECT 1 FROM waitlist_offers x WHERE x.entry_id = e.id AND x.practitioner_id = $1 AND x.opening_starts_at = $3::timestamptz)
      ORDER BY e.created_at, e.id
      LIMIT $7`,
    [o.practitionerId, o.locationId, o.startsAt.toISOString(), o.endsAt.toISOString(), o.localDay, o.weekday, o.limit],
  );
  return rows.map((r) => ({ entry: toEntry(r), durationMinutes: Number(r.duration_minutes), currentStartsAt: new Date(r.current_starts_at) }));
}

export async function insertOffer(tx: Queryable, o: Omit<OfferRow, 'status' | 'createdAt' | 'appointmentId'>): Promise<void> {
  await tx.query(
    `INSERT INTO waitlist_offers (id, entry_id, patient_id, practitioner_id, location_id, opening_starts_at, opening_ends_at, starts_at, ends_at, expires_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [o.id, o.entryId, o.patientId, o.practitionerId, o.locationId, o.openingStartsAt.toISOString(), o.openingEndsAt.toISOString(),
      o.startsAt.toISOString(), o.endsAt.toISOString(), o.expiresAt.toISOString()],
  );
}

/** Moves an offer out of 'offered'; false when it had already left it (answered, expired or taken). */
export async function settleOffer(tx: Queryable, id: string, status: Exclude<OfferStatus, 'offered'>, appointmentId: string | null = null): Promise<boolean> {
  const rows = await tx.query(
    `UPDATE waitlist_offers SET status = $2, responded_at = now(), appointment_id = COALESCE($3, appointment_id) WHERE id = $1 AND status = 'offered' RETURNING id`,
    [id, status, appointmentId],
  );
  return rows.length === 1;
}

/** Records the booking of an accepted offer, whatever state it had reached meanwhile (the booking stands). */
export async function markAccepted(tx: Queryable, id: string, appointmentId: string): Promise<void> {
  await tx.query(`UPDATE waitlist_offers SET status = 'accepted', responded_at = now(), appointment_id = $2 WHERE id = $1`, [id, appointmentId]);
}

/** Open offers of other entries that overlap a time just booked: they become 'taken'. Returns them. */
export async function takeOverlappingOffers(tx: Queryable, practitionerId: string, startsAt: Date, endsAt: Date, exceptId: string): Promise<OfferRow[]> {
  const rows = await tx.query<RawOffer>(
    `UPDATE waitlist_offers o SET status = 'taken', responded_at = now()
      WHERE o.status = 'offered' AND o.id <> $4 AND o.practitioner_id = $1 AND o.starts_at < $3 AND o.ends_at > $2
      RETURNING ${OFFER_COLUMNS}`,
    [practitionerId, startsAt.toISOString(), endsAt.toISOString(), exceptId],
  );
  return rows.map(toOffer);
}

/** Withdraws the open offers of an entry (it closed). Returns them, so their openings can pass on. */
export async function withdrawOffersOfEntry(tx: Queryable, entryId: string): Promise<OfferRow[]> {
  const rows = await tx.query<RawOffer>(
    `UPDATE waitlist_offers o SET status = 'withdrawn', responded_at = now() WHERE o.entry_id = $1 AND o.status = 'offered' RETURNING ${OFFER_COLUMNS}`,
    [entryId],
  );
  return rows.map(toOffer);
}

/** Expires open offers whose window has passed (all of them, or one). Returns them. */
export async function expireDue(tx: Queryable, offerId?: string): Promise<OfferRow[]> {
  const rows = await tx.query<RawOffer>(
    `UPDATE waitlist_offers o SET status = 'expired', responded_at = now()
      WHERE o.status = 'offered' AND o.expires_at <= now() AND ($1::uuid IS NULL OR o.id = $1::uuid) RETURNING ${OFFER_COLUMNS}`,
    [offerId ?? null],
  );
  return rows.map(toOffer);
}

/** True when any 5-minute unit of [startsAt, endsAt) is booked for the clinician. */
export async function isBooked(db: Queryable, practitionerId: string, startsAt: Date, endsAt: Date): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM booked_units WHERE practitioner_id = $1 AND unit_start >= $2 AND unit_start < $3 LIMIT 1', [
    practitionerId, startsAt.toISOString(), endsAt.toISOString(),
  ]);
  return rows.length > 0;
}

/** Accounts that see the patient's appointments (their own, proxies whose grant covers them: proxy-grants.ts) with where and how to email them. */
export async function recipientsOf(tx: Queryable, patientId: string): Promise<{ email: string; locale: 'en' | 'es' }[]> {
  const ids = await patientAudience(tx, patientId, 'appointments');
  return tx.query<{ email: string; locale: 'en' | 'es' }>('SELECT email, locale FROM users WHERE id = ANY($1::uuid[])', [ids]);
}

/**
 * Names of shared directory resources (Practitioner, Location, Organization): no patient data, so
 * read as the system. Plain SQL so it also works inside a transaction (the job queue's).
 */
export async function directoryResources(db: Queryable, refs: { type: 'Practitioner' | 'Location' | 'Organization'; id: string }[]): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const r of refs) {
    const [row] = await db.query<{ content: Record<string, unknown> }>(
      'SELECT content FROM resources WHERE resource_type = $1 AND id = $2 AND NOT deleted AND patient_id IS NULL',
      [r.type, r.id],
    );
    if (row) out.set(`${r.type}/${r.id}`, row.content);
  }
  return out;
}
