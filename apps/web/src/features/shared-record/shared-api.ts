import type { ExportFormat, SharedRecord } from '@ourchart/contracts';
import { apiRequest } from '../../api/client.ts';
import { saveFile } from '../documents/save-file.ts';

type Key = { token: string; code?: string };

/** The link's token goes in the POST body only, never in a URL the server could log. */
export const sharedApi = {
  view: (key: Key) => apiRequest<SharedRecord>('POST', '/api/shared/view', key),
  download: (key: Key, format: ExportFormat) => saveFile('/api/shared/download', { method: 'POST', body: { ...key, format } }),
};

/** The token from the address's #fragment (browsers never send the fragment to a server). */
export function tokenFromHash(hash: string): string | null {
  const token = hash.replace(/^#/, '');
  return /^[A-Za-z0-9_-]{43}$/.test(token) ? token : null;
}
