/** Where the SMART authorization server lives (oidc-provider mounted at /oauth). */
export const OAUTH_MOUNT = '/oauth';

/** The FHIR base URL tokens are issued for (the `aud` a SMART app must send). */
export function fhirBaseUrl(publicUrl: string): string {
  return `${publicUrl}/fhir/R4`;
}

/**
 * Absolute URLs of the authorization server's endpoints, for the SMART discovery document and the
 * FHIR CapabilityStatement's oauth-uris extension. `manage` is the patient's "Connected apps" page.
 */
export function smartEndpoints(publicUrl: string) {
  const issuer = `${publicUrl}${OAUTH_MOUNT}`;
  return {
    issuer,
    authorize: `${issuer}/auth`,
    token: `${issuer}/token`,
    register: `${issuer}/reg`,
    introspect: `${issuer}/token/introspection`,
    revoke: `${issuer}/token/revocation`,
    jwks: `${issuer}/jwks`,
    userinfo: `${issuer}/me`,
    manage: `${publicUrl}/account/apps`,
  };
}
