import type { ReadingInput, ReadingLimits, ReadingType } from '@ourchart/contracts';

// The server's limits (contracts READING_LIMITS). Typed by them, so tsc fails here if they change;
// a value import would bring zod into this page's bundle.
const LIMITS: ReadingLimits = {
  systolic: { min: 50, max: 300 },
  diastolic: { min: 30, max: 200 },
  glucose: { min: 20, max: 600 },
  weightKg: { min: 1, max: 350 },
  weightLb: { min: 2, max: 770 },
};

export type ReadingForm = { type: ReadingType; systolic: string; diastolic: string; glucose: string; weight: string; unit: 'kg' | 'lb'; when: string };
export type ReadingField = 'systolic' | 'diastolic' | 'glucose' | 'weight' | 'when';
/** A message key in the vitals namespace (form.errors.*) and its values. */
export type FieldProblem = { key: 'number' | 'range' | 'order' | 'when' | 'future'; field?: ReadingField; min?: number; max?: number; unit?: string };

export type Validated = { ok: true; reading: ReadingInput } | { ok: false; problems: Partial<Record<ReadingField, FieldProblem>> };

/** "2026-11-22T08:05" in the reader's time zone, for a datetime-local field. */
export function localNow(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}T${pad(now.getHours())}:${pad(now.getMinutes())}`;
}

/** Checks a reading as the server will, so the person hears about a mistake before sending it. */
export function validateReading(form: ReadingForm, now = new Date()): Validated {
  const problems: Partial<Record<ReadingField, FieldProblem>> = {};
  const number = (field: ReadingField, raw: string, limits: { min: number; max: number }, unit: string): number | null => {
    const value = raw.trim() === '' ? NaN : Number(raw.replace(',', '.'));
    if (!Number.isFinite(value)) problems[field] = { key: 'number', field };
    else if (value < limits.min || value > limits.max) problems[field] = { key: 'range', field, min: limits.min, max: limits.max, unit };
    else return value;
    return null;
  };
  const when = new Date(form.when);
  let effective = '';
  if (!form.when || Number.isNaN(when.getTime())) problems.when = { key: 'when' };
  else if (when.getTime() > now.getTime() + 5 * 60_000) problems.when = { key: 'future' };
  else effective = when.toISOString();

  let reading: ReadingInput | null = null;
  if (form.type === 'blood-pressure') {
    const systolic = number('systolic', form.systolic, LIMITS.systolic, 'mmHg');
    const diastolic = number('diastolic', form.diastolic, LIMITS.diastolic, 'mmHg');
    if (systolic !== null && diastolic !== null && diastolic >= systolic) problems.diastolic = { key: 'order' };
    if (systolic !== null && diastolic !== null) reading = { type: 'blood-pressure', systolic, diastolic, effective };
  } else if (form.type === 'glucose') {
    const value = number('glucose', form.glucose, LIMITS.glucose, 'mg/dL');
    if (value !== null) reading = { type: 'glucose', value, effective };
  } else {
    const value = number('weight', form.weight, form.unit === 'kg' ? LIMITS.weightKg : LIMITS.weightLb, form.unit);
    if (value !== null) reading = { type: 'weight', value, unit: form.unit, effective };
  }
  return Object.keys(problems).length === 0 && reading ? { ok: true, reading } : { ok: false, problems };
}
