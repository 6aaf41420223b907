import type { PaymentNotice, PaymentReconciliation } from '@medplum/fhirtypes';
import type { Queryable } from '../../platform/db/db.ts';
import type { MailMessage } from '../../platform/mail/mailer.ts';
import { messageWithoutFooter, type Locale } from '../../platform/mail/templates.ts';
import type { Allocation } from './billing-math.ts';
import { formatUsd } from './billing-math.ts';

/** Identifier systems of our payments and receipts in FHIR. */
export const PAYMENT_SYSTEM = 'urn:ourchart:payment';
export const RECEIPT_SYSTEM = 'urn:ourchart:receipt';

export type SucceededPayment = { id: string; patientId: string; amountCents: number; receiptNumber: string; postedAt: string; method: string };
export type Clinic = { id: string | null; name: string };

const usd = (cents: number) => ({ value: cents / 100, currency: 'USD' as const });

/**
 * The FHIR record of a succeeded payment: a PaymentReconciliation (the money received and how it
 * was applied, one detail per visit, oldest first) and the PaymentNotice that announces it. Both
 * use the payment's id; neither names a diagnosis or a service.
 */
export function paymentResources(p: SucceededPayment, allocations: Allocation[], clinic: Clinic): [PaymentReconciliation, PaymentNotice] {
  const day = p.postedAt.slice(0, 10);
  const identifier = [{ system: PAYMENT_SYSTEM, value: p.id }];
  const recipient = clinic.id ? { reference: `Organization/${clinic.id}`, display: clinic.name } : { display: clinic.name };
  const reconciliation: PaymentReconciliation = {
    resourceType: 'PaymentReconciliation', id: p.id, identifier, status: 'active', created: p.postedAt,
    outcome: 'complete', disposition: 'Patient payment received',
    paymentDate: day, paymentAmount: usd(p.amountCents),
    paymentIdentifier: { system: RECEIPT_SYSTEM, value: p.receiptNumber },
    ...(clinic.id ? { requestor: { reference: `Organization/${clinic.id}`, display: clinic.name } } : {}),
    detail: allocations.map((a) => ({
      type: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/payment-type', code: 'payment', display: 'Payment' }] },
      request: { reference: `ExplanationOfBenefit/${a.claimId}` },
      submitter: { reference: `Patient/${p.patientId}` },
      date: day, amount: usd(a.amountCents),
    })),
  };
  const notice: PaymentNotice = {
    resourceType: 'PaymentNotice', id: p.id, identifier, status: 'active', created: p.postedAt,
    request: { reference: `Patient/${p.patientId}` },
    payment: { reference: `PaymentReconciliation/${p.id}` },
    paymentDate: day, payee: recipient, recipient, amount: usd(p.amountCents),
    paymentStatus: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/paymentstatus', code: 'paid', display: 'Paid' }] },
  };
  return [reconciliation, notice];
}

const spokenDay = (iso: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'es' ? 'es-US' : 'en-US', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

/** The receipt email: amount, date, receipt number, clinic and a link. Nothing about visits or health. */
export function receiptEmail(to: string, locale: Locale, p: SucceededPayment, clinic: string, link: string): MailMessage {
  const amount = formatUsd(p.amountCents, locale);
  const date = spokenDay(p.postedAt, locale);
  return locale === 'es'
    ? messageWithoutFooter(to, `Recibo de su pago a ${clinic}`, `Recibimos su pago de ${amount} el ${date}.\n\nNúmero de recibo: ${p.receiptNumber}\nClínica: ${clinic}\n\nPara ver su saldo o descargar el recibo, inicie sesión:\n${link}\n\n— OurChart`, locale)
    : messageWithoutFooter(to, `Receipt for your payment to ${clinic}`, `We received your payment of ${amount} on ${date}.\n\nReceipt number: ${p.receiptNumber}\nClinic: ${clinic}\n\nTo see your balance or download the receipt, sign in:\n${link}\n\n— OurChart`, locale);
}

/** The reminder email a few days before an instalment is due. */
export function instalmentReminderEmail(to: string, locale: Locale, s: { amountCents: number; dueDate: string; clinic: string; link: string }): MailMessage {
  const amount = formatUsd(s.amountCents, locale);
  const date = spokenDay(`${s.dueDate}T12:00:00Z`, locale);
  return locale === 'es'
    ? messageWithoutFooter(to, 'Pronto vence un pago de su plan', `Un pago de ${amount} de su plan de pagos con ${s.clinic} vence el ${date}.\n\nPuede pagar en línea o en la recepción. Para verlo, inicie sesión:\n${s.link}\n\n— OurChart`, locale)
    : messageWithoutFooter(to, 'A payment on your plan is due soon', `A payment of ${amount} on your payment plan with ${s.clinic} is due on ${date}.\n\nYou can pay online or at the front desk. To see it, sign in:\n${s.link}\n\n— OurChart`, locale);
}

/** Email addresses and languages of everyone who sees the patient's bills (own account and proxies with billing). */
export async function billingRecipients(tx: Queryable, userIds: string[]): Promise<{ email: string; locale: Locale }[]> {
  if (userIds.length === 0) return [];
  return tx.query<{ email: string; locale: Locale }>('SELECT email, locale FROM users WHERE id = ANY($1::uuid[]) AND disabled_at IS NULL ORDER BY email', [userIds]);
}
