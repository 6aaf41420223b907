import type { Identifier, Resource } from '@medplum/fhirtypes';
import { Keyring } from '../crypto/keyring.ts';

/** Identifier systems whose values are encrypted at rest (US Social Security numbers). */
export const SENSITIVE_IDENTIFIER_SYSTEMS = new Set(['http://hl7.org/fhir/sid/us-ssn', 'urn:oid:2.16.840.1.113883.4.1']);

function mapIdentifiers(resource: Resource, fn: (value: string, context: string) => string): Resource {
  const ids = (resource as { identifier?: Identifier[] }).identifier;
  if (!Array.isArray(ids) || !ids.some((i) => i.system && SENSITIVE_IDENTIFIER_SYSTEMS.has(i.system))) return resource;
  const context = `identifier:${resource.resourceType}/${resource.id}`;
  return {
    ...resource,
    identifier: ids.map((i) => (i.system && SENSITIVE_IDENTIFIER_SYSTEMS.has(i.system) && typeof i.value === 'string' ? { ...i, value: fn(i.value, context) } : i)),
  } as Resource;
}

/** Encrypts sensitive identifier values before a resource is stored (current row and history). */
export function protectResource(resource: Resource, keyring: Keyring): Resource {
  return mapIdentifiers(resource, (v, c) => (Keyring.isEncrypted(v) ? v : keyring.encrypt(v, c)));
}

/** Decrypts them again when a resource is read. */
export function revealResource(resource: Resource, keyring: Keyring): Resource {
  return mapIdentifiers(resource, (v, c) => (Keyring.isEncrypted(v) ? keyring.decrypt(v, c) : v));
}
