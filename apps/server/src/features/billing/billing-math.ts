import type { InstalmentStatus, PlanChoice, PlanRules } from '@ourchart/contracts';

/*
 * The pure arithmetic of billing, in integer cents so sums never round: money conversion, how a
 * payment is spread over visits, the payment-plan rules and schedule. No I/O: unit-tested in
 * billing-math.test.ts.
 */

/** Dollars (at most 2 decimals) to cents. */
export const toCents = (dollars: number): number => Math.round(dollars * 100);
/** Cents to dollars for the API. */
export const toDollars = (cents: number): number => Math.round(cents) / 100;
/** "$1,234.50" */
export const formatUsd = (cents: number, locale: 'en' | 'es' = 'en'): string =>
  new Intl.NumberFormat(locale === 'es' ? 'es-US' : 'en-US', { style: 'currency', currency: 'USD' }).format(cents / 100);

/** The clinic's payment-plan rules: the one place they live. */
export const PLAN_RULES: PlanRules = { minBalance: 50, minMonths: 2, maxMonths: 12, minInstalment: 25 };

export type VisitBalance = { id: string; date: string; balanceCents: number };
export type Allocation = { claimId: string; amountCents: number };

/**
 * Spreads a payment over the visits that still owe something, oldest visit first (ties by id).
 * What is left after every visit is paid is not allocated (a credit; the overpayment rule keeps
 * it from happening through the portal).
 */
export function allocate(visits: VisitBalance[], amountCents: number): Allocation[] {
  const out: Allocation[] = [];
  let left = amountCents;
  const oldestFirst = [...visits].sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  for (const v of oldestFirst) {
    if (left <= 0) break;
    if (v.balanceCents <= 0) continue;
    const take = Math.min(left, v.balanceCents);
    out.push({ claimId: v.id, amountCents: take });
    left -= take;
  }
  return out;
}

/** Why a plan of `months` months is not allowed for a balance, or null when it is. */
export function planRefusal(balanceCents: number, months: number, rules: PlanRules = PLAN_RULES): string | null {
  if (balanceCents < toCents(rules.minBalance)) {
    return `A payment plan needs a balance of at least ${formatUsd(toCents(rules.minBalance))}. Your balance is ${formatUsd(balanceCents)}.`;
  }
  if (months < rules.minMonths || months > rules.maxMonths) {
    return `Choose between ${rules.minMonths} and ${rules.maxMonths} months.`;
  }
  if (Math.floor(balanceCents / months) < toCents(rules.minInstalment)) {
    const most = Math.max(rules.minMonths, Math.floor(balanceCents / toCents(rules.minInstalment)));
    return `Each monthly payment must be at least ${formatUsd(toCents(rules.minInstalment))}. For your balance, choose ${most} months or fewer.`;
  }
  return null;
}

/** The plan lengths the rules allow for a balance, with the monthly amount of each. */
export function planChoices(balanceCents: number, rules: PlanRules = PLAN_RULES): PlanChoice[] {
  const out: PlanChoice[] = [];
  for (let months = rules.minMonths; months <= rules.maxMonths; months++) {
    if (planRefusal(balanceCents, months, rules) === null) out.push({ months, instalment: toDollars(Math.floor(balanceCents / months)) });
  }
  return out;
}

/** Adds months to a YYYY-MM-DD day, keeping the day of month where it exists (Jan 31 + 1 → Feb 28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, last));
  return first.toISOString().slice(0, 10);
}

export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export type ScheduledInstalment = { n: number; dueDate: string; amountCents: number };

/**
 * Equal monthly instalments in cents; the last one absorbs the rounding so they add up to the
 * total exactly. The first is due 30 days after `today`, the next ones a month apart.
 */
export function planSchedule(totalCents: number, months: number, today: string): ScheduledInstalment[] {
  const each = Math.floor(totalCents / months);
  const first = addDays(today, 30);
  return Array.from({ length: months }, (_, i) => ({
    n: i + 1,
    dueDate: addMonths(first, i),
    amountCents: i === months - 1 ? totalCents - each * (months - 1) : each,
  }));
}

/**
 * Where each instalment stands: paid once the money paid since the plan started covers it and
 * every earlier one; otherwise scheduled before its due date, due on it and for 30 days, missed after.
 */
export function instalmentStatuses(schedule: ScheduledInstalment[], paidSinceStartCents: number, today: string): InstalmentStatus[] {
  let covered = paidSinceStartCents;
  return schedule.map((s) => {
    if (covered >= s.amountCents) {
      covered -= s.amountCents;
      return 'paid';
    }
    covered = 0;
    if (s.dueDate > today) return 'scheduled';
    return addDays(s.dueDate, 30) < today ? 'missed' : 'due';
  });
}

/**
 * A discount of `percent` % of what each visit still owes, in cents. Rounding rule: the total is
 * percent % of the sum of the visits' balances, rounded half up to the cent; each visit gets its
 * exact share rounded down, and the cents left over go one each to the visits with the largest
 * dropped fractions (ties: oldest visit first, then id). So the lines add up to the total exactly
 * and no visit gets more than its share rounded up (never more than it owes).
 */
export function discountShares(visits: VisitBalance[], percent: number): Allocation[] {
  const owing = [...visits].filter((v) => v.balanceCents > 0).sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  const exact = owing.map((v) => v.balanceCents * percent);
  const total = Math.floor((exact.reduce((a, x) => a + x, 0) + 50) / 100);
  const shares = owing.map((v, i) => ({ claimId: v.id, amountCents: Math.floor(exact[i]! / 100), rest: exact[i]! % 100, order: i }));
  let left = total - shares.reduce((a, s) => a + s.amountCents, 0);
  for (const s of [...shares].sort((a, b) => b.rest - a.rest || a.order - b.order)) {
    if (left <= 0) break;
    if (s.rest === 0) continue;
    s.amountCents += 1;
    left -= 1;
  }
  return shares.filter((s) => s.amountCents > 0).map(({ claimId, amountCents }) => ({ claimId, amountCents }));
}

/**
 * A payment plan's schedule after `reductionCents` came off what is left on it: the schedule and
 * due dates stay, the last instalments shrink (an instalment reduced to 0 is dropped). Instalments
 * in `fixed` (already turned into a payment) are not touched.
 */
export function shrinkFromLast(schedule: ScheduledInstalment[], reductionCents: number, fixed: ReadonlySet<number> = new Set()): ScheduledInstalment[] {
  let left = reductionCents;
  const out = [...schedule].sort((a, b) => b.n - a.n).map((s) => {
    if (left <= 0 || fixed.has(s.n)) return s;
    const take = Math.min(left, s.amountCents);
    left -= take;
    return { ...s, amountCents: s.amountCents - take };
  });
  return out.filter((s) => s.amountCents > 0).sort((a, b) => a.n - b.n);
}
