import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { openDb, type Db } from '../platform/db/db.ts';
import { migrate } from '../platform/db/migrate.ts';

/**
 * The real databases integration tests run against: embedded PGlite always, and PostgreSQL when
 * TEST_DATABASE_URL is set (each test file gets its own fresh database, dropped afterwards).
 */
export type TestDriver = { name: 'pglite' | 'postgres'; open: () => Promise<TestDb> };
export type TestDb = { db: Db; dispose: () => Promise<void> };

const url = process.env.TEST_DATABASE_URL;

export const testDrivers: TestDriver[] = [
  {
    name: 'pglite',
    open: async () => {
      const db = await openDb({ dataDir: 'memory://' });
      await migrate(db);
      return { db, dispose: () => db.close() };
    },
  },
  ...(url
    ? [
        {
          name: 'postgres' as const,
          open: async () => {
            const name = `ourchart_test_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
            const admin = new pg.Client({ connectionString: url });
            await admin.connect();
            await admin.query(`CREATE DATABASE ${name}`);
            await admin.end();
            const dbUrl = new URL(url);
            dbUrl.pathname = `/${name}`;
            const db = await openDb({ databaseUrl: dbUrl.toString() });
            await migrate(db);
            return {
              db,
              dispose: async () => {
                await db.close();
                const a = new pg.Client({ connectionString: url });
                await a.connect();
                await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
                await a.end();
              },
            };
          },
        },
      ]
    : []),
];
