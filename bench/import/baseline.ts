import { readFileSync } from 'node:fs';
import type { Db } from '../../apps/server/src/platform/db/db.ts';

/**
 * The physical limit: every resource of every bundle as a plain row in a bare jsonb table with
 * no indexes, one INSERT ... SELECT FROM jsonb_array_elements per bundle (a multi-row insert).
 * Reads and parses the files just as the importer does, so both sides pay for JSON parsing.
 */
export async function rawInsertBaseline(db: Db, paths: string[]): Promise<{ resources: number; seconds: number }> {
  await db.exec('DROP TABLE IF EXISTS bench_raw; CREATE TABLE bench_raw (resource_type text, id text, content jsonb)');
  const started = performance.now();
  let resources = 0;
  for (const path of paths) {
    const bundle = JSON.parse(readFileSync(path, 'utf8')) as { entry?: { resource: unknown }[] };
    const list = (bundle.entry ?? []).map((e) => e.resource);
    resources += list.length;
    await db.query(
      `INSERT INTO bench_raw (resource_type, id, content)
       SELECT x->>'resourceType', x->>'id', x FROM jsonb_array_elements($1::jsonb) AS x`,
      [JSON.stringify(list)],
    );
  }
  const seconds = (performance.now() - started) / 1000;
  await db.exec('DROP TABLE bench_raw');
  return { resources, seconds };
}
