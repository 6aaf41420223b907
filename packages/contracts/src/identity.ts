import { z } from 'zod';
import { Me } from './auth.ts';

/**
 * Identity and account security contracts (sign-in with MFA, passkeys, enrollment, password
 * reset, account security settings, sessions). Every non-GET request needs the CSRF header.
 * Errors are problem+json (see problem.ts); `detail` is written for the person to read.
 */

const email = z.string().trim().min(1, 'Enter your email address.').max(254).email('Enter an email address like name@example.com.');
const birthDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter your date of birth as year-month-day, for example 1980-04-12.');
/** Length rules only; the server also rejects common and breached passwords (NIST SP 800-63B). */
export const NewPassword = z
  .string()
  .min(12, 'Use at least 12 characters. A short sentence is easy to remember.')
  .max(256, 'Use at most 256 characters.');

export const MfaMethod = z.enum(['totp', 'email', 'recovery', 'passkey']);
export type MfaMethod = z.infer<typeof MfaMethod>;

/** POST /api/auth/sign-in (and the end of every sign-in flow) answers one of these. */
export const SignInResult = z.discriminatedUnion('status', [
  z.object({ status: z.literal('signed-in'), me: Me }),
  z.object({
    status: z.literal('mfa-required'),
    /** Pass back to /api/auth/mfa/* within 10 minutes. */
    challengeId: z.string(),
    /** The second factors this account can use, best first. 'email' is always offered. */
    methods: z.array(MfaMethod),
    /** The account email with most of it hidden, e.g. "a***@example.com", to say where codes go. */
    maskedEmail: z.string(),
  }),
]);
export type SignInResult = z.infer<typeof SignInResult>;

export const MfaEmailCodeRequest = z.object({ challengeId: z.string().uuid() });
export const MfaVerifyRequest = z.object({
  challengeId: z.string().uuid(),
  method: z.enum(['totp', 'email', 'recovery']),
  code: z.string().trim().min(1, 'Enter the code.').max(32),
});
export type MfaVerifyRequest = z.infer<typeof MfaVerifyRequest>;

/** POST /api/auth/passkey/options: without challengeId a passwordless sign-in, with it the second step. */
export const PasskeyOptionsRequest = z.object({ challengeId: z.string().uuid().optional() });
/** Answer: { flowId, options } where options is PublicKeyCredentialRequestOptionsJSON for @simplewebauthn/browser. */
export const PasskeyOptionsResponse = z.object({ flowId: z.string(), options: z.record(z.string(), z.unknown()) });
/** POST /api/auth/passkey/verify: response is the AuthenticationResponseJSON from startAuthentication(). */
export const PasskeyVerifyRequest = z.object({ flowId: z.string().uuid(), response: z.record(z.string(), z.unknown()) });

/** POST /api/auth/activate: a patient turns a staff-issued activation code into an account. */
export const ActivateRequest = z.object({
  code: z.string().trim().min(1, 'Enter the activation code from your clinic.').max(32),
  birthDate,
  email,
  password: NewPassword,
});
export type ActivateRequest = z.infer<typeof ActivateRequest>;

/** POST /api/auth/sign-up → 202 SignUpAccepted whatever the details (never says if an email or patient exists). */
export const SignUpRequest = z.object({
  givenName: z.string().trim().min(1, 'Enter your first name.').max(100),
  familyName: z.string().trim().min(1, 'Enter your last name.').max(100),
  birthDate,
  email,
});
export type SignUpRequest = z.infer<typeof SignUpRequest>;
/** POST /api/auth/sign-up/verify: the 6-digit code emailed to the address, plus the chosen password. */
export const SignUpVerifyRequest = z.object({ email, code: z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code from the email.'), password: NewPassword });
export type SignUpVerifyRequest = z.infer<typeof SignUpVerifyRequest>;

/** POST /api/auth/password-reset → 202 always; the email holds a link to /reset-password?token=... valid 30 minutes. */
export const PasswordResetRequest = z.object({ email });
export const PasswordResetComplete = z.object({ token: z.string().min(20).max(200), password: NewPassword });

/** POST /api/auth/password-check: the strength meter. Scores follow zxcvbn (0 weakest - 4 strongest). */
export const PasswordCheckRequest = z.object({ password: z.string().max(256), email: z.string().max(254).optional() });
export const PasswordCheck = z.object({
  score: z.number().int().min(0).max(4),
  /** False when the server would refuse it: too short, common or breached, or built from the email. */
  acceptable: z.boolean(),
  /** Why it is refused or weak, as a code the app words in the user's language. */
  reason: z.enum(['too-short', 'common', 'contains-email', 'weak']).nullable(),
});
export type PasswordCheck = z.infer<typeof PasswordCheck>;

export const Accepted = z.object({ message: z.string() });

// ---- Signed-in account security (/api/account/*) ----

export const Passkey = z.object({ id: z.string(), name: z.string(), createdAt: z.string(), lastUsedAt: z.string().nullable() });
export const AccountSecurity = z.object({
  email: z.string(),
  totp: z.boolean(),
  /** Emailed codes turned on as the second step (for people who cannot use an app). */
  emailCodes: z.boolean(),
  passkeys: z.array(Passkey),
  recoveryCodesLeft: z.number().int(),
  /** Staff and admins must have a second factor (TOTP or passkey) before they can see patient data. */
  mfaRequired: z.boolean(),
  /** True when mfaRequired and no TOTP or passkey yet. */
  mfaEnrollmentNeeded: z.boolean(),
});
export type AccountSecurity = z.infer<typeof AccountSecurity>;

/** POST /api/account/totp/start: the secret to scan (QR as an SVG string) or type. */
export const TotpStart = z.object({ otpauthUrl: z.string(), secret: z.string(), qrSvg: z.string() });
export const TotpConfirmRequest = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code from your app.') });
/** Returned when the first second factor is set up, and on regeneration: shown once, never again. */
export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export const PasswordConfirm = z.object({ password: z.string().min(1, 'Enter your password.').max(256) });
/** POST /api/account/email-codes: turn emailed sign-in codes on or off as the second step. */
export const EmailCodesRequest = z.object({ enabled: z.boolean(), password: z.string().min(1, 'Enter your password.').max(256) });
/** POST /api/account/passkeys/options → { options } (PublicKeyCredentialCreationOptionsJSON); then /verify. */
export const PasskeyRegisterVerifyRequest = z.object({ response: z.record(z.string(), z.unknown()), name: z.string().trim().max(60).optional() });
export const PasskeyRegistered = z.object({ passkey: Passkey, recoveryCodes: z.array(z.string()).nullable() });
export const ChangePasswordRequest = z.object({ currentPassword: z.string().min(1, 'Enter your current password.').max(256), newPassword: NewPassword });
export const ChangeEmailRequest = z.object({ newEmail: email, password: z.string().min(1, 'Enter your password.').max(256) });
export const VerifyEmailChangeRequest = z.object({ code: z.string().trim().regex(/^\d{6}$/, 'Enter the 6-digit code from the email.') });

export const SessionInfo = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  ip: z.string().nullable(),
  /** A short description of the browser and device, e.g. "Chrome on Android". */
  device: z.string(),
});
export type SessionInfo = z.infer<typeof SessionInfo>;
export const SessionList = z.object({ sessions: z.array(SessionInfo) });
export const SignedOutCount = z.object({ count: z.number().int() });

/** GET /api/account/activity[?patient=id]: who opened this record, and when (staff included). */
export const ActivityEntry = z.object({
  at: z.string(),
  actorName: z.string(),
  /** patient, proxy (parent/guardian/caregiver), clinician, nurse, staff, admin, or system */
  actorRole: z.string(),
  /** sign-in, sign-out, read, search, break-glass, download, share, mfa-change, password-change, ... */
  action: z.string(),
  /** What was looked at, in FHIR terms (e.g. "Observation"); the app words it. */
  what: z.string().nullable(),
  outcome: z.string(),
  /** Downloads, sends and share links (ONC 170.315(e)(1)): the format, date range and recipient. */
  details: z
    .object({ format: z.string().nullable(), from: z.string().nullable(), to: z.string().nullable(), recipient: z.string().nullable() })
    .nullable()
    .optional(),
  /** A connected app (SMART on FHIR) that did this for the person: its name. */
  app: z.string().nullable().optional(),
});
export const ActivityPage = z.object({ entries: z.array(ActivityEntry) });
export type ActivityEntry = z.infer<typeof ActivityEntry>;
