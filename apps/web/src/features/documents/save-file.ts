import { ApiError } from '../../api/client.ts';
import { currentLanguage } from '../../i18n/index.ts';
import type { Problem } from '@ourchart/contracts';

/**
 * Fetches a file from the API and hands it to the browser as a download. Errors come back as
 * ApiError with the server's problem, so the page can say what went wrong instead of the browser
 * opening a page of JSON. Returns the file name the server chose.
 */
export async function saveFile(path: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<string> {
  const headers: Record<string, string> = { 'accept-language': currentLanguage() };
  if (init.method === 'POST') {
    headers['x-ourchart-csrf'] = '1';
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetch(path, { method: init.method ?? 'GET', headers, credentials: 'same-origin', body: init.body === undefined ? undefined : JSON.stringify(init.body) });
  } catch (cause) {
    throw new ApiError(0, undefined, { cause });
  }
  if (!response.ok) {
    const problem = (response.headers.get('content-type') ?? '').includes('json') ? ((await response.json().catch(() => undefined)) as Problem | undefined) : undefined;
    throw new ApiError(response.status, problem);
  }
  const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? 'health-record';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // Give the browser time to start the download before the blob goes away.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
