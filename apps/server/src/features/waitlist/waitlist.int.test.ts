import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, signInCookie, type TestApp } from '../../test/app.ts';
import { readMail } from '../../test/mailbox.ts';
import { registerJob, runDueJobs } from '../../platform/jobs/queue.ts';
import { offerExpiryJob } from './expiry.ts';
import { addVisitType, api, at, buildClinic, offersOf, type Clinic } from './waitlist-fixtures.ts';

const NO_LONGER = 'This time is no longer available. You are still on the waitlist, and we will tell you if another time opens.';

describe.each(testDrivers)('waitlist for an earlier time on $name', (driver) => {
  let h: TestApp;
  let call: ReturnType<typeof api>;
  beforeAll(async () => {
    h = await createTestApp(driver);
    call = api(h);
    registerJob(offerExpiryJob);
  }, 120_000);
  afterAll(() => h?.close());

  const setOffers = (n: number) => h.ctx.db.query('UPDATE waitlist_settings SET offers_per_opening = $1', [n]);

  /** A patient with an account, signed in, and a booked visit at `startsAt` (with clinician a unless told). */
  async function waiting(clinic: Clinic, startsAt: Date, given: string, practitionerId = clinic.a, visitTypeId = clinic.visitType) {
    const u = await createPatientUser(h.ctx, { given });
    const cookie = await signInCookie(h.app, u.email, u.password);
    const appointmentId = await call.book(cookie, clinic, practitionerId, startsAt, undefined, visitTypeId);
    return { ...u, cookie, appointmentId };
  }

  async function joined(p: { cookie: string; appointmentId: string }, more: object = {}) {
    const res = await call.join(p.cookie, p.appointmentId, more);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; status: string };
  }

  /** Someone else's visit at `startsAt`, cancelled through the API: that time opens. */
  async function openTime(clinic: Clinic, startsAt: Date, practitionerId = clinic.a, visitTypeId = clinic.visitType) {
    const other = await waiting(clinic, startsAt, 'Canceller', practitionerId, visitTypeId);
    const res = await call.cancel(other.cookie, other.appointmentId);
    expect(res.statusCode, res.body).toBe(200);
    return other;
  }

  it('offers freed time to the first N who asked and whose wishes it fits, with a notification, an email and an expiry job', async () => {
    await setOffers(2);
    const c = await buildClinic(h);
    const opening = at(4, 10, 0);
    const second = await waiting(c, at(20, 9, 0), 'Second');
    const first = await waiting(c, at(21, 9, 0), 'First');
    const third = await waiting(c, at(22, 9, 0), 'Third');
    const tooEarlyDay = await waiting(c, at(23, 9, 0), 'Later');
    const otherDoctor = await waiting(c, at(24, 9, 0), 'OtherDoctor', c.b);
    const anyDoctor = await waiting(c, at(25, 9, 0), 'AnyDoctor', c.b);
    const alreadyEarlier = await waiting(c, at(3, 9, 0), 'Earlier');
    const wrongDay = await waiting(c, at(26, 9, 0), 'WrongDay');
    const local = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(d);
    const openingWeekday = DateTime.fromJSDate(opening, { zone: 'America/Chicago' }).weekday % 7;

    // Order of asking decides: "first" asks first, then the any-clinician patient, then "second"...
    const firstEntry = await joined(first);
    const anyEntry = await joined(anyDoctor, { anyClinician: true });
    await joined(second);
    await joined(third);
    await joined(tooEarlyDay, { earliestDay: local(at(5, 12)) });
    await joined(otherDoctor);
    await joined(alreadyEarlier);
    await joined(wrongDay, { weekdays: [(openingWeekday + 1) % 7, (openingWeekday + 2) % 7] });
    expect(firstEntry.status).toBe('active');

    await openTime(c, opening);
    const offers = await offersOf(h, c.a, opening);
    expect(offers.map((o) => o.patient_id)).toEqual([first.patientId, anyDoctor.patientId]);
    expect(offers.every((o) => o.status === 'offered')).toBe(true);
    expect(offers.map((o) => o.entry_id)).toEqual([firstEntry.id, anyEntry.id]);

    // Each is told in the app and by email (time, place and clinic; no clinician or visit type), and expiry is queued.
    const notes = await h.ctx.db.query<{ user_id: string; entity_id: string }>("SELECT user_id, entity_id FROM notifications WHERE kind = 'waitlist-offer' AND entity_id = ANY($1::text[]) ORDER BY created_at", [offers.map((o) => o.id)]);
    expect(notes.map((n) => n.user_id).sort()).toEqual([first.userId, anyDoctor.userId].sort());
    const mail = await readMail(h.mailDir, first.email, /earlier time is open/);
    expect(mail.text).toContain(`Lakeside Main ${c.tag}, 12 Shore Road, Riverbend, MN 55401`);
    expect(mail.text).toContain(`Clinic: Lakeside Clinic ${c.tag}`);
    expect(mail.text).toContain('http://localhost:3000/appointments');
    expect(mail.text).not.toMatch(/Alvarez|Check-up|First/);
    const jobs = await h.ctx.db.query<{ key: string; run_at: Date }>("SELECT key, run_at FROM jobs WHERE kind = 'waitlist-offer-expiry' AND key = ANY($1::text[])", [offers.map((o) => `waitlist-offer-expiry:${o.id}`)]);
    expect(jobs).toHaveLength(2);
    const window = new Date(jobs[0]!.run_at).getTime() - Date.now();
    expect(window).toBeGreaterThan(110 * 60_000);
    expect(window).toBeLessThanOrEqual(120 * 60_000);

    // The patient's page shows the offer with names and the visit it would replace.
    const view = await call.overview(first.cookie);
    expect(view.offers).toEqual([expect.objectContaining({
      status: 'offered', startsAt: opening.toISOString(), practitioner: { id: c.a, name: 'Dr. Sam Alvarez' },
      location: { id: c.location, name: `Lakeside Main ${c.tag}` }, visitType: { id: c.visitType, en: 'Check-up', es: 'Chequeo' },
      currentStartsAt: at(21, 9, 0).toISOString(),
    })]);
    expect(view.entries[0]).toMatchObject({ id: firstEntry.id, status: 'active', practitioner: { id: c.a }, appointmentStartsAt: at(21, 9, 0).toISOString() });
    for (const p of [second, third, tooEarlyDay, otherDoctor, alreadyEarlier, wrongDay]) expect((await call.overview(p.cookie)).offers).toEqual([]);
    await setOffers(3);
  });

  it('gives the time to the first to accept; the others are told, a late accept is 409 and stays waiting; the freed visit is offered on', async () => {
    const c = await buildClinic(h);
    const opening = at(5, 11, 0);
    const ana = await waiting(c, at(15, 9, 0), 'Ana');
    const david = await waiting(c, at(16, 9, 0), 'David');
    const third = await waiting(c, at(17, 9, 0), 'Third');
    const anaEntry = await joined(ana);
    const davidEntry = await joined(david);
    const thirdEntry = await joined(third);
    await openTime(c, opening);
    const [anaOffer, davidOffer, thirdOffer] = await offersOf(h, c.a, opening);
    expect([anaOffer, davidOffer, thirdOffer].map((o) => o?.patient_id)).toEqual([ana.patientId, david.patientId, third.patientId]);

    // Ana and David accept at the same moment: exactly one gets it.
    const [a, d] = await Promise.all([call.accept(ana.cookie, anaOffer!.id), call.accept(david.cookie, davidOffer!.id)]);
    const winner = a.statusCode === 200 ? { p: ana, entry: anaEntry, res: a } : { p: david, entry: davidEntry, res: d };
    const loser = winner.p === ana ? { p: david, entry: davidEntry, res: d, offer: davidOffer! } : { p: ana, entry: anaEntry, res: a, offer: anaOffer! };
    expect([a.statusCode, d.statusCode].sort()).toEqual([200, 409]);
    expect(loser.res.json().detail).toBe(NO_LONGER);
    const accepted = winner.res.json();
    expect(accepted.offer.status).toBe('accepted');
    expect(accepted.appointment.startsAt).toBe(opening.toISOString());

    // The new visit is booked and the old one cancelled, atomically; the entry is fulfilled.
    const rows = await h.ctx.db.query<{ id: string; status: string }>('SELECT id, status FROM appointments WHERE patient_id = $1 ORDER BY starts_at', [winner.p.patientId]);
    expect(rows).toEqual([{ id: accepted.appointment.id, status: 'booked' }, { id: winner.p.appointmentId, status: 'cancelled' }]);
    expect((await call.overview(winner.p.cookie)).entries[0]).toMatchObject({ id: winner.entry.id, status: 'fulfilled' });

    // Everyone else's offer of that time is taken, and they are told; their entries stay active.
    const after = await offersOf(h, c.a, opening);
    expect(after.filter((o) => o.status === 'taken').map((o) => o.patient_id).sort()).toEqual([loser.p.patientId, third.patientId].sort());
    const told = await h.ctx.db.query<{ user_id: string }>("SELECT user_id FROM notifications WHERE kind = 'waitlist-offer-taken' AND entity_id = ANY($1::text[])", [[loser.offer.id, thirdOffer!.id]]);
    expect(told.map((n) => n.user_id).sort()).toEqual([loser.p.userId, third.userId].sort());
    const loserView = await call.overview(loser.p.cookie);
    expect(loserView.entries[0]).toMatchObject({ id: loser.entry.id, status: 'active' });
    expect(loserView.offers.find((o: { id: string }) => o.id === loser.offer.id).status).toBe('taken');
    const late = await call.accept(third.cookie, thirdOffer!.id);
    expect(late.statusCode).toBe(409);
    expect(late.json().detail).toBe(NO_LONGER);
    expect((await call.overview(third.cookie)).entries.find((e: { id: string }) => e.id === thirdEntry.id).status).toBe('active');

    // The winner's old visit (day 15 or 16 at 9:00) is an opening too: the others, still waiting, are offered it.
    const freed = at(winner.p === ana ? 15 : 16, 9, 0);
    const reoffered = await offersOf(h, c.a, freed);
    expect(reoffered.map((o) => o.patient_id)).toEqual(winner.p === ana ? [david.patientId, third.patientId] : [third.patientId]);
  });

  it('offers each visit type a bookable start inside a longer opening, and offers again what a shorter visit leaves', async () => {
    const c = await buildClinic(h);
    const long = await addVisitType(h, c, 40);
    // A 40-minute visit from 10:00 is given up; 20-minute starts are :00, :20, :40; 40-minute ones 8:00, 8:40 ... 10:00.
    const opening = at(8, 10, 0);
    const short1 = await waiting(c, at(20, 9, 0), 'ShortOne');
    const longOne = await waiting(c, at(21, 10, 0), 'LongOne', c.a, long);
    const short2 = await waiting(c, at(22, 9, 0), 'ShortTwo');
    for (const p of [short1, longOne, short2]) await joined(p);
    await openTime(c, opening, c.a, long);
    const rows = await h.ctx.db.query<{ patient_id: string; starts_at: Date; ends_at: Date }>(
      'SELECT patient_id, starts_at, ends_at FROM waitlist_offers WHERE practitioner_id = $1 AND opening_starts_at = $2', [c.a, opening.toISOString()],
    );
    const minutes = (r: { starts_at: Date; ends_at: Date }) => (new Date(r.ends_at).getTime() - new Date(r.starts_at).getTime()) / 60_000;
    expect(Object.fromEntries(rows.map((r) => [r.patient_id, [new Date(r.starts_at).toISOString(), minutes(r)]]))).toEqual({
      [short1.patientId]: [opening.toISOString(), 20], [longOne.patientId]: [opening.toISOString(), 40], [short2.patientId]: [opening.toISOString(), 20],
    });

    // The first short visit takes 10:00-10:20: the long offer is taken, and 10:20-10:40 goes to the other short visit.
    const [offer1] = (await offersOf(h, c.a, opening)).filter((o) => o.patient_id === short1.patientId);
    expect((await call.accept(short1.cookie, offer1!.id)).statusCode).toBe(200);
    const rest = await offersOf(h, c.a, at(8, 10, 20));
    expect(rest.map((o) => [o.patient_id, o.status])).toEqual([[short2.patientId, 'offered']]);
    const accepted = await call.accept(short2.cookie, rest[0]!.id);
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().appointment.startsAt).toBe(at(8, 10, 20).toISOString());
    expect((await offersOf(h, c.a, opening)).map((o) => o.status).sort()).toEqual(['accepted', 'taken', 'taken']);
  });

  it('passes the time on when someone says no thanks, and when an offer expires (job queue)', async () => {
    await setOffers(1);
    const c = await buildClinic(h);
    const opening = at(6, 14, 0);
    const first = await waiting(c, at(18, 9, 0), 'First');
    const second = await waiting(c, at(19, 9, 0), 'Second');
    const third = await waiting(c, at(20, 9, 0), 'Third');
    const firstEntry = await joined(first);
    await joined(second);
    await joined(third);
    await openTime(c, opening);
    expect((await offersOf(h, c.a, opening)).map((o) => [o.patient_id, o.status])).toEqual([[first.patientId, 'offered']]);

    const [offer] = await offersOf(h, c.a, opening);
    const declined = await call.decline(first.cookie, offer!.id);
    expect(declined.statusCode, declined.body).toBe(200);
    expect(declined.json().status).toBe('declined');
    expect((await offersOf(h, c.a, opening)).map((o) => [o.patient_id, o.status])).toEqual([[first.patientId, 'declined'], [second.patientId, 'offered']]);
    expect((await call.overview(first.cookie)).entries[0]).toMatchObject({ id: firstEntry.id, status: 'active' });
    expect((await call.decline(first.cookie, offer!.id)).statusCode).toBe(409);

    // Second does not answer: the window ends (moved into the past here) and the job passes it on.
    const secondOffer = (await offersOf(h, c.a, opening))[1]!;
    await h.ctx.db.query("UPDATE waitlist_offers SET expires_at = now() - interval '1 second' WHERE id = $1", [secondOffer.id]);
    await h.ctx.db.query("UPDATE jobs SET run_at = now() - interval '1 second' WHERE key = $1", [`waitlist-offer-expiry:${secondOffer.id}`]);
    // Before the job runs, the page already says it ended, and accepting is refused.
    expect((await call.overview(second.cookie)).offers[0].status).toBe('expired');
    expect((await call.accept(second.cookie, secondOffer.id)).statusCode).toBe(409);
    await runDueJobs(h.ctx);
    const job = await h.ctx.db.query<{ done_at: Date | null; last_error: string | null }>('SELECT done_at, last_error FROM jobs WHERE key = $1', [`waitlist-offer-expiry:${secondOffer.id}`]);
    expect(job[0]).toMatchObject({ last_error: null });
    expect(job[0]!.done_at).not.toBeNull();
    expect((await offersOf(h, c.a, opening)).map((o) => [o.patient_id, o.status])).toEqual([
      [first.patientId, 'declined'], [second.patientId, 'expired'], [third.patientId, 'offered'],
    ]);
    // Running the job again changes nothing.
    await h.ctx.db.query("UPDATE jobs SET done_at = NULL, run_at = now() - interval '1 second' WHERE key = $1", [`waitlist-offer-expiry:${secondOffer.id}`]);
    await runDueJobs(h.ctx);
    expect(await offersOf(h, c.a, opening)).toHaveLength(3);

    // Third stops looking: their offer is withdrawn, and nobody is left to offer it to.
    const thirdEntry = (await call.overview(third.cookie)).entries[0];
    const stopped = await call.stop(third.cookie, thirdEntry.id);
    expect(stopped.statusCode).toBe(200);
    expect(stopped.json().status).toBe('cancelled');
    expect((await offersOf(h, c.a, opening)).map((o) => o.status)).toEqual(['declined', 'expired', 'withdrawn']);
    expect((await call.stop(third.cookie, thirdEntry.id)).statusCode).toBe(409);
    await setOffers(3);
  });

  it('allows one active entry per visit (409, also when two requests race); after stopping, asking again works', async () => {
    const c = await buildClinic(h);
    const p = await waiting(c, at(12, 9, 0), 'Once');
    const [x, y] = await Promise.all([call.join(p.cookie, p.appointmentId), call.join(p.cookie, p.appointmentId)]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([201, 409]);
    const again = await call.join(p.cookie, p.appointmentId);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toBe('You are already on the waitlist for this visit. We will tell you when an earlier time opens.');
    const spanish = await h.app.inject({ method: 'POST', url: '/api/waitlist', headers: { cookie: p.cookie, 'x-ourchart-csrf': '1', 'accept-language': 'es' }, payload: { appointmentId: p.appointmentId } });
    expect(spanish.json().detail).toBe('Usted ya está en la lista de espera para esta cita. Le avisaremos cuando haya una hora más temprana.');
    const entry = (x.statusCode === 201 ? x : y).json();
    expect((await call.stop(p.cookie, entry.id)).statusCode).toBe(200);
    expect((await call.join(p.cookie, p.appointmentId)).statusCode).toBe(201);

    // Bad input is refused in words, with nothing stored.
    const bad = await call.join(p.cookie, p.appointmentId, { weekdays: [9], earliestDay: 'soon' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { message: string }) => e.message).sort()).toEqual([
      'Choose days from Sunday to Saturday.', 'Enter the earliest day as year-month-day, for example 2026-12-01.',
    ]);
  });

  it('answers 404 for another patient\'s visit, entry and offer; a proxy acts for their child with ?patient=', async () => {
    const c = await buildClinic(h);
    const owner = await waiting(c, at(14, 9, 0), 'Owner');
    const outsider = await waiting(c, at(14, 10, 0), 'Outsider');
    const entry = await joined(owner);
    await openTime(c, at(7, 9, 0));
    const [offer] = await offersOf(h, c.a, at(7, 9, 0));
    expect(offer!.patient_id).toBe(owner.patientId);

    expect((await call.join(outsider.cookie, owner.appointmentId)).statusCode).toBe(404);
    expect((await call.stop(outsider.cookie, entry.id)).statusCode).toBe(404);
    expect((await call.accept(outsider.cookie, offer!.id)).statusCode).toBe(404);
    expect((await call.decline(outsider.cookie, offer!.id)).statusCode).toBe(404);
    expect((await call.get(outsider.cookie, `/api/waitlist?patient=${owner.patientId}`)).statusCode).toBe(404);
    expect((await call.accept(outsider.cookie, 'not-a-uuid')).statusCode).toBe(404);
    expect((await call.overview(outsider.cookie)).offers).toEqual([]);
    const denied = await h.ctx.db.query("SELECT 1 FROM audit_events WHERE actor_id = $1 AND entity_type = 'WaitlistOffer' AND outcome = 'not-found'", [outsider.userId]);
    expect(denied.length).toBeGreaterThanOrEqual(2);
    expect((await offersOf(h, c.a, at(7, 9, 0)))[0]!.status).toBe('offered');

    // A parent books and waits for their child, and accepts the child's offer.
    const child = await createPatientUser(h.ctx, { given: 'Kid' });
    const parent = await createPatientUser(h.ctx, { given: 'Parent', proxyFor: [child.patientId] });
    const parentCookie = await signInCookie(h.app, parent.email, parent.password);
    const kidVisit = await call.book(parentCookie, c, c.b, at(14, 11, 0), child.patientId);
    const kidEntry = await call.join(parentCookie, kidVisit, { anyClinician: true }, child.patientId);
    expect(kidEntry.statusCode, kidEntry.body).toBe(201);
    expect(kidEntry.json()).toMatchObject({ practitioner: null, status: 'active' });
    expect((await call.overview(parentCookie)).entries).toEqual([]);
    expect((await call.overview(parentCookie, child.patientId)).entries[0].id).toBe(kidEntry.json().id);
  });
});
