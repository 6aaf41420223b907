import type { Resource } from '@medplum/fhirtypes';
import type { BillableVisit } from './billing.ts';
import { createRng, type Rng } from './prng.ts';

/**
 * Shared state while one demo clinic is generated: the anchor date, the random source,
 * and the ordered list of resources. Order is the generation order, which keeps the
 * JSON output stable.
 */
export type SeedContext = {
  anchor: string;
  rng: Rng;
  resources: Resource[];
  corrections: Resource[];
  visits: BillableVisit[];
  /** Next readable id for a patient key and a kind, e.g. ("ana", "enc") -> "demo-ana-enc-001". */
  nextId: (owner: string, kind: string) => string;
  /** Adds a resource to the bundle (ids must be unique) and returns it. */
  add: <T extends Resource>(resource: T) => T;
};

/** A fixed seed: a different anchor date shifts dates but keeps the same values. */
const SEED = 20_260_101;

/**
 * Creates the generation context for one anchor date.
 */
export function createSeedContext(anchor: string): SeedContext {
  const counters = new Map<string, number>();
  const ids = new Set<string>();
  const resources: Resource[] = [];
  return {
    anchor,
    rng: createRng(SEED),
    resources,
    corrections: [],
    visits: [],
    nextId: (owner, kind) => {
      const key = `${owner}-${kind}`;
      const n = (counters.get(key) ?? 0) + 1;
      counters.set(key, n);
      return `demo-${key}-${String(n).padStart(3, '0')}`;
    },
    add: (resource) => {
      const key = `${resource.resourceType}/${resource.id}`;
      if (!resource.id || ids.has(key)) throw new Error(`Missing or duplicate id ${key}`);
      ids.add(key);
      resources.push(resource);
      return resource;
    },
  };
}
