import type { EstimateLine, EstimateRule } from '@ourchart/contracts';

/**
 * The price estimate, pure (issue 8, part 5). All money in cents.
 *
 * - No coverage: the clinic's self-pay price for every service.
 * - Preventive visits (CPT 99381-99397): no cost to the patient (ACA preventive care); insurance pays the allowed amount.
 * - The first office visit (CPT 992xx) with a plan copay: the copay (never more than the allowed amount).
 * - Everything else: the plan's coinsurance percent of the allowed amount. When the plan does not
 *   say its percent, the whole allowed amount, so the estimate never says less than may be owed.
 * The gap between price and allowed amount is the plan's discount, owed by nobody.
 */
export type PriceItem = { cpt: string; name: string; priceCents: number; allowedCents: number };
export type CostShare = { copayCents: number | null; coinsurancePercent: number | null };
export type VisitEstimate = { lines: EstimateLine[]; totalCents: number; insurancePaysCents: number; youPayCents: number };

const isOfficeVisit = (cpt: string) => /^992\d\d$/.test(cpt);
const isPreventive = (cpt: string) => /^993[89]\d$/.test(cpt);

export function estimateVisit(items: readonly PriceItem[], cover: CostShare | null): VisitEstimate {
  let copayUsed = false;
  const lines = items.map((item): EstimateLine => {
    const line = (rule: EstimateRule, youPayCents: number, insurancePaysCents: number) => ({ cpt: item.cpt, name: item.name, priceCents: item.priceCents, insurancePaysCents, youPayCents, rule });
    if (!cover) return line('self-pay', item.priceCents, 0);
    const allowed = Math.min(item.allowedCents, item.priceCents);
    if (isPreventive(item.cpt)) return line('preventive', 0, allowed);
    if (isOfficeVisit(item.cpt) && cover.copayCents !== null && !copayUsed) {
      copayUsed = true;
      const you = Math.min(cover.copayCents, allowed);
      return line('copay', you, allowed - you);
    }
    const percent = Math.min(100, Math.max(0, cover.coinsurancePercent ?? 100));
    const you = Math.round((allowed * percent) / 100);
    return line('coinsurance', you, allowed - you);
  });
  const sum = (pick: (l: EstimateLine) => number) => lines.reduce((a, l) => a + pick(l), 0);
  return { lines, totalCents: sum((l) => l.priceCents), insurancePaysCents: sum((l) => l.insurancePaysCents), youPayCents: sum((l) => l.youPayCents) };
}
