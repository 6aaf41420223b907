import type { TFunction } from 'i18next';
import { ApiError } from './client.ts';

/**
 * Words to show a person for a failed call: the server's problem message when it
 * sent one (it explains what to do, e.g. when to retry after a 429), else ours.
 */
export function errorMessage(error: unknown, t: TFunction<'common'>): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return t('errors.network');
    // A 5xx body is generic and in English; our own words say the same thing in the reader's language.
    if (error.problem && error.status < 500) return error.problem.detail ?? error.problem.title;
  }
  return t('errors.unknown');
}
