import { z } from 'zod';

/** What a patient lets a proxy do (issue 7). */
export const ProxyScope = z.enum(['record', 'messaging', 'appointments', 'billing', 'refills']);
export type ProxyScope = z.infer<typeof ProxyScope>;

/** What a proxy may use after age rules (`immunizations` alone is the adolescent parent view). */
export const ProxyFeature = z.enum(['record', 'immunizations', 'messaging', 'appointments', 'billing', 'refills']);
export type ProxyFeature = z.infer<typeof ProxyFeature>;

export const ProxyRelationship = z.enum(['parent', 'guardian', 'caregiver'], { error: 'Choose parent, legal guardian or caregiver.' });
export type ProxyRelationship = z.infer<typeof ProxyRelationship>;

const scopes = z
  .array(ProxyScope, { error: 'Choose what they may do.' })
  .min(1, 'Choose at least one thing they may do.')
  .transform((list) => [...new Set(list)]);

/** A YYYY-MM-DD day, today or later (checked on the server against the clinic's today). */
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD.');

/** POST /api/proxies/invitations: an adult patient invites someone by email. */
export const NewProxyInvitation = z.object({
  email: z.string().trim().min(1, 'Enter their email address.').max(254).email('Enter an email address like name@example.com.'),
  relationship: ProxyRelationship,
  scopes,
  /** Access ends at the end of this day (optional). */
  endsOn: day.nullable().optional(),
});
export type NewProxyInvitation = z.infer<typeof NewProxyInvitation>;

/** PATCH /api/proxies/grants/:id: the patient changes what a proxy may do or until when. */
export const ProxyGrantChange = z.object({ scopes, endsOn: day.nullable().optional() });
export type ProxyGrantChange = z.infer<typeof ProxyGrantChange>;

/** POST /api/staff/patients/:id/proxies: staff grant access for a patient who cannot (with a documented reason). */
export const StaffProxyGrant = z.object({
  email: z.string().trim().min(1, 'Enter the email of the proxy\u2019s OurChart account.').max(254).email('Enter an email address like name@example.com.'),
  relationship: ProxyRelationship,
  scopes,
  reason: z.string().trim().min(5, 'Write why (for example: legal guardian, court order on file).').max(500, 'Keep the reason under 500 characters.'),
  startsOn: day.nullable().optional(),
  endsOn: day.nullable().optional(),
});
export type StaffProxyGrant = z.infer<typeof StaffProxyGrant>;

export const ProxyGrantView = z.object({
  id: z.string(),
  /** The other person: the proxy (on the patient's list) or the patient (on the proxy's list). */
  name: z.string(),
  patientId: z.string(),
  relationship: ProxyRelationship,
  scopes: z.array(ProxyScope),
  /** What the grant allows today after age rules. */
  features: z.array(ProxyFeature),
  startsAt: z.string(),
  endsAt: z.string().nullable(),
  approvedBy: z.string().nullable(),
  approvalReason: z.string().nullable(),
  status: z.enum(['active', 'scheduled', 'ended']),
  endedReason: z.enum(['revoked', 'age-of-majority', 'declined-by-proxy', 'expired']).nullable(),
  /** Age rules narrowed it (adolescent patient). */
  limitedByAge: z.boolean(),
});
export type ProxyGrantView = z.infer<typeof ProxyGrantView>;

export const ProxyInvitationView = z.object({
  id: z.string(),
  email: z.string(),
  relationship: ProxyRelationship,
  scopes: z.array(ProxyScope),
  createdAt: z.string(),
  expiresAt: z.string(),
  endsOn: z.string().nullable(),
});
export type ProxyInvitationView = z.infer<typeof ProxyInvitationView>;

/** GET /api/proxies: both sides of proxy access for the signed-in user. */
export const ProxyOverview = z.object({
  /** People who can see my record (empty for accounts without a record). */
  myProxies: z.array(ProxyGrantView),
  invitations: z.array(ProxyInvitationView),
  /** Records I can see for someone else. */
  iAmProxyFor: z.array(ProxyGrantView),
  /** False for patients under the adult age: they cannot invite proxies themselves. */
  canInvite: z.boolean(),
  /** The organization's age rules, to explain them in words. */
  rules: z.object({ ownAccountMinAge: z.number(), adolescentAge: z.number(), adultAge: z.number(), adolescentParentFeatures: z.array(ProxyFeature) }),
});
export type ProxyOverview = z.infer<typeof ProxyOverview>;

/** GET /api/proxy-invitations/:token (signed in): who invited me, before I accept. */
export const ProxyInvitationPreview = z.object({
  patientName: z.string(),
  relationship: ProxyRelationship,
  scopes: z.array(ProxyScope),
  endsOn: z.string().nullable(),
  /** The invitation was sent to another address than this account's. */
  emailMatches: z.boolean(),
});
export type ProxyInvitationPreview = z.infer<typeof ProxyInvitationPreview>;

export const ProxyInvitationToken = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'This invitation link is not complete. Open the link from the email again.') });

/** GET/PUT /api/admin/proxy-rules (admins). */
export const ProxyAgeRules = z
  .object({
    ownAccountMinAge: z.number({ error: 'Enter an age in years.' }).int().min(0).max(21),
    adolescentAge: z.number({ error: 'Enter an age in years.' }).int().min(0).max(21),
    adultAge: z.number({ error: 'Enter an age in years.' }).int().min(12, 'The adult age must be 12 or more.').max(21),
    adolescentParentFeatures: z.array(ProxyFeature).transform((list) => [...new Set(list)]),
  })
  .refine((r) => r.adolescentAge <= r.adultAge, { message: 'The teen age must not be above the adult age.', path: ['adolescentAge'] });
export type ProxyAgeRules = z.infer<typeof ProxyAgeRules>;
