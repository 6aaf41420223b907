import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bundle, CapabilityStatement, OperationOutcome, Practitioner, Resource } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, signInCookie, type TestApp } from '../../test/app.ts';
import { buildPatient } from '../../test/factories.ts';
import { assertValidResource } from '../../platform/fhir-store/validate.ts';
import { patientCompartment } from '../../platform/fhir-store/indexer.ts';
import { issueTestAccessToken } from '../smart/test-tokens.ts';
import { verifyBearer } from '../smart/bearer.ts';
import { revokeConnectedApp } from '../smart/connected-apps.service.ts';
import { seedFhirRecord, seedProvenance, type SeededRecord } from './fhir-api-fixtures.ts';
import { SHARED_TYPES } from './resource-types.ts';

const BASE = 'http://localhost:3000/fhir/R4';
const ALL = 'launch/patient openid fhirUser patient/*.rs';

describe.each(testDrivers)('FHIR R4 API on $name', (driver) => {
  let h: TestApp;
  let ana: { userId: string; patientId: string; email: string; password: string; record: SeededRecord };
  let ben: { userId: string; patientId: string; record: SeededRecord };
  let token: string;
  let benLeak: string;

  beforeAll(async () => {
    h = await createTestApp(driver, { FHIR_RATE_LIMIT_PER_MINUTE: '100' });
    const a = await createPatientUser(h.ctx, { given: 'Ana' });
    const b = await createPatientUser(h.ctx, { given: 'Ben' });
    const benRecord = await seedFhirRecord(h.ctx, b.patientId);
    ben = { ...b, record: benRecord };
    // Ana's record points at Ben's (a focus, a provenance target): includes must still never cross over.
    ana = { ...a, record: await seedFhirRecord(h.ctx, a.patientId, { focusOn: `Condition/${benRecord.conditionId}` }) };
    // Ben's record has a Provenance that also targets one of Ana's results: _revinclude must not bring it to Ana's apps.
    benLeak = await seedProvenance(h.ctx, b.patientId, `Observation/${ana.record.labIds[0]}`);
    token = await issueTestAccessToken(h.ctx, { userId: ana.userId, patientId: ana.patientId, scope: ALL });
  }, 120_000);
  afterAll(() => h?.close());

  async function get(url: string, bearer: string | null = token, headers: Record<string, string> = {}) {
    const res = await h.app.inject({ url: url.replace('http://localhost:3000', ''), headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers } });
    return { status: res.statusCode, headers: res.headers, body: res.json() as Resource };
  }

  /** Every resource the API answers is valid FHIR R4, and nothing is from another patient's compartment. */
  function assertOwnValid(body: Resource, patientId = ana.patientId) {
    assertValidResource(body);
    const resources = body.resourceType === 'Bundle' ? (body.entry ?? []).map((e) => e.resource!).filter(Boolean) : [body];
    for (const r of resources) {
      assertValidResource(r);
      if (!SHARED_TYPES.has(r.resourceType)) expect(patientCompartment(r), `${r.resourceType}/${r.id}`).toBe(patientId);
    }
    return resources;
  }

  it('publishes a valid CapabilityStatement without a token, with SMART endpoints and US Core search parameters', async () => {
    const res = await get('/fhir/R4/metadata', null);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    const cs = res.body as CapabilityStatement;
    assertValidResource(cs);
    expect(cs).toMatchObject({ fhirVersion: '4.0.1', kind: 'instance', format: ['json'], instantiates: ['http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server'] });
    const rest = cs.rest![0]!;
    expect(rest.security!.service![0]!.coding![0]!.code).toBe('SMART-on-FHIR');
    const uris = rest.security!.extension![0]!.extension!.map((e) => [e.url, e.valueUri]);
    expect(uris).toContainEqual(['token', 'http://localhost:3000/oauth/token']);
    expect(uris).toContainEqual(['authorize', 'http://localhost:3000/oauth/auth']);
    const obs = rest.resource!.find((r) => r.type === 'Observation')!;
    expect(obs.searchParam!.map((p) => p.name)).toEqual(expect.arrayContaining(['patient', 'category', 'code', 'date', '_id']));
    expect(obs.supportedProfile).toContain('http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-lab');
    expect(rest.resource!.find((r) => r.type === 'MedicationRequest')!.searchInclude).toContain('MedicationRequest:medication');
    expect(rest.resource!.map((r) => r.type)).toHaveLength(25);
  });

  it('answers CORS preflights and adds CORS headers for browser apps on other origins', async () => {
    const pre = await h.app.inject({ method: 'OPTIONS', url: '/fhir/R4/Observation', headers: { origin: 'http://127.0.0.1:9999', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });
    expect(pre.statusCode).toBe(204);
    expect(pre.headers['access-control-allow-origin']).toBe('*');
    expect(pre.headers['access-control-allow-headers']).toContain('authorization');
    const res = await get(`/fhir/R4/Patient/${ana.patientId}`, token, { origin: 'http://127.0.0.1:9999' });
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
  });

  it('refuses requests without a valid token with 401, WWW-Authenticate and an OperationOutcome', async () => {
    for (const [bearer, challenge] of [[null, 'Bearer realm="fhir"'], ['not-a-real-token-but-long-enough-0123456789', 'Bearer realm="fhir", error="invalid_token"']] as const) {
      const res = await get(`/fhir/R4/Patient/${ana.patientId}`, bearer);
      expect(res.status).toBe(401);
      expect(res.headers['www-authenticate']).toBe(challenge);
      expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
      assertValidResource(res.body);
      expect((res.body as OperationOutcome).issue[0]!.code).toBe('login');
      expect(JSON.stringify(res.body)).not.toContain('Ana');
    }
    // Unknown FHIR URLs are OperationOutcomes too, never problem+json.
    const unknown = await get('/fhir/R4/Patient/x/y/z');
    expect(unknown.status).toBe(404);
    expect(unknown.body.resourceType).toBe('OperationOutcome');
  });

  it('reads the patient, vreads and lists history, with ETag', async () => {
    const patient = await get(`/fhir/R4/Patient/${ana.patientId}`);
    expect(patient.status).toBe(200);
    assertOwnValid(patient.body);
    expect(patient.body.id).toBe(ana.patientId);
    expect(patient.headers.etag).toBe('W/"1"');

    const id = ana.record.labIds[0]!;
    const history = await get(`/fhir/R4/Observation/${id}/_history`);
    expect(history.status).toBe(200);
    const entries = (history.body as Bundle).entry!;
    assertOwnValid(history.body);
    expect((history.body as Bundle).type).toBe('history');
    expect(entries.map((e) => e.resource!.meta!.versionId)).toEqual(['2', '1']);
    expect(entries.map((e) => e.request!.method)).toEqual(['PUT', 'POST']);

    const v1 = await get(`/fhir/R4/Observation/${id}/_history/1`);
    expect(v1.status).toBe(200);
    expect(v1.body).toMatchObject({ id, status: 'preliminary', meta: { versionId: '1' } });
    expect((await get(`/fhir/R4/Observation/${id}/_history/9`)).status).toBe(404);
  });

  it('searches Observations by patient and category, with paging links that work end to end', async () => {
    const first = await get(`/fhir/R4/Observation?patient=${ana.patientId}&category=laboratory&_count=2`);
    expect(first.status).toBe(200);
    const page1 = first.body as Bundle;
    assertOwnValid(page1);
    expect(page1).toMatchObject({ type: 'searchset', total: 3 });
    expect(page1.entry!.map((e) => e.search!.mode)).toEqual(['match', 'match']);
    expect(page1.entry![0]!.fullUrl).toBe(`${BASE}/Observation/${page1.entry![0]!.resource!.id}`);
    const next = page1.link!.find((l) => l.relation === 'next')!.url!;
    expect(page1.link!.find((l) => l.relation === 'previous')).toBeUndefined();
    const second = await get(next);
    const page2 = second.body as Bundle;
    assertOwnValid(page2);
    expect(page2.entry).toHaveLength(1);
    expect(page2.link!.find((l) => l.relation === 'next')).toBeUndefined();
    const back = await get(page2.link!.find((l) => l.relation === 'previous')!.url!);
    expect((back.body as Bundle).entry!.map((e) => e.resource!.id)).toEqual(page1.entry!.map((e) => e.resource!.id));
    const ids = [...page1.entry!, ...page2.entry!].map((e) => e.resource!.id).sort();
    expect(ids).toEqual([...ana.record.labIds].sort());

    // POST _search with a form body gives the same answer.
    const post = await h.app.inject({
      method: 'POST', url: '/fhir/R4/Observation/_search', payload: `patient=Patient/${ana.patientId}&category=laboratory`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(post.statusCode).toBe(200);
    expect((post.json() as Bundle).total).toBe(3);

    // _count is capped at 100; _summary=count gives the total only.
    const capped = await get(`/fhir/R4/Observation?_count=5000`);
    expect((capped.body as Bundle).link![0]!.url).toContain('_count=100');
    const count = await get(`/fhir/R4/Observation?_summary=count`);
    expect(count.body).toMatchObject({ total: 4 });
    expect((count.body as Bundle).entry).toEqual([]);
  });

  it('includes the medication of a MedicationRequest and the Provenance of results, never another patient\'s', async () => {
    const res = await get(`/fhir/R4/MedicationRequest?patient=${ana.patientId}&intent=order&_include=MedicationRequest:medication`);
    const resources = assertOwnValid(res.body);
    expect(resources.map((r) => r.resourceType).sort()).toEqual(['Medication', 'MedicationRequest']);
    expect((res.body as Bundle).entry!.find((e) => e.resource!.resourceType === 'Medication')!.search!.mode).toBe('include');

    const focus = await get(`/fhir/R4/Observation?_include=Observation:focus&_revinclude=Provenance:target`);
    const found = assertOwnValid(focus.body);
    expect(found.filter((r) => r.resourceType === 'Provenance').map((r) => r.id)).toEqual([ana.record.provenanceId]);
    // The vital sign's focus (Ana's condition) is included; the lab result's focus (Ben's condition) is not.
    expect(found.filter((r) => r.resourceType === 'Condition').map((r) => r.id)).toEqual([ana.record.conditionId]);
    expect(found.map((r) => r.id)).not.toContain(ben.record.conditionId);
    expect(JSON.stringify(focus.body)).not.toContain(benLeak);
  });

  it('Patient/$everything pages through the compartment within scopes', async () => {
    const all = await get(`/fhir/R4/Patient/${ana.patientId}/$everything?_count=100`);
    expect(all.status).toBe(200);
    const resources = assertOwnValid(all.body);
    expect(resources[0]!.resourceType).toBe('Patient');
    expect((all.body as Bundle).total).toBe(resources.length);
    expect(resources.map((r) => r.resourceType)).toEqual(expect.arrayContaining(['Condition', 'Immunization', 'MedicationRequest', 'Observation', 'Provenance']));

    const paged: string[] = [];
    let url: string | undefined = `/fhir/R4/Patient/${ana.patientId}/$everything?_count=3`;
    while (url) {
      const page: Bundle = (await get(url)).body as Bundle;
      paged.push(...assertOwnValid(page).map((r) => `${r.resourceType}/${r.id}`));
      url = page.link!.find((l) => l.relation === 'next')?.url;
    }
    expect(paged).toEqual(resources.map((r) => `${r.resourceType}/${r.id}`));
    expect((await get(`/fhir/R4/Patient/${ben.patientId}/$everything`)).status).toBe(404);
  });

  it('never returns another patient\'s resources: ids 404, patient= refused, chains refused, searches stay in the compartment', async () => {
    for (const url of [`/fhir/R4/Patient/${ben.patientId}`, `/fhir/R4/Observation/${ben.record.labIds[0]}`, `/fhir/R4/Observation/${ben.record.labIds[0]}/_history`,
      `/fhir/R4/Observation/${ben.record.labIds[0]}/_history/1`, `/fhir/R4/Condition/${ben.record.conditionId}`]) {
      const res = await get(url);
      expect(res.status, url).toBe(404);
      expect(res.body.resourceType).toBe('OperationOutcome');
    }
    expect((await get(`/fhir/R4/Observation?patient=${ben.patientId}`)).status).toBe(403);
    for (const url of ['/fhir/R4/Observation?subject.name=Ben', '/fhir/R4/Observation?subject:Patient.name=Ben', '/fhir/R4/Patient?_has:Observation:patient:code=4548-4']) {
      const res = await get(url);
      expect(res.status, url).toBe(400);
      expect((res.body as OperationOutcome).issue[0]!.code).toBe('not-supported');
    }
    for (const url of [`/fhir/R4/Observation?subject=Patient/${ben.patientId}`, `/fhir/R4/Patient?_id=${ben.patientId}`, `/fhir/R4/Observation?_id=${ben.record.labIds.join(',')}`,
      '/fhir/R4/Patient?name=Ben', `/fhir/R4/Provenance?target=Observation/${ana.record.labIds[0]}`, '/fhir/R4/Condition?_revinclude=Provenance:target']) {
      const res = await get(url);
      expect(res.status, url).toBe(200);
      assertOwnValid(res.body);
      // The self link repeats the question; the answer holds nothing of Ben's.
      expect(JSON.stringify((res.body as Bundle).entry), url).not.toContain(ben.patientId);
    }
    const own = await get(`/fhir/R4/Patient?name=Ana&gender=female`);
    expect((own.body as Bundle).entry!.map((e) => e.resource!.id)).toEqual([ana.patientId]);
    // Unknown types and parameters are 400s that say so.
    expect((await get('/fhir/R4/Basic')).status).toBe(400);
    const badParam = await get('/fhir/R4/Observation?colour=blue');
    expect(badParam.status).toBe(400);
    expect(JSON.stringify(badParam.body)).toContain('colour');
  });

  it('applies the token\'s scopes: a type not granted is 403, a category-restricted scope filters searches and reads', async () => {
    const conditionsOnly = await issueTestAccessToken(h.ctx, { userId: ana.userId, patientId: ana.patientId, scope: 'patient/Condition.rs patient/Patient.rs' });
    const refused = await get('/fhir/R4/Observation?category=laboratory', conditionsOnly);
    expect(refused.status).toBe(403);
    expect((refused.body as OperationOutcome).issue[0]!.code).toBe('forbidden');
    expect((await get(`/fhir/R4/Observation/${ana.record.labIds[0]}`, conditionsOnly)).status).toBe(403);
    expect((await get(`/fhir/R4/Condition?patient=${ana.patientId}`, conditionsOnly)).status).toBe(200);
    // $everything skips what the scopes leave out.
    const everything = assertOwnValid((await get(`/fhir/R4/Patient/${ana.patientId}/$everything?_count=100`, conditionsOnly)).body);
    expect([...new Set(everything.map((r) => r.resourceType))].sort()).toEqual(['Condition', 'Patient']);

    const labsOnly = await issueTestAccessToken(h.ctx, { userId: ana.userId, patientId: ana.patientId, scope: 'patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory' });
    const labs = await get('/fhir/R4/Observation', labsOnly);
    expect((labs.body as Bundle).total).toBe(3);
    expect((labs.body as Bundle).entry!.map((e) => e.resource!.id).sort()).toEqual([...ana.record.labIds].sort());
    expect((await get(`/fhir/R4/Observation/${ana.record.vitalId}`, labsOnly)).status).toBe(404);
    expect((await get(`/fhir/R4/Observation/${ana.record.labIds[1]}`, labsOnly)).status).toBe(200);
    expect((await get(`/fhir/R4/Observation?category=vital-signs`, labsOnly)).body).toMatchObject({ total: 0 });
  });

  it('searches the shared directory (Practitioner, Location, Organization), which is in no patient\'s compartment', async () => {
    const family = `Dir${randomUUID().slice(0, 6)}`;
    const practitioner = await h.ctx.store.create<Practitioner>({ resourceType: 'Practitioner', name: [{ family, given: ['Priya'] }] });
    const res = await get(`/fhir/R4/Practitioner?name=${family}`);
    expect(res.status).toBe(200);
    expect(assertOwnValid(res.body).map((r) => r.id)).toEqual([practitioner.id]);
    expect((await get(`/fhir/R4/Practitioner/${practitioner.id}`)).status).toBe(200);
  });

  it('audits every access as the app acting for the patient', async () => {
    const requestId = `fhir-audit-${randomUUID()}`;
    await get(`/fhir/R4/Observation?_revinclude=Provenance:target`, token, { 'x-request-id': requestId });
    const rows = await h.ctx.db.query<{ actor_id: string; patient_id: string; action: string; query: string }>(
      'SELECT actor_id, patient_id, action, query FROM audit_events WHERE request_id = $1', [requestId],
    );
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const r of rows) {
      expect(r).toMatchObject({ actor_id: ana.userId, patient_id: ana.patientId, action: 'search' });
      expect(r.query.startsWith('app=ourchart-test-app')).toBe(true);
    }
    // Ana's Account activity names the app that read her record.
    const cookie = await signInCookie(h.app, ana.email, ana.password);
    const activity = (await h.app.inject({ url: '/api/account/activity', headers: { cookie } })).json() as { entries: { action: string; what: string | null; app?: string | null }[] };
    expect(activity.entries.filter((e) => e.action === 'search' && e.what === 'Observation').map((e) => e.app)).toContain('Test app ourchart-test-app');
  });

  it('a proxy\'s token sees only what the grant allows, and ends with the grant', async () => {
    const teen = await h.ctx.store.create(buildPatient({ birthDate: `${new Date().getUTCFullYear() - 15}-01-01` }));
    const teenRecord = await seedFhirRecord(h.ctx, teen.id!);
    const parent = await createPatientUser(h.ctx, { given: 'Pat', proxyFor: [{ patientId: teen.id!, relationship: 'parent' }] });
    const proxyToken = await issueTestAccessToken(h.ctx, { userId: parent.userId, patientId: teen.id!, scope: ALL });
    // A parent of a 15-year-old keeps immunizations, not results (proxy-policy.ts).
    const shots = await get('/fhir/R4/Immunization', proxyToken);
    expect(shots.status).toBe(200);
    expect(assertOwnValid(shots.body, teen.id!).map((r) => r.id)).toEqual([teenRecord.immunizationId]);
    expect((await get('/fhir/R4/Observation', proxyToken)).body).toMatchObject({ total: 0 });
    expect((await get(`/fhir/R4/Observation/${teenRecord.labIds[0]}`, proxyToken)).status).toBe(404);
    expect((await get(`/fhir/R4/Patient/${teen.id}`, proxyToken)).status).toBe(200);
    expect((await get(`/fhir/R4/Patient/${parent.patientId}`, proxyToken)).status).toBe(404);

    await h.ctx.db.query('UPDATE proxy_grants SET revoked_at = now() WHERE grantee_user_id = $1', [parent.userId]);
    expect((await get(`/fhir/R4/Patient/${teen.id}`, proxyToken)).status).toBe(401);
  });

  it('a removed app\'s token gets 401', async () => {
    const short = await issueTestAccessToken(h.ctx, { userId: ana.userId, patientId: ana.patientId, clientId: 'fhir-test-removed', scope: ALL });
    expect((await get(`/fhir/R4/Patient/${ana.patientId}`, short)).status).toBe(200);
    const grant = (await verifyBearer(h.ctx, `Bearer ${short}`))!;
    const [connection] = await h.ctx.db.query<{ id: string }>('SELECT connection_id::text AS id FROM smart_app_grants WHERE grant_id = $1', [grant.grantId]);
    await revokeConnectedApp(h.ctx, { userId: ana.userId, role: 'patient', ip: '127.0.0.1', requestId: 'test' }, connection!.id);
    expect((await get(`/fhir/R4/Patient/${ana.patientId}`, short)).status).toBe(401);
  });

  it('rate-limits each app on its own', async () => {
    const busy = await issueTestAccessToken(h.ctx, { userId: ana.userId, patientId: ana.patientId, clientId: 'fhir-test-busy', scope: ALL });
    const statuses: number[] = [];
    for (let i = 0; i < 100; i++) statuses.push((await get(`/fhir/R4/Patient/${ana.patientId}`, busy)).status);
    expect(statuses.every((s) => s === 200)).toBe(true);
    const limited = await get(`/fhir/R4/Patient/${ana.patientId}`, busy);
    expect(limited.status).toBe(429);
    expect((limited.body as OperationOutcome).issue[0]!.code).toBe('throttled');
    // Another app is not slowed down by this one.
    expect((await get(`/fhir/R4/Patient/${ana.patientId}`)).status).toBe(200);
  }, 60_000);
});
