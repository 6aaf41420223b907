import { addDays, addMonths, daysBetween, toWeekday } from './dates.ts';
import { round } from './prng.ts';
import type { SeedPatient } from './patients.ts';
import type { SeedContext } from './seed-context.ts';
import type { VitalsInput } from './vitals.ts';

/**
 * A clinic-day date about `monthsAgo` months before the anchor (± a few days), never
 * later than two days before the anchor.
 */
export function monthsAgo(ctx: SeedContext, months: number, jitterDays = 6): string {
  const raw = addDays(addMonths(ctx.anchor, -Math.floor(months)), -Math.round((months % 1) * 30) + ctx.rng.int(-jitterDays, jitterDays));
  const latest = addDays(ctx.anchor, -2);
  return toWeekday(raw < latest ? raw : latest);
}

/** Date on which the patient reaches `years` (fractional) of age, moved to a clinic day. */
export function atAge(patient: SeedPatient, years: number, jitterDays = 0): string {
  return toWeekday(addDays(addMonths(patient.birthDate, Math.round(years * 12)), jitterDays));
}

export type AdultVitalsSpec = { systolic: number; diastolic: number; heartRate: number; weightKg: number; heightCm: number; measureHeight?: boolean; temperatureC?: number; spo2?: number };

/** Adult vitals with small visit-to-visit noise around the given values. */
export function adultVitals(ctx: SeedContext, v: AdultVitalsSpec): VitalsInput {
  return {
    systolic: v.systolic + ctx.rng.int(-3, 3), diastolic: v.diastolic + ctx.rng.int(-2, 2),
    heartRate: v.heartRate + ctx.rng.int(-4, 4), respiratoryRate: ctx.rng.int(14, 18),
    temperatureC: v.temperatureC ?? ctx.rng.float(36.5, 37.0, 1), spo2: v.spo2 ?? ctx.rng.int(96, 99),
    weightKg: round(v.weightKg + ctx.rng.float(-0.6, 0.6, 1), 1), heightCm: v.heightCm, measureHeight: v.measureHeight ?? false,
  };
}

/**
 * Child vitals from rough CDC 50th-percentile growth for the child's age on `date`.
 */
export function childVitals(ctx: SeedContext, patient: SeedPatient, date: string, fever = false): VitalsInput {
  const years = Math.max(0.1, daysBetween(patient.birthDate, date) / 365.25);
  const heightCm = round(years < 2 ? 50 + 25 * years : 77 + 6.2 * years, 1);
  const weightKg = round(years < 2 ? 3.4 + 4.5 * years : 8 + 2.3 * years + (years > 10 ? (years - 10) * 2.2 : 0), 1);
  return {
    systolic: Math.round(90 + years * 1.6) + ctx.rng.int(-3, 3), diastolic: Math.round(55 + years * 0.9) + ctx.rng.int(-2, 2),
    heartRate: Math.round(120 - years * 3.6) + ctx.rng.int(-4, 4) + (fever ? 14 : 0),
    respiratoryRate: Math.round(30 - years * 0.9) + ctx.rng.int(-2, 2),
    temperatureC: fever ? ctx.rng.float(38.3, 39.0, 1) : ctx.rng.float(36.6, 37.1, 1), spo2: ctx.rng.int(97, 100),
    weightKg, heightCm, measureHeight: true,
  };
}

/** "6.8 % (up from 6.4 %)" style trend phrase. */
export function trend(label: string, value: number, previous: number | undefined, unit: string): string {
  if (previous === undefined) return `${label} ${value}${unit}`;
  const dir = value > previous ? 'up from' : value < previous ? 'down from' : 'same as';
  return `${label} ${value}${unit} (${dir} ${previous}${unit})`;
}
