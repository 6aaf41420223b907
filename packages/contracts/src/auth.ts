import { z } from 'zod';
import { ProxyFeature } from './proxies.ts';

export const roles = ['patient', 'clinician', 'nurse', 'staff', 'admin'] as const;
export const Role = z.enum(roles);
export type Role = z.infer<typeof Role>;

export const Locale = z.enum(['en', 'es']);
export type Locale = z.infer<typeof Locale>;

export const SignInRequest = z.object({
  email: z.string().trim().min(1, 'Enter your email address.').max(254).email('Enter an email address like name@example.com.'),
  password: z.string().min(1, 'Enter your password.').max(1024),
});
export type SignInRequest = z.infer<typeof SignInRequest>;

/** A patient the signed-in user may act for: themself, or someone who granted them proxy access. */
export const PatientContext = z.object({
  id: z.string(),
  name: z.string(),
  relationship: z.enum(['self', 'parent', 'guardian', 'caregiver']),
  /** What this user may use of that record: everything for self; a proxy's grant narrowed by the patient's age. */
  features: z.array(ProxyFeature),
});
export type PatientContext = z.infer<typeof PatientContext>;

export const Me = z.object({
  id: z.string(),
  email: z.string(),
  role: Role,
  displayName: z.string(),
  /** The patient record this account belongs to (patients only). */
  patient: PatientContext.nullable(),
  /** Everyone this user can see a record for, self first. */
  patients: z.array(PatientContext),
  /** Seconds of inactivity after which the server ends the session. */
  idleTimeoutSeconds: z.number().int(),
  /** 'pending-verification': a self-signup whose record the clinic has not linked yet. */
  accountStatus: z.enum(['active', 'pending-verification']),
  /** Staff and admins without a second factor must set one up before they can see patient data. */
  mfaEnrollmentNeeded: z.boolean(),
  /** Patients without a second factor are invited to add one. */
  mfaEnabled: z.boolean(),
  /** Front desk and admins, when the portal has no mail server (demo): they may read the demo mail outbox. */
  mailOutbox: z.boolean().optional(),
});
export type Me = z.infer<typeof Me>;

/** Header every state-changing request from the web app must carry (CSRF defence, with SameSite=Strict cookies). */
export const CSRF_HEADER = 'x-ourchart-csrf';
