import { randomUUID } from 'node:crypto';
import type { Coverage } from '@medplum/fhirtypes';
import { InsuranceUpdateInput, type InsuranceOverview, type InsuranceUpdate } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import type { Keyring } from '../../platform/crypto/keyring.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { CardForm } from './card-photos.ts';
import { seal, unseal } from './card-photos.ts';
import { currentCoverage, ownCoverages, toCoverageView } from './coverage-resource.ts';
import { insertUpdate, updatesOfPatient, type UpdateRow } from './insurance.queries.ts';

type Deps = { ctx: AppContext; access: PatientAccess };

const LISTED = 10;
export const ALREADY_PENDING = 'You already sent an insurance update. We will tell you when the clinic has reviewed it.';

export const today = () => new Date().toISOString().slice(0, 10);

/** The patient's coverages through PatientAccess (proxies need the billing scope: Coverage is a billing type). */
export async function coveragesOf(access: PatientAccess): Promise<Coverage[]> {
  const found = await access.search<Coverage>('Coverage', [['_count', '50']]);
  return ownCoverages(found.resources, access.patientId);
}

/** An update row as its patient (or staff) reads it: details and reason decrypted. */
export function toInsuranceUpdate(keyring: Keyring, row: UpdateRow): InsuranceUpdate {
  const details = InsuranceUpdateInput.parse(JSON.parse(unseal.details(keyring, row.id, row.detailsEnc)));
  return {
    id: row.id, state: row.state, ...details,
    submittedAt: row.createdAt.toISOString(), decidedAt: row.decidedAt?.toISOString() ?? null,
    reason: row.reasonEnc ? unseal.reason(keyring, row.id, row.reasonEnc) : null,
  };
}

/** What the insurance page shows: coverages (the one in effect first) and recent updates with their answers. */
export async function insuranceOverview({ ctx, access }: Deps): Promise<InsuranceOverview> {
  await access.require('billing');
  const day = today();
  const coverages = (await coveragesOf(access)).map((c) => toCoverageView(c, day)).sort((a, b) => Number(b.current) - Number(a.current));
  const updates = (await updatesOfPatient(ctx.db, access.patientId, LISTED)).map((r) => toInsuranceUpdate(ctx.keyring, r));
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action: 'read', entityType: 'InsuranceUpdate', entityId: updates.map((u) => u.id).join(',') || null,
    query: 'part=insurance-updates', outcome: 'success', ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
  return { coverages, updates };
}

/**
 * The patient (or a proxy with the billing scope) sends new card details with photos of both sides.
 * Nothing in the record changes yet: the update waits for staff review. One pending update per
 * patient (409 for a second). Details and photos are encrypted in one row, in one statement.
 */
export async function submitInsuranceUpdate({ ctx, access }: Deps, form: CardForm): Promise<InsuranceUpdate> {
  await access.require('billing');
  const input = InsuranceUpdateInput.parse(form.fields);
  const current = currentCoverage(await coveragesOf(access), access.patientId, today());
  const id = randomUUID();
  const k = ctx.keyring;
  const inserted = await insertUpdate(ctx.db, {
    id, patientId: access.patientId, coverageId: current?.id ?? null, detailsEnc: seal.details(k, id, JSON.stringify(input)),
    frontType: form.front.contentType, frontEnc: seal.photo(k, id, 'front', form.front.bytes),
    backType: form.back.contentType, backEnc: seal.photo(k, id, 'back', form.back.bytes), submittedBy: access.actor.userId,
  });
  if (!inserted) throw new AppError('VERSION_CONFLICT', ALREADY_PENDING);
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action: 'create', entityType: 'InsuranceUpdate', entityId: id,
    query: current ? `replaces=Coverage/${current.id}` : null, outcome: 'success', ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
  const [row] = (await updatesOfPatient(ctx.db, access.patientId, 1));
  return toInsuranceUpdate(k, row!);
}
