import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import { openDb, type Db } from './platform/db/db.ts';
import { migrate } from './platform/db/migrate.ts';
import { AuditLog } from './platform/audit/audit-log.ts';
import { loadFhirDefinitions } from './platform/fhir-store/definitions.ts';
import { FhirStore } from './platform/fhir-store/store.ts';

/** Process-wide services, built once at start and handed to routes, jobs and the CLI. */
export type AppContext = {
  config: Config;
  db: Db;
  store: FhirStore;
  audit: AuditLog;
};

/** Opens the database, runs migrations and loads the FHIR definitions. */
export async function createContext(config: Config, log?: Pick<FastifyBaseLogger, 'info'>): Promise<AppContext> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const applied = await migrate(db);
  if (applied.length > 0) log?.info({ migrations: applied }, 'database migrations applied');
  loadFhirDefinitions();
  return { config, db, store: new FhirStore(db), audit: new AuditLog(db) };
}
