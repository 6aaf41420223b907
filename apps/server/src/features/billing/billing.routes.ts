import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  BillingPreferences, BillingSummary, CancelPaymentRequest, PaymentPlan, PayRequest, PayResponse, PlanRequest, PostPaymentRequest,
  StaffPatientBalance, StaffPayment, StaffPaymentQueue, StaffRecordPaymentRequest,
} from '@ourchart/contracts';
import type { AppContext } from '../../context.ts';
import { patientAccessFor } from '../../platform/access/resolve.ts';
import { requireStaff, staffAccessFor } from '../../platform/access/staff-access.ts';
import type { User } from '../../platform/auth/users.ts';
import { AppError } from '../../platform/http/errors.ts';
import { wantsSpanish } from '../../platform/http/messages-es.ts';
import { billingSummary, pay } from './payments.service.ts';
import { receiptPdf, savePreferences, statementPdf } from './billing-documents.ts';
import { cancelPlan, createPlan } from './plans.service.ts';
import { BILLING_STAFF_ROLES, cancelPayment, findStaffPayment, paymentQueue, postPayment, recordWalkIn, staffPatientBalance, type StaffDeps } from './staff-billing.service.ts';
import { handleStripeWebhook } from './stripe-webhook.ts';

const fhirId = /^[A-Za-z0-9\-.]{1,64}$/;
const PatientQuery = z.object({ patient: z.string().regex(fhirId, 'Not a valid patient id.').optional(), lang: z.enum(['en', 'es']).optional() });
/** An id from the path; one of the wrong shape is simply not found (404, like anyone else's id), never a 400. */
const PathIds = z.object({ paymentId: z.string(), planId: z.string(), patientId: z.string() }).partial();
function pathId(request: FastifyRequest, key: 'paymentId' | 'planId' | 'patientId', what: string): string {
  const id = PathIds.parse(request.params)[key];
  if (!id || !fhirId.test(id)) throw new AppError('NOT_FOUND', `We could not find that ${what}.`);
  return id;
}
const IdempotencyKey = z.string({ error: 'Send an Idempotency-Key header (a new UUID for each payment).' })
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'Send an Idempotency-Key header (a new UUID for each payment).');

const localeOf = (request: FastifyRequest, lang: 'en' | 'es' | undefined) => lang ?? (wantsSpanish(request.headers['accept-language']) ? 'es' : 'en');
const pdf = (name: string) => ({ 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}"` });

/**
 * Billing (issue 8). Patients and proxies with the billing scope: /api/billing (?patient=<id> for
 * a proxied record; route-features.ts maps the prefix to `billing`). Front desk and billing office
 * (roles staff, admin): /api/staff/billing. Stripe: /api/billing/stripe/webhook (signed, no session).
 */
export function registerBillingRoutes(app: FastifyInstance, ctx: AppContext) {
  const access = (request: FastifyRequest) => patientAccessFor(ctx, request, PatientQuery.parse(request.query).patient);

  app.get('/api/billing', async (request) => BillingSummary.parse(await billingSummary({ ctx, access: await access(request) })));

  app.get('/api/billing/statement.pdf', async (request, reply) => {
    const deps = { ctx, access: await access(request) };
    const body = await statementPdf(deps, localeOf(request, PatientQuery.parse(request.query).lang));
    return reply.headers(pdf('statement.pdf')).send(body);
  });

  app.put('/api/billing/preferences', async (request) => {
    const deps = { ctx, access: await access(request) };
    return BillingPreferences.parse(await savePreferences(deps, BillingPreferences.parse(request.body ?? {})));
  });

  app.post('/api/billing/payments', async (request, reply) => {
    const deps = { ctx, access: await access(request) };
    const key = IdempotencyKey.safeParse(request.headers['idempotency-key']);
    if (!key.success) throw new AppError('VALIDATION', key.error.issues[0]!.message, { errors: [{ path: 'Idempotency-Key', message: key.error.issues[0]!.message }] });
    const input = PayRequest.parse(request.body ?? {});
    return reply.status(201).send(PayResponse.parse(await pay(deps, input, key.data.toLowerCase())));
  });

  app.get('/api/billing/payments/:paymentId/receipt.pdf', async (request, reply) => {
    const deps = { ctx, access: await access(request) };
    const paymentId = pathId(request, 'paymentId', 'payment');
    const body = await receiptPdf(deps, paymentId, localeOf(request, PatientQuery.parse(request.query).lang));
    return reply.headers(pdf(`receipt-${body.receiptNumber}.pdf`)).send(body.pdf);
  });

  app.post('/api/billing/plans', async (request, reply) => {
    const deps = { ctx, access: await access(request) };
    const { months } = PlanRequest.parse(request.body ?? {});
    return reply.status(201).send(PaymentPlan.parse(await createPlan(deps, months)));
  });

  app.delete('/api/billing/plans/:planId', async (request) => {
    const deps = { ctx, access: await access(request) };
    return PaymentPlan.parse(await cancelPlan(deps, pathId(request, 'planId', 'payment plan')));
  });

  // Stripe posts here: the RAW body is needed to check the signature, so this route (alone, in its
  // own scope) keeps JSON bodies as bytes. No session and no CSRF header: the signature is the check.
  app.register(async (scoped) => {
    scoped.removeContentTypeParser('application/json');
    scoped.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
    scoped.post('/api/billing/stripe/webhook', { config: { signedWebhook: true } }, async (request) => {
      const signature = request.headers['stripe-signature'];
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.from('');
      return handleStripeWebhook(ctx, raw, typeof signature === 'string' ? signature : undefined, request.id);
    });
  });

  const staff = async (request: FastifyRequest) => staffDeps(ctx, request, await requireStaff(ctx, request, { roles: BILLING_STAFF_ROLES }));

  app.get('/api/staff/billing/payments', async (request) => StaffPaymentQueue.parse(await paymentQueue(await staff(request))));

  app.post('/api/staff/billing/payments', async (request, reply) => {
    const deps = await staff(request);
    const input = StaffRecordPaymentRequest.parse(request.body ?? {});
    return reply.status(201).send(StaffPayment.parse(await recordWalkIn(deps, input)));
  });

  app.post('/api/staff/billing/payments/:paymentId/post', async (request) => {
    const deps = await staff(request);
    // Whose payment it is is settled before the body is read: an outsider learns nothing from a 400.
    const target = await findStaffPayment(deps, pathId(request, 'paymentId', 'payment'));
    return StaffPayment.parse(await postPayment(deps, target, PostPaymentRequest.parse(request.body ?? {})));
  });

  app.post('/api/staff/billing/payments/:paymentId/cancel', async (request) => {
    const deps = await staff(request);
    const target = await findStaffPayment(deps, pathId(request, 'paymentId', 'payment'));
    return StaffPayment.parse(await cancelPayment(deps, target, CancelPaymentRequest.parse(request.body ?? {}).reason));
  });

  app.get('/api/staff/billing/patients/:patientId', async (request) => {
    const deps = await staff(request);
    return StaffPatientBalance.parse(await staffPatientBalance(deps, pathId(request, 'patientId', 'patient')));
  });
}

function staffDeps(ctx: AppContext, request: FastifyRequest, user: User): StaffDeps {
  return { ctx, user, client: { ip: request.ip, requestId: request.id }, open: (patientId, options) => staffAccessFor(ctx, request, patientId, options) };
}
