import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { Bundle, Resource } from '@medplum/fhirtypes';
import type { FhirStore } from '../../platform/fhir-store/store.ts';
import { announceNewResults } from '../results/announce.ts';

export type FileResult = {
  file: string;
  resources: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Elements removed because FHIR R4 does not define them. */
  warnings: string[];
  error?: string;
};

export type ImportProgress = { bytesDone: number; bytesTotal: number; resources: number; file: string };

/** Lists .json and .ndjson files under the given files and folders, sorted, with their sizes. */
export function listImportFiles(paths: string[]): { path: string; size: number }[] {
  const out: { path: string; size: number }[] = [];
  const visit = (p: string) => {
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(join(p, name));
    } else if (['.json', '.ndjson', '.jsonl'].includes(extname(p).toLowerCase())) {
      out.push({ path: p, size: st.size });
    }
  };
  for (const p of paths) visit(p);
  return out;
}

/**
 * Imports FHIR R4 data: transaction, batch and collection bundles, single resources, and NDJSON
 * (one resource a line). Each file is all-or-nothing: a bad entry rolls back that whole file and
 * is reported with the file, entry index, resource type and the problem; the other files go on.
 * POST entries keep their urn:uuid as id, so importing the same files again changes nothing.
 */
export async function importFiles(
  store: FhirStore,
  paths: string[],
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<FileResult[]> {
  const files = listImportFiles(paths);
  const bytesTotal = files.reduce((n, f) => n + f.size, 0);
  let bytesDone = 0;
  let resources = 0;
  const results: FileResult[] = [];
  for (const f of files) {
    const result = await importOne(store, f.path);
    results.push(result);
    bytesDone += f.size;
    resources += result.error ? 0 : result.resources;
    onProgress({ bytesDone, bytesTotal, resources, file: basename(f.path) });
  }
  if (results.some((r) => !r.error && r.created + r.updated > 0)) await store.analyze();
  // New final results raise in-app notifications (recent ones only; see features/results/announce.ts).
  if (results.some((r) => !r.error && r.created + r.updated > 0)) await announceNewResults(store.db);
  return results;
}

async function importOne(store: FhirStore, path: string): Promise<FileResult> {
  const result: FileResult = { file: path, resources: 0, created: 0, updated: 0, unchanged: 0, warnings: [] };
  try {
    const bundle = toBundle(path, readFileSync(path, 'utf8'));
    result.resources = bundle.entry?.length ?? 0;
    const { counts, warnings } = await store.bundle(bundle, { postIds: 'fullUrl', lenient: true });
    result.warnings = warnings;
    if (counts.failed > 0) throw new Error(`${counts.failed} batch entries failed`);
    result.created = counts.created;
    result.updated = counts.updated;
    result.unchanged = counts.unchanged;
  } catch (err) {
    result.error = (err as Error).message;
  }
  return result;
}

/** Turns a file's text into one bundle: bundles as they are, a resource or NDJSON lines as a transaction. */
function toBundle(path: string, text: string): Bundle {
  const isNdjson = /\.(ndjson|jsonl)$/i.test(path);
  if (!isNdjson) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch (err) {
      throw new Error(`not valid JSON: ${(err as Error).message}`);
    }
    if ((parsed as Resource)?.resourceType === 'Bundle' && (parsed as Bundle).type !== 'transaction-response' && (parsed as Bundle).type !== 'searchset') {
      return parsed as Bundle;
    }
    if ((parsed as Bundle)?.resourceType === 'Bundle') {
      return { resourceType: 'Bundle', type: 'collection', entry: ((parsed as Bundle).entry ?? []).map((e) => ({ resource: e.resource! })) };
    }
    return asTransaction([parsed as Resource]);
  }
  const resources: Resource[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (!line.trim()) continue;
    try {
      resources.push(JSON.parse(line));
    } catch (err) {
      throw new Error(`line ${i + 1} is not valid JSON: ${(err as Error).message}`);
    }
  }
  return asTransaction(resources);
}

function asTransaction(resources: Resource[]): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: resources.map((r) =>
      r?.id
        ? { resource: r, request: { method: 'PUT', url: `${r.resourceType}/${r.id}` } }
        : { resource: r, request: { method: 'POST', url: String(r?.resourceType) } },
    ),
  };
}
