import type { Resource } from '@medplum/fhirtypes';
import type { Db } from '../db/db.ts';
import { AppError } from '../http/errors.ts';
import { processBundle, type BundleOptions, type BundleResult } from './bundle.ts';
import { searchResources, type SearchQuery, type SearchResult } from './search.ts';
import { isValidId } from './validate.ts';
import { writeResources, type WriteResult } from './write.ts';
import { keyringFrom, type Keyring } from '../crypto/keyring.ts';
import { revealResource } from './sensitive.ts';

export type StoredRow = { resource: Resource; patientId: string | null; deleted: boolean; versionId: number };

/**
 * The FHIR resource store. It knows nothing about users: patient-facing code reaches it only
 * through PatientAccess (platform/access), which adds compartment checks and auditing.
 */
export class FhirStore {
  readonly db: Db;
  readonly #keyring: Keyring;

  /** `keyring` encrypts sensitive identifiers at rest; the development keyring by default (tests, tools). */
  constructor(db: Db, keyring: Keyring = keyringFrom({ keys: undefined, activeKeyId: undefined })) {
    this.db = db;
    this.#keyring = keyring;
  }

  /** The current row of a resource, including deleted ones, or undefined. */
  async readRow(resourceType: string, id: string): Promise<StoredRow | undefined> {
    if (!isValidId(id)) return undefined;
    const rows = await this.db.query<{ content: Resource; patient_id: string | null; deleted: boolean; version_id: number }>(
      'SELECT content, patient_id, deleted, version_id FROM resources WHERE resource_type = $1 AND id = $2',
      [resourceType, id],
    );
    const r = rows[0];
    return r && { resource: revealResource(r.content, this.#keyring), patientId: r.patient_id, deleted: r.deleted, versionId: r.version_id };
  }

  /** Reads the current version; throws NOT_FOUND when missing or deleted. */
  async read(resourceType: string, id: string): Promise<Resource> {
    const row = await this.readRow(resourceType, id);
    if (!row || row.deleted) throw new AppError('NOT_FOUND', `${resourceType}/${id} was not found.`);
    return row.resource;
  }

  /** Every version of a resource, newest first (deleted versions included, flagged). */
  async history(resourceType: string, id: string): Promise<{ resource: Resource; deleted: boolean; versionId: number }[]> {
    const rows = await this.db.query<{ content: Resource; deleted: boolean; version_id: number }>(
      'SELECT content, deleted, version_id FROM resource_history WHERE resource_type = $1 AND id = $2 ORDER BY version_id DESC',
      [resourceType, id],
    );
    return rows.map((r) => ({ resource: revealResource(r.content, this.#keyring), deleted: r.deleted, versionId: r.version_id }));
  }

  async vread(resourceType: string, id: string, versionId: number): Promise<Resource> {
    const rows = await this.db.query<{ content: Resource; deleted: boolean }>(
      'SELECT content, deleted FROM resource_history WHERE resource_type = $1 AND id = $2 AND version_id = $3',
      [resourceType, id, versionId],
    );
    if (!rows[0] || rows[0].deleted) throw new AppError('NOT_FOUND', `${resourceType}/${id}/_history/${versionId} was not found.`);
    return revealResource(rows[0].content, this.#keyring);
  }

  /**
   * Refreshes the planner's statistics of the store's tables. After a bulk load the statistics
   * still describe the empty tables, and PostgreSQL then picks plans that scan every patient's
   * index rows (a results list went from 2 ms to 16 ms and worse as data grows). Autovacuum
   * catches up later; importers call this when they finish so the first users do not pay.
   */
  async analyze(): Promise<void> {
    await this.db.exec('ANALYZE resources, resource_history, search_token, search_reference, search_date, search_string, search_quantity');
  }

  /** Creates a resource with a new server id. */
  async create<T extends Resource>(resource: T): Promise<T> {
    const { id: _ignored, ...rest } = resource;
    const [r] = await this.db.transaction((tx) => writeResources(tx, [{ kind: 'put', resource: rest as T }], this.#keyring));
    return r!.resource as T;
  }

  /** Creates or updates a resource by id; `ifMatch` rejects the write if the current version differs. */
  async update<T extends Resource>(resource: T, options: { ifMatch?: number } = {}): Promise<T> {
    if (!isValidId(resource.id)) throw new AppError('INVALID_RESOURCE', 'An update needs a valid resource id.');
    const [r] = await this.db.transaction((tx) => writeResources(tx, [{ kind: 'put', resource, ifMatch: options.ifMatch }], this.#keyring));
    return r!.resource as T;
  }

  /** Soft-deletes: the resource disappears from reads and searches; its history stays. */
  async delete(resourceType: string, id: string): Promise<WriteResult> {
    const [r] = await this.db.transaction((tx) => writeResources(tx, [{ kind: 'delete', resourceType, id }], this.#keyring));
    return r!;
  }

  /** Searches one resource type; `patientId` limits results to that patient's compartment. */
  search(resourceType: string, query: SearchQuery, options: { patientId?: string } = {}): Promise<SearchResult> {
    return searchResources(this.db, resourceType, query, { ...options, keyring: this.#keyring });
  }

  /** Processes a transaction, batch or collection bundle. */
  bundle(bundle: unknown, options: BundleOptions = { postIds: 'server' }): Promise<BundleResult> {
    return processBundle({ db: this.db, keyring: this.#keyring }, bundle, options);
  }
}
