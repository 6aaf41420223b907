import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import type { SearchQuery } from '../../platform/fhir-store/search.ts';
import { AppError } from '../../platform/http/errors.ts';
import { capabilityStatement } from './capability.ts';
import { fhirCaller, type FhirCaller } from './fhir-auth.ts';
import { everythingBundle, historyBundle, readResource, readVersion } from './fhir-read.service.ts';
import { searchBundle, type Deps } from './fhir-search.service.ts';
import { sendFhir, sendOutcome } from './outcome.ts';
import { isResourceType, RESOURCE_TYPES } from './resource-types.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The app and PatientAccess of a FHIR API request (set from the bearer token before the route runs). */
    fhir: FhirCaller | null;
  }
}

const ID = /^[A-Za-z0-9\-.]{1,64}$/;
const TypeParam = z.object({
  type: z.string().refine(isResourceType, { message: `Not a resource type this server serves. Supported: ${RESOURCE_TYPES.join(', ')}.` }),
});
const ReadParams = TypeParam.extend({ id: z.string().regex(ID, 'Not a valid FHIR id (1-64 letters, digits, "-" or ".").') });
const VreadParams = ReadParams.extend({ vid: z.string().regex(/^[1-9]\d{0,8}$/, 'Not a valid version id.').transform(Number) });
const PatientParams = z.object({ id: z.string().regex(ID, 'Not a valid FHIR id.') });

/** The query string as ordered [name, value] pairs (repeated parameters kept, as FHIR needs for AND). */
function queryPairs(request: FastifyRequest): SearchQuery {
  const q = request.url.indexOf('?');
  return q < 0 ? [] : [...new URLSearchParams(request.url.slice(q + 1))];
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const errors = r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  throw new AppError(errors.some((e) => e.path === 'type') ? 'INVALID_SEARCH' : 'VALIDATION', errors.map((e) => e.message).join(' '), { errors });
}

/**
 * The FHIR R4 API at /fhir/R4 (issue 9): read-only US Core access for SMART apps. Every request
 * but metadata needs a bearer token (features/smart issues them); what it may see is decided by
 * PatientAccess with the token's scopes. Errors are OperationOutcomes; browsers on other origins
 * may call every /fhir URL (CORS), and each app has its own rate limit.
 */
export function registerFhirApiRoutes(app: FastifyInstance, ctx: AppContext) {
  registerCors(app);
  app.register(async (fhir) => {
    fhir.decorateRequest('fhir', null);
    fhir.setErrorHandler((err, request, reply) => sendOutcome(reply, request, err));
    fhir.setNotFoundHandler((request, reply) => sendOutcome(reply, request, new AppError('NOT_FOUND', `No FHIR interaction at ${request.method} ${request.url.split('?')[0]}. See ${ctx.config.publicUrl}/fhir/R4/metadata.`)));
    // POST _search sends its parameters as a form.
    fhir.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => done(null, [...new URLSearchParams(body as string)]));
    // The token is settled before anything else (and before the body is read): no token, no answer.
    fhir.addHook('onRequest', async (request) => {
      if (!request.routeOptions.url || request.routeOptions.config?.public) return;
      request.fhir = await fhirCaller(ctx, request);
    });

    const baseUrl = `${ctx.config.publicUrl}/fhir/R4`;
    const deps = (request: FastifyRequest): Deps => ({ access: request.fhir!.access, baseUrl });
    const limited = (isPublic = false) => ({
      ...(isPublic ? { public: true } : {}),
      rateLimit: {
        max: ctx.config.fhirRateLimitPerMinute ?? 300,
        timeWindow: '1 minute',
        keyGenerator: (request: FastifyRequest) => (request.fhir ? `app:${request.fhir.grant.clientId}` : `ip:${request.ip}`),
        errorResponseBuilder: (_req: unknown, c: { ttl: number }) =>
          new AppError('RATE_LIMITED', `This app made too many requests. Try again in ${Math.max(1, Math.ceil(c.ttl / 1000))} seconds.`),
      },
    });

    fhir.get('/R4/metadata', { config: limited(true) }, async (_request, reply) => sendFhir(reply, capabilityStatement(ctx.config.publicUrl)));

    fhir.get('/R4/Patient/:id/$everything', { config: limited() }, async (request, reply) => {
      const { id } = parse(PatientParams, request.params);
      return sendFhir(reply, await everythingBundle(deps(request), id, queryPairs(request)));
    });

    fhir.get('/R4/:type', { config: limited() }, async (request, reply) => {
      const { type } = parse(TypeParam, request.params);
      return sendFhir(reply, await searchBundle(deps(request), type, queryPairs(request)));
    });

    fhir.post('/R4/:type/_search', { config: limited() }, async (request, reply) => {
      const { type } = parse(TypeParam, request.params);
      const body = Array.isArray(request.body) ? (request.body as SearchQuery) : [];
      return sendFhir(reply, await searchBundle(deps(request), type, [...queryPairs(request), ...body]));
    });

    fhir.get('/R4/:type/:id', { config: limited() }, async (request, reply) => {
      const { type, id } = parse(ReadParams, request.params);
      const resource = await readResource(deps(request), type, id);
      if (resource.meta?.versionId) reply.header('etag', `W/"${resource.meta.versionId}"`);
      if (resource.meta?.lastUpdated) reply.header('last-modified', new Date(resource.meta.lastUpdated).toUTCString());
      return sendFhir(reply, resource);
    });

    fhir.get('/R4/:type/:id/_history', { config: limited() }, async (request, reply) => {
      const { type, id } = parse(ReadParams, request.params);
      return sendFhir(reply, await historyBundle(deps(request), type, id));
    });

    fhir.get('/R4/:type/:id/_history/:vid', { config: limited() }, async (request, reply) => {
      const { type, id, vid } = parse(VreadParams, request.params);
      const resource = await readVersion(deps(request), type, id, vid);
      reply.header('etag', `W/"${vid}"`);
      return sendFhir(reply, resource);
    });
  }, { prefix: '/fhir' });
}

/**
 * CORS for every /fhir URL (this API and the SMART discovery document): browser apps such as
 * fhirclient run on other origins. Bearer tokens, not cookies, carry the authority, so any origin
 * may call; credentials are never allowed.
 */
function registerCors(app: FastifyInstance) {
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/fhir/')) return;
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'ETag, Last-Modified, Location, WWW-Authenticate, Retry-After, X-Request-Id');
    // helmet's same-origin default would stop browsers from reading answers across origins.
    reply.header('cross-origin-resource-policy', 'cross-origin');
  });
  app.options('/fhir/*', { config: { public: true } }, async (request, reply) => {
    const asked = request.headers['access-control-request-headers'];
    return reply.status(204)
      .header('access-control-allow-methods', 'GET, POST, OPTIONS')
      .header('access-control-allow-headers', typeof asked === 'string' && /^[\w\-, ]{1,500}$/.test(asked) ? asked : 'Authorization, Content-Type, Accept, Prefer')
      .header('access-control-max-age', '600')
      .send();
  });
}
