import type { Claim, Coverage, ExplanationOfBenefit, ExplanationOfBenefitTotal, Money } from '@medplum/fhirtypes';
import { CLINIC_ID, CLINIC_NAME, LOCATIONS, PRACTITIONERS, practitionerDisplay, type LocationKey, type PractitionerKey } from './clinic.ts';
import { CONDITIONS, icd10Of, type ConditionKey } from './conditions.ts';
import { addDays, atTime, daysBetween } from './dates.ts';
import { concept, PROFILES, ref, SYSTEMS, usd, type Code } from './fhir-helpers.ts';
import type { SeedPatient } from './patients.ts';
import type { SeedContext } from './seed-context.ts';

/*
 * How the patient's share is recorded (the portal's "amount due"):
 * each ExplanationOfBenefit carries, in `total`, the CARIN Blue Button adjudication
 * categories `memberliability` (what the patient owes for the claim: copay + coinsurance)
 * and `paidbypatient` (what the patient already paid). The balance due for a claim is
 * memberliability - paidbypatient; see eobPatientBalance(). We chose EOB totals over an
 * Account/Invoice pair because the EOB already exists for every adjudicated claim and the
 * CARIN categories are the ones US payer APIs expose.
 */
export const ADJUDICATION = 'http://terminology.hl7.org/CodeSystem/adjudication';
export const CARIN_ADJUDICATION = 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBAdjudication';

export type BillItem = { cpt: string; display: string; charge: number };

/** An encounter waiting to be billed; labs and vaccines push their items onto it. */
export type BillableVisit = {
  patient: SeedPatient;
  encounterId: string;
  date: string;
  location: LocationKey;
  practitioner: PractitionerKey;
  diagnoses: ConditionKey[];
  items: BillItem[];
};

export type CoverageInfo = { id: string; payorId: string; payorName: string; kind: 'commercial' | 'medicare'; copay: number };

export type CoverageSpec = {
  beneficiary: SeedPatient;
  subscriber: SeedPatient;
  relationship: 'self' | 'child';
  payorId: string;
  payorName: string;
  kind: 'commercial' | 'medicare';
  memberId: string;
  start: string;
  copay: number;
};

/**
 * Adds a US Core Coverage for a patient and returns what billing needs to know about it.
 */
export function addCoverage(ctx: SeedContext, spec: CoverageSpec): CoverageInfo {
  const id = `demo-coverage-${spec.beneficiary.key}`;
  const COPAY_TYPE = 'http://terminology.hl7.org/CodeSystem/coverage-copay-type';
  const type: Code = spec.kind === 'medicare' ? ['https://nahdo.org/sopt', '1', 'MEDICARE'] : ['https://nahdo.org/sopt', '5', 'PRIVATE HEALTH INSURANCE'];
  const classType = (code: string, display: string): Coverage['class'] => [
    { type: concept(['http://terminology.hl7.org/CodeSystem/coverage-class', code, display]), value: spec.kind === 'medicare' ? 'PART-B' : 'RB-EMPLOYEE-4410', name: spec.kind === 'medicare' ? 'Medicare Part B' : 'BluePeak PPO 30' },
  ];
  ctx.add<Coverage>({
    resourceType: 'Coverage', id, meta: { profile: [PROFILES.coverage] },
    identifier: [{ type: concept([SYSTEMS.v2IdType, 'MB', 'Member Number']), system: SYSTEMS.memberId, value: spec.memberId }],
    status: 'active', type: concept(type, spec.kind === 'medicare' ? 'Medicare' : 'Employer health plan (PPO)'),
    subscriber: ref('Patient', spec.subscriber.id, spec.subscriber.display), subscriberId: spec.memberId,
    beneficiary: ref('Patient', spec.beneficiary.id, spec.beneficiary.display),
    relationship: concept(['http://terminology.hl7.org/CodeSystem/subscriber-relationship', spec.relationship, spec.relationship === 'self' ? 'Self' : 'Child']),
    period: { start: spec.start },
    payor: [ref('Organization', spec.payorId, spec.payorName)],
    class: classType(spec.kind === 'medicare' ? 'plan' : 'group', spec.kind === 'medicare' ? 'Plan' : 'Group'),
    // What the member pays, as claims are adjudicated in addClaims: the office-visit copay (commercial
    // plans) and 20% coinsurance of the allowed amount for other services. Estimates read these.
    costToBeneficiary: [
      ...(spec.copay > 0 ? [{ type: concept([COPAY_TYPE, 'gpvisit', 'GP Office Visit']), valueMoney: usd(spec.copay) }] : []),
      { type: concept([COPAY_TYPE, 'copaypct', 'Copay Percentage']), valueQuantity: { value: 20, unit: '%', system: 'http://unitsofmeasure.org', code: '%' } },
    ],
  });
  return { id, payorId: spec.payorId, payorName: spec.payorName, kind: spec.kind, copay: spec.copay };
}

const isOfficeVisit = (cpt: string): boolean => /^992\d\d$/.test(cpt);
const isPreventive = (cpt: string): boolean => /^993[89]\d$/.test(cpt);

type Adjudicated = { item: BillItem; allowed: number; copay: number; coinsurance: number; benefit: number };

function adjudicate(items: BillItem[], coverage: CoverageInfo): Adjudicated[] {
  return items.map((item) => {
    const allowed = Math.round(item.charge * (coverage.kind === 'medicare' ? 0.55 : 0.72) * 100) / 100;
    const copay = coverage.kind === 'commercial' && isOfficeVisit(item.cpt) ? Math.min(coverage.copay, allowed) : 0;
    const coinsurance = isPreventive(item.cpt) || copay > 0 ? 0 : Math.round(allowed * 0.2 * 100) / 100;
    return { item, allowed, copay, coinsurance, benefit: Math.round((allowed - copay - coinsurance) * 100) / 100 };
  });
}

const sum = (values: number[]): number => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100;
const total = (system: string, code: string, display: string, amount: number): ExplanationOfBenefitTotal => ({ category: concept([system, code, display]), amount: usd(amount) });

/** Visits up to unpaidDays x this factor old were paid in part at check-in (CHECK_IN_PAYMENT dollars). */
const PARTLY_PAID_FACTOR = 5;
const CHECK_IN_PAYMENT = 10;

/**
 * Adds a professional Claim for every visit in the last `sinceDays` days of patients with
 * coverage, and an ExplanationOfBenefit once the payer has had ten days to process it.
 * Visits from the last `unpaidDays` days are not yet paid by the patient (a balance due); older
 * ones up to PARTLY_PAID_FACTOR times that were paid in part.
 */
export function addClaims(ctx: SeedContext, coverages: Partial<Record<string, CoverageInfo>>, sinceDays: number, unpaidDays: number): void {
  for (const visit of ctx.visits) {
    const coverage = coverages[visit.patient.key];
    const age = daysBetween(visit.date, ctx.anchor);
    if (!coverage || age > sinceDays || age < 1 || visit.items.length === 0) continue;
    const patientRef = ref('Patient', visit.patient.id, visit.patient.display);
    const providerRef = ref('Organization', CLINIC_ID, CLINIC_NAME);
    const careTeam = [{ sequence: 1, provider: ref('Practitioner', PRACTITIONERS[visit.practitioner].id, practitionerDisplay(visit.practitioner)), role: concept(['http://terminology.hl7.org/CodeSystem/claimcareteamrole', 'primary', 'Primary provider']) }];
    const diagnosis = visit.diagnoses.map((d, i) => ({ sequence: i + 1, diagnosisCodeableConcept: concept(icd10Of(d), CONDITIONS[d].text) }));
    const items = visit.items.map((item, i) => ({
      sequence: i + 1, careTeamSequence: [1], diagnosisSequence: diagnosis.length ? [1] : undefined,
      productOrService: concept([SYSTEMS.cpt, item.cpt, item.display]), servicedDate: visit.date,
      locationReference: ref('Location', LOCATIONS[visit.location].id, LOCATIONS[visit.location].name),
      quantity: { value: 1 }, unitPrice: usd(item.charge), net: usd(item.charge),
      encounter: [ref('Encounter', visit.encounterId)],
    }));
    for (const item of items) if (!item.diagnosisSequence) delete item.diagnosisSequence;
    const claimId = visit.encounterId.replace('-enc-', '-claim-');
    const submitted = sum(visit.items.map((i) => i.charge));
    const insurance = [{ sequence: 1, focal: true, coverage: ref('Coverage', coverage.id) }];
    ctx.add<Claim>({
      resourceType: 'Claim', id: claimId,
      identifier: [{ system: SYSTEMS.claimId, value: claimId.replace('demo-', '').toUpperCase() }],
      status: 'active', type: concept(['http://terminology.hl7.org/CodeSystem/claim-type', 'professional', 'Professional']),
      use: 'claim', patient: patientRef, billablePeriod: { start: visit.date, end: visit.date },
      created: atTime(addDays(visit.date, 1), 9 * 60), provider: providerRef,
      insurer: ref('Organization', coverage.payorId, coverage.payorName),
      priority: concept(['http://terminology.hl7.org/CodeSystem/processpriority', 'normal', 'Normal']),
      careTeam, ...(diagnosis.length ? { diagnosis } : {}), insurance, item: items, total: usd(submitted),
    });
    const processed = addDays(visit.date, 10);
    if (processed >= ctx.anchor) continue;
    const adj = adjudicate(visit.items, coverage);
    const liability = sum(adj.map((a) => a.copay + a.coinsurance));
    // Recent visits are unpaid; the ones before that got a $10 payment at check-in and still owe
    // the rest (so the demo shows a statement with partly paid visits); older ones are paid in full.
    const paidByPatient = age <= unpaidDays ? 0 : age <= unpaidDays * PARTLY_PAID_FACTOR ? Math.min(liability, CHECK_IN_PAYMENT) : liability;
    const money = (a: number): Money => usd(a);
    ctx.add<ExplanationOfBenefit>({
      resourceType: 'ExplanationOfBenefit', id: claimId.replace('-claim-', '-eob-'),
      status: 'active', type: concept(['http://terminology.hl7.org/CodeSystem/claim-type', 'professional', 'Professional']),
      use: 'claim', patient: patientRef, billablePeriod: { start: visit.date, end: visit.date },
      created: atTime(processed, 14 * 60), insurer: ref('Organization', coverage.payorId, coverage.payorName),
      provider: providerRef, claim: ref('Claim', claimId), outcome: 'complete', disposition: 'Claim processed and paid',
      careTeam, ...(diagnosis.length ? { diagnosis } : {}),
      insurance: [{ focal: true, coverage: ref('Coverage', coverage.id) }],
      item: adj.map((a, i) => ({
        sequence: i + 1, productOrService: concept([SYSTEMS.cpt, a.item.cpt, a.item.display]), servicedDate: visit.date, net: money(a.item.charge),
        adjudication: [
          { category: concept([ADJUDICATION, 'submitted', 'Submitted Amount']), amount: money(a.item.charge) },
          { category: concept([ADJUDICATION, 'eligible', 'Eligible Amount']), amount: money(a.allowed) },
          { category: concept([ADJUDICATION, 'copay', 'CoPay']), amount: money(a.copay) },
          { category: concept([CARIN_ADJUDICATION, 'coinsurance', 'Co-insurance']), amount: money(a.coinsurance) },
          { category: concept([ADJUDICATION, 'benefit', 'Benefit Amount']), amount: money(a.benefit) },
          { category: concept([CARIN_ADJUDICATION, 'memberliability', 'Member liability']), amount: money(a.copay + a.coinsurance) },
        ],
      })),
      total: [
        total(ADJUDICATION, 'submitted', 'Submitted Amount', submitted),
        total(ADJUDICATION, 'eligible', 'Eligible Amount', sum(adj.map((a) => a.allowed))),
        total(ADJUDICATION, 'benefit', 'Benefit Amount', sum(adj.map((a) => a.benefit))),
        total(ADJUDICATION, 'copay', 'CoPay', sum(adj.map((a) => a.copay))),
        total(CARIN_ADJUDICATION, 'coinsurance', 'Co-insurance', sum(adj.map((a) => a.coinsurance))),
        total(CARIN_ADJUDICATION, 'memberliability', 'Member liability', liability),
        total(CARIN_ADJUDICATION, 'paidbypatient', 'Paid by patient', paidByPatient),
      ],
      payment: {
        type: concept(['http://terminology.hl7.org/CodeSystem/ex-paymenttype', 'complete', 'Complete']),
        date: processed, amount: usd(sum(adj.map((a) => a.benefit))),
      },
    });
  }
}

/**
 * What the patient still owes on one EOB: memberliability - paidbypatient (never negative).
 */
export function eobPatientBalance(eob: ExplanationOfBenefit): number {
  const amount = (code: string): number =>
    eob.total?.find((t) => t.category.coding?.some((c) => c.system === CARIN_ADJUDICATION && c.code === code))?.amount.value ?? 0;
  return Math.max(0, Math.round((amount('memberliability') - amount('paidbypatient')) * 100) / 100);
}
