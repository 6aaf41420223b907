import type { SmartScopeItem, SmartScopeSummary } from '@ourchart/contracts';
import { parseSmartScopes } from '../../platform/access/smart-scopes.ts';

/**
 * Which requested scopes the authorization server grants, and how they read on a consent screen.
 * The FHIR API is read-only and patient-facing, so only `patient/` scopes that read are granted:
 * v2 letters from "rs" (patient/*.rs, patient/Observation.rs?category=...|laboratory) and v1
 * `.read`. Write letters (c, u, d, `.write`, `.*`), `user/` and `system/` scopes are left out
 * (the token's `scope` tells the app what it got). What a scope allows is decided by the FHIR
 * API's own parser (platform/access/smart-scopes.ts), so consent and enforcement cannot disagree.
 */

/** Scopes that are not about resources. */
export const OIDC_SCOPES = ['openid', 'fhirUser', 'launch/patient', 'offline_access'] as const;

const READ_ONLY = /^patient\/(\*|[A-Z][A-Za-z]+)\.(r|s|rs|read)(\?.*)?$/;

/** True for a resource scope this server grants. */
export function isGrantableResourceScope(scope: string): boolean {
  return READ_ONLY.test(scope) && parseSmartScopes(scope).length === 1;
}

export function splitScope(scope: string | undefined): string[] {
  return [...new Set((scope ?? '').split(' ').filter(Boolean))];
}

/** The grantable resource scopes among the requested ones. */
export function grantableResourceScopes(scope: string | undefined): string[] {
  return splitScope(scope).filter(isGrantableResourceScope);
}

/** The OIDC and launch scopes among the requested ones. */
export function grantableOidcScopes(scope: string | undefined): string[] {
  return splitScope(scope).filter((s) => (OIDC_SCOPES as readonly string[]).includes(s));
}

/** Plain terms for a consent screen or the connected-apps page. */
export function summarizeScopes(scope: string | undefined): SmartScopeSummary {
  const all = splitScope(scope);
  const resources: SmartScopeItem[] = [];
  const seen = new Set<string>();
  for (const s of all.filter(isGrantableResourceScope)) {
    const rule = parseSmartScopes(s)[0]!;
    const category = rule.restrictions.find((r) => r.param === 'category')?.values.map((v) => v.slice(v.indexOf('|') + 1)).join(', ') ?? null;
    const key = `${rule.resourceType}|${category ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    resources.push({ resourceType: rule.resourceType, access: 'read', category });
  }
  resources.sort((a, b) => (a.resourceType === '*' ? -1 : b.resourceType === '*' ? 1 : a.resourceType.localeCompare(b.resourceType)));
  return {
    resources,
    openid: all.includes('openid'),
    fhirUser: all.includes('fhirUser'),
    offlineAccess: all.includes('offline_access'),
    launchPatient: all.includes('launch/patient'),
    ignored: all.filter((s) => !isGrantableResourceScope(s) && !(OIDC_SCOPES as readonly string[]).includes(s)),
  };
}
