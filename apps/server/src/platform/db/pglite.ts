import { PGlite } from '@electric-sql/pglite';
import { mkdirSync } from 'node:fs';
import { acquireDataDirLock } from './data-dir-lock.ts';
import type { Db, Queryable, Row } from './db.ts';

function wrap(conn: Pick<PGlite, 'query' | 'exec'>): Queryable {
  return {
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      const res = await conn.query<T>(sql, params);
      return res.rows;
    },
    async exec(sql: string) {
      await conn.exec(sql);
    },
  };
}

/** Opens (or creates) an embedded PGlite database. PGlite is one connection: statements are serialised. */
export async function openPglite(dataDir: string): Promise<Db> {
  const inMemory = dataDir.startsWith('memory://');
  if (!inMemory) mkdirSync(dataDir, { recursive: true });
  // PGlite is a single-process database: a second process on the same files would corrupt them.
  const release = inMemory ? () => {} : acquireDataDirLock(dataDir);
  const pg = await PGlite.create(inMemory ? undefined : dataDir).catch((err) => {
    release();
    throw err;
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    async withAdvisoryLock(key, fn) {
      // One connection per process: a lock still guards against a second process on the same dir
      // only through PGlite's own file lock, so the advisory lock here keeps the code path identical.
      await pg.query('SELECT pg_advisory_lock($1)', [key]);
      try {
        return await fn(base);
      } finally {
        await pg.query('SELECT pg_advisory_unlock($1)', [key]);
      }
    },
    async listen(channel, handler) {
      const unlisten = await pg.listen(channel, handler);
      return async () => {
        if (!pg.closed) await unlisten();
      };
    },
    close: async () => {
      await pg.close();
      release();
    },
  };
}
