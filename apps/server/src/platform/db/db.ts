/**
 * One small database interface over two drivers: PGlite (embedded, in-process) and
 * node-postgres (a PostgreSQL server). Same SQL dialect, same migrations, same code.
 */
export type Row = Record<string, unknown>;

export type Queryable = {
  /** Runs one parameterised statement and returns its rows. */
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs a script of one or more statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
};

export type Db = Queryable & {
  readonly kind: 'pglite' | 'postgres';
  /** Runs fn in one transaction; commits when it resolves, rolls back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs fn holding a session-level advisory lock (serialises e.g. migrations across nodes). */
  withAdvisoryLock<T>(key: number, fn: (conn: Queryable) => Promise<T>): Promise<T>;
  /**
   * Hears NOTIFY on `channel` (delivered at commit only, so a rolled-back NOTIFY is never heard).
   * PostgreSQL: one dedicated connection per Db, reconnected if it drops; PGlite: its listen API.
   * Resolves once listening; returns the function that stops.
   */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
};

export type DbOptions = { databaseUrl?: string | undefined; dataDir?: string | undefined };

/** Opens PostgreSQL when a URL is given, else PGlite in dataDir (or in memory when dataDir is 'memory://'). */
export async function openDb(options: DbOptions): Promise<Db> {
  if (options.databaseUrl) {
    const { openPostgres } = await import('./postgres.ts');
    return openPostgres(options.databaseUrl);
  }
  const { openPglite } = await import('./pglite.ts');
  return openPglite(options.dataDir ?? 'memory://');
}
