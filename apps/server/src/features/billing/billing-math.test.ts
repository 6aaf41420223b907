import { describe, expect, it } from 'vitest';
import { addMonths, allocate, discountShares, instalmentStatuses, planChoices, planRefusal, planSchedule, PLAN_RULES, shrinkFromLast } from './billing-math.ts';

describe('allocate', () => {
  const visits = [
    { id: 'eob-b', date: '2026-10-15', balanceCents: 3576 },
    { id: 'eob-a', date: '2026-09-01', balanceCents: 3000 },
    { id: 'eob-paid', date: '2026-05-01', balanceCents: 0 },
  ];
  it('pays the oldest visit with a balance first, then the next', () => {
    expect(allocate(visits, 4000)).toEqual([{ claimId: 'eob-a', amountCents: 3000 }, { claimId: 'eob-b', amountCents: 1000 }]);
  });
  it('stops at the payment amount, and leaves anything beyond every balance unallocated', () => {
    expect(allocate(visits, 1234)).toEqual([{ claimId: 'eob-a', amountCents: 1234 }]);
    expect(allocate(visits, 9999).reduce((a, x) => a + x.amountCents, 0)).toBe(6576);
  });
});

describe('payment plans', () => {
  it('splits into equal instalments; the last absorbs the rounding; monthly from today + 30 days', () => {
    const s = planSchedule(10000, 3, '2026-12-06');
    expect(s).toEqual([
      { n: 1, dueDate: '2027-01-05', amountCents: 3333 },
      { n: 2, dueDate: '2027-02-05', amountCents: 3333 },
      { n: 3, dueDate: '2027-03-05', amountCents: 3334 },
    ]);
    expect(s.reduce((a, x) => a + x.amountCents, 0)).toBe(10000);
  });
  it('keeps month ends inside short months', () => {
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
    expect(addMonths('2027-11-30', 3)).toBe('2028-02-29');
  });
  it('applies the clinic rules with sentences that say what to do', () => {
    expect(PLAN_RULES).toEqual({ minBalance: 50, minMonths: 2, maxMonths: 12, minInstalment: 25 });
    expect(planRefusal(4999, 2)).toBe('A payment plan needs a balance of at least $50.00. Your balance is $49.99.');
    expect(planRefusal(60000, 1)).toBe('Choose between 2 and 12 months.');
    expect(planRefusal(60000, 13)).toBe('Choose between 2 and 12 months.');
    expect(planRefusal(10000, 5)).toBe('Each monthly payment must be at least $25.00. For your balance, choose 4 months or fewer.');
    expect(planRefusal(10000, 4)).toBeNull();
    expect(planChoices(10000).map((c) => c.months)).toEqual([2, 3, 4]);
    expect(planChoices(4000)).toEqual([]);
  });
  it('marks instalments paid as payments cover them, then due, then missed after 30 days', () => {
    const s = planSchedule(10000, 3, '2026-12-06');
    expect(instalmentStatuses(s, 0, '2026-12-10')).toEqual(['scheduled', 'scheduled', 'scheduled']);
    expect(instalmentStatuses(s, 3333, '2027-02-05')).toEqual(['paid', 'due', 'scheduled']);
    expect(instalmentStatuses(s, 3000, '2027-02-10')).toEqual(['missed', 'due', 'scheduled']);
    expect(instalmentStatuses(s, 10000, '2027-06-01')).toEqual(['paid', 'paid', 'paid']);
  });
});

describe('discountShares (financial help)', () => {
  const visits = [
    { id: 'eob-b', date: '2026-10-15', balanceCents: 3576 },
    { id: 'eob-a', date: '2026-09-01', balanceCents: 3001 },
    { id: 'eob-c', date: '2026-11-01', balanceCents: 1 },
    { id: 'eob-paid', date: '2026-05-01', balanceCents: 0 },
  ];
  it('takes percent of the total, rounded half up, and the visit lines add up to it exactly', () => {
    const shares = discountShares(visits, 25);
    // 25 % of 6578 = 1644.5 -> 1645; exact shares 750.25, 894, 0.25 -> floors 750 + 894 + 0, one cent left.
    expect(shares.reduce((a, s) => a + s.amountCents, 0)).toBe(1645);
    // The cent goes to the largest dropped fraction (a tie of .25: the oldest visit).
    expect(shares).toEqual([{ claimId: 'eob-a', amountCents: 751 }, { claimId: 'eob-b', amountCents: 894 }]);
  });
  it('100 % takes everything; no visit ever gets more than it owes', () => {
    expect(discountShares(visits, 100)).toEqual([
      { claimId: 'eob-a', amountCents: 3001 }, { claimId: 'eob-b', amountCents: 3576 }, { claimId: 'eob-c', amountCents: 1 },
    ]);
    for (let p = 1; p <= 100; p++) {
      const shares = discountShares(visits, p);
      expect(shares.reduce((a, s) => a + s.amountCents, 0)).toBe(Math.floor((6578 * p + 50) / 100));
      for (const s of shares) expect(s.amountCents).toBeLessThanOrEqual(visits.find((v) => v.id === s.claimId)!.balanceCents);
    }
  });
  it('nothing owed: nothing off', () => {
    expect(discountShares([{ id: 'x', date: '2026-01-01', balanceCents: 0 }], 50)).toEqual([]);
  });
});

describe('shrinkFromLast', () => {
  const schedule = planSchedule(10000, 3, '2026-01-01');
  it('keeps the dates and shrinks the last instalments, dropping one that reaches 0', () => {
    const after = shrinkFromLast(schedule, 4000);
    expect(after.map((s) => [s.n, s.dueDate, s.amountCents])).toEqual([[1, schedule[0]!.dueDate, 3333], [2, schedule[1]!.dueDate, 2667]]);
    expect(after.reduce((a, s) => a + s.amountCents, 0)).toBe(6000);
  });
  it('leaves instalments already turned into payments alone', () => {
    expect(shrinkFromLast(schedule, 100, new Set([3])).map((s) => s.amountCents)).toEqual([3333, 3233, 3334]);
  });
});
