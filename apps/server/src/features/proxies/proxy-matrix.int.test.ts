import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Immunization } from '@medplum/fhirtypes';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, nextIp, type TestApp } from '../../test/app.ts';
import { buildCondition } from '../../test/factories.ts';
import { grantProxy } from '../../platform/auth/users.ts';
import { featureOfRoute } from '../../platform/access/route-features.ts';
import { sessionCookie } from '../staff/staff-fixtures.ts';
import { seedAppointmentFor } from '../appointments/scheduling-fixtures.ts';
import { seedMessagingFor } from '../messaging/messaging-fixtures.ts';

/**
 * The proxy matrix (issue 7): scopes x features (every patient route) x age bands. For each age
 * band (child 8, adolescent 15, adult 40) there is a patient with one item of every feature, and
 * proxies holding each single scope and all scopes (parents; for the adult also caregivers). Each
 * proxy calls every patient route on that patient's record. The expectation is written out here,
 * independently of the policy code:
 *   - under 12, parents get exactly their scopes (record includes immunizations);
 *   - 12 to 17, parents keep appointments, immunizations, billing and messaging only;
 *   - from 18, parents get nothing; caregivers of adults get exactly their scopes;
 *   - items a clinician marked confidential are never shown to a proxy;
 *   - a teen's own messages are hidden from parents.
 * Runs on PostgreSQL (PGlite too when no TEST_DATABASE_URL is set, so it always runs somewhere).
 */

type Scope = 'record' | 'messaging' | 'appointments' | 'billing' | 'refills';
type Feature = Scope | 'immunizations';
type Band = 'child' | 'adolescent' | 'adult';
const ALL: Scope[] = ['record', 'messaging', 'appointments', 'billing', 'refills'];
const SCOPE_SETS: Scope[][] = [...ALL.map((s) => [s]), ALL];
const AGES: Record<Band, number> = { child: 8, adolescent: 15, adult: 40 };

function expectedFeatures(band: Band, relationship: 'parent' | 'caregiver', scopes: Scope[]): Set<Feature> {
  const granted = new Set<Feature>(scopes);
  if (granted.has('record')) granted.add('immunizations');
  if (relationship === 'caregiver' || band === 'child') return granted;
  if (band === 'adult') return new Set();
  return new Set([...granted].filter((f) => ['appointments', 'immunizations', 'billing', 'messaging'].includes(f)));
}

/**
 * Routes of the signed-in user's own account, not of a record in context: among them SMART app consent and Connected apps
 * (features/smart: the consent step offers only records the user's grants cover, and the FHIR API applies the grant on every
 * call), and Stripe's signed webhook, which has no user.
 */
const NOT_RECORD_ROUTES = [/^\/api\/(auth|staff|admin|me$|account\/(?!activity)|notifications|events|proxies|proxy-invitations|shared\/|smart\/|apps($|\/))/, /^\/api\/billing\/stripe\/webhook$/];
const isRecordRoute = (url: string) => url.startsWith('/api/') && !NOT_RECORD_ROUTES.some((r) => r.test(url.slice(0)));

const birthDateAt = (age: number) => {
  const d = new Date();
  d.setUTCFullYear(d.getUTCFullYear() - age);
  d.setUTCDate(d.getUTCDate() - 40);
  return d.toISOString().slice(0, 10);
};

type Fixture = {
  band: Band; patientId: string; ownCookie: string;
  conditionId: string; secretConditionId: string; immunizationId: string; appointmentId: string; threadId: string;
};
type Proxy = { band: Band; relationship: 'parent' | 'caregiver'; scopes: Scope[]; cookie: string; label: string };

const drivers = testDrivers.some((d) => d.name === 'postgres') ? testDrivers.filter((d) => d.name === 'postgres') : testDrivers;

describe.each(drivers)('proxy matrix on $name', (driver) => {
  let h: TestApp;
  const fixtures = new Map<Band, Fixture>();
  const proxies: Proxy[] = [];

  beforeAll(async () => {
    h = await createTestApp(driver);
    for (const band of ['child', 'adolescent', 'adult'] as Band[]) {
      const own = await createPatientUser(h.ctx, { given: `Matrix${band}`, birthDate: birthDateAt(AGES[band]) });
      const ownCookie = await sessionCookie(h.ctx, own.userId);
      const condition = await h.ctx.store.create(buildCondition(own.patientId, { code: { text: `Matrix condition ${band}` } }));
      const secret = await h.ctx.store.create(buildCondition(own.patientId, {
        code: { text: `Confidential matrix condition ${band}` },
        meta: { security: [{ system: 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality', code: 'R' }] },
      }));
      const immunization = await h.ctx.store.create<Immunization>({
        resourceType: 'Immunization', status: 'completed', patient: { reference: `Patient/${own.patientId}` }, occurrenceDateTime: '2024-10-01',
        vaccineCode: { coding: [{ system: 'http://hl7.org/fhir/sid/cvx', code: '150', display: 'Influenza, injectable, quadrivalent' }], text: 'Flu vaccine' },
        primarySource: true,
      });
      const [appointmentId] = await seedAppointmentFor(h.ctx, own.patientId);
      // The patient's own message to the clinic (for the teen: hidden from parents).
      const [threadId] = await seedMessagingFor(h.app, ownCookie);
      fixtures.set(band, {
        band, patientId: own.patientId, ownCookie, conditionId: condition.id!, secretConditionId: secret.id!, immunizationId: immunization.id!,
        appointmentId: appointmentId!, threadId: threadId!,
      });
      const relationships: ('parent' | 'caregiver')[] = band === 'adult' ? ['parent', 'caregiver'] : ['parent'];
      for (const relationship of relationships) {
        for (const scopes of SCOPE_SETS) {
          const p = await createPatientUser(h.ctx, { given: `Proxy${band}${relationship}${scopes.length}` });
          await grantProxy(h.ctx.db, p.userId, { patientId: own.patientId, relationship, scopes });
          proxies.push({ band, relationship, scopes, cookie: await sessionCookie(h.ctx, p.userId), label: `${relationship} of ${band} with ${scopes.join('+')}` });
        }
      }
    }
  }, 180_000);
  afterAll(() => h?.close());

  const get = (cookie: string, url: string) => h.app.inject({ url, remoteAddress: nextIp(), headers: { cookie } });

  it('classifies every patient route by the feature it serves', () => {
    const unclassified = h.app.routeList.filter((r) => isRecordRoute(r.url) && featureOfRoute(r.url) === undefined).map((r) => `${r.method} ${r.url}`);
    expect(unclassified).toEqual([]);
    expect(h.app.routeList.filter((r) => isRecordRoute(r.url)).length).toBeGreaterThan(40);
  });

  it('shows each proxy exactly the items its scopes allow at the patient\'s age, never confidential ones', { timeout: 300_000 }, async () => {
    const failures: string[] = [];
    for (const p of proxies) {
      const f = fixtures.get(p.band)!;
      const allowed = expectedFeatures(p.band, p.relationship, p.scopes);
      const q = `patient=${encodeURIComponent(f.patientId)}`;
      const probes: { feature: Feature | 'by-type'; url: string; marker: string; visible: boolean }[] = [
        { feature: 'record', url: `/api/records/conditions?${q}`, marker: f.conditionId, visible: allowed.has('record') },
        { feature: 'immunizations', url: `/api/records/immunizations?${q}`, marker: f.immunizationId, visible: allowed.has('immunizations') },
        { feature: 'appointments', url: `/api/appointments?${q}`, marker: f.appointmentId, visible: allowed.has('appointments') },
        { feature: 'messaging', url: `/api/messages/threads?${q}`, marker: f.threadId, visible: allowed.has('messaging') && !(p.band === 'adolescent' && p.relationship === 'parent') },
        { feature: 'by-type', url: `/api/records/summary?${q}`, marker: `Matrix condition ${p.band}`, visible: allowed.has('record') },
      ];
      for (const probe of probes) {
        const res = await get(p.cookie, probe.url);
        const where = `${p.label}: GET ${probe.url.split('?')[0]} -> ${res.statusCode}`;
        const featureAllowed = probe.feature === 'by-type' || allowed.has(probe.feature);
        const ended = p.band === 'adult' && p.relationship === 'parent';
        if (featureAllowed && !ended && res.statusCode !== 200) failures.push(`${where}: expected 200`);
        if (ended && res.statusCode !== 404) failures.push(`${where}: expected 404 (access ended at 18)`);
        const refusal = p.band === 'adult' && p.relationship === 'parent' ? 404 : 403;
        if (!featureAllowed && res.statusCode !== refusal && !(probe.feature === 'by-type')) failures.push(`${where}: expected ${refusal}`);
        if (res.body.includes(probe.marker) !== probe.visible) failures.push(`${where}: marker ${probe.visible ? 'missing' : 'shown'}`);
        if (res.body.includes(f.secretConditionId) || res.body.includes('Confidential matrix condition')) failures.push(`${where}: confidential item shown`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('lets the patient themself see everything, including confidential items and their own messages', async () => {
    for (const f of fixtures.values()) {
      expect((await get(f.ownCookie, '/api/records/conditions')).body).toContain(f.secretConditionId);
      expect((await get(f.ownCookie, '/api/messages/threads')).body).toContain(f.threadId);
      expect((await get(f.ownCookie, '/api/appointments')).body).toContain(f.appointmentId);
    }
  });

  it('refuses every patient route outside the grant before it does anything, and allows the rest', { timeout: 600_000 }, async () => {
    const failures: string[] = [];
    const seen = new Set<string>();
    const routes = h.app.routeList.filter((r) => isRecordRoute(r.url) && !seen.has(`${r.method} ${r.url}`) && seen.add(`${r.method} ${r.url}`));
    // Reads first, then writes (a write may change what later reads see).
    routes.sort((a, b) => Number(a.method !== 'GET') - Number(b.method !== 'GET'));
    for (const route of routes) {
      const feature = featureOfRoute(route.url)!;
      for (const p of proxies) {
        const f = fixtures.get(p.band)!;
        const allowed = expectedFeatures(p.band, p.relationship, p.scopes);
        const ids: Record<string, string> = { id: feature === 'messaging' ? f.threadId : feature === 'appointments' ? f.appointmentId : f.conditionId };
        const url = `${route.url.replace(/:(\w+)/g, (_, name: string) => ids[name] ?? ids.id!)}?patient=${encodeURIComponent(f.patientId)}`;
        const res = await h.app.inject({
          method: route.method as 'GET', url, remoteAddress: nextIp(), headers: { ...CSRF, cookie: p.cookie },
          ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: {} }),
        });
        const where = `${p.label}: ${route.method} ${route.url} -> ${res.statusCode}`;
        if (res.statusCode >= 500) failures.push(`${where}: server error`);
        const ok = feature === 'by-type' || allowed.has(feature);
        // A parent's access to an adult has ended altogether: the record is not theirs to see (404).
        const refusal = p.band === 'adult' && p.relationship === 'parent' ? 404 : 403;
        if (!ok && res.statusCode !== refusal && res.statusCode !== 400) failures.push(`${where}: expected ${refusal} (outside the grant)`);
        if (!ok && res.statusCode < 300) failures.push(`${where}: succeeded outside the grant`);
        if (ok && res.statusCode === 403) failures.push(`${where}: refused inside the grant: ${res.body.slice(0, 160)}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
