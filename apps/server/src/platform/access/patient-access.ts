import type { Patient, Resource } from '@medplum/fhirtypes';
import type { AuditLog, AuditOutcome } from '../audit/audit-log.ts';
import type { FhirStore, StoredRow } from '../fhir-store/store.ts';
import type { SearchQuery, SearchResult } from '../fhir-store/search.ts';
import { AppError } from '../http/errors.ts';
import { featureOfType, type Feature } from './proxy-policy.ts';
import { patientCompartment } from '../fhir-store/indexer.ts';

export type Actor = {
  userId: string;
  role: string;
  ip?: string | null;
  requestId?: string | null;
  /** The client id of an app acting for the patient through the FHIR API (SMART token); audited as `app=<id>`. */
  app?: string;
};

/**
 * A further limit on what an access may disclose, beyond the compartment and the proxy policy: the
 * SMART scopes an app was granted (smart-scopes.ts). Types it does not grant are refused (403),
 * resources it does not match are left out of searches and answer 404 on read.
 */
export type ResourceFilter = {
  allowsType(resourceType: string, interaction: 'read' | 'search'): boolean;
  allows(resource: Resource, interaction: 'read' | 'search'): boolean;
  /** Extra search parameters that apply the filter in the query itself ([] = none needed); undefined when it cannot be written as a query. */
  searchNarrowing(resourceType: string): SearchQuery | undefined;
};

/** An audited query string, prefixed with the app (`app=<clientId>`) when an app acts for the patient. */
export function auditQuery(actor: Actor, query: string | undefined): string | null {
  if (!actor.app) return query ?? null;
  const app = new URLSearchParams({ app: actor.app }).toString();
  return query ? `${app}&${query}` : app;
}

export type Relationship = 'self' | 'parent' | 'guardian' | 'caregiver' | 'care-team' | 'break-glass';

/** Shared resources outside any patient compartment that a signed-in user may read (who treated me, where). */
const SHARED_READABLE = new Set(['Practitioner', 'PractitionerRole', 'Organization', 'Location', 'Medication']);

/**
 * Confidentiality policy (the one place it is enforced): a resource a clinician labelled restricted
 * or very restricted (meta.security v3-Confidentiality R or V) is withheld from proxies (parent,
 * guardian, caregiver) and shown to the patient themself and the care team. A read answers 404 like
 * any unknown id; a search leaves it out; both are audited as 'denied' with query 'policy=confidential'.
 * The Patient resource is exempt: its label means "restricted chart" for staff (break the glass), and
 * withholding it would lock a proxy out of the whole record. Issue 7 refines this by the patient's age.
 */
const CONFIDENTIALITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
const PROXY_RELATIONSHIPS: ReadonlySet<Relationship> = new Set(['parent', 'guardian', 'caregiver']);

/** True when a resource carries the v3-Confidentiality label R (restricted) or V (very restricted), or a Composition says so. */
export function isConfidential(resource: Resource): boolean {
  if (resource.resourceType === 'Composition' && (resource.confidentiality === 'R' || resource.confidentiality === 'V')) return true;
  return (resource.meta?.security ?? []).some((s) => s.system === CONFIDENTIALITY_SYSTEM && (s.code === 'R' || s.code === 'V'));
}

function withheldFrom(relationship: Relationship, resource: Resource): boolean {
  return PROXY_RELATIONSHIPS.has(relationship) && resource.resourceType !== 'Patient' && isConfidential(resource);
}

/**
 * The one door to patient data (DESIGN.md "Access"). Built per request from the signed-in actor,
 * the patient in context and the relationship between them. Every read and search is limited to
 * that patient's compartment (anything else is 404, so ids leak nothing) and audited.
 */
export class PatientAccess {
  readonly actor: Actor;
  readonly patientId: string;
  readonly relationship: Relationship;
  /**
   * For proxies, the features their grant allows at the patient's age (proxy-policy.ts); undefined
   * means no proxy limits (the patient themself, the care team).
   */
  readonly features: ReadonlySet<Feature> | undefined;
  /** Adolescent rules: messages the patient wrote themself are hidden from this proxy. */
  readonly hidesPatientsOwnMessages: boolean;
  /** What an app's scopes allow (undefined for people using the portal). */
  readonly filter: ResourceFilter | undefined;
  readonly #store: FhirStore;
  readonly #audit: AuditLog;

  constructor(options: {
    store: FhirStore; audit: AuditLog; actor: Actor; patientId: string; relationship: Relationship;
    features?: ReadonlySet<Feature>; hidesPatientsOwnMessages?: boolean; filter?: ResourceFilter;
  }) {
    this.#store = options.store;
    this.#audit = options.audit;
    this.actor = options.actor;
    this.patientId = options.patientId;
    this.relationship = options.relationship;
    this.features = options.features;
    this.hidesPatientsOwnMessages = options.hidesPatientsOwnMessages ?? false;
    this.filter = options.filter;
  }

  /** True when an app's scopes (if any) grant this interaction on the type; the proxy policy still applies on top. */
  scopeAllows(resourceType: string, interaction: 'read' | 'search'): boolean {
    return !this.filter || this.filter.allowsType(resourceType, interaction);
  }

  /** Refuses (FORBIDDEN, audited) a type the app's scopes do not grant. */
  async #requireScope(resourceType: string, interaction: 'read' | 'search', action: string, what: { entityId?: string; query?: string } = {}): Promise<void> {
    if (this.scopeAllows(resourceType, interaction)) return;
    await this.#record(action, 'denied', { entityType: resourceType, ...what, query: [what.query, 'policy=scope'].filter(Boolean).join('&') });
    throw new AppError('FORBIDDEN', `This app was not given access to ${interaction} ${resourceType} resources. Ask for a scope such as patient/${resourceType}.rs.`);
  }

  /** True when this access may use a feature of the record (always, except for limited proxies). */
  allows(feature: Feature): boolean {
    return this.features === undefined || this.features.has(feature);
  }

  /**
   * Refuses (FORBIDDEN, audited) when a proxy's grant does not cover a feature: the one check
   * writes (booking, messages, refills, payments) make before they act for the patient. Reads need
   * no call: read() and search() apply the same rule to every resource type.
   */
  async require(feature: Feature): Promise<void> {
    if (this.allows(feature)) return;
    await this.#record('access', 'denied', { entityType: 'Patient', entityId: this.patientId, query: `policy=proxy-scope&feature=${feature}` });
    throw new AppError('FORBIDDEN', `Your access to this person's record does not include ${FEATURE_WORDS[feature]}. Ask them (or the clinic) to change what you can see.`);
  }

  #typeAllowed(resourceType: string): boolean {
    const feature = featureOfType(resourceType);
    return feature === null || this.allows(feature);
  }

  /** Reads one resource of the patient in context (or a shared one such as a Practitioner). */
  async read<T extends Resource>(resourceType: T['resourceType'], id: string): Promise<T> {
    const row = await this.#visibleRow(resourceType, id, 'read');
    await this.#record('read', 'success', { entityType: resourceType, entityId: id });
    return row.resource as T;
  }

  /** The current row of a resource if this access may see it; otherwise audits `action` as denied or not-found and throws. */
  async #visibleRow(resourceType: string, id: string, action: string): Promise<StoredRow> {
    await this.#requireScope(resourceType, 'read', action, { entityId: id });
    const row = await this.#store.readRow(resourceType, id);
    const visible = row && !row.deleted && (row.patientId === this.patientId || (row.patientId === null && SHARED_READABLE.has(resourceType)));
    const denied = !visible ? undefined
      : row.patientId !== null && !this.#typeAllowed(resourceType) ? 'policy=proxy-scope'
      : withheldFrom(this.relationship, row.resource) ? 'policy=confidential'
      : this.filter && !this.filter.allows(row.resource, 'read') ? 'policy=scope'
      : undefined;
    if (!visible || denied) {
      await this.#record(action, denied ? 'denied' : 'not-found', { entityType: resourceType, entityId: id, ...(denied ? { query: denied } : {}) });
      throw new AppError('NOT_FOUND', `${resourceType}/${id} was not found.`);
    }
    return row;
  }

  /**
   * Every version of a resource this access may see, newest first (deleted versions flagged, without
   * content), after the same checks as read(). A version that sat in another patient's compartment, or
   * that confidentiality or the app's scopes withhold, is left out. Audited as a read of the history.
   */
  async versions(resourceType: string, id: string): Promise<{ resource?: Resource; deleted: boolean; versionId: number }[]> {
    const row = await this.#visibleRow(resourceType, id, 'history');
    const all = await this.#store.history(resourceType, id);
    const shown = all.filter((v) => v.deleted || (
      (row.patientId === null || patientCompartment(v.resource) === this.patientId)
      && !withheldFrom(this.relationship, v.resource)
      && (!this.filter || this.filter.allows(v.resource, 'read'))));
    await this.#record('history', 'success', { entityType: resourceType, entityId: id, query: `versions=${shown.map((v) => v.versionId).join(',')}` });
    return shown.map((v) => (v.deleted ? { deleted: true, versionId: v.versionId } : v));
  }

  /**
   * The version before the current one of a resource in the patient's compartment (to show what a
   * corrected result was). Audited as a read of that resource's history.
   */
  async previousVersion<T extends Resource>(resourceType: T['resourceType'], id: string): Promise<T | undefined> {
    const row = await this.#store.readRow(resourceType, id);
    if (!row || row.patientId !== this.patientId) {
      await this.#record('history', 'not-found', { entityType: resourceType, entityId: id });
      return undefined;
    }
    if (withheldFrom(this.relationship, row.resource) || !this.#typeAllowed(resourceType) || (this.filter && !this.filter.allows(row.resource, 'read'))) {
      await this.#record('history', 'denied', { entityType: resourceType, entityId: id, query: 'policy=confidential' });
      return undefined;
    }
    const versions = await this.#store.history(resourceType, id);
    await this.#record('history', 'success', { entityType: resourceType, entityId: id });
    return versions.find((v) => !v.deleted && v.versionId < row.versionId)?.resource as T | undefined;
  }

  /** The Patient resource of the patient in context. */
  readPatient(): Promise<Patient> {
    return this.read<Patient>('Patient', this.patientId);
  }

  /** Searches within the patient's compartment only (shared types such as Practitioner: among the shared resources). */
  async search<T extends Resource>(resourceType: T['resourceType'], query: SearchQuery = []): Promise<PatientSearchResult<T>> {
    await this.#requireScope(resourceType, 'search', 'search', { query: toQueryString(query) });
    if (!this.#typeAllowed(resourceType)) {
      // Outside the proxy's grant: nothing is disclosed, and the refusal is audited.
      await this.#record('search', 'denied', { entityType: resourceType, query: `${toQueryString(query)}&policy=proxy-scope`.replace(/^&/, '') });
      return { resources: [], total: 0, offset: 0, count: 0, restricted: true };
    }
    try {
      // An app's narrowed scopes (only laboratory Observations) join the query when they can, so paging stays exact.
      const narrowing = this.filter?.searchNarrowing(resourceType) ?? [];
      // Shared types (who treated me, where) sit in no patient's compartment, so they are searched
      // among the shared resources, which read() also allows; every other type within the compartment.
      const shared = SHARED_READABLE.has(resourceType);
      const found = await this.#store.search(resourceType, [...query, ...narrowing], shared ? {} : { patientId: this.patientId });
      const withheld = found.resources.filter((r) => withheldFrom(this.relationship, r) || (this.filter !== undefined && !this.filter.allows(r, 'search')));
      const result = withheld.length ? { ...found, resources: found.resources.filter((r) => !withheld.includes(r)), total: found.total - withheld.length } : found;
      // Record which resources were disclosed, not only the question asked (ONC 170.315(d)(10)).
      const ids = result.resources.map((r) => r.id).join(',');
      await this.#record('search', 'success', { entityType: resourceType, entityId: ids || undefined, query: toQueryString(query) });
      if (withheld.length) await this.#record('search', 'denied', { entityType: resourceType, entityId: withheld.map((r) => r.id).join(','), query: this.filter ? 'policy=confidential-or-scope' : 'policy=confidential' });
      return result as PatientSearchResult<T>;
    } catch (err) {
      await this.#record('search', 'failure', { entityType: resourceType, query: toQueryString(query) });
      throw err;
    }
  }

  async #record(action: string, outcome: AuditOutcome, what: { entityType: string; entityId?: string; query?: string }) {
    await this.#audit.record({
      actorId: this.actor.userId,
      actorRole: this.actor.role,
      patientId: this.patientId,
      action,
      entityType: what.entityType,
      entityId: what.entityId ?? null,
      query: auditQuery(this.actor, what.query),
      outcome,
      ip: this.actor.ip ?? null,
      requestId: this.actor.requestId ?? null,
    });
  }
}

/** A search's answer; `restricted` when a proxy's grant does not cover the type (nothing was searched). */
export type PatientSearchResult<T extends Resource> = Omit<SearchResult, 'resources'> & { resources: T[]; restricted?: boolean };

/** How the FORBIDDEN message names a feature. */
const FEATURE_WORDS: Record<Feature, string> = {
  record: 'their health record',
  immunizations: 'their immunizations',
  messaging: 'messages with their care team',
  appointments: 'their appointments',
  billing: 'their bills',
  refills: 'prescription refills',
};

function toQueryString(query: SearchQuery): string {
  return new URLSearchParams(query).toString();
}
