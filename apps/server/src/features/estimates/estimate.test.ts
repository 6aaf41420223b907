import { describe, expect, it } from 'vitest';
import { estimateVisit, type PriceItem } from './estimate.ts';

const office: PriceItem = { cpt: '99213', name: 'Office visit', priceCents: 15000, allowedCents: 10800 };
const strep: PriceItem = { cpt: '87880', name: 'Rapid strep test', priceCents: 3500, allowedCents: 2500 };
const physical: PriceItem = { cpt: '99396', name: 'Yearly checkup', priceCents: 26000, allowedCents: 18700 };

describe('estimateVisit', () => {
  it('charges the self-pay price without coverage', () => {
    const e = estimateVisit([office, strep], null);
    expect(e).toMatchObject({ totalCents: 18500, insurancePaysCents: 0, youPayCents: 18500 });
    expect(e.lines.map((l) => l.rule)).toEqual(['self-pay', 'self-pay']);
  });

  it('uses the copay for the office visit and coinsurance of the allowed amount for the rest', () => {
    const e = estimateVisit([office, strep], { copayCents: 3000, coinsurancePercent: 20 });
    expect(e.lines).toEqual([
      { cpt: '99213', name: 'Office visit', priceCents: 15000, insurancePaysCents: 7800, youPayCents: 3000, rule: 'copay' },
      { cpt: '87880', name: 'Rapid strep test', priceCents: 3500, insurancePaysCents: 2000, youPayCents: 500, rule: 'coinsurance' },
    ]);
    expect(e).toMatchObject({ totalCents: 18500, insurancePaysCents: 9800, youPayCents: 3500 });
  });

  it('uses coinsurance for office visits when the plan has no copay (Medicare Part B)', () => {
    const e = estimateVisit([office], { copayCents: null, coinsurancePercent: 20 });
    expect(e.lines[0]).toMatchObject({ rule: 'coinsurance', youPayCents: 2160, insurancePaysCents: 8640 });
  });

  it('costs nothing for preventive care', () => {
    const e = estimateVisit([physical], { copayCents: 3000, coinsurancePercent: 20 });
    expect(e.lines[0]).toMatchObject({ rule: 'preventive', youPayCents: 0, insurancePaysCents: 18700 });
  });

  it('applies the copay once per visit and never above the allowed amount', () => {
    const cheap: PriceItem = { cpt: '99212', name: 'Short visit', priceCents: 4000, allowedCents: 2500 };
    const e = estimateVisit([cheap, office], { copayCents: 3000, coinsurancePercent: 20 });
    expect(e.lines.map((l) => [l.rule, l.youPayCents])).toEqual([['copay', 2500], ['coinsurance', 2160]]);
  });

  it('shows the whole allowed amount when the plan does not say its share', () => {
    const e = estimateVisit([strep], { copayCents: null, coinsurancePercent: null });
    expect(e.lines[0]).toMatchObject({ youPayCents: 2500, insurancePaysCents: 0 });
  });
});
