import type { Patient } from '@medplum/fhirtypes';
import type { ActivateRequest, SignUpRequest, SignUpVerifyRequest } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { consumeToken, findLiveToken, newNumericCode, revokeTokens, storeToken } from '../../platform/auth/one-time-tokens.ts';
import { assertAcceptablePassword } from '../../platform/auth/password-policy.ts';
import { hashPassword } from '../../platform/auth/passwords.ts';
import { assertNotThrottled, emailKey, ipKey, recordFailure } from '../../platform/auth/throttle.ts';
import { findUserByEmail, getUser, upsertUser } from '../../platform/auth/users.ts';
import { formatName } from '../../platform/fhir-store/display.ts';
import { AppError } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { mail, type Locale } from '../../platform/mail/templates.ts';
import { startSession, type Client } from './auth.service.ts';
import type { SignInOutcome } from './sign-in.service.ts';

const ACTIVATION_FAILED =
  'The activation code, date of birth or email did not match. Check the letter or message from your clinic, or ask the clinic for a new code.';

/** Activation codes are typed by people: ignore case, spaces and dashes. */
export const normalizeActivationCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

/**
 * Enrollment with a staff-issued activation code: the code, the patient's date of birth and a
 * new email and password create the account linked to that record. Any mismatch gets one message.
 */
export async function activateAccount(ctx: AppContext, input: ActivateRequest, client: Client): Promise<SignInOutcome> {
  const keys = [ipKey('activate', client.ip)];
  await assertNotThrottled(ctx.db, keys);
  await assertAcceptablePassword(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  // Read the record before the transaction: PGlite has one connection, so the store cannot be
  // used from inside a transaction callback (it would wait for the transaction forever).
  const code = normalizeActivationCode(input.code);
  const peek = await findLiveToken(ctx.db, 'activation', code);
  const patient = peek?.patient_id ? await ctx.store.readRow('Patient', peek.patient_id) : undefined;
  const matches = !!patient && !patient.deleted && (patient.resource as Patient).birthDate === input.birthDate;
  const userId = !matches
    ? null
    : await ctx.db.transaction(async (tx) => {
        const token = await findLiveToken(tx, 'activation', code); // again, locked, so two tries cannot both use it
        if (!token || token.patient_id !== peek!.patient_id) return null;
        if (await findUserByEmail(tx, input.email)) {
          throw new AppError('VALIDATION', 'That email is already used by an account. Sign in instead, or use another email.', { errors: [{ path: 'email', message: 'Email already in use' }] });
        }
        const existing = await tx.query('SELECT 1 FROM users WHERE patient_id = $1', [token.patient_id]);
        if (existing.length > 0) return null;
        await consumeToken(tx, token.id);
        const record = patient!.resource as Patient;
        return upsertUser(tx, {
          email: input.email, role: 'patient', displayName: formatName(record.name) || input.email,
          patientId: token.patient_id, practitionerId: null, passwordHash, emailVerified: false, locale: patientLocale(record),
        });
      });
  if (!userId) {
    await recordFailure(ctx.db, ctx.config.rateLimitScale, keys);
    await ctx.audit.record({ actorId: null, actorRole: null, patientId: null, action: 'activate', outcome: 'denied', ip: client.ip, requestId: client.requestId });
    throw new AppError('INVALID_CODE', ACTIVATION_FAILED);
  }
  const user = (await getUser(ctx.db, userId))!;
  await ctx.audit.record({ actorId: user.id, actorRole: 'patient', patientId: user.patientId, action: 'activate', entityType: 'Patient', entityId: user.patientId, outcome: 'success', ip: client.ip, requestId: client.requestId });
  const { token, me } = await startSession(ctx, user, client, 'activation');
  return { token, result: { status: 'signed-in', me } };
}

function patientLocale(p: Patient): Locale {
  const lang = p.communication?.find((c) => c.preferred)?.language ?? p.communication?.[0]?.language;
  return lang?.coding?.some((c) => c.code?.startsWith('es')) ? 'es' : 'en';
}

/**
 * Self-signup, step one: emails a code to the address. The answer is the same whether or not the
 * email already has an account or the details match a patient.
 */
export async function startSignUp(ctx: AppContext, input: SignUpRequest, client: Client, locale: Locale): Promise<void> {
  await assertNotThrottled(ctx.db, [ipKey('sign-up', client.ip), emailKey('sign-up', input.email)]);
  await recordFailure(ctx.db, ctx.config.rateLimitScale, [emailKey('sign-up', input.email)]); // counts requests per address, so codes cannot be spammed
  if (await findUserByEmail(ctx.db, input.email)) return; // no code; an existing owner can use "Forgot your password?"
  const code = newNumericCode();
  await ctx.db.transaction(async (tx) => {
    await revokeTokens(tx, 'signup', { email: input.email });
    await storeToken(tx, { kind: 'signup', secret: `${input.email.toLowerCase()}:${code}`, minutes: 30, email: input.email, data: { givenName: input.givenName, familyName: input.familyName, birthDate: input.birthDate, locale } });
    await enqueueMail(tx, ctx.keyring, mail.signUpCode(input.email, locale, code));
  });
}

/**
 * Self-signup, step two: the emailed code proves the address. The account is linked to a record
 * only when name and date of birth match exactly one patient; otherwise it waits for staff.
 */
export async function finishSignUp(ctx: AppContext, input: SignUpVerifyRequest, client: Client): Promise<SignInOutcome> {
  const keys = [emailKey('sign-up-code', input.email), ipKey('sign-up-code', client.ip)];
  await assertNotThrottled(ctx.db, keys);
  await assertAcceptablePassword(input.password, input.email);
  const passwordHash = await hashPassword(input.password);
  const secret = `${input.email.toLowerCase()}:${input.code}`;
  const peek = await findLiveToken(ctx.db, 'signup', secret);
  const d = peek?.data as { givenName: string; familyName: string; birthDate: string; locale: Locale } | undefined;
  // Identity matching happens before the transaction (the store cannot run inside one on PGlite).
  const matches = d ? await ctx.store.search('Patient', [['given:exact', d.givenName], ['family:exact', d.familyName], ['birthdate', d.birthDate], ['_count', '2']]) : undefined;
  const patientId = matches?.total === 1 ? matches.resources[0]!.id! : null;
  const userId = !d
    ? null
    : await ctx.db.transaction(async (tx) => {
        const token = await findLiveToken(tx, 'signup', secret);
        if (!token || (await findUserByEmail(tx, input.email))) return null;
        await consumeToken(tx, token.id);
        const taken = patientId ? (await tx.query('SELECT 1 FROM users WHERE patient_id = $1', [patientId])).length > 0 : false;
        const linked = patientId && !taken ? patientId : null;
        const id = await upsertUser(tx, {
          email: input.email, role: 'patient', displayName: `${d.givenName} ${d.familyName}`, patientId: linked, practitionerId: null,
          passwordHash, emailVerified: true, locale: d.locale, status: linked ? 'active' : 'pending-verification',
        });
        await tx.query('UPDATE users SET signup_details = $2 WHERE id = $1', [id, JSON.stringify({ givenName: d.givenName, familyName: d.familyName, birthDate: d.birthDate })]);
        return id;
      });
  if (!userId) {
    await recordFailure(ctx.db, ctx.config.rateLimitScale, keys);
    throw new AppError('INVALID_CODE', 'That code did not work or has expired. Check the email we sent, or start again to get a new code.');
  }
  const user = (await getUser(ctx.db, userId))!;
  await ctx.audit.record({ actorId: user.id, actorRole: 'patient', patientId: user.patientId, action: 'sign-up', outcome: 'success', query: user.status, ip: client.ip, requestId: client.requestId });
  const { token, me } = await startSession(ctx, user, client, 'sign-up');
  return { token, result: { status: 'signed-in', me } };
}
