import type { Observation, Quantity } from '@medplum/fhirtypes';
import type { VitalKind, VitalPoint, VitalSeries, VitalsList } from '@ourchart/contracts';
import type { PatientAccess } from '../../platform/access/patient-access.ts';
import { isPatientReported, LOINC } from './reading-observation.ts';

type Range = { low: number; high: number };
type SeriesDef = { codes: string[]; unit: string; range: Range | null; secondRange: Range | null };

/**
 * What each chart shows, with the usual adult range to shade:
 * blood pressure 90-120 / 60-80 mmHg (AHA "normal" is under 120/80), heart rate 60-100 beats a
 * minute, BMI 18.5-24.9 (CDC healthy weight), blood sugar 70-99 mg/dL (ADA normal fasting).
 * Weight has no range that fits everyone.
 */
const SERIES: Record<VitalKind, SeriesDef> = {
  'blood-pressure': { codes: ['85354-9', '55284-4'], unit: 'mmHg', range: { low: 90, high: 120 }, secondRange: { low: 60, high: 80 } },
  weight: { codes: ['29463-7', '3141-9'], unit: 'kg', range: null, secondRange: null },
  glucose: { codes: ['41653-7', '2339-0', '2345-7', '1558-6'], unit: 'mg/dL', range: { low: 70, high: 99 }, secondRange: null },
  'heart-rate': { codes: ['8867-4'], unit: '/min', range: { low: 60, high: 100 }, secondRange: null },
  bmi: { codes: ['39156-5'], unit: 'kg/m2', range: { low: 18.5, high: 24.9 }, secondRange: null },
};

const MAX = '1000';

/**
 * Vital-sign series of the patient in context, oldest first, clinic and home readings together
 * and told apart. Reads go through PatientAccess (compartment-limited, audited).
 */
export async function getVitals({ access }: { access: PatientAccess }, kinds: readonly VitalKind[]): Promise<VitalsList> {
  const series = await Promise.all(kinds.map((kind) => getSeries(access, kind)));
  return { series };
}

async function getSeries(access: PatientAccess, kind: VitalKind): Promise<VitalSeries> {
  const def = SERIES[kind];
  const found = await access.search<Observation>('Observation', [['code', def.codes.map((c) => `${LOINC}|${c}`).join(',')], ['_sort', 'date'], ['_count', MAX]]);
  const points = found.resources
    .filter((o) => o.status === 'final' || o.status === 'amended' || o.status === 'corrected' || o.status === 'preliminary')
    .map((o) => toPoint(kind, o))
    .filter((p): p is VitalPoint => p !== null)
    .sort((a, b) => a.date.localeCompare(b.date));
  return { kind, unit: def.unit, range: def.range, secondRange: def.secondRange, points };
}

function toPoint(kind: VitalKind, o: Observation): VitalPoint | null {
  const date = o.effectiveDateTime ?? o.effectivePeriod?.start ?? o.issued;
  if (!date) return null;
  const base = { observationId: o.id!, date, patientReported: isPatientReported(o), unit: SERIES[kind].unit };
  if (kind === 'blood-pressure') {
    const part = (code: string) => o.component?.find((c) => c.code.coding?.some((x) => x.system === LOINC && x.code === code))?.valueQuantity?.value;
    const systolic = part('8480-6');
    const diastolic = part('8462-4');
    return typeof systolic === 'number' ? { ...base, value: systolic, secondValue: typeof diastolic === 'number' ? diastolic : null } : null;
  }
  const value = convert(kind, o.valueQuantity);
  return value === null ? null : { ...base, value, secondValue: null };
}

/** Values in the series unit: pounds to kilograms, mmol/L glucose to mg/dL (x 18.016). */
function convert(kind: VitalKind, q: Quantity | undefined): number | null {
  if (typeof q?.value !== 'number') return null;
  const unit = q.code ?? q.unit ?? '';
  if (kind === 'weight' && (unit === '[lb_av]' || unit === 'lb' || unit === 'lbs')) return round(q.value * 0.45359237, 1);
  if (kind === 'weight' && unit === 'g') return round(q.value / 1000, 1);
  if (kind === 'glucose' && unit.toLowerCase() === 'mmol/l') return Math.round(q.value * 18.016);
  return q.value;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
