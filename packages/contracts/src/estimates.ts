import { z } from 'zod';

/**
 * Price estimates (issue 8, part 5): a visit type's services from the clinic price list, with the
 * patient's active coverage. All money in cents. An estimate, not a bill.
 */

/** How a line's share was worked out: the plan's copay, coinsurance of the allowed amount, preventive care (no cost), or the self-pay price. */
export const EstimateRule = z.enum(['copay', 'coinsurance', 'preventive', 'self-pay']);
export type EstimateRule = z.infer<typeof EstimateRule>;

export const EstimateLine = z.object({
  cpt: z.string(),
  name: z.string(),
  priceCents: z.number().int(),
  insurancePaysCents: z.number().int(),
  youPayCents: z.number().int(),
  rule: EstimateRule,
});
export type EstimateLine = z.infer<typeof EstimateLine>;

export const Estimate = z.object({
  visitType: z.object({ id: z.string(), name: z.string() }),
  coverage: z.object({ payerName: z.string().nullable(), planName: z.string().nullable(), copayCents: z.number().int().nullable(), coinsurancePercent: z.number().nullable() }).nullable(),
  lines: z.array(EstimateLine),
  totalCents: z.number().int(),
  insurancePaysCents: z.number().int(),
  youPayCents: z.number().int(),
});
export type Estimate = z.infer<typeof Estimate>;

/** GET /api/billing/estimate[?visitType=id]: the visit types with prices, and the estimate for the chosen one. */
export const EstimatePage = z.object({
  visitTypes: z.array(z.object({ id: z.string(), name: z.string() })),
  estimate: Estimate.nullable(),
});
export type EstimatePage = z.infer<typeof EstimatePage>;
