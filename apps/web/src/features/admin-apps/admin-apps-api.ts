import type { AdminAppList, NewAdminApp, NewAdminAppResult } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

// Registered SMART apps, for admins (features/smart on the server).

export const listAdminApps = () => apiRequest<AdminAppList>('GET', '/api/admin/apps');

export const registerApp = (body: NewAdminApp) => apiRequest<NewAdminAppResult>('POST', '/api/admin/apps', body);

export const removeApp = (clientId: string) => apiRequest<void>('DELETE', `/api/admin/apps/${encodeURIComponent(clientId)}`);
