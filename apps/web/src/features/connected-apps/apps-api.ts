import type { ConnectedAppList, SmartInteraction, SmartRedirect } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

// The patient side of SMART apps (features/smart on the server). Types only from @ourchart/contracts.

export const listConnectedApps = () => apiRequest<ConnectedAppList>('GET', '/api/apps');

export const removeConnectedApp = (connectionId: string) => apiRequest<void>('DELETE', `/api/apps/${encodeURIComponent(connectionId)}`);

const interaction = (uid: string) => `/api/smart/interactions/${encodeURIComponent(uid)}`;

export const getInteraction = (uid: string) => apiRequest<SmartInteraction>('GET', interaction(uid));

export const approveInteraction = (uid: string, patientId: string) => apiRequest<SmartRedirect>('POST', `${interaction(uid)}/approve`, { patientId });

export const denyInteraction = (uid: string) => apiRequest<SmartRedirect>('POST', `${interaction(uid)}/deny`, {});
