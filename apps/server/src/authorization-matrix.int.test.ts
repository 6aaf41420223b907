import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from './test/databases.ts';
import { createPatientUser, createTestApp, CSRF, nextIp, type TestApp } from './test/app.ts';
import { buildCondition } from './test/factories.ts';
import { hashPassword } from './platform/auth/passwords.ts';
import { upsertUser } from './platform/auth/users.ts';
import { createManagedPatient, createStaffUser, sessionCookie, type StaffRole } from './features/staff/staff-fixtures.ts';
import { seedWaitlistFor } from './features/waitlist/waitlist-fixtures.ts';
import { seedAppointmentFor } from './features/appointments/scheduling-fixtures.ts';
import { seedCareAlertFor } from './features/questionnaires/questionnaire-fixtures.ts';
import { seedMessagingFor } from './features/messaging/messaging-fixtures.ts';
import { seedRefillFor } from './features/refills/refills-fixtures.ts';
import { issueTestAccessToken } from './features/smart/test-tokens.ts';
import { seedPaymentFor } from './features/billing/billing-fixtures.ts';
import { seedBillingRequestsFor } from './features/insurance/insurance-fixtures.ts';

/**
 * The authorization matrix: every /api route, as every kind of outsider, aimed at one victim
 * patient. Routes are read from app.routeList, so a new route is covered without editing this file.
 *
 * - Signed out: every route not in PUBLIC_ROUTES answers 401.
 * - Signed in as someone with no right to the victim (a patient, a proxy of another child, and a
 *   clinician, nurse, staff member and admin of another organization, all with a second factor):
 *   a route with path parameters, filled with each of the victim's ids, answers 401, 403 or 404.
 *   Every other route (about the caller's own account) may answer as it likes, except 5xx.
 * - Whatever the status, no response body contains the victim's name, MRN or any of their ids.
 * Every request carries ?patient=, ?patientId=, ?userId= with the victim's ids and ?q= with the
 * victim's name, and state-changing requests carry a body with the caller's own password and the
 * victim's patient id, so routes that take these are exercised with them.
 */

/** Public by design: sign-in, sign-up, activation, reset and passkey ceremonies. None returns patient data (asserted). */
const PUBLIC_ROUTES = new Set([
  'POST /api/auth/sign-in', 'POST /api/auth/mfa/email-code', 'POST /api/auth/mfa/verify', 'POST /api/auth/passkey/options',
  'POST /api/auth/passkey/verify', 'POST /api/auth/sign-out', 'POST /api/auth/activate', 'POST /api/auth/sign-up',
  'POST /api/auth/sign-up/verify', 'POST /api/auth/password-reset', 'POST /api/auth/password-reset/complete', 'POST /api/auth/password-check',
  // Share-link viewer: opens only with a link's 256-bit token in the body (features/sharing/sharing.int.test.ts).
  'POST /api/shared/view', 'POST /api/shared/download',
  // Stripe webhook: no session; only a valid Stripe signature over the body is applied (features/billing/stripe-webhook.int.test.ts).
  'POST /api/billing/stripe/webhook',
]);

/**
 * Break the glass grants staff outside the care team access by design (audited, alerted, emailed;
 * proven in features/staff/staff.int.test.ts). It is swept here for signed-out, patient and proxy
 * callers only: a staff caller would open the victim's record, as intended.
 */
const EMERGENCY_ROUTES = new Set(['POST /api/staff/patients/:id/break-glass']);

/** Server-sent event streams never end by themselves: the matrix reads what arrives first (400 ms), then hangs up. */
const STREAM_ROUTES = new Set(['GET /api/events']);

/** Path parameters this test knows how to fill (with every victim id). Anything else fails loudly. */
const KNOWN_PARAMS = new Set(['id', 'userId', 'patientId', 'sessionId', 'grantId', 'paymentId', 'planId', 'uid', 'clientId', 'connectionId']);

const HOME_ORG = 'org-matrix-home';
const AWAY_ORG = 'org-matrix-away';
const PASSWORD = 'correct horse battery staple';

type Caller = { label: string; userId: string | null; staff: boolean };

describe.each(testDrivers)('authorization matrix on $name', (driver) => {
  let h: TestApp;
  let victim: { patientId: string; userId: string; email: string; given: string; family: string; mrn: string; sessionId: string; credentialId: string; conditionId: string };
  let waitlistIds: string[] = [];
  let appointmentIds: string[] = [];
  let careAlertIds: string[] = [];
  let messagingIds: string[] = [];
  let refillIds: string[] = [];
  let paymentIds: string[] = [];
  let billingRequestIds: string[] = [];
  let proxyGrantIds: string[] = [];
  let smartGrantIds: string[] = [];
  let callers: Caller[];

  beforeAll(async () => {
    h = await createTestApp(driver);
    const family = `Vulnerable${randomUUID().slice(0, 6)}`;
    const patient = await createManagedPatient(h.ctx, HOME_ORG, { name: [{ use: 'official', given: ['Victoria'], family }], birthDate: '1966-06-16' });
    const mrn = patient.identifier![0]!.value!;
    const email = `victim-${patient.id!.slice(0, 8)}@example.test`;
    const userId = await upsertUser(h.ctx.db, {
      email, role: 'patient', displayName: `Victoria ${family}`, patientId: patient.id!, practitionerId: null, passwordHash: await hashPassword(PASSWORD), emailVerified: true,
    });
    const credentialId = randomUUID();
    await h.ctx.db.query(`INSERT INTO webauthn_credentials (id, user_id, public_key, name) VALUES ($1, $2, 'victim-key', 'Victim key')`, [credentialId, userId]);
    const condition = await h.ctx.store.create(buildCondition(patient.id!));
    // The victim uses the portal, so there is activity, a session and audit rows to leak.
    const cookie = await sessionCookie(h.ctx, userId); // it has a passkey, so sign-in would ask for it
    expect((await h.app.inject({ url: '/api/records/summary', headers: { cookie } })).statusCode).toBe(200);
    const [session] = await h.ctx.db.query<{ id: string }>('SELECT id FROM sessions WHERE user_id = $1', [userId]);
    victim = { patientId: patient.id!, userId, email, given: 'Victoria', family, mrn, sessionId: session!.id, credentialId, conditionId: condition.id! };
    // The victim waits for an earlier time and holds an offer: /api/waitlist/:id routes are aimed at those ids.
    waitlistIds = await seedWaitlistFor(h, patient.id!, userId);
    // The victim has a booked visit: /api/appointments/:id routes (cancel, move, .ics) are aimed at it.
    appointmentIds = await seedAppointmentFor(h.ctx, patient.id!);
    // The victim answered a PHQ-9 for that visit that raised care alerts: /api/staff/alerts/:id and /api/echeckin/:id are aimed at them.
    careAlertIds = await seedCareAlertFor(h, cookie, appointmentIds[0]);
    // The victim wrote to the clinic with a PNG attached: /api/messages/* and /api/staff/messages/*/:id are aimed at the thread, message and file.
    messagingIds = await seedMessagingFor(h.app, cookie);
    // The victim asked for a refill of an active prescription: /api/staff/refills/:id routes are aimed at the request and the prescription.
    refillIds = await seedRefillFor(h, patient.id!, cookie);
    // The victim asked to pay part of a bill at the front desk and has a payment plan: /api/billing/payments/:paymentId, plans/:planId and the staff payment routes aim at them.
    paymentIds = await seedPaymentFor(h, patient.id!, cookie);
    // The victim sent an insurance update and a financial help application: the staff billing routes are aimed at them.
    billingRequestIds = await seedBillingRequestsFor(h.app, cookie);

    // The victim lets a caregiver help: /api/proxies/grants/:id and the staff proxy routes are aimed at that grant.
    const helper = await createPatientUser(h.ctx, { given: 'Helper', proxyFor: [patient.id!] });
    const [grant] = await h.ctx.db.query<{ id: string }>('SELECT id FROM proxy_grants WHERE grantee_user_id = $1', [helper.userId]);
    proxyGrantIds = [grant!.id];
    // The victim connected a SMART app: /api/apps/:connectionId is aimed at that connection.
    await issueTestAccessToken(h.ctx, { userId, patientId: patient.id!, scope: 'launch/patient patient/*.rs' });
    smartGrantIds = (await h.ctx.db.query<{ grant_id: string }>('SELECT connection_id::text AS grant_id FROM smart_app_grants WHERE user_id = $1', [userId])).map((r) => r.grant_id);

    const outsider = await createPatientUser(h.ctx, { given: 'Outsider' });
    const child = await createPatientUser(h.ctx, { given: 'Child' });
    const parent = await createPatientUser(h.ctx, { given: 'Parent', proxyFor: [child.patientId] });
    callers = [
      { label: 'signed out', userId: null, staff: false },
      { label: 'another patient', userId: outsider.userId, staff: false },
      { label: 'a proxy for another child', userId: parent.userId, staff: false },
    ];
    for (const role of ['clinician', 'nurse', 'staff', 'admin'] as StaffRole[]) {
      const u = await createStaffUser(h.ctx, { role, organizationId: AWAY_ORG, practitionerId: `pract-away-${role}`, password: PASSWORD });
      callers.push({ label: `a ${role} of another organization`, userId: u.userId, staff: true });
    }
  }, 120_000);
  afterAll(() => h?.close());

  const victimIds = () => [victim.patientId, victim.userId, victim.sessionId, victim.credentialId, victim.conditionId, ...waitlistIds, ...appointmentIds, ...careAlertIds, ...messagingIds, ...refillIds, ...paymentIds, ...billingRequestIds, ...proxyGrantIds, ...smartGrantIds];
  const secrets = () => [...victimIds(), victim.email, victim.family, victim.mrn, `Victoria ${victim.family}`, 'Matrix rash question', 'A private message the matrix must never leak.', 'Draft the matrix must not leak', 'Refill note the matrix must not leak'];

  function apiRoutes() {
    const seen = new Set<string>();
    return h.app.routeList.filter((r) => r.url.startsWith('/api/') && !seen.has(`${r.method} ${r.url}`) && seen.add(`${r.method} ${r.url}`));
  }

  /** Every concrete URL to try for a route: one per victim id for each path parameter. */
  function urlsFor(url: string): string[] {
    const params = [...url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
    const unknown = params.filter((p) => !KNOWN_PARAMS.has(p));
    if (unknown.length > 0 || url.includes('*')) {
      throw new Error(`The authorization matrix cannot fill ${url} (parameters: ${unknown.join(', ') || '*'}). Add the parameter to KNOWN_PARAMS or explain in PUBLIC_ROUTES.`);
    }
    const query = new URLSearchParams({ patient: victim.patientId, patientId: victim.patientId, userId: victim.userId, q: victim.family }).toString();
    if (params.length === 0) return [`${url}?${query}`, url];
    return victimIds().map((id) => `${url.replace(/:\w+/g, id)}?${query}`);
  }

  async function call(caller: Caller, method: string, url: string): Promise<{ statusCode: number; body: string }> {
    const cookie = caller.userId ? await sessionCookie(h.ctx, caller.userId) : undefined;
    const stream = STREAM_ROUTES.has(`${method} ${url.split('?')[0]}`);
    const res = await h.app.inject({
      method: method as 'GET', url, remoteAddress: nextIp(),
      headers: { ...CSRF, ...(cookie ? { cookie } : {}) },
      ...(method === 'GET' ? {} : { payload: { password: PASSWORD, patientId: victim.patientId, reason: 'Emergency: the patient is in the waiting room now' } }),
      ...(stream ? { payloadAsStream: true } : {}),
    });
    if (!stream) return res;
    const chunks: Buffer[] = [];
    const body = res.stream();
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, 400);
      body.on('data', (c: Buffer) => chunks.push(Buffer.from(c)));
      body.on('end', () => (clearTimeout(timer), resolve()));
    });
    body.destroy();
    return { statusCode: res.statusCode, body: Buffer.concat(chunks).toString('utf8') };
  }

  it('knows every route: each is covered by the generic calls or listed as public', () => {
    const routes = apiRoutes();
    expect(routes.length).toBeGreaterThan(30);
    for (const r of routes) expect(() => urlsFor(r.url), `${r.method} ${r.url}`).not.toThrow();
    for (const key of [...PUBLIC_ROUTES, ...EMERGENCY_ROUTES]) expect(routes.map((r) => `${r.method} ${r.url}`), `stale allow-list entry ${key}`).toContain(key);
  });

  it('checks the matrix can fail: the victim\'s own care team does see the record through the same calls', async () => {
    const insider = await createStaffUser(h.ctx, { role: 'clinician', organizationId: HOME_ORG });
    const res = await call({ label: 'insider', userId: insider.userId, staff: true }, 'GET', `/api/staff/patients/${victim.patientId}/summary`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain(victim.family);
    const search = await call({ label: 'insider', userId: insider.userId, staff: true }, 'GET', `/api/staff/patients?q=${victim.family}`);
    expect(search.body).toContain(victim.mrn);
  });

  it('refuses every outsider and leaks none of the victim\'s identifying data', { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    for (const route of apiRoutes()) {
      const key = `${route.method} ${route.url}`;
      const isPublic = PUBLIC_ROUTES.has(key);
      for (const url of urlsFor(route.url)) {
        for (const caller of callers) {
          if (caller.staff && EMERGENCY_ROUTES.has(key)) continue;
          const res = await call(caller, route.method, url);
          const where = `${caller.label}: ${route.method} ${url} → ${res.statusCode}`;
          const leaked = secrets().filter((s) => res.body.includes(s));
          if (leaked.length > 0) failures.push(`${where} leaked ${leaked.join(', ')}: ${res.body.slice(0, 300)}`);
          if (res.statusCode >= 500) failures.push(`${where}: server error ${res.body.slice(0, 200)}`);
          if (isPublic) continue;
          if (caller.userId === null && res.statusCode !== 401) failures.push(`${where}: expected 401 for a signed-out caller (add to PUBLIC_ROUTES only if it is meant to be public)`);
          const targeted = route.url.includes(':');
          if (caller.userId !== null && targeted && ![401, 403, 404].includes(res.statusCode)) failures.push(`${where}: expected 401, 403 or 404 for an id that is not theirs`);
        }
      }
    }
    expect(failures).toEqual([]);

    // Nothing an outsider did changed the victim's account: their session and passkey still stand.
    const [session] = await h.ctx.db.query<{ revoked_at: Date | null }>('SELECT revoked_at FROM sessions WHERE id = $1', [victim.sessionId]);
    expect(session!.revoked_at).toBeNull();
    expect(await h.ctx.db.query('SELECT 1 FROM webauthn_credentials WHERE id = $1', [victim.credentialId])).toHaveLength(1);
    expect(await h.ctx.db.query('SELECT 1 FROM break_glass_grants WHERE patient_id = $1', [victim.patientId])).toEqual([]);
    expect(await h.ctx.db.query("SELECT 1 FROM one_time_tokens WHERE patient_id = $1 AND kind = 'activation'", [victim.patientId])).toEqual([]);
    // Nobody outside answered, noted or added to the victim's refill requests.
    expect(await h.ctx.db.query('SELECT id, state FROM refill_requests WHERE patient_id = $1', [victim.patientId])).toEqual([{ id: refillIds[1], state: 'open' }]);
    expect(await h.ctx.db.query('SELECT state FROM insurance_updates WHERE patient_id = $1', [victim.patientId])).toEqual([{ state: 'pending' }]);
    expect(await h.ctx.db.query('SELECT state FROM assistance_applications WHERE patient_id = $1', [victim.patientId])).toEqual([{ state: 'submitted' }]);
    // Nobody outside posted or canceled the victim's front-desk payment, or ended their payment plan.
    expect(await h.ctx.db.query('SELECT id, status FROM billing_payments WHERE patient_id = $1', [victim.patientId])).toEqual([{ id: paymentIds[0], status: 'pending' }]);
    expect(await h.ctx.db.query('SELECT id, status FROM billing_plans WHERE patient_id = $1', [victim.patientId])).toEqual([{ id: paymentIds[1], status: 'active' }]);
    // Nobody outside could end, widen or add proxy access to the victim's record.
    expect(await h.ctx.db.query('SELECT id, revoked_at, scopes FROM proxy_grants WHERE patient_id = $1', [victim.patientId]))
      .toEqual([{ id: proxyGrantIds[0], revoked_at: null, scopes: ['record', 'messaging', 'appointments', 'billing', 'refills'] }]);
    // Nobody outside removed the victim's connected app.
    expect(await h.ctx.db.query('SELECT revoked_at FROM smart_app_grants WHERE connection_id::text = $1', [smartGrantIds[0]])).toEqual([{ revoked_at: null }]);
  });
});
