import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import { openDb, type Db } from './platform/db/db.ts';
import { migrate } from './platform/db/migrate.ts';
import { AuditLog } from './platform/audit/audit-log.ts';
import { FhirStore } from './platform/fhir-store/store.ts';
import { keyringFrom, type Keyring } from './platform/crypto/keyring.ts';
import { createMailer, type Mailer } from './platform/mail/mailer.ts';

/** Process-wide services, built once at start and handed to routes, jobs and the CLI. */
export type AppContext = {
  config: Config;
  db: Db;
  store: FhirStore;
  audit: AuditLog;
  keyring: Keyring;
  mailer: Mailer;
};

/**
 * Opens the database and runs migrations. The FHIR definitions (~0.7 s) load lazily on first use;
 * the server warms them right after it starts listening, so /readyz answers sooner.
 */
export async function createContext(config: Config, log?: Pick<FastifyBaseLogger, 'info'>): Promise<AppContext> {
  const keyring = keyringFrom({ keys: config.encryptionKeys, activeKeyId: config.encryptionKeyId });
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  if (applied.length > 0) log?.info({ migrations: applied }, 'database migrations applied');
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, dataDir: config.dataDir });
  return { config, db, store: new FhirStore(db, keyring), audit: new AuditLog(db), keyring, mailer };
}
