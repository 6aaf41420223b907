import type { Patient } from '@medplum/fhirtypes';
import type { AppContext } from '../../context.ts';
import type { User } from '../../platform/auth/users.ts';
import { adminsOf, insertAdminAlert, insertBreakGlassGrant } from '../../platform/access/staff-break-glass.ts';
import { isOnCareTeam } from '../../platform/access/staff-care-team.ts';
import { splitReference } from '../../platform/fhir-store/indexer.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';

type Who = { ctx: AppContext; user: User; client: { ip: string; requestId: string } };

/**
 * Break the glass: a staff member outside the patient's care team gets 4 hours of access after
 * giving a reason. The grant (with the reason, encrypted), an alert for the administrators of the
 * staff member's organization and of the patient's managing organization, and an email to each of
 * those administrators are written in one transaction; the audit trail records the event without
 * the reason. The email names the staff member and the time only: no patient, no clinical data.
 */
export async function breakTheGlass({ ctx, user, client }: Who, patientId: string, reason: string): Promise<{ expiresAt: string }> {
  const row = await ctx.store.readRow('Patient', patientId);
  const record = (outcome: 'success' | 'not-found' | 'denied') =>
    ctx.audit.record({ actorId: user.id, actorRole: user.role, patientId, action: 'break-glass', entityType: 'Patient', entityId: patientId, outcome, ip: client.ip, requestId: client.requestId });
  if (!row || row.deleted) {
    await record('not-found');
    throw new AppError('NOT_FOUND', 'We could not find that patient.');
  }
  if (await isOnCareTeam(ctx.store, user, patientId)) {
    await record('denied');
    throw new AppError('VALIDATION', 'This patient is on your care team. You can open the record without emergency access.');
  }
  const managing = (row.resource as Patient).managingOrganization?.reference;
  const patientOrg = managing ? splitReference(managing) : undefined;
  const audiences = [...new Set([user.organizationId, patientOrg?.targetType === 'Organization' ? patientOrg.targetId : user.organizationId])];

  const grant = await ctx.db.transaction(async (tx) => {
    const g = await insertBreakGlassGrant(tx, ctx.keyring, { userId: user.id, patientId, reason });
    const message = `${user.displayName} (${user.role}) used emergency access to open a patient record at ${g.createdAt.toISOString()}. Access ends at ${g.expiresAt.toISOString()}.`;
    for (const organizationId of audiences) {
      await insertAdminAlert(tx, { kind: 'break-glass', organizationId, message, actorId: user.id, patientId, grantId: g.id });
    }
    for (const admin of await adminsOf(tx, audiences)) {
      await enqueueMail(tx, ctx.keyring, breakGlassEmail(ctx.config.publicUrl, admin, user, g.createdAt));
    }
    return g;
  });
  await record('success');
  return { expiresAt: grant.expiresAt.toISOString() };
}

function breakGlassEmail(publicUrl: string, admin: { email: string; locale: 'en' | 'es' }, user: User, at: Date): MailMessage {
  const when = at.toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
  const link = `${publicUrl}/admin/audit`;
  const text = admin.locale === 'es'
    ? `${user.displayName} (${user.email}) usó el acceso de emergencia para abrir el expediente de un paciente que no está en su equipo de atención, el ${when}.\n\nRevise el motivo en OurChart: ${link}\n\n— OurChart`
    : `${user.displayName} (${user.email}) used emergency access to open the record of a patient who is not on their care team, at ${when}.\n\nReview the reason in OurChart: ${link}\n\n— OurChart`;
  return { to: admin.email, subject: admin.locale === 'es' ? 'Acceso de emergencia al expediente de un paciente' : 'Emergency access to a patient record', text };
}
