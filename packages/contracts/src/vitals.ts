import { z } from 'zod';

/**
 * Plausible ranges for home readings. A value outside is almost surely a typing mistake, so it is
 * refused with a message naming the range. The web form checks the same numbers (it imports this
 * type, so a change here fails its type check until it follows).
 */
export const READING_LIMITS = {
  systolic: { min: 50, max: 300 },
  diastolic: { min: 30, max: 200 },
  glucose: { min: 20, max: 600 },
  weightKg: { min: 1, max: 350 },
  weightLb: { min: 2, max: 770 },
} as const;
export type ReadingLimits = typeof READING_LIMITS;

export const READING_TYPES = ['blood-pressure', 'glucose', 'weight'] as const;
export type ReadingType = (typeof READING_TYPES)[number];

const between = (label: string, { min, max }: { min: number; max: number }, unit: string) =>
  z.number({ error: `Enter the ${label.toLowerCase()} as a number.` })
    .min(min, `${label} must be between ${min} and ${max}${unit}.`)
    .max(max, `${label} must be between ${min} and ${max}${unit}.`);

const effective = z.iso
  .datetime({ offset: true, error: 'Enter the date and time of the reading.' })
  .refine((d) => Date.parse(d) <= Date.now() + 5 * 60_000, 'The date and time cannot be in the future.')
  .refine((d) => Date.parse(d) >= Date.parse('1900-01-01T00:00:00Z'), 'Enter a date after 1900.');

/** POST /api/records/readings[?patient=]: one home reading. */
export const ReadingInput = z
  .discriminatedUnion('type', [
    z.object({
      type: z.literal('blood-pressure'),
      systolic: between('Systolic', READING_LIMITS.systolic, ' mmHg'),
      diastolic: between('Diastolic', READING_LIMITS.diastolic, ' mmHg'),
      effective,
    }),
    z.object({ type: z.literal('glucose'), value: between('Blood sugar', READING_LIMITS.glucose, ' mg/dL'), effective }),
    z.object({ type: z.literal('weight'), value: z.number({ error: 'Enter the weight as a number.' }), unit: z.enum(['kg', 'lb'], 'Choose kg or lb.'), effective }),
  ], { error: 'Choose blood pressure, blood sugar or weight.' })
  .superRefine((r, ctx) => {
    if (r.type === 'blood-pressure' && r.diastolic >= r.systolic) {
      ctx.addIssue({ code: 'custom', path: ['diastolic'], message: 'Diastolic (the bottom number) must be lower than systolic (the top number).' });
    }
    if (r.type === 'weight') {
      const { min, max } = r.unit === 'kg' ? READING_LIMITS.weightKg : READING_LIMITS.weightLb;
      if (!(r.value >= min && r.value <= max)) ctx.addIssue({ code: 'custom', path: ['value'], message: `Weight must be between ${min} and ${max} ${r.unit}.` });
    }
  });
export type ReadingInput = z.infer<typeof ReadingInput>;

export const VitalKind = z.enum(['blood-pressure', 'weight', 'glucose', 'heart-rate', 'bmi']);
export type VitalKind = z.infer<typeof VitalKind>;

/** One reading. For blood pressure `value` is systolic and `secondValue` diastolic. */
export const VitalPoint = z.object({
  observationId: z.string(),
  date: z.string(),
  value: z.number(),
  secondValue: z.number().nullable(),
  unit: z.string(),
  /** True for readings the patient (or a proxy) entered at home. */
  patientReported: z.boolean(),
});
export type VitalPoint = z.infer<typeof VitalPoint>;

export const VitalRange = z.object({ low: z.number(), high: z.number() });

export const VitalSeries = z.object({
  kind: VitalKind,
  /** The usual healthy range to shade on the chart, where one applies to everyone (adults). */
  range: VitalRange.nullable(),
  secondRange: VitalRange.nullable(),
  unit: z.string(),
  /** Oldest first. */
  points: z.array(VitalPoint),
});
export type VitalSeries = z.infer<typeof VitalSeries>;

/** GET /api/records/vitals[?code=<kind>][&patient=] */
export const VitalsList = z.object({ series: z.array(VitalSeries) });
export type VitalsList = z.infer<typeof VitalsList>;

/** The answer to a saved reading. */
export const SavedReading = z.object({ observationId: z.string(), type: z.enum(READING_TYPES), effective: z.string() });
export type SavedReading = z.infer<typeof SavedReading>;
