import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDrivers, type TestDb } from '../../test/databases.ts';
import { AuditLog } from './audit-log.ts';

describe.each(testDrivers)('audit log group commit on $name', (driver) => {
  let t: TestDb;
  beforeAll(async () => {
    t = await driver.open();
  });
  afterAll(() => t?.dispose());

  it('commits many concurrent events, each awaited, into one unbroken chain in arrival order', async () => {
    // Two logs on one database stand in for two app nodes; the advisory lock keeps one chain.
    const a = new AuditLog(t.db);
    const b = new AuditLog(t.db);
    const writes = Array.from({ length: 120 }, (_, i) =>
      (i % 2 ? a : b).record({ actorId: `user-${i}`, actorRole: 'patient', patientId: 'p-1', action: 'read', entityType: 'Observation', entityId: `obs-${i}`, outcome: 'success' }),
    );
    await Promise.all(writes);
    const rows = await t.db.query<{ actor_id: string; seq: number }>('SELECT actor_id, seq FROM audit_events ORDER BY seq');
    expect(rows).toHaveLength(120);
    expect(new Set(rows.map((r) => r.actor_id)).size).toBe(120);
    // Events from one node keep the order in which they were recorded.
    const fromA = rows.map((r) => Number(r.actor_id.slice(5))).filter((n) => n % 2 === 1);
    expect(fromA).toEqual([...fromA].sort((x, y) => x - y));
    expect(await a.verify()).toEqual({ ok: true, checked: 120 });
  });

  it('fails every caller of a batch that cannot be written, and keeps working afterwards', async () => {
    const log = new AuditLog(t.db);
    const before = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events'))[0]!.n;
    // outcome is checked by the table: an invalid one makes the whole batch roll back.
    const bad = log.record({ actorId: 'x', actorRole: 'patient', patientId: 'p-1', action: 'read', outcome: 'nonsense' as 'success' });
    await expect(bad).rejects.toThrow();
    await log.record({ actorId: 'y', actorRole: 'patient', patientId: 'p-1', action: 'read', outcome: 'success' });
    const after = (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_events'))[0]!.n;
    expect(after).toBe(before + 1);
    expect((await log.verify()).ok).toBe(true);
  });
});
