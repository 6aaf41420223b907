import { z } from 'zod';
import { ProxyFeature } from './proxies.ts';

/**
 * SMART on FHIR (issue 9): apps a patient connects to their record. The authorization server
 * (oidc-provider at /oauth) hands the browser to the web page /smart/authorize?uid=<uid>, which
 * reads the request with GET /api/smart/interactions/:uid and answers with approve or deny.
 * Patients see and remove their connected apps; admins register apps.
 */

/**
 * One thing an app asks to read, in plain terms: a FHIR resource type ('*' = the whole record)
 * and, for SMART v2 scopes such as patient/Observation.rs?category=...|laboratory, the category code.
 * The API is read-only, so access is always 'read'.
 */
export const SmartScopeItem = z.object({
  resourceType: z.string(),
  access: z.literal('read'),
  /** The code of a `?category=system|code` restriction (e.g. 'laboratory'); null when none. */
  category: z.string().nullable(),
});
export type SmartScopeItem = z.infer<typeof SmartScopeItem>;

/** Everything an app asked for, grouped for a consent screen. */
export const SmartScopeSummary = z.object({
  /** What the app will read (deduplicated; '*' first when asked). */
  resources: z.array(SmartScopeItem),
  /** openid: the app learns who signed in. */
  openid: z.boolean(),
  /** fhirUser: the app learns which FHIR record is the signed-in person. */
  fhirUser: z.boolean(),
  /** offline_access: the app may keep reading without the person present (refresh token, 90 days). */
  offlineAccess: z.boolean(),
  /** launch/patient: the app gets the chosen patient's id. */
  launchPatient: z.boolean(),
  /** Scopes we did not recognise or do not grant (write access, user/*, system/*), shown as "will not be given". */
  ignored: z.array(z.string()),
});
export type SmartScopeSummary = z.infer<typeof SmartScopeSummary>;

export const SmartClientInfo = z.object({
  id: z.string(),
  name: z.string(),
  /** The app's home page (client_uri), when it registered one. */
  uri: z.string().nullable(),
});
export type SmartClientInfo = z.infer<typeof SmartClientInfo>;

/** A record the signed-in user may connect the app to: their own, or one they are a proxy for (any part of it). */
export const SmartPatientChoice = z.object({
  id: z.string(),
  name: z.string(),
  relationship: z.enum(['self', 'parent', 'guardian', 'caregiver']),
  /**
   * null: the app may get everything it asked for (the person's own record). For a proxy: the parts
   * of the record the proxy may see (grant and age rules); the app sees no more than that.
   */
  limitedTo: z.array(ProxyFeature).nullable(),
});
export type SmartPatientChoice = z.infer<typeof SmartPatientChoice>;

/** GET /api/smart/interactions/:uid (session cookie). 404 when unknown, expired, finished or started by another user. */
export const SmartInteraction = z.object({
  uid: z.string(),
  client: SmartClientInfo,
  scopes: SmartScopeSummary,
  /** Self first. Empty: this account has no record it may connect (show a sentence and only "Deny"). */
  patients: z.array(SmartPatientChoice),
  /** After this the request is gone and the app must start again. */
  expiresAt: z.string(),
});
export type SmartInteraction = z.infer<typeof SmartInteraction>;

/** POST /api/smart/interactions/:uid/approve */
export const SmartApproval = z.object({
  patientId: z.string({ error: 'Choose whose record the app may see.' }).regex(/^[A-Za-z0-9\-.]{1,64}$/, 'Choose whose record the app may see.'),
}).strict();
export type SmartApproval = z.infer<typeof SmartApproval>;

/** POST .../approve and POST .../deny answer where the browser goes next (back through /oauth to the app). */
export const SmartRedirect = z.object({ redirectTo: z.string() });
export type SmartRedirect = z.infer<typeof SmartRedirect>;

/** One app connection the user made (one OAuth grant). */
export const ConnectedApp = z.object({
  /** The connection's id (DELETE /api/apps/:connectionId). */
  connectionId: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  patientId: z.string(),
  patientName: z.string(),
  scopes: SmartScopeSummary,
  authorizedAt: z.string(),
  /** Last time the app used a token with our FHIR API (to the minute); null: never. */
  lastUsedAt: z.string().nullable(),
  /**
   * Who connected it when it was not the signed-in user: a proxy (parent, caregiver) who connected
   * an app to the user's own record. null: the signed-in user connected it.
   */
  connectedBy: z.string().nullable(),
});
export type ConnectedApp = z.infer<typeof ConnectedApp>;

/**
 * GET /api/apps → the apps the signed-in user connected, and the apps other people (proxies)
 * connected to the user's own record, newest first. DELETE /api/apps/:connectionId → 204, allowed to
 * the person who connected it and to the patient whose record it is (anyone else: 404).
 */
export const ConnectedAppList = z.object({ apps: z.array(ConnectedApp) });
export type ConnectedAppList = z.infer<typeof ConnectedAppList>;

export const SmartClientKind = z.enum(['public', 'confidential-secret', 'confidential-jwt']);
export type SmartClientKind = z.infer<typeof SmartClientKind>;

/** A registered app, as admins see it. */
export const AdminApp = z.object({
  clientId: z.string(),
  name: z.string(),
  kind: SmartClientKind,
  redirectUris: z.array(z.string()),
  /** admin: registered on the admin page; dynamic: RFC 7591 registration; demo: pre-registered in demo mode. */
  source: z.enum(['admin', 'dynamic', 'demo']),
  createdAt: z.string().nullable(),
  /** People with an active connection to this app. */
  activeConnections: z.number().int(),
});
export type AdminApp = z.infer<typeof AdminApp>;

/** GET /api/admin/apps */
export const AdminAppList = z.object({ apps: z.array(AdminApp) });
export type AdminAppList = z.infer<typeof AdminAppList>;

const redirectUri = z.string().trim().url('Each redirect address must be a full URL such as https://app.example.org/callback.')
  .refine((u) => !u.includes('#'), 'A redirect address cannot contain "#".');

/** POST /api/admin/apps */
export const NewAdminApp = z.object({
  name: z.string({ error: 'Give the app a name people will recognise.' }).trim().min(2, 'Give the app a name people will recognise.').max(100, 'Keep the name under 100 characters.'),
  redirectUris: z.array(redirectUri, { error: 'Add at least one redirect address.' }).min(1, 'Add at least one redirect address.').max(10, 'Add at most 10 redirect addresses.'),
  kind: SmartClientKind,
  /** confidential-jwt only: where the app publishes its public keys, or the keys themselves. */
  jwksUri: z.string().trim().url('The key set address must be a full https URL.').optional(),
  jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())).min(1, 'The key set has no keys.') }).optional(),
}).strict();
export type NewAdminApp = z.input<typeof NewAdminApp>;

/** POST /api/admin/apps → 201. The secret is shown once and never again. */
export const NewAdminAppResult = z.object({ clientId: z.string(), clientSecret: z.string().nullable() });
export type NewAdminAppResult = z.infer<typeof NewAdminAppResult>;
