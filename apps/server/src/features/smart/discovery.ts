import { smartEndpoints } from './endpoints.ts';

/** SMART App Launch 2 capabilities this server supports (standalone patient launch only). */
export const SMART_CAPABILITIES = [
  'launch-standalone', 'client-public', 'client-confidential-symmetric', 'client-confidential-asymmetric',
  'context-standalone-patient', 'permission-v2', 'permission-v1', 'permission-offline', 'permission-patient', 'sso-openid-connect',
];

/** Example scopes (SMART lets servers list a subset; any patient/<Type>.rs and patient/<Type>.read works). */
const SCOPES_SUPPORTED = [
  'openid', 'fhirUser', 'launch/patient', 'offline_access',
  'patient/*.rs', 'patient/*.read', 'patient/Patient.rs', 'patient/Observation.rs',
  'patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|laboratory',
  'patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category|vital-signs',
  'patient/Condition.rs', 'patient/AllergyIntolerance.rs', 'patient/MedicationRequest.rs', 'patient/Immunization.rs',
];

/** GET /fhir/R4/.well-known/smart-configuration */
export function smartConfiguration(publicUrl: string, options: { registration: boolean }) {
  const e = smartEndpoints(publicUrl);
  return {
    issuer: e.issuer,
    jwks_uri: e.jwks,
    authorization_endpoint: e.authorize,
    token_endpoint: e.token,
    token_endpoint_auth_methods_supported: ['none', 'client_secret_basic', 'client_secret_post', 'private_key_jwt'],
    token_endpoint_auth_signing_alg_values_supported: ['RS384', 'ES384', 'RS256', 'ES256', 'PS256'],
    grant_types_supported: ['authorization_code', 'refresh_token'],
    ...(options.registration ? { registration_endpoint: e.register } : {}),
    scopes_supported: SCOPES_SUPPORTED,
    response_types_supported: ['code'],
    management_endpoint: e.manage,
    introspection_endpoint: e.introspect,
    revocation_endpoint: e.revoke,
    userinfo_endpoint: e.userinfo,
    code_challenge_methods_supported: ['S256'],
    capabilities: SMART_CAPABILITIES,
  };
}
