import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, nextIp, signInCookie, type TestApp } from '../../test/app.ts';

describe.each(testDrivers)('sign-in, sessions and CSRF on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
  });
  afterAll(() => h?.close());

  it('signs in with a password and sets an HttpOnly, SameSite=Strict, Secure session cookie', async () => {
    const u = await createPatientUser(h.ctx, { given: 'Rosa' });
    const res = await h.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: CSRF, remoteAddress: nextIp(), payload: { email: `  ${u.email.toUpperCase()} `, password: u.password } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'signed-in' });
    expect(res.json().me).toMatchObject({ email: u.email, role: 'patient', patient: { id: u.patientId, name: 'Rosa Tester', relationship: 'self' } });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/oc_session=[\w-]{40,}/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(setCookie).toMatch(/Secure/);
    const rows = await h.ctx.db.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    const token = /oc_session=([^;]+)/.exec(setCookie)![1]!;
    expect(rows.map((r) => r.token_hash)).not.toContain(token); // only a digest is stored
  });

  it('gives a wrong password and an unknown email the same answer', async () => {
    const u = await createPatientUser(h.ctx);
    const wrong = await h.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: CSRF, remoteAddress: nextIp(), payload: { email: u.email, password: 'not the password' } });
    const unknown = await h.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: CSRF, remoteAddress: nextIp(), payload: { email: 'nobody@example.test', password: 'not the password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    const strip = (b: Record<string, unknown>) => ({ ...b, requestId: undefined });
    expect(strip(wrong.json())).toEqual(strip(unknown.json()));
    expect(wrong.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', status: 401 });
    expect(wrong.json().requestId).toBe(wrong.headers['x-request-id']);
  });

  it('explains missing fields in words', async () => {
    const res = await h.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: CSRF, remoteAddress: nextIp(), payload: { email: 'not-an-email', password: '' } });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['email', 'password']);
    expect(body.detail).toMatch(/email address like name@example.com/);
  });

  it('refuses state-changing requests without the CSRF header or from another origin', async () => {
    const u = await createPatientUser(h.ctx);
    const noHeader = await h.app.inject({ method: 'POST', url: '/api/auth/sign-in', remoteAddress: nextIp(), payload: { email: u.email, password: u.password } });
    expect(noHeader.statusCode).toBe(403);
    expect(noHeader.json().code).toBe('CSRF');
    const crossSite = await h.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { ...CSRF, origin: 'https://evil.example' }, remoteAddress: nextIp(), payload: { email: u.email, password: u.password } });
    expect(crossSite.statusCode).toBe(403);
  });

  it('returns the user from /api/me while the session lives, and 401 after sign-out', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await signInCookie(h.app, u.email, u.password);
    const me = await h.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ email: u.email, idleTimeoutSeconds: 900 });
    expect(me.headers['cache-control']).toBe('no-store');
    const out = await h.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { ...CSRF, cookie } });
    expect(out.statusCode).toBe(204);
    expect((await h.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('ends a session after the idle timeout, measured by the server', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await signInCookie(h.app, u.email, u.password);
    await h.ctx.db.query("UPDATE sessions SET last_seen_at = now() - interval '16 minutes' WHERE user_id = $1", [u.userId]);
    const res = await h.app.inject({ url: '/api/me', headers: { cookie } });
    expect(res.statusCode).toBe(401);
    expect(res.json().detail).toMatch(/session has ended/);
  });

  it('ends a session at its absolute lifetime even when active', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await signInCookie(h.app, u.email, u.password);
    await h.ctx.db.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1", [u.userId]);
    expect((await h.app.inject({ url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('throttles repeated sign-in attempts from one address with a message saying when to retry', async () => {
    const attempts = [];
    for (let i = 0; i < 12; i++) {
      attempts.push(await h.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: CSRF, remoteAddress: '10.9.8.7', payload: { email: 'x@example.test', password: 'wrong password' } }));
    }
    const limited = attempts.at(-1)!;
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED' });
    expect(limited.json().detail).toMatch(/^Too many attempts\. Try again in \d+ minutes?\.$/);
    expect(limited.headers['retry-after']).toBeDefined();
  });

  it('audits sign-in successes and failures', async () => {
    const u = await createPatientUser(h.ctx);
    await h.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: CSRF, remoteAddress: nextIp(), payload: { email: u.email, password: 'nope nope nope' } });
    await signInCookie(h.app, u.email, u.password);
    const rows = await h.ctx.db.query<{ action: string; outcome: string }>('SELECT action, outcome FROM audit_events WHERE actor_id = $1 ORDER BY seq', [u.userId]);
    expect(rows).toEqual([{ action: 'sign-in', outcome: 'denied' }, { action: 'sign-in', outcome: 'success' }]);
  });
});

describe('answers in Spanish', () => {
  it('words problems in Spanish when the browser asks for it', async () => {
    const h = await createTestApp(testDrivers[0]!);
    try {
      const res = await h.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { ...CSRF, 'accept-language': 'es-MX,es;q=0.9' }, remoteAddress: nextIp(), payload: { email: 'no', password: '' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().title).toBe('Falta información o no es válida.');
      expect(res.json().errors.map((e: { message: string }) => e.message)).toEqual(['Escriba un correo como nombre@ejemplo.com.', 'Escriba su contraseña.']);
      const wrong = await h.app.inject({ method: 'POST', url: '/api/auth/sign-in', headers: { ...CSRF, 'accept-language': 'es' }, remoteAddress: nextIp(), payload: { email: 'nadie@example.test', password: 'no es la clave' } });
      expect(wrong.json().detail).toMatch(/^Revise su correo y su contraseña/);
    } finally {
      await h.close();
    }
  });
});
