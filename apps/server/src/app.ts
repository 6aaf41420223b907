import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { randomUUID } from 'node:crypto';
import type { AppContext } from './context.ts';
import { registerRequestAuth } from './platform/auth/request-auth.ts';
import { AppError } from './platform/http/errors.ts';
import { registerErrorHandling, sendProblem } from './platform/http/problem.ts';
import { limitNotFound } from './platform/http/not-found-limit.ts';
import { registerHealthRoutes } from './features/health/health.routes.ts';
import { registerAuthRoutes } from './features/auth/auth.routes.ts';
import { registerEnrollmentRoutes } from './features/auth/enrollment.routes.ts';
import { registerAccountRoutes } from './features/account/account.routes.ts';
import { registerRecordsRoutes } from './features/records/records.routes.ts';
import { registerResultsRoutes } from './features/results/results.routes.ts';
import { registerStaffRoutes } from './features/staff/staff.routes.ts';
import { registerAuditRoutes } from './features/audit/audit.routes.ts';
import { registerNotificationRoutes } from './features/notifications/notifications.routes.ts';
import { registerEventRoutes } from './features/notifications/events.routes.ts';
import { registerExportRoutes } from './features/exports/exports.routes.ts';
import { registerSharingRoutes } from './features/sharing/sharing.routes.ts';
import { registerPreventionRoutes } from './features/prevention/prevention.routes.ts';
import { registerVitalsRoutes } from './features/vitals/vitals.routes.ts';
import { registerVisitsRoutes } from './features/visits/visits.routes.ts';
import { registerCorrectionRoutes } from './features/corrections/corrections.routes.ts';
import { registerProxyRoutes } from './features/proxies/proxies.routes.ts';
import { registerAppointmentRoutes } from './features/appointments/appointments.routes.ts';
import { registerReminderRoutes } from './features/reminders/reminders.routes.ts';
import { registerOutboxRoutes } from './features/outbox/outbox.routes.ts';
import { registerSchedulingAdminRoutes } from './features/scheduling-admin/scheduling-admin.routes.ts';
import { registerWaitlistRoutes } from './features/waitlist/waitlist.routes.ts';
import { registerQuestionnaireRoutes } from './features/questionnaires/questionnaires.routes.ts';
import { registerEcheckinRoutes } from './features/echeckin/echeckin.routes.ts';
import { registerMessagingRoutes } from './features/messaging/messaging.routes.ts';
import { registerRefillRoutes } from './features/refills/refills.routes.ts';
import { registerBillingRoutes } from './features/billing/billing.routes.ts';
import { registerFhirApiRoutes } from './features/fhir-api/fhir-api.routes.ts';
import { registerInsuranceRoutes } from './features/insurance/insurance.routes.ts';
import { registerEstimateRoutes } from './features/estimates/estimates.routes.ts';
import { registerAssistanceRoutes } from './features/assistance/assistance.routes.ts';
import { registerSmartRoutes } from './features/smart/smart.routes.ts';

declare module 'fastify' {
  interface FastifyInstance {
    routeList: { method: string; url: string }[];
  }
}

/**
 * Builds the HTTP app. Plugins and features are registered here by hand, in order, so the
 * whole surface is readable in one place.
 */
export async function buildApp(ctx: AppContext): Promise<FastifyInstance> {
  const options: Record<string, unknown> = {
    logger: {
      level: ctx.config.logLevel,
      // Never log PHI, secrets or tokens: no cookies or auth headers, and no query strings
      // (a search such as ?name=... is PHI). Bodies are never logged.
      redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'],
      serializers: {
        req: (req: { method: string; url: string; id: string }) => ({ method: req.method, url: req.url.split('?')[0], requestId: req.id }),
      },
    },
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: ctx.config.trustProxy,
    bodyLimit: 10 * 1024 * 1024,
    // Optional in-process TLS for small installs; larger ones terminate TLS at a reverse proxy.
    ...(ctx.config.tls ? { https: { cert: readFileSync(ctx.config.tls.certFile), key: readFileSync(ctx.config.tls.keyFile) } } : {}),
  };
  // The options object is built dynamically (https is optional), so Fastify's overloads cannot narrow it.
  const app = Fastify(options) as unknown as FastifyInstance;
  // Every route, as registered: the authorization matrix test walks this list, so a new route is
  // covered without editing the test.
  const routeList: { method: string; url: string }[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeList.push({ method, url: route.url });
  });
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // Card payments (features/billing): Stripe.js and its card frame, only when Stripe is configured.
        scriptSrc: ["'self'", ...(ctx.config.stripe ? ['https://js.stripe.com'] : [])],
        ...(ctx.config.stripe ? { frameSrc: ['https://js.stripe.com', 'https://hooks.stripe.com'] } : {}),
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...(ctx.config.stripe ? ['https://api.stripe.com'] : [])],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
    referrerPolicy: { policy: 'no-referrer' },
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  registerErrorHandling(app);
  limitNotFound(app);
  registerRequestAuth(app, ctx);

  registerHealthRoutes(app, ctx);
  registerAuthRoutes(app, ctx);
  registerEnrollmentRoutes(app, ctx);
  registerAccountRoutes(app, ctx);
  registerRecordsRoutes(app, ctx);
  registerResultsRoutes(app, ctx);
  registerStaffRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerNotificationRoutes(app, ctx);
  registerEventRoutes(app, ctx);
  registerExportRoutes(app, ctx);
  registerSharingRoutes(app, ctx);
  registerPreventionRoutes(app, ctx);
  registerVitalsRoutes(app, ctx);
  registerVisitsRoutes(app, ctx);
  registerCorrectionRoutes(app, ctx);
  registerProxyRoutes(app, ctx);
  registerAppointmentRoutes(app, ctx);
  registerReminderRoutes(app, ctx);
  registerOutboxRoutes(app, ctx);
  registerSchedulingAdminRoutes(app, ctx);
  registerWaitlistRoutes(app, ctx);
  registerQuestionnaireRoutes(app, ctx);
  registerEcheckinRoutes(app, ctx);
  registerMessagingRoutes(app, ctx);
  registerRefillRoutes(app, ctx);
  registerBillingRoutes(app, ctx);
  registerFhirApiRoutes(app, ctx);
  registerInsuranceRoutes(app, ctx);
  registerEstimateRoutes(app, ctx);
  registerAssistanceRoutes(app, ctx);
  await registerSmartRoutes(app, ctx);

  await registerWebApp(app, ctx);
  return app;
}

/** Serves the built React app; any non-API GET that is not a file gets index.html (client-side routes). */
async function registerWebApp(app: FastifyInstance, ctx: AppContext) {
  const dist = ctx.config.webDist;
  const hasWeb = dist !== null && existsSync(join(dist, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: dist,
      wildcard: false,
      index: false,
      preCompressed: true, // .br/.gz written at build time (apps/web/scripts/precompress.ts)
      setHeaders: (reply, path) => {
        // Vite puts a content hash in asset names, so they never change; index.html always revalidates.
        reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler(async (request, reply) => {
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api/') && !/\.\w+$/.test(request.url.split('?')[0]!);
    if (hasWeb && isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    if (!hasWeb && request.url === '/') {
      return reply.type('text/plain').send('The web app is not built. Run "npm run build:web", or start with "npm start".');
    }
    return sendProblem(reply, request, new AppError('NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}.`));
  });
}
