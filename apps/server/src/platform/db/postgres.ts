import pg from 'pg';
import type { Db, Queryable, Row } from './db.ts';

type Client = pg.Pool | pg.PoolClient;

function wrap(conn: Client): Queryable {
  return {
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      const res = await conn.query<T>(sql, params);
      return res.rows;
    },
    async exec(sql: string) {
      await conn.query(sql);
    },
  };
}

/** Opens a connection pool to PostgreSQL. */
export async function openPostgres(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle pooled connection can be closed by the server (restart, failover, DROP DATABASE);
  // without a listener that error would crash the process. The pool replaces the connection.
  pool.on('error', (err: Error & { code?: string }) => {
    if (err.code !== '57P01') process.emitWarning(`PostgreSQL connection error: ${err.message}`);
  });
  // Fail fast with the driver's own message (bad host, auth, database) instead of at the first request.
  await pool.query('SELECT 1');
  const listener = dedicatedListener(url);
  const withClient = async <T>(fn: (c: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await fn(client);
    } finally {
      client.release();
    }
  };
  return {
    kind: 'postgres',
    ...wrap(pool),
    transaction: (fn) =>
      withClient(async (client) => {
        await client.query('BEGIN');
        try {
          const result = await fn(wrap(client));
          await client.query('COMMIT');
          return result;
        } catch (err) {
          await client.query('ROLLBACK');
          throw err;
        }
      }),
    withAdvisoryLock: (key, fn) =>
      withClient(async (client) => {
        await client.query('SELECT pg_advisory_lock($1)', [key]);
        try {
          return await fn(wrap(client));
        } finally {
          await client.query('SELECT pg_advisory_unlock($1)', [key]);
        }
      }),
    listen: (channel, handler) => listener.listen(channel, handler),
    close: async () => {
      await listener.close();
      await pool.end();
    },
  };
}

type Handler = (payload: string) => void;

/**
 * LISTEN needs a connection of its own that stays open (a pooled one goes back to the pool), so
 * each Db keeps one dedicated client for every channel it hears, opened on the first listen().
 * If it drops (server restart, failover), it reconnects every second and LISTENs again; NOTIFYs
 * sent while it was down are lost, which callers accept (live updates are a convenience, the
 * data is in the tables).
 */
function dedicatedListener(url: string) {
  const handlers = new Map<string, Set<Handler>>();
  let client: pg.Client | null = null;
  let connecting: Promise<pg.Client> | null = null;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = (): Promise<pg.Client> => {
    connecting ??= (async () => {
      const c = new pg.Client({ connectionString: url });
      const lost = () => {
        if (client !== c) return;
        client = null;
        connecting = null;
        if (!closed && handlers.size > 0) {
          retry = setTimeout(() => void connect().catch(() => lost()), 1000);
          retry.unref();
        }
      };
      c.on('error', lost);
      c.on('end', lost);
      c.on('notification', (msg) => handlers.get(msg.channel)?.forEach((h) => h(msg.payload ?? '')));
      await c.connect();
      for (const channel of handlers.keys()) await c.query(`LISTEN ${channel}`);
      client = c;
      return c;
    })().catch((err) => {
      connecting = null;
      throw err;
    });
    return connecting;
  };

  return {
    async listen(channel: string, handler: Handler): Promise<() => Promise<void>> {
      if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`not a channel name: ${channel}`);
      const isNew = !handlers.has(channel);
      if (isNew) handlers.set(channel, new Set());
      handlers.get(channel)!.add(handler);
      const c = client ?? (await connect());
      // connect() LISTENs to every channel known when it ran; a channel added later is LISTENed here.
      if (isNew) await c.query(`LISTEN ${channel}`);
      return async () => {
        const set = handlers.get(channel);
        set?.delete(handler);
        if (set && set.size === 0) {
          handlers.delete(channel);
          await client?.query(`UNLISTEN ${channel}`).catch(() => {});
        }
      };
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      const c = client;
      client = null;
      await c?.end().catch(() => {});
    },
  };
}
