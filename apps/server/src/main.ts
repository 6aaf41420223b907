import { loadConfig, ConfigError } from './config.ts';
import { createContext } from './context.ts';
import { buildApp } from './app.ts';
import { seedDemoIfEmpty } from './seed-demo.ts';

/** Starts the portal: config, database, migrations, demo seed (demo mode), HTTP server. */
async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`${err.message}\nSee README.md "Configuration" for every setting.`);
      process.exit(2);
    }
    throw err;
  }
  const started = performance.now();
  const ctx = await createContext(config);
  const app = await buildApp(ctx);
  app.log.info(
    { node: process.version, database: ctx.db.kind, dataDir: ctx.db.kind === 'pglite' ? config.dataDir : undefined, demoMode: config.demoMode },
    `OurChart starting on Node ${process.version}`,
  );
  if (config.demoMode) await seedDemoIfEmpty(ctx, app.log);
  await app.listen({ port: config.port, host: config.host });
  app.log.info({ ms: Math.round(performance.now() - started) }, `OurChart ready at http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`);

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await ctx.db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error('OurChart failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
