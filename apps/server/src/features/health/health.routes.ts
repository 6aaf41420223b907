import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../../context.ts';
import { migrationsDone } from '../../platform/db/migrate.ts';
import { AppError } from '../../platform/http/errors.ts';

/** Liveness (the process answers) and readiness (database reachable, migrations done). */
export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async () => {
    try {
      await ctx.db.query('SELECT 1');
    } catch {
      throw new AppError('NOT_READY', 'The database is not reachable.');
    }
    if (!(await migrationsDone(ctx.db))) throw new AppError('NOT_READY', 'Database migrations have not finished.');
    return { status: 'ready', database: ctx.db.kind };
  });
}
