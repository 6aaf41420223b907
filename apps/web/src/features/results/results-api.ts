import type { HeldResults, ReleasePreferences, ResultList, Trend } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

// The results API (/api/records/results/*, /api/staff/patients/:id/results/*). Types only from contracts.

export type ResultQuery = { from: string; to: string; q: string };

export function getResults(query: ResultQuery): Promise<ResultList> {
  const params = new URLSearchParams();
  if (query.from) params.set('from', query.from);
  if (query.to) params.set('to', query.to);
  if (query.q.trim()) params.set('q', query.q.trim());
  const search = params.toString();
  return apiRequest<ResultList>('GET', `/api/records/results${search ? `?${search}` : ''}`);
}

export const getTrend = (code: string) => apiRequest<Trend>('GET', `/api/records/results/trend?code=${encodeURIComponent(code)}`);
export const getReleasePreferences = () => apiRequest<ReleasePreferences>('GET', '/api/records/results/release-preferences');
export const saveReleasePreferences = (prefs: ReleasePreferences) =>
  apiRequest<ReleasePreferences>('PUT', '/api/records/results/release-preferences', prefs);
/** Opening a result marks its new-result notification read. */
export const markResultOpened = (item: string) => apiRequest<void>('POST', '/api/records/results/read', { item });

const staffPath = (patientId: string) => `/api/staff/patients/${encodeURIComponent(patientId)}/results`;
export const getHeldResults = (patientId: string) => apiRequest<HeldResults>('GET', `${staffPath(patientId)}/held`);
export const markReviewed = (patientId: string, item: string) => apiRequest<HeldResults>('POST', `${staffPath(patientId)}/review`, { item });

/** The trend page's address for a test code ("system|code"). */
export const trendHref = (code: string) => `/results/trend?code=${encodeURIComponent(code)}`;
/** The correction request page's address for one result value. */
export const correctionHref = (observationId: string) => `/corrections?item=${encodeURIComponent(`Observation/${observationId}`)}`;
