import type { ResultFlag } from '@ourchart/contracts';

/** How a flag looks: its words key (results.flags.*), a tone for colour, and a symbol so colour is never alone. */
export type FlagLook = { key: ResultFlag | 'none'; tone: 'ok' | 'warn' | 'danger' | 'plain'; symbol: string };

const LOOKS: Record<ResultFlag, FlagLook> = {
  normal: { key: 'normal', tone: 'ok', symbol: '✓' },
  high: { key: 'high', tone: 'warn', symbol: '▲' },
  low: { key: 'low', tone: 'warn', symbol: '▼' },
  'critical-high': { key: 'critical-high', tone: 'danger', symbol: '▲▲' },
  'critical-low': { key: 'critical-low', tone: 'danger', symbol: '▼▼' },
  abnormal: { key: 'abnormal', tone: 'warn', symbol: '!' },
};

export function flagLook(flag: ResultFlag | null): FlagLook {
  return flag ? LOOKS[flag] : { key: 'none', tone: 'plain', symbol: '–' };
}

/** Outside its range (anything but normal or not compared): marked in the chart and list. */
export const isOutOfRange = (flag: ResultFlag | null) => flag !== null && flag !== 'normal';

const STATUSES = ['registered', 'partial', 'preliminary', 'final', 'amended', 'corrected', 'appended', 'cancelled', 'entered-in-error'] as const;
export type StatusKey = (typeof STATUSES)[number] | 'unknown';

/** The words key (results.status.*) of a FHIR result status; anything else reads "Status not known". */
export function statusKey(status: string): StatusKey {
  return (STATUSES as readonly string[]).includes(status) ? (status as StatusKey) : 'unknown';
}

/** Statuses a reader must notice (not yet final, or not to be used). */
export const isNotableStatus = (status: string) => status !== 'final';

type Range = { low: number | null; high: number | null; text: string | null } | null;

/** Which range wording applies: between, at most, at least, the lab's text, or none. */
export function rangeShape(range: Range): { key: 'rangeBetween' | 'rangeBelow' | 'rangeAbove'; low: number | null; high: number | null } | { text: string } | null {
  if (!range) return null;
  if (range.low !== null && range.high !== null) return { key: 'rangeBetween', low: range.low, high: range.high };
  if (range.high !== null) return { key: 'rangeBelow', low: null, high: range.high };
  if (range.low !== null) return { key: 'rangeAbove', low: range.low, high: null };
  return range.text ? { text: range.text } : null;
}
