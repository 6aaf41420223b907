import { useState } from 'react';
import type { RefObject } from 'react';

export type FormProblems<K extends string> = {
  /** Each field's message to show: none before the first submit, then live as values change. */
  shown: Record<K, string | null>;
  /** The problems found at the last submit that are still there, for the error summary. */
  summary: string[];
  /** Call on submit: true when the form can be sent; else shows the problems and focuses the first. */
  check: () => boolean;
};

/**
 * Field validation the GOV.UK way: nothing is flagged while people type the first time; on
 * submit every problem is listed at the top (an alert) and beside its field, and focus goes
 * to the first field to fix. The summary lists the fields that failed at submit, so fixing
 * one removes it without announcing the whole list again on every key.
 */
export function useFormProblems<K extends string>(
  problems: Record<K, string | null>,
  refs: Record<K, RefObject<HTMLInputElement | null>>,
): FormProblems<K> {
  const [isSubmitted, setSubmitted] = useState(false);
  const [failedAtSubmit, setFailedAtSubmit] = useState<K[]>([]);
  const keys = Object.keys(problems) as K[];

  const shown = isSubmitted ? problems : (Object.fromEntries(keys.map((key) => [key, null])) as Record<K, null>);
  const summary = failedAtSubmit.map((key) => problems[key]).filter((problem): problem is string => Boolean(problem));

  function check(): boolean {
    setSubmitted(true);
    const failed = keys.filter((key) => problems[key]);
    setFailedAtSubmit(failed);
    if (failed[0]) refs[failed[0]].current?.focus();
    return failed.length === 0;
  }

  return { shown, summary, check };
}
