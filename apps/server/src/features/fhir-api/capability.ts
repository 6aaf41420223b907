import type { CapabilityStatement, CapabilityStatementRestResource } from '@medplum/fhirtypes';
import { smartEndpoints } from '../smart/endpoints.ts';
import { includesOf, profilesOf, RESOURCE_TYPES, searchParamsOf } from './resource-types.ts';

/** When this description of the API last changed (CapabilityStatement.date). */
const STATEMENT_DATE = '2026-12-06';

function resourceCapability(type: string): CapabilityStatementRestResource {
  return {
    type: type as CapabilityStatementRestResource['type'],
    profile: `http://hl7.org/fhir/StructureDefinition/${type}`,
    supportedProfile: profilesOf(type),
    interaction: [{ code: 'read' }, { code: 'vread' }, { code: 'search-type' }, { code: 'history-instance' }],
    versioning: 'versioned',
    readHistory: true,
    searchInclude: includesOf(type),
    searchRevInclude: ['Provenance:target'],
    searchParam: [
      { name: '_id', type: 'token' },
      { name: '_lastUpdated', type: 'date' },
      ...searchParamsOf(type),
    ],
    ...(type === 'Patient' ? { operation: [{ name: 'everything', definition: 'http://hl7.org/fhir/OperationDefinition/Patient-everything' }] } : {}),
  };
}

/**
 * GET /fhir/R4/metadata: what this server does, for clients and for certification tools. A
 * read-only, patient-facing US Core server secured with SMART on FHIR (the oauth-uris extension
 * names the authorization server's endpoints).
 */
export function capabilityStatement(publicUrl: string): CapabilityStatement {
  const smart = smartEndpoints(publicUrl);
  const oauthUri = (url: string, valueUri: string) => ({ url, valueUri });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: STATEMENT_DATE,
    publisher: 'OurChart',
    kind: 'instance',
    instantiates: ['http://hl7.org/fhir/us/core/CapabilityStatement/us-core-server'],
    software: { name: 'OurChart' },
    implementation: { description: 'OurChart patient access FHIR API', url: `${publicUrl}/fhir/R4` },
    fhirVersion: '4.0.1',
    format: ['json'],
    patchFormat: [],
    implementationGuide: ['http://hl7.org/fhir/us/core/ImplementationGuide/hl7.fhir.us.core'],
    rest: [{
      mode: 'server',
      documentation: 'Read-only access to one patient\'s record for apps the patient (or their proxy) authorized with SMART App Launch.',
      security: {
        cors: true,
        service: [{
          coding: [{ system: 'http://terminology.hl7.org/CodeSystem/restful-security-service', code: 'SMART-on-FHIR' }],
          text: 'OAuth2 using the SMART App Launch profile',
        }],
        extension: [{
          url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris',
          extension: [
            oauthUri('authorize', smart.authorize),
            oauthUri('token', smart.token),
            oauthUri('register', smart.register),
            oauthUri('manage', smart.manage),
            oauthUri('introspect', smart.introspect),
            oauthUri('revoke', smart.revoke),
          ],
        }],
      },
      resource: RESOURCE_TYPES.map(resourceCapability),
    }],
  };
}
