import type { Claim, Coverage, ExplanationOfBenefit, Patient } from '@medplum/fhirtypes';
import type { StatementItem, StatementVisit } from '@ourchart/contracts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { addDays, toCents, toDollars, type VisitBalance } from './billing-math.ts';

/*
 * Statements from the record. Each ExplanationOfBenefit is one visit the payer processed; its
 * adjudication amounts give, per line, the submitted charge, what insurance paid (benefit), the
 * clinic's adjustment (submitted - eligible) and the patient's share (CARIN memberliability). The
 * EOB total `paidbypatient` is what the patient paid before the portal (at check-in). A Claim
 * without an EOB yet is "pending insurance": its charges show, nobody owes anything yet.
 */

type Adjudicated = { adjudication?: { category: { coding?: { code?: string }[] }; amount?: { value?: number } }[] };

/** The amount of one adjudication category (by code: submitted, eligible, benefit, memberliability, paidbypatient...). */
function amountOf(list: Adjudicated['adjudication'], code: string): number {
  return list?.find((a) => a.category.coding?.some((c) => c.code === code))?.amount?.value ?? 0;
}

const totalOf = (eob: ExplanationOfBenefit, code: string) =>
  eob.total?.find((t) => t.category.coding?.some((c) => c.code === code))?.amount?.value ?? 0;

/**
 * What the patient still owes on one EOB before portal payments: memberliability - paidbypatient,
 * never negative. The demo seed (seed/billing.ts) uses the same rule.
 */
export function eobPatientBalance(eob: ExplanationOfBenefit): number {
  return toDollars(Math.max(0, toCents(totalOf(eob, 'memberliability')) - toCents(totalOf(eob, 'paidbypatient'))));
}

const serviceText = (c: { text?: string; coding?: { display?: string }[] } | undefined) => c?.text ?? c?.coding?.[0]?.display ?? 'Service';
const serviceCode = (c: { coding?: { code?: string }[] } | undefined) => c?.coding?.[0]?.code ?? null;
const day = (s: string | undefined) => (s ?? '').slice(0, 10);

/** The date of service of a claim or EOB. */
const serviceDate = (r: Claim | ExplanationOfBenefit) => day(r.billablePeriod?.start ?? r.item?.[0]?.servicedDate ?? r.created);

function claimLocation(claim: Claim | undefined): string | null {
  return claim?.item?.find((i) => i.locationReference?.display)?.locationReference?.display ?? null;
}

const clinicianOf = (r: Claim | ExplanationOfBenefit) => r.careTeam?.[0]?.provider?.display ?? null;

/** A visit before portal payments: what it owes and what was paid at the clinic. */
export type VisitBase = Omit<StatementVisit, 'paid' | 'financialHelp' | 'balance' | 'status'> & { paidBefore: number; pending: boolean };

/** One EOB as a statement visit (location from its Claim when there is one). */
export function eobVisit(eob: ExplanationOfBenefit, claim: Claim | undefined): VisitBase {
  const items: StatementItem[] = (eob.item ?? []).map((item) => {
    const charge = amountOf(item.adjudication, 'submitted') || item.net?.value || 0;
    const eligible = amountOf(item.adjudication, 'eligible');
    return {
      description: serviceText(item.productOrService), code: serviceCode(item.productOrService), charge,
      insurancePaid: amountOf(item.adjudication, 'benefit'),
      adjustment: eligible ? toDollars(toCents(charge) - toCents(eligible)) : 0,
      youOwe: amountOf(item.adjudication, 'memberliability'),
    };
  });
  const youOwe = totalOf(eob, 'memberliability');
  return {
    id: eob.id!, date: serviceDate(eob), clinician: clinicianOf(eob) ?? (claim ? clinicianOf(claim) : null), location: claimLocation(claim),
    items, totals: sumItems(items), youOwe,
    paidBefore: toDollars(Math.min(toCents(totalOf(eob, 'paidbypatient')), toCents(youOwe))),
    dueDate: addDays(day(eob.created) || serviceDate(eob), 30), pending: false,
  };
}

/** A claim the payer has not answered yet: charges only. */
export function pendingClaimVisit(claim: Claim): VisitBase {
  const items: StatementItem[] = (claim.item ?? []).map((item) => ({
    description: serviceText(item.productOrService), code: serviceCode(item.productOrService),
    charge: item.net?.value ?? item.unitPrice?.value ?? 0, insurancePaid: 0, adjustment: 0, youOwe: 0,
  }));
  return {
    id: claim.id!, date: serviceDate(claim), clinician: clinicianOf(claim), location: claimLocation(claim),
    items, totals: sumItems(items), youOwe: 0, paidBefore: 0, dueDate: null, pending: true,
  };
}

function sumItems(items: StatementItem[]): StatementVisit['totals'] {
  const sum = (pick: (i: StatementItem) => number) => toDollars(items.reduce((a, i) => a + toCents(pick(i)), 0));
  return { charge: sum((i) => i.charge), insurancePaid: sum((i) => i.insurancePaid), adjustment: sum((i) => i.adjustment), youOwe: sum((i) => i.youOwe) };
}

/**
 * Adds portal payments (allocated cents per EOB id) and financial help (adjusted cents per EOB id)
 * to the visits: paid, financialHelp, balance and status. Newest visit first.
 */
export function withPayments(visits: VisitBase[], allocatedCents: ReadonlyMap<string, number>, adjustedCents: ReadonlyMap<string, number> = new Map()): StatementVisit[] {
  return visits
    .map(({ paidBefore, pending, ...v }) => {
      const paidCents = toCents(paidBefore) + (allocatedCents.get(v.id) ?? 0);
      const helpCents = adjustedCents.get(v.id) ?? 0;
      const balanceCents = Math.max(0, toCents(v.youOwe) - paidCents - helpCents);
      const status: StatementVisit['status'] = pending ? 'pending-insurance' : balanceCents > 0 ? 'due' : 'paid';
      return { ...v, paid: toDollars(paidCents), financialHelp: toDollars(helpCents), balance: toDollars(balanceCents), status };
    })
    .sort((a, b) => b.date.localeCompare(a.date) || b.id.localeCompare(a.id));
}

/** What each visit owes before portal payments (for allocation). */
export const balancesBefore = (visits: VisitBase[]): VisitBalance[] =>
  visits.filter((v) => !v.pending).map((v) => ({ id: v.id, date: v.date, balanceCents: Math.max(0, toCents(v.youOwe) - toCents(v.paidBefore)) }));

export type RecordBilling = { patientName: string; guarantor: { name: string; relationship: string }; clinic: { id: string | null; name: string }; visits: VisitBase[] };

const LISTED = '500';

/**
 * Reads what billing needs from the record, through PatientAccess (audited; a proxy without the
 * billing scope never gets here): the patient, their coverage (who is the guarantor), every EOB
 * and every Claim (claims with an EOB are shown through the EOB).
 */
export async function readRecordBilling(access: PatientAccess): Promise<RecordBilling> {
  const [patient, eobs, claims, coverages] = await Promise.all([
    access.readPatient(),
    access.search<ExplanationOfBenefit>('ExplanationOfBenefit', [['_count', LISTED]]),
    access.search<Claim>('Claim', [['_count', LISTED]]),
    access.search<Coverage>('Coverage', [['_count', '20']]),
  ]);
  const claimById = new Map(claims.resources.map((c) => [c.id!, c]));
  const adjudicated = new Set<string>();
  const visits: VisitBase[] = [];
  for (const eob of eobs.resources) {
    if (eob.status === 'entered-in-error' || eob.status === 'cancelled') continue;
    const claimId = eob.claim?.reference?.split('/').pop();
    if (claimId) adjudicated.add(claimId);
    visits.push(eobVisit(eob, claimId ? claimById.get(claimId) : undefined));
  }
  for (const claim of claims.resources) {
    if (!adjudicated.has(claim.id!) && claim.status === 'active') visits.push(pendingClaimVisit(claim));
  }
  const org = patient.managingOrganization;
  const clinic = { id: org?.reference?.startsWith('Organization/') ? org.reference.slice('Organization/'.length) : null, name: org?.display ?? 'OurChart' };
  return { patientName: patientDisplayName(patient), guarantor: guarantorOf(coverages.resources, patient), clinic, visits };
}

/**
 * The subscriber of the patient's own active coverage, else the patient ("self"). Only coverages
 * whose beneficiary is this patient count: a parent's compartment also holds the children's plans.
 */
function guarantorOf(coverages: Coverage[], patient: Patient): RecordBilling['guarantor'] {
  const active = coverages.find((c) => c.status === 'active' && c.beneficiary?.reference === `Patient/${patient.id}`);
  const relationship = active?.relationship?.coding?.[0]?.code ?? 'self';
  if (active?.subscriber?.display && relationship !== 'self') return { name: active.subscriber.display, relationship };
  return { name: patientDisplayName(patient), relationship: 'self' };
}
