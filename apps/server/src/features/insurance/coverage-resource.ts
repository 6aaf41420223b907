import type { Coverage } from '@medplum/fhirtypes';
import type { CoverageView, InsuranceUpdateInput } from '@ourchart/contracts';

/**
 * How FHIR R4 Coverage reads for patients and how an accepted insurance update becomes one. Pure.
 * Cost sharing comes from Coverage.costToBeneficiary (coverage-copay-type: an office-visit copay as
 * money, `copaypct` as a percentage).
 */
export const COPAY_TYPE = 'http://terminology.hl7.org/CodeSystem/coverage-copay-type';
const RELATIONSHIP = 'http://terminology.hl7.org/CodeSystem/subscriber-relationship';
const CLASS = 'http://terminology.hl7.org/CodeSystem/coverage-class';
const ID_TYPE = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const COPAY_CODES = new Set(['gpvisit', 'spvisit', 'copay']);

const code = (c: { coding?: { system?: string; code?: string }[] } | undefined, system: string) => c?.coding?.find((x) => x.system === system)?.code;

/** The member id: the identifier typed MB (Member Number), else subscriberId. */
export function memberIdOf(c: Coverage): string | null {
  return c.identifier?.find((i) => i.type?.coding?.some((x) => x.code === 'MB'))?.value ?? c.subscriberId ?? null;
}

export function costShareOf(c: Coverage): { copayCents: number | null; coinsurancePercent: number | null } {
  let copayCents: number | null = null;
  let coinsurancePercent: number | null = null;
  for (const cost of c.costToBeneficiary ?? []) {
    const kind = code(cost.type, COPAY_TYPE);
    if (kind && COPAY_CODES.has(kind) && cost.valueMoney?.value !== undefined && copayCents === null) copayCents = Math.round(cost.valueMoney.value * 100);
    if (kind === 'copaypct' && cost.valueQuantity?.value !== undefined) coinsurancePercent = cost.valueQuantity.value;
  }
  return { copayCents, coinsurancePercent };
}

/** In effect on `today` (YYYY-MM-DD): active, started, not ended. */
export function isInEffect(c: Coverage, today: string): boolean {
  const start = c.period?.start?.slice(0, 10);
  const end = c.period?.end?.slice(0, 10);
  return c.status === 'active' && (!start || start <= today) && (!end || end >= today);
}

/** The patient's own coverages (beneficiary), the one in effect first, then newest start. */
export function ownCoverages(all: Coverage[], patientId: string): Coverage[] {
  return all.filter((c) => c.beneficiary?.reference === `Patient/${patientId}` && c.status !== 'entered-in-error')
    .sort((a, b) => (b.period?.start ?? '').localeCompare(a.period?.start ?? '') || (a.id ?? '').localeCompare(b.id ?? ''));
}

export function currentCoverage(all: Coverage[], patientId: string, today: string): Coverage | null {
  return ownCoverages(all, patientId).find((c) => isInEffect(c, today)) ?? null;
}

export function toCoverageView(c: Coverage, today: string): CoverageView {
  const group = c.class?.find((k) => code(k.type, CLASS) === 'group');
  const plan = c.class?.find((k) => code(k.type, CLASS) === 'plan') ?? group;
  return {
    id: c.id!,
    current: isInEffect(c, today),
    planName: plan?.name ?? c.type?.text ?? null,
    payerName: c.payor?.[0]?.display ?? null,
    memberId: memberIdOf(c),
    groupNumber: group?.value ?? null,
    subscriberName: c.subscriber?.display ?? null,
    relationship: code(c.relationship, RELATIONSHIP) ?? null,
    start: c.period?.start ?? null,
    end: c.period?.end ?? null,
    ...costShareOf(c),
  };
}

const samePayer = (old: Coverage | null, payerName: string) => !!old && (old.payor?.[0]?.display ?? '').trim().toLowerCase() === payerName.trim().toLowerCase();

/**
 * The Coverage an accepted update writes. Same payer as the current coverage: a new version of it
 * with the new card details (plan, payer reference and cost sharing kept). Another payer: a new
 * Coverage starting today (the caller ends the old one with `endedCoverage`).
 */
export function coverageFromUpdate(o: { newId: string; patientId: string; old: Coverage | null; input: InsuranceUpdateInput; today: string }): { coverage: Coverage; replaces: boolean } {
  const { input, old } = o;
  const same = samePayer(old, input.payerName);
  const base: Coverage = same ? { ...old! } : {
    resourceType: 'Coverage', id: o.newId, status: 'active',
    beneficiary: { reference: `Patient/${o.patientId}` },
    payor: [{ display: input.payerName }],
    period: { start: o.today },
  };
  const otherClasses = (base.class ?? []).filter((k) => code(k.type, CLASS) !== 'group');
  const coverage: Coverage = {
    ...base,
    identifier: [{ type: { coding: [{ system: ID_TYPE, code: 'MB', display: 'Member Number' }] }, value: input.memberId }],
    subscriberId: input.memberId,
    subscriber: input.relationship === 'self' ? { reference: `Patient/${o.patientId}`, display: input.subscriberName } : { display: input.subscriberName },
    relationship: { coding: [{ system: RELATIONSHIP, code: input.relationship }], text: input.relationship },
    class: [
      ...(input.groupNumber ? [{ type: { coding: [{ system: CLASS, code: 'group', display: 'Group' }] }, value: input.groupNumber, name: (base.class ?? []).find((k) => code(k.type, CLASS) === 'group')?.name }] : []),
      ...otherClasses,
    ].map((k) => (k.name === undefined ? { type: k.type, value: k.value } : k)),
  };
  if (coverage.class!.length === 0) delete coverage.class;
  return { coverage, replaces: !same && !!old };
}

/** The coverage an update replaced: ended yesterday, so the new one alone is in effect from today. */
export function endedCoverage(old: Coverage, today: string): Coverage {
  const yesterday = new Date(Date.parse(`${today}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  const start = old.period?.start?.slice(0, 10);
  return { ...old, period: { ...old.period, end: start && start > yesterday ? start : yesterday } };
}
