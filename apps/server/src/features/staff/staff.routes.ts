import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';

/** Staff workspace routes (/api/staff/*). */
export function registerStaffRoutes(_app: FastifyInstance, _ctx: AppContext) {}
