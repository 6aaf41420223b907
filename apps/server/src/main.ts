import { loadConfig, ConfigError } from './config.ts';
import { createContext } from './context.ts';
import { buildApp } from './app.ts';
import { DEMO_PASSWORD, seedDemoIfEmpty, type SeededAccount } from './seed-demo.ts';
import { loadFhirDefinitions } from './platform/fhir-store/definitions.ts';
import { usesDevelopmentKey } from './platform/crypto/keyring.ts';
import { startMailWorker } from './platform/mail/outbox.ts';
import { startJobWorker } from './platform/jobs/queue.ts';
import { startMajoritySweep } from './features/proxies/majority.ts';
import { registerJobs } from './jobs.ts';
import { passwordEngine } from './platform/auth/password-policy.ts';
import { webauthnLibrary } from './platform/auth/webauthn.ts';

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
  const accounts = config.demoMode ? await seedDemoIfEmpty(ctx, app.log) : [];
  if (usesDevelopmentKey(ctx.keyring)) app.log.warn('encrypting sensitive data with the public development key; set ENCRYPTION_KEYS before storing real patient data');
  app.log.info({ mail: ctx.mailer.describe }, 'email delivery');
  const stopMail = startMailWorker(ctx.db, ctx.keyring, ctx.mailer, app.log);
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${config.port}`;
  app.log.info({ ms: Math.round(performance.now() - started) }, `OurChart ready at ${url}`);
  if (config.demoMode) printDemoBanner(url, accounts);
  // Jobs (reminders, offer expiry) start once the port is open; every node may run the worker.
  registerJobs();
  const stopJobs = startJobWorker(ctx, app.log);
  const stopMajoritySweep = startMajoritySweep(ctx, app.log);
  // Warm what later requests need (FHIR definitions ~0.7 s, password dictionaries, WebAuthn) shortly
  // after the port opens: loading them blocks the event loop, so health checks and the first page
  // are answered first. Anything used before then loads on demand.
  setTimeout(() => {
    loadFhirDefinitions();
    void Promise.all([passwordEngine(), webauthnLibrary()]).catch(() => {});
  }, 1500).unref();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await stopJobs();
    await stopMajoritySweep();
    await stopMail();
    await ctx.db.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

/** A plain-text welcome for people starting the demo from a terminal (logs stay JSON). */
function printDemoBanner(url: string, accounts: SeededAccount[]) {
  const lines = [
    `OurChart demo clinic is running: open ${url}`,
    `Every demo account uses the password ${DEMO_PASSWORD} (demo data only, never real patients):`,
    ...accounts.map((a) => `  ${a.email.padEnd(30)} ${a.role}`),
  ];
  process.stdout.write(`\n${lines.join('\n')}\n\n`);
}

main().catch((err) => {
  console.error('OurChart failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
