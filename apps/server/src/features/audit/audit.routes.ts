import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Account activity (/api/account/activity) and the admin audit report and alerts (/api/admin/*). */
export function registerAuditRoutes(_app: FastifyInstance, _ctx: AppContext) {}
