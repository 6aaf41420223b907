import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Patient } from '@medplum/fhirtypes';
import type {
  NewProxyInvitation, ProxyAgeRules, ProxyGrantChange, ProxyGrantView, ProxyInvitationPreview, ProxyInvitationView, ProxyOverview, StaffProxyGrant,
} from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { Actor, PatientAccess } from '../../platform/access/patient-access.ts';
import { ageRulesFor, patientAgeFacts } from '../../platform/access/proxy-grants.ts';
import { ageBand, ageInYears, FEATURES, proxyView, type AgeRules } from '../../platform/access/proxy-policy.ts';
import { findUserByEmail, grantProxy, type User } from '../../platform/auth/users.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { AppError } from '../../platform/http/errors.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { notifyUser } from '../../platform/notifications/notifications.ts';
import { proxyMail } from './proxy-mail.ts';
import {
  cancelInvitation, endGrant, grantById, grantsHeldBy, grantsOnPatient, insertInvitation, invitationByTokenHash, markInvitationAccepted,
  openInvitations, updateGrant, type GrantRow, type InvitationRow,
} from './proxies.queries.ts';

const INVITATION_DAYS = 14;
const iso = (d: Date | string) => new Date(d).toISOString();
const hashToken = (token: string) => createHash('sha256').update(`proxy-invitation:${token}`).digest('hex');
/** An end date a person picked (YYYY-MM-DD) means "through that day". */
const endOfDay = (day: string | null | undefined) => (day ? new Date(`${day}T23:59:59.999Z`) : null);

async function audit(ctx: AppContext, actor: Actor, patientId: string, action: string, entityType: string, entityId: string | null, query: string | null = null) {
  await ctx.audit.record({
    actorId: actor.userId, actorRole: actor.role, patientId, action, entityType, entityId, query, outcome: 'success',
    ip: actor.ip ?? null, requestId: actor.requestId ?? null,
  });
}

async function patientName(ctx: AppContext, patientId: string): Promise<string> {
  const row = await ctx.store.readRow('Patient', patientId);
  return row && !row.deleted ? patientDisplayName(row.resource as Patient) : '';
}

async function rulesAndAge(ctx: AppContext, patientId: string): Promise<{ rules: AgeRules; age: number | null }> {
  const facts = await patientAgeFacts(ctx.db, patientId);
  return { rules: await ageRulesFor(ctx.db, facts.organizationId), age: facts.birthDate ? ageInYears(facts.birthDate, new Date()) : null };
}

/** A grant in words for either side; `name` is the other person. */
async function toView(ctx: AppContext, row: GrantRow, name: string): Promise<ProxyGrantView> {
  const { rules, age } = await rulesAndAge(ctx, row.patient_id);
  const view = proxyView({ relationship: row.relationship, scopes: row.scopes, age, rules });
  const now = Date.now();
  const expired = row.expires_at !== null && new Date(row.expires_at).getTime() <= now;
  const ended = row.revoked_at !== null || expired || view.endedByAge;
  const endedReason = row.ended_reason ?? (view.endedByAge ? 'age-of-majority' : expired ? 'expired' : null);
  return {
    id: row.id,
    name,
    patientId: row.patient_id,
    relationship: row.relationship,
    scopes: row.scopes as ProxyGrantView['scopes'],
    features: ended ? [] : FEATURES.filter((f) => view.features.has(f)),
    startsAt: iso(row.starts_at),
    endsAt: row.revoked_at ? iso(row.revoked_at) : row.expires_at ? iso(row.expires_at) : null,
    approvedBy: row.approved_by_name,
    approvalReason: row.approval_reason,
    status: ended ? 'ended' : new Date(row.starts_at).getTime() > now ? 'scheduled' : 'active',
    endedReason: ended ? endedReason : null,
    limitedByAge: !ended && view.band === 'adolescent' && row.relationship !== 'caregiver',
  };
}

function toInvitationView(row: InvitationRow): ProxyInvitationView {
  return {
    id: row.id, email: row.email, relationship: row.relationship, scopes: row.scopes as ProxyInvitationView['scopes'],
    createdAt: iso(row.created_at), expiresAt: iso(row.expires_at), endsOn: row.grant_ends_at ? iso(row.grant_ends_at).slice(0, 10) : null,
  };
}

/** Both sides of proxy access for the signed-in user (the `Sharing and proxies` page). */
export async function proxyOverview(ctx: AppContext, user: User): Promise<ProxyOverview> {
  const own = user.patientId;
  const { rules, age } = own ? await rulesAndAge(ctx, own) : { rules: await ageRulesFor(ctx.db, user.organizationId), age: null };
  const myProxies = own ? await Promise.all((await grantsOnPatient(ctx.db, own)).map((g) => toView(ctx, g, g.grantee_name))) : [];
  const iAmProxyFor = await Promise.all((await grantsHeldBy(ctx.db, user.id)).map(async (g) => toView(ctx, g, await patientName(ctx, g.patient_id))));
  return {
    myProxies,
    invitations: own ? (await openInvitations(ctx.db, own)).map(toInvitationView) : [],
    iAmProxyFor,
    canInvite: own !== null && ageBand(age, rules) === 'adult',
    rules,
  };
}

/** Refuses anyone but the adult patient themself: proxies cannot hand out access to someone else's record. */
async function requireAdultSelf(ctx: AppContext, user: User): Promise<string> {
  if (!user.patientId) throw new AppError('FORBIDDEN', 'Only patients can choose who sees their record.');
  const { rules, age } = await rulesAndAge(ctx, user.patientId);
  if (ageBand(age, rules) !== 'adult') {
    throw new AppError('FORBIDDEN', `You can invite someone yourself from age ${rules.adultAge}. Until then, ask the clinic to help.`);
  }
  return user.patientId;
}

/** An adult patient invites someone by email. The email carries a link, never health information. */
export async function inviteProxy(ctx: AppContext, user: User, actor: Actor, input: NewProxyInvitation): Promise<ProxyInvitationView> {
  const patientId = await requireAdultSelf(ctx, user);
  if (input.email.toLowerCase() === user.email.toLowerCase()) {
    throw new AppError('VALIDATION', 'Enter the email address of the person you want to invite, not your own.', { errors: [{ path: 'email', message: 'Enter their email, not yours.' }] });
  }
  const endsAt = endOfDay(input.endsOn);
  if (endsAt && endsAt.getTime() < Date.now()) {
    throw new AppError('VALIDATION', 'The end date has passed. Choose a later date or leave it empty.', { errors: [{ path: 'endsOn', message: 'Choose a date in the future.' }] });
  }
  const token = randomBytes(32).toString('base64url');
  const row = {
    id: randomUUID(), patient_id: patientId, invited_by: user.id, email: input.email.trim(), relationship: input.relationship,
    scopes: input.scopes, grant_ends_at: endsAt, token_hash: hashToken(token), expires_at: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
  };
  const link = `${ctx.config.publicUrl}/proxy-invite#${token}`;
  await ctx.db.transaction(async (tx) => {
    await insertInvitation(tx, row);
    await enqueueMail(tx, ctx.keyring, proxyMail.invitation(row.email, user.locale, link, row.expires_at));
  });
  await audit(ctx, actor, patientId, 'create', 'ProxyInvitation', row.id, `scopes=${input.scopes.join(',')}`);
  return toInvitationView({ ...row, created_at: new Date(), accepted_at: null, cancelled_at: null });
}

export async function cancelProxyInvitation(ctx: AppContext, user: User, actor: Actor, id: string): Promise<void> {
  if (!user.patientId || !(await cancelInvitation(ctx.db, id, user.patientId))) {
    throw new AppError('NOT_FOUND', 'We could not find that invitation. It may have been used or cancelled already.');
  }
  await audit(ctx, actor, user.patientId, 'delete', 'ProxyInvitation', id);
}

const INVITATION_GONE = 'This invitation has expired or was already used. Ask the person to send you a new one.';

/** Who invited the signed-in user, before they accept. */
export async function previewInvitation(ctx: AppContext, user: User, token: string): Promise<ProxyInvitationPreview> {
  const row = await invitationByTokenHash(ctx.db, hashToken(token));
  if (!row) throw new AppError('NOT_FOUND', INVITATION_GONE);
  return {
    patientName: await patientName(ctx, row.patient_id), relationship: row.relationship, scopes: row.scopes as ProxyInvitationPreview['scopes'],
    endsOn: row.grant_ends_at ? iso(row.grant_ends_at).slice(0, 10) : null, emailMatches: row.email.toLowerCase() === user.email.toLowerCase(),
  };
}

/**
 * Accepting creates the grant the patient chose (approved by the patient). Only the account the
 * invitation was sent to may accept, so a forwarded link is useless to anyone else.
 */
export async function acceptInvitation(ctx: AppContext, user: User, actor: Actor, token: string): Promise<ProxyGrantView> {
  const accepted = await ctx.db.transaction(async (tx) => {
    const row = await invitationByTokenHash(tx, hashToken(token), true);
    if (!row) throw new AppError('NOT_FOUND', INVITATION_GONE);
    if (row.email.toLowerCase() !== user.email.toLowerCase()) {
      throw new AppError('FORBIDDEN', 'This invitation was sent to another email address. Sign in with the account for that address, or ask for a new invitation.');
    }
    if (row.patient_id === user.patientId) throw new AppError('VALIDATION', 'This is an invitation to your own record.');
    await grantProxy(tx, user.id, {
      patientId: row.patient_id, relationship: row.relationship, scopes: row.scopes, approvedBy: row.invited_by,
      expiresAt: row.grant_ends_at ? new Date(row.grant_ends_at) : null,
    });
    await markInvitationAccepted(tx, row.id, user.id);
    return row;
  });
  const [grant] = (await grantsHeldBy(ctx.db, user.id)).filter((g) => g.patient_id === accepted.patient_id && g.revoked_at === null);
  await audit(ctx, actor, accepted.patient_id, 'create', 'ProxyGrant', grant!.id, 'via=invitation');
  await notifyUser(ctx.db, accepted.invited_by, accepted.patient_id, { kind: 'proxy-granted', entityType: 'ProxyGrant', entityId: grant!.id });
  return toView(ctx, grant!, await patientName(ctx, accepted.patient_id));
}

/** A current grant on the signed-in patient's own record; anyone else's is 404 (checked before the body is read). */
export async function ownGrant(ctx: AppContext, user: User, id: string): Promise<GrantRow> {
  const grant = await grantById(ctx.db, id);
  if (!grant || !user.patientId || grant.patient_id !== user.patientId || grant.revoked_at !== null) {
    throw new AppError('NOT_FOUND', 'We could not find that person on your list.');
  }
  return grant;
}

/** The patient changes what a proxy may do, or until when. */
export async function changeGrant(ctx: AppContext, user: User, actor: Actor, grant: GrantRow, input: ProxyGrantChange): Promise<ProxyGrantView> {
  const id = grant.id;
  await requireAdultSelf(ctx, user);
  const endsAt = endOfDay(input.endsOn);
  if (endsAt && endsAt.getTime() < Date.now()) {
    throw new AppError('VALIDATION', 'The end date has passed. Choose a later date or leave it empty.', { errors: [{ path: 'endsOn', message: 'Choose a date in the future.' }] });
  }
  await updateGrant(ctx.db, id, input.scopes, endsAt);
  await audit(ctx, actor, grant.patient_id, 'update', 'ProxyGrant', id, `scopes=${input.scopes.join(',')}`);
  return toView(ctx, (await grantById(ctx.db, id))!, grant.grantee_name);
}

/**
 * Ends a grant at once: the patient removes a proxy, or the proxy gives up their access. The next
 * request of any open session of the proxy is refused (grants are read on every request).
 */
export async function endGrantFor(ctx: AppContext, user: User, actor: Actor, id: string): Promise<void> {
  const grant = await grantById(ctx.db, id);
  const byPatient = grant !== undefined && user.patientId !== null && grant.patient_id === user.patientId;
  const byProxy = grant !== undefined && grant.grantee_user_id === user.id;
  if (!grant || (!byPatient && !byProxy)) throw new AppError('NOT_FOUND', 'We could not find that access.');
  if (!(await endGrant(ctx.db, id, byPatient ? 'revoked' : 'declined-by-proxy', user.id))) return;
  await audit(ctx, actor, grant.patient_id, 'delete', 'ProxyGrant', id, byPatient ? 'by=patient' : 'by=proxy');
  const tell = byPatient ? grant.grantee_user_id : await patientAccountId(ctx, grant.patient_id);
  if (tell) await notifyUser(ctx.db, tell, grant.patient_id, { kind: 'proxy-ended', entityType: 'ProxyGrant', entityId: id });
}

async function patientAccountId(ctx: AppContext, patientId: string): Promise<string | null> {
  const [row] = await ctx.db.query<{ id: string }>('SELECT id FROM users WHERE patient_id = $1 AND disabled_at IS NULL LIMIT 1', [patientId]);
  return row?.id ?? null;
}

/** Staff: the proxies of a patient (read through the staff policy: care team or break the glass). */
export async function staffListProxies(ctx: AppContext, access: PatientAccess): Promise<ProxyGrantView[]> {
  await audit(ctx, access.actor, access.patientId, 'read', 'ProxyGrant', null);
  return Promise.all((await grantsOnPatient(ctx.db, access.patientId)).map((g) => toView(ctx, g, g.grantee_name)));
}

/**
 * Staff grant access for a patient who cannot (a legal guardian, a parent of a young child), with a
 * documented reason. The proxy needs an OurChart account (any role 'patient').
 */
export async function staffGrantProxy(ctx: AppContext, access: PatientAccess, input: StaffProxyGrant): Promise<ProxyGrantView> {
  const proxy = await findUserByEmail(ctx.db, input.email);
  if (!proxy || proxy.disabled || proxy.role !== 'patient') {
    throw new AppError('VALIDATION', 'No patient account uses this email. Ask the person to create an OurChart account first, then try again.', {
      errors: [{ path: 'email', message: 'No OurChart account uses this email.' }],
    });
  }
  if (proxy.patientId === access.patientId) throw new AppError('VALIDATION', 'A patient cannot be their own proxy.', { errors: [{ path: 'email', message: 'This is the patient’s own account.' }] });
  const endsAt = endOfDay(input.endsOn);
  const startsAt = input.startsOn ? new Date(`${input.startsOn}T00:00:00.000Z`) : null;
  if (endsAt && endsAt.getTime() < Math.max(Date.now(), startsAt?.getTime() ?? 0)) {
    throw new AppError('VALIDATION', 'The end date must be after the start and in the future.', { errors: [{ path: 'endsOn', message: 'Choose a later end date.' }] });
  }
  await grantProxy(ctx.db, proxy.id, {
    patientId: access.patientId, relationship: input.relationship, scopes: input.scopes, approvedBy: access.actor.userId,
    approvalReason: input.reason, startsAt, expiresAt: endsAt,
  });
  const [grant] = (await grantsOnPatient(ctx.db, access.patientId)).filter((g) => g.grantee_user_id === proxy.id && g.revoked_at === null);
  await audit(ctx, access.actor, access.patientId, 'create', 'ProxyGrant', grant!.id, 'by=staff');
  await notifyUser(ctx.db, proxy.id, access.patientId, { kind: 'proxy-granted', entityType: 'ProxyGrant', entityId: grant!.id });
  return toView(ctx, grant!, grant!.grantee_name);
}

export async function staffEndGrant(ctx: AppContext, access: PatientAccess, id: string): Promise<void> {
  const grant = await grantById(ctx.db, id);
  if (!grant || grant.patient_id !== access.patientId) throw new AppError('NOT_FOUND', 'We could not find that access for this patient.');
  if (!(await endGrant(ctx.db, id, 'revoked', access.actor.userId))) return;
  await audit(ctx, access.actor, access.patientId, 'delete', 'ProxyGrant', id, 'by=staff');
  await notifyUser(ctx.db, grant.grantee_user_id, grant.patient_id, { kind: 'proxy-ended', entityType: 'ProxyGrant', entityId: id });
}

/** The age rules of the admin's organization (else the defaults row). */
export async function getAgeRules(ctx: AppContext, user: User): Promise<ProxyAgeRules> {
  return ageRulesFor(ctx.db, user.organizationId);
}

export async function saveAgeRules(ctx: AppContext, user: User, actor: Actor, rules: ProxyAgeRules): Promise<ProxyAgeRules> {
  const org = user.organizationId ?? 'default';
  await ctx.db.query(
    `INSERT INTO proxy_age_rules (organization_id, own_account_min_age, adolescent_age, adult_age, adolescent_parent_features, updated_at, updated_by)
     VALUES ($1, $2, $3, $4, $5, now(), $6)
     ON CONFLICT (organization_id) DO UPDATE SET own_account_min_age = EXCLUDED.own_account_min_age, adolescent_age = EXCLUDED.adolescent_age,
       adult_age = EXCLUDED.adult_age, adolescent_parent_features = EXCLUDED.adolescent_parent_features, updated_at = now(), updated_by = EXCLUDED.updated_by`,
    [org, rules.ownAccountMinAge, rules.adolescentAge, rules.adultAge, rules.adolescentParentFeatures, user.id],
  );
  await ctx.audit.record({
    actorId: actor.userId, actorRole: actor.role, patientId: null, action: 'update', entityType: 'ProxyAgeRules', entityId: org,
    query: `own=${rules.ownAccountMinAge}&teen=${rules.adolescentAge}&adult=${rules.adultAge}`, outcome: 'success', ip: actor.ip ?? null, requestId: actor.requestId ?? null,
  });
  return getAgeRules(ctx, user);
}
