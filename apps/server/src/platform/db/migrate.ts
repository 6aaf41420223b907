import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Db } from './db.ts';

export const MIGRATIONS_DIR = resolve(import.meta.dirname, '../../../migrations');
const MIGRATION_LOCK = 7_112_026;

/**
 * Applies forward-only numbered SQL migrations (NNNN_name.sql) that have not run yet,
 * each in its own transaction, holding an advisory lock so concurrent nodes wait for each other.
 * Returns the versions applied by this call.
 */
export async function migrate(db: Db, dir = MIGRATIONS_DIR): Promise<number[]> {
  const files = readdirSync(dir)
    .filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f))
    .sort();
  return db.withAdvisoryLock(MIGRATION_LOCK, async (conn) => {
    await conn.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const done = new Set((await conn.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version));
    const applied: number[] = [];
    for (const file of files) {
      const version = Number(file.slice(0, 4));
      if (done.has(version)) continue;
      const sql = readFileSync(join(dir, file), 'utf8');
      await conn.exec(`BEGIN;\n${sql}\n;INSERT INTO schema_migrations (version, name) VALUES (${version}, '${file}');\nCOMMIT;`).catch(async (err) => {
        await conn.exec('ROLLBACK').catch(() => {});
        throw new Error(`Migration ${file} failed: ${(err as Error).message}`);
      });
      applied.push(version);
    }
    return applied;
  });
}

/** True when every migration file has been applied (used by /readyz). */
export async function migrationsDone(db: Db, dir = MIGRATIONS_DIR): Promise<boolean> {
  const files = readdirSync(dir).filter((f) => /^\d{4}_[\w-]+\.sql$/.test(f));
  const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations').catch(() => [{ n: -1 }]);
  return rows[0]?.n === files.length;
}
