import { randomUUID } from 'node:crypto';
import type { Address, AllergyIntolerance, Appointment, ContactPoint, Coverage, Location, MedicationRequest, Patient, Practitioner, QuestionnaireResponse } from '@medplum/fhirtypes';
import type { DemographicsInput, EcheckinView, EcheckinWindow, InsuranceInput, MedicationReviewInput, PostalAddress } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { conceptText, formatName, patientDisplayName } from '../../platform/fhir-store/display.ts';
import { writeResources } from '../../platform/fhir-store/write.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { Language } from '../questionnaires/localize.ts';
import { translated } from '../questionnaires/localize.ts';
import { statusesInContext } from '../questionnaires/questionnaires.queries.ts';
import { QUESTIONNAIRE_BASE } from '../questionnaires/instruments.ts';
import { clinicTimeZone, findAppointmentRow, findCheckinVisitType, markEcheckinCompleted, type CheckinAppointment } from './appointment.queries.ts';
import { findProgress, saveStep } from './progress.queries.ts';

type Deps = { ctx: AppContext; access: PatientAccess };

/** eCheck-in opens this long before the visit and closes when it starts. */
export const OPENS_BEFORE_MS = 3 * 86_400_000;
export const MEDICATION_REVIEW = `${QUESTIONNAIRE_BASE}/echeckin-medication-review`;

const NOT_FOUND = 'We could not find that appointment.';

export function windowFor(row: Pick<CheckinAppointment, 'startsAt' | 'status'>, now = new Date()): EcheckinWindow {
  const opensAt = new Date(row.startsAt.getTime() - OPENS_BEFORE_MS);
  const base = { opensAt: opensAt.toISOString(), closesAt: row.startsAt.toISOString() };
  if (row.status === 'cancelled' || row.status === 'noshow') return { state: 'cancelled', ...base };
  if (now < opensAt) return { state: 'not-yet', ...base };
  if (now >= row.startsAt || row.status === 'fulfilled') return { state: 'closed', ...base };
  return { state: 'open', ...base };
}

/** The patient's own appointment (FHIR Appointment through PatientAccess + the scheduling row); 404 otherwise. */
export type OwnAppointment = { resource: Appointment; row: CheckinAppointment };

export async function findOwnAppointment({ ctx, access }: Deps, id: string): Promise<OwnAppointment> {
  const resource = await access.read<Appointment>('Appointment', id);
  const row = await findAppointmentRow(ctx.db, id);
  if (!row || row.patientId !== access.patientId) throw new AppError('NOT_FOUND', NOT_FOUND);
  return { resource, row };
}

function assertOpen(row: CheckinAppointment) {
  const w = windowFor(row);
  if (w.state === 'open') return;
  const detail = {
    'not-yet': 'eCheck-in opens 3 days before your visit. Please come back then.',
    closed: 'eCheck-in has closed because your visit has started. Please check in at the front desk.',
    cancelled: 'This visit was cancelled, so there is nothing to check in for.',
  }[w.state];
  throw new AppError('ECHECKIN_CLOSED', detail);
}

const phoneOf = (p: Patient) => p.telecom?.find((t) => t.system === 'phone' && (t.use === 'mobile' || t.use === 'home'))?.value ?? p.telecom?.find((t) => t.system === 'phone')?.value ?? null;
const emailOf = (p: Patient) => p.telecom?.find((t) => t.system === 'email')?.value ?? null;
const homeAddress = (p: Patient) => p.address?.find((a) => a.use === 'home') ?? p.address?.[0];

function toPostal(a: Address | undefined): PostalAddress | null {
  if (!a?.line?.length || !a.city || !a.state || !a.postalCode) return null;
  return { line: a.line.join(', '), city: a.city, state: a.state, postalCode: a.postalCode };
}

const medicationName = (m: MedicationRequest) => conceptText(m.medicationCodeableConcept) ?? m.medicationReference?.display ?? 'Medicine';

async function currentLists(access: PatientAccess) {
  const [meds, allergies] = await Promise.all([
    access.search<MedicationRequest>('MedicationRequest', [['status', 'active'], ['_count', '200']]),
    access.search<AllergyIntolerance>('AllergyIntolerance', [['clinical-status', 'active'], ['_count', '200']]),
  ]);
  return {
    medications: meds.resources.map((m) => ({ reference: `MedicationRequest/${m.id}`, name: medicationName(m) })),
    allergies: allergies.resources.map((a) => ({ reference: `AllergyIntolerance/${a.id}`, name: conceptText(a.code) ?? 'Allergy' })),
  };
}

/** What the patient said last time about each medicine and allergy (the review QuestionnaireResponse). */
async function reviewAnswers(access: PatientAccess, reviewId: string | null): Promise<Map<string, boolean>> {
  if (!reviewId) return new Map();
  const qr = await access.read<QuestionnaireResponse>('QuestionnaireResponse', reviewId);
  return new Map((qr.item ?? []).map((i) => [i.linkId, i.answer?.[0]?.valueBoolean ?? false]));
}

/**
 * Everything the eCheck-in page shows for one appointment of the patient in context. The record
 * parts (demographics, insurance, medicines, allergies) are read only while eCheck-in is open.
 */
export async function getCheckin(deps: Deps, { resource, row }: OwnAppointment, language: Language): Promise<EcheckinView> {
  const { ctx, access } = deps;
  const id = row.id;
  const [visitType, timeZone, progress] = await Promise.all([findCheckinVisitType(ctx.db, row.visitTypeId), clinicTimeZone(ctx.db), findProgress(ctx.db, id)]);
  const window = windowFor(row);
  const actor = (type: string) => resource.participant?.find((p) => p.actor?.reference?.startsWith(`${type}/`))?.actor;
  const practitioner = await access.read<Practitioner>('Practitioner', row.practitionerId).then((p) => formatName(p.name), () => actor('Practitioner')?.display ?? null);
  const location = await access.read<Location>('Location', row.locationId).then((l) => l.name ?? null, () => actor('Location')?.display ?? null);
  const view: EcheckinView = {
    appointment: {
      id, startsAt: row.startsAt.toISOString(), endsAt: row.endsAt.toISOString(), timeZone,
      visitType: (language === 'es' ? visitType?.nameEs : visitType?.nameEn) ?? row.visitTypeId, practitioner, location,
    },
    window, done: progress.done, completedAt: progress.completedAt?.toISOString() ?? null,
    demographics: null, coverages: [], insuranceChanged: progress.insuranceChanged, medications: [], allergies: [], questionnaires: [],
    bring: (language === 'es' ? visitType?.bringEs : visitType?.bringEn) ?? '',
  };
  if (window.state !== 'open') return view;

  const [patient, coverages, lists, reviewed, statuses] = await Promise.all([
    access.readPatient(),
    access.search<Coverage>('Coverage', [['status', 'active'], ['_count', '20']]),
    currentLists(access),
    reviewAnswers(access, progress.medicationReviewId),
    statusesInContext(ctx.db, access.patientId, id),
  ]);
  view.demographics = {
    name: patientDisplayName(patient), address: toPostal(homeAddress(patient)), phone: phoneOf(patient), email: emailOf(patient),
    language: conceptText(patient.communication?.find((c) => c.preferred)?.language ?? patient.communication?.[0]?.language) ?? null,
  };
  view.coverages = coverages.resources.map((c) => ({
    id: c.id!, payor: c.payor?.[0]?.display ?? 'Insurance', memberId: c.subscriberId ?? null,
    plan: c.class?.find((k) => k.type?.coding?.some((x) => x.code === 'plan'))?.name ?? c.class?.[0]?.name ?? null,
  }));
  view.medications = lists.medications.map((m) => ({ ...m, taking: reviewed.get(m.reference) ?? null }));
  view.allergies = lists.allergies.map((a) => ({ ...a, taking: reviewed.get(a.reference) ?? null }));
  for (const qid of visitType?.questionnaireIds ?? []) {
    const q = await ctx.store.readRow('Questionnaire', qid);
    if (!q || q.deleted) continue;
    const content = q.resource as { title?: string; _title?: Parameters<typeof translated>[1] };
    const status = statuses.get(qid);
    view.questionnaires.push({ id: qid, title: translated(content.title, content._title, language) ?? qid, status: status === 'completed' ? 'completed' : status === 'in-progress' ? 'in-progress' : 'not-started' });
  }
  return view;
}

async function audit(ctx: AppContext, access: PatientAccess, entityType: string, entityId: string, query: string) {
  await ctx.audit.record({
    actorId: access.actor.userId, actorRole: access.actor.role, patientId: access.patientId, action: 'update', entityType, entityId,
    query, outcome: 'success', ip: access.actor.ip ?? null, requestId: access.actor.requestId ?? null,
  });
}

/**
 * Step 1: the patient confirms their details, optionally correcting phone and home address. A
 * correction is a new version of the Patient resource (written with the step, in one transaction).
 */
export async function confirmDemographics(deps: Deps, { row }: OwnAppointment, input: DemographicsInput): Promise<void> {
  const { ctx, access } = deps;
  const id = row.id;
  assertOpen(row);
  const patient = await access.readPatient();
  let next: Patient | null = null;
  if (input.phone && input.phone !== phoneOf(patient)) {
    const others = (patient.telecom ?? []).filter((t) => t.system !== 'phone');
    const phone: ContactPoint = { system: 'phone', value: input.phone, use: 'mobile' };
    next = { ...patient, telecom: [phone, ...others, ...(patient.telecom ?? []).filter((t) => t.system === 'phone' && t.value !== phoneOf(patient))] };
  }
  if (input.address) {
    const current = toPostal(homeAddress(patient));
    const a = input.address;
    if (!current || current.line !== a.line || current.city !== a.city || current.state.toUpperCase() !== a.state.toUpperCase() || current.postalCode !== a.postalCode) {
      const base = next ?? patient;
      const old = (base.address ?? []).filter((x) => x !== homeAddress(patient));
      next = { ...base, address: [{ use: 'home', type: 'both', line: [a.line], city: a.city, state: a.state.toUpperCase(), postalCode: a.postalCode, country: 'US' }, ...old] };
    }
  }
  await ctx.db.transaction(async (tx) => {
    if (next) await writeResources(tx, [{ kind: 'put', resource: next, ifMatch: Number(patient.meta?.versionId) }], ctx.keyring);
    await saveStep(tx, id, access.patientId, access.actor.userId, { step: 'demographics' });
  });
  if (next) await audit(ctx, access, 'Patient', access.patientId, `echeckin=${id}&changed=${[input.phone ? 'phone' : '', input.address ? 'address' : ''].filter(Boolean).join(',')}`);
}

/** Step 2: insurance confirmed, or "my insurance changed" with a note for the front desk (encrypted at rest). */
export async function confirmInsurance(deps: Deps, { row }: OwnAppointment, input: InsuranceInput): Promise<void> {
  const { ctx, access } = deps;
  const id = row.id;
  assertOpen(row);
  const noteEnc = input.changed && input.note ? ctx.keyring.encrypt(input.note, `echeckin_progress:${id}`) : null;
  await ctx.db.transaction((tx) => saveStep(tx, id, access.patientId, access.actor.userId, { step: 'insurance', changed: input.changed, noteEnc }));
}

/**
 * Step 3: each current medicine and allergy marked still current or not, recorded as a
 * QuestionnaireResponse (one per appointment, updated if answered again). Every listed item needs an answer.
 */
export async function reviewMedications(deps: Deps, { row }: OwnAppointment, input: MedicationReviewInput): Promise<void> {
  const { ctx, access } = deps;
  const id = row.id;
  assertOpen(row);
  const progress = await findProgress(ctx.db, id);
  const lists = await currentLists(access);
  const all = [...lists.medications, ...lists.allergies];
  const given = new Map(input.items.map((i) => [i.reference, i.taking]));
  const missing = all.filter((i) => !given.has(i.reference));
  const unknown = input.items.filter((i) => !all.some((a) => a.reference === i.reference));
  if (missing.length || unknown.length) {
    throw new AppError('VALIDATION', 'Say for each medicine and allergy whether it is still current.', {
      errors: [...missing.map((m) => ({ path: m.reference, message: 'Say whether this is still current.' })), ...unknown.map((u) => ({ path: u.reference, message: 'This item is not in your current list.' }))],
    });
  }
  const reviewId = progress.medicationReviewId ?? randomUUID();
  const qr: QuestionnaireResponse = {
    resourceType: 'QuestionnaireResponse', id: reviewId, questionnaire: MEDICATION_REVIEW, status: 'completed',
    extension: [{ url: 'https://ourchart.example/fhir/StructureDefinition/questionnaire-response-appointment', valueReference: { reference: `Appointment/${id}` } }],
    subject: { reference: `Patient/${access.patientId}` }, source: { reference: `Patient/${access.patientId}` }, authored: new Date().toISOString(),
    item: all.map((i) => ({ linkId: i.reference, text: i.name, answer: [{ valueBoolean: given.get(i.reference)! }] })),
  };
  await ctx.db.transaction(async (tx) => {
    await writeResources(tx, [{ kind: 'put', resource: qr }], ctx.keyring);
    await saveStep(tx, id, access.patientId, access.actor.userId, { step: 'medications', reviewId });
  });
  await audit(ctx, access, 'QuestionnaireResponse', reviewId, `echeckin=${id}&part=medication-review`);
}

/** Step 4: every questionnaire of the visit type finished for this appointment. */
export async function confirmQuestionnaires(deps: Deps, { row }: OwnAppointment): Promise<void> {
  const { ctx, access } = deps;
  const id = row.id;
  assertOpen(row);
  const visitType = await findCheckinVisitType(ctx.db, row.visitTypeId);
  const statuses = await statusesInContext(ctx.db, access.patientId, id);
  const open = (visitType?.questionnaireIds ?? []).filter((q) => statuses.get(q) !== 'completed');
  if (open.length) {
    throw new AppError('VALIDATION', 'Finish each questionnaire before you go on.', { errors: open.map((q) => ({ path: q, message: 'Finish this questionnaire.' })) });
  }
  await ctx.db.transaction((tx) => saveStep(tx, id, access.patientId, access.actor.userId, { step: 'questionnaires' }));
}

/** Done: every step finished; the appointment is marked checked in online (staff day view shows it). */
export async function completeCheckin(deps: Deps, { row }: OwnAppointment): Promise<void> {
  const { ctx, access } = deps;
  const id = row.id;
  assertOpen(row);
  const progress = await findProgress(ctx.db, id);
  const missing = (['demographics', 'insurance', 'medications', 'questionnaires'] as const).filter((s) => !progress.done.includes(s));
  if (missing.length) throw new AppError('VALIDATION', 'Finish every step before you complete eCheck-in.', { errors: missing.map((s) => ({ path: s, message: 'Finish this step.' })) });
  await ctx.db.transaction(async (tx) => {
    await saveStep(tx, id, access.patientId, access.actor.userId, { step: 'complete' });
    await markEcheckinCompleted(tx, id);
  });
  await audit(ctx, access, 'Appointment', id, 'echeckin=completed');
}
