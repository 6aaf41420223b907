import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDb } from './db.ts';
import { migrate, migrationsDone } from './migrate.ts';

describe('embedded PGlite in DATA_DIR', () => {
  it('keeps data across a restart and does not re-run migrations', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ourchart-pglite-'));
    const first = await openDb({ dataDir: dir });
    expect((await migrate(first)).length).toBeGreaterThan(0);
    await first.query("INSERT INTO app_settings (key, value) VALUES ('restart-test', '{\"ok\":true}')");
    await first.close();

    const second = await openDb({ dataDir: dir });
    expect(await migrate(second)).toEqual([]);
    expect(await migrationsDone(second)).toBe(true);
    const rows = await second.query<{ value: { ok: boolean } }>("SELECT value FROM app_settings WHERE key = 'restart-test'");
    expect(rows[0]?.value).toEqual({ ok: true });
    await second.close();
  });

  it('refuses a data directory another live process holds, and takes over a stale lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ourchart-pglite-'));
    writeFileSync(join(dir, 'ourchart.pid'), String(process.ppid)); // the parent process is alive
    await expect(openDb({ dataDir: dir })).rejects.toThrow(/in use by process/);
    writeFileSync(join(dir, 'ourchart.pid'), '999999999'); // no such process
    const db = await openDb({ dataDir: dir });
    await db.close();
  });
});
