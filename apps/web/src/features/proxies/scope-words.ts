import type { ProxyFeature, ProxyScope } from '@ourchart/contracts';

// Proxy scopes and features in words: pure functions, so the sentences people read are tested
// without a browser (scope-words.test.ts).

/** The five things a patient can let a proxy do, in the order the forms list them. */
export const SCOPES = ['record', 'messaging', 'appointments', 'billing', 'refills'] as const satisfies readonly ProxyScope[];

/** What a record can carry for a proxy, in reading order (the admin rules form lists these). */
export const FEATURES = ['record', 'immunizations', 'messaging', 'appointments', 'billing', 'refills'] as const satisfies readonly ProxyFeature[];

/**
 * The features to name in a sentence, in a fixed order: `record` already covers vaccines, so
 * `immunizations` is only named on its own (a parent's view of a teenager).
 */
export function featuresToName(features: readonly ProxyFeature[]): ProxyFeature[] {
  const set = new Set(features);
  if (set.has('record')) set.delete('immunizations');
  return FEATURES.filter((f) => set.has(f));
}

/** "a, b, and c" / "a, b y c": a list the way the language writes it. */
export function listInWords(items: readonly string[], locale: string): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

/** The last day a person may pick has to be today or later (YYYY-MM-DD compares as text). */
export function isPastDay(day: string, today: string): boolean {
  return day !== '' && day < today;
}

/** Today in the browser's calendar, as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A rough email check before the server's own: one @, something on both sides, a dot in the domain. */
export function looksLikeEmail(value: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value.trim());
}

/** Scopes as ticked in a form, in the canonical order (the server stores them as given). */
export function orderedScopes(chosen: ReadonlySet<ProxyScope>): ProxyScope[] {
  return SCOPES.filter((s) => chosen.has(s));
}
