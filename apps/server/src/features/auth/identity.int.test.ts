import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers } from '../../test/databases.ts';
import { createPatientUser, createTestApp, CSRF, nextIp, signInCookie, type TestApp } from '../../test/app.ts';
import { buildPatient } from '../../test/factories.ts';
import { readMail } from '../../test/mailbox.ts';
import { storeToken } from '../../platform/auth/one-time-tokens.ts';
import { normalizeActivationCode } from './enrollment.service.ts';

const post = (h: TestApp, url: string, payload: object, cookie?: string) =>
  h.app.inject({ method: 'POST', url, headers: { ...CSRF, ...(cookie ? { cookie } : {}) }, remoteAddress: nextIp(), payload });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) => `oc_session=${res.cookies.find((c) => c.name === 'oc_session')!.value}`;
const totpCode = (secret: string, offsetSteps = 0) =>
  new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 }).generate({ timestamp: Date.now() + offsetSteps * 30_000 });

describe.each(testDrivers)('identity flows on $name', (driver) => {
  let h: TestApp;
  beforeAll(async () => {
    h = await createTestApp(driver);
  });
  afterAll(() => h?.close());

  it('enrolls TOTP, then asks for it at sign-in; refuses a replayed code; recovery codes work once', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await signInCookie(h.app, u.email, u.password);
    const start = (await post(h, '/api/account/totp/start', {}, cookie)).json();
    expect(start.otpauthUrl).toMatch(/^otpauth:\/\/totp\/OurChart:/);
    expect(start.qrSvg).toMatch(/^<svg/);
    const wrong = await post(h, '/api/account/totp/confirm', { code: '000000' }, cookie);
    expect(wrong.statusCode).toBe(400);
    const confirm = await post(h, '/api/account/totp/confirm', { code: totpCode(start.secret) }, cookie);
    expect(confirm.statusCode).toBe(200);
    const { recoveryCodes } = confirm.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);

    // The secret is stored encrypted: the raw row never holds it.
    const [raw] = await h.ctx.db.query<{ secret_enc: string }>('SELECT secret_enc FROM mfa_totp WHERE user_id = $1', [u.userId]);
    expect(raw!.secret_enc).toMatch(/^v1:dev:/);
    expect(raw!.secret_enc).not.toContain(start.secret);

    const step1 = (await post(h, '/api/auth/sign-in', { email: u.email, password: u.password })).json();
    expect(step1).toMatchObject({ status: 'mfa-required', methods: ['totp', 'email', 'recovery'] });
    expect(step1.maskedEmail).toMatch(/^p\*\*\*@example\.test$/);
    // The code just used for enrollment cannot be replayed; the next step's code (clock drift allowed) works.
    const replay = await post(h, '/api/auth/mfa/verify', { challengeId: step1.challengeId, method: 'totp', code: totpCode(start.secret) });
    expect(replay.statusCode).toBe(400);
    const ok = await post(h, '/api/auth/mfa/verify', { challengeId: step1.challengeId, method: 'totp', code: totpCode(start.secret, 1) });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'signed-in', me: { email: u.email, mfaEnabled: true } });

    const step2 = (await post(h, '/api/auth/sign-in', { email: u.email, password: u.password })).json();
    const rec = await post(h, '/api/auth/mfa/verify', { challengeId: step2.challengeId, method: 'recovery', code: recoveryCodes[0].toUpperCase() });
    expect(rec.json().status).toBe('signed-in');
    const step3 = (await post(h, '/api/auth/sign-in', { email: u.email, password: u.password })).json();
    const again = await post(h, '/api/auth/mfa/verify', { challengeId: step3.challengeId, method: 'recovery', code: recoveryCodes[0] });
    expect(again.statusCode).toBe(400);
    expect(again.json().detail).toMatch(/already used/);
  });

  it('sends a sign-in code by email through SMTP as the fallback second step', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await signInCookie(h.app, u.email, u.password);
    expect((await post(h, '/api/account/email-codes', { enabled: true, password: u.password }, cookie)).statusCode).toBe(204);
    const since = Date.now();
    const step1 = (await post(h, '/api/auth/sign-in', { email: u.email, password: u.password })).json();
    expect(step1.methods).toEqual(['email']);
    expect((await post(h, '/api/auth/mfa/email-code', { challengeId: step1.challengeId })).statusCode).toBe(204);
    const message = await readMail(h.mailDir, u.email, /sign-in code/, { since });
    const code = /(\d{6})/.exec(message.subject)![1]!;
    const [outbox] = await h.ctx.db.query<{ body_enc: string }>('SELECT body_enc FROM mail_outbox ORDER BY created_at DESC LIMIT 1');
    expect(outbox!.body_enc).not.toContain(code); // email bodies are encrypted at rest
    const done = await post(h, '/api/auth/mfa/verify', { challengeId: step1.challengeId, method: 'email', code });
    expect(done.json().status).toBe('signed-in');
  });

  it('resets a password through the emailed single-use link and signs out every session', async () => {
    const u = await createPatientUser(h.ctx);
    const oldCookie = await signInCookie(h.app, u.email, u.password);
    const since = Date.now();
    const unknown = await post(h, '/api/auth/password-reset', { email: 'nobody-here@example.test' });
    const known = await post(h, '/api/auth/password-reset', { email: u.email });
    expect(known.statusCode).toBe(202);
    expect(unknown.json()).toEqual(known.json()); // never reveals whether the email has an account
    const message = await readMail(h.mailDir, u.email, /Reset your OurChart password/, { since });
    const token = /reset-password\?token=([\w-]+)/.exec(message.text)![1]!;
    expect(message.html).toContain(`token=${token}`);

    const weak = await post(h, '/api/auth/password-reset/complete', { token, password: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().detail).toMatch(/too common/);
    const newPassword = 'violet lantern harbour 42';
    expect((await post(h, '/api/auth/password-reset/complete', { token, password: newPassword })).statusCode).toBe(204);
    expect((await post(h, '/api/auth/password-reset/complete', { token, password: newPassword })).statusCode).toBe(400); // single use
    expect((await h.app.inject({ url: '/api/me', headers: { cookie: oldCookie } })).statusCode).toBe(401);
    expect((await post(h, '/api/auth/sign-in', { email: u.email, password: u.password })).statusCode).toBe(401);
    expect((await post(h, '/api/auth/sign-in', { email: u.email, password: newPassword })).json().status).toBe('signed-in');
  });

  it('activates an account with a staff-issued code, date of birth and a new password', async () => {
    const patient = await h.ctx.store.create(buildPatient({ birthDate: '1990-07-04', name: [{ given: ['Teo'], family: 'Activa' }] }));
    const code = 'ABCD-EFGH-JK23';
    await storeToken(h.ctx.db, { kind: 'activation', secret: normalizeActivationCode(code), minutes: 60 * 24 * 30, patientId: patient.id! });
    const email = `teo-${patient.id!.slice(0, 6)}@example.test`;
    const wrongDob = await post(h, '/api/auth/activate', { code, birthDate: '1990-07-05', email, password: 'quiet meadow lantern 9' });
    expect(wrongDob.statusCode).toBe(400);
    const res = await post(h, '/api/auth/activate', { code: 'abcd efgh jk23', birthDate: '1990-07-04', email, password: 'quiet meadow lantern 9' });
    expect(res.statusCode).toBe(200);
    expect(res.json().me).toMatchObject({ email, patient: { id: patient.id, name: 'Teo Activa' }, accountStatus: 'active' });
    expect((await post(h, '/api/auth/activate', { code, birthDate: '1990-07-04', email: `x${email}`, password: 'quiet meadow lantern 9' })).statusCode).toBe(400);
  });

  it('links a self-signup only when the details match exactly one patient, else it waits for staff', async () => {
    await h.ctx.store.create(buildPatient({ birthDate: '1975-01-02', name: [{ given: ['Inés'], family: 'Quiroga' }] }));
    const signUp = async (given: string, family: string, birthDate: string, email: string) => {
      const since = Date.now();
      const first = await post(h, '/api/auth/sign-up', { givenName: given, familyName: family, birthDate, email });
      expect(first.statusCode).toBe(202);
      const code = /(\d{6})/.exec((await readMail(h.mailDir, email, /account code/, { since })).subject)![1]!;
      return post(h, '/api/auth/sign-up/verify', { email, code, password: 'granite comet orchard 7' });
    };
    const matched = await signUp('Ines', 'Quiroga', '1975-01-02', 'ines.q@example.test');
    expect(matched.json().me).toMatchObject({ accountStatus: 'active', patient: { name: 'Inés Quiroga' } });
    const unmatched = await signUp('Nadie', 'Conocido', '2001-01-01', 'nadie@example.test');
    expect(unmatched.json().me).toMatchObject({ accountStatus: 'pending-verification', patient: null, patients: [] });
    // Asking again for an existing account answers the same and sends nothing.
    const again = await post(h, '/api/auth/sign-up', { givenName: 'Ines', familyName: 'Quiroga', birthDate: '1975-01-02', email: 'ines.q@example.test' });
    expect(again.statusCode).toBe(202);
    expect(again.json().message).toMatch(/If the details are right/);
  });

  it('locks an account after repeated failures, says when to retry, and emails the owner once', async () => {
    const u = await createPatientUser(h.ctx);
    const since = Date.now();
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push(await post(h, '/api/auth/sign-in', { email: u.email, password: `wrong guess ${i}` }));
    expect(answers.slice(0, 5).map((a) => a.statusCode)).toEqual([401, 401, 401, 401, 401]);
    expect(answers[5]!.statusCode).toBe(429);
    expect(answers[5]!.json().detail).toBe('Too many attempts. Try again in 1 minute.');
    // Even the right password waits until the lock ends.
    expect((await post(h, '/api/auth/sign-in', { email: u.email, password: u.password })).statusCode).toBe(429);
    const warning = await readMail(h.mailDir, u.email, /failed attempts/, { since });
    expect(warning.text).toMatch(/waiting 1 minute/);
  });

  it('lists devices and signs out the others, and checks password strength without composition rules', async () => {
    const u = await createPatientUser(h.ctx);
    const a = await signInCookie(h.app, u.email, u.password);
    const b = await signInCookie(h.app, u.email, u.password);
    const list = (await h.app.inject({ url: '/api/account/sessions', headers: { cookie: a } })).json();
    expect(list.sessions).toHaveLength(2);
    expect(list.sessions.filter((s: { current: boolean }) => s.current)).toHaveLength(1);
    expect((await post(h, '/api/account/sessions/sign-out-others', {}, a)).json()).toEqual({ count: 1 });
    expect((await h.app.inject({ url: '/api/me', headers: { cookie: b } })).statusCode).toBe(401);
    expect((await h.app.inject({ url: '/api/me', headers: { cookie: a } })).statusCode).toBe(200);

    const check = async (password: string) => (await post(h, '/api/auth/password-check', { password, email: u.email })).json();
    expect(await check('short')).toMatchObject({ acceptable: false, reason: 'too-short' });
    expect(await check('qwertyuiop123')).toMatchObject({ acceptable: false, reason: 'common' });
    expect(await check('all lowercase words but long')).toMatchObject({ acceptable: true, reason: null });
  });

  it('changes the email only after a code sent to the new address, and tells the old one', async () => {
    const u = await createPatientUser(h.ctx);
    const cookie = await signInCookie(h.app, u.email, u.password);
    const newEmail = `moved-${u.userId.slice(0, 6)}@example.test`;
    const since = Date.now();
    expect((await post(h, '/api/account/email', { newEmail, password: u.password }, cookie)).statusCode).toBe(202);
    const code = /(\d{6})/.exec((await readMail(h.mailDir, newEmail, /Confirm your new OurChart email/, { since })).subject)![1]!;
    const me = await post(h, '/api/account/email/verify', { code }, cookie);
    expect(me.json().email).toBe(newEmail);
    await readMail(h.mailDir, u.email, /Security change/, { since });
    expect((await post(h, '/api/auth/sign-in', { email: newEmail, password: u.password })).json().status).toBe('signed-in');
  });
});
