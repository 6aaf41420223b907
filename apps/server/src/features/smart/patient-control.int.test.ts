import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, signInCookie, type TestApp } from '../../test/app.ts';
import { seedFhirRecord } from '../fhir-api/fhir-api-fixtures.ts';
import { Browser, connectPublicApp, FHIR_BASE, pkcePair, registerPublicApp, startAuthorization } from './smart-fixtures.ts';

const REDIRECT = 'https://app.example.test/callback';
const ALL = 'launch/patient openid fhirUser patient/*.rs';

type Listed = { connectionId: string; clientName: string; patientId: string; patientName: string; connectedBy: string | null };

/**
 * Issue 9 follow-ups: a patient sees and removes every app that can read their record, including
 * the ones a proxy connected; a limited proxy connects apps within what they may see.
 */
describe.each(testDrivers)('SMART patient control and limited proxies on $name', (driver) => {
  let h: TestApp;
  let clientId: string;

  beforeAll(async () => {
    h = await createTestApp(driver, { DEMO_MODE: 'true' });
    clientId = await registerPublicApp(h.app, 'Family Health Hub', REDIRECT);
  }, 120_000);
  afterAll(() => h?.close());

  const listApps = async (cookie: string) => {
    const res = await h.app.inject({ url: '/api/apps', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    return res.json().apps as Listed[];
  };
  const removeApp = (cookie: string, grantId: string) => h.app.inject({ method: 'DELETE', url: `/api/apps/${grantId}`, headers: { cookie, ...CSRF } });
  const fhir = (token: string, path: string) => h.app.inject({ url: `/fhir/R4/${path}`, headers: { authorization: `Bearer ${token}` } });

  it('shows the patient an app their caregiver connected, lets the patient (not a stranger) remove it, and ends the caregiver\'s token', async () => {
    const jose = await createPatientUser(h.ctx, { given: 'José', birthDate: '1948-02-10' });
    const maria = await createPatientUser(h.ctx, { given: 'María', proxyFor: [{ patientId: jose.patientId, relationship: 'caregiver', scopes: ['record'] }] });
    const stranger = await createPatientUser(h.ctx, { given: 'Sam' });
    const [joseCookie, mariaCookie, strangerCookie] = await Promise.all([jose, maria, stranger].map((u) => signInCookie(h.app, u.email, u.password)));

    const forJose = await connectPublicApp(h.app, { clientId, redirectUri: REDIRECT, sessionCookie: mariaCookie!, patientId: jose.patientId, scope: ALL });
    expect(forJose.patient).toBe(jose.patientId);
    // María's app on her own record is hers alone: José does not see it.
    await connectPublicApp(h.app, { clientId, redirectUri: REDIRECT, sessionCookie: mariaCookie!, patientId: maria.patientId, scope: ALL });
    expect((await fhir(forJose.access_token, `Patient/${jose.patientId}`)).statusCode).toBe(200);

    const josesList = await listApps(joseCookie!);
    expect(josesList).toHaveLength(1);
    expect(josesList[0]).toMatchObject({ clientName: 'Family Health Hub', patientId: jose.patientId, patientName: 'José Tester', connectedBy: 'María Tester' });
    const mariasList = await listApps(mariaCookie!);
    expect(mariasList.map((a) => [a.patientName, a.connectedBy])).toEqual(expect.arrayContaining([['José Tester', null], ['María Tester', null]]));
    expect(await listApps(strangerCookie!)).toEqual([]);

    const grantId = josesList[0]!.connectionId;
    expect((await removeApp(strangerCookie!, grantId)).statusCode).toBe(404);
    expect((await fhir(forJose.access_token, `Patient/${jose.patientId}`)).statusCode).toBe(200);

    expect((await removeApp(joseCookie!, grantId)).statusCode).toBe(204);
    expect((await fhir(forJose.access_token, `Patient/${jose.patientId}`)).statusCode).toBe(401);
    expect(await listApps(joseCookie!)).toEqual([]);
    expect((await listApps(mariaCookie!)).map((a) => a.patientName)).toEqual(['María Tester']);
    // Already gone: a second removal is a 404 with a sentence.
    const again = await removeApp(joseCookie!, grantId);
    expect(again.statusCode).toBe(404);
    expect(again.json().detail).toMatch(/could not find that connected app/);

    const [audit] = await h.ctx.db.query<{ actor_id: string; patient_id: string; query: string | null; outcome: string }>(
      "SELECT actor_id, patient_id, query, outcome FROM audit_events WHERE action = 'smart-app-revoke' AND entity_id = $1 AND outcome = 'success'", [grantId]);
    expect(audit).toMatchObject({ actor_id: jose.userId, patient_id: jose.patientId, query: `connectedBy=${maria.userId}` });
    const denied = await h.ctx.db.query("SELECT 1 FROM audit_events WHERE action = 'smart-app-revoke' AND entity_id = $1 AND actor_id = $2 AND outcome = 'not-found'", [grantId, stranger.userId]);
    expect(denied).toHaveLength(1);
  });

  it('lets a parent of a 15-year-old connect an app that sees only what the parent may see (vaccines, not test results)', async () => {
    const ethan = await createPatientUser(h.ctx, { given: 'Ethan', birthDate: '2011-04-20' });
    const record = await seedFhirRecord(h.ctx, ethan.patientId);
    const david = await createPatientUser(h.ctx, {
      given: 'David', proxyFor: [{ patientId: ethan.patientId, relationship: 'parent', scopes: ['record', 'appointments', 'messaging', 'billing'] }],
    });
    const davidCookie = await signInCookie(h.app, david.email, david.password);

    // The consent screen offers Ethan's record and says what of it the app can see.
    const { uid } = await startAuthorization(new Browser(h.app), {
      response_type: 'code', client_id: clientId, redirect_uri: REDIRECT, scope: ALL, state: 's1', aud: FHIR_BASE,
      code_challenge: pkcePair().challenge, code_challenge_method: 'S256',
    });
    const consent = await h.app.inject({ url: `/api/smart/interactions/${uid}`, headers: { cookie: davidCookie } });
    expect(consent.json().patients).toEqual([
      { id: david.patientId, name: 'David Tester', relationship: 'self', limitedTo: null },
      { id: ethan.patientId, name: 'Ethan Tester', relationship: 'parent', limitedTo: ['immunizations', 'messaging', 'appointments', 'billing'] },
    ]);

    const tokens = await connectPublicApp(h.app, { clientId, redirectUri: REDIRECT, sessionCookie: davidCookie, patientId: ethan.patientId, scope: ALL });
    expect(tokens.patient).toBe(ethan.patientId);
    const token = tokens.access_token;

    const patient = await fhir(token, `Patient/${ethan.patientId}`);
    expect(patient.statusCode).toBe(200);
    const immunizations = await fhir(token, `Immunization?patient=${ethan.patientId}`);
    expect(immunizations.statusCode).toBe(200);
    expect((immunizations.json() as Bundle).entry?.map((e) => e.resource?.id)).toEqual([record.immunizationId]);

    // Test results are outside a parent's view of a teen: the search discloses nothing and a read is 404.
    const observations = await fhir(token, `Observation?patient=${ethan.patientId}`);
    expect(observations.statusCode).toBe(200);
    const observationBundle = observations.json() as Bundle;
    expect(observationBundle.total).toBe(0);
    // No Observation is disclosed; one outcome entry says the type is outside this access (not "none").
    expect(observationBundle.entry?.map((e) => [e.search?.mode, e.resource?.resourceType])).toEqual([['outcome', 'OperationOutcome']]);
    expect((await fhir(token, `Observation/${record.labIds[0]}`)).statusCode).toBe(404);
    expect((await fhir(token, `MedicationRequest/${record.medicationRequestId}`)).statusCode).toBe(404);
    const everything = await fhir(token, `Patient/${ethan.patientId}/$everything`);
    expect(everything.statusCode).toBe(200);
    expect([...new Set((everything.json() as Bundle).entry!.map((e) => e.resource!.resourceType))].sort()).toEqual(['Immunization', 'Patient']);
    // The refusals are audited against Ethan's record, naming the app.
    const denied = await h.ctx.db.query<{ query: string }>("SELECT query FROM audit_events WHERE patient_id = $1 AND actor_id = $2 AND outcome = 'denied' AND entity_type = 'Observation'", [ethan.patientId, david.userId]);
    expect(denied.length).toBeGreaterThan(0);
    expect(denied.every((d) => d.query.startsWith(`app=${encodeURIComponent(clientId)}`))).toBe(true);

    // Ethan has an account: he sees the app his parent connected and can remove it.
    const ethanCookie = await signInCookie(h.app, ethan.email, ethan.password);
    const [listed] = await listApps(ethanCookie);
    expect(listed).toMatchObject({ patientId: ethan.patientId, connectedBy: 'David Tester' });
    expect((await removeApp(ethanCookie, listed!.connectionId)).statusCode).toBe(204);
    expect((await fhir(token, `Immunization?patient=${ethan.patientId}`)).statusCode).toBe(401);
  });
});
