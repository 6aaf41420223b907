import type { BillingPreferences } from '@ourchart/contracts';
import { patientDisplayName } from '../../platform/fhir-store/display.ts';
import { AppError } from '../../platform/http/errors.ts';
import type { PdfLocale } from '../exports/pdf-words.ts';
import { auditBilling, type Deps } from './account.ts';
import { toDollars } from './billing-math.ts';
import { findPayment, savePaperless } from './billing.queries.ts';
import { renderReceiptPdf, renderStatementPdf } from './billing-pdf.ts';
import { billingSummary } from './payments.service.ts';

/** GET /api/billing/statement.pdf: the statement the Billing page shows, as a PDF. */
export async function statementPdf(deps: Deps, locale: PdfLocale): Promise<Buffer> {
  const s = await billingSummary(deps);
  await auditBilling(deps.ctx, deps.access, 'export', null, 'format=pdf;part=billing-statement');
  return renderStatementPdf({
    patientName: s.patient.name, guarantor: s.guarantor.name, clinic: await clinicName(deps), balanceDue: s.balanceDue,
    pendingAmount: s.pendingAmount, dueDate: s.dueDate, statements: s.statements, generatedAt: new Date(), locale,
  });
}

async function clinicName({ access }: Deps): Promise<string> {
  return (await access.readPatient()).managingOrganization?.display ?? 'OurChart';
}

/** GET /api/billing/payments/:paymentId/receipt.pdf: only for a succeeded payment of the record in context (else 404). */
export async function receiptPdf(deps: Deps, paymentId: string, locale: PdfLocale): Promise<{ pdf: Buffer; receiptNumber: string }> {
  await deps.access.require('billing');
  const payment = await findPayment(deps.ctx.db, paymentId);
  if (!payment || payment.patientId !== deps.access.patientId || payment.status !== 'succeeded' || !payment.receiptNumber) {
    throw new AppError('NOT_FOUND', 'We could not find a receipt for that payment.');
  }
  const patient = await deps.access.readPatient();
  await auditBilling(deps.ctx, deps.access, 'export', payment.id, 'format=pdf;part=receipt');
  const pdf = await renderReceiptPdf({
    patientName: patientDisplayName(patient), clinic: patient.managingOrganization?.display ?? 'OurChart', receiptNumber: payment.receiptNumber,
    amount: toDollars(payment.amountCents), postedAt: payment.postedAt!, method: payment.method, locale,
  });
  return { pdf, receiptNumber: payment.receiptNumber };
}

/** PUT /api/billing/preferences: paper or paperless statements for the record in context. */
export async function savePreferences(deps: Deps, input: BillingPreferences): Promise<BillingPreferences> {
  await deps.access.require('billing');
  await savePaperless(deps.ctx.db, deps.access.patientId, input.paperless, deps.access.actor.userId);
  await auditBilling(deps.ctx, deps.access, 'update', null, `billing-preferences;paperless=${input.paperless}`);
  return { paperless: input.paperless };
}
