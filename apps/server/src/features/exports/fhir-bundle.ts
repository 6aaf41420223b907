import type { Bundle } from '@medplum/fhirtypes';
import { allResources, type RecordData } from './record-data.ts';

/**
 * The record as a FHIR R4 Bundle of type collection: every resource once, with an absolute fullUrl
 * on this server's base so the relative references inside ("Patient/123") resolve within the
 * bundle. Meant for apps; people read the PDF.
 */
export function toFhirBundle(data: RecordData, publicUrl: string, generatedAt: Date): Bundle {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: generatedAt.toISOString(),
    meta: { tag: [{ system: 'https://ourchart.example/export-range', code: `${data.range.from}/${data.range.to}`, display: `Record from ${data.range.from} to ${data.range.to}` }] },
    entry: allResources(data).map((resource) => ({ fullUrl: `${publicUrl}/fhir/R4/${resource.resourceType}/${resource.id}`, resource })),
  };
}
