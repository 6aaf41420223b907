import type { RefObject } from 'react';

/**
 * Moves focus to the first field (in `problems` order) that has a problem, so keyboard and
 * screen-reader users land on what to fix. Returns true when there was a problem.
 */
export function focusFirst<K extends string>(problems: Record<K, string | null>, refs: Record<K, RefObject<HTMLInputElement | null>>): boolean {
  const first = (Object.keys(problems) as K[]).find((key) => problems[key]);
  if (!first) return false;
  refs[first].current?.focus();
  return true;
}
