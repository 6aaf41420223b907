import pino from 'pino';
import { ConfigError, loadConfig } from '../../config.ts';
import { createContext } from '../../context.ts';
import { registerJobs } from '../../jobs.ts';
import { startMailWorker } from '../mail/outbox.ts';
import { startJobWorker } from './queue.ts';

/**
 * A dedicated worker process: runs jobs and delivers email against the same database as the app
 * nodes, without serving HTTP (`node apps/server/src/platform/jobs/worker-main.ts`). Needs
 * DATABASE_URL: PGlite is one process. Optional argument --interval-ms=<n> (default 5000).
 * Any number may run beside the app nodes; SKIP LOCKED keeps each job to one of them.
 */
async function main(argv: string[]) {
  const config = loadConfig();
  if (!config.databaseUrl) throw new ConfigError('DATABASE_URL: a separate worker process needs PostgreSQL (the embedded database runs jobs inside the app).');
  const intervalArg = argv.find((a) => a.startsWith('--interval-ms='));
  const intervalMs = intervalArg ? Math.max(50, Number(intervalArg.split('=')[1]) || 5000) : 5000;
  const log = pino({ level: config.logLevel, base: { worker: process.pid } });
  const ctx = await createContext(config, log);
  registerJobs();
  const stopJobs = startJobWorker(ctx, log, { intervalMs });
  const stopMail = startMailWorker(ctx.db, ctx.keyring, ctx.mailer, log, intervalMs);
  log.info({ intervalMs, mail: ctx.mailer.describe }, 'job worker ready');
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await stopJobs();
    await stopMail();
    await ctx.db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main(process.argv.slice(2)).catch((err) => {
  console.error(err instanceof ConfigError ? err.message : `worker failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(err instanceof ConfigError ? 2 : 1);
});
