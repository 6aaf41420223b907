import { randomInt } from 'node:crypto';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import type { AppContext } from '../../context.ts';
import { revokeTokens, storeToken } from '../../platform/auth/one-time-tokens.ts';
import { AppError } from '../../platform/http/errors.ts';
import { assertOldEnoughForOwnAccount } from '../../platform/access/proxy-grants.ts';
import { patientAccountExists, tokenExpiry } from './enrollment.queries.ts';

/** No 0/O or 1/I: codes are read aloud and typed from paper. 32 symbols × 12 = 60 bits. */
export const ACTIVATION_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
const ACTIVATION_DAYS = 30;

/** A new code, shown as XXXX-XXXX-XXXX. */
export function newActivationCode(): string {
  const chars = Array.from({ length: 12 }, () => ACTIVATION_ALPHABET[randomInt(ACTIVATION_ALPHABET.length)]);
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/**
 * Issues the one-time code a patient uses to create their account (valid 30 days). Any earlier
 * unused code for the patient stops working. Refused when the patient already has an account.
 * Only its digest is stored (of the code without dashes, upper-case, as activation compares it).
 */
export async function issueActivationCode({ ctx, access }: { ctx: AppContext; access: PatientAccess }): Promise<{ code: string; expiresAt: string }> {
  const patientId = access.patientId;
  await assertOldEnoughForOwnAccount(ctx.db, patientId);
  const code = newActivationCode();
  const result = await ctx.db.transaction(async (tx) => {
    if (await patientAccountExists(tx, patientId)) return null;
    await revokeTokens(tx, 'activation', { patientId });
    const id = await storeToken(tx, { kind: 'activation', secret: code.replaceAll('-', '').toUpperCase(), minutes: ACTIVATION_DAYS * 24 * 60, patientId, createdBy: access.actor.userId });
    return tokenExpiry(tx, id);
  });
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId, action: 'activation-code', entityType: 'Patient', entityId: patientId,
    outcome: result ? 'success' : 'denied', ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
  if (!result) throw new AppError('VALIDATION', 'This patient already has an OurChart account. They can reset their password from the sign-in page.');
  return { code, expiresAt: result.toISOString() };
}
