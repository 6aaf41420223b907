import type { EstimatePage } from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { AppError } from '../../platform/http/errors.ts';
import { costShareOf, currentCoverage, toCoverageView } from '../insurance/coverage-resource.ts';
import { coveragesOf, today } from '../insurance/insurance.service.ts';
import { estimateVisit } from './estimate.ts';
import { priceList, pricedVisitTypes } from './estimates.queries.ts';

type Deps = { ctx: AppContext; access: PatientAccess };

/**
 * The estimate page: visit types with a price list and, for the chosen one, the estimate with the
 * coverage in effect today (read through PatientAccess; a proxy needs the billing scope).
 */
export async function estimatePage({ ctx, access }: Deps, visitTypeId: string | undefined, language: 'en' | 'es'): Promise<EstimatePage> {
  await access.require('billing');
  const types = (await pricedVisitTypes(ctx.db)).map((v) => ({ id: v.id, name: language === 'es' ? v.nameEs : v.nameEn }));
  if (!visitTypeId) return { visitTypes: types, estimate: null };
  const visitType = types.find((v) => v.id === visitTypeId);
  if (!visitType) throw new AppError('VALIDATION', 'Choose a visit type from the list.', { errors: [{ path: 'visitType', message: 'Choose a visit type from the list.' }] });
  const coverage = currentCoverage(await coveragesOf(access), access.patientId, today());
  const share = coverage ? costShareOf(coverage) : null;
  const view = coverage ? toCoverageView(coverage, today()) : null;
  const result = estimateVisit(await priceList(ctx.db, visitType.id, language), share);
  return {
    visitTypes: types,
    estimate: {
      visitType,
      coverage: view ? { payerName: view.payerName, planName: view.planName, copayCents: view.copayCents, coinsurancePercent: view.coinsurancePercent } : null,
      ...result,
    },
  };
}
