import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { accessForUser } from '../../platform/access/resolve.ts';
import { SmartScopeFilter } from '../../platform/access/smart-scopes.ts';
import { getUser } from '../../platform/auth/users.ts';
import { AppError } from '../../platform/http/errors.ts';
import { verifyBearer, type AppGrant } from '../smart/bearer.ts';

export type FhirCaller = { grant: AppGrant; access: PatientAccess };

/**
 * The PatientAccess of an app calling the FHIR API: the SMART access token names the user, the
 * patient and the scopes. The patient must still be reachable by the same rule as in the portal
 * (the user themself, or an active proxy grant with features at the patient's age), so revoking a
 * proxy grant cuts off the apps that proxy connected too. Every audit event names the app.
 */
export async function fhirCaller(ctx: AppContext, request: FastifyRequest): Promise<FhirCaller> {
  const header = request.headers.authorization;
  if (!header) throw new AppError('UNAUTHENTICATED', 'This request needs an access token: send "Authorization: Bearer <token>" (see /fhir/R4/.well-known/smart-configuration).');
  const grant = await verifyBearer(ctx, header);
  if (!grant) throw new AppError('UNAUTHENTICATED', 'The access token is not valid: it is malformed, expired or was revoked. Get a new one.');
  const user = await getUser(ctx.db, grant.userId);
  if (!user || user.disabled) throw new AppError('UNAUTHENTICATED', 'The account that authorized this app is closed. Authorize the app again.');
  const actor = { userId: user.id, role: user.role, ip: request.ip, requestId: request.id, app: grant.clientId };
  try {
    const access = await accessForUser(ctx, { user, actor, patientId: grant.patientId, filter: new SmartScopeFilter(grant.scope) });
    return { grant, access };
  } catch (err) {
    // The grant that let this user act for the patient has ended (revoked, expired, age rules): the token is void.
    if (err instanceof AppError && err.code === 'NOT_FOUND') {
      throw new AppError('UNAUTHENTICATED', 'Access to this patient\'s record has ended, so this token no longer works. Authorize the app again.');
    }
    throw err;
  }
}
