import type {
  NewProxyInvitation, ProxyAgeRules, ProxyGrantChange, ProxyGrantView, ProxyInvitationPreview, ProxyInvitationView, ProxyOverview, StaffProxyGrant,
} from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';

// The proxy access API (issue 7). Types come from @ourchart/contracts (type-only). Invitation
// tokens travel in request bodies, never in a URL.

const id = (value: string) => encodeURIComponent(value);

export const proxiesApi = {
  overview: () => apiRequest<ProxyOverview>('GET', '/api/proxies'),
  invite: (body: NewProxyInvitation) => apiRequest<ProxyInvitationView>('POST', '/api/proxies/invitations', body),
  cancelInvitation: (invitationId: string) => apiRequest<void>('DELETE', `/api/proxies/invitations/${id(invitationId)}`),
  changeGrant: (grantId: string, body: ProxyGrantChange) => apiRequest<ProxyGrantView>('PATCH', `/api/proxies/grants/${id(grantId)}`, body),
  endGrant: (grantId: string) => apiRequest<void>('DELETE', `/api/proxies/grants/${id(grantId)}`),
  preview: (token: string) => apiRequest<ProxyInvitationPreview>('POST', '/api/proxy-invitations/preview', { token }),
  accept: (token: string) => apiRequest<ProxyGrantView>('POST', '/api/proxy-invitations/accept', { token }),
  staffList: (patientId: string) => apiRequest<ProxyGrantView[]>('GET', `/api/staff/patients/${id(patientId)}/proxies`),
  staffGrant: (patientId: string, body: StaffProxyGrant) => apiRequest<ProxyGrantView>('POST', `/api/staff/patients/${id(patientId)}/proxies`, body),
  staffEnd: (patientId: string, grantId: string) => apiRequest<void>('DELETE', `/api/staff/patients/${id(patientId)}/proxies/${id(grantId)}`),
  rules: () => apiRequest<ProxyAgeRules>('GET', '/api/admin/proxy-rules'),
  saveRules: (rules: ProxyAgeRules) => apiRequest<ProxyAgeRules>('PUT', '/api/admin/proxy-rules', rules),
};
