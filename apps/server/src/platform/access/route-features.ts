import type { Feature } from './proxy-policy.ts';

/**
 * Which feature of a record each patient route serves (issue 7): patientAccessFor refuses a proxy
 * whose grant, at the patient's age, does not cover it, before the route does anything. One table,
 * so a route needs no check of its own. 'by-type' routes gather several parts of the record (the
 * health summary, downloads): PatientAccess filters what they read, resource type by resource type.
 * The proxy matrix test fails for any patient route missing here.
 */
const RULES: [prefix: string, feature: Feature | 'by-type'][] = [
  ['/api/records/summary', 'by-type'],
  ['/api/records/export', 'by-type'],
  ['/api/records/immunizations', 'immunizations'],
  ['/api/records/', 'record'],
  ['/api/shares', 'record'],
  ['/api/account/activity', 'record'],
  ['/api/appointments', 'appointments'],
  ['/api/waitlist', 'appointments'],
  ['/api/echeckin', 'appointments'],
  ['/api/questionnaires', 'record'],
  ['/api/messages', 'messaging'],
  ['/api/billing', 'billing'],
  ['/api/refills', 'refills'],
];

/** The feature a route (its registered URL, e.g. /api/appointments/:id) serves; undefined when unclassified. */
export function featureOfRoute(url: string | undefined): Feature | 'by-type' | undefined {
  if (!url) return undefined;
  return RULES.find(([prefix]) => url === prefix || url.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`) || url.startsWith(`${prefix}?`))?.[1];
}
