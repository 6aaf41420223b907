import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, type TestApp } from '../../test/app.ts';
import { verifyBearer } from './bearer.ts';
import { issueTestAccessToken } from './test-tokens.ts';
import { smartEndpoints } from './endpoints.ts';
import { revokeConnectedApp } from './connected-apps.service.ts';
import { smartCleanupJob } from './cleanup-job.ts';

describe.each(testDrivers)('SMART bearer tokens on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
  }, 120_000);
  afterAll(() => h?.close());

  it('verifies a minted token, names its patient and scope, and refuses it once the app is removed', async () => {
    const ana = await createPatientUser(h.ctx);
    const token = await issueTestAccessToken(h.ctx, { userId: ana.userId, patientId: ana.patientId, scope: 'launch/patient patient/Observation.rs patient/Condition.cud' });
    const grant = await verifyBearer(h.ctx, `Bearer ${token}`);
    expect(grant).toMatchObject({ userId: ana.userId, patientId: ana.patientId, clientId: 'ourchart-test-app', scope: 'patient/Observation.rs' });
    // The database keeps no usable copy of the token.
    const stored = await h.ctx.db.query<{ id: string; payload: unknown }>("SELECT id, payload FROM oidc_models WHERE model = 'AccessToken'");
    expect(JSON.stringify(stored)).not.toContain(token);
    const used = await h.ctx.db.query<{ last_used_at: Date | null; connection_id: string }>('SELECT last_used_at, connection_id::text AS connection_id FROM smart_app_grants WHERE grant_id = $1', [grant!.grantId]);
    expect(used[0]!.last_used_at).not.toBeNull();

    await revokeConnectedApp(h.ctx, { userId: ana.userId, role: 'patient', ip: '127.0.0.1', requestId: 'test' }, used[0]!.connection_id);
    expect(await verifyBearer(h.ctx, `Bearer ${token}`)).toBeNull();
  });

  it('answers null for missing, malformed and unknown tokens', async () => {
    expect(await verifyBearer(h.ctx, undefined)).toBeNull();
    expect(await verifyBearer(h.ctx, 'Basic abc')).toBeNull();
    expect(await verifyBearer(h.ctx, 'Bearer short')).toBeNull();
    expect(await verifyBearer(h.ctx, `Bearer ${'x'.repeat(43)}`)).toBeNull();
  });

  it('sweeps expired provider rows and schedules the next sweep', async () => {
    await h.ctx.db.query("INSERT INTO oidc_models (model, id, payload, expires_at) VALUES ('Interaction', 'old-one', '{}', now() - interval '2 days'), ('Interaction', 'live-one', '{}', now() + interval '1 hour')");
    await h.ctx.db.transaction((tx) => smartCleanupJob.run(h.ctx, tx, {}, { id: 'x', kind: 'smart-cleanup', key: 'x', attempts: 0, runAt: new Date() }));
    const left = await h.ctx.db.query<{ id: string }>("SELECT id FROM oidc_models WHERE model = 'Interaction' AND id IN ('old-one', 'live-one')");
    expect(left.map((r) => r.id)).toEqual(['live-one']);
    const next = await h.ctx.db.query<{ run_at: Date }>("SELECT run_at FROM jobs WHERE kind = 'smart-cleanup' AND done_at IS NULL");
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((j) => j.run_at.getTime() > Date.now())).toBe(true);
  });

  it('publishes absolute endpoint URLs', () => {
    expect(smartEndpoints('https://portal.example.org')).toMatchObject({
      issuer: 'https://portal.example.org/oauth', token: 'https://portal.example.org/oauth/token', manage: 'https://portal.example.org/account/apps',
    });
  });
});
